//! The chooser for many gemeenten (`core::pages::chooser`, issue 25) and the CBS list of every
//! gemeente (`geo/gemeenten.json`, issue 27), fetched once, only where a compact chooser or the
//! compare page of a large region needs it: then the full list is grouped by province, the
//! chosen gemeente's neighbours are quick choices, and a merged gemeente ("Weesp") is explained.

use super::NavItem;
use crate::core::model::gemeenten::Gemeenten;
use crate::core::pages::{chooser, NavLink};
use crate::ui::store::use_store;
use gloo_net::http::Request;
use leptos::prelude::*;
use std::cell::RefCell;
use std::sync::Arc;

/// Where the list lives, relative to `index.html`.
const KNOWN_FILE: &str = "geo/gemeenten.json";

thread_local! {
    static KNOWN: RefCell<Option<Arc<Gemeenten>>> = const { RefCell::new(None) };
}

/// Every CBS gemeente of every year: `None` until `geo/gemeenten.json` is in (fetched on the
/// first call, then kept); stays `None` when it cannot be had (the chooser works without it).
pub(super) fn use_known() -> RwSignal<Option<Arc<Gemeenten>>> {
    let known = RwSignal::new(KNOWN.with(|k| k.borrow().clone()));
    if known.get_untracked().is_none() {
        leptos::task::spawn_local(async move {
            let text = match Request::get(KNOWN_FILE).send().await {
                Ok(r) if r.ok() => r.text().await.ok(),
                _ => None,
            };
            match text.map(|t| crate::core::read::gemeenten::gemeenten(&t)) {
                Some(Ok(g)) => {
                    let g = Arc::new(g);
                    KNOWN.with(|k| *k.borrow_mut() = Some(g.clone()));
                    known.try_set(Some(g));
                }
                Some(Err(e)) => leptos::logging::warn!("{e}"),
                None => leptos::logging::warn!("de lijst van gemeenten kon niet worden geladen"),
            }
        });
    }
    known
}

/// The chooser for many gemeenten; the form is handled here without a reload, keeping the rest
/// of the view; a name that is no gemeente gets its message next to the field.
#[component]
pub fn CompactKeuze(links: Vec<NavLink>) -> impl IntoView {
    let store = use_store();
    let known = use_known();
    let model = Memo::new(move |_| {
        let k = known.get();
        store.view.state.with_untracked(|s| {
            store.view.region.with_untracked(|r| {
                r.as_ref().map(|r| match k.as_deref() {
                    Some(k) => chooser::compact_with(r, s, links.clone(), k),
                    None => chooser::compact(r, s, links.clone()),
                })
            })
        })
    });
    let Some(c) = model.get_untracked() else { return ().into_any() };
    let notices = crate::ui::notices::use_notices();
    let manifest = store.manifest();
    let field = NodeRef::<leptos::html::Input>::new();
    let miss = RwSignal::new(None::<chooser::Miss>);
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let typed = field.get().map(|f| f.value()).unwrap_or_default();
        let state = store.view.state.get_untracked();
        let Some(region) = store.view.region.get_untracked() else { return };
        let k = known.get_untracked();
        match chooser::choose(&manifest, &region, &state, &typed, k.as_deref()) {
            Ok(next) => {
                miss.set(None);
                if let Some(f) = field.get() {
                    f.set_value("");
                }
                notices.go(next);
            }
            Err(m) => miss.set(Some(m)),
        }
    };
    let hidden = c.hidden.into_iter().map(|(n, v)| view! { <input type="hidden" name=n value=v/> }).collect::<Vec<_>>();
    let names = c.names.into_iter().map(|n| view! { <option value=n></option> }).collect::<Vec<_>>();
    let quick = move || {
        model.get().map(|c| c.quick.into_iter().map(|l| view! { <li><NavItem link=l/></li> }).collect::<Vec<_>>())
    };
    let groups = move || {
        model.get().map(|c| {
            let class = if c.by_province { "provincie" } else { "letter" };
            c.groups
                .into_iter()
                .map(|(title, links)| {
                    view! {
                        <div class=class><p class="label">{title}</p>
                        <ul>{links.into_iter().map(|l| view! { <li><NavItem link=l/></li> }).collect::<Vec<_>>()}</ul></div>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let message = move || {
        miss.get().map(|m| {
            let better = store.view.state.with_untracked(|s| chooser::suggestion_link(s, &m));
            view! { {m.message}{better.map(|l| view! { " Bedoelt u "<a href=l.href>{l.label}</a>"?" })} }
        })
    };
    view! {
        <div class="gemeente-keuze compact">
            <nav aria-label="Kies een gemeente">
                <p class="label">"Gemeente:"</p>
                <ul>{quick}</ul>
            </nav>
            <form method="get" class="gemeente-zoek" action=c.action on:submit=submit>
                {hidden}
                <label for="gemeente-veld">"Zoek een gemeente (naam of CBS-code)"</label>
                <div class="zoekregel">
                    <input type="text" id="gemeente-veld" name="gemeente" list="gemeente-namen" autocomplete="off" aria-describedby="gemeente-melding" node_ref=field/>
                    <button type="submit">"Kies"</button>
                </div>
                <datalist id="gemeente-namen">{names}</datalist>
                <p id="gemeente-melding" class="melding" role="status">{message}</p>
            </form>
            <details class="alle-gemeenten">
                <summary>{c.summary}</summary>
                <nav aria-label="Alle gemeenten">{groups}</nav>
            </details>
        </div>
    }
    .into_any()
}
