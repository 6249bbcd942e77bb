//! Helpers shared by the integration tests: the sample cases and running the pipeline on them.

#![allow(dead_code)] // each test binary uses a different subset of these helpers

use std::path::{Path, PathBuf};

use factdiff::model::Analysis;
use factdiff::report::DiffReport;
use factdiff::{analyze, load};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every version-history sample (expected.json with mode `diff`), sorted.
pub fn sample_cases() -> Vec<PathBuf> {
    cases_in_mode("diff")
}

/// Every outlets sample (expected.json with mode `compare`), sorted.
pub fn outlet_cases() -> Vec<PathBuf> {
    cases_in_mode("compare")
}

fn cases_in_mode(mode: &str) -> Vec<PathBuf> {
    factdiff::eval::find_cases(&[root().join("samples")])
        .expect("samples folder")
        .into_iter()
        .filter(|dir| {
            factdiff::eval::read_expected(dir)
                .expect("expected.json")
                .mode
                == mode
        })
        .collect()
}

/// The version files of a case, in the order expected.json lists them.
pub fn case_files(dir: &Path) -> Vec<PathBuf> {
    let expected = factdiff::eval::read_expected(dir).expect("expected.json");
    expected.files.iter().map(|f| dir.join(f)).collect()
}

/// Loads and analyses a file, naming it by its file name so outputs do not depend on paths.
pub fn analyse(path: &Path) -> Analysis {
    let name = path.file_name().unwrap().to_str().unwrap();
    let bytes = std::fs::read(path).unwrap();
    analyze(load::load_bytes(name, &bytes).unwrap())
}

/// The diff report over the versions of a case, as `factdiff diff v1 v2 …` builds it.
pub fn case_report(dir: &Path) -> DiffReport {
    let analyses: Vec<Analysis> = case_files(dir).iter().map(|p| analyse(p)).collect();
    factdiff::diff_history(&analyses)
}

pub fn case_name(dir: &Path) -> String {
    dir.file_name().unwrap().to_string_lossy().into_owned()
}
