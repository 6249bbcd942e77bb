//! The Markdown report: a pull-request comment. A summary line, a table of the findings that
//! fail or warn under the policy (level, what changed, `file:line` in the newer version, old →
//! new value, the sentence with deletions struck through and insertions in bold), then the
//! informational findings folded away in a `<details>` block.
//!
//! Text from articles is escaped (`|`, backticks, emphasis and link marks, `<`, `>`) and
//! newlines become `<br>`, so no sentence can break the table or inject markup.

use std::io::{self, Write};

use super::DiffReport;
use super::github::summary_line;
use super::shown;
use super::worddiff::{Piece, word_diff};
use crate::model::{Finding, FindingKind};
use crate::policy::{Level, Verdict, Verdicts};

/// Renders the comment.
pub fn render(report: &DiffReport, verdicts: &Verdicts, out: &mut dyn Write) -> io::Result<()> {
    let pairs: Vec<(&Finding, &Verdict, &str)> = report
        .steps
        .iter()
        .zip(&verdicts.steps)
        .flat_map(|(step, sv)| {
            step.findings
                .iter()
                .zip(&sv.verdicts)
                .map(move |(f, v)| (f, v, sv.path.as_str()))
        })
        .collect();
    let mark = if verdicts.fails() {
        ":x:"
    } else if verdicts.count(Level::Warning) > 0 {
        ":warning:"
    } else {
        ":white_check_mark:"
    };
    let line = summary_line(verdicts);
    writeln!(
        out,
        "{mark} **factdiff**: {}",
        md(line.strip_prefix("factdiff: ").unwrap_or(&line))
    )?;
    writeln!(out)?;
    let flagged: Vec<_> = pairs
        .iter()
        .filter(|(_, v, _)| v.level > Level::Note)
        .collect();
    if flagged.is_empty() {
        writeln!(out, "No finding fails or warns under the policy.")?;
    } else {
        writeln!(out, "| level | finding | where | old → new | sentence |")?;
        writeln!(out, "| --- | --- | --- | --- | --- |")?;
        for (f, v, path) in &flagged {
            let level = if v.level == Level::Error {
                ":x: fail"
            } else {
                ":warning: warn"
            };
            writeln!(
                out,
                "| {level} | {} | {}:{} | {} | {} |",
                md(&v.rule.title()),
                md(path),
                v.line,
                values(f),
                sentence(f)
            )?;
        }
    }
    let notes: Vec<_> = pairs
        .iter()
        .filter(|(_, v, _)| v.level == Level::Note)
        .collect();
    if !notes.is_empty() {
        writeln!(out)?;
        let n = notes.len();
        writeln!(
            out,
            "<details><summary>{n} informational finding{}</summary>",
            if n == 1 { "" } else { "s" }
        )?;
        writeln!(out)?;
        for (f, v, path) in notes {
            writeln!(
                out,
                "- {}:{} {}: {}",
                md(path),
                v.line,
                md(&v.rule.title()),
                sentence(f)
            )?;
        }
        writeln!(out)?;
        writeln!(out, "</details>")?;
    }
    Ok(())
}

/// `old → new` for a conflict; what happened, for a sentence.
fn values(f: &Finding) -> String {
    match (f.kind, f.sides.as_slice()) {
        (FindingKind::Conflict, [old, new]) => {
            let subject = f
                .subject
                .as_deref()
                .map(|s| format!(" \\[{}\\]", md(s)))
                .unwrap_or_default();
            format!("{} → {}{subject}", md(&shown(old)), md(&shown(new)))
        }
        (kind, _) => format!("({})", kind.as_str()),
    }
}

/// The sentence: a word diff for pairs, struck through when removed.
fn sentence(f: &Finding) -> String {
    match (f.kind, f.sides.as_slice()) {
        (FindingKind::Conflict | FindingKind::Reworded, [old, new]) => {
            word_diff(&old.text, &new.text)
                .into_iter()
                .map(|p| match p {
                    Piece::Same(t) => md(&t),
                    Piece::Old(t) => wrap(&t, "~~"),
                    Piece::New(t) => wrap(&t, "**"),
                })
                .collect()
        }
        (FindingKind::Removed, [side]) => wrap(&side.text, "~~"),
        (_, [.., last]) => md(&last.text),
        _ => String::new(),
    }
}

/// Emphasis around the words of a run, the spaces around them left outside (`~~ a ~~` would
/// not render).
fn wrap(text: &str, mark: &str) -> String {
    let core = text.trim();
    if core.is_empty() {
        return md(text);
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    format!("{}{mark}{}{mark}{}", md(lead), md(core), md(trail))
}

/// Markdown-escaped text for a table cell.
pub fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' | '|' | '`' | '*' | '_' | '~' | '[' | ']' | '#' | '!' => {
                out.push('\\');
                out.push(ch);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("<br>");
            }
            '\n' => out.push_str("<br>"),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_table_breakers_and_markup() {
        assert_eq!(md("a|b `c` *d* [e](f)"), "a\\|b \\`c\\` \\*d\\* \\[e\\](f)");
        assert_eq!(md("one\ntwo\r\nthree"), "one<br>two<br>three");
        assert_eq!(md("<script> & x"), "&lt;script&gt; &amp; x");
    }

    #[test]
    fn emphasis_keeps_spaces_outside() {
        assert_eq!(wrap(" said ", "~~"), " ~~said~~ ");
        assert_eq!(wrap("a|b", "**"), "**a\\|b**");
        assert_eq!(wrap("  ", "**"), "  ");
    }
}
