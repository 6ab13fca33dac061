//! Saving a file in the browser (CSV, JSON, PNG, SVG) and copying text, without any server.

use wasm_bindgen::JsCast;

/// Offers `text` as a download named `name`.
pub fn save_text(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let result = save_url(name, &url);
    web_sys::Url::revoke_object_url(&url).ok();
    result
}

/// Offers a `data:` or `blob:` URL as a download named `name`.
pub fn save_url(name: &str, url: &str) -> Result<(), String> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("geen document")?;
    let a: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(|e| format!("{e:?}"))?.dyn_into().map_err(|_| "geen link")?;
    a.set_href(url);
    a.set_download(name);
    a.set_hidden(true);
    let body = document.body().ok_or("geen body")?;
    body.append_child(&a).map_err(|e| format!("{e:?}"))?;
    a.click();
    a.remove();
    Ok(())
}

/// Copies text to the clipboard; falls back to selecting the text area for Ctrl+C.
pub fn copy(text: &str, fallback: Option<web_sys::HtmlTextAreaElement>) {
    let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
    match clipboard {
        Some(c) => {
            let _ = c.write_text(text);
        }
        None => {
            if let Some(t) = fallback {
                t.select();
            }
        }
    }
}
