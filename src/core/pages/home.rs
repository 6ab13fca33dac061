//! The home page: the theme links, key figures per theme next to the reference, and the
//! featured indicator.

use super::site::{gemeente, link};
use super::NavLink;
use crate::core::catalog;
use crate::core::engine;
use crate::core::model::{Key, Manifest, Region, Table, Theme};
use crate::core::view::{Page, ViewState};

/// One key figure card.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyFigure {
    pub theme: String,
    pub value: String,
    pub label: String,
    pub area: String,
    /// The reference's name and figure, when it has a number.
    pub reference: Option<(String, String)>,
    pub title: String,
    pub provisional: bool,
    pub href: String,
}

/// The themes of the region that have data, as links to their theme pages.
pub fn theme_links(manifest: &Manifest, region: &Region, state: &ViewState) -> Vec<NavLink> {
    Theme::ALL
        .into_iter()
        .filter(|t| manifest.datasets.iter().any(|d| d.region == region.id && d.themes.contains(t)))
        .map(|t| NavLink {
            href: link(state, Page::Theme, |v| v.theme = Some(t.id().to_owned())),
            label: t.name().to_owned(),
            current: false,
        })
        .collect()
}

/// The "meer" links: profile, comparison, search.
pub fn more_links(state: &ViewState) -> Vec<NavLink> {
    [
        (Page::Profile, "Gemeenteprofiel"),
        (Page::Compare, "Gemeenten vergelijken"),
        (Page::Find, "Zoeken in alle cijfers"),
    ]
    .into_iter()
    .map(|(page, label)| NavLink { href: link(state, page, |_| {}), label: label.into(), current: false })
    .collect()
}

/// The key figure of each theme in its key table's last period. Without a chosen gemeente the
/// cards show the first gemeente (the region as a whole is rarely published).
pub fn key_figures(tables: &[&Table], manifest: &Manifest, region: &Region, state: &ViewState) -> Vec<KeyFigure> {
    let area = gemeente(region, state)
        .map(str::to_owned)
        .or_else(|| region.gemeenten.first().cloned())
        .unwrap_or_else(|| region.area.clone());
    Theme::ALL
        .into_iter()
        .filter_map(|theme| catalog::key_table(tables, theme).map(|t| (theme, t)))
        .map(|(theme, table)| {
            let period = table.periods.last().map(|p| p.id.clone()).unwrap_or_default();
            let measure = table.measures.first().map(|x| x.id.clone()).unwrap_or_default();
            let figure = |code: &str| {
                engine::cell(
                    table,
                    &Key { measure: measure.clone(), area: code.to_owned(), period: period.clone(), category: None },
                )
            };
            let here = figure(&area);
            let reference = region
                .reference
                .as_deref()
                .map(|code| (manifest.area_name(code), figure(code)))
                .filter(|(_, f)| f.number().is_some())
                .map(|(name, f)| (name, f.display()));
            KeyFigure {
                theme: theme.name().to_owned(),
                value: here.display(),
                label: table.measures.first().map(|x| x.label.clone()).unwrap_or_default(),
                area: manifest.area_name(&area),
                reference,
                title: table.title.clone(),
                provisional: here.provisional,
                href: link(state, Page::Indicator, |v| v.indicator = Some(table.id.clone())),
            }
        })
        .collect()
}

/// The indicator shown below the key figures: the key table of the first theme, else the first.
pub fn featured<'a>(tables: &[&'a Table]) -> Option<&'a Table> {
    catalog::key_table(tables, Theme::ALL[0]).or_else(|| tables.first().copied())
}
