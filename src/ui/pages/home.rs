//! The home page: what the monitor is, the region and gemeente, key figures per theme next to
//! the region and Nederland, and the first indicator.

use super::{all_tables, gemeente, link, region, with_datasets, GemeenteKeuze};
use crate::core::catalog;
use crate::core::headline;
use crate::core::model::{Manifest, Theme};
use crate::core::view::{Page, ViewState};
use crate::ui::dashboard::KeyFigureView;
use crate::ui::indicator::IndicatorView;
use leptos::prelude::*;

#[component]
pub fn HomePage(manifest: Manifest, state: ViewState) -> impl IntoView {
    let Some(region) = region(&manifest, &state).cloned() else {
        return view! { <h1>"Monitor Sociaal Domein"</h1><p>"Er zijn nog geen regio's ingesteld in manifest.json."</p> }.into_any();
    };
    let themes: Vec<Theme> = Theme::ALL
        .into_iter()
        .filter(|t| manifest.datasets.iter().any(|d| d.region == region.id && d.themes.contains(t)))
        .collect();
    let chosen = gemeente(&region, &state).map(str::to_owned);
    let m = manifest.clone();
    let s = state.clone();
    let r = region.clone();
    view! {
        <h1>"Monitor Sociaal Domein "{region.name.clone()}</h1>
        <p class="inleiding">
            "Hoeveel inwoners krijgen jeugdhulp, een bijstandsuitkering of ondersteuning uit de Wmo? "
            "Hoe ervaren zij die hulp, hoe worden de budgetten besteed en wanneer komen er nieuwe cijfers? "
            "Alle cijfers komen uit openbare rapporten. Bij elk cijfer staat de bron."
        </p>
        <GemeenteKeuze manifest=manifest.clone() region=region.clone() state=state.clone()/>
        <nav aria-label="Thema's" class="themas">
            <h2>"Thema's"</h2>
            <ul>
                {themes.iter().map(|t| {
                    let href = link(&state, Page::Theme, |v| v.theme = Some(t.id().to_owned()));
                    view! { <li><a href=href>{t.name()}</a></li> }
                }).collect::<Vec<_>>()}
            </ul>
        </nav>
        <nav aria-label="Meer" class="meer">
            <ul>
                <li><a href=link(&state, Page::Profile, |_| {})>"Gemeenteprofiel"</a></li>
                <li><a href=link(&state, Page::Compare, |_| {})>"Gemeenten vergelijken"</a></li>
                <li><a href=link(&state, Page::Find, |_| {})>"Zoeken in alle cijfers"</a></li>
            </ul>
        </nav>
        {with_datasets(manifest.clone(), Some(region.id.clone()), None, move |sets| {
            let tables = all_tables(&sets);
            // The marked headline per theme, never 0, geheim or n.b.: for the chosen gemeente,
            // else the region (falling back safely, and saying which area it is for).
            let mut chain: Vec<&str> = chosen.iter().map(String::as_str).collect();
            chain.push(r.area.as_str());
            let cards: Vec<_> = Theme::ALL.into_iter().filter_map(|theme| headline::pick(&tables, theme, &chain, &m)).map(|k| {
                let href = link(&s, Page::Indicator, |v| v.indicator = Some(k.table.clone()));
                let theme_href = link(&s, Page::Theme, |v| v.theme = Some(k.theme.id().to_owned()));
                view! { <KeyFigureView figure=k theme_href=theme_href href=href/> }
            }).collect();
            let featured = catalog::key_table(&tables, Theme::ALL[0]).or_else(|| tables.first().copied()).cloned();
            view! {
                <section aria-labelledby="kerncijfers">
                    <h2 id="kerncijfers">"Kerncijfers"</h2>
                    <ul class="kerncijfers">{cards}</ul>
                </section>
                {featured.map(|t| view! { <IndicatorView table=t manifest=m.clone() state=s.clone() reference=r.reference.clone()/> })}
            }
        })}
    }
    .into_any()
}
