//! A theme as a dashboard: per pillar one card per indicator (table), each with the figure for
//! the chosen gemeente (the region when none is chosen; a table without the region's figure
//! shows its first gemeente and says so), how it compares with Nederland or the region in words
//! and a sign, a small chart with the chosen gemeente highlighted (none without a choice), the
//! *voorlopig* / *geheim* marks and a link to the full view. Pure, so the page only renders it.

use crate::core::calc::engine::{self, Figure};
use crate::core::model::narrative::Statement;
use crate::core::model::*;
use crate::core::present::age;
use crate::core::present::charts::{self, card};
use crate::core::present::headline::{self, KeyFigure};
use crate::core::text::format;
use crate::core::text::glossary::{Explained, Glossary};

/// Higher, lower or equal than the other area, at the published precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Hoger,
    Lager,
    Gelijk,
}

impl Direction {
    /// A sign that is not colour: ▲ ▼ =.
    pub fn sign(self) -> &'static str {
        match self {
            Direction::Hoger => "▲",
            Direction::Lager => "▼",
            Direction::Gelijk => "=",
        }
    }
    pub fn word(self) -> &'static str {
        match self {
            Direction::Hoger => "hoger dan",
            Direction::Lager => "lager dan",
            Direction::Gelijk => "gelijk aan",
        }
    }
    /// For CSS (`vergelijking-hoger`), never the only signal.
    pub fn id(self) -> &'static str {
        match self {
            Direction::Hoger => "hoger",
            Direction::Lager => "lager",
            Direction::Gelijk => "gelijk",
        }
    }
}

/// How the card's figure compares with another area.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub direction: Direction,
    pub other_name: String,
    pub other: String,
    /// "hoger dan Nederland (7,9%)".
    pub words: String,
}

/// One indicator on the dashboard.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub table: String,
    pub title: String,
    /// What the number is ("jeugdhulp", "uitputting").
    pub label: String,
    /// The line next to the number: what it is, where and when ("jeugdhulp in Dordrecht, 2016"),
    /// or only where and when when the sentence says what it is in plain words.
    pub caption: String,
    pub area_name: String,
    pub period_label: String,
    /// How old the figure is (issue 23), quietly under it: "Cijfers over 2016, uit een rapport
    /// van 2017." (`age::line`: the years of the card's period, the year of its report).
    pub age: Option<String>,
    pub figure: Figure,
    /// The figure as shown ("8,8%", "geheim").
    pub shown: String,
    /// Why there is no number, in words.
    pub missing: Option<String>,
    pub secret: bool,
    pub provisional: bool,
    pub comparison: Option<Comparison>,
    /// The small chart: options as JSON and height; `None` when there is only one figure.
    pub chart: Option<(String, u32)>,
    /// The chart's text alternative.
    pub chart_text: String,
    /// The B1 sentence when this card holds the theme's headline figure.
    pub sentence: Option<String>,
    /// Why the figure is that of another area than the one the page is for: no gemeente is
    /// chosen and the table has no figure for the region, so the card says whose figure it
    /// shows (part of the caption too). `None` when it is the chosen gemeente or the region.
    pub stand_in: Option<String>,
    /// The printed figure's recomputation from its parts, when it differs (issue 21):
    /// "berekend uit de delen: 80 per 1.000". Shown next to the figure, never instead of it.
    pub computed: Option<String>,
    /// For a budget card: what the number is (begroting, realisatie, afwijking, uitputting) and,
    /// for a deviation, *tekort* or *overschot* as the source means it.
    pub budget: Option<BudgetWords>,
    /// The sentence of the report the figure is taken from, quoted exactly, when the card shows
    /// a budget fact from the text.
    pub quote: Option<String>,
    /// Where the page already shows `quote` (a link with `#id`): the card then refers to it
    /// instead of quoting the sentence again (issue 23). Set by the page, never by `build`.
    pub quote_at: Option<String>,
    /// The glossary terms this card is the first on its page to mention (issue 23), explained
    /// under its title. Set by the page ([`explain`]), never by `build`.
    pub begrippen: Vec<Explained>,
    pub href: String,
}

/// What a budget card's number is, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetWords {
    pub figure: BudgetFigure,
    /// "afwijking van de begroting", "uitputting: uitgegeven als % van het budget".
    pub what: String,
    /// "tekort" / "overschot" for a deviation, by the source's own sign convention; "precies
    /// op de begroting" for none.
    pub balance: Option<String>,
}

impl BudgetWords {
    /// "tekort (afwijking van de begroting)", or only what it is.
    pub fn label(&self) -> String {
        match &self.balance {
            Some(b) => format!("{b} ({})", self.what),
            None => self.what.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PillarCards {
    pub pillar: Pillar,
    pub cards: Vec<Card>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
    pub theme: Theme,
    /// The area the cards are for (the chosen gemeente or the region).
    pub area_name: String,
    /// The theme's key figure, never 0, geheim or n.b.
    pub headline: Option<KeyFigure>,
    pub pillars: Vec<PillarCards>,
}

/// Builds the dashboard of a theme. `tables`: the region's tables; `statements`: the running
/// text's figures, so a budget table whose headline budget fact is stated in the text (its
/// `budget.statement`) shows that fact as its card's figure; `gemeente`: the chosen one;
/// `href`: the link to a table's full view.
pub fn build(
    tables: &[&Table],
    statements: &[&Statement],
    theme: Theme,
    manifest: &Manifest,
    region: &Region,
    gemeente: Option<&str>,
    href: impl Fn(&str) -> String,
) -> Dashboard {
    let area = gemeente.unwrap_or(region.area.as_str());
    let mut chain = vec![area];
    if area != region.area {
        chain.push(region.area.as_str());
    }
    let headline = headline::pick(tables, theme, &chain, manifest);
    let pillars = Pillar::ALL
        .into_iter()
        .map(|pillar| {
            let cards = tables
                .iter()
                .filter(|t| t.theme == theme && t.pillar == pillar)
                .filter_map(|t| {
                    let table_card = card_for(t, manifest, region, area, gemeente.is_some(), &href);
                    match budget_fact_card(t, statements, manifest, &href) {
                        // The text's budget fact as the figure, over the table's own chart.
                        Some(mut fact) => {
                            if let Some(c) = table_card {
                                fact.chart = c.chart;
                                fact.chart_text = c.chart_text;
                            }
                            Some(fact)
                        }
                        None => table_card,
                    }
                })
                .collect();
            PillarCards { pillar, cards }
        })
        .collect();
    Dashboard { theme, area_name: manifest.area_name(area), headline, pillars }
}

/// The measure (and category) a card shows: the marked headline; for a budget over years the
/// exhaustion, else the signed result; else a relative figure (%, per 1.000) before a count,
/// the first with a usable number.
pub fn card_measure(t: &Table) -> Option<(String, Option<String>)> {
    if let Some(h) = &t.headline {
        return Some((h.measure.clone(), h.category.clone()));
    }
    let category = t
        .categories
        .iter()
        .find(|c| {
            c.id == "totaal" || t.totals.iter().any(|x| x.dimension == TotalDimension::Category && x.total == c.id)
        })
        .or(t.categories.first())
        .map(|c| c.id.clone());
    let usable_somewhere = |m: &Measure| {
        t.areas().iter().any(|a| {
            t.periods.iter().any(|p| {
                headline::usable(&engine::cell(
                    t,
                    &Key { measure: m.id.clone(), area: a.clone(), period: p.id.clone(), category: category.clone() },
                ))
            })
        })
    };
    let op = |m: &Measure| m.formula.as_ref().map(|f| f.op);
    let prefs: [&dyn Fn(&Measure) -> bool; 4] = [
        &|m| t.pillar == Pillar::Budgetten && m.unit == Unit::Procent && op(m) == Some(Op::Share),
        &|m| t.pillar == Pillar::Budgetten && m.unit == Unit::Euro && op(m) == Some(Op::Difference),
        &|m| matches!(m.unit, Unit::Procent | Unit::Per1000 | Unit::Score),
        &|_| true,
    ];
    prefs
        .iter()
        .find_map(|pref| t.measures.iter().find(|m| pref(m) && usable_somewhere(m)))
        .or(t.measures.first())
        .map(|m| (m.id.clone(), category))
}

fn card_for(
    t: &Table,
    manifest: &Manifest,
    region: &Region,
    area: &str,
    chosen: bool,
    href: &impl Fn(&str) -> String,
) -> Option<Card> {
    let (measure, category) = card_measure(t)?;
    let m = t.measure(&measure)?;
    let areas = t.areas();
    // The chosen area if the table has it, else the region, else the table's only area.
    let here = [area, region.area.as_str()]
        .into_iter()
        .find(|a| areas.iter().any(|x| x == a))
        .map(str::to_owned)
        .or_else(|| areas.first().cloned())?;
    let key = |area: &str, period: &str, category: Option<String>| Key {
        measure: measure.clone(),
        area: area.to_owned(),
        period: period.to_owned(),
        category,
    };
    // The latest period with a cell for this area.
    let period = t
        .periods
        .iter()
        .rev()
        .find(|p| engine::cell(t, &key(&here, &p.id, category.clone())).value != Err(engine::Missing::NietInBron))
        .or(t.periods.last())?;
    let figure = engine::cell(t, &key(&here, &period.id, category.clone()));
    let label = match &category {
        // A measure labelled only by its unit ("%", "aantal"): the category says what it is.
        Some(c) if Unit::from_id(m.label.trim()).is_some() => t.category_label(c),
        Some(c) => format!("{} – {}", m.full_label(), t.category_label(c)),
        None => m.full_label(),
    };
    let comparison = comparison(t, manifest, region, &here, &figure, |a| key(a, &period.id, category.clone()));
    // Only a chosen gemeente is highlighted: without one no bar stands out (issue 21).
    let focus = (chosen && here == area).then_some(here.as_str());
    let (chart, chart_text) = small_chart(t, manifest, region, &here, focus, m, category.as_deref(), &period.id);
    let stand_in = (!chosen && here != region.area).then(|| {
        format!(
            "geen gemeente gekozen en geen cijfer voor {} in deze tabel; getoond: {}, het eerste gebied van de tabel",
            manifest.area_name(&region.area),
            manifest.area_name(&here)
        )
    });
    let sentence = t
        .headline
        .as_ref()
        .filter(|_| headline::usable(&figure))
        .map(|h| h.sentence.replace("{waarde}", &figure.display()).replace("{gebied}", &manifest.area_name(&here)));
    let budget = budget_words(t, m, &figure);
    // A budget card says what its number is: "uitputting: …", "tekort (afwijking van de begroting): …".
    let label = match &budget {
        Some(b) if b.balance.is_some() || !label.to_lowercase().contains(b.figure.id()) => {
            format!("{}: {label}", b.label())
        }
        _ => label,
    };
    let place = match &stand_in {
        Some(why) => format!("in {}, {} ({why})", manifest.area_name(&here), period.label),
        None => format!("in {}, {}", manifest.area_name(&here), period.label),
    };
    let caption = if sentence.is_some() { place } else { format!("{label} {place}") };
    // A deviation named tekort or overschot is shown as an amount: the word carries the sign.
    let shown = match (&budget, figure.number()) {
        (Some(BudgetWords { balance: Some(_), .. }), Some(v)) => {
            format::with_unit(v.abs(), figure.unit, figure.decimals)
        }
        _ => figure.display(),
    };
    Some(Card {
        table: t.id.clone(),
        title: t.title.clone(),
        label,
        caption,
        area_name: manifest.area_name(&here),
        period_label: period.label.clone(),
        age: age::line(&period.id, manifest.seed(&t.source.seed).map(|s| s.year)),
        shown,
        missing: figure.value.as_ref().err().map(|m| m.reason()),
        secret: figure.is_secret(),
        provisional: figure.provisional,
        comparison,
        chart,
        chart_text,
        sentence,
        stand_in,
        computed: figure.computed_note(),
        budget,
        quote: None,
        quote_at: None,
        begrippen: Vec::new(),
        href: href(&t.id),
        figure,
    })
}

/// What a budget table's card figure is: as the table's `budget` mark says, else a share in a
/// budget table is the exhaustion; `None` outside the budget pillar.
fn budget_words(t: &Table, m: &Measure, figure: &Figure) -> Option<BudgetWords> {
    if t.pillar != Pillar::Budgetten {
        return None;
    }
    let mark = t.budget.as_ref().filter(|b| b.statement.is_none());
    let what = match mark {
        Some(b) => b.figure,
        None if m.unit == Unit::Procent && m.formula.as_ref().is_some_and(|f| f.op == Op::Share) => {
            BudgetFigure::Uitputting
        }
        None => return None,
    };
    let balance = mark.and_then(|b| b.positive).and_then(|positive| balance(positive, figure.number()?));
    Some(BudgetWords { figure: what, what: what.words().to_owned(), balance })
}

/// The word for a deviation `v` when a positive deviation is `positive` in the source.
fn balance(positive: Balance, v: f64) -> Option<String> {
    let v = format::round(v, 0);
    Some(if v > 0.0 {
        positive.id().to_owned()
    } else if v < 0.0 {
        positive.opposite().id().to_owned()
    } else {
        "precies op de begroting".to_owned()
    })
}

/// The card of a budget table whose `budget` mark names a statement: the headline budget fact
/// as the report's text states it (the Jeugd overrun of € 1.178.000, the Wmo surplus of
/// € 6,1 mln), with what it is and its quote. `None` when the mark names no statement or the
/// statement is not loaded.
fn budget_fact_card(
    t: &Table,
    statements: &[&Statement],
    manifest: &Manifest,
    href: &impl Fn(&str) -> String,
) -> Option<Card> {
    let mark = t.budget.as_ref().filter(|_| t.pillar == Pillar::Budgetten)?;
    let id = mark.statement.as_deref()?;
    let st = statements.iter().find(|s| s.id == id)?;
    let v = st.value?;
    let figure = Figure {
        value: Ok(v),
        range: None,
        provisional: st.provisional,
        unit: st.unit,
        decimals: st.decimals,
        explain: engine::How::Printed(format!("zoals de tekst het noemt: “{}”", st.quote).into()),
        recomputed: None,
    };
    let words = BudgetWords {
        figure: mark.figure,
        what: match st.nature.word().filter(|w| !mark.figure.words().contains(w)) {
            Some(nature) => format!("{}, {nature}", mark.figure.words()),
            None => mark.figure.words().to_owned(),
        },
        balance: mark.positive.and_then(|p| balance(p, v)),
    };
    // As the sentence writes it: "6,1 miljoen euro" is € 6,1 mln, not € 6.100.000.
    let amount = |v: f64| match &st.printed {
        Some(_) if st.unit == Unit::Euro => charts::budget::euro_label(v),
        _ => format::with_unit(v, st.unit, st.decimals),
    };
    let shown = match words.balance {
        Some(_) => amount(v.abs()),
        None => amount(v),
    };
    let label = format!("{}: {}", words.label(), st.label);
    let area_name = manifest.area_name(&st.area);
    Some(Card {
        table: t.id.clone(),
        title: t.title.clone(),
        caption: format!("{label} in {area_name}, {}", st.period.label),
        label,
        area_name,
        period_label: st.period.label.clone(),
        // The sentence's own report: a budget fact may be quoted from another year's report.
        age: age::line(&st.period.id, manifest.seed(&st.place.seed).map(|s| s.year)),
        shown,
        missing: None,
        secret: false,
        provisional: st.provisional,
        comparison: None,
        chart: None,
        chart_text: String::new(),
        sentence: None,
        stand_in: None,
        computed: None,
        budget: Some(words),
        quote: Some(st.quote.clone()),
        quote_at: None,
        begrippen: Vec::new(),
        href: href(&t.id),
        figure,
    })
}

/// Compares with Nederland, else with the region; only for figures that compare across areas of
/// different size (percentages, rates, scores), never for counts or amounts.
fn comparison(
    t: &Table,
    manifest: &Manifest,
    region: &Region,
    here: &str,
    figure: &Figure,
    key: impl Fn(&str) -> Key,
) -> Option<Comparison> {
    if !matches!(figure.unit, Unit::Procent | Unit::Per1000 | Unit::Score) {
        return None;
    }
    let mine = figure.number()?;
    let others = region.reference.iter().map(String::as_str).chain(std::iter::once(region.area.as_str()));
    others.filter(|o| *o != here).find_map(|o| {
        let f = engine::cell(t, &key(o));
        let theirs = f.number()?;
        let (a, b) = (format::round(mine, figure.decimals), format::round(theirs, figure.decimals));
        let direction = if a > b {
            Direction::Hoger
        } else if a < b {
            Direction::Lager
        } else {
            Direction::Gelijk
        };
        let name = manifest.area_name(o);
        Some(Comparison {
            direction,
            words: format!("{} {name} ({})", direction.word(), f.display()),
            other_name: name,
            other: f.display(),
        })
    })
}

/// The card's chart: the measure across the region's gemeenten (Nederland and the region as
/// lines), or across periods, categories or the table's measures of the same unit. `focus`: the
/// bar to highlight (only a chosen gemeente).
#[allow(clippy::too_many_arguments)]
fn small_chart(
    t: &Table,
    manifest: &Manifest,
    region: &Region,
    here: &str,
    focus: Option<&str>,
    m: &Measure,
    category: Option<&str>,
    period: &str,
) -> (Option<(String, u32)>, String) {
    let cell = |measure: &str, area: &str, period: &str, category: Option<&str>| {
        engine::cell(
            t,
            &Key {
                measure: measure.to_owned(),
                area: area.to_owned(),
                period: period.to_owned(),
                category: category.map(str::to_owned),
            },
        )
    };
    let point = |id: &str, label: String, f: &Figure| card::Point {
        id: id.to_owned(),
        label,
        value: f.number().ok_or_else(|| f.value.as_ref().err().map_or("n.b.", |m| m.mark()).to_owned()),
    };
    let areas = t.areas();
    let gemeenten: Vec<&String> =
        areas.iter().filter(|a| manifest.area(a).is_some_and(|x| x.kind == AreaKind::Gemeente)).collect();
    let mut references = Vec::new();
    let (points, sort, focus): (Vec<card::Point>, bool, Option<&str>) = if gemeenten.len() >= 2 {
        for r in region.reference.iter().chain(std::iter::once(&region.area)) {
            if let Some(v) = cell(&m.id, r, period, category).number() {
                references
                    .push(card::Reference { label: manifest.area(r).map_or(r.clone(), |a| a.short.clone()), value: v });
            }
        }
        let pts =
            gemeenten.iter().map(|g| point(g, manifest.area_name(g), &cell(&m.id, g, period, category))).collect();
        (pts, true, focus)
    } else if t.periods.len() >= 2 {
        if t.pillar == Pillar::Budgetten && m.unit == Unit::Procent {
            references.push(card::Reference { label: "budget op:".into(), value: 100.0 });
        }
        let pts =
            t.periods.iter().map(|p| point(&p.id, p.label.clone(), &cell(&m.id, here, &p.id, category))).collect();
        (pts, false, None)
    } else if category.is_some() && t.categories.len() >= 2 {
        let pts = t
            .categories
            .iter()
            .filter(|c| !t.totals.iter().any(|x| x.dimension == TotalDimension::Category && x.total == c.id))
            .map(|c| point(&c.id, c.label.clone(), &cell(&m.id, here, period, Some(&c.id))))
            .collect();
        (pts, true, None)
    } else {
        let pts = t
            .measures
            .iter()
            .filter(|x| x.unit == m.unit && x.formula.as_ref().is_none_or(|f| f.op != Op::Sum))
            .map(|x| point(&x.id, x.label.clone(), &cell(&x.id, here, period, category)))
            .collect();
        (pts, true, None)
    };
    if points.len() < 2 || points.iter().all(|p| p.value.is_err()) {
        return (None, String::new());
    }
    // Many gemeenten (issue 25): the chosen one among its neighbours in rank, summarised.
    let (points, text, sort) = match card::peers(&points, focus, (m.unit, m.decimals), &references) {
        Some((few, text)) => (few, text, false),
        None => (points.clone(), chart_text(&points, m.unit, m.decimals, &references), sort),
    };
    let (option, height) = card::small_bars(&points, m.unit, m.decimals, focus, &references, sort);
    (Some((charts::finish(option, &text), height)), text)
}

/// "Staafdiagram: Dordrecht 9,0%, Zwijndrecht 8,8% en Alblasserdam geheim. Lijn: NL 7,9%."
fn chart_text(points: &[card::Point], unit: Unit, decimals: u8, references: &[card::Reference]) -> String {
    let items: Vec<String> = points
        .iter()
        .map(|p| match &p.value {
            Ok(v) => format!("{} {}", p.label, format::with_unit(*v, unit, decimals)),
            Err(mark) => format!("{} {mark}", p.label),
        })
        .collect();
    let mut out = format!("Staafdiagram: {}.", format::join_nl(&items));
    if !references.is_empty() {
        let lines: Vec<String> =
            references.iter().map(|r| format!("{} {}", r.label, format::with_unit(r.value, unit, decimals))).collect();
        out.push_str(&format!(" Lijn: {}.", format::join_nl(&lines)));
    }
    out
}

/// Explains each glossary term once on a page of cards (issue 23), on the first card in the
/// page's order whose title, label or caption holds it.
pub fn explain<'a>(cards: impl IntoIterator<Item = &'a mut Card>, glossary: &Glossary) {
    let mut cards: Vec<&mut Card> = cards.into_iter().collect();
    let places: Vec<Vec<&str>> =
        cards.iter().map(|c| vec![c.title.as_str(), c.label.as_str(), c.caption.as_str()]).collect();
    let found = glossary.first_mentions(&places);
    for (card, terms) in cards.iter_mut().zip(found) {
        card.begrippen = terms;
    }
}
