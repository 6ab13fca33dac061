//! The rows of figures under the descriptor rows: their area or period, every cell read, and
//! the table's values built from them.

use super::columns::FigureColumn;
use super::meta::Meta;
use super::numbers::{parse_cell, CellContent};
use super::periods::{not_a_period, period_id, period_label_from_id};
use super::records::SheetRow;
use super::words::find_area;
use super::Layout;
use crate::core::model::problem::Problems;
use crate::core::model::{Key, Kind, Label, Manifest, Status, Value};
use std::collections::HashMap;

/// One row of figures.
pub(super) struct FigureRow {
    pub number: usize,
    /// Area code (per gebied) or period id (per jaar); `None` when it could not be read.
    pub key: Option<String>,
    /// Per column; `None` when the cell had a problem.
    pub cells: Vec<Option<CellContent>>,
    /// The period is marked voorlopig (`2025*`, CBS's mark), so all its figures are.
    pub provisional: bool,
    /// Per column: the figure is marked voorlopig (`1.234*`).
    pub marked: Vec<bool>,
}

/// The rows of figures: their area or period, and every cell read. Per jaar, the periods are
/// added to `periods`. `label_column`: per jaar, the second column holds the period's label.
pub(super) fn read_figure_rows(
    data: &[SheetRow],
    columns: &[FigureColumn],
    layout: Layout,
    label_column: bool,
    manifest: &Manifest,
    periods: &mut Vec<Label>,
    problems: &mut Problems,
) -> Vec<FigureRow> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut rows = Vec::new();
    for row in data {
        // CBS marks voorlopige cijfers with `*`: after a period (per jaar) or a figure (issue 15).
        let first = row.get(0);
        let row_provisional = layout == Layout::PerJaar && first.ends_with('*');
        let first = if row_provisional { first.trim_end_matches('*').trim_end() } else { first };
        // (id, how a message names it, label)
        let key = match layout {
            _ if first.is_empty() => {
                let message = match layout {
                    Layout::PerGebied => "de eerste cel is leeg; vul het gebied in (CBS-code zoals GM0505 of de naam)",
                    Layout::PerJaar => "de eerste cel is leeg; vul de periode in (zoals 2016 of 2016-H1)",
                };
                problems.add_in_sheet(row.number, 1, message);
                None
            }
            Layout::PerGebied => match find_area(manifest, first) {
                Ok(area) => Some((area.code.clone(), format!("het gebied {}", area.name), area.name.clone())),
                Err(message) => {
                    problems.add_in_sheet(row.number, 1, message);
                    None
                }
            },
            Layout::PerJaar => match period_id(first) {
                Some(id) => {
                    let given = Some(row.get(1)).filter(|label| label_column && !label.is_empty());
                    let label = given.map_or_else(|| period_label_from_id(&id), str::to_owned);
                    Some((id.clone(), format!("de periode {id}"), label))
                }
                None => {
                    problems.add_in_sheet(row.number, 1, not_a_period(first));
                    None
                }
            },
        };
        let key = key.and_then(|(id, what, label)| {
            if let Some(first_row) = seen.get(&id) {
                let each = if layout == Layout::PerGebied { "elk gebied" } else { "elke periode" };
                let message = format!("{what} staat al in rij {first_row}; {each} hoort maar één rij te hebben");
                problems.add_in_sheet(row.number, 1, message);
                return None;
            }
            seen.insert(id.clone(), row.number);
            if layout == Layout::PerJaar {
                periods.push(Label::new(id.clone(), label));
            }
            Some(id)
        });
        let marked: Vec<bool> = columns.iter().map(|column| row.get(column.index).ends_with('*')).collect();
        let cells = columns.iter().map(|column| read_figure(row, column, problems)).collect();
        rows.push(FigureRow { number: row.number, key, cells, provisional: row_provisional, marked });
    }
    rows
}

/// One figure cell; `None` when it has a problem (recorded).
fn read_figure(row: &SheetRow, column: &FigureColumn, problems: &mut Problems) -> Option<CellContent> {
    let raw = row.get(column.index).trim_end_matches('*').trim_end();
    let sheet_column = column.index + 1;
    match parse_cell(raw, column.unit_known.then_some(column.measure.unit)) {
        Ok(CellContent::Empty) if column.measure.formula.is_none() && column.usable => {
            problems.add_in_sheet(row.number, sheet_column, "de cel is leeg; vul het gepubliceerde getal in, of - als het geheim is, of . als het niet beschikbaar is");
            None
        }
        // `1,301` in a count column: a thousands separator written the English way (issue 15);
        // say so instead of echoing it back as a decimal.
        Ok(CellContent::Number { decimals: 3, .. }) if column.measure.kind == Kind::Count && raw.contains(',') => {
            let meant = raw.trim().replace(',', ".");
            let message = format!("\"{}\" staat in een kolom met aantallen, maar de komma is in Nederlandse notatie het decimaalteken; schrijf duizendtallen met een punt of zonder teken: {meant} of {}", raw.trim(), meant.replace('.', ""));
            problems.add_in_sheet(row.number, sheet_column, message);
            None
        }
        Ok(CellContent::Number { decimals, .. }) if decimals > 6 && !column.decimals_given => {
            problems.add_in_sheet(
                row.number,
                sheet_column,
                format!("\"{raw}\" heeft {decimals} decimalen; de monitor bewaart er hoogstens 6"),
            );
            None
        }
        Ok(content) => Some(content),
        Err(message) => {
            problems.add_in_sheet(row.number, sheet_column, message);
            None
        }
    }
}

/// The table's values in the order of the bundled files (per gebied: measure by measure; per
/// jaar: period by period), with the sheet cell (row, column) of each.
pub(super) fn build_values(
    columns: &[FigureColumn],
    rows: &[FigureRow],
    layout: Layout,
    periods: &[Label],
    meta: &Meta,
) -> (Vec<Value>, Vec<(usize, usize)>) {
    let mut cells: Vec<(&FigureColumn, &FigureRow, &CellContent, String, String, bool)> = Vec::new();
    let usable = || columns.iter().enumerate().filter(|(_, column)| column.usable);
    match layout {
        Layout::PerGebied => {
            let Some(period) = periods.first() else { return (Vec::new(), Vec::new()) };
            for (position, column) in usable() {
                for row in rows {
                    if let (Some(area), Some(Some(cell))) = (&row.key, row.cells.get(position)) {
                        let marked = row.marked.get(position).copied().unwrap_or(false);
                        cells.push((column, row, cell, area.clone(), period.id.clone(), marked));
                    }
                }
            }
        }
        Layout::PerJaar => {
            let Some(area) = &meta.area else { return (Vec::new(), Vec::new()) };
            for row in rows {
                for (position, column) in usable() {
                    if let (Some(period), Some(Some(cell))) = (&row.key, row.cells.get(position)) {
                        let marked = row.marked.get(position).copied().unwrap_or(false);
                        cells.push((column, row, cell, area.clone(), period.clone(), marked));
                    }
                }
            }
        }
    }
    let mut values = Vec::new();
    let mut places = Vec::new();
    for (column, row, cell, area, period, marked) in cells {
        let (value, status, printed) = match cell {
            CellContent::Empty => continue,
            CellContent::Number { value, .. } => (Some(*value), Status::Gepubliceerd, None),
            CellContent::Mark { status: Status::Nihil, printed } => (Some(0.0), Status::Nihil, printed.clone()),
            CellContent::Mark { status, printed } => (None, *status, printed.clone()),
        };
        let key = Key { measure: column.measure.id.clone(), area, period, category: None };
        let provisional = meta.provisional || row.provisional || marked;
        values.push(Value { key, value, status, provisional, printed });
        places.push((row.number, column.index + 1));
    }
    (values, places)
}
