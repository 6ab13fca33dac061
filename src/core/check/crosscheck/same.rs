//! Every pair of cells that state the same quantity, not only the one a link names. A link
//! (`links` in a dataset file) declares that two (table, measure, category) columns state the
//! same quantity; this check compares them for every area and period both tables hold, so a
//! difference in another gemeente, or in Nederland, is listed too (issue 21). The declaration
//! stays explicit, in the data: no two columns are paired by guessing from their labels. Part
//! of `crosscheck`.

use super::{compare, half_of, shown, Finding, Index, Outcome, Side};
use crate::core::model::narrative::*;
use crate::core::model::*;
use std::collections::HashSet;

/// One declared equivalence: the two columns (table, measure, category) and, for links across
/// periods, the two periods (`None`: every period both tables hold).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Columns {
    pub a: (String, String, Option<String>),
    pub b: (String, String, Option<String>),
    pub periods: Option<(String, String)>,
}

/// The column pairs the links declare, each once.
pub fn declared(links: &[&Link]) -> Vec<Columns> {
    let mut out: Vec<Columns> = Vec::new();
    for l in links {
        let c = Columns {
            a: (l.a.table.clone(), l.a.measure.clone(), l.a.category.clone()),
            b: (l.b.table.clone(), l.b.measure.clone(), l.b.category.clone()),
            periods: (l.a.period != l.b.period).then(|| (l.a.period.clone(), l.b.period.clone())),
        };
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// Every pair of cells the declared columns give, beyond the cells the links name themselves
/// (those `link_check` compares): (a, b, the link's reason).
pub(super) fn pairs<'a>(ix: &Index, links: &[&'a Link]) -> Vec<(CellRef, CellRef, &'a str)> {
    let named: HashSet<(&CellRef, &CellRef)> = links.iter().map(|l| (&l.a, &l.b)).collect();
    let mut out = Vec::new();
    for cols in declared(links) {
        let why = links
            .iter()
            .find(|l| {
                l.a.table == cols.a.0 && l.a.measure == cols.a.1 && l.b.table == cols.b.0 && l.b.measure == cols.b.1
            })
            .map_or("", |l| l.why.as_str());
        let (Some((_, ta)), Some((_, tb))) = (ix.tables.get(cols.a.0.as_str()), ix.tables.get(cols.b.0.as_str()))
        else {
            continue;
        };
        let areas_b = tb.areas();
        let periods: Vec<(String, String)> = match &cols.periods {
            Some(p) => vec![p.clone()],
            None => ta
                .periods
                .iter()
                .filter(|p| tb.periods.iter().any(|q| q.id == p.id))
                .map(|p| (p.id.clone(), p.id.clone()))
                .collect(),
        };
        for area in ta.areas().iter().filter(|a| areas_b.contains(a)) {
            for (pa, pb) in &periods {
                let cell = |c: &(String, String, Option<String>), period: &str| CellRef {
                    table: c.0.clone(),
                    measure: c.1.clone(),
                    area: area.clone(),
                    period: period.to_owned(),
                    category: c.2.clone(),
                };
                let (a, b) = (cell(&cols.a, pa), cell(&cols.b, pb));
                if !named.contains(&(&a, &b)) {
                    out.push((a, b, why));
                }
            }
        }
    }
    out
}

/// Compares every pair [`pairs`] gives and grades each difference as a link's.
pub(super) fn same_quantity(ix: &Index, links: &[&Link], out: &mut Outcome, covered: &mut HashSet<(String, Key)>) {
    for (ca, cb, why) in pairs(ix, links) {
        let (Some((ta, a)), Some((tb, b))) = (ix.cell(&ca), ix.cell(&cb)) else { continue };
        let (Some(x), Some(y)) = (a.number(), b.number()) else { continue };
        let Some(grade) = compare(x, half_of(&a), y, half_of(&b)) else {
            out.confirmed += 1;
            continue;
        };
        covered.insert((ta.id.clone(), ca.key()));
        covered.insert((tb.id.clone(), cb.key()));
        let kind = super::link_kind(&ca, &cb);
        out.findings.push(Finding {
            kind,
            grade,
            description: format!(
                "{} Voor {} ({}) drukt “{}” {} af, “{}” {}.",
                why.trim(),
                ix.manifest.area_name(&ca.area),
                ta.period_label(&ca.period),
                ta.title,
                shown(&a),
                tb.title,
                shown(&b)
            ),
            sides: vec![
                Side { what: "tabel".into(), figure: shown(&a), place: ix.cell_place(&ca) },
                Side { what: "tabel".into(), figure: shown(&b), place: ix.cell_place(&cb) },
            ],
            tables: vec![ta.id.clone(), tb.id.clone()],
            statements: Vec::new(),
        });
    }
}
