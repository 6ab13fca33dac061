//! Issue 27, tooltips: every point of every indicator chart of every bundled region (bars,
//! stacked bars, lines, budget panels; each period) carries the text its tooltip shows — the
//! row's name, and the figure with its unit, or why it is missing — and the option names the
//! binding's formatter. Read from the option the reader's browser gets, not from the code.

mod common;

use common::{manifest, sets};
use monitor_sociaal_domein::core::model::view_state::{Page, ViewState};
use monitor_sociaal_domein::core::pages::indicator;
use monitor_sociaal_domein::core::present::charts::tooltip;
use serde_json::Value;

#[test]
fn every_point_of_every_indicator_chart_has_its_tooltip() {
    let m = manifest();
    let (mut charts, mut points, mut missing) = (0, 0, 0);
    for region in &m.regions {
        let files: Vec<String> = m.datasets.iter().filter(|d| d.region == region.id).map(|d| d.file.clone()).collect();
        let data = sets(&m, &files);
        for table in data.iter().flat_map(|d| &d.tables) {
            let periods: Vec<Option<String>> =
                std::iter::once(None).chain(table.periods.iter().map(|p| Some(p.id.clone()))).collect();
            for period in periods {
                let state = ViewState {
                    page: Page::Indicator,
                    region: Some(region.id.clone()),
                    indicator: Some(table.id.clone()),
                    gemeente: region.gemeenten.first().cloned(),
                    period,
                    ..ViewState::default()
                };
                let model = indicator::indicator(table, &m, &state, region.reference.as_deref());
                if !model.show_chart {
                    continue;
                }
                let option: Value = serde_json::from_str(&model.chart.option).expect("an option is JSON");
                assert_eq!(option["tooltip"]["formatter"], tooltip::FORMATTER, "{}: no tooltip", table.id);
                for series in option["series"].as_array().into_iter().flatten() {
                    for point in series["data"].as_array().into_iter().flatten() {
                        let tip = point["tip"]
                            .as_str()
                            .unwrap_or_else(|| panic!("{}: a point without tip: {point}", table.id));
                        let (row, figure) = tip.split_once('\n').unwrap_or_else(|| panic!("{}: {tip:?}", table.id));
                        assert!(!row.is_empty() && !figure.is_empty(), "{}: {tip:?}", table.id);
                        let value = point.get("value").unwrap_or(point);
                        let drawn_mark = point["label"]["formatter"]
                            .as_str()
                            .filter(|_| point["itemStyle"]["borderType"] == "dashed");
                        if let Some(word) = drawn_mark {
                            // A mark drawn in place of a bar: the tooltip says why.
                            let why = ["geheim:", "niet beschikbaar:", "niet in de bron:", "niet te berekenen:"];
                            assert!(why.iter().any(|w| figure.contains(w)), "{}: {word} {tip:?}", table.id);
                            missing += 1;
                        } else if value.is_number() {
                            assert!(figure.chars().any(|c| c.is_ascii_digit()), "{}: {tip:?}", table.id);
                        }
                        points += 1;
                    }
                }
                charts += 1;
            }
        }
    }
    assert!(charts > 60 && points > 300 && missing > 0, "{charts} charts, {points} points, {missing} marks");
}

#[test]
fn a_tooltip_says_the_row_the_series_and_the_figure() {
    assert_eq!(tooltip::point_text("Zwijndrecht", "jeugdhulp", "10,7%"), "Zwijndrecht\njeugdhulp: 10,7%");
    assert_eq!(tooltip::point_text("2017", "", "€ 31.534"), "2017\n€ 31.534");
}

#[test]
fn every_area_of_a_map_has_its_tooltip() {
    use monitor_sociaal_domein::core::calc::grid;
    use monitor_sociaal_domein::core::present::charts::map;
    let m = manifest();
    let data = sets(&m, &["drechtsteden-jeugd.json".to_owned()]);
    let table = data.iter().flat_map(|d| &d.tables).find(|t| t.id == "jeugd-jongeren-in-jeugdzorg").expect("the table");
    let g = grid::build(table, &m, Some("2016-H1"), None);
    let col = g.columns.iter().position(|c| c.measure == "jeugdreclassering").expect("a column with geheim cells");
    let view = map::view(&g, col, &m, "drechtsteden", Some("GM0642")).expect("a map");
    assert_eq!(view.option["tooltip"]["formatter"], tooltip::FORMATTER);
    let tips: Vec<&str> =
        view.option["series"][0]["data"].as_array().unwrap().iter().map(|d| d["tip"].as_str().unwrap()).collect();
    assert_eq!(tips.len(), 6);
    assert!(tips.iter().any(|t| t.starts_with("Zwijndrecht\njeugdreclassering: 0,3%")), "{tips:?}");
    assert!(tips.iter().any(|t| t.starts_with("Alblasserdam\njeugdreclassering: geheim:")), "{tips:?}");
}
