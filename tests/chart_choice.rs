//! The chart that fits the question (issue 13): budgets in panels that never share an axis,
//! the result signed and named, lines only for three or more periods, the chosen gemeente
//! highlighted, labels that never overlap, Dutch axis notation, a legend that wraps.

mod common;

use monitor_sociaal_domein::core::calc::grid;
use monitor_sociaal_domein::core::model::Table;
use monitor_sociaal_domein::core::present::charts::{self, budget, map, refine};
use serde_json::Value;

fn draw(id: &str, focus: Option<&str>) -> (Value, u32) {
    let r = common::bundled();
    let m = r.manifest.as_ref().unwrap();
    let t: &Table = r.datasets.iter().flat_map(|(_, d)| &d.tables).find(|t| t.id == id).unwrap();
    let g = grid::build(t, m, None, None);
    let (json, height) = charts::draw(&g, t, focus, "samenvatting");
    assert!(!json.contains("function"), "{id}: no JavaScript in options");
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["aria"]["label"]["description"], "samenvatting");
    (v, height)
}

#[test]
fn buig_budget_levels_exhaustion_and_result_in_separate_panels() {
    let (v, _) = draw("participatie-ridderkerk-buig-budget", None);
    let series = v["series"].as_array().unwrap();
    let grids = v["grid"].as_array().unwrap();
    assert_eq!(grids.len(), 3, "amounts, exhaustion and result each on their own axis");
    let axis_of = |name: &str| {
        series.iter().find(|s| s["name"].as_str().unwrap().contains(name)).map(|s| s["xAxisIndex"].as_u64().unwrap())
    };
    assert_eq!(axis_of("inkomsten van het Rijk"), Some(0));
    assert_eq!(axis_of("uitgaven"), Some(0));
    assert_eq!(axis_of("Uitgaven als %"), Some(1));
    assert_eq!(axis_of("Resultaat"), Some(2));
    assert_eq!(axis_of("Verschil"), None, "the unsigned difference stays in the table");
    // Exhaustion: bars labelled in Dutch, with the 100 % line.
    let ex = series.iter().find(|s| s["xAxisIndex"] == 1).unwrap();
    assert_eq!(ex["markLine"]["data"][0]["xAxis"], 100);
    let labels: Vec<&str> =
        ex["data"].as_array().unwrap().iter().map(|d| d["label"]["formatter"].as_str().unwrap()).collect();
    assert_eq!(labels, ["99,7%", "112,1%", "105,6%"]);
    // Result: signed, named and coloured: 2016 overschot, 2017 and 2018 tekort.
    let res = series.iter().find(|s| s["xAxisIndex"] == 2).unwrap();
    let points = res["data"].as_array().unwrap();
    assert!(points[0]["label"]["formatter"].as_str().unwrap().starts_with("overschot € 31.534"));
    assert_eq!(points[1]["label"]["formatter"], "tekort € 1,3 mln");
    assert!(points[1]["value"].as_f64().unwrap() < 0.0);
    assert_eq!(points[0]["itemStyle"]["color"], budget::OVERSCHOT);
    assert_eq!(points[1]["itemStyle"]["color"], budget::TEKORT);
    // Dutch axis notation: named formatters, never a compact "K".
    for a in v["xAxis"].as_array().unwrap() {
        assert!(a["axisLabel"]["formatter"].as_str().unwrap().starts_with("msd:nl"));
        assert!(!a["axisLabel"]["formatter"].as_str().unwrap().starts_with("msd:nlc"));
    }
}

#[test]
fn lines_only_for_three_or_more_periods() {
    assert_eq!(charts::kind_for_periods(2), charts::ChartKind::Bars);
    assert_eq!(charts::kind_for_periods(3), charts::ChartKind::Lines);
    // Ridderkerk's instroom over 2016, 2017, 2018-H1: lines, labels moved apart when they meet.
    let (v, _) = draw("participatie-ridderkerk-instroom", None);
    let s = &v["series"][0];
    assert_eq!(s["type"], "line");
    assert_eq!(s["labelLayout"]["hideOverlap"], true);
}

#[test]
fn the_chosen_gemeente_is_highlighted_and_missing_values_are_named() {
    let (v, _) = draw("jeugd-jongeren-in-jeugdzorg", Some("GM0642"));
    let y = if v["yAxis"].is_array() { &v["yAxis"][0] } else { &v["yAxis"] };
    let labels = y["data"].as_array().unwrap();
    let chosen: Vec<&Value> = labels.iter().filter(|l| l["textStyle"]["fontWeight"] == "bold").collect();
    assert_eq!(chosen.len(), 1);
    assert_eq!(chosen[0]["value"], "Zwijndrecht");
    let at = labels.iter().position(|l| l["value"] == "Zwijndrecht").unwrap();
    for s in v["series"].as_array().unwrap() {
        let p = &s["data"][at];
        assert!(p.is_null() || p["itemStyle"]["borderWidth"] == 2, "{p}");
        assert_eq!(s["labelLayout"]["hideOverlap"], true);
    }
    // Several series: a legend that wraps (plain), never one that pages.
    assert_eq!(v["legend"][0]["type"], "plain");
}

#[test]
fn a_legend_wraps_onto_more_lines_on_a_phone() {
    let short = vec!["a".to_owned(), "b".to_owned()];
    assert_eq!(refine::legend_lines(&short), 1);
    let long: Vec<String> = (0..6).map(|i| format!("een lange naam van een reeks {i}")).collect();
    assert!(refine::legend_lines(&long) >= 4);
}

#[test]
fn map_classes_legend_and_sentence_agree() {
    let r = common::bundled();
    let m = r.manifest.as_ref().unwrap();
    let t = r.datasets.iter().flat_map(|(_, d)| &d.tables).find(|t| t.id == "jeugd-jongeren-in-jeugdzorg").unwrap();
    let g = grid::build(t, m, None, None);
    let view = map::view(&g, 0, m, "drechtsteden", Some("GM0505")).unwrap();
    assert_eq!(view.places.len(), 6, "the six gemeenten, not the region or Nederland");
    assert_eq!(view.classes.len(), 3);
    for p in &view.places {
        match p.class {
            Some(k) => {
                let c = &view.classes[k];
                let v = g.rows.iter().find(|r| r.id == p.code).unwrap().cells[0].number().unwrap();
                assert!(v >= c.min - 1e-9 && v <= c.max + 1e-9, "{} {v} in {}", p.name, c.label);
                assert!(view.sentence.contains(&c.label));
            }
            None => assert!(view.missing.is_some()),
        }
        assert!(view.sentence.contains(&p.name), "{}", view.sentence);
    }
    // Classes run from low to high without overlap.
    for w in view.classes.windows(2) {
        assert!(w[0].max < w[1].min);
    }
    let s = &view.option["series"][0];
    assert_eq!(s["map"], "drechtsteden-2016", "the region drawn with the boundaries of its figures' year");
    let dordrecht = s["data"].as_array().unwrap().iter().find(|d| d["name"] == "GM0505").unwrap();
    assert_eq!(dordrecht["itemStyle"]["borderWidth"], 3, "the chosen gemeente outlined");
    assert!(map::CREDIT.contains("CBS, Kadaster"));
    // Jeugdreclassering has geheim gemeenten: hatched, with their own legend line.
    let col = g.columns.iter().position(|c| c.measure == "jeugdreclassering").unwrap();
    let view = map::view(&g, col, m, "drechtsteden", None).unwrap();
    if g.rows.iter().any(|r| r.cells[col].is_secret()) {
        assert!(view.missing.as_deref().unwrap().contains("geheim"));
        let hatched = view.option["series"][0]["data"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["itemStyle"]["decal"]["symbol"] == "rect")
            .count();
        assert_eq!(hatched, view.places.iter().filter(|p| p.class.is_none()).count());
        assert!(hatched > 0);
    }
}

#[test]
fn a_table_without_gemeenten_has_no_map() {
    let r = common::bundled();
    let m = r.manifest.as_ref().unwrap();
    let t =
        r.datasets.iter().flat_map(|(_, d)| &d.tables).find(|t| t.id == "participatie-ridderkerk-buig-budget").unwrap();
    let g = grid::build(t, m, None, None);
    assert!(!map::possible(&g, m));
}

#[test]
fn rates_before_counts_across_gemeenten_and_never_a_base() {
    // Re-integratievoorzieningen: counts, rates per 1.000 households and the households (the
    // base). The chart compares gemeenten on the rates; the base is never drawn.
    let (v, _) = draw("participatie-reintegratievoorzieningen-2016-h1", Some("GM0505"));
    let names: Vec<&str> = v["series"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names.len(), 4, "{names:?}");
    assert!(names.iter().all(|n| n.contains("per 1.000")), "{names:?}");
}
