//! Small charts: one measure across gemeenten (a dashboard card, a compare panel) or across
//! periods. Horizontal bars, values written at the bar in Dutch, the chosen gemeente in bold
//! with a dark outline, Nederland and the region as dashed lines rather than bars, and a
//! missing value named on the axis ("Alblasserdam (geheim)") instead of drawn as 0.

use super::many::BREAK;
use super::{tooltip, PALETTE};
use crate::core::model::Unit;
use crate::core::text::format;
use serde_json::{json, Value};

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// Area code (or period id).
    pub id: String,
    pub label: String,
    /// The number, or the mark that says why there is none ("geheim", "n.b.").
    pub value: Result<f64, String>,
}

/// A reference drawn as a dashed line across the bars: Nederland, the region.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    pub label: String,
    pub value: f64,
}

/// Colour of an ordinary bar and of the chosen gemeente's bar.
const BAR: &str = "#8fb8d6";
const CHOSEN: &str = PALETTE[0];

/// The chart (JSON options) and its height in CSS pixels. `sort`: largest first (areas); keep
/// the given order for periods.
pub fn small_bars(
    points: &[Point],
    unit: Unit,
    decimals: u8,
    focus: Option<&str>,
    references: &[Reference],
    sort: bool,
) -> (Value, u32) {
    let mut points: Vec<&Point> = points.iter().collect();
    if sort {
        // Largest first, missing values last; stable, so ties keep the source's order.
        points.sort_by(|a, b| match (&a.value, &b.value) {
            (Ok(x), Ok(y)) => y.partial_cmp(x).unwrap_or(std::cmp::Ordering::Equal),
            (Ok(_), Err(_)) => std::cmp::Ordering::Less,
            (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
            _ => std::cmp::Ordering::Equal,
        });
    }
    let labels: Vec<Value> = points
        .iter()
        .map(|p| {
            if p.id == BREAK {
                return json!({ "value": p.label, "textStyle": { "color": "#595959", "fontStyle": "italic" } });
            }
            let text = match &p.value {
                Ok(_) => p.label.clone(),
                Err(mark) => format!("{} ({mark})", p.label),
            };
            if focus == Some(p.id.as_str()) {
                json!({ "value": text, "textStyle": { "fontWeight": "bold", "color": "#000000" } })
            } else {
                json!(text)
            }
        })
        .collect();
    let data: Vec<Value> = points
        .iter()
        .map(|p| match &p.value {
            Ok(v) => {
                let here = focus == Some(p.id.as_str());
                json!({
                    "value": v,
                    "itemStyle": if here {
                        json!({ "color": CHOSEN, "borderColor": "#000000", "borderWidth": 2 })
                    } else {
                        json!({ "color": BAR })
                    },
                    // A white box, so a reference line behind the label never crosses its text.
                    "label": { "formatter": format::compact(*v, unit, decimals), "fontWeight": if here { "bold" } else { "normal" },
                               "backgroundColor": "#ffffff", "padding": [1, 2] },
                    "tip": tooltip::point_text(&p.label, "", &format::with_unit(*v, unit, decimals))
                })
            }
            Err(mark) if p.id != BREAK => json!({ "value": null, "tip": tooltip::point_text(&p.label, "", mark) }),
            Err(_) => Value::Null,
        })
        .collect();
    let lines: Vec<Value> = references
        .iter()
        .map(|r| {
            json!({
                "xAxis": r.value,
                "label": { "formatter": format!("{} {}", r.label, format::compact(r.value, unit, decimals)), "position": "start", "fontSize": 11, "color": "#1a1a1a" }
            })
        })
        .collect();
    let mut series = json!({
        "type": "bar",
        "name": "waarde",
        "barMaxWidth": 18,
        "label": { "show": true, "position": "right", "fontSize": 12 },
        "labelLayout": { "hideOverlap": true },
        "data": data
    });
    if !lines.is_empty() {
        series["markLine"] = json!({
            "silent": true, "symbol": "none",
            "lineStyle": { "color": "#1a1a1a", "type": "dashed", "width": 1.5 },
            "data": lines
        });
    }
    // Room above the bars for the reference lines' labels.
    let top = if references.is_empty() { 4 } else { 24 };
    // The axis reaches the reference lines too (ECharts leaves them out of its extent).
    let values = points.iter().filter_map(|p| p.value.as_ref().ok().copied()).chain(references.iter().map(|r| r.value));
    let (low, high) = values.fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let option = json!({
        "aria": { "enabled": true, "decal": { "show": false } },
        "animation": false,
        "legend": { "show": false },
        "grid": { "top": top, "bottom": 4, "left": 4, "right": 72, "containLabel": true },
        "xAxis": { "type": "value", "min": low, "max": high, "splitNumber": 2,
                   "axisLabel": { "show": false }, "splitLine": { "show": false } },
        "yAxis": { "type": "category", "inverse": true, "data": labels, "axisTick": { "show": false },
                   "axisLabel": { "fontSize": 12 } },
        "series": [series]
    });
    let mut option = option;
    tooltip::enable(&mut option);
    (option, points.len() as u32 * 24 + top + 12)
}

/// At most this many bars in a card (issue 25): a card of 343 bars was 8.461 px high.
pub const MAX_BARS: usize = 12;

/// How many gemeenten stand on either side of the chosen one, and at either end, in a card of
/// many.
const NEIGHBOURS: usize = 2;
const ENDS: usize = 2;

/// A card of more than [`MAX_BARS`] areas: the two highest, the chosen gemeente between its two
/// neighbours on either side in rank, the two lowest (without a chosen one the five highest and
/// five lowest), sorted from high to low, with a break ("… 52 gemeenten") where gemeenten are
/// left out; and the card's text alternative, which summarises instead of naming all of them.
/// Neighbours alone would show nine equal bars; the ends give them their place. `None` for a
/// card that fits.
pub fn peers(
    points: &[Point],
    focus: Option<&str>,
    (unit, decimals): (Unit, u8),
    references: &[Reference],
) -> Option<(Vec<Point>, String)> {
    if points.len() <= MAX_BARS {
        return None;
    }
    let round = |p: &Point| p.value.as_ref().ok().map(|v| format::round(*v, decimals));
    let mut with: Vec<usize> = (0..points.len()).filter(|i| points[*i].value.is_ok()).collect();
    with.sort_by(|a, b| round(&points[*b]).unwrap_or(0.0).total_cmp(&round(&points[*a]).unwrap_or(0.0)));
    let chosen = focus.and_then(|f| points.iter().position(|p| p.id == f));
    super::many::first_among_equals(&mut with, chosen, |i| round(&points[i]));
    let n = with.len();
    let keep: Vec<usize> = match chosen.and_then(|c| with.iter().position(|x| *x == c)) {
        Some(p) => {
            (0..n).filter(|q| *q < ENDS || *q + ENDS >= n || (q + NEIGHBOURS >= p && *q <= p + NEIGHBOURS)).collect()
        }
        None => (0..n).filter(|q| *q < 5 || *q + 5 >= n).collect(),
    };
    let gap = |count: usize| Point {
        id: BREAK.to_owned(),
        label: if count == 1 { "… 1 gemeente".to_owned() } else { format!("… {count} gemeenten") },
        value: Err(String::new()),
    };
    let mut out: Vec<Point> = Vec::new();
    let mut last: Option<usize> = None;
    for q in keep {
        let skipped = q - last.map_or(0, |l| l + 1);
        if skipped > 0 {
            out.push(gap(skipped));
        }
        out.push(points[with[q]].clone());
        last = Some(q);
    }
    // A chosen gemeente without a figure is shown with its mark, after the others.
    out.extend(points.iter().filter(|p| p.value.is_err() && Some(p.id.as_str()) == focus).cloned());
    let sorted: Vec<&Point> = with.iter().map(|i| &points[*i]).collect();
    Some((out, peers_text(&sorted, focus, points, (unit, decimals), references)))
}

/// "Staafdiagram: Zwijndrecht 12,3%, plaats 57 van 341 gemeenten met een cijfer, tussen de
/// gemeenten die er in de rangorde naast staan en de hoogste en laagste. Hoogste: Almere 19,9%; laagste: Urk 2,0%.
/// Lijn: NL 10,9%."
fn peers_text(
    with: &[&Point],
    focus: Option<&str>,
    all: &[Point],
    (unit, decimals): (Unit, u8),
    references: &[Reference],
) -> String {
    let show = |p: &Point| match &p.value {
        Ok(v) => format!("{} {}", p.label, format::with_unit(*v, unit, decimals)),
        Err(mark) => format!("{} {mark}", p.label),
    };
    let mut out = String::from("Staafdiagram: ");
    let ranked = with.len();
    match focus.and_then(|f| all.iter().find(|p| p.id == f)) {
        Some(p) => match with.iter().position(|x| x.id == p.id) {
            Some(at) => out.push_str(&format!(
                "{}, plaats {} van {ranked} gemeenten met een cijfer, tussen de gemeenten die er in de rangorde naast staan en de hoogste en laagste. ",
                show(p),
                at + 1
            )),
            None => out.push_str(&format!("{}. ", show(p))),
        },
        None => out.push_str(&format!("de vijf hoogste en vijf laagste van {} gemeenten. ", all.len())),
    }
    if let (Some(high), Some(low)) = (with.first(), with.last()) {
        out.push_str(&format!("Hoogste: {}; laagste: {}.", show(high), show(low)));
    }
    if !references.is_empty() {
        let lines: Vec<String> =
            references.iter().map(|r| format!("{} {}", r.label, format::with_unit(r.value, unit, decimals))).collect();
        out.push_str(&format!(" Lijn: {}.", format::join_nl(&lines)));
    }
    out
}
