//! Chart craft rules (issue 21), over every bundled table and every period, with and without a
//! chosen gemeente: at most eight series, every series its own colour and hatch, legend rows
//! that fit the narrowest screen and sit above the plot, value axes whose labels never collide.
//! The browser half (measured legend boxes, dark-mode contrast) is
//! tests/browser/chart-craft.test.mjs.

mod common;

use monitor_sociaal_domein::core::calc::grid;
use monitor_sociaal_domein::core::model::Table;
use monitor_sociaal_domein::core::present::charts::{self, refine, MAX_SERIES, PALETTE};
use serde_json::Value;
use std::collections::BTreeSet;

/// Every chart the indicator page can draw: (what, option, height).
fn every_chart() -> Vec<(String, Value, u32)> {
    let r = common::bundled();
    let m = r.manifest.as_ref().unwrap();
    let mut out = Vec::new();
    for t in r.datasets.iter().flat_map(|(_, d)| &d.tables) {
        let periods: Vec<Option<&str>> =
            std::iter::once(None).chain(t.periods.iter().map(|p| Some(p.id.as_str()))).collect();
        for period in periods {
            let g = grid::build(t, m, period, None);
            for focus in [None, Some("GM0642")] {
                let (json, height) = charts::draw(&g, t, focus, "samenvatting");
                let what = format!("{} {period:?} {focus:?}", t.id);
                out.push((what, serde_json::from_str(&json).unwrap(), height));
            }
        }
    }
    assert!(out.len() > 100, "every table and period: {}", out.len());
    out
}

fn list(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(a) => a.iter().collect(),
        Value::Null => Vec::new(),
        o => vec![o],
    }
}

#[test]
fn never_more_than_eight_series() {
    for (what, v, _) in every_chart() {
        let n = list(&v["series"]).len();
        assert!(n <= MAX_SERIES, "{what}: {n} series");
    }
}

#[test]
fn every_series_its_own_colour_and_hatch() {
    let decals = charts::decals();
    let decals = decals.as_array().unwrap();
    assert_eq!(decals.len(), MAX_SERIES);
    assert_eq!(PALETTE.iter().collect::<BTreeSet<_>>().len(), MAX_SERIES, "palette colours differ");
    let patterns: BTreeSet<String> = decals.iter().map(|d| d.to_string()).collect();
    assert_eq!(patterns.len(), MAX_SERIES, "hatches differ");
    for (what, v, _) in every_chart() {
        let series = list(&v["series"]);
        // ECharts gives series i palette colour i and hatch i (by series, in order).
        assert_eq!(v["color"], serde_json::json!(PALETTE), "{what}");
        assert_eq!(v["aria"]["decal"]["decals"], Value::Array(decals.clone()), "{what}");
        assert_eq!(v["aria"]["decal"]["show"], true, "{what}");
        // A colour a series sets itself is still its own.
        let colours: Vec<String> = series
            .iter()
            .enumerate()
            .map(|(i, s)| s["itemStyle"]["color"].as_str().unwrap_or(PALETTE[i]).to_lowercase())
            .collect();
        let unique: BTreeSet<&String> = colours.iter().collect();
        assert_eq!(unique.len(), colours.len(), "{what}: {colours:?}");
        // Line series: a point symbol each.
        let symbols: Vec<&str> =
            series.iter().filter(|s| s["type"] == "line").filter_map(|s| s["symbol"].as_str()).collect();
        assert_eq!(symbols.iter().collect::<BTreeSet<_>>().len(), symbols.len(), "{what}: {symbols:?}");
    }
}

#[test]
fn the_widest_table_draws_its_largest_eight_and_says_so() {
    let r = common::bundled();
    let m = r.manifest.as_ref().unwrap();
    let t: &Table =
        r.datasets.iter().flat_map(|(_, d)| &d.tables).find(|t| t.id == "wmo-actieve-wmo-indicaties").unwrap();
    let g = grid::build(t, m, None, None);
    let (drawn, note) = charts::drawn_grid(&g, t);
    assert_eq!(drawn.columns.len(), MAX_SERIES);
    assert_eq!(drawn.rows.len(), g.rows.len(), "every row stays");
    let note = note.expect("a note says the table has all");
    assert!(note.contains("de tabel toont ze allemaal"), "{note}");
    assert!(g.columns.len() > MAX_SERIES, "the grid (the table) keeps every column");
    // The page's summary says it too.
    let state = monitor_sociaal_domein::core::model::view_state::ViewState {
        indicator: Some(t.id.clone()),
        ..Default::default()
    };
    let model = monitor_sociaal_domein::core::pages::indicator::indicator(t, m, &state, None);
    assert!(model.summary.contains(&note), "{}", model.summary);
}

#[test]
fn legend_rows_fit_the_narrowest_screen_and_sit_above_the_plot() {
    for (what, v, _) in every_chart() {
        let legends: Vec<&Value> = list(&v["legend"]).into_iter().filter(|l| l["show"] != false).collect();
        let series = list(&v["series"]).len();
        let mut bottom = 0.0_f64;
        for (i, l) in legends.iter().enumerate() {
            assert_eq!(l["type"], "plain", "{what}: never a paging legend");
            assert_eq!(l["top"].as_f64().unwrap(), (i as u32 * refine::LEGEND_ROW) as f64, "{what}: rows in order");
            let names: Vec<&str> = l["data"].as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect();
            let cut = l["textStyle"]["overflow"] == "truncate";
            let width: f64 = names.iter().map(|n| 30.0 + refine::text_width(n)).sum::<f64>()
                + 10.0 * (names.len().saturating_sub(1)) as f64;
            assert!(
                width <= refine::NARROWEST || (cut && names.len() == 1),
                "{what}: legend row {i} is {width} px wide: {names:?}"
            );
            assert!(l["textStyle"]["overflow"] != "break", "{what}: no wrapped entries");
            bottom = (i as u32 * refine::LEGEND_ROW + refine::LEGEND_ROW) as f64;
        }
        if series < 2 || legends.is_empty() {
            continue;
        }
        // The plot (or a budget chart's first panel title) starts below the last row.
        let first_top = list(&v["title"])
            .first()
            .and_then(|t| t["top"].as_f64())
            .or_else(|| list(&v["grid"]).first().and_then(|g| g["top"].as_f64()))
            .unwrap();
        assert!(first_top >= bottom, "{what}: plot at {first_top}, legend to {bottom}");
    }
}

#[test]
fn value_axis_labels_hide_rather_than_collide() {
    for (what, v, _) in every_chart() {
        for key in ["xAxis", "yAxis"] {
            for axis in list(&v[key]) {
                if axis["type"] == "value" {
                    assert_eq!(axis["axisLabel"]["hideOverlap"], true, "{what}: {key}");
                }
            }
        }
    }
}

#[test]
fn text_width_is_an_upper_estimate() {
    // 12 px DejaVu Sans: "Ridderkerk" is about 62 px, "Wmo-indicaties" about 86 px.
    assert!(refine::text_width("Ridderkerk") >= 62.0);
    assert!(refine::text_width("Wmo-indicaties") >= 86.0);
    let long = vec!["een heel lange naam van een reeks die nooit op één regel past, hoe breed ook".to_owned()];
    assert_eq!(refine::legend_rows(&long).len(), 1, "a long name is cut, never wrapped");
}
