//! `factdiff compare`: snapshots of every report format for every outlets sample, the JSON
//! contract of findings and clusters, exit codes, and order-independence.

mod common;

use factdiff::compare::compare;
use factdiff::model::{Analysis, FindingKind};
use factdiff::report;

fn analyses(dir: &std::path::Path) -> Vec<Analysis> {
    let docs = common::case_files(dir)
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_str().unwrap();
            factdiff::load::load_bytes(name, &std::fs::read(p).unwrap()).unwrap()
        })
        .collect();
    factdiff::analyze_all(docs)
}

#[test]
fn every_report_format_of_every_outlets_sample() {
    for dir in common::outlet_cases() {
        let name = common::case_name(&dir);
        let a = analyses(&dir);
        let c = compare(&a);
        let render = |f: &dyn Fn(&mut Vec<u8>) -> std::io::Result<()>| {
            let mut out = Vec::new();
            f(&mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        let terminal = render(&|o| report::compare::render_terminal(&c, o));
        insta::assert_snapshot!(
            format!("compare-terminal-{name}"),
            anstream::adapter::strip_str(&terminal).to_string()
        );
        insta::assert_snapshot!(
            format!("compare-json-{name}"),
            render(&|o| report::compare::render_json(&c, o))
        );
        insta::assert_snapshot!(
            format!("compare-markdown-{name}"),
            render(&|o| report::compare::render_markdown(&c, o))
        );
        insta::assert_snapshot!(
            format!("compare-html-{name}"),
            render(&|o| report::compare::render_html(&c, &a, o))
        );
    }
}

#[test]
fn json_findings_keep_the_contract() {
    for dir in common::outlet_cases() {
        let a = analyses(&dir);
        let mut out = Vec::new();
        report::compare::render_json(&compare(&a), &mut out).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(json["schema"], "factdiff/1");
        assert_eq!(json["command"], "compare");
        let docs: Vec<&str> = json["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["doc"].as_str().unwrap())
            .collect();
        for f in json["findings"].as_array().unwrap() {
            let kind = f["kind"].as_str().unwrap();
            assert!(kind == "conflict" || kind == "omitted", "{f}");
            for side in f["sides"].as_array().unwrap() {
                assert!(docs.contains(&side["doc"].as_str().unwrap()));
                assert!(side["line"].as_u64().unwrap() >= 1);
            }
            if kind == "omitted" {
                assert!(
                    !f["missing"].as_array().unwrap().is_empty(),
                    "who lacks it is listed"
                );
            }
        }
        for c in json["clusters"].as_array().unwrap() {
            assert!(!c["members"].as_array().unwrap().is_empty());
        }
    }
}

#[test]
fn a_source_compared_with_itself_agrees() {
    for dir in common::outlet_cases() {
        let a = analyses(&dir);
        let twice = vec![
            a[0].clone(),
            Analysis {
                doc: factdiff::model::Document {
                    name: "copy".into(),
                    ..a[0].doc.clone()
                },
                ..a[0].clone()
            },
        ];
        let c = compare(&twice);
        assert!(
            c.findings.iter().all(|f| f.kind != FindingKind::Conflict),
            "{:#?}",
            c.findings
        );
        assert!(
            c.findings.iter().all(|f| f.kind != FindingKind::Omitted),
            "{:#?}",
            c.findings
        );
    }
}

#[test]
fn source_order_does_not_change_the_conflicts() {
    for dir in common::outlet_cases() {
        let a = analyses(&dir);
        let mut reversed = a.clone();
        reversed.reverse();
        let count = |x: &[Analysis]| {
            compare(x)
                .findings
                .iter()
                .filter(|f| f.kind == FindingKind::Conflict)
                .count()
        };
        assert_eq!(count(&a), count(&reversed), "{}", dir.display());
    }
}

#[test]
fn cli_exit_codes_and_html_output() {
    let dir = common::outlet_cases().into_iter().next().unwrap();
    let files: Vec<String> = common::case_files(&dir)
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let bin = || assert_cmd::Command::new(assert_cmd::cargo::cargo_bin!("factdiff"));
    bin().arg("compare").args(&files).assert().code(1);
    bin()
        .arg("compare")
        .args(&files)
        .args(["--fail-on", "none"])
        .assert()
        .code(0);
    bin()
        .arg("compare")
        .arg(&files[0])
        .arg(&files[0])
        .assert()
        .code(0);
    bin().arg("compare").arg(&files[0]).assert().code(2);
    bin()
        .arg("compare")
        .args(&files)
        .args(["--format", "sarif"])
        .assert()
        .code(2);
    let out = tempfile::tempdir().unwrap();
    let page = out.path().join("r.html");
    bin()
        .arg("compare")
        .args(&files)
        .args(["--format", "html", "-o"])
        .arg(&page)
        .assert()
        .code(1)
        .stdout("");
    assert!(
        std::fs::read_to_string(page)
            .unwrap()
            .contains("<!DOCTYPE html>")
    );
}
