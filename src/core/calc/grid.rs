//! A table of computed figures as the monitor shows it: the one transform that the HTML table,
//! the chart, the text summary and the downloads all read (as Our World in Data keeps its table
//! transforms apart from its charts).

use crate::core::calc::engine::{self, Figure};
use crate::core::model::cells::Coord;
use crate::core::model::*;

/// What the rows of a grid are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowsAre {
    Areas,
    Periods,
    Categories,
    Measures,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub label: String,
    pub unit: Unit,
    pub decimals: u8,
    pub measure: String,
    pub category: Option<String>,
    /// The period of the column's figures, when the columns are periods (a series of one area
    /// with categories as rows); else the grid's `period`, or the row's.
    pub period: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Area code, period id, category id or measure id.
    pub id: String,
    pub label: String,
    /// The row is a reference (Nederland) or a total (the region), drawn apart in charts.
    pub reference: bool,
    pub cells: Vec<Figure>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub table: String,
    pub title: String,
    pub rows_are: RowsAre,
    /// The period shown when rows are not periods.
    pub period: Option<String>,
    pub period_label: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

impl Grid {
    pub fn row_header(&self) -> &'static str {
        match self.rows_are {
            RowsAre::Areas => "Gebied",
            RowsAre::Periods => "Periode",
            RowsAre::Categories => "Categorie",
            RowsAre::Measures => "Onderwerp",
        }
    }
    pub fn any_provisional(&self) -> bool {
        self.rows.iter().flat_map(|r| &r.cells).any(|f| f.provisional)
    }
    /// Whether none, some or all figures with a value are voorlopig: a table-wide badge only
    /// for `All`; for `Some` a mark on each voorlopig cell and a legend (issue 15).
    pub fn provisional(&self) -> Provisional {
        let with_value = || self.rows.iter().flat_map(|r| &r.cells).filter(|f| f.value.is_ok());
        match (with_value().any(|f| f.provisional), with_value().all(|f| f.provisional)) {
            (false, _) => Provisional::None,
            (true, true) => Provisional::All,
            (true, false) => Provisional::Some,
        }
    }
    /// The labels of the rows with a voorlopig figure (for the summary and the legend).
    pub fn provisional_rows(&self) -> Vec<&str> {
        self.rows.iter().filter(|r| r.cells.iter().any(|f| f.provisional)).map(|r| r.label.as_str()).collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provisional {
    None,
    Some,
    All,
}

/// Builds the grid for a table. `period` picks the period when the rows are not periods
/// (default: the last one); in a time series of one area, a chosen period shows that period's
/// categories or measures instead of every period (the period choice). `areas` limits and orders
/// the area rows (default: the source's order).
///
/// Every stored figure of the view gets a cell (issue 21): with one area, categories are the
/// rows and the columns are the measures (with every period, or the chosen one); without
/// categories, the rows are the periods (or, for one period, the measures). A column is kept
/// when it has a figure in what the view shows, or can be computed there.
pub fn build(table: &Table, manifest: &Manifest, period: Option<&str>, areas: Option<&[String]>) -> Grid {
    let table_areas = table.areas();
    let chosen = period.is_some_and(|p| table.periods.iter().any(|x| x.id == p));
    let rows_are = if table_areas.len() > 1 {
        RowsAre::Areas
    } else if !table.categories.is_empty() {
        RowsAre::Categories
    } else if table.periods.len() > 1 && !chosen {
        RowsAre::Periods
    } else {
        RowsAre::Measures
    };
    // One period for the whole grid, unless the rows or the columns are the periods.
    let every_period = !chosen && table.periods.len() > 1 && matches!(rows_are, RowsAre::Periods | RowsAre::Categories);
    let period = if every_period {
        None
    } else {
        Some(
            period
                .filter(|p| table.periods.iter().any(|x| x.id == *p))
                .map(str::to_owned)
                .or_else(|| table.periods.last().map(|p| p.id.clone()))
                .unwrap_or_default(),
        )
    };
    let single_area = table_areas.first().cloned().unwrap_or_default();
    // In a grid of one area, what the view shows is small: a column is kept only when it has
    // a figure in the view's period (a table of several areas keeps its columns across periods).
    let scope = if rows_are == RowsAre::Areas { None } else { period.as_deref() };
    let columns = columns(table, rows_are, every_period, scope);
    let p = period.clone().unwrap_or_default();
    let rows: Vec<Row> = match rows_are {
        RowsAre::Areas => {
            let order: Vec<String> = match areas {
                Some(list) => list.iter().filter(|a| table_areas.contains(a)).cloned().collect(),
                None => table_areas.clone(),
            };
            area_rows(table, manifest, &order, &columns, &p)
        }
        RowsAre::Periods => table
            .periods
            .iter()
            .map(|per| Row {
                id: per.id.clone(),
                label: per.label.clone(),
                reference: false,
                cells: columns
                    .iter()
                    .map(|c| engine::cell(table, &key(&c.measure, c.category.clone(), &single_area, &per.id)))
                    .collect(),
            })
            .collect(),
        RowsAre::Categories => table
            .categories
            .iter()
            .map(|cat| Row {
                id: cat.id.clone(),
                label: cat.label.clone(),
                reference: table.totals.iter().any(|t| t.dimension == TotalDimension::Category && t.total == cat.id),
                cells: columns
                    .iter()
                    .map(|c| {
                        let at = c.period.as_deref().unwrap_or(&p);
                        engine::cell(table, &key(&c.measure, Some(cat.id.clone()), &single_area, at))
                    })
                    .collect(),
            })
            .collect(),
        RowsAre::Measures => table
            .measures
            .iter()
            .filter(|m| {
                let present = |measure: &str| has_values_in(table, measure, None, false, scope);
                present(&m.id) || m.formula.as_ref().is_some_and(|f| f.args.iter().all(|a| present(a)))
            })
            .map(|m| Row {
                id: m.id.clone(),
                label: m.full_label(),
                reference: false,
                cells: vec![engine::cell(table, &key(&m.id, None, &single_area, &p))],
            })
            .collect(),
    };
    let period_label = period.as_deref().map(|p| table.period_label(p));
    Grid { table: table.id.clone(), title: table.title.clone(), rows_are, period, period_label, columns, rows }
}

/// The key of one cell of the grid. A function of its own so every kind of row builds its keys
/// the same way.
fn key(measure: &str, category: Option<String>, area: &str, period: &str) -> Key {
    Key { measure: measure.to_owned(), area: area.to_owned(), period: period.to_owned(), category }
}

/// The columns of a grid: measures × categories (rows of areas or periods), measures × periods
/// (rows of categories, every period), measures (rows of categories, one period), or one
/// "waarde" column (rows of measures). Apart from [`build`] because which columns are kept (a
/// figure in the view's `scope`, or computable there) is a rule of its own (issue 21).
fn columns(table: &Table, rows_are: RowsAre, every_period: bool, scope: Option<&str>) -> Vec<Column> {
    if rows_are == RowsAre::Measures {
        return vec![Column {
            label: "waarde".into(),
            unit: Unit::Aantal,
            decimals: 0,
            measure: String::new(),
            category: None,
            period: None,
        }];
    }
    let categories: Vec<Option<&Label>> = if table.categories.is_empty() || rows_are == RowsAre::Categories {
        vec![None]
    } else {
        table.categories.iter().map(Some).collect()
    };
    let periods: Vec<Option<&Label>> = if every_period && rows_are == RowsAre::Categories {
        table.periods.iter().map(Some).collect()
    } else {
        vec![None]
    };
    // Rows of categories: a measure with a figure in any category counts.
    let any_category = rows_are == RowsAre::Categories;
    let mut columns = Vec::new();
    for m in &table.measures {
        for c in &categories {
            for p in &periods {
                let cat = c.map(|c| c.id.as_str());
                let at = p.map(|p| p.id.as_str()).or(scope);
                let present = |measure: &str| has_values_in(table, measure, cat, any_category, at);
                // A derived measure the source does not print is computed wherever its inputs are.
                let computed = m.formula.as_ref().is_some_and(|f| f.args.iter().all(|a| present(a)));
                if !present(&m.id) && !computed {
                    continue;
                }
                let mut label = m.full_label();
                for part in [c, p].into_iter().flatten() {
                    label = format!("{label} – {}", part.label);
                }
                columns.push(Column {
                    label,
                    unit: m.unit,
                    decimals: m.decimals,
                    measure: m.id.clone(),
                    category: c.map(|c| c.id.clone()),
                    period: p.map(|p| p.id.clone()),
                });
            }
        }
    }
    columns
}

/// The rows of a grid of areas (in `order`), at period `p`. Apart from [`build`] because it is
/// the hot loop (every gemeente of the country in the benchmark): the strings of a cell's key
/// are looked up once per row and column, not per cell.
fn area_rows(table: &Table, manifest: &Manifest, order: &[String], columns: &[Column], p: &str) -> Vec<Row> {
    // Gemeenten whose wijken or buurten are rows of this table too.
    let has_wijken: Vec<String> = order.iter().filter_map(|a| manifest.area(a).and_then(Area::gemeente)).collect();
    let ix = &table.index;
    let period_at = ix.period(p);
    let column_at: Vec<_> =
        columns.iter().map(|c| (table.measure(&c.measure), ix.category(c.category.as_deref()))).collect();
    order
        .iter()
        .map(|a| {
            let area_at = ix.area(a);
            let cells = columns
                .iter()
                .zip(&column_at)
                .map(|(c, (measure, category))| {
                    let place = match (area_at, period_at, category) {
                        (Some(area), Some(period), Some(category)) => {
                            Some(Coord { measure: 0, area, period, category: *category })
                        }
                        _ => None,
                    };
                    match measure {
                        Some(m) => engine::cell_at(table, m, place),
                        None => engine::cell(table, &key(&c.measure, c.category.clone(), a, p)),
                    }
                })
                .collect();
            let area = manifest.area(a);
            Row {
                id: a.clone(),
                label: area.map_or_else(|| a.clone(), |x| x.name.clone()),
                // A gemeente next to its own wijken is their reference, drawn apart.
                reference: area.is_some_and(|x| {
                    x.kind.is_reference() || (x.kind == AreaKind::Gemeente && has_wijken.contains(&x.code))
                }),
                cells,
            }
        })
        .collect()
}

/// Whether `measure` has a printed cell in `category` (any category when `any_category`) and
/// `period` (any period when `None`). Without a period this is the index's answer; with one it
/// scans the values, which only grids of one area ask (small tables).
fn has_values_in(
    table: &Table,
    measure: &str,
    category: Option<&str>,
    any_category: bool,
    period: Option<&str>,
) -> bool {
    match period {
        None if any_category => table.categories.iter().any(|c| table.index.has_values(measure, Some(&c.id))),
        None => table.index.has_values(measure, category),
        Some(p) => table.values.iter().any(|v| {
            v.key.measure == measure && v.key.period == p && (any_category || v.key.category.as_deref() == category)
        }),
    }
}

impl Column {
    /// The column header with its unit written once: "jeugdhulp (%)", but "sociaal domein, % van
    /// de begroting" and "loonkostensubsidie (% per 1.000 huishoudens)" stay as they are, because
    /// their label already says the unit (issue 13: "(%) (%)").
    pub fn header(&self) -> String {
        let label = self.label.to_lowercase();
        let says = |words: &[&str]| words.iter().any(|w| label.contains(w));
        let written = match self.unit {
            Unit::Aantal | Unit::Score => true,
            Unit::Procent => says(&["%", "procent"]),
            Unit::Per1000 => says(&["per 1.000", "per 1000"]),
            Unit::Euro => says(&["€", "euro"]),
            Unit::Jaar => says(&["jaar"]),
            Unit::Maanden => says(&["maand"]),
        };
        if written {
            self.label.clone()
        } else {
            format!("{} ({})", self.label, self.unit.id())
        }
    }
}
