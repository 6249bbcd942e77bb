//! The `factdiff` binary: parse flags, run the command, exit with its status.

mod cli;

use clap::Parser;

fn main() -> std::process::ExitCode {
    cli::run(cli::Cli::parse())
}
