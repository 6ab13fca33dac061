//! Comparing two or more gemeenten side by side, table by table, and at a glance: per indicator
//! one small chart of the chosen gemeenten with Nederland as a dashed line (small multiples);
//! the unit written once, in the panel's heading. Or, as `weergave=kaart`, one of those figures
//! on a map of the whole region with the compared gemeenten outlined (issue 23).

use super::indicator::caption;
use super::NavLink;
use crate::core::calc::grid::{self, Grid};
use crate::core::model::view_state::{Display, ViewState};
use crate::core::model::{Key, Manifest, Region, Table, Unit};
use crate::core::present::charts::map::{self, MapView};
use crate::core::present::charts::{self, card};
use crate::core::{calc::engine, present::dashboard, text::format};

/// One checkbox of the choice form.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareOption {
    pub id: String,
    pub code: String,
    pub name: String,
    pub checked: bool,
}

/// The chosen gemeenten that belong to the region, in the link's order.
pub fn chosen(region: &Region, state: &ViewState) -> Vec<String> {
    state.gemeenten.iter().filter(|g| region.gemeenten.contains(g)).cloned().collect()
}

/// The checkboxes: every gemeente of the region; before any choice, the reader's chosen gemeente
/// is ticked (issue 23: the gemeente stays chosen).
pub fn options(manifest: &Manifest, region: &Region, state: &ViewState) -> Vec<CompareOption> {
    let mut chosen = chosen(region, state);
    if chosen.is_empty() {
        chosen.extend(state.gemeente.iter().filter(|g| region.gemeenten.contains(g)).cloned());
    }
    region
        .gemeenten
        .iter()
        .map(|code| CompareOption {
            id: format!("kies-{code}"),
            code: code.clone(),
            name: manifest.area_name(code),
            checked: chosen.contains(code),
        })
        .collect()
}

/// Why the comparison shows nothing (never bare headings, issue 21): the region's tables hold
/// figures for fewer than two of its gemeenten (Drentsche Aa: only for the region), or none holds
/// figures for two of the chosen ones. `None` when there is something to compare.
pub fn nothing_to_compare(
    tables: &[&Table],
    manifest: &Manifest,
    region: &Region,
    state: &ViewState,
) -> Option<String> {
    if !super::council::offer(tables, region).compare {
        return Some(format!(
            "De cijfers van {} gelden voor de regio als geheel, niet per gemeente: er is niets om naast elkaar te zetten. \
             Alle cijfers staan op de pagina's per thema.",
            manifest.area_name(&region.area)
        ));
    }
    self::tables(tables, manifest, region, state)
        .is_empty()
        .then(|| "Geen tabel heeft cijfers voor twee of meer van de gekozen gemeenten.".to_owned())
}

/// One grid (and caption) per table without categories that has figures for at least two of
/// the chosen gemeenten; rows are the chosen gemeenten, then the reference.
pub fn tables(tables: &[&Table], manifest: &Manifest, region: &Region, state: &ViewState) -> Vec<(Grid, String)> {
    let chosen = chosen(region, state);
    if chosen.len() < 2 {
        return Vec::new();
    }
    let mut order = chosen.clone();
    order.extend(region.reference.iter().cloned());
    tables
        .iter()
        .filter(|t| {
            t.categories.is_empty() && chosen.iter().filter(|g| t.values.iter().any(|v| v.key.area == **g)).count() >= 2
        })
        .map(|t| {
            let grid = grid::build(t, manifest, None, Some(&order));
            let caption = caption(t, &grid);
            (grid, caption)
        })
        .collect()
}

/// One indicator for the chosen gemeenten.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    pub table: String,
    /// The measure and period shown: the map draws the same figure.
    pub measure: String,
    pub period: String,
    /// "Jongeren in jeugdzorg, 1e halfjaar 2016 (%): jeugdhulp".
    pub title: String,
    pub period_label: String,
    /// The chart's options as JSON and its height.
    pub chart: (String, u32),
    /// The chart's text alternative.
    pub text: String,
}

/// Panels for every table without categories that has at least two of the chosen gemeenten,
/// and whose figure is a rate or share: side by side at a glance, counts of gemeenten of very
/// different size say nothing (issue 23: bijstand 3.880 against 1.000); they stay in the tables.
pub fn panels(tables: &[&Table], manifest: &Manifest, region: &Region, state: &ViewState) -> Vec<Panel> {
    let chosen = &chosen(region, state)[..];
    if chosen.len() < 2 {
        return Vec::new();
    }
    let reference = region.reference.as_deref();
    tables
        .iter()
        .filter(|t| t.categories.is_empty())
        .filter(|t| chosen.iter().filter(|g| t.values.iter().any(|v| v.key.area == **g)).count() >= 2)
        .filter_map(|t| panel(t, manifest, chosen, reference))
        .collect()
}

fn panel(t: &Table, manifest: &Manifest, chosen: &[String], reference: Option<&str>) -> Option<Panel> {
    let (measure, _) = dashboard::card_measure(t)?;
    let m = t.measure(&measure)?;
    if matches!(m.unit, Unit::Aantal | Unit::Euro) {
        return None;
    }
    let period = t
        .periods
        .iter()
        .rev()
        .find(|p| chosen.iter().any(|g| t.value(&key(&measure, g, &p.id)).is_some()) || m.formula.is_some())?;
    let points: Vec<card::Point> = chosen
        .iter()
        .filter(|g| t.values.iter().any(|v| v.key.area == **g))
        .map(|g| {
            let f = engine::cell(t, &key(&measure, g, &period.id));
            card::Point {
                id: g.clone(),
                label: manifest.area_name(g),
                value: f.number().ok_or_else(|| f.value.as_ref().err().map_or("n.b.", |x| x.mark()).to_owned()),
            }
        })
        .collect();
    let references: Vec<card::Reference> = reference
        .and_then(|r| {
            let v = engine::cell(t, &key(&measure, r, &period.id)).number()?;
            Some(card::Reference { label: manifest.area(r).map_or(r.to_owned(), |a| a.short.clone()), value: v })
        })
        .into_iter()
        .collect();
    let items: Vec<String> = points
        .iter()
        .map(|p| match &p.value {
            Ok(v) => format!("{} {}", p.label, format::with_unit(*v, m.unit, m.decimals)),
            Err(mark) => format!("{} {mark}", p.label),
        })
        .collect();
    let mut text = format!("{}: {}.", m.label, format::join_nl(&items));
    if let (Some(r), Some(line)) = (reference, references.first()) {
        text.push_str(&format!(" {}: {}.", manifest.area_name(r), format::with_unit(line.value, m.unit, m.decimals)));
    }
    let (option, height) = card::small_bars(&points, m.unit, m.decimals, None, &references, false);
    let column = |label: &str| grid::Column {
        label: label.to_owned(),
        unit: m.unit,
        decimals: m.decimals,
        measure: m.id.clone(),
        category: None,
        period: None,
    };
    // The unit once: in the table's title when it is there, else after the measure.
    let header = if column(&t.title).header() == t.title { m.label.clone() } else { column(&m.label).header() };
    Some(Panel {
        table: t.id.clone(),
        measure: m.id.clone(),
        period: period.id.clone(),
        title: format!("{}: {header}", t.title),
        period_label: period.label.clone(),
        chart: (charts::finish(option, &text), height),
        text,
    })
}

fn key(measure: &str, area: &str, period: &str) -> Key {
    Key { measure: measure.to_owned(), area: area.to_owned(), period: period.to_owned(), category: None }
}

/// The compare page's map (`weergave=kaart`): one panel's figure for every gemeente of the
/// region, so the chosen ones are seen among their neighbours.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareMap {
    /// The panel's title and period, as in the charts at a glance.
    pub title: String,
    pub period_label: String,
    /// "Welk cijfer op de kaart": one link per panel (`maat=<table>`), when there are several.
    /// Under the map, folded (seven long titles would push the map a screen down on a phone),
    /// open once the reader has chosen, so the choice made stays in view and focused.
    pub choices: Vec<NavLink>,
    pub choices_open: bool,
    pub view: MapView,
    /// The map's figures as a table: every area of the table, the mapped figure only.
    pub grid: Grid,
    pub caption: String,
    /// The reader's own gemeente (`gemeente=`), marked in the table as on the indicator page.
    pub focus: Option<String>,
}

/// "Grafieken" and "Kaart" above the charts at a glance, when the first panel can be mapped
/// (none for a region whose tables have no figures per gemeente: no map and no empty frame).
pub fn glance_views(
    tables: &[&Table],
    manifest: &Manifest,
    region: &Region,
    state: &ViewState,
    panels: &[Panel],
) -> Vec<NavLink> {
    let Some(first) = panels.first() else { return Vec::new() };
    if map_of(tables, manifest, region, state, first).is_none() {
        return Vec::new();
    }
    let shown = shows_map(state);
    [(Display::Chart, "Grafieken", !shown), (Display::Map, "Kaart", shown)]
        .into_iter()
        .map(|(display, label, current)| NavLink {
            href: ViewState {
                display,
                measure: state.measure.clone().filter(|_| display == Display::Map),
                ..state.clone()
            }
            .href(),
            label: label.to_owned(),
            current,
        })
        .collect()
}

/// Whether the view asks for the map rather than the charts.
pub fn shows_map(state: &ViewState) -> bool {
    state.display == Display::Map && !state.embed
}

/// The map the view asks for: the panel named by `maat` (a table id on this page, since each
/// panel shows one figure), else the first panel. `None` when the view shows the charts or the
/// figure cannot be mapped.
pub fn map(
    tables: &[&Table],
    manifest: &Manifest,
    region: &Region,
    state: &ViewState,
    panels: &[Panel],
) -> Option<CompareMap> {
    if !shows_map(state) {
        return None;
    }
    let panel = panels.iter().find(|p| state.measure.as_deref() == Some(p.table.as_str())).or(panels.first())?;
    let mut out = map_of(tables, manifest, region, state, panel)?;
    if panels.len() > 1 {
        out.choices = panels
            .iter()
            .filter_map(|p| {
                let t = tables.iter().find(|t| t.id == p.table)?;
                Some(NavLink {
                    href: ViewState { measure: Some(p.table.clone()), ..state.clone() }.href(),
                    label: t.title.clone(),
                    current: p.table == panel.table,
                })
            })
            .collect();
    }
    Some(out)
}

fn map_of(
    tables: &[&Table],
    manifest: &Manifest,
    region: &Region,
    state: &ViewState,
    panel: &Panel,
) -> Option<CompareMap> {
    let t = tables.iter().find(|t| t.id == panel.table)?;
    let mut grid = grid::build(t, manifest, Some(&panel.period), None);
    let column = map::column_of(&grid, Some(&panel.measure));
    let focus = state.gemeente.as_deref().filter(|g| region.gemeenten.iter().any(|x| x == g));
    let view = map::view_outlined(&grid, column, manifest, &region.id, focus, &chosen(region, state))?;
    // The table under the map holds what the map shows: that one figure for every area.
    grid.columns = grid.columns.get(column).cloned().into_iter().collect();
    for row in &mut grid.rows {
        row.cells = row.cells.get(column).cloned().into_iter().collect();
    }
    Some(CompareMap {
        title: panel.title.clone(),
        period_label: panel.period_label.clone(),
        choices: Vec::new(),
        choices_open: state.measure.is_some(),
        view,
        caption: if panel.title.contains(&panel.period_label) {
            panel.title.clone()
        } else {
            format!("{} — {}", panel.title, panel.period_label)
        },
        grid,
        focus: focus.map(str::to_owned),
    })
}
