//! Headline figures: the one number per theme that matters, marked in the data (`"headline"` on a
//! table) and chosen here with a safe fallback, so a key figure is never 0, *geheim* or *n.b.*
//! (issue 13: the home page used to show "0 tijdelijke loonkostensubsidie" and "n.b.").

use crate::core::calc::engine::{self, Figure};
pub use crate::core::check::headline::usable;
use crate::core::model::*;

/// A key figure as the home page and the dashboard show it.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyFigure {
    pub table: String,
    pub title: String,
    pub theme: Theme,
    pub measure: String,
    pub category: Option<String>,
    /// What the number counts, e.g. "jeugdhulp" or "jeugdhulp – 18-22 jaar".
    pub label: String,
    pub area: String,
    pub area_name: String,
    pub period: String,
    pub period_label: String,
    pub figure: Figure,
    /// The B1 sentence with the figure and area filled in; only for the marked figure, whose
    /// meaning the sentence describes.
    pub sentence: Option<String>,
    /// `true` when this is the figure marked in the data, `false` for a fallback.
    pub marked: bool,
}

/// The theme's key figure for the first area of `areas` that has a usable one (e.g. the chosen
/// gemeente, then the region). Tries the marked headline first, in its latest period with a
/// usable value; then, so a page never shows an empty or zero key figure, every measure of the
/// theme's other tables (gebruik first); the same again for the region and Nederland. `None` only when the theme has no usable figure at all.
pub fn pick(tables: &[&Table], theme: Theme, areas: &[&str], manifest: &Manifest) -> Option<KeyFigure> {
    let mut ordered: Vec<&Table> = tables.iter().copied().filter(|t| t.theme == theme).collect();
    // Marked tables first, then gebruik before the other pillars; stable, so the data's order
    // decides within each group.
    ordered.sort_by_key(|t| (t.headline.is_none(), t.pillar != Pillar::Gebruik));
    // Last, the totals the tables have (a region, then Nederland), so a region whose own total
    // is not published still gets a figure, named for the area it is for.
    let mut totals: Vec<(bool, String)> = ordered
        .iter()
        .flat_map(|t| t.areas())
        .filter_map(|a| match manifest.area(&a).map(|x| x.kind) {
            Some(AreaKind::Regio) => Some((false, a)),
            Some(AreaKind::Land) => Some((true, a)),
            _ => None,
        })
        .collect();
    totals.sort();
    totals.dedup();
    let extended: Vec<&str> =
        areas.iter().copied().chain(totals.iter().map(|(_, a)| a.as_str()).filter(|a| !areas.contains(a))).collect();
    let areas = &extended[..];
    for area in areas {
        for t in &ordered {
            if let Some(h) = &t.headline {
                if let Some(k) = figure_for(t, &h.measure, h.category.as_deref(), area, manifest) {
                    return Some(KeyFigure { sentence: Some(fill(&h.sentence, &k)), marked: true, ..k });
                }
            }
        }
    }
    // A whole figure (no category, or a category that is the total of the others) says more on
    // its own than one group of it ("644 instroom – < 50%"), so those come first.
    for whole_only in [true, false] {
        for area in areas {
            for t in &ordered {
                for m in &t.measures {
                    for c in categories(t).into_iter().filter(|c| !whole_only || is_whole(t, *c)) {
                        if let Some(k) = figure_for(t, &m.id, c, area, manifest) {
                            return Some(k);
                        }
                    }
                }
            }
        }
    }
    None
}

/// The category choices of a table's cells: `None` when it has no categories.
fn categories(t: &Table) -> Vec<Option<&str>> {
    if t.categories.is_empty() {
        vec![None]
    } else {
        t.categories.iter().map(|c| Some(c.id.as_str())).collect()
    }
}

/// No category, or the category the table declares as the total of others.
fn is_whole(t: &Table, category: Option<&str>) -> bool {
    category.is_none_or(|c| t.totals.iter().any(|x| x.dimension == TotalDimension::Category && x.total == c))
}

/// The figure of one measure for one area, in the latest period where it is usable.
pub fn figure_for(
    table: &Table,
    measure: &str,
    category: Option<&str>,
    area: &str,
    manifest: &Manifest,
) -> Option<KeyFigure> {
    let m = table.measure(measure)?;
    let present = table.values.iter().any(|v| v.key.area == area) || m.formula.is_some();
    if !present {
        return None;
    }
    table.periods.iter().rev().find_map(|p| {
        let key = Key {
            measure: measure.to_owned(),
            area: area.to_owned(),
            period: p.id.clone(),
            category: category.map(str::to_owned),
        };
        let figure = engine::cell(table, &key);
        usable(&figure).then(|| KeyFigure {
            table: table.id.clone(),
            title: table.title.clone(),
            theme: table.theme,
            measure: measure.to_owned(),
            category: category.map(str::to_owned),
            label: match category {
                Some(c) => format!("{} – {}", m.label, table.category_label(c)),
                None => m.label.clone(),
            },
            area: area.to_owned(),
            area_name: manifest.area_name(area),
            period: p.id.clone(),
            period_label: p.label.clone(),
            figure,
            sentence: None,
            marked: false,
        })
    })
}

/// The sentence with `{waarde}` and `{gebied}` filled in.
fn fill(sentence: &str, k: &KeyFigure) -> String {
    sentence.replace("{waarde}", &k.figure.display()).replace("{gebied}", &k.area_name)
}
