//! The indicator view: renders the core's `IndicatorModel` (title, marks, summary, choices,
//! chart, data table, comparison, note, source, "hoe berekend"). The model is a `Memo` of the
//! view state, so a new gemeente, period or chart/table choice updates the view in place; the
//! chart stays one ECharts instance that gets the new option.

use super::chart::ChartView;
use super::lazy::LazyShare;
use super::map::{MapChart, MapChoice};
use super::notices::use_notices;
use super::pages::NavItem;
use super::store::{use_store, TableRef};
use super::table::{DataTable, TableFrame};
use super::words::PlainWordsView;
use crate::core::model::view_state::ViewState;
use crate::core::pages::indicator::{self, ComparisonModel, IndicatorModel};
use crate::core::pages::words;
use crate::core::present::plain_words;
use crate::core::present::remarks::Contradiction;
use leptos::prelude::*;

#[component]
pub fn IndicatorView(
    table: TableRef,
    /// 1 on the indicator page, 2 where the view is part of a larger page.
    #[prop(default = 2)]
    heading_level: u8,
    /// The contradictions between text and tables that touch the table (`core::remarks`), which
    /// the page lists and every download and the embed carry.
    #[prop(optional)]
    contradictions: Vec<Contradiction>,
) -> impl IntoView {
    let store = use_store();
    let manifest = store.manifest();
    // The view state as this view shows it, tracking only the slices that change within a page
    // (gemeente, period, chart or table; the rest rebuilds the page): the gemeente only when it
    // belongs to the region.
    let view = store.view;
    // The map's measure (`maat`) changes in place too: without it, "Welk cijfer op de kaart"
    // changed the address but not the map.
    let measure = Memo::new(move |_| view.state.with(|s| s.measure.clone()));
    let state = Memo::new(move |_| {
        let (gemeente, period, display) = (view.gemeente.get(), view.period.get(), view.display.get());
        let region = view.region.get();
        let mut state = ViewState { period, display, measure: measure.get(), ..view.state.get_untracked() };
        state.gemeente = gemeente.filter(|g| region.as_ref().is_some_and(|r| r.gemeenten.contains(g)));
        state
    });
    let shown = table.clone();
    let model: Memo<IndicatorModel> = Memo::new(move |_| {
        let reference = store.view.region.with(|r| r.as_ref().and_then(|r| r.reference.clone()));
        let region = store.view.region.with(|r| r.as_ref().map(|r| r.id.clone()));
        state.with(|s| {
            let place = (reference.as_deref(), region.as_deref());
            let mut m = indicator::indicator_with(&shown, &manifest, s, place, &contradictions);
            words::add(&mut m, &shown, std::slice::from_ref(shown.dataset()));
            m
        })
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
    let notices = use_notices();
    let titled = table.clone();
    let title_manifest = store.manifest();
    Effect::new(move |_| state.with(|s| notices.tab_title(&title_manifest, s, Some(&titled))));
    if embed {
        return view! { <CompactView model=model chart=chart show_chart=show_chart summary_id=summary_id heading=heading title_id=title_id/> }.into_any();
    }
    view! {
        <article class="indicator" aria-labelledby=title_id>
            {heading}
            <IndicatorHead model=model/>
            // Only `show_chart` may be read here: anything else read in this closure would build a
            // new ChartView (and a new ECharts instance) on every gemeente or period change.
            {move || show_chart.get().then(|| view! {
                <ChartView chart=chart described_by=summary_id/>
                // On paper the source goes directly under the chart (style/main.css, print).
                <p class="alleen-print bron-onder-grafiek">{move || model.with(|m| m.compact.source.clone())}</p>
            })}
            {move || model.with(|m| m.map.clone().map(|v| {
                let label = format!("Kaart: {}", m.title);
                view! { <MapChoice links=m.map_measures.clone()/><MapChart view=v label=label/> }
            }))}
            {move || model.with(|m| view! {
                <DataTable grid=m.grid.clone() caption=m.caption.clone() focus=m.focus.clone() ranked=m.ranked.clone()/>
                {m.comparison.clone().filter(|_| !m.embed).map(|c| view! { <Comparison model=c/> })}
                <section class="toelichting" aria-label="Toelichting en bron">
                    {m.remarks.note.clone().map(|n| view! { <p><strong>"Toelichting: "</strong>{n}</p> })}
                    {m.remarks.footnotes.iter().map(|d| view! { <p class="definitie">{d.clone()}</p> }).collect::<Vec<_>>()}
                    <p class="bron"><strong>"Bron: "</strong>{m.source.clone()}</p>
                    {m.publication.clone().map(|s| view! { <p class="publicatie">"Overgenomen uit: "{s}"."</p> })}
                    {m.provisional_legend.clone().map(|l| view! { <p class="legenda legenda-voorlopig">{l}</p> })}
                    <p class="legenda">"Geheim: een aantal van 0 tot en met 7, niet gepubliceerd om te voorkomen dat personen herkenbaar zijn. n.b.: niet beschikbaar of niet openbaar gemaakt."</p>
                    {(!m.remarks.inconsistencies.is_empty()).then(|| view! {
                        <div class="inconsistenties">
                            <h3>"Waar de bron zichzelf tegenspreekt"</h3>
                            <ul>{m.remarks.inconsistencies.iter().map(|i| view! { <li>{i.clone()}</li> }).collect::<Vec<_>>()}</ul>
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
            <LazyShare table=table model=model state=state title=embed_title/>
            <PrintAddress/>
        </article>
    }
    .into_any()
}

/// The indicator's head: marks, the report's title, the age of the figures, the summary, the
/// page's words and the period and view choices.
#[component]
fn IndicatorHead(model: Memo<IndicatorModel>) -> impl IntoView {
    view! {
        {move || model.with(|m| view! {
            <p class="kenmerken">
                {m.provisional.then(|| view! { <span class="badge voorlopig">"Voorlopige cijfers"</span> })}
                {m.period_label.clone().map(|p| view! { <span class="badge">{p}</span> })}
            </p>
            {m.words.report_title.clone().map(|t| view! { <p class="in-rapport">{plain_words::in_report(&t)}</p> })}
            {m.age.clone().map(|a| view! { <p class="klein leeftijd-cijfer">{a}</p> })}
            <p class="samenvatting" id=m.summary_id.clone()>{m.summary.clone()}</p>
            <PlainWordsView words=m.words.clone()/>
            {(!m.periods.is_empty() && !m.embed).then(|| view! {
                <nav class="keuze" aria-label="Periode">
                    {m.periods.iter().cloned().map(|l| view! { <NavItem link=l/> }).collect::<Vec<_>>()}
                </nav>
            })}
            {(!m.embed).then(|| view! {
                <nav class="keuze weergave" aria-label="Weergave">
                    <NavItem link=m.chart_link.clone()/>
                    <NavItem link=m.table_link.clone()/>
                    {m.map_link.clone().map(|l| view! { <NavItem link=l/> })}
                </nav>
            })}
        })}
    }
}

/// The compact embed (`embed=1`): title, one sentence, the chart or the table, source, licence
/// and a link back to the full view (table, notes, downloads) in a new tab.
#[component]
fn CompactView(
    model: Memo<IndicatorModel>,
    chart: Memo<crate::core::pages::indicator::ChartModel>,
    show_chart: Memo<bool>,
    summary_id: Memo<String>,
    heading: AnyView,
    title_id: String,
) -> impl IntoView {
    view! {
        <article class="indicator compact" aria-labelledby=title_id>
            {heading}
            {move || model.with(|m| view! {
                {m.period_label.clone().filter(|p| !m.title.contains(p.as_str())).map(|p| view! { <p class="kenmerken"><span class="badge">{p}</span></p> })}
                <p class="samenvatting" id=m.summary_id.clone()>{m.compact.sentence.clone()}</p>
                // The whole summary stays the chart's accessible description.
                <p class="visueel-verborgen" id=format!("{}-volledig", m.summary_id)>{m.summary.clone()}</p>
            })}
            {move || if show_chart.get() {
                let full = Memo::new(move |_| format!("{}-volledig", summary_id.get()));
                view! { <ChartView chart=chart described_by=full/> }.into_any()
            } else {
                model.with(|m| view! {
                    <div class=if m.compact.list_table { "als-lijst" } else { "" }>
                        <DataTable grid=m.grid.clone() caption=m.caption.clone() ranked=m.ranked.clone()/>
                    </div>
                }).into_any()
            }}
            {move || model.with(|m| view! {
                <div class="embed-voet">
                    <p class="bron">{m.compact.source.clone()}</p>
                    {m.provisional.then(|| view! { <p class="voorlopig">"Voorlopige cijfers."</p> })}
                    {(!m.compact.remarks.is_empty()).then(|| view! {
                        <details class="embed-opmerkingen">
                            <summary>"Toelichting en tegenspraak in de bron"</summary>
                            <ul>{m.compact.remarks.iter().map(|r| view! { <li>{r.clone()}</li> }).collect::<Vec<_>>()}</ul>
                        </details>
                    })}
                    <p class="licentie">"Licentie: "<a href=m.compact.licence_url target="_blank" rel="noopener license">{m.compact.licence}</a>" · Monitor Sociaal Domein"</p>
                    <p class="naar-monitor"><a href=m.full_view.clone() target="_blank" rel="noopener">{m.compact.more}</a></p>
                </div>
            })}
        </article>
    }
}

/// On paper only: the address of the view and the date it was printed.
#[component]
fn PrintAddress() -> impl IntoView {
    let store = use_store();
    let address = move || {
        let provenance = super::share::provenance(&store.view.state.get());
        format!("Adres: {} · Afgedrukt op {}", provenance.url, crate::core::present::export::date_nl(&provenance.date))
    };
    view! { <p class="alleen-print afdruk-adres">{address}</p> }
}

/// The chosen gemeente next to the reference: difference, index and rank.
#[component]
fn Comparison(model: ComparisonModel) -> impl IntoView {
    let frame_label = model.caption.clone();
    let note = model.note.clone();
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
        {note.map(|n| view! { <p class="klein vergelijking-noot">{n}</p> })}
    }
}
