//! Quantities: digits with separators and decimals (`3,000`, `1.5`), scale words (`1.5
//! million`, `$2.4bn`), percentages, money, numbers in words (`twenty-six`), ranges
//! (`2014-2022`, `between 20 and 30`), bounded and vague amounts (`more than 30`, `nearly`,
//! `dozens`, `a handful`), each with the noun it counts. Guards: the pronoun `one` (`no one`,
//! `one of them`), numbers glued to names (`COVID-19`, `G7`), ordinals, masked dates and times.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// A quantity as written; `normalize` computes its interval.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawQuantity {
    /// A bound or hedge before the number: `more than`, `nearly`, `between`, …
    pub modifier: Option<String>,
    /// The number as written: `26`, `3,000`, `twenty-six`, or a vague word (`dozens`).
    pub number: String,
    /// The end of a range, as written.
    pub upper: Option<String>,
    /// `million`, `bn`, `k`, …
    pub scale: Option<String>,
    /// `$`, `£`, `€`, or a currency word.
    pub currency: Option<String>,
    pub percent: bool,
    /// The words after the number that say what it counts, lowercased (`flood`, `warnings`).
    pub noun: Vec<String>,
}

const NUMBER_WORD: &str = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)";

static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    let digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";
    let words = format!(r"{NUMBER_WORD}(?:(?:-|\s+|\s+and\s+){NUMBER_WORD})*");
    let vague = r"a\s+handful|a\s+few|several|dozens|scores|hundreds|thousands|millions|billions|(?:a|two|three|half\s+a)\s+dozen";
    let modifier = r"more\s+than|fewer\s+than|less\s+than|greater\s+than|at\s+least|at\s+most|up\s+to|as\s+many\s+as|as\s+few\s+as|about|around|approximately|roughly|nearly|almost|over|under|some|an\s+estimated|close\s+to|just\s+over|just\s+under|between|from";
    let scale = r"million|billion|trillion|thousand|bn|mn|m|k";
    let currency_word = r"dollars|euros|pounds|yuan|rupees|roubles|rubles|USD|EUR|GBP";
    Regex::new(&format!(
        r"(?ix)
        (?:(?P<mod>{modifier})\s+)?
        (?P<cur>US\$|\$|€|£)?
        (?:(?P<num>{digits})|(?P<words>{words})|(?P<vague>{vague}))
        (?:\s?(?P<scale>{scale})\b)?
        (?P<pct>\s?(?:%|per\s?cent\b|percent\b))?
        (?:\s*(?:-|–|—|\bto\b|\band\b)\s*(?P<cur2>US\$|\$|€|£)?(?:(?P<num2>{digits})|(?P<words2>{words}))(?:\s?(?P<scale2>{scale})\b)?(?P<pct2>\s?(?:%|per\s?cent\b|percent\b))?)?
        (?:\s+(?P<curw>{currency_word})\b)?
        "
    ))
    .expect("valid regex")
});

/// Words that end a noun phrase after a number.
const STOP: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by",
    "with", "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "that", "which",
    "who", "this", "these", "those", "it", "its", "their", "his", "her", "since", "after",
    "before", "than", "per", "each", "into", "over", "under", "about", "across", "during", "while",
    "would", "will", "could", "should", "may", "might", "can", "not", "no", "said", "says", "more",
    "less", "up", "down", "out", "off", "so", "if", "when", "where", "there", "here",
];

/// Finds the quantities of one sentence, skipping masked spans (dates, times).
pub fn find(text: &str, masked: &[Range<usize>]) -> Vec<(Range<usize>, RawQuantity)> {
    let mut out = Vec::new();
    for c in QUANTITY.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let core = c
            .name("num")
            .or(c.name("words"))
            .or(c.name("vague"))
            .expect("a number group");
        let start = c
            .name("mod")
            .map_or(c.name("cur").map_or(core.start(), |m| m.start()), |m| {
                m.start()
            });
        let mut end = whole.end();
        if masked
            .iter()
            .any(|m| m.start < core.end() && core.start() < m.end)
        {
            continue;
        }
        if glued_to_word(text, core.start(), end) {
            continue;
        }
        let number = core.as_str().to_string();
        let lower = number.to_ascii_lowercase();
        if (lower == "one" || lower.starts_with("one ")) && pronoun_one(text, core.start(), end) {
            continue;
        }
        // "between 20 and 30", "from 6 to 82" need their second half; otherwise "and" ends it.
        let modifier = c.name("mod").map(|m| {
            m.as_str()
                .to_ascii_lowercase()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        });
        let mut upper = c
            .name("num2")
            .or(c.name("words2"))
            .map(|m| m.as_str().to_string());
        let mut percent = c.name("pct").is_some() || c.name("pct2").is_some();
        let mut scale = c
            .name("scale")
            .or(c.name("scale2"))
            .map(|m| m.as_str().to_ascii_lowercase());
        if upper.is_some() {
            let sep =
                &text[core.end()..c.name("num2").or(c.name("words2")).expect("upper").start()];
            let joined_by_and = sep.to_ascii_lowercase().contains("and");
            if joined_by_and && modifier.as_deref() != Some("between") {
                // "20 and 30 people" without "between" is two quantities; keep the first.
                upper = None;
                end = c
                    .name("pct")
                    .or(c.name("scale"))
                    .map_or(core.end(), |m| m.end());
                percent = c.name("pct").is_some();
                scale = c.name("scale").map(|m| m.as_str().to_ascii_lowercase());
            }
        }
        // A lone "m"/"k" scale needs money to make sense ("5m" of what? "5 m" is metres).
        if matches!(scale.as_deref(), Some("m" | "k" | "mn")) && c.name("cur").is_none() {
            scale = None;
            end = core.end();
        }
        let currency = c
            .name("cur")
            .or(c.name("cur2"))
            .or(c.name("curw"))
            .map(|m| m.as_str().to_string());
        let (noun, noun_end) = noun_after(text, end, core.end());
        let _ = noun_end;
        out.push((
            start..end,
            RawQuantity {
                modifier,
                number,
                upper,
                scale,
                currency,
                percent,
                noun,
            },
        ));
    }
    out
}

/// Numbers glued to letters are parts of names or codes: `COVID-19`, `G7`, `21st`, `A1`.
fn glued_to_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let before2 = text[..start].chars().rev().nth(1);
    let after = text[end..].chars().next();
    let letter_before = before.is_some_and(|c| c.is_alphanumeric())
        || (before == Some('-') && before2.is_some_and(|c| c.is_alphabetic()));
    let core_is_digit = text[start..end].starts_with(|c: char| c.is_ascii_digit());
    let letter_after = core_is_digit && after.is_some_and(|c| c.is_alphabetic());
    letter_before || letter_after
}

/// The pronoun "one": `no one`, `any one`, `one of them`, `the one who`, `someone`.
fn pronoun_one(text: &str, start: usize, end: usize) -> bool {
    let before: Vec<String> = text[..start]
        .split_whitespace()
        .rev()
        .take(1)
        .map(|w| w.to_ascii_lowercase())
        .collect();
    if before.first().is_some_and(|w| {
        matches!(
            w.as_str(),
            "no" | "any" | "every" | "each" | "the" | "this" | "that" | "which" | "no-" | "someone"
        )
    }) {
        return true;
    }
    let next = text[end..]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let next = next.trim_matches(|c: char| !c.is_alphanumeric());
    next.is_empty()
        || matches!(
            next,
            "of" | "who" | "that" | "which" | "another" | "thing" | "way" | "day"
        )
}

/// Up to three lowercase words after the number, skipping `of (the)`: the counted noun.
/// A hyphenated unit right after a number (`18-week`) counts too.
fn noun_after(text: &str, end: usize, core_end: usize) -> (Vec<String>, usize) {
    let rest = &text[end..];
    if end == core_end
        && let Some(after_hyphen) = rest.strip_prefix('-')
    {
        let word: String = after_hyphen
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        if !word.is_empty() {
            return (vec![word.to_ascii_lowercase()], end + 1 + word.len());
        }
    }
    let mut words = Vec::new();
    let mut pos = end;
    let mut skipped_of = false;
    for token in rest.split_inclusive(char::is_whitespace) {
        let raw = token.trim();
        if raw.is_empty() {
            pos += token.len();
            continue;
        }
        let word = raw.trim_end_matches([',', '.', ';', ':', ')', '"', '”', '’', '\'', '!', '?']);
        let lower = word.to_ascii_lowercase();
        let is_word = !word.is_empty() && word.chars().all(|c| c.is_alphabetic() || c == '-');
        if words.is_empty() && !skipped_of && lower == "of" {
            skipped_of = true;
            pos += token.len();
            continue;
        }
        if skipped_of && words.is_empty() && lower == "the" {
            pos += token.len();
            continue;
        }
        // "one person died": a past participle after the noun is the verb, not the noun.
        // ("-ing" words are left in: "flood warning", "meeting" are nouns far more often.)
        let verb_like = lower.ends_with("ed");
        if !is_word
            || STOP.contains(&lower.as_str())
            || (!words.is_empty()
                && (verb_like || word.chars().next().is_some_and(char::is_uppercase)))
        {
            break;
        }
        // A plural or a collective noun is the head of the phrase: stop after it.
        let head = (lower.ends_with('s') && !lower.ends_with("ss"))
            || matches!(
                lower.as_str(),
                "people" | "children" | "staff" | "police" | "personnel" | "men" | "women"
            );
        words.push(lower);
        pos += token.len();
        if word.len() != raw.len() || words.len() == 3 || head {
            break;
        }
    }
    (words, pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Vec<(String, RawQuantity)> {
        find(text, &[])
            .into_iter()
            .map(|(r, q)| (text[r].to_string(), q))
            .collect()
    }

    #[test]
    fn digits_words_and_nouns() {
        let found = q("Some 26 states and twenty-six countries sent 3,000 troops.");
        let surfaces: Vec<&str> = found.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(surfaces, ["Some 26", "twenty-six", "3,000"]);
        assert_eq!(found[0].1.noun, ["states"]);
        assert_eq!(found[1].1.noun, ["countries"]);
        assert_eq!(found[2].1.noun, ["troops"]);
    }

    #[test]
    fn money_scale_and_percent() {
        let found = q("The deal is worth $2.4bn, up 40% from €1.5 million, or 12 per cent.");
        assert_eq!(found[0].1.currency.as_deref(), Some("$"));
        assert_eq!(found[0].1.scale.as_deref(), Some("bn"));
        assert!(found[1].1.percent);
        assert_eq!(found[2].1.scale.as_deref(), Some("million"));
        assert!(found[3].1.percent);
    }

    #[test]
    fn ranges_and_bounds() {
        let found = q("between 20 and 30 people; from 6 to 82 cases; 2014-2022; more than 30 dead");
        assert_eq!(found[0].1.modifier.as_deref(), Some("between"));
        assert_eq!(found[0].1.upper.as_deref(), Some("30"));
        assert_eq!(found[1].1.upper.as_deref(), Some("82"));
        assert_eq!(found[2].1.upper.as_deref(), Some("2022"));
        assert_eq!(found[3].1.modifier.as_deref(), Some("more than"));
    }

    #[test]
    fn two_numbers_joined_by_and_stay_two() {
        let found = q("17 are in Wales and 16 are in Northern Ireland");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].1.upper, None);
    }

    #[test]
    fn vague_amounts() {
        let found = q("dozens of nations and a handful of properties");
        assert_eq!(found[0].1.number, "dozens");
        assert_eq!(found[0].1.noun, ["nations"]);
        assert_eq!(found[1].1.number, "a handful");
        assert_eq!(found[1].1.noun, ["properties"]);
    }

    #[test]
    fn pronoun_one_and_glued_numbers_are_skipped() {
        assert!(q("no one has discussed this with us, and one of them left").is_empty());
        assert!(q("COVID-19 and G7 leaders met on the 21st").is_empty());
        assert_eq!(q("one person died").len(), 1);
    }

    #[test]
    fn noun_phrase_stops_at_the_verb_or_the_plural_head() {
        let found = q("there is 1 severe flood warning in place; 26 states agree; one person died");
        assert_eq!(found[0].1.noun, ["severe", "flood", "warning"]);
        assert_eq!(found[1].1.noun, ["states"]);
        assert_eq!(found[2].1.noun, ["person"]);
    }

    #[test]
    fn hyphenated_unit() {
        let found = q("an 18-week suspended sentence");
        assert_eq!(found[0].1.noun, ["week"]);
    }
}
