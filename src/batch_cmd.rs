//! `factdiff batch`: many version pairs in one process, one JSON line each — for research
//! corpora and data teams. Reads `OLD<TAB>NEW` lines (a file, or `-` for stdin), diffs the
//! pairs in parallel, and writes the lines in input order, a block at a time, so memory stays
//! bounded however long the list. A pair that cannot be read gets a line with its `error`;
//! the others go on.

use std::io::{self, BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use rayon::prelude::*;
use serde::Serialize;

use crate::cli::FailOn;
use factdiff::model::Finding;
use factdiff::report::Summary;

/// Flags of `factdiff batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// A file of `OLD<TAB>NEW` lines (paths), or - for standard input.
    #[arg(value_name = "PAIRS", default_value = "-")]
    pairs: String,
    /// Write the JSON lines to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Which findings make the exit status 1 (as for `diff`).
    #[arg(long, value_name = "KINDS", default_value = "any")]
    fail_on: String,
}

/// One output line.
#[derive(Serialize)]
struct Line<'a> {
    schema: &'static str,
    command: &'static str,
    line: usize,
    old: &'a str,
    new: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<Summary>,
    findings: Vec<Finding>,
}

/// Pairs handed to the threads at a time: output stays in order and memory bounded.
const BLOCK: usize = 256;

/// Runs `factdiff batch`.
pub fn run(args: BatchArgs) -> Result<ExitCode, String> {
    let policy = FailOn::parse(&args.fail_on)?;
    let reader: Box<dyn BufRead> = if args.pairs == "-" {
        Box::new(io::stdin().lock())
    } else {
        let file = std::fs::File::open(&args.pairs)
            .map_err(|e| format!("{}: cannot read: {e}", args.pairs))?;
        Box::new(io::BufReader::new(file))
    };
    // Lines go to a temporary file next to -o, renamed into place at the end.
    let (mut out, finish): (Box<dyn Write>, Option<(PathBuf, PathBuf)>) = match &args.output {
        None => (Box::new(io::BufWriter::new(io::stdout().lock())), None),
        Some(path) => {
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(std::path::Path::new("."));
            let tmp = dir.join(format!(
                ".{}.factdiff-tmp-{}",
                path.file_name().and_then(|n| n.to_str()).unwrap_or("out"),
                std::process::id()
            ));
            let file = std::fs::File::create(&tmp)
                .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
            (
                Box::new(io::BufWriter::new(file)),
                Some((tmp, path.clone())),
            )
        }
    };
    let (mut failing, mut trouble) = (false, false);
    let mut block: Vec<(usize, String)> = Vec::with_capacity(BLOCK);
    let mut lines = reader.lines().enumerate();
    loop {
        block.clear();
        for (n, line) in lines.by_ref() {
            let line = line.map_err(|e| format!("{}:{}: cannot read: {e}", args.pairs, n + 1))?;
            if !line.trim().is_empty() {
                block.push((n + 1, line));
            }
            if block.len() == BLOCK {
                break;
            }
        }
        if block.is_empty() {
            break;
        }
        let results: Vec<(String, bool, bool)> = block
            .par_iter()
            .map(|(n, line)| {
                let (old, new) = line.split_once('\t').unwrap_or((line.as_str(), ""));
                let outcome = diff_pair(old, new);
                let fails = outcome
                    .as_ref()
                    .is_ok_and(|f| f.iter().any(|x| policy.fails(x)));
                let bad = outcome.is_err();
                let record = match outcome {
                    Ok(findings) => Line {
                        schema: factdiff::report::json::SCHEMA,
                        command: "batch",
                        line: *n,
                        old,
                        new,
                        error: None,
                        summary: Some(Summary::of(&findings)),
                        findings,
                    },
                    Err(error) => Line {
                        schema: factdiff::report::json::SCHEMA,
                        command: "batch",
                        line: *n,
                        old,
                        new,
                        error: Some(error),
                        summary: None,
                        findings: Vec::new(),
                    },
                };
                let json = serde_json::to_string(&record)
                    .unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
                (json, fails, bad)
            })
            .collect();
        for (json, fails, bad) in results {
            failing |= fails;
            trouble |= bad;
            writeln!(out, "{json}").map_err(|e| format!("cannot write: {e}"))?;
        }
    }
    out.flush().map_err(|e| format!("cannot write: {e}"))?;
    drop(out);
    if let Some((tmp, path)) = finish {
        std::fs::rename(&tmp, &path)
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    }
    Ok(ExitCode::from(if trouble { 2 } else { u8::from(failing) }))
}

/// The findings of one pair, or the one line that says why it could not be read.
fn diff_pair(old: &str, new: &str) -> Result<Vec<Finding>, String> {
    if new.is_empty() {
        return Err("expected OLD<TAB>NEW".to_string());
    }
    let docs = vec![
        factdiff::load::load(old).map_err(|e| e.to_string())?,
        factdiff::load::load(new).map_err(|e| e.to_string())?,
    ];
    let analyses = factdiff::analyze_all(docs);
    Ok(factdiff::diff_versions(&analyses[0], &analyses[1]))
}
