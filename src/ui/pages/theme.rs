//! A theme page: the four pillars as sections, each with its tables; availability ("wie
//! levert, hoe vaak, wanneer") as tables; figures that could not be transcribed, with the reason.

use super::{with_files, GemeenteKeuze};
use crate::core::model::Theme;
use crate::core::pages::theme;
use crate::ui::dashboard::PillarDashboard;
use crate::ui::statements::{has_statements, PillarStatements};
use crate::ui::store::use_store;
use crate::ui::table::TableFrame;
use leptos::prelude::*;

#[component]
pub fn ThemePage() -> impl IntoView {
    let store = use_store();
    let Some(region) = store.view.region.get_untracked() else { return ().into_any() };
    let Some(chosen) = store.view.state.with_untracked(|s| s.theme.as_deref().and_then(Theme::from_id)) else {
        return view! { <h1>"Thema"</h1><p>"Onbekend thema. Kies een thema op de startpagina."</p> }.into_any();
    };
    let manifest = store.manifest();
    view! {
        <h1>{chosen.name()}" in "{region.name.clone()}</h1>
        <GemeenteKeuze/>
        {with_files(move |sets| {
            let sets2 = sets.clone();
            let all = sets.clone();
            let sections = Memo::new(move |_| store.view.state.with(|s| theme::theme(&sets, chosen, s)));
            let (m, r) = (manifest.clone(), region.clone());
            // The dashboard: a card per indicator per pillar, for the chosen gemeente.
            let board = Memo::new(move |_| store.view.state.with(|s| theme::dashboard(&sets2, chosen, &m, &r, s)));
            move || {
                let (sections, untranscribed) = sections.get();
                let mut pillars = board.get().pillars.into_iter();
                view! {
                    {sections.into_iter().map(|section| {
                        let empty = section.is_empty() && !has_statements(&all, chosen, &section.id);
                        let cards = pillars.next().filter(|p| !p.cards.is_empty());
                        view! {
                            <section class="pijler" aria-labelledby=section.id.clone()>
                                <h2 id=section.id.clone()>{section.name}</h2>
                                {empty.then(|| view! { <p>"Voor dit onderdeel zijn geen cijfers opgenomen."</p> })}
                                {cards.map(|p| view! { <PillarDashboard pillar=p/> })}
                                <PillarStatements sets=all.clone() theme=chosen pillar=section.id.clone()/>
                                {section.availability.into_iter().map(|a| view! {
                                    <TableFrame label=a.title.clone()>
                                        <table class="cijfers beschikbaarheid">
                                            <caption>{a.title.clone()}</caption>
                                            <thead><tr><th scope="col">"Informatie"</th><th scope="col">"Wie levert"</th><th scope="col">"Hoe vaak"</th><th scope="col">"Beschikbaar"</th></tr></thead>
                                            <tbody>{a.rows.into_iter().map(|[item, supplier, frequency, available]| view! {
                                                <tr>
                                                    <th scope="row">{item}</th>
                                                    <td>{supplier}</td>
                                                    <td>{frequency}</td>
                                                    <td>{available}</td>
                                                </tr>
                                            }).collect::<Vec<_>>()}</tbody>
                                        </table>
                                    </TableFrame>
                                    <p class="bron"><strong>"Bron: "</strong>{a.source}</p>
                                }).collect::<Vec<_>>()}
                            </section>
                        }
                    }).collect::<Vec<_>>()}
                    {(!untranscribed.is_empty()).then(|| view! {
                        <section class="pijler" aria-labelledby="niet-opgenomen">
                            <h2 id="niet-opgenomen">"Niet opgenomen figuren"</h2>
                            <p>"Deze figuren staan in de publicatie, maar hun waarden zijn niet betrouwbaar over te nemen:"</p>
                            <ul>{untranscribed.into_iter().map(|u| view! { <li><strong>{u.title}</strong>": "{u.reason}</li> }).collect::<Vec<_>>()}</ul>
                        </section>
                    })}
                }
            }
        })}
    }
    .into_any()
}
