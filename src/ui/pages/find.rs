//! Find indicators by a word, across every region of the monitor.

use super::with_files;
use crate::core::model::view_state::Page;
use crate::core::pages::{find, site};
use crate::ui::statements::FoundStatements;
use crate::ui::store::use_store;
use leptos::prelude::*;

#[component]
pub fn FindPage() -> impl IntoView {
    let store = use_store();
    let manifest = store.manifest();
    let state = store.view.state.get_untracked();
    let query = state.query.clone().unwrap_or_default();
    let (action, hidden) = site::form_target(&state, Page::Find);
    view! {
        <h1>"Zoeken in alle cijfers"</h1>
        <form method="get" role="search" class="zoeken" action=action>
            // The reader's gemeente stays chosen through the search (issue 23).
            {hidden.into_iter().map(|(name, value)| view! { <input type="hidden" name=name value=value/> }).collect::<Vec<_>>()}
            <label for="zoekterm">"Zoek op een woord, bijvoorbeeld "<em>"bijstand"</em>" of "<em>"verblijf"</em></label>
            <div class="zoekregel">
                <input type="search" id="zoekterm" name="zoek" value=query.clone() autocomplete="off"/>
                <button type="submit">"Zoeken"</button>
            </div>
        </form>
        {(!query.trim().is_empty()).then(|| with_files(move |sets| {
            let (status, hits) = find::search(&sets, &manifest, &state);
            let better = hits.is_empty().then(|| find::suggestion(&sets, &state)).flatten();
            view! {
                <p role="status">{status}{better.map(|l| view! { " Bedoelt u "<a href=l.href>{l.label}</a>"?" })}</p>
                <ul class="zoekresultaten">{hits.into_iter().map(|h| view! { <li><a href=h.href>{h.title}</a><br/><span class="klein">{h.meta}</span></li> }).collect::<Vec<_>>()}</ul>
                <FoundStatements sets=sets.clone() query=query.clone()/>
            }
        }))}
    }
}
