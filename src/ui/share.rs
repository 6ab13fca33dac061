//! Downloads (CSV, JSON, PNG, SVG) of exactly what a view shows, and the embed snippet.

use super::download;
use super::echarts;
use crate::core::export;
use crate::core::grid::Grid;
use crate::core::model::{Manifest, Table};
use crate::core::view::ViewState;
use leptos::prelude::*;

/// The monitor's own address (without query), from the page the reader is on.
fn here() -> (String, String) {
    let location = web_sys::window().map(|w| w.location());
    let origin = location.as_ref().and_then(|l| l.origin().ok()).unwrap_or_default();
    let path = location.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_else(|| "/".into());
    let folder = path.rsplit_once('/').map_or("/".to_owned(), |(d, _)| format!("{d}/"));
    (format!("{origin}{path}"), format!("{origin}{folder}"))
}

/// Where and when a download is made: the view's address (never the embed) and today's date.
pub fn provenance(state: &ViewState) -> export::Provenance {
    let url = format!("{}{}", here().0, ViewState { embed: false, ..state.clone() }.href());
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    export::Provenance { url, date: iso.chars().take(10).collect() }
}

/// The `<iframe>` snippet for a view: auto-height through embed.js, a fixed height without it,
/// and a plain link for readers without iframes.
pub fn snippet(state: &ViewState, title: &str) -> String {
    let (page, folder) = here();
    let embed = ViewState { embed: true, ..state.clone() };
    let full = ViewState { embed: false, ..state.clone() };
    let title_attr = title.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    let title_text = title.replace('&', "&amp;").replace('<', "&lt;");
    format!(
        "<iframe src=\"{page}{}\" title=\"{title_attr}\" width=\"100%\" height=\"640\" loading=\"lazy\" style=\"border:0;max-width:100%\"></iframe>\n\
         <script src=\"{folder}embed.js\" async></script>\n\
         <p><a href=\"{page}{}\">{title_text} — Monitor Sociaal Domein</a></p>",
        embed.href().replace('&', "&amp;"),
        full.href().replace('&', "&amp;"),
    )
}

#[component]
pub fn Downloads(
    table: Table,
    grid: Grid,
    manifest: Manifest,
    state: ViewState,
    option: String,
    chart_height: u32,
    place: String,
) -> impl IntoView {
    let (status, set_status) = signal(String::new());
    let (csv_name, json_name) = (export::file_name(&grid, &place, "csv"), export::file_name(&grid, &place, "json"));
    let (png_name, svg_name) = (export::file_name(&grid, &place, "png"), export::file_name(&grid, &place, "svg"));
    let provenance = provenance(&state);
    let csv = export::csv(&grid, &table, &manifest, &provenance);
    let json = export::json(&grid, &table, &manifest, &provenance);
    let spec = crate::core::image::spec(&grid, &table, &manifest, &option, chart_height, &place, &provenance);
    let image = move |kind: &'static str, name: String| {
        let spec = spec.clone();
        leptos::task::spawn_local(async move {
            match echarts::export_image(&spec, kind).await.and_then(|u| download::save_url(&name, &u)) {
                Ok(()) => set_status.set(format!("{name} is gedownload.")),
                Err(_) => set_status.set("Het plaatje kon niet worden gemaakt. De CSV bevat dezelfde cijfers.".into()),
            }
        });
    };
    let image_png = image.clone();
    let text = move |name: String, mime: &'static str, body: String| {
        let result = download::save_text(&name, mime, &body);
        set_status.set(if result.is_ok() { format!("{name} is gedownload.") } else { "Downloaden lukte niet.".into() });
    };
    let text_json = text;
    view! {
        <section class="downloads" aria-label="Downloaden">
            <h3>"Download wat u ziet"</h3>
            <div class="knoppen">
                <button type="button" on:click=move |_| text(csv_name.clone(), "text/csv;charset=utf-8", csv.clone())>"CSV (Excel)"</button>
                <button type="button" on:click=move |_| text_json(json_name.clone(), "application/json", json.clone())>"JSON"</button>
                <button type="button" on:click=move |_| image_png("png", png_name.clone())>"Afbeelding (PNG)"</button>
                <button type="button" on:click=move |_| image("svg", svg_name.clone())>"Afbeelding (SVG)"</button>
            </div>
            <p class="klein" role="status">{move || status.get()}</p>
        </section>
    }
}

#[component]
pub fn EmbedCode(state: ViewState, title: String) -> impl IntoView {
    let code = snippet(&state, &title);
    let area = NodeRef::<leptos::html::Textarea>::new();
    let (copied, set_copied) = signal(false);
    let id = format!("insluitcode-{}", state.indicator.clone().unwrap_or_default());
    let label_for = id.clone();
    let to_copy = code.clone();
    view! {
        <details class="insluiten">
            <summary>"Insluiten op uw website"</summary>
            <p>"Plak deze code in uw artikel of pagina. De grafiek past zich aan de ruimte aan; zonder het script krijgt hij een vaste hoogte. Er worden geen cookies geplaatst en niets gevolgd."</p>
            <label for=label_for>"Code om in te sluiten"</label>
            <textarea id=id node_ref=area readonly rows="6">{code}</textarea>
            <button type="button" on:click=move |_| { download::copy(&to_copy, area.get()); set_copied.set(true); }>"Kopieer de code"</button>
            <span role="status" class="klein">{move || if copied.get() { " Gekopieerd." } else { "" }}</span>
        </details>
    }
}
