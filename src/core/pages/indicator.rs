//! The indicator view: one table with its summary, chart option, data table, comparison with
//! the reference, "hoe berekend" lines, period and chart/table links, note and source.

use super::NavLink;
use crate::core::calc::engine;
use crate::core::calc::grid::{self, Grid, Provisional, RowsAre};
use crate::core::model::view_state::{Display, ViewState};
use crate::core::model::{Manifest, Table, Unit};
use crate::core::pages::council;
use crate::core::present::age;
use crate::core::present::charts::many;
use crate::core::present::charts::map::MapView;
use crate::core::present::embed;
use crate::core::present::export;
use crate::core::present::image;
use crate::core::present::ranked;
use crate::core::present::remarks::{self, Contradiction, Remarks};
use crate::core::text::format;
use crate::core::{present::charts, present::summary};

/// Everything the indicator view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorModel {
    pub table_id: String,
    pub title: String,
    pub title_id: String,
    pub summary_id: String,
    /// Every figure is voorlopig: one badge for the whole table.
    pub provisional: bool,
    /// Some figures are voorlopig: they carry a mark, and this legend says which (issue 15).
    pub provisional_legend: Option<String>,
    pub period_label: Option<String>,
    /// How old the figures are, in the header (issue 23; the report's year was only in the
    /// source line at the bottom): "Cijfers over 2016, uit een rapport van 2017." For the period
    /// shown, or every period when the table is shown as a series.
    pub age: Option<String>,
    /// The generated text summary (also the chart's description).
    pub summary: String,
    /// One link per period; empty when the rows are periods or there is one period.
    pub periods: Vec<NavLink>,
    pub chart_link: NavLink,
    pub table_link: NavLink,
    /// "Kaart", for a table with figures per gemeente (`weergave=kaart`).
    pub map_link: Option<NavLink>,
    pub show_chart: bool,
    pub chart: ChartModel,
    /// The map, when the view asks for it and the table has figures per gemeente.
    pub map: Option<MapView>,
    /// The choice of measure for the map (`maat`), one link per column, when the map is shown
    /// and the table has more than one.
    pub map_measures: Vec<NavLink>,
    /// The chosen gemeente (CBS code): highlighted in the chart, its row marked in the table.
    pub focus: Option<String>,
    pub grid: Grid,
    pub caption: String,
    pub comparison: Option<ComparisonModel>,
    /// The calculations behind the shown figures (at most 60 lines).
    pub how: Vec<String>,
    pub source: String,
    /// "title (publisher, year), section" of the publication the figures come from.
    pub publication: Option<String>,
    /// Everything the page says about the table besides the figures (note, footnotes, marks,
    /// recomputed figures, the table's inconsistencies, contradictions): what the page renders
    /// and every download and the embed carry too.
    pub remarks: Remarks,
    /// The same view outside the embed.
    pub full_view: String,
    pub embed: bool,
    /// The place the downloads are named after.
    pub place: String,
    /// What the compact embed shows besides the chart or table.
    pub compact: embed::EmbedModel,
    /// The snippet's fixed height for sites without `embed.js`.
    pub frame_height: u32,
    /// A table of more than `many::MAX_AREAS` areas (issue 25): `grid` is sorted from high to
    /// low and this adds each row's rank and the filter field.
    pub ranked: Option<ranked::Ranked>,
    /// The report's own wording and the glossary's terms (issue 23); empty in an embed and
    /// until the page adds them with [`words::add`](super::words::add).
    pub words: crate::core::present::plain_words::PlainWords,
}

/// The chart: its ECharts option as JSON, its height and its accessible name.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartModel {
    pub option: String,
    pub height: u32,
    pub label: String,
}

/// The chosen gemeente next to the reference, figure by figure.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonModel {
    pub caption: String,
    pub name: String,
    pub difference_header: String,
    pub index_header: String,
    pub rows: Vec<ComparisonRow>,
    /// Why some difference, index or rank is left out (counts and amounts; a rank of one).
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonRow {
    pub label: String,
    pub value: String,
    pub difference: String,
    pub index: String,
    pub rank: String,
}

/// The indicator view of `table` for `state`; `reference` is the region's reference area.
pub fn indicator(table: &Table, manifest: &Manifest, state: &ViewState, reference: Option<&str>) -> IndicatorModel {
    indicator_in(table, manifest, state, reference, state.region.as_deref())
}

/// The same, with the id of the region shown (for the map's boundaries), which the link may
/// leave out when it is the default region.
pub fn indicator_in(
    table: &Table,
    manifest: &Manifest,
    state: &ViewState,
    reference: Option<&str>,
    region: Option<&str>,
) -> IndicatorModel {
    indicator_with(table, manifest, state, (reference, region), &[])
}

/// The same, with the contradictions between text and tables that touch the table
/// (`remarks::contradictions` of `remarks::findings`), which the page lists and every output
/// carries; `(reference, region)` as in [`indicator_in`].
pub fn indicator_with(
    table: &Table,
    manifest: &Manifest,
    state: &ViewState,
    (reference, region): (Option<&str>, Option<&str>),
    contradictions: &[Contradiction],
) -> IndicatorModel {
    // A table of wijken shows the chosen gemeente's wijken (and the gemeente), not every area.
    let wijk_rows = state.gemeente.as_deref().and_then(|g| council::wijk_rows(table, manifest, g));
    let grid = grid::build(table, manifest, state.period.as_deref(), wijk_rows.as_deref());
    let place = state
        .gemeente
        .as_deref()
        .or(state.region.as_deref())
        .map(|c| manifest.area(c).map_or(c.to_owned(), |a| a.name.clone()))
        .unwrap_or_default();
    let focus = state.gemeente.as_deref();
    // Many areas (issue 25): the table every area sorted and ranked, the chart a selection.
    let (column, noun) = (charted_column(&grid, table), noun(&grid, manifest));
    let (grid, ranked) = match ranked::rank(&grid, column, noun) {
        Some((sorted, r)) => (sorted, Some(r)),
        None => (grid, None),
    };
    let mut text = summary::describe(&grid, manifest, focus, reference);
    // A chart draws at most eight series; the summary says when the table has more (issue 21).
    if charts::budget::plan(&grid, table).is_none() {
        if let Some(note) = charts::drawn_grid(&grid, table).1 {
            text = format!("{text} {note}");
        }
    }
    let series = charts::drawn_grid(&grid, table).0.columns.len();
    let selection = many::select(&grid, column, focus, many::per_end(series, state.embed), noun);
    if let Some(s) = &selection {
        text = format!("{text} {}", s.note);
    }
    // The chart that fits the question, the chosen gemeente highlighted (issue 13); *geheim* and
    // *n.b.* drawn as labelled marks on the page too, not as absent bars (issue 16).
    let (option, height) = charts::draw(selection.as_ref().map_or(&grid, |s| &s.grid), table, focus, &text);
    // The snippet asks for the compact embed's height, whose selection is smaller.
    let embed_height = match many::select(&grid, column, focus, many::per_end(series, true), noun) {
        Some(s) if !state.embed => charts::draw(&s.grid, table, focus, "").1,
        _ => height,
    };
    let table_rows = if ranked.is_some() { grid.rows.len().min(ranked::EMBED_ROWS) } else { grid.rows.len() };
    let column = charts::map::column_of(&grid, state.measure.as_deref());
    let map = region.and_then(|r| charts::map::view(&grid, column, manifest, r, focus));
    let periods = period_choice(table, &grid, state);
    let show_map = state.display == Display::Map && map.is_some() && !state.embed;
    let show_chart = state.display == Display::Chart || (state.display == Display::Map && !show_map);
    let said = remarks::of_table(table, &grid, contradictions);
    IndicatorModel {
        table_id: table.id.clone(),
        title: table.title.clone(),
        title_id: format!("titel-{}", table.id),
        summary_id: format!("samenvatting-{}", table.id),
        provisional: grid.provisional() == Provisional::All,
        provisional_legend: remarks::provisional(&grid).filter(|_| grid.provisional() == Provisional::Some),
        period_label: grid.period_label.clone(),
        age: age::line_over(
            match &grid.period {
                Some(p) => age::years(p),
                None => table.periods.iter().flat_map(|p| age::years(&p.id)).collect(),
            },
            manifest.seed(&table.source.seed).map(|s| s.year),
        ),
        summary: text.clone(),
        periods,
        chart_link: NavLink {
            href: ViewState { display: Display::Chart, ..state.clone() }.href(),
            label: "Grafiek".into(),
            current: show_chart,
        },
        table_link: NavLink {
            href: ViewState { display: Display::Table, ..state.clone() }.href(),
            label: "Tabel".into(),
            current: state.display == Display::Table,
        },
        map_link: map.as_ref().map(|_| NavLink {
            href: ViewState { display: Display::Map, ..state.clone() }.href(),
            label: "Kaart".into(),
            current: show_map,
        }),
        show_chart,
        chart: ChartModel { option, height, label: format!("Grafiek: {}", table.title) },
        map_measures: if show_map { measure_choice(&grid, column, state) } else { Vec::new() },
        map: map.filter(|_| show_map),
        focus: focus.map(str::to_owned),
        caption: caption(table, &grid),
        comparison: comparison(&grid, manifest, focus, reference),
        how: how_lines(&grid),
        source: table.source.text.clone(),
        publication: manifest.seed(&table.source.seed).map(|s| s.citation(&table.source.section)),
        full_view: ViewState { embed: false, ..state.clone() }.href(),
        embed: state.embed,
        place,
        compact: embed::model(table, manifest, &text, grid.columns.len(), &said, selection.map(|s| s.note)),
        remarks: said,
        frame_height: embed::frame_height(show_chart.then_some(embed_height), table_rows),
        ranked,
        words: Default::default(),
        grid,
    }
}

/// The column of `grid` a chart draws first (its question's figure): the one many areas are
/// sorted and ranked by.
fn charted_column(grid: &Grid, table: &Table) -> usize {
    let drawn = charts::drawn_grid(grid, table).0;
    drawn.columns.first().and_then(|c| grid.columns.iter().position(|x| x == c)).unwrap_or(0)
}

/// What the rows of areas are: "gemeenten" when every one is, else "gebieden" (wijken).
fn noun(grid: &Grid, manifest: &Manifest) -> &'static str {
    let gemeente = |code: &str| manifest.area(code).is_some_and(|a| a.kind == crate::core::model::AreaKind::Gemeente);
    if grid.rows.iter().filter(|r| !r.reference).all(|r| gemeente(&r.id)) {
        "gemeenten"
    } else {
        "gebieden"
    }
}

/// The period choice: one link per period when the table has several. A time series of one area
/// starts with "Alle perioden" (the whole series); choosing a period shows that period's
/// categories or measures (`grid::build`).
pub fn period_choice(table: &Table, grid: &Grid, state: &ViewState) -> Vec<NavLink> {
    if table.periods.len() < 2 {
        return Vec::new();
    }
    // Every period is shown when the rows or the columns are the periods (`grid.period` is None).
    let series = grid.period.is_none() || (grid.rows_are != RowsAre::Areas && table.areas().len() <= 1);
    let all = series.then(|| NavLink {
        href: ViewState { period: None, ..state.clone() }.href(),
        label: "Alle perioden".into(),
        current: grid.period.is_none(),
    });
    all.into_iter()
        .chain(table.periods.iter().map(|p| NavLink {
            href: ViewState { period: Some(p.id.clone()), ..state.clone() }.href(),
            label: p.label.clone(),
            current: grid.period.as_deref() == Some(p.id.as_str()),
        }))
        .collect()
}

/// The map's choice of measure: one link per column of the grid, when it has several.
fn measure_choice(grid: &Grid, column: usize, state: &ViewState) -> Vec<NavLink> {
    if grid.columns.len() < 2 {
        return Vec::new();
    }
    grid.columns
        .iter()
        .enumerate()
        .map(|(i, c)| NavLink {
            href: ViewState { measure: Some(charts::map::column_key(c)), ..state.clone() }.href(),
            label: c.label.clone(),
            current: i == column,
        })
        .collect()
}

/// The table's caption: its title, with the period when the title does not already name it.
pub fn caption(table: &Table, grid: &Grid) -> String {
    match &grid.period_label {
        Some(p) if !table.title.contains(p.as_str()) => format!("{} — {p}", table.title),
        _ => table.title.clone(),
    }
}

/// The calculations behind the shown figures, written out (published figures are left out).
pub fn how_lines(grid: &Grid) -> Vec<String> {
    grid.rows
        .iter()
        .flat_map(|row| {
            row.cells
                .iter()
                .zip(&grid.columns)
                .filter(|(f, _)| matches!(f.explain, engine::How::Calc(_)) || f.recomputed.is_some())
                .map(move |(figure, column)| {
                    let differs = figure.computed_note().map_or_else(String::new, |_| {
                        format!(" (de bron drukt {} af, en dat cijfer tonen we)", figure.display())
                    });
                    format!("{}, {}: {}{differs}", row.label, column.label, figure.how())
                })
        })
        .take(60)
        .collect()
}

/// For the chosen gemeente: each figure next to the reference, as a difference and an index,
/// and its rank among the gemeenten. None without a gemeente, a reference, or rows of areas.
pub fn comparison(
    grid: &Grid,
    manifest: &Manifest,
    focus: Option<&str>,
    reference: Option<&str>,
) -> Option<ComparisonModel> {
    let (focus, reference) = (focus?, reference?);
    if grid.rows_are != RowsAre::Areas {
        return None;
    }
    let row = grid.rows.iter().find(|r| r.id == focus)?;
    let reference_row = grid.rows.iter().find(|r| r.id == reference)?;
    let gemeenten: Vec<&grid::Row> = grid.rows.iter().filter(|r| !r.reference).collect();
    // Fair comparisons (issue 23): a count or an amount of a gemeente against Nederland's, or
    // ranked among gemeenten of very different size, says nothing; rates and shares do.
    let sized = |c: &grid::Column| matches!(c.unit, Unit::Aantal | Unit::Euro);
    if grid.columns.iter().all(sized) {
        return None;
    }
    let mut left_out = false;
    let rows = grid
        .columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            if sized(column) {
                left_out = true;
                let dash = "—".to_owned();
                return ComparisonRow {
                    label: column.label.clone(),
                    value: row.cells[i].display_noted(),
                    difference: dash.clone(),
                    index: dash.clone(),
                    rank: dash,
                };
            }
            let (value, base) = (&row.cells[i], &reference_row.cells[i]);
            let difference = engine::difference(value, base);
            let column_values: Vec<Option<f64>> = gemeenten.iter().map(|g| g.cells[i].number()).collect();
            let rank = gemeenten.iter().position(|g| g.id == focus).and_then(|p| engine::ranks(&column_values)[p]);
            let ranked = column_values.iter().flatten().count();
            ComparisonRow {
                label: column.label.clone(),
                value: value.display_noted(),
                difference: difference.number().map_or_else(
                    || difference.display(),
                    |v| format::signed_difference(v, column.unit, column.decimals),
                ),
                index: engine::index(value, base).display(),
                rank: rank.filter(|_| ranked > 1).map_or("—".to_owned(), |r| format!("{r} van {ranked}")),
            }
        })
        .collect();
    let note = left_out.then(|| {
        "Bij aantallen en bedragen staan verschil, index en rang er niet: gemeenten verschillen te veel in grootte. \
         Vergelijk de percentages en de cijfers per 1.000 inwoners."
            .to_owned()
    });
    let (name, reference_name) = (manifest.area_name(focus), manifest.area_name(reference));
    Some(ComparisonModel {
        caption: format!("{name} vergeleken met {reference_name}"),
        difference_header: format!("Verschil met {reference_name}"),
        index_header: format!("Index ({reference_name} = 100)"),
        name,
        rows,
        note,
    })
}

/// The files of "Download wat u ziet": made on click, from exactly what the view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct DownloadFiles {
    pub csv_name: String,
    pub csv: String,
    pub json_name: String,
    pub json: String,
    pub png_name: String,
    pub svg_name: String,
    /// What the chart image shows besides the chart (`core::image::spec`).
    pub image: String,
}

/// The downloads of a view as the page shows it: each carries what the page says about the
/// table (`model.remarks`), the address and date in `provenance` and the licence.
pub fn downloads(
    model: &IndicatorModel,
    table: &Table,
    manifest: &Manifest,
    provenance: &export::Provenance,
) -> DownloadFiles {
    let (grid, place, said) = (&model.grid, model.place.as_str(), &model.remarks);
    DownloadFiles {
        csv_name: export::file_name(grid, place, "csv"),
        csv: export::csv_with(grid, table, manifest, said, provenance),
        json_name: export::file_name(grid, place, "json"),
        json: export::json_with(grid, table, manifest, said, provenance),
        png_name: export::file_name(grid, place, "png"),
        svg_name: export::file_name(grid, place, "svg"),
        image: image::spec_with(
            grid,
            table,
            manifest,
            said,
            &model.chart.option,
            (model.chart.height, place),
            provenance,
        ),
    }
}

/// The downloads of a grid without the page's cross checks: each carries the address and date
/// in `provenance` and the licence.
pub fn download_files(
    grid: &Grid,
    table: &Table,
    manifest: &Manifest,
    place: &str,
    option: &str,
    chart_height: u32,
    provenance: &export::Provenance,
) -> DownloadFiles {
    DownloadFiles {
        csv_name: export::file_name(grid, place, "csv"),
        csv: export::csv(grid, table, manifest, provenance),
        json_name: export::file_name(grid, place, "json"),
        json: export::json(grid, table, manifest, provenance),
        png_name: export::file_name(grid, place, "png"),
        svg_name: export::file_name(grid, place, "svg"),
        image: image::spec(grid, table, manifest, option, chart_height, place, provenance),
    }
}
