//! Helpers shared by the native integration tests.
#![allow(dead_code)]

use monitor_sociaal_domein::core::check::report::{self, Report};
use monitor_sociaal_domein::core::check::strict;
use monitor_sociaal_domein::core::model::{Dataset, Manifest};
use std::path::{Path, PathBuf};
use std::sync::Arc;

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

/// The bundled `manifest.json`, read by the strict reader.
pub fn manifest() -> Manifest {
    let text = std::fs::read_to_string(root().join("public/data/manifest.json")).unwrap();
    strict::manifest_file("manifest.json", &text).expect("bundled manifest")
}

/// Bundled data files by name, each read by the strict reader, as the store holds them.
pub fn sets(manifest: &Manifest, files: &[String]) -> Vec<Arc<Dataset>> {
    files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(root().join("public/data").join(f)).unwrap();
            Arc::new(strict::dataset_file(f, &text, manifest).expect("bundled dataset"))
        })
        .collect()
}
