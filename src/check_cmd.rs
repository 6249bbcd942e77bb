//! `factdiff check`: the CI gate for article repositories (issue 6). Flags → policy → the
//! diff pipeline on each changed article → report → exit status.

use std::process::ExitCode;

use clap::Args;

/// Flags of `factdiff check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The revision to compare against (a branch, tag or commit).
    #[arg(long, value_name = "REV")]
    base: String,
}

/// Runs `factdiff check`.
pub fn run(args: CheckArgs) -> Result<ExitCode, String> {
    Err(format!("check: comparing against {} is not built yet", args.base))
}
