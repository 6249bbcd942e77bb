//! Command-line flags → validated options → pipeline → report → exit status. Nothing else.
//!
//! Flags are parsed by clap (derive) and then checked once into plain options (`FailOn`,
//! output target, colour), so the commands below never see raw strings.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use factdiff::model::{Facet, Finding, FindingKind};
use factdiff::report;
use factdiff::{analyze_all, eval, load};

/// A fact-aware diff for news text: which figures, dates, quotes, speakers and denials changed.
#[derive(Debug, Parser)]
#[command(name = "factdiff", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Compare versions of one article, oldest first; each consecutive pair is one step.
    ///
    /// Exit status: 0 nothing reportable under --fail-on, 1 reportable findings, 2 trouble.
    Diff(DiffArgs),
    /// Compare several outlets' articles on one event: where they disagree, what each omits.
    ///
    /// Exit status: 0 no conflicts or omissions under --fail-on, 1 some, 2 trouble.
    Compare(crate::compare_cmd::CompareArgs),
    /// Gate a merge in a git repository: diff the articles changed since --base and apply
    /// the policy (factdiff.toml).
    ///
    /// Exit status: 0 the policy holds, 1 it fails, 2 trouble.
    Check(crate::check_cmd::CheckArgs),
    /// List the claims factdiff sees in documents: figures, dates, quotes, speakers.
    Claims(ClaimsArgs),
    /// Diff many version pairs (OLD<TAB>NEW lines) in one process, one JSON line each.
    ///
    /// Exit status: 0 nothing reportable, 1 reportable findings, 2 a pair could not be read.
    Batch(crate::batch_cmd::BatchArgs),
    /// Score the tool against case folders holding expected.json (see the README).
    Eval(EvalArgs),
}

/// Where and how a report is written, shared by the commands that write one.
#[derive(Debug, Args)]
pub(crate) struct OutputArgs {
    /// Output format; each command offers some of these and says so when asked for another.
    #[arg(long, short = 'f', value_enum, default_value_t = OutputFormat::Terminal)]
    pub(crate) format: OutputFormat,
    /// Write the report to this file (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// When to colour terminal output (NO_COLOR is honoured under `auto`).
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    pub(crate) color: ColorWhen,
}

/// How inputs are read, shared by the commands that load documents.
#[derive(Debug, Args)]
pub(crate) struct InputArgs {
    /// Publication date for inputs that give none (resolves "on Friday", "yesterday").
    #[arg(long, value_name = "DATE")]
    published: Option<String>,
    /// Let --published win over the inputs' own publication dates.
    #[arg(long, requires = "published")]
    published_override: bool,
}

impl InputArgs {
    /// Loads every named document, applying the publication-date flags.
    pub(crate) fn load_all(
        &self,
        names: &[String],
    ) -> Result<Vec<factdiff::model::Analysis>, String> {
        let published = match &self.published {
            None => None,
            Some(text) => Some(
                factdiff::calendar::parse_date(text)
                    .ok_or_else(|| format!("--published: not a date I can read: {text:?}"))?,
            ),
        };
        if names.iter().filter(|f| *f == "-").count() > 1 {
            return Err("standard input (-) can be read only once".into());
        }
        let mut docs = Vec::with_capacity(names.len());
        for name in names {
            let mut doc = load::load(name).map_err(|e| e.to_string())?;
            if let Some(date) = published
                && (self.published_override || doc.meta.published.is_none())
            {
                doc.meta.published = Some(date);
            }
            docs.push(doc);
        }
        Ok(analyze_all(docs))
    }
}

#[derive(Debug, Args)]
struct ClaimsArgs {
    /// Documents to read: files (.txt, .md, .json) or - for stdin.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<String>,
    #[command(flatten)]
    out: OutputArgs,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Debug, Args)]
struct DiffArgs {
    /// Versions of the article, oldest first: files (.txt, .md, .json) or - for stdin.
    #[arg(required = true, num_args = 2.., value_name = "FILE")]
    files: Vec<String>,
    #[command(flatten)]
    out: OutputArgs,
    /// Which findings make the exit status 1: comma-separated kinds (added, removed, moved,
    /// reworded, conflict), conflict facets (quantity, date, quote, attribution, polarity),
    /// `any` or `none`.
    #[arg(long, value_name = "KINDS", default_value = "any")]
    fail_on: String,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Debug, Args)]
struct EvalArgs {
    /// Folders of cases (each case folder holds expected.json and its texts).
    #[arg(required = true, value_name = "DIR")]
    dirs: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum OutputFormat {
    /// For people at a terminal (colour when it is one).
    Terminal,
    /// The versioned factdiff/1 contract.
    Json,
    /// A pull-request comment or a document a fact-checker pastes.
    Markdown,
    /// A self-contained page (compare).
    Html,
    /// GitHub workflow annotations (diff, check).
    Github,
    /// SARIF 2.1.0 (diff, check).
    Sarif,
}

impl OutputFormat {
    pub(crate) fn name(self) -> &'static str {
        match self {
            OutputFormat::Terminal => "terminal",
            OutputFormat::Json => "json",
            OutputFormat::Markdown => "markdown",
            OutputFormat::Html => "html",
            OutputFormat::Github => "github",
            OutputFormat::Sarif => "sarif",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// The exit policy: which findings count as reportable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailOn {
    kinds: Vec<FindingKind>,
    facets: Vec<Facet>,
}

impl FailOn {
    pub fn parse(spec: &str) -> Result<FailOn, String> {
        let mut policy = FailOn {
            kinds: Vec::new(),
            facets: Vec::new(),
        };
        for word in spec.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            match word {
                "any" | "all" => {
                    policy.kinds.extend(FindingKind::ALL);
                }
                "none" => {}
                _ => {
                    if let Some(k) = FindingKind::ALL.iter().find(|k| k.as_str() == word) {
                        policy.kinds.push(*k);
                    } else if let Some(f) = Facet::ALL.iter().find(|f| f.as_str() == word) {
                        policy.facets.push(*f);
                    } else {
                        return Err(format!(
                            "--fail-on: unknown kind `{word}` (expected added, removed, moved, reworded, conflict, quantity, date, quote, attribution, polarity, any or none)"
                        ));
                    }
                }
            }
        }
        Ok(policy)
    }

    pub fn fails(&self, f: &Finding) -> bool {
        self.kinds.contains(&f.kind) || f.facet.is_some_and(|x| self.facets.contains(&x))
    }
}

/// Runs the parsed command line and returns the exit status.
pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Diff(args) => run_diff(args),
        Command::Claims(args) => run_claims(args),
        Command::Batch(args) => crate::batch_cmd::run(args),
        Command::Compare(args) => crate::compare_cmd::run(args),
        Command::Check(args) => crate::check_cmd::run(args),
        Command::Eval(args) => run_eval(args),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            let mut err = anstream::stderr();
            let _ = writeln!(err, "factdiff: {message}");
            ExitCode::from(2)
        }
    }
}

fn run_diff(args: DiffArgs) -> Result<ExitCode, String> {
    let policy = FailOn::parse(&args.fail_on)?;
    supported("diff", args.out.format, VERSION_FORMATS)?;
    let analyses = args.input.load_all(&args.files)?;
    let report = factdiff::diff_history(&analyses);
    let color = color_choice(args.out.color, args.out.output.is_some());
    // The CI formats judge findings by --fail-on: error when it fails them, note otherwise.
    let verdicts = || crate::check_cmd::diff_verdicts(&report, &analyses, |f| policy.fails(f));
    emit(args.out.output.as_deref(), color, |out| {
        match args.out.format {
            OutputFormat::Json => report::json::render(&report, out),
            OutputFormat::Markdown => report::markdown::render(&report, &verdicts(), out),
            OutputFormat::Github => report::github::render(&report, &verdicts(), out),
            OutputFormat::Sarif => report::sarif::render(&report, &verdicts(), out),
            _ => report::terminal::render(&report, out),
        }
    })?;
    let failing = report.findings().any(|f| policy.fails(f));
    Ok(ExitCode::from(u8::from(failing)))
}

fn run_claims(args: ClaimsArgs) -> Result<ExitCode, String> {
    supported(
        "claims",
        args.out.format,
        &[OutputFormat::Terminal, OutputFormat::Json],
    )?;
    let analyses = args.input.load_all(&args.files)?;
    let color = color_choice(args.out.color, args.out.output.is_some());
    emit(args.out.output.as_deref(), color, |out| {
        match args.out.format {
            OutputFormat::Json => report::claims::render_json(&analyses, out),
            _ => report::claims::render_table(&analyses, out),
        }
    })?;
    Ok(ExitCode::SUCCESS)
}

fn run_eval(args: EvalArgs) -> Result<ExitCode, String> {
    let dirs = eval::find_cases(&args.dirs).map_err(|e| e.to_string())?;
    if dirs.is_empty() {
        return Err("no case folders (with expected.json) found".into());
    }
    let mut cases = Vec::with_capacity(dirs.len());
    for dir in &dirs {
        cases.push(eval::run_case(dir).map_err(|e| e.to_string())?);
    }
    emit(None, anstream::ColorChoice::Never, |out| {
        report::eval::render(&cases, out)
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The formats of the commands that report on versions (`diff`, `check`).
pub(crate) const VERSION_FORMATS: &[OutputFormat] = &[
    OutputFormat::Terminal,
    OutputFormat::Json,
    OutputFormat::Markdown,
    OutputFormat::Github,
    OutputFormat::Sarif,
];

/// Checks that a command offers the output format asked for.
pub(crate) fn supported(
    command: &str,
    format: OutputFormat,
    offered: &[OutputFormat],
) -> Result<(), String> {
    if offered.contains(&format) {
        return Ok(());
    }
    let names: Vec<&str> = offered.iter().map(|f| f.name()).collect();
    Err(format!(
        "{command}: --format {} is not available here (use {})",
        format.name(),
        names.join(", ")
    ))
}

pub(crate) fn color_choice(when: ColorWhen, to_file: bool) -> anstream::ColorChoice {
    match when {
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
        // A file is never a terminal: no colour unless asked.
        ColorWhen::Auto if to_file => anstream::ColorChoice::Never,
        ColorWhen::Auto => anstream::ColorChoice::Auto,
    }
}

/// Renders to stdout, or to a file by way of a temporary file renamed into place, so a
/// failed run never leaves a half-written report.
pub(crate) fn emit(
    output: Option<&Path>,
    color: anstream::ColorChoice,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), String> {
    let mut buffer = Vec::new();
    render(&mut buffer).map_err(|e| format!("cannot render the report: {e}"))?;
    match output {
        None => {
            let stdout = io::stdout().lock();
            let mut stream = anstream::AutoStream::new(stdout, color);
            match stream.write_all(&buffer).and_then(|()| stream.flush()) {
                Ok(()) => Ok(()),
                // A closed pipe (`factdiff diff … | head`) is not an error worth a message.
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(format!("cannot write to standard output: {e}")),
            }
        }
        Some(path) => {
            let plain = if color == anstream::ColorChoice::Always {
                buffer
            } else {
                anstream::adapter::strip_bytes(&buffer).into_vec()
            };
            write_atomically(path, &plain)
        }
    }
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("report");
    let tmp = dir.join(format!(".{name}.factdiff-tmp-{}", std::process::id()));
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(format!("{}: cannot write the report: {e}", path.display()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fail_on_parses_kinds_and_facets() {
        let p = FailOn::parse("quote,attribution,removed").unwrap();
        assert_eq!(p.kinds, [FindingKind::Removed]);
        assert_eq!(p.facets, [Facet::Quote, Facet::Attribution]);
        assert!(FailOn::parse("none").unwrap().kinds.is_empty());
        assert!(
            FailOn::parse("bogus")
                .unwrap_err()
                .contains("unknown kind `bogus`")
        );
    }
}
