//! The small binding to our own ECharts bundle (`scripts/echarts-entry.js`, `window.msdCharts`):
//! init, setOption without merging, resize, dispose and export — what charming's renderer lacks.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// Defined in `public/loader.js`: runs ECharts' first bundle once (index.html preloads it).
    #[wasm_bindgen(js_name = msdLoadCharts, catch)]
    fn js_load() -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_namespace = msdCharts, js_name = init, catch)]
    fn js_init(el: &web_sys::HtmlElement, renderer: &str, height: u32) -> Result<JsValue, JsValue>;
    /// Returns a promise of whether the option was rendered (`finished`); it never rejects.
    #[wasm_bindgen(js_namespace = msdCharts, js_name = setOption, catch)]
    fn js_set_option(chart: &JsValue, json: &str) -> Result<js_sys::Promise, JsValue>;
    /// Resolves in the frame after the chart was first rendered (or after 3 s).
    #[wasm_bindgen(js_namespace = msdCharts, js_name = painted, catch)]
    fn js_painted(chart: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_namespace = msdCharts, js_name = dispose, catch)]
    fn js_dispose(chart: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(js_namespace = msdCharts, js_name = exportImage, catch)]
    fn js_export_image(spec: &str, kind: &str) -> Result<JsValue, JsValue>;
}

/// One chart on the page: the binding's handle (`Chart` in `scripts/echarts-entry.js`), which makes
/// the ECharts instance once the parts its option needs are registered, and makes it again when a
/// later option needs parts loaded after it (issue 21). Dispose it when its container goes away.
#[derive(Clone)]
pub struct ChartHandle(JsValue);

/// The binding's answer to one `setOption`: whether ECharts finished rendering that option.
pub struct Rendered(Option<js_sys::Promise>);

impl Rendered {
    /// True once the option is on screen; false if it never will be (not drawn, disposed).
    pub async fn wait(self) -> bool {
        match self.0 {
            Some(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok_and(|v| v.is_truthy()),
            None => false,
        }
    }
}

/// Canvas (on the page) or SVG.
#[derive(Clone, Copy)]
pub enum Renderer {
    Canvas,
    #[allow(dead_code)]
    Svg,
}

/// Makes sure ECharts' first bundle has run (the parts an option needs beyond it load in
/// `setOption`, see `scripts/echarts-entry.js`).
pub async fn load() -> Result<(), String> {
    let promise = js_load().map_err(|e| format!("{e:?}"))?;
    wasm_bindgen_futures::JsFuture::from(promise).await.map(|_| ()).map_err(|e| format!("{e:?}"))
}

/// Creates the chart in `el` and draws `option_json`. An error (e.g. the ECharts file did not
/// load) is returned, so the page can say so while the table still shows the figures.
pub fn draw(
    el: &web_sys::HtmlElement,
    renderer: Renderer,
    height: u32,
    option_json: &str,
) -> Result<(ChartHandle, Rendered), String> {
    let kind = match renderer {
        Renderer::Canvas => "canvas",
        Renderer::Svg => "svg",
    };
    let chart = js_init(el, kind, height).map_err(|e| format!("{e:?}"))?;
    let rendered = js_set_option(&chart, option_json).map_err(|e| format!("{e:?}"))?;
    Ok((ChartHandle(chart), Rendered(Some(rendered))))
}

impl ChartHandle {
    /// Draws a new option in the same instance (ECharts' `setOption` without merging); the
    /// container takes the new height and the chart's resize observer follows it.
    pub fn update(&self, el: &web_sys::HtmlElement, height: u32, option_json: &str) -> Rendered {
        el.style().set_property("height", &format!("{height}px")).ok();
        match js_set_option(&self.0, option_json) {
            Ok(p) => Rendered(Some(p)),
            Err(e) => {
                leptos::logging::warn!("grafiek niet bijgewerkt: {e:?}");
                Rendered(None)
            }
        }
    }

    /// Waits until the chart is on screen (at most 3 s; at once if the binding cannot say).
    pub async fn painted(&self) {
        if let Ok(promise) = js_painted(&self.0) {
            wasm_bindgen_futures::JsFuture::from(promise).await.ok();
        }
    }

    pub fn dispose(&self) {
        js_dispose(&self.0).ok();
    }
}

/// A chart image that stands on its own (`spec` from `core::image::spec`) as a `data:` URL,
/// `png` or `svg`, for downloads. Loads ECharts first if needed; the binding may answer with the
/// URL or with a promise of it (when it first loads the parts that draw images).
pub async fn export_image(spec: &str, kind: &str) -> Result<String, String> {
    load().await?;
    let answer = js_export_image(spec, kind).map_err(|e| format!("{e:?}"))?;
    let url = match answer.dyn_ref::<js_sys::Promise>() {
        Some(p) => wasm_bindgen_futures::JsFuture::from(p.clone()).await.map_err(|e| format!("{e:?}"))?,
        None => answer,
    };
    url.as_string().ok_or_else(|| "geen afbeelding".to_owned())
}
