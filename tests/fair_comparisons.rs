//! Issue 23, fair comparisons: across areas of different size, rates and shares are compared;
//! a count or an amount is never set against Nederland's (difference, index) or ranked, a rank
//! of one is no rank, and the compare page's charts at a glance show rates only.

mod common;

use common::{manifest, sets};
use monitor_sociaal_domein::core::calc::grid;
use monitor_sociaal_domein::core::model::view_state::{Page, ViewState};
use monitor_sociaal_domein::core::model::Unit;
use monitor_sociaal_domein::core::pages::{compare, indicator, site};

#[test]
fn counts_and_amounts_get_no_difference_index_or_rank_and_one_is_no_rank() {
    let m = manifest();
    let files: Vec<String> = m.datasets.iter().map(|d| d.file.clone()).collect();
    let sets = sets(&m, &files);
    let (mut checked, mut left_out) = (0, 0);
    for set in &sets {
        let region = m.regions.iter().find(|r| r.id == set.region).unwrap();
        for table in &set.tables {
            for g in &region.gemeenten {
                let g_grid = grid::build(table, &m, None, None);
                let Some(model) = indicator::comparison(&g_grid, &m, Some(g), region.reference.as_deref()) else {
                    continue;
                };
                for (row, column) in model.rows.iter().zip(&g_grid.columns) {
                    checked += 1;
                    if matches!(column.unit, Unit::Aantal | Unit::Euro) {
                        left_out += 1;
                        assert_eq!(
                            (row.difference.as_str(), row.index.as_str(), row.rank.as_str()),
                            ("—", "—", "—"),
                            "{} {g}",
                            table.id
                        );
                        assert!(model.note.is_some());
                    }
                    assert!(!row.rank.ends_with("van 1"), "{} {g}: {}", table.id, row.rank);
                }
                assert!(
                    g_grid.columns.iter().any(|c| !matches!(c.unit, Unit::Aantal | Unit::Euro)),
                    "{}: only counts",
                    table.id
                );
            }
        }
    }
    assert!(checked > 100 && left_out > 10, "{checked} rows, {left_out} left out");
}

#[test]
fn the_compare_page_at_a_glance_shows_rates_only() {
    let m = manifest();
    let region = m.regions.iter().find(|r| r.id == "drechtsteden").unwrap();
    let state = ViewState {
        page: Page::Compare,
        region: Some(region.id.clone()),
        gemeenten: vec!["GM0505".into(), "GM0482".into()],
        ..ViewState::default()
    };
    let sets = sets(&m, &site::files_for_page(&m, &state));
    let tables: Vec<_> = sets.iter().flat_map(|d| &d.tables).collect();
    let panels = compare::panels(&tables, &m, region, &state);
    assert!(!panels.is_empty());
    for p in &panels {
        let t = tables.iter().find(|t| t.id == p.table).unwrap();
        assert!(t.measures.iter().any(|x| !matches!(x.unit, Unit::Aantal | Unit::Euro)), "{}", p.title);
        assert!(!p.title.contains("(aantal)"), "{}", p.title);
    }
    // The counts are still there, in the tables below.
    let all = compare::tables(&tables, &m, region, &state);
    assert!(all.len() > panels.len(), "{} tables, {} panels", all.len(), panels.len());
}
