//! Quotations, their speakers, attributions and negation cues.
//!
//! Quotes: curly (“…”) and straight ("…") marks, a quote left open at the end of its sentence
//! (it runs on into the next paragraph), and the press-release layout where a line
//! `Name, title, said:` is followed by the quoted paragraph without any marks. Attribution
//! patterns: `"…," X said`, `"…," said X`, `X said: "…"`, `X told reporters`, `X, a title,
//! said`, `according to X`. A pronoun speaker stays a pronoun here; `normalize` resolves it.
//! Negation and modality cues live in `cues`.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{Detail, RawClaim};
use crate::model::{ClaimKind, Document, Sentence};

/// Who a sentence says is speaking, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpeakerRef {
    /// A name or an organisation as written (`President Vladimir Putin`, `the ministry`).
    Name(String),
    /// `he`, `she`, `they`.
    Pronoun(String),
    /// A role instead of a name: `the Russian president` (`russian president`).
    Role(String),
    /// Someone's role: `Putin's spokesperson` (owner `Putin`, role `spokesperson`).
    OwnedRole { owner: String, role: String },
}

const VERBS: &str = r"said|says|say|told|tells|added|adds|declared|declares|stated|states|warned|warns|insisted|insists|explained|explains|noted|notes|claimed|claims|argued|argues|announced|announces|confirmed|confirms|denied|denies|wrote|writes|replied|asked|urged|urges|recalled|acknowledged|admitted|admits|continued|suggested|commented|remarked|reiterated|stressed|said\s+in\s+a\s+statement";
const NAME: &str = r"(?:[A-Z][\p{L}’'.\-]*\s+){0,3}[A-Z][\p{L}’'\-]+";

static SUBJECT_VERB: LazyLock<Regex> = LazyLock::new(|| {
    super::compile(&format!(
        r"(?P<name>{NAME}|\b(?:he|she|they|He|She|They)\b)(?:,\s[^,]{{2,90}},)?,?\s+(?:(?:also|later|previously|then|has|had|have|once|again|separately|on\s+\w+)\s+){{0,2}}(?P<verb>{VERBS})\b"
    ))
});
static VERB_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    super::compile(&format!(
        r#"[”"’],?\s+(?P<verb>said|says|added|declared|told|asked|wrote|warned|insisted|replied)\s+(?:[a-z’']+,?\s+){{0,6}}?(?P<name>{NAME})"#
    ))
});
static ROLE_VERB: LazyLock<Regex> = LazyLock::new(|| {
    super::compile(&format!(
        r"\b[Tt]he\s+(?P<role>(?:[A-Z][\p{{L}}\-]+\s+){{0,2}}(?i:{roles}))\s+(?:(?:also|later|has|had|then)\s+)?(?P<verb>{VERBS})\b",
        roles = super::entities::ROLE_NOUNS
    ))
});
static OWNED_ROLE_VERB: LazyLock<Regex> = LazyLock::new(|| {
    super::compile(&format!(
        r"(?P<owner>{NAME})['’]s\s+(?P<role>(?i:{roles}))\s+(?:(?:also|later|has|had|then)\s+)?(?P<verb>{VERBS})\b",
        roles = super::entities::ROLE_NOUNS
    ))
});
static ACCORDING_TO: LazyLock<Regex> = LazyLock::new(|| {
    super::compile(&format!(
        r"\b[Aa]ccording\s+to\s+(?P<name>{NAME}|the\s+[a-z]+(?:\s+[a-z]+)?)"
    ))
});

/// Byte ranges of the quotations in a sentence, including their marks, with the words inside.
fn quote_spans(text: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '“') => open = Some((i, '”')),
            (None, '"') => open = Some((i, '"')),
            (Some((start, close)), c) if c == close => {
                let inner = start
                    + '“'
                        .len_utf8()
                        .min(text[start..].chars().next().map_or(1, char::len_utf8))
                    ..i;
                spans.push((start..i + c.len_utf8(), inner));
                open = None;
            }
            _ => {}
        }
    }
    // A quote still open at the end of the sentence runs to its end.
    if let Some((start, _)) = open {
        let first = text[start..].chars().next().map_or(1, char::len_utf8);
        spans.push((start..text.len(), start + first..text.len()));
    }
    if spans.is_empty() {
        spans = single_quote_spans(text);
    }
    spans
}

/// British style, single marks (‘…’), in a sentence without double ones. An opening mark
/// starts a word; a closing mark is followed by no letter, which tells it from an
/// apostrophe (`Putin’s`, `don’t`).
fn single_quote_spans(text: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        match (open, c) {
            (None, '‘') if prev.is_none_or(|p| p.is_whitespace() || "([—–-".contains(p)) => {
                open = Some(i)
            }
            (Some(start), '’')
                if !next.is_some_and(char::is_alphabetic) && i > start + '‘'.len_utf8() =>
            {
                spans.push((start..i + c.len_utf8(), start + '‘'.len_utf8()..i));
                open = None;
            }
            _ => {}
        }
        prev = Some(c);
    }
    spans
}

/// The sentence with the insides of quotations blanked (same byte length), so attribution
/// patterns never match words that someone is quoted as saying.
fn mask_quotes(text: &str, spans: &[(Range<usize>, Range<usize>)]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for (_, inner) in spans {
        for b in &mut bytes[inner.clone()] {
            *b = b'q';
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

/// An attribution in a sentence: (span, speaker, reporting verb).
pub type Attribution = (Range<usize>, SpeakerRef, String);

/// Quotes of one sentence: (span, words, speaker), the speaker being the first attribution
/// the sentence makes.
pub fn find_quotes(
    text: &str,
    attributions: &[Attribution],
) -> Vec<(Range<usize>, String, Option<SpeakerRef>)> {
    let speaker = attributions.first().map(|(_, s, _)| s.clone());
    quote_spans(text)
        .into_iter()
        .filter_map(|(outer, inner)| {
            let words = quote_words(&text[inner]);
            (!words.is_empty()).then(|| (outer, words, speaker.clone()))
        })
        .collect()
}

/// The words of a quote, folded for display and comparison: whitespace collapsed, trailing
/// punctuation that belongs to the sentence (`,` `.`) removed.
pub fn quote_words(inner: &str) -> String {
    let collapsed = crate::segment::collapse_whitespace(inner);
    collapsed.trim_end_matches([',', ' ']).trim().to_string()
}

/// Attributions of one sentence, with quoted words blanked so they never count.
pub fn find_attributions(text: &str) -> Vec<Attribution> {
    // Every attribution pattern needs a reporting verb or "according to": one literal scan
    // rules out most sentences before the patterns run.
    static HINT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!("{VERBS}|ccording")).expect("valid regex"));
    if !HINT.is_match(text) {
        return Vec::new();
    }
    find_attributions_masked(text, &quote_spans(text))
}

fn find_attributions_masked(
    text: &str,
    spans: &[(Range<usize>, Range<usize>)],
) -> Vec<Attribution> {
    let masked = mask_quotes(text, spans);
    let mut out: Vec<(Range<usize>, SpeakerRef, String)> = Vec::new();
    // Earlier patterns win where two overlap.
    let mut push = |range: Range<usize>, speaker: Option<SpeakerRef>, verb: &str| {
        let overlaps = out
            .iter()
            .any(|(r, _, _)| r.start < range.end && range.start < r.end);
        if let (false, Some(speaker)) = (overlaps, speaker) {
            let verb = verb
                .split_whitespace()
                .next()
                .unwrap_or(verb)
                .to_ascii_lowercase();
            out.push((range, speaker, verb));
        }
    };
    for c in VERB_SUBJECT.captures_iter(&masked) {
        let name = c.name("name").expect("name");
        let start = c.name("verb").expect("verb").start();
        push(start..name.end(), speaker_ref(name.as_str()), &c["verb"]);
    }
    for c in SUBJECT_VERB.captures_iter(&masked) {
        let name = c.name("name").expect("name");
        let verb = c.name("verb").expect("verb");
        push(
            name.start()..verb.end(),
            speaker_ref(name.as_str()),
            verb.as_str(),
        );
    }
    for c in ROLE_VERB.captures_iter(&masked) {
        let role = c["role"]
            .split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ");
        push(
            c.get(0).expect("match").range(),
            Some(SpeakerRef::Role(role)),
            &c["verb"],
        );
    }
    for c in OWNED_ROLE_VERB.captures_iter(&masked) {
        let owner = c["owner"].to_string();
        let role = c["role"]
            .split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ");
        push(
            c.get(0).expect("match").range(),
            Some(SpeakerRef::OwnedRole { owner, role }),
            &c["verb"],
        );
    }
    for c in ACCORDING_TO.captures_iter(&masked) {
        push(
            c.get(0).expect("match").range(),
            speaker_ref(&c["name"]),
            "according",
        );
    }
    out.sort_by_key(|(r, _, _)| r.start);
    out
}

/// Words a capitalised run can start with that are not part of a name.
const NOT_NAMES: &[&str] = &[
    "But",
    "And",
    "However",
    "Separately",
    "Meanwhile",
    "Later",
    "Earlier",
    "Instead",
    "Also",
    "Yesterday",
    "Today",
    "On",
    "In",
    "At",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "Then",
    "This",
    "That",
    "It",
    "We",
    "I",
    "You",
    "Asked",
    "Speaking",
    "Officials",
    "Witnesses",
];

fn speaker_ref(name: &str) -> Option<SpeakerRef> {
    let name = name.trim();
    let lower = name.to_ascii_lowercase();
    if matches!(lower.as_str(), "he" | "she" | "they") {
        return Some(SpeakerRef::Pronoun(lower));
    }
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words
        .first()
        .is_some_and(|w| NOT_NAMES.contains(&w.trim_end_matches(',')))
    {
        words.remove(0);
    }
    if words.is_empty() {
        // "Officials said": a generic source, still an attribution.
        return (!name.is_empty()).then(|| SpeakerRef::Name(name.to_string()));
    }
    Some(SpeakerRef::Name(words.join(" ")))
}

/// The press-release layout: a sentence `X, title, said:` with no quote marks of its own
/// introduces the next paragraph, which is X's words without marks.
pub fn attach_block_quotes(doc: &Document, sentences: &[Sentence], claims: &mut Vec<RawClaim>) {
    let mut extra = Vec::new();
    for (i, s) in sentences.iter().enumerate() {
        if !s.text.ends_with(':') || s.text.contains(['"', '“', '”']) {
            continue;
        }
        let Some(speaker) = claims
            .iter()
            .find_map(|c| match (&c.detail, c.sentence == s.index) {
                (Detail::Attribution { speaker, .. }, true) => Some(speaker.clone()),
                _ => None,
            })
        else {
            continue;
        };
        let Some(next) = sentences
            .get(i + 1)
            .filter(|n| n.paragraph == s.paragraph + 1)
        else {
            continue;
        };
        for q in sentences[i + 1..]
            .iter()
            .take_while(|q| q.paragraph == next.paragraph)
        {
            let has_marks = q.text.contains(['"', '“', '”']);
            if has_marks {
                continue;
            }
            let words = quote_words(q.text.trim_end_matches(['.', '!', '?']));
            let _ = doc;
            extra.push(RawClaim {
                kind: Some(ClaimKind::Quote),
                sentence: q.index,
                span: q.span.clone(),
                surface: q.text.clone(),
                detail: Detail::Quote {
                    words,
                    speaker: Some(speaker.clone()),
                },
            });
        }
    }
    claims.extend(extra);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes_of(text: &str) -> Vec<(Range<usize>, String, Option<SpeakerRef>)> {
        find_quotes(text, &find_attributions(text))
    }

    fn name(s: &str) -> SpeakerRef {
        SpeakerRef::Name(s.to_string())
    }

    #[test]
    fn quote_then_said_name() {
        let q = quotes_of("“They will be legitimate targets,” Putin said at the forum.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].1, "They will be legitimate targets");
        assert_eq!(q[0].2, Some(name("Putin")));
    }

    #[test]
    fn said_name_after_quote() {
        let q = quotes_of("\"We are ready,\" said Dr. Maria Lopez, the health minister.");
        assert_eq!(q[0].2, Some(name("Dr. Maria Lopez")));
    }

    #[test]
    fn lowercase_role_between_verb_and_name() {
        let q = quotes_of(
            "“Nobody listened,” said union steward Marta Kell, who has worked there for years.",
        );
        assert_eq!(q[0].2, Some(name("Marta Kell")));
        let q = quotes_of(
            "\"Nobody will cross,\" the city's police chief, Tomas Vidal, said at a briefing.",
        );
        assert_eq!(q[0].2, Some(name("Tomas Vidal")));
    }

    #[test]
    fn name_said_colon_quote() {
        let q = quotes_of("Peskov told reporters: \"Definitely not.\"");
        assert_eq!(q[0].1, "Definitely not.");
        assert_eq!(q[0].2, Some(name("Peskov")));
    }

    #[test]
    fn pronoun_speaker() {
        let q = quotes_of("“We would recognise it as a threat,” he told reporters.");
        assert_eq!(q[0].2, Some(SpeakerRef::Pronoun("he".into())));
    }

    #[test]
    fn appositive_and_title() {
        let a =
            find_attributions("Yvonne Daly, Environment Manager at the Environment Agency, said:");
        assert_eq!(a[0].1, name("Yvonne Daly"));
        let a = find_attributions(
            "Separately, Kremlin spokesperson Dmitry Peskov stated that it was over.",
        );
        assert_eq!(a[0].1, name("Dmitry Peskov"));
        let a = find_attributions("The plan failed, according to the ministry.");
        assert_eq!(a[0].1, name("the ministry"));
    }

    #[test]
    fn role_as_speaker() {
        let a = find_attributions("The Russian president said the plan was unacceptable.");
        assert_eq!(a[0].1, SpeakerRef::Role("russian president".into()));
        let q = quotes_of("“No,” the Kremlin spokesperson told reporters.");
        assert_eq!(
            q[0].2,
            Some(SpeakerRef::Role("kremlin spokesperson".into()))
        );
    }

    #[test]
    fn someones_spokesperson() {
        let q = quotes_of("\"It is a threat,\" Putin's spokesperson said on Friday.");
        assert_eq!(
            q[0].2,
            Some(SpeakerRef::OwnedRole {
                owner: "Putin".into(),
                role: "spokesperson".into()
            })
        );
    }

    #[test]
    fn british_single_quotes_but_not_apostrophes() {
        let q = quotes_of(
            "‘We will not retreat,’ Putin’s spokesperson said, calling the plan ‘reckless’.",
        );
        let words: Vec<&str> = q.iter().map(|(_, w, _)| w.as_str()).collect();
        assert_eq!(words, ["We will not retreat", "reckless"]);
        assert!(quotes_of("Putin’s aides don’t agree.").is_empty());
    }

    #[test]
    fn partial_quote_has_no_speaker_inside_words() {
        let q = quotes_of("Putin called the plan \"reckless\" on Friday.");
        assert_eq!(q[0].1, "reckless");
    }

    #[test]
    fn quoted_words_do_not_make_attributions() {
        assert!(find_attributions("\"Smith said nothing,\" the report read.").is_empty());
    }
}
