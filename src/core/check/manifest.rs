//! The rules of `manifest.json`, entry by entry: what is wrong is left out together with what
//! depends on it. The tolerant reader applies them to keep the good entries; `check` lists
//! every problem for the data check and `msd-check`.

use crate::core::check::rules;
use crate::core::model::problem::{JsonPath, Problem, Problems, Skipped};
use crate::core::model::*;
use std::collections::HashSet;

/// The semantic checks of the manifest, entry by entry: what is wrong is left out, and so is
/// what depends on it (a region whose own area is unknown, a dataset of a region that was left
/// out, a wijk of a gemeente that is not there). An unknown reference or gemeente of a region
/// only drops that reference.
pub fn prune(m: Manifest, file: &str) -> (Manifest, Vec<Skipped>) {
    let mut out = Vec::new();
    let (areas, codes) = prune_areas(m.areas, file, &mut out);
    let regions = prune_regions(m.regions, &codes, file, &mut out);
    let seeds = prune_seeds(m.seeds, file, &mut out);
    let datasets = prune_datasets(m.datasets, &regions, file, &mut out);
    (Manifest::new(areas, regions, seeds, datasets), out)
}

/// One problem at `path` of the manifest, as the list a [`Skipped`] carries: every rule below
/// reports this way.
fn one(file: &str, path: JsonPath, message: String) -> Vec<Problem> {
    let mut p = Problems::new(file);
    p.add(&path, message);
    p.list
}

/// The areas that are kept, and their codes (what regions and datasets may refer to): apart
/// from [`prune`] because areas come first, and everything else depends on them.
fn prune_areas(list: Vec<Area>, file: &str, out: &mut Vec<Skipped>) -> (Vec<Area>, HashSet<String>) {
    // Areas: form of the code, duplicates.
    let mut codes: HashSet<String> = HashSet::new();
    let mut areas = Vec::new();
    for (i, a) in list.into_iter().enumerate() {
        let path = JsonPath::root().key("areas").index(i).key("code");
        let what = format!("het gebied \"{}\"", a.code);
        if !rules::is_area_code(&a.code) {
            out.push(Skipped::new(file, what, one(file, path, format!("\"{}\" is geen geldige gebiedscode; verwacht een CBS-code als GM0505, WK059701, BU05970101 of NL01, of RG-NAAM voor een samenwerkingsregio", a.code))));
        } else if let Err(msg) = rules::code_fits_kind(&a.code, a.kind) {
            out.push(Skipped::new(file, what, one(file, path, msg)));
        } else if codes.contains(&a.code) {
            out.push(Skipped::new(
                file,
                format!("{what} (de tweede keer)"),
                one(file, path, format!("gebiedscode {} komt twee keer voor", a.code)),
            ));
        } else {
            codes.insert(a.code.clone());
            areas.push((i, a));
        }
    }
    // Wijken and buurten need their gemeente (they are shown on its page).
    let gemeenten: HashSet<String> =
        areas.iter().filter(|(_, a)| a.kind == AreaKind::Gemeente).map(|(_, a)| a.code.clone()).collect();
    areas.retain(|(i, a)| match a.gemeente() {
        Some(g) if !gemeenten.contains(&g) => {
            codes.remove(&a.code);
            out.push(Skipped::new(
                file,
                format!("de {} \"{}\"", a.kind.id(), a.code),
                one(
                    file,
                    JsonPath::root().key("areas").index(*i).key("code"),
                    format!("{} hoort bij gemeente {g}, maar die staat niet onder areas; voeg de gemeente toe", a.code),
                ),
            ));
            false
        }
        _ => true,
    });
    // Members of a regio that are not there are dropped from its list.
    for (i, a) in areas.iter_mut() {
        let mut kept = Vec::new();
        for (j, member) in std::mem::take(&mut a.members).into_iter().enumerate() {
            if codes.contains(&member) {
                kept.push(member);
            } else {
                out.push(Skipped::new(
                    file,
                    format!("{member} als deel van {}", a.code),
                    one(
                        file,
                        JsonPath::root().key("areas").index(*i).key("members").index(j),
                        format!("onbekende gebiedscode {member}"),
                    ),
                ));
            }
        }
        a.members = kept;
    }
    (areas.into_iter().map(|(_, a)| a).collect(), codes)
}

/// The regions that are kept: a region needs a valid, unique id and a known area of its own; an
/// unknown reference or gemeente only drops that reference.
fn prune_regions(list: Vec<Region>, codes: &HashSet<String>, file: &str, out: &mut Vec<Skipped>) -> Vec<Region> {
    let mut ids = HashSet::new();
    let mut regions = Vec::new();
    for (i, mut r) in list.into_iter().enumerate() {
        let what = format!("de regio \"{}\"", r.id);
        if !rules::is_id(&r.id) {
            out.push(Skipped::new(file, what, one(file, JsonPath::root().key("regions").index(i).key("id"), format!("\"{}\" is geen geldige regio-id; gebruik kleine letters, cijfers en streepjes, zoals drechtsteden", r.id))));
            continue;
        }
        if !ids.insert(r.id.clone()) {
            out.push(Skipped::new(
                file,
                format!("{what} (de tweede keer)"),
                one(
                    file,
                    JsonPath::root().key("regions").index(i).key("id"),
                    format!("regio-id \"{}\" komt twee keer voor", r.id),
                ),
            ));
            continue;
        }
        if !codes.contains(&r.area) {
            ids.remove(&r.id);
            out.push(Skipped::new(
                file,
                what,
                one(
                    file,
                    JsonPath::root().key("regions").index(i).key("area"),
                    format!("onbekende gebiedscode {}; zet het gebied van de regio onder areas", r.area),
                ),
            ));
            continue;
        }
        if let Some(reference) = r.reference.take() {
            if codes.contains(&reference) {
                r.reference = Some(reference);
            } else {
                out.push(Skipped::new(
                    file,
                    format!("de vergelijking met {reference} in regio \"{}\"", r.id),
                    one(
                        file,
                        JsonPath::root().key("regions").index(i).key("reference"),
                        format!("onbekende gebiedscode {reference}"),
                    ),
                ));
            }
        }
        let mut kept = Vec::new();
        for (j, g) in std::mem::take(&mut r.gemeenten).into_iter().enumerate() {
            if codes.contains(&g) {
                kept.push(g);
            } else {
                out.push(Skipped::new(
                    file,
                    format!("gemeente {g} in regio \"{}\"", r.id),
                    one(
                        file,
                        JsonPath::root().key("regions").index(i).key("gemeenten").index(j),
                        format!("onbekende gebiedscode {g}"),
                    ),
                ));
            }
        }
        r.gemeenten = kept;
        regions.push(r);
    }
    regions
}

/// The seeds that are kept: the first of each id.
fn prune_seeds(list: Vec<Seed>, file: &str, out: &mut Vec<Skipped>) -> Vec<Seed> {
    // Seeds: duplicates.
    let mut seed_ids = HashSet::new();
    let mut seeds = Vec::new();
    for (i, s) in list.into_iter().enumerate() {
        if seed_ids.insert(s.id.clone()) {
            seeds.push(s);
        } else {
            out.push(Skipped::new(
                file,
                format!("de bron \"{}\" (de tweede keer)", s.id),
                one(
                    file,
                    JsonPath::root().key("seeds").index(i).key("id"),
                    format!("bronnummer {} komt twee keer voor", s.id),
                ),
            ));
        }
    }
    seeds
}

/// The datasets that are kept: of a region that was kept, with a safe file name, once.
fn prune_datasets(list: Vec<DatasetRef>, regions: &[Region], file: &str, out: &mut Vec<Skipped>) -> Vec<DatasetRef> {
    // Datasets: region must be there, a safe file name, once.
    let mut files = HashSet::new();
    let mut datasets: Vec<(usize, DatasetRef)> = Vec::new();
    for (i, d) in list.into_iter().enumerate() {
        let what = format!("het gegevensbestand {}", d.file);
        if !rules::is_safe_file_name(&d.file) {
            out.push(Skipped::new(file, what, one(file, JsonPath::root().key("datasets").index(i).key("file"), format!("\"{}\" is geen geldige bestandsnaam; verwacht kleine letters, cijfers en streepjes, eindigend op .json, zonder map", d.file))));
        } else if !regions.iter().any(|r| r.id == d.region) {
            out.push(Skipped::new(
                file,
                what,
                one(
                    file,
                    JsonPath::root().key("datasets").index(i).key("region"),
                    format!(
                        "onbekende regio \"{}\"; bekend zijn: {}",
                        d.region,
                        regions.iter().map(|r| r.id.as_str()).collect::<Vec<_>>().join(", ")
                    ),
                ),
            ));
        } else if !files.insert(d.file.clone()) {
            out.push(Skipped::new(
                file,
                format!("{what} (de tweede keer)"),
                one(
                    file,
                    JsonPath::root().key("datasets").index(i).key("file"),
                    format!("{} staat twee keer onder datasets", d.file),
                ),
            ));
        } else {
            datasets.push((i, d));
        }
    }
    prune_table_lists(&mut datasets, file, out);
    datasets.into_iter().map(|(_, d)| d).collect()
}

/// The `tables` lists of a split region (issue 25): each id well formed, of a theme the file
/// lists, and in one file only; a wrong id is left off its list (the data check then finds the
/// table unlisted in its file).
fn prune_table_lists(datasets: &mut [(usize, DatasetRef)], file: &str, out: &mut Vec<Skipped>) {
    let mut seen: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for (i, d) in datasets.iter_mut() {
        let Some(ids) = d.tables.take() else { continue };
        let mut kept = Vec::new();
        for (k, id) in ids.into_iter().enumerate() {
            let path = JsonPath::root().key("datasets").index(*i).key("tables").index(k);
            let what = format!("tabel \"{id}\" in de lijst van {}", d.file);
            let theme = id.split('-').next().and_then(Theme::from_id);
            let problem = if !rules::is_id(&id) {
                Some(format!("\"{id}\" is geen geldige tabel-id; gebruik kleine letters, cijfers en streepjes"))
            } else if !theme.is_some_and(|t| d.themes.contains(&t)) {
                Some(format!(
                    "tabel \"{id}\" hoort niet bij een thema van dit bestand ({}); een tabel-id begint met zijn thema",
                    d.themes.iter().map(|t| t.id()).collect::<Vec<_>>().join(", ")
                ))
            } else {
                seen.get(&id)
                    .map(|other| format!("tabel \"{id}\" staat ook bij {other}; een tabel staat in één bestand"))
            };
            match problem {
                Some(message) => out.push(Skipped::new(file, what, one(file, path, message))),
                None => {
                    seen.insert(id.clone(), d.file.clone());
                    kept.push(id);
                }
            }
        }
        d.tables = Some(kept);
    }
}

/// The semantic checks of a decoded manifest (codes, references, file names), the same rules
/// the tolerant reader applies entry by entry.
pub fn check(m: &Manifest, p: &mut Problems) {
    let (_, skipped) = prune(m.clone(), &p.file);
    p.list.extend(skipped.into_iter().flat_map(|s| s.problems));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(file: &str, themes: Vec<Theme>, tables: &[&str]) -> DatasetRef {
        let mut d = DatasetRef::whole(file, "r", themes);
        d.tables = Some(tables.iter().map(|t| (*t).to_owned()).collect());
        d
    }

    #[test]
    fn a_table_listed_twice_or_of_another_theme_is_named_with_its_place() {
        let region =
            Region { id: "r".into(), name: "R".into(), area: "NL01".into(), reference: None, gemeenten: Vec::new() };
        let area = Area {
            code: "NL01".into(),
            name: "Nederland".into(),
            short: "NL".into(),
            kind: AreaKind::Land,
            members: Vec::new(),
        };
        let datasets = vec![
            entry("r-a.json", vec![Theme::Jeugd], &["jeugd-a", "wmo-b"]),
            entry("r-c.json", vec![Theme::Jeugd], &["jeugd-a", "jeugd-c"]),
        ];
        let (m, skipped) = prune(Manifest::new(vec![area], vec![region], Vec::new(), datasets), "manifest.json");
        let text: Vec<String> = skipped.iter().flat_map(|s| &s.problems).map(|p| p.to_string()).collect();
        assert_eq!(text.len(), 2, "{text:?}");
        assert!(
            text[0].contains("datasets[0].tables[1]")
                && text[0].contains("hoort niet bij een thema van dit bestand (jeugd)"),
            "{}",
            text[0]
        );
        assert!(text[1].contains("datasets[1].tables[0]") && text[1].contains("staat ook bij r-a.json"), "{}", text[1]);
        assert_eq!(m.datasets[0].tables.as_deref(), Some(&["jeugd-a".to_owned()][..]));
        assert_eq!(m.datasets[1].tables.as_deref(), Some(&["jeugd-c".to_owned()][..]));
    }
}
