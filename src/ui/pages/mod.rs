//! The page types. Each reads the view state, loads the datasets it needs and hands computed
//! data to the components; shared helpers live here.

mod compare;
mod find;
mod home;
mod indicator;
mod profile;
mod theme;

pub use compare::ComparePage;
pub use find::FindPage;
pub use home::HomePage;
pub use indicator::IndicatorPage;
pub use profile::ProfilePage;
pub use theme::ThemePage;

use super::data::{self, LoadError};
use crate::core::model::{AreaKind, Dataset, Manifest, Region, Table, Theme};
use crate::core::view::{Page, ViewState};
use leptos::prelude::*;

/// The region the view asks for, or the first one in the manifest.
pub fn region<'a>(manifest: &'a Manifest, state: &ViewState) -> Option<&'a Region> {
    state
        .region
        .as_deref()
        .and_then(|id| manifest.regions.iter().find(|r| r.id == id))
        .or_else(|| manifest.regions.first())
}

/// The chosen gemeente if it belongs to the region, else none.
pub fn gemeente<'a>(region: &Region, state: &'a ViewState) -> Option<&'a str> {
    state.gemeente.as_deref().filter(|g| region.gemeenten.iter().any(|x| x == g))
}

/// Loads the datasets of a region (for one theme, or all) and renders `body` with them; shows a
/// loading state meanwhile and a Dutch message with a retry if a file fails.
pub fn with_datasets<V: IntoView + 'static>(
    manifest: Manifest,
    region_id: Option<String>,
    theme: Option<Theme>,
    body: impl Fn(Vec<Dataset>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let m = manifest.clone();
    let resource = LocalResource::new(move || {
        let (m, r) = (m.clone(), region_id.clone());
        async move { data::datasets(&m, r.as_deref(), theme).await }
    });
    move || match resource.get() {
        None => view! { <p class="laden" role="status">"Gegevens laden…"</p> }.into_any(),
        Some(Ok(sets)) => body(sets).into_view().into_any(),
        Some(Err(e)) => view! { <LoadFailed error=e retry=Callback::new(move |_| resource.refetch())/> }.into_any(),
    }
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

/// A link to another page that keeps the region, gemeente and embed mode.
pub fn link(state: &ViewState, page: Page, f: impl FnOnce(&mut ViewState)) -> String {
    let mut v = ViewState {
        page,
        region: state.region.clone(),
        gemeente: state.gemeente.clone(),
        embed: state.embed,
        ..ViewState::default()
    };
    f(&mut v);
    v.href()
}

pub fn all_tables(sets: &[Dataset]) -> Vec<&Table> {
    sets.iter().flat_map(|d| &d.tables).collect()
}

/// Links to choose a gemeente of the region, keeping the rest of the view.
#[component]
pub fn GemeenteKeuze(manifest: Manifest, region: Region, state: ViewState) -> impl IntoView {
    let chosen = gemeente(&region, &state).map(str::to_owned);
    let options: Vec<(String, String)> = region
        .gemeenten
        .iter()
        .filter(|g| manifest.area(g).is_some_and(|a| a.kind == AreaKind::Gemeente))
        .map(|g| (g.clone(), manifest.area_name(g)))
        .collect();
    (options.len() > 1).then(|| {
        view! {
            <nav class="gemeente-keuze" aria-label="Kies een gemeente">
                <p class="label">"Kies een gemeente:"</p>
                <ul>
                    {options.into_iter().map(|(code, name)| {
                        let here = chosen.as_deref() == Some(code.as_str());
                        let href = ViewState { gemeente: (!here).then(|| code.clone()), ..state.clone() }.href();
                        view! { <li><a href=href aria-current=here.then_some("true")>{name}</a></li> }
                    }).collect::<Vec<_>>()}
                </ul>
            </nav>
        }
    })
}
