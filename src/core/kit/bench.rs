//! The engine benchmark (issue 5): a synthetic national dataset — every Dutch gemeente
//! (≈ 340) × 10 years × every kind of indicator the monitor computes — and one run of all
//! calculations over it. Pure: the callers time it (natively `msd-bench`, in the browser the
//! `?pagina=benchmark` page with `performance.now()`), so the same code is measured in both.

use crate::core::calc::engine;
use crate::core::calc::grid;
use crate::core::model::*;

pub const GEMEENTEN: usize = 342;
pub const YEARS: u32 = 10;

/// Deterministic pseudo-random numbers (no dependency, same data everywhere).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, max: u32) -> u32 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % max as u64) as u32
    }
}

fn measure(id: &str, unit: Unit, kind: Kind, decimals: u8, formula: Option<(Op, &[&str])>) -> Measure {
    Measure {
        id: id.into(),
        label: id.replace('_', " "),
        report_label: None,
        unit,
        kind,
        decimals,
        group: None,
        base: None,
        rounding: None,
        formula: formula.map(|(op, args)| Formula { op, args: args.iter().map(|a| (*a).to_owned()).collect() }),
    }
}

/// The synthetic manifest and tables: counts and denominators per gemeente and year, Nederland
/// as their declared total, one suppressed cell in about fifty, and the derived measures of
/// every kind (share, per 1.000, saldo, uitputting, cost per client).
pub fn synthetic() -> (Manifest, Vec<Table>) {
    let (manifest, codes) = synthetic_manifest();
    let periods: Vec<Label> = (0..YEARS).map(|y| Label::new((2015 + y).to_string(), (2015 + y).to_string())).collect();
    let mut rng = Lcg(42);
    let tables = families()
        .into_iter()
        .map(|(id, theme, measures, raw)| {
            let values = synthetic_values(id, raw, &periods, &codes, &mut rng);
            let mut t = Table {
                id: id.into(),
                title: id.into(),
                report_title: None,
                theme,
                pillar: Pillar::Gebruik,
                source: Source { text: "synthetisch".into(), seed: "000".into(), section: String::new(), page: None },
                note: None,
                definitions: vec![],
                provisional: false,
                rounding: None,
                periods: periods.clone(),
                categories: vec![],
                measures,
                totals: vec![Total { dimension: TotalDimension::Area, total: "NL01".into(), of: codes.clone() }],
                values,
                inconsistencies: vec![],
                headline: None,
                budget: None,
                index: Default::default(),
            };
            t.reindex();
            t
        })
        .collect();
    (manifest, tables)
}

/// The manifest of the synthetic country: every gemeente and Nederland, in one region.
/// Returns the gemeente codes too (the areas of every table).
fn synthetic_manifest() -> (Manifest, Vec<String>) {
    let mut areas: Vec<Area> = (1..=GEMEENTEN)
        .map(|i| Area {
            code: format!("GM{i:04}"),
            name: format!("Gemeente {i}"),
            short: format!("G{i}"),
            kind: AreaKind::Gemeente,
            members: vec![],
        })
        .collect();
    let codes: Vec<String> = areas.iter().map(|a| a.code.clone()).collect();
    areas.push(Area {
        code: "NL01".into(),
        name: "Nederland".into(),
        short: "NL".into(),
        kind: AreaKind::Land,
        members: vec![],
    });
    let manifest = Manifest::new(
        areas,
        vec![Region {
            id: "nl".into(),
            name: "Nederland".into(),
            area: "NL01".into(),
            reference: Some("NL01".into()),
            gemeenten: codes.clone(),
        }],
        vec![],
        vec![],
    );
    (manifest, codes)
}

/// One table per theme: its id, theme, measures (two raw ones and the derived measures of
/// every kind) and the ids of the two raw measures, which [`synthetic_values`] fills.
fn families() -> [(&'static str, Theme, Vec<Measure>, [&'static str; 2]); 4] {
    [
        (
            "jeugd-bench",
            Theme::Jeugd,
            vec![
                measure("jeugdhulp", Unit::Aantal, Kind::Count, 0, None),
                measure("jongeren", Unit::Aantal, Kind::Denominator, 0, None),
                measure("aandeel", Unit::Procent, Kind::Derived, 1, Some((Op::Share, &["jeugdhulp", "jongeren"]))),
            ],
            ["jeugdhulp", "jongeren"],
        ),
        (
            "participatie-bench",
            Theme::Participatie,
            vec![
                measure("bijstand", Unit::Aantal, Kind::Count, 0, None),
                measure("huishoudens", Unit::Aantal, Kind::Denominator, 0, None),
                measure("per_1000", Unit::Per1000, Kind::Derived, 1, Some((Op::Per1000, &["bijstand", "huishoudens"]))),
            ],
            ["bijstand", "huishoudens"],
        ),
        (
            "wmo-bench",
            Theme::Wmo,
            vec![
                measure("instroom", Unit::Aantal, Kind::Count, 0, None),
                measure("uitstroom", Unit::Aantal, Kind::Count, 0, None),
                measure("saldo", Unit::Aantal, Kind::Derived, 0, Some((Op::Difference, &["instroom", "uitstroom"]))),
            ],
            ["instroom", "uitstroom"],
        ),
        (
            "samenloop-bench",
            Theme::Samenloop,
            vec![
                measure("begroot", Unit::Euro, Kind::Amount, 0, None),
                measure("realisatie", Unit::Euro, Kind::Amount, 0, None),
                measure("uitputting", Unit::Procent, Kind::Derived, 1, Some((Op::Share, &["realisatie", "begroot"]))),
                measure(
                    "kosten_per_client",
                    Unit::Euro,
                    Kind::Derived,
                    0,
                    Some((Op::Ratio, &["realisatie", "begroot"])),
                ),
            ],
            ["begroot", "realisatie"],
        ),
    ]
}

/// The values of one synthetic table: both raw measures for every gemeente and year, one
/// suppressed count in about fifty, and Nederland as the sum. Apart from [`synthetic`] because
/// the order of `rng`'s draws makes the data, so it stays in one place.
fn synthetic_values(id: &str, raw: [&str; 2], periods: &[Label], codes: &[String], rng: &mut Lcg) -> Vec<Value> {
    let mut values = Vec::new();
    for p in periods {
        let mut totals = [0.0f64; 2];
        for code in codes {
            for (k, m) in raw.iter().enumerate() {
                let x = if k == 0 { 50 + rng.next(5_000) } else { 6_000 + rng.next(60_000) } as f64;
                let key = Key { measure: (*m).into(), area: code.clone(), period: p.id.clone(), category: None };
                // One suppressed count in about fifty (its true value, 0–7, still counts in
                // Nederland); amounts are never suppressed.
                if k == 0 && id != "samenloop-bench" && rng.next(50) == 0 {
                    totals[k] += 3.0;
                    values.push(Value { key, value: None, status: Status::Geheim, provisional: false, printed: None });
                } else {
                    totals[k] += x;
                    values.push(Value {
                        key,
                        value: Some(x),
                        status: Status::Gepubliceerd,
                        provisional: rng.next(4) == 0,
                        printed: None,
                    });
                }
            }
        }
        for (k, m) in raw.iter().enumerate() {
            let key = Key { measure: (*m).into(), area: "NL01".into(), period: p.id.clone(), category: None };
            values.push(Value {
                key,
                value: Some(totals[k]),
                status: Status::Gepubliceerd,
                provisional: false,
                printed: None,
            });
        }
    }
    values
}

/// Every calculation the monitor offers, over every table, year and gemeente: the grid of
/// each year (all derived figures), difference with Nederland and index for every cell, ranks
/// per measure and year, change between consecutive years, and the recomputation of every
/// Nederland total from its 342 parts. Returns how many figures were computed.
pub fn run(manifest: &Manifest, tables: &[Table]) -> usize {
    let mut figures = 0;
    for t in tables {
        let mut previous: Option<grid::Grid> = None;
        for p in &t.periods {
            let g = grid::build(t, manifest, Some(&p.id), None);
            let Some(nl) = g.rows.iter().find(|r| r.id == "NL01") else { continue };
            for (c, _) in g.columns.iter().enumerate() {
                let column: Vec<Option<f64>> = g.rows.iter().map(|r| r.cells[c].number()).collect();
                figures += engine::ranks(&column).len();
                for (i, row) in g.rows.iter().enumerate() {
                    // The cell itself, its difference with Nederland and its index.
                    let _difference = engine::difference(&row.cells[c], &nl.cells[c]);
                    let _index = engine::index(&row.cells[c], &nl.cells[c]);
                    figures += 3;
                    if let Some(prev) = &previous {
                        let _change = engine::change(&prev.rows[i].cells[c], &row.cells[c]);
                        figures += 2;
                    }
                }
            }
            previous = Some(g);
        }
        figures += engine::checks(t).len();
    }
    figures
}

/// How many timed runs the benchmark makes; the median of them is the figure it reports.
pub const RUNS: usize = 11;
/// Untimed runs before them (in the browser, optimised WASM code replaces the baseline code of
/// hot functions while they run).
pub const WARM_UP: usize = 2;

/// The benchmark as both callers run it: `WARM_UP` untimed runs (in the browser, optimised WASM
/// code replaces the baseline code of hot functions while they run), then `RUNS` timed with
/// `now` (milliseconds, the caller's clock). Returns the figures per run, the median and the
/// fastest time.
pub fn timed(manifest: &Manifest, tables: &[Table], mut now: impl FnMut() -> f64) -> (usize, f64, f64) {
    for _ in 0..WARM_UP {
        run(manifest, tables);
    }
    let mut figures = 0;
    let timings: Vec<f64> = (0..RUNS)
        .map(|_| {
            let t = now();
            figures = run(manifest, tables);
            now() - t
        })
        .collect();
    let (median, best) = median_and_best(&timings).unwrap_or((f64::NAN, f64::NAN));
    (figures, median, best)
}

/// The median and the fastest of a benchmark's timings (milliseconds), `None` without timings.
/// The median is what a reader should expect; the fastest shows the machine at rest.
pub fn median_and_best(timings: &[f64]) -> Option<(f64, f64)> {
    let mut sorted: Vec<f64> = timings.iter().copied().filter(|t| t.is_finite()).collect();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    let median = if sorted.len() % 2 == 1 { sorted[mid] } else { (sorted[mid - 1] + sorted[mid]) / 2.0 };
    Some((median, sorted[0]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_best_of_timings() {
        assert_eq!(median_and_best(&[9.0, 3.0, 5.0]), Some((5.0, 3.0)));
        assert_eq!(median_and_best(&[4.0, 1.0, 3.0, 2.0]), Some((2.5, 1.0)));
        assert_eq!(median_and_best(&[f64::NAN, 7.0]), Some((7.0, 7.0)));
        assert_eq!(median_and_best(&[]), None);
    }

    #[test]
    fn synthetic_national_data_compute_and_totals_agree() {
        let (m, tables) = synthetic();
        assert_eq!(tables.len(), 4);
        assert_eq!(tables[0].values.len(), (GEMEENTEN + 1) * 2 * YEARS as usize);
        let n = run(&m, &tables);
        assert!(n > 250_000, "{n} figures");
        // Nederland is the sum of its gemeenten, with the suppressed cells inside 0–7.
        let bad: Vec<_> = tables.iter().flat_map(engine::checks).filter(|c| !c.agrees).take(2).collect();
        assert!(bad.is_empty(), "{bad:?}");
    }
}
