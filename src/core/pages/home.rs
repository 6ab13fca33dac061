//! The home page: the theme links, the headline figure of each theme with its sentence, and
//! the featured indicator.

use super::site::{gemeente, link};
use super::NavLink;
use crate::core::catalog;
use crate::core::headline;
use crate::core::model::{Manifest, Region, Table, Theme};
use crate::core::view::{Page, ViewState};

/// One key figure card: the theme's headline figure (marked in the data), never 0, geheim or
/// n.b., with its plain-Dutch sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyFigure {
    pub theme: String,
    pub theme_href: String,
    pub value: String,
    pub label: String,
    /// The area the figure is for (the chosen gemeente, else the region, else Nederland).
    pub area: String,
    pub period: String,
    /// What the number means, in one B1 sentence (only for the marked figure).
    pub sentence: Option<String>,
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

/// The headline figure of each theme (`core::headline`), for the chosen gemeente, else the
/// region; it falls back safely so it is never 0, geheim or n.b.
pub fn key_figures(tables: &[&Table], manifest: &Manifest, region: &Region, state: &ViewState) -> Vec<KeyFigure> {
    let mut chain: Vec<&str> = gemeente(region, state).into_iter().collect();
    chain.push(region.area.as_str());
    Theme::ALL
        .into_iter()
        .filter_map(|theme| headline::pick(tables, theme, &chain, manifest))
        .map(|k| KeyFigure {
            theme: k.theme.name().to_owned(),
            theme_href: link(state, Page::Theme, |v| v.theme = Some(k.theme.id().to_owned())),
            value: k.figure.display(),
            label: k.label.clone(),
            area: k.area_name.clone(),
            period: k.period_label.clone(),
            sentence: k.sentence.clone(),
            title: k.title.clone(),
            provisional: k.figure.provisional,
            href: link(state, Page::Indicator, |v| v.indicator = Some(k.table.clone())),
        })
        .collect()
}

/// The indicator shown below the key figures: the key table of the first theme, else the first.
pub fn featured<'a>(tables: &[&'a Table]) -> Option<&'a Table> {
    catalog::key_table(tables, Theme::ALL[0]).or_else(|| tables.first().copied())
}
