//! A theme page (issue 23: it fits a phone): the pillar menu, then the four pillars as
//! sections, each with its answer open and the rest one tap away (the other cards, the figures
//! from the running text with each quote once, availability tables); figures that could not be
//! transcribed, with the reason. `core::pages::theme::layout` decides what goes where; the
//! baked page (`core::bake::pages::theme_body`) has the same elements in the same order.

use super::{with_files, GemeenteKeuze};
use crate::core::check::crosscheck;
use crate::core::model::Theme;
use crate::core::pages::theme::has_statements;
use crate::core::pages::theme::{self, AvailabilityTable};
use crate::ui::dashboard::PillarCardsView;
use crate::ui::statements::PillarStatements;
use crate::ui::store::use_store;
use crate::ui::table::TableFrame;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn ThemePage() -> impl IntoView {
    let store = use_store();
    let Some(region) = store.view.region.get_untracked() else { return ().into_any() };
    let Some(chosen) = store.view.state.with_untracked(|s| s.theme.as_deref().and_then(Theme::from_id)) else {
        return view! { <h1>"Thema"</h1><p>"Onbekend thema. Kies een thema op de startpagina."</p> }.into_any();
    };
    let manifest = store.manifest();
    let menu = Memo::new(move |_| store.view.state.with(theme::menu));
    let (m, r) = (manifest.clone(), region.clone());
    let heading = Memo::new(move |_| store.view.state.with(|s| theme::heading(chosen, &m, &r, s)));
    view! {
        <h1>{move || heading.with(|h| h.0.clone())}</h1>
        {move || heading.with(|h| h.1.clone()).map(|l| view! { <p class="klein">{l}</p> })}
        <nav class="pijler-menu" aria-label="Onderdelen van dit thema">
            <ul>{move || menu.get().into_iter().map(|l| view! { <li><a href=l.href>{l.label}</a></li> }).collect::<Vec<_>>()}</ul>
        </nav>
        <GemeenteKeuze/>
        {with_files(move |sets| {
            let all = sets.clone();
            let sets2 = sets.clone();
            let sections = Memo::new(move |_| store.view.state.with(|s| theme::theme(&sets, chosen, s)));
            let (m, r) = (manifest.clone(), region.clone());
            let outcome = Arc::new(crosscheck::run_loaded(&sets2, &m));
            // The dashboard laid out for a phone: per pillar its answer, the rest collapsed.
            let board = Memo::new(move |_| {
                store.view.state.with(|s| {
                    let board = theme::dashboard(&sets2, chosen, &m, &r, s);
                    theme::layout(&sets2, board, &m, s, Some(&outcome))
                })
            });
            move || {
                let (sections, untranscribed) = sections.get();
                let mut pillars = board.get().pillars.into_iter();
                view! {
                    {sections.into_iter().map(|section| {
                        let empty = section.is_empty() && !has_statements(&all, chosen, &section.id);
                        let pillar = pillars.next();
                        let id = section.id.clone();
                        let (cards, said) = match pillar {
                            Some(p) => {
                                let name = format!("uitspraken-{}-{}", chosen.id(), p.pillar.id());
                                let said = (!p.statements.is_empty()).then(|| view! {
                                    <PillarStatements sets=all.clone() groups=p.statements cards=p.statement_cards label=p.statements_label name=name/>
                                });
                                let cards = view! { <PillarCardsView id=id.clone() answer=p.answer more=p.more more_label=p.more_label/> };
                                (Some(cards), said)
                            }
                            None => (None, None),
                        };
                        view! {
                            <section class="pijler" aria-labelledby=id.clone()>
                                <h2 id=id.clone() tabindex="-1">{section.name}</h2>
                                {empty.then(|| view! { <p>"Voor dit onderdeel zijn geen cijfers opgenomen."</p> })}
                                {cards}
                                {said}
                                {section.availability.into_iter().map(|a| view! { <Availability table=a/> }).collect::<Vec<_>>()}
                            </section>
                        }
                    }).collect::<Vec<_>>()}
                    {(!untranscribed.is_empty()).then(|| view! {
                        <section class="pijler" aria-labelledby="niet-opgenomen">
                            <h2 id="niet-opgenomen">"Niet opgenomen figuren"</h2>
                            <details class="meer">
                                <summary>{theme::untranscribed_label(untranscribed.len())}</summary>
                                <p>"Deze figuren staan in de publicatie, maar hun waarden zijn niet betrouwbaar over te nemen:"</p>
                                <ul>{untranscribed.into_iter().map(|u| view! { <li><strong>{u.title}</strong>": "{u.reason}</li> }).collect::<Vec<_>>()}</ul>
                            </details>
                        </section>
                    })}
                }
            }
        })}
    }
    .into_any()
}

/// Who supplies what, how often: one tap away under its title.
#[component]
fn Availability(table: AvailabilityTable) -> impl IntoView {
    let AvailabilityTable { title, source, summary, rows } = table;
    view! {
        <details class="meer">
            <summary>{summary}</summary>
            <TableFrame label=title.clone()>
                <table class="cijfers beschikbaarheid">
                    <caption>{title}</caption>
                    <thead><tr><th scope="col">"Informatie"</th><th scope="col">"Wie levert"</th><th scope="col">"Hoe vaak"</th><th scope="col">"Beschikbaar"</th></tr></thead>
                    <tbody>{rows.into_iter().map(|[item, supplier, frequency, available]| view! {
                        <tr>
                            <th scope="row">{item}</th>
                            <td>{supplier}</td>
                            <td>{frequency}</td>
                            <td>{available}</td>
                        </tr>
                    }).collect::<Vec<_>>()}</tbody>
                </table>
            </TableFrame>
            <p class="bron"><strong>"Bron: "</strong>{source}</p>
        </details>
    }
}
