//! Small charts: one measure across gemeenten (a dashboard card, a compare panel) or across
//! periods. Horizontal bars, values written at the bar in Dutch, the chosen gemeente in bold
//! with a dark outline, Nederland and the region as dashed lines rather than bars, and a
//! missing value named on the axis ("Alblasserdam (geheim)") instead of drawn as 0.

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
            Err(mark) => json!({ "value": null, "tip": tooltip::point_text(&p.label, "", mark) }),
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
