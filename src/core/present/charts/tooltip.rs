//! Tooltips (issue 27): pointing at or tapping a bar, point or segment tells the reader what it
//! is — the row's name, the series, the figure with its unit and its marks ("voorlopig",
//! "geheim: een aantal van 0 tot en met 7 …") — also where a name label was left out for lack
//! of room. The text is written here, per point, as everything a reader sees is written in the
//! core; the option only names the binding's formatter ([`FORMATTER`], `scripts/echarts-options.js`),
//! which shows a point's `tip` as escaped text, since options never hold JavaScript (strict CSP).

use super::many::BREAK;
use crate::core::calc::engine::Figure;
use crate::core::calc::grid::Grid;
use crate::core::text::format;
use serde_json::{json, Value};

/// The binding's formatter that shows a point's `tip`.
pub const FORMATTER: &str = "msd:tip";

/// A figure as a tooltip says it: "10,7% (voorlopig)", or why it is missing.
pub fn figure_text(f: &Figure) -> String {
    match &f.value {
        Ok(v) if f.provisional => format!("{} (voorlopig)", format::with_unit(*v, f.unit, f.decimals)),
        Ok(v) => format::with_unit(*v, f.unit, f.decimals),
        Err(m) => m.reason(),
    }
}

/// The tooltip of one point: the row on the first line, then the series and its figure.
pub fn point_text(row: &str, series: &str, figure: &str) -> String {
    if series.is_empty() || series == row {
        format!("{row}\n{figure}")
    } else {
        format!("{row}\n{series}: {figure}")
    }
}

/// Turns the tooltip on for an option, one item at a time, kept inside the chart so it never
/// runs off a phone's screen.
pub fn enable(v: &mut Value) {
    v["tooltip"] =
        json!({ "show": true, "trigger": "item", "confine": true, "className": "msd-tip", "formatter": FORMATTER });
}

/// Gives every point of a chart drawn from `grid` (bars, stacked bars, lines: series `s` is
/// column `columns[s]`, point `i` is row `i`) its tooltip text and turns the tooltip on. Options
/// laid out otherwise (a series per row) are left without tips rather than given wrong ones, and
/// so are the break rows of a chart of many areas ("… 202 gemeenten"), which draw nothing.
pub fn add(v: &mut Value, grid: &Grid, columns: &[usize]) {
    let Some(series) = v["series"].as_array_mut() else { return };
    if series.len() != columns.len() {
        return;
    }
    for (s, column) in series.iter_mut().zip(columns) {
        let name = grid.columns.get(*column).map_or("", |c| c.label.as_str()).to_owned();
        let Some(points) = s["data"].as_array_mut() else { continue };
        if points.len() != grid.rows.len() {
            continue;
        }
        for (row, point) in grid.rows.iter().zip(points.iter_mut()) {
            let Some(f) = row.cells.get(*column).filter(|_| row.id != BREAK) else { continue };
            set_tip(point, point_text(&row.label, &name, &figure_text(f)));
        }
    }
    enable(v);
}

/// Writes `tip` into a point, which becomes an object if it was a bare value.
pub fn set_tip(point: &mut Value, tip: String) {
    if !point.is_object() {
        *point = json!({ "value": point.take() });
    }
    point["tip"] = Value::String(tip);
}
