//! The app shell: skip link, header, main, footer, and the one-page navigation.
//!
//! All view state lives in the address: the page's file and its query (`ui::address`). Links
//! are real `<a href>` elements to the baked pages; a plain click on one is handled here with
//! `history.pushState` (no reload), and back/forward re-read the address.

use super::address;
use super::chart::ChartsDrawn;
use super::data;
use super::lazy::{prefetch_likely_pages, LazyPage};
use super::notices::{LinkNotices, Notices};
use super::pages::{HomePage, LoadFailed, NavItem};
use super::store::Store;
use crate::core::model::problem::Problem;
use crate::core::model::problem::Skipped;
use crate::core::model::view_state::{is_app_link, Page, ViewState, COUNCIL_PAGE};
use crate::core::model::Manifest;
use crate::core::pages::council;
use crate::core::pages::site;
use crate::core::read::config::Config;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn App() -> impl IntoView {
    address::set_base();
    let state = RwSignal::new(address::current_view());
    address::show_canonical(&state.get_untracked());
    to_council_page(&state.get_untracked());
    let _ = window_event_listener(ev::popstate, move |_| state.set(address::current_view()));
    let _ = window_event_listener(ev::click, move |e| follow_link(e, state));
    // The manifest and the council's config.json, which may hide regions and set defaults.
    // A broken manifest never stops the site (issue 15): what it loses is in `skipped`. Only a
    // manifest that cannot be fetched stops it, with a retry (and the council's branding).
    let site = LocalResource::new(|| async {
        match data::manifest().await {
            Ok((manifest, skipped)) => {
                let (config, problems) = data::config(&manifest).await;
                Ok((site::apply_config(manifest, &config), config, problems, skipped))
            }
            Err(e) => {
                let empty = Manifest::new(Vec::new(), Vec::new(), Vec::new(), Vec::new());
                Err((data::config(&empty).await.0, e))
            }
        }
    });
    move || match site.get() {
        None => view! { <p class="laden" role="status">"De monitor wordt geladen…"</p> }.into_any(),
        Some(Err((config, e))) => {
            apply_branding(&config);
            view! {
                <main id="inhoud"><h1>{config.name.clone()}</h1><LoadFailed error=e retry=Callback::new(move |_| site.refetch())/></main>
            }
            .into_any()
        }
        Some(Ok((m, config, problems, skipped))) => {
            apply_branding(&config);
            view! { <Shell manifest=m config=config problems=problems skipped=skipped state=state/> }.into_any()
        }
    }
}

/// The data check and the benchmark live on the council page (`beheer.html`, its own WASM):
/// old links (`?pagina=datacheck`, `?pagina=benchmark`) are sent on there, query kept.
fn to_council_page(state: &ViewState) {
    if state.page.is_council_tool() {
        if let Some(location) = web_sys::window().map(|w| w.location()) {
            location.replace(&address::absolute(&format!("{COUNCIL_PAGE}{}", address::query()))).ok();
        }
    }
}

/// Sets the config's colours as CSS custom properties (CSSOM, allowed under a strict CSP) and
/// the page title.
fn apply_branding(config: &Config) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    document.set_title(&config.name);
    if let Some(root) = document.document_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        for (var, value) in &config.colours {
            root.style().set_property(var, value).ok();
        }
    }
}

/// Handles a plain left click on a link to one of the monitor's pages (`ViewState::href`)
/// without reloading the page; a link to a place in the page (`#…`) moves focus there (the
/// document's base is the site root, so the browser would open the root page instead).
fn follow_link(e: ev::MouseEvent, state: RwSignal<ViewState>) {
    if e.default_prevented() || e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() {
        return;
    }
    let Some(a) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
    else {
        return;
    };
    let href = a.get_attribute("href").unwrap_or_default();
    if a.has_attribute("target") || a.has_attribute("download") {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let fragment = match href.strip_prefix('#') {
        Some(id) => Some(id.to_owned()),
        None => same_page_fragment(&a, &window),
    };
    if let Some(id) = fragment {
        e.prevent_default();
        if let Some(el) = window.document().and_then(|d| d.get_element_by_id(&id)) {
            // A target in a closed `<details>` (a pillar's other cards) is opened first.
            let mut closed = el.closest("details:not([open])").ok().flatten();
            while let Some(d) = closed {
                d.set_attribute("open", "").ok();
                closed = d.closest("details:not([open])").ok().flatten();
            }
            el.scroll_into_view();
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                el.focus().ok();
            }
        }
        return;
    }
    // Before the app has taken over, a link opens the baked page itself: at once.
    if !is_app_link(&href) || window.document().and_then(|d| d.get_element_by_id("gebakken")).is_some() {
        return;
    }
    e.prevent_default();
    if let Ok(history) = window.history() {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href)).ok();
    }
    let next = ViewState::parse_href(&href);
    let in_place = same_page(&state.get_untracked(), &next);
    // A choice within the page (gemeente, period, chart or table) keeps the reader where they
    // were, with focus on the same choice in the updated list (issue 23: not 11 Tabs back).
    let choice = in_place.then(|| choice_of(&a)).flatten();
    state.set(next);
    if let Some((nav, text)) = choice {
        refocus(nav, text);
        return;
    }
    window.scroll_to_with_x_and_y(0.0, 0.0);
    // Move focus to the new content so keyboard and screen reader users land on it.
    if let Some(main) = window.document().and_then(|d| d.get_element_by_id("inhoud")) {
        if let Ok(el) = main.dyn_into::<web_sys::HtmlElement>() {
            el.focus().ok();
        }
    }
}

/// Whether `next` is the same page as `now`, only another gemeente, period or display (the page
/// updates in place, `Shell`'s page key).
fn same_page(now: &ViewState, next: &ViewState) -> bool {
    let key = |s: &ViewState| {
        (s.page, s.region.clone(), s.theme.clone(), s.indicator.clone(), s.gemeenten.clone(), s.query.clone())
    };
    key(now) == key(next)
}

/// The list a link belongs to (its `nav`'s name) and its text, to find it again once re-rendered.
fn choice_of(a: &web_sys::Element) -> Option<(String, String)> {
    let nav = a.closest("nav[aria-label]").ok().flatten()?;
    Some((nav.get_attribute("aria-label")?, a.text_content()?.trim().to_owned()))
}

/// Focuses the link with `text` in the `nav` named `label` after the page has re-rendered.
fn refocus(label: String, text: String) {
    let again = wasm_bindgen::closure::Closure::once_into_js(move || {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let Ok(links) = document.query_selector_all("nav[aria-label] a") else { return };
        for i in 0..links.length() {
            let Some(link) = links.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else { continue };
            let nav = link.closest("nav[aria-label]").ok().flatten().and_then(|n| n.get_attribute("aria-label"));
            if nav.as_deref() == Some(label.as_str()) && link.text_content().is_some_and(|t| t.trim() == text) {
                link.focus().ok();
                return;
            }
        }
    });
    if let Some(w) = web_sys::window() {
        w.request_animation_frame(again.unchecked_ref()).ok();
    }
}

/// The fragment of a link to a place on this very page written with the page's own address
/// (`drechtsteden/jeugd.html#pijler-gebruik`, as the pillar menu writes it because `<base>` is
/// the site root): `None` for a link to another page, or while the baked page is still shown
/// (the browser scrolls there itself).
fn same_page_fragment(a: &web_sys::Element, window: &web_sys::Window) -> Option<String> {
    let document = window.document()?;
    if document.get_element_by_id("gebakken").is_some() {
        return None;
    }
    let a = a.dyn_ref::<web_sys::HtmlAnchorElement>()?;
    let location = window.location();
    let here = (location.pathname().ok()?, location.search().ok()?);
    let id = a.hash().strip_prefix('#').map(str::to_owned).filter(|id| !id.is_empty())?;
    (a.pathname() == here.0 && a.search() == here.1).then_some(id)
}

/// Shown only on the first load of a page type's chunk (later, the previous page stays).
fn loading_page() -> impl IntoView {
    view! { <p class="laden" role="status">"Pagina laden…"</p> }
}

#[component]
fn Shell(
    manifest: Manifest,
    config: Config,
    problems: Vec<Problem>,
    skipped: Vec<Skipped>,
    state: RwSignal<ViewState>,
) -> impl IntoView {
    let store = Store::provide(manifest, config.clone(), skipped, state);
    ChartsDrawn::provide();
    LinkNotices::provide(state, config.name.clone());
    let view = store.view;
    // A page is built again only when what it is about changes (page type, region, theme,
    // indicator, compared gemeenten, search words); gemeente, period and chart/table changes
    // update the page in place through its memos.
    let page_key = Memo::new(move |_| {
        let page = view.page.get();
        view.state.with(|s| {
            (page, s.region.clone(), s.theme.clone(), s.indicator.clone(), s.gemeenten.clone(), s.query.clone())
        })
    });
    let page = move || {
        let (page, ..) = page_key.get();
        match page {
            Page::Indicator | Page::Theme | Page::Profile | Page::Compare | Page::Find => {
                view! { <LazyPage page=page/> }.into_any()
            }
            Page::DataCheck | Page::Benchmark => {
                to_council_page(&view.state.get_untracked());
                view! { <p role="status">"U gaat naar de beheerpagina…"</p> }.into_any()
            }
            _ => view! { <HomePage/> }.into_any(),
        }
    };
    // Embedded in another site: only the view itself, no site navigation.
    if view.embed.get_untracked() {
        return view! {
            <main id="inhoud" class="ingesloten">
                <Notices/>
                <Transition fallback=loading_page>
                    {move || page_key.with(|_| view! { <LazyPage page=Page::Indicator/> })}
                </Transition>
            </main>
        }
        .into_any();
    }
    // Once the first view is up, the chunks of the pages a resident opens next.
    set_timeout(prefetch_likely_pages, std::time::Duration::from_secs(2));
    let manifest = store.manifest();
    let regions = Memo::new(move |_| view.state.with(|s| site::region_links(&manifest, s)));
    let logo_alt = config.organisation.clone().map_or_else(|| "Logo".to_owned(), |o| format!("Logo {o}"));
    view! {
        <a class="skiplink" href="#inhoud">"Naar de inhoud"</a>
        <header class="kop">
            // Home of the region shown, the reader's gemeente kept (issue 23).
            <a class="merk" href=move || view.state.with(|s| site::link(s, Page::Home, |_| {}))>
                {config.logo.clone().map(|src| view! { <img class="logo" src=src alt=logo_alt/> })}
                <span>{config.name.clone()}</span>
            </a>
            <nav aria-label="Regio's">
                <ul>
                    {move || regions.get().into_iter().map(|l| view! { <li><NavItem link=l/></li> }).collect::<Vec<_>>()}
                </ul>
            </nav>
        </header>
        // Inside <main> so the notice is in a landmark; closed, so residents are not alarmed.
        <main id="inhoud" tabindex="-1">
            {move || store.skipped.with(|s| council::notice(&problems, s)).map(|n| view! {
            <details class="beheerder">
                <summary>{n.summary}</summary>
                <p>"Wat hieronder staat, is weggelaten; de rest van de site werkt. Herstel het bestand en laad de pagina opnieuw (uitleg: docs/hosten.md)."</p>
                <ul>{n.items.into_iter().map(|i| view! { <li>{i}</li> }).collect::<Vec<_>>()}</ul>
            </details>
        })}
            <Notices/>
            // The previous page stays while the next page type's chunk is fetched.
            <Transition fallback=loading_page>{page}</Transition>
        </main>
        <footer class="voet">
            {config.footer.clone().map(|f| view! { <p>{f}</p> })}
            {config.organisation.clone().map(|o| view! { <p>"Deze monitor wordt uitgegeven door "{o}"."</p> })}
            {(config.contact != Default::default()).then(|| {
                let c = config.contact.clone();
                view! {
                    <p>"Contact: "
                        {c.email.map(|e| view! { <a href=format!("mailto:{e}")>{e.clone()}</a>" " })}
                        {c.telefoon.map(|t| view! { <a href=format!("tel:{}", t.replace(' ', ""))>{t.clone()}</a>" " })}
                        {c.website.map(|w| view! { <a href=w.clone()>{w.clone()}</a> })}
                    </p>
                }
            })}
            <p>
                {config.accessibility_statement.clone().map(|a| view! { <a href=a>"Toegankelijkheidsverklaring"</a>" · " })}
                "Open cijfers over jeugdhulp, Participatiewet en Wmo. Deze website gebruikt geen cookies en laadt niets van andere websites."
            </p>
        </footer>
    }
    .into_any()
}
