//! Stage 3, **extract**: sentences → [`RawClaim`]s: the spans inside each sentence that state a
//! figure, a date, a quotation, an attribution or a negation, with the pieces of text that
//! carry them (the number words, the counted noun, the speaker as written).
//!
//! Extract finds; it does not interpret: `twenty-six` stays words, `Friday` stays a weekday,
//! `he` stays a pronoun. `normalize` turns these into values. Dates are found first so that
//! the numbers inside them (`5 Sep 2025`, `4 p.m.`) are not read as quantities.

mod cues;
mod date;
pub mod entities;
mod quantity;
mod quote;

use std::collections::HashMap;
use std::ops::Range;

use crate::model::{ClaimKind, Document, Sentence};

pub use date::RawDate;
pub use entities::Entity;
pub use quantity::RawQuantity;
pub use quote::SpeakerRef;

/// Compiles an extraction pattern, trading Unicode generality the rules do not need for a
/// much cheaper build (start-up time is most of a small diff): `\p{L}` becomes the Latin
/// letters (ASCII, Latin-1, Latin Extended-A) and `\b` an ASCII word boundary.
pub(crate) fn compile(pattern: &str) -> regex::Regex {
    let pattern = pattern
        .replace(r"\p{L}", "A-Za-zÀ-ÖØ-öø-ſ")
        .replace(r"\b", r"(?-u:\b)");
    regex::Regex::new(&pattern).expect("valid extraction pattern")
}

/// A claim as found in the text, before normalization.
#[derive(Debug, Clone, PartialEq)]
pub struct RawClaim {
    /// The kind of claim this becomes; `None` for sentence annotations (modality cues,
    /// entities) that qualify the claims beside them.
    pub kind: Option<ClaimKind>,
    pub sentence: usize,
    /// Byte span in the document text.
    pub span: Range<usize>,
    /// The surface text, whitespace collapsed.
    pub surface: String,
    pub detail: Detail,
}

/// The kind-specific pieces of a raw claim.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    Quantity(RawQuantity),
    Date(RawDate),
    /// A quotation's words and who the sentence says spoke them.
    Quote {
        words: String,
        speaker: Option<SpeakerRef>,
    },
    /// A reporting verb and its subject ("Peskov said", "according to the ministry").
    Attribution {
        speaker: SpeakerRef,
        verb: String,
    },
    /// Negation cues in the sentence (`not`, `never`, `denied`).
    Polarity {
        cues: Vec<String>,
    },
    /// A modality cue of the sentence (`will`, `may`, `reportedly`): colours its claims,
    /// is not a claim of its own.
    Modality {
        cue: String,
    },
    /// A name, with the role written before it: keys subjects and resolves roles to people.
    Entity(Entity),
}

/// A claim of one sentence, its span relative to the sentence: what the memo keeps.
#[derive(Debug, Clone)]
struct LocalClaim {
    kind: Option<ClaimKind>,
    span: Range<usize>,
    surface: String,
    detail: Detail,
}

/// Below this many new sentences, reading them one after another is cheaper than handing
/// them to threads.
const PARALLEL_FROM: usize = 64;

/// Extracts claims, remembering the claims of every sentence text it has seen: a sentence's
/// claims depend on its words alone, and versions of one article share most sentences, so
/// one extractor over all the versions reads each shared sentence once.
#[derive(Debug, Default)]
pub struct Extractor {
    memo: HashMap<String, Vec<LocalClaim>>,
}

impl Extractor {
    /// The raw claims of every sentence of a document, in sentence order.
    pub fn extract(&mut self, doc: &Document, sentences: &[Sentence]) -> Vec<RawClaim> {
        // Sentences not read before are read in parallel (each depends on its own words
        // only); the results are keyed by text, so the order of reading changes nothing.
        let mut fresh: Vec<&str> = sentences
            .iter()
            .map(|s| &doc.text[s.span.clone()])
            .filter(|t| !self.memo.contains_key(*t))
            .collect();
        fresh.sort_unstable();
        fresh.dedup();
        let read: Vec<(String, Vec<LocalClaim>)> = if fresh.len() >= PARALLEL_FROM {
            use rayon::prelude::*;
            fresh
                .par_iter()
                .map(|t| (t.to_string(), sentence_claims(t)))
                .collect()
        } else {
            fresh
                .iter()
                .map(|t| (t.to_string(), sentence_claims(t)))
                .collect()
        };
        self.memo.extend(read);
        let mut claims = Vec::new();
        for sentence in sentences {
            let text = &doc.text[sentence.span.clone()];
            let local = self
                .memo
                .entry(text.to_string())
                .or_insert_with(|| sentence_claims(text));
            let base = sentence.span.start;
            claims.extend(local.iter().map(|c| RawClaim {
                kind: c.kind,
                sentence: sentence.index,
                span: base + c.span.start..base + c.span.end,
                surface: c.surface.clone(),
                detail: c.detail.clone(),
            }));
        }
        quote::attach_block_quotes(doc, sentences, &mut claims);
        claims.sort_by_key(|c| (c.sentence, c.span.start, c.kind));
        claims
    }
}

/// Extracts the raw claims of every sentence of a document, in sentence order.
pub fn extract(doc: &Document, sentences: &[Sentence]) -> Vec<RawClaim> {
    Extractor::default().extract(doc, sentences)
}

/// The claims of one sentence, found in its text alone.
fn sentence_claims(text: &str) -> Vec<LocalClaim> {
    let mut out = Vec::new();
    let mut push = |kind: Option<ClaimKind>, span: Range<usize>, detail| {
        let surface = crate::segment::collapse_whitespace(&text[span.clone()]);
        out.push(LocalClaim {
            kind,
            span,
            surface,
            detail,
        });
    };
    let (dates, masked) = date::find(text);
    for (span, d) in dates {
        push(Some(ClaimKind::Date), span, Detail::Date(d));
    }
    for (span, mut q) in quantity::find(text, &masked) {
        // The surface runs on over the counted noun: `twenty-six countries`.
        let span = span.start..extend_over_words(text, span.end, &q.noun);
        if let Some(slot) = casualty_slot(text, &span, &q.noun) {
            q.noun = vec![slot.to_string()];
        }
        push(Some(ClaimKind::Quantity), span, Detail::Quantity(q));
    }
    let attributions = quote::find_attributions(text);
    for (span, words, speaker) in quote::find_quotes(text, &attributions) {
        push(
            Some(ClaimKind::Quote),
            span,
            Detail::Quote { words, speaker },
        );
    }
    for (span, speaker, verb) in attributions {
        push(
            Some(ClaimKind::Attribution),
            span,
            Detail::Attribution { speaker, verb },
        );
    }
    if let Some((span, cues)) = cues::find_negations(text) {
        push(Some(ClaimKind::Polarity), span, Detail::Polarity { cues });
    }
    if let Some(cue) = cues::find_modality(text) {
        push(None, 0..0, Detail::Modality { cue });
    }
    for (span, entity) in entities::find(text) {
        push(None, span, Detail::Entity(entity));
    }
    out
}

/// People counted as dead or as injured: the words around the figure say which, and that is
/// the fact's slot (`killing 31 people`, `the death toll rose to 37`, `146 people injured`),
/// so that outlets' tolls meet whatever noun each writes.
fn casualty_slot(text: &str, span: &Range<usize>, noun: &[String]) -> Option<&'static str> {
    const PEOPLE: &[&str] = &[
        "people",
        "person",
        "persons",
        "residents",
        "civilians",
        "victims",
        "men",
        "women",
        "children",
    ];
    if !(noun.is_empty() || noun.last().is_some_and(|n| PEOPLE.contains(&n.as_str()))) {
        return None;
    }
    let clause_start = text[..span.start]
        .rfind([',', ';', ':', '('])
        .map_or(0, |i| i + 1);
    let before: Vec<String> = text[clause_start..span.start]
        .split_whitespace()
        .rev()
        .take(12)
        .map(str::to_lowercase)
        .collect();
    let after_end = text[span.end..]
        .find([',', ';', '.'])
        .map_or(text.len(), |i| span.end + i);
    let after: Vec<String> = text[span.end..after_end]
        .split_whitespace()
        .take(3)
        .map(str::to_lowercase)
        .collect();
    let near = |set: &[&str]| {
        before
            .iter()
            .chain(&after)
            .any(|w| set.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
    };
    if near(&[
        "killed",
        "killing",
        "kills",
        "dead",
        "died",
        "deaths",
        "death",
        "toll",
        "fatalities",
    ]) {
        Some("dead")
    } else if near(&["injured", "injuring", "injuries", "wounded", "hurt"]) {
        Some("injured")
    } else {
        None
    }
}

/// The end of `words` when they follow `end` in `text` (skipping spaces, hyphens, `of the`),
/// or `end` itself when they do not.
fn extend_over_words(text: &str, end: usize, words: &[String]) -> usize {
    let mut pos = end;
    for word in words {
        let rest = &text[pos..];
        let skipped = rest.len() - rest.trim_start_matches([' ', '-', '\n', '\t']).len();
        let mut at = pos + skipped;
        for filler in ["of the ", "of "] {
            if text[at..].to_ascii_lowercase().starts_with(filler) && !word.starts_with("of") {
                at += filler.len();
                break;
            }
        }
        match text.get(at..at + word.len()) {
            Some(found) if found.eq_ignore_ascii_case(word) => pos = at + word.len(),
            _ => return pos,
        }
    }
    pos
}
