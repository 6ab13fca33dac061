//! Cross checks of one statement of the running text: against the table cell it names, the
//! same figure elsewhere, and its recomputation from the figures it names. Part of
//! `crosscheck`, apart because a statement can contradict three things.

use super::{
    compare, half_of, round_half, shown, statement_computed, statement_figure, Finding, FindingKind, Grade, Index,
    Outcome, Side,
};
use crate::core::calc::engine::Figure;
use crate::core::model::narrative::*;
use crate::core::model::*;
use std::collections::{HashMap, HashSet};

/// Every check of one statement: against its table cell, against the same figure elsewhere in
/// the text, and against the figures it is computed from.
pub(super) fn statement_checks(
    ix: &Index,
    all: &HashMap<&str, &Statement>,
    st: &Statement,
    out: &mut Outcome,
    covered: &mut HashSet<(String, Key)>,
) {
    let fig = statement_figure(st);
    let Some(x) = fig.number() else { return };
    let here = ix.statement_place(&st.id);
    against_cell(ix, st, &fig, x, &here, out, covered);
    against_same(ix, all, st, &fig, x, &here, out);
    against_parts(all, st, &fig, x, here, out);
}

/// A statement against the table cell it names (`cell`): apart from [`statement_checks`] because
/// a disagreement here covers the table's own documented inconsistency for that cell.
fn against_cell(
    ix: &Index,
    st: &Statement,
    fig: &Figure,
    x: f64,
    here: &str,
    out: &mut Outcome,
    covered: &mut HashSet<(String, Key)>,
) {
    if let Some(c) = &st.cell {
        if let Some((t, cell)) = ix.cell(c) {
            if let Some(y) = cell.number() {
                match compare(x, half_of(fig), y, half_of(&cell)) {
                    None => out.confirmed += 1,
                    Some(grade) => {
                        let grade = if grade == Grade::Duidelijk && (x - y).abs() <= round_half(st) {
                            Grade::Klein
                        } else {
                            grade
                        };
                        covered.insert((t.id.clone(), c.key()));
                        out.findings.push(Finding {
                            kind: FindingKind::ZelfdeCijfer,
                            grade,
                            description: format!(
                                "De tekst geeft {} als {}, de tabel “{}” drukt {} af.",
                                shown(fig),
                                st.label,
                                t.title,
                                shown(&cell)
                            ),
                            sides: vec![
                                Side { what: "tekst".into(), figure: shown(fig), place: here.to_owned() },
                                Side { what: "tabel".into(), figure: shown(&cell), place: ix.cell_place(c) },
                            ],
                            tables: vec![t.id.clone()],
                            statements: vec![st.id.clone()],
                        });
                    }
                }
            }
        }
    }
}

/// A statement against the same figure elsewhere (`same_as`), each pair once: apart from
/// [`statement_checks`] because it compares two texts, possibly of two documents.
fn against_same(
    ix: &Index,
    all: &HashMap<&str, &Statement>,
    st: &Statement,
    fig: &Figure,
    x: f64,
    here: &str,
    out: &mut Outcome,
) {
    if let Some(other_id) = &st.same_as {
        // Each pair once: from the statement whose id sorts first, or when the other does not
        // point back.
        let other = all.get(other_id.as_str());
        let back = other.and_then(|o| o.same_as.as_deref()) == Some(st.id.as_str());
        if let Some(o) = other.filter(|_| !back || st.id < *other_id) {
            let of = statement_figure(o);
            if let Some(y) = of.number() {
                match compare(x, half_of(fig), y, half_of(&of)) {
                    None => out.confirmed += 1,
                    Some(grade) => {
                        let kind = if o.place.seed == st.place.seed {
                            FindingKind::ZelfdeCijfer
                        } else {
                            FindingKind::Documenten
                        };
                        out.findings.push(Finding {
                            kind,
                            grade,
                            description: format!(
                                "Het cijfer “{}” staat op twee plaatsen verschillend: {} en {}.",
                                st.label,
                                shown(fig),
                                shown(&of)
                            ),
                            sides: vec![
                                Side {
                                    what: format!("tekst (bron {})", st.place.seed),
                                    figure: shown(fig),
                                    place: here.to_owned(),
                                },
                                Side {
                                    what: format!("tekst (bron {})", o.place.seed),
                                    figure: shown(&of),
                                    place: ix.statement_place(&o.id),
                                },
                            ],
                            tables: Vec::new(),
                            statements: vec![st.id.clone(), o.id.clone()],
                        });
                    }
                }
            }
        }
    }
}

/// A statement against its own recomputation from the statements it names (`formula`): apart
/// from [`statement_checks`] because the grade allows for the rounding of every part.
fn against_parts(
    all: &HashMap<&str, &Statement>,
    st: &Statement,
    fig: &Figure,
    x: f64,
    here: String,
    out: &mut Outcome,
) {
    if let Some(computed) = statement_computed(st, all) {
        out.recomputed += 1;
        let Some((lo, hi)) = computed.range else { return };
        let h = half_of(fig);
        let eps = 1e-9 * x.abs().max(1.0);
        if x >= lo - h - eps && x <= hi + h + eps {
            return;
        }
        let gap = if x < lo { lo - h - x } else { x - hi - h };
        let loose = st
            .formula
            .iter()
            .flat_map(|f| f.args.iter())
            .filter_map(|a| all.get(a.as_str()).map(|s| round_half(s)))
            .fold(round_half(st), f64::max);
        let grade = if gap <= 2.0 * h + eps || gap <= loose + eps { Grade::Klein } else { Grade::Duidelijk };
        let op = st.formula.as_ref().map(|f| f.op);
        let kind =
            if matches!(op, Some(Op::Sum | Op::Difference)) { FindingKind::DelenTotaal } else { FindingKind::Afgeleid };
        let args = st.formula.as_ref().map(|f| f.args.clone()).unwrap_or_default();
        let mut sides = vec![Side { what: "tekst".into(), figure: shown(fig), place: here }];
        sides.push(Side { what: "berekend uit de delen".into(), figure: computed.how(), place: String::new() });
        let mut statements = vec![st.id.clone()];
        statements.extend(args);
        out.findings.push(Finding {
            kind,
            grade,
            description: format!(
                "De tekst geeft {} als {}; uit de cijfers die de tekst zelf noemt volgt {}.",
                shown(fig),
                st.label,
                shown(&computed)
            ),
            sides,
            tables: Vec::new(),
            statements,
        });
    }
}
