//! The map view: a choropleth drawn by ECharts' map series from the lazy part of the bundle
//! (`scripts/echarts-extras.js`, through `window.msdCharts`) with the region's boundaries
//! (`geo/<region>.json`), both fetched only when a map is opened. The legend and the sentence are HTML from `core::charts::map`, so
//! the table and summary stay the accessible alternative and the map adds to them. The credit
//! (CBS, Kadaster) is text right under the map (`map::CREDIT`).

use crate::core::present::charts::map::{self, MapView};
use gloo_net::http::Request;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// Defined in `public/loader.js`: fetches the first ECharts bundle once.
    #[wasm_bindgen(js_name = msdLoadCharts, catch)]
    fn js_load() -> Result<js_sys::Promise, JsValue>;
    /// The lazy part of ECharts (`scripts/echarts-extras.js`), which has the map series.
    #[wasm_bindgen(js_namespace = msdCharts, js_name = loadExtras, catch)]
    fn js_load_extras() -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_namespace = msdCharts, js_name = registerMap, catch)]
    fn js_register(name: &str, geojson: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(js_namespace = msdCharts, js_name = init, catch)]
    fn js_init(el: &web_sys::HtmlElement, renderer: &str, height: u32) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = msdCharts, js_name = setOption, catch)]
    fn js_set_option(chart: &JsValue, json: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = msdCharts, js_name = dispose, catch)]
    fn js_dispose(chart: &JsValue) -> Result<(), JsValue>;
}

/// Where the boundaries live, relative to `index.html`.
const GEO_DIR: &str = "geo/";

async fn wait(promise: Result<js_sys::Promise, JsValue>) -> Result<(), String> {
    let promise = promise.map_err(|e| format!("{e:?}"))?;
    wasm_bindgen_futures::JsFuture::from(promise).await.map(|_| ()).map_err(|e| format!("{e:?}"))
}

/// Loads ECharts with its map series and the region's boundaries (only now: a map was opened),
/// then draws.
async fn draw(el: &web_sys::HtmlElement, map: &str, height: u32, option: &str) -> Result<JsValue, String> {
    wait(js_load()).await?;
    wait(js_load_extras()).await?;
    let response =
        Request::get(&format!("{GEO_DIR}{map}.json")).send().await.map_err(|_| "geen verbinding".to_owned())?;
    if !response.ok() {
        return Err(format!("grenzen niet gevonden ({})", response.status()));
    }
    let text = response.text().await.map_err(|_| "grenzen niet leesbaar".to_owned())?;
    js_register(map, &text).map_err(|e| format!("{e:?}"))?;
    let chart = js_init(el, "canvas", height).map_err(|e| format!("{e:?}"))?;
    js_set_option(&chart, option).map_err(|e| format!("{e:?}"))?;
    Ok(chart)
}

#[component]
pub fn MapChart(view: MapView, label: String, chosen: Option<String>) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    let handle: StoredValue<Option<JsValue>, LocalStorage> = StoredValue::new_local(None);
    let (failed, set_failed) = signal(false);
    let alive = StoredValue::new(true);
    let option = view.option.to_string();
    let map = view.map.clone();
    let height = 320 + 40 * (view.places.len() as u32 / 4);
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        let (option, map) = (option.clone(), map.clone());
        leptos::task::spawn_local(async move {
            let drawn = draw(&el, &map, height, &option).await;
            if !alive.try_get_value().unwrap_or(false) {
                if let Ok(h) = drawn {
                    js_dispose(&h).ok();
                }
                return;
            }
            match drawn {
                Ok(h) => {
                    handle.try_set_value(Some(h));
                }
                Err(e) => {
                    leptos::logging::warn!("kaart niet getekend: {e}");
                    set_failed.try_set(true);
                }
            }
        });
    });
    on_cleanup(move || {
        alive.set_value(false);
        if let Some(Some(h)) = handle.try_get_value() {
            js_dispose(&h).ok();
        }
    });
    let sentence_id = format!("kaarttekst-{}", view.map);
    let chosen_name = chosen.and_then(|c| view.places.iter().find(|p| p.code == c).map(|p| p.name.clone()));
    view! {
        <figure class="kaart-kader">
            <p class="kaart-titel">"Kaart: "{view.column.clone()}</p>
            <div class="grafiek kaart" node_ref=node role="img" aria-label=label aria-describedby=sentence_id.clone()></div>
            <Show when=move || failed.get()>
                <p class="melding">"De kaart kan niet worden getoond. De tabel hieronder bevat dezelfde cijfers."</p>
            </Show>
            <figcaption>
                <ul class="kaart-legenda" aria-label="Legenda">
                    {view.classes.iter().enumerate().rev().map(|(k, c)| view! {
                        <li><span class=format!("vlak-kleur klasse-{}", colour_index(c.colour)) aria-hidden="true"></span>{format!("{}: {}", c.label, map::names_in(&view, k))}</li>
                    }).collect::<Vec<_>>()}
                    {view.missing.clone().map(|m| view! {
                        <li><span class="vlak-kleur klasse-ontbreekt" aria-hidden="true"></span>{format!("gearceerd, {m}: {}", map::names_missing(&view))}</li>
                    })}
                    {chosen_name.map(|n| view! {
                        <li><span class="vlak-kleur klasse-gekozen" aria-hidden="true"></span>{format!("dikke rand: {n}")}</li>
                    })}
                </ul>
                <p class="kaart-bron">{map::CREDIT}</p>
                <p class="visueel-verborgen" id=sentence_id>{view.sentence.clone()}</p>
            </figcaption>
        </figure>
    }
}

/// The CSS class of a class colour (`klasse-0` … `klasse-3` in `style/main.css`).
fn colour_index(colour: &str) -> usize {
    crate::core::present::charts::map::CLASS_COLOURS.iter().position(|c| *c == colour).unwrap_or(0)
}
