//! The cell index of a table: interned coordinates, so the engine looks cells up by four small
//! integers instead of hashing and comparing four strings per lookup (issue 12: every indicator
//! for the whole country in the browser; string keys were a third of that time).
//!
//! Every measure, area, period and category id that occurs in the table gets a number once, when
//! the table is indexed. Callers that look up many cells resolve the strings once ([`Coord`]) and
//! then vary one number, e.g. the measure of a formula's inputs or the area of a total's parts.

use crate::core::model::value::{FastMap, Key, Value};

/// A cell's interned coordinates. Category 0 is "no category".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Coord {
    pub measure: u32,
    pub area: u32,
    pub period: u32,
    pub category: u32,
}

/// Up to this many slots per value the index is a dense array (one `u32` per possible cell);
/// sparser tables use a hash map on the coordinates.
const DENSE_SLOTS_PER_VALUE: usize = 8;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CellIndex {
    measures: FastMap<String, u32>,
    areas: FastMap<String, u32>,
    periods: FastMap<String, u32>,
    categories: FastMap<String, u32>,
    /// Area codes by number: the order in which they first occur in the values.
    area_list: Vec<String>,
    /// Which (measure, category) pairs have at least one value: `measure * (categories + 1) + category`.
    present: Vec<bool>,
    /// The coordinates of each value, in the order of `Table::values`.
    coords: Vec<Coord>,
    /// Dense: value position + 1 per coordinate (0 = no cell); empty when sparse.
    dense: Vec<u32>,
    sparse: FastMap<Coord, u32>,
}

fn intern(map: &mut FastMap<String, u32>, id: &str, first: u32) -> u32 {
    if let Some(n) = map.get(id) {
        return *n;
    }
    let n = map.len() as u32 + first;
    map.insert(id.to_owned(), n);
    n
}

impl CellIndex {
    /// Indexes the values; of duplicate keys the first wins (the validator reports duplicates).
    pub fn new(values: &[Value]) -> CellIndex {
        let mut ix = CellIndex::default();
        ix.coords = values
            .iter()
            .map(|v| Coord {
                measure: intern(&mut ix.measures, &v.key.measure, 0),
                area: intern(&mut ix.areas, &v.key.area, 0),
                period: intern(&mut ix.periods, &v.key.period, 0),
                category: v.key.category.as_deref().map_or(0, |c| intern(&mut ix.categories, c, 1)),
            })
            .collect();
        ix.area_list = vec![String::new(); ix.areas.len()];
        for (code, n) in &ix.areas {
            ix.area_list[*n as usize].clone_from(code);
        }
        let nc = ix.categories.len() + 1;
        ix.present = vec![false; ix.measures.len() * nc];
        for c in &ix.coords {
            ix.present[c.measure as usize * nc + c.category as usize] = true;
        }
        let slots = ix.slots();
        if slots <= values.len().max(64) * DENSE_SLOTS_PER_VALUE {
            ix.dense = vec![0; slots];
            for (i, c) in ix.coords.iter().enumerate() {
                let s = ix.slot(*c);
                if ix.dense[s] == 0 {
                    ix.dense[s] = i as u32 + 1;
                }
            }
        } else {
            for (i, c) in ix.coords.iter().enumerate() {
                ix.sparse.entry(*c).or_insert(i as u32);
            }
        }
        ix
    }

    fn slots(&self) -> usize {
        self.measures.len() * self.areas.len() * self.periods.len() * (self.categories.len() + 1)
    }

    fn slot(&self, c: Coord) -> usize {
        let (na, np, nc) = (self.areas.len(), self.periods.len(), self.categories.len() + 1);
        ((c.measure as usize * na + c.area as usize) * np + c.period as usize) * nc + c.category as usize
    }

    pub fn measure(&self, id: &str) -> Option<u32> {
        self.measures.get(id).copied()
    }
    pub fn area(&self, code: &str) -> Option<u32> {
        self.areas.get(code).copied()
    }
    pub fn period(&self, id: &str) -> Option<u32> {
        self.periods.get(id).copied()
    }
    /// `None` (no category) is category 0; an unknown category is `None`.
    pub fn category(&self, id: Option<&str>) -> Option<u32> {
        match id {
            None => Some(0),
            Some(c) => self.categories.get(c).copied(),
        }
    }

    /// The area codes in the order they first occur in the values.
    pub fn areas(&self) -> &[String] {
        &self.area_list
    }

    /// True when the measure has a value in the category (`None`: without a category).
    pub fn has_values(&self, measure: &str, category: Option<&str>) -> bool {
        match (self.measure(measure), self.category(category)) {
            (Some(m), Some(c)) => self.present[m as usize * (self.categories.len() + 1) + c as usize],
            _ => false,
        }
    }

    /// The coordinates of a key, when every part of it occurs in the table.
    pub fn coord(&self, key: &Key) -> Option<Coord> {
        Some(Coord {
            measure: self.measure(&key.measure)?,
            area: self.area(&key.area)?,
            period: self.period(&key.period)?,
            category: self.category(key.category.as_deref())?,
        })
    }

    /// The coordinates of the value at position `i` of `Table::values`.
    pub fn coord_of(&self, i: usize) -> Option<Coord> {
        self.coords.get(i).copied()
    }

    /// The position in `Table::values` of the cell at `c`.
    pub fn get(&self, c: Coord) -> Option<usize> {
        if self.dense.is_empty() {
            return self.sparse.get(&c).map(|i| *i as usize);
        }
        if c.measure as usize >= self.measures.len()
            || c.area as usize >= self.areas.len()
            || c.period as usize >= self.periods.len()
            || c.category as usize > self.categories.len()
        {
            return None;
        }
        match self.dense[self.slot(c)] {
            0 => None,
            n => Some(n as usize - 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Status;

    fn value(m: &str, a: &str, p: &str, c: Option<&str>, x: f64) -> Value {
        Value {
            key: Key { measure: m.into(), area: a.into(), period: p.into(), category: c.map(Into::into) },
            value: Some(x),
            status: Status::Gepubliceerd,
            provisional: false,
            printed: None,
        }
    }

    #[test]
    fn finds_every_cell_and_nothing_else_dense_and_sparse() {
        let mut values = vec![
            value("a", "GM1", "2020", None, 1.0),
            value("b", "GM1", "2020", Some("x"), 2.0),
            value("a", "GM2", "2021", None, 3.0),
            value("a", "GM1", "2020", None, 9.0), // a duplicate: the first wins
        ];
        // Many ids with few values: sparse.
        for i in 0..200 {
            values.push(value(&format!("m{i}"), &format!("A{i}"), &format!("P{i}"), Some(&format!("c{i}")), i as f64));
        }
        for (values, dense) in [(&values[..4], true), (&values[..], false)] {
            let ix = CellIndex::new(values);
            assert_eq!(ix.dense.is_empty(), !dense);
            assert_eq!(ix.areas()[0], "GM1");
            assert!(ix.has_values("b", Some("x")) && !ix.has_values("b", None) && !ix.has_values("zz", None));
            for (i, v) in values.iter().enumerate() {
                let want = if i == 3 { 0 } else { i };
                assert_eq!(ix.coord(&v.key).and_then(|c| ix.get(c)), Some(want), "{:?}", v.key);
                assert_eq!(ix.coord_of(i), ix.coord(&v.key));
            }
            let missing = Key { measure: "b".into(), area: "GM2".into(), period: "2021".into(), category: None };
            assert_eq!(ix.coord(&missing).and_then(|c| ix.get(c)), None);
            let unknown = Key { category: Some("zz".into()), ..missing };
            assert_eq!(ix.coord(&unknown), None);
        }
    }
}
