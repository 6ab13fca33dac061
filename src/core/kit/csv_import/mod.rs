//! CSV templates → the monitor's table format (issue 8).
//!
//! A policy officer fills in a template in Dutch Excel (`public/sjablonen/`, explained in
//! `docs/csv-sjablonen.md`) and saves it as CSV. [`convert`] turns that text into a [`Table`],
//! or lists every problem in Dutch with the row and column as the spreadsheet shows them.
//! The converted table has passed the project's own validator, so [`to_dataset_json`] always
//! writes a file that `msd-check` and the monitor accept.
//!
//! Layout, top to bottom (rows whose first cell starts with `#` are comments; empty rows are
//! skipped everywhere):
//! ```text
//! titel;Jongeren in jeugdzorg, 1e halfjaar 2016 (%)      ← metadata: one line per field
//! thema;jeugd                                             (titel, tabel-id, thema, pijler, bron,
//! …                                                        bronnummer, sectie, pagina,
//! periode;2016-H1;1e halfjaar 2016   (per gebied only)      toelichting, definitie, voorlopig,
//! gebied;Ridderkerk                  (per jaar only)        afronding)
//! gebied;jeugdhulp;met verblijf      ← header: `gebied` (per gebied) or `periode` (per jaar)
//! id;jeugdhulp;met_verblijf          ← descriptor rows under the header, any order:
//! eenheid;%;%                          eenheid (required), id, soort, decimalen, basis, groep, formule
//! Alblasserdam;8,8;0,8               ← one row per area (per gebied) or period (per jaar)
//! ```
//! In the per-jaar template the column after `periode` may be headed `omschrijving`: the period's
//! label as published.
//!
//! One module per job: [`bytes`] (file bytes → text), `records` (CSV → sheet rows),
//! `numbers` (Dutch numbers and marks), `periods` and `words` (the template's words), `formula`,
//! `meta` (the block above the table), `columns` (header and descriptor rows), `rows` (figures),
//! `positions` (validator paths → sheet cells); writing JSON is `core::dataset_file`.
//!
//! Pure: no browser types, no I/O, never panics on any input.

mod bytes;
mod columns;
mod formula;
mod meta;
mod numbers;
mod periods;
mod positions;
mod records;
mod rows;
mod words;

pub use bytes::decode_bytes;

use crate::core::calc::engine;
use crate::core::check::validate;
use crate::core::model::problem::{Location, Problem, Problems, Segment};
use crate::core::model::{Dataset, Label, Manifest, Pillar, Region, Source, Table, Theme};
use crate::core::read::dataset_file::write_dataset;
use crate::core::text::format::with_unit;
use crate::core::text::words::fold;
use columns::{find_header, read_columns, read_descriptors};
use meta::{read_meta, Meta, META_KEYS};
use numbers::CellContent;
use positions::{in_sheet_order, Places};
use records::read_sheet;
use rows::{build_values, read_figure_rows};
use std::collections::HashSet;

/// Which template a file follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// One period; a row per area.
    PerGebied,
    /// One area; a row per period.
    PerJaar,
}

/// Turns a filled-in template into a table, or lists every problem (Dutch, with row and column
/// as the spreadsheet counts them), sorted top to bottom. `file` is the name the user knows the
/// file by. The table has passed `validate::check_dataset`.
pub fn convert(file: &str, text: &str, manifest: &Manifest) -> Result<Table, Vec<Problem>> {
    let mut problems = Problems::new(file);
    let Some((rows, separator)) = read_sheet(text, &mut problems) else { return Err(problems.list) };
    let Some(header_index) = find_header(&rows, &mut problems) else { return Err(problems.list) };
    let header = &rows[header_index];
    let layout = if header.key() == "gebied" { Layout::PerGebied } else { Layout::PerJaar };
    let meta = read_meta(&rows[..header_index], layout, separator, manifest, &mut problems);
    let (descriptors, first_data) = read_descriptors(&rows, header_index, &mut problems);
    let data = &rows[first_data..];
    let label_column =
        layout == Layout::PerJaar && matches!(fold(header.get(1)).as_str(), "omschrijving" | "label" | "naam");
    let first_figure = if label_column { 2 } else { 1 };
    let Some(mut columns) = read_columns(header, &descriptors, data, first_figure, separator, &mut problems) else {
        return Err(in_sheet_order(problems));
    };
    let mut periods: Vec<Label> = meta.period.iter().cloned().collect();
    let figure_rows = read_figure_rows(data, &columns, layout, label_column, manifest, &mut periods, &mut problems);
    if data.is_empty() {
        let last = descriptors.rows().map(|row| row.number).max().unwrap_or(header.number);
        problems.add_in_sheet(last + 1, 1, match layout {
            Layout::PerGebied => "onder de kopregel staan geen gebieden; zet per gebied een rij met de CBS-code of de naam en de cijfers",
            Layout::PerJaar => "onder de kopregel staan geen perioden; zet per periode een rij met de periode (zoals 2016) en de cijfers",
        });
    }
    // Decimals as printed when the file does not say.
    for (position, column) in columns.iter_mut().enumerate().filter(|(_, column)| !column.decimals_given) {
        let printed = figure_rows.iter().filter_map(|row| match row.cells.get(position) {
            Some(Some(CellContent::Number { decimals, .. })) => Some(*decimals),
            _ => None,
        });
        column.measure.decimals = printed.max().unwrap_or(0).min(6) as u8;
    }
    let (values, value_cells) = build_values(&columns, &figure_rows, layout, &periods, &meta);
    let mut table = Table {
        id: meta.table_id.clone(),
        title: meta.title.clone().unwrap_or_default(),
        report_title: None,
        theme: meta.theme.unwrap_or(Theme::Jeugd),
        pillar: meta.pillar.unwrap_or(Pillar::Gebruik),
        source: Source {
            text: meta.source.clone().unwrap_or_default(),
            seed: meta.seed.clone().unwrap_or_else(|| "000".into()),
            section: meta.text("sectie").unwrap_or_default(),
            page: meta.page,
        },
        note: meta.text("toelichting"),
        definitions: meta.definitions.clone(),
        provisional: meta.provisional,
        rounding: meta.rounding,
        periods,
        categories: Vec::new(),
        measures: columns.iter().map(|column| column.measure.clone()).collect(),
        totals: Vec::new(),
        values,
        inconsistencies: Vec::new(),
        headline: None,
        budget: None,
        index: Default::default(),
    };
    table.reindex();
    let period_row = |period: &Label| {
        let own_row = figure_rows.iter().find(|row| row.key.as_deref() == Some(period.id.as_str()));
        match own_row {
            Some(row) if layout == Layout::PerJaar => row.number,
            _ => meta.cell("periode").0,
        }
    };
    let places = Places {
        header: header.number,
        descriptors: descriptors.row_numbers(),
        columns: columns.iter().map(|column| column.index + 1).collect(),
        values: value_cells,
        meta: META_KEYS.iter().filter_map(|key| meta.row(key).map(|row| (*key, row))).collect(),
        periods: table.periods.iter().map(period_row).collect(),
    };
    check_table(table, &meta, &places, descriptors.row("formule"), manifest, problems)
}

/// Runs the project's validator (and the engine's check of published figures against their
/// formulas) on the table and places its problems in the sheet. A problem at a cell that already
/// has one is left out: it follows from the first.
fn check_table(
    table: Table,
    meta: &Meta,
    places: &Places,
    formula_row: Option<usize>,
    manifest: &Manifest,
    mut problems: Problems,
) -> Result<Table, Vec<Problem>> {
    let dataset = Dataset {
        region: String::new(),
        theme: table.theme,
        tables: vec![table],
        availability: Vec::new(),
        untranscribed: Vec::new(),
        begrippen: Vec::new(),
        narrative: Default::default(),
    };
    let mut found = Problems::new(&problems.file);
    validate::check_dataset(&dataset, manifest, &mut found);
    // Said for the sheet: the validator words this for JSON, where such a figure can be documented
    // as an inconsistency. (The engine can't follow formulas that refer to each other in a
    // cycle; the validator reports those, and this check is skipped.)
    if let Some(table) = dataset.tables.first().filter(|table| validate::formula_cycle(table).is_none()) {
        for check in engine::checks(table).into_iter().filter(|check| !check.agrees && !check.documented) {
            let position = table.values.iter().position(|value| value.key == check.key);
            let (Some(position), Some(measure)) = (position, table.measure(&check.key.measure)) else { continue };
            let Some(&(row, column)) = places.values.get(position) else { continue };
            let formula_row = formula_row.map_or(String::new(), |row| format!(" (rij {row})"));
            problems.add_in_sheet(
                row,
                column,
                format!(
                    "het gepubliceerde cijfer {} klopt niet met de formule{formula_row}: {}; controleer het getal, en staat het zo in de bron, laat dan de formule weg",
                    with_unit(check.published, measure.unit, measure.decimals),
                    check.how()
                ),
            );
        }
    }
    let own: HashSet<(usize, usize)> =
        problems.list.iter().filter_map(|problem| problem.location.sheet_cell()).collect();
    // A missing title or an unknown theme already explains a table id the validator refuses.
    let id_follows = meta.theme.is_none() || meta.title.is_none() && !meta.lines.contains_key("tabel-id");
    for problem in found.list {
        let Location::Json(path) = &problem.location else { continue };
        if id_follows && is_table_id(path.segments()) {
            continue;
        }
        let (row, column) = places.locate(path);
        if !own.contains(&(row, column)) {
            problems.add_in_sheet(row, column, problem.message);
        }
    }
    if !problems.is_empty() {
        return Err(in_sheet_order(problems));
    }
    let file = problems.file.clone();
    dataset.tables.into_iter().next().ok_or_else(|| in_sheet_order(Problems::new(&file)))
}

/// `tables[0].id`
fn is_table_id(segments: &[Segment]) -> bool {
    matches!(segments, [Segment::Key(tables), Segment::Index(0), Segment::Key(id)] if tables == "tables" && id == "id")
}

/// The region a table belongs to: the one manifest region whose gemeenten, area and reference
/// cover all the table's areas (preferring the region whose own area is in the table).
pub fn guess_region(table: &Table, manifest: &Manifest) -> Option<String> {
    let areas = table.areas();
    let covers = |region: &&Region| {
        areas.iter().all(|area| {
            *area == region.area
                || region.reference.as_deref() == Some(area.as_str())
                || region.gemeenten.contains(area)
        })
    };
    let candidates: Vec<&Region> = manifest.regions.iter().filter(covers).collect();
    match candidates.as_slice() {
        [one] => Some(one.id.clone()),
        [] => None,
        many => {
            let own: Vec<&&Region> = many.iter().filter(|region| areas.contains(&region.area)).collect();
            match own.as_slice() {
                [one] => Some(one.id.clone()),
                _ => None,
            }
        }
    }
}

/// A complete dataset file (format 1) holding this one table, in the shape `decode.rs` reads and
/// laid out like the bundled files. Put it in `public/data/<region>-<theme>.json` and list it in
/// `manifest.json`.
pub fn to_dataset_json(table: &Table, region: &str) -> String {
    let dataset = Dataset {
        region: region.to_owned(),
        theme: table.theme,
        tables: vec![table.clone()],
        availability: Vec::new(),
        untranscribed: Vec::new(),
        begrippen: Vec::new(),
        narrative: Default::default(),
    };
    write_dataset(&dataset)
}
