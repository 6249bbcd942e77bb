//! Scores factdiff's quantity extraction against a peer test suite in JSON Lines (the
//! Microsoft Recognizers-Text cases in `../shared/peer-suites/`, format in that folder's
//! README).
//!
//! ```sh
//! cargo run --release --example peer_suite -- ../shared/peer-suites/recognizers-en-numbers.jsonl
//! ```
//!
//! Each line is run through the library (`load_bytes` then `analyze`) and the quantity claims
//! are sorted into the suite's types:
//!
//! - `currency`: a claim whose unit is a currency code (three capitals); its amount is the
//!   stated figure;
//! - `percent`: unit `%`;
//! - `ordinal`: unit `ordinal` (`21st`, `first`);
//! - `range`: a claim given as an interval or a bound (`more than 30`, `up to 700`, `between
//!   20 and 30`, `equal to 20`); endpoints are compared, bracket openness is ignored, and an
//!   unbounded lower end matches a claim that starts at 0 or at minus infinity (factdiff
//!   counts things, so `fewer than 10` is `[0, 10)`);
//! - `number`: a plain count (no unit): its figure, or both ends of a stated range. Money,
//!   percentages and ordinals are typed facts of their own and do not count as numbers: the
//!   suite's NumberModel lines hold no money (the README says those were dropped) and expect
//!   nothing from `first class`, so counting `$5` or `first` as numbers would only hide
//!   mistakes.
//!
//! A case passes when every expected value is found among the claims of its type (each claim
//! used once; numbers compared with a relative tolerance of 1e-9); a case with `expected: []`
//! passes when no claim of its type is found. The scoring lives here, not in the library, and
//! `tests/peer_suite.rs` shares it through `#[path]`.

#![allow(clippy::print_stdout)] // an example's job is to print its report

use std::fmt::Write as _;
use std::path::Path;

use factdiff::model::{ClaimKind, Quantity, Value};
use serde::Deserialize;

/// The types of the suite, in report order.
pub const TYPES: [&str; 5] = ["number", "percent", "currency", "ordinal", "range"];

#[derive(Debug, Deserialize)]
pub struct Case {
    pub id: String,
    pub input: String,
    pub expected: Vec<ExpectedEntity>,
}

#[derive(Debug, Deserialize)]
pub struct ExpectedEntity {
    pub text: String,
    pub value: String,
    #[serde(rename = "type")]
    pub kind: String,
}

/// A value in a comparable form.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    /// number, ordinal, percent
    Num(f64),
    Money(f64, String),
    /// Range endpoints; `None` is unbounded.
    Range(Option<f64>, Option<f64>),
}

impl std::fmt::Display for Val {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let end = |v: &Option<f64>| v.map_or(String::new(), |v| format!("{v}"));
        match self {
            Val::Num(v) => write!(f, "{v}"),
            Val::Money(v, c) => write!(f, "{v} {c}"),
            Val::Range(a, b) => write!(f, "[{},{}]", end(a), end(b)),
        }
    }
}

/// One scored case.
#[derive(Debug)]
pub struct Outcome {
    pub id: String,
    pub kind: &'static str,
    pub input: String,
    pub expected: Vec<String>,
    /// What factdiff found of the case's type: `value (surface)`.
    pub found: Vec<String>,
    pub passed: bool,
}

/// The result of a whole suite.
#[derive(Debug, Default)]
pub struct Report {
    pub outcomes: Vec<Outcome>,
}

impl Report {
    /// (passed, total) for one type, or for all when `kind` is `None`.
    pub fn count(&self, kind: Option<&str>) -> (usize, usize) {
        let of: Vec<&Outcome> = self
            .outcomes
            .iter()
            .filter(|o| kind.is_none_or(|k| o.kind == k))
            .collect();
        (of.iter().filter(|o| o.passed).count(), of.len())
    }

    pub fn share(&self, kind: Option<&str>) -> f64 {
        let (p, t) = self.count(kind);
        if t == 0 { 1.0 } else { p as f64 / t as f64 }
    }

    /// The per-type table and the overall line.
    pub fn summary(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "{:<10} {:>8} {:>9}", "type", "share", "passed");
        for kind in TYPES.iter().copied().map(Some).chain([None]) {
            let (p, t) = self.count(kind);
            let _ = writeln!(
                s,
                "{:<10} {:>8.3} {:>9}",
                kind.unwrap_or("overall"),
                self.share(kind),
                format!("{p}/{t}")
            );
        }
        s
    }

    /// The failing cases, one block each.
    pub fn failures(&self) -> String {
        let mut s = String::new();
        for o in self.outcomes.iter().filter(|o| !o.passed) {
            let _ = writeln!(s, "FAIL {} {:?}", o.id, o.input);
            let _ = writeln!(s, "  expected: {}", o.expected.join(" | "));
            let _ = writeln!(s, "  found:    {}", o.found.join(" | "));
        }
        s
    }
}

/// The type a case is scored on, from its id prefix.
pub fn case_type(id: &str) -> Option<&'static str> {
    let prefix = id.split('-').next()?;
    Some(match prefix {
        "NumberModel" => "number",
        "PercentModel" => "percent",
        "CurrencyModel" => "currency",
        "OrdinalModel" => "ordinal",
        "NumberRangeModel" => "range",
        _ => return None,
    })
}

fn num(s: &str) -> Option<f64> {
    s.trim().parse::<f64>().ok()
}

/// An expected value (`26`, `40%`, `2400000000 USD`, `(20,30]`) in comparable form.
pub fn parse_expected(kind: &str, value: &str) -> Option<Val> {
    match kind {
        "number" | "ordinal" => num(value).map(Val::Num),
        "percent" => num(value.strip_suffix('%')?).map(Val::Num),
        "currency" => {
            let (amount, code) = value.rsplit_once(' ')?;
            Some(Val::Money(num(amount)?, code.to_string()))
        }
        "range" => {
            let inner = value.get(1..value.len().checked_sub(1)?)?;
            let (a, b) = inner.split_once(',')?;
            let end = |s: &str| {
                if s.is_empty() {
                    Ok(None)
                } else {
                    num(s).map(Some).ok_or(())
                }
            };
            Some(Val::Range(end(a).ok()?, end(b).ok()?))
        }
        _ => None,
    }
}

/// Currency units are ISO-style codes (`USD`, and `BTC`): three capitals.
fn is_currency(unit: &str) -> bool {
    unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase())
}

/// The figure a quantity states: its value when exact, else the stated figure.
fn figure(q: &Quantity) -> Option<f64> {
    if q.is_exact() { Some(q.low) } else { q.stated }
}

/// The values of one claim that count for `kind`.
pub fn claim_values(kind: &str, q: &Quantity) -> Vec<Val> {
    match kind {
        "number" if q.unit.is_empty() => match figure(q) {
            Some(v) => vec![Val::Num(v)],
            None if q.hedge == "range" => vec![Val::Num(q.low), Val::Num(q.high)],
            None => vec![],
        },
        "percent" if q.unit == "%" => figure(q).map(Val::Num).into_iter().collect(),
        "ordinal" if q.unit == "ordinal" => match figure(q) {
            Some(v) => vec![Val::Num(v)],
            None => vec![Val::Num(q.low), Val::Num(q.high)],
        },
        "currency" if is_currency(&q.unit) => figure(q)
            .map(|v| Val::Money(v, q.unit.clone()))
            .into_iter()
            .collect(),
        "range" if !q.is_exact() || !q.hedge.is_empty() => {
            let low = (q.low.is_finite()).then_some(q.low);
            let high = (q.high.is_finite()).then_some(q.high);
            vec![Val::Range(low, high)]
        }
        _ => vec![],
    }
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

/// Whether a found value satisfies an expected one.
pub fn matches(expected: &Val, found: &Val) -> bool {
    match (expected, found) {
        (Val::Num(a), Val::Num(b)) => close(*a, *b),
        (Val::Money(a, c), Val::Money(b, d)) => c == d && close(*a, *b),
        (Val::Range(el, eh), Val::Range(fl, fh)) => {
            let low_ok = match (el, fl) {
                (Some(a), Some(b)) => close(*a, *b),
                // factdiff counts things: an upper bound starts at 0 (or at minus infinity).
                (None, Some(b)) => *b == 0.0,
                (None, None) => true,
                (Some(_), None) => false,
            };
            let high_ok = match (eh, fh) {
                (Some(a), Some(b)) => close(*a, *b),
                (None, None) => true,
                _ => false,
            };
            low_ok && high_ok
        }
        _ => false,
    }
}

/// Scores one case.
pub fn score_case(case: &Case) -> Option<Outcome> {
    let kind = case_type(&case.id)?;
    let expected: Vec<Val> = case
        .expected
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| parse_expected(kind, &e.value))
        .collect::<Option<_>>()?;
    let expected_text = case
        .expected
        .iter()
        .map(|e| format!("{} ({})", e.value, e.text))
        .collect();
    let mut found = Vec::new();
    let mut found_text = Vec::new();
    if let Ok(doc) = factdiff::load::load_bytes("case.txt", case.input.as_bytes()) {
        let analysis = factdiff::analyze(doc);
        for claim in &analysis.claims {
            if claim.kind != ClaimKind::Quantity {
                continue;
            }
            let Value::Quantity(q) = &claim.value else {
                continue;
            };
            for v in claim_values(kind, q) {
                found_text.push(format!("{v} ({})", claim.surface));
                found.push(v);
            }
        }
    }
    let passed = if expected.is_empty() {
        found.is_empty()
    } else {
        let mut used = vec![false; found.len()];
        expected.iter().all(|e| {
            let hit = (0..found.len()).find(|&j| !used[j] && matches(e, &found[j]));
            hit.map(|j| used[j] = true).is_some()
        })
    };
    Some(Outcome {
        id: case.id.clone(),
        kind,
        input: case.input.clone(),
        expected: expected_text,
        found: found_text,
        passed,
    })
}

/// Reads and scores a whole suite file.
pub fn score_file(path: &Path) -> Result<Report, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut report = Report::default();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let case: Case =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        let outcome = score_case(&case)
            .ok_or_else(|| format!("{}:{}: unknown id or value", path.display(), n + 1))?;
        report.outcomes.push(outcome);
    }
    Ok(report)
}

#[allow(dead_code)] // unused when tests/peer_suite.rs includes this file as a module
fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        println!("usage: peer_suite PATH.jsonl");
        return std::process::ExitCode::from(2);
    };
    match score_file(Path::new(&path)) {
        Ok(report) => {
            println!("{}", report.failures());
            print!("{}", report.summary());
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            println!("peer_suite: {e}");
            std::process::ExitCode::from(2)
        }
    }
}
