//! *Geheim* and *n.b.* in a chart, so a missing figure never looks like a short bar or no data:
//! in bar charts a labelled mark where the bar would start; in line charts and stacked bars the
//! word on the category's axis label, or in the series name where other series have a figure.
//! One step of the option's single pass (build → refine → marks → serialise), for the page and
//! the downloaded image alike.

use crate::core::calc::engine::Missing;
use crate::core::calc::grid::Grid;
use serde_json::{json, Value};

/// The short mark drawn in the chart for a missing figure.
pub fn mark_word(m: &Missing) -> &'static str {
    match m {
        Missing::Geheim | Missing::UitGeheim(_) => "geheim",
        Missing::NietBeschikbaar | Missing::UitNietBeschikbaar(_) => "n.b.",
        Missing::NietInBron => "niet in bron",
        Missing::DelenDoorNul => "n.v.t.",
    }
}

/// The chart option with every missing figure of a bar chart drawn as a labelled mark: a bar of
/// length 0 with a dashed outline and the word ("geheim", "n.b.") where the bar would start.
/// In line charts and stacked bars the mark goes on the category's axis label instead
/// ("2017 (n.b.)"), where a point or segment cannot carry a word.
pub fn add(v: &mut Value, grid: &Grid, columns: &[usize]) {
    let series_count = v["series"].as_array().map_or(0, Vec::len);
    let stacked = v["series"].as_array().is_some_and(|s| s.iter().any(|x| x.get("stack").is_some()));
    let lines = v["series"].as_array().is_some_and(|s| s.iter().any(|x| x["type"] == "line"));
    if series_count != columns.len() {
        return;
    }
    if stacked || lines {
        // A row whose drawn figures are all missing says so on the axis ("2017 (n.b.)"); a line
        // or segment that misses a figure in a row where others have one says it in its own
        // name ("… (n.b. in 2017)"), so the mark never covers figures that are there (issue 21).
        let all_missing = |row: &crate::core::calc::grid::Row| {
            columns.iter().all(|c| row.cells.get(*c).is_some_and(|f| f.value.is_err()))
        };
        if let Some(series) = v["series"].as_array_mut() {
            for (s, column) in series.iter_mut().zip(columns) {
                let mut words: Vec<(&str, Vec<&str>)> = Vec::new();
                for row in grid.rows.iter().filter(|r| !all_missing(r)) {
                    let Some(Err(m)) = row.cells.get(*column).map(|f| &f.value) else { continue };
                    let word = mark_word(m);
                    match words.iter_mut().find(|(w, _)| *w == word) {
                        Some((_, rows)) => rows.push(row.label.as_str()),
                        None => words.push((word, vec![row.label.as_str()])),
                    }
                }
                if words.is_empty() {
                    continue;
                }
                let said: Vec<String> = words
                    .iter()
                    .map(|(w, rows)| {
                        format!(
                            "{w} in {}",
                            crate::core::text::format::join_nl(&rows.iter().map(|r| r.to_string()).collect::<Vec<_>>())
                        )
                    })
                    .collect();
                if let Some(Value::String(name)) = s.get_mut("name") {
                    let suffix = format!(" ({})", said.join("; "));
                    if !name.ends_with(&suffix) {
                        name.push_str(&suffix);
                    }
                }
            }
        }
        let axis_key = if lines { "xAxis" } else { "yAxis" };
        let axis = if v[axis_key].is_array() { &mut v[axis_key][0] } else { &mut v[axis_key] };
        if let Some(data) = axis["data"].as_array_mut() {
            for (row, slot) in grid.rows.iter().zip(data.iter_mut()) {
                if !all_missing(row) {
                    continue;
                }
                let mut words: Vec<&str> = columns
                    .iter()
                    .filter_map(|c| row.cells.get(*c).and_then(|f| f.value.as_ref().err()).map(mark_word))
                    .collect();
                words.dedup();
                if words.is_empty() {
                    continue;
                }
                let suffix = format!(" ({})", words.join(", "));
                match slot {
                    Value::String(s) if !s.ends_with(&suffix) => s.push_str(&suffix),
                    Value::Object(o) => {
                        if let Some(Value::String(s)) = o.get_mut("value") {
                            if !s.ends_with(&suffix) {
                                s.push_str(&suffix);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        return;
    }
    for (s, column) in columns.iter().enumerate() {
        let Some(points) = v["series"][s]["data"].as_array_mut() else { continue };
        for (row, point) in grid.rows.iter().zip(points.iter_mut()) {
            let Some(Err(missing)) = row.cells.get(*column).map(|f| &f.value) else { continue };
            *point = json!({
                "value": 0,
                "itemStyle": { "color": "rgba(0,0,0,0)", "borderColor": "#595959", "borderType": "dashed", "borderWidth": 1 },
                "label": {
                    "show": true,
                    "position": "right",
                    "formatter": mark_word(missing),
                    "color": "#4a4a4a",
                    "fontStyle": "italic"
                }
            });
        }
    }
}
