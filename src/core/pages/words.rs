//! Plain words on a page (issue 23): the report's own wording beside the reader's titles and
//! labels ("In het rapport: …"), and each glossary term explained once, where a reader first
//! meets it on the page. One function per page type, used by the app and the baked page alike.

use super::home::KeyFigure;
use super::indicator::IndicatorModel;
use crate::core::model::view_state::ViewState;
use crate::core::model::{Dataset, Manifest, Region, Table};
use crate::core::present::plain_words::indicator;
use crate::core::read::config::Config;
use crate::core::text::glossary::Glossary;

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
    let tables = super::site::all_tables(sets);
    let mut figures = super::home::key_figures(&tables, config, manifest, region, state);
    explain_key_figures(&mut figures, &Glossary::of(sets));
    figures
}
