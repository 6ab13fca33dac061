//! Theme dashboards (issue 13): a card per indicator per pillar, the figure for the chosen
//! gemeente or the region, the comparison in words and a sign, a small chart with the chosen
//! gemeente highlighted, marks and a link.

mod common;

use monitor_sociaal_domein::core::check::report::Report;
use monitor_sociaal_domein::core::model::{Pillar, Table, Theme};
use monitor_sociaal_domein::core::present::dashboard::{self, Direction};
use monitor_sociaal_domein::core::present::headline;

fn tables<'a>(r: &'a Report, region: &str) -> Vec<&'a Table> {
    r.datasets.iter().filter(|(_, d)| d.region == region).flat_map(|(_, d)| &d.tables).collect()
}

#[test]
fn every_table_of_a_theme_is_a_card_in_its_pillar() {
    let r = common::bundled();
    let m = r.manifest.as_ref().unwrap();
    for region in &m.regions {
        let ts = tables(&r, &region.id);
        for theme in Theme::ALL {
            let d = dashboard::build(&ts, &[], theme, m, region, None, |id| format!("?indicator={id}"));
            for pillar in Pillar::ALL {
                let expected: Vec<&str> =
                    ts.iter().filter(|t| t.theme == theme && t.pillar == pillar).map(|t| t.id.as_str()).collect();
                let cards = &d.pillars.iter().find(|p| p.pillar == pillar).unwrap().cards;
                let got: Vec<&str> = cards.iter().map(|c| c.table.as_str()).collect();
                assert_eq!(got, expected, "{} {theme:?} {pillar:?}", region.id);
                for c in cards {
                    assert_eq!(c.href, format!("?indicator={}", c.table));
                    assert!(!c.shown.is_empty() && !c.label.is_empty());
                    let place = match &c.stand_in {
                        // Another area's figure when none is chosen: the caption says whose and why.
                        Some(why) => format!("in {}, {} ({why})", c.area_name, c.period_label),
                        None => format!("in {}, {}", c.area_name, c.period_label),
                    };
                    let expected = if c.sentence.is_some() { place } else { format!("{} {place}", c.label) };
                    assert_eq!(c.caption, expected);
                }
            }
        }
    }
}

#[test]
fn cards_follow_the_chosen_gemeente_and_compare_in_words() {
    let r = common::bundled();
    let m = r.manifest.as_ref().unwrap();
    let region = m.regions.iter().find(|x| x.id == "drechtsteden").unwrap();
    let ts = tables(&r, "drechtsteden");
    let d = dashboard::build(&ts, &[], Theme::Jeugd, m, region, Some("GM0642"), |id| id.to_owned());
    assert_eq!(d.area_name, "Zwijndrecht");
    let gebruik = &d.pillars[0].cards;
    let card = gebruik.iter().find(|c| c.table == "jeugd-jongeren-in-jeugdzorg").unwrap();
    assert_eq!(card.area_name, "Zwijndrecht");
    assert_eq!(card.label, "jeugdhulp");
    // The sentence says what the figure is: next to the number, only where and when.
    assert_eq!(card.caption, format!("in Zwijndrecht, {}", card.period_label));
    let sentence = card.sentence.as_deref().unwrap();
    assert!(sentence.contains("Zwijndrecht") && sentence.contains(&card.shown), "{sentence}");
    // Zwijndrecht against Nederland, in words and with a sign that matches the numbers.
    let cmp = card.comparison.as_ref().expect("a comparison with Nederland");
    assert_eq!(cmp.other_name, "Nederland");
    let (mine, theirs) = (card.figure.number().unwrap(), parse_nl(&cmp.other));
    let expected = if mine > theirs {
        Direction::Hoger
    } else if mine < theirs {
        Direction::Lager
    } else {
        Direction::Gelijk
    };
    assert_eq!(cmp.direction, expected);
    assert!(cmp.words.starts_with(expected.word()), "{}", cmp.words);
    // The small chart has every gemeente and Zwijndrecht highlighted, Nederland as a line.
    let (json, height) = card.chart.as_ref().unwrap();
    assert!(*height >= 6 * 20);
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    let labels = v["yAxis"]["data"].as_array().unwrap();
    assert_eq!(labels.len(), 6);
    let bold: Vec<&serde_json::Value> = labels.iter().filter(|l| l["textStyle"]["fontWeight"] == "bold").collect();
    assert_eq!(bold.len(), 1);
    assert_eq!(bold[0]["value"], "Zwijndrecht");
    assert!(json.contains("\"markLine\"") && card.chart_text.contains("NL"), "{}", card.chart_text);
    assert!(!json.contains("function"));
}

#[test]
fn missing_figures_say_why_and_counts_are_not_compared_with_nederland() {
    let r = common::bundled();
    let m = r.manifest.as_ref().unwrap();
    let region = m.regions.iter().find(|x| x.id == "drechtsteden").unwrap();
    let ts = tables(&r, "drechtsteden");
    // Alblasserdam's samenloop figures were not published.
    let d = dashboard::build(&ts, &[], Theme::Samenloop, m, region, Some("GM0482"), |id| id.to_owned());
    let card =
        d.pillars[0].cards.iter().find(|c| c.table == "samenloop-stapeling-voorzieningen-sociaal-domein").unwrap();
    assert!(card.figure.number().is_none());
    assert_eq!(card.shown, "n.b.");
    assert!(card.missing.as_deref().unwrap().contains("niet beschikbaar"), "{:?}", card.missing);
    assert!(card.comparison.is_none());
    assert!(card.sentence.is_none(), "no sentence about a figure that is not there");
    assert!(card.chart_text.contains("Alblasserdam n.b."), "{}", card.chart_text);
    // The theme's headline still has a figure.
    assert!(headline::usable(&d.headline.as_ref().unwrap().figure));
    // Counts (meldingen) are never compared with Nederland.
    let d = dashboard::build(&ts, &[], Theme::Jeugd, m, region, Some("GM0505"), |id| id.to_owned());
    let card = d.pillars[0].cards.iter().find(|c| c.table == "jeugd-meldingen-mo-platform").unwrap();
    assert!(card.comparison.is_none());
}

#[test]
fn a_budget_card_shows_exhaustion_with_the_100_percent_line() {
    let r = common::bundled();
    let m = r.manifest.as_ref().unwrap();
    let region = m.regions.iter().find(|x| x.id == "ridderkerk").unwrap();
    let ts = tables(&r, "ridderkerk");
    let d = dashboard::build(&ts, &[], Theme::Participatie, m, region, None, |id| id.to_owned());
    let budget = &d.pillars.iter().find(|p| p.pillar == Pillar::Budgetten).unwrap().cards;
    let buig = budget.iter().find(|c| c.table == "participatie-ridderkerk-buig-budget").unwrap();
    assert_eq!(buig.shown, "105,6%");
    assert_eq!(buig.period_label, "2018");
    assert!(buig.chart_text.contains("2016 99,7%") && buig.chart_text.contains("2017 112,1%"), "{}", buig.chart_text);
    assert!(buig.chart.as_ref().unwrap().0.contains("\"xAxis\":100.0"));
}

/// "7,9%" → 7.9
fn parse_nl(s: &str) -> f64 {
    s.trim_end_matches('%').replace('.', "").replace(',', ".").trim().parse().unwrap()
}

#[test]
fn compare_panels_per_indicator_with_nederland_as_a_line_and_units_once() {
    use monitor_sociaal_domein::core::model::view_state::ViewState;
    use monitor_sociaal_domein::core::pages::compare;
    let r = common::bundled();
    let m = r.manifest.as_ref().unwrap();
    let ts = tables(&r, "drechtsteden");
    let region = m.regions.iter().find(|x| x.id == "drechtsteden").unwrap();
    let state = ViewState { gemeenten: vec!["GM0505".to_owned(), "GM0642".to_owned()], ..ViewState::default() };
    let panels = compare::panels(&ts, m, region, &state);
    assert!(panels.len() >= 5, "{}", panels.len());
    let p = panels.iter().find(|p| p.table == "jeugd-jongeren-in-jeugdzorg").unwrap();
    assert!(
        p.text.starts_with("jeugdhulp: Dordrecht") && p.text.contains("Zwijndrecht") && p.text.contains("Nederland"),
        "{}",
        p.text
    );
    let v: serde_json::Value = serde_json::from_str(&p.chart.0).unwrap();
    assert_eq!(v["yAxis"]["data"].as_array().unwrap().len(), 2);
    assert!(v["series"][0]["markLine"]["data"][0]["xAxis"].is_number());
    for p in &panels {
        assert!(!p.title.contains("(%) (%)") && p.title.matches("(%)").count() <= 1, "{}", p.title);
        assert!(!p.title.contains(") (per 1.000)"), "{}", p.title);
    }
}

#[test]
fn headers_write_the_unit_once() {
    use monitor_sociaal_domein::core::calc::grid;
    let r = common::bundled();
    let m = r.manifest.as_ref().unwrap();
    for t in r.datasets.iter().flat_map(|(_, d)| &d.tables) {
        let g = grid::build(t, m, None, None);
        for c in &g.columns {
            let h = c.header();
            let unit = c.unit.id();
            assert!(h.matches(unit).count() <= 1 || c.label.matches(unit).count() > 1, "{}: {h}", t.id);
        }
    }
}

#[test]
fn the_indicator_model_offers_a_map_for_figures_per_gemeente_and_marks_the_chosen_one() {
    use monitor_sociaal_domein::core::model::view_state::{Display, ViewState};
    use monitor_sociaal_domein::core::pages::indicator;
    let r = common::bundled();
    let m = r.manifest.as_ref().unwrap();
    let t = r.datasets.iter().flat_map(|(_, d)| &d.tables).find(|t| t.id == "jeugd-jongeren-in-jeugdzorg").unwrap();
    let state = ViewState {
        indicator: Some(t.id.clone()),
        gemeente: Some("GM0642".into()),
        display: Display::Map,
        ..ViewState::default()
    };
    let model = indicator::indicator_in(t, m, &state, Some("NL01"), Some("drechtsteden"));
    assert!(!model.show_chart);
    assert_eq!(model.focus.as_deref(), Some("GM0642"));
    let map = model.map.as_ref().expect("a map");
    assert_eq!(map.places.len(), 6);
    let link = model.map_link.as_ref().unwrap();
    assert!(link.current && link.href.contains("weergave=kaart"));
    assert!(!model.table_link.current && !model.chart_link.current);
    // A budget table over years has no map, and asking for one shows the chart.
    let b =
        r.datasets.iter().flat_map(|(_, d)| &d.tables).find(|t| t.id == "participatie-ridderkerk-buig-budget").unwrap();
    let model = indicator::indicator_in(b, m, &state, Some("NL01"), Some("ridderkerk"));
    assert!(model.map.is_none() && model.map_link.is_none() && model.show_chart);
}
