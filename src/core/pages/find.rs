//! Finding indicators by a word, across every region of the monitor.

use super::site::link;
use crate::core::model::view_state::{Page, ViewState};
use crate::core::model::{Dataset, Manifest};
use crate::core::present::catalog;
use crate::core::text::glossary::Glossary;

/// One search result: a link to the indicator and where it lives.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub href: String,
    pub title: String,
    pub meta: String,
}

/// The hits for the view's query and the status line that counts them. A query that names a
/// gemeente ("Zwijndrecht jeugd") finds the subject's tables with figures for that gemeente and
/// links to them with the gemeente chosen.
pub fn search<D: AsRef<Dataset>>(sets: &[D], manifest: &Manifest, state: &ViewState) -> (String, Vec<Hit>) {
    let query = state.query.clone().unwrap_or_default();
    let glossary = Glossary::of(sets);
    let mut hits: Vec<Hit> = Vec::new();
    for set in sets.iter().map(AsRef::as_ref) {
        let tables: Vec<&crate::core::model::Table> = set.tables.iter().collect();
        let (read, found) = catalog::find(&tables, &glossary, manifest, &query);
        let region = manifest.regions.iter().find(|r| r.id == set.region);
        let place = region.map_or(set.region.clone(), |r| r.name.clone());
        // The gemeente is chosen in the link only where it belongs to this region.
        let gemeente = read.gemeente.filter(|g| region.is_some_and(|r| r.gemeenten.contains(g)));
        for table in found {
            let href = link(&ViewState { region: Some(set.region.clone()), ..state.clone() }, Page::Indicator, |v| {
                v.indicator = Some(table.id.clone());
                if gemeente.is_some() {
                    v.gemeente = gemeente.clone();
                }
            });
            hits.push(Hit {
                href,
                title: table.title.clone(),
                meta: format!("{} · {} · {place}", table.theme.name(), table.pillar.name()),
            });
        }
    }
    let status = match hits.len() {
        0 => "Geen cijfers gevonden.".to_owned(),
        1 => "1 tabel gevonden.".to_owned(),
        n => format!("{n} tabellen gevonden."),
    };
    (status, hits)
}

/// "Bedoelt u …?" when the view's query finds nothing: a link to the search for the nearest words
/// the tables use (issue 23: "jeugdzrog" finds nothing, "jeugdzorg" does).
pub fn suggestion<D: AsRef<Dataset>>(sets: &[D], state: &ViewState) -> Option<super::NavLink> {
    let query = state.query.as_deref()?;
    let tables: Vec<&crate::core::model::Table> = sets.iter().flat_map(|d| &d.as_ref().tables).collect();
    let better = catalog::suggestion(&tables, &Glossary::of(sets), query)?;
    let href = link(state, Page::Find, |v| v.query = Some(better.clone()));
    Some(super::NavLink { href, label: better, current: false })
}
