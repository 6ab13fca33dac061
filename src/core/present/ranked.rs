//! The table beside a chart of many areas (issue 25): every area, sorted by the charted figure
//! from high to low with its rank, the references (Nederland, the region) first, and a filter
//! field that narrows the rows to the names a reader types. The chart draws a selection
//! ([`charts::many`](super::charts::many)); this table is the whole list and the full text
//! alternative. The core sorts, ranks, folds the names and decides which rows a query keeps; the
//! page only hides the rows the core says to hide (`ui::table`), and the baked page (no script)
//! shows the whole sorted table.

use super::charts::many;
use crate::core::calc::grid::Grid;
use crate::core::text::words;

/// How many rows of a long table a compact embed reckons with: the table scrolls in its frame.
pub const EMBED_ROWS: usize = 12;

/// What a long table adds to a data table, one entry per row of its (sorted) grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    /// The rank column's header.
    pub header: String,
    /// "57", or "—" for a reference or an area without a figure.
    pub ranks: Vec<String>,
    /// Each row's name folded for the filter (`text::words::fold`).
    pub keys: Vec<String>,
    /// The filter field's label: "Zoek een gemeente in de tabel".
    pub search_label: String,
    /// The id of the filter field.
    pub search_id: String,
}

/// The grid sorted for a long table and its ranks; `None` for a grid a chart can draw whole
/// ([`many::too_many`]). `column`: the figure the chart draws; `noun`: "gemeenten", "gebieden".
pub fn rank(grid: &Grid, column: usize, noun: &str) -> Option<(Grid, Ranked)> {
    if !many::too_many(grid) {
        return None;
    }
    let (with, without) = many::order(grid, column);
    let references = (0..grid.rows.len()).filter(|i| grid.rows[*i].reference);
    let order: Vec<usize> = references.chain(with).chain(without).collect();
    let mut g = grid.clone();
    g.rows = order.iter().map(|i| grid.rows[*i].clone()).collect();
    let ranks = many::ranks(&g, column).into_iter().map(|r| r.map_or("—".to_owned(), |r| r.to_string())).collect();
    let one = if noun == "gemeenten" { "gemeente" } else { "gebied" };
    let ranked = Ranked {
        header: "Plaats (1 = hoogste)".to_owned(),
        ranks,
        keys: g.rows.iter().map(|r| words::fold(&r.label)).collect(),
        search_label: format!("Zoek een {one} in de tabel"),
        search_id: format!("zoek-in-{}", grid.table),
    };
    Some((g, ranked))
}

/// Which rows a query keeps: those whose folded name holds the folded query ("zwijn" keeps
/// Zwijndrecht, "s-her" 's-Hertogenbosch); every row for an empty query.
pub fn shown(keys: &[String], query: &str) -> Vec<bool> {
    let q = words::fold(query.trim());
    keys.iter().map(|k| q.is_empty() || k.contains(&q)).collect()
}

/// What the filter left, for the line under the field: "3 van de 343 rijen", or nothing when
/// every row is shown.
pub fn count(shown: &[bool]) -> String {
    let n = shown.iter().filter(|s| **s).count();
    match n {
        _ if n == shown.len() => String::new(),
        0 => format!("Geen van de {} rijen past bij uw zoekwoord.", shown.len()),
        1 => format!("1 van de {} rijen", shown.len()),
        n => format!("{n} van de {} rijen", shown.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_keeps_the_rows_whose_folded_name_holds_it() {
        let keys: Vec<String> =
            ["Zwijndrecht", "'s-Hertogenbosch", "Súdwest-Fryslân"].iter().map(|n| words::fold(n)).collect();
        assert_eq!(shown(&keys, ""), vec![true, true, true]);
        assert_eq!(shown(&keys, " ZWIJN "), vec![true, false, false]);
        assert_eq!(shown(&keys, "sudwest"), vec![false, false, true]);
        assert_eq!(count(&shown(&keys, "zwijn")), "1 van de 3 rijen");
        assert_eq!(count(&shown(&keys, "")), "");
        assert!(count(&shown(&keys, "xyz")).starts_with("Geen van de 3"));
    }
}
