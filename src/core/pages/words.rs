//! Plain words on a page (issue 23): the report's own wording beside the reader's titles and
//! labels ("In het rapport: …"), and each glossary term explained once, where a reader first
//! meets it on the page. One function per page type, used by the app and the baked page alike.

use super::home::KeyFigure;
use super::indicator::IndicatorModel;
use super::theme::PillarView;
use crate::core::model::view_state::ViewState;
use crate::core::model::{Dataset, Manifest, Region, Table};
use crate::core::read::config::Config;
use crate::core::text::glossary::{Explained, Glossary};

/// What an indicator page says about its words.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlainWords {
    /// "In het rapport: KTV Aanvraagproces Werk & Inkomen", when the title is the reader's.
    pub report_title: Option<String>,
    /// The measures and categories named in the reader's words, with the report's wording:
    /// ("tevreden (cijfer 8 tot 10), aantal", "positief (8-10), aantal").
    pub report_labels: Vec<(String, String)>,
    /// The terms of the title and the labels, in the order a reader meets them.
    pub terms: Vec<Explained>,
}

impl PlainWords {
    pub fn is_empty(&self) -> bool {
        self.report_title.is_none() && self.report_labels.is_empty() && self.terms.is_empty()
    }

    /// The summary line of the list of the report's labels: "Namen in het rapport (12)".
    pub fn labels_summary(&self) -> String {
        format!("Namen in het rapport ({})", self.report_labels.len())
    }
}

/// The line under a reader's title: "In het rapport: …".
pub fn in_report(title: &str) -> String {
    format!("In het rapport: {title}")
}

/// The texts of a table a reader sees, in reading order: its title, then the names of its
/// measures and categories (each once), then the report's own wording of them.
pub fn table_texts(table: &Table) -> Vec<&str> {
    let mut texts: Vec<&str> = vec![table.title.as_str()];
    texts.extend(table.report_title.as_deref());
    for m in &table.measures {
        texts.push(&m.label);
        texts.extend(m.report_label.as_deref());
    }
    for c in &table.categories {
        texts.push(&c.label);
        texts.extend(c.report.as_deref());
    }
    texts
}

/// The indicator page's words: the report's wording and the terms of the table's texts.
pub fn indicator(table: &Table, glossary: &Glossary) -> PlainWords {
    let report_labels = table
        .measures
        .iter()
        .filter_map(|m| m.report_label.clone().map(|r| (m.label.clone(), r)))
        .chain(table.categories.iter().filter_map(|c| c.report.clone().map(|r| (c.label.clone(), r))))
        .collect();
    let terms = glossary.first_mentions(&[table_texts(table)]).into_iter().flatten().collect();
    PlainWords { report_title: table.report_title.clone(), report_labels, terms }
}

/// Explains each term once on a theme page, on the first card (in the page's order: per pillar
/// the answer, then the rest) whose title, label or caption holds it.
pub fn explain_cards(pillars: &mut [PillarView], glossary: &Glossary) {
    let places: Vec<Vec<String>> = pillars
        .iter()
        .flat_map(|p| p.answer.iter().chain(&p.more))
        .map(|c| vec![c.title.clone(), c.label.clone(), c.caption.clone()])
        .collect();
    let borrowed: Vec<Vec<&str>> = places.iter().map(|p| p.iter().map(String::as_str).collect()).collect();
    let mut found = glossary.first_mentions(&borrowed).into_iter();
    for card in pillars.iter_mut().flat_map(|p| p.answer.iter_mut().chain(p.more.iter_mut())) {
        card.begrippen = found.next().unwrap_or_default();
    }
}

/// Explains each term once among the home page's key figures, on the first figure whose
/// caption, sentence, source line or table title (its link's hidden text) holds it.
pub fn explain_key_figures(figures: &mut [KeyFigure], glossary: &Glossary) {
    let places: Vec<Vec<&str>> = figures
        .iter()
        .map(|k| {
            let mut texts = vec![k.caption.as_str()];
            texts.extend(k.sentence.as_deref());
            texts.extend(k.context.as_deref());
            texts.push(&k.title);
            texts
        })
        .collect();
    let found = glossary.first_mentions(&places);
    for (k, terms) in figures.iter_mut().zip(found) {
        k.begrippen = terms;
    }
}

/// Adds the indicator page's words to its model (not in an embed, which stays compact): the
/// glossary of the file that holds the table, as the app has it loaded with the table.
pub fn add<D: AsRef<Dataset>>(model: &mut IndicatorModel, table: &Table, sets: &[D]) {
    if model.embed {
        return;
    }
    let own: Vec<&Dataset> =
        sets.iter().map(AsRef::as_ref).filter(|d| d.tables.iter().any(|t| t.id == table.id)).collect();
    model.words = indicator(table, &Glossary::of(&own));
}

/// The home page's key figures with their terms explained: what the app and the baked page show.
pub fn key_figures<D: AsRef<Dataset>>(
    sets: &[D],
    config: &Config,
    manifest: &Manifest,
    region: &Region,
    state: &ViewState,
) -> Vec<KeyFigure> {
    let tables: Vec<&Table> = sets.iter().flat_map(|d| &d.as_ref().tables).collect();
    let mut figures = super::home::key_figures(&tables, config, manifest, region, state);
    explain_key_figures(&mut figures, &Glossary::of(sets));
    figures
}
