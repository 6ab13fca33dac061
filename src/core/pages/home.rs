//! The home page: the theme links, the headline figure of each theme with its sentence, and
//! the featured indicator.

use super::site::{gemeente, link};
use super::NavLink;
use crate::core::model::view_state::{Page, ViewState};
use crate::core::model::{Manifest, Region, Table, Theme};
use crate::core::pages::council;
use crate::core::present::age;
use crate::core::present::catalog;
use crate::core::present::headline;
use crate::core::read::config::Config;

/// One key figure card: the theme's headline figure (marked in the data), never 0, geheim or
/// n.b., with its plain-Dutch sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyFigure {
    pub theme: String,
    pub theme_href: String,
    pub value: String,
    /// The printed figure's recomputation from its parts, when it differs (issue 21):
    /// "berekend uit de delen: 80 per 1.000". Shown next to the figure, never instead of it.
    pub computed: Option<String>,
    /// What follows the number: "in Dordrecht" when the sentence says what it counts,
    /// otherwise what it counts and where ("jeugdhulp – 18-22 jaar in Dordrecht").
    pub caption: String,
    /// The area the figure is for (the chosen gemeente, else the region, else Nederland).
    pub area: String,
    pub period: String,
    /// What the number means, in one B1 sentence (only for the marked figure).
    pub sentence: Option<String>,
    /// Without a sentence: the table the figure comes from ("Uit: Instroom 2016, naar reden (%)"),
    /// so "18,9% statushouders" can be read as a share of the inflow.
    pub context: Option<String>,
    pub title: String,
    pub provisional: bool,
    /// The glossary terms this figure is the first on the page to mention (issue 23); set by
    /// `pages::words::explain_key_figures`.
    pub begrippen: Vec<crate::core::text::glossary::Explained>,
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

/// The "meer" links: profile (only when a gemeente has figures of its own in `tables`, the
/// region's loaded tables), comparison (only when two or more have), search.
pub fn more_links(region: &Region, tables: &[&Table], state: &ViewState) -> Vec<NavLink> {
    let offer = super::site::offer(tables, region);
    [
        (Page::Profile, "Gemeenteprofiel"),
        (Page::Compare, "Gemeenten vergelijken"),
        (Page::Find, "Zoeken in alle cijfers"),
    ]
    .into_iter()
    .filter(|(page, _)| match page {
        Page::Profile => offer.profile,
        Page::Compare => offer.compare,
        _ => true,
    })
    .map(|(page, label)| NavLink { href: link(state, page, |_| {}), label: label.into(), current: false })
    .collect()
}

/// The headline figure of each theme shown (`core::headline`, in the config's order), for the
/// chosen gemeente, else the region; it falls back safely so it is never 0, geheim or n.b. When
/// nothing fits the list is empty and the page shows no "Kerncijfers" heading.
pub fn key_figures(
    tables: &[&Table],
    config: &Config,
    manifest: &Manifest,
    region: &Region,
    state: &ViewState,
) -> Vec<KeyFigure> {
    let mut chain: Vec<&str> = gemeente(region, state).into_iter().collect();
    chain.push(region.area.as_str());
    council::themes(config, manifest, region)
        .into_iter()
        .filter_map(|theme| headline::pick(tables, theme, &chain, manifest))
        .map(|k| KeyFigure {
            theme: k.theme.name().to_owned(),
            theme_href: link(state, Page::Theme, |v| v.theme = Some(k.theme.id().to_owned())),
            value: k.figure.display(),
            computed: k.figure.computed_note(),
            // The sentence names what the figure counts in plain words; the measure label next
            // to the number would repeat it in the table's terms ("55 per 1.000 aantal per 1.000
            // inwoners – totaal").
            caption: match k.sentence {
                Some(_) => format!("in {}", k.area_name),
                None => format!("{} in {}", k.label, k.area_name),
            },
            area: k.area_name.clone(),
            period: k.period_label.clone(),
            sentence: k.sentence.clone(),
            context: k.sentence.is_none().then(|| format!("Uit: {}", k.title)),
            title: k.title.clone(),
            provisional: k.figure.provisional,
            begrippen: Vec::new(),
            href: link(state, Page::Indicator, |v| v.indicator = Some(k.table.clone())),
        })
        .collect()
}

/// The indicator shown below the key figures: the key table of the first theme, else the first.
pub fn featured<'a>(tables: &[&'a Table]) -> Option<&'a Table> {
    catalog::key_table(tables, Theme::ALL[0]).or_else(|| tables.first().copied())
}

/// How old the figures are (issue 23: nothing on the home page said they are from 2015–2017): the
/// years the tables are about and the years of the reports they come from. "De cijfers gaan over
/// 2015 tot en met 2017, uit rapporten van 2017 tot en met 2019." None without tables.
pub fn age(tables: &[&Table], manifest: &Manifest) -> Option<String> {
    let mut about: Vec<u32> = tables.iter().flat_map(|t| t.periods.iter().flat_map(|p| age::years(&p.id))).collect();
    let mut reports: Vec<u32> = tables.iter().filter_map(|t| manifest.seed(&t.source.seed).map(|s| s.year)).collect();
    about.sort_unstable();
    about.dedup();
    reports.sort_unstable();
    reports.dedup();
    let about = age::span(&about)?;
    Some(match (age::span(&reports), reports.len()) {
        (Some(r), 1) => format!("De cijfers gaan over {about}, uit een rapport van {r}."),
        (Some(r), _) => format!("De cijfers gaan over {about}, uit rapporten van {r}."),
        (None, _) => format!("De cijfers gaan over {about}."),
    })
}

/// The home page's heading and, when a gemeente is chosen, the line that places it in its region
/// (issue 23: the first screen names the gemeente): one wording for the app and the baked page.
pub fn heading(manifest: &Manifest, region: &Region, state: &ViewState) -> (String, Option<String>) {
    let place = super::site::place_name(manifest, region, state);
    let line = (place != region.name).then(|| format!("Een gemeente in de regio {}.", region.name));
    (format!("Monitor Sociaal Domein {place}"), line)
}
