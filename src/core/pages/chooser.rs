//! Choosing one gemeente of a region (issue 25): a list of links for a few gemeenten, and for
//! many (a national region: 342) a compact chooser that never stands between the reader and the
//! content: the chosen gemeente, the region, a search field with the names as suggestions and
//! every gemeente one link away in a closed `<details>`. The app and the baked page render the
//! same model; [`resolve`] reads what a reader typed (a name, an alternative name, a CBS code).

use super::{site, NavLink};
use crate::core::model::gemeenten::Gemeenten;
use crate::core::model::view_state::ViewState;
use crate::core::model::{Manifest, Region, Table};
use crate::core::text::forgiving::distance;
use crate::core::text::place_names::{gemeente_code, normal, ALSO_CALLED};

/// Up to this many gemeenten the choice is a list of links (the bundled regions have 1 to 6).
pub const LIST_UP_TO: usize = 12;

/// The gemeente choice of a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Chooser {
    /// Fewer than two gemeenten to choose from.
    Hidden,
    /// One link per gemeente (choosing the current one again clears the choice).
    List(Vec<NavLink>),
    Compact(Compact),
}

/// The chooser for a region of many gemeenten.
#[derive(Debug, Clone, PartialEq)]
pub struct Compact {
    /// The chosen gemeente (current) and the whole region: what is one click away.
    pub quick: Vec<NavLink>,
    /// The search form: its action (this page) and the hidden fields that keep the rest of the
    /// view; the field itself is `gemeente`.
    pub action: String,
    pub hidden: Vec<(String, String)>,
    /// Every name, alphabetically, for the `<datalist>`.
    pub names: Vec<String>,
    /// "Alle 342 gemeenten".
    pub summary: String,
    /// Every gemeente as a link, alphabetically, by first letter; by province (alphabetically)
    /// once the list of gemeenten is known ([`compact_with`]).
    pub groups: Vec<(String, Vec<NavLink>)>,
    /// Whether `groups` are provinces.
    pub by_province: bool,
}

/// How many neighbours of the chosen gemeente are quick choices.
pub const NEIGHBOURS: usize = 3;

/// The choice for the page: before its data are in (`tables` is `None`) among all of the
/// region's gemeenten, after among those with figures of their own (`site::gemeente_choice_offered`).
pub fn chooser(manifest: &Manifest, region: &Region, state: &ViewState, tables: Option<&[&Table]>) -> Chooser {
    let links = links(manifest, region, state, tables);
    match links.len() {
        0 => Chooser::Hidden,
        n if n <= LIST_UP_TO => Chooser::List(links),
        _ => Chooser::Compact(compact(region, state, links)),
    }
}

/// The gemeenten to choose from, as [`Chooser::List`] shows them (the app decides list or
/// compact from their number, and makes the compact model in the chooser's own chunk).
pub fn links(manifest: &Manifest, region: &Region, state: &ViewState, tables: Option<&[&Table]>) -> Vec<NavLink> {
    match tables {
        Some(tables) => site::gemeente_choice_offered(manifest, region, state, tables),
        None => site::gemeente_choice(manifest, region, state),
    }
}

/// The compact chooser over `links` (more than [`LIST_UP_TO`]).
pub fn compact(region: &Region, state: &ViewState, links: Vec<NavLink>) -> Compact {
    let chosen = site::gemeente(region, state);
    let mut quick: Vec<NavLink> = links
        .iter()
        .filter(|l| l.current)
        .map(|l| NavLink { href: state.href(), label: l.label.clone(), current: true })
        .collect();
    quick.push(NavLink {
        href: ViewState { gemeente: None, ..state.clone() }.href(),
        label: format!("Hele regio: {}", region.name),
        current: chosen.is_none(),
    });
    let mut sorted = links;
    sorted.sort_by_cached_key(|l| sort_key(&l.label));
    let mut groups: Vec<(String, Vec<NavLink>)> = Vec::new();
    for link in sorted {
        let letter = sort_key(&link.label).chars().next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
        match groups.last_mut() {
            Some((l, links)) if *l == letter => links.push(link),
            _ => groups.push((letter, vec![link])),
        }
    }
    let names: Vec<String> = groups.iter().flat_map(|(_, ls)| ls.iter().map(|l| l.label.clone())).collect();
    let (action, hidden) = form(state);
    Compact {
        quick,
        action,
        hidden,
        summary: format!("Alle {} gemeenten", names.len()),
        names,
        groups,
        by_province: false,
    }
}

/// The compact chooser when the CBS list of gemeenten is known (`public/geo/gemeenten.json`,
/// issue 25 and 27): every gemeente by province, and the chosen gemeente's nearest neighbours
/// in its province as quick choices (between the chosen one and the whole region).
pub fn compact_with(region: &Region, state: &ViewState, links: Vec<NavLink>, known: &Gemeenten) -> Compact {
    // The current link clears the choice: its gemeente is the chosen one.
    let code_of =
        |l: &NavLink| if l.current { state.gemeente.clone() } else { ViewState::parse_href(&l.href).gemeente };
    let chosen = site::gemeente(region, state).and_then(|c| known.get(c));
    let mut near: Vec<(f64, NavLink)> = chosen
        .map(|c| {
            links
                .iter()
                .filter_map(|l| {
                    let g = known.get(&code_of(l)?)?;
                    let (dx, dy) = (g.point[0] - c.point[0], g.point[1] - c.point[1]);
                    (g.code != c.code && g.province == c.province).then(|| (dx * dx * 0.38 + dy * dy, l.clone()))
                })
                .collect()
        })
        .unwrap_or_default();
    near.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut by_province: Vec<(String, Vec<NavLink>)> = Vec::new();
    for link in &links {
        let province = code_of(link)
            .and_then(|c| known.get(&c).and_then(|g| known.province(&g.province)).map(|p| p.name.clone()))
            .unwrap_or_else(|| "Overig".to_owned());
        match by_province.iter_mut().find(|(p, _)| *p == province) {
            Some((_, ls)) => ls.push(link.clone()),
            None => by_province.push((province, vec![link.clone()])),
        }
    }
    by_province.sort_by_cached_key(|(p, _)| sort_key(p));
    for (_, ls) in &mut by_province {
        ls.sort_by_cached_key(|l| sort_key(&l.label));
    }
    let mut c = compact(region, state, links);
    let at = c.quick.len().saturating_sub(1);
    c.quick.splice(at..at, near.into_iter().take(NEIGHBOURS).map(|(_, l)| NavLink { current: false, ..l }));
    c.groups = by_province;
    c.by_province = true;
    c
}

/// A gemeente that is no longer there, in words: "Weesp, tot 2022; nu deel van Amsterdam".
pub fn herindeling(known: &Gemeenten, code: &str) -> Option<String> {
    let g = known.get(code).filter(|g| g.last < known.years.1)?;
    let now = known.now_part_of(code)?;
    let also: Vec<String> = g
        .also
        .iter()
        .filter_map(|c| known.now_part_of(c))
        .filter(|a| a.code != now.code)
        .map(|a| a.name().to_owned())
        .collect();
    let also = if also.is_empty() { String::new() } else { format!(" (en voor een deel van {})", also.join(" en ")) };
    Some(format!("{}, tot {}; nu deel van {}{also}", g.name(), g.last, now.name()))
}

/// Where a name is in an alphabetical list: 's-Gravenhage under G.
fn sort_key(name: &str) -> String {
    let name = name.strip_prefix("'s-").or_else(|| name.strip_prefix("\u{2019}s-")).unwrap_or(name);
    normal(name)
}

/// The search form of the chooser: this page's address without the gemeente, its query as
/// hidden fields (a GET form replaces the query).
pub fn form(state: &ViewState) -> (String, Vec<(String, String)>) {
    let href = ViewState { gemeente: None, ..state.clone() }.href();
    let (path, query) = href.split_once('?').unwrap_or((&href, ""));
    let hidden = form_urlencoded::parse(query.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    (path.to_owned(), hidden)
}

/// Folded (no case, no accents), every run of other characters one space:
/// "'s-Hertogenbosch" → "s hertogenbosch", "Bergen (L.)" → "bergen l".
/// What the reader typed did not name one gemeente: why, in Dutch, and the likeliest one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Miss {
    pub message: String,
    /// CBS code and name of the gemeente the reader probably meant.
    pub suggestion: Option<(String, String)>,
}

/// The CBS code of the region's gemeente the reader means: its code ("GM0796", "0796", "796"),
/// its name with case, accents and punctuation ignored, an alternative name ("Den Bosch"), or
/// the start of exactly one name ("Hendrik").
pub fn resolve(manifest: &Manifest, region: &Region, typed: &str) -> Result<String, Miss> {
    resolve_with(manifest, region, typed, None)
}

/// [`resolve`], knowing every CBS gemeente of every year (`known`): a former spelling
/// ("Hengelo" for "Hengelo (O.)") finds its gemeente, and a gemeente that merged ("Weesp") gets
/// "Weesp, tot 2022; nu deel van Amsterdam." with the gemeente it became part of as suggestion.
pub fn resolve_with(
    manifest: &Manifest,
    region: &Region,
    typed: &str,
    known: Option<&Gemeenten>,
) -> Result<String, Miss> {
    let found = resolve_in_region(manifest, region, typed);
    let (Err(miss), Some(known)) = (&found, known) else { return found };
    let given = normal(typed);
    let upper = typed.trim().to_uppercase();
    let digits = upper.strip_prefix("GM").unwrap_or(&upper);
    let by_code = (!digits.is_empty() && digits.len() <= 4 && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| format!("GM{digits:0>4}"));
    let Some(g) = known.gemeenten.iter().find(|g| {
        by_code.as_deref() == Some(g.code.as_str())
            || (!given.is_empty() && g.names.iter().any(|(_, n)| normal(n) == given))
    }) else {
        return found;
    };
    if region.gemeenten.contains(&g.code) {
        return Ok(g.code.clone());
    }
    let Some(words) = herindeling(known, &g.code) else { return Err(miss.clone()) };
    let now = known.now_part_of(&g.code).filter(|n| region.gemeenten.contains(&n.code));
    Err(Miss { message: format!("{words}."), suggestion: now.map(|n| (n.code.clone(), manifest.area_name(&n.code))) })
}

fn resolve_in_region(manifest: &Manifest, region: &Region, typed: &str) -> Result<String, Miss> {
    let typed = typed.trim();
    let gemeenten: Vec<(&String, String)> =
        region.gemeenten.iter().filter_map(|g| manifest.area(g).map(|a| (g, normal(&a.name)))).collect();
    if let Some(code) = gemeente_code(typed) {
        if let Some((g, _)) = gemeenten.iter().find(|(g, _)| **g == code) {
            return Ok((*g).clone());
        }
    }
    let given = normal(typed);
    let wanted = ALSO_CALLED.iter().find(|(alias, _)| *alias == given).map_or(given.as_str(), |(_, name)| name);
    if let Some((g, _)) = gemeenten.iter().find(|(_, n)| n == wanted) {
        return Ok((*g).clone());
    }
    let starting: Vec<&(&String, String)> =
        gemeenten.iter().filter(|(_, n)| !wanted.is_empty() && n.starts_with(wanted)).collect();
    if let [(g, _)] = starting.as_slice() {
        return Ok((*g).clone());
    }
    let quoted = format!("\u{2018}{typed}\u{2019}");
    if typed.is_empty() {
        return Err(Miss { message: "Vul de naam of de CBS-code van een gemeente in.".into(), suggestion: None });
    }
    if starting.len() > 1 {
        let names: Vec<String> = starting.iter().take(5).map(|(g, _)| manifest.area_name(g)).collect();
        let more = if starting.len() > 5 { ", …" } else { "" };
        return Err(Miss {
            message: format!("Meer gemeenten beginnen met {quoted}: {}{more}.", names.join(", ")),
            suggestion: None,
        });
    }
    let allowed = if wanted.chars().count() >= 5 { 2 } else { 1 };
    let nearest = gemeenten
        .iter()
        .map(|(g, n)| (distance(wanted, n, allowed), *g))
        .filter(|(d, _)| *d <= allowed)
        .min_by_key(|(d, _)| *d);
    Err(Miss {
        message: format!("Geen gemeente gevonden met de naam {quoted}."),
        suggestion: nearest.map(|(_, g)| (g.clone(), manifest.area_name(g))),
    })
}

/// The view after the reader typed `typed` in the chooser: the same view with that gemeente.
pub fn choose(
    manifest: &Manifest,
    region: &Region,
    state: &ViewState,
    typed: &str,
    known: Option<&Gemeenten>,
) -> Result<ViewState, Miss> {
    resolve_with(manifest, region, typed, known).map(|code| ViewState { gemeente: Some(code), ..state.clone() })
}

/// The link of a [`Miss`]'s suggestion ("Bedoelt u …?").
pub fn suggestion_link(state: &ViewState, miss: &Miss) -> Option<NavLink> {
    miss.suggestion.as_ref().map(|(code, name)| NavLink {
        href: ViewState { gemeente: Some(code.clone()), ..state.clone() }.href(),
        label: name.clone(),
        current: false,
    })
}
