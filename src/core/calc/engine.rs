//! The indicator engine: every figure the monitor shows goes through here.
//!
//! Inputs are the printed cells of a table; outputs are [`Figure`]s that carry a value (or the
//! reason there is none), the interval the true value lies in given the source's rounding and
//! suppression, whether it is provisional, and a "hoe berekend" line with the actual inputs.
//!
//! Rules (see issue 5): a *geheim* or unavailable input makes a result unavailable, with the
//! reason, and where the maths allows an honest interval ("tussen … en …"); a provisional input
//! makes the result provisional; derived figures are recomputed from their inputs, never copied.

use crate::core::model::cells::Coord;
use crate::core::model::*;
use crate::core::text::format;
use std::borrow::Cow;

/// The figure types: a child module, so the engine's arithmetic and what it produces are read
/// apart.
mod figure;
pub use figure::{Calc, Figure, How, Input, Missing, Style};

/// The half-width of the interval a printed figure stands for.
/// A measure's own `rounding` always applies (e.g. rates per 1.000 rounded to fives); the
/// table's applies to raw counts and amounts only.
fn half_step(measure: &Measure, table: &Table) -> f64 {
    let rounding = measure.rounding.or(table.rounding.filter(|_| measure.kind.is_additive()));
    match rounding {
        Some(r) => r as f64 / 2.0,
        None => 0.5 * 10f64.powi(-(measure.decimals as i32)),
    }
}

/// A cell as a figure. Where the source printed a number, that number is the figure, also for a
/// derived measure with a formula (issue 21: a total of parts rounded to fives is not the
/// printed total); the engine's recomputation is kept in `recomputed`. Where the source printed
/// no number (a `.` total of published parts), the engine's result is the figure.
pub fn cell(table: &Table, key: &Key) -> Figure {
    let Some(measure) = table.measure(&key.measure) else {
        return unknown_measure(&key.measure);
    };
    cell_at(table, measure, place(table, key))
}

fn unknown_measure(id: &str) -> Figure {
    Figure::missing(Missing::NietInBron, Unit::Aantal, 0, format!("onbekende maat {id}"))
}

/// Where a key's cell is, apart from its measure: its area, period and category interned in the
/// table's [`CellIndex`](crate::core::model::cells::CellIndex) (the measure part is set per lookup). `None`
/// when one of them does not occur in the table, so no measure has a value there.
pub fn place(table: &Table, key: &Key) -> Option<Coord> {
    let ix = &table.index;
    Some(Coord {
        measure: 0,
        area: ix.area(&key.area)?,
        period: ix.period(&key.period)?,
        category: ix.category(key.category.as_deref())?,
    })
}

/// [`cell`] for a measure at a [`place`]: what the grid and the checks call in their loops, so
/// the strings of a key are looked up once per row or value, not once per cell and input.
pub fn cell_at(table: &Table, measure: &Measure, place: Option<Coord>) -> Figure {
    if let Some(formula) = &measure.formula {
        let computed = derived(table, measure, formula, place);
        let printed_number = value_at(table, &measure.id, place).is_some_and(|v| v.value.is_some());
        if !printed_number || computed.is_printed() {
            return computed;
        }
        let mut out = printed(table, measure, place);
        out.provisional |= computed.provisional;
        out.recomputed = Some(Box::new(computed));
        return out;
    }
    printed(table, measure, place)
}

/// The printed value of `measure` (by id) at `place`.
fn value_at<'t>(table: &'t Table, measure: &str, place: Option<Coord>) -> Option<&'t Value> {
    let mut c = place?;
    c.measure = table.index.measure(measure)?;
    table.value_at(c)
}

/// The printed value of a cell, without recomputation.
pub fn printed(table: &Table, measure: &Measure, place: Option<Coord>) -> Figure {
    let how: std::borrow::Cow<'static, str> = match (measure.kind, &measure.base) {
        (Kind::Derived, Some(base)) => {
            format!("zoals gepubliceerd ({} van {base}; de telling zelf is niet gepubliceerd)", measure.unit.id())
                .into()
        }
        (Kind::Derived, None) => "zoals gepubliceerd".into(),
        _ => "zoals gepubliceerd in de bron".into(),
    };
    let Some(v) = value_at(table, &measure.id, place) else {
        return Figure {
            explain: How::Printed(how),
            ..Figure::missing(Missing::NietInBron, measure.unit, measure.decimals, String::new())
        };
    };
    let base = Figure {
        value: Err(Missing::NietInBron),
        range: None,
        provisional: v.provisional,
        unit: measure.unit,
        decimals: measure.decimals,
        explain: How::Printed(how),
        recomputed: None,
    };
    match (v.status, v.value) {
        (Status::Geheim, _) => {
            // A suppressed count lies between 0 and 7; a suppressed percentage has no known bound.
            let range = (measure.unit == Unit::Aantal).then_some((0.0, 7.0));
            Figure { value: Err(Missing::Geheim), range, ..base }
        }
        (Status::NietBeschikbaar, _) | (_, None) => Figure { value: Err(Missing::NietBeschikbaar), ..base },
        (_, Some(x)) => {
            let h = half_step(measure, table);
            let lo = if measure.kind.is_additive() { (x - h).max(0.0) } else { x - h };
            Figure { value: Ok(x), range: Some((lo, x + h)), ..base }
        }
    }
}

fn derived(table: &Table, measure: &Measure, formula: &Formula, place: Option<Coord>) -> Figure {
    let label = |arg: &String| table.measure(arg).map_or_else(|| arg.clone(), |m| m.label.clone());
    let inputs: Vec<Figure> = formula
        .args
        .iter()
        .map(|arg| match table.measure(arg) {
            Some(m) => cell_at(table, m, place),
            None => unknown_measure(arg),
        })
        .collect();
    // The source printed the result but not (all) its parts: show the printed figure as such.
    if inputs.iter().any(|f| f.value == Err(Missing::NietInBron)) {
        let mut out = printed(table, measure, place);
        out.explain = How::Printed(std::borrow::Cow::Owned(format!(
            "zoals gepubliceerd; de onderdelen ({}) staan niet in de bron",
            format::join_nl(&formula.args.iter().map(label).collect::<Vec<_>>())
        )));
        return out;
    }
    let labelled = formula.args.iter().zip(&inputs).map(|(arg, f)| (Cow::Owned(label(arg)), f)).collect();
    apply_owned(formula.op, labelled, measure.unit, measure.decimals)
}

/// True when every input of a formula has a cell in the table, so the result can be checked.
fn computable(table: &Table, formula: &Formula, place: Option<Coord>) -> bool {
    formula.args.iter().all(|a| value_at(table, a, place).is_some())
}

/// Applies an operation to labelled inputs, with status and interval propagation.
/// Labels are `Cow` so the fixed labels of comparisons ("gemeente", "referentie") cost no
/// allocation, and the inputs are a slice so a comparison needs no vector: the benchmark computes
/// hundreds of thousands of these, and allocations were a fifth of its time.
pub fn apply(op: Op, inputs: &[(Cow<'static, str>, &Figure)], unit: Unit, decimals: u8) -> Figure {
    let mut out = outcome(op, inputs, unit, decimals);
    out.explain = How::Calc(Calc {
        op,
        inputs: inputs.iter().map(|(l, f)| f.as_input(l.clone())).collect(),
        style: Style::Labelled,
    });
    out
}

/// [`apply`] for inputs with labels of their own (a formula's measures, a total's parts): the
/// labels move into the explanation instead of being copied.
fn apply_owned(op: Op, inputs: Vec<(Cow<'static, str>, &Figure)>, unit: Unit, decimals: u8) -> Figure {
    let mut out = outcome(op, &inputs, unit, decimals);
    out.explain = How::Calc(Calc {
        op,
        inputs: inputs.into_iter().map(|(l, f)| f.as_input(l)).collect(),
        style: Style::Labelled,
    });
    out
}

/// Value, interval, provisional mark and missing reason of an operation; the explanation is set
/// by the caller.
fn outcome(op: Op, inputs: &[(Cow<'static, str>, &Figure)], unit: Unit, decimals: u8) -> Figure {
    let range = interval(op, inputs);
    let provisional = inputs.iter().any(|(_, f)| f.provisional);
    let explain = How::Printed(Cow::Borrowed(""));
    if inputs.iter().any(|(_, f)| f.value.is_err()) {
        let unavailable: Vec<String> =
            inputs.iter().filter(|(_, f)| f.value.is_err() && !f.is_secret()).map(|(l, _)| l.to_string()).collect();
        let reason = if unavailable.is_empty() {
            Missing::UitGeheim(inputs.iter().filter(|(_, f)| f.is_secret()).map(|(l, _)| l.to_string()).collect())
        } else {
            Missing::UitNietBeschikbaar(unavailable)
        };
        return Figure { value: Err(reason), range, provisional, unit, decimals, explain, recomputed: None };
    }
    let x = |i: usize| inputs.get(i).and_then(|(_, f)| f.number()).unwrap_or(f64::NAN);
    let value = match op {
        Op::Sum => Ok(inputs.iter().filter_map(|(_, f)| f.number()).sum()),
        Op::Difference => Ok(x(0) - x(1)),
        Op::AbsDifference => Ok((x(0) - x(1)).abs()),
        Op::Share | Op::Per1000 | Op::Ratio if x(1) == 0.0 => Err(Missing::DelenDoorNul),
        Op::Share => Ok(100.0 * x(0) / x(1)),
        Op::Per1000 => Ok(1000.0 * x(0) / x(1)),
        Op::Ratio => Ok(x(0) / x(1)),
    };
    Figure { value, range, provisional, unit, decimals, explain, recomputed: None }
}

/// Sets how a figure is written out (for the comparison helpers below).
fn styled(mut f: Figure, style: Style) -> Figure {
    if let How::Calc(c) = &mut f.explain {
        c.style = style;
    }
    f
}

/// Interval arithmetic for the operations; `None` when a divisor's interval contains 0.
fn interval(op: Op, inputs: &[(Cow<'static, str>, &Figure)]) -> Option<(f64, f64)> {
    if op == Op::Sum {
        return inputs.iter().try_fold((0.0, 0.0), |acc, (_, f)| f.range.map(|x| (acc.0 + x.0, acc.1 + x.1)));
    }
    let r = [inputs.first()?.1.range?, inputs.get(1)?.1.range?];
    let div = |a: (f64, f64), b: (f64, f64), k: f64| {
        if b.0 <= 0.0 && b.1 >= 0.0 {
            return None;
        }
        let c = [a.0 / b.0, a.0 / b.1, a.1 / b.0, a.1 / b.1];
        Some((
            k * c.iter().cloned().fold(f64::INFINITY, f64::min),
            k * c.iter().cloned().fold(f64::NEG_INFINITY, f64::max),
        ))
    };
    match op {
        Op::Sum => None, // above
        Op::Difference => Some((r[0].0 - r[1].1, r[0].1 - r[1].0)),
        Op::AbsDifference => {
            let (lo, hi) = (r[0].0 - r[1].1, r[0].1 - r[1].0);
            Some(if lo <= 0.0 && hi >= 0.0 {
                (0.0, lo.abs().max(hi.abs()))
            } else {
                (lo.abs().min(hi.abs()), lo.abs().max(hi.abs()))
            })
        }
        Op::Share => div(r[0], r[1], 100.0),
        Op::Per1000 => div(r[0], r[1], 1000.0),
        Op::Ratio => div(r[0], r[1], 1.0),
    }
}

/// The published total of a declared sum (e.g. the Drechtsteden column), recomputed from its
/// parts. Suppressed parts make the sum unavailable, with an honest interval.
pub fn total(table: &Table, decl: &Total, key: &Key) -> Figure {
    total_at(table, decl, &key.measure, place(table, key))
}

fn total_at(table: &Table, decl: &Total, measure_id: &str, place: Option<Coord>) -> Figure {
    let measure = table.measure(measure_id);
    let (unit, decimals) = measure.map_or((Unit::Aantal, 0), |m| (m.unit, m.decimals));
    let parts: Vec<(String, Figure)> = decl
        .of
        .iter()
        .map(|part| {
            // The part's place: the total's, with the area or the category of the part.
            let at = place.and_then(|mut c| {
                match decl.dimension {
                    TotalDimension::Area => c.area = table.index.area(part)?,
                    TotalDimension::Category => c.category = table.index.category(Some(part))?,
                }
                Some(c)
            });
            let label = match decl.dimension {
                TotalDimension::Area => part.clone(),
                TotalDimension::Category => table.category_label(part),
            };
            let figure = match measure {
                Some(m) => cell_at(table, m, at),
                None => unknown_measure(measure_id),
            };
            (label, figure)
        })
        .collect();
    let (labels, figures): (Vec<String>, Vec<Figure>) = parts.into_iter().unzip();
    let labelled = labels.into_iter().map(Cow::Owned).zip(&figures).collect();
    apply_owned(Op::Sum, labelled, unit, decimals)
}

/// What a [`Check`] recomputed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckKind {
    /// A published derived figure, from its measure's formula.
    Formula,
    /// A published total, from its parts.
    Total,
}

/// How a published derived figure compares with the engine's result.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub table: String,
    pub key: Key,
    pub kind: CheckKind,
    pub published: f64,
    pub computed: Option<f64>,
    /// The engine's interval for the true value, widened by the published figure's own rounding.
    pub range: Option<(f64, f64)>,
    pub agrees: bool,
    /// The documented inconsistency that explains a disagreement, if any.
    pub documented: bool,
    /// The engine's figure; [`Check::how`] writes the calculation out when a message needs it
    /// (every data file is checked on load, and a national total has hundreds of parts).
    pub figure: Figure,
}

impl Check {
    pub fn how(&self) -> String {
        self.figure.how()
    }
}

/// Recomputes every published derived figure and published total in a table.
pub fn checks(table: &Table) -> Vec<Check> {
    let mut out = Vec::new();
    for (i, v) in table.values.iter().enumerate() {
        let Some(published) = v.value else { continue };
        let Some(measure) = table.measure(&v.key.measure) else { continue };
        let place = table.index.coord_of(i);
        if let Some(formula) = measure.formula.as_ref().filter(|f| computable(table, f, place)) {
            let f = derived(table, measure, formula, place);
            out.push(judge(table, &v.key, CheckKind::Formula, published, &f, half_step(measure, table)));
        }
        if measure.kind.is_additive() {
            for decl in &table.totals {
                let is_total = match decl.dimension {
                    TotalDimension::Area => v.key.area == decl.total,
                    TotalDimension::Category => v.key.category.as_deref() == Some(decl.total.as_str()),
                };
                if is_total {
                    let f = total_at(table, decl, &v.key.measure, place);
                    out.push(judge(table, &v.key, CheckKind::Total, published, &f, half_step(measure, table)));
                }
            }
        }
    }
    out
}

fn judge(table: &Table, key: &Key, kind: CheckKind, published: f64, f: &Figure, own_half: f64) -> Check {
    // Allow for float noise far below any published precision.
    let eps = 1e-9 * published.abs().max(1.0);
    let range = f.range.map(|(lo, hi)| (lo - own_half - eps, hi + own_half + eps));
    let agrees = range.is_some_and(|(lo, hi)| published >= lo && published <= hi);
    Check {
        table: table.id.clone(),
        key: key.clone(),
        kind,
        published,
        computed: f.number(),
        range,
        agrees,
        documented: table.inconsistency(key).is_some(),
        figure: f.clone(),
    }
}

/// Difference of an area's figure with a reference (e.g. Nederland), in the figure's own unit
/// (for percentages: procentpunten).
pub fn difference(a: &Figure, reference: &Figure) -> Figure {
    styled(
        apply(Op::Difference, &[("gemeente".into(), a), ("referentie".into(), reference)], a.unit, a.decimals),
        Style::Comparison,
    )
}

/// Index of an area's figure relative to a reference (reference = 100).
pub fn index(a: &Figure, reference: &Figure) -> Figure {
    let mut f = apply(Op::Ratio, &[("gemeente".into(), a), ("referentie".into(), reference)], Unit::Score, 0);
    f.value = f.value.map(|v| v * 100.0);
    f.range = f.range.map(|(lo, hi)| (lo * 100.0, hi * 100.0));
    styled(f, Style::Index)
}

/// Change between two periods: absolute and relative (in %).
pub fn change(from: &Figure, to: &Figure) -> (Figure, Figure) {
    let abs = apply(Op::Difference, &[("nieuw".into(), to), ("oud".into(), from)], to.unit, to.decimals);
    let mut rel = apply(Op::Ratio, &[("verschil".into(), &abs), ("oud".into(), from)], Unit::Procent, 1);
    rel.value = rel.value.map(|v| v * 100.0);
    rel.range = rel.range.map(|(lo, hi)| (lo * 100.0, hi * 100.0));
    (abs, rel)
}

/// Rank (1 = highest) of each value among the given ones; unavailable values get no rank,
/// and ties share one.
pub fn ranks(values: &[Option<f64>]) -> Vec<Option<usize>> {
    // Sorted descending once: the rank is 1 + how many values are strictly greater.
    let mut sorted: Vec<f64> = values.iter().flatten().copied().collect();
    sorted.sort_by(|a, b| b.total_cmp(a));
    values.iter().map(|v| v.map(|v| 1 + sorted.partition_point(|x| *x > v))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(v: f64, unit: Unit, decimals: u8) -> Figure {
        Figure {
            value: Ok(v),
            range: Some((v, v)),
            provisional: false,
            unit,
            decimals,
            explain: How::Printed("".into()),
            recomputed: None,
        }
    }

    #[test]
    fn secret_input_makes_result_unavailable_with_bound() {
        let secret =
            Figure { range: Some((0.0, 7.0)), ..Figure::missing(Missing::Geheim, Unit::Aantal, 0, String::new()) };
        let sum = apply(Op::Sum, &[("A".into(), &fig(10.0, Unit::Aantal, 0)), ("B".into(), &secret)], Unit::Aantal, 0);
        assert_eq!(sum.value, Err(Missing::UitGeheim(vec!["B".into()])));
        assert_eq!(sum.range, Some((10.0, 17.0)));
        assert!(sum.how().contains("geheim"));
    }

    #[test]
    fn provisional_propagates() {
        let mut a = fig(3.0, Unit::Aantal, 0);
        a.provisional = true;
        let r = apply(Op::Share, &[("a".into(), &a), ("b".into(), &fig(4.0, Unit::Aantal, 0))], Unit::Procent, 1);
        assert!(r.provisional);
        assert_eq!(r.number(), Some(75.0));
        assert_eq!(r.how(), "a (3) / b (4) × 100 = 75,0%");
    }

    #[test]
    fn division_by_zero_is_a_reason_not_infinity() {
        let r = apply(
            Op::Ratio,
            &[("a".into(), &fig(3.0, Unit::Euro, 0)), ("b".into(), &fig(0.0, Unit::Aantal, 0))],
            Unit::Euro,
            0,
        );
        assert_eq!(r.value, Err(Missing::DelenDoorNul));
    }

    #[test]
    fn difference_in_percentage_points_and_index() {
        let d = difference(&fig(10.7, Unit::Procent, 1), &fig(8.2, Unit::Procent, 1));
        assert!((d.number().unwrap() - 2.5).abs() < 1e-9);
        assert_eq!(d.how(), "10,7% − 8,2% = +2,5 procentpunt");
        let i = index(&fig(10.7, Unit::Procent, 1), &fig(8.2, Unit::Procent, 1));
        assert_eq!(i.display(), "130");
    }

    #[test]
    fn change_absolute_and_relative() {
        let (abs, rel) = change(&fig(200.0, Unit::Aantal, 0), &fig(250.0, Unit::Aantal, 0));
        assert_eq!(abs.number(), Some(50.0));
        assert_eq!(rel.number(), Some(25.0));
    }

    #[test]
    fn ranks_share_ties_and_skip_missing() {
        let r = ranks(&[
            Some(1.0),
            Some(3.0),
            Some(3.0),
            Figure::missing(Missing::Geheim, Unit::Procent, 1, String::new()).number(),
        ]);
        assert_eq!(r, vec![Some(3), Some(1), Some(1), None]);
    }
}
