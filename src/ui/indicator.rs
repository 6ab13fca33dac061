//! The indicator view: title, marks, generated summary, choices (period, chart or table),
//! chart, data table, comparison with the reference, note, source and "hoe berekend".

use super::chart::ChartView;
use super::map::MapChart;
use super::share::{Downloads, EmbedCode};
use super::table::{DataTable, TableFrame};
use crate::core::engine;
use crate::core::format;
use crate::core::grid::{Grid, RowsAre};
use crate::core::model::{Manifest, Table};
use crate::core::view::{Display, ViewState};
use crate::core::{charts, grid, summary};
use leptos::prelude::*;

#[component]
pub fn IndicatorView(
    table: Table,
    manifest: Manifest,
    state: ViewState,
    reference: Option<String>,
    /// 1 on the indicator page, 2 where the view is part of a larger page.
    #[prop(default = 2)]
    heading_level: u8,
    /// The region's id, for the map's boundaries (`geo/<region>.json`).
    #[prop(default = None)]
    region: Option<String>,
) -> impl IntoView {
    let grid = grid::build(&table, &manifest, state.period.as_deref(), None);
    let embed = state.embed;
    let place = state
        .gemeente
        .as_deref()
        .or(state.region.as_deref())
        .map(|c| manifest.area(c).map_or(c.to_owned(), |a| a.name.clone()))
        .unwrap_or_default();
    let downloads_grid = grid.clone();
    let downloads_table = table.clone();
    let downloads_manifest = manifest.clone();
    let downloads_state = state.clone();
    let focus = state.gemeente.as_deref();
    let text = summary::describe(&grid, &manifest, focus, reference.as_deref());
    let (option, height) = charts::draw(&grid, &table, focus, &text);
    let map_view = (!embed)
        .then(|| {
            charts::map::view(&grid, 0, &manifest, region.as_deref().or(state.region.as_deref()).unwrap_or(""), focus)
        })
        .flatten();
    let download_option = option.clone();
    let full_view = ViewState { embed: false, ..state.clone() }.href();
    let embed_state = state.clone();
    let embed_title = table.title.clone();
    let title_id = format!("titel-{}", table.id);
    let summary_id = format!("samenvatting-{}", table.id);
    let provisional = grid.any_provisional();
    let caption = match &grid.period_label {
        Some(p) if !table.title.contains(p.as_str()) => format!("{} — {p}", table.title),
        _ => table.title.clone(),
    };
    let how = how_lines(&grid);
    let comparison = comparison(&grid, &manifest, focus, reference.as_deref());
    let seed = manifest.seed(&table.source.seed).map(|s| format!("{} ({}, {})", s.title, s.publisher, s.year));
    let show_chart = state.display == Display::Chart;
    let label = format!("Grafiek: {}", table.title);
    let periods: Vec<(String, String, bool)> = if grid.rows_are == RowsAre::Periods || table.periods.len() < 2 {
        Vec::new()
    } else {
        table
            .periods
            .iter()
            .map(|p| {
                (
                    ViewState { period: Some(p.id.clone()), ..state.clone() }.href(),
                    p.label.clone(),
                    grid.period.as_deref() == Some(p.id.as_str()),
                )
            })
            .collect()
    };
    let chart_href = ViewState { display: Display::Chart, ..state.clone() }.href();
    let table_href = ViewState { display: Display::Table, ..state.clone() }.href();
    let map_href = map_view.as_ref().map(|_| ViewState { display: Display::Map, ..state.clone() }.href());
    let show_map = state.display == Display::Map && map_view.is_some();
    let map_label = format!("Kaart: {}", table.title);
    let chosen = focus.map(str::to_owned);
    let labelled_by = title_id.clone();
    let summary_target = summary_id.clone();
    let title = table.title.clone();
    let heading = if heading_level == 1 {
        view! { <h1 id=title_id>{title}</h1> }.into_any()
    } else {
        view! { <h2 id=title_id>{title}</h2> }.into_any()
    };
    view! {
        <article class="indicator" aria-labelledby=labelled_by>
            {heading}
            <p class="kenmerken">
                {provisional.then(|| view! { <span class="badge voorlopig">"Voorlopige cijfers"</span> })}
                {grid.period_label.clone().map(|p| view! { <span class="badge">{p}</span> })}
            </p>
            <p class="samenvatting" id=summary_target>{text}</p>
            {(!periods.is_empty() && !embed).then(|| view! {
                <nav class="keuze" aria-label="Periode">
                    {periods.into_iter().map(|(href, label, here)| view! { <a href=href aria-current=here.then_some("true")>{label}</a> }).collect::<Vec<_>>()}
                </nav>
            })}
            {(!embed).then(|| view! {
                <nav class="keuze weergave" aria-label="Weergave">
                    <a href=chart_href aria-current=show_chart.then_some("true")>"Grafiek"</a>
                    <a href=table_href aria-current=(state.display == Display::Table).then_some("true")>"Tabel"</a>
                    {map_href.map(|href| view! { <a href=href aria-current=show_map.then_some("true")>"Kaart"</a> })}
                </nav>
            })}
            {show_chart.then(|| view! { <ChartView option=option height=height label=label described_by=summary_id/> })}
            {map_view.filter(|_| show_map).map(|v| view! { <MapChart view=v label=map_label chosen=chosen.clone()/> })}
            <DataTable grid=grid caption=caption focus=focus.map(str::to_owned)/>
            {(!embed).then_some(comparison)}
            <section class="toelichting" aria-label="Toelichting en bron">
                {table.note.clone().map(|n| view! { <p><strong>"Toelichting: "</strong>{n}</p> })}
                {table.definitions.iter().map(|d| view! { <p class="definitie">{d.clone()}</p> }).collect::<Vec<_>>()}
                <p class="bron"><strong>"Bron: "</strong>{table.source.text.clone()}</p>
                {seed.map(|s| view! { <p class="publicatie">"Overgenomen uit: "{s}", "{table.source.section.clone()}"."</p> })}
                <p class="legenda">"Geheim: een aantal van 0 tot en met 7, niet gepubliceerd om te voorkomen dat personen herkenbaar zijn. n.b.: niet beschikbaar of niet openbaar gemaakt."</p>
                {(!table.inconsistencies.is_empty()).then(|| view! {
                    <div class="inconsistenties">
                        <h3>"Waar de bron zichzelf tegenspreekt"</h3>
                        <ul>{table.inconsistencies.iter().map(|i| view! { <li>{i.description.clone()}</li> }).collect::<Vec<_>>()}</ul>
                    </div>
                })}
                {(!how.is_empty() && !embed).then(|| view! {
                    <details class="hoe-berekend">
                        <summary>"Hoe berekend"</summary>
                        <ul>{how.into_iter().map(|h| view! { <li>{h}</li> }).collect::<Vec<_>>()}</ul>
                    </details>
                })}
            </section>
            <Downloads table=downloads_table grid=downloads_grid manifest=downloads_manifest state=downloads_state option=download_option chart_height=height place=place/>
            {if embed {
                view! { <p class="naar-monitor"><a href=full_view target="_blank" rel="noopener">"Bekijk in de monitor"</a></p> }.into_any()
            } else {
                view! { <EmbedCode state=embed_state title=embed_title/> }.into_any()
            }}
        </article>
    }
}

/// The calculations behind the shown figures, written out (published figures are left out).
fn how_lines(grid: &Grid) -> Vec<String> {
    grid.rows
        .iter()
        .flat_map(|r| {
            r.cells.iter().zip(&grid.columns).filter(|(f, _)| matches!(f.explain, engine::How::Calc(_))).map(
                move |(f, c)| {
                    let published = f.printed_differently().map_or_else(String::new, |p| {
                        format!(" (de bron drukt {} af)", format::with_unit(p, f.unit, f.decimals))
                    });
                    format!("{}, {}: {}{published}", r.label, c.label, f.how())
                },
            )
        })
        .take(60)
        .collect()
}

/// For the chosen gemeente: each figure next to the reference, as a difference and an index,
/// and its rank among the gemeenten.
fn comparison(
    grid: &Grid,
    manifest: &Manifest,
    focus: Option<&str>,
    reference: Option<&str>,
) -> Option<impl IntoView + use<>> {
    let (focus, reference) = (focus?, reference?);
    if grid.rows_are != RowsAre::Areas {
        return None;
    }
    let row = grid.rows.iter().find(|r| r.id == focus)?;
    let reference_row = grid.rows.iter().find(|r| r.id == reference)?;
    let gemeenten: Vec<&crate::core::grid::Row> = grid.rows.iter().filter(|r| !r.reference).collect();
    let lines: Vec<(String, String, String, String, String)> = grid
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (a, r) = (&row.cells[i], &reference_row.cells[i]);
            let d = engine::difference(a, r);
            let diff = d.number().map_or_else(|| d.display(), |v| format::signed_difference(v, c.unit, c.decimals));
            let index = engine::index(a, r).display();
            let column: Vec<Option<f64>> = gemeenten.iter().map(|g| g.cells[i].number()).collect();
            let rank = gemeenten.iter().position(|g| g.id == focus).and_then(|p| engine::ranks(&column)[p]);
            let ranked = column.iter().flatten().count();
            let rank = rank.map_or("—".to_owned(), |r| format!("{r} van {ranked}"));
            (c.label.clone(), a.display(), diff, index, rank)
        })
        .collect();
    let (name, reference_name) = (manifest.area_name(focus), manifest.area_name(reference));
    let caption = format!("{name} vergeleken met {reference_name}");
    let frame_label = caption.clone();
    Some(view! {
        <TableFrame label=frame_label class="vergelijking">
            <table class="cijfers">
                <caption>{caption}</caption>
                <thead><tr>
                    <th scope="col">"Cijfer"</th>
                    <th scope="col">{name}</th>
                    <th scope="col">{format!("Verschil met {reference_name}")}</th>
                    <th scope="col">{format!("Index ({reference_name} = 100)")}</th>
                    <th scope="col">"Rang (1 = hoogste)"</th>
                </tr></thead>
                <tbody>
                    {lines.into_iter().map(|(l, v, d, i, r)| view! {
                        <tr><th scope="row">{l}</th><td class="getal">{v}</td><td class="getal">{d}</td><td class="getal">{i}</td><td class="getal">{r}</td></tr>
                    }).collect::<Vec<_>>()}
                </tbody>
            </table>
        </TableFrame>
    })
}
