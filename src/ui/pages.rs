//! The page types. Each reads the view state, loads the datasets it needs and hands computed
//! data to the components.

use super::data::{self, LoadError};
use super::indicator::IndicatorView;
use crate::core::model::{Dataset, Manifest, Pillar, Region, Table, Theme};
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

/// Loads the datasets of the view's region (for one theme, or all) and renders `body` with them.
fn with_datasets<V: IntoView + 'static>(
    manifest: Manifest,
    region_id: String,
    theme: Option<Theme>,
    body: impl Fn(Vec<Dataset>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let m = manifest.clone();
    let resource = LocalResource::new(move || {
        let (m, r) = (m.clone(), region_id.clone());
        async move { data::datasets(&m, &r, theme).await }
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

fn link(state: &ViewState, page: Page, f: impl FnOnce(&mut ViewState)) -> String {
    let mut v = ViewState { page, region: state.region.clone(), gemeente: state.gemeente.clone(), embed: state.embed, ..ViewState::default() };
    f(&mut v);
    v.href()
}

fn find_table(sets: &[Dataset], id: &str) -> Option<Table> {
    sets.iter().flat_map(|d| &d.tables).find(|t| t.id == id).cloned()
}

#[component]
pub fn HomePage(manifest: Manifest, state: ViewState) -> impl IntoView {
    let Some(region) = region(&manifest, &state).cloned() else {
        return view! { <p>"Er zijn nog geen regio's ingesteld in manifest.json."</p> }.into_any();
    };
    let themes = Theme::ALL.into_iter().filter(|t| manifest.datasets.iter().any(|d| d.region == region.id && d.themes.contains(t))).collect::<Vec<_>>();
    let featured_theme = themes.first().copied();
    let m = manifest.clone();
    let s = state.clone();
    let reference = region.reference.clone();
    view! {
        <h1>"Monitor Sociaal Domein "{region.name.clone()}</h1>
        <p class="inleiding">
            "Deze monitor laat zien hoeveel inwoners jeugdhulp, een bijstandsuitkering of Wmo-ondersteuning krijgen, "
            "hoe zij die hulp ervaren, hoe de budgetten worden besteed en wanneer nieuwe cijfers komen. "
            "Alle cijfers komen uit openbare rapporten; de bron staat bij elk cijfer."
        </p>
        <nav aria-label="Thema's" class="themas">
            <h2>"Thema's"</h2>
            <ul>
                {themes.iter().map(|t| {
                    let href = link(&state, Page::Theme, |v| v.theme = Some(t.id().to_owned()));
                    view! { <li><a href=href>{t.name()}</a></li> }
                }).collect::<Vec<_>>()}
            </ul>
        </nav>
        {featured_theme.map(|theme| with_datasets(manifest.clone(), region.id.clone(), Some(theme), move |sets| {
            let table = sets.iter().flat_map(|d| &d.tables).find(|t| t.pillar == Pillar::Gebruik && t.theme == theme).cloned();
            table.map(|t| view! { <IndicatorView table=t manifest=m.clone() state=s.clone() reference=reference.clone()/> })
        }))}
    }
    .into_any()
}

#[component]
pub fn ThemePage(manifest: Manifest, state: ViewState) -> impl IntoView {
    let Some(region) = region(&manifest, &state).cloned() else { return ().into_any() };
    let Some(theme) = state.theme.as_deref().and_then(Theme::from_id) else {
        return view! { <p>"Onbekend thema. Kies een thema op de startpagina."</p> }.into_any();
    };
    let s = state.clone();
    view! {
        <h1>{theme.name()}" in "{region.name.clone()}</h1>
        {with_datasets(manifest, region.id.clone(), Some(theme), move |sets| {
            let s = s.clone();
            Pillar::ALL.into_iter().map(|pillar| {
                let tables: Vec<Table> = sets.iter().flat_map(|d| &d.tables).filter(|t| t.theme == theme && t.pillar == pillar).cloned().collect();
                let s = s.clone();
                view! {
                    <section class="pijler" aria-labelledby=format!("pijler-{}", pillar.id())>
                        <h2 id=format!("pijler-{}", pillar.id())>{pillar.name()}</h2>
                        {if tables.is_empty() {
                            view! { <p>"Voor dit onderdeel zijn geen cijfers opgenomen."</p> }.into_any()
                        } else {
                            view! { <ul>{tables.into_iter().map(|t| {
                                let href = link(&s, Page::Indicator, |v| { v.theme = Some(theme.id().to_owned()); v.indicator = Some(t.id.clone()); });
                                view! { <li><a href=href>{t.title.clone()}</a></li> }
                            }).collect::<Vec<_>>()}</ul> }.into_any()
                        }}
                    </section>
                }
            }).collect::<Vec<_>>()
        })}
    }
    .into_any()
}

#[component]
pub fn IndicatorPage(manifest: Manifest, state: ViewState) -> impl IntoView {
    let Some(region) = region(&manifest, &state).cloned() else { return ().into_any() };
    let Some(id) = state.indicator.clone() else {
        return view! { <p>"Geen indicator gekozen."</p> }.into_any();
    };
    let theme = id.split('-').next().and_then(Theme::from_id);
    let m = manifest.clone();
    let reference = region.reference.clone();
    view! {
        {with_datasets(manifest, region.id.clone(), theme, move |sets| match find_table(&sets, &id) {
            Some(t) => view! { <IndicatorView table=t manifest=m.clone() state=state.clone() reference=reference.clone()/> }.into_any(),
            None => view! { <p class="fout" role="alert">"Deze indicator bestaat niet (meer) in de gegevens van deze monitor."</p> }.into_any(),
        })}
    }
    .into_any()
}

/// The engine benchmark in the browser: the same synthetic national dataset and calculations as
/// `msd-bench`, timed with `performance.now()`. Reached only by URL (`?pagina=benchmark`).
#[component]
pub fn BenchmarkPage() -> impl IntoView {
    use crate::core::bench;
    let now = || web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now());
    let (result, set_result) = signal(None::<String>);
    leptos::task::spawn_local(async move {
        let t0 = now();
        let (manifest, tables) = bench::synthetic();
        let generated = now() - t0;
        let mut best = f64::INFINITY;
        let mut figures = 0;
        for _ in 0..5 {
            let t = now();
            figures = bench::run(&manifest, &tables);
            best = best.min(now() - t);
        }
        set_result.set(Some(format!(
            "{} gemeenten × {} jaar, {} tabellen: {figures} cijfers berekend in {best:.1} ms (beste van 5; synthetische gegevens gemaakt in {generated:.1} ms)",
            bench::GEMEENTEN, bench::YEARS, tables.len()
        )));
    });
    view! {
        <h1>"Benchmark rekenmachine"</h1>
        <p>"Alle indicatoren voor een synthetische landelijke dataset, berekend in deze browser."</p>
        <output id="benchmark" data-klaar=move || result.get().is_some().then_some("ja")>
            {move || result.get().unwrap_or_else(|| "Bezig…".into())}
        </output>
    }
}
