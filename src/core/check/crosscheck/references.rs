//! The references of a file's running text: every table, measure, cell and statement a
//! statement, claim, link or contradiction names exists (across all files of the folder).

use super::Index;
use crate::core::model::narrative::CellRef;
use crate::core::model::problem::{JsonPath, Problem, Problems};
use crate::core::model::*;
use std::collections::HashMap;

/// Checks that every reference of the narrative exists: tables, measures, cells, statements.
pub fn reference_problems(datasets: &[(String, Dataset)], manifest: &Manifest) -> Vec<Problem> {
    let named: Vec<(&str, &Dataset)> = datasets.iter().map(|(f, d)| (f.as_str(), d)).collect();
    let datasets = &named;
    let ix = Index::new(datasets, manifest);
    let mut out = Vec::new();
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for (file, ds) in datasets {
        let mut problems = Problems::new(file);
        let p = &mut problems;
        let cell_ok = |c: &CellRef, path: &JsonPath, p: &mut Problems| {
            let Some((_, t)) = ix.tables.get(c.table.as_str()) else {
                p.add(&path.key("table"), format!("onbekende tabel \"{}\"", c.table));
                return;
            };
            if t.measure(&c.measure).is_none() {
                p.add(&path.key("measure"), format!("tabel {} heeft geen maat \"{}\"", t.id, c.measure));
            } else if ix.cell(c).is_none() {
                p.add(path, format!("tabel {} heeft geen cel voor deze maat, dit gebied en deze periode", t.id));
            }
        };
        for (i, s) in ds.narrative.statements.iter().enumerate() {
            if let Some(other) = seen.insert(s.id.as_str(), file) {
                if other != *file {
                    p.add(
                        &JsonPath::root().key("statements").index(i).key("id"),
                        format!("id \"{}\" staat ook in {other}", s.id),
                    );
                }
            }
            if let Some(c) = &s.cell {
                cell_ok(c, &JsonPath::root().key("statements").index(i).key("cell"), p);
            }
            if let Some(o) = &s.same_as {
                if !ix.statements.contains_key(o.as_str()) || o == &s.id {
                    p.add(
                        &JsonPath::root().key("statements").index(i).key("same_as"),
                        format!("onbekende uitspraak \"{o}\""),
                    );
                }
            }
            if let Some(d) = manifest.datasets.iter().find(|d| d.file == *file) {
                if !d.themes.contains(&s.theme) {
                    p.add(
                        &JsonPath::root().key("statements").index(i).key("theme"),
                        format!("thema {} staat niet bij dit bestand in manifest.json (themes)", s.theme.id()),
                    );
                }
            }
        }
        for (i, c) in ds.narrative.claims.iter().enumerate() {
            cell_ok(&c.subject, &JsonPath::root().key("claims").index(i).key("subject"), p);
        }
        for (i, l) in ds.narrative.links.iter().enumerate() {
            cell_ok(&l.a, &JsonPath::root().key("links").index(i).key("a"), p);
            cell_ok(&l.b, &JsonPath::root().key("links").index(i).key("b"), p);
        }
        for (i, c) in ds.narrative.contradictions.iter().enumerate() {
            for (k, id) in c.statements.iter().enumerate() {
                if !ix.statements.contains_key(id.as_str()) {
                    p.add(
                        &JsonPath::root().key("contradictions").index(i).key("statements").index(k),
                        format!("onbekende uitspraak \"{id}\""),
                    );
                }
            }
            for (k, cell) in c.cells.iter().enumerate() {
                cell_ok(cell, &JsonPath::root().key("contradictions").index(i).key("cells").index(k), p);
            }
        }
        out.extend(problems.list);
    }
    out
}
