//! Downloads (CSV, JSON, PNG, SVG) of exactly what a view shows, and the embed snippet.

use super::download;
use super::echarts;
use super::store::{use_store, TableRef};
use crate::core::model::view_state::ViewState;
use crate::core::pages::indicator::{self, IndicatorModel};
use crate::core::present::export;
use leptos::prelude::*;

/// Where and when a download is made: the view's address (never the embed) and today's date.
pub fn provenance(state: &ViewState) -> export::Provenance {
    let url = super::address::absolute(&ViewState { embed: false, ..state.clone() }.href());
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    export::Provenance { url, date: iso.chars().take(10).collect() }
}

/// The `<iframe>` snippet for a view: auto-height through embed.js, a fixed height without it,
/// and a plain link for readers without iframes.
pub fn snippet(state: &ViewState, title: &str, height: u32) -> String {
    let folder = super::address::root();
    let embed = ViewState { embed: true, ..state.clone() };
    let full = ViewState { embed: false, ..state.clone() };
    let title_attr = title.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    let title_text = title.replace('&', "&amp;").replace('<', "&lt;");
    format!(
        "<iframe src=\"{folder}{}\" title=\"{title_attr}\" width=\"100%\" height=\"{height}\" loading=\"lazy\" style=\"border:0;max-width:100%\"></iframe>\n\
         <script src=\"{folder}embed.js\" async></script>\n\
         <p><a href=\"{folder}{}\">{title_text} — Monitor Sociaal Domein</a></p>",
        embed.href().replace('&', "&amp;"),
        full.href().replace('&', "&amp;"),
    )
}

/// "Download wat u ziet": the files are made on click, from the model the view shows then.
#[component]
pub fn Downloads(table: TableRef, model: Memo<IndicatorModel>) -> impl IntoView {
    let store = use_store();
    let manifest = store.manifest();
    let (status, set_status) = signal(String::new());
    // Made on click: the address of the view then, and the date of the download.
    let files = move || {
        let provenance = provenance(&model.with_untracked(|m| ViewState::parse_href(&m.full_view)));
        model.with_untracked(|m| indicator::downloads(m, &table, &manifest, &provenance))
    };
    let files = StoredValue::new(files);
    let image = move |kind: &'static str| {
        let made = files.with_value(|f| f());
        let name = if kind == "png" { made.png_name } else { made.svg_name };
        leptos::task::spawn_local(async move {
            match echarts::export_image(&made.image, kind).await.and_then(|u| download::save_url(&name, &u)) {
                Ok(()) => set_status.set(format!("{name} is gedownload.")),
                Err(_) => set_status.set("Het plaatje kon niet worden gemaakt. De CSV bevat dezelfde cijfers.".into()),
            }
        });
    };
    let text = move |csv: bool| {
        let made = files.with_value(|f| f());
        let (name, mime, body) = if csv {
            (made.csv_name, "text/csv;charset=utf-8", made.csv)
        } else {
            (made.json_name, "application/json", made.json)
        };
        let result = download::save_text(&name, mime, &body);
        set_status.set(if result.is_ok() { format!("{name} is gedownload.") } else { "Downloaden lukte niet.".into() });
    };
    view! {
        <section class="downloads" aria-label="Downloaden">
            <h3>"Download wat u ziet"</h3>
            <div class="knoppen">
                <button type="button" on:click=move |_| text(true)>"CSV (Excel)"</button>
                <button type="button" on:click=move |_| text(false)>"JSON"</button>
                <button type="button" on:click=move |_| image("png")>"Afbeelding (PNG)"</button>
                <button type="button" on:click=move |_| image("svg")>"Afbeelding (SVG)"</button>
            </div>
            <p class="klein" role="status">{move || status.get()}</p>
        </section>
    }
}

/// The embed snippet of the view, kept up to date with the view state.
#[component]
pub fn EmbedCode(
    state: Memo<ViewState>,
    title: String,
    /// The fixed height for sites without embed.js (`core::embed::frame_height`).
    height: Memo<u32>,
) -> impl IntoView {
    let area = NodeRef::<leptos::html::Textarea>::new();
    let (copied, set_copied) = signal(false);
    let code = Memo::new(move |_| state.with(|s| snippet(s, &title, height.get())));
    let id = format!("insluitcode-{}", state.with_untracked(|s| s.indicator.clone().unwrap_or_default()));
    let label_for = id.clone();
    view! {
        <details class="insluiten">
            <summary>"Insluiten op uw website"</summary>
            <p>"Plak deze code in uw artikel of pagina. U krijgt een compacte grafiek met titel, bron, licentie (CC BY 4.0) en een link naar de tabel en de downloads. De hoogte past zich aan de ruimte aan; zonder het script krijgt hij een vaste hoogte waarin grafiek en bron passen. Er worden geen cookies geplaatst en niets gevolgd."</p>
            <label for=label_for>"Code om in te sluiten"</label>
            <textarea id=id node_ref=area readonly rows="6" prop:value=move || code.get()>{code.get_untracked()}</textarea>
            <button type="button" on:click=move |_| { download::copy(&code.get_untracked(), area.get()); set_copied.set(true); }>"Kopieer de code"</button>
            <span role="status" class="klein">{move || if copied.get() { " Gekopieerd." } else { "" }}</span>
        </details>
    }
}
