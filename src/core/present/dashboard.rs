//! A theme as a dashboard: per pillar one card per indicator (table), each with the figure for
//! the chosen gemeente (the region when none is chosen), how it compares with Nederland or the
//! region in words and a sign, a small chart with the chosen gemeente highlighted, the
//! *voorlopig* / *geheim* marks and a link to the full view. Pure, so the page only renders it.

use crate::core::calc::engine::{self, Figure};
use crate::core::model::*;
use crate::core::present::charts::{self, card};
use crate::core::present::headline::{self, KeyFigure};
use crate::core::text::format;

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
    pub href: String,
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

/// Builds the dashboard of a theme. `tables`: the region's tables; `gemeente`: the chosen one;
/// `href`: the link to a table's full view.
pub fn build(
    tables: &[&Table],
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
                .filter_map(|t| card_for(t, manifest, region, area, &href))
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
    let (chart, chart_text) = small_chart(t, manifest, region, &here, m, category.as_deref(), &period.id);
    let sentence = t
        .headline
        .as_ref()
        .filter(|_| headline::usable(&figure))
        .map(|h| h.sentence.replace("{waarde}", &figure.display()).replace("{gebied}", &manifest.area_name(&here)));
    let place = format!("in {}, {}", manifest.area_name(&here), period.label);
    let caption = if sentence.is_some() { place } else { format!("{label} {place}") };
    Some(Card {
        table: t.id.clone(),
        title: t.title.clone(),
        label,
        caption,
        area_name: manifest.area_name(&here),
        period_label: period.label.clone(),
        shown: figure.display(),
        missing: figure.value.as_ref().err().map(|m| m.reason()),
        secret: figure.is_secret(),
        provisional: figure.provisional,
        comparison,
        chart,
        chart_text,
        sentence,
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
/// lines), or across periods, categories or the table's measures of the same unit.
fn small_chart(
    t: &Table,
    manifest: &Manifest,
    region: &Region,
    here: &str,
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
        (pts, true, Some(here))
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
    let text = chart_text(&points, m.unit, m.decimals, &references);
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
