//! The data check page's outcome: a dropped CSV or JSON file checked with the same validator the
//! monitor uses, every problem listed, and (for a CSV) the converted JSON with its manifest line.

use crate::core::model::Manifest;
use crate::core::problem::Problem;
use crate::core::{csv_import, json, validate};

/// The outcome of checking one file.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Problems {
        file: String,
        list: Vec<String>,
    },
    Good {
        file: String,
        summary: String,
        /// The converted file (name, JSON) to download; none for a JSON file that is fine as it is.
        json: Option<(String, String)>,
        manifest_entry: String,
    },
}

impl Outcome {
    /// The heading of the outcome.
    pub fn heading(&self) -> String {
        match self {
            Outcome::Problems { file, list } => {
                format!("{file}: {} {}", list.len(), if list.len() == 1 { "probleem" } else { "problemen" })
            }
            Outcome::Good { file, .. } => format!("{file}: geen problemen gevonden"),
        }
    }
}

/// Checks a file by its name and bytes (`None` when the browser could not read it).
pub fn check(manifest: &Manifest, name: &str, bytes: Option<&[u8]>) -> Outcome {
    let problem = |text: &str| Outcome::Problems { file: name.to_owned(), list: vec![text.to_owned()] };
    let Some(bytes) = bytes else { return problem("Het bestand kon niet worden gelezen.") };
    if bytes.len() > json::MAX_FILE_BYTES {
        return problem("Het bestand is groter dan 8 MB; splits het in meer tabellen.");
    }
    let lower = name.to_lowercase();
    if lower.ends_with(".json") {
        let text = String::from_utf8_lossy(bytes);
        return match validate::dataset_file(name, &text, manifest) {
            Ok(ds) => {
                let values: usize = ds.tables.iter().map(|t| t.values.len()).sum();
                let themes: Vec<&str> = ds.tables.iter().map(|t| t.theme.id()).collect();
                Outcome::Good {
                    file: name.to_owned(),
                    summary: format!(
                        "{} tabel(len) met {values} waarden. Het bestand kan zo in de map data.",
                        ds.tables.len()
                    ),
                    json: None,
                    manifest_entry: manifest_entry(name, &ds.region, &themes),
                }
            }
            Err(p) => Outcome::Problems { file: name.to_owned(), list: p.iter().map(Problem::to_string).collect() },
        };
    }
    if lower.ends_with(".csv") || lower.ends_with(".txt") {
        let text = csv_import::decode_bytes(bytes);
        return match csv_import::convert(name, &text, manifest) {
            Ok(table) => {
                let region = csv_import::guess_region(&table, manifest).unwrap_or_else(|| "REGIO".into());
                let out_name = format!("{region}-{}.json", table.id);
                let json = csv_import::to_dataset_json(&table, &region);
                Outcome::Good {
                    file: name.to_owned(),
                    summary: format!(
                        "\u{201c}{}\u{201d}: {} waarden, omgezet naar {out_name}.",
                        table.title,
                        table.values.len()
                    ),
                    manifest_entry: manifest_entry(&out_name, &region, &[table.theme.id()]),
                    json: Some((out_name, json)),
                }
            }
            Err(p) => Outcome::Problems { file: name.to_owned(), list: p.iter().map(Problem::without_file).collect() },
        };
    }
    problem(
        "Dit is geen CSV- of JSON-bestand. Sla het werkblad in Excel op als \"CSV UTF-8 (door komma's gescheiden)\".",
    )
}

/// The line to add to `datasets` in `data/manifest.json`.
pub fn manifest_entry(file: &str, region: &str, themes: &[&str]) -> String {
    let mut themes: Vec<&str> = themes.to_vec();
    themes.dedup();
    format!(
        "{{ \"file\": \"{file}\", \"region\": \"{region}\", \"themes\": [{}] }}",
        themes.iter().map(|x| format!("\"{x}\"")).collect::<Vec<_>>().join(", ")
    )
}
