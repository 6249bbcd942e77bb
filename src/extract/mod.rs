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

use std::ops::Range;

use crate::model::{ClaimKind, Document, Sentence};

pub use date::RawDate;
pub use entities::Entity;
pub use quantity::RawQuantity;
pub use quote::SpeakerRef;

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

/// Extracts the raw claims of every sentence of a document, in sentence order.
pub fn extract(doc: &Document, sentences: &[Sentence]) -> Vec<RawClaim> {
    let mut claims = Vec::new();
    for sentence in sentences {
        let text = &doc.text[sentence.span.clone()];
        let base = sentence.span.start;
        let mut push = |kind: Option<ClaimKind>, local: Range<usize>, detail| {
            claims.push(RawClaim {
                kind,
                sentence: sentence.index,
                span: base + local.start..base + local.end,
                surface: crate::segment::collapse_whitespace(&text[local]),
                detail,
            });
        };
        let (dates, masked) = date::find(text);
        let quotes = quote::find_quotes(text);
        for (span, d) in dates {
            push(Some(ClaimKind::Date), span, Detail::Date(d));
        }
        for (span, q) in quantity::find(text, &masked) {
            // The surface runs on over the counted noun: `twenty-six countries`.
            let span = span.start..extend_over_words(text, span.end, &q.noun);
            push(Some(ClaimKind::Quantity), span, Detail::Quantity(q));
        }
        for (span, words, speaker) in quotes.iter().cloned() {
            push(
                Some(ClaimKind::Quote),
                span,
                Detail::Quote { words, speaker },
            );
        }
        for (span, speaker, verb) in quote::find_attributions(text, &quotes) {
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
    }
    quote::attach_block_quotes(doc, sentences, &mut claims);
    claims.sort_by(|a, b| {
        (a.sentence, a.span.start, a.kind).cmp(&(b.sentence, b.span.start, b.kind))
    });
    claims
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
