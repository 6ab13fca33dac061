//! Issue 21: every figure reaches the reader.
//!
//! One invariant, run over every table of every bundled region (read with `core::tolerant`, as
//! the app reads them) and over synthetic tables of every shape: for every period choice the
//! indicator view offers and every output the core makes of it — the page table, the chart
//! option, the summary, the compact embed sentence, the CSV and JSON downloads, the image spec,
//! and the dashboard card — every stored value of that view is there, in Dutch notation (the
//! core's own `format`), under a unique and complete name (group, measure, category). A *geheim*
//! value is never a number: it is the word "geheim" wherever the figure would be.
//!
//! Expectations are derived from the data (the stored value and its measure), never written out.

mod common;

use monitor_sociaal_domein::core::calc::engine::{self, Figure, Missing};
use monitor_sociaal_domein::core::calc::grid::{Grid, RowsAre};
use monitor_sociaal_domein::core::model::view_state::{Page, ViewState};
use monitor_sociaal_domein::core::model::*;
use monitor_sociaal_domein::core::pages::indicator::{self, IndicatorModel};
use monitor_sociaal_domein::core::pages::{self, CellText};
use monitor_sociaal_domein::core::present::charts::{self, budget};
use monitor_sociaal_domein::core::present::export::Provenance;
use monitor_sociaal_domein::core::{check::tolerant, present::dashboard, text::format};
use serde_json::Value as Json;
use std::collections::{BTreeMap, HashMap, HashSet};

// ---------------------------------------------------------------------------------------------
// Counting

#[derive(Default)]
struct Tally {
    tables: usize,
    views: usize,
    outputs: usize,
    /// Stored values of all views, and how many of them have their cell in the view's table.
    in_view: usize,
    placed: usize,
    /// Values checked, per output.
    values: BTreeMap<&'static str, usize>,
    failures: Vec<String>,
}

impl Tally {
    fn fail(&mut self, ctx: &str, msg: impl Into<String>) {
        self.failures.push(format!("{ctx}: {}", msg.into()));
    }
    fn count(&mut self, output: &'static str, n: usize) {
        *self.values.entry(output).or_default() += n;
    }
    fn report(&self, what: &str) -> String {
        let total: usize = self.values.values().sum();
        let per: Vec<String> = self.values.iter().map(|(k, v)| format!("{k} {v}")).collect();
        format!(
            "{what}: {} tables, {} views (table × period), {} outputs checked; {} of {} stored values of the views placed in their table; {total} value checks ({}); {} failures",
            self.tables,
            self.views,
            self.outputs,
            self.placed,
            self.in_view,
            per.join(", "),
            self.failures.len()
        )
    }
    fn assert_clean(&self, what: &str) {
        println!("{}", self.report(what));
        if !self.failures.is_empty() {
            let shown: Vec<&String> = self.failures.iter().take(60).collect();
            panic!(
                "{}\n{}\n{}",
                self.report(what),
                shown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n"),
                if self.failures.len() > 60 { "…" } else { "" }
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// What a stored value must look like

/// A stored value as the reader must see it.
#[derive(Debug, Clone)]
enum Expect {
    Number {
        value: f64,
        unit: Unit,
        decimals: u8,
        published: Option<f64>,
    },
    /// The engine's missing reason (a mark such as "geheim" or "n.b.").
    Mark(Missing),
}

impl Expect {
    /// Derived from the data: a printed figure of a measure without a formula is the stored
    /// number in its measure's unit and decimals; a *geheim* or unavailable cell is its mark; a
    /// derived measure with a formula is its printed figure, or the engine's when none is printed (the printed
    /// figure wins; a recomputation that differs travels next to it, "berekend uit de delen: …").
    fn of(table: &Table, v: &Value) -> Expect {
        let m = table.measure(&v.key.measure).expect("a value of a known measure");
        if m.formula.is_none() {
            return match (v.status, v.value) {
                (Status::Geheim, _) => Expect::Mark(Missing::Geheim),
                (Status::NietBeschikbaar, _) | (_, None) => Expect::Mark(Missing::NietBeschikbaar),
                (_, Some(x)) => Expect::Number { value: x, unit: m.unit, decimals: m.decimals, published: None },
            };
        }
        let f = engine::cell(table, &v.key);
        match f.value {
            Ok(x) => {
                Expect::Number { value: x, unit: f.unit, decimals: f.decimals, published: f.computed_differently() }
            }
            Err(m) => Expect::Mark(m),
        }
    }
    /// As the page and the sentences write it.
    fn text(&self) -> String {
        match self {
            Expect::Number { value, unit, decimals, .. } => format::with_unit(*value, *unit, *decimals),
            Expect::Mark(m) => m.mark().to_owned(),
        }
    }
    /// As the CSV writes it (Dutch Excel: decimal comma, marks as words).
    fn spreadsheet(&self) -> String {
        match self {
            Expect::Number { value, decimals, .. } => format::spreadsheet(*value, *decimals),
            Expect::Mark(m) => export_word(m).to_owned(),
        }
    }
    fn is_secret(&self) -> bool {
        matches!(self, Expect::Mark(Missing::Geheim | Missing::UitGeheim(_)))
    }
}

fn export_word(m: &Missing) -> &'static str {
    match m {
        Missing::Geheim | Missing::UitGeheim(_) => "geheim",
        Missing::NietBeschikbaar | Missing::UitNietBeschikbaar(_) => "niet beschikbaar",
        Missing::NietInBron => "niet in de bron",
        Missing::DelenDoorNul => "niet te berekenen",
    }
}

fn chart_word(m: &Missing) -> &'static str {
    match m {
        Missing::NietInBron => "niet in bron",
        other => other.mark(),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

// ---------------------------------------------------------------------------------------------
// Where a value sits in a grid

/// The key a grid cell stands for, from the grid's own description of its rows and columns.
fn cell_key(grid: &Grid, table: &Table, r: usize, c: usize) -> Key {
    let (row, col) = (&grid.rows[r], &grid.columns[c]);
    let single_area = table.areas().first().cloned().unwrap_or_default();
    Key {
        measure: if grid.rows_are == RowsAre::Measures { row.id.clone() } else { col.measure.clone() },
        area: if grid.rows_are == RowsAre::Areas { row.id.clone() } else { single_area },
        period: if grid.rows_are == RowsAre::Periods {
            row.id.clone()
        } else {
            col.period.clone().or_else(|| grid.period.clone()).unwrap_or_default()
        },
        category: if grid.rows_are == RowsAre::Categories { Some(row.id.clone()) } else { col.category.clone() },
    }
}

/// A stored value of the view and its place in the grid.
struct Placed {
    key: Key,
    expect: Expect,
    row: usize,
    col: usize,
}

/// The names that make a column (or a row of measures) complete: its measure's group and label,
/// and its category's label.
fn name_parts(table: &Table, measure: &str, category: Option<&str>, period: Option<&str>) -> Vec<String> {
    let mut parts = Vec::new();
    if let Some(m) = table.measure(measure) {
        // A reader's label is complete on its own (issue 23): it names its group in plain words.
        if m.report_label.is_none() {
            parts.extend(m.group.iter().cloned());
        }
        parts.push(m.label.clone());
    }
    if let Some(c) = category {
        parts.push(table.category_label(c));
    }
    if let Some(p) = period {
        parts.push(table.period_label(p));
    }
    parts
}

fn is_complete(name: &str, parts: &[String]) -> bool {
    let name = name.to_lowercase();
    parts.iter().all(|p| name.contains(&p.to_lowercase()))
}

fn check_unique<'a>(names: impl IntoIterator<Item = &'a str>, ctx: &str, what: &str, tally: &mut Tally) {
    let mut seen = HashSet::new();
    for n in names {
        if !seen.insert(n) {
            tally.fail(ctx, format!("{what}: \"{n}\" komt meer dan eens voor"));
        }
    }
}

/// A text with a figure left out: "label: ;", "label: .", " /  /".
fn empty_slot(text: &str) -> Option<&'static str> {
    [": ;", ": .", ": /", "/ ;", "/ .", "/ /", ": ,"]
        .into_iter()
        .find(|p| text.contains(p))
        .or_else(|| (text.trim_end().ends_with(':') || text.trim_end().ends_with('/')).then_some("(einde)"))
}

// ---------------------------------------------------------------------------------------------
// The views of a table

struct Context<'a> {
    manifest: &'a Manifest,
    region: &'a Region,
}

/// Every view the app offers of a table: the default, and each choice of its period links.
fn views(table: &Table, cx: &Context) -> Vec<ViewState> {
    let base = ViewState {
        page: Page::Indicator,
        region: Some(cx.region.id.clone()),
        indicator: Some(table.id.clone()),
        ..ViewState::default()
    };
    let model = indicator::indicator_in(table, cx.manifest, &base, cx.region.reference.as_deref(), None);
    let mut out = vec![base.clone()];
    for link in &model.periods {
        let v = ViewState::parse(&link.href);
        if !out.iter().any(|x| x.period == v.period) {
            out.push(ViewState { period: v.period, ..base.clone() });
        }
    }
    out
}

/// The stored values a view shows: a chosen period's, else every period's for a series of one
/// area, else the latest period's.
fn in_view<'t>(table: &'t Table, state: &ViewState) -> Vec<&'t Value> {
    let chosen = state.period.as_deref().filter(|p| table.periods.iter().any(|x| x.id == *p));
    let period = match chosen {
        Some(p) => Some(p.to_owned()),
        None if table.areas().len() <= 1 && table.periods.len() > 1 => None,
        None => table.periods.last().map(|p| p.id.clone()),
    };
    table.values.iter().filter(|v| period.as_deref().is_none_or(|p| v.key.period == p)).collect()
}

fn check_table(table: &Table, cx: &Context, tally: &mut Tally) {
    tally.tables += 1;
    for state in views(table, cx) {
        tally.views += 1;
        let ctx = format!(
            "{} [{}] ({})",
            table.id,
            state.period.as_deref().map_or("alle perioden".to_owned(), |p| format!("periode {p}")),
            cx.region.id
        );
        let model = indicator::indicator_in(
            table,
            cx.manifest,
            &state,
            cx.region.reference.as_deref(),
            Some(cx.region.id.as_str()),
        );
        let grid = &model.grid;
        let placed = place(table, grid, &state, &ctx, tally);
        check_page_table(table, grid, &placed, &ctx, tally);
        check_chart(table, grid, &placed, &model.chart.option, "grafiek", &ctx, tally);
        check_summary(grid, &model.summary, &ctx, tally);
        check_embed(grid, &model, &ctx, tally);
        let provenance = Provenance { url: "https://example.org/?x".into(), date: "2026-01-31".into() };
        let files = indicator::download_files(
            grid,
            table,
            cx.manifest,
            &model.place,
            &model.chart.option,
            model.chart.height,
            &provenance,
        );
        check_csv(table, grid, &placed, &files.csv, &ctx, tally);
        check_json(table, grid, &placed, &files.json, &ctx, tally);
        match serde_json::from_str::<Json>(&files.image) {
            Ok(spec) => {
                let option = spec["optie"].to_string();
                check_chart(table, grid, &placed, &option, "beeld", &ctx, tally);
                let secret = placed.iter().any(|p| p.expect.is_secret());
                let footer = spec["voet"].to_string();
                if secret && !footer.contains("geheim =") {
                    tally.fail(&ctx, "beeld: geheime cijfers zonder uitleg van het teken in de voet");
                }
            }
            Err(e) => tally.fail(&ctx, format!("beeld: geen JSON ({e})")),
        }
        tally.outputs += 7;
    }
}

/// Places every stored value of the view in the grid: exactly one cell each.
fn place(table: &Table, grid: &Grid, state: &ViewState, ctx: &str, tally: &mut Tally) -> Vec<Placed> {
    let mut at: HashMap<Key, Vec<(usize, usize)>> = HashMap::new();
    for r in 0..grid.rows.len() {
        for c in 0..grid.columns.len() {
            at.entry(cell_key(grid, table, r, c)).or_default().push((r, c));
        }
    }
    let mut out = Vec::new();
    let values = in_view(table, state);
    let mut missing = Vec::new();
    for v in &values {
        match at.get(&v.key).map(Vec::as_slice) {
            Some([(r, c)]) => out.push(Placed { key: v.key.clone(), expect: Expect::of(table, v), row: *r, col: *c }),
            Some(more) if more.len() > 1 => {
                tally.fail(ctx, format!("{:?} staat {} keer in de tabel", v.key, more.len()))
            }
            _ => missing.push(v),
        }
    }
    tally.in_view += values.len();
    tally.placed += out.len();
    if !missing.is_empty() {
        tally.fail(
            ctx,
            format!(
                "tabel: {} van {} cijfers ontbreken (kolommen: {:?}; bv. {:?})",
                missing.len(),
                values.len(),
                grid.columns.iter().map(|c| c.label.as_str()).collect::<Vec<_>>(),
                missing[0].key
            ),
        );
    }
    out
}

fn check_page_table(table: &Table, grid: &Grid, placed: &[Placed], ctx: &str, tally: &mut Tally) {
    let headers: Vec<String> = grid.columns.iter().map(|c| c.header()).collect();
    check_unique(headers.iter().map(String::as_str), ctx, "tabel, kolomkop", tally);
    check_unique(grid.rows.iter().map(|r| r.label.as_str()), ctx, "tabel, rij", tally);
    for (c, col) in grid.columns.iter().enumerate() {
        if col.measure.is_empty() {
            continue;
        }
        let parts = name_parts(table, &col.measure, col.category.as_deref(), col.period.as_deref());
        if !is_complete(&headers[c], &parts) {
            tally.fail(ctx, format!("tabel: kolom \"{}\" mist een deel van {parts:?}", headers[c]));
        }
    }
    if grid.rows_are == RowsAre::Measures {
        for row in &grid.rows {
            let parts = name_parts(table, &row.id, None, None);
            if !is_complete(&row.label, &parts) {
                tally.fail(ctx, format!("tabel: rij \"{}\" mist een deel van {parts:?}", row.label));
            }
        }
    }
    for p in placed {
        let figure = &grid.rows[p.row].cells[p.col];
        match (&p.expect, pages::cell_text(figure)) {
            (Expect::Number { published, .. }, CellText::Number { text, printed, .. }) => {
                if text != p.expect.text() {
                    tally.fail(ctx, format!("tabel: {:?} toont {text}, verwacht {}", p.key, p.expect.text()));
                }
                if let Some(x) = published {
                    let want = format::with_unit(*x, figure.unit, figure.decimals);
                    if !printed.as_deref().is_some_and(|s| s.contains(&want)) {
                        tally.fail(ctx, format!("tabel: {:?} zonder de gedrukte {want}", p.key));
                    }
                }
            }
            (Expect::Mark(m), CellText::Mark { mark, .. }) if mark == m.mark() => {}
            (_, shown) => tally.fail(ctx, format!("tabel: {:?} toont {shown:?}, verwacht {}", p.key, p.expect.text())),
        }
    }
    tally.count("tabel", placed.len());
}

// ---------------------------------------------------------------------------------------------
// Chart option (page) and image spec

fn series_name(s: &Json) -> String {
    s["name"].as_str().unwrap_or_default().to_owned()
}

fn check_chart(
    table: &Table,
    grid: &Grid,
    placed: &[Placed],
    option: &str,
    what: &'static str,
    ctx: &str,
    tally: &mut Tally,
) {
    let v: Json = match serde_json::from_str(option) {
        Ok(v) => v,
        Err(e) => return tally.fail(ctx, format!("{what}: optie is geen JSON ({e})")),
    };
    let series: Vec<Json> = v["series"].as_array().cloned().unwrap_or_default();
    let any_number = grid.rows.iter().flat_map(|r| &r.cells).any(|f| f.number().is_some());
    let names: Vec<String> = series.iter().map(series_name).collect();
    check_unique(names.iter().map(String::as_str), ctx, &format!("{what}, legenda"), tally);
    if any_number && !series.iter().any(|s| s["data"].as_array().is_some_and(|d| d.iter().any(point_number_is_some))) {
        return tally.fail(ctx, format!("{what}: de tabel heeft cijfers, de grafiek niet één"));
    }
    let budget = budget::plan(grid, table).is_some();
    let lines_or_stacked = series.iter().any(|s| s["type"] == "line" || s.get("stack").is_some());
    // The columns drawn: matched by name (a line may say what it misses: "naam (n.b. in 2017)").
    let mut drawn: Vec<(usize, &Json)> = Vec::new();
    for s in &series {
        let name = series_name(s);
        let column = if grid.rows_are == RowsAre::Measures {
            Some(0)
        } else {
            grid.columns.iter().position(|c| {
                name == c.label || (name.starts_with(&c.label) && name[c.label.len()..].starts_with(" ("))
            })
        };
        match column {
            Some(c) => drawn.push((c, s)),
            None => tally.fail(ctx, format!("{what}: reeks \"{name}\" is geen kolom van de tabel")),
        }
    }
    if !budget {
        // Every column is drawn unless the chart's own rules leave it to the table: a base, a
        // count next to rates across areas, a unit other than the first drawn one, or more than
        // eight series (the largest eight are drawn, the summary says so; issue 21).
        let question = charts::drawn_grid(grid, table).0;
        let want: Vec<&str> =
            charts::charted_columns(&question).iter().map(|i| question.columns[*i].label.as_str()).collect();
        let got: Vec<&str> = drawn.iter().map(|(c, _)| grid.columns[*c].label.as_str()).collect();
        if grid.rows_are != RowsAre::Measures && want != got {
            tally.fail(ctx, format!("{what}: tekent {got:?}, volgens de regels {want:?}"));
        }
    }
    // Category axis labels: a mark on the axis only where every drawn figure of the row is missing.
    let axis_key = if series.iter().any(|s| s["type"] == "line") { "xAxis" } else { "yAxis" };
    let axes: Vec<&Json> = match &v[axis_key] {
        Json::Array(a) => a.iter().collect(),
        other => vec![other],
    };
    if let Some(axis) = axes.iter().find(|a| a["type"] == "category") {
        if let Some(labels) = axis["data"].as_array() {
            for (r, label) in labels.iter().enumerate().take(grid.rows.len()) {
                let text = label.as_str().or_else(|| label["value"].as_str()).unwrap_or_default();
                let row = &grid.rows[r];
                if text != row.label {
                    let all_missing = !drawn.is_empty()
                        && drawn.iter().all(|(c, _)| row.cells.get(*c).is_some_and(|f| f.value.is_err()));
                    if !all_missing || !text.starts_with(&row.label) {
                        tally.fail(
                            ctx,
                            format!("{what}: as-label \"{text}\" voor rij \"{}\" met cijfers in de grafiek", row.label),
                        );
                    }
                }
            }
        }
    }
    let mut checked = 0;
    for (c, s) in &drawn {
        let data = s["data"].as_array().cloned().unwrap_or_default();
        let col = &grid.columns[*c];
        let series_formatter = s["label"]["formatter"].as_str().unwrap_or_default().to_owned();
        for (r, row) in grid.rows.iter().enumerate() {
            let point = data.get(r).cloned().unwrap_or(Json::Null);
            let Some(figure) = row.cells.get(*c) else { continue };
            let stored = placed.iter().find(|p| p.row == r && p.col == *c);
            if let Some(p) = stored {
                checked += 1;
                if !matches_figure(&p.expect, figure) {
                    continue; // reported by the table check
                }
            }
            let ctx_point = format!("{what}: {} / {}", row.label, col.label);
            match &figure.value {
                Ok(x) => {
                    let got = point.as_f64().or_else(|| point["value"].as_f64());
                    if !got.is_some_and(|g| close(g, *x)) {
                        tally.fail(ctx, format!("{ctx_point}: punt {point}, verwacht {x}"));
                        continue;
                    }
                    let formatter =
                        point["label"]["formatter"].as_str().map(str::to_owned).unwrap_or(series_formatter.clone());
                    if !dutch_formatter(&formatter, *x, figure, s.get("stack").is_some()) {
                        tally.fail(
                            ctx,
                            format!("{ctx_point}: label \"{formatter}\" schrijft {} niet", figure.display()),
                        );
                    }
                }
                Err(m) => {
                    if point_number_is_some(&point) && point["value"].as_f64() != Some(0.0) {
                        tally.fail(ctx, format!("{ctx_point}: {} getekend als getal {point}", m.mark()));
                    }
                    let word = chart_word(m);
                    let in_point = point["label"]["formatter"].as_str() == Some(word);
                    let name = series_name(s);
                    let in_name = name.contains(word);
                    let in_axis = axes.iter().any(|a| {
                        a["data"].as_array().and_then(|d| d.get(r)).is_some_and(|l| {
                            l.as_str().or_else(|| l["value"].as_str()).is_some_and(|t| t.contains(word))
                        })
                    });
                    let said = in_point || in_axis || (lines_or_stacked && in_name);
                    if m != &Missing::NietInBron && !budget && !said {
                        tally.fail(ctx, format!("{ctx_point}: {word} staat nergens in de grafiek"));
                    }
                }
            }
        }
    }
    tally.count(what, checked);
}

fn point_number_is_some(p: &Json) -> bool {
    p.as_f64().is_some() || p["value"].as_f64().is_some()
}

fn matches_figure(expect: &Expect, f: &Figure) -> bool {
    match (expect, &f.value) {
        (Expect::Number { value, .. }, Ok(x)) => close(*value, *x),
        (Expect::Mark(m), Err(n)) => m.mark() == n.mark(),
        _ => false,
    }
}

/// The label of a point writes the figure in Dutch: a named formatter with the figure's
/// decimals and unit (`msd:nl:1:%`; stacked shares are whole percentages inside the bar), or
/// the Dutch text itself (budget panels).
fn dutch_formatter(formatter: &str, x: f64, f: &Figure, stacked: bool) -> bool {
    if let Some(rest) = formatter.strip_prefix("msd:nl:") {
        let (d, suffix) = rest.split_once(':').unwrap_or((rest, ""));
        let decimals_ok = d.parse::<u8>().is_ok_and(|d| d == f.decimals || (stacked && d == 0));
        let suffix_ok = (suffix == "%") == (f.unit == Unit::Procent);
        return decimals_ok && suffix_ok;
    }
    [
        budget::euro_label(x),
        budget::result_label(x),
        format::with_unit(x, Unit::Procent, 1),
        format::with_unit(x, f.unit, f.decimals),
    ]
    .contains(&formatter.to_owned())
}

// ---------------------------------------------------------------------------------------------
// Sentences

/// The summary says each figure it chooses to describe, and never leaves a slot empty.
fn check_summary(grid: &Grid, summary: &str, ctx: &str, tally: &mut Tally) {
    if let Some(p) = empty_slot(summary) {
        tally.fail(ctx, format!("samenvatting met een leeg cijfer (\"{p}\"): {summary}"));
    }
    let mut checked = 0;
    let mut must = |text: String, tally: &mut Tally| {
        checked += 1;
        if !summary.contains(&text) {
            tally.fail(ctx, format!("samenvatting zonder {text}: {summary}"));
        }
    };
    match grid.rows_are {
        RowsAre::Categories | RowsAre::Measures => {
            for row in grid.rows.iter().take(8) {
                must(format!("{}: ", row.label), tally);
                for f in &row.cells {
                    must(f.display(), tally);
                }
            }
        }
        RowsAre::Periods => {
            for c in 0..grid.columns.len().min(4) {
                let points: Vec<&Figure> =
                    grid.rows.iter().filter_map(|r| r.cells.get(c)).filter(|f| f.number().is_some()).collect();
                if let (Some(a), Some(b)) = (points.first(), points.last()) {
                    must(a.display(), tally);
                    must(b.display(), tally);
                }
            }
        }
        RowsAre::Areas => {
            for (c, col) in grid.columns.iter().enumerate().take(4) {
                let values: Vec<f64> = grid
                    .rows
                    .iter()
                    .filter(|r| !r.reference)
                    .filter_map(|r| r.cells.get(c).and_then(Figure::number))
                    .map(|v| format::round(v, col.decimals))
                    .collect();
                if let (Some(min), Some(max)) =
                    (values.iter().cloned().reduce(f64::min), values.iter().cloned().reduce(f64::max))
                {
                    must(format::with_unit(min, col.unit, col.decimals), tally);
                    must(format::with_unit(max, col.unit, col.decimals), tally);
                }
            }
        }
    }
    tally.count("samenvatting", checked);
}

fn check_embed(grid: &Grid, model: &IndicatorModel, ctx: &str, tally: &mut Tally) {
    let sentence = &model.compact.sentence;
    if let Some(p) = empty_slot(sentence) {
        tally.fail(ctx, format!("inbedzin met een leeg cijfer (\"{p}\"): {sentence}"));
    }
    let shown: Vec<String> =
        grid.rows.iter().flat_map(|r| &r.cells).filter(|f| f.number().is_some()).map(Figure::display).collect();
    if !shown.is_empty() && !shown.iter().any(|s| sentence.contains(s.as_str())) {
        tally.fail(ctx, format!("inbedzin zonder één cijfer van de tabel: {sentence}"));
    }
    tally.count("inbedzin", 1);
}

// ---------------------------------------------------------------------------------------------
// Downloads

/// The fields of a CSV line (`;`, quotes doubled inside quoted fields).
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ';' if !quoted => out.push(std::mem::take(&mut field)),
            _ => field.push(ch),
        }
    }
    out.push(field);
    out
}

fn check_csv(table: &Table, grid: &Grid, placed: &[Placed], csv: &str, ctx: &str, tally: &mut Tally) {
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    let Some(blank) = lines.iter().position(|l| l.is_empty()) else {
        return tally.fail(ctx, "csv: geen lege regel voor de tabel");
    };
    let header = csv_fields(lines.get(blank + 1).copied().unwrap_or_default());
    // Rows of areas carry their CBS code in the second column (issue 27).
    let coded = header.get(1).map(String::as_str) == Some("CBS-code");
    if coded != (grid.rows_are == RowsAre::Areas) {
        tally.fail(ctx, format!("csv: de kolom CBS-code hoort alleen bij rijen van gebieden ({:?})", grid.rows_are));
    }
    let lead = if coded { 2 } else { 1 };
    check_unique(header.iter().skip(lead).map(String::as_str), ctx, "csv, kolomkop", tally);
    for (c, col) in grid.columns.iter().enumerate() {
        if col.measure.is_empty() {
            continue;
        }
        let parts = name_parts(table, &col.measure, col.category.as_deref(), col.period.as_deref());
        let name = header.get(c + lead).map(String::as_str).unwrap_or_default();
        if !is_complete(name, &parts) {
            tally.fail(ctx, format!("csv: kolom \"{name}\" mist een deel van {parts:?}"));
        }
    }
    for p in placed {
        let line = lines.get(blank + 2 + p.row).copied().unwrap_or_default();
        let fields = csv_fields(line);
        let got = fields.get(p.col + lead).map(String::as_str).unwrap_or("(geen veld)");
        if got != p.expect.spreadsheet() {
            tally.fail(ctx, format!("csv: {:?} is \"{got}\", verwacht \"{}\"", p.key, p.expect.spreadsheet()));
        }
        if fields.first().map(String::as_str) != Some(grid.rows[p.row].label.as_str()) {
            tally.fail(ctx, format!("csv: rij {} heet {:?}", grid.rows[p.row].label, fields.first()));
        }
    }
    tally.count("csv", placed.len());
}

fn check_json(table: &Table, grid: &Grid, placed: &[Placed], text: &str, ctx: &str, tally: &mut Tally) {
    let doc: Json = match serde_json::from_str(text) {
        Ok(d) => d,
        Err(e) => return tally.fail(ctx, format!("json: ongeldig ({e})")),
    };
    let rows = doc["rijen"].as_array().cloned().unwrap_or_default();
    if let Some(first) = rows.first() {
        let names: Vec<String> = first["waarden"]
            .as_array()
            .map(|w| w.iter().map(|x| x["kolom"].as_str().unwrap_or_default().to_owned()).collect())
            .unwrap_or_default();
        if grid.rows_are != RowsAre::Measures {
            check_unique(names.iter().map(String::as_str), ctx, "json, kolom", tally);
        }
        for (c, col) in grid.columns.iter().enumerate() {
            if col.measure.is_empty() {
                continue;
            }
            let parts = name_parts(table, &col.measure, col.category.as_deref(), col.period.as_deref());
            let name = names.get(c).map(String::as_str).unwrap_or_default();
            if !is_complete(name, &parts) {
                tally.fail(ctx, format!("json: kolom \"{name}\" mist een deel van {parts:?}"));
            }
        }
    }
    for p in placed {
        let cell = &rows.get(p.row).map(|r| r["waarden"][p.col].clone()).unwrap_or(Json::Null);
        match &p.expect {
            Expect::Number { value, decimals, .. } => {
                let want = format::round(*value, *decimals);
                if !cell["waarde"].as_f64().is_some_and(|g| close(g, want)) {
                    tally.fail(ctx, format!("json: {:?} is {}, verwacht {want}", p.key, cell["waarde"]));
                }
            }
            Expect::Mark(m) => {
                if !cell["waarde"].is_null() || cell["status"].as_str() != Some(export_word(m)) {
                    tally.fail(ctx, format!("json: {:?} is {cell}, verwacht status {}", p.key, export_word(m)));
                }
            }
        }
    }
    tally.count("json", placed.len());
}

// ---------------------------------------------------------------------------------------------
// Dashboard cards

fn check_cards(tables: &[&Table], theme: Theme, cx: &Context, tally: &mut Tally) {
    let board = dashboard::build(tables, &[], theme, cx.manifest, cx.region, None, |id| id.to_owned());
    for card in board.pillars.iter().flat_map(|p| &p.cards) {
        let Some(table) = tables.iter().find(|t| t.id == card.table) else { continue };
        let ctx = format!("{} [kaart] ({})", table.id, cx.region.id);
        tally.outputs += 1;
        let Some((measure, category)) = dashboard::card_measure(table) else { continue };
        let parts = name_parts(table, &measure, category.as_deref(), None);
        let parts: Vec<String> = parts.into_iter().filter(|p| Unit::from_id(p.trim()).is_none()).collect(); // "%" as a label says nothing
        if !is_complete(&card.label, &parts) {
            tally.fail(&ctx, format!("kaart: \"{}\" mist een deel van {parts:?}", card.label));
        }
        let stored = table.values.iter().find(|v| {
            v.key.measure == measure
                && v.key.category == category
                && cx.manifest.area_name(&v.key.area) == card.area_name
                && table.period_label(&v.key.period) == card.period_label
        });
        if let Some(v) = stored {
            let expect = Expect::of(table, v);
            if card.shown != expect.text() {
                tally.fail(&ctx, format!("kaart: toont {}, verwacht {}", card.shown, expect.text()));
            }
            tally.count("kaart", 1);
        }
        if let Some(p) = empty_slot(&card.chart_text) {
            tally.fail(&ctx, format!("kaart: grafiektekst met een leeg cijfer (\"{p}\")"));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Runs

fn check_region(manifest: &Manifest, region: &Region, datasets: &[Dataset], tally: &mut Tally) {
    let cx = Context { manifest, region };
    let tables: Vec<&Table> = datasets.iter().flat_map(|d| &d.tables).collect();
    for t in &tables {
        check_table(t, &cx, tally);
    }
    for theme in Theme::ALL {
        check_cards(&tables, theme, &cx, tally);
    }
}

#[test]
fn every_bundled_figure_reaches_the_reader() {
    let dir = common::root().join("public/data");
    let text = std::fs::read_to_string(dir.join("manifest.json")).unwrap();
    let (manifest, skipped) = tolerant::manifest("manifest.json", &text);
    assert!(skipped.is_empty(), "{skipped:?}");
    let mut tally = Tally::default();
    let mut stored = 0;
    for region in &manifest.regions {
        let mut sets = Vec::new();
        for d in manifest.datasets.iter().filter(|d| d.region == region.id) {
            let text = std::fs::read_to_string(dir.join(&d.file)).unwrap();
            let (ds, skipped) = tolerant::dataset(&d.file, &text, &manifest);
            assert!(skipped.is_empty(), "{}: {skipped:?}", d.file);
            let ds = ds.unwrap();
            stored += ds.tables.iter().map(|t| t.values.len()).sum::<usize>();
            sets.push(ds);
        }
        check_region(&manifest, region, &sets, &mut tally);
    }
    println!("stored values: {stored}");
    assert!(tally.tables >= 30 && stored > 1000, "{}", tally.report("bundled"));
    tally.assert_clean("bundled");
}

// ---------------------------------------------------------------------------------------------
// Synthetic shapes

/// One table shape: how many areas, periods, categories and measures, and whether the measures
/// come in groups (two groups with the same labels, as "per 1.000 inwoners" and "per 1.000
/// huishoudens" do).
#[derive(Debug, Clone, Copy)]
struct Shape {
    areas: usize,
    periods: usize,
    categories: usize,
    measures: usize,
    groups: bool,
}

const AREAS: [&str; 3] = ["GM9001", "GM9002", "RG-SYNTH"];

fn synthetic_manifest() -> String {
    serde_json::json!({
        "format": 1,
        "areas": [
            { "code": "GM9001", "name": "Eerstedorp", "short": "E", "kind": "gemeente" },
            { "code": "GM9002", "name": "Tweedestad", "short": "T", "kind": "gemeente" },
            { "code": "NL01", "name": "Nederland", "short": "NL", "kind": "land" },
            { "code": "RG-SYNTH", "name": "Synthetica", "short": "S", "kind": "regio", "members": ["GM9001", "GM9002"] }
        ],
        "regions": [
            { "id": "synth", "name": "Synthetica", "area": "RG-SYNTH", "reference": "NL01", "gemeenten": ["GM9001", "GM9002"] },
            { "id": "enkel", "name": "Eerstedorp", "area": "GM9001", "reference": null, "gemeenten": ["GM9001"] }
        ],
        "seeds": [ { "id": "900", "title": "Synthetische monitor", "publisher": "Test", "year": 2020 } ],
        "datasets": [
            { "file": "synth.json", "region": "synth", "themes": ["wmo"] },
            { "file": "enkel.json", "region": "enkel", "themes": ["wmo"] }
        ]
    })
    .to_string()
}

/// A dataset file with one table of the shape; figures, one *geheim* and one unavailable cell
/// spread over it.
fn synthetic_table(shape: Shape, id: &str) -> Json {
    let areas: Vec<&str> = if shape.areas == 1 { vec![AREAS[0]] } else { AREAS.to_vec() };
    let periods: Vec<Json> = (0..shape.periods)
        .map(|i| serde_json::json!({ "id": format!("{}", 2018 + i), "label": format!("jaar {}", 2018 + i) }))
        .collect();
    let categories: Vec<Json> = (0..shape.categories)
        .map(|i| serde_json::json!({ "id": format!("c{i}"), "label": format!("soort {}", ["alfa", "bèta", "gamma"][i % 3]) }))
        .collect();
    let groups: Vec<Option<&str>> =
        if shape.groups { vec![Some("per 1.000 inwoners"), Some("per 1.000 huishoudens")] } else { vec![None] };
    let mut measures = Vec::new();
    for g in &groups {
        for i in 0..shape.measures {
            // Alternating units and precision: counts and percentages with one decimal.
            let (unit, kind, decimals) = if i % 2 == 0 { ("aantal", "count", 0) } else { ("%", "derived", 1) };
            let mut m = serde_json::json!({
                "id": format!("m{}{i}", if g == &groups[0] { "a" } else { "b" }),
                "label": format!("{} voorziening", i + 1),
                "unit": unit, "kind": kind, "decimals": decimals
            });
            if let Some(g) = g {
                m["group"] = Json::from(*g);
            }
            measures.push(m);
        }
    }
    let cats: Vec<Option<String>> =
        if shape.categories == 0 { vec![None] } else { (0..shape.categories).map(|i| Some(format!("c{i}"))).collect() };
    let mut values = Vec::new();
    let mut n = 0u32;
    for m in &measures {
        for a in &areas {
            for p in &periods {
                for c in &cats {
                    n += 1;
                    let mut v = serde_json::json!({ "measure": m["id"], "area": a, "period": p["id"] });
                    if let Some(c) = c {
                        v["category"] = Json::from(c.as_str());
                    }
                    if n == 5 && m["unit"] == "aantal" {
                        v["status"] = Json::from("geheim");
                    } else if n == 7 {
                        v["status"] = Json::from("niet-beschikbaar");
                    } else if m["unit"] == "%" {
                        v["value"] = Json::from(f64::from(n * 37 % 1000) / 10.0 + 0.05);
                    } else {
                        v["value"] = Json::from(f64::from(n) * 1234.0 + 8.0);
                    }
                    values.push(v);
                }
            }
        }
    }
    serde_json::json!({
        "id": id,
        "title": format!("Synthetische tabel {id}"),
        "theme": "wmo",
        "pillar": "gebruik",
        "source": { "text": "synthetische bron", "seed": "900", "section": "Test" },
        "note": null,
        "definitions": [],
        "provisional": false,
        "rounding": null,
        "periods": periods,
        "categories": categories,
        "measures": measures,
        "totals": [],
        "values": values,
        "inconsistencies": []
    })
}

#[test]
fn every_figure_of_every_shape_reaches_the_reader() {
    let (manifest, skipped) = tolerant::manifest("manifest.json", &synthetic_manifest());
    assert!(skipped.is_empty(), "{skipped:?}");
    let mut tally = Tally::default();
    for areas in [1, 3] {
        let region = manifest.regions.iter().find(|r| r.id == if areas == 1 { "enkel" } else { "synth" }).unwrap();
        let mut tables = Vec::new();
        for periods in [1, 3] {
            for categories in [0, 3] {
                for measures in [1, 3] {
                    for groups in [false, true] {
                        let shape = Shape { areas, periods, categories, measures, groups };
                        let id = format!(
                            "wmo-synth-a{areas}-p{periods}-c{categories}-m{measures}{}",
                            if groups { "-g" } else { "" }
                        );
                        tables.push(synthetic_table(shape, &id));
                    }
                }
            }
        }
        let file = format!("{}.json", region.id);
        let text =
            serde_json::json!({ "format": 1, "region": region.id, "theme": "wmo", "tables": tables }).to_string();
        let (ds, skipped) = tolerant::dataset(&file, &text, &manifest);
        assert!(skipped.is_empty(), "{}", skipped.iter().map(|s| s.sentence()).collect::<Vec<_>>().join("\n"));
        let ds = ds.unwrap();
        assert_eq!(ds.tables.len(), 16);
        check_region(&manifest, region, &[ds], &mut tally);
    }
    assert_eq!(tally.tables, 32);
    tally.assert_clean("synthetic");
}
