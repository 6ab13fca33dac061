//! The view models (`core::pages`) on the bundled data: what each page shows, computed natively,
//! checked against the figures the source publication prints.

mod common;

use common::{manifest, sets};

use monitor_sociaal_domein::core::kit::datacheck;
use monitor_sociaal_domein::core::model::view_state::{Display, Page, ViewState};
use monitor_sociaal_domein::core::model::Theme;
use monitor_sociaal_domein::core::pages::{compare, find, home, indicator, profile, site, theme};
use monitor_sociaal_domein::core::read::config::Config;

fn indicator_state(gemeente: Option<&str>) -> ViewState {
    ViewState {
        page: Page::Indicator,
        indicator: Some("jeugd-jongeren-in-jeugdzorg".into()),
        gemeente: gemeente.map(str::to_owned),
        ..ViewState::default()
    }
}

#[test]
fn an_indicator_page_needs_only_its_theme_file() {
    let m = manifest();
    assert_eq!(site::files_for_page(&m, &indicator_state(None)), vec!["drechtsteden-jeugd.json"]);
    let home = site::files_for_page(&m, &ViewState::default());
    assert!(home.len() > 1 && home.iter().all(|f| f.starts_with("drechtsteden-")), "{home:?}");
    let find = ViewState { page: Page::Find, query: Some(" ".into()), ..ViewState::default() };
    assert!(site::files_for_page(&m, &find).is_empty(), "no search words, no files");
    let compare = ViewState { page: Page::Compare, gemeenten: vec!["GM0505".into()], ..ViewState::default() };
    assert!(site::files_for_page(&m, &compare).is_empty(), "one gemeente is no comparison");
}

#[test]
fn the_indicator_model_for_zwijndrecht_matches_the_source() {
    let m = manifest();
    let state = indicator_state(Some("GM0642"));
    let data = sets(&m, &site::files_for_page(&m, &state));
    let tables = site::all_tables(&data);
    let table = tables.iter().find(|t| t.id == "jeugd-jongeren-in-jeugdzorg").unwrap();
    let model = indicator::indicator(table, &m, &state, Some("NL01"));
    assert!(model.summary.contains("in Zwijndrecht: 10,7%, meer dan in Nederland (8,2%)"), "{}", model.summary);
    let comparison = model.comparison.as_ref().expect("comparison with Nederland");
    assert_eq!(comparison.caption, "Zwijndrecht vergeleken met Nederland");
    assert!(comparison.rows.iter().any(|r| r.difference.contains("+2,5 procentpunt")), "{:?}", comparison.rows);
    assert!(model.show_chart && model.chart_link.current && !model.table_link.current);
    assert!(model.table_link.href.contains("weergave=tabel") && model.table_link.href.contains("gemeente=GM0642"));
    assert!(model.chart.option.contains("\"series\""), "the chart option is ECharts JSON");
    assert_eq!(model.title_id, "titel-jeugd-jongeren-in-jeugdzorg");
    // Another gemeente changes the summary and the comparison, not the table's identity.
    let other = indicator::indicator(table, &m, &indicator_state(Some("GM0505")), Some("NL01"));
    assert_ne!(other.summary, model.summary);
    assert_eq!(other.grid.rows.len(), model.grid.rows.len());
    // Without a gemeente there is no comparison; a table view shows no chart.
    let plain = indicator::indicator(table, &m, &indicator_state(None), Some("NL01"));
    assert!(plain.comparison.is_none());
    let as_table = ViewState { display: Display::Table, ..indicator_state(None) };
    assert!(!indicator::indicator(table, &m, &as_table, Some("NL01")).show_chart);
}

#[test]
fn home_key_figures_profile_compare_theme_and_find() {
    let m = manifest();
    let state = ViewState { gemeente: Some("GM0642".into()), ..ViewState::default() };
    let region = site::region(&m, &state).unwrap().clone();
    let data = sets(&m, &site::files_for_page(&m, &state));
    let tables = site::all_tables(&data);

    let cards = home::key_figures(&tables, &Config::default(), &m, &region, &state);
    assert!(!cards.is_empty() && cards.iter().all(|c| c.area == "Zwijndrecht"), "{cards:?}");
    // Next to the number: only the place when the sentence says what it counts.
    for c in &cards {
        match c.sentence {
            Some(_) => assert_eq!(c.caption, "in Zwijndrecht", "{c:?}"),
            None => {
                assert!(c.caption.len() > "in Zwijndrecht".len() && c.caption.ends_with(" in Zwijndrecht"), "{c:?}");
                assert_eq!(c.context.as_deref(), Some(format!("Uit: {}", c.title).as_str()));
            }
        }
    }
    assert!(cards.iter().any(|c| c.sentence.is_some()), "{cards:?}");
    // The region on its own has no figure of the marked kind for the Participatiewet: the
    // fallback is a whole figure, with the table it comes from (it used to be "644 instroom – < 50%").
    let whole_region = ViewState::default();
    let region_cards = home::key_figures(&tables, &Config::default(), &m, &region, &whole_region);
    let part = region_cards.iter().find(|c| c.theme == "Participatiewet").expect("a Participatiewet figure");
    assert_eq!(
        (part.value.as_str(), part.caption.as_str(), part.sentence.as_deref(), part.context.as_deref()),
        ("18,9%", "statushouders in Drechtsteden", None, Some("Uit: Waarom mensen in 2016 in de bijstand kwamen (%)"))
    );
    assert!(cards.iter().all(|c| c.href.contains("pagina=indicator")));
    assert!(home::featured(&tables).is_some());
    assert_eq!(
        home::theme_links(&Config::default(), &m, &region, &state).first().map(|l| l.label.as_str()),
        Some("Jeugdhulp")
    );

    let code = profile::profile_gemeente(&region, &state).unwrap();
    let sections = profile::profile(&tables, &m, &region, &code, &state);
    assert!(sections.iter().any(|s| s.rows.iter().any(|r| r.gemeente == "10,7%")), "{sections:?}");

    let pair = ViewState { page: Page::Compare, gemeenten: vec!["GM0505".into(), "GM0642".into()], ..state.clone() };
    let grids = compare::tables(&tables, &m, &region, &pair);
    assert!(!grids.is_empty());
    assert!(grids.iter().all(|(g, _)| g.rows.iter().filter(|r| !r.reference).count() == 2));
    assert!(compare::options(&m, &region, &pair).iter().filter(|o| o.checked).count() == 2);

    let (pillars, _) = theme::theme(&data, Theme::Jeugd, &state);
    assert_eq!(pillars.len(), 4);
    assert!(pillars.iter().flat_map(|p| &p.tables).any(|(href, _, _)| href.contains("jeugd-jongeren-in-jeugdzorg")));

    let search = ViewState { page: Page::Find, query: Some("bijstand".into()), ..ViewState::default() };
    let all = sets(&m, &site::files_for_page(&m, &search));
    let (status, hits) = find::search(&all, &m, &search);
    assert!(!hits.is_empty() && status.ends_with("gevonden."), "{status}");
}

#[test]
fn gemeente_choice_toggles_and_marks_the_current_one() {
    let m = manifest();
    let state = indicator_state(Some("GM0642"));
    let region = site::region(&m, &state).unwrap();
    let links = site::gemeente_choice(&m, region, &state);
    let current: Vec<_> = links.iter().filter(|l| l.current).collect();
    assert_eq!(current.len(), 1);
    assert_eq!(current[0].label, "Zwijndrecht");
    assert!(!current[0].href.contains("gemeente="), "choosing it again clears the choice");
}

#[test]
fn config_keeps_named_regions_default_first_and_default_gemeente() {
    let m = manifest();
    let ids: Vec<String> = m.regions.iter().map(|r| r.id.clone()).collect();
    let config = Config {
        regions: ids.iter().take(2).cloned().collect(),
        default_region: Some(ids[1].clone()),
        ..Config::default()
    };
    let applied = site::apply_config(m.clone(), &config);
    assert_eq!(applied.regions.iter().map(|r| r.id.clone()).collect::<Vec<_>>(), vec![ids[1].clone(), ids[0].clone()]);
    assert!(applied.datasets.iter().all(|d| config.regions.contains(&d.region)));
    let first = &applied.regions[0];
    if let Some(g) = first.gemeenten.first() {
        let config = Config { default_gemeente: Some(g.clone()), ..config };
        assert_eq!(site::with_defaults(ViewState::default(), &config, &applied).gemeente.as_deref(), Some(g.as_str()));
    }
}

#[test]
fn data_check_outcomes() {
    // The data check page's model is core::datacheck::Session (issue 15); see its own tests.
    let m = manifest();
    let mut session = datacheck::Session::new(m, Vec::new());
    session.add("good.json", &std::fs::read(common::root().join("tests/fixtures/good.json")).unwrap());
    session.add("plaatje.png", b"x");
    let checked = session.checked();
    assert!(checked[0].problems.is_empty(), "{checked:?}");
    assert_eq!(checked[1].problems.len(), 1);
}

#[test]
fn cells_say_marks_in_words_and_numbers_in_dutch() {
    use monitor_sociaal_domein::core::pages::{cell_text, CellText};
    let m = manifest();
    let state = indicator_state(Some("GM0642"));
    let data = sets(&m, &site::files_for_page(&m, &state));
    let tables = site::all_tables(&data);
    let table = tables.iter().find(|t| t.id == "jeugd-jongeren-in-jeugdzorg").unwrap();
    let model = indicator::indicator(table, &m, &state, Some("NL01"));
    let cells: Vec<CellText> = model.grid.rows.iter().flat_map(|r| r.cells.iter().map(cell_text)).collect();
    assert!(cells.iter().any(|c| matches!(c, CellText::Number { text, .. } if text == "10,7%")), "{cells:?}");
    for cell in &cells {
        if let CellText::Mark { reason, .. } = cell {
            assert!(!reason.is_empty(), "a mark always says why");
        }
    }
}
