//! Links that say what they show: the notices of `core::links` above the page, the view moved to
//! the nearest valid one (the history entry is replaced, so the address bar shows what is
//! shown), and the browser tab's title.

use super::store::use_store;
use crate::core::model::view_state::{Page, ViewState};
use crate::core::model::{Manifest, Table};
use crate::core::pages::links::{self, Checked};
use leptos::prelude::*;

/// The notices of the last corrected link, with the query they belong to: they show while the
/// reader stays on that view and disappear with the next navigation.
#[derive(Clone, Copy)]
pub struct LinkNotices {
    location: RwSignal<ViewState>,
    shown: RwSignal<(String, Vec<String>)>,
    /// The site's name (config), the last part of every tab title.
    site: StoredValue<String>,
}

impl LinkNotices {
    /// Provides the notices as context; `location` is the app's view state from the address bar.
    pub fn provide(location: RwSignal<ViewState>, site: String) -> LinkNotices {
        let notices =
            LinkNotices { location, shown: RwSignal::new((String::new(), Vec::new())), site: StoredValue::new(site) };
        provide_context(notices);
        notices
    }

    /// Opens `next` as a new history entry without reloading (a form handled in the app).
    pub fn go(&self, next: ViewState) {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&next.href())).ok();
        }
        self.location.set(next);
    }

    /// Shows `checked` instead of `from` when they differ, and keeps its notices. True when the
    /// view was moved (the caller shows nothing until the new view is there).
    pub fn correct(&self, from: &ViewState, checked: Checked) -> bool {
        let moved = checked.state != *from;
        if !checked.notices.is_empty() {
            self.shown.set((checked.state.to_query(), checked.notices));
        }
        if moved {
            if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&checked.state.href())).ok();
            }
            // After the current render: the move may rebuild the page that asked for it.
            let location = self.location;
            leptos::task::spawn_local(async move {
                location.try_set(checked.state);
            });
        }
        moved
    }
}

pub fn use_notices() -> LinkNotices {
    expect_context::<LinkNotices>()
}

/// The notices for the current view, in a status region (read out, not interrupting). Pages
/// other than the indicator are checked here against the manifest; the indicator page checks
/// itself against its data (`pages::indicator`).
#[component]
pub fn Notices() -> impl IntoView {
    let store = use_store();
    let notices = use_notices();
    let manifest = store.manifest();
    Effect::new(move |_| {
        let state = store.view.state.get();
        if state.page != Page::Indicator {
            notices.tab_title(&manifest, &state, None);
            notices.correct(&state, links::check_site(&state, &manifest));
        }
    });
    move || {
        let (key, list) = notices.shown.get();
        let here = notices.location.with(|l| l.to_query());
        (key == here && !list.is_empty()).then(|| {
            view! {
                <div class="meldingen" role="status">
                    {list.into_iter().map(|n| view! { <p>{n}</p> }).collect::<Vec<_>>()}
                </div>
            }
        })
    }
}

impl LinkNotices {
    /// Sets the browser tab's title for the view (`table` on an indicator page).
    pub fn tab_title(&self, manifest: &Manifest, state: &ViewState, table: Option<&Table>) {
        let title = self.site.with_value(|site| links::tab_title(site, state, manifest, table));
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            if document.title() != title {
                document.set_title(&title);
            }
        }
    }
}
