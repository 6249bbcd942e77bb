//! Sentence-level cues: negation (`not`, `never`, `denied`) and modality (`will`, `may`,
//! `reportedly`, `expected to`). They colour every fact of the sentence they are in.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

static NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    super::compile(
        r"(?i)\b(?:not|never|no|none|nobody|nothing|neither|nor|cannot|denied|denies|deny|rejected|rejects|refused|refuses|ruled\s+out)\b|n['’]t\b",
    )
});

static MODALITY: LazyLock<Regex> = LazyLock::new(|| {
    super::compile(
        r"(?i)\b(?:will|would|may|might|could|can|should|must|shall|reportedly|allegedly|apparently|possibly|probably|likely|unlikely|expected\s+to|set\s+to|due\s+to|plans?\s+to|intends?\s+to|is\s+to|are\s+to|believed\s+to|said\s+to\s+be|thought\s+to)\b|['’]ll\b",
    )
});

/// The negation cues of a sentence, if any: (span from first to last cue, cues).
/// `not only`, `no longer` and `no doubt` do not flip a fact's polarity.
pub fn find_negations(text: &str) -> Option<(Range<usize>, Vec<String>)> {
    let cues: Vec<regex::Match> = NEGATION
        .find_iter(text)
        .filter(|m| {
            let after = text[m.end()..].trim_start().to_ascii_lowercase();
            !(after.starts_with("only")
                || after.starts_with("longer")
                || after.starts_with("doubt"))
        })
        .collect();
    let first = cues.first()?;
    let last = cues.last()?;
    Some((
        first.start()..last.end(),
        cues.iter()
            .map(|m| m.as_str().to_ascii_lowercase())
            .collect(),
    ))
}

/// The first modality cue of a sentence, normalized (`expected to`, `will`, `reportedly`).
/// Cues inside quotation marks count: a quoted "will" is still a forecast.
pub fn find_modality(text: &str) -> Option<String> {
    MODALITY.find(text).map(|m| {
        let cue = m.as_str().to_ascii_lowercase();
        let cue = cue.split_whitespace().collect::<Vec<_>>().join(" ");
        if cue.ends_with("ll") && cue.starts_with(['\'', '’']) {
            "will".to_string()
        } else {
            cue
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negation_cues() {
        assert_eq!(find_negations("He was not injured.").unwrap().1, ["not"]);
        assert_eq!(
            find_negations("The ministry denied it.").unwrap().1,
            ["denied"]
        );
        assert_eq!(find_negations("It wasn't him.").unwrap().1, ["n't"]);
        assert!(find_negations("He was injured.").is_none());
        assert!(find_negations("It is not only late.").is_none());
    }

    #[test]
    fn modality_cues() {
        assert_eq!(
            find_modality("Troops will be sent.").as_deref(),
            Some("will")
        );
        assert_eq!(
            find_modality("Talks are expected to resume.").as_deref(),
            Some("expected to")
        );
        assert_eq!(
            find_modality("He reportedly left.").as_deref(),
            Some("reportedly")
        );
        assert_eq!(find_modality("We’ll see.").as_deref(), Some("will"));
        assert_eq!(find_modality("The summit ended.").as_deref(), None);
    }
}
