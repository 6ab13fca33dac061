//! Figures from the running text where residents look: under a theme's pillars, on the indicator
//! they belong to and in search, each with the sentence it comes from (quoted), its source, the
//! recomputation and any contradiction; plus CSV/JSON downloads. The core
//! (`statement_view`, `crosscheck`) decides what to show; these components only render.

use super::download::save_text;
use super::store::use_store;
use crate::core::check::crosscheck::{self, Outcome};
use crate::core::model::{Dataset, Pillar, Theme};
use crate::core::present::remarks::Contradiction;
use crate::core::present::statement_view::{self as sv, Card};
use leptos::prelude::*;
use std::sync::Arc;

/// The statements of one pillar of a theme (`pillar` is the section id, `pijler-…`), with
/// downloads; nothing when the pillar has none.
#[component]
pub fn PillarStatements(sets: Vec<Arc<Dataset>>, theme: Theme, #[prop(into)] pillar: String) -> impl IntoView {
    let Some(p) = pillar.strip_prefix("pijler-").and_then(Pillar::from_id) else { return ().into_any() };
    let manifest = use_store().manifest();
    let outcome = crosscheck::run_loaded(&sets, &manifest);
    let cards = sv::for_pillar(&sets, &manifest, theme, p, Some(&outcome));
    if cards.is_empty() {
        return ().into_any();
    }
    let name = format!("uitspraken-{}-{}", theme.id(), p.id());
    let csv = sv::csv(&cards, &sv::by_id(&sets));
    let json = sv::json(&cards, &sv::by_id(&sets));
    view! {
        <Statements cards=cards id=name.clone()/>
        <StatementDownloads name=name csv=csv json=json/>
    }
    .into_any()
}

/// Whether a pillar section (`pijler-…`) has statements, so the page does not call it empty.
pub fn has_statements(sets: &[Arc<Dataset>], theme: Theme, pillar: &str) -> bool {
    let Some(p) = pillar.strip_prefix("pijler-").and_then(Pillar::from_id) else { return false };
    sets.iter().flat_map(|d| &d.narrative.statements).any(|s| s.theme == theme && s.pillar == p)
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
    view! {
        <Statements cards=cards id=format!("uitspraken-{table}")/>
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
        view! {
            <p role="status">{format!("{} cijfers uit de tekst van de rapporten gevonden.", cards.len())}</p>
            <Statements cards=cards id="uitspraken-zoeken"/>
        }
    })
}

/// A list of statement cards under a small heading; nothing when there are none.
#[component]
fn Statements(cards: Vec<Card>, #[prop(into)] id: String) -> impl IntoView {
    if cards.is_empty() {
        return ().into_any();
    }
    let heading = format!("{id}-titel");
    let labelled_by = heading.clone();
    view! {
        <section class="uitspraken" aria-labelledby=labelled_by>
            <h3 id=heading>"Uit de tekst van het rapport"</h3>
            <ul class="uitspraken-lijst">
                {cards.into_iter().map(|c| view! { <li class="uitspraak"><StatementCard card=c/></li> }).collect::<Vec<_>>()}
            </ul>
        </section>
    }
    .into_any()
}

#[component]
fn StatementCard(card: Card) -> impl IntoView {
    let Card {
        figure,
        printed,
        label,
        area,
        period,
        nature,
        provisional,
        quote,
        source,
        recomputed,
        contradictions,
        ..
    } = card;
    view! {
        <p class="uitspraak-cijfer">
            <strong class="uitspraak-waarde">{figure}</strong>" "{label}" — "{area}", "{period}
            {nature.map(|n| view! { " " <span class="label-soort">{n}</span> })}
            {provisional.then_some(" (voorlopig)")}
        </p>
        <blockquote class="uitspraak-citaat"><p>"“"{quote}"”"</p></blockquote>
        {printed.map(|p| view! { <p class="uitspraak-geschreven">"In de tekst: “"{p}"”"</p> })}
        <p class="bron">"Uit: "{source}</p>
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
