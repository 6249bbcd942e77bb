//! factdiff: a fact-aware diff for news text.
//!
//! A text diff says words changed; factdiff says which *facts* changed between two versions of
//! an article — a figure, a date, a quote's words, who said it, a denial — and stays quiet
//! about rewording. The pipeline runs in one direction, one module per stage:
//!
//! load → segment → extract → normalize → align → diff → report
//!
//! Plain data types from [`model`] flow between the stages; [`analyze`] and [`diff_versions`]
//! are the only functions that know the stage order.
//!
//! ```
//! use factdiff::{analyze, diff_versions, load::load_bytes, model::FindingKind};
//!
//! let old = analyze(load_bytes("v1.txt", b"published: 5 Sep 2025\n\nOn Thursday 26 states pledged troops.\n").unwrap());
//! let new = analyze(load_bytes("v2.txt", b"published: 5 Sep 2025\n\nOn Thursday 24 states pledged troops.\n").unwrap());
//! let findings = diff_versions(&old, &new);
//! assert_eq!(findings.len(), 1);
//! assert_eq!(findings[0].kind, FindingKind::Conflict);
//! assert_eq!((findings[0].sides[0].value.as_str(), findings[0].sides[1].value.as_str()), ("26", "24"));
//! ```

pub mod align;
pub mod calendar;
pub mod diff;
pub mod eval;
pub mod extract;
pub mod load;
pub mod model;
pub mod normalize;
pub mod report;
pub mod segment;

use model::{Analysis, Document, Finding};

/// Runs the per-document stages: segment, extract, normalize.
pub fn analyze(doc: Document) -> Analysis {
    let sentences = segment::segment(&doc);
    let raw = extract::extract(&doc, &sentences);
    let claims = normalize::normalize(&doc.meta, raw);
    Analysis {
        doc,
        sentences,
        claims,
    }
}

/// Runs the pairwise stages on two analysed versions: align, then diff.
pub fn diff_versions(old: &Analysis, new: &Analysis) -> Vec<Finding> {
    let alignment = align::align(&old.sentences, &new.sentences);
    diff::diff(old, new, &alignment)
}
