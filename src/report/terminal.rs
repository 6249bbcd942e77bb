//! The terminal report: per step a header and a summary line, then findings grouped by kind
//! (conflicts first), each with `file:line:col`, the old and new values, and the sentence with
//! an inline word diff (`[-old-]{+new+}`, coloured when colour is on).

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use super::worddiff::{Piece, word_diff};
use super::{DiffReport, Step, Summary, shown};
use crate::model::{Finding, FindingKind, Side};

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const RED: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)));
const GREEN: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)));
const YELLOW: Style = Style::new()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)))
    .bold();
const CYAN: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)));

/// Renders a diff report for a terminal. Styles are always written; the caller's stream
/// strips them when colour is off.
pub fn render(report: &DiffReport, out: &mut dyn Write) -> io::Result<()> {
    for (i, step) in report.steps.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        render_step(step, out)?;
    }
    for h in &report.histories {
        writeln!(out)?;
        write!(out, "{YELLOW}history {}{YELLOW:#}", h.facet.as_str())?;
        if let Some(subject) = &h.subject {
            write!(out, "  {DIM}[{subject}]{DIM:#}")?;
        }
        writeln!(out)?;
        // A quote's history is its sentences below; for figures and dates, the values first.
        if h.facet != crate::model::Facet::Quote {
            let values: Vec<String> = h.values.iter().map(shown).collect();
            writeln!(out, "  {}", values.join(" → "))?;
        }
        for side in &h.values {
            writeln!(out, "  {DIM}{}{DIM:#}  {}", location(side), side.text)?;
        }
    }
    Ok(())
}

fn render_step(step: &Step, out: &mut dyn Write) -> io::Result<()> {
    let summary = Summary::of(&step.findings);
    writeln!(
        out,
        "{BOLD}{} → {}{BOLD:#}: {}",
        step.old,
        step.new,
        summary.line()
    )?;
    for kind in FindingKind::ALL {
        for f in step.findings.iter().filter(|f| f.kind == kind) {
            writeln!(out)?;
            render_finding(f, out)?;
        }
    }
    Ok(())
}

fn location(side: &Side) -> String {
    format!("{}:{}:{}", side.doc, side.line, side.col)
}

fn render_finding(f: &Finding, out: &mut dyn Write) -> io::Result<()> {
    let label = match f.facet {
        Some(facet) => format!("{} {}", f.kind.as_str(), facet.as_str()),
        None => f.kind.as_str().to_string(),
    };
    let style = match f.kind {
        FindingKind::Conflict => YELLOW,
        FindingKind::Removed => RED,
        FindingKind::Added => GREEN,
        FindingKind::Moved | FindingKind::Reworded | FindingKind::Omitted => CYAN,
    };
    let places: Vec<String> = f.sides.iter().map(location).collect();
    write!(out, "{style}{label}{style:#}  {}", places.join(" → "))?;
    if let Some(subject) = &f.subject {
        write!(out, "  {DIM}[{subject}]{DIM:#}")?;
    }
    writeln!(out)?;
    match (f.kind, f.sides.as_slice()) {
        (FindingKind::Conflict, [old, new]) => {
            writeln!(
                out,
                "  {RED}{}{RED:#} → {GREEN}{}{GREEN:#}",
                shown(old),
                shown(new)
            )?;
            write_word_diff(&old.text, &new.text, out)?;
        }
        (FindingKind::Reworded, [old, new]) => write_word_diff(&old.text, &new.text, out)?,
        (FindingKind::Moved, [_, new]) => writeln!(out, "  {}", new.text)?,
        (FindingKind::Removed, [side]) => writeln!(out, "  {RED}[-{}-]{RED:#}", side.text)?,
        (FindingKind::Added, [side]) => writeln!(out, "  {GREEN}{{+{}+}}{GREEN:#}", side.text)?,
        (_, sides) => {
            for side in sides {
                writeln!(out, "  {}: {}", side.doc, side.text)?;
            }
        }
    }
    Ok(())
}

fn write_word_diff(old: &str, new: &str, out: &mut dyn Write) -> io::Result<()> {
    write!(out, "  ")?;
    for piece in word_diff(old, new) {
        match piece {
            Piece::Same(t) => write!(out, "{t}")?,
            Piece::Old(t) => write!(out, "{RED}[-{t}-]{RED:#}")?,
            Piece::New(t) => write!(out, "{GREEN}{{+{t}+}}{GREEN:#}")?,
        }
    }
    writeln!(out)
}
