//! The gemeente profile: every indicator for one gemeente next to its region and Nederland.

use super::site::{gemeente, link};
use super::NavLink;
use crate::core::model::view_state::{Page, ViewState};
use crate::core::model::{Manifest, Region, Table, Theme};
use crate::core::pages::council;
use crate::core::present::catalog;

/// One theme's table of the profile.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileSection {
    pub id: String,
    pub theme: String,
    pub caption: String,
    pub gemeente_name: String,
    pub region_name: String,
    pub reference_name: String,
    /// The figure columns' headings: the gemeente, then the region and the reference only when
    /// they are another area and have figures (`council::profile_columns`).
    pub columns: Vec<String>,
    pub rows: Vec<ProfileLine>,
}

/// One measure: a link to its indicator, the period and the three figures, formatted.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileLine {
    pub href: String,
    pub title: String,
    pub measure: String,
    pub period: String,
    pub gemeente: String,
    pub region: String,
    pub reference: String,
    /// The figures under `columns`, in order.
    pub cells: Vec<String>,
}

/// The gemeente the profile is about: the chosen one, or the region's only gemeente.
pub fn profile_gemeente(region: &Region, state: &ViewState) -> Option<String> {
    gemeente(region, state)
        .map(str::to_owned)
        .or_else(|| (region.gemeenten.len() == 1).then(|| region.gemeenten[0].clone()))
}

/// Why there is no profile to show: the region's tables (`tables`) hold no figure for any of its
/// gemeenten, only for the region as a whole (Drentsche Aa). `None` when a profile can be shown.
pub fn not_offered(tables: &[&Table], manifest: &Manifest, region: &Region) -> Option<String> {
    (!super::site::offer(tables, region).profile).then(|| {
        format!(
            "De cijfers van {} gelden voor de regio als geheel; er zijn geen cijfers per gemeente,              dus ook geen gemeenteprofiel. Alle cijfers staan op de pagina's per thema.",
            manifest.area_name(&region.area)
        )
    })
}

/// The profile of gemeente `code`, one section per theme that has figures for it.
pub fn profile(
    tables: &[&Table],
    manifest: &Manifest,
    region: &Region,
    code: &str,
    state: &ViewState,
) -> Vec<ProfileSection> {
    let rows = catalog::profile_rows(tables, code, &region.area, region.reference.as_deref());
    let gemeente_name = manifest.area_name(code);
    let region_name = manifest.area_name(&region.area);
    let reference_name = region.reference.as_deref().map(|x| manifest.area_name(x)).unwrap_or_default();
    let columns = council::profile_columns(manifest, region, code, &rows);
    Theme::ALL
        .into_iter()
        .filter_map(|theme| {
            let lines: Vec<ProfileLine> = rows
                .iter()
                .filter(|r| r.theme == theme)
                .map(|r| ProfileLine {
                    href: link(state, Page::Indicator, |v| v.indicator = Some(r.table.clone())),
                    title: r.title.clone(),
                    measure: r.measure.clone(),
                    period: r.period.clone(),
                    gemeente: r.gemeente.display_noted(),
                    region: r.region.as_ref().map_or("—".into(), |f| f.display_noted()),
                    reference: r.reference.as_ref().map_or("—".into(), |f| f.display_noted()),
                    cells: columns.iter().map(|(c, _)| council::profile_cell(r, *c)).collect(),
                })
                .collect();
            (!lines.is_empty()).then(|| ProfileSection {
                id: format!("profiel-{}", theme.id()),
                theme: theme.name().to_owned(),
                caption: format!("{} — {gemeente_name}", theme.name()),
                gemeente_name: gemeente_name.clone(),
                region_name: region_name.clone(),
                reference_name: reference_name.clone(),
                columns: columns.iter().map(|(_, name)| name.clone()).collect(),
                rows: lines,
            })
        })
        .collect()
}

/// A wijk or buurt of the gemeente with figures, and links to its tables (with the gemeente
/// chosen, so the indicator shows the gemeente's wijken).
#[derive(Debug, Clone, PartialEq)]
pub struct WijkLine {
    pub name: String,
    pub kind: String,
    pub tables: Vec<NavLink>,
}

/// The wijken (and buurten) of gemeente `code` that the loaded tables have figures for.
pub fn wijken(tables: &[&Table], manifest: &Manifest, code: &str, state: &ViewState) -> Vec<WijkLine> {
    council::wijken(manifest, code, tables)
        .into_iter()
        .map(|w| WijkLine {
            name: w.name,
            kind: w.kind.id().to_owned(),
            tables: w
                .tables
                .iter()
                .filter_map(|id| tables.iter().find(|t| t.id == *id))
                .map(|t| NavLink {
                    href: link(state, Page::Indicator, |v| {
                        v.indicator = Some(t.id.clone());
                        v.gemeente = Some(code.to_owned());
                    }),
                    label: t.title.clone(),
                    current: false,
                })
                .collect(),
        })
        .collect()
}
