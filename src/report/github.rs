//! GitHub Actions workflow annotations: one `::error` or `::warning` command per finding that
//! fails or warns under the policy, on the changed file and line, then one plain summary line.
//!
//! ```text
//! ::error file=articles/summit.md,line=9,col=1,title=quote changed (factdiff/conflict/quote)::“a” → “b”%0Awas: …%0Anow: …
//! factdiff: the policy fails — 1 failing, 0 warnings, 2 informational findings in 1 changed article
//! ```
//!
//! Informational findings get no annotation (GitHub shows only a few per step). Messages
//! escape `%`, `\r`, `\n`; property values also escape `:` and `,`, as the runner expects.

use std::io::{self, Write};

use super::DiffReport;
use super::shown;
use crate::model::{Finding, FindingKind, Side};
use crate::policy::{Level, Verdicts};

/// Renders the annotations, in the order of the report.
pub fn render(report: &DiffReport, verdicts: &Verdicts, out: &mut dyn Write) -> io::Result<()> {
    for (step, sv) in report.steps.iter().zip(&verdicts.steps) {
        for (f, v) in step.findings.iter().zip(&sv.verdicts) {
            let command = match v.level {
                Level::Error => "error",
                Level::Warning => "warning",
                Level::Note => continue,
            };
            let title = format!("{} ({})", v.rule.title(), v.rule.id());
            writeln!(
                out,
                "::{command} file={},line={},col={},title={}::{}",
                escape_property(&sv.path),
                v.line,
                v.col,
                escape_property(&title),
                escape_data(&message(f)),
            )?;
        }
    }
    writeln!(out, "{}", summary_line(verdicts))
}

/// `%`, `\r` and `\n` escaped, for the message of a workflow command.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// [`escape_data`], and `:` and `,` too, for a property value of a workflow command.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// `factdiff: the policy fails — 1 failing, 2 warnings, 3 informational findings in 2 changed articles`.
pub fn summary_line(verdicts: &Verdicts) -> String {
    let (e, w, n) = (
        verdicts.count(Level::Error),
        verdicts.count(Level::Warning),
        verdicts.count(Level::Note),
    );
    let state = if verdicts.fails() { "fails" } else { "holds" };
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("{n} {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let scope = if verdicts.scope.is_empty() {
        String::new()
    } else {
        format!(" in {}", verdicts.scope)
    };
    format!(
        "factdiff: the policy {state} — {e} failing, {}, {n} informational {}{scope}",
        plural(w, "warning", "warnings"),
        if n == 1 { "finding" } else { "findings" },
    )
}

/// What a finding says, for an annotation or a SARIF result: the change, then the sentences.
pub(super) fn message(f: &Finding) -> String {
    let place = |s: &Side| format!("{}:{}", s.doc, s.line);
    let subject = f
        .subject
        .as_deref()
        .map(|s| format!(" [{s}]"))
        .unwrap_or_default();
    match (f.kind, f.sides.as_slice()) {
        (FindingKind::Conflict, [old, new]) => format!(
            "{} → {}{subject}\nwas: {} ({})\nnow: {}",
            shown(old),
            shown(new),
            old.text,
            place(old),
            new.text
        ),
        (FindingKind::Removed, [side]) => format!("removed from {}: {}", place(side), side.text),
        (FindingKind::Added, [side]) => format!("added: {}", side.text),
        (FindingKind::Moved, [old, new]) => format!("moved from {}: {}", place(old), new.text),
        (FindingKind::Reworded, [old, new]) => {
            format!("reworded: {}\nwas: {} ({})", new.text, old.text, place(old))
        }
        (kind, sides) => {
            let texts: Vec<String> = sides
                .iter()
                .map(|s| format!("{}: {}", place(s), s.text))
                .collect();
            format!("{}{subject}: {}", kind.as_str(), texts.join("\n"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_workflow_command_values() {
        assert_eq!(
            escape_data("50% off\r\nnext: a,b"),
            "50%25 off%0D%0Anext: a,b"
        );
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }

    #[test]
    fn summary_counts_levels() {
        let v = Verdicts {
            steps: Vec::new(),
            scope: "no changed articles".into(),
        };
        assert_eq!(
            summary_line(&v),
            "factdiff: the policy holds — 0 failing, 0 warnings, 0 informational findings in no changed articles"
        );
    }
}
