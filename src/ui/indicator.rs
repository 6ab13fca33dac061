//! The indicator view: renders the core's `IndicatorModel` (title, marks, summary, choices,
//! chart, data table, comparison, note, source, "hoe berekend"). The model is a `Memo` of the
//! view state, so a new gemeente, period or chart/table choice updates the view in place; the
//! chart stays one ECharts instance that gets the new option.

use super::chart::ChartView;
use super::pages::NavItem;
use super::share::{Downloads, EmbedCode};
use super::store::{use_store, TableRef};
use super::table::{DataTable, TableFrame};
use crate::core::pages::indicator::{self, ComparisonModel, IndicatorModel};
use crate::core::view::ViewState;
use leptos::prelude::*;

#[component]
pub fn IndicatorView(
    table: TableRef,
    /// 1 on the indicator page, 2 where the view is part of a larger page.
    #[prop(default = 2)]
    heading_level: u8,
) -> impl IntoView {
    let store = use_store();
    let manifest = store.manifest();
    // The view state as this view shows it, tracking only the slices that change within a page
    // (gemeente, period, chart or table; the rest rebuilds the page): the gemeente only when it
    // belongs to the region.
    let view = store.view;
    let state = Memo::new(move |_| {
        let (gemeente, period, display) = (view.gemeente.get(), view.period.get(), view.display.get());
        let region = view.region.get();
        let mut state = ViewState { period, display, ..view.state.get_untracked() };
        state.gemeente = gemeente.filter(|g| region.as_ref().is_some_and(|r| r.gemeenten.contains(g)));
        state
    });
    let shown = table.clone();
    let model: Memo<IndicatorModel> = Memo::new(move |_| {
        let reference = store.view.region.with(|r| r.as_ref().and_then(|r| r.reference.clone()));
        state.with(|s| indicator::indicator(&shown, &manifest, s, reference.as_deref()))
    });
    let chart = Memo::new(move |_| model.with(|m| m.chart.clone()));
    let show_chart = Memo::new(move |_| model.with(|m| m.show_chart));
    let summary_id = Memo::new(move |_| model.with(|m| m.summary_id.clone()));
    let title_id = model.with_untracked(|m| m.title_id.clone());
    let title = table.title.clone();
    let heading = if heading_level == 1 {
        view! { <h1 id=title_id.clone()>{title}</h1> }.into_any()
    } else {
        view! { <h2 id=title_id.clone()>{title}</h2> }.into_any()
    };
    let embed = store.view.embed.get_untracked();
    let embed_title = table.title.clone();
    view! {
        <article class="indicator" aria-labelledby=title_id>
            {heading}
            {move || model.with(|m| view! {
                <p class="kenmerken">
                    {m.provisional.then(|| view! { <span class="badge voorlopig">"Voorlopige cijfers"</span> })}
                    {m.period_label.clone().map(|p| view! { <span class="badge">{p}</span> })}
                </p>
                <p class="samenvatting" id=m.summary_id.clone()>{m.summary.clone()}</p>
                {(!m.periods.is_empty() && !m.embed).then(|| view! {
                    <nav class="keuze" aria-label="Periode">
                        {m.periods.iter().cloned().map(|l| view! { <NavItem link=l/> }).collect::<Vec<_>>()}
                    </nav>
                })}
                {(!m.embed).then(|| view! {
                    <nav class="keuze weergave" aria-label="Weergave">
                        <NavItem link=m.chart_link.clone()/>
                        <NavItem link=m.table_link.clone()/>
                    </nav>
                })}
            })}
            {move || show_chart.get().then(|| view! { <ChartView chart=chart described_by=summary_id/> })}
            {move || model.with(|m| view! {
                <DataTable grid=m.grid.clone() caption=m.caption.clone()/>
                {m.comparison.clone().filter(|_| !m.embed).map(|c| view! { <Comparison model=c/> })}
                <section class="toelichting" aria-label="Toelichting en bron">
                    {m.note.clone().map(|n| view! { <p><strong>"Toelichting: "</strong>{n}</p> })}
                    {m.definitions.iter().map(|d| view! { <p class="definitie">{d.clone()}</p> }).collect::<Vec<_>>()}
                    <p class="bron"><strong>"Bron: "</strong>{m.source.clone()}</p>
                    {m.publication.clone().map(|s| view! { <p class="publicatie">"Overgenomen uit: "{s}"."</p> })}
                    <p class="legenda">"Geheim: een aantal van 0 tot en met 7, niet gepubliceerd om te voorkomen dat personen herkenbaar zijn. n.b.: niet beschikbaar of niet openbaar gemaakt."</p>
                    {(!m.inconsistencies.is_empty()).then(|| view! {
                        <div class="inconsistenties">
                            <h3>"Waar de bron zichzelf tegenspreekt"</h3>
                            <ul>{m.inconsistencies.iter().map(|i| view! { <li>{i.clone()}</li> }).collect::<Vec<_>>()}</ul>
                        </div>
                    })}
                    {(!m.how.is_empty() && !m.embed).then(|| view! {
                        <details class="hoe-berekend">
                            <summary>"Hoe berekend"</summary>
                            <ul>{m.how.iter().map(|h| view! { <li>{h.clone()}</li> }).collect::<Vec<_>>()}</ul>
                        </details>
                    })}
                </section>
            })}
            <Downloads table=table model=model/>
            {if embed {
                view! { <p class="naar-monitor"><a href=move || model.with(|m| m.full_view.clone()) target="_blank" rel="noopener">"Bekijk in de monitor"</a></p> }.into_any()
            } else {
                view! { <EmbedCode state=state title=embed_title/> }.into_any()
            }}
        </article>
    }
}

/// The chosen gemeente next to the reference: difference, index and rank.
#[component]
fn Comparison(model: ComparisonModel) -> impl IntoView {
    let frame_label = model.caption.clone();
    view! {
        <TableFrame label=frame_label class="vergelijking">
            <table class="cijfers">
                <caption>{model.caption}</caption>
                <thead><tr>
                    <th scope="col">"Cijfer"</th>
                    <th scope="col">{model.name}</th>
                    <th scope="col">{model.difference_header}</th>
                    <th scope="col">{model.index_header}</th>
                    <th scope="col">"Rang (1 = hoogste)"</th>
                </tr></thead>
                <tbody>
                    {model.rows.into_iter().map(|r| view! {
                        <tr><th scope="row">{r.label}</th><td class="getal">{r.value}</td><td class="getal">{r.difference}</td><td class="getal">{r.index}</td><td class="getal">{r.rank}</td></tr>
                    }).collect::<Vec<_>>()}
                </tbody>
            </table>
        </TableFrame>
    }
}
