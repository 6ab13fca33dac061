//! The app shell: skip link, header, main, footer, and the one-page navigation.
//!
//! All view state lives in the query string. Links are real `<a href="?…">` elements; a plain
//! click is handled here with `history.pushState` (no reload), and back/forward re-read the URL.

use super::data;
use super::pages::{region, BenchmarkPage, ComparePage, FindPage, HomePage, IndicatorPage, LoadFailed, ProfilePage, ThemePage};
use crate::core::model::Manifest;
use crate::core::view::{Page, ViewState};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn current_query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

#[component]
pub fn App() -> impl IntoView {
    let state = RwSignal::new(ViewState::parse(&current_query()));
    let _ = window_event_listener(ev::popstate, move |_| state.set(ViewState::parse(&current_query())));
    let _ = window_event_listener(ev::click, move |e| follow_link(e, state));
    let manifest = LocalResource::new(data::manifest);
    move || match manifest.get() {
        None => view! { <p class="laden" role="status">"De monitor wordt geladen…"</p> }.into_any(),
        Some(Err(e)) => view! {
            <main id="inhoud"><LoadFailed error=e retry=Callback::new(move |_| manifest.refetch())/></main>
        }
        .into_any(),
        Some(Ok(m)) => view! { <Shell manifest=m state=state/> }.into_any(),
    }
}

/// Handles a plain left click on an in-page link (`href="?…"`) without reloading the page.
fn follow_link(e: ev::MouseEvent, state: RwSignal<ViewState>) {
    if e.default_prevented() || e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() {
        return;
    }
    let Some(a) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|el| el.closest("a[href]").ok().flatten()) else {
        return;
    };
    let href = a.get_attribute("href").unwrap_or_default();
    if !href.starts_with('?') || a.has_attribute("target") || a.has_attribute("download") {
        return;
    }
    e.prevent_default();
    let Some(window) = web_sys::window() else { return };
    if let Ok(history) = window.history() {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href)).ok();
    }
    state.set(ViewState::parse(&href));
    window.scroll_to_with_x_and_y(0.0, 0.0);
    // Move focus to the new content so keyboard and screen reader users land on it.
    if let Some(main) = window.document().and_then(|d| d.get_element_by_id("inhoud")) {
        if let Ok(el) = main.dyn_into::<web_sys::HtmlElement>() {
            el.focus().ok();
        }
    }
}

#[component]
fn Shell(manifest: Manifest, state: RwSignal<ViewState>) -> impl IntoView {
    // Embedded in another site: only the view itself, no site navigation.
    if state.get_untracked().embed {
        let m = manifest.clone();
        return view! {
            <main id="inhoud" class="ingesloten">
                {move || { let s = state.get(); view! { <IndicatorPage manifest=m.clone() state=s/> } }}
            </main>
        }
        .into_any();
    }
    let m = manifest.clone();
    let header_manifest = manifest.clone();
    view! {
        <a class="skiplink" href="#inhoud">"Naar de inhoud"</a>
        <header class="kop">
            <a class="merk" href="?">"Monitor Sociaal Domein"</a>
            <nav aria-label="Regio's">
                <ul>
                    {move || {
                        let s = state.get();
                        let current = region(&header_manifest, &s).map(|r| r.id.clone());
                        header_manifest.regions.iter().map(|r| {
                            let href = ViewState { region: Some(r.id.clone()), ..ViewState::default() }.href();
                            let here = current.as_deref() == Some(r.id.as_str());
                            view! { <li><a href=href aria-current=here.then_some("true")>{r.name.clone()}</a></li> }
                        }).collect::<Vec<_>>()
                    }}
                </ul>
            </nav>
        </header>
        <main id="inhoud" tabindex="-1">
            {move || {
                let s = state.get();
                let m = m.clone();
                match s.page {
                    Page::Indicator => view! { <IndicatorPage manifest=m state=s/> }.into_any(),
                    Page::Theme => view! { <ThemePage manifest=m state=s/> }.into_any(),
                    Page::Benchmark => view! { <BenchmarkPage/> }.into_any(),
                    Page::Profile => view! { <ProfilePage manifest=m state=s/> }.into_any(),
                    Page::Compare => view! { <ComparePage manifest=m state=s/> }.into_any(),
                    Page::Find => view! { <FindPage manifest=m state=s/> }.into_any(),
                    _ => view! { <HomePage manifest=m state=s/> }.into_any(),
                }
            }}
        </main>
        <footer class="voet">
            <p>"Monitor Sociaal Domein — open cijfers over jeugdhulp, Participatiewet en Wmo. Deze website gebruikt geen cookies en laadt niets van andere websites."</p>
        </footer>
    }
    .into_any()
}
