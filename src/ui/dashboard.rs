//! Dashboard cards: render what `core::dashboard` computed, nothing more. Comparisons carry a
//! sign *and* words; marks carry words.

use super::chart::ChartView;
use super::words::Terms;
use crate::core::pages::indicator::ChartModel;
use crate::core::present::dashboard::Card;
use crate::core::present::statement_view::QUOTE_ABOVE;
use leptos::prelude::*;

/// A chart whose option does not change while it is shown (a card, a compare panel).
#[component]
pub fn SmallChart(option: String, height: u32, label: String, described_by: String) -> impl IntoView {
    let chart = Memo::new(move |_| ChartModel { option: option.clone(), height, label: label.clone() });
    let described_by = Memo::new(move |_| described_by.clone());
    view! { <ChartView chart=chart described_by=described_by/> }
}

/// The cards of one pillar (`core::pages::theme::PillarView`): its answer open, the other
/// cards in the same list form under a summary line that says how many there are. `id`: the
/// pillar's heading.
#[component]
pub fn PillarCardsView(
    #[prop(into)] id: String,
    answer: Vec<Card>,
    more: Vec<Card>,
    #[prop(into)] more_label: String,
) -> impl IntoView {
    view! {
        {(!answer.is_empty()).then(|| view! {
            <ul class="kaarten" aria-labelledby=id>
                {answer.into_iter().map(|c| view! { <CardView card=c/> }).collect::<Vec<_>>()}
            </ul>
        })}
        {(!more.is_empty()).then(|| view! {
            <details class="meer">
                <summary>{more_label.clone()}</summary>
                <ul class="kaarten" aria-label=more_label>
                    {more.into_iter().map(|c| view! { <CardView card=c/> }).collect::<Vec<_>>()}
                </ul>
            </details>
        })}
    }
}

/// One indicator: the figure, what it means, how it compares, a small chart, a link.
#[component]
pub fn CardView(card: Card) -> impl IntoView {
    let text_id = format!("kaarttekst-{}", card.table);
    let title_id = format!("kaarttitel-{}", card.table);
    let missing = card.figure.number().is_none();
    let value_class = if missing { "waarde ontbreekt" } else { "waarde" };
    let chart = card.chart.clone().map(|(option, height)| {
        let label = format!("Grafiek: {}", card.label);
        view! { <SmallChart option=option height=height label=label described_by=text_id.clone()/> }
    });
    let labelled_by = title_id.clone();
    view! {
        <li class="kaart" aria-labelledby=labelled_by>
            <h3 id=title_id><a href=card.href.clone()>{card.title.clone()}</a></h3>
            <Terms terms=card.begrippen.clone()/>
            <p class="cijfer">
                <span class=value_class>{card.shown.clone()}</span>
                <span>{card.caption.clone()}</span>
            </p>
            {card.missing.clone().map(|m| view! { <p class="klein">{m}</p> })}
            {card.computed.clone().map(|c| view! { <p class="klein bron-wijkt-af">{c}</p> })}
            {card.quote.clone().map(|q| view! { <blockquote class="klein" id=format!("citaat-kaart-{}", card.table) tabindex="-1">"“"{q}"”"</blockquote> })}
            {card.quote_at.clone().map(|at| view! { <p class="klein"><a href=at>{QUOTE_ABOVE}</a></p> })}
            {card.sentence.clone().map(|s| view! { <p class="zin">{s}</p> })}
            {card.comparison.clone().map(|c| view! {
                <p class=format!("vergelijking vergelijking-{}", c.direction.id())>
                    <span class="teken" aria-hidden="true">{c.direction.sign()}</span>
                    {c.words}
                </p>
            })}
            {card.age.clone().map(|a| view! { <p class="klein leeftijd-cijfer">{a}</p> })}
            {(card.provisional || card.secret).then(|| view! {
                <p class="kenmerken">
                    {card.provisional.then(|| view! { <span class="badge voorlopig">"Voorlopig cijfer"</span> })}
                    {card.secret.then(|| view! { <span class="badge">"Geheim: 0 tot en met 7"</span> })}
                </p>
            })}
            {chart}
            <p class="visueel-verborgen" id=text_id.clone()>{card.chart_text.clone()}</p>
        </li>
    }
}
