//! Plain words on a page (issue 23): glossary terms as one disclosure where they first appear,
//! and the report's own names beside the reader's (`core::present::plain_words`).
//! `core::bake::body` writes the same markup for the baked page.

use crate::core::present::plain_words::PlainWords;
use crate::core::text::glossary::{question, Explained};
use leptos::prelude::*;

/// One disclosure for a place's terms: "Wat betekent KTV?" opens the explanation. A `<details>`
/// works by keyboard and without JavaScript, and is not a hover-only tooltip.
#[component]
pub fn Terms(terms: Vec<Explained>) -> impl IntoView {
    (!terms.is_empty()).then(|| {
        let summary = question(&terms);
        view! {
            <details class="begrip">
                <summary>{summary}</summary>
                <dl>
                    {terms.into_iter().map(|t| view! { <dt>{t.term}</dt><dd>{t.uitleg}</dd> }).collect::<Vec<_>>()}
                </dl>
            </details>
        }
    })
}

/// The indicator's terms and, folded away, the names its table has in the report.
#[component]
pub fn PlainWordsView(words: PlainWords) -> impl IntoView {
    let summary = words.labels_summary();
    let PlainWords { terms, report_labels, .. } = words;
    (!terms.is_empty() || !report_labels.is_empty()).then(|| {
        view! {
            <div class="woorden">
                <Terms terms=terms/>
                {(!report_labels.is_empty()).then(|| view! {
                    <details class="begrip namen-rapport">
                        <summary>{summary}</summary>
                        <ul>
                            {report_labels
                                .into_iter()
                                .map(|(reader, report)| view! { <li>{reader}<span class="in-rapport">{format!(" – in het rapport: {report}")}</span></li> })
                                .collect::<Vec<_>>()}
                        </ul>
                    </details>
                })}
            </div>
        }
    })
}
