//! Cross checks within one table that need no second place: the base each percentage or rate
//! implies (with the rounding of counts and rates), notation slips, and the grading of the
//! inconsistencies recorded with a table. Part of `crosscheck`.

use super::{shown, Finding, Index, Outcome, Side};
use crate::core::calc::engine;
use crate::core::model::narrative::*;
use crate::core::model::*;
use crate::core::text::format;
use std::collections::HashMap;

/// A table inconsistency recorded with the data, graded by how far the figures are apart.
pub(super) fn documented(ix: &Index, _file: &str, t: &Table, inc: &Inconsistency) -> Finding {
    let m = t.measure(&inc.key.measure);
    let decimals = m.map_or(0, |m| m.decimals);
    let unit_step = m
        .and_then(|m| m.rounding.or(t.rounding).filter(|_| m.kind.is_additive()))
        .map_or(10f64.powi(-(decimals as i32)), |r| r as f64);
    let (kind, grade) = match (inc.kind, inc.published, inc.expected) {
        (k, Some(p), Some(e)) => {
            let kind = match k {
                InconsistencyKind::TotalNotSum => FindingKind::DelenTotaal,
                InconsistencyKind::DerivedMismatch => FindingKind::Afgeleid,
                InconsistencyKind::TextDiffers => FindingKind::ZelfdeCijfer,
            };
            let grade = if (p - e).abs() <= unit_step * 1.0001 { Grade::Klein } else { Grade::Duidelijk };
            (kind, grade)
        }
        (InconsistencyKind::TotalNotSum, _, _) => (FindingKind::DelenTotaal, Grade::Formulering),
        (InconsistencyKind::DerivedMismatch, _, _) => (FindingKind::Afgeleid, Grade::Duidelijk),
        (InconsistencyKind::TextDiffers, _, _) => (FindingKind::TekstTabel, Grade::Formulering),
    };
    let cell = CellRef {
        table: t.id.clone(),
        measure: inc.key.measure.clone(),
        area: inc.key.area.clone(),
        period: inc.key.period.clone(),
        category: inc.key.category.clone(),
    };
    let mut sides = Vec::new();
    if let Some(p) = inc.published {
        sides.push(Side { what: "tabel".into(), figure: format::shortest(p), place: ix.cell_place(&cell) });
    } else if let Some((_, f)) = ix.cell(&cell) {
        sides.push(Side { what: "tabel".into(), figure: shown(&f), place: ix.cell_place(&cell) });
    }
    if let Some(e) = inc.expected {
        let what = if inc.kind == InconsistencyKind::TextDiffers { "tekst" } else { "uit de delen" };
        sides.push(Side { what: what.into(), figure: format::shortest(e), place: "zie de beschrijving".into() });
    }
    Finding {
        kind,
        grade,
        description: inc.description.trim().to_owned(),
        sides,
        tables: vec![t.id.clone()],
        statements: Vec::new(),
    }
}

/// Pairs of (count measure, rate measure) in a table whose rate has no computable formula:
/// `x` with `x_pct` / `x_per_1000`, or a table's one count measure with its one rate measure.
fn rate_pairs(t: &Table) -> Vec<(&Measure, &Measure)> {
    let is_rate = |m: &Measure| {
        m.kind == Kind::Derived
            && matches!(m.unit, Unit::Procent | Unit::Per1000)
            && m.formula.as_ref().is_none_or(|f| f.args.iter().any(|a| !t.values.iter().any(|v| v.key.measure == *a)))
    };
    let mut pairs = Vec::new();
    for r in t.measures.iter().filter(|m| is_rate(m)) {
        for suffix in ["_pct", "_per_1000", "_per1000"] {
            if let Some(c) = r.id.strip_suffix(suffix).and_then(|c| t.measure(c)).filter(|c| c.unit == Unit::Aantal) {
                pairs.push((c, r));
            }
        }
    }
    if pairs.is_empty() && !t.categories.is_empty() && t.pillar != Pillar::Budgetten {
        let counts: Vec<&Measure> = t.measures.iter().filter(|m| m.kind == Kind::Count).collect();
        let rates: Vec<&Measure> = t.measures.iter().filter(|m| is_rate(m)).collect();
        if let ([c], [r]) = (counts.as_slice(), rates.as_slice()) {
            pairs.push((c, r));
        }
    }
    pairs
}

/// The base (population, total) a count and its rate imply, given their rounding. `loose`
/// widens each rate by one unit of its last digit, or to the table's rounding when the rate is
/// a multiple of it (gemeente rates rounded like the counts).
fn implied(t: &Table, c: &Measure, r: &Measure, key: &Key, loose: bool) -> Option<(f64, f64, String)> {
    let ck = Key { measure: c.id.clone(), ..key.clone() };
    let count = engine::printed(t, c, engine::place(t, &ck));
    let rate = engine::printed(t, r, engine::place(t, key));
    let (mut clo, mut chi) = count.range?;
    let x = rate.number()?;
    let (mut rlo, mut rhi) = rate.range?;
    if loose {
        let unit = 10f64.powi(-(r.decimals as i32));
        let mut h = unit;
        if let Some(step) = t.rounding.map(f64::from).filter(|s| x % s == 0.0) {
            h = h.max(step / 2.0);
        }
        (rlo, rhi) = (x - h, x + h);
        let c = count.number().unwrap_or(0.0);
        let ch = (chi - clo) / 2.0;
        (clo, chi) = ((c - ch - 1.0).max(0.0), c + ch + 1.0);
    }
    let k = if r.unit == Unit::Per1000 { 1000.0 } else { 100.0 };
    let lo = if rhi <= 0.0 { f64::INFINITY } else { clo * k / rhi };
    let hi = if rlo <= 0.0 { f64::INFINITY } else { chi * k / rlo };
    let mut label = format!("{} {} bij {}", c.label, count.display(), rate.display());
    if let Some(cat) = &key.category {
        label = format!("{}: {label}", t.category_label(cat));
    }
    Some((lo, hi, label))
}

type Row = (f64, f64, String, Key);
type Rows = Vec<Row>;

/// The two rows whose implied bases lie furthest apart, if they do not overlap.
fn apart(rows: &Rows) -> Option<(&Row, &Row)> {
    let a = rows.iter().max_by(|x, y| x.0.total_cmp(&y.0))?;
    let b = rows.iter().min_by(|x, y| x.1.total_cmp(&y.1))?;
    (a.0 > b.1 * (1.0 + 1e-9)).then_some((a, b))
}

pub(super) fn implied_bases(ix: &Index, t: &Table, out: &mut Outcome) {
    let pairs = rate_pairs(t);
    if pairs.is_empty() {
        return;
    }
    // Rates with the same base in words share one hidden base per area and period.
    type Group = (String, String, Option<String>, bool);
    let mut groups: HashMap<Group, (Rows, Rows)> = HashMap::new();
    for (c, r) in &pairs {
        for v in t.values.iter().filter(|v| v.key.measure == r.id && v.value.is_some()) {
            let (Some(strict), Some(loose)) = (implied(t, c, r, &v.key, false), implied(t, c, r, &v.key, true)) else {
                continue;
            };
            let g = groups
                .entry((v.key.area.clone(), v.key.period.clone(), r.base.clone(), r.unit == Unit::Per1000))
                .or_default();
            g.0.push((strict.0, strict.1, strict.2, v.key.clone()));
            g.1.push((loose.0, loose.1, loose.2, v.key.clone()));
        }
    }
    let mut keys: Vec<Group> = groups.keys().cloned().collect();
    keys.sort();
    for g in keys {
        let (strict, loose) = &groups[&g];
        let Some((a, b)) = apart(strict) else { continue };
        if t.inconsistencies
            .iter()
            .any(|i| i.kind == InconsistencyKind::DerivedMismatch && (i.key == a.3 || i.key == b.3))
        {
            continue; // recorded with the table, in words
        }
        let grade = if apart(loose).is_none() { Grade::Klein } else { Grade::Duidelijk };
        let per1000 = g.3;
        let kind = if per1000 { FindingKind::Tarief } else { FindingKind::ImplicieteBasis };
        let range = |lo: f64, hi: f64| {
            if hi.is_infinite() {
                format!("minstens {}", format::number(lo, 0))
            } else {
                format!("{} tot {}", format::number(lo, 0), format::number(hi, 0))
            }
        };
        let place = |key: &Key| {
            ix.cell_place(&CellRef {
                table: t.id.clone(),
                measure: key.measure.clone(),
                area: key.area.clone(),
                period: key.period.clone(),
                category: key.category.clone(),
            })
        };
        let what = if per1000 {
            "bevolking (de noemer van de cijfers per 1.000)"
        } else {
            "basis (de noemer van de percentages)"
        };
        out.findings.push(Finding {
            kind,
            grade,
            description: format!(
                "In “{}” ({}, {}) past geen gemeenschappelijke {what}: {} geeft {}, {} geeft {}, ook met de afronding van de aantallen en de cijfers.",
                t.title,
                ix.manifest.area_name(&g.0),
                t.period_label(&g.1),
                a.2,
                range(a.0, a.1),
                b.2,
                range(b.0, b.1),
            ),
            sides: vec![
                Side { what: a.2.clone(), figure: range(a.0, a.1), place: place(&a.3) },
                Side { what: b.2.clone(), figure: range(b.0, b.1), place: place(&b.3) },
            ],
            tables: vec![t.id.clone()],
            statements: Vec::new(),
        });
    }
}

/// A printed figure whose notation reads as another number: a decimal point (`3.5`) or a
/// comma before three digits (`1,490`).
pub fn notation_slip(printed: &str) -> bool {
    let b = printed.as_bytes();
    for i in 1..b.len() {
        if (b[i] == b'.' || b[i] == b',') && b[i - 1].is_ascii_digit() {
            let digits = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            let before = b[..i].iter().rev().take_while(|c| c.is_ascii_digit()).count();
            if b[i] == b'.' && (1..=2).contains(&digits) && before <= 3 {
                return true;
            }
            if b[i] == b',' && digits == 3 && before <= 3 && i + 1 + digits == b.len() {
                return true;
            }
        }
    }
    false
}

pub(super) fn notation(ix: &Index, t: &Table, out: &mut Outcome) {
    for v in &t.values {
        let Some(p) = v.printed.as_deref().filter(|p| notation_slip(p)) else { continue };
        let cell = CellRef {
            table: t.id.clone(),
            measure: v.key.measure.clone(),
            area: v.key.area.clone(),
            period: v.key.period.clone(),
            category: v.key.category.clone(),
        };
        out.findings.push(Finding {
            kind: FindingKind::Notatie,
            grade: Grade::Klein,
            description: format!(
                "De tabel “{}” schrijft “{p}”: een notatie die als een ander getal gelezen kan worden.",
                t.title
            ),
            sides: vec![Side { what: "tabel".into(), figure: p.to_owned(), place: ix.cell_place(&cell) }],
            tables: vec![t.id.clone()],
            statements: Vec::new(),
        });
    }
}
