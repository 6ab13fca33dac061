//! Checks across tables and running text: where a report contradicts itself beyond one table.
//!
//! Every finding carries a grade, the figures on both sides and where they stand; nothing is
//! resolved. The same figure in two places, claims of higher/lower/equal/highest against the
//! table, the base each percentage or rate implies (with the rounding of counts and rates),
//! stated parts against stated totals, two tables of one period, two documents, notation slips,
//! every other area and period of two columns a link pairs (`same`),
//! plus the table inconsistencies recorded with the data (graded here) and contradictions a
//! reader recorded that no rule computes.

use crate::core::calc::engine::{self, Figure, How, Missing};
use crate::core::model::narrative::*;
use crate::core::model::*;
use crate::core::text::format;
use std::collections::{HashMap, HashSet};

mod references;
mod same;
mod statements;
mod tables;
pub use references::reference_problems;
pub use same::{declared as declared_columns, Columns};
pub use tables::notation_slip;

/// One side of a contradiction: what, the figure, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    pub what: String,
    pub figure: String,
    pub place: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub kind: FindingKind,
    pub grade: Grade,
    pub description: String,
    pub sides: Vec<Side>,
    /// Tables and statements it touches (an indicator page shows the findings of its table).
    pub tables: Vec<String>,
    pub statements: Vec<String>,
}

/// The result of all cross checks over a data folder.
#[derive(Debug, Default)]
pub struct Outcome {
    pub findings: Vec<Finding>,
    pub statements: usize,
    pub claims: usize,
    pub links: usize,
    /// Statements that restate a table cell or another statement and agree with it.
    pub confirmed: usize,
    /// Claims the table bears out.
    pub claims_hold: usize,
    /// Stated shares and sums recomputed from stated parts.
    pub recomputed: usize,
}

impl Outcome {
    pub fn count(&self, grade: Grade) -> usize {
        self.findings.iter().filter(|f| f.grade == grade).count()
    }
    /// The findings that touch a table (for its indicator page).
    pub fn for_table<'a>(&'a self, table: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings.iter().filter(move |f| f.tables.iter().any(|t| t == table))
    }
}

pub(super) struct Index<'a> {
    pub(super) tables: HashMap<&'a str, (&'a str, &'a Table)>,
    pub(super) statements: HashMap<&'a str, (&'a str, &'a Statement)>,
    pub(super) manifest: &'a Manifest,
}

impl<'a> Index<'a> {
    fn new(datasets: &[(&'a str, &'a Dataset)], manifest: &'a Manifest) -> Index<'a> {
        let mut tables = HashMap::new();
        let mut statements = HashMap::new();
        for (file, ds) in datasets {
            for t in &ds.tables {
                tables.insert(t.id.as_str(), (*file, t));
            }
            for s in &ds.narrative.statements {
                statements.insert(s.id.as_str(), (*file, s));
            }
        }
        Index { tables, statements, manifest }
    }
    pub(super) fn cell(&self, c: &CellRef) -> Option<(&'a Table, Figure)> {
        let (_, t) = self.tables.get(c.table.as_str())?;
        let m = t.measure(&c.measure)?;
        let key = c.key();
        // A printed cell, or a derived one the engine computes.
        if t.value(&key).is_none() && m.formula.is_none() {
            return None;
        }
        Some((t, cell_as_printed(t, &key)))
    }
    pub(super) fn cell_place(&self, c: &CellRef) -> String {
        let Some((file, t)) = self.tables.get(c.table.as_str()) else { return c.table.clone() };
        let mut what = format!(
            "{}, {}, {}",
            self.manifest.area_name(&c.area),
            t.period_label(&c.period),
            measure_label(t, &c.measure)
        );
        if let Some(cat) = &c.category {
            what.push_str(&format!(", {}", t.category_label(cat)));
        }
        format!("tabel “{}” (`{}`, {file}; bron {}, {}): {what}", t.title, t.id, t.source.seed, t.source.section)
    }
    pub(super) fn statement_place(&self, id: &str) -> String {
        match self.statements.get(id) {
            Some((file, s)) => format!(
                "tekst, bron {}, {} (`{}`, {file}): “{}”",
                s.place.seed,
                s.place.section,
                s.id,
                normalise(&s.quote)
            ),
            None => id.to_owned(),
        }
    }
}

fn measure_label(t: &Table, id: &str) -> String {
    t.measure(id).map_or_else(|| id.to_owned(), |m| m.label.clone())
}

/// A cell as the source printed it (a derived cell without a printed value: the engine's).
fn cell_as_printed(t: &Table, key: &Key) -> Figure {
    let Some(m) = t.measure(&key.measure) else { return engine::cell(t, key) };
    match t.value(key) {
        Some(_) => engine::printed(t, m, engine::place(t, key)),
        None => engine::cell(t, key),
    }
}

/// The step a stated figure is written in: `3,7 mln` is a step of 100.000, `6,0` of 0,1.
pub fn step(st: &Statement) -> f64 {
    let printed = st.printed.as_deref().unwrap_or("").to_lowercase();
    // "zes op de tien", "twee op de vijf": a share in words is as precise as its denominator.
    if st.unit == Unit::Procent {
        let words = [("drie", 3.0), ("vier", 4.0), ("vijf", 5.0), ("tien", 10.0)];
        if let Some((_, n)) = words.iter().find(|(w, _)| printed.contains(&format!(" op de {w}"))) {
            return 100.0 / n;
        }
        if printed.contains("derde") {
            return 100.0 / 3.0;
        }
    }
    let scale = if printed.contains("miljard") {
        1e9
    } else if printed.contains("mln") || printed.contains("miljoen") {
        1e6
    } else if printed.contains("duizend") {
        1e3
    } else {
        return 10f64.powi(-(st.decimals as i32));
    };
    let digits =
        printed.split_once(',').map_or(0, |(_, after)| after.chars().take_while(|c| c.is_ascii_digit()).count());
    scale * 10f64.powi(-(digits as i32))
}

/// Half the step a round figure (`240.000`, `€ 1.600.000`) may have been rounded to: such a
/// figure in running text is often a rounded one, so a difference within it is graded small.
fn round_half(st: &Statement) -> f64 {
    let Some(x) = st.value.filter(|x| *x != 0.0 && x.fract() == 0.0 && st.kind != Kind::Score) else { return 0.0 };
    let mut step = 1.0;
    while (x / (step * 10.0)).fract() == 0.0 && step < 1e9 {
        step *= 10.0;
    }
    if step >= 1000.0 {
        step / 2.0
    } else {
        0.0
    }
}

/// A statement as a figure: its value, and the interval its written precision stands for.
pub fn statement_figure(st: &Statement) -> Figure {
    let how = match st.nature.word() {
        Some(w) => format!("zoals in de tekst ({w})"),
        None => "zoals in de tekst".to_owned(),
    };
    let value = match (st.status, st.value) {
        (Status::Geheim, _) => Err(Missing::Geheim),
        (_, None) | (Status::NietBeschikbaar, _) => Err(Missing::NietBeschikbaar),
        (_, Some(x)) => Ok(x),
    };
    let h = step(st) / 2.0;
    let range = value.as_ref().ok().map(|x| (x - h, x + h));
    Figure {
        value,
        range,
        provisional: st.provisional,
        unit: st.unit,
        decimals: st.decimals,
        explain: How::Printed(how.into()),
        recomputed: None,
    }
}

/// A stated share or sum recomputed from the statements it is derived from.
pub fn statement_computed(st: &Statement, all: &HashMap<&str, &Statement>) -> Option<Figure> {
    let f = st.formula.as_ref()?;
    let parts: Vec<(String, Figure)> = f
        .args
        .iter()
        .map(|a| all.get(a.as_str()).map(|s| (s.label.clone(), statement_figure(s))))
        .collect::<Option<_>>()?;
    let inputs: Vec<_> = parts.iter().map(|(l, fig)| (std::borrow::Cow::Owned(l.clone()), fig)).collect();
    Some(engine::apply(f.op, &inputs, st.unit, st.decimals))
}

pub(super) fn shown(f: &Figure) -> String {
    f.display()
}

/// Grades two figures that should be equal: `None` when they agree at the coarser precision.
fn compare(a: f64, a_half: f64, b: f64, b_half: f64) -> Option<Grade> {
    let eps = 1e-9 * a.abs().max(b.abs()).max(1.0);
    let coarse = a_half.max(b_half);
    if (a - b).abs() <= coarse + eps {
        // One lies within the other's printed precision.
        let inside = (a - b).abs() <= a_half + eps || (a - b).abs() <= b_half + eps;
        return if inside { None } else { Some(Grade::Klein) };
    }
    if (a - b).abs() <= 2.0 * coarse + a_half.min(b_half) + eps {
        Some(Grade::Klein)
    } else {
        Some(Grade::Duidelijk)
    }
}

fn half_of(f: &Figure) -> f64 {
    match (f.value.as_ref().ok(), f.range) {
        (Some(_), Some((lo, hi))) => (hi - lo) / 2.0,
        _ => 0.5 * 10f64.powi(-(f.decimals as i32)),
    }
}

/// Runs every cross check. `datasets` are the checked files of one folder.
pub fn run(datasets: &[(String, Dataset)], manifest: &Manifest) -> Outcome {
    let named: Vec<(&str, &Dataset)> = datasets.iter().map(|(f, d)| (f.as_str(), d)).collect();
    run_named(&named, manifest)
}

/// The cross checks over the datasets a page has loaded (the store keeps no file names; a
/// place is then named after the dataset's region and theme).
pub fn run_loaded<D: std::borrow::Borrow<Dataset>>(sets: &[D], manifest: &Manifest) -> Outcome {
    let names: Vec<String> =
        sets.iter().map(|d| format!("{}-{}.json", d.borrow().region, d.borrow().theme.id())).collect();
    let named: Vec<(&str, &Dataset)> = names.iter().map(String::as_str).zip(sets.iter().map(|d| d.borrow())).collect();
    run_named(&named, manifest)
}

fn run_named(datasets: &[(&str, &Dataset)], manifest: &Manifest) -> Outcome {
    let ix = Index::new(datasets, manifest);
    let mut out = Outcome::default();
    let all: HashMap<&str, &Statement> = ix.statements.iter().map(|(k, (_, s))| (*k, *s)).collect();
    let mut covered: HashSet<(String, Key)> = HashSet::new();
    for (_, ds) in datasets {
        let n = &ds.narrative;
        out.statements += n.statements.len();
        out.claims += n.claims.len();
        out.links += n.links.len();
        for c in &n.contradictions {
            for cell in &c.cells {
                covered.insert((cell.table.clone(), cell.key()));
            }
        }
    }
    for (_, ds) in datasets {
        for st in &ds.narrative.statements {
            statements::statement_checks(&ix, &all, st, &mut out, &mut covered);
        }
        for st in ds.narrative.statements.iter().filter(|s| s.printed.as_deref().is_some_and(tables::notation_slip)) {
            let p = st.printed.clone().unwrap_or_default();
            out.findings.push(Finding {
                kind: FindingKind::Notatie,
                grade: Grade::Klein,
                description: format!(
                    "De tekst schrijft “{p}” voor {}: een notatie die als een ander getal gelezen kan worden; de monitor leest {}.",
                    st.label,
                    shown(&statement_figure(st))
                ),
                sides: vec![Side { what: "tekst".into(), figure: p, place: ix.statement_place(&st.id) }],
                tables: Vec::new(),
                statements: vec![st.id.clone()],
            });
        }
        for c in &ds.narrative.claims {
            claim_check(&ix, c, &mut out);
        }
        for l in &ds.narrative.links {
            link_check(&ix, l, &mut out, &mut covered);
        }
        for c in &ds.narrative.contradictions {
            out.findings.push(declared(&ix, c));
        }
        for t in &ds.tables {
            tables::implied_bases(&ix, t, &mut out);
            tables::notation(&ix, t, &mut out);
        }
    }
    // Every other area and period of the columns the links pair (issue 21).
    let links: Vec<&Link> = datasets.iter().flat_map(|(_, ds)| &ds.narrative.links).collect();
    same::same_quantity(&ix, &links, &mut out, &mut covered);
    for (file, ds) in datasets {
        for t in &ds.tables {
            for inc in &t.inconsistencies {
                if covered.contains(&(t.id.clone(), inc.key.clone())) {
                    continue;
                }
                out.findings.push(tables::documented(&ix, file, t, inc));
            }
        }
    }
    out.findings.sort_by_key(|f| (f.grade, f.kind));
    out
}

fn claim_check(ix: &Index, c: &Claim, out: &mut Outcome) {
    let Some((t, subject)) = ix.cell(&c.subject) else { return };
    let Some(s) = subject.number().map(|v| format::round(v, subject.decimals)) else { return };
    let mut others = Vec::new();
    for code in &c.than {
        let r = CellRef { area: code.clone(), ..c.subject.clone() };
        if let Some(y) = ix.cell(&r).and_then(|(_, f)| f.number()) {
            others.push((code.clone(), format::round(y, subject.decimals), r));
        }
    }
    if others.is_empty() {
        return;
    }
    let unit = 10f64.powi(-(subject.decimals as i32));
    let eps = 1e-9;
    let grade = match c.relation {
        Relation::Hoger | Relation::Hoogste => {
            if others.iter().any(|(_, y, _)| *y > s + eps) {
                Some(Grade::Duidelijk)
            } else if others.iter().any(|(_, y, _)| (*y - s).abs() <= eps) {
                Some(Grade::Formulering)
            } else {
                None
            }
        }
        Relation::Lager | Relation::Laagste => {
            if others.iter().any(|(_, y, _)| *y < s - eps) {
                Some(Grade::Duidelijk)
            } else if others.iter().any(|(_, y, _)| (*y - s).abs() <= eps) {
                Some(Grade::Formulering)
            } else {
                None
            }
        }
        Relation::NietHoger | Relation::NietLager => {
            let up = c.relation == Relation::NietHoger;
            let worst = others.iter().map(|(_, y, _)| if up { s - y } else { y - s }).fold(f64::NEG_INFINITY, f64::max);
            if worst <= eps {
                None
            } else if worst <= unit + eps {
                Some(Grade::Klein)
            } else {
                Some(Grade::Duidelijk)
            }
        }
        Relation::Gelijk => {
            let worst = others.iter().map(|(_, y, _)| (y - s).abs()).fold(0.0, f64::max);
            if worst <= eps {
                None
            } else if worst <= unit + eps {
                Some(Grade::Klein)
            } else if worst <= 0.1 * s.abs().max(unit) {
                Some(Grade::Formulering)
            } else {
                Some(Grade::Duidelijk)
            }
        }
    };
    let Some(grade) = grade else {
        out.claims_hold += 1;
        return;
    };
    let name = |code: &str| ix.manifest.area_name(code);
    let fmt = |v: f64| format::with_unit(v, subject.unit, subject.decimals);
    let mut sides = vec![
        Side {
            what: "tekst".into(),
            figure: format!("“{}”", c.relation.id()),
            place: format!("bron {}, {}: “{}”", c.place.seed, c.place.section, normalise(&c.quote)),
        },
        Side { what: format!("tabel, {}", name(&c.subject.area)), figure: fmt(s), place: ix.cell_place(&c.subject) },
    ];
    for (code, y, r) in &others {
        sides.push(Side { what: format!("tabel, {}", name(code)), figure: fmt(*y), place: ix.cell_place(r) });
    }
    let list: Vec<String> = others.iter().map(|(code, y, _)| format!("{} {}", name(code), fmt(*y))).collect();
    out.findings.push(Finding {
        kind: FindingKind::Bewering,
        grade,
        description: format!(
            "De tekst zegt dat {} ({}) {} (bewering: {}), maar de tabel “{}” geeft {}.",
            name(&c.subject.area),
            fmt(s),
            match c.relation {
                Relation::Hoger => "hoger is dan het vergeleken cijfer",
                Relation::Hoogste => "het hoogste is",
                Relation::Lager => "lager is dan het vergeleken cijfer",
                Relation::Laagste => "het laagste is",
                Relation::Gelijk => "gelijk is aan het vergeleken cijfer",
                Relation::NietHoger => "op of onder het vergeleken cijfer ligt",
                Relation::NietLager => "op of boven het vergeleken cijfer ligt",
            },
            c.relation.id(),
            t.title,
            format::join_nl(&list)
        ),
        sides,
        tables: vec![t.id.clone()],
        statements: vec![c.id.clone()],
    });
}

fn link_check(ix: &Index, l: &Link, out: &mut Outcome, covered: &mut HashSet<(String, Key)>) {
    let (Some((ta, a)), Some((tb, b))) = (ix.cell(&l.a), ix.cell(&l.b)) else { return };
    let (Some(x), Some(y)) = (a.number(), b.number()) else { return };
    match compare(x, half_of(&a), y, half_of(&b)) {
        None => out.confirmed += 1,
        Some(grade) => {
            covered.insert((ta.id.clone(), l.a.key()));
            covered.insert((tb.id.clone(), l.b.key()));
            let kind = link_kind(&l.a, &l.b);
            out.findings.push(Finding {
                kind,
                grade,
                description: format!("{} De ene plaats drukt {} af, de andere {}.", l.why.trim(), shown(&a), shown(&b)),
                sides: vec![
                    Side { what: "tabel".into(), figure: shown(&a), place: ix.cell_place(&l.a) },
                    Side { what: "tabel".into(), figure: shown(&b), place: ix.cell_place(&l.b) },
                ],
                tables: vec![ta.id.clone(), tb.id.clone()],
                statements: Vec::new(),
            });
        }
    }
}

fn declared(ix: &Index, c: &Contradiction) -> Finding {
    let mut sides = Vec::new();
    for id in &c.statements {
        let figure = ix.statements.get(id.as_str()).map_or_else(String::new, |(_, s)| shown(&statement_figure(s)));
        sides.push(Side { what: "tekst".into(), figure, place: ix.statement_place(id) });
    }
    for cell in &c.cells {
        let figure = ix.cell(cell).map_or_else(String::new, |(_, f)| shown(&f));
        sides.push(Side { what: "tabel".into(), figure, place: ix.cell_place(cell) });
    }
    Finding {
        kind: c.kind,
        grade: c.grade,
        description: c.description.trim().to_owned(),
        sides,
        tables: c.cells.iter().map(|x| x.table.clone()).collect(),
        statements: c.statements.clone(),
    }
}

/// What a difference between two linked cells is: the same period in two tables, or the same
/// figure printed twice (also across periods). One rule for a link's own cells and for every
/// other pair its columns give (`same`).
pub(super) fn link_kind(a: &CellRef, b: &CellRef) -> FindingKind {
    if a.period == b.period && a.table != b.table {
        FindingKind::ZelfdePeriode
    } else {
        FindingKind::ZelfdeCijfer
    }
}
