//! Issue 16: links that say what they show. An unknown parameter gets a Dutch notice and the
//! nearest valid view; `regio=` may be left out when the indicator id is unique; the tab title
//! names the chart; search understands "Zwijndrecht jeugd".

mod common;

use monitor_sociaal_domein::core::model::view_state::{Page, ViewState};
use monitor_sociaal_domein::core::model::{Dataset, Manifest, Table};
use monitor_sociaal_domein::core::pages::links::{check, tab_title};
use monitor_sociaal_domein::core::present::catalog;
use monitor_sociaal_domein::core::text::glossary::Glossary;

fn data() -> (Manifest, Vec<Dataset>) {
    let r = common::bundled();
    (r.manifest.unwrap(), r.datasets.into_iter().map(|(_, d)| d).collect())
}

fn checked(query: &str) -> (ViewState, Vec<String>) {
    let (m, sets) = data();
    let refs: Vec<&Dataset> = sets.iter().collect();
    let c = check(&ViewState::parse(query), &m, &refs);
    (c.state, c.notices)
}

#[test]
fn a_valid_link_has_no_notices_and_stays_as_it_is() {
    let q =
        "?pagina=indicator&regio=drechtsteden&indicator=jeugd-jongeren-in-jeugdzorg&gemeente=GM0642&periode=2016-H1";
    let (state, notices) = checked(q);
    assert_eq!(notices, Vec::<String>::new());
    assert_eq!(state, ViewState::parse(q));
}

#[test]
fn an_unknown_period_is_named_and_the_nearest_is_shown() {
    let (state, notices) =
        checked("?pagina=indicator&regio=ridderkerk&indicator=participatie-ridderkerk-buig-budget&periode=2099");
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].starts_with("De periode \u{2018}2099\u{2019} staat niet in deze tabel (wel: "), "{notices:?}");
    let (m, sets) = data();
    let t: &Table =
        sets.iter().flat_map(|d| &d.tables).find(|t| t.id == "participatie-ridderkerk-buig-budget").unwrap();
    assert_eq!(state.period.as_deref(), Some(t.periods.last().unwrap().id.as_str()));
    let _ = m;
    // The same year in another spelling finds that year.
    let (state, notices) =
        checked("?pagina=indicator&regio=drechtsteden&indicator=jeugd-jongeren-in-jeugdzorg&periode=2016-h1");
    assert_eq!(state.period.as_deref(), Some("2016-H1"));
    assert_eq!(notices.len(), 1);
}

#[test]
fn an_unknown_gemeente_is_named_and_dropped_and_a_name_is_understood() {
    let (state, notices) = checked("?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg&gemeente=GM9999");
    assert_eq!(state.gemeente, None);
    assert_eq!(
        notices,
        vec!["De gemeente \u{2018}GM9999\u{2019} hoort niet bij Drechtsteden. U ziet de cijfers van de hele regio."]
    );
    let (state, notices) = checked("?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg&gemeente=zwijndrecht");
    assert_eq!((state.gemeente.as_deref(), notices.len()), (Some("GM0642"), 0));
    let (state, notices) = checked("?pagina=vergelijk&gemeenten=GM0505,GM0000,GM0642");
    assert_eq!(state.gemeenten, vec!["GM0505", "GM0642"]);
    assert_eq!(notices, vec!["De gemeente \u{2018}GM0000\u{2019} hoort niet bij Drechtsteden en is weggelaten."]);
}

#[test]
fn regio_may_be_left_out_when_the_indicator_is_unique() {
    let (state, notices) = checked("?pagina=indicator&indicator=participatie-ridderkerk-buig-budget&gemeente=GM0597");
    assert_eq!(notices, Vec::<String>::new());
    assert_eq!(state.region.as_deref(), Some("ridderkerk"));
    assert_eq!(state.gemeente.as_deref(), Some("GM0597"));
    // A link that names the wrong region is told where the indicator is.
    let (state, notices) =
        checked("?pagina=indicator&regio=drechtsteden&indicator=participatie-ridderkerk-buig-budget");
    assert_eq!(state.region.as_deref(), Some("ridderkerk"));
    assert_eq!(notices.len(), 1);
    assert!(notices[0].contains("wel bij Ridderkerk"), "{notices:?}");
}

#[test]
fn an_unknown_indicator_gets_the_nearest_table_or_its_theme() {
    let (state, notices) = checked("?pagina=indicator&indicator=jeugd-jongeren-jeugdzorg-2017");
    assert_eq!(state.indicator.as_deref(), Some("jeugd-jongeren-in-jeugdzorg"));
    assert!(notices[0].contains("U ziet de meest gelijkende: Jongeren in jeugdzorg"), "{notices:?}");
    let (state, notices) = checked("?pagina=indicator&indicator=wmo-bestaat-niet&periode=2016");
    assert_eq!((state.page, state.theme.as_deref(), state.indicator.as_deref()), (Page::Theme, Some("wmo"), None));
    assert_eq!(
        notices,
        vec!["De indicator \u{2018}wmo-bestaat-niet\u{2019} bestaat niet (meer) in de gegevens van deze monitor. U ziet alle cijfers over Wmo 2015."]
    );
    let (state, notices) = checked("?pagina=thema&thema=onzin&regio=nergens");
    assert_eq!((state.page, state.region.as_deref(), notices.len()), (Page::Home, None, 2));
}

#[test]
fn the_tab_title_names_the_chart_and_the_place() {
    let (m, sets) = data();
    let t = sets.iter().flat_map(|d| &d.tables).find(|t| t.id == "jeugd-jongeren-in-jeugdzorg").unwrap();
    let s = ViewState::parse("?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg&gemeente=GM0642");
    assert_eq!(
        tab_title("Monitor Sociaal Domein", &s, &m, Some(t)),
        "Jongeren in jeugdzorg, 1e halfjaar 2016 (%) \u{2013} Zwijndrecht \u{2014} Monitor Sociaal Domein"
    );
    assert_eq!(tab_title("M", &ViewState::parse("?pagina=thema&thema=wmo"), &m, None), "Wmo 2015 \u{2014} M");
    assert_eq!(tab_title("M", &ViewState::default(), &m, None), "M");
}

#[test]
fn search_understands_a_gemeente_and_a_subject() {
    let (m, sets) = data();
    let tables: Vec<&Table> = sets.iter().flat_map(|d| &d.tables).collect();
    let (q, hits) = catalog::find(&tables, &Glossary::of(&sets), &m, "Zwijndrecht jeugd");
    assert_eq!(q.gemeente.as_deref(), Some("GM0642"));
    assert_eq!(q.words, vec!["jeugd"]);
    assert!(
        hits.iter().any(|t| t.id == "jeugd-jongeren-in-jeugdzorg"),
        "{:?}",
        hits.iter().map(|t| &t.id).collect::<Vec<_>>()
    );
    assert!(hits.iter().all(|t| t.values.iter().any(|v| v.key.area == "GM0642")));
    assert!(hits.iter().all(
        |t| t.theme.id() == "jeugd" || monitor_sociaal_domein::core::text::words::fold(&t.title).contains("jeugd")
    ));
    // Names of more words and with hyphens, in any case.
    assert_eq!(catalog::read_query(&m, "hendrik ido ambacht wmo").gemeente.as_deref(), Some("GM0531"));
    assert_eq!(catalog::read_query(&m, "AA EN HUNZE").gemeente.as_deref(), Some("GM1680"));
    // A plain subject search is unchanged.
    let (q, hits) = catalog::find(&tables, &Glossary::of(&sets), &m, "bijstand");
    assert_eq!(q.gemeente, None);
    assert_eq!(hits.len(), catalog::search_tables(tables.iter().copied(), &Glossary::of(&sets), "bijstand").len());
    assert!(!hits.is_empty());
}

#[test]
fn a_chosen_period_of_a_time_series_shows_that_period_only() {
    let (m, sets) = data();
    let t = sets.iter().flat_map(|d| &d.tables).find(|t| t.id == "participatie-ridderkerk-instroomredenen").unwrap();
    // The whole series: one area with categories as rows and each period in its own columns
    // (issue 21: every figure of every period gets a cell).
    let all = monitor_sociaal_domein::core::calc::grid::build(t, &m, None, None);
    assert_eq!(all.rows_are, monitor_sociaal_domein::core::calc::grid::RowsAre::Categories);
    assert_eq!(all.period, None);
    assert!(all.columns.iter().all(|c| c.period.is_some()));
    let first = &t.periods[0];
    let one = monitor_sociaal_domein::core::calc::grid::build(t, &m, Some(&first.id), None);
    assert_eq!(one.rows_are, monitor_sociaal_domein::core::calc::grid::RowsAre::Categories);
    assert_eq!(one.period_label.as_deref(), Some(first.label.as_str()));
    assert_eq!(one.rows.len(), t.categories.len());
    // An unknown period is not a choice: the whole series.
    let odd = monitor_sociaal_domein::core::calc::grid::build(t, &m, Some("1900"), None);
    assert_eq!(odd, all);
}

#[test]
fn a_link_without_regio_to_the_first_region_gets_its_region_and_baked_address_without_a_notice() {
    let q = "?pagina=indicator&indicator=jeugd-jongeren-in-jeugdzorg&gemeente=GM0642";
    let (state, notices) = checked(q);
    let named = ViewState { region: Some("drechtsteden".into()), ..ViewState::parse(q) };
    assert_eq!((state.clone(), notices), (named, Vec::<String>::new()));
    assert_eq!(state.href(), "drechtsteden/cijfer-jeugd-jongeren-in-jeugdzorg.html?gemeente=GM0642");
}
