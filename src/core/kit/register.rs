//! The data check page's guided flow, as pure functions (issue 15): a policy officer adds areas,
//! a region and a source to a working copy of `manifest.json`, converts one or more CSV files
//! against it, and gets back every dataset file to upload *and* the updated `manifest.json`,
//! checked together with the same readers the site uses. Nothing is ever a placeholder: when no
//! region fits, the answer is a problem that says what to choose or create.

use crate::core::check::tolerant;
use crate::core::model::problem::{JsonPath, Problem, Problems};
use crate::core::model::*;
use serde::Serialize;

/// Merging tables with the same id (one CSV per year, or a new year of a table on the site).
mod merge;
use merge::merge;

const FILE: &str = "manifest.json";

fn problem(path: &'static str, message: impl Into<String>) -> Vec<Problem> {
    let mut p = Problems::new(FILE);
    let at = if path.is_empty() { JsonPath::root() } else { JsonPath::root().key(path) };
    p.add(&at, message);
    p.list
}

/// `Aa en Hunze` → `AeH`: a short name for charts, as the bundled manifest has them.
fn short_of(name: &str) -> String {
    let words: Vec<&str> = name.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    match words.as_slice() {
        [one] => one.chars().take(2).collect(),
        many => many.iter().filter_map(|w| w.chars().next()).take(4).collect(),
    }
}

/// `Hoeksche Waard` → `hoeksche-waard`: a region id from its name.
pub fn slug(name: &str) -> String {
    crate::core::text::words::slug(name, '-', 40)
}

/// Adds a gemeente, wijk, buurt or land to the working manifest, with the same checks as the
/// site (form of the code, a wijk's gemeente present, not twice).
pub fn add_area(m: &Manifest, code: &str, name: &str, kind: AreaKind) -> Result<Manifest, Vec<Problem>> {
    let code = code.trim().to_uppercase();
    let name = name.trim();
    if name.is_empty() {
        return Err(problem("areas", format!("geef {code} een naam, zoals de gemeente hem gebruikt")));
    }
    if let Some(a) = m.area(&code) {
        return Err(problem("areas", format!("gebied {code} staat er al, als {} ({})", a.name, a.kind.id())));
    }
    let mut areas = m.areas.clone();
    areas.push(Area { code: code.clone(), name: name.to_owned(), short: short_of(name), kind, members: Vec::new() });
    let candidate = Manifest::new(areas, m.regions.clone(), m.seeds.clone(), m.datasets.clone());
    let (pruned, skipped) = crate::core::check::manifest::prune(candidate, FILE);
    if pruned.area(&code).is_none() || !skipped.is_empty() {
        return Err(skipped.into_iter().flat_map(|s| s.problems).collect());
    }
    Ok(pruned)
}

/// Creates a region of existing gemeenten. One gemeente: the region's own area is that gemeente
/// (a one-gemeente monitor). Several: a `RG-…` area with them as members is added. The reference
/// (usually `NL01`) must be in the manifest. Returns the manifest and the new region's id.
pub fn add_region(
    m: &Manifest,
    name: &str,
    gemeenten: &[String],
    reference: Option<&str>,
) -> Result<(Manifest, String), Vec<Problem>> {
    let id = slug(name);
    if id.is_empty() {
        return Err(problem("regions", "geef de regio een naam, zoals Drechtsteden of Ridderkerk"));
    }
    if m.regions.iter().any(|r| r.id == id) {
        return Err(problem("regions", format!("er is al een regio \"{id}\"; kies die, of geef deze een andere naam")));
    }
    if gemeenten.is_empty() {
        return Err(problem("regions", "kies minstens één gemeente voor de regio"));
    }
    for g in gemeenten {
        if m.area(g).is_none_or(|a| a.kind != AreaKind::Gemeente) {
            return Err(problem("regions", format!("{g} is geen gemeente in manifest.json; voeg haar eerst toe")));
        }
    }
    if let Some(r) = reference.filter(|r| m.area(r).is_none()) {
        return Err(problem("regions", format!("vergelijkingsgebied {r} staat niet in manifest.json")));
    }
    let mut areas = m.areas.clone();
    let area = if let [one] = gemeenten {
        one.clone()
    } else {
        let code = format!("RG-{}", id.to_uppercase());
        if m.area(&code).is_none() {
            areas.push(Area {
                code: code.clone(),
                name: name.trim().to_owned(),
                short: short_of(name),
                kind: AreaKind::Regio,
                members: gemeenten.to_vec(),
            });
        }
        code
    };
    let mut regions = m.regions.clone();
    regions.push(Region {
        id: id.clone(),
        name: name.trim().to_owned(),
        area,
        reference: reference.map(str::to_owned),
        gemeenten: gemeenten.to_vec(),
    });
    let (pruned, skipped) =
        crate::core::check::manifest::prune(Manifest::new(areas, regions, m.seeds.clone(), m.datasets.clone()), FILE);
    if !skipped.is_empty() {
        return Err(skipped.into_iter().flat_map(|s| s.problems).collect());
    }
    Ok((pruned, id))
}

/// Adds a gemeente to an existing region (and to its `RG-…` area's members).
pub fn add_to_region(m: &Manifest, region: &str, gemeente: &str) -> Result<Manifest, Vec<Problem>> {
    let Some(r) = m.regions.iter().find(|r| r.id == region) else {
        return Err(problem("regions", format!("onbekende regio \"{region}\"")));
    };
    if m.area(gemeente).is_none_or(|a| a.kind != AreaKind::Gemeente) {
        return Err(problem("regions", format!("{gemeente} is geen gemeente in manifest.json; voeg haar eerst toe")));
    }
    if r.gemeenten.iter().any(|g| g == gemeente) {
        return Ok(m.clone());
    }
    let area = r.area.clone();
    let mut regions = m.regions.clone();
    let mut areas = m.areas.clone();
    if let Some(r) = regions.iter_mut().find(|r| r.id == region) {
        r.gemeenten.push(gemeente.to_owned());
    }
    if let Some(a) = areas.iter_mut().find(|a| a.code == area && a.kind == AreaKind::Regio) {
        a.members.push(gemeente.to_owned());
    }
    Ok(Manifest::new(areas, regions, m.seeds.clone(), m.datasets.clone()))
}

/// Adds a source document with number `id` (the `bronnummer` the CSV already has, see
/// [`csv_seed`]) or else the next free one. Returns the manifest and the number.
pub fn add_seed(
    m: &Manifest,
    id: Option<&str>,
    title: &str,
    publisher: &str,
    year: u32,
) -> Result<(Manifest, String), Vec<Problem>> {
    if title.trim().is_empty() || publisher.trim().is_empty() {
        return Err(problem("seeds", "geef de titel van de publicatie en wie haar uitgeeft"));
    }
    if !(1900..=2100).contains(&year) {
        return Err(problem("seeds", format!("{year} is geen jaar van uitgave")));
    }
    let id = match id.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) if s.len() <= 3 && s.chars().all(|c| c.is_ascii_digit()) => format!("{s:0>3}"),
        Some(s) => return Err(problem("seeds", format!("\"{s}\" is geen bronnummer; verwacht een nummer als 001"))),
        None => {
            let next = m.seeds.iter().filter_map(|s| s.id.parse::<u32>().ok()).max().map_or(1, |n| n + 1);
            if next > 999 {
                return Err(problem("seeds", "er zijn al 999 bronnen"));
            }
            format!("{next:03}")
        }
    };
    if m.seed(&id).is_some() {
        return Err(problem("seeds", format!("bron {id} bestaat al; kies die, of laat het nummer leeg")));
    }
    let mut seeds = m.seeds.clone();
    seeds.push(Seed { id: id.clone(), title: title.trim().to_owned(), publisher: publisher.trim().to_owned(), year });
    Ok((Manifest::new(m.areas.clone(), m.regions.clone(), seeds, m.datasets.clone()), id))
}

/// The `bronnummer` a CSV asks for (with its zeros), so the page can offer to add exactly that
/// source when the manifest does not have it yet.
pub fn csv_seed(text: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let cells: Vec<&str> = line.split([';', ',', '\t']).map(|c| c.trim().trim_matches('"').trim()).collect();
        let key = crate::core::text::words::fold(cells.first()?.trim_start_matches('\u{feff}'));
        (matches!(key.trim_end_matches(':'), "bronnummer" | "brondocument" | "bron nummer" | "bron-nummer"))
            .then(|| cells.get(1).copied().unwrap_or(""))
            .filter(|s| (1..=3).contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit()))
            .map(|s| format!("{s:0>3}"))
    })
}

/// Whether a region covers an area: its own area, its reference, its gemeenten, and the wijken
/// and buurten of those gemeenten.
fn covers(m: &Manifest, r: &Region, area: &str) -> bool {
    area == r.area
        || r.reference.as_deref() == Some(area)
        || r.gemeenten.iter().any(|g| g == area)
        || m.area(area).and_then(Area::gemeente).is_some_and(|g| r.gemeenten.contains(&g))
}

/// The regions that cover every area of the tables (the choice the page offers; when there is
/// exactly one it is preselected, when there is none the officer creates one).
pub fn regions_for(tables: &[Table], m: &Manifest) -> Vec<String> {
    let areas: Vec<String> = tables.iter().flat_map(Table::areas).collect();
    m.regions.iter().filter(|r| areas.iter().all(|a| covers(m, r, a))).map(|r| r.id.clone()).collect()
}

/// One file to put in the `data` folder.
#[derive(Debug, Clone, PartialEq)]
pub struct OutFile {
    pub name: String,
    pub text: String,
    /// False when it replaces a file that is already on the site.
    pub new: bool,
    pub tables: Vec<String>,
}

/// What the flow produces: the files and the updated `manifest.json`, checked together.
#[derive(Debug, Clone, PartialEq)]
pub struct Output {
    pub files: Vec<OutFile>,
    pub manifest: String,
}

/// Builds the dataset files and the updated manifest for `tables` (converted CSVs) in `region`.
/// `existing` are the site's current dataset files (the page loads them), so a table that is
/// already on the site is updated in its own file instead of appearing twice.
pub fn build(
    m: &Manifest,
    region: &str,
    tables: Vec<Table>,
    existing: &[(String, Dataset)],
) -> Result<Output, Vec<Problem>> {
    let mut p = Vec::new();
    let Some(r) = m.regions.iter().find(|r| r.id == region) else {
        return Err(problem(
            "regions",
            format!("kies een regio uit manifest.json of maak er een; \"{region}\" bestaat niet"),
        ));
    };
    for t in &tables {
        for a in t.areas().iter().filter(|a| !covers(m, r, a)) {
            p.extend(problem(
                "",
                format!("tabel {} heeft cijfers voor {} ({a}), dat niet bij regio {} hoort; voeg de gemeente toe aan de regio of kies een andere regio", t.id, m.area_name(a), r.name),
            ));
        }
        if m.seed(&t.source.seed).is_none() {
            p.extend(problem(
                "",
                format!("tabel {}: bron {} staat niet in manifest.json; voeg de bron toe", t.id, t.source.seed),
            ));
        }
    }
    if tables.is_empty() {
        p.extend(problem("", "er is nog geen tabel omgezet; sleep eerst een CSV-bestand op de pagina"));
    }
    if !p.is_empty() {
        return Err(p);
    }
    // Group by table id, keeping the order of first appearance.
    let mut ids: Vec<String> = Vec::new();
    for t in &tables {
        if !ids.contains(&t.id) {
            ids.push(t.id.clone());
        }
    }
    let mut datasets = m.datasets.clone();
    let mut files: Vec<(String, Dataset, bool)> = Vec::new();
    let mut tables = tables;
    for id in ids {
        let same: Vec<Table> = {
            let (same, rest): (Vec<Table>, Vec<Table>) = tables.into_iter().partition(|t| t.id == id);
            tables = rest;
            same
        };
        let theme = same[0].theme;
        // Where the table is now, if it is on the site.
        let home = existing.iter().find(|(_, ds)| ds.tables.iter().any(|t| t.id == id));
        let old = home.and_then(|(_, ds)| ds.tables.iter().find(|t| t.id == id).cloned());
        let Some(table) = merge(old, same, &mut p) else { continue };
        let (name, base, new) = match home {
            Some((name, ds)) => (name.clone(), ds.clone(), false),
            None => {
                let plain = format!("{region}-{}.json", theme.id());
                let name = if m.datasets.iter().any(|d| d.file == plain) || existing.iter().any(|(n, _)| *n == plain) {
                    format!("{region}-{id}.json")
                } else {
                    plain
                };
                let new = !m.datasets.iter().any(|d| d.file == name);
                let empty = Dataset {
                    region: region.to_owned(),
                    theme,
                    tables: Vec::new(),
                    availability: Vec::new(),
                    untranscribed: Vec::new(),
                    begrippen: Vec::new(),
                    narrative: Default::default(),
                };
                (name, empty, new)
            }
        };
        let slot = match files.iter().position(|(n, _, _)| *n == name) {
            Some(i) => i,
            None => {
                files.push((name.clone(), base, new));
                files.len() - 1
            }
        };
        let ds = &mut files[slot].1;
        let table_id = table.id.clone();
        match ds.tables.iter().position(|t| t.id == table.id) {
            Some(i) => ds.tables[i] = table,
            None => ds.tables.push(table),
        }
        let themes: Vec<Theme> = Theme::ALL.into_iter().filter(|t| ds.tables.iter().any(|x| x.theme == *t)).collect();
        list_file(&mut datasets, &name, region, themes, &table_id);
    }
    if !p.is_empty() {
        return Err(p);
    }
    let updated = Manifest::new(m.areas.clone(), m.regions.clone(), m.seeds.clone(), datasets);
    let manifest_text = manifest_json(&updated);
    // Checked together, with the readers the site uses.
    let checked = crate::core::check::strict::manifest_file(FILE, &manifest_text)?;
    let mut out = Vec::new();
    for (name, ds, new) in files {
        let text = dataset_json(&ds);
        match crate::core::check::strict::dataset_file(&name, &text, &checked) {
            Ok(_) => out.push(OutFile { name, text, new, tables: ds.tables.iter().map(|t| t.id.clone()).collect() }),
            Err(e) => p.extend(e),
        }
    }
    if !p.is_empty() {
        return Err(p);
    }
    Ok(Output { files: out, manifest: manifest_text })
}

/// The manifest's entry for the file `name` the table `table_id` went into: its themes (and, in a
/// region split per table, issue 25, its `tables`) kept up to date, or a new entry.
fn list_file(datasets: &mut Vec<DatasetRef>, name: &str, region: &str, themes: Vec<Theme>, table_id: &str) {
    match datasets.iter_mut().find(|d| d.file == name) {
        Some(d) => {
            if let Some(ids) = d.tables.as_mut().filter(|ids| !ids.iter().any(|x| x == table_id)) {
                ids.push(table_id.to_owned());
            }
            for t in themes {
                if !d.themes.contains(&t) {
                    d.themes.push(t);
                }
            }
        }
        None => {
            let split = datasets.iter().any(|d| d.region == region && d.tables.is_some());
            let mut d = DatasetRef::whole(name, region, themes);
            d.tables = split.then(|| vec![table_id.to_owned()]);
            datasets.push(d);
        }
    }
}

#[derive(Serialize)]
struct ManifestOut<'a> {
    format: u32,
    areas: Vec<AreaOut<'a>>,
    regions: &'a [Region],
    seeds: &'a [Seed],
    datasets: &'a [DatasetRef],
}

#[derive(Serialize)]
struct AreaOut<'a> {
    code: &'a str,
    name: &'a str,
    short: &'a str,
    kind: AreaKind,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    members: &'a [String],
}

/// `manifest.json` as the site reads it (two-space indent, like the bundled file).
pub fn manifest_json(m: &Manifest) -> String {
    let out = ManifestOut {
        format: 1,
        areas: m
            .areas
            .iter()
            .map(|a| AreaOut { code: &a.code, name: &a.name, short: &a.short, kind: a.kind, members: &a.members })
            .collect(),
        regions: &m.regions,
        seeds: &m.seeds,
        datasets: &m.datasets,
    };
    serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
}

/// A dataset file with all its tables, through the one dataset writer (`core::dataset_file`).
pub fn dataset_json(ds: &Dataset) -> String {
    let mut ds = ds.clone();
    if let Some(t) = ds.tables.first() {
        ds.theme = t.theme;
    }
    crate::core::read::dataset_file::write_dataset(&ds)
}

/// The data check page on `manifest.json` itself: every entry the site would leave out, as a
/// sentence, or nothing when the site shows all of it.
pub fn check_manifest(text: &str) -> (Manifest, Vec<String>) {
    let (m, skipped) = tolerant::manifest(FILE, text);
    (m, skipped.iter().map(crate::core::model::problem::Skipped::sentence).collect())
}

/// The data check page on `config.json`: every field that is ignored or replaced by its default.
pub fn check_config(text: &str, m: &Manifest) -> Vec<String> {
    let mut p = Problems::new("config.json");
    crate::core::read::config::parse(text, m, &mut p);
    p.list.iter().map(Problem::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::kit::csv_import;

    const EMPTY: &str = r#"{ "format": 1, "areas": [ { "code": "NL01", "name": "Nederland", "short": "NL", "kind": "land" } ], "regions": [], "seeds": [], "datasets": [] }"#;

    fn csv(year: &str, value: &str, area: &str) -> String {
        format!(
            "titel;Wmo-cliënten;;\ntabel-id;wmo-clienten;;\nthema;wmo;;\npijler;gebruik;;\nbron;eigen registratie;;\nbronnummer;1;;\nperiode;{year};{year};\n\ngebied;cliënten;;\neenheid;aantal;;\n{area};{value};;\n"
        )
    }

    /// From an empty manifest: a gemeente, a wijk, a region, a source, two years of one table.
    #[test]
    fn from_nothing_to_files_that_load_without_hand_editing() {
        let m = tolerant::manifest(FILE, EMPTY).0;
        let m = add_area(&m, "gm9001", "Voorbeeldstad", AreaKind::Gemeente).unwrap();
        let m = add_area(&m, "WK900101", "Centrum", AreaKind::Wijk).unwrap();
        let (m, region) = add_region(&m, "Voorbeeldstad", &["GM9001".into()], Some("NL01")).unwrap();
        assert_eq!(region, "voorbeeldstad");
        let (m, seed) = add_seed(
            &m,
            csv_seed(&csv("2024", "1", "X")).as_deref(),
            "Eigen registratie Wmo",
            "Gemeente Voorbeeldstad",
            2025,
        )
        .unwrap();
        assert_eq!(seed, "001");
        assert!(add_seed(&m, Some("1"), "Nog een", "X", 2025).unwrap_err()[0].message.contains("bestaat al"));
        let t1 = csv_import::convert("2023.csv", &csv("2023", "1.301", "Voorbeeldstad"), &m).unwrap();
        let t2 = csv_import::convert("2024.csv", &csv("2024", "1.350", "Voorbeeldstad"), &m).unwrap();
        let t3 = csv_import::convert("wijk.csv", &csv("2024", "700", "WK900101"), &m).unwrap();
        assert_eq!(regions_for(&[t1.clone(), t3.clone()], &m), ["voorbeeldstad"]);
        let out = build(&m, &region, vec![t1, t2, t3], &[]).unwrap();
        assert_eq!(out.files.len(), 1);
        assert_eq!(out.files[0].name, "voorbeeldstad-wmo.json");
        // The site reads both without skipping anything.
        let (site, skipped) = tolerant::manifest(FILE, &out.manifest);
        assert!(skipped.is_empty(), "{skipped:?}\n{}", out.manifest);
        let (ds, skipped) = tolerant::dataset(&out.files[0].name, &out.files[0].text, &site);
        assert!(skipped.is_empty(), "{skipped:?}");
        let t = &ds.unwrap().tables[0];
        assert_eq!(t.periods.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["2023", "2024"]);
        assert_eq!(t.values.len(), 3);
        assert_eq!(site.datasets[0].themes, [Theme::Wmo]);
        assert!(out.manifest.contains("\"kind\": \"wijk\""));
    }

    #[test]
    fn no_placeholder_region_ever() {
        let m = tolerant::manifest(FILE, include_str!("../../../public/data/manifest.json")).0;
        let (m, _) = add_seed(&m, None, "Eigen registratie", "Gemeente Voorbeeldstad", 2025).unwrap();
        let m = add_area(&m, "GM9001", "Voorbeeldstad", AreaKind::Gemeente).unwrap();
        let text = csv("2024", "12", "Voorbeeldstad")
            .replace("bronnummer;1", &format!("bronnummer;{}", m.seeds.last().unwrap().id));
        let t = csv_import::convert("x.csv", &text, &m).unwrap();
        assert!(regions_for(std::slice::from_ref(&t), &m).is_empty());
        let e = build(&m, "REGIO", vec![t.clone()], &[]).unwrap_err();
        assert!(e[0].message.contains("kies een regio"), "{e:?}");
        let e = build(&m, "drechtsteden", vec![t], &[]).unwrap_err();
        assert!(e[0].message.contains("dat niet bij regio Drechtsteden hoort"), "{e:?}");
    }

    #[test]
    fn a_new_year_updates_the_table_in_its_own_file() {
        let m = tolerant::manifest(FILE, include_str!("../../../public/data/manifest.json")).0;
        let file = "ridderkerk-participatie.json";
        let (ds, _) = tolerant::dataset(file, include_str!("../../../public/data/ridderkerk-participatie.json"), &m);
        let ds = ds.unwrap();
        let before = ds.tables.len();
        let buig = ds.tables.iter().find(|t| t.id == "participatie-ridderkerk-buig-budget").unwrap();
        let periods = buig.periods.len();
        let template = include_str!("../../../public/sjablonen/per-jaar.csv");
        let text = template.replace(
            "2018;2018;€ 11.707.606;€ 12.361.754;€ 654.148;;",
            "2019;2019;€ 11.000.000;€ 11.500.000;€ 500.000;;",
        );
        let t = csv_import::convert("per-jaar.csv", &text, &m).unwrap();
        let out = build(&m, "ridderkerk", vec![t], &[(file.to_owned(), ds)]).unwrap();
        assert_eq!(out.files.len(), 1);
        assert_eq!(out.files[0].name, file);
        assert!(!out.files[0].new);
        let site = crate::core::check::strict::manifest_file(FILE, &out.manifest).unwrap();
        assert_eq!(site.datasets.len(), m.datasets.len(), "no new entry for an update");
        let ds = crate::core::check::strict::dataset_file(file, &out.files[0].text, &site).unwrap();
        assert_eq!(ds.tables.len(), before);
        let buig = ds.tables.iter().find(|t| t.id == "participatie-ridderkerk-buig-budget").unwrap();
        assert_eq!(buig.periods.len(), periods + 1);
    }

    #[test]
    fn two_files_that_disagree_on_a_cell_are_a_problem() {
        let m = tolerant::manifest(FILE, EMPTY).0;
        let m = add_area(&m, "GM9001", "Voorbeeldstad", AreaKind::Gemeente).unwrap();
        let (m, region) = add_region(&m, "Voorbeeldstad", &["GM9001".into()], None).unwrap();
        let (m, _) = add_seed(&m, None, "Registratie", "Gemeente", 2025).unwrap();
        let a = csv_import::convert("a.csv", &csv("2024", "10", "GM9001"), &m).unwrap();
        let b = csv_import::convert("b.csv", &csv("2024", "11", "GM9001"), &m).unwrap();
        let e = build(&m, &region, vec![a, b], &[]).unwrap_err();
        assert!(e[0].message.contains("staat in twee bestanden met verschillende cijfers"), "{e:?}");
    }

    #[test]
    fn adding_areas_and_regions_is_checked() {
        let m = tolerant::manifest(FILE, EMPTY).0;
        assert!(add_area(&m, "WK900101", "Centrum", AreaKind::Wijk).unwrap_err()[0]
            .message
            .contains("hoort bij gemeente GM9001"));
        assert!(add_area(&m, "GM90", "X", AreaKind::Gemeente).unwrap_err()[0].message.contains("geen gemeentecode"));
        let m = add_area(&m, "GM9001", "Voorbeeldstad", AreaKind::Gemeente).unwrap();
        assert!(add_area(&m, "GM9001", "Nog eens", AreaKind::Gemeente).unwrap_err()[0].message.contains("staat er al"));
        let m = add_area(&m, "GM9002", "Buurdorp", AreaKind::Gemeente).unwrap();
        let (m, id) = add_region(&m, "Samen Sterk", &["GM9001".into(), "GM9002".into()], Some("NL01")).unwrap();
        assert_eq!(id, "samen-sterk");
        assert_eq!(m.area("RG-SAMEN-STERK").unwrap().members, ["GM9001", "GM9002"]);
        assert!(add_region(&m, "Samen sterk", &["GM9001".into()], None).is_err());
        let m = add_area(&m, "GM9003", "Derde", AreaKind::Gemeente).unwrap();
        let m = add_to_region(&m, "samen-sterk", "GM9003").unwrap();
        assert_eq!(m.area("RG-SAMEN-STERK").unwrap().members.len(), 3);
        assert!(crate::core::check::strict::manifest_file(FILE, &manifest_json(&m)).is_ok());
    }

    #[test]
    fn manifest_and_config_can_be_checked_on_the_page() {
        let (m, problems) = check_manifest(include_str!("../../../public/data/manifest.json"));
        assert!(problems.is_empty());
        let (_, problems) = check_manifest("{ \"format\": 1, ");
        assert!(problems[0].starts_with("manifest.json: het hele bestand is overgeslagen."), "{problems:?}");
        assert!(check_config(include_str!("../../../public/config.json"), &m).is_empty());
        assert_eq!(check_config("{ \"naam\": 3 }", &m).len(), 1);
    }
}
