//! Compare two or more gemeenten side by side, table by table. The choice is a plain GET form,
//! so the result is a link like every other view.

use super::{all_tables, region, with_datasets};
use crate::core::model::Manifest;
use crate::core::view::ViewState;
use crate::core::{compare, grid};
use crate::ui::chart::ChartView;
use crate::ui::table::DataTable;
use leptos::prelude::*;

#[component]
pub fn ComparePage(manifest: Manifest, state: ViewState) -> impl IntoView {
    let Some(region) = region(&manifest, &state).cloned() else { return ().into_any() };
    let chosen: Vec<String> = state.gemeenten.iter().filter(|g| region.gemeenten.contains(g)).cloned().collect();
    let m = manifest.clone();
    let r = region.clone();
    let form = view! {
        <form method="get" class="vergelijk-keuze">
            <input type="hidden" name="pagina" value="vergelijk"/>
            {state.region.clone().map(|id| view! { <input type="hidden" name="regio" value=id/> })}
            <fieldset>
                <legend>"Kies twee of meer gemeenten"</legend>
                {region.gemeenten.iter().map(|g| {
                    let id = format!("kies-{g}");
                    view! {
                        <div class="keuzevak">
                            <input type="checkbox" id=id.clone() name="gemeenten" value=g.clone() checked=chosen.contains(g)/>
                            <label for=id>{manifest.area_name(g)}</label>
                        </div>
                    }
                }).collect::<Vec<_>>()}
            </fieldset>
            <button type="submit">"Vergelijk"</button>
        </form>
    };
    view! {
        <h1>"Gemeenten vergelijken"</h1>
        {form}
        {(chosen.len() >= 2).then(|| with_datasets(manifest.clone(), Some(region.id.clone()), None, move |sets| {
            let mut order = chosen.clone();
            order.extend(r.reference.iter().cloned());
            let tables = all_tables(&sets);
            let panels = compare::panels(&tables, &m, &chosen, r.reference.as_deref());
            let charts = (!panels.is_empty()).then(|| view! {
                <section aria-labelledby="vergelijk-grafieken">
                    <h2 id="vergelijk-grafieken">"In één oogopslag"</h2>
                    <ul class="klein-veelvoud">
                        {panels.into_iter().map(|p| {
                            let text_id = format!("vergelijk-tekst-{}", p.table);
                            let label = format!("Grafiek: {}", p.title);
                            view! {
                                <li>
                                    <h3>{p.title.clone()}</h3>
                                    <p class="klein">{p.period_label.clone()}</p>
                                    <ChartView option=p.chart.0.clone() height=p.chart.1 label=label described_by=text_id.clone()/>
                                    <p class="visueel-verborgen" id=text_id>{p.text.clone()}</p>
                                </li>
                            }
                        }).collect::<Vec<_>>()}
                    </ul>
                </section>
            });
            let tables = tables
                .into_iter()
                .filter(|t| t.categories.is_empty() && chosen.iter().filter(|g| t.values.iter().any(|v| v.key.area == **g)).count() >= 2)
                .map(|t| {
                    let g = grid::build(t, &m, None, Some(&order));
                    let caption = match &g.period_label {
                        Some(p) if !t.title.contains(p.as_str()) => format!("{} — {p}", t.title),
                        _ => t.title.clone(),
                    };
                    view! { <section class="vergelijk"><DataTable grid=g caption=caption/></section> }
                })
                .collect::<Vec<_>>();
            view! {
                {charts}
                <h2>"Alle cijfers in tabellen"</h2>
                {tables}
            }
        }))}
    }
    .into_any()
}
