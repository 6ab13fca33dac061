//! Offer only what exists (issue 21): a theme page without a chosen gemeente highlights none,
//! and says whose figure a card shows when the region has none; profile and comparison links
//! only where gemeenten have figures of their own; and every pair of cells two linked columns
//! give is compared, not only the linked one. Derived from the bundled data.

mod common;

use monitor_sociaal_domein::core::check::crosscheck;
use monitor_sociaal_domein::core::model::narrative::{FindingKind, Grade, Link};
use monitor_sociaal_domein::core::model::view_state::ViewState;
use monitor_sociaal_domein::core::model::{Table, Theme};
use monitor_sociaal_domein::core::pages::{home, site};
use monitor_sociaal_domein::core::present::dashboard;

fn tables<'a>(r: &'a monitor_sociaal_domein::core::check::report::Report, region: &str) -> Vec<&'a Table> {
    r.datasets.iter().filter(|(_, d)| d.region == region).flat_map(|(_, d)| &d.tables).collect()
}

/// A bar drawn as the chosen one (thick black border) in a card's chart.
fn highlighted(option: &str) -> bool {
    option.contains("\"borderWidth\":2")
}

#[test]
fn without_a_chosen_gemeente_no_card_highlights_one() {
    let r = common::bundled();
    let m = r.manifest.as_ref().unwrap();
    let mut charts = 0;
    let mut stand_ins = 0;
    for region in &m.regions {
        let ts = tables(&r, &region.id);
        for theme in Theme::ALL {
            let d = dashboard::build(&ts, &[], theme, m, region, None, |id| id.to_owned());
            for c in d.pillars.iter().flat_map(|p| &p.cards) {
                if let Some((option, _)) = &c.chart {
                    charts += 1;
                    assert!(!highlighted(option), "{} {}: a bar is highlighted without a choice", region.id, c.table);
                }
                let t = ts.iter().find(|t| t.id == c.table).unwrap();
                let region_has = t.values.iter().any(|v| v.key.area == region.area);
                if c.area_name != m.area_name(&region.area) && !region_has && c.quote.is_none() {
                    // Another area's figure: the card says whose and why, in its caption.
                    let why = c.stand_in.as_deref().unwrap_or_else(|| panic!("{}: no reason given", c.table));
                    assert!(c.caption.contains(why) && why.contains(&c.area_name), "{}: {}", c.table, c.caption);
                    stand_ins += 1;
                }
            }
        }
    }
    assert!(charts > 10 && stand_ins > 0, "{charts} charts, {stand_ins} stand-ins");
}

#[test]
fn a_chosen_gemeente_is_still_highlighted() {
    let r = common::bundled();
    let m = r.manifest.as_ref().unwrap();
    let region = m.regions.iter().find(|x| x.id == "drechtsteden").unwrap();
    let ts = tables(&r, "drechtsteden");
    let d = dashboard::build(&ts, &[], Theme::Jeugd, m, region, Some("GM0642"), |id| id.to_owned());
    let cards: Vec<_> = d.pillars.iter().flat_map(|p| &p.cards).collect();
    assert!(cards.iter().any(|c| c.chart.as_ref().is_some_and(|(o, _)| highlighted(o))));
    assert!(cards.iter().all(|c| c.stand_in.is_none()));
}

#[test]
fn profile_and_compare_are_offered_only_where_gemeenten_have_figures() {
    let r = common::bundled();
    let m = r.manifest.as_ref().unwrap();
    for region in &m.regions {
        let ts = tables(&r, &region.id);
        let with: Vec<&String> =
            region.gemeenten.iter().filter(|g| ts.iter().any(|t| t.values.iter().any(|v| &v.key.area == *g))).collect();
        let state = ViewState { region: Some(region.id.clone()), ..ViewState::default() };
        let labels: Vec<String> = home::more_links(region, &ts, &state).into_iter().map(|l| l.label).collect();
        let has = |l: &str| labels.iter().any(|x| x == l);
        assert_eq!(has("Gemeenteprofiel"), !with.is_empty(), "{}: {labels:?}", region.id);
        assert_eq!(has("Gemeenten vergelijken"), with.len() >= 2, "{}: {labels:?}", region.id);
        assert_eq!(site::gemeenten_with_figures(&ts, region).len(), with.len());
    }
    // Drentsche Aa holds figures for the region only.
    let aa = m.regions.iter().find(|x| x.id == "drentscheaa").unwrap();
    let ts = tables(&r, "drentscheaa");
    assert_eq!(site::offer(&ts, aa), site::Offer { profile: false, compare: false });
    let dr = m.regions.iter().find(|x| x.id == "drechtsteden").unwrap();
    assert_eq!(site::offer(&tables(&r, "drechtsteden"), dr), site::Offer { profile: true, compare: true });
}

#[test]
fn every_pair_of_cells_of_linked_columns_is_compared() {
    let r = common::bundled();
    let m = r.manifest.as_ref().unwrap();
    let links: Vec<&Link> = r.datasets.iter().flat_map(|(_, d)| &d.narrative.links).collect();
    let cols = crosscheck::declared_columns(&links);
    assert!(cols.iter().any(|c| c.a.0 == "wmo-clienten-met-maatwerkvoorziening" && c.b.0 == "wmo-clienten-pgb-zin"));
    let out = crosscheck::run(&r.datasets, m);
    let wmo: Vec<_> = out
        .findings
        .iter()
        .filter(|f| {
            f.kind == FindingKind::ZelfdePeriode
                && f.tables.iter().any(|t| t == "wmo-clienten-pgb-zin")
                && f.tables.iter().any(|t| t == "wmo-clienten-met-maatwerkvoorziening")
        })
        .collect();
    // Seed 001 lines 2867 and 2954: 570/575, 790/795, 730/735 (rounded to fives) and Nederland
    // 584.155/578.715; Alblasserdam, Dordrecht and Zwijndrecht agree.
    let grade_of = |who: &str| wmo.iter().find(|f| f.description.contains(who)).map(|f| f.grade);
    assert_eq!(wmo.len(), 4, "{wmo:#?}");
    assert_eq!(grade_of("Voor Nederland"), Some(Grade::Duidelijk));
    for g in ["Voor Hendrik-Ido-Ambacht", "Voor Papendrecht", "Voor Sliedrecht"] {
        assert_eq!(grade_of(g), Some(Grade::Klein), "{g}");
    }
    // The jeugdhulp share of Jongeren in jeugdzorg against the parts of Stapeling in jeugdzorg
    // (seed 001 lines 434, 553, 563, 569, 581), recorded as a contradiction.
    assert!(out.findings.iter().any(|f| f.kind == FindingKind::ZelfdePeriode
        && f.tables.iter().any(|t| t == "jeugd-jongeren-in-jeugdzorg")
        && f.tables.iter().any(|t| t == "jeugd-stapeling-in-jeugdzorg")));
    // docs/inconsistenties.md lists them (and is current: tests/statements.rs).
    let doc = std::fs::read_to_string(common::root().join("docs/inconsistenties.md")).unwrap();
    assert!(doc.contains("584.155") && doc.contains("578.715"));
}

#[test]
fn profile_and_compare_pages_say_why_they_have_nothing() {
    use monitor_sociaal_domein::core::model::view_state::Page;
    use monitor_sociaal_domein::core::pages::{compare, profile};
    let r = common::bundled();
    let m = r.manifest.as_ref().unwrap();
    for region in &m.regions {
        let ts = tables(&r, &region.id);
        let offer = site::offer(&ts, region);
        assert_eq!(profile::not_offered(&ts, m, region).is_none(), offer.profile, "{}", region.id);
        let state = ViewState {
            page: Page::Compare,
            region: Some(region.id.clone()),
            gemeenten: region.gemeenten.iter().take(2).cloned().collect(),
            ..ViewState::default()
        };
        let why = compare::nothing_to_compare(&ts, m, region, &state);
        // Something to compare exactly when the page has tables to show.
        assert_eq!(why.is_none(), !compare::tables(&ts, m, region, &state).is_empty(), "{}: {why:?}", region.id);
        if !offer.compare {
            assert!(why.is_some(), "{}", region.id);
        }
    }
}

#[test]
fn the_gemeente_choice_lists_only_gemeenten_with_figures() {
    let r = common::bundled();
    let m = r.manifest.as_ref().unwrap();
    for region in &m.regions {
        let ts = tables(&r, &region.id);
        let state = ViewState { region: Some(region.id.clone()), ..ViewState::default() };
        let offered = site::gemeente_choice_offered(m, region, &state, &ts);
        let with = site::gemeenten_with_figures(&ts, region);
        assert!(offered.iter().all(|l| with.iter().any(|g| m.area_name(g) == l.label)), "{}", region.id);
        if with.len() > 1 {
            assert_eq!(offered.len(), with.len(), "{}", region.id);
        }
    }
    let aa = m.regions.iter().find(|x| x.id == "drentscheaa").unwrap();
    assert!(site::gemeente_choice(m, aa, &ViewState::default()).len() > 1, "the manifest lists its gemeenten");
    assert!(site::gemeente_choice_offered(m, aa, &ViewState::default(), &tables(&r, "drentscheaa")).is_empty());
}
