//! A theme page: the four pillars as sections, each with its tables; availability ("wie
//! levert, hoe vaak, wanneer") as tables; figures that could not be transcribed, with the reason.

use super::site::link;
use crate::core::model::view_state::{Page, ViewState};
use crate::core::model::{Availability, Dataset, Manifest, Pillar, Region, Theme, Untranscribed};
use crate::core::present::dashboard::{self, Dashboard};

/// One pillar of the theme.
#[derive(Debug, Clone, PartialEq)]
pub struct PillarSection {
    pub id: String,
    pub name: String,
    /// Links to the pillar's tables: href, title, provisional.
    pub tables: Vec<(String, String, bool)>,
    /// Availability tables (only under "Beschikbaarheid"), with "—" for empty cells.
    pub availability: Vec<AvailabilityTable>,
}

impl PillarSection {
    /// Neither tables nor availability: the page says so.
    pub fn is_empty(&self) -> bool {
        self.tables.is_empty() && self.availability.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AvailabilityTable {
    pub title: String,
    pub source: String,
    /// Item, supplier, frequency, available.
    pub rows: Vec<[String; 4]>,
}

/// The theme page's sections (one per pillar, in order) and its untranscribed figures.
pub fn theme<D: AsRef<Dataset>>(
    sets: &[D],
    theme: Theme,
    state: &ViewState,
) -> (Vec<PillarSection>, Vec<Untranscribed>) {
    let sets: Vec<&Dataset> = sets.iter().map(AsRef::as_ref).collect();
    let availability: Vec<&Availability> =
        sets.iter().flat_map(|d| &d.availability).filter(|a| a.theme == theme).collect();
    let untranscribed = sets.iter().filter(|d| d.theme == theme).flat_map(|d| &d.untranscribed).cloned().collect();
    let dash = |s: &Option<String>| s.clone().unwrap_or_else(|| "—".into());
    let sections = Pillar::ALL
        .into_iter()
        .map(|pillar| PillarSection {
            id: format!("pijler-{}", pillar.id()),
            name: pillar.name().to_owned(),
            tables: sets
                .iter()
                .flat_map(|d| &d.tables)
                .filter(|t| t.theme == theme && t.pillar == pillar)
                .map(|t| {
                    (link(state, Page::Indicator, |v| v.indicator = Some(t.id.clone())), t.title.clone(), t.provisional)
                })
                .collect(),
            availability: if pillar == Pillar::Beschikbaarheid {
                availability
                    .iter()
                    .map(|a| AvailabilityTable {
                        title: a.title.clone(),
                        source: a.source.text.clone(),
                        rows: a
                            .rows
                            .iter()
                            .map(|r| {
                                [
                                    r.item.clone().unwrap_or_default(),
                                    dash(&r.supplier),
                                    dash(&r.frequency),
                                    dash(&r.available),
                                ]
                            })
                            .collect(),
                    })
                    .collect()
            } else {
                Vec::new()
            },
        })
        .collect();
    (sections, untranscribed)
}

/// The theme as a dashboard (issue 13): per pillar a card per table, for the chosen gemeente
/// (the region when none is chosen), each linking to its full view.
pub fn dashboard<D: AsRef<Dataset>>(
    sets: &[D],
    theme: Theme,
    manifest: &Manifest,
    region: &Region,
    state: &ViewState,
) -> Dashboard {
    let tables: Vec<_> = sets.iter().flat_map(|d| &d.as_ref().tables).collect();
    let statements: Vec<_> = sets.iter().flat_map(|d| &d.as_ref().narrative.statements).collect();
    let gemeente = super::site::gemeente(region, state);
    dashboard::build(&tables, &statements, theme, manifest, region, gemeente, |id| {
        link(state, Page::Indicator, |v| v.indicator = Some(id.to_owned()))
    })
}
