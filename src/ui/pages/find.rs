//! Find indicators by a word, across every region of the monitor.

use super::{link, with_datasets};
use crate::core::catalog;
use crate::core::model::Manifest;
use crate::core::view::{Page, ViewState};
use leptos::prelude::*;

#[component]
pub fn FindPage(manifest: Manifest, state: ViewState) -> impl IntoView {
    let query = state.query.clone().unwrap_or_default();
    let s = state.clone();
    let m = manifest.clone();
    view! {
        <h1>"Zoeken in alle cijfers"</h1>
        <form method="get" role="search" class="zoeken">
            <input type="hidden" name="pagina" value="zoeken"/>
            <label for="zoekterm">"Zoek op een woord, bijvoorbeeld "<em>"bijstand"</em>" of "<em>"verblijf"</em></label>
            <div class="zoekregel">
                <input type="search" id="zoekterm" name="zoek" value=query.clone() autocomplete="off"/>
                <button type="submit">"Zoeken"</button>
            </div>
        </form>
        {(!query.trim().is_empty()).then(|| with_datasets(manifest.clone(), None, None, move |sets| {
            let hits: Vec<(String, String, String)> = sets
                .iter()
                .flat_map(|d| catalog::search(d.tables.iter(), &query).into_iter().map(move |t| (d.region.clone(), t)))
                .map(|(region, t)| {
                    let href = link(&ViewState { region: Some(region.clone()), ..s.clone() }, Page::Indicator, |v| v.indicator = Some(t.id.clone()));
                    let where_ = m.regions.iter().find(|r| r.id == region).map_or(region.clone(), |r| r.name.clone());
                    (href, t.title.clone(), format!("{} · {} · {where_}", t.theme.name(), t.pillar.name()))
                })
                .collect();
            let count = hits.len();
            view! {
                <p role="status">{match count { 0 => "Geen cijfers gevonden.".to_owned(), 1 => "1 tabel gevonden.".to_owned(), n => format!("{n} tabellen gevonden.") }}</p>
                <ul class="zoekresultaten">{hits.into_iter().map(|(href, title, meta)| view! { <li><a href=href>{title}</a><br/><span class="klein">{meta}</span></li> }).collect::<Vec<_>>()}</ul>
            }
        }))}
    }
}
