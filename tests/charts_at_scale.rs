//! Charts that scale (issue 25): on a national region of 342 gemeenten and Nederland, generated
//! here from `tests/fixtures/national/gemeenten-2025.json` with a seeded generator, no chart of
//! the indicator page, the theme cards or the home page draws more than 40 areas as bars or
//! labels; the chosen gemeente is always drawn and highlighted; text alternatives summarise
//! (rank, extremes, Nederland) in a few hundred characters; the table has every area, sorted
//! and ranked, and its filter narrows it; an embed stays compact.

mod common;

use common::{manifest, root};
use monitor_sociaal_domein::core::check::strict;
use monitor_sociaal_domein::core::model::view_state::{Display, Page, ViewState};
use monitor_sociaal_domein::core::model::{Dataset, Manifest, Theme};
use monitor_sociaal_domein::core::pages::{home, indicator, theme};
use monitor_sociaal_domein::core::present::charts::many::{self, MAX_AREAS};
use monitor_sociaal_domein::core::present::ranked;
use serde_json::{json, Value};

const REGION: &str = "nederland";
const ZWIJNDRECHT: &str = "GM0642";
const YEARS: [&str; 3] = ["2022", "2023", "2024"];

/// A small seeded generator (mulberry32, as `scripts/national-fixture.mjs`): numbers in [0, 1).
struct Random(u32);

impl Random {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x6d2b_79f5);
        let a = self.0;
        let mut t = (a ^ (a >> 15)).wrapping_mul(1 | a);
        t = (t.wrapping_add((t ^ (t >> 7)).wrapping_mul(61 | t))) ^ t;
        f64::from(t ^ (t >> 14)) / 4_294_967_296.0
    }
}

fn gemeenten() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(root().join("tests/fixtures/national/gemeenten-2025.json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    v["gemeenten"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_str().unwrap().to_owned(), p[1].as_str().unwrap().to_owned()))
        .collect()
}

/// A measure of a generated table: id, label, unit.
type Measure = (&'static str, &'static str, &'static str);

/// A generated table: id and measures.
type Generated = (&'static str, Vec<Measure>);

/// A table per gemeente and year: `measures` are (id, label, unit); `secret` cells are geheim.
fn table(theme: &str, id: &str, measures: &[(&str, &str, &str)], rnd: &mut Random, secret: &[String]) -> Value {
    let areas: Vec<String> = gemeenten().into_iter().map(|g| g.0).chain(["NL01".to_owned()]).collect();
    let mut values = Vec::new();
    for period in YEARS {
        for area in &areas {
            for (m, _, unit) in measures {
                if secret.contains(&format!("{area}/{period}")) {
                    values.push(json!({ "measure": m, "area": area, "period": period, "status": "geheim" }));
                } else {
                    let v = if *unit == "%" {
                        (20.0 + rnd.next() * 180.0).round() / 10.0
                    } else {
                        (rnd.next() * 900.0).round()
                    };
                    values.push(json!({ "measure": m, "area": area, "period": period, "value": v }));
                }
            }
        }
    }
    let measures: Vec<Value> = measures
        .iter()
        .map(|(m, label, unit)| {
            let decimals = if *unit == "%" { 1 } else { 0 };
            let kind = if *unit == "%" { "derived" } else { "count" };
            json!({ "id": m, "label": label, "unit": unit, "kind": kind, "decimals": decimals, "base": "alle inwoners" })
        })
        .collect();
    json!({
        "id": format!("{theme}-{id}"), "title": format!("Synthetisch: {id} (%)"), "theme": theme, "pillar": "gebruik",
        "source": { "text": "synthetische testgegevens (geen echte cijfers)", "seed": "001", "section": "Testregio Nederland" },
        "note": null, "definitions": [], "provisional": false, "rounding": null,
        "periods": YEARS.iter().map(|y| json!({ "id": y, "label": y })).collect::<Vec<_>>(),
        "categories": [], "measures": measures, "totals": [], "values": values, "inconsistencies": []
    })
}

/// The bundled manifest with the national region, and its four theme files, read strictly.
fn national() -> (Manifest, Vec<Dataset>) {
    let mut rnd = Random(25);
    let list = gemeenten();
    assert_eq!(list.len(), 342);
    let mut m: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("public/data/manifest.json")).unwrap()).unwrap();
    let known: Vec<String> =
        m["areas"].as_array().unwrap().iter().map(|a| a["code"].as_str().unwrap().to_owned()).collect();
    for (code, name) in &list {
        if !known.contains(code) {
            let short: String = name.trim_start_matches("'s-").chars().take(3).collect();
            m["areas"]
                .as_array_mut()
                .unwrap()
                .push(json!({ "code": code, "name": name, "short": short, "kind": "gemeente" }));
        }
    }
    let codes: Vec<&String> = list.iter().map(|g| &g.0).collect();
    m["regions"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "id": REGION, "name": "Nederland", "area": "NL01", "reference": null, "gemeenten": codes }));
    let themes: [(&str, Vec<Generated>); 4] = [
        (
            "jeugd",
            vec![
                ("jeugdhulp", vec![("jeugdhulp", "jeugdhulp", "%")]),
                // Two shares and a count: the chart draws the shares, sorted by the first.
                (
                    "soorten",
                    vec![
                        ("met_verblijf", "met verblijf", "%"),
                        ("zonder", "zonder verblijf", "%"),
                        ("aantal", "aantal", "aantal"),
                    ],
                ),
            ],
        ),
        ("participatie", vec![("bijstand", vec![("bijstand", "bijstand", "%")])]),
        ("wmo", vec![("maatwerk", vec![("maatwerk", "maatwerkvoorziening", "%")])]),
        ("samenloop", vec![("samenloop", vec![("samenloop", "samenloop", "%")])]),
    ];
    let mut files = Vec::new();
    for (theme, tables) in themes {
        // Zwijndrecht is geheim in 2023, so one view has a chosen gemeente without a figure.
        let mut secret: Vec<String> = (0..4)
            .map(|_| format!("{}/{}", list[(rnd.next() * 342.0) as usize].0, YEARS[(rnd.next() * 3.0) as usize]))
            .collect();
        secret.push(format!("{ZWIJNDRECHT}/2023"));
        let file = format!("{REGION}-{theme}.json");
        let tables: Vec<Value> = tables.iter().map(|(id, ms)| table(theme, id, ms, &mut rnd, &secret)).collect();
        files.push((
            file.clone(),
            json!({ "format": 1, "region": REGION, "theme": theme, "tables": tables }).to_string(),
        ));
        m["datasets"].as_array_mut().unwrap().push(json!({ "file": file, "region": REGION, "themes": [theme] }));
    }
    let manifest = strict::manifest_file("manifest.json", &m.to_string()).expect("national manifest");
    let sets = files
        .iter()
        .map(|(f, text)| strict::dataset_file(f, text, &manifest).unwrap_or_else(|e| panic!("{f}: {e:?}")))
        .collect();
    (manifest, sets)
}

fn state(page: Page, gemeente: Option<&str>) -> ViewState {
    ViewState { page, region: Some(REGION.into()), gemeente: gemeente.map(str::to_owned), ..ViewState::default() }
}

/// The labels and drawn points of a chart option: (category labels, points per series).
fn drawn(option: &str) -> (Vec<Value>, Vec<usize>, Value) {
    let v: Value = serde_json::from_str(option).unwrap();
    let axis = if v["yAxis"].is_array() { v["yAxis"][0].clone() } else { v["yAxis"].clone() };
    let labels = axis["data"].as_array().cloned().unwrap_or_default();
    let points = v["series"].as_array().unwrap().iter().map(|s| s["data"].as_array().map_or(0, Vec::len)).collect();
    (labels, points, v)
}

fn label_text(l: &Value) -> String {
    l.as_str().map(str::to_owned).unwrap_or_else(|| l["value"].as_str().unwrap_or_default().to_owned())
}

fn bold(labels: &[Value], name: &str) -> bool {
    labels.iter().any(|l| label_text(l).starts_with(name) && l["textStyle"]["fontWeight"] == "bold")
}

#[test]
fn an_indicator_of_342_gemeenten_draws_a_selection_and_tables_them_all() {
    let (m, sets) = national();
    for ds in &sets {
        for t in &ds.tables {
            for (gemeente, period) in [(Some(ZWIJNDRECHT), "2024"), (Some(ZWIJNDRECHT), "2023"), (None, "2024")] {
                let mut s = state(Page::Indicator, gemeente);
                s.indicator = Some(t.id.clone());
                s.period = Some(period.into());
                let model = indicator::indicator(t, &m, &s, None);
                let (labels, points, option) = drawn(&model.chart.option);
                let what = format!("{} {gemeente:?} {period}", t.id);
                assert!(labels.len() <= MAX_AREAS, "{what}: {} labels", labels.len());
                assert!(points.iter().all(|n| *n <= MAX_AREAS), "{what}: {points:?} points");
                assert!(model.chart.height <= 800, "{what}: {} px", model.chart.height);
                let names: Vec<String> = labels.iter().map(label_text).collect();
                assert!(names.iter().any(|n| n == "Nederland"), "{what}: Nederland drawn: {names:?}");
                if gemeente.is_some() {
                    assert!(bold(&labels, "Zwijndrecht"), "{what}: Zwijndrecht drawn and bold: {names:?}");
                }
                assert!(names.iter().any(|n| n.starts_with('…')), "{what}: a break says areas are left out");
                // Sorted from high to low between the breaks.
                let values: Vec<f64> = option["series"][0]["data"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .zip(&model.grid.rows)
                    .filter_map(|(p, _)| p.as_f64().or_else(|| p["value"].as_f64()))
                    .collect();
                let ends = many::per_end(points.len(), false);
                assert!(values.len() > 2 * ends, "{what}: {values:?}");
                assert!(values[1..].windows(2).all(|w| w[0] >= w[1]), "{what}: sorted {values:?}");
                let description = option["aria"]["label"]["description"].as_str().unwrap();
                assert!(description.chars().count() <= 600, "{what}: {} characters: {description}", description.len());
                assert!(model.summary.contains("Alle gemeenten staan in de tabel."), "{what}: {}", model.summary);
                if gemeente.is_some() && period == "2024" {
                    assert!(model.summary.contains("plaats "), "{what}: {}", model.summary);
                    assert!(model.summary.contains("Nederland: "), "{what}: {}", model.summary);
                }
                // The table: every area, Nederland first, then from high to low with a rank.
                assert_eq!(model.grid.rows.len(), 343, "{what}");
                assert_eq!(model.grid.rows[0].label, "Nederland");
                let r = model.ranked.as_ref().expect("a ranked table");
                assert_eq!(r.ranks.len(), 343);
                assert_eq!(r.ranks[1], "1");
                let shown: Vec<f64> = model.grid.rows[1..].iter().filter_map(|r| r.cells[0].number()).collect();
                assert!(shown.windows(2).all(|w| w[0] >= w[1]), "{what}: sorted");
                assert_eq!(ranked::shown(&r.keys, "zwijn").iter().filter(|x| **x).count(), 1);
                assert_eq!(ranked::shown(&r.keys, "  ").iter().filter(|x| **x).count(), 343);
                assert!(model.frame_height < 1000, "{what}: snippet height {}", model.frame_height);
            }
        }
    }
}

#[test]
fn an_embed_of_342_gemeenten_stays_compact() {
    let (m, sets) = national();
    let small = manifest();
    let t = &sets[0].tables[0];
    for display in [Display::Chart, Display::Table] {
        let mut s = state(Page::Indicator, Some(ZWIJNDRECHT));
        s.indicator = Some(t.id.clone());
        s.embed = true;
        s.display = display;
        let model = indicator::indicator(t, &m, &s, None);
        let (labels, _, _) = drawn(&model.chart.option);
        assert!(labels.len() <= 16, "{} labels", labels.len());
        // Drechtsteden's embed of its jeugdhulp table, for comparison.
        let local = common::sets(&small, &["drechtsteden-jeugd.json".to_owned()]);
        let dt = local[0].tables.iter().find(|t| t.id == "jeugd-jongeren-in-jeugdzorg").unwrap();
        let ds = ViewState { embed: true, display, gemeente: Some(ZWIJNDRECHT.into()), ..ViewState::default() };
        let here = indicator::indicator(dt, &small, &ds, Some("NL01"));
        println!("embed {display:?}: national {} px, Drechtsteden {} px", model.frame_height, here.frame_height);
        assert!(model.frame_height <= here.frame_height + 400, "{} vs {}", model.frame_height, here.frame_height);
        assert!(model.compact.sentence.contains("Alle gemeenten staan in de tabel") || display == Display::Table);
    }
}

#[test]
fn theme_cards_show_the_chosen_gemeente_among_its_peers() {
    let (m, sets) = national();
    let region = m.regions.iter().find(|r| r.id == REGION).unwrap().clone();
    for th in [Theme::Jeugd, Theme::Participatie, Theme::Wmo, Theme::Samenloop] {
        for gemeente in [Some(ZWIJNDRECHT), Some("GM0034"), None] {
            let mut s = state(Page::Theme, gemeente);
            s.theme = Some(th.id().into());
            let dash = theme::dashboard(&sets, th, &m, &region, &s);
            let cards: Vec<_> = dash.pillars.iter().flat_map(|p| &p.cards).collect();
            assert!(!cards.is_empty(), "{th:?}");
            for c in cards {
                let (option, height) = c.chart.as_ref().expect("a chart");
                let (labels, points, _) = drawn(option);
                let what = format!("{} {gemeente:?}", c.table);
                assert!(labels.len() <= 12 && points.iter().all(|n| *n <= 12), "{what}: {} bars", labels.len());
                assert!(*height <= 340, "{what}: {height} px");
                assert!(c.chart_text.chars().count() <= 400, "{what}: {}", c.chart_text);
                assert!(!c.chart_text.contains("Aa en Hunze") || gemeente.is_none(), "{what}: enumerates");
                if let Some(g) = gemeente {
                    let name = m.area_name(g);
                    let secret = c.secret;
                    assert!(labels.iter().any(|l| label_text(l).starts_with(&name)), "{what}: {name} drawn");
                    if !secret {
                        assert!(bold(&labels, &name), "{what}: {name} bold");
                        assert!(c.chart_text.contains("plaats "), "{what}: {}", c.chart_text);
                    }
                }
            }
        }
    }
}

#[test]
fn the_home_page_of_342_gemeenten_keeps_its_charts_small() {
    let (m, sets) = national();
    let tables: Vec<_> = sets.iter().flat_map(|d| &d.tables).collect();
    let t = home::featured(&tables).expect("a featured table");
    let s = state(Page::Home, Some(ZWIJNDRECHT));
    let model = indicator::indicator(t, &m, &s, None);
    let (labels, points, _) = drawn(&model.chart.option);
    assert!(labels.len() <= MAX_AREAS && points.iter().all(|n| *n <= MAX_AREAS), "{} labels", labels.len());
    assert!(bold(&labels, "Zwijndrecht"));
}
