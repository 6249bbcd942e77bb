//! The `factdiff eval` report: a row per case, misses, false positives and traps hit, the
//! per kind/facet table, and the overall precision and recall on the last lines.

use std::io::{self, Write};

use crate::eval::{CaseResult, Ratio, Scores, finding_key};
use crate::model::Finding;

fn ratio(r: &Ratio) -> String {
    format!("{:.2} ({}/{})", r.value(), r.hit, r.total)
}

fn brief(f: &Finding) -> String {
    let places: Vec<String> = f
        .sides
        .iter()
        .map(|s| format!("{}:{}", s.doc, s.line))
        .collect();
    let values: Vec<&str> = f
        .sides
        .iter()
        .map(|s| s.value.as_str())
        .filter(|v| !v.is_empty())
        .collect();
    let mut out = format!("{} {}", finding_key(f), places.join(" → "));
    if !values.is_empty() {
        out.push_str(&format!("  {}", values.join(" → ")));
    }
    let text = &f.sides.last().map(|s| s.text.as_str()).unwrap_or("");
    let short: String = text.chars().take(70).collect();
    out.push_str(&format!(
        "  \"{short}{}\"",
        if text.chars().count() > 70 { "…" } else { "" }
    ));
    out
}

/// Renders the evaluation of a set of cases.
pub fn render(cases: &[CaseResult], out: &mut dyn Write) -> io::Result<()> {
    let width = cases.iter().map(|c| c.case.len()).max().unwrap_or(4).max(4);
    writeln!(
        out,
        "{:width$}  {:>16}  {:>16}  traps hit",
        "case", "precision", "recall"
    )?;
    for c in cases {
        if let Some(why) = &c.skipped {
            writeln!(out, "{:width$}  skipped: {why}", c.case)?;
            continue;
        }
        let s = Scores::of(std::slice::from_ref(c));
        writeln!(
            out,
            "{:width$}  {:>16}  {:>16}  {}/{}",
            c.case,
            ratio(&s.precision),
            ratio(&s.recall),
            c.traps_hit(),
            c.trap_count
        )?;
    }
    for c in cases.iter().filter(|c| c.skipped.is_none()) {
        let missed: Vec<_> = c.entries.iter().filter(|(_, hit)| !hit).collect();
        let wrong: Vec<_> = c.considered.iter().filter(|(_, hit)| !hit).collect();
        if missed.is_empty() && wrong.is_empty() && c.trap_hits.is_empty() {
            continue;
        }
        writeln!(out, "\n{}:", c.case)?;
        for (e, _) in missed {
            writeln!(
                out,
                "  missed {} {}: {}",
                e.id,
                e.key(),
                e.note.as_deref().unwrap_or("")
            )?;
        }
        for (f, _) in wrong {
            writeln!(out, "  unexpected {}", brief(f))?;
        }
        for (t, f) in &c.trap_hits {
            writeln!(out, "  trap {} hit by {}", t.id, brief(f))?;
        }
    }
    let scores = Scores::of(cases);
    writeln!(
        out,
        "\n{:22}  {:>16}  {:>16}",
        "kind", "precision", "recall"
    )?;
    for (key, (p, r)) in &scores.by_key {
        let show = |x: &Ratio| {
            if x.total == 0 {
                "-".to_string()
            } else {
                ratio(x)
            }
        };
        writeln!(out, "{key:22}  {:>16}  {:>16}", show(p), show(r))?;
    }
    let run = cases.iter().filter(|c| c.skipped.is_none()).count();
    writeln!(out, "\ncases: {run} run, {} skipped", cases.len() - run)?;
    writeln!(out, "precision: {}", ratio(&scores.precision))?;
    writeln!(out, "recall: {}", ratio(&scores.recall))?;
    writeln!(
        out,
        "traps hit: {}/{}",
        scores.traps.hit, scores.traps.total
    )
}
