//! The map view (`weergave=kaart`): a choropleth of the region's gemeenten for one column of a
//! grid by area. Classes are computed here, once, and the same classes make the map's colours,
//! its legend and its sentence, so what is drawn and what is said always match. *Geheim* and
//! *n.b.* areas are hatched and have their own legend entry; the chosen gemeente is outlined.
//! Boundaries: `public/geo/grenzen-<jaar>.json` (CBS, Kadaster) of the figures' year (issue 27),
//! the region's gemeenten cut out and registered as `<region>-<jaar>`. A map of many gemeenten
//! (a national region, issue 25) has a legend and a sentence of classes with counts, not names,
//! and labels only where they fit (the chosen gemeente always).

use super::map_layout::{self, Geo, LabelText, Layout};
use crate::core::calc::engine::Missing;
use crate::core::calc::grid::{Column, Grid, RowsAre};
use crate::core::model::{AreaKind, Manifest, Unit};
use crate::core::text::format;
use serde_json::{json, Value};

/// Sequential blues, light to dark; the legend and the HTML swatches use the same list.
pub const CLASS_COLOURS: [&str; 4] = ["#d6e6f4", "#93bfe0", "#3f88c5", "#0b4f8a"];

/// The credit the licence asks for (CC BY 4.0), shown as text right under every map.
pub const CREDIT: &str = "Gemeentegrenzen: CBS, Kadaster (CC BY 4.0)";

/// The years whose boundaries ship with the site (`public/geo/grenzen-<jaar>.json`).
pub const YEARS: (u16, u16) = (2016, 2025);

/// Above this many gemeenten a map names classes by their count, not their gemeenten.
pub const NAMED_UP_TO: usize = 12;

/// The boundaries' year for figures of `period`: its last year, within [`YEARS`]; the latest
/// boundaries when the period names no year.
pub fn boundary_year(period: Option<&str>) -> u16 {
    let last = period.and_then(|p| {
        p.split(|c: char| !c.is_ascii_digit())
            .filter(|w| w.len() == 4)
            .filter_map(|w| w.parse::<u16>().ok())
            .next_back()
    });
    last.unwrap_or(YEARS.1).clamp(YEARS.0, YEARS.1)
}

/// The file of one year's boundaries, relative to `geo/`.
pub fn boundaries_file(year: u16) -> String {
    format!("grenzen-{year}.json")
}

/// One class of values: from `min` to `max` (both as they occur in the data).
#[derive(Debug, Clone, PartialEq)]
pub struct Class {
    pub min: f64,
    pub max: f64,
    pub label: String,
    pub colour: &'static str,
}

/// One gemeente on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub code: String,
    pub name: String,
    /// The figure as shown, or the mark.
    pub shown: String,
    /// The figure for the map's label: Dutch notation with its unit, or the mark in words.
    pub label: String,
    /// The class, or `None` for a missing figure (hatched).
    pub class: Option<usize>,
}

/// Everything the map view shows: the options, the legend, the sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct MapView {
    /// The registered map's name: the region's id and the boundaries' year.
    pub map: String,
    /// The boundaries' year and file (`grenzen-<jaar>.json`).
    pub year: u16,
    pub boundaries: String,
    /// The gemeenten drawn: the region's.
    pub codes: Vec<String>,
    pub column: String,
    pub classes: Vec<Class>,
    pub places: Vec<Place>,
    /// Legend line for hatched areas ("geheim of n.b."), when there are any.
    pub missing: Option<String>,
    /// The map's text alternative, naming each class and its gemeenten.
    pub sentence: String,
    /// The chosen gemeente (outlined, its label in bold).
    pub focus: Option<String>,
    /// Further gemeenten outlined without a bold label: the compared ones on the compare page.
    pub outlined: Vec<String>,
    /// The option without the labels and the layout, which depend on the width:
    /// [`drawn`] completes it.
    pub option: Value,
}

/// A column's key in the view state (`maat`): the measure's id, with `.category` when the
/// columns are categories.
pub fn column_key(column: &Column) -> String {
    match &column.category {
        Some(c) => format!("{}.{c}", column.measure),
        None => column.measure.clone(),
    }
}

/// The column a `maat` asks for: the first one with that key, else the first rate (% or per
/// 1.000: areas of different size are compared on rates, never on raw counts, issue 25 and
/// 27), else the first column.
pub fn column_of(grid: &Grid, key: Option<&str>) -> usize {
    key.and_then(|k| grid.columns.iter().position(|c| column_key(c) == k))
        .or_else(|| grid.columns.iter().position(|c| matches!(c.unit, Unit::Procent | Unit::Per1000)))
        .unwrap_or(0)
}

/// Whether a grid can be drawn as a map: rows are areas with at least two gemeenten.
pub fn possible(grid: &Grid, manifest: &Manifest) -> bool {
    grid.rows_are == RowsAre::Areas && gemeente_rows(grid, manifest).count() >= 2 && !grid.columns.is_empty()
}

fn gemeente_rows<'a>(grid: &'a Grid, manifest: &'a Manifest) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    grid.rows
        .iter()
        .enumerate()
        .filter(|(_, r)| manifest.area(&r.id).is_some_and(|a| a.kind == AreaKind::Gemeente))
        .map(|(i, r)| (i, r.id.as_str()))
}

/// Up to four classes of about equal size (quantiles), never splitting equal values, labelled
/// with the lowest and highest value in each ("7,1% tot en met 8,8%").
pub fn classes(values: &[f64], unit: Unit, decimals: u8) -> Vec<Class> {
    let mut sorted: Vec<f64> = values.iter().map(|v| format::round(*v, decimals)).collect();
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    sorted.dedup();
    let n = sorted.len();
    if n == 0 {
        return Vec::new();
    }
    let count = n.min(if n <= 6 { 3 } else { 4 });
    let colours: &[&'static str] = match count {
        1 => &CLASS_COLOURS[2..3],
        2 => &CLASS_COLOURS[1..3],
        3 => &CLASS_COLOURS[0..3],
        _ => &CLASS_COLOURS[..],
    };
    (0..count)
        .map(|k| {
            let (from, to) = (k * n / count, (k + 1) * n / count - 1);
            let (min, max) = (sorted[from], sorted[to]);
            let label = if min == max {
                format::with_unit(min, unit, decimals)
            } else {
                format!(
                    "{} tot en met {}",
                    format::with_unit(min, unit, decimals),
                    format::with_unit(max, unit, decimals)
                )
            };
            Class { min, max, label, colour: colours[k] }
        })
        .collect()
}

/// The class a value falls in.
pub fn class_of(classes: &[Class], v: f64, decimals: u8) -> Option<usize> {
    let r = format::round(v, decimals);
    classes.iter().position(|c| r >= c.min && r <= c.max)
}

/// The map view of one column of a grid by area. `None` when the grid cannot be a map.
pub fn view(grid: &Grid, column: usize, manifest: &Manifest, region: &str, focus: Option<&str>) -> Option<MapView> {
    view_outlined(grid, column, manifest, region, focus, &[])
}

/// The same with more gemeenten outlined (the compare page: every compared gemeente gets the
/// thick border, the reader's own gemeente also the bold label), so the map says which areas
/// the page is about; the sentence names them too, as the border is not seen by everyone.
pub fn view_outlined(
    grid: &Grid,
    column: usize,
    manifest: &Manifest,
    region: &str,
    focus: Option<&str>,
    outlined: &[String],
) -> Option<MapView> {
    if !possible(grid, manifest) {
        return None;
    }
    let col = grid.columns.get(column)?;
    let rows: Vec<(usize, &str)> = gemeente_rows(grid, manifest).collect();
    let values: Vec<f64> = rows.iter().filter_map(|(i, _)| grid.rows[*i].cells.get(column)?.number()).collect();
    let classes = classes(&values, col.unit, col.decimals);
    let mut places = Vec::new();
    let mut marks: Vec<&'static str> = Vec::new();
    for (i, code) in &rows {
        let Some(f) = grid.rows[*i].cells.get(column) else { continue };
        let class = f.number().and_then(|v| class_of(&classes, v, col.decimals));
        if let Err(m) = &f.value {
            if !marks.contains(&m.mark()) {
                marks.push(m.mark());
            }
        }
        let label = match &f.value {
            Ok(_) => f.display(),
            Err(m) => in_words(m).to_owned(),
        };
        places.push(Place {
            code: (*code).to_owned(),
            name: grid.rows[*i].label.clone(),
            shown: f.display(),
            label,
            class,
        });
    }
    let missing = (!marks.is_empty())
        .then(|| format::join_nl(&marks.iter().map(|m| (*m).to_owned()).collect::<Vec<_>>()).replace(" en ", " of "));
    let outlined: Vec<String> = outlined.iter().filter(|c| places.iter().any(|p| p.code == **c)).cloned().collect();
    let mut sentence = sentence(col.label.as_str(), &classes, &places, missing.as_deref());
    if let Some(p) = places.iter().find(|p| focus == Some(p.code.as_str())).filter(|_| places.len() > NAMED_UP_TO) {
        sentence.push_str(&format!(" {}: {}.", p.name, p.shown));
    }
    if !outlined.is_empty() {
        let names: Vec<String> = places.iter().filter(|p| outlined.contains(&p.code)).map(|p| p.name.clone()).collect();
        sentence.push_str(&format!(" Met een dikke rand: {}.", format::join_nl(&names)));
    }
    let data: Vec<Value> = places
        .iter()
        .map(|p| {
            let here = focus == Some(p.code.as_str()) || outlined.contains(&p.code);
            let mut style = match p.class {
                Some(k) => json!({ "areaColor": classes[k].colour, "decal": { "symbol": "none" } }),
                None => json!({
                    "areaColor": "#ffffff",
                    "decal": { "symbol": "rect", "symbolSize": 1, "color": "#6b6b6b",
                               "dashArrayX": [1, 0], "dashArrayY": [2, 5], "rotation": 0.785 }
                }),
            };
            style["borderColor"] = json!(if here { "#000000" } else { "#ffffff" });
            style["borderWidth"] = json!(if here { 3 } else { 1 });
            let figure = grid.rows.iter().find(|r| r.id == p.code).and_then(|r| r.cells.get(column));
            json!({
                "name": p.code,
                "value": figure.and_then(|f| f.number()),
                "tip": super::tooltip::point_text(&p.name, &col.label, &figure.map(super::tooltip::figure_text).unwrap_or_default()),
                "itemStyle": style,
                // Labels are placed in `map_layout` and drawn as graphics ([`drawn`]).
                "label": { "show": false }
            })
        })
        .collect();
    let mut option = json!({
        "aria": { "enabled": true, "decal": { "show": true } },
        "animation": false,
        "series": [{
            "type": "map",
            "map": region,
            "nameProperty": "statcode",
            "aspectScale": map_layout::ASPECT_SCALE,
            "selectedMode": false,
            "emphasis": { "disabled": true },
            "data": data
        }]
    });
    super::tooltip::enable(&mut option);
    let year = boundary_year(grid.period.as_deref());
    let codes = manifest
        .regions
        .iter()
        .find(|r| r.id == region)
        .map_or_else(|| places.iter().map(|p| p.code.clone()).collect(), |r| r.gemeenten.clone());
    if let Some(series) = option.pointer_mut("/series/0") {
        series["map"] = json!(format!("{region}-{year}"));
    }
    Some(MapView {
        map: format!("{region}-{year}"),
        year,
        boundaries: boundaries_file(year),
        codes,
        column: col.label.clone(),
        classes,
        places,
        missing,
        sentence,
        focus: focus.map(str::to_owned),
        outlined,
        option,
    })
}

/// "Kaart van jeugdhulp. Hoogste groep (9,1% tot en met 10,2%): Dordrecht en Zwijndrecht. …"
fn sentence(label: &str, classes: &[Class], places: &[Place], missing: Option<&str>) -> String {
    let mut out = vec![format!("Kaart van {label} per gemeente, in {} groepen.", classes.len())];
    for (k, c) in classes.iter().enumerate().rev() {
        let names = names_or_count(places, |p| p.class == Some(k));
        let which = match (k, classes.len()) {
            (_, 1) => "Eén groep".to_owned(),
            (k, n) if k + 1 == n => "Hoogste groep".to_owned(),
            (0, _) => "Laagste groep".to_owned(),
            _ => "Middengroep".to_owned(),
        };
        out.push(format!("{which} ({}): {names}.", c.label));
    }
    if let Some(m) = missing {
        out.push(format!("Gearceerd, {m}: {}.", names_or_count(places, |p| p.class.is_none())));
    }
    out.join(" ")
}

/// The gemeenten that `which` picks, by name ("Dordrecht en Zwijndrecht"), or on a map of many
/// gemeenten by their number ("86 gemeenten") when they are more than a few.
fn names_or_count(places: &[Place], which: impl Fn(&Place) -> bool) -> String {
    let names: Vec<String> = places.iter().filter(|p| which(p)).map(|p| p.name.clone()).collect();
    match names.len() {
        n if places.len() > NAMED_UP_TO && n > 5 => format!("{} gemeenten", format::number(n as f64, 0)),
        _ => format::join_nl(&names),
    }
}

/// A mark in plain words for a label on the map ("n.b." is "niet beschikbaar").
fn in_words(m: &Missing) -> &'static str {
    match m {
        Missing::Geheim | Missing::UitGeheim(_) => "geheim",
        Missing::NietBeschikbaar | Missing::UitNietBeschikbaar(_) => "niet beschikbaar",
        Missing::NietInBron => "niet in de bron",
        Missing::DelenDoorNul => "niet te berekenen",
    }
}

/// A name's lines on a narrow map: a long hyphenated name over two lines ("Hendrik-Ido-" and
/// "Ambacht"), else one.
fn name_lines(name: &str, narrow: bool) -> Vec<String> {
    match name.rmatch_indices(['-', ' ']).next() {
        Some((i, _)) if narrow && name.chars().count() > 12 => {
            let split = if name[i..].starts_with('-') { i + 1 } else { i };
            vec![name[..split].to_owned(), name[split..].trim_start().to_owned()]
        }
        _ => vec![name.to_owned()],
    }
}

/// The labels' texts: name and figure of every gemeente on the map.
pub fn label_texts(view: &MapView, width: f64) -> Vec<LabelText> {
    view.places
        .iter()
        .map(|p| {
            let mut lines = name_lines(&p.name, width < 480.0);
            lines.push(p.label.clone());
            LabelText { code: p.code.clone(), lines, bold: view.focus.as_deref() == Some(p.code.as_str()) }
        })
        .collect()
}

/// The labels laid out for a chart `width` pixels wide.
pub fn labels(view: &MapView, geo: &Geo, width: f64) -> Layout {
    map_layout::layout(geo, &label_texts(view, width), width)
}

/// The whole option for a chart `width` pixels wide, and its height: the map in the layout's
/// box, every label a graphic text on a white box (dark text, so the contrast does not depend on
/// the area's colour), leader lines with a dot on the anchor.
pub fn drawn(view: &MapView, geo: &Geo, width: f64) -> (Value, u32) {
    let l = labels(view, geo, width);
    let mut option = view.option.clone();
    if let Some(series) = option.pointer_mut("/series/0") {
        series["left"] = json!(l.map.x);
        series["top"] = json!(l.map.y);
        series["width"] = json!(l.map.w);
        series["height"] = json!(l.map.h);
    }
    let mut elements = Vec::new();
    for p in l.labels.iter().filter(|p| p.leader) {
        let end = map_layout::nearest_on(&p.rect, p.anchor);
        elements.push(json!({
            "type": "line", "silent": true, "z": 9,
            "shape": { "x1": p.anchor[0], "y1": p.anchor[1], "x2": end[0], "y2": end[1] },
            "style": { "stroke": "#1a1a1a", "lineWidth": 1 }
        }));
        elements.push(json!({
            "type": "circle", "silent": true, "z": 9,
            "shape": { "cx": p.anchor[0], "cy": p.anchor[1], "r": 2.5 },
            "style": { "fill": "#1a1a1a", "stroke": "#ffffff", "lineWidth": 1 }
        }));
    }
    for p in &l.labels {
        let c = [p.rect.x + p.rect.w / 2.0, p.rect.y + p.rect.h / 2.0];
        elements.push(json!({
            "type": "text", "silent": true, "z": 10, "x": c[0], "y": c[1],
            "style": {
                "text": p.text,
                "align": "center", "verticalAlign": "middle",
                "fontSize": p.font_size, "fontWeight": if p.bold { "bold" } else { "normal" },
                "fontFamily": "sans-serif", "lineHeight": l.line_height,
                "fill": "#1a1a1a", "backgroundColor": "rgba(255,255,255,0.92)",
                "borderColor": if p.bold { "#1a1a1a" } else { "#6b6b6b" }, "borderWidth": if p.bold { 1.5 } else { 0.5 },
                "borderRadius": 2,
                "padding": [map_layout::PADDING[0], map_layout::PADDING[1]]
            }
        }));
    }
    option["graphic"] = json!({ "elements": elements });
    (option, l.height.ceil() as u32)
}

/// The gemeenten in one class, for the legend ("Dordrecht en Zwijndrecht").
pub fn names_in(view: &MapView, class: usize) -> String {
    names_or_count(&view.places, |p| p.class == Some(class))
}

/// The legend's line for the thick border ("dikke rand: Dordrecht en Zwijndrecht"): the chosen
/// gemeente and the outlined ones, in the map's order; none when no area has one.
pub fn outline_note(view: &MapView) -> Option<String> {
    let names: Vec<String> = view
        .places
        .iter()
        .filter(|p| view.focus.as_deref() == Some(p.code.as_str()) || view.outlined.contains(&p.code))
        .map(|p| p.name.clone())
        .collect();
    (!names.is_empty()).then(|| format!("dikke rand: {}", format::join_nl(&names)))
}

/// The gemeenten without a figure, for the legend.
pub fn names_missing(view: &MapView) -> String {
    names_or_count(&view.places, |p| p.class.is_none())
}
