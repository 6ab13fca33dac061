//! Issue 23: search by a reader's words. "jeugdhulp kosten" finds the jeugd budget, "uitkering"
//! the bijstand tables, one typo is forgiven, and a search that finds nothing suggests the words
//! the tables do use.

mod common;

use common::{manifest, sets};
use monitor_sociaal_domein::core::model::view_state::{Page, ViewState};
use monitor_sociaal_domein::core::pages::find;

fn search(q: &str) -> (Vec<String>, Option<String>) {
    let m = manifest();
    let files: Vec<String> = m.datasets.iter().map(|d| d.file.clone()).collect();
    let sets = sets(&m, &files);
    let state = ViewState { page: Page::Find, query: Some(q.to_owned()), ..ViewState::default() };
    let (_, hits) = find::search(&sets, &m, &state);
    let better = find::suggestion(&sets, &state).map(|l| l.label);
    (hits.into_iter().map(|h| h.title).collect(), better)
}

#[test]
fn a_readers_words_find_the_reports_words() {
    // "kosten" is a search word of the glossary's "lasten" (`begrippen` in the data).
    let (hits, _) = search("jeugdhulp kosten");
    assert!(hits.iter().any(|t| t.starts_with("Geld voor jeugdhulp")), "{hits:?}");
    let (hits, _) = search("uitkering");
    assert!(hits.iter().any(|t| t.to_lowercase().contains("bijstand")), "{hits:?}");
    let (hits, _) = search("tevredenheid wmo");
    assert!(hits.iter().any(|t| t.contains("aanvraag voor Wmo-hulp")), "{hits:?}");
    // The report's own words still find the table under its reader's title.
    let (hits, _) = search("KTV");
    assert_eq!(hits.len(), 2, "{hits:?}");
    assert!(hits.iter().all(|t| t.starts_with("Hoe tevreden klanten zijn")), "{hits:?}");
}

#[test]
fn one_typo_is_forgiven_and_nothing_found_suggests_a_word() {
    let (typo, _) = search("jeugdzrog");
    let (right, _) = search("jeugdzorg");
    assert!(!right.is_empty());
    assert_eq!(typo, right, "one swapped pair of letters finds the same tables");
    let (none, better) = search("bijstnad uitstroom");
    assert!(!none.is_empty(), "one swap in a long word is one typo: {none:?}");
    assert!(better.is_none(), "no suggestion when something is found");
    let (none, better) = search("jeugdhlupp");
    assert!(none.is_empty());
    assert_eq!(better.as_deref(), Some("jeugdhulp"));
    // Short words are not bent: "wno" is not "wmo".
    let (none, _) = search("wno");
    assert!(none.is_empty());
}
