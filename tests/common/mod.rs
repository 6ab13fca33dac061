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

/// The boundaries of a bundled region's gemeenten in the latest year (`public/geo/grenzen-2025.json`).
pub fn geo(region: &str) -> monitor_sociaal_domein::core::present::charts::map_layout::Geo {
    let r = bundled();
    let codes = r.manifest.as_ref().unwrap().regions.iter().find(|x| x.id == region).unwrap().gemeenten.clone();
    let text = std::fs::read_to_string(root().join("public/geo/grenzen-2025.json")).unwrap();
    monitor_sociaal_domein::core::present::charts::map_layout::Geo::from_compact(&text, &codes).unwrap().1
}

/// The boundaries a map view draws: its year's, its gemeenten cut out.
pub fn geo_of(
    view: &monitor_sociaal_domein::core::present::charts::map::MapView,
) -> monitor_sociaal_domein::core::present::charts::map_layout::Geo {
    let text = std::fs::read_to_string(root().join("public/geo").join(&view.boundaries)).unwrap();
    monitor_sociaal_domein::core::present::charts::map_layout::Geo::from_compact(&text, &view.codes).unwrap().1
}

/// What is wrong with a map's labels laid out `width` pixels wide (issue 23): a gemeente on the
/// boundaries without a label with its name and figure, a label outside the chart, two label
/// boxes that overlap, a label over another area's anchor. Used by tests/map_labels.rs (every
/// indicator map) and tests/compare_map.rs (the compare page's map).
pub fn label_problems(
    view: &monitor_sociaal_domein::core::present::charts::map::MapView,
    geo: &monitor_sociaal_domein::core::present::charts::map_layout::Geo,
    width: f64,
    at: &str,
) -> Vec<String> {
    use monitor_sociaal_domein::core::present::charts::{map, map_layout::Rect};
    let mut failures = Vec::new();
    let l = map::labels(view, geo, width);
    for p in &view.places {
        if geo.areas.iter().all(|a| a.code != p.code) {
            continue;
        }
        match l.labels.iter().find(|x| x.code == p.code) {
            None => failures.push(format!("{at}: {} has no label", p.name)),
            Some(x) => {
                let flat = x.text.replace("-\n", "-").replace('\n', " ");
                if !flat.contains(&p.name) || !flat.contains(&p.label) {
                    failures.push(format!("{at}: {} labelled {:?}", p.name, x.text));
                }
            }
        }
    }
    for (i, a) in l.labels.iter().enumerate() {
        let r = a.rect;
        if r.x < 0.0 || r.y < 0.0 || r.x + r.w > l.width || r.y + r.h > l.height {
            failures.push(format!("{at}: {} outside the chart ({r:?}, {} × {})", a.code, l.width, l.height));
        }
        for b in &l.labels[i + 1..] {
            if a.rect.overlaps(&b.rect, 0.0) {
                failures.push(format!("{at}: {} and {} overlap", a.code, b.code));
            }
        }
        for b in l.labels.iter().filter(|b| b.code != a.code) {
            let dot = Rect { x: b.anchor[0] - 2.5, y: b.anchor[1] - 2.5, w: 5.0, h: 5.0 };
            if a.rect.overlaps(&dot, 0.0) {
                failures.push(format!("{at}: {}'s label covers {}'s anchor", a.code, b.code));
            }
        }
    }
    failures
}
