//! The `factdiff claims` report: every claim the pipeline sees in each document, as a table
//! for people or as JSON (`"command": "claims"`, documented in the README).

use std::io::{self, Write};

use serde::Serialize;

use super::{DocumentInfo, clip};
use crate::model::{Analysis, Claim, ClaimKind, Value};

/// One claim as the claims report shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimRow {
    pub doc: String,
    pub line: u32,
    pub col: u32,
    pub kind: ClaimKind,
    /// What the article says (`twenty-six countries`).
    pub text: String,
    /// The normalized value (`26`, `2025-09-05`, a quote's words, a speaker).
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub noun: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// `positive` or `negative`: whether the sentence is negated.
    pub polarity: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modality: Option<String>,
    /// Other readings of the value, when the text leaves it open.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<String>,
    /// The sentence the claim is in.
    pub sentence: String,
}

impl ClaimRow {
    fn of(a: &Analysis, c: &Claim) -> ClaimRow {
        let (line, col) = a.doc.position(c.span.start);
        let speaker = c.speaker.as_ref().map(|key| {
            // Show the speaker as the document names them, not by the internal key.
            a.claims
                .iter()
                .find(|x| x.kind == ClaimKind::Attribution && x.speaker.as_ref() == Some(key))
                .map_or_else(|| key.clone(), |x| x.value.to_string())
        });
        let value = match &c.value {
            Value::Text(t) => t.clone(),
            other => other.to_string(),
        };
        ClaimRow {
            doc: a.doc.name.clone(),
            line,
            col,
            kind: c.kind,
            text: c.surface.clone(),
            value,
            noun: c.noun.clone(),
            subject: c.subject.clone(),
            speaker,
            polarity: if c.negated { "negative" } else { "positive" },
            modality: c.modality.clone(),
            alternatives: c.alternatives.clone(),
            sentence: a.sentences[c.sentence].text.clone(),
        }
    }
}

/// The rows of every document's claims, in document and text order. Polarity claims are
/// shown as the `polarity` of the others, not as rows of their own.
pub fn rows(analyses: &[Analysis]) -> Vec<ClaimRow> {
    analyses
        .iter()
        .flat_map(|a| {
            a.claims
                .iter()
                .filter(|c| c.kind != ClaimKind::Polarity)
                .map(move |c| ClaimRow::of(a, c))
        })
        .collect()
}

#[derive(Serialize)]
struct JsonClaims<'a> {
    schema: &'static str,
    command: &'static str,
    documents: Vec<DocumentInfo>,
    claims: &'a [ClaimRow],
}

/// Renders the claims as pretty JSON followed by a newline.
pub fn render_json(analyses: &[Analysis], out: &mut dyn Write) -> io::Result<()> {
    let rows = rows(analyses);
    let doc = JsonClaims {
        schema: super::json::SCHEMA,
        command: "claims",
        documents: analyses.iter().map(DocumentInfo::of).collect(),
        claims: &rows,
    };
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::other)?;
    writeln!(out)
}

/// Renders the claims as one aligned table per document.
pub fn render_table(analyses: &[Analysis], out: &mut dyn Write) -> io::Result<()> {
    let bold = anstyle::Style::new().bold();
    for (i, a) in analyses.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let rows = rows(std::slice::from_ref(a));
        let published = a
            .doc
            .meta
            .published
            .map_or_else(|| "unknown".to_string(), |d| d.to_string());
        writeln!(
            out,
            "{bold}{}{bold:#}: {} claims (published {published})",
            a.doc.name,
            rows.len()
        )?;
        let cells: Vec<[String; 6]> = rows
            .iter()
            .map(|r| {
                let mut flags = Vec::new();
                if r.polarity == "negative" {
                    flags.push("negated".to_string());
                }
                if let Some(m) = &r.modality {
                    flags.push(m.clone());
                }
                [
                    format!("{}:{}", r.line, r.col),
                    r.kind.as_str().to_string(),
                    clip(&r.text, 48),
                    clip(&r.value, 40),
                    r.speaker
                        .clone()
                        .or_else(|| r.subject.clone())
                        .unwrap_or_default(),
                    flags.join(", "),
                ]
            })
            .collect();
        let header = ["LINE:COL", "KIND", "TEXT", "VALUE", "WHO/SUBJECT", "CUES"];
        let mut widths = header.map(|h| h.chars().count());
        for row in &cells {
            for (w, c) in widths.iter_mut().zip(row) {
                *w = (*w).max(c.chars().count());
            }
        }
        write_row(out, &header.map(String::from), &widths)?;
        for row in &cells {
            write_row(out, row, &widths)?;
        }
    }
    Ok(())
}

fn write_row(out: &mut dyn Write, cells: &[String; 6], widths: &[usize; 6]) -> io::Result<()> {
    let mut line = String::new();
    for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
        if i + 1 == cells.len() {
            line.push_str(cell);
        } else {
            line.push_str(cell);
            line.push_str(&" ".repeat(w - cell.chars().count() + 2));
        }
    }
    writeln!(out, "{}", line.trim_end())
}
