//! Snapshots of every report format for every sample. Review a changed snapshot like code:
//! `INSTA_UPDATE=always cargo test --test snapshots`, then read the diff before committing.

mod common;

use factdiff::report;

#[test]
fn terminal_report_of_every_sample() {
    for dir in common::sample_cases() {
        let mut out = Vec::new();
        report::terminal::render(&common::case_report(&dir), &mut out).unwrap();
        let plain = anstream::adapter::strip_str(std::str::from_utf8(&out).unwrap()).to_string();
        insta::assert_snapshot!(format!("terminal-{}", common::case_name(&dir)), plain);
    }
}

#[test]
fn json_report_of_every_sample() {
    for dir in common::sample_cases() {
        let mut out = Vec::new();
        report::json::render(&common::case_report(&dir), &mut out).unwrap();
        insta::assert_snapshot!(
            format!("json-{}", common::case_name(&dir)),
            String::from_utf8(out).unwrap()
        );
    }
}

#[test]
fn terminal_colour_marks_changes() {
    let dir = common::sample_cases().into_iter().next().unwrap();
    let mut out = Vec::new();
    report::terminal::render(&common::case_report(&dir), &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("\u{1b}[31m[-"), "deletions are red");
    assert!(text.contains("\u{1b}[32m{+"), "insertions are green");
}

#[test]
fn claims_reports_of_every_sample() {
    for dir in common::sample_cases() {
        let first = &common::case_files(&dir)[0];
        let analyses = [common::analyse(first)];
        let mut table = Vec::new();
        report::claims::render_table(&analyses, &mut table).unwrap();
        let plain = anstream::adapter::strip_str(std::str::from_utf8(&table).unwrap()).to_string();
        insta::assert_snapshot!(format!("claims-table-{}", common::case_name(&dir)), plain);
        let mut json = Vec::new();
        report::claims::render_json(&analyses, &mut json).unwrap();
        insta::assert_snapshot!(
            format!("claims-json-{}", common::case_name(&dir)),
            String::from_utf8(json).unwrap()
        );
    }
}

/// The report of a sample and its verdicts under the default `check` policy, each step
/// annotated on its newer file.
fn judged_case(
    dir: &std::path::Path,
) -> (factdiff::report::DiffReport, factdiff::policy::Verdicts) {
    use factdiff::policy::{self, Policy};
    let analyses: Vec<_> = common::case_files(dir)
        .iter()
        .map(|p| common::analyse(p))
        .collect();
    let report = factdiff::diff_history(&analyses);
    let policy = Policy::default();
    let steps = report
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            policy::judge(
                step,
                analyses.get(i),
                analyses.get(i + 1),
                &step.new,
                |f, facets| policy.level(f.kind, facets),
            )
        })
        .collect();
    let scope = format!("{} versions", analyses.len());
    (report, policy::Verdicts { steps, scope })
}

#[test]
fn markdown_report_of_every_sample() {
    for dir in common::sample_cases() {
        let (report, verdicts) = judged_case(&dir);
        let mut out = Vec::new();
        report::markdown::render(&report, &verdicts, &mut out).unwrap();
        insta::assert_snapshot!(
            format!("markdown-{}", common::case_name(&dir)),
            String::from_utf8(out).unwrap()
        );
    }
}

#[test]
fn github_report_of_every_sample() {
    for dir in common::sample_cases() {
        let (report, verdicts) = judged_case(&dir);
        let mut out = Vec::new();
        report::github::render(&report, &verdicts, &mut out).unwrap();
        insta::assert_snapshot!(
            format!("github-{}", common::case_name(&dir)),
            String::from_utf8(out).unwrap()
        );
    }
}

#[test]
fn sarif_report_of_every_sample() {
    for dir in common::sample_cases() {
        let (report, verdicts) = judged_case(&dir);
        let mut out = Vec::new();
        report::sarif::render(&report, &verdicts, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed["version"], "2.1.0");
        insta::assert_snapshot!(format!("sarif-{}", common::case_name(&dir)), text);
    }
}
