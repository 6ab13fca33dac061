//! Downloads of exactly what a view shows: CSV for Dutch Excel and JSON with metadata.
//! Marks travel with the data: a *geheim* value is the word "geheim", never an empty cell or 0.
//!
//! Every file stands on its own once it is saved or forwarded: it carries the notes shown on the
//! page, the source's contradictions, the address it came from, the download date and the
//! licence (CC BY 4.0 for the monitor's work, with the original source credited).

use crate::core::calc::engine::{Figure, Missing};
use crate::core::calc::grid::{Grid, RowsAre};
use crate::core::model::{Manifest, Table};
use crate::core::present::remarks::{self, Remarks};
use crate::core::text::format;
use serde_json::json;

/// The monitor's licence for its own work (selection, calculations, charts); the figures
/// themselves come from the source, which must be credited ([`credit`]).
pub const LICENCE: &str = "CC BY 4.0";
pub const LICENCE_URL: &str = "https://creativecommons.org/licenses/by/4.0/deed.nl";

/// Where and when a download was made. The core has no clock and no address bar, so the UI
/// passes both in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Provenance {
    /// The address (permalink) of the view, without `embed=1`.
    pub url: String,
    /// The download date as `YYYY-MM-DD`.
    pub date: String,
}

/// `2026-11-28` → `28 november 2026`; anything else is returned as it is.
pub fn date_nl(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    let [y, m, d] = parts[..] else { return iso.to_owned() };
    match (y.parse::<u32>(), m.parse::<usize>(), d.parse::<u32>()) {
        (Ok(y), Ok(m @ 1..=12), Ok(d @ 1..=31)) => format!("{d} {} {y}", crate::core::text::format::MONTHS_NL[m - 1]),
        _ => iso.to_owned(),
    }
}

/// The credit line a reuser prints: the original source, the publication the monitor took it
/// from, and the monitor's own work.
pub fn credit(table: &Table, manifest: &Manifest) -> String {
    let via = manifest
        .seed(&table.source.seed)
        .map(|s| format!(", via {} ({}, {})", s.title, s.publisher, s.year))
        .unwrap_or_default();
    format!("{}{via}, bewerking Monitor Sociaal Domein", table.source.text)
}

/// The licence line: what may be done, and whom to credit.
pub fn licence(table: &Table, manifest: &Manifest) -> String {
    format!(
        "{LICENCE} ({LICENCE_URL}): vrij te gebruiken, ook in publicaties, met bronvermelding: {}",
        credit(table, manifest)
    )
}

/// A file name that says what is in it: `jeugd-jongeren-in-jeugdzorg_2016-H1_drechtsteden.csv`.
pub fn file_name(grid: &Grid, place: &str, extension: &str) -> String {
    let clean = |s: &str| crate::core::text::words::slug(s, '-', 60);
    let mut parts = vec![clean(&grid.table)];
    if let Some(p) = &grid.period {
        parts.push(clean(p));
    }
    if !place.is_empty() {
        parts.push(clean(place));
    }
    format!("{}.{extension}", parts.join("_"))
}

/// The CBS code of an area row, so a download joins on code (issue 27): gemeente (`GM0796`),
/// wijk, buurt, province or Nederland (`NL01`); empty for the monitor's own regions
/// (`RG-DRECHTSTEDEN`), which CBS does not know.
fn cbs_code(id: &str) -> &str {
    let digits = |prefix: &str, n: usize| {
        id.strip_prefix(prefix).is_some_and(|d| d.len() == n && d.chars().all(|c| c.is_ascii_digit()))
    };
    if digits("GM", 4) || digits("WK", 6) || digits("BU", 8) || digits("PV", 2) || digits("NL", 2) {
        id
    } else {
        ""
    }
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
/// with title, period, source, note and the meaning of the marks above the figures. Without
/// the page's cross checks: [`csv_with`] takes what the page says ([`remarks::of_table`]).
pub fn csv(grid: &Grid, table: &Table, manifest: &Manifest, provenance: &Provenance) -> String {
    csv_with(grid, table, manifest, &remarks::of_table(table, grid, &[]), provenance)
}

/// The CSV with everything the page says about the table (`remarks`) above the figures.
pub fn csv_with(grid: &Grid, table: &Table, manifest: &Manifest, remarks: &Remarks, provenance: &Provenance) -> String {
    let mut lines: Vec<String> = Vec::new();
    let meta = |k: &str, v: &str| format!("{};{}", field(k), field(v));
    lines.push(meta("Titel", &table.title));
    if let Some(p) = &grid.period_label {
        lines.push(meta("Periode", p));
    }
    lines.push(meta("Bron", &table.source.text));
    if let Some(seed) = manifest.seed(&table.source.seed) {
        lines.push(meta("Publicatie", &seed.citation(&table.source.section)));
    }
    for (label, text) in remarks.lines() {
        lines.push(meta(label, &text));
    }
    let all_provisional = grid.rows.iter().flat_map(|r| &r.cells).all(|f| f.provisional || f.value.is_err());
    let some_provisional = grid.any_provisional();
    if all_provisional && some_provisional {
        lines.push(meta("Voorlopig", "ja, het gaat om voorlopige cijfers"));
    }
    lines.push(meta("Woorden in de cijfers", "geheim = een aantal van 0 tot en met 7, niet gepubliceerd om personen te beschermen; niet beschikbaar = niet openbaar gemaakt of niet geleverd"));
    lines.push(meta("Licentie", &licence(table, manifest)));
    lines.push(meta("Adres", &provenance.url));
    lines.push(meta("Gedownload op", &date_nl(&provenance.date)));
    lines.push(meta("Gemaakt met", "Monitor Sociaal Domein"));
    lines.push(String::new());
    let coded = grid.rows_are == RowsAre::Areas;
    let mut header = vec![field(grid.row_header())];
    if coded {
        header.push("CBS-code".into());
    }
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
        if coded {
            row.push(field(cbs_code(&r.id)));
        }
        row.extend(r.cells.iter().map(cell));
        if per_row_provisional {
            row.push(if r.cells.iter().any(|f| f.provisional) { "ja".into() } else { "nee".into() });
        }
        lines.push(row.join(";"));
    }
    format!("\u{feff}{}\r\n", lines.join("\r\n"))
}

/// JSON of the displayed data with its metadata; missing values carry their status and reason.
/// Without the page's cross checks: [`json_with`] takes what the page says.
pub fn json(grid: &Grid, table: &Table, manifest: &Manifest, provenance: &Provenance) -> String {
    json_with(grid, table, manifest, &remarks::of_table(table, grid, &[]), provenance)
}

/// The JSON with everything the page says about the table (`remarks`).
pub fn json_with(
    grid: &Grid,
    table: &Table,
    manifest: &Manifest,
    remarks: &Remarks,
    provenance: &Provenance,
) -> String {
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
                            v["status"] = json!(if f.is_printed() { "gepubliceerd" } else { "berekend" });
                            if let Some(c) = f.computed_differently() {
                                v["berekend_uit_de_delen"] = json!(format::round(c, f.decimals));
                            }
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
            let mut row = json!({ "code": r.id, "naam": r.label, "waarden": values });
            if grid.rows_are == RowsAre::Areas {
                row["cbs_code"] = json!(Some(cbs_code(&r.id)).filter(|c| !c.is_empty()));
            }
            row
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
        "toelichting": remarks.notes(),
        "rijen_zijn": grid.row_header(),
        "rijen": rows,
        "inconsistenties": [],
        "tekens": {
            "geheim": "een aantal van 0 tot en met 7, niet gepubliceerd om personen te beschermen",
            "niet beschikbaar": "niet openbaar gemaakt of niet geleverd"
        },
        "url": provenance.url,
        "gedownload_op": provenance.date,
        "licentie": {
            "naam": LICENCE,
            "url": LICENCE_URL,
            "geldt_voor": "de bewerking door de Monitor Sociaal Domein (selectie, berekeningen, grafieken)",
            "bronvermelding": credit(table, manifest),
        },
        "gemaakt_met": "Monitor Sociaal Domein",
    });
    let mut doc = doc;
    if let (Some(fields), serde_json::Value::Object(said)) = (doc.as_object_mut(), remarks.json()) {
        fields.extend(said);
    }
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}
