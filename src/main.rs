//! The `factdiff` binary: parse flags, run the command, exit with its status.

mod check_cmd;
mod cli;
mod compare_cmd;

use clap::Parser;

fn main() -> std::process::ExitCode {
    cli::run(cli::Cli::parse())
}
