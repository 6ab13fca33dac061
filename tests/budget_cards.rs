//! Budget cards state what the number is (issue 21): budget, realisation, deviation from the
//! budget or exhaustion, with *tekort* / *overschot* as the source itself means it, and each
//! theme's headline budget fact as the card's figure.
//!
//! Seed 001, Jeugdhulp › Financiën (line 762): "In de 2e burap van 2016 is aangegeven dat de
//! lasten in 2016 € 1.178.000 hoger uitkomen dan de vastgestelde begroting …" — an overrun.
//! Seed 001, Wmo 2015 › Financiën (line 3302–3304): "… een positieve afwijking (een overschot)
//! van 6,1 miljoen euro ten opzichte van de actuele begroting …" — a surplus, while the table
//! prints it as `totaal -6.100.000 -6.100.000` (line 3294).

mod common;

use common::{manifest, sets};

use monitor_sociaal_domein::core::check::strict;
use monitor_sociaal_domein::core::model::view_state::ViewState;
use monitor_sociaal_domein::core::model::{Balance, BudgetFigure, Dataset, Pillar, Theme};
use monitor_sociaal_domein::core::pages::{site, theme};
use monitor_sociaal_domein::core::present::dashboard::Card;
use std::sync::Arc;

/// The budget cards of a theme in a region, with the region's datasets.
fn budget_cards(region: &str, th: Theme) -> (Vec<Card>, Vec<Arc<Dataset>>) {
    let m = manifest();
    let state = ViewState { region: Some(region.into()), ..ViewState::default() };
    let r = site::region(&m, &state).unwrap().clone();
    let data = sets(&m, &site::files_for_page(&m, &state));
    let dash = theme::dashboard(&data, th, &m, &r, &state);
    (dash.pillars.into_iter().find(|p| p.pillar == Pillar::Budgetten).unwrap().cards, data)
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The card of a table marked with a statement shows that statement's amount, what it is, the
/// word the source uses for its sign, and the quote (which the seed text holds).
fn check_fact_card(region: &str, th: Theme, table: &str, word: &str) -> Card {
    let (cards, data) = budget_cards(region, th);
    let card = cards.into_iter().find(|c| c.table == table).unwrap();
    let t = data.iter().flat_map(|d| &d.tables).find(|t| t.id == table).unwrap();
    let mark = t.budget.as_ref().expect("a budget mark");
    assert_eq!(mark.figure, BudgetFigure::Afwijking);
    let st = data
        .iter()
        .flat_map(|d| &d.narrative.statements)
        .find(|s| Some(&s.id) == mark.statement.as_ref())
        .expect("the marked statement");
    // The figure is the statement's amount, not a cell of the table.
    assert_eq!(card.figure.number(), st.value);
    assert_eq!(card.period_label, st.period.label);
    let words = card.budget.as_ref().unwrap();
    assert!(words.what.starts_with("afwijking van de begroting"), "{words:?}");
    assert_eq!(words.balance.as_deref(), Some(word));
    assert!(card.caption.starts_with(&format!("{word} (afwijking van de begroting")), "{}", card.caption);
    assert!(!card.shown.contains('−') && !card.shown.contains('-'), "the word carries the sign: {}", card.shown);
    let quote = card.quote.as_deref().unwrap();
    assert_eq!(quote, st.quote);
    assert!(squash(&common::seed_text("001")).contains(quote), "{quote}");
    card
}

#[test]
fn the_jeugd_budget_card_is_the_overrun_of_1_178_000_a_tekort() {
    let card = check_fact_card("drechtsteden", Theme::Jeugd, "jeugd-jeugdhulpbudget-zhz", "tekort");
    // Seed 001 line 762: "€ 1.178.000 hoger … dan de vastgestelde begroting".
    assert_eq!(card.shown, "€ 1.178.000");
    assert!(card.quote.unwrap().contains("€ 1.178.000 hoger uitkomen dan de vastgestelde begroting"));
    assert!(!card.caption.contains("baten") && !card.caption.contains("2017"), "{}", card.caption);
}

#[test]
fn the_wmo_budget_card_is_the_surplus_of_6_1_mln_an_overschot() {
    let card = check_fact_card("drechtsteden", Theme::Wmo, "wmo-programma-wmo-sdd", "overschot");
    // Seed 001 line 3304: "overschot) van 6,1 miljoen euro".
    assert_eq!(card.shown, "€ 6,1 mln");
    assert!(card.quote.unwrap().contains("positieve afwijking (een overschot) van 6,1 miljoen euro"));
    assert!(card.caption.contains("prognose"), "the SDD forecasts it: {}", card.caption);
}

#[test]
fn every_budget_card_says_what_its_number_is() {
    let m = manifest();
    for region in &m.regions {
        for th in Theme::ALL {
            let (cards, data) = budget_cards(&region.id, th);
            for c in cards {
                let t = data.iter().flat_map(|d| &d.tables).find(|t| t.id == c.table).unwrap();
                let words = c.budget.as_ref().unwrap_or_else(|| panic!("{}: no budget words ({})", c.table, c.caption));
                if let Some(mark) = &t.budget {
                    assert_eq!(words.figure, mark.figure, "{}", c.table);
                }
                assert!(c.label.to_lowercase().contains(words.figure.id()), "{}: {}", c.table, c.label);
                if let Some(b) = &words.balance {
                    assert!(c.label.starts_with(b.as_str()) && c.caption.contains(b.as_str()), "{}", c.caption);
                }
            }
        }
    }
}

#[test]
fn a_deviation_names_its_sign_by_the_sources_convention() {
    // The Wmo table prints the deviation of lasten as −6.100.000 (seed 001 line 3294): marked as
    // a deviation where a positive amount would be a tekort, the card calls it an overschot.
    let m = manifest();
    let path = common::root().join("public/data/drechtsteden-wmo.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let marked = text.replace(
        r#""budget": {"figure": "afwijking", "positive": "overschot", "statement": "wmo-overschot-2016"}"#,
        r#""budget": {"figure": "afwijking", "positive": "tekort"}"#,
    );
    assert_ne!(marked, text);
    let ds = strict::dataset_file("drechtsteden-wmo.json", &marked, &m).expect("valid");
    let t = ds.tables.iter().find(|t| t.id == "wmo-programma-wmo-sdd").unwrap();
    assert_eq!(t.budget.as_ref().unwrap().positive, Some(Balance::Tekort));
    let state = ViewState::default();
    let region = site::region(&m, &state).unwrap().clone();
    let dash = theme::dashboard(&[Arc::new(ds.clone())], Theme::Wmo, &m, &region, &state);
    let card = dash.pillars.iter().flat_map(|p| &p.cards).find(|c| c.table == t.id).unwrap();
    let v = card.figure.number().unwrap();
    assert!(v < 0.0, "the table's sign: {v}");
    assert_eq!(card.budget.as_ref().unwrap().balance.as_deref(), Some("overschot"));
    assert_eq!(
        card.shown,
        monitor_sociaal_domein::core::text::format::with_unit(-v, card.figure.unit, card.figure.decimals)
    );
}

#[test]
fn budget_marks_are_checked() {
    let m = manifest();
    let text = std::fs::read_to_string(common::root().join("public/data/drechtsteden-jeugd.json")).unwrap();
    let good = r#""budget": {"figure": "afwijking", "positive": "tekort", "statement": "jeugd-lasten-hoger-2016"}"#;
    assert!(text.contains(good));
    for (bad, expected) in [
        (r#""budget": {"figure": "afwijking", "statement": "jeugd-lasten-hoger-2016"}"#, "positive"),
        (
            r#""budget": {"figure": "afwijking", "positive": "tekort", "statement": "jeugd-bestaat-niet"}"#,
            "onbekende uitspraak",
        ),
        (r#""budget": {"figure": "saldo", "positive": "tekort"}"#, "begroting, realisatie, afwijking of uitputting"),
        (r#""budget": {"figure": "afwijking", "positive": "min"}"#, "tekort of overschot"),
    ] {
        let problems = strict::dataset_file("drechtsteden-jeugd.json", &text.replace(good, bad), &m)
            .expect_err("a wrong budget mark is a problem");
        assert!(problems.iter().any(|p| p.to_string().contains(expected)), "{bad}: {problems:?}");
    }
}
