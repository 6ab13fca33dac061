//! A theme page: the four pillars as sections, each with its tables; availability ("wie
//! levert, hoe vaak, wanneer") as tables; figures that could not be transcribed, with the reason.

use super::{all_tables, gemeente, link, region, with_datasets, GemeenteKeuze};
use crate::core::dashboard;
use crate::core::model::{Manifest, Pillar, Theme};
use crate::core::view::{Page, ViewState};
use crate::ui::dashboard::PillarDashboard;
use crate::ui::table::TableFrame;
use leptos::prelude::*;

#[component]
pub fn ThemePage(manifest: Manifest, state: ViewState) -> impl IntoView {
    let Some(region) = region(&manifest, &state).cloned() else { return ().into_any() };
    let Some(theme) = state.theme.as_deref().and_then(Theme::from_id) else {
        return view! { <h1>"Thema"</h1><p>"Onbekend thema. Kies een thema op de startpagina."</p> }.into_any();
    };
    let s = state.clone();
    let m = manifest.clone();
    let r = region.clone();
    view! {
        <h1>{theme.name()}" in "{region.name.clone()}</h1>
        <GemeenteKeuze manifest=manifest.clone() region=region.clone() state=state.clone()/>
        {with_datasets(manifest, Some(region.id.clone()), Some(theme), move |sets| {
            let s = s.clone();
            let chosen = gemeente(&r, &s).map(str::to_owned);
            let board = dashboard::build(&all_tables(&sets), theme, &m, &r, chosen.as_deref(), |id| {
                link(&s, Page::Indicator, |v| v.indicator = Some(id.to_owned()))
            });
            let mut boards = board.pillars.into_iter();
            let availability: Vec<_> = sets.iter().flat_map(|d| &d.availability).filter(|a| a.theme == theme).cloned().collect();
            let untranscribed: Vec<_> = sets.iter().filter(|d| d.theme == theme).flat_map(|d| &d.untranscribed).cloned().collect();
            let sections = Pillar::ALL.into_iter().map(|pillar| {
                let cards = boards.next().filter(|p| p.pillar == pillar);
                let avail = if pillar == Pillar::Beschikbaarheid { availability.clone() } else { Vec::new() };
                let has_cards = cards.as_ref().is_some_and(|c| !c.cards.is_empty());
                let empty = !has_cards && avail.is_empty();
                view! {
                    <section class="pijler" aria-labelledby=format!("pijler-{}", pillar.id())>
                        <h2 id=format!("pijler-{}", pillar.id())>{pillar.name()}</h2>
                        {empty.then(|| view! { <p>"Voor dit onderdeel zijn geen cijfers opgenomen."</p> })}
                        {cards.filter(|_| has_cards).map(|p| view! { <PillarDashboard pillar=p/> })}
                        {avail.into_iter().map(|a| view! {
                            <TableFrame label=a.title.clone()>
                                <table class="cijfers beschikbaarheid">
                                    <caption>{a.title.clone()}</caption>
                                    <thead><tr><th scope="col">"Informatie"</th><th scope="col">"Wie levert"</th><th scope="col">"Hoe vaak"</th><th scope="col">"Beschikbaar"</th></tr></thead>
                                    <tbody>{a.rows.iter().map(|r| view! {
                                        <tr>
                                            <th scope="row">{r.item.clone().unwrap_or_default()}</th>
                                            <td>{r.supplier.clone().unwrap_or_else(|| "—".into())}</td>
                                            <td>{r.frequency.clone().unwrap_or_else(|| "—".into())}</td>
                                            <td>{r.available.clone().unwrap_or_else(|| "—".into())}</td>
                                        </tr>
                                    }).collect::<Vec<_>>()}</tbody>
                                </table>
                            </TableFrame>
                            <p class="bron"><strong>"Bron: "</strong>{a.source.text.clone()}</p>
                        }).collect::<Vec<_>>()}
                    </section>
                }
            }).collect::<Vec<_>>();
            view! {
                {sections}
                {(!untranscribed.is_empty()).then(|| view! {
                    <section class="pijler" aria-labelledby="niet-opgenomen">
                        <h2 id="niet-opgenomen">"Niet opgenomen figuren"</h2>
                        <p>"Deze figuren staan in de publicatie, maar hun waarden zijn niet betrouwbaar over te nemen:"</p>
                        <ul>{untranscribed.into_iter().map(|u| view! { <li><strong>{u.title}</strong>": "{u.reason}</li> }).collect::<Vec<_>>()}</ul>
                    </section>
                })}
            }
        })}
    }
    .into_any()
}
