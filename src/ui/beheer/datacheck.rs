//! The data check page (`beheer.html?pagina=datacheck`, linked from the docs, not from the public
//! navigation): a policy officer drops a CSV or JSON file; it is checked in the browser with the
//! same validator the monitor uses, every problem is listed with row and column, and the
//! converted JSON can be downloaded for the `data/` folder.

use crate::core::pages::datacheck::{check, Outcome};
use crate::ui::download;
use crate::ui::store::use_store;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Reads a File's bytes.
async fn bytes_of(file: &web_sys::File) -> Option<Vec<u8>> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

#[component]
pub fn DataCheckPage() -> impl IntoView {
    let manifest = use_store().manifest();
    let (outcome, set_outcome) = signal(None::<Outcome>);
    let (busy, set_busy) = signal(false);
    let manifest = StoredValue::new(manifest);
    let handle = move |file: Option<web_sys::File>| {
        let Some(file) = file else { return };
        let manifest = manifest.get_value();
        set_busy.set(true);
        leptos::task::spawn_local(async move {
            let name = file.name();
            let bytes = bytes_of(&file).await;
            let result = check(&manifest, &name, bytes.as_deref());
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
            {move || outcome.get().map(|o| { let heading = o.heading(); match o {
                Outcome::Problems { list, .. } => view! {
                    <section class="fout controle" aria-labelledby="controle-uitkomst">
                        <h2 id="controle-uitkomst">{heading}</h2>
                        <ol class="problemen">{list.into_iter().map(|p| view! { <li>{p}</li> }).collect::<Vec<_>>()}</ol>
                    </section>
                }.into_any(),
                Outcome::Good { summary, json, manifest_entry, .. } => {
                    let download_button = json.map(|(name, body)| {
                        let label = format!("Download {name}");
                        view! { <button type="button" on:click=move |_| { let _ = download::save_text(&name, "application/json", &body); }>{label}</button> }
                    });
                    view! {
                        <section class="goed controle" aria-labelledby="controle-uitkomst">
                            <h2 id="controle-uitkomst">{heading}</h2>
                            <p>{summary}</p>
                            {download_button}
                            <p>"Zet het bestand in de map "<code>"data"</code>" en voeg deze regel toe aan "<code>"datasets"</code>" in "<code>"data/manifest.json"</code>":"</p>
                            <pre><code>{manifest_entry}</code></pre>
                        </section>
                    }.into_any()
                }
            }})}
        </div>
    }
}
