//! Chart definitions: pure functions from a computed [`Grid`] to a chart option, in one pass:
//! build → one `serde_json::Value` → `refine` (highlight, legend rows, labels) → `marks`
//! (*geheim*, *n.b.*) → `finish` (aria description) → serialised once. Bars, lines and stacked
//! bars are built with charming; the map writes its option as JSON because charming 0.6's
//! `series::Map` has no fields at all; the budget panels and the dashboard cards are still
//! written as JSON (not yet ported to charming). All of them join the same pass as a `Value`.
//!
//! Options must stay valid under a strict CSP, so they never hold JavaScript functions. Dutch
//! number formatting is asked for by name instead (`"msd:nl:1:%"`): the ECharts binding
//! (`scripts/echarts-entry.js`, `window.msdCharts`) swaps those names for its own formatters.

pub mod budget;
pub mod card;
pub mod many;
pub mod map;
pub mod map_layout;
pub mod marks;
pub mod refine;
pub mod tooltip;

use crate::core::calc::grid::{Grid, RowsAre};
use crate::core::model::{Table, Unit};
use charming::component::{Aria, Axis, Decal, Grid as Layout, Legend, LegendType};
use charming::element::Symbol;
use charming::element::{AxisLabel, AxisType, Label, LabelPosition};
use charming::series::{Bar, Line};
use charming::Chart;

/// At most this many series in one chart (issue 21): more is a legend nobody can read and
/// colours and patterns nobody can tell apart. See [`fewest_series`] for what is left out.
pub const MAX_SERIES: usize = 8;

/// Series colours: a calm palette with at least 3:1 contrast against white for the bars, one
/// per series up to [`MAX_SERIES`], told apart by a pattern of its own too ([`decals`]), so
/// colour is never the only signal.
pub const PALETTE: [&str; MAX_SERIES] =
    ["#01689b", "#a9006b", "#39870c", "#94710a", "#5b4b8a", "#42145f", "#d52b1e", "#007f7f"];

/// The hatch (ECharts' aria decal) of each palette colour: ECharts' own six patterns and two
/// more, so series 7 and 8 no longer repeat the hatch of series 1 and 2 (issue 21). Every key
/// is written out, so ECharts fills in nothing from its own list.
pub fn decals() -> serde_json::Value {
    serde_json::from_str(DECALS).unwrap_or_default()
}

/// [`decals`] as text: parsed, not built by `json!`, which costs the residents' WASM more.
const DECALS: &str = r#"[
{"color":"rgba(0, 0, 0, 0.2)","symbol":"rect","dashArrayX":[1,0],"dashArrayY":[2,5],"symbolSize":1,"rotation":0.5235987755982988},
{"color":"rgba(0, 0, 0, 0.2)","symbol":"circle","dashArrayX":[[8,8],[0,8,8,0]],"dashArrayY":[6,0],"symbolSize":0.8,"rotation":0},
{"color":"rgba(0, 0, 0, 0.2)","symbol":"rect","dashArrayX":[1,0],"dashArrayY":[4,3],"symbolSize":1,"rotation":-0.7853981633974483},
{"color":"rgba(0, 0, 0, 0.2)","symbol":"rect","dashArrayX":[[6,6],[0,6,6,0]],"dashArrayY":[6,0],"symbolSize":1,"rotation":0},
{"color":"rgba(0, 0, 0, 0.2)","symbol":"rect","dashArrayX":[[1,0],[1,6]],"dashArrayY":[1,0,6,0],"symbolSize":1,"rotation":0.7853981633974483},
{"color":"rgba(0, 0, 0, 0.2)","symbol":"triangle","dashArrayX":[[9,9],[0,9,9,0]],"dashArrayY":[7,2],"symbolSize":0.75,"rotation":0},
{"color":"rgba(0, 0, 0, 0.2)","symbol":"rect","dashArrayX":[1,0],"dashArrayY":[3,3],"symbolSize":1,"rotation":0},
{"color":"rgba(0, 0, 0, 0.2)","symbol":"diamond","dashArrayX":[[10,10],[0,10,10,0]],"dashArrayY":[8,0],"symbolSize":0.7,"rotation":0}
]"#;

/// The same colour and hatch for every series of an option: the palette's, in series order.
pub fn style_series(v: &mut serde_json::Value) {
    v["color"] = serde_json::json!(PALETTE);
    if !v["aria"].is_object() {
        v["aria"] = serde_json::json!({ "enabled": true });
    }
    v["aria"]["decal"] = serde_json::json!({ "show": true, "decals": decals() });
}

/// At most [`MAX_SERIES`] drawn columns, and the sentence that says so. With more, the chart
/// draws the eight with the largest total over the rows shown, in table order; the table keeps
/// them all. Largest rather than small multiples: 51 small panels (Actieve Wmo-indicaties) are
/// a page of scrolling that a phone reader never finishes, while the largest eight answer the
/// question a chart is for (where are the most) and every row, the chosen gemeente included,
/// stays in the chart. Columns in another unit than the first are not drawn anyway.
pub fn fewest_series(grid: &Grid) -> (Grid, Option<String>) {
    let columns = charted_columns(grid);
    if columns.len() <= MAX_SERIES {
        return (grid.clone(), None);
    }
    let total = |i: usize| grid.rows.iter().filter_map(|r| r.cells.get(i)?.number()).map(f64::abs).sum::<f64>();
    let mut ranked = columns.clone();
    ranked.sort_by(|a, b| total(*b).total_cmp(&total(*a)).then(a.cmp(b)));
    let mut keep: Vec<usize> = ranked.into_iter().take(MAX_SERIES).collect();
    keep.sort_unstable();
    let mut g = grid.clone();
    g.columns = keep.iter().map(|i| grid.columns[*i].clone()).collect();
    for (row, original) in g.rows.iter_mut().zip(&grid.rows) {
        row.cells = keep.iter().filter_map(|i| original.cells.get(*i).cloned()).collect();
    }
    let note = format!(
        "De grafiek toont de {MAX_SERIES} grootste van de {} reeksen; de tabel toont ze allemaal.",
        columns.len()
    );
    (g, Some(note))
}

/// The columns a chart of `grid` draws ([`question_columns`], at most [`MAX_SERIES`]) and the
/// sentence that says when some are left out.
pub fn drawn_grid(grid: &Grid, table: &Table) -> (Grid, Option<String>) {
    fewest_series(&question_columns(grid, table))
}

/// The named Dutch formatter for a unit and precision (see module docs).
fn nl_formatter(unit: Unit, decimals: u8) -> String {
    let suffix = match unit {
        Unit::Procent => "%",
        _ => "",
    };
    format!("msd:nl:{decimals}:{suffix}")
}

/// The columns a chart draws: those in the unit of the first column. One axis cannot carry
/// euros and percentages at once; the other columns stay in the table.
pub fn charted_columns(grid: &Grid) -> Vec<usize> {
    let unit = grid.columns.first().map(|c| c.unit);
    grid.columns.iter().enumerate().filter(|(_, c)| Some(c.unit) == unit).map(|(i, _)| i).collect()
}

/// Grouped horizontal bars: one bar group per row (area, period, …), one series per column.
/// Horizontal because gemeente names are long and most readers are on a phone.
pub fn bars(grid: &Grid) -> Chart {
    let unit = grid.columns.first().map_or(Unit::Aantal, |c| c.unit);
    let columns = charted_columns(grid);
    let mut chart = horizontal(grid, columns.len()).x_axis(
        Axis::new()
            .type_(AxisType::Value)
            .split_number(3)
            .axis_label(AxisLabel::new().formatter(axis_formatter(unit).as_str())),
    );
    for i in columns {
        let col = &grid.columns[i];
        let name = if grid.rows_are == RowsAre::Measures { grid.title.clone() } else { col.label.clone() };
        chart = chart.series(
            Bar::new()
                .name(name)
                .label(
                    Label::new()
                        .show(true)
                        .position(LabelPosition::Right)
                        .formatter(nl_formatter(col.unit, col.decimals).as_str()),
                )
                .data(series_data(grid, i)),
        );
    }
    chart
}

/// The values of one column, in row order; missing values are gaps, never 0.
fn series_data(grid: &Grid, column: usize) -> Vec<Option<f64>> {
    grid.rows.iter().map(|r| r.cells.get(column).and_then(|f| f.number())).collect()
}

/// What every chart shares: palette, ECharts' decal patterns (so colour is never the only
/// signal) and a legend at the top; [`refine::wrap_legend`] lays it out in rows that fit.
fn frame() -> Chart {
    Chart::new()
        .color(PALETTE.to_vec())
        .aria(Aria::new().enabled(true).decal(Decal::new().show(true)))
        .legend(Legend::new().type_(LegendType::Plain).top(0).left(0).right(0))
}

/// Horizontal bars: rows on the vertical axis, first row at the top.
fn horizontal(grid: &Grid, series: usize) -> Chart {
    frame()
        .grid(Layout::new().left(8).right(56).top(if series > 1 { 36 } else { 8 }).bottom(8).contain_label(true))
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .inverse(true)
                .data(grid.rows.iter().map(|r| r.label.clone()).collect()),
        )
}

/// Axis labels in Dutch notation: "1.000", "12 mln" (never "1K"), see `axisNl` in
/// `scripts/echarts-entry.js`.
pub fn axis_formatter(unit: Unit) -> String {
    format!("msd:nla:1:{}", if unit == Unit::Procent { "%" } else { "" })
}

/// The kind of chart that fits the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// Bars per area (or category), grouped per measure.
    Bars,
    /// Shares that add up to 100% per row: one stacked bar per row.
    Stacked,
    /// Figures over time: lines.
    Lines,
}

/// Lines only for three or more periods: two points make a slope that says more than it knows.
pub fn kind_for_periods(periods: usize) -> ChartKind {
    if periods >= 3 {
        ChartKind::Lines
    } else {
        ChartKind::Bars
    }
}

pub fn kind(grid: &Grid) -> ChartKind {
    let columns = charted_columns(grid);
    if grid.rows_are == RowsAre::Periods && grid.rows.len() >= 2 {
        return kind_for_periods(grid.rows.len());
    }
    let percentages = columns.len() >= 2 && columns.iter().all(|i| grid.columns[*i].unit == Unit::Procent);
    let complete: Vec<f64> =
        grid.rows.iter().filter_map(|r| columns.iter().map(|i| r.cells[*i].number()).sum::<Option<f64>>()).collect();
    if percentages && !complete.is_empty() && complete.iter().all(|t| (t - 100.0).abs() <= 1.5) {
        ChartKind::Stacked
    } else {
        ChartKind::Bars
    }
}

/// The chart for a grid and its height in CSS pixels.
pub fn chart(grid: &Grid) -> (Chart, u32) {
    match kind(grid) {
        ChartKind::Lines => (lines(grid), 360),
        ChartKind::Stacked => (stacked(grid), (grid.rows.len() as u32 * 40 + 90).clamp(180, 1200)),
        ChartKind::Bars => (bars(grid), bars_height(grid)),
    }
}

/// Compositions (shares adding up to 100%): one stacked bar per area or category.
pub fn stacked(grid: &Grid) -> Chart {
    let columns = charted_columns(grid);
    let mut chart = horizontal(grid, columns.len()).x_axis(
        Axis::new()
            .type_(AxisType::Value)
            .max(100)
            .split_number(4)
            .axis_label(AxisLabel::new().formatter(axis_formatter(Unit::Procent).as_str())),
    );
    for i in columns {
        let col = &grid.columns[i];
        chart = chart.series(
            Bar::new()
                .name(col.label.clone())
                .stack("samenstelling")
                .label(
                    Label::new()
                        .show(true)
                        .position(LabelPosition::Inside)
                        .formatter(nl_formatter(col.unit, 0).as_str()),
                )
                .data(series_data(grid, i)),
        );
    }
    chart
}

/// Figures over time: one line per column, periods on the horizontal axis.
pub fn lines(grid: &Grid) -> Chart {
    let columns = charted_columns(grid);
    let unit = grid.columns.first().map_or(Unit::Aantal, |c| c.unit);
    let mut chart = frame()
        .grid(
            Layout::new().left(8).right(24).top(if columns.len() > 1 { 40 } else { 16 }).bottom(8).contain_label(true),
        )
        .x_axis(Axis::new().type_(AxisType::Category).data(grid.rows.iter().map(|r| r.label.clone()).collect()))
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .split_number(4)
                .axis_label(AxisLabel::new().formatter(axis_formatter(unit).as_str())),
        );
    // Different point symbols per line, so lines are told apart without colour.
    // One per series up to MAX_SERIES.
    let symbols = [
        Symbol::Circle,
        Symbol::Rect,
        Symbol::Triangle,
        Symbol::Diamond,
        Symbol::Pin,
        Symbol::Arrow,
        Symbol::Custom("emptyCircle".into()),
        Symbol::Custom("emptyTriangle".into()),
    ];
    for (n, i) in columns.into_iter().enumerate() {
        let col = &grid.columns[i];
        chart = chart.series(
            Line::new()
                .name(col.label.clone())
                .symbol(symbols[n % symbols.len()].clone())
                .symbol_size(9)
                .label(
                    Label::new()
                        .show(true)
                        .position(LabelPosition::Top)
                        .formatter(nl_formatter(col.unit, col.decimals).as_str()),
                )
                .data(series_data(grid, i)),
        );
    }
    chart
}

/// Height in CSS pixels that keeps every bar readable.
pub fn bars_height(grid: &Grid) -> u32 {
    let series = charted_columns(grid).len().max(1);
    let bars = (grid.rows.len() * series) as u32;
    let legend = if series > 1 { 36 } else { 8 };
    (bars * 16 + grid.rows.len() as u32 * 12 + legend + 40).clamp(180, 1400)
}

/// The chart that fits the question, as JSON for the binding, and its height: budget tables get
/// their own panels ([`budget`]); every other chart gets the chosen gemeente highlighted, labels
/// that never overlap and a legend that wraps ([`refine`]). A grid of more than
/// [`many::MAX_AREAS`] areas is drawn as its [`many::select`]ion: pass that grid here.
pub fn draw(grid: &Grid, table: &Table, focus: Option<&str>, description: &str) -> (String, u32) {
    if let Some(plan) = budget::plan(grid, table) {
        let (mut v, height) = budget::option(grid, &plan);
        style_series(&mut v);
        refine::value_axes(&mut v);
        marks::add(&mut v, grid, &charted_columns(grid));
        many::mark_breaks(&mut v, grid);
        tooltip::add(&mut v, grid, &[plan.levels, plan.exhaustion, plan.results].concat());
        return (finish(v, description), height);
    }
    let grid = &drawn_grid(grid, table).0;
    let (chart, height) = chart(grid);
    let mut v = serde_json::to_value(&chart).unwrap_or(serde_json::Value::Null);
    style_series(&mut v);
    per_point_labels(&mut v, grid);
    refine::highlight(&mut v, grid, focus);
    refine::no_overlap(&mut v);
    refine::value_axes(&mut v);
    let extra = refine::wrap_legend(&mut v);
    marks::add(&mut v, grid, &charted_columns(grid));
    many::mark_breaks(&mut v, grid);
    tooltip::add(&mut v, grid, &charted_columns(grid));
    (finish(v, description), height + extra)
}

/// Rows of measures share one column ("waarde") but not one unit or precision: each bar gets
/// the label of its own figure ("18,9%", "7,5"), not the column's whole numbers (issue 21).
fn per_point_labels(v: &mut serde_json::Value, grid: &Grid) {
    if grid.rows_are != RowsAre::Measures {
        return;
    }
    let Some(points) = v["series"][0]["data"].as_array_mut() else { return };
    for (row, point) in grid.rows.iter().zip(points.iter_mut()) {
        let Some(f) = row.cells.first() else { continue };
        if let Some(x) = f.number() {
            *point = serde_json::json!({ "value": x, "label": { "formatter": nl_formatter(f.unit, f.decimals) } });
        }
    }
}

/// The columns that answer the question a chart asks; the table keeps them all. A base
/// (*denominator*, e.g. the number of households) is never drawn next to what it is the base of.
/// Across areas of different size, a rate or share (%, per 1.000) compares fairly and a count
/// does not, so when a table has both, the chart draws the first rate or share.
pub fn question_columns(grid: &Grid, table: &Table) -> Grid {
    use crate::core::model::Kind as MeasureKind;
    let kind = |c: &crate::core::calc::grid::Column| table.measure(&c.measure).map(|m| m.kind);
    let mut keep: Vec<usize> =
        (0..grid.columns.len()).filter(|i| kind(&grid.columns[*i]) != Some(MeasureKind::Denominator)).collect();
    if grid.rows_are == RowsAre::Areas {
        let relative = keep.iter().map(|i| grid.columns[*i].unit).find(|u| matches!(u, Unit::Procent | Unit::Per1000));
        if let Some(unit) = relative {
            keep.retain(|i| grid.columns[*i].unit == unit);
        }
    }
    if keep.is_empty() || keep.len() == grid.columns.len() {
        return grid.clone();
    }
    let mut g = grid.clone();
    g.columns = keep.iter().map(|i| grid.columns[*i].clone()).collect();
    for (row, original) in g.rows.iter_mut().zip(&grid.rows) {
        row.cells = keep.iter().filter_map(|i| original.cells.get(*i).cloned()).collect();
    }
    g
}

/// Writes the accessible description into an option built as JSON and serialises it.
pub fn finish(mut v: serde_json::Value, description: &str) -> String {
    if let Some(o) = v.as_object_mut() {
        let aria = o.entry("aria").or_insert_with(|| serde_json::json!({ "enabled": true }));
        if let Some(aria) = aria.as_object_mut() {
            aria.insert("enabled".into(), true.into());
            aria.insert("label".into(), serde_json::json!({ "enabled": true, "description": description }));
            aria.entry("decal").or_insert_with(|| serde_json::json!({ "show": true }));
            if let Some(decal) = aria.get_mut("decal").and_then(|d| d.as_object_mut()) {
                if decal.get("decals").and_then(|d| d.as_array()).is_some_and(|a| a.is_empty()) {
                    decal.remove("decals");
                }
            }
        }
    }
    v.to_string()
}
