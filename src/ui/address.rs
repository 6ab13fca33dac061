//! The site's root address and the view in the address bar (issue 22).
//!
//! Every page of the monitor is a real file: `index.html` at the root and the baked pages one
//! folder down (`drechtsteden/jeugd.html`, with `<html data-wortel="../">`). The app works with
//! links relative to the root (`ViewState::href`), so it gives the document a `<base>` of the
//! absolute root address once, at start: links, `pushState`, data fetches and downloads then
//! resolve the same on every page, whichever file the reader opened first.

use crate::core::model::view_state::ViewState;
use std::cell::OnceCell;

thread_local! {
    static ROOT: OnceCell<String> = const { OnceCell::new() };
}

/// The absolute address of the site's root folder, ending in `/`.
pub fn root() -> String {
    ROOT.with(|r| r.get_or_init(find_root).clone())
}

fn find_root() -> String {
    let Some(window) = web_sys::window() else { return String::new() };
    let here = window.location().href().unwrap_or_default();
    let up = window
        .document()
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("data-wortel"))
        .unwrap_or_else(|| "./".to_owned());
    web_sys::Url::new_with_base(&up, &here).map(|u| u.href()).unwrap_or(here)
}

/// Sets `<base href>` to the absolute root (a baked page's relative one would follow the address
/// bar after `pushState` in some browsers).
pub fn set_base() {
    let root = root();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let base = document.query_selector("base").ok().flatten().or_else(|| {
        let base = document.create_element("base").ok()?;
        let head = document.head()?;
        head.prepend_with_node_1(&base).ok()?;
        Some(base)
    });
    if let Some(base) = base {
        base.set_attribute("href", &root).ok();
    }
}

/// The query string of the address bar (with `?`, or empty).
pub fn query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The view the address bar asks for: the page's path below the root, then its query.
pub fn current_view() -> ViewState {
    let Some(location) = web_sys::window().map(|w| w.location()) else { return ViewState::default() };
    let root = root();
    let page = format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
    let path = page.strip_prefix(&root).unwrap_or_default();
    ViewState::parse_at(path, &query())
}

/// An absolute address for a link the core wrote (relative to the root).
pub fn absolute(href: &str) -> String {
    format!("{}{href}", root())
}

/// An old link (`index.html?pagina=indicator&regio=…`) shows its view at the view's own address
/// (`drechtsteden/cijfer-….html`), so what a reader copies from the address bar is the baked page.
pub fn show_canonical(state: &ViewState) {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let here = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    let wanted = state.href();
    let root_path = web_sys::Url::new(&root()).map(|u| u.pathname()).unwrap_or_default();
    let same = here.strip_prefix(&root_path).is_some_and(|h| h == wanted || (h.is_empty() && wanted == "index.html"));
    if !same && !state.embed && state.region.is_some() {
        if let Ok(history) = window.history() {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&absolute(&wanted))).ok();
        }
    }
}
