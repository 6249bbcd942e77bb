//! `factdiff compare`: outlets' articles on one event → discrepancy report → exit status.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::cli::{ColorWhen, FailOn, InputArgs, OutputFormat, color_choice, emit, supported};
use factdiff::report;

/// Flags of `factdiff compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Two or more articles on one event: files (.txt, .md, .json, .html) or - for stdin.
    #[arg(required = true, num_args = 2.., value_name = "FILE")]
    files: Vec<String>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = OutputFormat::Terminal)]
    format: OutputFormat,
    /// Write the report to this file (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// When to colour terminal output.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    color: ColorWhen,
    /// What makes the exit status 1: `conflict`, `omitted`, conflict facets, `any` or `none`.
    #[arg(long, value_name = "KINDS", default_value = "conflict")]
    fail_on: String,
    #[command(flatten)]
    input: InputArgs,
}

/// Runs `factdiff compare`.
pub fn run(args: CompareArgs) -> Result<ExitCode, String> {
    supported(
        "compare",
        args.format,
        &[
            OutputFormat::Terminal,
            OutputFormat::Json,
            OutputFormat::Markdown,
            OutputFormat::Html,
        ],
    )?;
    let policy = FailOn::parse(&args.fail_on)?;
    let analyses = args.input.load_all(&args.files)?;
    let comparison = factdiff::compare::compare(&analyses);
    let color = color_choice(args.color, args.output.is_some());
    emit(args.output.as_deref(), color, |out| match args.format {
        OutputFormat::Json => report::compare::render_json(&comparison, out),
        OutputFormat::Markdown => report::compare::render_markdown(&comparison, out),
        OutputFormat::Html => report::compare::render_html(&comparison, &analyses, out),
        _ => report::compare::render_terminal(&comparison, out),
    })?;
    let failing = comparison.findings.iter().any(|f| policy.fails(f));
    Ok(ExitCode::from(u8::from(failing)))
}
