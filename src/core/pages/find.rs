//! Finding indicators by a word, across every region of the monitor.

use super::site::link;
use crate::core::catalog;
use crate::core::model::{Dataset, Manifest};
use crate::core::view::{Page, ViewState};

/// One search result: a link to the indicator and where it lives.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub href: String,
    pub title: String,
    pub meta: String,
}

/// The hits for the view's query and the status line that counts them.
pub fn search<D: AsRef<Dataset>>(sets: &[D], manifest: &Manifest, state: &ViewState) -> (String, Vec<Hit>) {
    let query = state.query.clone().unwrap_or_default();
    let hits: Vec<Hit> = sets
        .iter()
        .map(AsRef::as_ref)
        .flat_map(|d| catalog::search(d.tables.iter(), &query).into_iter().map(move |t| (d.region.clone(), t)))
        .map(|(region, table)| {
            let href = link(&ViewState { region: Some(region.clone()), ..state.clone() }, Page::Indicator, |v| {
                v.indicator = Some(table.id.clone())
            });
            let place = manifest.regions.iter().find(|r| r.id == region).map_or(region.clone(), |r| r.name.clone());
            Hit {
                href,
                title: table.title.clone(),
                meta: format!("{} · {} · {place}", table.theme.name(), table.pillar.name()),
            }
        })
        .collect();
    let status = match hits.len() {
        0 => "Geen cijfers gevonden.".to_owned(),
        1 => "1 tabel gevonden.".to_owned(),
        n => format!("{n} tabellen gevonden."),
    };
    (status, hits)
}
