//! Budget tables (pillar *uitputting budgetten*, figures per year): the question is "was the
//! money enough?", so the chart answers in up to three panels that never share an axis:
//! budget against spending as bars per year, exhaustion as a percentage with a 100 % line, and
//! the result signed and named — *tekort* or *overschot* — in label and colour.

use super::{axis_formatter, refine, PALETTE};
use crate::core::calc::grid::{Grid, RowsAre};
use crate::core::model::{Kind, Op, Pillar, Table, Unit};
use crate::core::text::format;
use serde_json::{json, Value};

/// Colours for a result: red for a shortfall, green for a surplus (both 4,5:1 on white); the
/// label says the word too, so colour is never the only signal.
pub const TEKORT: &str = "#c2261b";
pub const OVERSCHOT: &str = "#2f7209";

/// Which columns of a budget grid go in which panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Amounts (budget, income, spending): bars per year.
    pub levels: Vec<usize>,
    /// Spending as a % of the budget.
    pub exhaustion: Vec<usize>,
    /// Signed differences in euros: tekort or overschot. Unsigned differences stay in the table.
    pub results: Vec<usize>,
}

/// The budget plan of a grid, or `None` when it is not a budget table over periods.
pub fn plan(grid: &Grid, table: &Table) -> Option<Plan> {
    if table.pillar != Pillar::Budgetten || grid.rows_are != RowsAre::Periods {
        return None;
    }
    let mut p = Plan { levels: Vec::new(), exhaustion: Vec::new(), results: Vec::new() };
    for (i, c) in grid.columns.iter().enumerate() {
        let Some(m) = table.measure(&c.measure) else { continue };
        let op = m.formula.as_ref().map(|f| f.op);
        match (m.kind, c.unit, op) {
            (Kind::Amount, Unit::Euro, _) => p.levels.push(i),
            (Kind::Derived, Unit::Procent, Some(Op::Share)) => p.exhaustion.push(i),
            (Kind::Derived, Unit::Euro, Some(Op::Difference)) => p.results.push(i),
            _ => {}
        }
    }
    let panels = !p.exhaustion.is_empty() || !p.results.is_empty();
    (!p.levels.is_empty() && panels).then_some(p)
}

/// An amount as a short label: "€ 10,8 mln", "€ 31.534".
pub fn euro_label(v: f64) -> String {
    if v.abs() >= 1_000_000.0 {
        format!("€ {} mln", format::number(v / 1_000_000.0, 1))
    } else {
        format::with_unit(v, Unit::Euro, 0)
    }
}

/// "tekort € 1,3 mln" / "overschot € 31.534" / "precies op budget".
pub fn result_label(v: f64) -> String {
    if format::round(v, 0) < 0.0 {
        format!("tekort {}", euro_label(-v))
    } else if format::round(v, 0) > 0.0 {
        format!("overschot {}", euro_label(v))
    } else {
        "precies op budget".into()
    }
}

/// The height and value axis of a panel of euro amounts: one bar per column for each row. Two
/// intervals, not three: "30 mln" is five times as wide as "30 %", and at 375 px four such
/// labels ran into each other ("0 30 mln60 mln90 mln"); ECharts hides any that still would
/// ([`refine::value_axes`]).
fn euro_panel(grid: &Grid, columns: &[usize]) -> (u32, Value) {
    let rows_height = grid.rows.len() as u32 * (columns.len() as u32 * 16 + 14);
    (rows_height, json!({ "type": "value", "splitNumber": 2, "axisLabel": { "formatter": euro_axis(grid, columns) } }))
}

/// One notation for a whole euro axis: in millions ("1,5 mln") when any amount reaches a
/// million, so "−1,5 mln" and "−500.000" never stand side by side.
fn euro_axis(grid: &Grid, columns: &[usize]) -> String {
    let big =
        columns.iter().flat_map(|i| grid.rows.iter().filter_map(|r| r.cells.get(*i)?.number())).any(|v| v.abs() >= 1e6);
    if big {
        "msd:nlm:1:".into()
    } else {
        axis_formatter(Unit::Euro)
    }
}

/// The panels of a budget chart so far: one title, grid and pair of axes each, stacked from the
/// top down. A type of its own so [`option`] adds a panel in one call whatever its content.
struct Panels {
    periods: Vec<String>,
    titles: Vec<Value>,
    grids: Vec<Value>,
    x_axes: Vec<Value>,
    y_axes: Vec<Value>,
    /// Where the next panel starts, in CSS pixels (at the end: the chart's height).
    top: u32,
}

impl Panels {
    /// Adds a panel below the others; returns its index (for the series' axis indices).
    fn add(&mut self, title: &str, rows_height: u32, x_axis: Value) -> usize {
        let index = self.grids.len();
        let top = self.top;
        self.titles.push(
            json!({ "text": title, "top": top, "left": 0, "textStyle": { "fontSize": 13, "fontWeight": "bold" } }),
        );
        self.grids
            .push(json!({ "top": top + 44, "height": rows_height, "left": 8, "right": 112, "containLabel": true }));
        let mut x = x_axis;
        x["gridIndex"] = json!(index);
        self.x_axes.push(x);
        self.y_axes.push(json!({ "type": "category", "gridIndex": index, "inverse": true, "data": self.periods }));
        self.top += 44 + rows_height + 40;
        index
    }
}

/// The figure of column `col` in row `row`, if it has a value.
fn value(grid: &Grid, col: usize, row: usize) -> Option<f64> {
    grid.rows[row].cells.get(col).and_then(|f| f.number())
}

/// The options (as JSON) and the height in CSS pixels.
pub fn option(grid: &Grid, plan: &Plan) -> (Value, u32) {
    let names: Vec<String> = plan.levels.iter().map(|i| grid.columns[*i].label.clone()).collect();
    let legend_extra = (refine::legend_lines(&names) - 1) * refine::LEGEND_ROW;
    let mut panels = Panels {
        periods: grid.rows.iter().map(|r| r.label.clone()).collect(),
        titles: Vec::new(),
        grids: Vec::new(),
        x_axes: Vec::new(),
        y_axes: Vec::new(),
        top: 28 + legend_extra,
    };
    let mut series = Vec::new();

    // 1. Amounts per year.
    let (rows_height, axis) = euro_panel(grid, &plan.levels);
    let g = panels.add("Bedragen per jaar", rows_height, axis);
    for (n, i) in plan.levels.iter().enumerate() {
        series.push(level_series(grid, *i, n, g));
    }

    // 2. Exhaustion: spending as a % of the budget, with the line where the budget is used up.
    let rows_height = grid.rows.len() as u32 * (plan.exhaustion.len() as u32 * 16 + 14);
    if !plan.exhaustion.is_empty() {
        let max = plan
            .exhaustion
            .iter()
            .flat_map(|i| (0..grid.rows.len()).filter_map(|r| value(grid, *i, r)))
            .fold(100.0_f64, f64::max);
        let g = panels.add(
            "Uitputting: uitgegeven als % van het budget",
            rows_height,
            // A round maximum (150 %, not 130 %): a last tick off the step stood right against
            // the one before it ("100%130%" at 320 px, issue 21).
            json!({ "type": "value", "min": 0, "max": ((max + 5.0) / 50.0).ceil() * 50.0, "splitNumber": 3,
                    "axisLabel": { "formatter": axis_formatter(Unit::Procent) } }),
        );
        for i in &plan.exhaustion {
            series.push(exhaustion_series(grid, *i, g, series.len()));
        }
    }

    // 3. The result, signed and named.
    if !plan.results.is_empty() {
        let (rows_height, axis) = euro_panel(grid, &plan.results);
        let g = panels.add("Resultaat: tekort of overschot", rows_height, axis);
        for i in &plan.results {
            series.push(result_series(grid, *i, g));
        }
    }

    let option = json!({
        "color": PALETTE,
        "aria": { "enabled": true, "decal": { "show": true } },
        "legend": refine::legend(&names),
        "title": panels.titles,
        "grid": panels.grids,
        "xAxis": panels.x_axes,
        "yAxis": panels.y_axes,
        "series": series
    });
    (option, panels.top)
}

/// The bars of amount column `i` (the `n`th) in panel `g`, each labelled with its amount.
fn level_series(grid: &Grid, i: usize, n: usize, g: usize) -> Value {
    let data: Vec<Value> = (0..grid.rows.len())
        .map(|r| match value(grid, i, r) {
            Some(v) => json!({ "value": v, "label": { "formatter": euro_label(v) } }),
            None => Value::Null,
        })
        .collect();
    json!({
        "type": "bar", "name": grid.columns[i].label, "xAxisIndex": g, "yAxisIndex": g,
        "itemStyle": { "color": PALETTE[n % PALETTE.len()] },
        "label": { "show": true, "position": "right" },
        "labelLayout": { "hideOverlap": true },
        "data": data
    })
}

/// The bars of exhaustion column `i` in panel `g`, with the dashed line where the budget is
/// used up (100 %); `n` is its place among the chart's series.
fn exhaustion_series(grid: &Grid, i: usize, g: usize, n: usize) -> Value {
    let col = &grid.columns[i];
    let data: Vec<Value> = (0..grid.rows.len())
        .map(|r| match value(grid, i, r) {
            Some(v) => json!({ "value": v, "label": { "formatter": format::with_unit(v, Unit::Procent, 1) } }),
            None => Value::Null,
        })
        .collect();
    json!({
        "type": "bar", "name": col.label, "xAxisIndex": g, "yAxisIndex": g,
        // The palette's colour of its place among the series, so its hatch is its own too.
        "itemStyle": { "color": PALETTE[n % PALETTE.len()] },
        "label": { "show": true, "position": "right" },
        "labelLayout": { "hideOverlap": true },
        "markLine": {
            "silent": true, "symbol": "none",
            "lineStyle": { "color": "#000000", "type": "dashed", "width": 1.5 },
            "label": { "formatter": "100% = budget op", "position": "start", "color": "#1a1a1a" },
            "data": [ { "xAxis": 100 } ]
        },
        "data": data
    })
}

/// The bars of result column `i` in panel `g`: each coloured and named tekort or overschot.
fn result_series(grid: &Grid, i: usize, g: usize) -> Value {
    let data: Vec<Value> = (0..grid.rows.len())
        .map(|r| match value(grid, i, r) {
            Some(v) => json!({
                "value": v,
                "itemStyle": { "color": if v < 0.0 { TEKORT } else { OVERSCHOT } },
                // Right of the bar: beside the zero line for a shortfall, where there is room.
                "label": { "formatter": result_label(v), "position": "right" }
            }),
            None => Value::Null,
        })
        .collect();
    json!({
        "type": "bar", "name": grid.columns[i].label, "xAxisIndex": g, "yAxisIndex": g,
        "label": { "show": true },
        "labelLayout": { "hideOverlap": true },
        "data": data
    })
}
