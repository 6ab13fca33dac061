//! The indicator page: one table of the monitor, with gemeente and period choice. The view is
//! built once per table; gemeente, period and chart/table changes update it in place.

use super::{with_files, GemeenteKeuze};
use crate::core::check::crosscheck;
use crate::core::model::view_state::Page;
use crate::core::model::Dataset;
use crate::core::pages::links;
use crate::core::pages::site;
use crate::core::present::remarks::{self, Contradiction};
use crate::ui::indicator::IndicatorView;
use crate::ui::notices::use_notices;
use crate::ui::statements::TableStatements;
use crate::ui::store::{use_store, TableRef};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn IndicatorPage() -> impl IntoView {
    let store = use_store();
    if store.view.region.get_untracked().is_none() {
        return ().into_any();
    }
    if store.view.indicator.get_untracked().is_none() {
        return view! { <h1>"Indicator"</h1><p>"Geen indicator gekozen."</p> }.into_any();
    }
    let notices = use_notices();
    with_files(move |sets| {
        let all = sets.clone();
        // The link checked against the data: an unknown indicator or period moves the view to the
        // nearest valid one with a notice. A link without `regio=` whose indicator is not in the
        // first region is looked up in every region's files of its theme first.
        let state = store.view.state.get_untracked();
        let manifest = store.manifest();
        let id = state.indicator.clone().unwrap_or_default();
        if state.region.is_none() && TableRef::find(&sets, &id).is_none() {
            let names = site::files_for(&manifest, None, site::indicator_theme(&id));
            return (move || {
                let files = store.files(&names);
                if files.loading {
                    return view! { <p class="laden" role="status">"Gegevens laden…"</p> }.into_any();
                }
                let all: Vec<&Dataset> = files.ready.iter().map(|d| d.as_ref()).collect();
                notices.correct(&state, links::check(&state, &manifest, &all));
                ().into_any()
            })
            .into_any();
        }
        let refs: Vec<&Dataset> = sets.iter().map(|d| d.as_ref()).collect();
        // A moved view updates the memos below; a new indicator, region or page rebuilds the page.
        let checked = links::check(&state, &manifest, &refs);
        let rebuilds = (checked.state.page, &checked.state.region, &checked.state.indicator)
            != (state.page, &state.region, &state.indicator);
        if notices.correct(&state, checked) && rebuilds {
            return ().into_any();
        }
        let table = Memo::new(move |_| store.view.indicator.get().and_then(|id| TableRef::find(&sets, &id)));
        // The cross checks over the page's files, once: the contradictions the page lists are the
        // ones its downloads and embed carry (`core::remarks`).
        let outcome = Arc::new(crosscheck::run_loaded(&all, &manifest));
        (move || match table.get() {
            None => view! {
                <h1>"Indicator niet gevonden"</h1>
                <p class="fout" role="alert">"Deze indicator bestaat niet (meer) in de gegevens van deze monitor."</p>
            }
            .into_any(),
            Some(t) => {
                let found = remarks::contradictions(&remarks::findings(&outcome, &all, &t.id));
                view! {
                    <IndicatorBody table=t.clone() contradictions=found.clone()/>
                    <TableStatements sets=all.clone() table=t.id.clone() outcome=outcome.clone() contradictions=found/>
                }
                .into_any()
            }
        })
        .into_any()
    })
    .into_any()
}

/// Breadcrumb, gemeente choice and the view of one table.
#[component]
fn IndicatorBody(table: TableRef, contradictions: Vec<Contradiction>) -> impl IntoView {
    let store = use_store();
    let manifest = store.manifest();
    let embed = store.view.embed.get_untracked();
    let shown = table.clone();
    let per_gemeente = Memo::new(move |_| {
        store.view.region.with(|r| r.as_ref().is_some_and(|r| site::offers_gemeente_choice(&shown, r)))
    });
    let (theme, pillar) = (table.theme, table.pillar);
    let crumb =
        move || store.view.state.with(|s| site::link(s, Page::Theme, |v| v.theme = Some(theme.id().to_owned())));
    let profile = move || {
        let region = store.view.region.get()?;
        store.view.state.with(|s| site::profile_link(&manifest, &region, s)).map(|l| (l.href, l.label))
    };
    view! {
        {(!embed).then(|| view! { <p class="kruimelpad"><a href=crumb>{theme.name()}</a>" › "{pillar.name()}</p> })}
        {move || (per_gemeente.get() && !embed).then(|| view! { <GemeenteKeuze/> })}
        {move || profile().filter(|_| !embed).map(|(href, text)| view! { <p><a href=href>{text}</a></p> })}
        <IndicatorView table=table heading_level=1 contradictions=contradictions/>
    }
}
