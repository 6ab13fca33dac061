//! The chart fits the data: bars per gemeente, stacked bars for compositions, lines over time;
//! and the options are valid for a strict CSP (no JavaScript functions).

mod common;

use monitor_sociaal_domein::core::calc::grid;
use monitor_sociaal_domein::core::present::charts::{self, ChartKind};

fn kind_of(id: &str) -> (ChartKind, String) {
    let r = common::bundled();
    let m = r.manifest.as_ref().unwrap();
    let t = r.datasets.iter().flat_map(|(_, d)| &d.tables).find(|t| t.id == id).unwrap();
    let g = grid::build(t, m, None, None);
    let (chart, _) = charts::chart(&g);
    (charts::kind(&g), charts::finish(serde_json::to_value(&chart).unwrap(), "samenvatting"))
}

#[test]
fn chart_kind_follows_the_data() {
    assert_eq!(kind_of("jeugd-jongeren-in-jeugdzorg").0, ChartKind::Bars);
    assert_eq!(kind_of("participatie-uitstroom-bijstand-per-gemeente-2016").0, ChartKind::Stacked);
    assert_eq!(kind_of("participatie-ridderkerk-buig-budget").0, ChartKind::Lines);
}

#[test]
fn options_hold_no_javascript_and_carry_the_description() {
    for id in [
        "jeugd-jongeren-in-jeugdzorg",
        "participatie-uitstroom-bijstand-per-gemeente-2016",
        "participatie-ridderkerk-buig-budget",
    ] {
        let (_, json) = kind_of(id);
        assert!(!json.contains("function"), "{id}");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["aria"]["label"]["description"], "samenvatting");
        assert!(v["aria"]["decal"].get("decals").is_none(), "ECharts' own patterns");
    }
}
