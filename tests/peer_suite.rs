//! The peer suite (Microsoft Recognizers-Text English numbers, in ../shared/peer-suites) scored
//! with the same code as `examples/peer_suite.rs`. Skipped when the file is absent: the build
//! and the other tests never depend on ../shared.

#[path = "../examples/peer_suite.rs"]
mod peer_suite;

use std::path::PathBuf;

#[test]
#[allow(clippy::print_stderr)] // a skipped test says why on stderr
fn recognizers_numbers_overall_at_least_097() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/peer-suites/recognizers-en-numbers.jsonl");
    if !path.is_file() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    let report = peer_suite::score_file(&path).unwrap();
    let (_, total) = report.count(None);
    assert!(total > 400, "too few cases read: {total}");
    assert!(
        report.share(None) >= 0.97,
        "overall below 0.97:\n{}\n{}",
        report.summary(),
        report.failures()
    );
}

#[test]
fn scoring_rules() {
    use peer_suite::{Val, matches, parse_expected};
    assert_eq!(
        parse_expected("range", "(,700]"),
        Some(Val::Range(None, Some(700.0)))
    );
    assert_eq!(
        parse_expected("currency", "0.5 USD"),
        Some(Val::Money(0.5, "USD".into()))
    );
    assert!(matches(&Val::Num(0.666666666666667), &Val::Num(2.0 / 3.0)));
    assert!(!matches(&Val::Num(0.67), &Val::Num(2.0 / 3.0)));
    // An unbounded lower end matches a count that starts at 0.
    assert!(matches(
        &Val::Range(None, Some(700.0)),
        &Val::Range(Some(0.0), Some(700.0))
    ));
    assert!(!matches(
        &Val::Range(Some(20.0), None),
        &Val::Range(Some(20.0), Some(30.0))
    ));
}
