//! The compare page's map (issue 23: "a map worth opening … also on the compare page; the
//! chosen gemeente outlined"). With two gemeenten of Drechtsteden compared, `weergave=kaart`
//! draws one figure at a glance for every gemeente of the region, the compared ones outlined
//! and the reader's own gemeente in bold, every area labelled without overlap (the checks of
//! tests/map_labels.rs); rates only, as the charts at a glance. A region without figures per
//! gemeente, or with one gemeente, gets no map and no "Kaart" choice. The browser half is
//! tests/browser/map-labels.test.mjs.

mod common;

use common::{manifest, sets};
use monitor_sociaal_domein::core::model::view_state::{Display, Page, ViewState};
use monitor_sociaal_domein::core::model::{Manifest, Unit};
use monitor_sociaal_domein::core::pages::{compare, site};

/// The map's chart width in 320, 375 and 1280 px wide windows, and some in between.
const WIDTHS: [f64; 6] = [256.0, 286.0, 341.0, 480.0, 760.0, 1118.0];

/// The compare view's panels and map for `state` (the files its page loads).
fn compare_map(m: &Manifest, state: &ViewState) -> (Vec<compare::Panel>, Vec<String>, Option<compare::CompareMap>) {
    let region = site::region(m, state).unwrap();
    let sets = sets(m, &site::files_for_page(m, state));
    let tables = site::all_tables(&sets);
    let panels = compare::panels(&tables, m, region, state);
    let views = compare::glance_views(&tables, m, region, state, &panels).into_iter().map(|l| l.label).collect();
    let map = compare::map(&tables, m, region, state, &panels);
    (panels, views, map)
}

fn drechtsteden(display: Display, measure: Option<&str>) -> ViewState {
    ViewState {
        page: Page::Compare,
        region: Some("drechtsteden".into()),
        gemeente: Some("GM0642".into()),
        gemeenten: vec!["GM0505".into(), "GM0642".into()],
        display,
        measure: measure.map(str::to_owned),
        ..ViewState::default()
    }
}

#[test]
fn two_gemeenten_compared_on_a_map_of_the_whole_region() {
    let m = manifest();
    let region = m.regions.iter().find(|r| r.id == "drechtsteden").unwrap();
    // The default view is the charts at a glance, with a way to the map; no map yet.
    let (panels, views, map) = compare_map(&m, &drechtsteden(Display::Chart, None));
    assert_eq!(views, ["Grafieken", "Kaart"]);
    assert!(map.is_none());
    // The map: the first panel's figure, every gemeente of the region.
    let (_, _, map) = compare_map(&m, &drechtsteden(Display::Map, None));
    let map = map.expect("a map on the compare page");
    assert_eq!(map.title, panels[0].title);
    let mut codes: Vec<&str> = map.view.places.iter().map(|p| p.code.as_str()).collect();
    codes.sort_unstable();
    let mut all: Vec<&str> = region.gemeenten.iter().map(String::as_str).collect();
    all.sort_unstable();
    assert_eq!(codes, all);
    // Both compared gemeenten outlined, Zwijndrecht (`gemeente=`) also in bold; the others not.
    assert_eq!(map.view.focus.as_deref(), Some("GM0642"));
    assert_eq!(map.view.outlined, ["GM0505", "GM0642"]);
    for item in map.view.option["series"][0]["data"].as_array().unwrap() {
        let outlined = ["GM0505", "GM0642"].contains(&item["name"].as_str().unwrap());
        assert_eq!(item["itemStyle"]["borderWidth"], if outlined { 3 } else { 1 }, "{item}");
    }
    let labels = monitor_sociaal_domein::core::present::charts::map::label_texts(&map.view, 341.0);
    let bold: Vec<&str> = labels.iter().filter(|l| l.bold).map(|l| l.code.as_str()).collect();
    assert_eq!(bold, ["GM0642"]);
    assert_eq!(
        monitor_sociaal_domein::core::present::charts::map::outline_note(&map.view).as_deref(),
        Some("dikke rand: Dordrecht en Zwijndrecht")
    );
    assert!(map.view.sentence.ends_with("Met een dikke rand: Dordrecht en Zwijndrecht."), "{}", map.view.sentence);
    // The table under the map: the mapped figure for every gemeente (and the region, Nederland).
    assert_eq!(map.grid.columns.len(), 1);
    for g in &region.gemeenten {
        assert!(map.grid.rows.iter().any(|r| r.id == *g), "{g} not in the table");
    }
    assert_eq!(map.focus.as_deref(), Some("GM0642"));
}

#[test]
fn every_figure_on_the_map_is_a_rate_labelled_for_every_area_without_overlap() {
    let m = manifest();
    let (panels, _, first) = compare_map(&m, &drechtsteden(Display::Map, None));
    let first = first.unwrap();
    assert!(!first.choices_open);
    let choices = first.choices;
    assert_eq!(choices.len(), panels.len());
    assert!(choices[0].current);
    // Folded under the map until the reader chooses; then open, the choice in view.
    let (_, _, chosen) = compare_map(&m, &ViewState::parse_href(&choices[1].href));
    assert!(chosen.is_some_and(|c| c.choices_open && c.choices[1].current));
    let mut failures = Vec::new();
    for (link, panel) in choices.iter().zip(&panels) {
        // Each choice is a link that maps that panel's figure.
        let state = ViewState::parse_href(&link.href);
        assert_eq!((state.page, state.display), (Page::Compare, Display::Map), "{}", link.href);
        let (_, _, map) = compare_map(&m, &state);
        let map = map.unwrap_or_else(|| panic!("{}: no map", link.href));
        assert_eq!(map.title, panel.title);
        assert!(map.choices.iter().any(|c| c.current && c.href == link.href));
        let column = &map.grid.columns[0];
        assert!(!matches!(column.unit, Unit::Aantal | Unit::Euro), "{}: a count on the map", panel.title);
        assert_eq!(map.view.places.len(), 6, "{}", panel.title);
        let geo = common::geo_of(&map.view);
        for width in WIDTHS {
            failures.extend(common::label_problems(&map.view, &geo, width, &format!("{} at {width} px", panel.table)));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn no_map_without_figures_per_gemeente_or_with_one_gemeente() {
    let m = manifest();
    for region in ["drentscheaa", "ridderkerk", "alblasserdam"] {
        let Some(r) = m.regions.iter().find(|r| r.id == region) else { continue };
        let state = ViewState {
            page: Page::Compare,
            region: Some(region.into()),
            gemeenten: r.gemeenten.iter().take(2).cloned().collect(),
            display: Display::Map,
            ..ViewState::default()
        };
        let (_, views, map) = compare_map(&m, &state);
        assert!(views.is_empty() && map.is_none(), "{region}: {views:?}");
    }
    // One gemeente chosen: nothing compared, nothing mapped.
    let one = ViewState { gemeenten: vec!["GM0505".into()], ..drechtsteden(Display::Map, None) };
    let (panels, views, map) = compare_map(&m, &one);
    assert!(panels.is_empty() && views.is_empty() && map.is_none());
}
