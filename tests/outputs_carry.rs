//! Issue 21, "outputs carry what the page carries": over every bundled table and every period
//! view the indicator page offers, what the page says about the table besides the figures —
//! its note, its footnotes, the meaning of the marks in these figures, the printed figures whose
//! recomputation differs ("berekend uit de delen"), the contradictions recorded with the table
//! and the contradictions between the running text and the table (with their grade in words) —
//! is in the CSV, in the JSON, in the image's footer and in the compact embed.
//!
//! Expectations come from the data (the table, the grid the page shows, the cross checks over
//! the files the page loads) and are first checked against the page model; nothing is written out.

mod common;

use monitor_sociaal_domein::core::check::crosscheck::{self, Finding};
use monitor_sociaal_domein::core::model::view_state::{Page, ViewState};
use monitor_sociaal_domein::core::model::*;
use monitor_sociaal_domein::core::pages::{indicator, site};
use monitor_sociaal_domein::core::present::export::Provenance;
use monitor_sociaal_domein::core::present::remarks;
use serde_json::Value as Json;
use std::collections::BTreeMap;

/// One thing the page says: what it is, its text, and the grade words that must stand with it.
struct Said {
    what: &'static str,
    text: String,
    grade: Option<String>,
}

/// Every string in a JSON document.
fn strings(v: &Json, out: &mut Vec<String>) {
    match v {
        Json::String(s) => out.push(s.clone()),
        Json::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Json::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

/// The findings that touch `table` on its page, derived from the cross checks' own fields:
/// those naming the table, and those about a statement restating one of its cells.
fn touching<'a>(outcome: &'a crosscheck::Outcome, sets: &[&Dataset], table: &str) -> Vec<&'a Finding> {
    let restating: Vec<&str> = sets
        .iter()
        .flat_map(|d| &d.narrative.statements)
        .filter(|s| s.cell.as_ref().is_some_and(|c| c.table == table))
        .map(|s| s.id.as_str())
        .collect();
    outcome
        .findings
        .iter()
        .filter(|f| f.tables.iter().any(|t| t == table) || f.statements.iter().any(|s| restating.contains(&s.as_str())))
        .collect()
}

/// What the page says about this view of the table, from the data and the page's grid.
fn expected(table: &Table, model: &indicator::IndicatorModel, findings: &[&Finding]) -> Vec<Said> {
    let said = |what, text: &str| Said { what, text: text.to_owned(), grade: None };
    let mut out: Vec<Said> = Vec::new();
    out.extend(table.note.iter().filter(|n| !n.trim().is_empty()).map(|n| said("toelichting", n)));
    out.extend(table.definitions.iter().filter(|n| !n.trim().is_empty()).map(|n| said("voetnoot", n)));
    out.extend(table.inconsistencies.iter().map(|i| said("inconsistentie", &i.description)));
    out.extend(findings.iter().map(|f| Said {
        what: "tegenspraak",
        text: f.description.clone(),
        grade: Some(f.grade.name().to_owned()),
    }));
    let cells = || model.grid.rows.iter().flat_map(|r| &r.cells);
    out.extend(cells().filter_map(|f| f.computed_note()).map(|n| said("berekend uit de delen", &n)));
    if cells().any(|f| f.is_secret()) {
        out.push(said("teken geheim", remarks::SECRET));
    }
    out.extend(model.provisional_legend.iter().map(|l| said("teken voorlopig", l)));
    out
}

/// The page model shows it: the page renders `model.remarks` (note, footnotes, inconsistencies,
/// the list of contradictions), and names the marks and recomputed figures from it.
fn on_page(model: &indicator::IndicatorModel, s: &Said) -> bool {
    let r = &model.remarks;
    match s.what {
        "toelichting" => r.note.as_deref() == Some(s.text.as_str()),
        "voetnoot" => r.footnotes.contains(&s.text),
        "inconsistentie" => r.inconsistencies.contains(&s.text),
        "tegenspraak" => r.contradictions.iter().any(|c| c.description == s.text && Some(&c.grade) == s.grade.as_ref()),
        "berekend uit de delen" => r.recomputed.iter().any(|l| l.contains(&s.text)),
        _ => r.marks.iter().any(|m| m.contains(&s.text)),
    }
}

/// Some piece of `pieces` holds the text (and the grade beside it).
fn carried(pieces: &[String], s: &Said) -> bool {
    pieces.iter().any(|p| p.contains(&s.text) && s.grade.as_ref().is_none_or(|g| p.contains(g.as_str())))
}

#[derive(Default)]
struct Tally {
    tables: usize,
    views: usize,
    per_kind: BTreeMap<&'static str, usize>,
    checks: usize,
    failures: Vec<String>,
}

fn views(table: &Table, manifest: &Manifest, base: &ViewState, reference: Option<&str>) -> Vec<ViewState> {
    let model = indicator::indicator_in(table, manifest, base, reference, None);
    let mut out = vec![base.clone()];
    for link in &model.periods {
        let v = ViewState::parse(&link.href);
        if !out.iter().any(|x| x.period == v.period) {
            out.push(ViewState { period: v.period, ..base.clone() });
        }
    }
    out
}

fn check_view(
    table: &Table,
    manifest: &Manifest,
    state: &ViewState,
    region: &Region,
    found: &[&Finding],
    tally: &mut Tally,
) {
    let contradictions = remarks::contradictions(found);
    let place = (region.reference.as_deref(), Some(region.id.as_str()));
    let model = indicator::indicator_with(table, manifest, state, place, &contradictions);
    let provenance = Provenance { url: "https://example.org/?x".into(), date: "2026-01-31".into() };
    let files = indicator::downloads(&model, table, manifest, &provenance);
    let csv_lines: Vec<String> = files.csv.split("\r\n").map(|l| l.replace("\"\"", "\"")).collect();
    let mut json_strings = Vec::new();
    strings(&serde_json::from_str(&files.json).expect("JSON download parses"), &mut json_strings);
    let spec: Json = serde_json::from_str(&files.image).expect("image spec parses");
    let footer: Vec<String> = spec["voet"].as_array().unwrap().iter().map(|l| l.as_str().unwrap().to_owned()).collect();
    let outputs: [(&str, &[String]); 4] =
        [("CSV", &csv_lines), ("JSON", &json_strings), ("beeld", &footer), ("insluiten", &model.compact.remarks)];
    let ctx = format!("{} [{}] ({})", table.id, state.period.as_deref().unwrap_or("standaard"), region.id);
    for s in expected(table, &model, found) {
        *tally.per_kind.entry(s.what).or_default() += 1;
        if !on_page(&model, &s) {
            tally.failures.push(format!("{ctx}: the page does not show the {} «{}»", s.what, s.text));
        }
        for (name, pieces) in outputs {
            tally.checks += 1;
            if !carried(pieces, &s) {
                let grade = s.grade.as_deref().map_or(String::new(), |g| format!(" with «{g}»"));
                tally.failures.push(format!("{ctx}: {name} misses the {} «{}»{grade}", s.what, s.text));
            }
        }
    }
}

#[test]
fn every_output_carries_what_the_indicator_page_says_about_its_table() {
    let report = common::bundled();
    let manifest = report.manifest.as_ref().expect("bundled manifest");
    let mut tally = Tally::default();
    for region in &manifest.regions {
        let own: Vec<&(String, Dataset)> = report.datasets.iter().filter(|(_, d)| d.region == region.id).collect();
        for table in own.iter().flat_map(|(_, d)| &d.tables) {
            let base = ViewState {
                page: Page::Indicator,
                region: Some(region.id.clone()),
                indicator: Some(table.id.clone()),
                ..ViewState::default()
            };
            // The files the indicator page loads, and the cross checks the page runs over them.
            let names = site::files_for_page(manifest, &base);
            let sets: Vec<&Dataset> =
                report.datasets.iter().filter(|(n, _)| names.contains(n)).map(|(_, d)| d).collect();
            let outcome = crosscheck::run_loaded(&sets, manifest);
            let found = touching(&outcome, &sets, &table.id);
            tally.tables += 1;
            for state in views(table, manifest, &base, region.reference.as_deref()) {
                tally.views += 1;
                check_view(table, manifest, &state, region, &found, &mut tally);
            }
        }
    }
    let kinds: Vec<String> = tally.per_kind.iter().map(|(k, v)| format!("{k} {v}")).collect();
    println!(
        "{} tables, {} views; remarks per kind: {}; {} output checks; {} failures",
        tally.tables,
        tally.views,
        kinds.join(", "),
        tally.checks,
        tally.failures.len()
    );
    assert!(tally.tables > 0 && tally.checks > 0);
    // The bundled data has footnotes and contradictions between text and tables: the test
    // must have met them (counted from the data, not named).
    let has = |f: &dyn Fn(&Table) -> bool| report.datasets.iter().flat_map(|(_, d)| &d.tables).any(f);
    if has(&|t| !t.definitions.is_empty()) {
        assert!(tally.per_kind.get("voetnoot").is_some_and(|n| *n > 0));
    }
    let failures: Vec<&String> = tally.failures.iter().take(40).collect();
    assert!(tally.failures.is_empty(), "{} failures, first ones:\n{failures:#?}", tally.failures.len());
}
