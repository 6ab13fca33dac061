//! The browser UI: a thin Leptos layer that wires the pure core to the page.
//!
//! The shell keeps the one [`ViewState`](crate::core::model::view_state::ViewState) signal (from the query
//! string) and provides the store (`store`: manifest, config, datasets fetched once per file).
//! Pages read `Memo` slices of the view state, ask `core::pages` for their view models and
//! render them. No calculation happens here: every figure, text and link comes from the core.

mod address;
mod app;
mod beheer;
mod chart;
mod dashboard;
mod data;
mod download;
mod echarts;
mod guided;
mod indicator;
mod lazy;
mod map;
mod notices;
mod pages;
mod share;
mod statements;
mod store;
mod table;
mod takeover;
mod words;

use wasm_bindgen::JsCast;

/// Starts the residents' app (`index.html`).
pub fn start() {
    prepare();
    // A baked page (issue 22) is taken over in place; the plain index.html gets the app at once.
    if !takeover::mount(app::App) {
        leptos::mount::mount_to_body(app::App);
        if let Some(html) = document().and_then(|d| d.document_element()) {
            html.set_attribute("data-app", "actief").ok();
        }
    }
}

/// Starts the council tools (`beheer.html`: data check and benchmark), a WASM of their own.
pub fn start_beheer() {
    prepare();
    leptos::mount::mount_to_body(beheer::BeheerApp);
}

/// A panic shows a readable Dutch message in the page instead of a blank screen; the loading
/// text of the HTML page goes away.
fn prepare() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fatal("Er ging iets mis in de monitor. Laad de pagina opnieuw; lukt het dan nog niet, neem dan contact op met de beheerder van deze website.");
    }));
    if let Some(loading) = document().and_then(|d| d.get_element_by_id("laden")) {
        loading.remove();
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Replaces the page with a message, using plain DOM calls (the reactive system may be broken).
fn show_fatal(message: &str) {
    let Some(doc) = document() else { return };
    let Some(body) = doc.body() else { return };
    let Ok(el) = doc.create_element("div") else { return };
    el.set_class_name("fout fataal");
    el.set_attribute("role", "alert").ok();
    el.set_text_content(Some(message));
    if let Ok(html) = body.dyn_into::<web_sys::HtmlElement>() {
        html.prepend_with_node_1(&el).ok();
    }
}
