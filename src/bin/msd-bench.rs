//! `cargo run --release --features bench --bin msd-bench`: the engine benchmark, natively. Generates the
//! synthetic national dataset (≈ 340 gemeenten × 10 years × every indicator kind) and times
//! every calculation over it; the browser runs the same code at `?pagina=benchmark`.

use monitor_sociaal_domein::core::bench;
use std::time::Instant;

fn main() {
    let t0 = Instant::now();
    let (manifest, tables) = bench::synthetic();
    let generated = t0.elapsed();
    for _ in 0..bench::WARM_UP {
        bench::run(&manifest, &tables);
    }
    let mut timings = Vec::with_capacity(bench::RUNS);
    let mut figures = 0;
    for _ in 0..bench::RUNS {
        let t = Instant::now();
        figures = bench::run(&manifest, &tables);
        timings.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let (median, best) = bench::median_and_best(&timings).unwrap_or((f64::NAN, f64::NAN));
    let values: usize = tables.iter().map(|t| t.values.len()).sum();
    println!(
        "synthetic data: {} gemeenten × {} years, {} tables, {values} values (generated in {:.1} ms)",
        bench::GEMEENTEN,
        bench::YEARS,
        tables.len(),
        generated.as_secs_f64() * 1000.0
    );
    println!(
        "engine, native: {figures} figures in {median:.1} ms (median of {} after {} warm-up runs; fastest {best:.1} ms) = {:.0} figures/ms",
        bench::RUNS,
        bench::WARM_UP,
        figures as f64 / median
    );
}
