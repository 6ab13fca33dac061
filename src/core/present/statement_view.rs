//! What the pages show of the running text: a card per statement (figure, quote, source, the
//! recomputation and the contradictions that touch it), chosen per theme and pillar, per table
//! and by search, plus CSV and JSON downloads of statements. Pure, so the UI only renders.

use crate::core::check::crosscheck::{self, Finding, Outcome};
use crate::core::model::narrative::Statement;
use crate::core::model::*;
use crate::core::text::format;
use crate::core::text::words::fold;
use serde_json::json;
use std::borrow::Borrow;
use std::collections::HashMap;

/// One statement as a resident sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub id: String,
    pub theme: Theme,
    pub pillar: Pillar,
    pub label: String,
    /// The figure in Dutch notation with its unit, or the reason it is missing.
    pub figure: String,
    /// How the sentence writes it, when that differs from `figure` ("Twee op de vijf").
    pub printed: Option<String>,
    pub area: String,
    pub period: String,
    /// "streefwaarde", "prognose", "begroting"; `None` for a measurement.
    pub nature: Option<&'static str>,
    pub provisional: bool,
    pub quote: String,
    /// "Monitor 3D – Drechtsteden (Onderzoekcentrum Drechtsteden, 2017), Jeugdhulp › …"
    pub source: String,
    /// For a figure the text derives from other stated figures: the calculation written out.
    pub recomputed: Option<String>,
    /// The table it restates, if any (for a link to the indicator page).
    pub table: Option<String>,
    /// Contradictions that touch this statement: (grade in words, description).
    pub contradictions: Vec<(String, String)>,
}

fn card(st: &Statement, manifest: &Manifest, all: &HashMap<&str, &Statement>, outcome: Option<&Outcome>) -> Card {
    let fig = crosscheck::statement_figure(st);
    let figure = fig.display();
    let printed = st
        .printed
        .clone()
        .filter(|p| p.trim() != figure && p.trim() != format::number(st.value.unwrap_or(0.0), st.decimals));
    let source = match manifest.seed(&st.place.seed) {
        Some(s) => format!("{} ({}, {}), {}", s.title, s.publisher, s.year, st.place.section),
        None => st.place.section.clone(),
    };
    let contradictions = outcome
        .map(|o| {
            o.findings
                .iter()
                .filter(|f| f.statements.contains(&st.id))
                .map(|f| (f.grade.name().to_owned(), f.description.clone()))
                .collect()
        })
        .unwrap_or_default();
    Card {
        id: st.id.clone(),
        theme: st.theme,
        pillar: st.pillar,
        label: st.label.clone(),
        figure,
        printed,
        area: manifest.area_name(&st.area),
        period: st.period.label.clone(),
        nature: st.nature.word(),
        provisional: st.provisional,
        quote: st.quote.split_whitespace().collect::<Vec<_>>().join(" "),
        source,
        recomputed: crosscheck::statement_computed(st, all).map(|f| f.how()),
        table: st.cell.as_ref().map(|c| c.table.clone()),
        contradictions,
    }
}

fn index<D: Borrow<Dataset>>(datasets: &[D]) -> HashMap<&str, &Statement> {
    statements(datasets).map(|s| (s.id.as_str(), s)).collect()
}

fn statements<D: Borrow<Dataset>>(datasets: &[D]) -> impl Iterator<Item = &Statement> {
    datasets.iter().flat_map(|d| d.borrow().narrative.statements.iter())
}

/// The statements of a theme and pillar (e.g. Jeugdhulp › Ervaringen), in document order.
pub fn for_pillar<D: Borrow<Dataset>>(
    datasets: &[D],
    manifest: &Manifest,
    theme: Theme,
    pillar: Pillar,
    outcome: Option<&Outcome>,
) -> Vec<Card> {
    let all = index(datasets);
    statements(datasets)
        .filter(|s| s.theme == theme && s.pillar == pillar)
        .map(|s| card(s, manifest, &all, outcome))
        .collect()
}

/// The statements that restate a cell of this table (shown on its indicator page).
pub fn for_table<D: Borrow<Dataset>>(
    datasets: &[D],
    manifest: &Manifest,
    table: &str,
    outcome: Option<&Outcome>,
) -> Vec<Card> {
    let all = index(datasets);
    statements(datasets)
        .filter(|s| s.cell.as_ref().is_some_and(|c| c.table == table))
        .map(|s| card(s, manifest, &all, outcome))
        .collect()
}

/// The contradictions that touch a table, worst first: (grade, description).
pub fn findings_for_table<'a>(outcome: &'a Outcome, table: &'a str) -> Vec<&'a Finding> {
    let mut list: Vec<&Finding> = outcome.for_table(table).collect();
    list.sort_by_key(|f| f.grade);
    list
}

/// Statements whose label, quote, area or theme mention every word of the query.
pub fn search<D: Borrow<Dataset>>(datasets: &[D], manifest: &Manifest, query: &str) -> Vec<Card> {
    let words: Vec<String> = fold(query).split_whitespace().map(str::to_owned).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let all = index(datasets);
    statements(datasets)
        .filter(|s| {
            let hay = fold(&format!(
                "{} {} {} {} {}",
                s.label,
                s.quote,
                manifest.area_name(&s.area),
                s.theme.name(),
                s.period.label
            ));
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .map(|s| card(s, manifest, &all, None))
        .collect()
}

/// A CSV field for Dutch Excel (as in `export`): `;`-separated, formulas neutralised.
fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_owned() };
    if s.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The cards as CSV (Dutch Excel: `;`, decimal comma, BOM).
pub fn csv(cards: &[Card], statements: &HashMap<&str, &Statement>) -> String {
    let mut out = String::from(
        "\u{feff}thema;pijler;omschrijving;gebied;periode;waarde;eenheid;soort;zoals geschreven;citaat;bron\r\n",
    );
    for c in cards {
        let st = statements.get(c.id.as_str());
        let value =
            st.and_then(|s| s.value.map(|v| format::spreadsheet(v, s.decimals))).unwrap_or_else(|| c.figure.clone());
        let unit = st.map_or("", |s| s.unit.id());
        let row = [
            c.theme.name().to_owned(),
            c.pillar.name().to_owned(),
            c.label.clone(),
            c.area.clone(),
            c.period.clone(),
            value,
            unit.to_owned(),
            c.nature.unwrap_or("waarneming").to_owned(),
            c.printed.clone().unwrap_or_default(),
            c.quote.clone(),
            c.source.clone(),
        ];
        out.push_str(&row.iter().map(|f| field(f)).collect::<Vec<_>>().join(";"));
        out.push_str("\r\n");
    }
    out
}

/// The cards as JSON, with the licence and the sources.
pub fn json(cards: &[Card], statements: &HashMap<&str, &Statement>) -> String {
    let rows: Vec<_> = cards
        .iter()
        .map(|c| {
            let st = statements.get(c.id.as_str());
            json!({
                "id": c.id,
                "thema": c.theme.id(),
                "pijler": c.pillar.id(),
                "omschrijving": c.label,
                "gebied": c.area,
                "periode": c.period,
                "waarde": st.and_then(|s| s.value),
                "eenheid": st.map(|s| s.unit.id()),
                "soort": c.nature.unwrap_or("waarneming"),
                "zoals_geschreven": c.printed,
                "citaat": c.quote,
                "bron": c.source,
                "tegenspraken": c.contradictions.iter().map(|(g, d)| json!({ "gradatie": g, "beschrijving": d })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let doc = json!({
        "licentie": "CC BY 4.0 (transcriptie); vermeld de oorspronkelijke bron",
        "uitspraken": rows,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// Every statement by id, for the downloads.
pub fn by_id<D: Borrow<Dataset>>(datasets: &[D]) -> HashMap<&str, &Statement> {
    index(datasets)
}

/// The link that stands where a page would quote a sentence it already quotes higher up.
pub const QUOTE_ABOVE: &str = "De zin uit het rapport staat hoger op deze pagina";

/// The figures a page takes from one sentence of the report, with that sentence once (issue 23):
/// a sentence that several figures come from is quoted once, above its figures, not once per
/// figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Quoted {
    /// The element id of the quote on the page (`citaat-<first statement's id>`).
    pub id: String,
    /// The sentence, whitespace normalised.
    pub quote: String,
    /// Where the page already shows this sentence (a link with `#id`), when it does: then the
    /// page refers to it instead of quoting it again.
    pub shown_at: Option<String>,
    /// Where in the report (one line, or each distinct one joined by "; ").
    pub source: String,
    /// The figures taken from this sentence, in document order.
    pub cards: Vec<Card>,
}

/// A quote as a page compares quotes: whitespace and the quote marks around it do not count.
pub fn quote_key(quote: &str) -> String {
    quote.split_whitespace().collect::<Vec<_>>().join(" ").trim_matches(['“', '”', '"', ' ']).to_owned()
}

/// Groups cards by the sentence they quote, in the order each sentence first appears.
/// `shown`: the quotes the page already shows (by `quote_key`) and the link to each; a group
/// whose quote is there refers to it, and each new quote is added with `link(id)`.
pub fn by_quote(cards: Vec<Card>, shown: &mut HashMap<String, String>, link: impl Fn(&str) -> String) -> Vec<Quoted> {
    let mut groups: Vec<Quoted> = Vec::new();
    for c in cards {
        let key = quote_key(&c.quote);
        if let Some(g) = groups.iter_mut().find(|g| quote_key(&g.quote) == key) {
            if !g.source.split("; ").any(|s| s == c.source) {
                g.source = format!("{}; {}", g.source, c.source);
            }
            g.cards.push(c);
            continue;
        }
        let id = format!("citaat-{}", c.id);
        let shown_at = shown.get(&key).cloned();
        if shown_at.is_none() {
            shown.insert(key.clone(), link(&id));
        }
        groups.push(Quoted { id, quote: key, shown_at, source: c.source.clone(), cards: vec![c] });
    }
    groups
}
