//! Issue 23: plain words. No card title, label or table heading on the home, theme and indicator
//! pages of any bundled region holds an abbreviation or code ("KTV", "MU-A", "<50%", "werk*",
//! "N") that the glossary (`begrippen`) does not explain, and that page explains it: a term is
//! shown where it first appears on the page. The report's own wording is kept beside a reader's
//! title or label, and a reader's title is searched by the report's words too.

mod common;

use common::{manifest, sets};
use monitor_sociaal_domein::core::check::crosscheck;
use monitor_sociaal_domein::core::model::view_state::{Page, ViewState};
use monitor_sociaal_domein::core::model::{Dataset, Manifest, Theme};
use monitor_sociaal_domein::core::pages::{home, indicator, site, theme, words};
use monitor_sociaal_domein::core::read::config::Config;
use monitor_sociaal_domein::core::text::glossary::{self, abbreviations, Explained, Glossary};
use std::sync::Arc;

/// One page as a reader reads it: where, the texts of its titles, labels and headings, and the
/// terms the page explains.
struct PageWords {
    at: String,
    texts: Vec<String>,
    explained: Vec<Explained>,
}

fn indicator_page(m: &Manifest, data: &[Arc<Dataset>], region: &str, id: &str) -> PageWords {
    let table = data.iter().flat_map(|d| &d.tables).find(|t| t.id == id).expect("table");
    let state = ViewState {
        page: Page::Indicator,
        region: Some(region.to_owned()),
        indicator: Some(id.to_owned()),
        ..ViewState::default()
    };
    let mut model = indicator::indicator_in(table, m, &state, None, Some(region));
    words::add(&mut model, table, data);
    let mut texts = vec![model.title.clone(), model.caption.clone()];
    texts.extend(model.grid.columns.iter().map(|c| c.label.clone()));
    texts.extend(model.grid.rows.iter().map(|r| r.label.clone()));
    PageWords { at: format!("{region}, indicator {id}"), texts, explained: model.words.terms }
}

fn every_page() -> Vec<PageWords> {
    let m = manifest();
    let mut pages = Vec::new();
    for region in &m.regions {
        let home_state = ViewState { page: Page::Home, region: Some(region.id.clone()), ..ViewState::default() };
        let data = sets(&m, &site::files_for_page(&m, &home_state));
        let figures = words::key_figures(&data, &Config::default(), &m, region, &home_state);
        let mut texts: Vec<String> = Vec::new();
        let mut explained: Vec<Explained> = Vec::new();
        for k in &figures {
            texts.extend([k.caption.clone(), k.title.clone()]);
            texts.extend(k.context.clone());
            explained.extend(k.begrippen.clone());
        }
        pages.push(PageWords { at: format!("{}, home", region.id), texts, explained });
        let tables: Vec<_> = site::all_tables(&data);
        if let Some(t) = home::featured(&tables) {
            pages.push(indicator_page(&m, &data, &region.id, &t.id));
        }
        for t in &tables {
            pages.push(indicator_page(&m, &data, &region.id, &t.id));
        }
        for th in Theme::ALL {
            let state = ViewState { page: Page::Theme, theme: Some(th.id().to_owned()), ..home_state.clone() };
            let data = sets(&m, &site::files_for_page(&m, &state));
            if !data.iter().any(|d| d.tables.iter().any(|x| x.theme == th)) {
                continue;
            }
            let outcome = crosscheck::run_loaded(&data, &m);
            let board = theme::dashboard(&data, th, &m, region, &state);
            let view = theme::layout(&data, board, &m, &state, Some(&outcome));
            let mut page =
                PageWords { at: format!("{}, thema {}", region.id, th.id()), texts: vec![], explained: vec![] };
            for c in view.pillars.iter().flat_map(|p| p.answer.iter().chain(&p.more)) {
                page.texts.extend([c.title.clone(), c.label.clone(), c.caption.clone()]);
                page.explained.extend(c.begrippen.clone());
            }
            pages.push(page);
        }
    }
    pages
}

#[test]
fn every_abbreviation_on_a_page_is_explained_on_that_page() {
    let m = manifest();
    let files: Vec<String> = m.datasets.iter().map(|d| d.file.clone()).collect();
    let all = sets(&m, &files);
    let glossary = Glossary::of(&all);
    let pages = every_page();
    assert!(pages.len() > 40, "{} pages", pages.len());
    let mut missing: Vec<String> = Vec::new();
    let mut checked = 0;
    for page in &pages {
        for text in &page.texts {
            for token in abbreviations(text) {
                checked += 1;
                let explains =
                    |term: &str| glossary.entries().iter().any(|b| b.term == term && glossary::explains(b, &token));
                if !page.explained.iter().any(|e| explains(&e.term)) {
                    missing.push(format!("{}: \"{token}\" in \"{text}\"", page.at));
                }
            }
        }
    }
    assert!(checked > 20, "the pages hold abbreviations to check ({checked})");
    assert!(missing.is_empty(), "{} unexplained:\n{}", missing.len(), missing.join("\n"));
}

#[test]
fn a_term_is_explained_once_per_page() {
    for page in every_page() {
        let mut terms: Vec<&str> = page.explained.iter().map(|e| e.term.as_str()).collect();
        let n = terms.len();
        terms.sort_unstable();
        terms.dedup();
        assert_eq!(terms.len(), n, "{}: a term explained twice", page.at);
    }
}

#[test]
fn the_reports_wording_is_kept_beside_the_readers() {
    let m = manifest();
    let files: Vec<String> = m.datasets.iter().map(|d| d.file.clone()).collect();
    let all = sets(&m, &files);
    let ktv = all.iter().flat_map(|d| &d.tables).find(|t| t.id == "participatie-ktv-aanvraagproces-werk-inkomen-2016");
    let ktv = ktv.expect("KTV table");
    assert_eq!(ktv.report_title.as_deref(), Some("KTV Aanvraagproces Werk & Inkomen"));
    assert!(abbreviations(&ktv.title).is_empty(), "the reader's title has no abbreviation: {}", ktv.title);
    let w = monitor_sociaal_domein::core::present::plain_words::indicator(ktv, &Glossary::of(&all));
    assert!(w.report_labels.iter().any(|(r, p)| r == "aantal klanten dat antwoordde" && p == "N"), "{w:?}");
    assert!(w.terms.iter().any(|t| t.term == "KTV"), "the report's title is explained too: {:?}", w.terms);
    // Every table with a reader's title keeps the report's; written back, the file is the same.
    for d in &all {
        let text = monitor_sociaal_domein::core::read::dataset_file::write_dataset(d);
        let mut p = Default::default();
        let back = monitor_sociaal_domein::core::read::decode::dataset(&text, &mut p).expect("round trip");
        assert_eq!(&back, d.as_ref(), "{}: reader's and report's wording survive a write", d.region);
    }
}
