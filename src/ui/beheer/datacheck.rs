//! The data check page (`beheer.html?pagina=datacheck`, linked from the docs, not from the public
//! navigation): a policy officer drops a CSV or JSON file; it is checked in the browser with the
//! same validator the monitor uses, every problem is listed with row and column, and the
//! converted JSON can be downloaded for the `data/` folder.

use crate::core::model::Manifest;
use crate::core::problem::Problem;
use crate::core::{csv_import, validate};
use crate::ui::download;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The outcome of checking one file.
#[derive(Clone)]
enum Outcome {
    Problems { file: String, list: Vec<String> },
    Good { file: String, summary: String, json: Option<(String, String)>, manifest_entry: String },
}

fn check(manifest: &Manifest, name: &str, bytes: &[u8]) -> Outcome {
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
                    manifest_entry: entry(name, &ds.region, &themes),
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
                    manifest_entry: entry(&out_name, &region, &[table.theme.id()]),
                    json: Some((out_name, json)),
                }
            }
            Err(p) => Outcome::Problems { file: name.to_owned(), list: p.iter().map(csv_import::describe).collect() },
        };
    }
    Outcome::Problems { file: name.to_owned(), list: vec!["Dit is geen CSV- of JSON-bestand. Sla het werkblad in Excel op als \"CSV UTF-8 (door komma's gescheiden)\".".into()] }
}

fn entry(file: &str, region: &str, themes: &[&str]) -> String {
    let mut t: Vec<&str> = themes.to_vec();
    t.dedup();
    format!(
        "{{ \"file\": \"{file}\", \"region\": \"{region}\", \"themes\": [{}] }}",
        t.iter().map(|x| format!("\"{x}\"")).collect::<Vec<_>>().join(", ")
    )
}

/// Reads a File's bytes.
async fn bytes_of(file: &web_sys::File) -> Option<Vec<u8>> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

#[component]
pub fn DataCheckPage(manifest: Manifest) -> impl IntoView {
    let (outcome, set_outcome) = signal(None::<Outcome>);
    let (busy, set_busy) = signal(false);
    let manifest = StoredValue::new(manifest);
    let handle = move |file: Option<web_sys::File>| {
        let Some(file) = file else { return };
        let manifest = manifest.get_value();
        set_busy.set(true);
        leptos::task::spawn_local(async move {
            let name = file.name();
            let result = match bytes_of(&file).await {
                Some(b) if b.len() <= crate::core::json::MAX_FILE_BYTES => check(&manifest, &name, &b),
                Some(_) => Outcome::Problems {
                    file: name,
                    list: vec!["Het bestand is groter dan 8 MB; splits het in meer tabellen.".into()],
                },
                None => Outcome::Problems { file: name, list: vec!["Het bestand kon niet worden gelezen.".into()] },
            };
            set_outcome.set(Some(result));
            set_busy.set(false);
        });
    };
    let on_change = move |e: ev::Event| {
        let input = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        handle(input.and_then(|i| i.files()).and_then(|f| f.get(0)));
    };
    let on_drop = move |e: ev::DragEvent| {
        e.prevent_default();
        handle(e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)));
    };
    view! {
        <h1>"Gegevenscontrole"</h1>
        <p>"Controleer een ingevuld sjabloon (CSV) of een gegevensbestand (JSON) voordat u het in de map "<code>"data"</code>" zet. "
           "Het bestand blijft op uw computer: het wordt in deze browser gecontroleerd en nergens naartoe gestuurd."</p>
        <p>"Sjablonen: "<a href="sjablonen/per-gebied.csv" download>"per gebied (CSV)"</a>" en "<a href="sjablonen/per-jaar.csv" download>"per jaar (CSV)"</a>"."</p>
        <div class="sleepvak" on:dragover=move |e: ev::DragEvent| e.prevent_default() on:drop=on_drop>
            <label for="bestand">"Kies een bestand (CSV of JSON), of sleep het hierheen"</label>
            <input type="file" id="bestand" accept=".csv,.json,text/csv,application/json" on:change=on_change/>
        </div>
        <div aria-live="polite">
            {move || busy.get().then(|| view! { <p role="status">"Bezig met controleren…"</p> })}
            {move || outcome.get().map(|o| match o {
                Outcome::Problems { file, list } => view! {
                    <section class="fout controle" aria-labelledby="controle-uitkomst">
                        <h2 id="controle-uitkomst">{format!("{file}: {} {}", list.len(), if list.len() == 1 { "probleem" } else { "problemen" })}</h2>
                        <ol class="problemen">{list.into_iter().map(|p| view! { <li>{p}</li> }).collect::<Vec<_>>()}</ol>
                    </section>
                }.into_any(),
                Outcome::Good { file, summary, json, manifest_entry } => {
                    let download_button = json.map(|(name, body)| {
                        let label = format!("Download {name}");
                        view! { <button type="button" on:click=move |_| { let _ = download::save_text(&name, "application/json", &body); }>{label}</button> }
                    });
                    view! {
                        <section class="goed controle" aria-labelledby="controle-uitkomst">
                            <h2 id="controle-uitkomst">{format!("{file}: geen problemen gevonden")}</h2>
                            <p>{summary}</p>
                            {download_button}
                            <p>"Zet het bestand in de map "<code>"data"</code>" en voeg deze regel toe aan "<code>"datasets"</code>" in "<code>"data/manifest.json"</code>":"</p>
                            <pre><code>{manifest_entry}</code></pre>
                        </section>
                    }.into_any()
                }
            })}
        </div>
    }
}
