//! Issue 16: a downloaded chart image stands on its own: title, period, source, marks, licence,
//! address and date; *geheim* drawn as a labelled mark, never as an absent bar.

mod common;

use monitor_sociaal_domein::core::model::{Manifest, Table};
use monitor_sociaal_domein::core::present::export::Provenance;
use monitor_sociaal_domein::core::{calc::grid, present::charts, present::image};
use serde_json::Value;

fn table(id: &str) -> (Manifest, Table) {
    let r = common::bundled();
    let t = r.datasets.iter().flat_map(|(_, d)| &d.tables).find(|t| t.id == id).cloned().unwrap();
    (r.manifest.unwrap(), t)
}

fn spec_of(id: &str, place: &str) -> (Value, grid::Grid) {
    let (m, t) = table(id);
    let g = grid::build(&t, &m, None, None);
    let (option, height) = charts::draw(&g, &t, None, "beschrijving");
    let here = Provenance { url: "https://voorbeeld.nl/monitor/?pagina=indicator".into(), date: "2026-11-28".into() };
    (serde_json::from_str(&image::spec(&g, &t, &m, &option, height, place, &here)).unwrap(), g)
}

#[test]
fn the_image_names_title_period_source_licence_address_and_date() {
    let (spec, _) = spec_of("jeugd-jongeren-in-jeugdzorg", "Drechtsteden");
    assert_eq!(spec["titel"], "Jongeren in jeugdzorg, 1e halfjaar 2016 (%)");
    let foot: Vec<&str> = spec["voet"].as_array().unwrap().iter().map(|l| l.as_str().unwrap()).collect();
    assert_eq!(foot[0], "Bron: gemeentelijke monitor Sociaal Domein");
    assert!(foot.iter().any(|l| l.starts_with("Overgenomen uit: Monitor 3D")), "{foot:?}");
    assert!(foot.iter().any(|l| l.starts_with("Tekens: geheim = ")), "{foot:?}");
    assert!(foot.iter().any(|l| l.starts_with("Licentie: CC BY 4.0")), "{foot:?}");
    assert!(foot.contains(&"Adres: https://voorbeeld.nl/monitor/?pagina=indicator"), "{foot:?}");
    assert!(foot.last().unwrap().starts_with("Gedownload op 28 november 2026"), "{foot:?}");
    assert!(spec["grafiekhoogte"].as_u64().unwrap() >= 180);
}

#[test]
fn a_time_series_names_its_span_never_an_empty_period() {
    let (spec, g) = spec_of("participatie-ridderkerk-buig-budget", "Ridderkerk");
    assert_eq!(g.rows_are, grid::RowsAre::Periods);
    let sub = spec["ondertitel"].as_str().unwrap();
    let (first, last) = (&g.rows[0].label, &g.rows.last().unwrap().label);
    assert_eq!(sub, format!("Cijfers: {first} t/m {last} · Ridderkerk"));
    for line in spec["voet"].as_array().unwrap() {
        let line = line.as_str().unwrap();
        assert!(!line.contains(":  ") && !line.contains("·  ·") && !line.ends_with("· "), "{line}");
    }
}

#[test]
fn geheim_is_a_labelled_mark_where_the_bar_would_be() {
    let (spec, g) = spec_of("jeugd-jongeren-in-jeugdzorg", "");
    let columns = charts::charted_columns(&g);
    let mut marks = 0;
    for (s, c) in columns.iter().enumerate() {
        for (r, row) in g.rows.iter().enumerate() {
            let point = &spec["optie"]["series"][s]["data"][r];
            if row.cells[*c].is_secret() {
                assert_eq!(point["label"]["formatter"], "geheim", "{point}");
                assert_eq!(point["label"]["show"], true);
                assert_eq!(point["value"], 0);
                marks += 1;
            } else {
                assert!(point.is_number() || point["value"].is_number(), "{point}");
            }
        }
    }
    assert_eq!(marks, 2, "both geheim cells of the table are marked");
}

/// A line that misses a point where other lines have one names it in its own legend entry
/// ("… (n.b. in 2018)"); the period on the axis is marked only when every line misses it, so
/// "2018 (n.b.)" never stands over figures that are there (issue 21).
/// The image spec of a table drawn as its plain chart (not the budget panels `draw` chooses
/// for a budget table), with the same marks step the app runs.
fn plain_spec_of(id: &str, place: &str) -> (Value, grid::Grid) {
    let (m, t) = table(id);
    let g = grid::build(&t, &m, None, None);
    let (chart, height) = charts::chart(&g);
    let mut v = serde_json::to_value(&chart).unwrap();
    charts::marks::add(&mut v, &g, &charts::charted_columns(&g));
    let option = charts::finish(v, "beschrijving");
    let here = Provenance { url: "https://voorbeeld.nl/monitor/?pagina=indicator".into(), date: "2026-11-28".into() };
    (serde_json::from_str(&image::spec(&g, &t, &m, &option, height, place, &here)).unwrap(), g)
}

#[test]
fn missing_points_of_a_line_are_named_in_its_legend_entry() {
    let (spec, g) = plain_spec_of("participatie-ridderkerk-participatiebudget", "Ridderkerk");
    assert_eq!(charts::kind(&g), charts::ChartKind::Lines);
    let axis = &spec["optie"]["xAxis"];
    let axis = if axis.is_array() { &axis[0] } else { axis };
    let labels: Vec<String> = axis["data"].as_array().unwrap().iter().map(|l| l.to_string()).collect();
    let names: Vec<String> =
        spec["optie"]["series"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap().to_owned()).collect();
    let columns = charts::charted_columns(&g);
    for (r, row) in g.rows.iter().enumerate() {
        let missing: Vec<usize> = columns.iter().copied().filter(|c| row.cells[*c].value.is_err()).collect();
        let all = missing.len() == columns.len();
        assert_eq!(labels[r].ends_with(" (n.b.)\""), all && !missing.is_empty(), "{labels:?}");
        for c in missing.iter().filter(|_| !all) {
            let s = columns.iter().position(|x| x == c).unwrap();
            assert!(names[s].contains(&format!("n.b. in {}", row.label)), "{names:?}");
        }
    }
    assert!(names.iter().any(|n| n.contains("(n.b. in ")), "{names:?}");
}
