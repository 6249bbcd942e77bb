//! `factdiff check`, `REV:PATH` inputs and git's external-diff mode, on temporary git
//! repositories built with the `git` command (never the repository of this crate).

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

const SUMMIT: &str = r#"---
title: Leaders meet in Paris
published: 2025-09-05
---

# Leaders meet in Paris

At a summit in Paris on Thursday, 26 states committed to contributing forces to a reassurance mission.

"We will not abandon Ukraine," Emmanuel Macron told reporters.

"Any foreign forces near our border would be a threat," Vladimir Putin said.

The talks lasted four hours.
"#;

/// A throwaway repository with `articles/summit.md` and `src/main.rs` committed once.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Repo {
        let repo = Repo {
            dir: tempfile::tempdir().unwrap(),
        };
        repo.git(&["init", "-q", "-b", "main"]);
        repo.write("articles/summit.md", SUMMIT);
        repo.write("src/main.rs", "fn main() {}\n");
        repo.commit("base");
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn git(&self, args: &[&str]) -> String {
        let out = std::process::Command::new("git")
            .args([
                "-c",
                "user.name=Test",
                "-c",
                "user.email=test@example.com",
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args)
            .current_dir(self.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_EXTERNAL_DIFF")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn write(&self, path: &str, text: &str) {
        let full = self.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
    }

    fn edit(&self, path: &str, from: &str, to: &str) {
        let text = std::fs::read_to_string(self.path().join(path)).unwrap();
        assert!(text.contains(from), "{from:?} not in {path}");
        self.write(path, &text.replacen(from, to, 1));
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "--allow-empty", "-m", message]);
    }

    /// `factdiff ARGS` run inside the repository.
    fn factdiff(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        factdiff_in(self.path(), args)
    }
}

fn bin() -> PathBuf {
    PathBuf::from(assert_cmd::cargo::cargo_bin!("factdiff"))
}

fn factdiff_in(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    Command::new(bin())
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env("CLICOLOR", "0")
        .assert()
}

fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stdout.clone()).unwrap()
}

fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stderr.clone()).unwrap()
}

fn annotations(out: &str) -> Vec<&str> {
    out.lines().filter(|l| l.starts_with("::")).collect()
}

#[test]
fn a_changed_quote_fails_with_an_error_annotation() {
    let repo = Repo::new();
    repo.edit(
        "articles/summit.md",
        "We will not abandon",
        "We will never abandon",
    );
    repo.commit("quote");
    let a = repo
        .factdiff(&["check", "--base", "HEAD~1", "--format", "github"])
        .code(1);
    let out = stdout(&a);
    assert_eq!(annotations(&out).len(), 1, "{out}");
    assert!(
        out.starts_with(
            "::error file=articles/summit.md,line=10,col=1,title=quote changed (factdiff/conflict/quote)::We will not abandon Ukraine → We will never abandon Ukraine [Emmanuel Macron]%0Awas: "
        ),
        "{out}"
    );
    assert!(
        out.contains("(HEAD~1%3Aarticles/summit.md:10)")
            || out.contains("(HEAD~1:articles/summit.md:10)"),
        "{out}"
    );
    assert!(out.ends_with("factdiff: the policy fails — 1 failing, 0 warnings, 0 informational findings in 1 changed article\n"), "{out}");
    // The same, from a revision rather than the working tree.
    repo.factdiff(&["check", "--base", "HEAD~1", "--head", "HEAD"])
        .code(1)
        .stdout(
            predicate::str::contains(
                "HEAD~1:articles/summit.md → HEAD:articles/summit.md: 1 conflict (quote 1)",
            )
            .and(predicate::str::contains(
                "  fail  articles/summit.md:10:1  quote changed (factdiff/conflict/quote)",
            )),
        );
}

#[test]
fn a_swapped_speaker_fails() {
    let repo = Repo::new();
    repo.edit(
        "articles/summit.md",
        "Emmanuel Macron told",
        "Olaf Scholz told",
    );
    let a = repo
        .factdiff(&["check", "--base", "HEAD", "-f", "github"])
        .code(1);
    let out = stdout(&a);
    assert!(
        out.contains("::error file=articles/summit.md,line=10,"),
        "{out}"
    );
    assert!(
        out.contains("title=speaker changed (factdiff/conflict/attribution)::"),
        "{out}"
    );
}

#[test]
fn a_changed_figure_warns_under_the_default_policy_and_fails_under_a_stricter_one() {
    let repo = Repo::new();
    repo.edit("articles/summit.md", "26 states", "24 states");
    repo.commit("figure");
    let a = repo
        .factdiff(&["check", "--base", "HEAD~1", "-f", "github"])
        .code(0);
    let out = stdout(&a);
    assert_eq!(
        annotations(&out),
        [
            "::warning file=articles/summit.md,line=8,col=35,title=figure changed (factdiff/conflict/quantity)::26 → 24 [country]%0Awas: At a summit in Paris on Thursday, 26 states committed to contributing forces to a reassurance mission. (HEAD~1:articles/summit.md:8)%0Anow: At a summit in Paris on Thursday, 24 states committed to contributing forces to a reassurance mission."
        ]
    );
    repo.write("strict.toml", "fail = [\"conflict.quote\", \"conflict.attribution\", \"removed.quote\", \"conflict.quantity\"]\n");
    let a = repo
        .factdiff(&[
            "check",
            "--base",
            "HEAD~1",
            "--config",
            "strict.toml",
            "-f",
            "github",
        ])
        .code(1);
    assert!(
        stdout(&a).starts_with("::error file=articles/summit.md,line=8,col=35,"),
        "{}",
        stdout(&a)
    );
    // factdiff.toml at the root is found without --config.
    repo.write("factdiff.toml", "fail = [\"conflict\"]\n");
    repo.factdiff(&["check", "--base", "HEAD~1"]).code(1);
}

#[test]
fn a_whitespace_only_change_passes_silently() {
    let repo = Repo::new();
    repo.edit(
        "articles/summit.md",
        "The talks lasted four hours.",
        "The  talks   lasted\nfour hours.\n\n",
    );
    repo.commit("whitespace");
    let a = repo
        .factdiff(&["check", "--base", "HEAD~1", "-f", "github"])
        .code(0);
    let out = stdout(&a);
    assert!(annotations(&out).is_empty(), "{out}");
    assert_eq!(
        out,
        "factdiff: the policy holds — 0 failing, 0 warnings, 0 informational findings in 1 changed article\n"
    );
    repo.factdiff(&["check", "--base", "HEAD~1"])
        .code(0)
        .stdout(predicate::str::contains(
            "HEAD~1:articles/summit.md → articles/summit.md: no changes",
        ));
}

#[test]
fn an_added_paragraph_and_an_added_article_are_informational() {
    let repo = Repo::new();
    repo.edit(
        "articles/summit.md",
        "The talks lasted four hours.",
        "The talks lasted four hours.\n\n\"This is a historic day,\" said Keir Starmer.",
    );
    repo.write(
        "articles/storm.md",
        "# Storm hits coast\n\nAt least 14 people died on Friday.\n",
    );
    repo.commit("additions");
    let a = repo
        .factdiff(&["check", "--base", "HEAD~1", "-f", "markdown"])
        .code(0);
    let out = stdout(&a);
    assert!(out.starts_with(":white_check_mark: **factdiff**: the policy holds — 0 failing, 0 warnings, 3 informational findings in 2 changed articles\n"), "{out}");
    assert!(
        out.contains(
            "- articles/storm.md:3 sentence with a figure added: At least 14 people died on Friday."
        ),
        "{out}"
    );
    assert!(out.contains("- articles/summit.md:16 sentence with a quote added: \"This is a historic day,\" said Keir Starmer."), "{out}");
    repo.factdiff(&["check", "--base", "HEAD~1"])
        .code(0)
        .stdout(predicate::str::contains(
            "/dev/null → articles/storm.md: 2 added",
        ));
    // A policy can make added quotes warn.
    repo.write("factdiff.toml", "warn = [\"added.quote\"]\n");
    let a = repo
        .factdiff(&["check", "--base", "HEAD~1", "-f", "github"])
        .code(0);
    assert!(stdout(&a).starts_with("::warning file=articles/summit.md,line=16,col=1,title=sentence with a quote added (factdiff/added/quote)::added: "), "{}", stdout(&a));
}

#[test]
fn a_removed_quote_fails_at_the_place_it_was_removed_from() {
    let repo = Repo::new();
    repo.edit(
        "articles/summit.md",
        "\"Any foreign forces near our border would be a threat,\" Vladimir Putin said.\n\n",
        "",
    );
    let a = repo
        .factdiff(&["check", "--base", "HEAD", "-f", "github"])
        .code(1);
    let out = stdout(&a);
    assert!(
        out.starts_with("::error file=articles/summit.md,line=12,col=1,title=sentence with a quote removed (factdiff/removed/quote)::removed from HEAD:articles/summit.md:12: "),
        "{out}"
    );
}

#[test]
fn renamed_articles_are_compared_with_their_old_path_and_ignored_paths_are_not() {
    let repo = Repo::new();
    repo.git(&["mv", "articles/summit.md", "articles/paris-summit.md"]);
    repo.edit(
        "articles/paris-summit.md",
        "We will not abandon",
        "We shall not abandon",
    );
    repo.commit("rename");
    repo.factdiff(&["check", "--base", "HEAD~1", "--head", "HEAD"])
        .code(1)
        .stdout(predicate::str::contains(
            "HEAD~1:articles/summit.md → HEAD:articles/paris-summit.md: 1 conflict (quote 1)",
        ));
    repo.write("factdiff.toml", "ignore = [\"articles/paris-*\"]\n");
    repo.factdiff(&["check", "--base", "HEAD~1"])
        .code(0)
        .stdout(predicate::str::contains("in no changed articles"));
    // Pathspecs narrow the check too.
    std::fs::remove_file(repo.path().join("factdiff.toml")).unwrap();
    repo.factdiff(&["check", "--base", "HEAD~1", "src"]).code(0);
}

#[test]
fn sarif_carries_the_required_fields() {
    let repo = Repo::new();
    repo.edit(
        "articles/summit.md",
        "We will not abandon",
        "We will never abandon",
    );
    repo.edit("articles/summit.md", "26 states", "24 states");
    let a = repo
        .factdiff(&[
            "check",
            "--base",
            "HEAD",
            "--format",
            "sarif",
            "-o",
            "factdiff.sarif",
        ])
        .code(1);
    assert!(stdout(&a).is_empty());
    let text = std::fs::read_to_string(repo.path().join("factdiff.sarif")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["version"], "2.1.0");
    assert!(v["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let driver = &v["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "factdiff");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert!(
        driver["informationUri"]
            .as_str()
            .unwrap()
            .starts_with("https://")
    );
    let rules: Vec<&str> = driver["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(
        rules.contains(&"factdiff/conflict/quote") && rules.contains(&"factdiff/removed/quote")
    );
    let results = v["runs"][0]["results"].as_array().unwrap();
    let summary: Vec<(&str, &str, u64, u64)> = results
        .iter()
        .map(|r| {
            let loc = &r["locations"][0]["physicalLocation"];
            assert_eq!(loc["artifactLocation"]["uri"], "articles/summit.md");
            assert!(!r["message"]["text"].as_str().unwrap().is_empty());
            assert_eq!(
                rules[r["ruleIndex"].as_u64().unwrap() as usize],
                r["ruleId"].as_str().unwrap()
            );
            (
                r["ruleId"].as_str().unwrap(),
                r["level"].as_str().unwrap(),
                loc["region"]["startLine"].as_u64().unwrap(),
                loc["region"]["startColumn"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("factdiff/conflict/quantity", "warning", 8, 35),
            ("factdiff/conflict/quote", "error", 10, 1)
        ]
    );
    // Same input, same bytes.
    let again = stdout(
        &repo
            .factdiff(&["check", "--base", "HEAD", "--format", "sarif"])
            .code(1),
    );
    assert_eq!(again, text);
}

#[test]
fn json_is_the_factdiff_1_contract_for_check() {
    let repo = Repo::new();
    repo.edit("articles/summit.md", "26 states", "24 states");
    let a = repo
        .factdiff(&["check", "--base", "HEAD", "-f", "json"])
        .code(0);
    let v: serde_json::Value = serde_json::from_slice(&a.get_output().stdout).unwrap();
    assert_eq!(v["schema"], "factdiff/1");
    assert_eq!(v["command"], "check");
    assert_eq!(v["steps"][0]["old"], "HEAD:articles/summit.md");
    assert_eq!(v["steps"][0]["new"], "articles/summit.md");
    assert_eq!(v["findings"][0]["facet"], "quantity");
}

#[test]
fn rev_path_is_a_document_for_diff() {
    let repo = Repo::new();
    repo.edit(
        "articles/summit.md",
        "We will not abandon",
        "We will never abandon",
    );
    repo.commit("quote");
    repo.factdiff(&["diff", "HEAD~1:articles/summit.md", "articles/summit.md"])
        .code(1)
        .stdout(predicate::str::starts_with(
            "HEAD~1:articles/summit.md → articles/summit.md: 1 conflict (quote 1)",
        ));
    let a = repo
        .factdiff(&[
            "diff",
            "HEAD~1:articles/summit.md",
            "HEAD:articles/summit.md",
            "-f",
            "github",
        ])
        .code(1);
    assert!(
        stdout(&a).starts_with("::error file=articles/summit.md,line=10,col=1,"),
        "{}",
        stdout(&a)
    );
    let a = repo
        .factdiff(&["diff", "HEAD~7:articles/summit.md", "articles/summit.md"])
        .code(2);
    assert_eq!(
        stderr(&a),
        "factdiff: HEAD~7:articles/summit.md: no such file, and \"HEAD~7\" is not a revision of this repository\n"
    );
    let a = repo
        .factdiff(&["diff", "HEAD:articles/gone.md", "articles/summit.md"])
        .code(2);
    assert_eq!(
        stderr(&a),
        "factdiff: HEAD:articles/gone.md: no such file (at that revision)\n"
    );
}

#[test]
fn git_external_diff_mode() {
    let repo = Repo::new();
    repo.edit(
        "articles/summit.md",
        "We will not abandon",
        "We will never abandon",
    );
    repo.write("src/main.rs", "fn main() { println!(\"hi\"); }\n");
    repo.write("articles/new.md", "# Storm\n\nAt least 14 people died.\n");
    repo.git(&["add", "articles/new.md"]);
    let out = std::process::Command::new("git")
        .args(["diff", "HEAD"])
        .current_dir(repo.path())
        .env("GIT_EXTERNAL_DIFF", bin())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("CLICOLOR", "0")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.status.success(),
        "exit 0 even with findings: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("/dev/null → b/articles/new.md: 2 added"),
        "{text}"
    );
    assert!(
        text.contains("a/articles/summit.md → b/articles/summit.md: 1 conflict (quote 1)"),
        "{text}"
    );
    assert!(
        text.contains("conflict quote  a/articles/summit.md:10:1 → b/articles/summit.md:10:1"),
        "{text}"
    );
    assert!(
        text.contains("a/src/main.rs → b/src/main.rs: not an article under the policy, skipped"),
        "{text}"
    );
}

#[test]
fn external_diff_arguments_run_directly() {
    let repo = Repo::new();
    let old = repo.path().join("old.md");
    std::fs::write(&old, SUMMIT).unwrap();
    repo.edit(
        "articles/summit.md",
        "Emmanuel Macron told",
        "Olaf Scholz told",
    );
    let hex = "0123456789abcdef0123456789abcdef01234567";
    let old = old.to_str().unwrap();
    repo.factdiff(&[
        "articles/summit.md",
        old,
        hex,
        "100644",
        "articles/summit.md",
        hex,
        "100644",
    ])
    .code(0)
    .stdout(predicate::str::starts_with(
        "a/articles/summit.md → b/articles/summit.md: 1 conflict (attribution 1)",
    ));
    // Trouble still stops git: a missing temporary file.
    let a = repo
        .factdiff(&[
            "articles/summit.md",
            "/no/such/tmp",
            hex,
            "100644",
            "articles/summit.md",
            hex,
            "100644",
        ])
        .code(2);
    assert_eq!(stderr(&a).lines().count(), 1);
}

#[test]
fn config_errors_name_the_file_and_line() {
    let repo = Repo::new();
    repo.write(
        "factdiff.toml",
        "# policy\narticles = [\"articles/**\"]\nfial = [\"conflict\"]\n",
    );
    let a = repo.factdiff(&["check", "--base", "HEAD"]).code(2);
    assert_eq!(
        stderr(&a),
        "factdiff: factdiff.toml:3: unknown key \"fial\" (did you mean \"fail\"?)\n"
    );
    repo.write("bad.toml", "fail = [\n  \"conflict.qoute\",\n]\n");
    let a = repo
        .factdiff(&["check", "--base", "HEAD", "--config", "bad.toml"])
        .code(2);
    assert!(
        stderr(&a)
            .starts_with("factdiff: bad.toml:2: rule \"conflict.qoute\": unknown facet \"qoute\""),
        "{}",
        stderr(&a)
    );
    assert_eq!(stderr(&a).lines().count(), 1);
    let a = repo
        .factdiff(&["check", "--base", "HEAD", "--config", "missing.toml"])
        .code(2);
    assert_eq!(stderr(&a), "factdiff: missing.toml: no such file\n");
}

#[test]
fn dump_config_prints_the_effective_policy() {
    let repo = Repo::new();
    let a = repo.factdiff(&["check", "--dump-config"]).code(0);
    let out = stdout(&a);
    assert!(
        out.starts_with("# The policy of factdiff check: built-in default (no factdiff.toml).\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "\narticles = [\"**/*.md\", \"**/*.markdown\", \"**/*.txt\", \"**/*.html\"]\n"
        )
    );
    assert!(
        out.contains(
            "\nfail = [\"conflict.quote\", \"conflict.attribution\", \"removed.quote\"]\n"
        )
    );
    assert!(out.contains("\nwarn = [\"conflict.quantity\", \"conflict.date\"]\n"));
    repo.write(
        "factdiff.toml",
        "ignore = [\"drafts/**\"]\nwarn = [\"conflict\"]\n",
    );
    let out = stdout(&repo.factdiff(&["check", "--dump-config"]).code(0));
    assert!(
        out.starts_with("# The policy of factdiff check: from factdiff.toml.\n"),
        "{out}"
    );
    assert!(
        out.contains("\nignore = [\"drafts/**\"]\n")
            && out.contains("\nfail = []\n")
            && out.contains("\nwarn = [\"conflict\"]\n"),
        "{out}"
    );
    // What it prints reads back as a policy.
    repo.write("dumped.toml", &out);
    repo.factdiff(&["check", "--dump-config", "--config", "dumped.toml"])
        .code(0);
}

#[test]
fn trouble_is_exit_2_and_one_line() {
    let outside = tempfile::tempdir().unwrap();
    let a = factdiff_in(outside.path(), &["check", "--base", "main"]).code(2);
    let err = stderr(&a);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("factdiff: ") && err.trim_end().ends_with(": not a git repository"),
        "{err}"
    );
    let repo = Repo::new();
    let a = repo
        .factdiff(&["check", "--base", "no-such-branch"])
        .code(2);
    assert_eq!(
        stderr(&a),
        "factdiff: --base no-such-branch: unknown revision (not a commit in this repository)\n"
    );
    let a = repo
        .factdiff(&["check", "--base", "HEAD", "--head", "v9"])
        .code(2);
    assert_eq!(stderr(&a).lines().count(), 1);
    // An article that is not text.
    std::fs::write(repo.path().join("articles/summit.md"), b"ok\n\xff\xfe\n").unwrap();
    let a = repo.factdiff(&["check", "--base", "HEAD"]).code(2);
    assert_eq!(
        stderr(&a),
        "factdiff: articles/summit.md:2: not valid UTF-8 (byte 3 is not part of a character)\n"
    );
    let a = repo.factdiff(&["check"]).code(2);
    assert!(stderr(&a).contains("--base"));
}
