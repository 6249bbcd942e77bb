//! The `factdiff` binary: parse flags, run the command, exit with its status.

mod batch_cmd;
mod check_cmd;
mod cli;
mod compare_cmd;

use clap::Parser;

fn main() -> std::process::ExitCode {
    // git runs a GIT_EXTERNAL_DIFF program with seven arguments (nine for a rename):
    // path old-file old-hex old-mode new-file new-hex new-mode. That shape is never a
    // factdiff command line, so it is recognised before the flags are parsed.
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    if let Some(ext) = check_cmd::ExternalDiff::detect(&args) {
        return check_cmd::external_diff(ext);
    }
    cli::run(cli::Cli::parse())
}
