//! Positions: where the parts of a converted table came from in the sheet, so that a problem
//! the validator finds at a JSON path is shown at the cell the user can fix.

use crate::core::model::problem::{JsonPath, Problem, Problems, Segment};
use std::collections::HashMap;

/// Sheet rows and columns of the converted table's parts.
pub(super) struct Places {
    pub header: usize,
    /// Sheet row per descriptor keyword (`eenheid`, `formule`, …).
    pub descriptors: HashMap<&'static str, usize>,
    /// 1-based sheet column of each measure.
    pub columns: Vec<usize>,
    /// Sheet cell (row, column) of each value.
    pub values: Vec<(usize, usize)>,
    /// Sheet row per metadata keyword (`titel`, `bron`, …).
    pub meta: HashMap<&'static str, usize>,
    /// Sheet row of each period.
    pub periods: Vec<usize>,
}

impl Places {
    /// A JSON path of the validator (`tables[0].values[3].value`) → (row, column) in the sheet.
    pub fn locate(&self, path: &JsonPath) -> (usize, usize) {
        use Segment::{Index, Key};
        let segments = path.segments();
        let rest = match segments {
            [Key(tables), Index(0), rest @ ..] if tables == "tables" => rest,
            _ => segments,
        };
        let meta = |key: &str| self.meta.get(key).map_or((1, 1), |row| (*row, 2));
        match rest {
            [Key(values), Index(index), ..] if values == "values" => {
                self.values.get(*index).copied().unwrap_or((self.header, 1))
            }
            [Key(measures), Index(index), field @ ..] if measures == "measures" => {
                let column = self.columns.get(*index).copied().unwrap_or(1);
                let descriptor = match field.first() {
                    Some(Key(field)) if field == "unit" => Some("eenheid"),
                    Some(Key(field)) if field == "formula" => Some("formule"),
                    Some(Key(field)) if field == "id" => Some("id"),
                    _ => None,
                };
                let row = descriptor.and_then(|key| self.descriptors.get(key).copied());
                (row.unwrap_or(self.header), column)
            }
            [Key(measures)] if measures == "measures" => {
                (self.descriptors.get("formule").copied().unwrap_or(self.header), 1)
            }
            [Key(periods), Index(index), ..] if periods == "periods" => {
                (self.periods.get(*index).copied().unwrap_or(1), 1)
            }
            [Key(field)] if field == "title" => meta("titel"),
            [Key(field)] if field == "id" => self.meta.get("tabel-id").map_or_else(|| meta("titel"), |row| (*row, 2)),
            [Key(source), Key(field)] if source == "source" && field == "text" => meta("bron"),
            [Key(source), Key(field)] if source == "source" && field == "seed" => meta("bronnummer"),
            _ => (1, 1),
        }
    }
}

/// Problems sorted as the user reads the sheet: top to bottom, left to right.
pub(super) fn in_sheet_order(problems: Problems) -> Vec<Problem> {
    let mut list = problems.list;
    list.sort_by_key(|problem| problem.location.sheet_cell().unwrap_or((usize::MAX, usize::MAX)));
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validator_paths_become_cells() {
        let places = Places {
            header: 14,
            descriptors: HashMap::from([("eenheid", 16), ("formule", 18)]),
            columns: vec![2, 3],
            values: vec![(20, 2), (21, 2)],
            meta: HashMap::from([("titel", 2), ("bron", 5)]),
            periods: vec![3],
        };
        let table = JsonPath::root().key("tables").index(0);
        assert_eq!(places.locate(&table.key("values").index(1).key("value")), (21, 2));
        assert_eq!(places.locate(&table.key("values").index(7)), (14, 1));
        assert_eq!(places.locate(&table.key("measures").index(1).key("unit")), (16, 3));
        assert_eq!(places.locate(&table.key("measures").index(0).key("formula").key("args").index(1)), (18, 2));
        assert_eq!(places.locate(&table.key("measures").index(0).key("label")), (14, 2));
        assert_eq!(places.locate(&table.key("measures")), (18, 1));
        assert_eq!(places.locate(&table.key("id")), (2, 2));
        assert_eq!(places.locate(&table.key("source").key("text")), (5, 2));
        assert_eq!(places.locate(&table.key("source").key("seed")), (1, 1));
        assert_eq!(places.locate(&table.key("periods").index(0).key("id")), (3, 1));
    }
}
