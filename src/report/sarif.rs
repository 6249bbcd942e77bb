//! SARIF 2.1.0, for code-scanning dashboards: one run of the `factdiff` tool, its rules (one
//! per kind and facet, `factdiff/conflict/quote`), and one result per finding with its level
//! under the policy (`error`, `warning`, `note`), message and place in the newer file.
//!
//! ```text
//! {"version": "2.1.0", "$schema": "…sarif-2.1.0.json",
//!  "runs": [{"tool": {"driver": {"name", "version", "informationUri", "rules": [{"id", "name", "shortDescription"}]}},
//!            "results": [{"ruleId", "ruleIndex", "level", "message": {"text"},
//!                         "locations": [{"physicalLocation": {"artifactLocation": {"uri"}, "region": {"startLine", "startColumn"}}}]}]}]}
//! ```
//!
//! Hand-written serde structs; rules in a fixed order, results in the report's order: the same
//! input gives the same bytes.

use std::io::{self, Write};

use serde::Serialize;

use super::DiffReport;
use super::github::message;
use crate::policy::{Rule, Verdicts};

pub const VERSION: &str = "2.1.0";
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// Where the tool is described (the `informationUri` of the driver).
pub const INFORMATION_URI: &str = "https://crates.io/crates/factdiff";

#[derive(Serialize)]
struct Log {
    version: &'static str,
    #[serde(rename = "$schema")]
    schema: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
struct Run {
    tool: Tool,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<RuleDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: String,
    name: String,
    short_description: Text,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
}

/// A relative path as a URI reference: bytes other than letters, digits, `-._~/` are
/// percent-encoded (`my summit.md` → `my%20summit.md`).
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `ConflictQuote`, `Removed`: a rule's name in PascalCase.
fn rule_name(rule: Rule) -> String {
    rule.selector()
        .split('.')
        .map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map(|c| c.to_ascii_uppercase().to_string() + cs.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// Renders the SARIF log as pretty JSON followed by a newline.
pub fn render(report: &DiffReport, verdicts: &Verdicts, out: &mut dyn Write) -> io::Result<()> {
    let rules = Rule::all();
    let mut results = Vec::new();
    for (step, sv) in report.steps.iter().zip(&verdicts.steps) {
        for (f, v) in step.findings.iter().zip(&sv.verdicts) {
            results.push(SarifResult {
                rule_id: v.rule.id(),
                rule_index: rules.iter().position(|r| *r == v.rule).unwrap_or(0),
                level: v.level.as_str(),
                message: Text { text: message(f) },
                locations: vec![Location {
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation { uri: uri(&sv.path) },
                        region: Region {
                            start_line: v.line.max(1),
                            start_column: v.col.max(1),
                        },
                    },
                }],
            });
        }
    }
    let log = Log {
        version: VERSION,
        schema: SCHEMA,
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "factdiff",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: INFORMATION_URI,
                    rules: rules
                        .iter()
                        .map(|&r| RuleDescriptor {
                            id: r.id(),
                            name: rule_name(r),
                            short_description: Text { text: r.title() },
                        })
                        .collect(),
                },
            },
            results,
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log).map_err(io::Error::other)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(
            uri("articles/my summit#2.md"),
            "articles/my%20summit%232.md"
        );
        assert_eq!(uri("a/é.md"), "a/%C3%A9.md");
    }

    #[test]
    fn rule_names_are_pascal_case() {
        assert_eq!(
            rule_name(Rule::parse("conflict.quote").unwrap()),
            "ConflictQuote"
        );
        assert_eq!(rule_name(Rule::parse("removed").unwrap()), "Removed");
    }

    #[test]
    fn empty_report_is_a_valid_log() {
        let mut out = Vec::new();
        render(
            &DiffReport {
                documents: Vec::new(),
                steps: Vec::new(),
                histories: Vec::new(),
            },
            &Verdicts::default(),
            &mut out,
        )
        .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["version"], "2.1.0");
        assert_eq!(
            v["runs"][0]["tool"]["driver"]["rules"][0]["id"],
            "factdiff/conflict"
        );
        assert!(v["runs"][0]["results"].as_array().unwrap().is_empty());
    }
}
