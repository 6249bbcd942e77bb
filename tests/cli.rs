//! The binary: exit statuses as diff(1), one-line errors naming the file, stdin, output files.

use assert_cmd::Command;
use predicates::prelude::*;

fn factdiff() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("factdiff"));
    cmd.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env("CLICOLOR", "0");
    cmd
}

const SUMMIT: &str = "samples/versions/coalition-summit";

fn sample(v: &str) -> String {
    format!("{}/{SUMMIT}/{v}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn differences_exit_1_and_identical_exit_0() {
    factdiff()
        .args(["diff", &sample("v1.txt"), &sample("v2.txt")])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("conflict"));
    factdiff()
        .args(["diff", &sample("v1.txt"), &sample("v1.txt")])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("no changes"));
}

#[test]
fn fail_on_sets_the_policy() {
    // v1 → v2 has no quantity conflict (the count changes only in v3).
    factdiff()
        .args([
            "diff",
            &sample("v1.txt"),
            &sample("v2.txt"),
            "--fail-on",
            "quantity",
        ])
        .assert()
        .code(0);
    factdiff()
        .args([
            "diff",
            &sample("v2.txt"),
            &sample("v3.txt"),
            "--fail-on",
            "quantity",
        ])
        .assert()
        .code(1);
    factdiff()
        .args([
            "diff",
            &sample("v1.txt"),
            &sample("v2.txt"),
            "--fail-on",
            "none",
        ])
        .assert()
        .code(0);
    factdiff()
        .args([
            "diff",
            &sample("v1.txt"),
            &sample("v2.txt"),
            "--fail-on",
            "typo",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown kind `typo`"));
}

#[test]
fn three_versions_report_each_step() {
    factdiff()
        .args([
            "diff",
            &sample("v1.txt"),
            &sample("v2.txt"),
            &sample("v3.txt"),
            "--format",
            "json",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"steps\"").and(predicate::str::contains("v3.txt")));
}

#[test]
fn stdin_is_a_document() {
    factdiff()
        .args(["diff", "-", &sample("v1.txt")])
        .write_stdin(std::fs::read(sample("v1.txt")).unwrap())
        .assert()
        .code(0);
    factdiff()
        .args(["diff", "-", "-"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("only once"));
}

fn bad_input(bytes: &[u8], file: &str, message: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(file);
    std::fs::write(&path, bytes).unwrap();
    let assert = factdiff()
        .args(["diff", path.to_str().unwrap(), &sample("v1.txt")])
        .assert()
        .code(2)
        .stdout("");
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(
        stderr.contains(file) && stderr.contains(message),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));
}

#[test]
fn bad_inputs_exit_2_with_one_line_naming_the_file() {
    bad_input(b"", "empty.txt", "empty file");
    bad_input(
        b"Good start.\n\xff\xfe bad bytes",
        "binary.txt",
        "not valid UTF-8",
    );
    bad_input(
        b"---\ntitle: x\nno closing fence\n",
        "open.md",
        "front matter",
    );
    bad_input(b"{\"text\": ", "broken.json", "invalid JSON");
    bad_input(b"{\"title\": \"no text\"}", "notext.json", "no `text`");
    bad_input(
        b"source: W\npublished: someday\n\nBody.\n",
        "baddate.txt",
        "not a date",
    );
}

#[test]
fn missing_file_and_directory_exit_2() {
    factdiff()
        .args(["diff", "no-such-file.txt", &sample("v1.txt")])
        .assert()
        .code(2)
        .stderr("factdiff: no-such-file.txt: no such file\n");
    factdiff()
        .args(["diff", "src", &sample("v1.txt")])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("directory"));
}

#[test]
fn usage_errors_exit_2() {
    factdiff()
        .args(["diff", &sample("v1.txt")])
        .assert()
        .code(2);
    factdiff().args(["frobnicate"]).assert().code(2);
}

#[test]
fn output_file_is_written_whole_and_without_colour() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.txt");
    factdiff()
        .args([
            "diff",
            &sample("v1.txt"),
            &sample("v2.txt"),
            "-o",
            out.to_str().unwrap(),
            "--color",
            "auto",
        ])
        .assert()
        .code(1)
        .stdout("");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("conflict") && !text.contains('\u{1b}'));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");
    // A report that cannot be written leaves nothing behind and says why.
    factdiff()
        .args([
            "diff",
            &sample("v1.txt"),
            &sample("v2.txt"),
            "-o",
            "/no/such/dir/report.txt",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot write the report"));
}

#[test]
fn colour_follows_flag_and_no_color() {
    factdiff()
        .args([
            "diff",
            &sample("v1.txt"),
            &sample("v2.txt"),
            "--color",
            "always",
        ])
        .assert()
        .stdout(predicate::str::contains("\u{1b}["));
    factdiff()
        .args([
            "diff",
            &sample("v1.txt"),
            &sample("v2.txt"),
            "--color",
            "never",
        ])
        .assert()
        .stdout(predicate::str::contains("\u{1b}[").not());
    factdiff()
        .env("NO_COLOR", "1")
        .args(["diff", &sample("v1.txt"), &sample("v2.txt")])
        .assert()
        .stdout(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn same_input_byte_identical_output() {
    let run = || {
        factdiff()
            .args([
                "diff",
                &sample("v1.txt"),
                &sample("v2.txt"),
                &sample("v3.txt"),
                "--format",
                "json",
            ])
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run(), run());
}

#[test]
fn eval_prints_precision_and_recall() {
    factdiff()
        .args(["eval", &format!("{}/samples", env!("CARGO_MANIFEST_DIR"))])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("precision: ").and(predicate::str::contains("recall: ")));
    factdiff()
        .args(["eval", "no-such-dir"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a folder"));
}

#[test]
fn claims_lists_figures_dates_and_quotes_with_speakers() {
    let assert = factdiff()
        .args(["claims", &sample("v1.txt"), "--format", "json"])
        .assert()
        .code(0);
    let json: serde_json::Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    assert_eq!(json["schema"], "factdiff/1");
    assert_eq!(json["command"], "claims");
    let claims = json["claims"].as_array().unwrap();
    let has = |kind: &str, value: &str| {
        claims
            .iter()
            .any(|c| c["kind"] == kind && c["value"] == value)
    };
    assert!(has("quantity", "26"), "26 states");
    assert!(
        has("date", "2025-09-04"),
        "Thursday resolved against the publication date"
    );
    assert!(
        claims
            .iter()
            .any(|c| c["kind"] == "quote" && c["speaker"] == "Vladimir Putin")
    );
    for c in claims {
        assert!(c["line"].as_u64().unwrap() >= 1 && c["col"].as_u64().unwrap() >= 1);
        assert!(c["doc"].as_str().unwrap().ends_with("v1.txt"));
    }
}

#[test]
fn claims_published_flag_resolves_weekdays() {
    let run = |args: &[&str]| {
        let out = factdiff()
            .args(["claims", "-", "--format", "json"])
            .args(args)
            .write_stdin("The talks began on Friday.")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json["claims"][0]["value"].as_str().unwrap().to_string()
    };
    assert_eq!(
        run(&[]),
        "friday",
        "no publication date: left as the weekday"
    );
    assert_eq!(run(&["--published", "2025-09-10"]), "2025-09-05");
    factdiff()
        .args(["claims", "-", "--published", "someday"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--published"));
}

#[test]
fn published_override_wins_over_the_document() {
    let value = |args: &[&str]| {
        let out = factdiff()
            .args(["claims", "-", "--format", "json"])
            .args(args)
            .write_stdin("published: 2025-09-10\n\nThe talks began on Friday.\n")
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json["claims"][0]["value"].as_str().unwrap().to_string()
    };
    assert_eq!(
        value(&["--published", "2025-09-20"]),
        "2025-09-05",
        "the document's own date wins"
    );
    assert_eq!(
        value(&["--published", "2025-09-20", "--published-override"]),
        "2025-09-19"
    );
}

#[test]
fn batch_writes_one_json_line_per_pair_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("pairs.tsv");
    std::fs::write(
        &list,
        format!(
            "{}\t{}\n\n{}\t{}\nmissing.txt\t{}\n",
            sample("v1.txt"),
            sample("v2.txt"),
            sample("v2.txt"),
            sample("v2.txt"),
            sample("v1.txt")
        ),
    )
    .unwrap();
    let out = factdiff()
        .args(["batch", list.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "a pair that cannot be read makes the status 2"
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines.len(),
        3,
        "blank lines are skipped, the others each get a line"
    );
    assert_eq!(lines[0]["line"], 1);
    assert_eq!(lines[0]["command"], "batch");
    assert!(lines[0]["summary"]["conflict"].as_u64().unwrap() > 0);
    assert_eq!(lines[1]["line"], 3);
    assert_eq!(
        lines[1]["findings"].as_array().unwrap().len(),
        0,
        "a version against itself"
    );
    assert!(
        lines[2]["error"]
            .as_str()
            .unwrap()
            .contains("missing.txt: no such file")
    );
    // From stdin, and with nothing unreadable: 1 when a pair has findings.
    factdiff()
        .args(["batch", "-"])
        .write_stdin(format!("{}\t{}\n", sample("v1.txt"), sample("v2.txt")))
        .assert()
        .code(1);
    factdiff()
        .args(["batch", "no-such-list.tsv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-list.tsv"));
}
