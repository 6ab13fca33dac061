//! A region's data in several files (issue 25): the manifest's `tables` lists and `home` marks
//! checked against what the files hold, so a page that loads only the files of its tables never
//! misses one. The rules within the manifest alone are in `manifest.rs`.

use crate::core::model::problem::{JsonPath, Problem, Problems};
use crate::core::model::{Dataset, Manifest};

/// Every way the manifest's `tables` and `home` disagree with the files (`sets`: file name and
/// its dataset, the files that could be read).
pub fn problems(manifest: &Manifest, sets: &[(String, Dataset)]) -> Vec<Problem> {
    let mut out = Vec::new();
    for (j, d) in manifest.datasets.iter().enumerate() {
        let Some((_, ds)) = sets.iter().find(|(n, _)| *n == d.file) else { continue };
        if let Some(ids) = &d.tables {
            let mut p = Problems::new(&d.file);
            for (i, t) in ds.tables.iter().enumerate() {
                if !ids.contains(&t.id) {
                    p.add(
                        &JsonPath::root().key("tables").index(i).key("id"),
                        format!(
                            "tabel \"{}\" staat niet onder tables bij {} in manifest.json, dus geen pagina laadt dit bestand voor deze tabel; zet de id in die lijst",
                            t.id, d.file
                        ),
                    );
                }
            }
            out.extend(p.list);
            let mut m = Problems::new("manifest.json");
            for (k, id) in ids.iter().enumerate() {
                if !ds.tables.iter().any(|t| t.id == *id) {
                    m.add(
                        &JsonPath::root().key("datasets").index(j).key("tables").index(k),
                        format!("tabel \"{id}\" staat in deze lijst, maar niet in {}; haal de id weg of zet de tabel in het bestand", d.file),
                    );
                }
            }
            out.extend(m.list);
        }
        out.extend(home_problems(manifest, &d.file, &d.region, d.home, ds));
    }
    out
}

/// A key figure (`headline`) in a file the home page does not load, when the region marks the
/// files its home page needs.
fn home_problems(manifest: &Manifest, file: &str, region: &str, home: bool, ds: &Dataset) -> Vec<Problem> {
    let marked = manifest.datasets.iter().any(|d| d.region == region && d.home);
    let mut p = Problems::new(file);
    if marked && !home {
        for (i, t) in ds.tables.iter().enumerate().filter(|(_, t)| t.headline.is_some()) {
            p.add(
                &JsonPath::root().key("tables").index(i).key("headline"),
                format!(
                    "tabel \"{}\" is een kerncijfer, maar {file} staat in manifest.json niet als \"home\": true, dus de startpagina laadt dit bestand niet",
                    t.id
                ),
            );
        }
    }
    p.list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{DatasetRef, Theme};

    fn set(ids: &[&str]) -> Dataset {
        let tables: Vec<String> = ids
            .iter()
            .map(|id| {
                format!(
                    r#"{{"id":"{id}","title":"T","theme":"jeugd","pillar":"gebruik","source":{{"text":"s","seed":"001","section":"x"}},
                    "note":null,"definitions":[],"provisional":false,"rounding":null,"periods":[{{"id":"2024","label":"2024"}}],
                    "categories":[],"measures":[{{"id":"m","label":"m","unit":"aantal","kind":"count","decimals":0}}],"totals":[],
                    "values":[{{"measure":"m","area":"GM0505","period":"2024","value":1}}],"inconsistencies":[]}}"#
                )
            })
            .collect();
        let text = format!(r#"{{"format":1,"region":"r","theme":"jeugd","tables":[{}]}}"#, tables.join(","));
        let mut p = Problems::new("x.json");
        let ds = crate::core::read::decode::dataset(&text, &mut p);
        assert!(p.list.is_empty(), "{:?}", p.list);
        ds.unwrap_or_else(|| panic!("no dataset"))
    }

    #[test]
    fn unlisted_and_missing_tables_are_named_with_their_place() {
        let mut d = DatasetRef::whole("r-jeugd-a.json", "r", vec![Theme::Jeugd]);
        d.tables = Some(vec!["jeugd-a".into(), "jeugd-weg".into()]);
        let m = Manifest::new(Vec::new(), Vec::new(), Vec::new(), vec![d]);
        let found = problems(&m, &[("r-jeugd-a.json".into(), set(&["jeugd-a", "jeugd-b"]))]);
        let text: Vec<String> = found.iter().map(|p| p.to_string()).collect();
        assert_eq!(text.len(), 2, "{text:?}");
        assert!(
            text[0].starts_with("r-jeugd-a.json")
                && text[0].contains("tables[1].id")
                && text[0].contains("\"jeugd-b\" staat niet onder tables"),
            "{}",
            text[0]
        );
        assert!(
            text[1].starts_with("manifest.json")
                && text[1].contains("datasets[0].tables[1]")
                && text[1].contains("niet in r-jeugd-a.json"),
            "{}",
            text[1]
        );
    }
}
