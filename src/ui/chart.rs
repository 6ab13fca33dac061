//! A chart on the page: one ECharts instance per container, created when the container is
//! mounted, given each new option with `setOption` while it stays (a new gemeente or period
//! keeps the instance), and disposed only when the container is removed, so navigation leaks
//! nothing.
//!
//! The container carries `data-getekend="ja"` once ECharts has finished rendering its current
//! option (the attribute goes when a new option is given), so tests and tools wait on the
//! chart itself instead of on a clock.

use super::echarts::{self, ChartHandle, Rendered, Renderer};
use crate::core::pages::indicator::ChartModel;
use leptos::prelude::*;

/// Whether a chart is on screen (or failed to draw) since the page was opened. Code that can
/// wait (an indicator's downloads and embed code, `lazy::LazyShare`) waits for it, so its chunk
/// does not compete with the first chart for a phone's bandwidth (issue 12). Provided by the
/// shell.
#[derive(Clone, Copy)]
pub struct ChartsDrawn(RwSignal<bool>);

impl ChartsDrawn {
    pub fn provide() {
        provide_context(ChartsDrawn(RwSignal::new(false)));
    }

    /// True once a chart was painted (or failed to draw); always true where the shell did not
    /// provide the flag (the council page).
    pub fn get() -> bool {
        use_context::<ChartsDrawn>().is_none_or(|d| d.0.get())
    }
}

/// The attribute on a chart's container that says its current option is on screen.
const PAINTED: &str = "data-getekend";

/// A new option is being drawn in `el`: the container is no longer marked as painted, and is
/// marked again when ECharts has finished rendering this option, unless a newer one came first.
fn mark_when_rendered(el: &web_sys::HtmlElement, generation: StoredValue<u32>) -> impl FnOnce(Rendered) {
    el.remove_attribute(PAINTED).ok();
    let current = generation.get_value().wrapping_add(1);
    generation.set_value(current);
    let el = el.clone();
    move |rendered| {
        leptos::task::spawn_local(async move {
            if rendered.wait().await && generation.try_get_value() == Some(current) {
                el.set_attribute(PAINTED, "ja").ok();
            }
        });
    }
}

#[component]
pub fn ChartView(
    /// The option (from `core::present::charts::draw`), height and accessible name.
    chart: Memo<ChartModel>,
    /// Id of the element with the text summary.
    described_by: Memo<String>,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    let handle: StoredValue<Option<ChartHandle>, LocalStorage> = StoredValue::new_local(None);
    let (failed, set_failed) = signal(false);
    let alive = StoredValue::new(true);
    let started = StoredValue::new(false);
    let drawn_flag = use_context::<ChartsDrawn>();
    let generation = StoredValue::new(0u32);
    Effect::new(move |_| {
        let spec = chart.get();
        let Some(el) = node.get() else { return };
        if let Some(Some(h)) = handle.try_get_value() {
            let mark = mark_when_rendered(&el, generation);
            mark(h.update(&el, spec.height, &spec.option));
            return;
        }
        if started.get_value() {
            // ECharts is still loading; the draw below reads the newest option.
            return;
        }
        started.set_value(true);
        leptos::task::spawn_local(async move {
            let drawn = match echarts::load().await {
                // The view may have changed while ECharts was loading.
                Ok(()) if !alive.try_get_value().unwrap_or(false) => return,
                Ok(()) => match chart.try_get_untracked() {
                    Some(spec) => {
                        let mark = mark_when_rendered(&el, generation);
                        echarts::draw(&el, Renderer::Canvas, spec.height, &spec.option).map(|(h, rendered)| {
                            mark(rendered);
                            h
                        })
                    }
                    None => return,
                },
                Err(e) => Err(e),
            };
            match drawn {
                Ok(h) => {
                    handle.try_set_value(Some(h.clone()));
                    // Only the page's first chart is waited for; later ones find the flag set.
                    if let Some(ChartsDrawn(flag)) = drawn_flag.filter(|d| d.0.try_get_untracked() == Some(false)) {
                        h.painted().await;
                        flag.try_set(true);
                    }
                }
                Err(e) => {
                    leptos::logging::warn!("grafiek niet getekend: {e}");
                    set_failed.try_set(true);
                    if let Some(ChartsDrawn(flag)) = drawn_flag {
                        flag.try_set(true);
                    }
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
            <div class="grafiek" node_ref=node role="img" aria-label=move || chart.with(|c| c.label.clone()) aria-describedby=described_by></div>
            <Show when=move || failed.get()>
                <p class="melding">"De grafiek kan niet worden getoond. De tabel hieronder bevat dezelfde cijfers."</p>
            </Show>
        </figure>
    }
}
