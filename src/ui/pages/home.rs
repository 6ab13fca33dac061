//! The home page: what the monitor is, the region and gemeente, key figures per theme next to
//! the region and Nederland, and the first indicator.

use super::{all_tables, gemeente, link, region, with_datasets, GemeenteKeuze};
use crate::core::catalog;
use crate::core::engine;
use crate::core::model::{Key, Manifest, Theme};
use crate::core::view::{Page, ViewState};
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
            // Without a chosen gemeente the key figures show the first one (the region as a whole
            // is rarely published), and say so.
            let area = chosen.clone().or_else(|| r.gemeenten.first().cloned()).unwrap_or_else(|| r.area.clone());
            let cards: Vec<_> = Theme::ALL.into_iter().filter_map(|theme| catalog::key_table(&tables, theme).map(|t| (theme, t))).map(|(theme, t)| {
                let period = t.periods.last().map(|p| p.id.clone()).unwrap_or_default();
                let measure = t.measures.first().map(|x| x.id.clone()).unwrap_or_default();
                let fig = |a: &str| engine::cell(t, &Key { measure: measure.clone(), area: a.to_owned(), period: period.clone(), category: None });
                let here = fig(&area);
                let reference = r.reference.as_deref().map(|x| (m.area_name(x), fig(x)));
                let href = link(&s, Page::Indicator, |v| v.indicator = Some(t.id.clone()));
                let label = t.measures.first().map(|x| x.label.clone()).unwrap_or_default();
                view! {
                    <li class="kerncijfer">
                        <h3>{theme.name()}</h3>
                        <p class="cijfer"><span class="waarde">{here.display()}</span>" "{label}" in "{m.area_name(&area)}</p>
                        {reference.filter(|(_, f)| f.number().is_some()).map(|(name, f)| view! { <p>{name}": "{f.display()}</p> })}
                        <p class="klein">{t.title.clone()}{here.provisional.then_some(" (voorlopig)")}</p>
                        <p><a href=href>"Bekijk dit cijfer"<span class="visueel-verborgen">{format!(": {}", t.title)}</span></a></p>
                    </li>
                }
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
