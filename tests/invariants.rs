//! Invariants over every sample, and inputs that must never panic.

mod common;

use factdiff::model::{Finding, FindingKind};
use factdiff::{analyze, diff_versions, load};

fn count(findings: &[Finding], kind: FindingKind) -> usize {
    findings.iter().filter(|f| f.kind == kind).count()
}

#[test]
fn a_document_against_itself_finds_nothing() {
    for dir in common::sample_cases() {
        for path in common::case_files(&dir) {
            let a = common::analyse(&path);
            let findings = diff_versions(&a, &a);
            assert!(findings.is_empty(), "{}: {findings:#?}", path.display());
        }
    }
}

#[test]
fn swapping_sides_swaps_added_and_removed() {
    for dir in common::sample_cases() {
        let files = common::case_files(&dir);
        for pair in files.windows(2) {
            let (a, b) = (common::analyse(&pair[0]), common::analyse(&pair[1]));
            let forward = diff_versions(&a, &b);
            let backward = diff_versions(&b, &a);
            let name = format!("{} ⇄ {}", pair[0].display(), pair[1].display());
            assert_eq!(
                count(&forward, FindingKind::Added),
                count(&backward, FindingKind::Removed),
                "{name}"
            );
            assert_eq!(
                count(&forward, FindingKind::Removed),
                count(&backward, FindingKind::Added),
                "{name}"
            );
            assert_eq!(
                count(&forward, FindingKind::Conflict),
                count(&backward, FindingKind::Conflict),
                "{name}"
            );
            assert_eq!(
                count(&forward, FindingKind::Moved),
                count(&backward, FindingKind::Moved),
                "{name}"
            );
        }
    }
}

#[test]
fn same_input_same_findings() {
    for dir in common::sample_cases() {
        let first = format!("{:?}", common::case_report(&dir));
        let second = format!("{:?}", common::case_report(&dir));
        assert_eq!(first, second);
    }
}

/// Pieces that stress the extractors: unbalanced and nested quotes, odd numbers, dates,
/// scripts, empty lines, long runs.
const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "'",
    "’",
    "‘",
    "«",
    "»",
    "—",
    "–",
    "-",
    "…",
    ".",
    ",",
    ":",
    ";",
    "!",
    "?",
    "\n",
    "\n\n",
    " ",
    "\t",
    "26",
    "twenty-six",
    "1,2,3",
    "$",
    "£",
    "€",
    "%",
    "½",
    "3.5bn",
    "1e309",
    "99999999999999999999999",
    "0.000",
    "-4",
    "Friday",
    "Sept.",
    "31 Feb 2025",
    "May",
    "on Thursday",
    "2014-2022",
    "between",
    "and",
    "more than",
    "dozens",
    "no one",
    "said",
    "he said:",
    "Putin",
    "according to",
    "not",
    "U.S.",
    "Dr.",
    "a.m.",
    "p.m.",
    "ET",
    "---",
    "+++",
    "title:",
    "{",
    "}",
    "#",
    "*",
    "`",
    "<script>",
    "<p>",
    "</p>",
    "<article>",
    "<html><body>",
    "<meta charset=\"latin1\">",
    "&amp;",
    "&#8220;",
    "é",
    "ß",
    "中文",
    "😀",
    "\u{200b}",
    "\u{feff}",
    "\r\n",
];

#[test]
fn no_input_panics() {
    // A fixed linear congruential sequence: reproducible without a random crate.
    let mut state: u64 = 0x5eed;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    for case in 0..400 {
        let len = 1 + next() % 60;
        let text: String = (0..len)
            .map(|_| PIECES[next() % PIECES.len()])
            .collect::<Vec<_>>()
            .join(if case % 2 == 0 { " " } else { "" });
        for name in ["a.txt", "a.md", "a.json", "a.html", "-"] {
            let Ok(doc) = load::load_bytes(name, text.as_bytes()) else {
                continue;
            };
            let a = analyze(doc.clone());
            let b = analyze(
                load::load_bytes(
                    name,
                    b"Nothing to see here. Twenty-six states met on Friday.",
                )
                .unwrap(),
            );
            let _ = diff_versions(&a, &b);
            let _ = diff_versions(&b, &a);
            let _ = diff_versions(&a, &a);
        }
    }
}
