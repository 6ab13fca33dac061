//! Figures from the running text where residents look: under a theme's pillars, on the indicator
//! they belong to and in search, each with the sentence it comes from (quoted), its source, the
//! recomputation and any contradiction; plus CSV/JSON downloads. The core
//! (`statement_view`, `crosscheck`) decides what to show; these components only render.

use super::download::save_text;
use super::store::use_store;
use crate::core::check::crosscheck::Outcome;
use crate::core::model::Dataset;
use crate::core::present::remarks::Contradiction;
use crate::core::present::statement_view::{self as sv, Card, Quoted, QUOTE_ABOVE};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// The figures from the running text under one pillar of a theme (issue 23): one tap away under
/// a line that says how many there are, each sentence quoted once (`groups`, from
/// `core::pages::theme::layout`), with downloads of `cards`.
#[component]
pub fn PillarStatements(
    sets: Vec<Arc<Dataset>>,
    groups: Vec<Quoted>,
    cards: Vec<Card>,
    #[prop(into)] label: String,
    #[prop(into)] name: String,
) -> impl IntoView {
    let csv = sv::csv(&cards, &sv::by_id(&sets));
    let json = sv::json(&cards, &sv::by_id(&sets));
    view! {
        <section class="uitspraken" aria-label="Uit de tekst van het rapport">
            <details class="meer">
                <summary>{label}</summary>
                <QuoteList groups=groups/>
                <StatementDownloads name=name csv=csv json=json/>
            </details>
        </section>
    }
}

/// The statements that restate a cell of this table and the contradictions that touch it
/// (shown under the indicator; not in an embed). `outcome` is the cross checks over `sets`;
/// `contradictions` the list every output of the table carries (`core::remarks`).
#[component]
pub fn TableStatements(
    sets: Vec<Arc<Dataset>>,
    #[prop(into)] table: String,
    outcome: Arc<Outcome>,
    contradictions: Vec<Contradiction>,
) -> impl IntoView {
    let store = use_store();
    if store.view.embed.get_untracked() {
        return ().into_any();
    }
    let manifest = store.manifest();
    let cards = sv::for_table(&sets, &manifest, &table, Some(&outcome));
    let groups = sv::by_quote(cards, &mut HashMap::new(), |id| format!("#{id}"));
    view! {
        <Statements groups=groups id=format!("uitspraken-{table}")/>
        <TableFindings findings=contradictions/>
    }
    .into_any()
}

/// Statements found by a search query.
#[component]
pub fn FoundStatements(sets: Vec<Arc<Dataset>>, #[prop(into)] query: String) -> impl IntoView {
    let manifest = use_store().manifest();
    let cards = sv::search(&sets, &manifest, &query);
    (!cards.is_empty()).then(|| {
        let found = format!("{} cijfers uit de tekst van de rapporten gevonden.", cards.len());
        let groups = sv::by_quote(cards, &mut HashMap::new(), |id| format!("#{id}"));
        view! {
            <p role="status">{found}</p>
            <Statements groups=groups id="uitspraken-zoeken"/>
        }
    })
}

/// Statements under a small heading, each sentence once; nothing when there are none.
#[component]
fn Statements(groups: Vec<Quoted>, #[prop(into)] id: String) -> impl IntoView {
    if groups.is_empty() {
        return ().into_any();
    }
    let heading = format!("{id}-titel");
    let labelled_by = heading.clone();
    view! {
        <section class="uitspraken" aria-labelledby=labelled_by>
            <h3 id=heading>"Uit de tekst van het rapport"</h3>
            <QuoteList groups=groups/>
        </section>
    }
    .into_any()
}

/// One item per sentence of the report: the figures taken from it, the sentence (or a link to
/// where the page already quotes it), where in the report.
#[component]
fn QuoteList(groups: Vec<Quoted>) -> impl IntoView {
    view! {
        <ul class="uitspraken-lijst">
            {groups.into_iter().map(|g| view! {
                <li class="uitspraak" id=g.id tabindex="-1">
                    <ul class="uitspraak-cijfers">
                        {g.cards.into_iter().map(|c| view! { <li><StatementFigure card=c/></li> }).collect::<Vec<_>>()}
                    </ul>
                    {match g.shown_at {
                        None => view! { <blockquote class="uitspraak-citaat"><p>"“"{g.quote}"”"</p></blockquote> }.into_any(),
                        Some(at) => view! { <p class="uitspraak-verwijzing"><a href=at>{QUOTE_ABOVE}</a></p> }.into_any(),
                    }}
                    <p class="bron">"Uit: "{g.source}</p>
                </li>
            }).collect::<Vec<_>>()}
        </ul>
    }
}

/// One figure taken from a sentence: the figure, how the sentence writes it, the recomputation
/// and the contradictions that touch it.
#[component]
fn StatementFigure(card: Card) -> impl IntoView {
    let Card { figure, printed, label, area, period, nature, provisional, recomputed, contradictions, .. } = card;
    view! {
        <p class="uitspraak-cijfer">
            <strong class="uitspraak-waarde">{figure}</strong>" "{label}" — "{area}", "{period}
            {nature.map(|n| view! { " " <span class="label-soort">{n}</span> })}
            {provisional.then_some(" (voorlopig)")}
        </p>
        {printed.map(|p| view! { <p class="uitspraak-geschreven">"In de tekst: “"{p}"”"</p> })}
        {recomputed.map(|h| view! { <p class="uitspraak-nagerekend">"Nagerekend uit de cijfers in de tekst: "{h}</p> })}
        {(!contradictions.is_empty()).then(|| view! {
            <ul class="tegenspraken">
                {contradictions.into_iter().map(|(grade, d)| view! { <li><strong>{grade}": "</strong>{d}</li> }).collect::<Vec<_>>()}
            </ul>
        })}
    }
}

/// The contradictions the cross checks found that touch a table, worst first.
#[component]
fn TableFindings(findings: Vec<Contradiction>) -> impl IntoView {
    (!findings.is_empty()).then(|| {
        view! {
            <div class="inconsistenties">
                <h3>"Tegenspraak in de bron, tussen tekst en tabellen"</h3>
                <ul>
                    {findings
                        .into_iter()
                        .map(|f| view! { <li><strong>{f.grade}" ("{f.kind}"): "</strong>{f.description}</li> })
                        .collect::<Vec<_>>()}
                </ul>
            </div>
        }
    })
}

/// CSV (Dutch Excel) and JSON downloads of the statements shown.
#[component]
fn StatementDownloads(name: String, csv: String, json: String) -> impl IntoView {
    let (csv_name, json_name) = (format!("{name}.csv"), format!("{name}.json"));
    let error = RwSignal::new(None::<String>);
    let save = move |file: String, mime: &'static str, text: String| {
        move |_| error.set(save_text(&file, mime, &text).err().map(|e| format!("Downloaden lukte niet: {e}")))
    };
    view! {
        <p class="downloads uitspraken-downloads">
            <button type="button" on:click=save(csv_name, "text/csv;charset=utf-8", csv)>"Download deze cijfers uit de tekst (CSV)"</button>
            " "
            <button type="button" on:click=save(json_name, "application/json", json)>"(JSON)"</button>
        </p>
        {move || error.get().map(|e| view! { <p class="fout" role="alert">{e}</p> })}
    }
}
