//! The page types. Each reads `Memo` slices of the view state and the datasets it needs from
//! the store, asks `core::pages` for its view model and renders it.

mod compare;
mod find;
mod home;
mod indicator;
mod keuze;
mod profile;
mod theme;

pub use compare::ComparePage;
pub use find::FindPage;
pub use home::HomePage;
pub use indicator::IndicatorPage;
pub use keuze::CompactKeuze;
pub use profile::ProfilePage;
pub use theme::ThemePage;

use super::data::LoadError;
use super::lazy::LazyChooser;
use super::store::{use_store, Files};
use crate::core::model::Dataset;
use crate::core::pages::chooser;
use crate::core::pages::{site, NavLink};
use leptos::prelude::*;
use std::sync::Arc;

/// Renders `body` with the datasets the page needs (`site::files_for_page`): a loading state
/// only while a file is not there yet, and for each failed file its Dutch message with a retry
/// that fetches only that file. `body` runs again only when the files change.
pub fn with_files<V: IntoView + 'static>(
    body: impl Fn(Vec<Arc<Dataset>>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let store = use_store();
    let files = store.page_files();
    move || {
        let Files { ready, failed, loading } = files.get();
        view! {
            <Failures failed=failed/>
            {if loading {
                view! { <p class="laden" role="status">"Gegevens laden…"</p> }.into_any()
            } else {
                body(ready).into_view().into_any()
            }}
        }
    }
}

/// The messages of the files that could not be fetched, each with its own retry. A file that
/// was fetched but is not valid data is not shown here: retrying cannot help, and it is named in
/// the administrator notice while the page shows everything else (issue 15).
#[component]
pub fn Failures(failed: Vec<(String, LoadError)>) -> impl IntoView {
    let store = use_store();
    failed
        .into_iter()
        .filter(|(_, e)| matches!(e, LoadError::Fetch { .. } | LoadError::TooLarge { .. }))
        .map(|(file, error)| match error {
            // Too large: a calm line, no retry (it cannot help); the cause is in the notice.
            LoadError::TooLarge { .. } => view! {
                <p class="melding te-groot" role="status">{error.title()}" "{error.details().join(" ")}</p>
            }
            .into_any(),
            error => view! { <LoadFailed error=error retry=Callback::new(move |_| store.retry(&file))/> }.into_any(),
        })
        .collect::<Vec<_>>()
}

/// A failed load: what went wrong, in Dutch, with a retry; the rest of the page keeps working.
#[component]
pub fn LoadFailed(error: LoadError, retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="fout" role="alert">
            <p><strong>{error.title()}</strong></p>
            <ul>{error.details().into_iter().map(|d| view! { <li>{d}</li> }).collect::<Vec<_>>()}</ul>
            <button type="button" on:click=move |_| retry.run(())>"Opnieuw proberen"</button>
        </div>
    }
}

/// The gemeente choice (`core::pages::chooser`): a list of links for a few gemeenten, a compact
/// chooser with a search field for many; updates in place.
#[component]
pub fn GemeenteKeuze() -> impl IntoView {
    let store = use_store();
    let manifest = store.manifest();
    let files = store.page_files();
    let links = Memo::new(move |_| {
        let region = store.view.region.get();
        let files = files.get();
        store.view.state.with(|s| {
            region.map_or_else(Vec::new, |r| {
                // Once the page's data are in: only gemeenten with figures of their own (issue 21).
                let tables = (!files.loading && !files.ready.is_empty()).then(|| site::all_tables(&files.ready));
                chooser::links(&manifest, &r, s, tables.as_deref())
            })
        })
    });
    move || {
        let links = links.get();
        if links.len() > chooser::LIST_UP_TO {
            return Some(view! { <LazyChooser links=links/> }.into_any());
        }
        (!links.is_empty()).then(|| {
            view! {
                <nav class="gemeente-keuze" aria-label="Kies een gemeente">
                    <p class="label">"Kies een gemeente:"</p>
                    <ul>{links.into_iter().map(|l| view! { <li><NavItem link=l/></li> }).collect::<Vec<_>>()}</ul>
                </nav>
            }
            .into_any()
        })
    }
}

/// One navigation link, `aria-current` on the current one.
#[component]
pub fn NavItem(link: NavLink) -> impl IntoView {
    view! { <a href=link.href aria-current=link.current.then_some("true")>{link.label}</a> }
}
