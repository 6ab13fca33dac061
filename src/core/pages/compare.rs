//! Comparing two or more gemeenten side by side, table by table.

use super::indicator::caption;
use crate::core::grid::{self, Grid};
use crate::core::model::{Manifest, Region, Table};
use crate::core::view::ViewState;

/// One checkbox of the choice form.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareOption {
    pub id: String,
    pub code: String,
    pub name: String,
    pub checked: bool,
}

/// The chosen gemeenten that belong to the region, in the link's order.
pub fn chosen(region: &Region, state: &ViewState) -> Vec<String> {
    state.gemeenten.iter().filter(|g| region.gemeenten.contains(g)).cloned().collect()
}

/// The checkboxes: every gemeente of the region.
pub fn options(manifest: &Manifest, region: &Region, state: &ViewState) -> Vec<CompareOption> {
    let chosen = chosen(region, state);
    region
        .gemeenten
        .iter()
        .map(|code| CompareOption {
            id: format!("kies-{code}"),
            code: code.clone(),
            name: manifest.area_name(code),
            checked: chosen.contains(code),
        })
        .collect()
}

/// One grid (and caption) per table without categories that has figures for at least two of
/// the chosen gemeenten; rows are the chosen gemeenten, then the reference.
pub fn tables(tables: &[&Table], manifest: &Manifest, region: &Region, state: &ViewState) -> Vec<(Grid, String)> {
    let chosen = chosen(region, state);
    if chosen.len() < 2 {
        return Vec::new();
    }
    let mut order = chosen.clone();
    order.extend(region.reference.iter().cloned());
    tables
        .iter()
        .filter(|t| {
            t.categories.is_empty() && chosen.iter().filter(|g| t.values.iter().any(|v| v.key.area == **g)).count() >= 2
        })
        .map(|t| {
            let grid = grid::build(t, manifest, None, Some(&order));
            let caption = caption(t, &grid);
            (grid, caption)
        })
        .collect()
}
