//! The council kit (issue 15): everyday spreadsheet mistakes get one clear message, and
//! voorlopige cijfers can be marked per period and per figure, the way CBS marks them (`*`).

mod common;

use monitor_sociaal_domein::core::calc::grid::{self, Provisional};
use monitor_sociaal_domein::core::model::Manifest;
use monitor_sociaal_domein::core::{check::tolerant, kit::csv_import, present::summary};

fn manifest() -> Manifest {
    let text = std::fs::read_to_string(common::root().join("public/data/manifest.json")).unwrap();
    monitor_sociaal_domein::core::check::strict::manifest_file("manifest.json", &text).unwrap()
}

fn per_jaar_template() -> String {
    csv_import::decode_bytes(&std::fs::read(common::root().join("public/sjablonen/per-jaar.csv")).unwrap())
}

fn messages(text: &str) -> Vec<String> {
    match csv_import::convert("x.csv", text, &manifest()) {
        Ok(_) => Vec::new(),
        Err(ps) => ps.iter().map(monitor_sociaal_domein::core::model::problem::Problem::without_file).collect(),
    }
}

#[test]
fn a_header_jaar_instead_of_periode_is_one_clear_message() {
    let text = per_jaar_template().replace("periode;omschrijving", "jaar;omschrijving");
    assert_eq!(
        messages(&text),
        ["rij 14, kolom 1 (A): de kopregel van de tabel begint met \"jaar\"; schrijf daar periode (sjabloon per jaar: een rij per periode)"]
    );
    let text = per_jaar_template().replace("periode;omschrijving", "gemeente;omschrijving");
    let m = messages(&text);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains("schrijf daar gebied"), "{m:?}");
}

#[test]
fn a_thousands_comma_in_a_count_is_explained_not_echoed_as_a_decimal() {
    let text = "titel;Wmo-cliënten\nthema;wmo\npijler;gebruik\nbron;eigen registratie\nbronnummer;1\nperiode;2024;2024\n\ngebied;cliënten\neenheid;aantal\nRidderkerk;1,301\n";
    assert_eq!(
        messages(text),
        ["rij 10, kolom 2 (B): \"1,301\" staat in een kolom met aantallen, maar de komma is in Nederlandse notatie het decimaalteken; schrijf duizendtallen met een punt of zonder teken: 1.301 of 1301"]
    );
    // 1,5 is a decimal: the validator's message, with a Dutch number.
    let m = messages(&text.replace("1,301", "1,5"));
    assert_eq!(m, ["rij 10, kolom 2 (B): een aantal is een geheel getal, niet 1,5"]);
}

#[test]
fn voorlopig_per_period_and_per_figure_survive_the_round_trip() {
    // 2018 is voorlopig as a period; one figure of 2017 is voorlopig on its own.
    let text = per_jaar_template()
        .replace("2018;2018;", "2018*;2018;")
        .replace("2017;2017;€ 10.711.554;", "2017;2017;€ 10.711.554*;");
    let m = manifest();
    let table = csv_import::convert("x.csv", &text, &m).unwrap_or_else(|p| panic!("{p:?}"));
    assert!(!table.provisional);
    let flagged: Vec<(String, String)> =
        table.values.iter().filter(|v| v.provisional).map(|v| (v.key.period.clone(), v.key.measure.clone())).collect();
    assert_eq!(flagged.iter().filter(|(p, _)| p == "2018").count(), 3, "{flagged:?}");
    assert_eq!(flagged.iter().filter(|(p, _)| p == "2017").collect::<Vec<_>>(), [&("2017".into(), "inkomsten".into())]);
    assert!(flagged.iter().all(|(p, _)| p != "2016"));
    // Written and read back as the site reads it.
    let json = csv_import::to_dataset_json(&table, "ridderkerk");
    let (ds, skipped) = tolerant::dataset("ridderkerk-x.json", &json, &m);
    assert!(skipped.is_empty(), "{skipped:?}");
    let back = &ds.unwrap().tables[0];
    let g = grid::build(back, &m, None, None);
    assert_eq!(g.provisional(), Provisional::Some, "no table-wide badge");
    let rows: Vec<(&str, Vec<bool>)> =
        g.rows.iter().map(|r| (r.label.as_str(), r.cells.iter().map(|f| f.provisional).collect())).collect();
    // 2016 has no mark at all; in 2017 only the first figure and what is computed from it.
    assert!(rows[0].1.iter().all(|p| !p), "{rows:?}");
    assert!(rows[1].1[0] && !rows[1].1[1], "{rows:?}");
    assert!(rows[2].1.iter().all(|p| *p), "{rows:?}");
    let text = summary::describe(&g, &m, None, None);
    assert!(text.contains("Voorlopig zijn de cijfers van 2017 en 2018."), "{text}");
}

#[test]
fn a_wholly_provisional_template_keeps_the_badge() {
    let text =
        csv_import::decode_bytes(&std::fs::read(common::root().join("public/sjablonen/per-gebied.csv")).unwrap());
    let m = manifest();
    let table = csv_import::convert("per-gebied.csv", &text, &m).unwrap();
    assert_eq!(grid::build(&table, &m, None, None).provisional(), Provisional::All);
}
