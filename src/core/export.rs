//! Downloads of exactly what a view shows: CSV for Dutch Excel and JSON with metadata.
//! Marks travel with the data: a *geheim* value is the word "geheim", never an empty cell or 0.

use super::engine::{Figure, Missing};
use super::format;
use super::grid::Grid;
use super::model::{Manifest, Table};
use serde_json::json;

/// A file name that says what is in it: `jeugd-jongeren-in-jeugdzorg_2016-H1_drechtsteden.csv`.
pub fn file_name(grid: &Grid, place: &str, extension: &str) -> String {
    let clean = |s: &str| -> String {
        let mut out = String::new();
        for c in crate::core::catalog::fold(s).chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c);
            } else if !out.ends_with('-') {
                out.push('-');
            }
        }
        out.trim_matches('-').chars().take(60).collect()
    };
    let mut parts = vec![clean(&grid.table)];
    if let Some(p) = &grid.period {
        parts.push(clean(p));
    }
    if !place.is_empty() {
        parts.push(clean(place));
    }
    format!("{}.{extension}", parts.join("_"))
}

/// The word for a missing value in a download.
fn mark(m: &Missing) -> &'static str {
    match m {
        Missing::Geheim | Missing::UitGeheim(_) => "geheim",
        Missing::NietBeschikbaar | Missing::UitNietBeschikbaar(_) => "niet beschikbaar",
        Missing::NietInBron => "niet in de bron",
        Missing::DelenDoorNul => "niet te berekenen",
    }
}

/// A CSV field: quoted when needed, and text that a spreadsheet would run as a formula
/// (`=`, `+`, `-`, `@`) is prefixed with `'` (CSV injection).
fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_owned() };
    if s.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn cell(f: &Figure) -> String {
    match &f.value {
        Ok(v) => format::spreadsheet(*v, f.decimals),
        Err(m) => mark(m).to_owned(),
    }
}

/// CSV as Dutch Excel opens it: UTF-8 with BOM, `;` between fields, decimal comma, CRLF,
/// with title, period, source, note and the meaning of the marks above the figures.
pub fn csv(grid: &Grid, table: &Table, manifest: &Manifest) -> String {
    let mut lines: Vec<String> = Vec::new();
    let meta = |k: &str, v: &str| format!("{};{}", field(k), field(v));
    lines.push(meta("Titel", &table.title));
    if let Some(p) = &grid.period_label {
        lines.push(meta("Periode", p));
    }
    lines.push(meta("Bron", &table.source.text));
    if let Some(seed) = manifest.seed(&table.source.seed) {
        lines.push(meta("Publicatie", &super::council::publication(seed, &table.source.section)));
    }
    if let Some(n) = &table.note {
        lines.push(meta("Toelichting", n));
    }
    let all_provisional = grid.rows.iter().flat_map(|r| &r.cells).all(|f| f.provisional || f.value.is_err());
    let some_provisional = grid.any_provisional();
    if all_provisional && some_provisional {
        lines.push(meta("Voorlopig", "ja, het gaat om voorlopige cijfers"));
    }
    lines.push(meta("Tekens", "geheim = een aantal van 0 tot en met 7, niet gepubliceerd om personen te beschermen; niet beschikbaar = niet openbaar gemaakt of niet geleverd"));
    lines.push(meta("Gemaakt met", "Monitor Sociaal Domein"));
    lines.push(String::new());
    let mut header = vec![field(grid.row_header())];
    header.extend(grid.columns.iter().map(|c| {
        field(&if c.measure.is_empty() { "waarde".to_owned() } else { format!("{} ({})", c.label, c.unit.id()) })
    }));
    let per_row_provisional = some_provisional && !all_provisional;
    if per_row_provisional {
        header.push("Voorlopig".into());
    }
    lines.push(header.join(";"));
    for r in &grid.rows {
        let mut row = vec![field(&r.label)];
        row.extend(r.cells.iter().map(cell));
        if per_row_provisional {
            row.push(if r.cells.iter().any(|f| f.provisional) { "ja".into() } else { "nee".into() });
        }
        lines.push(row.join(";"));
    }
    format!("\u{feff}{}\r\n", lines.join("\r\n"))
}

/// JSON of the displayed data with its metadata; missing values carry their status and reason.
pub fn json(grid: &Grid, table: &Table, manifest: &Manifest, url: &str) -> String {
    let rows: Vec<serde_json::Value> = grid
        .rows
        .iter()
        .map(|r| {
            let values: Vec<serde_json::Value> = grid
                .columns
                .iter()
                .zip(&r.cells)
                .map(|(c, f)| {
                    let mut v = json!({ "kolom": c.label, "eenheid": f.unit.id(), "decimalen": f.decimals, "voorlopig": f.provisional });
                    match &f.value {
                        Ok(x) => {
                            v["waarde"] = json!(format::round(*x, f.decimals));
                            v["status"] = json!(if f.published.is_some() || matches!(f.explain, super::engine::How::Calc(_)) { "berekend" } else { "gepubliceerd" });
                        }
                        Err(m) => {
                            v["waarde"] = serde_json::Value::Null;
                            v["status"] = json!(mark(m));
                            v["reden"] = json!(m.reason());
                        }
                    }
                    v
                })
                .collect();
            json!({ "code": r.id, "naam": r.label, "waarden": values })
        })
        .collect();
    let seed = manifest.seed(&table.source.seed);
    let doc = json!({
        "titel": table.title,
        "tabel": table.id,
        "periode": grid.period_label,
        "bron": {
            "tekst": table.source.text,
            "publicatie": seed.map(|s| s.title.clone()),
            "uitgever": seed.map(|s| s.publisher.clone()),
            "jaar": seed.map(|s| s.year),
            "onderdeel": table.source.section,
        },
        "toelichting": table.note,
        "rijen_zijn": grid.row_header(),
        "rijen": rows,
        "inconsistenties": table.inconsistencies.iter().map(|i| i.description.clone()).collect::<Vec<_>>(),
        "tekens": {
            "geheim": "een aantal van 0 tot en met 7, niet gepubliceerd om personen te beschermen",
            "niet beschikbaar": "niet openbaar gemaakt of niet geleverd"
        },
        "url": url,
        "gemaakt_met": "Monitor Sociaal Domein",
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}
