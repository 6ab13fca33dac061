//! The council tools (`beheer.html`, built from its own binary `msd-beheer`): the data check
//! and the engine benchmark. They live in a second WASM next to the residents' app so the WASM
//! residents download carries no CSV import, data check or benchmark (issue 12). Both pages use
//! the same `dist/` folder, the same relative links, the same `loader.js` and the same strict
//! Content-Security-Policy as the monitor itself.
//!
//! Old links to the monitor (`?pagina=datacheck`, `?pagina=benchmark`) are sent on to this page
//! by the residents' app ([`COUNCIL_PAGE`](crate::core::model::view_state::COUNCIL_PAGE)).

mod benchmark;
mod datacheck;

use super::data;
use super::pages::LoadFailed;
use super::store::Store;
use crate::core::model::view_state::{Page, ViewState};
use crate::core::pages::site;
use benchmark::BenchmarkPage;
use datacheck::DataCheckPage;
use leptos::prelude::*;

/// The council tools page: a small header with the two tools, and the one the query names
/// (`?pagina=benchmark`, otherwise the data check). Links between them are plain page loads.
#[component]
pub fn BeheerApp() -> impl IntoView {
    let state = ViewState::parse(&super::address::query());
    let benchmark = state.page == Page::Benchmark;
    // The data check validates against the manifest as this site shows it (config applied).
    let site = LocalResource::new(|| async {
        let (manifest, _) = data::manifest().await?;
        let (config, _) = data::config(&manifest).await;
        Ok::<_, data::LoadError>((site::apply_config(manifest, &config), config))
    });
    let name = move || {
        site.get().and_then(Result::ok).map_or_else(|| "Monitor Sociaal Domein".to_owned(), |(_, c)| c.name.clone())
    };
    let here = |yes: bool| yes.then_some("page");
    view! {
        <a class="skiplink" href="#inhoud">"Naar de inhoud"</a>
        <header class="kop">
            <a class="merk" href="./"><span>{name}</span></a>
            <nav aria-label="Beheer">
                <ul>
                    <li><a href="?pagina=datacheck" aria-current=here(!benchmark)>"Gegevenscontrole"</a></li>
                    <li><a href="?pagina=benchmark" aria-current=here(benchmark)>"Benchmark"</a></li>
                    <li><a href="./">"Naar de monitor"</a></li>
                </ul>
            </nav>
        </header>
        <main id="inhoud" tabindex="-1">
            {move || {
                if benchmark {
                    return view! { <BenchmarkPage/> }.into_any();
                }
                match site.get() {
                    None => view! { <p class="laden" role="status">"Gegevens laden…"</p> }.into_any(),
                    Some(Err(e)) => view! { <LoadFailed error=e retry=Callback::new(move |_| site.refetch())/> }.into_any(),
                    Some(Ok((m, config))) => {
                        // The data check reads the manifest from the store, as the monitor's pages do.
                        Store::provide(m, config, Vec::new(), RwSignal::new(state.clone()));
                        view! { <DataCheckPage/> }.into_any()
                    }
                }
            }}
        </main>
        <footer class="voet">
            <p>"Beheerpagina van de monitor. Bestanden die u hier controleert, blijven op uw computer."</p>
        </footer>
    }
}
