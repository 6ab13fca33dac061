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
pub fn build(table: &Table, manifest: &Manifest, period: Option<&str>, areas: Option<&[String]>) -> Grid {
    let table_areas = table.areas();
    let chosen = period.is_some_and(|p| table.periods.iter().any(|x| x.id == p));
    let rows_are = if table_areas.len() > 1 {
        RowsAre::Areas
    } else if table.periods.len() > 1 && !chosen {
        RowsAre::Periods
    } else if !table.categories.is_empty() {
        RowsAre::Categories
    } else {
        RowsAre::Measures
    };
    let period = match rows_are {
        RowsAre::Periods => None,
        _ => Some(
            period
                .filter(|p| table.periods.iter().any(|x| x.id == *p))
                .map(str::to_owned)
                .or_else(|| table.periods.last().map(|p| p.id.clone()))
                .unwrap_or_default(),
        ),
    };
    let single_area = table_areas.first().cloned().unwrap_or_default();

    // Columns: measures × categories, unless the rows already are one of them.
    let mut columns = Vec::new();
    let categories: Vec<Option<&Label>> = if table.categories.is_empty() || rows_are == RowsAre::Categories {
        vec![None]
    } else {
        table.categories.iter().map(Some).collect()
    };
    if rows_are == RowsAre::Measures {
        columns.push(Column {
            label: "waarde".into(),
            unit: Unit::Aantal,
            decimals: 0,
            measure: String::new(),
            category: None,
        });
    } else {
        for m in &table.measures {
            for c in &categories {
                let cat = c.map(|c| c.id.as_str());
                // A derived measure the source does not print is computed wherever its inputs are.
                let computed = m.formula.as_ref().is_some_and(|f| f.args.iter().all(|a| has_values(table, a, cat)));
                if !has_values(table, &m.id, cat) && !computed {
                    continue;
                }
                let label = match c {
                    Some(c) => format!("{} – {}", m.label, c.label),
                    None => m.label.clone(),
                };
                columns.push(Column {
                    label,
                    unit: m.unit,
                    decimals: m.decimals,
                    measure: m.id.clone(),
                    category: c.map(|c| c.id.clone()),
                });
            }
        }
    }

    let key = |measure: &str, category: Option<String>, area: &str, period: &str| Key {
        measure: measure.to_owned(),
        area: area.to_owned(),
        period: period.to_owned(),
        category,
    };
    let p = period.clone().unwrap_or_default();
    let rows: Vec<Row> = match rows_are {
        RowsAre::Areas => {
            let order: Vec<String> = match areas {
                Some(list) => list.iter().filter(|a| table_areas.contains(a)).cloned().collect(),
                None => table_areas.clone(),
            };
            // Gemeenten whose wijken or buurten are rows of this table too.
            let has_wijken: Vec<String> =
                order.iter().filter_map(|a| manifest.area(a).and_then(Area::gemeente)).collect();
            // The strings of a cell's key are looked up once per row and column, not per cell:
            // this loop runs for every gemeente of the country in the benchmark.
            let ix = &table.index;
            let period_at = ix.period(&p);
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
                                None => engine::cell(table, &key(&c.measure, c.category.clone(), a, &p)),
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
                    .map(|c| engine::cell(table, &key(&c.measure, Some(cat.id.clone()), &single_area, &p)))
                    .collect(),
            })
            .collect(),
        RowsAre::Measures => table
            .measures
            .iter()
            .map(|m| Row {
                id: m.id.clone(),
                label: m.label.clone(),
                reference: false,
                cells: vec![engine::cell(table, &key(&m.id, None, &single_area, &p))],
            })
            .collect(),
    };
    let period_label = period.as_deref().map(|p| table.period_label(p));
    Grid { table: table.id.clone(), title: table.title.clone(), rows_are, period, period_label, columns, rows }
}

fn has_values(table: &Table, measure: &str, category: Option<&str>) -> bool {
    table.index.has_values(measure, category)
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
