//! Compare two or more gemeenten side by side, table by table. The choice is a plain GET form,
//! so the result is a link like every other view.

use super::keuze::use_known;
use super::with_files;
use crate::core::model::view_state::{Page, ViewState};
use crate::core::model::{Manifest, Region};
use crate::core::pages::{chooser, compare, compare_pick, site};
use crate::ui::dashboard::SmallChart;
use crate::ui::map::{MapChart, MapChoice};
use crate::ui::pages::NavItem;
use crate::ui::store::use_store;
use crate::ui::table::DataTable;
use leptos::prelude::*;

#[component]
pub fn ComparePage() -> impl IntoView {
    let store = use_store();
    let manifest = store.manifest();
    let Some(region) = store.view.region.get_untracked() else { return ().into_any() };
    // A one-gemeente monitor has nothing to compare side by side (issue 15).
    if !crate::core::pages::council::compare_offered(&region) {
        return view! {
            <h1>"Gemeenten vergelijken"</h1>
            <p>{format!("{} heeft één gemeente. Op de pagina van elk cijfer staat de vergelijking met het referentiegebied, als de bron dat cijfer geeft.", region.name)}</p>
        }
        .into_any();
    }
    let state = store.view.state.get_untracked();
    // Charts or map, and the map's figure, change in place (not in the page key).
    let glance = Memo::new(move |_| store.view.state.with(|s| (s.display, s.measure.clone())));
    let enough = compare::chosen(&region, &state).len() >= 2;
    let form = if region.gemeenten.len() > compare_pick::CHECKBOXES_UP_TO {
        view! { <Picker/> }.into_any()
    } else {
        checkboxes(&manifest, &region, &state).into_any()
    };
    view! {
        <h1>"Gemeenten vergelijken"</h1>
        {form}
        {enough.then(|| with_files(move |sets| {
            let tables = site::all_tables(&sets);
            if let Some(why) = compare::nothing_to_compare(&tables, &manifest, &region, &state) {
                return view! { <p>{why}</p> }.into_any();
            }
            let panels = compare::panels(&tables, &manifest, &region, &state);
            let grids = compare::tables(&tables, &manifest, &region, &state);
            let panels_empty = panels.is_empty();
            let (manifest, region, state) = (manifest.clone(), region.clone(), state.clone());
            let glance_view = move || {
                let (display, measure) = glance.get();
                let state = ViewState { display, measure, ..state.clone() };
                let tables = site::all_tables(&sets);
                let views = compare::glance_views(&tables, &manifest, &region, &state, &panels);
                let map = compare::map(&tables, &manifest, &region, &state, &panels);
                view! {
                    {(!views.is_empty()).then(|| view! {
                        <nav class="keuze weergave" aria-label="Weergave">
                            {views.into_iter().map(|l| view! { <NavItem link=l/> }).collect::<Vec<_>>()}
                        </nav>
                    })}
                    {match map {
                        Some(m) => compare_map(m).into_any(),
                        None => small_multiples(&panels).into_any(),
                    }}
                }
            };
            view! {
                {(!panels_empty).then(|| view! {
                    <section aria-labelledby="vergelijk-grafieken">
                        <h2 id="vergelijk-grafieken">"In één oogopslag"</h2>
                        {glance_view}
                    </section>
                })}
                <h2>"Alle cijfers in tabellen"</h2>
                {grids.into_iter()
                    .map(|(grid, caption)| view! { <section class="vergelijk"><DataTable grid=grid caption=caption/></section> })
                    .collect::<Vec<_>>()}
            }
            .into_any()
        }))}
    }
    .into_any()
}

/// The charts at a glance: one small chart per indicator.
fn small_multiples(panels: &[compare::Panel]) -> impl IntoView {
    view! {
        <ul class="klein-veelvoud">
            {panels.iter().map(|p| {
                let text_id = format!("vergelijk-tekst-{}", p.table);
                view! {
                    <li>
                        <h3>{p.title.clone()}</h3>
                        <p class="klein">{p.period_label.clone()}</p>
                        <SmallChart option=p.chart.0.clone() height=p.chart.1 label=format!("Grafiek: {}", p.title) described_by=text_id.clone()/>
                        <p class="visueel-verborgen" id=text_id>{p.text.clone()}</p>
                    </li>
                }
            }).collect::<Vec<_>>()}
        </ul>
    }
}

/// One figure on the map of the region, the compared gemeenten outlined, with its table.
fn compare_map(m: compare::CompareMap) -> impl IntoView {
    let label = format!("Kaart: {}", m.title);
    let choices = (!m.choices.is_empty()).then(|| {
        view! {
            <details class="meer kaart-keuze" open=m.choices_open>
                <summary>"Ander cijfer op de kaart"</summary>
                <MapChoice links=m.choices/>
            </details>
        }
    });
    view! {
        <h3>{m.title}</h3>
        <p class="klein">{m.period_label}</p>
        <MapChart view=m.view label=label/>
        {choices}
        <DataTable grid=m.grid caption=m.caption focus=m.focus/>
    }
}

/// One checkbox per gemeente (a region of a few gemeenten): a plain GET form.
fn checkboxes(manifest: &Manifest, region: &Region, state: &ViewState) -> impl IntoView {
    let options = compare::options(manifest, region, state);
    let (action, hidden) = site::form_target(state, Page::Compare);
    view! {
        <form method="get" class="vergelijk-keuze" action=action>
            {hidden.into_iter().map(|(name, value)| view! { <input type="hidden" name=name value=value/> }).collect::<Vec<_>>()}
            <fieldset>
                <legend>"Kies twee of meer gemeenten"</legend>
                {options.into_iter().map(|o| view! {
                    <div class="keuzevak">
                        <input type="checkbox" id=o.id.clone() name="gemeenten" value=o.code checked=o.checked/>
                        <label for=o.id>{o.name}</label>
                    </div>
                }).collect::<Vec<_>>()}
            </fieldset>
            <button type="submit">"Vergelijk"</button>
        </form>
    }
}

/// The choice among many gemeenten (issue 25): a field that adds a gemeente (suggestions, a
/// typed name, alternative name or CBS code; a merged gemeente explained), the chosen ones as
/// links that remove them, the last one's neighbours as quick additions. Works as a GET form
/// without the app too (the typed value is then added as given).
#[component]
fn Picker() -> impl IntoView {
    let store = use_store();
    let manifest = store.manifest();
    let known = use_known();
    let Some(region) = store.view.region.get_untracked() else { return ().into_any() };
    let state = store.view.state.get_untracked();
    let model = {
        let (manifest, region, state) = (manifest.clone(), region.clone(), state.clone());
        Memo::new(move |_| known.with(|k| compare_pick::picker(&manifest, &region, &state, k.as_deref())))
    };
    let notices = crate::ui::notices::use_notices();
    let field = NodeRef::<leptos::html::Input>::new();
    let miss = RwSignal::new(None::<chooser::Miss>);
    let submit = {
        let (region, state) = (region.clone(), state.clone());
        move |e: leptos::ev::SubmitEvent| {
            e.prevent_default();
            let typed = field.get().map(|f| f.value()).unwrap_or_default();
            match compare_pick::add(&manifest, &region, &state, &typed, known.get_untracked().as_deref()) {
                Ok(next) => {
                    miss.set(None);
                    notices.go(next);
                }
                Err(m) => miss.set(Some(m)),
            }
        }
    };
    let (action, mut hidden) = site::form_target(&state, Page::Compare);
    let base = model.get_untracked();
    hidden.extend(compare::chosen(&region, &state).into_iter().map(|c| ("gemeenten", c)));
    let message = move || {
        miss.get().map(|m| {
            let better = store.view.state.with_untracked(|s| {
                chooser::suggestion_link(s, &m).and_then(|l| {
                    let code = ViewState::parse_href(&l.href).gemeente?;
                    let mut s = s.clone();
                    s.gemeenten.push(code);
                    Some(crate::core::pages::NavLink { href: s.href(), ..l })
                })
            });
            view! { {m.message}{better.map(|l| view! { " Bedoelt u "<a href=l.href>{l.label}</a>"?" })} }
        })
    };
    let chosen =
        move || {
            model.get().chosen.into_iter().map(|l| {
            let remove = format!("{} weghalen", l.label);
            view! { <li><span>{l.label}</span>" "<a href=l.href aria-label=remove title="weghalen">"×"</a></li> }
        }).collect::<Vec<_>>()
        };
    let quick = move || {
        let q = model.get().quick;
        (!q.is_empty()).then(|| view! {
            <nav class="vergelijk-snel" aria-label="Voeg een gemeente in de buurt toe">
                <p class="label">"Ook vergelijken met:"</p>
                <ul>{q.into_iter().map(|l| view! { <li><a href=l.href>"+ "{l.label}</a></li> }).collect::<Vec<_>>()}</ul>
            </nav>
        })
    };
    view! {
        <div class="vergelijk-kiezer">
            <p class="vergelijk-status">{move || model.get().status}</p>
            <ul class="gekozen" aria-label="Gekozen gemeenten">{chosen}</ul>
            <form method="get" class="gemeente-zoek" action=action on:submit=submit>
                {hidden.into_iter().map(|(name, value)| view! { <input type="hidden" name=name value=value/> }).collect::<Vec<_>>()}
                <label for="vergelijk-veld">"Voeg een gemeente toe (naam of CBS-code)"</label>
                <div class="zoekregel">
                    <input type="text" id="vergelijk-veld" name="gemeenten" list="vergelijk-namen" autocomplete="off" aria-describedby="vergelijk-melding" node_ref=field/>
                    <button type="submit">"Voeg toe"</button>
                </div>
                <datalist id="vergelijk-namen">{base.names.into_iter().map(|n| view! { <option value=n></option> }).collect::<Vec<_>>()}</datalist>
                <p id="vergelijk-melding" class="melding" role="status">{message}</p>
            </form>
            {quick}
        </div>
    }
    .into_any()
}
