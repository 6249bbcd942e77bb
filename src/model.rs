//! The shared vocabulary of the pipeline: plain data types that cross stage boundaries.
//!
//! Every stage takes and returns these types; none of them does I/O. A [`Document`] comes out
//! of `load`, [`Sentence`]s out of `segment`, [`Claim`]s out of `extract` + `normalize`, an
//! [`Alignment`](crate::align::Alignment) out of `align`, and [`Finding`]s out of `diff`. Every item keeps the byte span
//! of the text it came from, so any of them can be printed as `file:line:col`.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;

/// One loaded article: its body text, its metadata, and a map back to source lines.
#[derive(Debug, Clone)]
pub struct Document {
    /// The document as named on the command line (`-` for stdin, `REV:PATH` for git).
    pub name: String,
    /// The body text the pipeline reads: header blocks, front matter and markup removed.
    pub text: String,
    pub meta: Metadata,
    /// Anchors mapping byte offsets in `text` to positions in the source file.
    pub anchors: Vec<Anchor>,
}

/// A point where a byte offset of the body text is known to sit at a source line and column.
/// Between two anchors, positions advance with the newlines of the body text itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    pub offset: usize,
    pub line: u32,
    pub col: u32,
}

impl Document {
    /// Source position (1-based line and column, column counted in characters) of a byte
    /// offset in the body text.
    pub fn position(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        let i = self.anchors.partition_point(|a| a.offset <= offset);
        let anchor = if i == 0 {
            Anchor {
                offset: 0,
                line: 1,
                col: 1,
            }
        } else {
            self.anchors[i - 1]
        };
        let between = &self.text[anchor.offset..offset];
        match between.rfind('\n') {
            None => (anchor.line, anchor.col + between.chars().count() as u32),
            Some(nl) => {
                let lines = between.matches('\n').count() as u32;
                (
                    anchor.line + lines,
                    1 + between[nl + 1..].chars().count() as u32,
                )
            }
        }
    }
}

/// What the loader learned about a document besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub modified: Option<NaiveDate>,
    /// Keys the loader does not interpret (`version`, `author`, …), kept verbatim.
    pub extra: BTreeMap<String, String>,
}

/// A sentence (or a line that stands alone: headline, dateline, caption) of the body text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Position in the document's sentence list.
    pub index: usize,
    /// Index of the paragraph the sentence belongs to.
    pub paragraph: usize,
    /// Byte span in [`Document::text`].
    pub span: Range<usize>,
    pub line: u32,
    pub col: u32,
    /// The sentence with runs of whitespace collapsed to one space, for display.
    pub text: String,
}

/// What kind of fact a claim states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    Quantity,
    Date,
    Quote,
    Attribution,
    Polarity,
}

impl ClaimKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Quantity => "quantity",
            ClaimKind::Date => "date",
            ClaimKind::Quote => "quote",
            ClaimKind::Attribution => "attribution",
            ClaimKind::Polarity => "polarity",
        }
    }
}

/// A typed fact found inside one sentence, with its canonical value.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub kind: ClaimKind,
    /// Index of the sentence that states it.
    pub sentence: usize,
    /// Byte span of the surface text in [`Document::text`].
    pub span: Range<usize>,
    /// What the article says, e.g. `twenty-six countries`.
    pub surface: String,
    pub value: Value,
    /// The counted noun or subject, normalized through the synonym table (`state`).
    pub noun: Option<String>,
    /// The speaker key for quotes and attributions (`putin`).
    pub speaker: Option<String>,
    /// Who or what the sentence is about: its first named entity, or the speaker.
    pub subject: Option<String>,
    /// Whether the sentence stating the claim is negated (`not`, `denied`).
    pub negated: bool,
    /// The sentence's modality cue (`will`, `may`, `reportedly`), if any.
    pub modality: Option<String>,
    /// Other readings of the value when the text leaves it open (a weekday in a sentence with
    /// no tense: the coming one besides the last one).
    pub alternatives: Vec<String>,
}

impl Claim {
    /// A claim with no slot, speaker, subject or cues: the fields each stage then fills.
    pub fn new(
        kind: ClaimKind,
        sentence: usize,
        span: Range<usize>,
        surface: String,
        value: Value,
    ) -> Self {
        Claim {
            kind,
            sentence,
            span,
            surface,
            value,
            noun: None,
            speaker: None,
            subject: None,
            negated: false,
            modality: None,
            alternatives: Vec::new(),
        }
    }
}

/// A canonical value that two claims can be compared on.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Quantity(Quantity),
    Date(DateValue),
    /// A quote's words, or a speaker, or a polarity cue: compared as folded text.
    Text(String),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Quantity(q) => q.fmt(f),
            Value::Date(d) => d.fmt(f),
            Value::Text(t) => f.write_str(t),
        }
    }
}

/// A number as an interval, so that vague and bounded amounts can be compared with exact ones:
/// `26` is `[26, 26]`, `more than 20` is `(20, ∞)`, `dozens` is `[24, ∞)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub low: f64,
    pub high: f64,
    /// Whether the bounds themselves are excluded (`more than 20`).
    pub low_open: bool,
    pub high_open: bool,
    /// `%`, a currency code, [`Quantity::ORDINAL`] for a rank (`21st`, `first`),
    /// [`Quantity::POINTS`] for a change of a rate (`25 basis points` is `0.25 pp`), or empty
    /// for a bare count.
    pub unit: String,
    /// How the text hedges or bounds the figure (`more than`, `about`, `dozens`); empty when
    /// it states the figure plainly.
    pub hedge: String,
    /// The figure the text states, when it states one (not for `dozens`).
    pub stated: Option<f64>,
}

impl Quantity {
    /// The unit of a rank: `first`, `21st`, `twenty-fifth` (displayed `1st`, `21st`, `25th`).
    /// A rank is never compatible with a count, since the units differ.
    pub const ORDINAL: &'static str = "ordinal";

    /// The unit of a change of a rate, in percentage points: `0.25 percentage point`, `a
    /// quarter of a percentage point` and `25 basis points` are all `0.25 pp`.
    pub const POINTS: &'static str = "pp";

    pub fn exact(v: f64, unit: &str) -> Self {
        Quantity {
            low: v,
            high: v,
            low_open: false,
            high_open: false,
            unit: unit.to_string(),
            hedge: String::new(),
            stated: Some(v),
        }
    }

    pub fn is_exact(&self) -> bool {
        self.low == self.high && !self.low_open && !self.high_open
    }

    /// Two quantities are compatible when their units agree and their intervals overlap,
    /// unless both state a figure hedged the same way (`26` vs `24`, `at least 14` vs
    /// `at least 17`, `about 400` vs `about 420`): then the writer changed the figure.
    pub fn compatible(&self, other: &Quantity) -> bool {
        if self.unit != other.unit {
            return false;
        }
        if let (Some(a), Some(b)) = (self.stated, other.stated)
            && self.hedge == other.hedge
        {
            return a == b && self.low == other.low && self.high == other.high;
        }
        let low = if self.low > other.low || (self.low == other.low && self.low_open) {
            (self.low, self.low_open)
        } else {
            (other.low, other.low_open)
        };
        let high = if self.high < other.high || (self.high == other.high && self.high_open) {
            (self.high, self.high_open)
        } else {
            (other.high, other.high_open)
        };
        low.0 < high.0 || (low.0 == high.0 && !low.1 && !high.1)
    }
}

fn fmt_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        // Four significant decimals, more for small fractions (`a trillionth`).
        let zeros = if v != 0.0 && v.abs() < 1.0 {
            (-v.abs().log10()).floor().max(0.0) as usize
        } else {
            0
        };
        let s = format!("{v:.*}", 4 + zeros);
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// `1st`, `2nd`, `3rd`, `11th`, `21st`, `112th`.
fn fmt_ordinal(v: f64) -> String {
    let n = fmt_number(v);
    let whole = v.abs() as u64;
    let suffix = match (whole % 10, whole % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let num = if self.unit == Quantity::ORDINAL {
            fmt_ordinal
        } else {
            fmt_number
        };
        let body = if self.is_exact() {
            num(self.low)
        } else if self.high.is_infinite() {
            if self.low_open {
                format!(">{}", num(self.low))
            } else {
                format!("{}..", num(self.low))
            }
        } else if self.low <= 0.0 && !self.low_open {
            if self.high_open {
                format!("<{}", num(self.high))
            } else {
                format!("..{}", num(self.high))
            }
        } else {
            format!("{}..{}", num(self.low), num(self.high))
        };
        match self.unit.as_str() {
            "" | Quantity::ORDINAL => f.write_str(&body),
            "%" => write!(f, "{body}%"),
            unit => write!(f, "{body} {unit}"),
        }
    }
}

/// A date at the granularity the text gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DateValue {
    Day(NaiveDate),
    /// A week, by its Monday (`last week`).
    Week(NaiveDate),
    Month(i32, u32),
    Year(i32),
}

impl DateValue {
    pub fn granularity(&self) -> u8 {
        match self {
            DateValue::Day(_) => 4,
            DateValue::Week(_) => 3,
            DateValue::Month(..) => 2,
            DateValue::Year(_) => 1,
        }
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateValue::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            DateValue::Week(monday) => write!(f, "{}", monday.format("%G-W%V")),
            DateValue::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            DateValue::Year(y) => write!(f, "{y:04}"),
        }
    }
}

/// A document after the analysis stages: its sentences and the claims in them.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub doc: Document,
    pub sentences: Vec<Sentence>,
    pub claims: Vec<Claim>,
}

impl Analysis {
    pub fn claims_of(&self, sentence: usize) -> impl Iterator<Item = &Claim> {
        // Claims are sorted by sentence, so a binary search finds the run.
        let start = self.claims.partition_point(|c| c.sentence < sentence);
        self.claims[start..]
            .iter()
            .take_while(move |c| c.sentence == sentence)
    }
}

/// What happened to a sentence or a claim between two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FindingKind {
    Conflict,
    Removed,
    Added,
    Moved,
    Reworded,
    /// A fact some sources carry and others do not (compare only).
    Omitted,
}

impl FindingKind {
    pub const ALL: [FindingKind; 6] = [
        FindingKind::Conflict,
        FindingKind::Removed,
        FindingKind::Added,
        FindingKind::Moved,
        FindingKind::Reworded,
        FindingKind::Omitted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Conflict => "conflict",
            FindingKind::Removed => "removed",
            FindingKind::Added => "added",
            FindingKind::Moved => "moved",
            FindingKind::Reworded => "reworded",
            FindingKind::Omitted => "omitted",
        }
    }
}

/// Which aspect of a fact a conflict is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Facet {
    Quantity,
    Date,
    Quote,
    Attribution,
    Polarity,
}

impl Facet {
    pub const ALL: [Facet; 5] = [
        Facet::Quantity,
        Facet::Date,
        Facet::Quote,
        Facet::Attribution,
        Facet::Polarity,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Facet::Quantity => "quantity",
            Facet::Date => "date",
            Facet::Quote => "quote",
            Facet::Attribution => "attribution",
            Facet::Polarity => "polarity",
        }
    }
}

/// How much a finding matters to an editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    Medium,
    High,
}

/// One document's part in a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Side {
    /// The document as named on the command line.
    pub doc: String,
    pub line: u32,
    pub col: u32,
    /// The whole sentence.
    pub text: String,
    /// The normalized value as text (`26`, `2025-09-05`, a quote's words, a speaker);
    /// empty for sentence-level findings.
    pub value: String,
    /// What the sentence says for that value (`twenty-six countries`); empty when not a claim.
    pub surface: String,
}

/// One reportable change between documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facet: Option<Facet>,
    pub severity: Severity,
    /// One entry per document involved, old first.
    pub sides: Vec<Side>,
    /// The slot the fact is about (counted noun, speaker), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Why the two sides were matched, for pairs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The sources that do not carry the fact (`omitted`, in compare).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
    /// The cluster of claims the finding belongs to (compare).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster: Option<usize>,
}

/// The history of one fact across three or more versions: a count going 147 → 91 → 52 → 32.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct History {
    pub facet: Facet,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The fact in each version where it changed, oldest first.
    pub values: Vec<Side>,
}
