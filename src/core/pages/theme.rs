//! A theme page: the four pillars as sections, each with its tables; availability ("wie
//! levert, hoe vaak, wanneer") as tables; figures that could not be transcribed, with the reason.

use super::site::link;
use super::NavLink;
use crate::core::check::crosscheck::Outcome;
use crate::core::model::view_state::{Page, ViewState};
use crate::core::model::{Availability, Dataset, Manifest, Pillar, Region, Table, Theme, Untranscribed};
use crate::core::present::dashboard::{self, Card, Dashboard};
use crate::core::present::statement_view::{self as sv, Quoted};
use crate::core::text::format;
use crate::core::text::glossary::Glossary;
use std::collections::HashMap;

/// One pillar of the theme.
#[derive(Debug, Clone, PartialEq)]
pub struct PillarSection {
    pub id: String,
    pub name: String,
    /// Links to the pillar's tables: href, title, provisional.
    pub tables: Vec<(String, String, bool)>,
    /// Availability tables (only under "Beschikbaarheid"), with "—" for empty cells.
    pub availability: Vec<AvailabilityTable>,
}

impl PillarSection {
    /// Neither tables nor availability: the page says so.
    pub fn is_empty(&self) -> bool {
        self.tables.is_empty() && self.availability.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AvailabilityTable {
    pub title: String,
    pub source: String,
    /// The line that opens the table: "… : 12 soorten informatie".
    pub summary: String,
    /// Item, supplier, frequency, available.
    pub rows: Vec<[String; 4]>,
}

/// The theme page's heading and, when a gemeente of the region is chosen, the line that places
/// it in its region: "Jeugdhulp in Zwijndrecht" over "Een gemeente in de regio Drechtsteden."
/// (issue 23: after choosing Zwijndrecht the first screen still said "… Drechtsteden"). The
/// home page's pattern (`home::heading`); one wording for the app and the baked page.
pub fn heading(theme: Theme, manifest: &Manifest, region: &Region, state: &ViewState) -> (String, Option<String>) {
    let place = super::site::place_name(manifest, region, state);
    let line = (place != region.name).then(|| format!("Een gemeente in de regio {}.", region.name));
    (format!("{} in {place}", theme.name()), line)
}

/// The theme page's sections (one per pillar, in order) and its untranscribed figures.
pub fn theme<D: AsRef<Dataset>>(
    sets: &[D],
    theme: Theme,
    state: &ViewState,
) -> (Vec<PillarSection>, Vec<Untranscribed>) {
    let sets: Vec<&Dataset> = sets.iter().map(AsRef::as_ref).collect();
    let availability: Vec<&Availability> =
        sets.iter().flat_map(|d| &d.availability).filter(|a| a.theme == theme).collect();
    let untranscribed = sets.iter().filter(|d| d.theme == theme).flat_map(|d| &d.untranscribed).cloned().collect();
    let dash = |s: &Option<String>| s.clone().unwrap_or_else(|| "—".into());
    let sections = Pillar::ALL
        .into_iter()
        .map(|pillar| PillarSection {
            id: format!("pijler-{}", pillar.id()),
            name: pillar.name().to_owned(),
            tables: sets
                .iter()
                .flat_map(|d| &d.tables)
                .filter(|t| t.theme == theme && t.pillar == pillar)
                .map(|t| {
                    (link(state, Page::Indicator, |v| v.indicator = Some(t.id.clone())), t.title.clone(), t.provisional)
                })
                .collect(),
            availability: if pillar == Pillar::Beschikbaarheid {
                availability
                    .iter()
                    .map(|a| AvailabilityTable {
                        title: a.title.clone(),
                        source: a.source.text.clone(),
                        summary: format!(
                            "{}: {}",
                            a.title,
                            count(a.rows.len(), "soort informatie", "soorten informatie")
                        ),
                        rows: a
                            .rows
                            .iter()
                            .map(|r| {
                                [
                                    r.item.clone().unwrap_or_default(),
                                    dash(&r.supplier),
                                    dash(&r.frequency),
                                    dash(&r.available),
                                ]
                            })
                            .collect(),
                    })
                    .collect()
            } else {
                Vec::new()
            },
        })
        .collect();
    (sections, untranscribed)
}

/// The theme as a dashboard (issue 13): per pillar a card per table, for the chosen gemeente
/// (the region when none is chosen), each linking to its full view.
pub fn dashboard<D: AsRef<Dataset>>(
    sets: &[D],
    theme: Theme,
    manifest: &Manifest,
    region: &Region,
    state: &ViewState,
) -> Dashboard {
    let tables: Vec<_> = sets.iter().flat_map(|d| &d.as_ref().tables).collect();
    let statements: Vec<_> = sets.iter().flat_map(|d| &d.as_ref().narrative.statements).collect();
    let gemeente = super::site::gemeente(region, state);
    dashboard::build(&tables, &statements, theme, manifest, region, gemeente, |id| {
        link(state, Page::Indicator, |v| v.indicator = Some(id.to_owned()))
    })
}

/// At most this many cards make a pillar's answer.
pub const ANSWER_CARDS: usize = 2;

/// The theme page as a phone shows it (issue 23): a menu of the pillars, and per pillar its
/// answer open and everything else one tap away, each quote of the report once.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeView {
    /// The four pillars: this page's own address plus `#pijler-…`, so a link works in the app
    /// (under `<base href>`) and on the baked page without JavaScript.
    pub menu: Vec<NavLink>,
    pub pillars: Vec<PillarView>,
}

/// One pillar's cards and statements, in the order the page shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct PillarView {
    pub pillar: Pillar,
    /// The pillar's answer, always open: see [`answer_first`].
    pub answer: Vec<Card>,
    /// The pillar's other cards, in the report's order, under one summary line.
    pub more: Vec<Card>,
    /// That line: "Nog 8 cijfers over gebruik".
    pub more_label: String,
    /// The figures from the running text, one group per sentence quoted.
    pub statements: Vec<Quoted>,
    /// The same figures one by one (what the downloads write).
    pub statement_cards: Vec<sv::Card>,
    /// Their summary line: "Uit de tekst van het rapport: 81 cijfers uit 59 zinnen".
    pub statements_label: String,
}

/// The pillar menu at the top of the page: a link per pillar to its section, as this page's own
/// address (`ViewState::href`) plus `#pijler-…`. The app's `<base href>` is the site root, so
/// a bare `#…` would point at the root; the page's own address works there and on the baked
/// page, where the browser scrolls within the page without JavaScript.
pub fn menu(state: &ViewState) -> Vec<NavLink> {
    let page = state.href();
    Pillar::ALL
        .into_iter()
        .map(|p| NavLink { href: format!("{page}#pijler-{}", p.id()), label: p.name().to_owned(), current: false })
        .collect()
}

/// The summary line over the figures that could not be transcribed.
pub fn untranscribed_label(n: usize) -> String {
    format!("{} uit de publicatie staan hier niet in; lees waarom", count(n, "figuur", "figuren"))
}

/// "1 cijfer", "8 cijfers".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", format::number(n as f64, 0), if n == 1 { one } else { many })
}

/// Splits a pillar's cards into its answer and the rest. The answer is the cards of the tables
/// marked `headline` (at most [`ANSWER_CARDS`]): the transcriber marked them as what the theme
/// is about, they carry the plain-words sentence, and `check::headline` keeps them from being
/// 0, *geheim* or *n.b.*. A pillar without a marked table leads with its first card: the report
/// introduces a pillar with its first table, so that is the figure the pillar opens with. The
/// rest keeps the report's order, so the cards stay in the same order on the baked page.
pub fn answer_first(cards: Vec<Card>, tables: &[&Table]) -> (Vec<Card>, Vec<Card>) {
    let marked = |c: &Card| tables.iter().any(|t| t.id == c.table && t.headline.is_some());
    let mut picked: Vec<usize> = cards.iter().enumerate().filter(|(_, c)| marked(c)).map(|(i, _)| i).collect();
    picked.truncate(ANSWER_CARDS);
    if picked.is_empty() && !cards.is_empty() {
        picked.push(0);
    }
    let (mut answer, mut more) = (Vec::new(), Vec::new());
    for (i, c) in cards.into_iter().enumerate() {
        if picked.contains(&i) {
            answer.push(c);
        } else {
            more.push(c);
        }
    }
    (answer, more)
}

/// Lays the dashboard and the running text's figures out as the theme page shows them: the
/// pillar menu, per pillar the answer first, and each sentence of the report quoted once on the
/// page (a card or a statement group that uses a sentence shown above links to it).
/// `outcome`: the cross checks over `sets`, for the contradictions a statement card names.
pub fn layout<D: AsRef<Dataset>>(
    sets: &[D],
    board: Dashboard,
    manifest: &Manifest,
    state: &ViewState,
    outcome: Option<&Outcome>,
) -> ThemeView {
    let sets: Vec<&Dataset> = sets.iter().map(AsRef::as_ref).collect();
    let tables: Vec<&Table> = sets.iter().flat_map(|d| &d.tables).collect();
    let page = state.href();
    let here = |id: &str| format!("{page}#{id}");
    let menu = menu(state);
    let mut shown: HashMap<String, String> = HashMap::new();
    let pillars = board
        .pillars
        .into_iter()
        .map(|p| {
            let (mut answer, mut more) = answer_first(p.cards, &tables);
            for card in answer.iter_mut().chain(more.iter_mut()) {
                let Some(key) = card.quote.as_deref().map(sv::quote_key) else { continue };
                match shown.get(&key) {
                    Some(at) => {
                        card.quote_at = Some(at.clone());
                        card.quote = None;
                    }
                    None => {
                        shown.insert(key, here(&format!("citaat-kaart-{}", card.table)));
                    }
                }
            }
            let statement_cards = sv::for_pillar(&sets, manifest, board.theme, p.pillar, outcome);
            let statements = sv::by_quote(statement_cards.clone(), &mut shown, here);
            let statements_label = format!(
                "Uit de tekst van het rapport: {} uit {}",
                count(statement_cards.len(), "cijfer", "cijfers"),
                count(statements.len(), "zin", "zinnen")
            );
            let more_label =
                format!("Nog {} over {}", count(more.len(), "cijfer", "cijfers"), p.pillar.name().to_lowercase());
            PillarView { pillar: p.pillar, answer, more, more_label, statements, statement_cards, statements_label }
        })
        .collect();
    let mut pillars: Vec<PillarView> = pillars;
    dashboard::explain(
        pillars.iter_mut().flat_map(|p| p.answer.iter_mut().chain(p.more.iter_mut())),
        &Glossary::of(&sets),
    );
    ThemeView { menu, pillars }
}

/// Whether the running text has statements for the pillar `section` (`pijler-…`) of `theme`:
/// a pillar without tables but with statements is not "without figures".
pub fn has_statements<D: AsRef<Dataset>>(sets: &[D], theme: Theme, section: &str) -> bool {
    let Some(p) = section.strip_prefix("pijler-").and_then(Pillar::from_id) else { return false };
    sets.iter().flat_map(|d| &d.as_ref().narrative.statements).any(|s| s.theme == theme && s.pillar == p)
}
