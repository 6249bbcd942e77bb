//! `factdiff check`: the CI gate for article repositories (issue 6). Flags → policy → the
//! diff pipeline on each changed article → report → exit status. Also git's external-diff
//! mode (`GIT_EXTERNAL_DIFF=factdiff git diff`), which shares the loading and the policy.
//!
//! An added article has no old version to diff against (and `load` rejects empty text), so
//! each of its sentences is an `added` finding, built here as `diff` builds them; an article
//! emptied to nothing is the same with `removed`. Deleted articles are not checked.

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use crate::cli::{ColorWhen, OutputArgs, OutputFormat, color_choice, emit, supported};
use factdiff::git;
use factdiff::model::{Analysis, ClaimKind, Document, Finding, FindingKind, Severity, Side};
use factdiff::policy::{self, Level, Policy, StepVerdicts, Verdicts};
use factdiff::report::{self, DiffReport, DocumentInfo, Step};

/// Flags of `factdiff check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The revision to compare against (a branch, tag or commit). Articles are read as they
    /// were where the head left it (git merge-base), as a pull request shows them.
    #[arg(long, value_name = "REV", required_unless_present = "dump_config")]
    base: Option<String>,
    /// The revision to check (default: the working tree; untracked files are not checked).
    #[arg(long, value_name = "REV")]
    head: Option<String>,
    #[command(flatten)]
    out: OutputArgs,
    /// The policy file (default: factdiff.toml at the repository root, when there is one).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Print the effective policy as TOML, and exit.
    #[arg(long)]
    dump_config: bool,
    /// Check only these paths (git pathspecs, relative to the current directory).
    #[arg(value_name = "PATH")]
    paths: Vec<String>,
}

/// Runs `factdiff check`.
pub fn run(args: CheckArgs) -> Result<ExitCode, String> {
    supported("check", args.out.format, crate::cli::VERSION_FORMATS)?;
    if args.dump_config {
        let policy = find_policy(args.config.as_deref(), git::root().ok().as_deref())?;
        emit(
            args.out.output.as_deref(),
            anstream::ColorChoice::Never,
            |out| out.write_all(policy.to_toml().as_bytes()),
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let base = args
        .base
        .as_deref()
        .ok_or("check: --base REV is required")?;
    let root = git::root().map_err(|e| e.to_string())?;
    let policy = find_policy(args.config.as_deref(), Some(&root))?;
    let base_commit = git::resolve(base).map_err(|e| format!("--base {e}"))?;
    let head_commit = match &args.head {
        Some(head) => Some(git::resolve(head).map_err(|e| format!("--head {e}"))?),
        None => None,
    };
    let from = git::merge_base(&base_commit, head_commit.as_deref().unwrap_or("HEAD"))
        .map_err(|e| e.to_string())?
        .unwrap_or(base_commit);
    let changes: Vec<git::Change> = git::changed_files(&from, head_commit.as_deref(), &args.paths)
        .map_err(|e| e.to_string())?
        .into_iter()
        .filter(|c| policy.is_article(&c.path))
        .collect();

    // Both versions of every changed article, in one list for `analyze_all`.
    let mut docs: Vec<Document> = Vec::new();
    let mut slots = Vec::with_capacity(changes.len());
    for change in &changes {
        let old = match &change.old_path {
            None => None,
            Some(p) => {
                let bytes = git::show(&from, p).map_err(|e| e.to_string())?;
                document(&format!("{base}:{p}"), &bytes)?
            }
        };
        let new = match (&args.head, &head_commit) {
            (Some(head), Some(commit)) => {
                let bytes = git::show(commit, &change.path).map_err(|e| e.to_string())?;
                document(&format!("{head}:{}", change.path), &bytes)?
            }
            _ => {
                let bytes = std::fs::read(root.join(&change.path))
                    .map_err(|e| format!("{}: cannot read: {e}", change.path))?;
                document(&change.path, &bytes)?
            }
        };
        let mut slot = |doc: Option<Document>| {
            doc.map(|d| {
                docs.push(d);
                docs.len() - 1
            })
        };
        slots.push((slot(old), slot(new)));
    }
    let analyses = factdiff::analyze_all(docs);

    let mut report = DiffReport {
        documents: Vec::new(),
        steps: Vec::new(),
        histories: Vec::new(),
    };
    let mut verdicts = Verdicts {
        steps: Vec::new(),
        scope: scope(changes.len()),
    };
    for (change, &(old, new)) in changes.iter().zip(&slots) {
        let Some((step, documents)) = build_step(&analyses, old, new, &change.path) else {
            continue;
        };
        let judged = policy::judge(
            &step,
            old.map(|i| &analyses[i]),
            new.map(|i| &analyses[i]),
            &change.path,
            |f, facets| policy.level(f.kind, facets),
        );
        report.documents.extend(documents);
        report.steps.push(step);
        verdicts.steps.push(judged);
    }

    let color = color_choice(args.out.color, args.out.output.is_some());
    emit(args.out.output.as_deref(), color, |out| {
        match args.out.format {
            OutputFormat::Json => render_json(&report, out),
            OutputFormat::Markdown => report::markdown::render(&report, &verdicts, out),
            OutputFormat::Github => report::github::render(&report, &verdicts, out),
            OutputFormat::Sarif => report::sarif::render(&report, &verdicts, out),
            _ => render_terminal(&report, &verdicts, out),
        }
    })?;
    Ok(ExitCode::from(u8::from(verdicts.fails())))
}

/// The policy: `--config`, else `factdiff.toml` at the repository root, else the default.
fn find_policy(config: Option<&Path>, root: Option<&Path>) -> Result<Policy, String> {
    if let Some(path) = config {
        return Policy::load(path, &path.display().to_string()).map_err(|e| e.to_string());
    }
    match root.map(|r| r.join(policy::FILE_NAME)) {
        Some(path) if path.is_file() => {
            Policy::load(&path, &shown_path(&path)).map_err(|e| e.to_string())
        }
        _ => Ok(Policy::default()),
    }
}

/// A path as short as it can be shown: relative to the current directory when inside it.
fn shown_path(path: &Path) -> String {
    let cwd = std::env::current_dir().and_then(|d| d.canonicalize());
    let full = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    match cwd {
        Ok(cwd) => full
            .strip_prefix(&cwd)
            .unwrap_or(&full)
            .display()
            .to_string(),
        Err(_) => full.display().to_string(),
    }
}

fn scope(n: usize) -> String {
    match n {
        0 => "no changed articles".to_string(),
        1 => "1 changed article".to_string(),
        n => format!("{n} changed articles"),
    }
}

/// A version of an article, or `None` when it holds no text at all (a file added or emptied).
fn document(name: &str, bytes: &[u8]) -> Result<Option<Document>, String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    factdiff::load::load_bytes(name, bytes)
        .map(Some)
        .map_err(|e| e.to_string())
}

/// The step of one article: `diff` of its two versions, or every sentence added (a new
/// article) or removed (an emptied one). `None` when neither version has text.
fn build_step(
    analyses: &[Analysis],
    old: Option<usize>,
    new: Option<usize>,
    path: &str,
) -> Option<(Step, Vec<DocumentInfo>)> {
    match (old, new) {
        (Some(o), Some(n)) if n == o + 1 => {
            let mut r = factdiff::diff_history(&analyses[o..=n]);
            Some((r.steps.remove(0), r.documents))
        }
        (Some(o), Some(n)) => {
            let (a, b) = (&analyses[o], &analyses[n]);
            let step = Step {
                old: a.doc.name.clone(),
                new: b.doc.name.clone(),
                findings: factdiff::diff_versions(a, b),
            };
            Some((step, vec![DocumentInfo::of(a), DocumentInfo::of(b)]))
        }
        (None, Some(n)) => {
            let a = &analyses[n];
            let step = Step {
                old: "/dev/null".to_string(),
                new: a.doc.name.clone(),
                findings: whole_document(FindingKind::Added, a),
            };
            Some((step, vec![DocumentInfo::of(a)]))
        }
        (Some(o), None) => {
            let a = &analyses[o];
            let step = Step {
                old: a.doc.name.clone(),
                new: path.to_string(),
                findings: whole_document(FindingKind::Removed, a),
            };
            Some((step, vec![DocumentInfo::of(a)]))
        }
        (None, None) => None,
    }
}

/// Every sentence of a document as an `added` (or `removed`) finding, as `diff` reports a
/// sentence with no counterpart: medium severity when it states a fact, low otherwise.
pub(crate) fn whole_document(kind: FindingKind, a: &Analysis) -> Vec<Finding> {
    a.sentences
        .iter()
        .map(|s| Finding {
            kind,
            facet: None,
            severity: if a.claims_of(s.index).any(|c| c.kind != ClaimKind::Polarity) {
                Severity::Medium
            } else {
                Severity::Low
            },
            sides: vec![Side {
                doc: a.doc.name.clone(),
                line: s.line,
                col: s.col,
                text: s.text.clone(),
                value: String::new(),
                surface: String::new(),
            }],
            subject: None,
            reason: None,
            missing: Vec::new(),
            cluster: None,
        })
        .collect()
}

/// The `factdiff/1` JSON report, with `"command": "check"`.
fn render_json(report: &DiffReport, out: &mut dyn Write) -> io::Result<()> {
    report::json::render_as("check", report, out)
}

/// The terminal report, then the policy's verdict and the findings that fail or warn.
fn render_terminal(
    report: &DiffReport,
    verdicts: &Verdicts,
    out: &mut dyn Write,
) -> io::Result<()> {
    const BOLD: anstyle::Style = anstyle::Style::new().bold();
    report::terminal::render(report, out)?;
    if !report.steps.is_empty() {
        writeln!(out)?;
    }
    writeln!(
        out,
        "{BOLD}{}{BOLD:#}",
        report::github::summary_line(verdicts)
    )?;
    for sv in &verdicts.steps {
        for v in sv.verdicts.iter().filter(|v| v.level > Level::Note) {
            let word = if v.level == Level::Error {
                "fail"
            } else {
                "warn"
            };
            writeln!(
                out,
                "  {word}  {}:{}:{}  {} ({})",
                sv.path,
                v.line,
                v.col,
                v.rule.title(),
                v.rule.id()
            )?;
        }
    }
    Ok(())
}

/// The verdicts of a `diff` report for the CI formats: a finding is an error when `fails`
/// (`--fail-on`) says so, a note otherwise; annotations go on the newer file of each step.
pub(crate) fn diff_verdicts(
    report: &DiffReport,
    analyses: &[Analysis],
    fails: impl Fn(&Finding) -> bool,
) -> Verdicts {
    let steps: Vec<StepVerdicts> = report
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let path = annotation_path(&step.new);
            policy::judge(step, analyses.get(i), analyses.get(i + 1), &path, |f, _| {
                if fails(f) { Level::Error } else { Level::Note }
            })
        })
        .collect();
    let scope = match (analyses.first(), analyses.last()) {
        (Some(a), Some(b)) => format!("{} → {}", a.doc.name, b.doc.name),
        _ => String::new(),
    };
    Verdicts { steps, scope }
}

/// The file a CI tool should annotate for a document name: the path of a `REV:PATH`.
fn annotation_path(name: &str) -> String {
    match git::split_rev_path(name) {
        Some((_, path)) if !Path::new(name).exists() => path.to_string(),
        _ => name.to_string(),
    }
}

/// The arguments git gives a `GIT_EXTERNAL_DIFF` program: `path old-file old-hex old-mode
/// new-file new-hex new-mode`, and for a rename also `new-path` and a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ExternalDiff {
    path: String,
    old_file: Option<String>,
    new_file: Option<String>,
    new_path: Option<String>,
}

impl ExternalDiff {
    /// Recognises git's argument shape exactly (the program name left out): 7 arguments
    /// whose hashes are hex (or `.` for a missing side) and whose modes are octal (or `.`),
    /// or 9 for a rename. Anything else is an ordinary command line.
    pub(crate) fn detect(args: &[OsString]) -> Option<ExternalDiff> {
        if args.len() != 7 && args.len() != 9 {
            return None;
        }
        let args: Vec<&str> = args.iter().map(|a| a.to_str()).collect::<Option<_>>()?;
        let hex = |s: &str| {
            s == "." || ((40..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_hexdigit()))
        };
        let mode =
            |s: &str| s == "." || (s.len() == 6 && s.bytes().all(|b| (b'0'..=b'7').contains(&b)));
        if !(hex(args[2]) && mode(args[3]) && hex(args[5]) && mode(args[6])) {
            return None;
        }
        let side =
            |file: &str, hash: &str| (hash != "." && file != "/dev/null").then(|| file.to_string());
        Some(ExternalDiff {
            path: args[0].to_string(),
            old_file: side(args[1], args[2]),
            new_file: side(args[4], args[5]),
            new_path: (args.len() == 9).then(|| args[7].to_string()),
        })
    }
}

/// Runs the external-diff mode: a terminal `diff` of the two files named `a/PATH` and
/// `b/PATH`. Exits 0 whatever it finds, as git expects; 2 on trouble (git then stops).
pub(crate) fn external_diff(ext: ExternalDiff) -> ExitCode {
    match run_external(&ext) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            let mut err = anstream::stderr();
            let _ = writeln!(err, "factdiff: {message}");
            ExitCode::from(2)
        }
    }
}

fn run_external(ext: &ExternalDiff) -> Result<(), String> {
    let new_path = ext.new_path.as_deref().unwrap_or(&ext.path);
    let (old_name, new_name) = (format!("a/{}", ext.path), format!("b/{new_path}"));
    let color = color_choice(ColorWhen::Auto, false);
    let policy = find_policy(None, git::root().ok().as_deref())?;
    if !policy.is_article(new_path) && !policy.is_article(&ext.path) {
        return emit(None, color, |out| {
            writeln!(
                out,
                "{old_name} → {new_name}: not an article under the policy, skipped"
            )
        });
    }
    let read = |file: &Option<String>, name: &str| -> Result<Option<Document>, String> {
        match file {
            None => Ok(None),
            Some(f) => document(
                name,
                &std::fs::read(f).map_err(|e| format!("{name}: cannot read {f}: {e}"))?,
            ),
        }
    };
    let (old, new) = (
        read(&ext.old_file, &old_name)?,
        read(&ext.new_file, &new_name)?,
    );
    let (o, n) = (old.is_some(), new.is_some());
    let analyses = factdiff::analyze_all(old.into_iter().chain(new).collect());
    let (oi, ni) = match (o, n) {
        (true, true) => (Some(0), Some(1)),
        (true, false) => (Some(0), None),
        (false, true) => (None, Some(0)),
        (false, false) => (None, None),
    };
    let report = match build_step(&analyses, oi, ni, &new_name) {
        Some((step, documents)) => DiffReport {
            documents,
            steps: vec![step],
            histories: Vec::new(),
        },
        None => {
            return emit(None, color, |out| {
                writeln!(out, "{old_name} → {new_name}: no text in either version")
            });
        }
    };
    // git runs the program once per file: a blank line keeps the reports apart.
    emit(None, color, |out| {
        report::terminal::render(&report, out)?;
        writeln!(out)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    const HEX: &str = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391";

    #[test]
    fn detects_gits_external_diff_arguments_only() {
        let ext = ExternalDiff::detect(&os(&[
            "a.md",
            "/tmp/x_a.md",
            HEX,
            "100644",
            "a.md",
            HEX,
            "100644",
        ]))
        .unwrap();
        assert_eq!(
            (ext.old_file.as_deref(), ext.new_file.as_deref()),
            (Some("/tmp/x_a.md"), Some("a.md"))
        );
        let added =
            ExternalDiff::detect(&os(&["a.md", "/dev/null", ".", ".", "a.md", HEX, "100644"]))
                .unwrap();
        assert_eq!(added.old_file, None);
        let renamed = ExternalDiff::detect(&os(&[
            "a.md",
            "/tmp/o",
            HEX,
            "100644",
            "/tmp/n",
            HEX,
            "100644",
            "b.md",
            "similarity index 90%",
        ]))
        .unwrap();
        assert_eq!(renamed.new_path.as_deref(), Some("b.md"));
        // Seven words that are a command line, not git's call.
        assert!(ExternalDiff::detect(&os(&["diff", "a", "b", "c", "d", "e", "f"])).is_none());
        assert!(ExternalDiff::detect(&os(&["a.md", "o", HEX, "100644", "n", HEX])).is_none());
        assert!(
            ExternalDiff::detect(&os(&["a.md", "o", "xyz", "100644", "n", HEX, "100644"]))
                .is_none()
        );
        assert!(
            ExternalDiff::detect(&os(&["a.md", "o", HEX, "100944", "n", HEX, "100644"])).is_none()
        );
    }

    #[test]
    fn an_added_article_is_every_sentence_added() {
        let doc = factdiff::load::load_bytes(
            "a.txt",
            "Officials said 26 states joined.\n\nIt rained.\n".as_bytes(),
        )
        .unwrap();
        let a = factdiff::analyze(doc);
        let findings = whole_document(FindingKind::Added, &a);
        assert_eq!(findings.len(), 2);
        assert_eq!(
            (findings[0].severity, findings[1].severity),
            (Severity::Medium, Severity::Low)
        );
        assert_eq!(
            (findings[1].sides[0].line, findings[1].sides[0].col),
            (3, 1)
        );
    }

    #[test]
    fn annotations_go_on_the_path_of_a_rev_path() {
        assert_eq!(annotation_path("HEAD~3:articles/a.md"), "articles/a.md");
        assert_eq!(annotation_path("v1.txt"), "v1.txt");
        assert_eq!(scope(2), "2 changed articles");
    }
}
