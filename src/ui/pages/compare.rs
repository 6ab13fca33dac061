//! Compare two or more gemeenten side by side, table by table. The choice is a plain GET form,
//! so the result is a link like every other view.

use super::with_files;
use crate::core::pages::{compare, site};
use crate::ui::store::use_store;
use crate::ui::table::DataTable;
use leptos::prelude::*;

#[component]
pub fn ComparePage() -> impl IntoView {
    let store = use_store();
    let manifest = store.manifest();
    let Some(region) = store.view.region.get_untracked() else { return ().into_any() };
    let state = store.view.state.get_untracked();
    let options = compare::options(&manifest, &region, &state);
    let enough = compare::chosen(&region, &state).len() >= 2;
    let form = view! {
        <form method="get" class="vergelijk-keuze">
            <input type="hidden" name="pagina" value="vergelijk"/>
            {state.region.clone().map(|id| view! { <input type="hidden" name="regio" value=id/> })}
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
    };
    view! {
        <h1>"Gemeenten vergelijken"</h1>
        {form}
        {enough.then(|| with_files(move |sets| {
            compare::tables(&site::all_tables(&sets), &manifest, &region, &state)
                .into_iter()
                .map(|(grid, caption)| view! { <section class="vergelijk"><DataTable grid=grid caption=caption/></section> })
                .collect::<Vec<_>>()
        }))}
    }
    .into_any()
}
