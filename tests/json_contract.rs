//! The JSON output is a contract (`factdiff/1`, documented in the README). These structs are
//! written from the README, independently of the renderer, and must read every report back.

mod common;

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Report {
    schema: String,
    command: String,
    documents: Vec<Document>,
    steps: Vec<StepSummary>,
    summary: Summary,
    findings: Vec<Finding>,
    histories: Vec<History>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct History {
    facet: String,
    subject: Option<String>,
    values: Vec<Side>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    doc: String,
    source: Option<String>,
    title: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    sentences: usize,
    claims: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StepSummary {
    old: String,
    new: String,
    summary: Summary,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Summary {
    conflict: usize,
    removed: usize,
    added: usize,
    moved: usize,
    reworded: usize,
    facets: std::collections::BTreeMap<String, usize>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Finding {
    kind: String,
    facet: Option<String>,
    severity: String,
    sides: Vec<Side>,
    subject: Option<String>,
    reason: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Side {
    doc: String,
    line: u32,
    col: u32,
    text: String,
    value: String,
    surface: String,
}

#[test]
fn every_sample_report_reads_back_and_keeps_the_contract() {
    for dir in common::sample_cases() {
        let mut out = Vec::new();
        factdiff::report::json::render(&common::case_report(&dir), &mut out).unwrap();
        let report: Report = serde_json::from_slice(&out).unwrap();
        assert_eq!(report.schema, "factdiff/1");
        assert_eq!(report.command, "diff");
        assert_eq!(report.steps.len() + 1, report.documents.len());
        let names: Vec<&str> = report.documents.iter().map(|d| d.doc.as_str()).collect();
        let total: usize = report
            .steps
            .iter()
            .map(|s| {
                s.summary.conflict
                    + s.summary.added
                    + s.summary.removed
                    + s.summary.moved
                    + s.summary.reworded
            })
            .sum();
        assert_eq!(total, report.findings.len());
        assert_eq!(
            report.summary.conflict,
            report
                .findings
                .iter()
                .filter(|f| f.kind == "conflict")
                .count()
        );
        assert_eq!(
            report.summary.facets.values().sum::<usize>(),
            report.summary.conflict
        );
        for h in &report.histories {
            assert!(
                h.values.len() >= 3,
                "a history spans three or more versions: {h:?}"
            );
            assert!(
                ["quantity", "date", "quote", "attribution", "polarity"]
                    .contains(&h.facet.as_str())
            );
            let _ = &h.subject;
        }
        for d in &report.documents {
            assert!(d.sentences > 0 && d.claims > 0, "{d:?}");
            assert!(
                d.source.as_deref().is_some_and(|s| !s.is_empty()),
                "samples name their source"
            );
            let _ = &d.title;
            for date in [&d.published, &d.modified].into_iter().flatten() {
                assert!(
                    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok(),
                    "{date}"
                );
            }
        }
        for s in &report.steps {
            assert!(names.contains(&s.old.as_str()) && names.contains(&s.new.as_str()));
        }
        for f in &report.findings {
            assert!(
                ["added", "removed", "reworded", "moved", "conflict"].contains(&f.kind.as_str()),
                "{f:?}"
            );
            assert!(["low", "medium", "high"].contains(&f.severity.as_str()));
            match f.kind.as_str() {
                "conflict" => {
                    let facet = f.facet.as_deref().expect("a conflict has a facet");
                    assert!(
                        ["quantity", "date", "quote", "attribution", "polarity"].contains(&facet)
                    );
                    assert_eq!(
                        f.sides.len(),
                        2,
                        "a two-version conflict has two sides, old first"
                    );
                    assert!(f.sides.iter().all(|s| !s.value.is_empty()), "{f:?}");
                    // What the article says sits beside the value, except for a whole-sentence
                    // polarity flip where one side has no cue to show.
                    if facet != "polarity" {
                        assert!(f.sides.iter().all(|s| !s.surface.is_empty()), "{f:?}");
                    }
                    assert!(f.reason.is_some());
                }
                "added" | "removed" => assert_eq!(f.sides.len(), 1),
                _ => assert_eq!(f.sides.len(), 2),
            }
            for s in &f.sides {
                assert!(names.contains(&s.doc.as_str()));
                assert!(s.line >= 1 && s.col >= 1 && !s.text.is_empty());
            }
            let _ = &f.subject;
        }
    }
}
