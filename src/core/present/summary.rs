//! A text summary of a grid in plain Dutch (B1), generated from the computed figures. It is the
//! chart's text alternative, so it must say what the chart shows, including what is missing.

use crate::core::calc::engine::{self, Figure, Missing};
use crate::core::calc::grid::{Grid, RowsAre};
use crate::core::model::Manifest;
use crate::core::present::charts::many;
use crate::core::text::format;

/// Summarises the grid. `focus` is the chosen gemeente (CBS code), `reference` the area to
/// compare with (usually Nederland).
pub fn describe(grid: &Grid, manifest: &Manifest, focus: Option<&str>, reference: Option<&str>) -> String {
    let mut out: Vec<String> = Vec::new();
    match grid.rows_are {
        RowsAre::Areas => {
            for i in 0..grid.columns.len().min(4) {
                out.push(format!("{}.", area_sentence(grid, manifest, i, focus, reference)));
            }
            if grid.columns.len() > 4 {
                out.push(format!("De tabel toont nog {} andere cijfers.", grid.columns.len() - 4));
            }
        }
        RowsAre::Periods => {
            for (i, col) in grid.columns.iter().enumerate().take(4) {
                let points: Vec<(&str, &Figure)> = grid
                    .rows
                    .iter()
                    .filter_map(|r| r.cells.get(i).map(|f| (r.label.as_str(), f)))
                    .filter(|(_, f)| f.number().is_some())
                    .collect();
                match (points.first(), points.last()) {
                    (Some(first), Some(last)) if points.len() > 1 => out.push(format!(
                        "{}: van {} in {} naar {} in {}.",
                        capitalise(&col.label),
                        first.1.display(),
                        first.0,
                        last.1.display(),
                        last.0
                    )),
                    (Some(only), _) => {
                        out.push(format!("{}: {} in {}.", capitalise(&col.label), only.1.display(), only.0))
                    }
                    _ => out.push(format!("{}: geen cijfers beschikbaar.", capitalise(&col.label))),
                }
            }
        }
        RowsAre::Categories | RowsAre::Measures => {
            let parts: Vec<String> = grid
                .rows
                .iter()
                .take(8)
                .map(|r| {
                    let cells: Vec<String> = r.cells.iter().map(Figure::display).collect();
                    format!("{}: {}", r.label, cells.join(" / "))
                })
                .collect();
            out.push(format!("{}.", parts.join("; ")));
            if grid.rows.len() > 8 {
                out.push(format!("De tabel toont nog {} rijen.", grid.rows.len() - 8));
            }
        }
    }
    match grid.provisional() {
        crate::core::calc::grid::Provisional::All => out.push("Het gaat om voorlopige cijfers.".into()),
        crate::core::calc::grid::Provisional::Some => out.push(format!(
            "Voorlopig zijn de cijfers van {}.",
            format::join_nl(&grid.provisional_rows().into_iter().map(str::to_owned).collect::<Vec<_>>())
        )),
        crate::core::calc::grid::Provisional::None => {}
    }
    out.join(" ")
}

/// One sentence about column `i` of a grid of areas: the focus gemeente against the reference,
/// or else the range over the gemeenten; then where the figure is geheim or not available.
/// Apart from [`describe`] because it is most of what a summary says.
fn area_sentence(grid: &Grid, manifest: &Manifest, i: usize, focus: Option<&str>, reference: Option<&str>) -> String {
    let col = &grid.columns[i];
    let figures: Vec<(&str, &Figure)> =
        grid.rows.iter().filter_map(|r| r.cells.get(i).map(|f| (r.id.as_str(), f))).collect();
    let name = |code: &str| manifest.area_name(code);
    // The areas being compared: not the references (the country, the region, or a
    // gemeente next to its own wijken).
    let gemeenten: Vec<(&str, f64)> = grid
        .rows
        .iter()
        .filter(|r| !r.reference && manifest.area(&r.id).is_some())
        .filter_map(|r| {
            r.cells.get(i).and_then(|f| f.number()).map(|v| (r.id.as_str(), format::round(v, col.decimals)))
        })
        .collect();
    let reference_fig = reference.and_then(|r| figures.iter().find(|(c, _)| *c == r)).map(|(_, f)| *f);
    // Many areas (issue 25): a rank and the extremes instead of lists, names cut after three.
    let many = many::too_many(grid);
    let names = |list: Vec<String>| if many { at_most_three(list) } else { list };
    let at =
        |v: f64| format::join_nl(&names(gemeenten.iter().filter(|x| x.1 == v).map(|x| name(x.0)).collect::<Vec<_>>()));
    let show = |v: f64| format::with_unit(v, col.unit, col.decimals);
    let mut sentence = capitalise(&col.label);
    if let Some(code) = focus {
        if let Some((_, f)) = figures.iter().find(|(c, _)| *c == code) {
            sentence.push_str(&format!(" in {}: {}", name(code), f.display_noted()));
            if many {
                sentence.push_str(&at_scale(grid, i, code, reference, (&at, &show)));
            }
            if let (Some(r), Some(rf)) = (reference, reference_fig) {
                let d = engine::difference(f, rf);
                let comparison = match d.number().map(|x| format::round(x, col.decimals)) {
                    Some(x) if x > 0.0 => format!("meer dan in {} ({})", name(r), rf.display()),
                    Some(x) if x < 0.0 => format!("minder dan in {} ({})", name(r), rf.display()),
                    Some(_) => format!("even veel als in {} ({})", name(r), rf.display()),
                    None => format!("{}: {}", name(r), rf.display()),
                };
                sentence.push_str(&format!(", {comparison}"));
            }
        }
    } else if let (Some(min), Some(max)) =
        (gemeenten.iter().map(|x| x.1).reduce(f64::min), gemeenten.iter().map(|x| x.1).reduce(f64::max))
    {
        if min == max {
            // Rows may be wijken or buurten (issue 15): name them as what they are.
            let all_gemeenten = gemeenten
                .iter()
                .all(|(c, _)| manifest.area(c).is_some_and(|a| a.kind == crate::core::model::AreaKind::Gemeente));
            let what = if all_gemeenten { "gemeenten" } else { "gebieden" };
            sentence.push_str(&format!(": {} in alle {what} met een cijfer", show(min)));
        } else {
            sentence.push_str(&format!(": van {} in {} tot {} in {}", show(min), at(min), show(max), at(max)));
        }
        if let (Some(r), Some(rf)) = (reference, reference_fig) {
            sentence.push_str(&format!("; {}: {}", name(r), rf.display()));
        } else if many {
            sentence.push_str(&references(grid, i));
        }
    }
    let with_mark = |secret: bool| -> Vec<String> {
        figures
            .iter()
            .filter(|(_, f)| f.value.is_err() && f.is_secret() == secret && f.value != Err(Missing::NietInBron))
            .map(|(c, _)| name(c))
            .collect::<Vec<_>>()
    };
    let with_mark = |secret: bool| names(with_mark(secret));
    let (secret, unavailable) = (with_mark(true), with_mark(false));
    if !secret.is_empty() {
        sentence.push_str(&format!(" (geheim in {})", format::join_nl(&secret)));
    }
    if !unavailable.is_empty() {
        sentence.push_str(&format!(" (niet beschikbaar voor {})", format::join_nl(&unavailable)));
    }
    sentence
}

/// What a sentence about the chosen gemeente adds among many areas: its rank (not for counts
/// and amounts) and, for the first figure only, the extremes and, without a reference area, the
/// grid's references: ", plaats 57 van 341 (1 = hoogste); hoogste: 19,9% in Almere; laagste:
/// 2,0% in Urk; Nederland: 10,9%".
fn at_scale(
    grid: &Grid,
    i: usize,
    code: &str,
    reference: Option<&str>,
    (at, show): (&dyn Fn(f64) -> String, &dyn Fn(f64) -> String),
) -> String {
    let ranks = many::ranks(grid, i);
    let ranked = ranks.iter().flatten().count();
    let mut out = String::new();
    // A rank among gemeenten of very different size says nothing for a count or an amount.
    let sized = matches!(grid.columns[i].unit, crate::core::model::Unit::Aantal | crate::core::model::Unit::Euro);
    if let Some(r) = grid.rows.iter().position(|r| r.id == code).and_then(|p| ranks[p]).filter(|_| !sized) {
        out.push_str(&format!(", plaats {r} van {ranked}"));
        if i == 0 {
            out.push_str(" (1 = hoogste)");
        }
    }
    // The extremes and the references once, for the first figure: the text stays short.
    if i > 0 {
        return out;
    }
    let (with, _) = many::order(grid, i);
    let value = |p: usize| {
        grid.rows[p].cells.get(i).and_then(Figure::number).map(|v| format::round(v, grid.columns[i].decimals))
    };
    if let (Some(high), Some(low)) = (with.first().and_then(|p| value(*p)), with.last().and_then(|p| value(*p))) {
        out.push_str(&format!("; hoogste: {} in {}; laagste: {} in {}", show(high), at(high), show(low), at(low)));
    }
    if reference.is_none() {
        out.push_str(&references(grid, i));
    }
    out
}

/// "; Nederland: 10,9%" for each reference row of a grid.
fn references(grid: &Grid, i: usize) -> String {
    grid.rows
        .iter()
        .filter(|r| r.reference)
        .filter_map(|r| r.cells.get(i).map(|f| format!("; {}: {}", r.label, f.display())))
        .collect()
}

/// At most three names, the rest counted: "Almere, Urk, Zeist en 4 andere".
fn at_most_three(mut list: Vec<String>) -> Vec<String> {
    if list.len() > 3 {
        let rest = list.len() - 3;
        list.truncate(3);
        list.push(format!("{rest} andere"));
    }
    list
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}
