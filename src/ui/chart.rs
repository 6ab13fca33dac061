//! A chart on the page: one ECharts instance per container, created when the container is
//! mounted and disposed when it is removed, so navigation leaks nothing.

use super::echarts::{self, ChartHandle, Renderer};
use leptos::prelude::*;

#[component]
pub fn ChartView(
    /// The chart options as JSON (from `core::charts::to_json`).
    option: String,
    height: u32,
    /// Short accessible name of the chart.
    label: String,
    /// Id of the element with the text summary.
    described_by: String,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    let handle: StoredValue<Option<ChartHandle>, LocalStorage> = StoredValue::new_local(None);
    let (failed, set_failed) = signal(false);
    let alive = StoredValue::new(true);
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        let option = option.clone();
        leptos::task::spawn_local(async move {
            let drawn = match echarts::load().await {
                // The view may have changed while ECharts was loading.
                Ok(()) if !alive.try_get_value().unwrap_or(false) => return,
                Ok(()) => echarts::draw(&el, Renderer::Canvas, height, &option),
                Err(e) => Err(e),
            };
            match drawn {
                Ok(h) => {
                    handle.try_set_value(Some(h));
                }
                Err(e) => {
                    leptos::logging::warn!("grafiek niet getekend: {e}");
                    set_failed.try_set(true);
                }
            }
        });
    });
    on_cleanup(move || {
        alive.set_value(false);
        if let Some(Some(h)) = handle.try_get_value() {
            h.dispose();
        }
    });
    view! {
        <figure class="grafiek-kader">
            <div class="grafiek" node_ref=node role="img" aria-label=label aria-describedby=described_by></div>
            <Show when=move || failed.get()>
                <p class="melding">"De grafiek kan niet worden getoond. De tabel hieronder bevat dezelfde cijfers."</p>
            </Show>
        </figure>
    }
}
