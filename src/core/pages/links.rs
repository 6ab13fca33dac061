//! Links that say what they show: a view from a link is checked against the manifest and the
//! loaded data. An unknown `regio`, `gemeente`, `gemeenten`, `thema`, `indicator` or `periode`
//! is never ignored silently: the reader gets a Dutch notice saying what the link asked for and
//! what is shown instead, and the view is moved to the nearest one that exists. `regio=` may be
//! left out of an indicator link when the indicator's id occurs in one region only.

use crate::core::model::view_state::{Page, ViewState};
use crate::core::model::{Dataset, Manifest, Region, Table, Theme};

/// The view that will be shown, and what the reader must be told about the link.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Checked {
    pub state: ViewState,
    /// Dutch sentences, one per problem, in the order of the link's parameters.
    pub notices: Vec<String>,
}

/// The region the view shows: the one the link names, or the manifest's first.
fn region_of<'a>(manifest: &'a Manifest, state: &ViewState) -> Option<&'a Region> {
    state
        .region
        .as_deref()
        .and_then(|id| manifest.regions.iter().find(|r| r.id == id))
        .or_else(|| manifest.regions.first())
}

/// "a, b en c".
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} en {last}", rest.join(", ")),
    }
}

/// Checks everything the manifest alone can tell: region, gemeente(n) and theme.
pub fn check_site(state: &ViewState, manifest: &Manifest) -> Checked {
    let mut out = Checked { state: state.clone(), notices: Vec::new() };
    let s = &mut out.state;
    if let Some(id) = s.region.clone() {
        if !manifest.regions.iter().any(|r| r.id == id) {
            s.region = None;
            let shown = manifest.regions.first().map_or_else(String::new, |r| format!(" U ziet {}.", r.name));
            out.notices.push(format!("De regio \u{2018}{id}\u{2019} staat niet in deze monitor.{shown}"));
        }
    }
    if s.page == Page::Theme {
        if let Some(t) = s.theme.clone().filter(|t| Theme::from_id(t).is_none()) {
            s.theme = None;
            s.page = Page::Home;
            let names: Vec<String> = Theme::ALL.iter().map(|t| t.name().to_owned()).collect();
            out.notices.push(format!(
                "Het thema \u{2018}{t}\u{2019} bestaat niet. Kies een van de thema\u{2019}s: {}.",
                list(&names)
            ));
        }
    }
    let Some(region) = region_of(manifest, s).cloned() else { return out };
    if let Some(g) = s.gemeente.clone() {
        match find_gemeente(manifest, &region, &g) {
            Some(code) => s.gemeente = Some(code),
            None => {
                s.gemeente = None;
                let what = manifest.area(&g).map_or_else(|| format!("\u{2018}{g}\u{2019}"), |a| a.name.clone());
                out.notices.push(format!(
                    "De gemeente {what} hoort niet bij {}. U ziet de cijfers van de hele regio.",
                    region.name
                ));
            }
        }
    }
    if !s.gemeenten.is_empty() {
        let (known, unknown): (Vec<String>, Vec<String>) =
            s.gemeenten.iter().cloned().partition(|g| find_gemeente(manifest, &region, g).is_some());
        if !unknown.is_empty() {
            s.gemeenten = known.iter().filter_map(|g| find_gemeente(manifest, &region, g)).collect();
            let quoted: Vec<String> = unknown.iter().map(|g| format!("\u{2018}{g}\u{2019}")).collect();
            let (noun, verb, aux) =
                if unknown.len() == 1 { ("De gemeente", "hoort", "is") } else { ("De gemeenten", "horen", "zijn") };
            out.notices.push(format!("{noun} {} {verb} niet bij {} en {aux} weggelaten.", list(&quoted), region.name));
        }
    }
    out
}

/// A gemeente of the region by CBS code, or by name ("zwijndrecht", "Hendrik-Ido-Ambacht",
/// "Den Bosch"): `chooser::resolve`, so a name typed in the chooser's form works as a link too.
pub fn find_gemeente(manifest: &Manifest, region: &Region, given: &str) -> Option<String> {
    if region.gemeenten.iter().any(|g| g == given) {
        return Some(given.to_owned());
    }
    super::chooser::resolve(manifest, region, &given.replace(['_', '+'], " ")).ok()
}

/// The regions (in manifest order) whose loaded data holds a table with this id.
pub fn regions_with<'a>(manifest: &'a Manifest, sets: &[&Dataset], indicator: &str) -> Vec<&'a Region> {
    manifest
        .regions
        .iter()
        .filter(|r| sets.iter().any(|d| d.region == r.id && d.tables.iter().any(|t| t.id == indicator)))
        .collect()
}

/// The table of the region most like an unknown id: most shared words of the id, at least two
/// besides the theme. None when nothing is alike.
fn nearest_table<'a>(tables: &[&'a Table], wanted: &str) -> Option<&'a Table> {
    let words: Vec<&str> = wanted.split('-').filter(|w| w.len() > 1).collect();
    let theme = words.first().copied().unwrap_or("");
    tables
        .iter()
        .map(|t| {
            let shared = t.id.split('-').filter(|w| *w != theme && words.contains(w)).count();
            (shared, *t)
        })
        .filter(|(shared, _)| *shared >= 2)
        .max_by_key(|(shared, t)| (*shared, std::cmp::Reverse(t.id.len())))
        .map(|(_, t)| t)
}

/// The period of `table` nearest to an unknown one: the same year if there is one, else the last.
fn nearest_period(table: &Table, wanted: &str) -> Option<String> {
    let year: String = wanted.chars().filter(char::is_ascii_digit).take(4).collect();
    table
        .periods
        .iter()
        .rev()
        .find(|p| year.len() == 4 && p.id.contains(&year))
        .or_else(|| table.periods.last())
        .map(|p| p.id.clone())
}

/// Checks the indicator and period of the view against the loaded datasets (run after
/// [`check_site`]; `sets` must hold the indicator's theme for every region when the link has
/// no `regio=`).
pub fn check_data(state: &ViewState, manifest: &Manifest, sets: &[&Dataset]) -> Checked {
    let mut out = Checked { state: state.clone(), notices: Vec::new() };
    let s = &mut out.state;
    if s.page != Page::Indicator {
        return out;
    }
    let Some(id) = s.indicator.clone() else { return out };
    let holders = regions_with(manifest, sets, &id);
    let here = region_of(manifest, s).map(|r| r.id.clone());
    if !holders.is_empty() && !holders.iter().any(|r| Some(&r.id) == here.as_ref()) {
        // The id lives in another region: show it there (no notice when the link named no region).
        let target = holders[0];
        if s.region.is_some() {
            let from = here.as_deref().and_then(|h| manifest.regions.iter().find(|r| r.id == h));
            out.notices.push(format!(
                "Deze indicator staat niet bij {}, maar wel bij {}. U ziet de cijfers van {}.",
                from.map_or("deze regio", |r| r.name.as_str()),
                target.name,
                target.name
            ));
        }
        s.region = Some(target.id.clone());
        if s.gemeente.as_ref().is_some_and(|g| !target.gemeenten.contains(g)) {
            s.gemeente = None;
        }
    }
    let region_id = region_of(manifest, s).map(|r| r.id.clone()).unwrap_or_default();
    let tables: Vec<&Table> = sets.iter().filter(|d| d.region == region_id).flat_map(|d| d.tables.iter()).collect();
    let table = match tables.iter().find(|t| t.id == id) {
        Some(t) => *t,
        None => match nearest_table(&tables, &id) {
            Some(t) => {
                out.notices.push(format!(
                    "De indicator \u{2018}{id}\u{2019} bestaat niet (meer). U ziet de meest gelijkende: {}.",
                    t.title
                ));
                s.indicator = Some(t.id.clone());
                s.period = s.period.clone().filter(|p| t.periods.iter().any(|x| x.id == *p));
                t
            }
            None => {
                let theme = id.split('-').next().and_then(Theme::from_id);
                out.notices.push(format!(
                    "De indicator \u{2018}{id}\u{2019} bestaat niet (meer) in de gegevens van deze monitor. {}",
                    match theme {
                        Some(t) => format!("U ziet alle cijfers over {}.", t.name()),
                        None => "U ziet de beginpagina.".to_owned(),
                    }
                ));
                s.indicator = None;
                s.period = None;
                s.display = Default::default();
                match theme {
                    Some(t) => {
                        s.page = Page::Theme;
                        s.theme = Some(t.id().to_owned());
                    }
                    None => s.page = Page::Home,
                }
                return out;
            }
        },
    };
    if let Some(p) = s.period.clone() {
        if !table.periods.iter().any(|x| x.id == p) {
            let nearest = nearest_period(table, &p);
            let labels: Vec<String> = table.periods.iter().map(|x| x.label.clone()).collect();
            let shown = nearest.as_deref().map(|n| table.period_label(n)).unwrap_or_default();
            out.notices.push(format!(
                "De periode \u{2018}{p}\u{2019} staat niet in deze tabel (wel: {}). U ziet {shown}.",
                list(&labels)
            ));
            s.period = nearest;
        }
    }
    out
}

/// Both checks in order, with their notices together.
pub fn check(state: &ViewState, manifest: &Manifest, sets: &[&Dataset]) -> Checked {
    let mut state = state.clone();
    // An indicator link without (a known) `regio=`: the region that holds the id, before the
    // gemeente is checked against it.
    let known_region = state.region.as_ref().is_some_and(|id| manifest.regions.iter().any(|r| r.id == *id));
    if state.page == Page::Indicator && !known_region {
        if let Some(first) = state.indicator.as_deref().and_then(|id| regions_with(manifest, sets, id).first().copied())
        {
            // Named even when it is the first region: the view's address is its baked page, whose
            // path names the region (issue 22).
            if state.region.is_none() {
                state.region = Some(first.id.clone());
            }
        }
    }
    let site = check_site(&state, manifest);
    let data = check_data(&site.state, manifest, sets);
    Checked { state: data.state, notices: site.notices.into_iter().chain(data.notices).collect() }
}

/// The browser tab's title: what the page shows first, then the site's name, so a tab, a
/// bookmark and a shared link name the chart.
pub fn tab_title(site: &str, state: &ViewState, manifest: &Manifest, table: Option<&Table>) -> String {
    let place = |code: &Option<String>| code.as_deref().map(|c| manifest.area_name(c));
    // The region, so the pages of two regions never share a title (issue 22: baked pages).
    let region = state.region.as_deref().and_then(|r| manifest.regions.iter().find(|x| x.id == r));
    let in_region = |what: String| match region {
        Some(r) => format!("{what} in {}", r.name),
        None => what,
    };
    let what = match state.page {
        Page::Indicator => table.map(|t| match place(&state.gemeente) {
            Some(g) => format!("{} \u{2013} {g}", t.title),
            None => t.title.clone(),
        }),
        Page::Theme => state.theme.as_deref().and_then(Theme::from_id).map(|t| in_region(t.name().to_owned())),
        Page::Profile => {
            let of = |g: String| match region.filter(|r| r.name != g) {
                Some(r) => format!("Alle cijfers van {g}, regio {}", r.name),
                None => format!("Alle cijfers van {g}"),
            };
            Some(place(&state.gemeente).map_or_else(|| in_region("Gemeenteprofiel".to_owned()), of))
        }
        Page::Compare => {
            let names: Vec<String> = state.gemeenten.iter().map(|g| manifest.area_name(g)).collect();
            Some(if names.is_empty() {
                in_region("Vergelijken".to_owned())
            } else {
                format!("Vergelijken: {}", list(&names))
            })
        }
        Page::Find => Some(match state.query.as_deref().filter(|q| !q.trim().is_empty()) {
            Some(q) => format!("Zoeken: {q}"),
            None => in_region("Zoeken".to_owned()),
        }),
        Page::DataCheck => Some("Gegevens controleren".to_owned()),
        Page::Benchmark => Some("Rekensnelheid".to_owned()),
        // A site named after its region ("Monitor Sociaal Domein Drechtsteden") says it once.
        Page::Home => region.filter(|r| !site.contains(&r.name)).map(|r| r.name.clone()),
    };
    match what {
        Some(w) => format!("{w} \u{2014} {site}"),
        None => site.to_owned(),
    }
}
