//! The accessible data table of a grid: caption, header scopes, units, and marks in words.
//!
//! On a phone (issue 23) a wide table scrolls sideways inside its frame and keeps the chosen
//! gemeente in view: `grid::build` always puts areas in rows, so the gemeente is a row, never a
//! column, and the sticky first column (style/main.css) keeps its name on screen at any scroll,
//! its row marked (`gekozen`, bold, a bar, `aria-current`). Where a page shows gemeenten as
//! columns (the profile) the chosen gemeente is the first figure column, right after the row
//! headers (`council::profile_columns`): reordering is simpler and sturdier than a second sticky
//! column, whose offset would have to follow the first column's width. The caption stays in the
//! frame's visible box (sticky, at most the frame's width) and headers wrap only between words.

use crate::core::calc::engine::Figure;
use crate::core::calc::grid::Grid;
use crate::core::pages::{cell_text, CellText};
use crate::core::present::ranked::{self, Ranked};
use leptos::prelude::*;

#[component]
pub fn DataTable(
    grid: Grid,
    caption: String,
    /// The chosen gemeente: its row is marked (bold, a bar, and `aria-current` for screen readers).
    #[prop(default = None)]
    focus: Option<String>,
    /// A table of many areas (issue 25): sorted and ranked by the core, with a filter field.
    #[prop(default = None)]
    ranked: Option<Ranked>,
) -> impl IntoView {
    // The filter keeps the rows the core says match (`ranked::shown` over folded names).
    let query = RwSignal::new(String::new());
    let keys = ranked.as_ref().map(|r| r.keys.clone()).unwrap_or_default();
    let shown = Memo::new(move |_| query.with(|q| ranked::shown(&keys, q)));
    let search = ranked.as_ref().map(|r| {
        let id = r.search_id.clone();
        view! {
            <div class="tabel-zoek">
                <label for=id.clone()>{r.search_label.clone()}</label>
                <input type="search" id=id autocomplete="off" on:input=move |e| query.set(event_target_value(&e))/>
                <p class="klein tabel-zoek-telling" aria-live="polite">{move || shown.with(|s| ranked::count(s))}</p>
            </div>
        }
    });
    let rank_header = ranked.as_ref().map(|r| view! { <th scope="col">{r.header.clone()}</th> });
    let (ranks, long) = match ranked {
        Some(r) => (r.ranks.into_iter().map(Some).collect::<Vec<_>>(), true),
        None => (vec![None; grid.rows.len()], false),
    };
    let header = grid.row_header();
    let columns = grid.columns.clone();
    let single = grid.columns.len() == 1 && grid.columns[0].measure.is_empty();
    // Only some figures voorlopig: mark them visibly (the legend is under the table). When all
    // are, the badge above the table says so and a mark in every cell would only be noise.
    let mark = grid.provisional() == crate::core::calc::grid::Provisional::Some;
    view! {
        {search}
        <TableFrame label=caption.clone() class=if long { "lang" } else { "" }>
            <table class="cijfers">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{header}</th>
                        {if single {
                            vec![view! { <th scope="col">"Waarde"</th> }.into_any()]
                        } else {
                            columns.iter().map(|c| view! { <th scope="col">{c.header()}</th> }.into_any()).collect::<Vec<_>>()
                        }}
                        {rank_header}
                    </tr>
                </thead>
                <tbody>
                    {grid.rows.into_iter().zip(ranks).enumerate().map(|(i, (row, rank))| {
                        let here = focus.as_deref() == Some(row.id.as_str());
                        let class = match (row.reference, here) {
                            (_, true) => "gekozen",
                            (true, false) => "referentie",
                            _ => "",
                        };
                        // Each cell names its column (data-kolom): an embed in a narrow column
                        // shows a row as a list "kolom: waarde" (style/main.css).
                        let names: Vec<String> = if single {
                            vec!["Waarde".to_owned()]
                        } else {
                            columns.iter().map(|c| c.header()).collect()
                        };
                        let hidden = move || long && !shown.with(|s| s.get(i).copied().unwrap_or(true));
                        view! {
                            <tr class=class aria-current=here.then_some("true") hidden=hidden>
                                <th scope="row">{row.label}</th>
                                {row.cells.into_iter().zip(names).map(|(f, kolom)| view! { <Cell figure=f mark=mark kolom=kolom/> }).collect::<Vec<_>>()}
                                {rank.map(|r| view! { <td class="getal plaats" data-kolom="Plaats">{r}</td> })}
                            </tr>
                        }
                    }).collect::<Vec<_>>()}
                </tbody>
            </table>
        </TableFrame>
    }
}

/// The scrollable frame around a wide table: focusable and named, so keyboard users can
/// scroll it (WCAG 2.1.1) and screen readers announce what it holds.
#[component]
pub fn TableFrame(label: String, #[prop(optional)] class: &'static str, children: Children) -> impl IntoView {
    let class = if class.is_empty() { "tabel-kader".to_owned() } else { format!("tabel-kader {class}") };
    view! {
        <div class=class tabindex="0" role="region" aria-label=format!("Tabel: {label}")>
            {children()}
        </div>
    }
}

/// One cell, as `core::pages::cell_text` writes it.
#[component]
fn Cell(figure: Figure, mark: bool, kolom: String) -> impl IntoView {
    match cell_text(&figure) {
        CellText::Number { text, provisional, printed } => {
            let value = text.clone();
            view! {
            <td class="getal" data-waarde=value data-kolom=kolom>
                {text}
                {(provisional && mark).then(|| view! { <span class="voorlopig-teken" aria-hidden="true">"*"</span> })}
                {provisional.then(|| view! { <span class="visueel-verborgen">" (voorlopig)"</span> })}
                {printed.map(|p| view! { <span class="bron-wijkt-af">{p}</span> })}
            </td>
            }
            .into_any()
        }
        CellText::Mark { mark, reason, secret, range } => {
            let class = if secret { "getal markering geheim" } else { "getal markering" };
            view! {
                <td class=class data-waarde=mark data-kolom=kolom title=reason.clone()>
                    <abbr title=reason.clone()>{mark}</abbr>
                    <span class="visueel-verborgen">{format!(": {reason}")}</span>
                    {range}
                </td>
            }
            .into_any()
        }
    }
}
