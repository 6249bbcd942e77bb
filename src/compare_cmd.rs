//! `factdiff compare`: outlets' articles on one event → discrepancy report → exit status.

use std::process::ExitCode;

use clap::Args;

use crate::cli::{FailOn, InputArgs, OutputArgs, OutputFormat, color_choice, emit, supported};
use factdiff::report;

/// Flags of `factdiff compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Two or more articles on one event: files (.txt, .md, .json, .html) or - for stdin.
    #[arg(required = true, num_args = 2.., value_name = "FILE")]
    files: Vec<String>,
    #[command(flatten)]
    out: OutputArgs,
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
        args.out.format,
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
    let color = color_choice(args.out.color, args.out.output.is_some());
    emit(args.out.output.as_deref(), color, |out| {
        match args.out.format {
            OutputFormat::Json => report::compare::render_json(&comparison, out),
            OutputFormat::Markdown => report::compare::render_markdown(&comparison, out),
            OutputFormat::Html => report::compare::render_html(&comparison, &analyses, out),
            _ => report::compare::render_terminal(&comparison, out),
        }
    })?;
    let failing = comparison.findings.iter().any(|f| policy.fails(f));
    Ok(ExitCode::from(u8::from(failing)))
}
