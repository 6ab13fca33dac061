//! What a downloaded chart image (PNG, SVG) says besides the chart: title, period and place,
//! the source, the meaning of the marks, the licence, the address and the date, and *geheim* /
//! *n.b.* drawn as labelled marks where a bar would be, so a missing figure never looks like a
//! short bar or no data at all. The layout (text measured and wrapped onto lines that never
//! overlap) is done by `scripts/echarts-export.js`, which gets this spec as JSON.

use crate::core::calc::grid::{Grid, RowsAre};
use crate::core::model::{Manifest, Table};
use crate::core::present::export::{self, Provenance};
use crate::core::present::remarks::{self, Remarks};
use serde_json::json;

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

/// The lines under the chart, each a separate paragraph (the layout wraps them): the source,
/// then everything the page says about the table (`remarks`: notes, footnotes, marks,
/// recomputed figures, contradictions), the licence, the address and the date.
pub fn footer(table: &Table, manifest: &Manifest, remarks: &Remarks, provenance: &Provenance) -> Vec<String> {
    let mut lines = vec![format!("Bron: {}", table.source.text)];
    if let Some(s) = manifest.seed(&table.source.seed) {
        lines.push(format!("Overgenomen uit: {} ({}, {}), {}", s.title, s.publisher, s.year, table.source.section));
    }
    lines.extend(remarks.lines().into_iter().map(|(label, text)| format!("{label}: {text}")));
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

/// The spec `exportImage` draws: texts, the chart option with marks, and the chart's height.
/// Without the page's cross checks: [`spec_with`] takes what the page says.
pub fn spec(
    grid: &Grid,
    table: &Table,
    manifest: &Manifest,
    option_json: &str,
    chart_height: u32,
    place: &str,
    provenance: &Provenance,
) -> String {
    let said = remarks::of_table(table, grid, &[]);
    spec_with(grid, table, manifest, &said, option_json, (chart_height, place), provenance)
}

/// The spec with everything the page says about the table (`remarks`) in its footer;
/// `chart` is the chart's height and the place the figures are about.
pub fn spec_with(
    grid: &Grid,
    table: &Table,
    manifest: &Manifest,
    remarks: &Remarks,
    option_json: &str,
    (chart_height, place): (u32, &str),
    provenance: &Provenance,
) -> String {
    // The option is the page's, marks included, already serialised once: it goes into the spec
    // as it is, never parsed again.
    let texts = json!({
        "titel": table.title,
        "ondertitel": subtitle(grid, place),
        "voet": footer(table, manifest, remarks, provenance),
        "breedte": WIDTH,
        "grafiekhoogte": chart_height,
    })
    .to_string();
    let option = if option_json.trim().is_empty() { "null" } else { option_json };
    format!("{},\"optie\":{option}}}", texts.trim_end_matches('}'))
}
