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
        insta::assert_snapshot!(format!("claims-json-{}", common::case_name(&dir)), String::from_utf8(json).unwrap());
    }
}
