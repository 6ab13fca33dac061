//! Printed figures win (issue 21): where the source prints a figure, that figure is what every
//! output shows — key figure, dashboard card, profile, comparison, table, chart, summary and
//! downloads — and a recomputation from the parts that differs is shown next to it
//! ("berekend uit de delen: 80 per 1.000"), never in its place.
//!
//! The case of the issue: the samenloop table prints its totals (seed 001, line 4227:
//! `totaal . . 100 180 55 115 70 130 75 150 85 155 100 185`), while its parts are rounded to
//! fives, so they add up to other numbers (Zwijndrecht 65 + 15 = 80, the table says 85).

mod common;

use common::{manifest, sets};

use monitor_sociaal_domein::core::calc::engine;
use monitor_sociaal_domein::core::calc::grid;
use monitor_sociaal_domein::core::model::view_state::{Page, ViewState};
use monitor_sociaal_domein::core::model::{Dataset, Key, Table, Theme};
use monitor_sociaal_domein::core::pages::{self, home, indicator, profile, site, theme};
use monitor_sociaal_domein::core::present::export::{self, Provenance};
use monitor_sociaal_domein::core::read::config::Config;
use monitor_sociaal_domein::core::text::format;
use std::sync::Arc;

const TABLE: &str = "samenloop-stapeling-voorzieningen-sociaal-domein";
const ZWIJNDRECHT: &str = "GM0642";

fn samenloop(data: &[Arc<Dataset>]) -> &Table {
    data.iter().flat_map(|d| &d.tables).find(|t| t.id == TABLE).unwrap()
}

fn key(measure: &str, area: &str) -> Key {
    Key { measure: measure.into(), area: area.into(), period: "2016-H1".into(), category: None }
}

/// The printed figure of a cell, straight from the data file.
fn printed(t: &Table, measure: &str, area: &str) -> Option<f64> {
    t.value(&key(measure, area)).and_then(|v| v.value)
}

/// "85 per 1.000" for a number in the unit of the table's totals.
fn shown(t: &Table, v: f64) -> String {
    let m = t.measure("clienten_totaal").unwrap();
    format::with_unit(v, m.unit, m.decimals)
}

#[test]
fn the_printed_totals_are_the_seed_line() {
    // The data holds what the seed prints, column by column (inwoners, huishoudens per area).
    let m = manifest();
    let data = sets(&m, &["drechtsteden-samenloop.json".to_owned()]);
    let t = samenloop(&data);
    let seed = common::seed_text("001");
    let line = seed.lines().find(|l| l.starts_with("totaal . . 100 180")).expect("seed 001, line 4227");
    let printed_line: Vec<Option<f64>> = line["totaal ".len()..].split(' ').map(|w| w.parse().ok()).collect();
    let areas = t.areas();
    assert_eq!(printed_line.len(), 2 * areas.len());
    for (i, area) in areas.iter().enumerate() {
        assert_eq!(printed(t, "clienten_totaal", area), printed_line[2 * i], "{area} per 1.000 inwoners");
        assert_eq!(printed(t, "huishoudens_totaal", area), printed_line[2 * i + 1], "{area} per 1.000 huishoudens");
    }
}

#[test]
fn every_printed_derived_figure_is_the_engines_figure_and_a_differing_sum_is_a_note() {
    let r = common::bundled();
    let mut differing = Vec::new();
    for t in r.datasets.iter().flat_map(|(_, d)| &d.tables) {
        for v in &t.values {
            let (Some(p), Some(m)) = (v.value, t.measure(&v.key.measure)) else { continue };
            let f = engine::cell(t, &v.key);
            // The printed figure, whatever the formula gives.
            assert_eq!(f.number(), Some(p), "{} {:?}", t.id, v.key);
            let Some(formula) = &m.formula else { continue };
            // The recomputation is kept next to it, and named when it differs.
            let computed = f.recomputed.as_ref().and_then(|c| c.number());
            let differs = computed.filter(|c| format::round(*c, m.decimals) != format::round(p, m.decimals)).is_some();
            assert_eq!(f.computed_differently(), computed.filter(|_| differs), "{} {:?}", t.id, v.key);
            if differs {
                let note = f.computed_note().unwrap();
                assert_eq!(
                    note,
                    format!("berekend uit de delen: {}", format::with_unit(computed.unwrap(), m.unit, m.decimals))
                );
                assert!(f.how().contains("berekend uit de delen"), "{}", f.how());
                assert!(f.display_noted().starts_with(&f.display()) && f.display_noted().contains(&note));
                differing.push((t.id.clone(), v.key.clone(), formula.op));
            }
        }
    }
    // The samenloop totals of six of the seven areas (clients or households) differ from the sum
    // of their rounded parts.
    let areas: std::collections::BTreeSet<&str> =
        differing.iter().filter(|(t, _, _)| t == TABLE).map(|(_, k, _)| k.area.as_str()).collect();
    assert_eq!(areas.len(), 6, "{differing:?}");
}

#[test]
fn zwijndrecht_shows_the_printed_85_everywhere_with_the_recomputation_beside_it() {
    let m = manifest();
    let state = ViewState { gemeente: Some(ZWIJNDRECHT.into()), ..ViewState::default() };
    let region = site::region(&m, &state).unwrap().clone();
    let data = sets(&m, &site::files_for_page(&m, &state));
    let tables = site::all_tables(&data);
    let t = samenloop(&data);
    let printed_total = printed(t, "clienten_totaal", ZWIJNDRECHT).unwrap(); // 85 in the seed
    let parts: f64 = t
        .measures
        .iter()
        .filter(|x| x.id.starts_with("clienten_") && x.id != "clienten_totaal")
        .filter_map(|x| printed(t, &x.id, ZWIJNDRECHT))
        .sum(); // 65 + 15 + 0 + 0 + 0 + 0
    assert_ne!(printed_total, parts);
    let (want, note) = (shown(t, printed_total), format!("berekend uit de delen: {}", shown(t, parts)));

    // Home: the key figure.
    let cards = home::key_figures(&tables, &Config::default(), &m, &region, &state);
    let key = cards.iter().find(|c| c.theme == Theme::Samenloop.name()).unwrap();
    assert_eq!(key.value, want);
    assert!(key.sentence.as_deref().unwrap().contains(&want), "{key:?}");
    assert_eq!(key.computed.as_deref(), Some(note.as_str()));

    // Theme dashboard: the card.
    let dash = theme::dashboard(&data, Theme::Samenloop, &m, &region, &state);
    let card = dash.pillars.iter().flat_map(|p| &p.cards).find(|c| c.table == TABLE).unwrap();
    assert_eq!(card.shown, want);
    assert_eq!(card.computed.as_deref(), Some(note.as_str()));
    assert_eq!(dash.headline.as_ref().unwrap().figure.display(), want);
    // … and its comparison with Nederland uses Nederland's printed total too.
    let nl = shown(t, printed(t, "clienten_totaal", "NL01").unwrap());
    assert_eq!(card.comparison.as_ref().unwrap().other, nl);

    // Profile.
    let code = profile::profile_gemeente(&region, &state).unwrap();
    let sections = profile::profile(&tables, &m, &region, &code, &state);
    let row = sections.iter().flat_map(|s| &s.rows).find(|r| r.href.contains(TABLE) && r.gemeente.starts_with(&want));
    let row = row.unwrap_or_else(|| panic!("no profile row with {want}: {sections:?}"));
    assert_eq!(row.gemeente, format!("{want} ({note})"));

    // Indicator: table cell, comparison with Nederland, summary, chart, how.
    let ind_state = ViewState {
        page: Page::Indicator,
        indicator: Some(TABLE.into()),
        gemeente: Some(ZWIJNDRECHT.into()),
        ..ViewState::default()
    };
    let model = indicator::indicator(t, &m, &ind_state, Some("NL01"));
    let col = model.grid.columns.iter().position(|c| c.measure == "clienten_totaal").unwrap();
    let zw = model.grid.rows.iter().find(|r| r.id == ZWIJNDRECHT).unwrap();
    match pages::cell_text(&zw.cells[col]) {
        pages::CellText::Number { text, printed, .. } => {
            assert_eq!(text, want);
            assert_eq!(printed.as_deref(), Some(format!(" ({note})").as_str()));
        }
        other => panic!("{other:?}"),
    }
    let cmp = model.comparison.as_ref().unwrap();
    let row = &cmp.rows[col];
    assert_eq!(row.value, format!("{want} ({note})"));
    let nl_total = printed(t, "clienten_totaal", "NL01").unwrap();
    let m_total = t.measure("clienten_totaal").unwrap();
    // −15, not −20: both printed totals.
    assert_eq!(row.difference, format::signed_difference(printed_total - nl_total, m_total.unit, m_total.decimals));
    // The summary names the first columns (the parts); it never has the recomputed total.
    assert!(!model.summary.contains(&format!("Zwijndrecht: {}", shown(t, parts))), "{}", model.summary);
    let option: serde_json::Value = serde_json::from_str(&model.chart.option).unwrap();
    let values: Vec<f64> = option["series"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["data"].as_array().cloned().unwrap_or_default())
        .filter_map(|d| d.as_f64().or_else(|| d["value"].as_f64()))
        .collect();
    assert!(values.contains(&printed_total), "{values:?}");
    assert!(model.how.iter().any(|l| l.contains(&want) && l.contains("berekend uit de delen")), "{:?}", model.how);

    // Downloads: the printed figure, with the contradiction named.
    let g = grid::build(t, &m, None, None);
    let prov = Provenance { url: "https://example.org/?x".into(), date: "2026-01-01".into() };
    let csv = export::csv(&g, t, &m, &prov);
    assert!(csv.contains("Berekend uit de delen") && csv.contains(&note), "{csv}");
    let json: serde_json::Value = serde_json::from_str(&export::json(&g, t, &m, &prov)).unwrap();
    let zw = json["rijen"]
        .as_array()
        .or_else(|| json["data"].as_array())
        .or_else(|| {
            json.as_object().and_then(|o| {
                o.values().find_map(|v| v.as_array().filter(|a| a.iter().any(|r| r["code"] == ZWIJNDRECHT)))
            })
        })
        .unwrap()
        .iter()
        .find(|r| r["code"] == ZWIJNDRECHT)
        .unwrap()
        .clone();
    let total = zw["waarden"].as_array().unwrap().iter().find(|v| v["berekend_uit_de_delen"].is_number()).unwrap();
    assert_eq!(total["waarde"].as_f64(), Some(printed_total));
    assert_eq!(total["status"], "gepubliceerd");
    assert_eq!(total["berekend_uit_de_delen"].as_f64(), Some(parts));
}
