//! The home page: what the monitor is, the region and gemeente, key figures per theme next to
//! the region and Nederland, and the first indicator.

use super::{with_files, GemeenteKeuze, NavItem};
use crate::core::pages::council;
use crate::core::pages::{home, site, words};
use crate::ui::indicator::IndicatorView;
use crate::ui::store::{use_store, TableRef};
use crate::ui::words::Terms;
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let store = use_store();
    let manifest = store.manifest();
    let Some(region) = store.view.region.get_untracked() else {
        return view! { <h1>"Monitor Sociaal Domein"</h1><p>"Er zijn nog geen regio's ingesteld in manifest.json."</p> }.into_any();
    };
    let config = store.config();
    let (m, r, c) = (manifest.clone(), region.clone(), config.clone());
    let links = Memo::new(move |_| store.view.state.with(|s| home::theme_links(&c, &m, &r, s)));
    let (m, r, c) = (manifest.clone(), region.clone(), config.clone());
    let (m2, r2) = (manifest.clone(), region.clone());
    let heading = Memo::new(move |_| store.view.state.with(|s| home::heading(&m2, &r2, s)));
    view! {
        <h1>{move || heading.with(|h| h.0.clone())}</h1>
        {move || heading.with(|h| h.1.clone()).map(|l| view! { <p class="klein">{l}</p> })}
        <p class="inleiding">{council::intro(&config)}</p>
        <GemeenteKeuze/>
        <nav aria-label="Thema's" class="themas">
            <h2>"Thema's"</h2>
            <ul>{move || links.get().into_iter().map(|l| view! { <li><NavItem link=l/></li> }).collect::<Vec<_>>()}</ul>
        </nav>
        {with_files(move |sets| {
            let (m, r, c, sets2) = (m.clone(), r.clone(), c.clone(), sets.clone());
            // Profile and comparison only where gemeenten have figures of their own (issue 21).
            let (r2, sets3) = (r.clone(), sets.clone());
            let more = Memo::new(move |_| {
                let tables = site::all_tables(&sets3);
                store.view.state.with(|s| home::more_links(&r2, &tables, s))
            });
            let cards = Memo::new(move |_| {
                store.view.state.with(|s| words::key_figures(&sets2, &c, &m, &r, s))
            });
            let all = site::all_tables(&sets);
            let featured = home::featured(&all).and_then(|t| TableRef::find(&sets, &t.id));
            let age = home::age(&all, &store.manifest());
            // No empty "Kerncijfers" heading when no table has a key figure (issue 15).
            let any = Memo::new(move |_| cards.with(|c| !c.is_empty()));
            view! {
                {age.map(|a| view! { <p class="leeftijd">{a}</p> })}
                <nav aria-label="Meer" class="meer">
                    <ul>{move || more.get().into_iter().map(|l| view! { <li><NavItem link=l/></li> }).collect::<Vec<_>>()}</ul>
                </nav>
                <Show when=move || any.get()>
                <section aria-labelledby="kerncijfers">
                    <h2 id="kerncijfers">"Kerncijfers"</h2>
                    <ul class="kerncijfers">{move || cards.get().into_iter().map(|card| view! {
                        <li class="kerncijfer">
                            <h3><a href=card.theme_href>{card.theme.clone()}</a></h3>
                            <p class="cijfer"><span class="waarde">{card.value}</span>" "{card.caption}</p>
                            <Terms terms=card.begrippen/>
                            {card.computed.map(|c| view! { <p class="klein bron-wijkt-af">{c}</p> })}
                            {card.sentence.map(|s| view! { <p class="zin">{s}</p> })}
                            {card.context.map(|c| view! { <p class="klein">{c}</p> })}
                            <p class="klein">{card.period}{card.provisional.then_some(" (voorlopig)")}</p>
                            <p><a href=card.href>"Bekijk dit cijfer"<span class="visueel-verborgen">{format!(": {}", card.title)}</span></a></p>
                        </li>
                    }).collect::<Vec<_>>()}</ul>
                </section>
                </Show>
                {featured.map(|t| view! { <IndicatorView table=t/> })}
            }
        })}
    }
    .into_any()
}
