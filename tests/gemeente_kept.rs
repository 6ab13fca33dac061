//! Issue 23, the resident's place: the chosen gemeente stays chosen through the search form, the
//! compare form and the header; the home page names it and says how old the figures are.

mod common;

use common::{manifest, sets};
use monitor_sociaal_domein::core::model::view_state::{Page, ViewState};
use monitor_sociaal_domein::core::pages::{compare, home, site};

fn zwijndrecht() -> ViewState {
    ViewState { region: Some("drechtsteden".into()), gemeente: Some("GM0642".into()), ..ViewState::default() }
}

#[test]
fn the_search_and_compare_forms_keep_the_gemeente_and_open_the_baked_page() {
    let (action, hidden) = site::form_target(&zwijndrecht(), Page::Find);
    assert_eq!(action, "drechtsteden/zoeken.html");
    assert_eq!(hidden, vec![("gemeente", "GM0642".to_owned())]);
    let (action, _) = site::form_target(&zwijndrecht(), Page::Compare);
    assert_eq!(action, "drechtsteden/vergelijk.html");
    // Without a region the form still opens the right page, through the query.
    let (action, hidden) = site::form_target(&ViewState::default(), Page::Find);
    assert_eq!(action, "index.html");
    assert_eq!(hidden, vec![("pagina", "zoeken".to_owned())]);
    // What a submitted form sends reads back as the view, gemeente and all.
    let sent = ViewState::parse_href("drechtsteden/zoeken.html?gemeente=GM0642&zoek=bijstand");
    assert_eq!(
        (sent.page, sent.gemeente.as_deref(), sent.query.as_deref()),
        (Page::Find, Some("GM0642"), Some("bijstand"))
    );
}

#[test]
fn the_compare_page_ticks_the_chosen_gemeente_until_the_reader_chooses() {
    let m = manifest();
    let region = m.regions.iter().find(|r| r.id == "drechtsteden").unwrap();
    let ticked = |s: &ViewState| -> Vec<String> {
        compare::options(&m, region, s).into_iter().filter(|o| o.checked).map(|o| o.code).collect()
    };
    assert_eq!(ticked(&zwijndrecht()), vec!["GM0642"]);
    let chosen = ViewState { gemeenten: vec!["GM0505".into(), "GM0590".into()], ..zwijndrecht() };
    assert_eq!(ticked(&chosen), vec!["GM0505", "GM0590"]);
    assert!(ticked(&ViewState { gemeente: None, ..zwijndrecht() }).is_empty());
}

#[test]
fn the_header_link_and_the_heading_keep_the_gemeente() {
    let m = manifest();
    let region = m.regions.iter().find(|r| r.id == "drechtsteden").unwrap();
    let state =
        ViewState { page: Page::Indicator, indicator: Some("jeugd-jongeren-in-jeugdzorg".into()), ..zwijndrecht() };
    assert_eq!(site::link(&state, Page::Home, |_| {}), "drechtsteden/index.html?gemeente=GM0642");
    assert_eq!(site::place_name(&m, region, &state), "Zwijndrecht");
    assert_eq!(site::place_name(&m, region, &ViewState { gemeente: None, ..state }), "Drechtsteden");
}

#[test]
fn the_home_page_says_how_old_the_figures_are() {
    let m = manifest();
    let files: Vec<String> = m.datasets.iter().filter(|d| d.region == "drechtsteden").map(|d| d.file.clone()).collect();
    let sets = sets(&m, &files);
    let tables: Vec<_> = sets.iter().flat_map(|d| &d.tables).collect();
    let age = home::age(&tables, &m).expect("a sentence");
    // The years the periods name, and the years of the reports, from the data themselves.
    let years: Vec<u32> = tables
        .iter()
        .flat_map(|t| &t.periods)
        .flat_map(|p| p.id.split('-').filter_map(|w| w.parse::<u32>().ok()).filter(|y| *y > 1990))
        .collect();
    let (first, last) = (years.iter().min().unwrap(), years.iter().max().unwrap());
    assert!(age.starts_with(&format!("De cijfers gaan over {first} tot en met {last}, uit ")), "{age}");
    let reports: Vec<u32> = tables.iter().filter_map(|t| m.seed(&t.source.seed)).map(|s| s.year).collect();
    assert!(age.contains(&reports.iter().max().unwrap().to_string()), "{age}");
    assert!(home::age(&[], &m).is_none());
}
