//! Reading the manifest and dataset files so that a mistake hides only itself (issue 15).
//!
//! A council edits `manifest.json` and its data files by hand. One wrong entry must not take the
//! public site down: an invalid area, region, seed or dataset entry is left out together with what
//! depends on it, a table that fails its checks is left out of its file, and a manifest that cannot
//! be read at all gives an empty manifest, so the branded site, the administrator notice and the
//! data check page still work. Everything left out is returned as [`Skipped`], in Dutch, for that
//! notice. The strict readers in `validate` are these readers plus "no problems allowed".

use crate::core::check::{manifest as manifest_rules, narrative, rules, validate};
use crate::core::model::problem::{JsonPath, Problems, Skipped};
use crate::core::model::*;
use crate::core::read::decode;
use crate::core::read::json::Json;
use std::collections::HashSet;

/// Reads `manifest.json`, keeping every entry that is right. Never fails: an unreadable file
/// gives an empty manifest and one [`Skipped`] for the whole file.
pub fn manifest(file: &str, text: &str) -> (Manifest, Vec<Skipped>) {
    let empty = || Manifest::new(Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut p = Problems::new(file);
    let whole = |p: Problems| vec![Skipped::new(file, "het hele bestand".into(), p.list)];
    let Some(root) = decode::parse_root(text, &mut p) else { return (empty(), whole(p)) };
    let Json::Object(fields) = &root else {
        p.add(&JsonPath::root(), format!("verwacht een object {{ … }}, maar vond {}", root.type_name()));
        return (empty(), whole(p));
    };
    let mut out = Vec::new();
    // The root: format and unknown fields are reported but do not hide the entries.
    let mut root_p = Problems::new(file);
    match root.get("format") {
        Some(Json::Number(n)) if *n == 1.0 => {}
        Some(_) => root_p.add(&JsonPath::root().key("format"), "onbekende formaatversie; deze monitor leest formaat 1"),
        None => root_p.add(&JsonPath::root().key("format"), "\"format\": 1 ontbreekt"),
    }
    const KNOWN: [&str; 5] = ["format", "areas", "regions", "seeds", "datasets"];
    for (k, _) in fields.iter().filter(|(k, _)| !KNOWN.contains(&k.as_str())) {
        root_p.add(
            &JsonPath::root().key(k.clone()),
            format!("onbekend veld \"{k}\"; bekende velden zijn: {}", KNOWN.join(", ")),
        );
    }
    if !root_p.is_empty() {
        out.push(Skipped::new(file, "een veld bovenin het bestand".into(), root_p.list));
    }
    let areas = entries(file, &root, "areas", "het gebied", &["code"], decode::area, &mut out);
    let regions = entries(file, &root, "regions", "de regio", &["id"], decode::region, &mut out);
    let seeds = entries(file, &root, "seeds", "de bron", &["id"], decode::seed, &mut out);
    let datasets = entries(file, &root, "datasets", "het gegevensbestand", &["file"], decode::dataset_ref, &mut out);
    let (m, more) = manifest_rules::prune(Manifest::new(areas, regions, seeds, datasets), file);
    out.extend(more);
    (m, out)
}

/// Decodes every entry of one list of the root; a bad entry becomes a [`Skipped`] named after
/// the first of `name_fields` it has (or its position).
fn entries<T>(
    file: &str,
    root: &Json,
    key: &str,
    noun: &str,
    name_fields: &[&str],
    decode_one: impl Fn(&Json, &JsonPath, &mut Problems) -> Option<T>,
    out: &mut Vec<Skipped>,
) -> Vec<T> {
    let items = match root.get(key) {
        Some(Json::Array(items)) => items,
        Some(other) => {
            let mut p = Problems::new(file);
            p.add(
                &JsonPath::root().key(key.to_owned()),
                format!("verwacht een lijst, maar vond {}", other.type_name()),
            );
            out.push(Skipped::new(file, format!("de hele lijst \"{key}\""), p.list));
            return Vec::new();
        }
        None => {
            let mut p = Problems::new(file);
            p.add(&JsonPath::root().key(key.to_owned()), format!("het veld \"{key}\" ontbreekt"));
            out.push(Skipped::new(file, format!("de lijst \"{key}\""), p.list));
            return Vec::new();
        }
    };
    let mut good = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let mut p = Problems::new(file);
        match decode_one(item, &JsonPath::root().key(key.to_owned()).index(i), &mut p) {
            Some(t) if p.is_empty() => good.push(t),
            _ => {
                let name = name_fields.iter().find_map(|f| match item.get(f) {
                    Some(Json::String(s)) => Some(format!("{noun} \"{}\"", s.chars().take(60).collect::<String>())),
                    _ => None,
                });
                out.push(Skipped::new(
                    file,
                    name.unwrap_or_else(|| format!("{noun} op plaats {} in {key}", i + 1)),
                    p.list,
                ));
            }
        }
    }
    good
}

/// The table without the figures (and totals and inconsistencies) of areas that are not in the
/// manifest, and those areas; `None` when every area is known.
fn without_unknown_areas(t: &Table, codes: &rustc_hash::FxHashSet<&str>) -> Option<(Table, Vec<(String, usize)>)> {
    // Each unknown area with the position of its first value, for the notice.
    let mut gone: Vec<(String, usize)> = Vec::new();
    for (i, v) in t.values.iter().enumerate() {
        if !codes.contains(v.key.area.as_str()) && !gone.iter().any(|(c, _)| *c == v.key.area) {
            gone.push((v.key.area.clone(), i));
        }
    }
    if gone.is_empty() {
        return None;
    }
    let mut kept = t.clone();
    kept.values.retain(|v| codes.contains(v.key.area.as_str()));
    kept.inconsistencies.retain(|i| codes.contains(i.key.area.as_str()));
    kept.totals.retain(|x| {
        x.dimension != TotalDimension::Area
            || (codes.contains(x.total.as_str()) && x.of.iter().all(|c| codes.contains(c.as_str())))
    });
    kept.reindex();
    (!kept.values.is_empty()).then_some((kept, gone))
}

/// Reads a dataset file table by table: a table that cannot be decoded or fails its checks is
/// left out, the rest is kept. `None` (with the reason) when the file itself is unreadable or
/// its root fields are wrong.
pub fn dataset(file: &str, text: &str, manifest: &Manifest) -> (Option<Dataset>, Vec<Skipped>) {
    let mut p = Problems::new(file);
    let whole = |p: Problems| vec![Skipped::new(file, "het hele bestand".into(), p.list)];
    let Some(root) = decode::parse_root(text, &mut p) else { return (None, whole(p)) };
    // The root without its tables, decoded strictly; then each table on its own. The tables are
    // moved out of the tree (an empty list in their place), not copied: they are most of the file.
    let (root_only, tables) = match root {
        Json::Object(mut fields) => {
            let tables = fields
                .iter_mut()
                .find(|(k, _)| k == "tables")
                .map(|(_, v)| std::mem::replace(v, Json::Array(Vec::new())));
            (Json::Object(fields), tables)
        }
        other => (other, None),
    };
    let Some(mut ds) = decode::dataset_tree(&root_only, &mut p) else { return (None, whole(p)) };
    let Some(Json::Array(items)) = tables else {
        p.add(&JsonPath::root().key("tables"), "verwacht een lijst met tabellen");
        return (None, whole(p));
    };
    let mut out = Vec::new();
    let area_codes: rustc_hash::FxHashSet<&str> = manifest.areas.iter().map(|a| a.code.as_str()).collect();
    let mut ids: HashSet<String> = HashSet::new();
    for (i, item) in items.iter().enumerate() {
        let path = JsonPath::root().key("tables").index(i);
        let mut tp = Problems::new(file);
        let table = decode::table(item, &path, &mut tp);
        if let Some(t) = &table {
            validate::table(t, &path, &area_codes, &mut tp);
            if ids.contains(&t.id) {
                tp.add(&path.key("id"), format!("tabel-id \"{}\" komt twee keer voor", t.id));
            }
        }
        // An area the manifest left out (or never had) hides only its own figures, not the
        // table: the rest of the table is checked again without them.
        let table = match table {
            Some(t) if !tp.is_empty() => match without_unknown_areas(&t, &area_codes) {
                Some((kept, gone)) => {
                    let mut again = Problems::new(file);
                    validate::table(&kept, &path, &area_codes, &mut again);
                    if again.is_empty() && !ids.contains(&kept.id) {
                        let names: Vec<&str> = gone.iter().map(|(c, _)| c.as_str()).collect();
                        let what =
                            format!("de cijfers van {} in de tabel \"{}\" ({})", names.join(", "), kept.title, kept.id);
                        let mut why = Problems::new(file);
                        for (code, i) in gone.iter().take(3) {
                            why.add(&path.key("values").index(*i).key("area"), rules::unknown_area(code));
                        }
                        let why = why.list;
                        out.push(Skipped::new(file, what, why));
                        tp = again;
                        Some(kept)
                    } else {
                        Some(t)
                    }
                }
                None => Some(t),
            },
            other => other,
        };
        match table {
            Some(t) if tp.is_empty() => {
                ids.insert(t.id.clone());
                ds.tables.push(t);
            }
            _ => {
                let title = match (item.get("title"), item.get("id")) {
                    (Some(Json::String(t)), Some(Json::String(id))) => format!("de tabel \"{t}\" ({id})"),
                    (Some(Json::String(t)), _) => format!("de tabel \"{t}\""),
                    (_, Some(Json::String(id))) => format!("de tabel {id}"),
                    _ => format!("tabel {} van dit bestand", i + 1),
                };
                out.push(Skipped::new(file, title, tp.list));
            }
        }
    }
    // Availability lists are checked as before; a problem there hides only the list.
    let mut ap = Problems::new(file);
    let availability_only = Dataset { tables: Vec::new(), narrative: Default::default(), ..ds.clone() };
    validate::check_dataset(&availability_only, manifest, &mut ap);
    if !ap.is_empty() {
        ds.availability.clear();
        out.push(Skipped::new(file, "de lijst met beschikbaarheid".into(), ap.list));
    }
    // The figures from the running text refer to the tables that were kept; a problem there
    // hides only those figures, never the tables.
    let mut np = Problems::new(file);
    narrative::check(&ds, manifest, &mut np);
    if !np.is_empty() {
        ds.narrative = Default::default();
        out.push(Skipped::new(file, "de cijfers uit de lopende tekst".into(), np.list));
    }
    (Some(ds), out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str = include_str!("../../../public/data/manifest.json");

    fn good() -> Manifest {
        manifest("manifest.json", MANIFEST).0
    }

    #[test]
    fn the_bundled_manifest_has_nothing_to_skip() {
        let (m, skipped) = manifest("manifest.json", MANIFEST);
        assert!(skipped.is_empty(), "{skipped:?}");
        assert!(m.regions.len() >= 4);
    }

    #[test]
    fn a_trailing_comma_gives_an_empty_manifest_and_the_reason() {
        let broken = MANIFEST.trim_end().trim_end_matches('}').trim_end().to_owned() + ",\n}";
        let (m, skipped) = manifest("manifest.json", &broken);
        assert!(m.regions.is_empty() && m.areas.is_empty());
        assert_eq!(skipped.len(), 1);
        assert_eq!(skipped[0].what, "het hele bestand");
        assert!(
            matches!(skipped[0].problems[0].location, crate::core::model::problem::Location::Text { .. }),
            "line and column: {:?}",
            skipped[0].problems
        );
    }

    #[test]
    fn an_area_of_an_unknown_kind_hides_only_itself() {
        let broken = MANIFEST.replacen("\"kind\": \"land\"", "\"kind\": \"stadsdeel\"", 1);
        let (m, skipped) = manifest("manifest.json", &broken);
        assert!(m.area("NL01").is_none());
        assert!(m.area("GM0505").is_some());
        // NL01 was the reference of the regions: the references go, the regions stay.
        assert_eq!(m.regions.len(), good().regions.len());
        assert!(m.regions.iter().all(|r| r.reference.is_none()));
        assert_eq!(m.datasets.len(), good().datasets.len());
        assert_eq!(skipped[0].what, "het gebied \"NL01\"");
        assert!(skipped[0].problems[0].message.contains("onbekende waarde \"stadsdeel\""), "{skipped:?}");
        assert!(skipped.iter().any(|s| s.what.starts_with("de vergelijking met NL01")));
    }

    #[test]
    fn a_dataset_of_an_unknown_region_hides_only_that_file() {
        let broken = MANIFEST.replacen("\"region\": \"ridderkerk\"", "\"region\": \"REGIO\"", 1);
        let (m, skipped) = manifest("manifest.json", &broken);
        assert_eq!(m.datasets.len(), good().datasets.len() - 1);
        assert_eq!(skipped.len(), 1);
        assert!(skipped[0].what.starts_with("het gegevensbestand ridderkerk-"), "{skipped:?}");
        assert!(skipped[0].problems[0].message.contains("onbekende regio \"REGIO\""));
        assert!(skipped[0].sentence().contains("is overgeslagen"));
    }

    #[test]
    fn wijken_belong_to_a_gemeente_in_the_manifest() {
        let with_wijken = MANIFEST.replacen(
            "\"areas\": [",
            r#""areas": [
    { "code": "WK059701", "name": "Centrum", "short": "C", "kind": "wijk" },
    { "code": "BU05970101", "name": "Oud-Ridderkerk", "short": "OR", "kind": "buurt" },
    { "code": "WK999901", "name": "Nergens", "short": "N", "kind": "wijk" },
    { "code": "GM0597X", "name": "Fout", "short": "F", "kind": "wijk" },
    { "code": "WK059702", "name": "Slikkerveer", "short": "S", "kind": "gemeente" },"#,
            1,
        );
        let (m, skipped) = manifest("manifest.json", &with_wijken);
        let wijken: Vec<&str> = m.wijken_of("GM0597").iter().map(|a| a.code.as_str()).collect();
        assert_eq!(wijken, ["WK059701", "BU05970101"]);
        let whats: Vec<&str> = skipped.iter().map(|s| s.what.as_str()).collect();
        assert_eq!(whats, ["het gebied \"GM0597X\"", "het gebied \"WK059702\"", "de wijk \"WK999901\""]);
        assert!(skipped[2].problems[0].message.contains("hoort bij gemeente GM9999"));
    }

    #[test]
    fn a_bad_table_hides_only_itself() {
        let text = include_str!("../../../public/data/drechtsteden-wmo.json");
        let (ds, skipped) = dataset("drechtsteden-wmo.json", text, &good());
        let all = ds.expect("file reads").tables.len();
        assert!(all >= 2 && skipped.is_empty(), "{skipped:?}");
        // A negative count in the first table with counts.
        let root = crate::core::read::json::parse_json(text).unwrap();
        let Some(Json::Array(tables)) = root.get("tables") else { panic!() };
        let victim = tables
            .iter()
            .position(|t| {
                matches!(t.get("measures"), Some(Json::Array(ms)) if ms.iter().any(|m| m.get("kind") == Some(&Json::String("count".into()))))
            })
            .unwrap();
        let Some(Json::String(id)) = tables[victim].get("id") else { panic!() };
        let needle = format!("\"id\": \"{id}\"");
        let start = text.find(&needle).unwrap();
        let value_at = start + text[start..].find("\"value\": ").unwrap() + "\"value\": ".len();
        let broken = format!("{}-{}", &text[..value_at], &text[value_at..]);
        let (ds, skipped) = dataset("drechtsteden-wmo.json", &broken, &good());
        let ds = ds.unwrap();
        assert_eq!(ds.tables.len(), all - 1);
        assert!(ds.tables.iter().all(|t| t.id != *id));
        assert_eq!(skipped.len(), 1);
        assert!(skipped[0].what.contains(id.as_str()));
        assert!(skipped[0].problems.iter().any(|p| p.message.contains("kan niet negatief zijn")), "{skipped:?}");
    }

    #[test]
    fn a_gemeente_left_out_of_the_manifest_hides_only_its_figures() {
        let broken = MANIFEST.replacen("\"kind\": \"gemeente\"", "\"kind\": \"stadsdeel\"", 1);
        let (m, _) = manifest("manifest.json", &broken);
        assert!(m.area("GM0482").is_none());
        let text = include_str!("../../../public/data/drechtsteden-jeugd.json");
        let (all, _) = dataset("drechtsteden-jeugd.json", text, &good());
        let (ds, skipped) = dataset("drechtsteden-jeugd.json", text, &m);
        let (all, ds) = (all.unwrap(), ds.unwrap());
        assert_eq!(ds.tables.len(), all.tables.len(), "{skipped:?}");
        assert!(ds.tables.iter().all(|t| t.values.iter().all(|v| v.key.area != "GM0482")));
        // Statements about the gemeente hide the file's running-text figures, never a table.
        assert!(
            skipped.iter().all(|s| s.what.starts_with("de cijfers van GM0482 in de tabel")
                || s.what == "de cijfers uit de lopende tekst"),
            "{skipped:?}"
        );
        assert!(!skipped.is_empty());
    }

    #[test]
    fn a_file_that_is_not_json_is_skipped_whole() {
        let (ds, skipped) = dataset("extra.json", "{ \"format\": 1, ", &good());
        assert!(ds.is_none());
        assert_eq!(skipped[0].what, "het hele bestand");
    }
}
