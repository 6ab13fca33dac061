//! The gemeente profile: every indicator for one gemeente next to its region and Nederland.

use super::{with_files, GemeenteKeuze};
use crate::core::pages::{profile, site};
use crate::ui::store::use_store;
use crate::ui::table::TableFrame;
use leptos::prelude::*;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let store = use_store();
    let manifest = store.manifest();
    let code = Memo::new(move |_| {
        let region = store.view.region.get()?;
        store.view.state.with(|s| profile::profile_gemeente(&region, s))
    });
    let m = manifest.clone();
    move || match code.get() {
        None => {
            let m = m.clone();
            view! {
                <h1>"Gemeenteprofiel"</h1>
                {with_files(move |sets| {
                    let tables = site::all_tables(&sets);
                    // Only where gemeenten have figures of their own (issue 21).
                    match store.view.region.get_untracked().and_then(|r| profile::not_offered(&tables, &m, &r)) {
                        Some(why) => view! { <p>{why}</p> }.into_any(),
                        None => view! {
                            <p>"Kies een gemeente om al haar cijfers te zien, naast die van de regio en Nederland."</p>
                            <GemeenteKeuze/>
                        }
                        .into_any(),
                    }
                })}
            }
            .into_any()
        }
        Some(code) => {
            let m = m.clone();
            view! {
                <h1>"Gemeenteprofiel "{m.area_name(&code)}</h1>
                <GemeenteKeuze/>
                {with_files(move |sets| {
                    let tables = site::all_tables(&sets);
                    if let Some(why) = store.view.region.get_untracked().and_then(|r| profile::not_offered(&tables, &m, &r)) {
                        return view! { <p>{why}</p> }.into_any();
                    }
                    let sections = match store.view.region.get_untracked() {
                        Some(region) => store.view.state.with_untracked(|s| profile::profile(&tables, &m, &region, &code, s)),
                        None => Vec::new(),
                    };
                    let wijken = store.view.state.with_untracked(|s| profile::wijken(&tables, &m, &code, s));
                    let wijken_title = format!("Wijken en buurten van {}", m.area_name(&code));
                    let sections = sections.into_iter().map(|section| view! {
                        <section aria-labelledby=section.id.clone()>
                            <h2 id=section.id.clone()>{section.theme}</h2>
                            <TableFrame label=section.caption.clone()>
                                <table class="cijfers profiel">
                                    <caption>{section.caption.clone()}</caption>
                                    <thead><tr>
                                        <th scope="col">"Indicator"</th>
                                        // The gemeente's figures next to the names, in view on a phone (issue 23).
                                        {section.columns.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect::<Vec<_>>()}
                                        <th scope="col">"Periode"</th>
                                    </tr></thead>
                                    <tbody>{section.rows.into_iter().map(|row| view! {
                                        <tr>
                                            <th scope="row"><span class="rijnaam"><a href=row.href>{row.title}</a>": "{row.measure}</span></th>
                                            {row.cells.into_iter().map(|c| view! { <td class="getal">{c}</td> }).collect::<Vec<_>>()}
                                            <td>{row.period}</td>
                                        </tr>
                                    }).collect::<Vec<_>>()}</tbody>
                                </table>
                            </TableFrame>
                        </section>
                    }).collect::<Vec<_>>();
                    view! {
                        {sections}
                        {(!wijken.is_empty()).then(|| view! {
                            <section aria-labelledby="profiel-wijken">
                                <h2 id="profiel-wijken">{wijken_title}</h2>
                                <ul class="wijken">{wijken.into_iter().map(|w| view! {
                                    <li>
                                        <strong>{w.name}</strong>{format!(" ({}): ", w.kind)}
                                        {w.tables.into_iter().map(|l| view! { <a href=l.href>{l.label}</a>" " }).collect::<Vec<_>>()}
                                    </li>
                                }).collect::<Vec<_>>()}</ul>
                            </section>
                        })}
                    }
                    .into_any()
                })}
            }
            .into_any()
        }
    }
}
