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
pub mod compare;
pub mod diff;
pub mod eval;
pub mod extract;
pub mod git;
pub mod load;
pub mod model;
pub mod normalize;
pub mod policy;
pub mod report;
pub mod segment;

use model::{Analysis, Document, Finding};

/// Runs the per-document stages: segment, extract, normalize.
pub fn analyze(doc: Document) -> Analysis {
    analyze_with(&mut extract::Extractor::default(), doc)
}

/// Analyses several documents (versions, outlets), reading each sentence they share once.
pub fn analyze_all(docs: Vec<Document>) -> Vec<Analysis> {
    let mut extractor = extract::Extractor::default();
    docs.into_iter()
        .map(|doc| analyze_with(&mut extractor, doc))
        .collect()
}

fn analyze_with(extractor: &mut extract::Extractor, doc: Document) -> Analysis {
    let sentences = segment::segment(&doc);
    let raw = extractor.extract(&doc, &sentences);
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

/// Diffs each consecutive pair of versions (oldest first) and traces the facts that changed
/// more than once: everything a `diff` report shows.
pub fn diff_history(analyses: &[Analysis]) -> report::DiffReport {
    let steps: Vec<report::Step> = analyses
        .windows(2)
        .map(|w| report::Step {
            old: w[0].doc.name.clone(),
            new: w[1].doc.name.clone(),
            findings: diff_versions(&w[0], &w[1]),
        })
        .collect();
    let per_step: Vec<Vec<Finding>> = steps.iter().map(|s| s.findings.clone()).collect();
    report::DiffReport {
        documents: analyses.iter().map(report::DocumentInfo::of).collect(),
        histories: diff::histories(&per_step),
        steps,
    }
}
