//! Charts that scale (issue 25): a chart of more than [`MAX_AREAS`] areas (a national region
//! of 342 gemeenten) draws a readable selection instead of every area: the areas with the
//! highest and lowest figures, the chosen gemeente where it stands between them, and the
//! references (Nederland, the region) as grey bars above them, sorted, with a labelled break
//! ("… 46 gemeenten …") where areas are left out. A sentence says what the chart shows; the
//! table beside it keeps every area, sorted and ranked ([`super::super::ranked`]).
//!
//! Why top and bottom with the chosen gemeente, and not a dot or strip plot of all 342: it is
//! what Datawrapper advises and Our World in Data does for a bar chart of many entities (a
//! selection of named bars, the full list one click away in the table tab). Every bar keeps its
//! name and its value in Dutch, so a resident on a phone reads "where does my gemeente stand,
//! and what are the extremes" without hovering over unlabelled dots; the same bars, labels,
//! marks (*geheim*, *n.b.*), highlight and text alternative as a small region's chart, so a
//! small region (≤ 40 areas) looks exactly as before. The distribution as a whole is the map's
//! and the sorted table's job.

use crate::core::calc::engine::{Figure, How, Missing};
use crate::core::calc::grid::{Grid, Row, RowsAre};
use crate::core::text::format;
use serde_json::{json, Value};

/// At most this many areas in one chart as bars or labels.
pub const MAX_AREAS: usize = 40;

/// How many of the highest and of the lowest a page's chart draws with one series.
pub const PER_END: usize = 10;

/// How many of the highest and of the lowest a chart of `series` series draws: ten with one,
/// fewer with more (each area is then a group of bars), half in a compact embed, which stays
/// about as high as a small region's.
pub fn per_end(series: usize, embed: bool) -> usize {
    let n = (PER_END / series.max(1)).clamp(3, PER_END);
    if embed {
        n.div_ceil(2)
    } else {
        n
    }
}

/// The id of a break row: never an area code, period or category id.
pub const BREAK: &str = "…";

/// What a chart of many areas draws, and the sentence that says so.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    /// The references, then the chosen rows sorted from high to low with break rows between.
    pub grid: Grid,
    /// "De grafiek toont de 10 hoogste en 10 laagste van 342 gemeenten en Zwijndrecht
    /// (plaats 57), met Nederland ter vergelijking. Alle gemeenten staan in de tabel."
    pub note: String,
}

/// Whether a grid has more areas than a chart can show (references not counted).
pub fn too_many(grid: &Grid) -> bool {
    grid.rows_are == RowsAre::Areas && grid.rows.iter().filter(|r| !r.reference).count() > MAX_AREAS
}

/// The areas (not the references) of `grid` by their figure in `column`, highest first at the
/// shown precision, ties in table order; the areas without a figure after them, in table order.
/// Returns (indices with a figure, indices without).
pub fn order(grid: &Grid, column: usize) -> (Vec<usize>, Vec<usize>) {
    let value = |i: usize| {
        let f = grid.rows[i].cells.get(column)?;
        f.number().map(|v| format::round(v, f.decimals))
    };
    let areas = (0..grid.rows.len()).filter(|i| !grid.rows[*i].reference);
    let (mut with, without): (Vec<usize>, Vec<usize>) = areas.partition(|i| value(*i).is_some());
    with.sort_by(|a, b| value(*b).unwrap_or(0.0).total_cmp(&value(*a).unwrap_or(0.0)));
    (with, without)
}

/// The rank (1 = highest) of each row of `grid` by `column`, `None` for references and areas
/// without a figure; equal figures at the shown precision share a rank.
pub fn ranks(grid: &Grid, column: usize) -> Vec<Option<usize>> {
    let values: Vec<Option<f64>> = grid
        .rows
        .iter()
        .map(|r| {
            let f = r.cells.get(column).filter(|_| !r.reference)?;
            f.number().map(|v| format::round(v, f.decimals))
        })
        .collect();
    crate::core::calc::engine::ranks(&values)
}

/// The selection a chart of `grid` draws when it has too many areas ([`too_many`]), sorted by
/// `column`: `per_end` highest and lowest, the chosen gemeente (`focus`) wherever it stands,
/// the references first. `noun`: what the areas are ("gemeenten", "gebieden").
pub fn select(grid: &Grid, column: usize, focus: Option<&str>, per_end: usize, noun: &str) -> Option<Selection> {
    if !too_many(grid) {
        return None;
    }
    let (mut with, without) = order(grid, column);
    let total = with.len() + without.len();
    let chosen = focus.and_then(|f| grid.rows.iter().position(|r| r.id == f && !r.reference));
    let value =
        |i: usize| grid.rows[i].cells.get(column).and_then(|f| f.number().map(|v| format::round(v, f.decimals)));
    first_among_equals(&mut with, chosen, value);
    let at = |i: usize| with.iter().position(|x| *x == i);
    // Positions (in `with`) drawn: both ends and the chosen one.
    let mut keep: Vec<usize> = (0..with.len()).filter(|p| *p < per_end || *p + per_end >= with.len()).collect();
    if let Some(p) = chosen.and_then(at) {
        if !keep.contains(&p) {
            keep.push(p);
            keep.sort_unstable();
        }
    }
    let mut rows: Vec<Row> = grid.rows.iter().filter(|r| r.reference).cloned().collect();
    let mut last: Option<usize> = None;
    for p in &keep {
        let gap = p - last.map_or(0, |l| l + 1);
        if gap > 0 {
            rows.push(break_row(grid, gap, noun));
        }
        rows.push(grid.rows[with[*p]].clone());
        last = Some(*p);
    }
    let after = with.len() - last.map_or(0, |l| l + 1);
    if after > 0 {
        rows.push(break_row(grid, after, noun));
    }
    let missing_chosen = chosen.filter(|i| without.contains(i));
    // Areas without a figure are left out, except the chosen one, after a break that says so.
    let left = without.len() - usize::from(missing_chosen.is_some());
    if left > 0 {
        let mut row = break_row(grid, left, noun);
        row.label = format!("… {left} zonder cijfer");
        rows.push(row);
    }
    if let Some(i) = missing_chosen {
        rows.push(grid.rows[i].clone());
    }
    let mut g = grid.clone();
    g.rows = rows;
    Some(Selection { grid: g, note: note(grid, column, chosen, (per_end.min(with.len()), total), noun) })
}

/// The sentence under a selection: what is drawn and that the table has every area.
fn note(grid: &Grid, column: usize, chosen: Option<usize>, (per_end, total): (usize, usize), noun: &str) -> String {
    let mut out = format!("De grafiek toont de {per_end} hoogste en {per_end} laagste van {total} {noun}");
    if let Some(i) = chosen {
        let row = &grid.rows[i];
        match ranks(grid, column)[i] {
            Some(r) => out.push_str(&format!(" en {} (plaats {r})", row.label)),
            None => {
                let mark = row.cells.get(column).map_or_else(|| "n.b.".to_owned(), Figure::display);
                out.push_str(&format!(" en {} ({mark})", row.label));
            }
        }
    }
    let references: Vec<String> = grid.rows.iter().filter(|r| r.reference).map(|r| r.label.clone()).collect();
    if !references.is_empty() {
        out.push_str(&format!(", met {} ter vergelijking", format::join_nl(&references)));
    }
    out.push_str(&format!(". Alle {noun} staan in de tabel."));
    out
}

/// The chosen area first among those with the same figure at the shown precision, so the
/// breaks around it count the areas really above it (its rank is shared with them).
pub fn first_among_equals(order: &mut [usize], chosen: Option<usize>, value: impl Fn(usize) -> Option<f64>) {
    let Some(p) = chosen.and_then(|c| order.iter().position(|x| *x == c)) else { return };
    let v = value(order[p]);
    let q = order[..p].iter().rposition(|x| value(*x) != v).map_or(0, |q| q + 1);
    order[q..=p].rotate_right(1);
}

/// A row that stands for the `n` areas left out between two drawn ones.
fn break_row(grid: &Grid, n: usize, noun: &str) -> Row {
    let one = match noun {
        "gemeenten" => "gemeente",
        "gebieden" => "gebied",
        other => other,
    };
    let label = if n == 1 { format!("… 1 {one} …") } else { format!("… {n} {noun} …") };
    let empty = |c: &crate::core::calc::grid::Column| Figure {
        value: Err(Missing::NietInBron),
        range: None,
        provisional: false,
        unit: c.unit,
        decimals: c.decimals,
        explain: How::Printed("".into()),
        recomputed: None,
    };
    Row { id: BREAK.to_owned(), label, reference: false, cells: grid.columns.iter().map(empty).collect() }
}

/// The break rows of a drawn option: no bar, no mark, the label in grey italics. The last step
/// before the description, so highlight and marks never touch them.
pub fn mark_breaks(v: &mut Value, grid: &Grid) {
    let at: Vec<usize> = grid.rows.iter().enumerate().filter(|(_, r)| r.id == BREAK).map(|(i, _)| i).collect();
    if at.is_empty() {
        return;
    }
    for series in v["series"].as_array_mut().into_iter().flatten() {
        if let Some(points) = series["data"].as_array_mut() {
            for i in &at {
                if let Some(p) = points.get_mut(*i) {
                    *p = Value::Null;
                }
            }
        }
    }
    for axis in super::refine::axes_mut(v, "yAxis") {
        if axis["type"] != "category" {
            continue;
        }
        let Some(data) = axis["data"].as_array_mut() else { continue };
        for i in &at {
            if let (Some(slot), Some(row)) = (data.get_mut(*i), grid.rows.get(*i)) {
                *slot = json!({ "value": row.label, "textStyle": { "color": "#595959", "fontStyle": "italic" } });
            }
        }
    }
}
