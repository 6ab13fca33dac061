//! The home page: the theme links, key figures per theme next to the reference, and the
//! featured indicator.

use super::site::{gemeente, link};
use super::NavLink;
use crate::core::catalog;
use crate::core::config::Config;
use crate::core::council;
use crate::core::model::{Manifest, Region, Table, Theme};
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

/// The themes of the region that have data (and that `themas` in the config shows), as links to
/// their theme pages.
pub fn theme_links(config: &Config, manifest: &Manifest, region: &Region, state: &ViewState) -> Vec<NavLink> {
    council::themes(config, manifest, region)
        .into_iter()
        .map(|t| NavLink {
            href: link(state, Page::Theme, |v| v.theme = Some(t.id().to_owned())),
            label: t.name().to_owned(),
            current: false,
        })
        .collect()
}

/// The "meer" links: profile, comparison (only with two or more gemeenten), search.
pub fn more_links(region: &Region, state: &ViewState) -> Vec<NavLink> {
    [
        (Page::Profile, "Gemeenteprofiel"),
        (Page::Compare, "Gemeenten vergelijken"),
        (Page::Find, "Zoeken in alle cijfers"),
    ]
    .into_iter()
    .filter(|(page, _)| *page != Page::Compare || council::compare_offered(region))
    .map(|(page, label)| NavLink { href: link(state, page, |_| {}), label: label.into(), current: false })
    .collect()
}

/// The key figure of each theme shown (in the config's order) in the last period that has one.
/// Without a chosen gemeente the cards show the first gemeente (the region as a whole is rarely
/// published). A one-gemeente monitor whose tables have a row per year gets its cards too; when
/// nothing fits the list is empty and the page shows no "Kerncijfers" heading.
pub fn key_figures(
    tables: &[&Table],
    config: &Config,
    manifest: &Manifest,
    region: &Region,
    state: &ViewState,
) -> Vec<KeyFigure> {
    let area = gemeente(region, state)
        .map(str::to_owned)
        .or_else(|| region.gemeenten.first().cloned())
        .unwrap_or_else(|| region.area.clone());
    let themes = council::themes(config, manifest, region);
    council::key_figures(tables, &themes, manifest, &area, region.reference.as_deref())
        .into_iter()
        .map(|k| KeyFigure {
            theme: k.theme.name().to_owned(),
            value: k.figure.display(),
            label: k.label,
            area: k.area,
            reference: k.reference.map(|(name, f)| (name, f.display())),
            title: k.title,
            provisional: k.figure.provisional,
            href: link(state, Page::Indicator, |v| v.indicator = Some(k.table.clone())),
        })
        .collect()
}

/// The indicator shown below the key figures: the key table of the first theme, else the first.
pub fn featured<'a>(tables: &[&'a Table]) -> Option<&'a Table> {
    catalog::key_table(tables, Theme::ALL[0]).or_else(|| tables.first().copied())
}
