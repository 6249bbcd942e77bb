//! Accuracy, measured: precision and recall of the findings against every sample's
//! expected.json, and against the real GOV.UK revisions in ../shared/realdata when present.

use std::path::PathBuf;

use factdiff::eval::{Scores, find_cases, run_case};

fn scores(root: PathBuf) -> (Scores, String) {
    let cases: Vec<_> = find_cases(&[root])
        .unwrap()
        .iter()
        .map(|d| run_case(d).unwrap())
        .collect();
    let mut table = Vec::new();
    factdiff::report::eval::render(&cases, &mut table).unwrap();
    (Scores::of(&cases), String::from_utf8(table).unwrap())
}

#[test]
fn version_samples_precision_and_recall_are_at_least_095() {
    let (s, table) = scores(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/versions"));
    assert!(
        s.precision.total > 20 && s.recall.total > 20,
        "too few findings to measure:\n{table}"
    );
    assert!(
        s.precision.value() >= 0.95,
        "precision below 0.95:\n{table}"
    );
    assert!(s.recall.value() >= 0.95, "recall below 0.95:\n{table}");
    assert_eq!(s.traps.hit, 0, "traps hit:\n{table}");
}

#[test]
#[allow(clippy::print_stderr)] // a skipped test says why on stderr
fn real_revisions_recall_at_least_08_and_no_trap_hit() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/realdata");
    if !root.is_dir() {
        eprintln!("skipped: {} is absent", root.display());
        return;
    }
    let (s, table) = scores(root);
    assert!(
        s.recall.value() >= 0.8,
        "recall below 0.8 on real data:\n{table}"
    );
    assert_eq!(s.traps.hit, 0, "traps hit on real data:\n{table}");
}

#[test]
fn outlet_samples_precision_and_recall_are_at_least_09() {
    let (s, table) = scores(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/outlets"));
    assert!(
        s.precision.total > 20 && s.recall.total > 20,
        "too few findings to measure:\n{table}"
    );
    assert!(s.precision.value() >= 0.9, "precision below 0.9:\n{table}");
    assert!(s.recall.value() >= 0.9, "recall below 0.9:\n{table}");
}
