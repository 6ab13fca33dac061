//! Loading the monitor's data files at run time, relative to the page (so any sub-folder works),
//! and validating them with the same core validator that `msd-check` uses. The store
//! (`store.rs`) decides when a file is fetched; this module only fetches and validates.

use crate::core::check::tolerant;
use crate::core::model::problem::Skipped;
use crate::core::model::problem::{Problem, Problems};
use crate::core::model::{Dataset, Manifest};
use crate::core::read::config::{self, Config};
use crate::core::read::json::MAX_FILE_BYTES;
use gloo_net::http::Request;

/// Where the data files live, relative to `index.html`.
pub const DATA_DIR: &str = "data/";

/// Why data could not be shown: the user reads this.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The file could not be fetched (network, 404, …).
    Fetch { file: String, reason: String },
    /// The file was fetched but is not valid data.
    Invalid(Vec<Problem>),
    /// The file is over the size limit and was not read whole (issue 25): `bytes` at least.
    TooLarge { file: String, bytes: usize },
}

impl LoadError {
    pub fn title(&self) -> String {
        match self {
            LoadError::Fetch { file, .. } => format!("Het gegevensbestand {file} kon niet worden geladen."),
            LoadError::TooLarge { .. } => "Een deel van de cijfers kan op deze website niet worden getoond.".into(),
            LoadError::Invalid(p) => format!(
                "Het gegevensbestand {} bevat {} {}.",
                p.first().map_or("", |x| x.file.as_str()),
                p.len(),
                if p.len() == 1 { "fout" } else { "fouten" }
            ),
        }
    }
    pub fn details(&self) -> Vec<String> {
        match self {
            LoadError::Fetch { reason, .. } => vec![reason.clone()],
            LoadError::TooLarge { .. } => {
                vec!["Een gegevensbestand is te groot om te laden; de beheerder van de website kan dat oplossen.".into()]
            }
            LoadError::Invalid(p) => p.iter().take(20).map(|x| x.to_string()).collect(),
        }
    }
}

/// What `public/loader.js` answered for a path (`window.msdPrefetch`, `window.msdHaal`).
enum Answer {
    Text(String),
    /// Not a 200, or no answer: fetch again for the exact reason.
    Failed,
    TooLarge(usize),
}

/// A JS answer: the text, `{ teGroot }` for a file over the limit, anything else a failure.
fn answer(value: wasm_bindgen::JsValue) -> Answer {
    if let Some(text) = value.as_string() {
        return Answer::Text(text);
    }
    match js_sys::Reflect::get(&value, &"teGroot".into()).ok().and_then(|v| v.as_f64()) {
        Some(bytes) if !value.is_null() => Answer::TooLarge(bytes as usize),
        _ => Answer::Failed,
    }
}

/// A response `public/loader.js` asked for before the app started (`window.msdPrefetch`, keyed
/// by path), taken once: `None` when there is none.
async fn prefetched(path: &str) -> Option<Answer> {
    use wasm_bindgen::JsCast;
    let map = js_sys::Reflect::get(&web_sys::window()?.into(), &"msdPrefetch".into())
        .ok()?
        .dyn_into::<js_sys::Object>()
        .ok()?;
    let key = wasm_bindgen::JsValue::from_str(path);
    let promise = js_sys::Reflect::get(&map, &key).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    js_sys::Reflect::delete_property(&map, &key).ok();
    Some(wasm_bindgen_futures::JsFuture::from(promise).await.map_or(Answer::Failed, answer))
}

/// The file through `window.msdHaal` (`public/loader.js`: stops reading at the size limit);
/// `None` when the page has no loader, or the loader got no answer.
async fn fetched_by_loader(path: &str) -> Option<Answer> {
    use wasm_bindgen::JsCast;
    let haal = js_sys::Reflect::get(&web_sys::window()?.into(), &"msdHaal".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let promise = haal.call1(&wasm_bindgen::JsValue::NULL, &path.into()).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .map(answer)
        .filter(|a| matches!(a, Answer::Text(_) | Answer::TooLarge(_)))
}

async fn fetch_text(file: &str) -> Result<String, LoadError> {
    let path = format!("{DATA_DIR}{file}");
    let too_large = |bytes| LoadError::TooLarge { file: file.to_owned(), bytes };
    // The loader's head start; when it failed, fetch again for the exact reason.
    match prefetched(&path).await {
        Some(Answer::Text(text)) => return Ok(text),
        Some(Answer::TooLarge(bytes)) => return Err(too_large(bytes)),
        _ => {}
    }
    match fetched_by_loader(&path).await {
        Some(Answer::Text(text)) => return check_size(file, text),
        Some(Answer::TooLarge(bytes)) => return Err(too_large(bytes)),
        _ => {}
    }
    let fail = |reason: String| LoadError::Fetch { file: file.to_owned(), reason };
    let response = Request::get(&path)
        .send()
        .await
        .map_err(|_| fail("Er is geen verbinding met de website, of het verzoek werd geblokkeerd.".into()))?;
    if !response.ok() {
        return Err(fail(match response.status() {
            404 => "Het bestand bestaat niet op deze website (404).".into(),
            s => format!("De website antwoordde met status {s}."),
        }));
    }
    let text = response.text().await.map_err(|_| fail("Het bestand kon niet worden gelezen.".into()))?;
    check_size(file, text)
}

fn check_size(file: &str, text: String) -> Result<String, LoadError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { file: file.to_owned(), bytes: text.len() });
    }
    Ok(text)
}

/// The manifest, entry by entry (issue 15): broken entries are left out and returned as
/// [`Skipped`] for the administrator notice, and a manifest that is not valid JSON gives an
/// empty manifest, so the branded site, the notice and the data check still work. Only a file
/// that cannot be fetched (network, 404) is an error: trying again may help then.
pub async fn manifest() -> Result<(Manifest, Vec<Skipped>), LoadError> {
    let text = fetch_text("manifest.json").await?;
    Ok(tolerant::manifest("manifest.json", &text))
}

/// A dataset file, table by table: the good tables, plus what was left out. A file that is not
/// a dataset at all is an error (its problems are the reason).
pub async fn dataset(manifest: &Manifest, file: &str) -> Result<(Dataset, Vec<Skipped>), LoadError> {
    let text = fetch_text(file).await?;
    match tolerant::dataset(file, &text, manifest) {
        (Some(ds), skipped) => Ok((ds, skipped)),
        (None, skipped) => Err(LoadError::Invalid(skipped.into_iter().flat_map(|s| s.problems).collect())),
    }
}

/// The council's `config.json` next to `index.html`. A missing file means the defaults; an
/// invalid one gives the defaults for what is wrong, plus the problems to show.
pub async fn config(manifest: &Manifest) -> (Config, Vec<Problem>) {
    let mut problems = Problems::new("config.json");
    let text = match prefetched("config.json").await {
        Some(Answer::Text(text)) => Some(text),
        // The loader asked already: no config.json (or none readable) means the defaults.
        Some(_) => return (Config::default(), Vec::new()),
        None => None,
    };
    if let Some(text) = text {
        let c = config::parse(&text, manifest, &mut problems);
        return (c, problems.list);
    }
    let response = match Request::get("config.json").send().await {
        Ok(r) if r.ok() => r,
        _ => return (Config::default(), Vec::new()),
    };
    match response.text().await {
        Ok(text) => {
            let c = config::parse(&text, manifest, &mut problems);
            (c, problems.list)
        }
        Err(_) => (Config::default(), Vec::new()),
    }
}

/// The text of a file in the data folder (the data check page reads the site's files as they are).
pub async fn text(file: &str) -> Result<String, LoadError> {
    fetch_text(file).await
}
