//! Touches on a chart's options that charming 0.6 has no typed field for, made on the JSON
//! (ECharts reads plain JSON anyway): the chosen gemeente highlighted, labels that never overlap
//! (`labelLayout`), a legend that wraps instead of paging, missing values named on the axis.

use crate::core::calc::grid::{Grid, RowsAre};
use serde_json::{json, Value};

/// The chosen gemeente in bold with a dark outline; Nederland and the region in grey when the
/// chart has one series, so gemeenten and totals are told apart without reading every label.
/// Rows whose figures are all missing say why on the axis ("Alblasserdam (geheim)").
pub fn highlight(v: &mut Value, grid: &Grid, focus: Option<&str>) {
    if grid.rows_are == RowsAre::Periods {
        return;
    }
    let single = v["series"].as_array().is_some_and(|s| s.len() == 1);
    // The category axis holds the row labels (horizontal bars: the y axis).
    let Some(axis) = axes_mut(v, "yAxis").into_iter().find(|a| a["type"] == "category") else { return };
    let Some(data) = axis["data"].as_array_mut() else { return };
    let mut focus_at = None;
    for (i, row) in grid.rows.iter().enumerate() {
        let Some(slot) = data.get_mut(i) else { break };
        let mut label = row.label.clone();
        let marks: Vec<&str> = row.cells.iter().filter_map(|f| f.value.as_ref().err().map(|m| m.mark())).collect();
        if !marks.is_empty() && marks.len() == row.cells.len() && marks.iter().all(|m| *m == marks[0]) {
            label = format!("{label} ({})", marks[0]);
        }
        let here = focus == Some(row.id.as_str());
        if here {
            focus_at = Some(i);
        }
        *slot = match (here, row.reference) {
            (true, _) => json!({ "value": label, "textStyle": { "fontWeight": "bold", "color": "#000000" } }),
            (false, true) => json!({ "value": label, "textStyle": { "fontStyle": "italic", "color": "#4a4a4a" } }),
            _ => json!(label),
        };
    }
    let references: Vec<bool> = grid.rows.iter().map(|r| r.reference).collect();
    for series in v["series"].as_array_mut().into_iter().flatten() {
        let Some(points) = series["data"].as_array_mut() else { continue };
        for (i, point) in points.iter_mut().enumerate() {
            if point.is_null() {
                continue;
            }
            let value = point.clone();
            if Some(i) == focus_at {
                *point = json!({
                    "value": value,
                    "itemStyle": { "borderColor": "#000000", "borderWidth": 2 },
                    "label": { "fontWeight": "bold" }
                });
            } else if single && references.get(i).copied().unwrap_or(false) {
                *point = json!({ "value": value, "itemStyle": { "color": "#767676" } });
            }
        }
    }
}

/// Labels that would overlap are hidden (bars) or moved apart (lines) by ECharts' label layout.
pub fn no_overlap(v: &mut Value) {
    for series in v["series"].as_array_mut().into_iter().flatten() {
        let layout = if series["type"] == "line" {
            json!({ "hideOverlap": true, "moveOverlap": "shiftY" })
        } else {
            json!({ "hideOverlap": true })
        };
        series["labelLayout"] = layout;
    }
}

/// Width in pixels of the narrowest chart (a 320 px screen minus the page margins), less a few
/// pixels to spare.
pub const NARROWEST: f64 = 280.0;

/// Height of one legend row in pixels (12 px text, 14 px icon, and room between rows).
pub const LEGEND_ROW: u32 = 22;

/// Legend icon (25 px) and the gap between icon and text (5 px).
const ICON: f64 = 30.0;

/// Gap between two entries of a row.
const ITEM_GAP: f64 = 10.0;

/// An upper estimate of a text's width in pixels at 12 px sans-serif (DejaVu Sans, the widest
/// of the usual fallbacks): wide capitals and m/w 10,5 px, narrow letters and punctuation 4 px,
/// everything else 7,5 px. Over, never under: a row that is estimated too wide only leaves room.
pub fn text_width(text: &str) -> f64 {
    text.chars()
        .map(|c| match c {
            'M' | 'W' | 'm' | 'w' | '%' | '@' => 10.5,
            'i' | 'l' | 'j' | 't' | 'f' | 'r' | 'I' | ' ' | '.' | ',' | ':' | ';' | '\'' | '(' | ')' | '-' | '/' => 4.0,
            c if c.is_uppercase() => 9.0,
            _ => 7.5,
        })
        .sum()
}

/// The legend's entries in rows that fit the narrowest chart, each entry on one line: a name too
/// long for a row of its own is cut with "…" (the table has it in full). Rows are laid out here,
/// not by ECharts, so no entry ever wraps over another and the plot moves down by exactly the
/// rows drawn, at 320 px and at 1280 px alike (issue 21).
pub fn legend_rows(names: &[String]) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut used = f64::INFINITY;
    for n in names {
        let w = ICON + text_width(n);
        if used + ITEM_GAP + w > NARROWEST {
            rows.push(Vec::new());
            used = -ITEM_GAP;
        }
        used += ITEM_GAP + w;
        if let Some(row) = rows.last_mut() {
            row.push(n.clone());
        }
    }
    rows
}

/// How many rows a legend of these names takes (see [`legend_rows`]).
pub fn legend_lines(names: &[String]) -> u32 {
    legend_rows(names).len().max(1) as u32
}

/// The legend components of these names: one plain legend per row at its own height, so rows
/// never meet; a row's entries that do not fit are cut to the row's width.
pub fn legend(names: &[String]) -> Value {
    let rows = legend_rows(names);
    let cut = NARROWEST - ICON - 4.0;
    let list: Vec<Value> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let mut text = json!({ "fontSize": 12, "lineHeight": 14 });
            if row.len() == 1 && ICON + text_width(&row[0]) > NARROWEST {
                text["width"] = json!(cut);
                text["overflow"] = json!("truncate");
            }
            json!({ "type": "plain", "top": i as u32 * LEGEND_ROW, "left": 0, "itemGap": ITEM_GAP,
                    "itemWidth": 25, "itemHeight": 14, "data": row, "textStyle": text })
        })
        .collect();
    Value::Array(list)
}

/// A legend laid out by [`legend`] instead of ECharts' own wrapping, which drew wrapped entries
/// over each other. The plot moves down by the extra rows; returns the extra height in pixels.
/// One series needs no legend: the title says what it is.
pub fn wrap_legend(v: &mut Value) -> u32 {
    let names: Vec<String> =
        v["series"].as_array().into_iter().flatten().filter_map(|s| s["name"].as_str().map(str::to_owned)).collect();
    if v.get("legend").is_none() {
        return 0;
    }
    if names.len() < 2 {
        v["legend"] = json!({ "show": false });
        return 0;
    }
    v["legend"] = legend(&names);
    let extra = (legend_lines(&names) - 1) * LEGEND_ROW;
    for g in axes_mut(v, "grid") {
        let top = g["top"].as_f64().unwrap_or(36.0);
        g["top"] = json!(top + extra as f64);
    }
    extra
}

/// Value axes whose labels never run into each other: ECharts hides a label that would overlap
/// its neighbour ("0 30 mln60 mln90 mln" at 375 px, issue 21).
pub fn value_axes(v: &mut Value) {
    for key in ["xAxis", "yAxis"] {
        for axis in axes_mut(v, key) {
            if axis["type"] == "value" {
                if !axis["axisLabel"].is_object() {
                    axis["axisLabel"] = json!({});
                }
                axis["axisLabel"]["hideOverlap"] = json!(true);
            }
        }
    }
}

/// An option's components of one kind, whether written as one object or a list.
pub fn axes_mut<'a>(v: &'a mut Value, key: &str) -> Vec<&'a mut Value> {
    match v.get_mut(key) {
        Some(Value::Array(list)) => list.iter_mut().collect(),
        Some(o @ Value::Object(_)) => vec![o],
        _ => Vec::new(),
    }
}
