//! The map's labels (issue 23), over every bundled table that has a map view, every period and
//! every column, with and without a chosen gemeente, laid out for the chart widths of a 320 px
//! and a 375 px phone and a desktop: every gemeente has a label with its name and figure, every
//! label is inside the chart, and no two label boxes overlap nor cover another area's anchor.
//! The browser half (the drawn text measured) is tests/browser/map-labels.test.mjs.

mod common;

use common::geo;
use monitor_sociaal_domein::core::calc::grid;
use monitor_sociaal_domein::core::present::charts::map::{self, MapView};
use monitor_sociaal_domein::core::present::charts::map_layout::{self, Geo, Rect};

/// Chart widths: the map's container at 320, 375 and 1280 px wide windows (the page's margins
/// taken off), and a few in between.
const WIDTHS: [f64; 7] = [256.0, 286.0, 300.0, 341.0, 480.0, 760.0, 1118.0];

/// Every map the bundled data has: (what, view, region).
fn every_map() -> Vec<(String, MapView, String)> {
    let r = common::bundled();
    let m = r.manifest.as_ref().unwrap();
    let mut out = Vec::new();
    for t in r.datasets.iter().flat_map(|(_, d)| &d.tables) {
        for region in &m.regions {
            if region.gemeenten.len() < 2 {
                continue;
            }
            let periods = std::iter::once(None).chain(t.periods.iter().map(|p| Some(p.id.as_str())));
            for period in periods {
                let g = grid::build(t, m, period, None);
                for column in 0..g.columns.len() {
                    for focus in [None, region.gemeenten.first().map(String::as_str)] {
                        if let Some(v) = map::view(&g, column, m, &region.id, focus) {
                            out.push((
                                format!("{} {} {period:?} kolom {column} {focus:?}", region.id, t.id),
                                v,
                                region.id.clone(),
                            ));
                        }
                    }
                }
            }
        }
    }
    out
}

#[test]
fn every_area_labelled_and_no_labels_overlap() {
    let maps = every_map();
    assert!(maps.len() >= 10, "maps: {}", maps.len());
    let mut failures = Vec::new();
    for (what, view, _) in &maps {
        let geo = common::geo_of(view);
        for width in WIDTHS {
            failures.extend(common::label_problems(view, &geo, width, &format!("{what} at {width} px")));
        }
    }
    assert!(failures.is_empty(), "{} problems, first: {:#?}", failures.len(), &failures[..failures.len().min(20)]);
}

#[test]
fn the_map_follows_the_region_and_the_width() {
    let maps = every_map();
    let (_, view, _) = maps.iter().find(|(_, _, r)| r == "drechtsteden").unwrap();
    let g = common::geo_of(view);
    for width in WIDTHS {
        let l = map::labels(view, &g, width);
        // The map's box has the region's aspect, fills the width on a phone and is not higher
        // than needed: at most the map, its labels and small margins.
        assert!((l.map.w / l.map.h - g.aspect()).abs() < 1e-9);
        assert!(l.map.w <= width && (width > 700.0 || l.map.w >= width * 0.8), "{width}: {:?}", l.map);
        let lowest = l.labels.iter().map(|p| p.rect.y + p.rect.h).fold(l.map.y + l.map.h, f64::max);
        assert!(l.height <= lowest + 4.0, "{width}: {} > {lowest}", l.height);
    }
    // The drawn option puts the map series in that box and a text per gemeente.
    let (option, height) = map::drawn(view, &g, 341.0);
    let series = &option["series"][0];
    assert!(series["left"].is_number() && series["width"].is_number());
    let texts = option["graphic"]["elements"].as_array().unwrap().iter().filter(|e| e["type"] == "text").count();
    assert_eq!(texts, view.places.len());
    assert!(height > 200 && height < 500, "{height}");
}

#[test]
fn anchors_lie_inside_their_area() {
    let g = geo("drechtsteden");
    let frame = Rect { x: 0.0, y: 0.0, w: 600.0, h: 600.0 / g.aspect() };
    for a in &g.areas {
        let ring: Vec<[f64; 2]> = a.rings[0].iter().map(|p| g.project(&frame, *p)).collect();
        let p = map_layout::anchor(&ring);
        let inside = (0..ring.len()).fold(false, |inside, i| {
            let (u, v) = (ring[i], ring[(i + 1) % ring.len()]);
            inside ^ ((u[1] > p[1]) != (v[1] > p[1]) && p[0] < (v[0] - u[0]) * (p[1] - u[1]) / (v[1] - u[1]) + u[0])
        });
        assert!(inside, "{}: {p:?}", a.name);
    }
}

#[test]
fn boundaries_that_are_not_geojson_are_refused() {
    assert!(Geo::parse("{}").is_err());
    assert!(Geo::parse("[1,2]").is_err());
    assert!(Geo::parse(
        r#"{"features":[{"properties":{"statcode":"GM1"},"geometry":{"type":"Point","coordinates":[4,52]}}]}"#
    )
    .is_err());
}

#[test]
fn any_measure_can_be_mapped() {
    use monitor_sociaal_domein::core::model::view_state::{Display, Page, ViewState};
    use monitor_sociaal_domein::core::model::Unit;
    use monitor_sociaal_domein::core::pages::indicator;
    let r = common::bundled();
    let m = r.manifest.as_ref().unwrap();
    let mut seen = 0;
    for t in r.datasets.iter().flat_map(|(_, d)| &d.tables) {
        let state = ViewState {
            page: Page::Indicator,
            indicator: Some(t.id.clone()),
            display: Display::Map,
            ..ViewState::default()
        };
        let model = indicator::indicator_in(t, m, &state, None, Some("drechtsteden"));
        if model.map.is_none() || model.grid.columns.len() < 2 {
            assert!(model.map_measures.is_empty(), "{}", t.id);
            continue;
        }
        seen += 1;
        assert_eq!(model.map_measures.len(), model.grid.columns.len(), "{}", t.id);
        // By default a rate, never a raw count when the table has a rate (issues 25 and 27).
        let default = map::column_of(&model.grid, None);
        assert!(model.map_measures[default].current, "{}", t.id);
        if model.grid.columns.iter().any(|c| matches!(c.unit, Unit::Procent | Unit::Per1000)) {
            assert!(matches!(model.grid.columns[default].unit, Unit::Procent | Unit::Per1000), "{}", t.id);
        }
        // Following the last link maps the last column.
        let last = model.map_measures.last().unwrap();
        assert!(last.href.contains("maat="), "{}", last.href);
        let next = ViewState::parse_href(&last.href);
        let chosen = indicator::indicator_in(t, m, &next, None, Some("drechtsteden"));
        assert_eq!(chosen.map.as_ref().map(|v| v.column.clone()), model.grid.columns.last().map(|c| c.label.clone()));
        assert!(chosen.map_measures.last().unwrap().current);
    }
    assert!(seen >= 1, "a bundled table with several measures on the map");
}
