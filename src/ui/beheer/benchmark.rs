//! The engine benchmark page.

use leptos::prelude::*;

/// The engine benchmark in the browser: the same synthetic national dataset and calculations as
/// `msd-bench`, timed with `performance.now()`. Reached by URL (`beheer.html?pagina=benchmark`).
/// Only in a build with the `bench` feature (beheer.html enables it): the synthetic data stays out of
/// the residents' WASM.
#[cfg(feature = "bench")]
#[component]
pub fn BenchmarkPage() -> impl IntoView {
    use crate::core::kit::bench;
    let now = || web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now());
    let (result, set_result) = signal(None::<String>);
    leptos::task::spawn_local(async move {
        let t0 = now();
        let (manifest, tables) = bench::synthetic();
        let generated = now() - t0;
        let (figures, median, best) = bench::timed(&manifest, &tables, now);
        set_result.set(Some(format!(
            "{} gemeenten × {} jaar, {} tabellen: {figures} cijfers berekend in {median:.1} ms (mediaan van {} keer na {} keer inlopen; snelste {best:.1} ms; synthetische gegevens gemaakt in {generated:.1} ms)",
            bench::GEMEENTEN, bench::YEARS, tables.len(), bench::RUNS, bench::WARM_UP
        )));
    });
    view! {
        <h1>"Benchmark rekenmachine"</h1>
        <p>"Alle indicatoren voor een synthetische landelijke dataset, berekend in deze browser."</p>
        <output id="benchmark" data-klaar=move || result.get().is_some().then_some("ja")>
            {move || result.get().unwrap_or_else(|| "Bezig…".into())}
        </output>
    }
}

/// Without the `bench` feature the page says where the benchmark is.
#[cfg(not(feature = "bench"))]
#[component]
pub fn BenchmarkPage() -> impl IntoView {
    view! {
        <h1>"Benchmark rekenmachine"</h1>
        <p>"De benchmark zit niet in deze versie van de monitor."</p>
    }
}
