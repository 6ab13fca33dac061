//! `cargo run --release --features bench --bin msd-bench`: the engine benchmark, natively. Generates the
//! synthetic national dataset (≈ 340 gemeenten × 10 years × every indicator kind) and times
//! every calculation over it; the browser runs the same code at `?pagina=benchmark`.

use monitor_sociaal_domein::core::kit::bench;
use std::time::Instant;

fn main() {
    let t0 = Instant::now();
    let (manifest, tables) = bench::synthetic();
    let generated = t0.elapsed();
    let start = Instant::now();
    let (figures, median, best) = bench::timed(&manifest, &tables, || start.elapsed().as_secs_f64() * 1000.0);
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
