//! Merging the converted tables of the guided flow with each other and with the site's own: a
//! child module of `register`, because the rules for a cell in two files are a topic of their
//! own.

use super::problem;
use crate::core::model::problem::Problem;
use crate::core::model::*;

/// Tables with the same id (one CSV per year, or a new year for a table already on the site) are
/// merged into one: periods and values together. A cell in two new files with different figures
/// is a problem; a cell of an existing table is replaced by the new one (that is an update).
pub(super) fn merge(existing: Option<Table>, new: Vec<Table>, p: &mut Vec<Problem>) -> Option<Table> {
    let mut iter = new.into_iter();
    let first = iter.next()?;
    let mut out = match existing {
        Some(old) => combine(old, first, true, p),
        None => first,
    };
    for t in iter {
        out = combine(out, t, false, p);
    }
    out.provisional = !out.values.is_empty() && out.values.iter().all(|v| v.provisional);
    out.reindex();
    Some(out)
}

fn combine(mut a: Table, b: Table, b_replaces: bool, p: &mut Vec<Problem>) -> Table {
    for m in &b.measures {
        match a.measure(&m.id) {
            Some(old) if old.unit != m.unit => p.extend(problem(
                "",
                format!(
                    "in tabel {} heeft de kolom \"{}\" eenheid {} en ook {}; dat kan niet in één tabel",
                    a.id,
                    m.label,
                    old.unit.id(),
                    m.unit.id()
                ),
            )),
            Some(_) => {}
            None => a.measures.push(m.clone()),
        }
    }
    for per in &b.periods {
        if !a.periods.iter().any(|x| x.id == per.id) {
            a.periods.push(per.clone());
        }
    }
    a.periods.sort_by(|x, y| x.id.cmp(&y.id));
    let mut at: std::collections::HashMap<Key, usize> =
        a.values.iter().enumerate().map(|(i, v)| (v.key.clone(), i)).collect();
    for v in b.values {
        match at.get(&v.key).copied() {
            Some(i) if b_replaces => a.values[i] = v,
            Some(i) if a.values[i].value != v.value || a.values[i].status != v.status => p.extend(problem(
                "",
                format!(
                    "tabel {}: {} in {} staat in twee bestanden met verschillende cijfers; laat er één weg",
                    a.id, v.key.measure, v.key.period
                ),
            )),
            Some(_) => {}
            None => {
                at.insert(v.key.clone(), a.values.len());
                a.values.push(v);
            }
        }
    }
    // The newest title and source describe the table as it is now.
    a.title = b.title;
    a.source = b.source;
    a.note = b.note.or(a.note);
    a
}
