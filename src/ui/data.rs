//! Loading the monitor's data files at run time, relative to the page (so any sub-folder works),
//! and validating them with the same core validator that `msd-check` uses. The store
//! (`store.rs`) decides when a file is fetched; this module only fetches and validates.

use crate::core::check::tolerant;
use crate::core::model::problem::Skipped;
use crate::core::model::problem::{Problem, Problems};
use crate::core::model::{Dataset, Manifest};
use crate::core::read::config::{self, Config};
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
}

impl LoadError {
    pub fn title(&self) -> String {
        match self {
            LoadError::Fetch { file, .. } => format!("Het gegevensbestand {file} kon niet worden geladen."),
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
            LoadError::Invalid(p) => p.iter().take(20).map(|x| x.to_string()).collect(),
        }
    }
}

/// A response `public/loader.js` asked for before the app started (`window.msdPrefetch`, keyed
/// by path), taken once: `None` when there is none, `Some(None)` when it was not a 200.
async fn prefetched(path: &str) -> Option<Option<String>> {
    use wasm_bindgen::JsCast;
    let map = js_sys::Reflect::get(&web_sys::window()?.into(), &"msdPrefetch".into())
        .ok()?
        .dyn_into::<js_sys::Object>()
        .ok()?;
    let key = wasm_bindgen::JsValue::from_str(path);
    let promise = js_sys::Reflect::get(&map, &key).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    js_sys::Reflect::delete_property(&map, &key).ok();
    Some(wasm_bindgen_futures::JsFuture::from(promise).await.ok().and_then(|v| v.as_string()))
}

async fn fetch_text(file: &str) -> Result<String, LoadError> {
    let path = format!("{DATA_DIR}{file}");
    // The loader's head start; when it failed, fetch again for the exact reason.
    if let Some(Some(text)) = prefetched(&path).await {
        return Ok(text);
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
    response.text().await.map_err(|_| fail("Het bestand kon niet worden gelezen.".into()))
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
        Some(Some(text)) => Some(text),
        // The loader asked already: no config.json (or none readable) means the defaults.
        Some(None) => return (Config::default(), Vec::new()),
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
