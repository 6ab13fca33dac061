//! What a downloaded chart image (PNG, SVG) says besides the chart: title, period and place,
//! the source, the meaning of the marks, the licence, the address and the date, and *geheim* /
//! *n.b.* drawn as labelled marks where a bar would be, so a missing figure never looks like a
//! short bar or no data at all. The layout (text measured and wrapped onto lines that never
//! overlap) is done by `scripts/echarts-export.js`, which gets this spec as JSON.

use crate::core::calc::engine::Missing;
use crate::core::calc::grid::{Grid, RowsAre};
use crate::core::model::{Manifest, Table};
use crate::core::present::export::{self, Provenance};
use serde_json::{json, Value};

/// The width of a downloaded image in CSS pixels (PNG at 2×).
pub const WIDTH: u32 = 960;

/// The line under the title: the period of the figures (or the span of a time series) and the
/// place. Never empty separators: parts that are unknown are left out.
pub fn subtitle(grid: &Grid, place: &str) -> String {
    let period = match (&grid.period_label, grid.rows_are) {
        (Some(p), _) => Some(p.clone()),
        (None, RowsAre::Periods) => match (grid.rows.first(), grid.rows.last()) {
            (Some(a), Some(b)) if a.id != b.id => Some(format!("{} t/m {}", a.label, b.label)),
            (Some(a), _) => Some(a.label.clone()),
            _ => None,
        },
        // Categories as rows, the periods as columns: the span of the columns' periods.
        (None, _) => {
            let spans: Vec<&str> = grid.columns.iter().filter_map(|c| c.period.as_deref()).collect();
            match (spans.first().copied(), spans.last().copied()) {
                (Some(a), Some(b)) if a != b => {
                    Some(format!("{} t/m {}", table_period(grid, a), table_period(grid, b)))
                }
                (Some(a), _) => Some(table_period(grid, a)),
                _ => None,
            }
        }
    };
    let mut parts: Vec<String> = Vec::new();
    if let Some(p) = period.filter(|p| !p.trim().is_empty() && !grid.title.contains(p.as_str())) {
        parts.push(format!("Cijfers: {p}"));
    }
    if !place.trim().is_empty() && grid.rows_are != RowsAre::Areas {
        parts.push(place.to_owned());
    }
    parts.join(" · ")
}

/// A period's label as the columns say it (the part after the last " – ").
fn table_period(grid: &Grid, id: &str) -> String {
    grid.columns
        .iter()
        .find(|c| c.period.as_deref() == Some(id))
        .and_then(|c| c.label.rsplit(" – ").next())
        .map_or_else(|| id.to_owned(), str::to_owned)
}

/// The short mark drawn in the chart for a missing figure.
fn mark_word(m: &Missing) -> &'static str {
    match m {
        Missing::Geheim | Missing::UitGeheim(_) => "geheim",
        Missing::NietBeschikbaar | Missing::UitNietBeschikbaar(_) => "n.b.",
        Missing::NietInBron => "niet in bron",
        Missing::DelenDoorNul => "n.v.t.",
    }
}

/// The lines under the chart, each a separate paragraph (the layout wraps them).
pub fn footer(grid: &Grid, table: &Table, manifest: &Manifest, provenance: &Provenance) -> Vec<String> {
    let mut lines = vec![format!("Bron: {}", table.source.text)];
    if let Some(s) = manifest.seed(&table.source.seed) {
        lines.push(format!("Overgenomen uit: {} ({}, {}), {}", s.title, s.publisher, s.year, table.source.section));
    }
    let cells = || grid.rows.iter().flat_map(|r| &r.cells);
    let secret = cells().any(|f| f.is_secret());
    let unavailable =
        cells().any(|f| matches!(f.value, Err(Missing::NietBeschikbaar | Missing::UitNietBeschikbaar(_))));
    let mut marks = Vec::new();
    if secret {
        marks.push("geheim = een aantal van 0 tot en met 7, niet gepubliceerd om personen te beschermen");
    }
    if unavailable {
        marks.push("n.b. = niet beschikbaar of niet openbaar gemaakt");
    }
    if grid.any_provisional() {
        marks.push("voorlopige cijfers");
    }
    if !marks.is_empty() {
        lines.push(format!("Tekens: {}", marks.join("; ")));
    }
    lines.push(format!("Licentie: {} – vermeld: {}", export::LICENCE, export::credit(table, manifest)));
    if !provenance.url.is_empty() {
        lines.push(format!("Adres: {}", provenance.url));
    }
    let date = if provenance.date.is_empty() {
        String::new()
    } else {
        format!("Gedownload op {} · ", export::date_nl(&provenance.date))
    };
    lines.push(format!("{date}Monitor Sociaal Domein"));
    lines
}

/// The chart option with every missing figure of a bar chart drawn as a labelled mark: a bar of
/// length 0 with a dashed outline and the word ("geheim", "n.b.") where the bar would start.
/// In line charts and stacked bars the mark goes on the category's axis label instead
/// ("2017 (n.b.)"), where a point or segment cannot carry a word.
pub fn with_marks(option_json: &str, grid: &Grid, columns: &[usize]) -> String {
    let Ok(mut v) = serde_json::from_str::<Value>(option_json) else { return option_json.to_owned() };
    let series_count = v["series"].as_array().map_or(0, Vec::len);
    let stacked = v["series"].as_array().is_some_and(|s| s.iter().any(|x| x.get("stack").is_some()));
    let lines = v["series"].as_array().is_some_and(|s| s.iter().any(|x| x["type"] == "line"));
    if series_count != columns.len() {
        return option_json.to_owned();
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
        return v.to_string();
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
    v.to_string()
}

/// The spec `exportImage` draws: texts, the chart option with marks, and the chart's height.
pub fn spec(
    grid: &Grid,
    table: &Table,
    manifest: &Manifest,
    option_json: &str,
    chart_height: u32,
    place: &str,
    provenance: &Provenance,
) -> String {
    let columns = crate::core::present::charts::charted_columns(grid);
    let option: Value = serde_json::from_str(&with_marks(option_json, grid, &columns)).unwrap_or(Value::Null);
    json!({
        "titel": table.title,
        "ondertitel": subtitle(grid, place),
        "voet": footer(grid, table, manifest, provenance),
        "breedte": WIDTH,
        "grafiekhoogte": chart_height,
        "optie": option,
    })
    .to_string()
}
