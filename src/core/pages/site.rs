//! What every page shares: the config applied to the manifest, the view's region and gemeente,
//! links that keep the reader's place, and which data files a view needs.

use super::NavLink;
use crate::core::model::view_state::{Page, ViewState};
use crate::core::model::{AreaKind, Dataset, Manifest, Region, Table, Theme};
use crate::core::read::config::Config;

/// The manifest as this site shows it: only the regions the config names, the default first.
pub fn apply_config(mut manifest: Manifest, config: &Config) -> Manifest {
    if !config.regions.is_empty() {
        manifest.regions.retain(|r| config.regions.contains(&r.id));
        manifest.regions.sort_by_key(|r| config.regions.iter().position(|x| *x == r.id));
        manifest.datasets.retain(|d| config.regions.contains(&d.region));
    }
    if let Some(first) = &config.default_region {
        if let Some(i) = manifest.regions.iter().position(|r| r.id == *first) {
            let region = manifest.regions.remove(i);
            manifest.regions.insert(0, region);
        }
    }
    manifest
}

/// The config's default gemeente, when the link names none and shows its region; and the region
/// shown, when the link names none, so every link from the view names its baked page (issue 22).
pub fn with_defaults(mut state: ViewState, config: &Config, manifest: &Manifest) -> ViewState {
    // Not for an indicator: a link without a region finds its indicator in any region
    // (`links::check`), which then names it.
    if state.region.is_none() && !state.embed && state.page != Page::Indicator {
        state.region = manifest.regions.first().map(|r| r.id.clone());
    }
    if state.gemeente.is_none() {
        if let (Some(code), Some(region)) = (&config.default_gemeente, region(manifest, &state)) {
            if region.gemeenten.contains(code) {
                state.gemeente = Some(code.clone());
            }
        }
    }
    state
}

/// The region the view asks for, or the first one in the manifest.
pub fn region<'a>(manifest: &'a Manifest, state: &ViewState) -> Option<&'a Region> {
    state
        .region
        .as_deref()
        .and_then(|id| manifest.regions.iter().find(|r| r.id == id))
        .or_else(|| manifest.regions.first())
}

/// The chosen gemeente if it belongs to the region, else none.
pub fn gemeente<'a>(region: &Region, state: &'a ViewState) -> Option<&'a str> {
    state.gemeente.as_deref().filter(|g| region.gemeenten.iter().any(|x| x == g))
}

/// A link to another page that keeps the region, gemeente and embed mode.
pub fn link(state: &ViewState, page: Page, change: impl FnOnce(&mut ViewState)) -> String {
    let mut next = ViewState {
        page,
        region: state.region.clone(),
        gemeente: state.gemeente.clone(),
        embed: state.embed,
        ..ViewState::default()
    };
    change(&mut next);
    next.href()
}

/// What the page is about: the chosen gemeente when it belongs to the region, else the region
/// (issue 23: after choosing Zwijndrecht the heading says Zwijndrecht).
pub fn place_name(manifest: &Manifest, region: &Region, state: &ViewState) -> String {
    gemeente(region, state).map_or_else(|| region.name.clone(), |g| manifest.area_name(g))
}

/// Whether an indicator page offers the gemeente choice: its table has figures for more than
/// one of the region's gemeenten.
pub fn offers_gemeente_choice(table: &Table, region: &Region) -> bool {
    let areas = table.areas();
    region.gemeenten.iter().filter(|g| areas.contains(g)).count() > 1
}

/// The link from an indicator page to the chosen gemeente's profile ("Alle cijfers van …").
pub fn profile_link(manifest: &Manifest, region: &Region, state: &ViewState) -> Option<NavLink> {
    let code = gemeente(region, state)?;
    let label = format!("Alle cijfers van {}", manifest.area_name(code));
    Some(NavLink { href: link(state, Page::Profile, |_| {}), label, current: false })
}

/// A GET form that opens `page` of the view's region: its action (the baked page's address) and
/// the hidden fields that keep the reader's place (the gemeente) through the submit.
pub fn form_target(state: &ViewState, page: Page) -> (String, Vec<(&'static str, String)>) {
    let target = ViewState { page, region: state.region.clone(), ..ViewState::default() };
    let action = target.href();
    let (path, query) = action.split_once('?').unwrap_or((&action, ""));
    // What the path cannot say goes in hidden fields (a view without a region: all of it).
    let mut hidden: Vec<(&'static str, String)> = form_urlencoded::parse(query.as_bytes())
        .filter_map(|(k, v)| ["pagina", "regio"].iter().find(|n| **n == k).map(|n| (*n, v.into_owned())))
        .collect();
    if let Some(g) = &state.gemeente {
        hidden.push(("gemeente", g.clone()));
    }
    (path.to_owned(), hidden)
}

/// Every table of the loaded datasets, in file order.
pub fn all_tables<D: AsRef<Dataset>>(sets: &[D]) -> Vec<&Table> {
    sets.iter().flat_map(|d| &d.as_ref().tables).collect()
}

pub use super::council::{gemeenten_with_figures, offer, Offer};

/// The theme an indicator belongs to, from its id (`jeugd-…`).
pub fn indicator_theme(indicator: &str) -> Option<Theme> {
    indicator.split('-').next().and_then(Theme::from_id)
}

/// The data files of a region (all regions when `None`) that hold tables of `theme` (all themes
/// when `None`), in manifest order: what a view must load.
pub fn files_for(manifest: &Manifest, region: Option<&str>, theme: Option<Theme>) -> Vec<String> {
    manifest
        .datasets
        .iter()
        .filter(|d| region.is_none_or(|r| d.region == r) && theme.is_none_or(|t| d.themes.contains(&t)))
        .map(|d| d.file.clone())
        .collect()
}

/// The files of `region` that may hold the table `id`: the one listing it, or those holding its
/// whole theme (issue 25: a split region's indicator page loads one small file).
pub fn files_for_table(manifest: &Manifest, region: &str, id: &str) -> Vec<String> {
    let Some(theme) = indicator_theme(id) else { return Vec::new() };
    manifest.datasets.iter().filter(|d| d.region == region && d.holds(id, theme)).map(|d| d.file.clone()).collect()
}

/// The files the home page of `region` shows: those marked `home`, or all when none is.
pub fn files_for_home(manifest: &Manifest, region: &str) -> Vec<String> {
    let marked: Vec<String> =
        manifest.datasets.iter().filter(|d| d.region == region && d.home).map(|d| d.file.clone()).collect();
    if marked.is_empty() {
        files_for(manifest, Some(region), None)
    } else {
        marked
    }
}

/// The data files the page of `state` needs; empty for pages that show no data (or not yet).
pub fn files_for_page(manifest: &Manifest, state: &ViewState) -> Vec<String> {
    let Some(region) = region(manifest, state) else { return Vec::new() };
    let here = Some(region.id.as_str());
    match state.page {
        Page::Home => files_for_home(manifest, &region.id),
        Page::Profile => files_for(manifest, here, None),
        Page::Indicator => match &state.indicator {
            Some(id) => files_for_table(manifest, &region.id, id),
            None => Vec::new(),
        },
        Page::Theme => match state.theme.as_deref().and_then(Theme::from_id) {
            Some(theme) => files_for(manifest, here, Some(theme)),
            None => Vec::new(),
        },
        Page::Compare if super::compare::chosen(region, state).len() >= 2 => files_for(manifest, here, None),
        Page::Find if state.query.as_deref().is_some_and(|q| !q.trim().is_empty()) => files_for(manifest, None, None),
        _ => Vec::new(),
    }
}

/// The region links of the site header.
pub fn region_links(manifest: &Manifest, state: &ViewState) -> Vec<NavLink> {
    let current = region(manifest, state).map(|r| r.id.as_str());
    manifest
        .regions
        .iter()
        .map(|r| NavLink {
            href: ViewState { region: Some(r.id.clone()), ..ViewState::default() }.href(),
            label: r.name.clone(),
            current: current == Some(r.id.as_str()),
        })
        .collect()
}

/// Links to choose a gemeente of the region, keeping the rest of the view; choosing the current
/// one again clears the choice. Empty when the region has fewer than two gemeenten.
/// [`gemeente_choice`] among the gemeenten with figures of their own in `tables` (the page's
/// loaded tables), plus the chosen one so it can be unchosen: no choice at all for a region
/// whose figures are all for the region (issue 21).
pub fn gemeente_choice_offered(
    manifest: &Manifest,
    region: &Region,
    state: &ViewState,
    tables: &[&Table],
) -> Vec<NavLink> {
    let with = gemeenten_with_figures(tables, region);
    let chosen = gemeente(region, state);
    let offered = Region {
        gemeenten: region
            .gemeenten
            .iter()
            .filter(|g| with.contains(g) || chosen == Some(g.as_str()))
            .cloned()
            .collect(),
        ..region.clone()
    };
    gemeente_choice(manifest, &offered, state)
}

pub fn gemeente_choice(manifest: &Manifest, region: &Region, state: &ViewState) -> Vec<NavLink> {
    let chosen = gemeente(region, state);
    let links: Vec<NavLink> = region
        .gemeenten
        .iter()
        .filter(|g| manifest.area(g).is_some_and(|a| a.kind == AreaKind::Gemeente))
        .map(|code| {
            let here = chosen == Some(code.as_str());
            NavLink {
                href: ViewState { gemeente: (!here).then(|| code.clone()), ..state.clone() }.href(),
                label: manifest.area_name(code),
                current: here,
            }
        })
        .collect();
    if links.len() > 1 {
        links
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::DatasetRef;

    #[test]
    fn a_split_region_loads_only_the_files_holding_the_page_tables() {
        let region = Region {
            id: "nl".into(),
            name: "Nederland".into(),
            area: "NL01".into(),
            reference: None,
            gemeenten: Vec::new(),
        };
        let split = |file: &str, theme: Theme, table: &str, home: bool| DatasetRef {
            tables: Some(vec![table.to_owned()]),
            home,
            ..DatasetRef::whole(file, "nl", vec![theme])
        };
        let m = Manifest::new(
            Vec::new(),
            vec![region],
            Vec::new(),
            vec![
                split("a.json", Theme::Jeugd, "jeugd-a", true),
                split("b.json", Theme::Jeugd, "jeugd-b", false),
                split("c.json", Theme::Wmo, "wmo-c", true),
                DatasetRef::whole("d.json", "nl", vec![Theme::Samenloop]),
            ],
        );
        let at = |page: Page, f: &dyn Fn(&mut ViewState)| {
            let mut s = ViewState { page, region: Some("nl".into()), ..ViewState::default() };
            f(&mut s);
            files_for_page(&m, &s)
        };
        assert_eq!(at(Page::Home, &|_| {}), ["a.json", "c.json"]);
        assert_eq!(at(Page::Indicator, &|s| s.indicator = Some("jeugd-b".into())), ["b.json"]);
        assert_eq!(at(Page::Indicator, &|s| s.indicator = Some("samenloop-x".into())), ["d.json"]);
        assert_eq!(at(Page::Theme, &|s| s.theme = Some("jeugd".into())), ["a.json", "b.json"]);
        assert_eq!(at(Page::Profile, &|_| {}).len(), 4);
    }
}
