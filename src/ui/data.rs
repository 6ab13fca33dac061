//! Loading the monitor's data files at run time, relative to the page (so any sub-folder works),
//! and validating them with the same core validator that `msd-check` uses.

use crate::core::model::{Dataset, Manifest, Theme};
use crate::core::problem::Problem;
use crate::core::validate;
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

async fn fetch_text(file: &str) -> Result<String, LoadError> {
    let fail = |reason: String| LoadError::Fetch { file: file.to_owned(), reason };
    let response = Request::get(&format!("{DATA_DIR}{file}"))
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

pub async fn manifest() -> Result<Manifest, LoadError> {
    let text = fetch_text("manifest.json").await?;
    validate::manifest_file("manifest.json", &text).map_err(LoadError::Invalid)
}

pub async fn dataset(manifest: &Manifest, file: &str) -> Result<Dataset, LoadError> {
    let text = fetch_text(file).await?;
    validate::dataset_file(file, &text, manifest).map_err(LoadError::Invalid)
}

/// Loads every dataset of a region (all regions when `None`) that holds tables of `theme` (all
/// themes when `None`).
pub async fn datasets(manifest: &Manifest, region: Option<&str>, theme: Option<Theme>) -> Result<Vec<Dataset>, LoadError> {
    let mut out = Vec::new();
    for d in manifest.datasets.iter().filter(|d| region.is_none_or(|r| d.region == r) && theme.is_none_or(|t| d.themes.contains(&t))) {
        out.push(dataset(manifest, &d.file).await?);
    }
    Ok(out)
}
