//! The gemeente profile: every indicator for one gemeente next to its region and Nederland.

use super::{all_tables, gemeente, link, region, with_datasets, GemeenteKeuze};
use crate::core::catalog;
use crate::core::model::{Manifest, Theme};
use crate::core::view::{Page, ViewState};
use crate::ui::table::TableFrame;
use leptos::prelude::*;

#[component]
pub fn ProfilePage(manifest: Manifest, state: ViewState) -> impl IntoView {
    let Some(region) = region(&manifest, &state).cloned() else { return ().into_any() };
    let chosen = gemeente(&region, &state)
        .map(str::to_owned)
        .or_else(|| (region.gemeenten.len() == 1).then(|| region.gemeenten[0].clone()));
    let Some(code) = chosen else {
        return view! {
            <h1>"Gemeenteprofiel"</h1>
            <p>"Kies een gemeente om al haar cijfers te zien, naast die van de regio en Nederland."</p>
            <GemeenteKeuze manifest=manifest.clone() region=region.clone() state=state.clone()/>
        }
        .into_any();
    };
    let name = manifest.area_name(&code);
    let (m, s, r) = (manifest.clone(), state.clone(), region.clone());
    view! {
        <h1>"Gemeenteprofiel "{name.clone()}</h1>
        <GemeenteKeuze manifest=manifest.clone() region=region.clone() state=state.clone()/>
        {with_datasets(manifest.clone(), Some(region.id.clone()), None, move |sets| {
            let tables = all_tables(&sets);
            let rows = catalog::profile(&tables, &code, &r.area, r.reference.as_deref());
            let region_name = m.area_name(&r.area);
            let reference_name = r.reference.as_deref().map(|x| m.area_name(x)).unwrap_or_default();
            Theme::ALL.into_iter().filter_map(|theme| {
                let rows: Vec<_> = rows.iter().filter(|x| x.theme == theme).cloned().collect();
                (!rows.is_empty()).then(|| {
                    let caption = format!("{} — {}", theme.name(), m.area_name(&code));
                    let s = s.clone();
                    let (gemeente_name, region_name, reference_name) = (m.area_name(&code), region_name.clone(), reference_name.clone());
                    view! {
                        <section aria-labelledby=format!("profiel-{}", theme.id())>
                            <h2 id=format!("profiel-{}", theme.id())>{theme.name()}</h2>
                            <TableFrame label=caption.clone()>
                                <table class="cijfers profiel">
                                    <caption>{caption}</caption>
                                    <thead><tr>
                                        <th scope="col">"Indicator"</th>
                                        <th scope="col">"Periode"</th>
                                        <th scope="col">{gemeente_name}</th>
                                        <th scope="col">{region_name}</th>
                                        <th scope="col">{reference_name}</th>
                                    </tr></thead>
                                    <tbody>{rows.into_iter().map(|row| {
                                        let href = link(&s, Page::Indicator, |v| v.indicator = Some(row.table.clone()));
                                        view! {
                                            <tr>
                                                <th scope="row"><a href=href>{row.title.clone()}</a>": "{row.measure.clone()}</th>
                                                <td>{row.period.clone()}</td>
                                                <td class="getal">{row.gemeente.display()}</td>
                                                <td class="getal">{row.region.map_or("—".into(), |f| f.display())}</td>
                                                <td class="getal">{row.reference.map_or("—".into(), |f| f.display())}</td>
                                            </tr>
                                        }
                                    }).collect::<Vec<_>>()}</tbody>
                                </table>
                            </TableFrame>
                        </section>
                    }
                })
            }).collect::<Vec<_>>()
        })}
    }
    .into_any()
}
