//! The indicator page: one table of the monitor, with gemeente and period choice.

use super::{all_tables, gemeente, region, with_datasets, GemeenteKeuze};
use crate::core::model::{Manifest, Theme};
use crate::core::view::ViewState;
use crate::ui::indicator::IndicatorView;
use leptos::prelude::*;

#[component]
pub fn IndicatorPage(manifest: Manifest, state: ViewState) -> impl IntoView {
    let Some(region) = region(&manifest, &state).cloned() else { return ().into_any() };
    let Some(id) = state.indicator.clone() else {
        return view! { <h1>"Indicator"</h1><p>"Geen indicator gekozen."</p> }.into_any();
    };
    let theme = id.split('-').next().and_then(Theme::from_id);
    let m = manifest.clone();
    view! {
        {with_datasets(manifest, Some(region.id.clone()), theme, move |sets| {
            let Some(t) = all_tables(&sets).into_iter().find(|t| t.id == id).cloned() else {
                return view! { <h1>"Indicator niet gevonden"</h1><p class="fout" role="alert">"Deze indicator bestaat niet (meer) in de gegevens van deze monitor."</p> }.into_any();
            };
            let per_gemeente = !state.embed && t.areas().iter().filter(|a| region.gemeenten.contains(a)).count() > 1;
            let embed = state.embed;
            let state = ViewState { gemeente: gemeente(&region, &state).map(str::to_owned), ..state.clone() };
            view! {
                {(!embed).then(|| view! { <p class="kruimelpad"><a href=super::link(&state, crate::core::view::Page::Theme, |v| v.theme = Some(t.theme.id().to_owned()))>{t.theme.name()}</a>" › "{t.pillar.name()}</p> })}
                {per_gemeente.then(|| view! { <GemeenteKeuze manifest=m.clone() region=region.clone() state=state.clone()/> })}
                {state.gemeente.clone().filter(|_| !embed).map(|g| {
                    let href = super::link(&state, crate::core::view::Page::Profile, |_| {});
                    view! { <p><a href=href>{format!("Alle cijfers van {}", m.area_name(&g))}</a></p> }
                })}
                <IndicatorView table=t manifest=m.clone() state=state.clone() reference=region.reference.clone() heading_level=1 region=Some(region.id.clone())/>
            }
            .into_any()
        })}
    }
    .into_any()
}
