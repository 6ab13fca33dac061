//! Helpers shared by the native integration tests.
#![allow(dead_code)]

use monitor_sociaal_domein::core::check::report::{self, Report};
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Reads every `.json` file of a folder as (name, text).
pub fn read_folder(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".json"))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read_to_string(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

/// The bundled data, checked.
pub fn bundled() -> Report {
    report::check_folder(&read_folder(&root().join("public/data")))
}

/// The text of a seed document (`docs/bronnen/NNN_….txt`).
pub fn seed_text(seed: &str) -> String {
    let dir = root().join("docs/bronnen");
    let file = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with(&format!("{seed}_")))
        .unwrap_or_else(|| panic!("no source document for seed {seed} in {}", dir.display()));
    std::fs::read_to_string(file.path()).unwrap()
}
