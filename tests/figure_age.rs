//! Issue 23, "how old?": every dashboard card and every indicator page says how old its figure
//! is (the years of its period, the year of its report), checked against the data of every
//! bundled region; and the theme page's heading names the chosen gemeente.

mod common;

use common::{manifest, sets};
use monitor_sociaal_domein::core::model::view_state::{Page, ViewState};
use monitor_sociaal_domein::core::model::{Dataset, Manifest, Theme};
use monitor_sociaal_domein::core::pages::{indicator, theme};
use monitor_sociaal_domein::core::present::age;
use std::sync::Arc;

/// The four-digit years written in a line.
fn written(line: &str) -> Vec<u32> {
    line.split(|c: char| !c.is_ascii_digit()).filter(|w| w.len() == 4).filter_map(|w| w.parse().ok()).collect()
}

/// The region's files of every theme, with the view of the region (and a gemeente, if given).
fn region_data(m: &Manifest, region: &str, gemeente: Option<&str>) -> (ViewState, Vec<Arc<Dataset>>) {
    let state = ViewState {
        page: Page::Theme,
        region: Some(region.to_owned()),
        gemeente: gemeente.map(str::to_owned),
        ..ViewState::default()
    };
    let files: Vec<String> = m.datasets.iter().filter(|d| d.region == region).map(|d| d.file.clone()).collect();
    (state, sets(m, &files))
}

#[test]
fn every_card_of_every_region_says_how_old_its_figure_is() {
    let m = manifest();
    let mut cards = 0;
    for region in &m.regions {
        for gemeente in [None, region.gemeenten.first().map(String::as_str)] {
            let (state, data) = region_data(&m, &region.id, gemeente);
            let statements: Vec<_> = data.iter().flat_map(|d| &d.narrative.statements).collect();
            for t in Theme::ALL {
                let state = ViewState { theme: Some(t.id().to_owned()), ..state.clone() };
                let board = theme::dashboard(&data, t, &m, region, &state);
                for card in board.pillars.iter().flat_map(|p| &p.cards) {
                    let table = data.iter().flat_map(|d| &d.tables).find(|x| x.id == card.table).unwrap();
                    // The report and the periods the card may come from: its table's, or for a
                    // budget fact from the running text, that sentence's.
                    let quoted = statements.iter().filter(|s| card.quote.as_deref() == Some(s.quote.as_str()));
                    let mut reports: Vec<u32> = m.seed(&table.source.seed).map(|s| s.year).into_iter().collect();
                    let mut periods: Vec<u32> = table.periods.iter().flat_map(|p| age::years(&p.id)).collect();
                    for s in quoted {
                        reports.extend(m.seed(&s.place.seed).map(|s| s.year));
                        periods.extend(age::years(&s.period.id));
                    }
                    let line = card.age.as_deref().unwrap_or_else(|| panic!("{}: no age line", card.table));
                    // "Cijfers over 2016, uit een rapport van 2017.", or for a period without a
                    // year ("structureel") only "Uit een rapport van 2014."
                    let (about, report) = match line.split_once(", uit een rapport van ") {
                        Some((about, report)) => (about, report),
                        None => ("", line.strip_prefix("Uit een rapport van ").unwrap_or("")),
                    };
                    assert!(
                        written(report).iter().any(|y| reports.contains(y)),
                        "{}: {line:?} does not name the report's year {reports:?}",
                        card.table
                    );
                    let years = written(about);
                    assert!(
                        years.iter().all(|y| periods.contains(y)),
                        "{}: {line:?} names a year that is not of its periods {periods:?}",
                        card.table
                    );
                    // A year of the card's own period, whenever its period has one.
                    let own = written(&card.period_label);
                    assert_eq!(
                        years.is_empty(),
                        own.is_empty(),
                        "{}: {line:?} for {:?}",
                        card.table,
                        card.period_label
                    );
                    assert!(own.iter().all(|y| years.contains(y)), "{}: {line:?}", card.table);
                    cards += 1;
                }
            }
        }
    }
    assert!(cards >= 60, "{cards} cards checked");
}

#[test]
fn every_indicator_page_says_how_old_its_figures_are() {
    let m = manifest();
    let mut pages = 0;
    for region in &m.regions {
        let (state, data) = region_data(&m, &region.id, None);
        for table in data.iter().flat_map(|d| &d.tables) {
            let state = ViewState { page: Page::Indicator, indicator: Some(table.id.clone()), ..state.clone() };
            let model = indicator::indicator(table, &m, &state, region.reference.as_deref());
            let line = model.age.unwrap_or_else(|| panic!("{}: no age line", table.id));
            let report = m.seed(&table.source.seed).map(|s| s.year).unwrap();
            assert!(line.ends_with(&format!(", uit een rapport van {report}.")), "{}: {line:?}", table.id);
            let periods: Vec<u32> = table.periods.iter().flat_map(|p| age::years(&p.id)).collect();
            assert!(written(&line).iter().filter(|y| **y != report).all(|y| periods.contains(y)), "{}", table.id);
            pages += 1;
        }
    }
    assert!(pages > 30, "{pages} indicator pages");
}

#[test]
fn the_age_line_reads_every_kind_of_period() {
    assert_eq!(age::line("2016", Some(2017)).as_deref(), Some("Cijfers over 2016, uit een rapport van 2017."));
    assert_eq!(age::line("2016-H1", Some(2017)).as_deref(), Some("Cijfers over 2016, uit een rapport van 2017."));
    assert_eq!(
        age::line("2015-2017", Some(2019)).as_deref(),
        Some("Cijfers over 2015 tot en met 2017, uit een rapport van 2019.")
    );
    assert_eq!(age::line("2016-12-31", Some(2017)).as_deref(), Some("Cijfers over 2016, uit een rapport van 2017."));
}

#[test]
fn the_theme_heading_names_the_chosen_gemeente() {
    let m = manifest();
    let region = m.regions.iter().find(|r| r.id == "drechtsteden").unwrap();
    let state = ViewState {
        page: Page::Theme,
        region: Some("drechtsteden".into()),
        theme: Some("jeugd".into()),
        gemeente: Some("GM0642".into()),
        ..ViewState::default()
    };
    assert_eq!(
        theme::heading(Theme::Jeugd, &m, region, &state),
        ("Jeugdhulp in Zwijndrecht".to_owned(), Some("Een gemeente in de regio Drechtsteden.".to_owned()))
    );
    let none = ViewState { gemeente: None, ..state.clone() };
    assert_eq!(theme::heading(Theme::Jeugd, &m, region, &none), ("Jeugdhulp in Drechtsteden".to_owned(), None));
    // A gemeente of another region is not this page's place.
    let elsewhere = ViewState { gemeente: Some("GM9999".into()), ..state };
    assert_eq!(theme::heading(Theme::Jeugd, &m, region, &elsewhere), ("Jeugdhulp in Drechtsteden".to_owned(), None));
}
