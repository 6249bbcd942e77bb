//! The JSON report, a versioned contract (`"schema": "factdiff/1"`) documented in the README:
//!
//! ```text
//! {
//!   "schema": "factdiff/1",
//!   "command": "diff",
//!   "documents": [{"doc", "source"?, "title"?, "published"?, "modified"?, "sentences", "claims"}],
//!   "steps": [{"old", "new", "summary"}],
//!   "summary": {"conflict", "removed", "added", "moved", "reworded", "facets": {facet: n}},
//!   "findings": [{
//!     "kind": "added" | "removed" | "reworded" | "moved" | "conflict",
//!     "facet"?: "quantity" | "date" | "quote" | "attribution" | "polarity",
//!     "severity": "low" | "medium" | "high",
//!     "sides": [{"doc", "line", "col", "text", "value", "surface"}],   // old first
//!     "subject"?: "…", "reason"?: "…"
//!   }],
//!   "histories": [{"facet", "subject"?, "values": [side, …]}]   // facts changed in 2+ steps
//! }
//! ```
//!
//! Keys appear in this order; findings follow the steps in order. Same input, same bytes.

use std::io::{self, Write};

use serde::Serialize;

use super::{DiffReport, DocumentInfo, Summary};
use crate::model::{Finding, History};

pub const SCHEMA: &str = "factdiff/1";

#[derive(Serialize)]
struct JsonDiff<'a> {
    schema: &'static str,
    command: &'static str,
    documents: &'a [DocumentInfo],
    steps: Vec<JsonStep<'a>>,
    summary: Summary,
    findings: Vec<&'a Finding>,
    histories: &'a [History],
}

#[derive(Serialize)]
struct JsonStep<'a> {
    old: &'a str,
    new: &'a str,
    summary: Summary,
}

/// Renders a diff report as pretty JSON followed by a newline.
pub fn render(report: &DiffReport, out: &mut dyn Write) -> io::Result<()> {
    render_as("diff", report, out)
}

/// The same report under another command's name (`check` reports its diffs this way).
pub fn render_as(
    command: &'static str,
    report: &DiffReport,
    out: &mut dyn Write,
) -> io::Result<()> {
    let doc = JsonDiff {
        schema: SCHEMA,
        command,
        documents: &report.documents,
        steps: report
            .steps
            .iter()
            .map(|s| JsonStep {
                old: &s.old,
                new: &s.new,
                summary: Summary::of(&s.findings),
            })
            .collect(),
        summary: Summary::of(report.findings()),
        findings: report.findings().collect(),
        histories: &report.histories,
    };
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::other)?;
    writeln!(out)
}
