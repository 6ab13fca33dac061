//! The gemeente chooser (issue 25): a list of links for the bundled regions, a compact chooser
//! (quick choices, a search field with every name as a suggestion, every gemeente one link away)
//! for the 342 gemeenten of a national region; and what a reader types read as a gemeente.

mod common;

use common::manifest;
use monitor_sociaal_domein::core::model::view_state::{Page, ViewState};
use monitor_sociaal_domein::core::model::{Area, AreaKind, Manifest, Region};
use monitor_sociaal_domein::core::pages::chooser::{self, Chooser};
use monitor_sociaal_domein::core::pages::links;

/// The 342 gemeenten of 2025 (`tests/fixtures/national/gemeenten-2025.json`) as one national region.
fn national() -> (Manifest, Region) {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/national/gemeenten-2025.json"))
            .expect("the fixture is in the repository");
    let json: serde_json::Value = serde_json::from_str(&text).expect("the fixture is JSON");
    let rows = json["gemeenten"].as_array().expect("a list of gemeenten");
    let area = |code: &str, name: &str, kind| Area {
        code: code.into(),
        name: name.into(),
        short: name.chars().take(2).collect(),
        kind,
        members: Vec::new(),
    };
    let mut areas: Vec<Area> = rows
        .iter()
        .map(|r| area(r[0].as_str().unwrap_or(""), r[1].as_str().unwrap_or(""), AreaKind::Gemeente))
        .collect();
    let gemeenten: Vec<String> = areas.iter().map(|a| a.code.clone()).collect();
    areas.push(area("NL01", "Nederland", AreaKind::Land));
    let region =
        Region { id: "nederland".into(), name: "Nederland".into(), area: "NL01".into(), reference: None, gemeenten };
    (Manifest::new(areas, vec![region.clone()], Vec::new(), Vec::new()), region)
}

fn resolve(typed: &str) -> Result<String, chooser::Miss> {
    let (m, region) = national();
    chooser::resolve(&m, &region, typed)
}

#[test]
fn the_fixture_holds_the_342_gemeenten_of_2025() {
    let (m, region) = national();
    assert_eq!(region.gemeenten.len(), 342);
    assert_eq!(m.area_name("GM0796"), "'s-Hertogenbosch");
    assert_eq!(m.area_name("GM0518"), "'s-Gravenhage");
}

#[test]
fn a_typed_name_or_code_finds_its_gemeente() {
    assert_eq!(resolve("Zwijndrecht").ok().as_deref(), Some("GM0642"), "the exact name");
    assert_eq!(resolve("  zWIJNDRECHT ").ok().as_deref(), Some("GM0642"), "case and spaces ignored");
    assert_eq!(
        resolve("Sudwest-Fryslan").ok().as_deref(),
        resolve("Súdwest-Fryslân").ok().as_deref(),
        "accents ignored"
    );
    assert!(resolve("Súdwest-Fryslân").is_ok());
    assert_eq!(resolve("hendrik ido ambacht").ok().as_deref(), Some("GM0531"), "punctuation ignored");
    assert_eq!(resolve("GM0796").ok().as_deref(), Some("GM0796"), "the CBS code");
    assert_eq!(resolve("gm0796").ok().as_deref(), Some("GM0796"));
    assert_eq!(resolve("0796").ok().as_deref(), Some("GM0796"), "the code without GM");
    assert_eq!(resolve("Den Bosch").ok().as_deref(), Some("GM0796"), "an alternative name");
    assert_eq!(resolve("den haag").ok().as_deref(), Some("GM0518"));
    assert_eq!(resolve("'s-Hertogenbosch").ok().as_deref(), Some("GM0796"));
    assert_eq!(resolve("Bergen (L.)").ok().as_deref(), Some("GM0893"), "a name with its province");
    assert_eq!(resolve("Hendrik").ok().as_deref(), Some("GM0531"), "the start of exactly one name");
}

#[test]
fn a_name_that_is_no_gemeente_gets_a_dutch_message_and_a_suggestion() {
    let miss = resolve("Zwijndrect").expect_err("no such gemeente");
    assert_eq!(miss.message, "Geen gemeente gevonden met de naam \u{2018}Zwijndrect\u{2019}.");
    assert_eq!(miss.suggestion, Some(("GM0642".into(), "Zwijndrecht".into())), "bedoelt u Zwijndrecht?");
    let miss = resolve("Atlantis").expect_err("no such gemeente");
    assert!(miss.message.starts_with("Geen gemeente gevonden met de naam"));
    assert_eq!(miss.suggestion, None, "nothing alike");
    let miss = resolve("Bergen").expect_err("more than one");
    assert!(miss.message.contains("Bergen (L.)") && miss.message.contains("Bergen (NH.)"), "{}", miss.message);
    assert!(resolve("").is_err() && resolve("GM9999").is_err());
    let (m, region) = national();
    let state = ViewState { period: Some("2024".into()), ..ViewState::default() };
    let next = chooser::choose(&m, &region, &state, "den bosch", None).expect("found");
    assert_eq!(
        (next.gemeente.as_deref(), next.period.as_deref()),
        (Some("GM0796"), Some("2024")),
        "the rest of the view kept"
    );
    let link = chooser::suggestion_link(&state, &resolve("Zwijndrect").expect_err("a miss")).expect("a suggestion");
    assert!(link.href.contains("gemeente=GM0642"), "{}", link.href);
}

#[test]
fn a_link_with_a_name_opens_its_gemeente() {
    let (m, region) = national();
    assert_eq!(links::find_gemeente(&m, &region, "den+bosch").as_deref(), Some("GM0796"));
    assert_eq!(links::find_gemeente(&m, &region, "GM0642").as_deref(), Some("GM0642"));
}

#[test]
fn a_bundled_region_keeps_its_list_of_links() {
    let m = manifest();
    let region = &m.regions[0];
    match chooser::chooser(&m, region, &ViewState::default(), None) {
        Chooser::List(links) => assert_eq!(links.len(), 6),
        other => panic!("a list for Drechtsteden, not {other:?}"),
    }
    let one = m.regions.iter().find(|r| r.gemeenten.len() == 1).expect("a one-gemeente region");
    assert_eq!(chooser::chooser(&m, one, &ViewState::default(), None), Chooser::Hidden);
}

#[test]
fn a_national_region_gets_the_compact_chooser() {
    let (m, region) = national();
    let state = ViewState {
        page: Page::Theme,
        region: Some("nederland".into()),
        theme: Some("jeugd".into()),
        gemeente: Some("GM0796".into()),
        period: Some("2024".into()),
        ..ViewState::default()
    };
    let Chooser::Compact(c) = chooser::chooser(&m, &region, &state, None) else { panic!("compact for 342") };
    assert_eq!(c.names.len(), 342, "every name in the datalist");
    assert_eq!(c.groups.iter().map(|(_, l)| l.len()).sum::<usize>(), 342, "every gemeente one link away");
    assert_eq!(c.summary, "Alle 342 gemeenten");
    assert_eq!(c.names.first().map(String::as_str), Some("Aa en Hunze"), "alphabetical");
    let g = c.groups.iter().find(|(l, _)| l == "G").expect("a G");
    assert!(g.1.iter().any(|l| l.label == "'s-Gravenhage"), "'s-Gravenhage under G");
    assert!(c.groups.windows(2).all(|w| w[0].0 < w[1].0), "one group per letter, in order");
    assert_eq!(c.quick.len(), 2, "the chosen one and the region");
    assert!(c.quick[0].current && c.quick[0].label == "'s-Hertogenbosch");
    assert!(!c.quick[1].href.contains("gemeente=") && c.quick[1].href.contains("periode=2024"), "{}", c.quick[1].href);
    assert_eq!(c.action, "nederland/jeugd.html");
    assert_eq!(c.hidden, vec![("periode".to_owned(), "2024".to_owned())], "the rest of the view kept");
    let Chooser::Compact(none) = chooser::chooser(&m, &region, &ViewState::default(), None) else { panic!("compact") };
    assert_eq!(none.quick.len(), 1, "no gemeente chosen: only the region, current");
    assert!(none.quick[0].current);
}

/// Issue 27: the search page reads a gemeente in a query by every name a reader uses for it,
/// its CBS code included, with the rest of the query kept as the subject.
#[test]
fn search_reads_every_common_name_of_a_gemeente() {
    use monitor_sociaal_domein::core::present::catalog::read_query;
    let (m, _) = national();
    let read = |q: &str| {
        let query = read_query(&m, q);
        (query.gemeente.unwrap_or_default(), query.words.join(" "))
    };
    assert_eq!(read("den bosch bijstand"), ("GM0796".into(), "bijstand".into()));
    assert_eq!(read("Hertogenbosch"), ("GM0796".into(), String::new()));
    assert_eq!(read("'s-Hertogenbosch jeugd"), ("GM0796".into(), "jeugd".into()));
    assert_eq!(read("Den Haag"), ("GM0518".into(), String::new()));
    assert_eq!(read("Súdwest wmo"), ("GM1900".into(), "wmo".into()));
    assert_eq!(read("sudwest fryslan"), ("GM1900".into(), String::new()));
    assert_eq!(read("gm0014 bijstand"), ("GM0014".into(), "bijstand".into()));
    // A year is no CBS code; "Fryslân" is in two names and names neither.
    assert_eq!(read("bijstand 2016"), (String::new(), "bijstand 2016".into()));
    assert_eq!(read("fryslan").0, String::new());
}

fn known() -> monitor_sociaal_domein::core::model::gemeenten::Gemeenten {
    let text = std::fs::read_to_string(common::root().join("public/geo/gemeenten.json")).unwrap();
    monitor_sociaal_domein::core::read::gemeenten::gemeenten(&text).unwrap()
}

#[test]
fn a_national_chooser_groups_by_province_with_the_neighbours_as_quick_choices() {
    let (m, region) = national();
    let k = known();
    let state = ViewState { gemeente: Some("GM0363".into()), region: Some("nederland".into()), ..ViewState::default() };
    let links = chooser::links(&m, &region, &state, None);
    let c = chooser::compact_with(&region, &state, links, &k);
    assert!(c.by_province);
    let provinces: Vec<&str> = c.groups.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(provinces.len(), 12, "{provinces:?}");
    assert_eq!(provinces[0], "Drenthe", "alphabetical");
    assert_eq!(c.groups.iter().map(|(_, ls)| ls.len()).sum::<usize>(), 342);
    let nh = &c.groups.iter().find(|(p, _)| p == "Noord-Holland").unwrap().1;
    assert_eq!(nh.len(), 44);
    assert!(nh.iter().any(|l| l.label == "Amsterdam"));
    // The chosen one, three neighbours in Noord-Holland, the whole region.
    let quick: Vec<&str> = c.quick.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(quick.len(), 2 + chooser::NEIGHBOURS, "{quick:?}");
    assert_eq!(quick[0], "Amsterdam");
    assert!(c.quick[0].current && !c.quick[1].current);
    assert_eq!(quick.last().copied(), Some("Hele regio: Nederland"));
    for l in &c.quick[1..=chooser::NEIGHBOURS] {
        assert!(nh.iter().any(|n| n.label == l.label), "{} is no neighbour in Noord-Holland", l.label);
    }
    assert!(quick.contains(&"Amstelveen") || quick.contains(&"Diemen") || quick.contains(&"Ouder-Amstel"), "{quick:?}");
    // Without a chosen gemeente: no neighbours.
    let none = ViewState { region: Some("nederland".into()), ..ViewState::default() };
    let c = chooser::compact_with(&region, &none, chooser::links(&m, &region, &none, None), &k);
    assert_eq!(c.quick.len(), 1);
}

#[test]
fn a_merged_gemeente_says_where_it_went() {
    let (m, region) = national();
    let k = known();
    let miss = chooser::resolve_with(&m, &region, "Weesp", Some(&k)).unwrap_err();
    assert_eq!(miss.message, "Weesp, tot 2022; nu deel van Amsterdam.");
    assert_eq!(miss.suggestion, Some(("GM0363".to_owned(), "Amsterdam".to_owned())));
    let by_code = chooser::resolve_with(&m, &region, "GM0457", Some(&k)).unwrap_err();
    assert_eq!(by_code.message, miss.message);
    assert_eq!(
        chooser::resolve_with(&m, &region, "beemster", Some(&k)).unwrap_err().message,
        "Beemster, tot 2021; nu deel van Purmerend."
    );
    // A former spelling finds its gemeente; a name that never was one still gets the old message.
    assert_eq!(chooser::resolve_with(&m, &region, "Hengelo", Some(&k)).ok().as_deref(), Some("GM0164"));
    assert!(chooser::resolve_with(&m, &region, "Amsterdm", Some(&k)).unwrap_err().message.starts_with("Geen gemeente"));
    assert!(chooser::herindeling(&k, "GM0363").is_none(), "Amsterdam is still there");
}

#[test]
fn the_compare_page_of_a_national_region_adds_gemeenten_by_name() {
    use monitor_sociaal_domein::core::pages::compare_pick as compare;
    let (m, region) = national();
    let k = known();
    let state = ViewState {
        page: Page::Compare,
        region: Some("nederland".into()),
        gemeente: Some("GM0363".into()),
        ..ViewState::default()
    };
    // The chosen gemeente is chosen; its neighbours are quick additions.
    let p = compare::picker(&m, &region, &state, Some(&k));
    assert_eq!(p.chosen.iter().map(|l| l.label.as_str()).collect::<Vec<_>>(), ["Amsterdam"]);
    assert_eq!(p.status, "1 van de 342 gemeenten gekozen; kies er nog één.");
    assert_eq!(p.quick.len(), 4);
    assert_eq!(p.names.len(), 342);
    let next = compare::add(&m, &region, &state, "den haag", Some(&k)).unwrap();
    assert_eq!(next.gemeenten, ["GM0363", "GM0518"]);
    let p = compare::picker(&m, &region, &next, Some(&k));
    assert_eq!(p.status, "2 van de 342 gemeenten gekozen.");
    // Each chosen one's link removes it.
    let without = ViewState::parse_href(&p.chosen[0].href);
    assert_eq!(without.gemeenten, ["GM0518"]);
    // A quick choice adds a neighbour of the last one (Zuid-Holland).
    let added = ViewState::parse_href(&p.quick[0].href);
    assert_eq!(added.gemeenten.len(), 3);
    assert_eq!(&added.gemeenten[..2], ["GM0363", "GM0518"]);
    let weesp = compare::add(&m, &region, &next, "Weesp", Some(&k)).unwrap_err();
    assert_eq!(weesp.message, "Weesp, tot 2022; nu deel van Amsterdam.");
    assert!(region.gemeenten.len() > compare::CHECKBOXES_UP_TO);
}
