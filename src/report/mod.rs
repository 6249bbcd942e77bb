//! Stage 7, **report**: findings → text for people and programs. The only module that
//! formats output. Every renderer writes into a `&mut dyn Write`, so every format is testable
//! in-process; colour is written as ANSI styles and stripped by the caller's stream when the
//! user or the terminal says so (`--color`, `NO_COLOR`).
//!
//! Formats: [`terminal`] (summary, findings grouped by kind with `file:line` and an inline
//! word diff), [`json`] (the versioned `factdiff/1` contract), [`markdown`], [`github`] and
//! [`sarif`] (CI); [`compare`] renders outlet comparisons (terminal, JSON, Markdown, HTML);
//! [`claims`] lists the claims of documents; [`eval`] prints accuracy tables.

pub mod claims;
pub mod compare;
pub mod eval;
pub mod github;
pub mod json;
pub mod markdown;
pub mod sarif;
pub mod terminal;
mod worddiff;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Analysis, Facet, Finding, FindingKind, History};

/// What one document contributed, as reports show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentInfo {
    pub doc: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modified: Option<String>,
    pub sentences: usize,
    pub claims: usize,
}

impl DocumentInfo {
    pub fn of(a: &Analysis) -> Self {
        let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
        DocumentInfo {
            doc: a.doc.name.clone(),
            source: a.doc.meta.source.clone(),
            title: a.doc.meta.title.clone(),
            published: date(a.doc.meta.published),
            modified: date(a.doc.meta.modified),
            sentences: a.sentences.len(),
            claims: a.claims.len(),
        }
    }
}

/// One step of a version history: the findings between two consecutive versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub old: String,
    pub new: String,
    pub findings: Vec<Finding>,
}

/// Everything a `diff` report shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffReport {
    pub documents: Vec<DocumentInfo>,
    pub steps: Vec<Step>,
    /// Facts that changed in more than one step, traced across the versions.
    pub histories: Vec<History>,
}

impl DiffReport {
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.steps.iter().flat_map(|s| s.findings.iter())
    }
}

/// Counts of findings by kind, and of conflicts by facet, in a fixed order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub conflict: usize,
    pub removed: usize,
    pub added: usize,
    pub moved: usize,
    pub reworded: usize,
    #[serde(skip_serializing_if = "is_zero")]
    pub omitted: usize,
    pub facets: BTreeMap<String, usize>,
}

/// A side's value with what the text says, when that says more: `26 (twenty-six countries)`.
/// A quote's surface is the quote with its marks, which says nothing more.
pub(crate) fn shown(side: &crate::model::Side) -> String {
    if side.surface.is_empty() || side.surface.contains(&side.value) {
        side.value.clone()
    } else {
        format!("{} ({})", side.value, side.surface)
    }
}

/// Shortens text to `max` characters, with an ellipsis when it was longer.
pub(crate) fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Summary {
    pub fn of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Self {
        let mut s = Summary::default();
        for f in findings {
            match f.kind {
                FindingKind::Conflict => s.conflict += 1,
                FindingKind::Removed => s.removed += 1,
                FindingKind::Added => s.added += 1,
                FindingKind::Moved => s.moved += 1,
                FindingKind::Reworded => s.reworded += 1,
                FindingKind::Omitted => s.omitted += 1,
            }
            if let Some(facet) = f.facet {
                *s.facets.entry(facet.as_str().to_string()).or_default() += 1;
            }
        }
        s
    }

    pub fn count(&self, kind: FindingKind) -> usize {
        match kind {
            FindingKind::Conflict => self.conflict,
            FindingKind::Removed => self.removed,
            FindingKind::Added => self.added,
            FindingKind::Moved => self.moved,
            FindingKind::Reworded => self.reworded,
            FindingKind::Omitted => self.omitted,
        }
    }

    /// `2 conflicts (quantity 1, quote 1), 1 added` — or `no changes`.
    pub fn line(&self) -> String {
        let mut parts = Vec::new();
        for kind in FindingKind::ALL {
            let n = self.count(kind);
            if n == 0 {
                continue;
            }
            let name = match (kind, n) {
                (FindingKind::Conflict, 1) => "conflict".to_string(),
                (FindingKind::Conflict, _) => "conflicts".to_string(),
                (k, _) => k.as_str().to_string(),
            };
            let mut part = format!("{n} {name}");
            if kind == FindingKind::Conflict {
                let facets: Vec<String> = Facet::ALL
                    .iter()
                    .filter_map(|f| {
                        self.facets
                            .get(f.as_str())
                            .map(|n| format!("{} {n}", f.as_str()))
                    })
                    .collect();
                part.push_str(&format!(" ({})", facets.join(", ")));
            }
            parts.push(part);
        }
        if parts.is_empty() {
            "no changes".to_string()
        } else {
            parts.join(", ")
        }
    }
}
