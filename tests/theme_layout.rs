//! Issue 23: the theme page fits a phone. Per pillar its answer first (the cards of tables
//! marked `headline`, else the first card), the rest under a summary line; every card and every
//! statement still on the page, in the report's order; each sentence of the report quoted once
//! per page; the pillar menu links to this page's own sections.

mod common;

use common::{manifest, sets};
use monitor_sociaal_domein::core::check::crosscheck;
use monitor_sociaal_domein::core::model::view_state::{Page, ViewState};
use monitor_sociaal_domein::core::model::{Pillar, Theme};
use monitor_sociaal_domein::core::pages::{site, theme};
use monitor_sociaal_domein::core::present::statement_view::{self as sv, quote_key};
use std::collections::HashMap;

/// One theme page: its view, its layout, the tables of each pillar's cards in the report's
/// order, the number of statements per pillar.
type ThemePage = (ViewState, theme::ThemeView, Vec<Vec<String>>, Vec<usize>);

/// Every theme page of every bundled region.
fn every_theme_page() -> Vec<ThemePage> {
    let m = manifest();
    let mut out = Vec::new();
    for region in &m.regions {
        for t in Theme::ALL {
            let state = ViewState {
                page: Page::Theme,
                region: Some(region.id.clone()),
                theme: Some(t.id().to_owned()),
                ..ViewState::default()
            };
            let files = site::files_for_page(&m, &state);
            let data = sets(&m, &files);
            if !data.iter().any(|d| d.tables.iter().any(|x| x.theme == t)) {
                continue;
            }
            let outcome = crosscheck::run_loaded(&data, &m);
            let board = theme::dashboard(&data, t, &m, region, &state);
            let order: Vec<Vec<String>> =
                board.pillars.iter().map(|p| p.cards.iter().map(|c| c.table.clone()).collect()).collect();
            let said: Vec<usize> =
                Pillar::ALL.iter().map(|p| sv::for_pillar(&data, &m, t, *p, Some(&outcome)).len()).collect();
            out.push((state.clone(), theme::layout(&data, board, &m, &state, Some(&outcome)), order, said));
        }
    }
    assert!(out.len() >= 7, "{} theme pages", out.len());
    out
}

#[test]
fn each_pillar_leads_with_its_answer_and_keeps_every_card_in_order() {
    let m = manifest();
    for (state, view, order, _) in every_theme_page() {
        let data = sets(&m, &site::files_for_page(&m, &state));
        let marked = |id: &str| data.iter().flat_map(|d| &d.tables).any(|t| t.id == id && t.headline.is_some());
        for (p, all) in view.pillars.iter().zip(&order) {
            let at = format!("{:?} {:?}", state.region, p.pillar);
            assert!(p.answer.len() <= theme::ANSWER_CARDS, "{at}");
            assert_eq!(p.answer.is_empty(), all.is_empty(), "{at}: an answer when there are cards");
            if all.iter().any(|id| marked(id)) {
                assert!(p.answer.iter().all(|c| marked(&c.table)), "{at}: the answer is the marked tables");
            } else if let Some(first) = all.first() {
                assert_eq!(&p.answer[0].table, first, "{at}: no marked table, the first card");
            }
            // Every card once; the answer and the rest each in the report's order.
            let mut shown: Vec<&String> = p.answer.iter().chain(&p.more).map(|c| &c.table).collect();
            shown.sort();
            let mut expected: Vec<&String> = all.iter().collect();
            expected.sort();
            assert_eq!(shown, expected, "{at}");
            let pos = |id: &String| all.iter().position(|x| x == id);
            assert!(p.more.windows(2).all(|w| pos(&w[0].table) < pos(&w[1].table)), "{at}: the rest in order");
            let n = p.more.len();
            assert!(p.more_label.starts_with(&format!("Nog {n} cijfer")), "{at}: {}", p.more_label);
        }
    }
}

#[test]
fn each_sentence_of_the_report_is_quoted_once_per_page() {
    for (state, view, _, said) in every_theme_page() {
        let page = state.href();
        let mut quoted: HashMap<String, usize> = HashMap::new();
        let mut anchors = Vec::new();
        for p in &view.pillars {
            for c in p.answer.iter().chain(&p.more) {
                if let Some(q) = &c.quote {
                    *quoted.entry(quote_key(q)).or_default() += 1;
                    anchors.push(format!("{page}#citaat-kaart-{}", c.table));
                }
                assert!(c.quote.is_none() || c.quote_at.is_none());
            }
            for g in &p.statements {
                match &g.shown_at {
                    None => {
                        *quoted.entry(g.quote.clone()).or_default() += 1;
                        anchors.push(format!("{page}#{}", g.id));
                    }
                    // A reference points at a quote shown higher up the page.
                    Some(at) => assert!(anchors.contains(at), "{at} not above"),
                }
                assert!(g.cards.iter().all(|c| quote_key(&c.quote) == g.quote));
            }
        }
        let twice: Vec<_> = quoted.iter().filter(|(_, n)| **n > 1).collect();
        assert!(twice.is_empty(), "{:?}: {twice:?}", state.region);
        // No statement is lost by grouping.
        let grouped: Vec<usize> =
            view.pillars.iter().map(|p| p.statements.iter().map(|g| g.cards.len()).sum()).collect();
        assert_eq!(grouped, said, "{:?}", state.region);
    }
}

#[test]
fn the_participatiewet_page_quotes_66_sentences_once_not_88_times() {
    let pages = every_theme_page();
    let (_, view, _, said) = pages
        .iter()
        .find(|(s, ..)| s.region.as_deref() == Some("drechtsteden") && s.theme.as_deref() == Some("participatie"))
        .expect("drechtsteden participatie");
    assert_eq!(said.iter().sum::<usize>(), 88);
    let quoted = view.pillars.iter().flat_map(|p| &p.statements).filter(|g| g.shown_at.is_none()).count()
        + view.pillars.iter().flat_map(|p| p.answer.iter().chain(&p.more)).filter(|c| c.quote.is_some()).count();
    assert_eq!(quoted, 66);
}

#[test]
fn the_pillar_menu_links_to_this_page_s_sections() {
    for (state, view, ..) in every_theme_page() {
        let hrefs: Vec<&str> = view.menu.iter().map(|l| l.href.as_str()).collect();
        let expected: Vec<String> = Pillar::ALL.iter().map(|p| format!("{}#pijler-{}", state.href(), p.id())).collect();
        assert_eq!(hrefs, expected);
        assert!(hrefs[0].starts_with(&format!("{}/", state.region.as_deref().unwrap_or_default())), "{hrefs:?}");
    }
}
