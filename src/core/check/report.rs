//! Checks a whole data folder (manifest plus dataset files) and counts what it holds.
//! Pure: the caller reads the files. Used by `msd-check`, the tests and the data check page.

use crate::core::calc::engine;
use crate::core::model::problem::{JsonPath, Location, Problem, Problems};
use crate::core::model::{Dataset, Manifest};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

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
pub fn check_folder(files: &[(String, String)]) -> Report {
    let mut r = Report::default();
    let Some((_, text)) = files.iter().find(|(n, _)| n == "manifest.json") else {
        r.problems.push(Problem {
            file: "manifest.json".into(),
            location: Location::File,
            message: "manifest.json ontbreekt in de gegevensmap".into(),
        });
        return r;
    };
    let manifest = match crate::core::check::strict::manifest_file("manifest.json", text) {
        Ok(m) => m,
        Err(p) => {
            r.problems.extend(p);
            return r;
        }
    };
    let mut table_files: FxHashMap<String, String> = FxHashMap::default();
    for d in &manifest.datasets {
        let Some((_, text)) = files.iter().find(|(n, _)| *n == d.file) else {
            r.problems.push(Problem {
                file: d.file.clone(),
                location: Location::File,
                message: "dit bestand staat in manifest.json maar ontbreekt in de gegevensmap".into(),
            });
            continue;
        };
        match crate::core::check::strict::dataset_file(&d.file, text, &manifest) {
            Ok(ds) => {
                let mut p = Problems::new(&d.file);
                if ds.region != d.region {
                    p.add(
                        &JsonPath::root().key("region"),
                        format!(
                            "het bestand hoort bij regio \"{}\", maar manifest.json zegt \"{}\"",
                            ds.region, d.region
                        ),
                    );
                }
                for (i, t) in ds.tables.iter().enumerate() {
                    if !d.themes.contains(&t.theme) {
                        p.add(&JsonPath::root().key("tables").index(i).key("theme"), format!("thema {} staat niet bij dit bestand in manifest.json (themes), dus de themapagina vindt deze tabel niet", t.theme.id()));
                    }
                    if let Some(other) = table_files.insert(t.id.clone(), d.file.clone()) {
                        p.add(
                            &JsonPath::root().key("tables").index(i).key("id"),
                            format!("tabel-id \"{}\" staat ook in {other}", t.id),
                        );
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
            r.problems.push(Problem {
                file: name.clone(),
                location: Location::File,
                message: "dit bestand staat niet in manifest.json en wordt dus niet getoond".into(),
            });
        }
    }
    r.problems.extend(crate::core::check::crosscheck::reference_problems(&r.datasets, &manifest));
    r.problems.extend(crate::core::check::split::problems(&manifest, &r.datasets));
    r.manifest = Some(manifest);
    r
}
