//! Checks a whole data folder (manifest plus dataset files) and counts what it holds.
//! Pure: the caller reads the files. Used by `msd-check`, the tests and the data check page.

use super::engine;
use super::model::{Dataset, Manifest};
use super::problem::{Problem, Problems};
use super::validate;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Default)]
pub struct Report {
    pub problems: Vec<Problem>,
    pub manifest: Option<Manifest>,
    pub datasets: Vec<(String, Dataset)>,
    /// Per seed: tables, values.
    pub per_seed: BTreeMap<String, (usize, usize)>,
    /// Published derived figures and totals recomputed by the engine.
    pub recomputed: usize,
    /// Of those, how many differ without a documented inconsistency (must be 0).
    pub undocumented_differences: usize,
    /// Documented inconsistencies, by kind.
    pub inconsistencies: usize,
}

/// `files`: (file name, contents); one of them must be `manifest.json`.
pub fn check(files: &[(String, String)]) -> Report {
    let mut r = Report::default();
    let Some((_, text)) = files.iter().find(|(n, _)| n == "manifest.json") else {
        r.problems.push(Problem { file: "manifest.json".into(), path: String::new(), position: None, message: "manifest.json ontbreekt in de gegevensmap".into() });
        return r;
    };
    let manifest = match validate::manifest_file("manifest.json", text) {
        Ok(m) => m,
        Err(p) => {
            r.problems.extend(p);
            return r;
        }
    };
    let mut table_files: HashMap<String, String> = HashMap::new();
    for d in &manifest.datasets {
        let Some((_, text)) = files.iter().find(|(n, _)| *n == d.file) else {
            r.problems.push(Problem { file: d.file.clone(), path: String::new(), position: None, message: "dit bestand staat in manifest.json maar ontbreekt in de gegevensmap".into() });
            continue;
        };
        match validate::dataset_file(&d.file, text, &manifest) {
            Ok(ds) => {
                let mut p = Problems::new(&d.file);
                for (i, t) in ds.tables.iter().enumerate() {
                    if let Some(other) = table_files.insert(t.id.clone(), d.file.clone()) {
                        p.add(&format!("tables[{i}].id"), format!("tabel-id \"{}\" staat ook in {other}", t.id));
                    }
                    let e = r.per_seed.entry(t.source.seed.clone()).or_default();
                    e.0 += 1;
                    e.1 += t.values.len();
                    r.inconsistencies += t.inconsistencies.len();
                    for c in engine::checks(t) {
                        r.recomputed += 1;
                        if !c.agrees && !c.documented {
                            r.undocumented_differences += 1;
                        }
                    }
                }
                r.problems.extend(p.list);
                r.datasets.push((d.file.clone(), ds));
            }
            Err(p) => r.problems.extend(p),
        }
    }
    for (name, _) in files {
        if name != "manifest.json" && !manifest.datasets.iter().any(|d| d.file == *name) {
            r.problems.push(Problem { file: name.clone(), path: String::new(), position: None, message: "dit bestand staat niet in manifest.json en wordt dus niet getoond".into() });
        }
    }
    r.manifest = Some(manifest);
    r
}
