//! The app taking over a baked page (issue 22): it renders out of sight next to the baked
//! content (`#app.app-wacht`, same width, so charts lay out as they will be seen) and replaces it
//! in one frame once its page is there — data loaded, no loading line, the first chart drawn
//! with its opening animation finished — so the reader sees no flash, no shift and no second
//! animation. Until then the baked page stays, links and all; if the app never gets there
//! (a failing chart), it takes over after 15 s anyway, with its own messages.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const LIMIT_MS: f64 = 15_000.0;

/// Mounts `app` next to the baked page and starts watching; false when the page is not baked.
pub fn mount<F, N>(app: F) -> bool
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    let (Some(baked), Some(body)) = (document.get_element_by_id("gebakken"), document.body()) else { return false };
    let Ok(root) = document.create_element("div") else { return false };
    root.set_id("app");
    root.set_class_name("app-wacht");
    root.set_attribute("aria-hidden", "true").ok();
    if body.append_child(&root).is_err() {
        return false;
    }
    let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() else { return false };
    leptos::mount::mount_to(root.clone(), app).forget();
    watch(baked, root, now());
    true
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Checks once per frame whether the app's page is ready, then swaps.
fn watch(baked: web_sys::Element, app: web_sys::HtmlElement, started: f64) {
    if ready(&app) || now() - started > LIMIT_MS {
        swap(&baked, &app);
        return;
    }
    let next = Closure::once_into_js(move || watch(baked, app, started));
    if let Some(w) = web_sys::window() {
        w.request_animation_frame(next.unchecked_ref()).ok();
    }
}

/// The app's page is there: a `main`, nothing loading, and its first chart (if any) drawn.
fn ready(app: &web_sys::HtmlElement) -> bool {
    let has = |selector: &str| app.query_selector(selector).ok().flatten().is_some();
    if !has("main") || has(".laden") {
        return false;
    }
    match app.query_selector(".grafiek").ok().flatten() {
        Some(chart) => chart.has_attribute("data-getekend") || has(".grafiek-kader .melding"),
        None => true,
    }
}

fn swap(baked: &web_sys::Element, app: &web_sys::HtmlElement) {
    baked.remove();
    app.remove_attribute("class").ok();
    app.remove_attribute("aria-hidden").ok();
    if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        html.set_attribute("data-app", "actief").ok();
    }
}
