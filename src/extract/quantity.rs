//! Quantities: digits with separators and decimals (`3,000`, `1.5`, `.08`, `1 234 567`), scale
//! words (`1.5 million`, `$2.4bn`, `10k`, `13 lakh`), percentages (`27 %`, `per cent of 22`),
//! money (`$ 75 million`, `c $ 16.4 million`, `470 pence`, `USD 200`, `15 dollars 50`), numbers
//! in words (`twenty-six`, `one hundred and three`), fractions (`two thirds`, `a half`, `3½`,
//! `one over three`, `1 in 5`), ordinals (`first`, `twenty-first`, `21st`), ranges (`2014-2022`,
//! `between 20 and 30`), bounded and vague amounts (`more than 30`, `up to 700`, `500 or
//! more`, `more than 10 and less than 40`, `nearly`, `dozens`, `a handful`), each with the noun
//! it counts.
//!
//! Guards for news text: the pronoun `one` (`no one`, `one of them`), numbers glued to names
//! (`COVID-19`, `G7`, `3D`), masked dates and clock times, addresses (`https://…%20…`), `a third
//! time` (a rank, not a fraction), `a second` (time), a bare `half` (`first half`) or `quarter`.
//!
//! The words are found here; what they are worth is read by `normalize::quantity_value`, the
//! one place that knows the number grammar and the currency table. The extractor asks it
//! whether a run of tokens reads as one number (`three hundred and two hundred` does not: it
//! is two) or names a currency, and keeps the longest run that does.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::normalize::quantity_value;

/// A quantity as written; `normalize` computes its interval.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawQuantity {
    /// A bound or hedge before the number: `more than`, `nearly`, `between`, `<=`, …
    pub modifier: Option<String>,
    /// The number as written: `26`, `3,000`, `twenty-six`, `two thirds`, `21st`, `-4/5`, or a
    /// vague word (`dozens`).
    pub number: String,
    /// The end of a range, or the second figure of a compound bound, as written.
    pub upper: Option<String>,
    /// The bound before `upper` in `more than 10 and less than 40`.
    pub upper_modifier: Option<String>,
    /// A bound after the number: `or more`, `or less`, `or equal`.
    pub suffix: Option<String>,
    /// `million`, `bn`, `k`, … after a number in digits.
    pub scale: Option<String>,
    /// The scale written after `upper` (`5k-20k`).
    pub upper_scale: Option<String>,
    /// `$`, `£`, `C$`, `USD`, `pence`, `australian dollars`, … as written.
    pub currency: Option<String>,
    /// The minor amount after a major one: `15 dollars 50`, `3 dollars 50 cents`.
    pub cents: Option<String>,
    pub percent: bool,
    /// A unit of rates after the number: `percentage point`, `basis points`, `bps`.
    pub points: Option<String>,
    /// The words after the number that say what it counts, lowercased (`flood`, `warnings`).
    pub noun: Vec<String>,
}

/// Words that end a noun phrase after a number.
const STOP: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by",
    "with", "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "that", "which",
    "who", "this", "these", "those", "it", "its", "their", "his", "her", "since", "after",
    "before", "than", "per", "each", "into", "over", "under", "about", "across", "during", "while",
    "would", "will", "could", "should", "may", "might", "can", "not", "no", "said", "says", "more",
    "less", "up", "down", "out", "off", "so", "if", "when", "where", "there", "here",
];

/// Cardinal words below a thousand (the grammar and its word tables are in `normalize`).
fn cardinal_words() -> impl Iterator<Item = &'static str> {
    use crate::normalize::number::{TEENS, TENS, UNITS};
    UNITS
        .into_iter()
        .chain(TEENS)
        .chain(TENS)
        .chain(["nought", "naught", "hundred"])
}

fn cardinal_word(w: &str) -> bool {
    cardinal_words().any(|c| c == w)
}

/// Other words that may be part of a number phrase: scales, dozens, halves and quarters.
const SCALE_AND_SHARE_WORDS: &[&str] = &[
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "trillions",
    "lakh",
    "lakhs",
    "crore",
    "crores",
    "dozen",
    "dozens",
    "dz",
    "dzs",
    "doz",
    "dozs",
    "half",
    "halves",
    "quarter",
    "quarters",
];

fn number_word(w: &str) -> bool {
    cardinal_word(w) || SCALE_AND_SHARE_WORDS.contains(&w)
}

/// Ordinal words (`fifth`); with an `s` they are denominators (`fifths`).
fn ordinal_words() -> impl Iterator<Item = &'static str> {
    use crate::normalize::number::{ORD_TEENS, ORD_TENS, ORD_UNITS};
    ORD_UNITS
        .into_iter()
        .skip(1)
        .chain(ORD_TEENS)
        .chain(ORD_TENS)
        .chain([
            "nineth",
            "hundredth",
            "thousandth",
            "millionth",
            "billionth",
            "trillionth",
        ])
}

fn ordinal_word(w: &str) -> bool {
    ordinal_words().any(|o| o == w)
}

/// Words that join the parts of a number phrase; a phrase never ends on one.
const CONNECTORS: &[&str] = &[
    "and", "a", "an", "point", "over", "in", "out", "of", "minus", "negative", "-", "–", "/",
];

/// Multipliers: `and 2` before one belongs to the next number (`3 hundred and 2 hundred`).
const MULTIPLIERS: &[&str] = &[
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "trillions",
    "lakh",
    "lakhs",
    "crore",
    "crores",
    "dozen",
    "dozens",
];

/// Scale words kept apart from digits, as written (`75 million`).
const SCALE_WORDS: &[&str] = &[
    "thousand", "million", "billion", "trillion", "lakh", "lakhs", "crore", "crores",
];

/// Bounds and hedges before a number, longest first where one extends another.
const MODIFIERS: &[&str] = &[
    "greater than or equal to",
    "more than or equal to",
    "larger than or equal to",
    "higher than or equal to",
    "bigger than or equal to",
    "less than or equal to",
    "fewer than or equal to",
    "smaller than or equal to",
    "lower than or equal to",
    "bigger or equal than",
    "higher or equal than",
    "greater or equal than",
    "larger or equal than",
    "more or equal than",
    "less or equal than",
    "smaller or equal than",
    "lower or equal than",
    "fewer or equal than",
    "equal to or more than",
    "equal to or greater than",
    "equal to or higher than",
    "equal to or less than",
    "equal to or fewer than",
    "equal to or lower than",
    "at least or equal to",
    "at most or equal to",
    "more than",
    "greater than",
    "larger than",
    "bigger than",
    "higher than",
    "fewer than",
    "less than",
    "smaller than",
    "lower than",
    "no more than",
    "not more than",
    "no less than",
    "not less than",
    "no fewer than",
    "not fewer than",
    "at least",
    "at most",
    "up to",
    "as many as",
    "as few as",
    "a minimum of",
    "a maximum of",
    "in excess of",
    "just over",
    "just under",
    "well over",
    "well under",
    "well above",
    "well below",
    "above",
    "below",
    "over",
    "under",
    "exceed",
    "exceeds",
    "exceeded",
    "exceeding",
    "surpass",
    "surpasses",
    "surpassed",
    "surpassing",
    "equal to",
    "equals to",
    "equals",
    "equaling to",
    "equaling",
    "equalling to",
    "equalling",
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "some",
    "an estimated",
    "close to",
    "between",
    "from",
    "> =",
    "< =",
    ">",
    "<",
    "≥",
    "≤",
];

/// Hedges, which never join another bound into a compound one.
const HEDGES: &[&str] = &[
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "some",
    "an estimated",
    "close to",
    "between",
    "from",
    "as many as",
];

/// Bounds after a number (`500 or more`), longest first.
const SUFFIXES: &[&str] = &[
    "or equal to it",
    "or greater than",
    "or more than",
    "or less than",
    "or fewer than",
    "or equal to",
    "or more",
    "and more",
    "or greater",
    "or above",
    "or higher",
    "or over",
    "and above",
    "and over",
    "or less",
    "and less",
    "or fewer",
    "or below",
    "or under",
    "or lower",
    "and below",
    "and under",
    "or equal",
];

/// Vague amounts.
const VAGUE: &[&str] = &[
    "tens of thousands",
    "hundreds of thousands",
    "tens of millions",
    "hundreds of millions",
    "a handful",
    "a few",
    "several",
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "millions",
    "billions",
];

/// Scale abbreviations after digits (`10k`, `$2.4bn`, `5 bln`); `m` needs money (`5m` may be
/// metres), `b` must be glued (`1.2b`).
const SCALE_ABBREVIATIONS: &[&str] = &[
    "k", "K", "m", "M", "mn", "mln", "bn", "bln", "b", "B", "tn", "tln", "trn",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Digits,
    Word,
    /// `½`, `¾`, …
    Vulgar,
    Sym,
}

#[derive(Debug, Clone)]
struct Tok {
    kind: Kind,
    span: Range<usize>,
    lower: String,
    /// No space between this token and the one before.
    glued: bool,
    /// Inside a date, a clock time or an address.
    masked: bool,
}

static DIGIT_FORMATS: LazyLock<[Regex; 4]> = LazyLock::new(|| {
    [
        // European decimals (`1.111,11`), Indian grouping (`12,34,567.89`), thousands
        // (`1,234,567.5`), plain (`4.800`).
        r"^[0-9]{1,3}(?:\.[0-9]{3})+,[0-9]+",
        r"^[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?:\.[0-9]+)?",
        r"^[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?",
        r"^[0-9]+(?:\.[0-9]+)?",
    ]
    .map(|p| Regex::new(p).expect("valid regex"))
});
static EXPONENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[eE][+-]?[0-9]+").expect("valid regex"));
static LEADING_DOT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\.[0-9]+").expect("valid regex"));
static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    // Links (also the pieces a sentence splitter leaves of one), escaped queries, e-mail.
    Regex::new(
        r"\S*(?:://|[Ww][Ww][Ww]\.)\S*|\S*%[0-9A-Fa-f]{2}\S*%[0-9A-Fa-f]{2}\S*|\S+\.(?:com|org|net|gov|edu|io)/\S*|\S+@\S+\.\S+",
    )
    .expect("valid regex")
});

const VULGAR: &str = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒";

fn tokenize(text: &str, masked: &[Range<usize>]) -> Vec<Tok> {
    let mut masked = masked.to_vec();
    masked.extend(ADDRESS.find_iter(text).map(|m| m.range()));
    let mut toks: Vec<Tok> = Vec::new();
    let mut pos = 0;
    let mut glued = false;
    while let Some(c) = text[pos..].chars().next() {
        let rest = &text[pos..];
        let (kind, len) = if c.is_whitespace() {
            pos += c.len_utf8();
            glued = false;
            continue;
        } else if c.is_ascii_digit() {
            (Kind::Digits, digits_len(rest))
        } else if c == '.'
            && LEADING_DOT.is_match(rest)
            && !text[..pos].ends_with(|p: char| p.is_ascii_digit() || p.is_alphabetic())
        {
            let m = LEADING_DOT.find(rest).expect("match").end();
            (Kind::Digits, m + exponent_len(&rest[m..]))
        } else if VULGAR.contains(c) {
            (Kind::Vulgar, c.len_utf8())
        } else if c.is_alphabetic() {
            let len = rest
                .char_indices()
                .find(|(_, ch)| !ch.is_alphabetic() || VULGAR.contains(*ch))
                .map_or(rest.len(), |(i, _)| i);
            (Kind::Word, len)
        } else {
            (Kind::Sym, c.len_utf8())
        };
        let span = pos..pos + len;
        toks.push(Tok {
            kind,
            masked: masked
                .iter()
                .any(|m| m.start < span.end && span.start < m.end),
            lower: text[span.clone()].to_lowercase(),
            span,
            glued,
        });
        pos += len;
        glued = true;
    }
    join_spaced_groups(text, toks)
}

/// The length of the number in digits at the start of `rest`: the first format that is not
/// cut off inside a longer one (`22,24,26` is three numbers; `1,3` two).
fn digits_len(rest: &str) -> usize {
    for re in DIGIT_FORMATS.iter() {
        if let Some(m) = re.find(rest) {
            let after = &rest[m.end()..];
            let mut next = after.chars();
            let cut = match (next.next(), next.next()) {
                (Some(d), _) if d.is_ascii_digit() => true,
                (Some(',' | '.'), Some(d)) if d.is_ascii_digit() => true,
                _ => false,
            };
            if !cut {
                return m.end() + exponent_len(after);
            }
        }
    }
    rest.chars().take_while(char::is_ascii_digit).count()
}

/// `e10` after digits, when nothing alphanumeric follows it (`1e10`, not `5e3a`).
fn exponent_len(after: &str) -> usize {
    match EXPONENT.find(after) {
        Some(e) if !after[e.end()..].starts_with(|c: char| c.is_alphanumeric()) => e.end(),
        _ => 0,
    }
}

/// `1 234 567` and `40 000` (space, no-break or narrow no-break space between groups of three)
/// are one number; `423 0000` is two.
fn join_spaced_groups(text: &str, toks: Vec<Tok>) -> Vec<Tok> {
    let plain = |t: &Tok, head: bool| {
        let s = &text[t.span.clone()];
        let (int, frac) = s.split_once('.').unwrap_or((s, ""));
        let digits_ok = if head {
            (1..=3).contains(&int.len()) && frac.is_empty()
        } else {
            int.len() == 3
        };
        t.kind == Kind::Digits
            && !t.masked
            && digits_ok
            && int.chars().all(|c| c.is_ascii_digit())
            && frac.chars().all(|c| c.is_ascii_digit())
    };
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let mut tok = toks[i].clone();
        let mut j = i + 1;
        if plain(&tok, true) && (i == 0 || !toks[i - 1].glued || toks[i - 1].kind != Kind::Digits) {
            while j < toks.len()
                && plain(&toks[j], false)
                && matches!(
                    &text[toks[j - 1].span.end..toks[j].span.start],
                    " " | "\u{202f}" | "\u{a0}"
                )
                && text[toks[j - 1].span.clone()].len() <= 3
                && !toks
                    .get(j + 1)
                    .is_some_and(|n| n.glued && n.kind == Kind::Word)
            {
                tok.span.end = toks[j].span.end;
                j += 1;
            }
            tok.lower = text[tok.span.clone()].to_string();
        }
        out.push(tok);
        i = j;
    }
    out
}

/// The numeral found at a token: tokens `start..end`.
#[derive(Debug, Clone, Copy)]
struct Numeral {
    start: usize,
    end: usize,
    /// It reads as a rank (`21st`).
    ordinal: bool,
}

struct Scanner<'a> {
    text: &'a str,
    toks: Vec<Tok>,
}

fn raw_number(number: &str) -> RawQuantity {
    RawQuantity {
        number: number.to_string(),
        ..Default::default()
    }
}

impl<'a> Scanner<'a> {
    fn word(&self, i: usize) -> Option<&str> {
        self.toks
            .get(i)
            .filter(|t| t.kind == Kind::Word && !t.masked)
            .map(|t| t.lower.as_str())
    }

    fn is(&self, i: usize, s: &str) -> bool {
        self.toks.get(i).is_some_and(|t| !t.masked && t.lower == s)
    }

    fn text_of(&self, start: usize, end: usize) -> &'a str {
        &self.text[self.toks[start].span.start..self.toks[end - 1].span.end]
    }

    /// The longest phrase from `table` at token `i`, as (written, tokens).
    fn phrase_at(&self, i: usize, table: &[&str]) -> Option<(String, usize)> {
        let mut best: Option<(String, usize)> = None;
        let token = self
            .toks
            .get(i)
            .filter(|t| !t.masked)
            .map(|t| t.lower.as_str())?;
        for entry in table {
            // The first word rules out nearly every entry with one prefix test: this runs at
            // every token of every sentence, so nothing is split or allocated before it.
            if !(entry.starts_with(token)
                && entry.as_bytes().get(token.len()).is_none_or(|&b| b == b' '))
            {
                continue;
            }
            let words: Vec<&str> = entry.split(' ').collect();
            if best.as_ref().is_some_and(|(_, n)| *n >= words.len()) {
                continue;
            }
            if words.iter().enumerate().all(|(k, w)| self.is(i + k, w)) {
                let end = i + words.len();
                let written = self.text_of(i, end).to_lowercase();
                best = Some((
                    written.split_whitespace().collect::<Vec<_>>().join(" "),
                    words.len(),
                ));
            }
        }
        best
    }

    /// Whether a numeral could start at `i` (a cheap test before reading).
    fn starts_numeral(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i).filter(|t| !t.masked) else {
            return false;
        };
        match t.kind {
            Kind::Digits | Kind::Vulgar => true,
            Kind::Word => {
                let w = t.lower.as_str();
                (number_word(w) || ordinal_word(w))
                    || ((w == "minus" || w == "negative" || w == "a" || w == "an")
                        && self.starts_numeral(i + 1))
            }
            Kind::Sym => {
                matches!(t.lower.as_str(), "-" | "−")
                    && self
                        .toks
                        .get(i + 1)
                        .is_some_and(|n| n.glued && matches!(n.kind, Kind::Digits | Kind::Vulgar))
            }
        }
    }

    fn numberish(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i).filter(|t| !t.masked) else {
            return false;
        };
        match t.kind {
            Kind::Digits | Kind::Vulgar => true,
            Kind::Word => {
                let w = t.lower.as_str();
                let stem = w.strip_suffix('s').unwrap_or(w);
                number_word(w)
                    || ordinal_word(stem)
                    || CONNECTORS.contains(&w)
                    // `21st`, `2nd`
                    || (t.glued
                        && matches!(w, "st" | "nd" | "rd" | "th")
                        && self.toks[i - 1].kind == Kind::Digits)
            }
            Kind::Sym => match t.lower.as_str() {
                "-" | "–" => true,
                "/" => {
                    t.glued
                        && self
                            .toks
                            .get(i + 1)
                            .is_some_and(|n| n.glued && n.kind == Kind::Digits)
                }
                _ => false,
            },
        }
    }

    /// The numeral at token `k`: the longest run of number tokens that reads as one number
    /// and fits its context.
    fn numeral(&self, k: usize, after_modifier: bool, glue_ok: bool) -> Option<Numeral> {
        if !self.starts_numeral(k) {
            return None;
        }
        let first = &self.toks[k];
        // A sign: `-1` at the start, after a space or an operator (`<-30`), never `COVID-19`.
        if first.kind == Kind::Sym
            && first.glued
            && k > 0
            && !matches!(
                self.toks[k - 1].lower.as_str(),
                "<" | ">" | "=" | "(" | "≤" | "≥" | "~"
            )
        {
            return None;
        }
        if first.kind == Kind::Digits && first.glued && k > 0 {
            let prev = &self.toks[k - 1];
            let name = prev.kind == Kind::Word
                || (matches!(prev.lower.as_str(), "-" | "–")
                    && prev.glued
                    && k >= 2
                    && self.toks[k - 2].kind == Kind::Word);
            if name && !glue_ok {
                return None;
            }
        }
        let mut end = k + 1;
        while end < self.toks.len() && end - k < 24 && self.numberish(end) {
            end += 1;
        }
        for e in (k + 1..=end).rev() {
            let last = &self.toks[e - 1];
            if CONNECTORS.contains(&last.lower.as_str()) || last.kind == Kind::Sym {
                continue;
            }
            let Some(q) = quantity_value(&raw_number(self.text_of(k, e))) else {
                continue;
            };
            let has = |w: &str| (k..e).any(|i| self.toks[i].lower == w);
            let next = self.toks.get(e).filter(|t| !t.masked);
            let next_word = next
                .filter(|t| t.kind == Kind::Word)
                .map(|t| t.lower.as_str());
            // `3 hundred and 2 hundred`: the `and 2` belongs to the next number.
            if has("and") && next_word.is_some_and(|w| MULTIPLIERS.contains(&w)) {
                continue;
            }
            // `one over three` only at the end of a clause: `20 over 10 years` is not a ratio.
            if has("over") && next.is_some_and(|t| t.kind != Kind::Sym) {
                continue;
            }
            let ordinal = q.unit == crate::model::Quantity::ORDINAL;
            let words: Vec<&str> = (k..e).map(|i| self.toks[i].lower.as_str()).collect();
            // `a third time` is a rank; `a third of`, `one fifth`, `a one-third share` are
            // fractions.
            if !ordinal
                && matches!(words[0], "a" | "an")
                && !words.contains(&"-")
                && words[1..]
                    .iter()
                    .all(|w| ordinal_word(w) || cardinal_word(w))
                && words[1..].iter().any(|w| ordinal_word(w))
                && next_word.is_some_and(|w| !STOP.contains(&w) && !number_word(w))
            {
                return None;
            }
            if words.len() == 1 {
                match words[0] {
                    // `first half`, `the third quarter`: a bare half or quarter is a share only
                    // after a bound (`more than half`) or before `of`.
                    "half" | "quarter"
                        if (!(after_modifier && words[0] == "half") && next_word != Some("of"))
                            || self.period_before(k) =>
                    {
                        return None;
                    }
                    // `wait a second`, `per second`: time.
                    "second" if self.is_time_second(k) => return None,
                    // `inspectors first noticed`, `First published`: an adverb.
                    "first" if self.adverb_first(k, next_word) => return None,
                    "one" if pronoun_one(self.text, first.span.start, first.span.end) => {
                        return None;
                    }
                    _ => {}
                }
            }
            return Some(Numeral {
                start: k,
                end: e,
                ordinal,
            });
        }
        None
    }

    /// `first` before a past participle, with no article or possessive before it.
    fn adverb_first(&self, k: usize, next_word: Option<&str>) -> bool {
        let prev = k.checked_sub(1).and_then(|p| self.word(p));
        next_word.is_some_and(|w| w.ends_with("ed"))
            && !prev.is_some_and(|w| {
                matches!(
                    w,
                    "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our"
                )
            })
    }

    /// `the second half of the year`, `the final quarter`: a period, not a share.
    fn period_before(&self, k: usize) -> bool {
        k.checked_sub(1)
            .and_then(|p| self.word(p))
            .is_some_and(|w| {
                ordinal_word(w)
                    || matches!(
                        w,
                        "last" | "final" | "latter" | "former" | "opening" | "closing"
                    )
            })
    }

    fn is_time_second(&self, k: usize) -> bool {
        let prev = k.checked_sub(1).and_then(|p| self.word(p));
        let next = self.word(k + 1);
        matches!(
            prev,
            Some("a" | "an" | "one" | "per" | "split" | "every" | "each" | "nano" | "milli")
        ) && next.is_none_or(|w| STOP.contains(&w) || matches!(w, "later" | "ago" | "longer"))
    }

    /// A currency named by the tokens `i..i + n`.
    fn currency_at(&self, i: usize, n: usize) -> Option<String> {
        if i + n > self.toks.len() || (i..i + n).any(|j| self.toks[j].masked) {
            return None;
        }
        if (i..i + n).any(|j| self.toks[j].kind == Kind::Digits) {
            return None;
        }
        let written = self.text_of(i, i + n);
        let q = RawQuantity {
            currency: Some(written.to_string()),
            ..raw_number("1")
        };
        quantity_value(&q)
            .filter(|v| !v.unit.is_empty() && v.unit != "%")
            .map(|_| written.to_string())
    }

    /// A currency written before a number at `j` (`$`, `US$`, `c $`, `USD`, `MAUD`), as
    /// (written, tokens).
    fn currency_prefix(&self, j: usize) -> Option<(String, usize)> {
        for n in (1..=5).rev() {
            let Some(last) = self.toks.get(j + n - 1) else {
                continue;
            };
            // A prefix ends in a symbol or a code, never a word like `pounds`.
            let code_like = last.kind == Kind::Sym
                || (last.kind == Kind::Word && self.text[last.span.clone()].len() <= 4);
            if !code_like || !self.starts_numeral(j + n) {
                continue;
            }
            if let Some(c) = self.currency_at(j, n) {
                return Some((c, n));
            }
        }
        None
    }

    /// A currency written after a number, at `p` (`dollars`, `turkish lira`, `€`, `USD`,
    /// `-cent`), as (written, tokens consumed).
    fn currency_suffix(&self, p: usize, symbols: bool) -> Option<(String, usize)> {
        // `12-cent`, `one-yen`: a hyphen glued on both sides.
        let hyphen = self.is(p, "-")
            && self.toks[p].glued
            && self
                .toks
                .get(p + 1)
                .is_some_and(|t| t.glued && t.kind == Kind::Word);
        let at = p + usize::from(hyphen);
        for n in (1..=3).rev() {
            let Some(last) = self.toks.get(at + n - 1) else {
                continue;
            };
            let first = &self.toks[at];
            if !symbols && first.kind == Kind::Sym {
                continue;
            }
            // `USD50` is the next amount's prefix; `p` only glued (`50p`).
            if self
                .toks
                .get(at + n)
                .is_some_and(|t| t.glued && t.kind == Kind::Digits)
                || (first.lower == "p" && !first.glued)
                || last.kind == Kind::Digits
            {
                continue;
            }
            if let Some(c) = self.currency_at(at, n) {
                return Some((c, n + usize::from(hyphen)));
            }
        }
        None
    }

    /// A scale abbreviation after a numeral in digits (`10k`, `$2.4bn`, `1.2b`).
    fn scale_abbreviation(&self, p: usize, money: bool) -> Option<String> {
        let t = self
            .toks
            .get(p)
            .filter(|t| t.kind == Kind::Word && !t.masked)?;
        let s = &self.text[t.span.clone()];
        if !SCALE_ABBREVIATIONS.contains(&s) {
            return None;
        }
        let ok = match s {
            "m" => money,
            "b" | "B" => t.glued,
            _ => true,
        };
        // `5 k` and `10 M` spaced are fine; the word must end there (`10 km` is not `k`).
        ok.then(|| s.to_string())
    }

    /// Percent after a number at `p`: `%`, `percent`, `per cent`, `percentage`, `pct`, `5pc`.
    fn percent_at(&self, p: usize) -> Option<usize> {
        let t = self.toks.get(p).filter(|t| !t.masked)?;
        match t.lower.as_str() {
            "%" => Some(1),
            "percent" | "percents" | "pct" => Some(1),
            "pc" if t.glued => Some(1),
            // `2 percentage points` is a difference of percentages, not a percentage.
            "percentage" if !self.word(p + 1).is_some_and(|w| w.starts_with("point")) => Some(1),
            "per" if matches!(self.word(p + 1), Some("cent" | "cents")) => Some(2),
            _ => None,
        }
    }

    /// The quantity that starts at token `i`, with the token after it.
    fn quantity_at(&self, i: usize) -> Option<(Range<usize>, RawQuantity, usize)> {
        if self.toks[i].masked {
            return None;
        }
        if let Some(found) = self.percent_of(i) {
            return Some(found);
        }
        let mut j = i;
        let modifier = self.phrase_at(j, MODIFIERS).map(|(m, n)| {
            j += n;
            m
        });
        // `higher than the tenth`, `between the tenth and the fifteenth`.
        if modifier.is_some() && self.is(j, "the") && self.ordinal_word(j + 1) {
            j += 1;
        }
        let prefix = self.currency_prefix(j);
        let after_currency = prefix.is_some();
        let currency_end = j + prefix.as_ref().map_or(0, |(_, n)| *n);
        // `between 20 and 30`: the first figure ends before `and`.
        let numeral = self
            .numeral(currency_end, modifier.is_some(), after_currency)
            .map(|n| {
                if modifier.as_deref() == Some("between") {
                    self.before_and(n)
                } else {
                    n
                }
            });
        let Some(numeral) = numeral else {
            return self.vague_at(i, j, modifier);
        };
        if self.ends_a_year_span(numeral) {
            return None;
        }
        let (number, scale) = self.number_and_scale(numeral);
        let mut q = RawQuantity {
            modifier,
            number,
            scale,
            currency: prefix.map(|(c, _)| c),
            ..Default::default()
        };
        let mut p = numeral.end;
        let last = &self.toks[numeral.end - 1];
        if last.kind == Kind::Digits
            && !numeral.ordinal
            && let Some(s) = self.scale_abbreviation(p, q.currency.is_some())
        {
            q.scale = Some(s);
            p += 1;
        } else if last.kind == Kind::Digits && self.is(p, "m") && self.toks[p].glued {
            // `5m people` or `100m sprint`: millions or metres; the figure is kept as
            // written, its unit unread.
            p += 1;
        }
        if !numeral.ordinal {
            p = self.units_after(&mut q, p);
        }
        // `10kg`, `3D`, `1990s`: digits glued to a word are a code or a name.
        if self.toks[p - 1].kind == Kind::Digits
            && self
                .toks
                .get(p)
                .is_some_and(|t| t.glued && t.kind == Kind::Word)
        {
            return None;
        }
        if let Some(end) = self.range_tail(&mut q, p, numeral) {
            p = end;
        } else if let Some((s, n)) = self.suffix_at(p, q.modifier.as_deref()) {
            q.suffix = Some(s);
            p += n;
        } else if let Some(end) = self.compound_bound(&mut q, p) {
            p = end;
        }
        quantity_value(&q)?;
        let start = self.toks[i].span.start;
        let end = self.toks[p - 1].span.end;
        let number_end = self.toks[numeral.end - 1].span.end;
        let (noun, _) = noun_after(self.text, end, number_end);
        q.noun = noun;
        Some((start..end, q, p))
    }

    /// `from 2019 to 2021`: the date pass masked the first year; the second is a year too.
    fn ends_a_year_span(&self, n: Numeral) -> bool {
        let t = &self.toks[n.start];
        let year = n.end == n.start + 1
            && t.kind == Kind::Digits
            && t.lower.len() == 4
            && (t.lower.starts_with("19") || t.lower.starts_with("20"));
        year && n.start >= 2
            && matches!(
                self.toks[n.start - 1].lower.as_str(),
                "to" | "and" | "until" | "through" | "-" | "–"
            )
            && self.toks[n.start - 2].masked
    }

    /// The number as written, with a scale word after digits kept apart (`75 million`).
    fn number_and_scale(&self, n: Numeral) -> (String, Option<String>) {
        let last = &self.toks[n.end - 1];
        if n.end - n.start == 2
            && self.toks[n.start].kind == Kind::Digits
            && SCALE_WORDS.contains(&last.lower.as_str())
        {
            let number = self.text_of(n.start, n.start + 1).to_string();
            return (number, Some(last.lower.clone()));
        }
        (self.text_of(n.start, n.end).to_string(), None)
    }

    fn ordinal_word(&self, i: usize) -> bool {
        self.word(i).is_some_and(ordinal_word)
            || (self.toks.get(i).is_some_and(|t| t.kind == Kind::Digits)
                && self
                    .word(i + 1)
                    .is_some_and(|w| matches!(w, "st" | "nd" | "rd" | "th")))
    }

    /// Cuts a numeral before its first `and` when what is before reads alone.
    fn before_and(&self, n: Numeral) -> Numeral {
        let Some(a) = (n.start..n.end).find(|&i| self.is(i, "and")) else {
            return n;
        };
        match quantity_value(&raw_number(self.text_of(n.start, a))) {
            Some(_) if a > n.start => Numeral { end: a, ..n },
            _ => n,
        }
    }

    /// `0.25 percentage point`, `25 basis points`, `25bps`, `a quarter of a percentage point`:
    /// a change of a rate, not a rate. Returns (written, tokens).
    fn points_at(&self, p: usize) -> Option<(String, usize)> {
        let skip = if self.is(p, "of") && self.is(p + 1, "a") {
            2
        } else {
            0
        };
        let at = p + skip;
        let n = match (self.word(at)?, self.word(at + 1)) {
            ("percentage" | "basis", Some("point" | "points")) => 2,
            ("bp" | "bps", _) if skip == 0 => 1,
            _ => return None,
        };
        let written = self.text_of(at, at + n).to_lowercase();
        Some((written, skip + n))
    }

    /// Scale, percent, currency and cents after a number; returns the token after them.
    fn units_after(&self, q: &mut RawQuantity, mut p: usize) -> usize {
        if let Some((points, n)) = self.points_at(p) {
            q.points = Some(points);
            return p + n;
        }
        if let Some(n) = self.percent_at(p) {
            q.percent = true;
            return p + n;
        }
        if q.currency.is_none()
            && let Some((c, n)) = self.currency_suffix(p, true)
        {
            q.currency = Some(c);
            p += n;
            // `75 USD million`.
            if q.scale.is_none()
                && let Some(w) = self.word(p).filter(|w| SCALE_WORDS.contains(w))
            {
                q.scale = Some(w.to_string());
                p += 1;
            }
        }
        if q.currency.is_some()
            && let Some((cents, end)) = self.cents_at(q, p)
        {
            q.cents = Some(cents);
            p = end;
        }
        p
    }

    /// `15 dollars 50`, `thirteen dollars and forty-five cents`, `10 $ 30 cent`: a minor amount
    /// below a hundred, ending the clause or followed by its unit.
    fn cents_at(&self, q: &RawQuantity, p: usize) -> Option<(String, usize)> {
        let minor = q.currency.as_deref().is_some_and(|c| {
            let c = c.to_lowercase();
            c.starts_with("cent") || c.starts_with("pen") || c == "p"
        });
        let start = p + usize::from(self.is(p, "and"));
        let t = self.toks.get(start)?;
        if minor
            || t.kind == Kind::Sym
            || t.kind == Kind::Vulgar
            || matches!(t.lower.as_str(), "a" | "an" | "minus" | "negative")
        {
            return None;
        }
        let n = self.numeral(start, false, false)?;
        if n.ordinal {
            return None;
        }
        let mut end = n.end;
        if matches!(self.word(end), Some("cents" | "cent" | "pence" | "p")) {
            end += 1;
        } else {
            let ok = match self.toks.get(end).filter(|t| !t.masked) {
                None => true,
                Some(t) if t.kind == Kind::Sym => {
                    matches!(t.lower.as_str(), "." | "," | ";" | ":" | "!" | "?" | ")")
                }
                Some(t) => matches!(t.lower.as_str(), "more" | "and" | "or"),
            };
            if !ok {
                return None;
            }
        }
        let cents = self.text_of(n.start, n.end).to_string();
        let with = RawQuantity {
            cents: Some(cents.clone()),
            ..q.clone()
        };
        quantity_value(&with)?;
        Some((cents, end))
    }

    /// `20 to 30`, `2014-2022`, `5k-20k`, `between 20 and 30`, `from $5 to $10`: the second
    /// figure. Returns the token after it.
    fn range_tail(&self, q: &mut RawQuantity, p: usize, first: Numeral) -> Option<usize> {
        let sep = self.toks.get(p).filter(|t| !t.masked)?;
        let word_sep = match sep.lower.as_str() {
            "-" | "–" | "—" | "~" => false,
            "to" | "through" | "thru" => true,
            "and" if q.modifier.as_deref() == Some("between") => true,
            _ => return None,
        };
        let mut j = p + 1;
        if first.ordinal && self.is(j, "the") {
            j += 1;
        }
        let prefix = self.currency_prefix(j);
        if prefix.is_some() {
            j += prefix.as_ref().map_or(0, |(_, n)| *n);
        }
        let t = self.toks.get(j)?;
        // After a dash the second figure is digits (`1000-5000`), never a sign.
        if !word_sep && t.kind != Kind::Digits {
            return None;
        }
        let n = self.numeral(j, false, true)?;
        if n.ordinal != first.ordinal {
            return None;
        }
        let (number, scale) = self.number_and_scale(n);
        let mut upper = RawQuantity {
            number,
            scale,
            currency: prefix.map(|(c, _)| c),
            ..Default::default()
        };
        let mut end = n.end;
        if self.toks[n.end - 1].kind == Kind::Digits
            && let Some(s) =
                self.scale_abbreviation(end, q.currency.is_some() || upper.currency.is_some())
        {
            upper.scale = Some(s);
            end += 1;
        }
        if !n.ordinal {
            end = self.units_after(&mut upper, end);
        }
        if self.toks[end - 1].kind == Kind::Digits
            && self
                .toks
                .get(end)
                .is_some_and(|t| t.glued && t.kind == Kind::Word)
        {
            return None;
        }
        // Both ends in one unit: `25 basis points to 3.75%` is a change and a level, `rose
        // 5% to 3,000 people` a rate and a count. A bare second end takes the first's unit
        // only when no noun follows it (`$5 to 10 million`).
        let unit = |r: &RawQuantity| {
            if r.percent {
                Some("%".to_string())
            } else if let Some(p) = &r.points {
                Some(p.clone())
            } else {
                r.currency.as_ref().and_then(|c| {
                    quantity_value(&RawQuantity {
                        currency: Some(c.clone()),
                        ..raw_number("1")
                    })
                    .map(|v| v.unit)
                })
            }
        };
        let (unit_low, unit_high) = (unit(q), unit(&upper));
        match (&unit_low, &unit_high) {
            (Some(a), Some(b)) if a != b => return None,
            (Some(_), None) if self.word(end).is_some_and(|w| !STOP.contains(&w)) => {
                return None;
            }
            _ => {}
        }
        let mut with = RawQuantity {
            upper: Some(upper.number),
            upper_scale: upper.scale,
            percent: q.percent || upper.percent,
            currency: q.currency.clone().or(upper.currency),
            points: q.points.clone().or(upper.points),
            ..q.clone()
        };
        if with.cents.is_some() {
            return None;
        }
        with.noun.clear();
        let value = quantity_value(&with)?;
        // `forecast for 2026 to 1.4%`: a bare figure is a range's start only if it is below.
        if unit_low.is_none() && unit_high.is_some() && value.is_exact() {
            return None;
        }
        *q = with;
        Some(end)
    }

    /// `or more`, `or less`, `or equal (to)` after a number; not when another figure follows
    /// (`equal to 5000 or less than 6000` is two bounds).
    fn suffix_at(&self, p: usize, modifier: Option<&str>) -> Option<(String, usize)> {
        let (s, n) = self.phrase_at(p, SUFFIXES)?;
        // `more than 40 and less than 10`, `larger than 20 and less or equal than 35`: the
        // words start another bound.
        if self.starts_numeral(p + n)
            || (self.is(p + n, "the") && self.ordinal_word(p + n + 1))
            || matches!(self.word(p + n), Some("than" | "or" | "equal" | "to"))
        {
            return None;
        }
        if s.starts_with("or equal") && modifier.is_none() {
            return None;
        }
        // `and more importantly`.
        if s.starts_with("and ") && self.word(p + n).is_some_and(|w| !STOP.contains(&w)) {
            return None;
        }
        Some((s, n))
    }

    /// `more than 10 and less than 40`, `at most 100 and at least 20`: two bounds in opposite
    /// directions that leave a non-empty interval. Returns the token after the second.
    fn compound_bound(&self, q: &mut RawQuantity, p: usize) -> Option<usize> {
        let modifier = q.modifier.as_deref()?;
        if HEDGES.contains(&modifier) || q.percent || q.currency.is_some() || q.scale.is_some() {
            return None;
        }
        let mut j = p;
        if self.is(j, ",") {
            j += 1;
        }
        if self.is(j, "and") || self.is(j, "but") {
            j += 1;
        }
        if j == p {
            return None;
        }
        let (m2, n) = self.phrase_at(j, MODIFIERS)?;
        if HEDGES.contains(&m2.as_str()) {
            return None;
        }
        j += n;
        if self.is(j, "the") && self.ordinal_word(j + 1) {
            j += 1;
        }
        let second = self.numeral(j, true, false)?;
        if self.toks.get(second.end).is_some_and(|t| {
            (t.glued && t.kind == Kind::Word) || self.percent_at(second.end).is_some()
        }) {
            return None;
        }
        let upper = self.text_of(second.start, second.end).to_string();
        let one = |m: &str, n: &str| {
            quantity_value(&RawQuantity {
                modifier: Some(m.to_string()),
                ..raw_number(n)
            })
        };
        let (a, b) = (one(modifier, &q.number)?, one(&m2, &upper)?);
        if a.high.is_infinite() == b.high.is_infinite() {
            return None;
        }
        let with = RawQuantity {
            upper: Some(upper),
            upper_modifier: Some(m2),
            ..q.clone()
        };
        quantity_value(&with)?;
        *q = with;
        Some(second.end)
    }

    /// `percent of 10`, `per cent of twenty-two`: the figure after the word.
    fn percent_of(&self, i: usize) -> Option<(Range<usize>, RawQuantity, usize)> {
        let n = match self.word(i)? {
            "percent" | "percents" => 1,
            "per" if self.is(i + 1, "cent") => 2,
            _ => return None,
        };
        if (i > 0 && self.numberish(i - 1)) || !self.is(i + n, "of") {
            return None;
        }
        let numeral = self.numeral(i + n + 1, false, false)?;
        let end = numeral.end;
        if numeral.ordinal
            || self
                .toks
                .get(end)
                .is_some_and(|t| t.glued || self.percent_at(end).is_some())
        {
            return None;
        }
        let q = RawQuantity {
            number: self.text_of(numeral.start, end).to_string(),
            percent: true,
            ..Default::default()
        };
        quantity_value(&q)?;
        Some((self.toks[i].span.start..self.toks[end - 1].span.end, q, end))
    }

    /// `dozens`, `a handful`, `several`, `scores of`, after an optional modifier.
    fn vague_at(
        &self,
        i: usize,
        j: usize,
        modifier: Option<String>,
    ) -> Option<(Range<usize>, RawQuantity, usize)> {
        let (written, n) = self.phrase_at(j, VAGUE)?;
        // `he scores`, `the team scores`: only `scores of` is an amount.
        if written == "scores" && !self.is(j + n, "of") {
            return None;
        }
        let q = RawQuantity {
            modifier,
            number: self.text_of(j, j + n).to_string(),
            ..Default::default()
        };
        quantity_value(&q)?;
        let end = self.toks[j + n - 1].span.end;
        let (noun, _) = noun_after(self.text, end, end);
        Some((
            self.toks[i].span.start..end,
            RawQuantity { noun, ..q },
            j + n,
        ))
    }
}

/// Finds the quantities of one sentence, skipping masked spans (dates, times).
pub fn find(text: &str, masked: &[Range<usize>]) -> Vec<(Range<usize>, RawQuantity)> {
    if !may_hold_quantity(text) {
        return Vec::new();
    }
    let scanner = Scanner {
        text,
        toks: tokenize(text, masked),
    };
    // A quantity reaches a numeral or a vague amount within a few tokens of where it starts
    // (`as many as`, `u . s . $`): positions with none ahead are skipped without trying.
    const REACH: usize = 8;
    let anchor: Vec<bool> = (0..scanner.toks.len())
        .map(|t| {
            scanner.starts_numeral(t)
                || scanner.toks[t].kind == Kind::Word
                    && matches!(
                        scanner.toks[t].lower.as_str(),
                        "handful"
                            | "few"
                            | "several"
                            | "dozens"
                            | "scores"
                            | "hundreds"
                            | "thousands"
                            | "millions"
                            | "billions"
                            | "tens"
                    )
        })
        .collect();
    let mut next_anchor = vec![usize::MAX; anchor.len() + 1];
    for t in (0..anchor.len()).rev() {
        next_anchor[t] = if anchor[t] { t } else { next_anchor[t + 1] };
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < scanner.toks.len() {
        if next_anchor[i] == usize::MAX {
            break;
        }
        if next_anchor[i] - i > REACH {
            i = next_anchor[i] - REACH;
            continue;
        }
        match scanner.quantity_at(i) {
            Some((span, q, next)) => {
                out.push((span, q));
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

/// Whether a sentence has a digit, a fraction sign or a word a quantity can start with: one
/// cheap pass that spares most sentences the token scanner.
fn may_hold_quantity(text: &str) -> bool {
    static WORDS: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
        let vague = [
            "handful",
            "few",
            "several",
            "dozens",
            "scores",
            "hundreds",
            "thousands",
            "millions",
            "billions",
            "tens",
        ];
        cardinal_words()
            .chain(SCALE_AND_SHARE_WORDS.iter().copied())
            .chain(ordinal_words())
            .chain(vague)
            .flat_map(|w| [w.to_string(), format!("{w}s")])
            .collect()
    });
    text.bytes().any(|b| b.is_ascii_digit())
        || text.chars().any(|c| VULGAR.contains(c))
        || text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.len() >= 3 || w.eq_ignore_ascii_case("a"))
            .any(|w| WORDS.contains(&w.to_lowercase()))
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

    /// Each quantity of a sentence as its normalized value.
    fn values(text: &str) -> Vec<String> {
        q(text)
            .iter()
            .map(|(_, q)| quantity_value(q).expect("readable").to_string())
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
        assert!(q("The striker scores again.").is_empty(), "a verb");
        assert_eq!(
            values("Tens of thousands of people marched."),
            ["20000..99999"]
        );
        assert_eq!(
            values("Hundreds of thousands more watched."),
            ["200000..999999"]
        );
    }

    #[test]
    fn pronoun_one_and_glued_numbers_are_skipped() {
        assert!(q("no one has discussed this with us, and one of them left").is_empty());
        assert!(q("COVID-19 and G7 leaders met in 3D").is_empty());
        assert_eq!(q("one person died").len(), 1);
        assert_eq!(values("The shares closed one penny lower."), ["0.01 GBP"]);
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

    #[test]
    fn ordinals_are_ranks() {
        assert_eq!(
            values("She finished second in the 21st race, her twenty-first start."),
            ["2nd", "21st", "21st"]
        );
        // A rank, not a fraction, when a noun follows; time, not a rank.
        assert_eq!(values("He won a third term."), ["3rd"]);
        assert_eq!(values("It sold a one-third stake."), ["0.3333"]);
        assert!(q("Wait a second.").is_empty());
        assert!(
            q("Inspectors first noticed the crack.").is_empty(),
            "an adverb"
        );
        assert_eq!(values("the first elected mayor"), ["1st"]);
    }

    #[test]
    fn fractions_and_shares() {
        assert_eq!(values("Two thirds of voters backed it."), ["0.6667"]);
        assert_eq!(values("A third of the staff left."), ["0.3333"]);
        assert_eq!(values("Turnout rose by 3½ points."), ["3.5"]);
        assert_eq!(values("One in five adults smoke."), ["0.2"]);
        assert_eq!(values("It took three-and-a-half years."), ["3.5"]);
        assert_eq!(
            values("Sales rise in the second half of the year."),
            ["2nd"]
        );
        assert_eq!(values("More than half of residents agreed."), [">0.5"]);
        // A bare half or quarter is a period of play or of the year.
        assert_eq!(values("He scored in the first half."), ["1st"]);
        assert_eq!(values("Profits fell in the third quarter."), ["3rd"]);
        assert_eq!(
            values("The flat costs half a million pounds."),
            ["500000 GBP"]
        );
    }

    #[test]
    fn numbers_in_a_row_stay_apart() {
        assert_eq!(values("Exercises 22,24,26 are due."), ["22", "24", "26"]);
        assert_eq!(
            values("3 hundred and 2 hundred are two numbers"),
            ["300", "200", "2"]
        );
        assert_eq!(values("The population is 1 414 021 100."), ["1414021100"]);
        assert_eq!(values("8 in 5"), ["8", "5"]);
    }

    #[test]
    fn newswire_money() {
        assert_eq!(
            values("the bank lent $ 75 million to the city ."),
            ["75000000 USD"]
        );
        assert_eq!(
            values("prices ranged up to c $ 16.4 million"),
            ["..16400000 CAD"]
        );
        assert_eq!(
            values("a u . s . $ 150 million loan and hk $ 10.05 billion"),
            ["150000000 USD", "10050000000 HKD"]
        );
        assert_eq!(values("the contract rose 1.20 cents"), ["0.012 USD"]);
        assert_eq!(values("a bid of 470 pence a share"), ["4.7 GBP"]);
        assert_eq!(values("a 12-cent-a-share dividend"), ["0.12 USD"]);
        assert_eq!(values("it costs 15 dollars 50."), ["15.5 USD"]);
        assert_eq!(
            values("It costs USD 200 or 115USD."),
            ["200 USD", "115 USD"]
        );
        assert_eq!(values("revenue of 48.5 MGBP"), ["48500000 GBP"]);
        assert_eq!(values("fined 10,000 swiss francs"), ["10000 CHF"]);
        assert_eq!(
            values("sales rose 27 % to 100 billion yuan"),
            ["27%", "100000000000 CNY"]
        );
        // Changes of a rate, in one unit.
        assert_eq!(
            values(
                "a cut of 25 basis points, a quarter of a percentage point, 0.25 percentage points"
            ),
            ["0.25 pp", "0.25 pp", "0.25 pp"]
        );
    }

    #[test]
    fn more_bounds() {
        assert_eq!(values("It could cut up to 700 jobs."), ["..700"]);
        assert_eq!(values("500 or more people came"), ["500.."]);
        assert_eq!(values("more than 10 and less than 40 seats"), ["10..40"]);
        assert_eq!(values("more than 40 and less than 10"), [">40", "<10"]);
        assert_eq!(values("temperatures below -30 were recorded"), ["<-30"]);
        assert_eq!(
            values("between the tenth and the fifteenth"),
            ["10th..15th"]
        );
        assert_eq!(values("The range is 5k-20k"), ["5000..20000"]);
        // A change and a level, a rate and a count: not ranges.
        assert_eq!(
            values("cut by 25 basis points to 3.75%"),
            ["0.25 pp", "3.75%"]
        );
        assert_eq!(values("rose 5% to 3,000 people"), ["5%", "3000"]);
        assert_eq!(values("worth $5 to 10 million"), ["5000000..10000000 USD"]);
        assert_eq!(values("its forecast for 2026 to 1.4%"), ["2026", "1.4%"]);
    }

    #[test]
    fn names_codes_and_years_are_not_counts() {
        assert_eq!(
            values("The 24/7 helpline marked the 9/11 anniversary."),
            ["24", "7", "9", "11"]
        );
        let text = "It ran from 2019 to 2021.";
        let (_, masked) = crate::extract::date::find(text);
        assert!(find(text, &masked).is_empty(), "both are years");
        assert_eq!(values("It helps 5m people."), ["5"]);
    }

    #[test]
    fn addresses_are_not_read() {
        assert!(q("See https://example.com/search?q=30%25%2020% for more.").is_empty());
    }
}
