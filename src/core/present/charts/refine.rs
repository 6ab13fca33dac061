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

/// Width in pixels of the narrowest chart (a 320 px screen minus the page margins).
const NARROWEST: f64 = 288.0;

/// Widest legend text in pixels before it breaks onto another line.
const LEGEND_TEXT: f64 = 240.0;

/// How many lines a legend of these names takes on the narrowest screen: icon and gap (35 px)
/// plus about 6,5 px per character of 12 px text.
pub fn legend_lines(names: &[String]) -> u32 {
    let mut lines = 1;
    let mut used = 0.0;
    for n in names {
        let text = 6.5 * n.chars().count() as f64;
        if text > LEGEND_TEXT {
            // A long name breaks over lines of its own.
            lines += if used > 0.0 { 1 } else { 0 } + (text / LEGEND_TEXT).ceil() as u32 - 1;
            used = NARROWEST;
            continue;
        }
        let w = 35.0 + text;
        if used > 0.0 && used + w > NARROWEST {
            lines += 1;
            used = 0.0;
        }
        used += w;
    }
    lines
}

/// A plain legend wraps onto more lines where a scrolling one would hide entries behind arrows.
/// The plot moves down by the extra lines; returns the extra height in pixels. One series needs
/// no legend: the title says what it is.
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
    v["legend"] = json!({ "type": "plain", "top": 0, "left": 0, "right": 0, "itemGap": 12,
                         "textStyle": { "fontSize": 12, "width": LEGEND_TEXT, "overflow": "break" } });
    let extra = (legend_lines(&names) - 1) * 22;
    for g in axes_mut(v, "grid") {
        let top = g["top"].as_f64().unwrap_or(36.0);
        g["top"] = json!(top + extra as f64);
    }
    extra
}

/// An option's components of one kind, whether written as one object or a list.
pub fn axes_mut<'a>(v: &'a mut Value, key: &str) -> Vec<&'a mut Value> {
    match v.get_mut(key) {
        Some(Value::Array(list)) => list.iter_mut().collect(),
        Some(o @ Value::Object(_)) => vec![o],
        _ => Vec::new(),
    }
}
