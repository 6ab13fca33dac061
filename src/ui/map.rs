//! The map view: a choropleth drawn by ECharts' map series from the lazy part of the bundle
//! (`scripts/echarts-extras.js`, through `window.msdCharts`) with the region's boundaries
//! (`geo/grenzen-<jaar>.json`, the figures' year, the region's gemeenten cut out in
//! `map_layout::Geo::from_compact`), both fetched only when a map is opened. The legend and the sentence are HTML from `core::charts::map`, so
//! the table and summary stay the accessible alternative and the map adds to them. The credit
//! (CBS, Kadaster) is text right under the map (`map::CREDIT`).

use super::pages::NavItem;
use crate::core::pages::NavLink;
use crate::core::present::charts::map::{self, MapView};
use crate::core::present::charts::map_layout::Geo;
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
/// lays the labels out for the container's width (`core::present::charts::map`), then draws.
async fn draw(el: &web_sys::HtmlElement, view: &MapView) -> Result<(JsValue, Geo, f64), String> {
    wait(js_load()).await?;
    wait(js_load_extras()).await?;
    let response = Request::get(&format!("{GEO_DIR}{}", view.boundaries))
        .send()
        .await
        .map_err(|_| "geen verbinding".to_owned())?;
    if !response.ok() {
        return Err(format!("grenzen niet gevonden ({})", response.status()));
    }
    let text = response.text().await.map_err(|_| "grenzen niet leesbaar".to_owned())?;
    let (geojson, geo) = Geo::from_compact(&text, &view.codes)?;
    js_register(&view.map, &geojson).map_err(|e| format!("{e:?}"))?;
    let width = width_of(el);
    let (option, height) = map::drawn(view, &geo, width);
    let chart = js_init(el, "canvas", height).map_err(|e| format!("{e:?}"))?;
    js_set_option(&chart, &option.to_string()).map_err(|e| format!("{e:?}"))?;
    Ok((chart, geo, width))
}

/// The width the map is laid out for: the container's, at least 240 pixels.
fn width_of(el: &web_sys::HtmlElement) -> f64 {
    f64::from(el.client_width()).max(240.0)
}

/// Lays the labels out again when the container's width changed (a turned phone, a resized
/// window): the labels are placed in pixels, so they follow the width, not the scale.
fn relayout(el: &web_sys::HtmlElement, view: &MapView, drawn: &(JsValue, Geo, f64)) -> Option<f64> {
    let width = width_of(el);
    if (width - drawn.2).abs() < 1.0 {
        return None;
    }
    let (option, height) = map::drawn(view, &drawn.1, width);
    el.style().set_property("height", &format!("{height}px")).ok();
    js_set_option(&drawn.0, &option.to_string()).ok();
    Some(width)
}

#[component]
pub fn MapChart(view: MapView, label: String) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    let handle: StoredValue<Option<(JsValue, Geo, f64)>, LocalStorage> = StoredValue::new_local(None);
    let (failed, set_failed) = signal(false);
    let alive = StoredValue::new(true);
    let shown = StoredValue::new(view.clone());
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        let view = shown.get_value();
        leptos::task::spawn_local(async move {
            let drawn = draw(&el, &view).await;
            if !alive.try_get_value().unwrap_or(false) {
                if let Ok(h) = drawn {
                    js_dispose(&h.0).ok();
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
    let resized = window_event_listener(leptos::ev::resize, move |_| {
        let Some(el) = node.get_untracked() else { return };
        let view = shown.get_value();
        let width = handle.try_with_value(|h| h.as_ref().and_then(|d| relayout(&el, &view, d))).flatten();
        if let Some(w) = width {
            handle.try_update_value(|h| {
                if let Some(d) = h {
                    d.2 = w;
                }
            });
        }
    });
    let resized = StoredValue::new_local(Some(resized));
    on_cleanup(move || {
        alive.set_value(false);
        if let Some(Some(h)) = resized.try_update_value(Option::take) {
            h.remove();
        }
        if let Some(Some(h)) = handle.try_get_value() {
            js_dispose(&h.0).ok();
        }
    });
    let sentence_id = format!("kaarttekst-{}", view.map);
    let outline = map::outline_note(&view);
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
                    {outline.map(|n| view! {
                        <li><span class="vlak-kleur klasse-gekozen" aria-hidden="true"></span>{n}</li>
                    })}
                </ul>
                <p class="kaart-bron">{map::CREDIT}</p>
                <p class="visueel-verborgen" id=sentence_id>{view.sentence.clone()}</p>
            </figcaption>
        </figure>
    }
}

/// The choice of measure on the map (`maat`), when the table has several.
#[component]
pub fn MapChoice(links: Vec<NavLink>) -> impl IntoView {
    (!links.is_empty()).then(|| {
        view! {
            <nav class="keuze kaart-maat" aria-label="Welk cijfer op de kaart">
                {links.into_iter().map(|l| view! { <NavItem link=l/> }).collect::<Vec<_>>()}
            </nav>
        }
    })
}

/// The CSS class of a class colour (`klasse-0` … `klasse-3` in `style/main.css`).
fn colour_index(colour: &str) -> usize {
    crate::core::present::charts::map::CLASS_COLOURS.iter().position(|c| *c == colour).unwrap_or(0)
}
