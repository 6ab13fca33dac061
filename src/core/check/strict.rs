//! The strict readers: a file is accepted only without a single problem (the data check,
//! `msd-check`, the council kit). They are the tolerant readers plus "no problems allowed", so
//! both apply the same rules.

use crate::core::check::{tolerant, validate};
use crate::core::model::problem::{Problem, Problems};
use crate::core::model::*;
use crate::core::read::decode;

/// Decodes and validates one dataset file against the manifest.
pub fn dataset_file(file: &str, text: &str, manifest: &Manifest) -> Result<Dataset, Vec<Problem>> {
    let mut p = Problems::new(file);
    let Some(ds) = decode::dataset(text, &mut p) else {
        return Err(p.list);
    };
    validate::check_dataset(&ds, manifest, &mut p);
    if p.is_empty() {
        Ok(ds)
    } else {
        Err(p.list)
    }
}

/// Decodes and validates `manifest.json`: every problem, or the manifest when there are none.
/// (The app reads it with
/// `tolerant::manifest`, which keeps the good entries.)
pub fn manifest_file(file: &str, text: &str) -> Result<Manifest, Vec<Problem>> {
    let (m, skipped) = tolerant::manifest(file, text);
    if skipped.is_empty() {
        Ok(m)
    } else {
        Err(skipped.into_iter().flat_map(|s| s.problems).collect())
    }
}
