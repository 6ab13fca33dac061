//! The page types a resident reaches by a click — theme dashboard, indicator, profile, compare,
//! search — each in a WASM chunk of its own (issue 12), and the downloads and embed code under an
//! indicator in one more, so the WASM every first visit downloads carries the shell, the store
//! and the home page only.
//!
//! `wasm_split` (the macro behind Leptos' `#[lazy]`) marks each page function as a split point;
//! `scripts/wasm-split.mjs` cuts the compiled WASM there and writes a main module plus chunks.
//! We use the macro directly rather than `#[lazy]` for its `fallible` option: a chunk that cannot
//! be fetched (a phone losing its signal) becomes an `Err` shown with a retry, instead of a panic
//! that would stop the whole app.

use super::chart::ChartsDrawn;
use super::pages::{CompactKeuze, ComparePage, FindPage, IndicatorPage, ProfilePage, ThemePage};
use super::share::{Downloads, EmbedCode};
use super::store::TableRef;
use crate::core::model::view_state::{Page, ViewState};
use crate::core::pages::indicator::IndicatorModel;
use crate::core::pages::NavLink;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use std::future::Future;

/// A page's chunk could not be fetched or started.
#[derive(Debug, Clone, Copy)]
pub struct ChunkFailed;

impl From<SplitLoaderError> for ChunkFailed {
    fn from(_: SplitLoaderError) -> Self {
        ChunkFailed
    }
}

#[wasm_split(indicator, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_indicator))]
fn indicator() -> Result<AnyView, ChunkFailed> {
    Ok(view! { <IndicatorPage/> }.into_any())
}

#[wasm_split(theme, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_theme))]
fn theme() -> Result<AnyView, ChunkFailed> {
    Ok(view! { <ThemePage/> }.into_any())
}

#[wasm_split(profile, wasm_split_path = ::leptos::wasm_split, fallible)]
fn profile() -> Result<AnyView, ChunkFailed> {
    Ok(view! { <ProfilePage/> }.into_any())
}

#[wasm_split(compare, wasm_split_path = ::leptos::wasm_split, fallible)]
fn compare() -> Result<AnyView, ChunkFailed> {
    Ok(view! { <ComparePage/> }.into_any())
}

#[wasm_split(find, wasm_split_path = ::leptos::wasm_split, fallible)]
fn find() -> Result<AnyView, ChunkFailed> {
    Ok(view! { <FindPage/> }.into_any())
}

/// The view of a lazily loaded page type (nothing for the home page and the council pages,
/// which are not split off).
async fn load(page: Page) -> Result<AnyView, ChunkFailed> {
    match page {
        Page::Indicator => indicator().await,
        Page::Theme => theme().await,
        Page::Profile => profile().await,
        Page::Compare => compare().await,
        Page::Find => find().await,
        _ => Ok(().into_any()),
    }
}

/// A page type whose code is in a chunk: rendered once the chunk is in (the surrounding
/// `Transition` keeps the previous page on screen meanwhile).
#[component]
pub fn LazyPage(page: Page) -> impl IntoView {
    lazily(move || load(page))
}

#[wasm_split(share, wasm_split_path = ::leptos::wasm_split, fallible)]
fn share(
    table: TableRef,
    model: Memo<IndicatorModel>,
    state: Memo<ViewState>,
    title: String,
) -> Result<AnyView, ChunkFailed> {
    let height = Memo::new(move |_| model.with(|m| m.frame_height));
    Ok(view! {
        <Downloads table=table model=model/>
        <EmbedCode state=state title=title height=height/>
    }
    .into_any())
}

#[wasm_split(chooser, wasm_split_path = ::leptos::wasm_split, fallible)]
fn chooser(links: Vec<NavLink>) -> Result<AnyView, ChunkFailed> {
    Ok(view! { <CompactKeuze links=links/> }.into_any())
}

/// The chooser for many gemeenten (issue 25) in a chunk of its own: the bundled regions, with a
/// list of links, never download it.
#[component]
pub fn LazyChooser(links: Vec<NavLink>) -> impl IntoView {
    lazily(move || chooser(links.clone()))
}

/// Downloads and the embed code under an indicator: in a chunk of their own, fetched once the
/// indicator's chart is drawn (at once when it shows a table), so on a first visit the chart
/// does not wait for that code. Once started it stays, whatever the reader switches to.
#[component]
pub fn LazyShare(table: TableRef, model: Memo<IndicatorModel>, state: Memo<ViewState>, title: String) -> impl IntoView {
    let start = RwSignal::new(false);
    Effect::new(move |_| {
        if !start.get_untracked() && (!model.with(|m| m.show_chart) || ChartsDrawn::get()) {
            start.set(true);
        }
    });
    move || {
        let (table, title) = (table.clone(), title.clone());
        start.get().then(|| lazily(move || share(table.clone(), model, state, title.clone())))
    }
}

/// Renders what `load` gives once its chunk is in. A chunk that could not be fetched says so in
/// Dutch with a retry that fetches it again; the rest of the page keeps working.
fn lazily<Fut>(load: impl Fn() -> Fut + Send + Sync + 'static) -> impl IntoView
where
    Fut: Future<Output = Result<AnyView, ChunkFailed>> + Send + 'static,
{
    let attempt = RwSignal::new(0u32);
    move || {
        attempt.track();
        let loading = load();
        Suspend::new(async move {
            match loading.await {
                Ok(view) => view,
                Err(ChunkFailed) => view! {
                    <div class="fout" role="alert">
                        <p><strong>"Dit deel van de monitor kon niet worden geladen."</strong></p>
                        <p>"Controleer de internetverbinding en probeer het opnieuw."</p>
                        <button type="button" on:click=move |_| attempt.update(|n| *n += 1)>"Opnieuw proberen"</button>
                    </div>
                }
                .into_any(),
            }
        })
    }
}

/// Fetches the chunks a resident most likely opens next from the home page (theme dashboards and
/// indicators) once the first view is on screen, so that click does not wait for the network.
/// A failure is ignored here: the page itself retries and explains when it is opened.
pub fn prefetch_likely_pages() {
    leptos::task::spawn_local(async {
        let _ = preload_theme().await;
        let _ = preload_indicator().await;
    });
}
