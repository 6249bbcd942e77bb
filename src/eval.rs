//! Accuracy measurement: runs the pipeline on every case folder (a folder holding
//! `expected.json`, format in `../shared/EXPECTED.md`, also documented in the README) and scores
//! the findings against the expected entries and traps.
//!
//! Matching, as the format defines it: a conflict entry is matched by a conflict finding of the
//! same facet with two distinct sides on the entry's two documents, each containing one of its
//! `any` strings (case-insensitive, in the side's value or sentence); a one-sided entry by a
//! finding of its kind with a side on its document. Precision counts the conflict findings and
//! the findings of the one-sided kinds the case lists; recall counts entries matched. A
//! conflict finding that matches a trap is a trap hit. No printing here: see `report::eval`.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::{Finding, FindingKind, Side};
use crate::{analyze_all, diff_versions, load};

/// One `expected.json`.
#[derive(Debug, Clone, Deserialize)]
pub struct Expected {
    pub case: String,
    pub mode: String,
    pub files: Vec<String>,
    #[serde(default)]
    pub expected: Vec<Entry>,
    #[serde(default)]
    pub traps: Vec<Entry>,
}

/// An expected finding, or a trap.
#[derive(Debug, Clone, Deserialize)]
pub struct Entry {
    pub id: String,
    /// Absent on traps.
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub facet: Option<String>,
    #[serde(default)]
    pub a: Option<SideSpec>,
    #[serde(default)]
    pub b: Option<SideSpec>,
    #[serde(default)]
    pub side: Option<SideSpec>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Which document, and strings one of which must appear in the finding's side.
#[derive(Debug, Clone, Deserialize)]
pub struct SideSpec {
    pub doc: String,
    pub any: Vec<String>,
}

impl Entry {
    /// `conflict:quantity`, `added`, …: the key the per-kind table uses.
    pub fn key(&self) -> String {
        let kind = self.kind.as_deref().unwrap_or("trap");
        match &self.facet {
            Some(f) if kind == "conflict" => format!("conflict:{f}"),
            _ => kind.to_string(),
        }
    }
}

/// The key of a finding in the per-kind table.
pub fn finding_key(f: &Finding) -> String {
    match f.facet {
        Some(facet) => format!("{}:{}", f.kind.as_str(), facet.as_str()),
        None => f.kind.as_str().to_string(),
    }
}

/// Why a case could not be evaluated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvalError {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for EvalError {}

/// The score of one case.
#[derive(Debug, Clone, Default)]
pub struct CaseResult {
    pub case: String,
    pub dir: PathBuf,
    /// Set when the case was not run (a mode this build does not have).
    pub skipped: Option<String>,
    /// Findings that count for precision, with whether each matched an entry.
    pub considered: Vec<(Finding, bool)>,
    /// Entries with whether each was matched.
    pub entries: Vec<(Entry, bool)>,
    /// Traps hit, with the finding that hit each.
    pub trap_hits: Vec<(Entry, Finding)>,
    /// How many traps the case sets.
    pub trap_count: usize,
}

impl CaseResult {
    /// How many distinct traps were hit.
    pub fn traps_hit(&self) -> usize {
        let mut ids: Vec<&str> = self.trap_hits.iter().map(|(t, _)| t.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    }
}

/// Matched / total, for precision or recall.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ratio {
    pub hit: usize,
    pub total: usize,
}

impl Ratio {
    pub fn value(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.hit as f64 / self.total as f64
        }
    }

    fn add(&mut self, hit: bool) {
        self.total += 1;
        self.hit += usize::from(hit);
    }
}

/// Precision and recall of a set of cases, overall and per kind/facet.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub precision: Ratio,
    pub recall: Ratio,
    pub by_key: BTreeMap<String, (Ratio, Ratio)>,
    pub traps: Ratio,
}

impl Scores {
    pub fn of(cases: &[CaseResult]) -> Scores {
        let mut s = Scores::default();
        for c in cases.iter().filter(|c| c.skipped.is_none()) {
            for (f, hit) in &c.considered {
                s.precision.add(*hit);
                s.by_key.entry(finding_key(f)).or_default().0.add(*hit);
            }
            for (e, hit) in &c.entries {
                s.recall.add(*hit);
                s.by_key.entry(e.key()).or_default().1.add(*hit);
            }
            s.traps.total += c.trap_count;
            s.traps.hit += c.traps_hit();
        }
        s
    }
}

/// Finds every case folder under the given paths (a folder with `expected.json`, or folders
/// below it), in sorted order.
pub fn find_cases(paths: &[PathBuf]) -> Result<Vec<PathBuf>, EvalError> {
    let mut cases = Vec::new();
    for p in paths {
        if !p.is_dir() {
            return Err(EvalError {
                path: p.clone(),
                message: "not a folder".into(),
            });
        }
        collect(p, &mut cases).map_err(|e| EvalError {
            path: p.clone(),
            message: e.to_string(),
        })?;
    }
    Ok(cases)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if dir.join("expected.json").is_file() {
        out.push(dir.to_path_buf());
        return Ok(());
    }
    let mut children: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    children.sort();
    for child in children {
        collect(&child, out)?;
    }
    Ok(())
}

/// Reads a case's `expected.json`.
pub fn read_expected(dir: &Path) -> Result<Expected, EvalError> {
    let path = dir.join("expected.json");
    let text = std::fs::read_to_string(&path).map_err(|e| EvalError {
        path: path.clone(),
        message: format!("cannot read: {e}"),
    })?;
    serde_json::from_str(&text).map_err(|e| EvalError {
        path: path.clone(),
        message: format!("line {}: invalid expected.json: {e}", e.line()),
    })
}

/// Runs the tool on one case and scores it.
pub fn run_case(dir: &Path) -> Result<CaseResult, EvalError> {
    let expected = read_expected(dir)?;
    let mut result = CaseResult {
        case: expected.case.clone(),
        dir: dir.to_path_buf(),
        trap_count: expected.traps.len(),
        ..Default::default()
    };
    if expected.mode != "diff" && expected.mode != "compare" {
        result.skipped = Some(format!("unknown mode `{}`", expected.mode));
        return Ok(result);
    }
    let mut docs = Vec::new();
    for file in &expected.files {
        let path = dir.join(file);
        let bytes = std::fs::read(&path).map_err(|e| EvalError {
            path: path.clone(),
            message: format!("cannot read: {e}"),
        })?;
        let doc = load::load_bytes(file, &bytes).map_err(|e| EvalError {
            path: path.clone(),
            message: e.message,
        })?;
        docs.push(doc);
    }
    let analyses = analyze_all(docs);
    let findings: Vec<Finding> = if expected.mode == "compare" {
        crate::compare::compare(&analyses).findings
    } else {
        analyses
            .windows(2)
            .flat_map(|w| diff_versions(&w[0], &w[1]))
            .collect()
    };
    score(&mut result, &expected, &findings);
    Ok(result)
}

fn score(result: &mut CaseResult, expected: &Expected, findings: &[Finding]) {
    let listed: Vec<&str> = expected
        .expected
        .iter()
        .filter_map(|e| e.kind.as_deref())
        .collect();
    for f in findings {
        let counts = f.kind == FindingKind::Conflict || listed.contains(&f.kind.as_str());
        if counts {
            let hit = expected.expected.iter().any(|e| matches_entry(f, e));
            result.considered.push((f.clone(), hit));
        }
        if f.kind == FindingKind::Conflict {
            for t in &expected.traps {
                let facet_ok = t
                    .facet
                    .as_deref()
                    .is_none_or(|x| Some(x) == f.facet.map(|x| x.as_str()));
                if facet_ok && matches_pair(f, t) {
                    result.trap_hits.push((t.clone(), f.clone()));
                }
            }
        }
    }
    for e in &expected.expected {
        let hit = findings.iter().any(|f| matches_entry(f, e));
        result.entries.push((e.clone(), hit));
    }
}

/// Whether a finding matches an expected entry.
pub fn matches_entry(f: &Finding, e: &Entry) -> bool {
    let Some(kind) = e.kind.as_deref() else {
        return false;
    };
    if kind == "conflict" {
        f.kind == FindingKind::Conflict
            && e.facet.as_deref() == f.facet.map(|x| x.as_str())
            && matches_pair(f, e)
    } else {
        let kind_ok = f.kind.as_str() == kind
            || (kind == "omitted" && matches!(f.kind, FindingKind::Added | FindingKind::Removed));
        kind_ok
            && e.side
                .as_ref()
                .is_some_and(|spec| f.sides.iter().any(|s| side_matches(s, spec)))
    }
}

fn matches_pair(f: &Finding, e: &Entry) -> bool {
    let (Some(a), Some(b)) = (&e.a, &e.b) else {
        return false;
    };
    for (i, x) in f.sides.iter().enumerate() {
        for (j, y) in f.sides.iter().enumerate() {
            if i != j && side_matches(x, a) && side_matches(y, b) {
                return true;
            }
        }
    }
    false
}

fn side_matches(side: &Side, spec: &SideSpec) -> bool {
    let name = Path::new(&side.doc)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(&side.doc);
    if name != spec.doc {
        return false;
    }
    let value = side.value.to_lowercase();
    let text = side.text.to_lowercase();
    spec.any.iter().any(|s| {
        let s = s.to_lowercase();
        value.contains(&s) || text.contains(&s)
    })
}
