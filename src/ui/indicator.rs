//! The indicator view: title, marks, generated summary, chart, data table, note, source and
//! "hoe berekend" for one table of the monitor.

use super::chart::ChartView;
use super::table::DataTable;
use crate::core::model::{Manifest, Table};
use crate::core::view::{Display, ViewState};
use crate::core::{charts, grid, summary};
use leptos::prelude::*;

#[component]
pub fn IndicatorView(table: Table, manifest: Manifest, state: ViewState, reference: Option<String>) -> impl IntoView {
    let grid = grid::build(&table, &manifest, state.period.as_deref(), None);
    let text = summary::describe(&grid, &manifest, state.gemeente.as_deref(), reference.as_deref());
    let chart = charts::bars(&grid);
    let option = charts::to_json(&chart, &text);
    let height = charts::bars_height(&grid);
    let title_id = format!("titel-{}", table.id);
    let summary_id = format!("samenvatting-{}", table.id);
    let provisional = grid.any_provisional();
    let caption = match &grid.period_label {
        Some(p) if !table.title.contains(p.as_str()) => format!("{} — {p}", table.title),
        _ => table.title.clone(),
    };
    let how: Vec<String> = grid
        .rows
        .iter()
        .flat_map(|r| r.cells.iter().zip(&grid.columns).map(move |(f, c)| (r.label.clone(), c.label.clone(), f.how())))
        .filter(|(_, _, how)| how.contains('='))
        .map(|(row, col, how)| format!("{row}, {col}: {how}"))
        .take(40)
        .collect();
    let seed = manifest.seed(&table.source.seed).map(|s| format!("{} ({}, {})", s.title, s.publisher, s.year));
    let chart_view = state.clone();
    let table_view = state.clone();
    let show_chart = state.display == Display::Chart;
    let label = format!("Grafiek: {}", table.title);
    let labelled_by = title_id.clone();
    let summary_target = summary_id.clone();
    view! {
        <article class="indicator" aria-labelledby=labelled_by>
            <h2 id=title_id>{table.title.clone()}</h2>
            <p class="kenmerken">
                {provisional.then(|| view! { <span class="badge voorlopig">"Voorlopige cijfers"</span> })}
                {grid.period_label.clone().map(|p| view! { <span class="badge">{p}</span> })}
            </p>
            <p class="samenvatting" id=summary_target>{text}</p>
            <nav class="weergave" aria-label="Weergave">
                <a href=ViewState { display: Display::Chart, ..chart_view }.href() aria-current=show_chart.then_some("page")>"Grafiek"</a>
                <a href=ViewState { display: Display::Table, ..table_view }.href() aria-current=(!show_chart).then_some("page")>"Tabel"</a>
            </nav>
            {show_chart.then(|| view! { <ChartView option=option height=height label=label described_by=summary_id/> })}
            <DataTable grid=grid caption=caption/>
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
                {(!how.is_empty()).then(|| view! {
                    <details class="hoe-berekend">
                        <summary>"Hoe berekend"</summary>
                        <ul>{how.into_iter().map(|h| view! { <li>{h}</li> }).collect::<Vec<_>>()}</ul>
                    </details>
                })}
            </section>
        </article>
    }
}
