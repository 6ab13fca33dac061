//! The data check page's guided flow (issue 15): drop CSV files (and `manifest.json`,
//! `config.json` or data files to check them), add what is missing — areas, a region, a source —
//! and download the dataset files with the updated `manifest.json`. All logic is in
//! [`core::datacheck::Session`](crate::core::kit::datacheck::Session); this only renders it.

use crate::core::check::tolerant;
use crate::core::kit::datacheck::{Checked, InputKind, Session};
use crate::core::kit::register::Output;
use crate::core::kit::saved;
use crate::core::model::AreaKind;
use crate::ui::{data, download};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Loads the site's manifest and data files as they are now (entry by entry, so a broken file
/// does not stop the page) and starts a session on them.
async fn start() -> Session {
    let (manifest, _) = match data::text("manifest.json").await {
        Ok(text) => tolerant::manifest("manifest.json", &text),
        Err(_) => tolerant::manifest("manifest.json", ""),
    };
    let mut existing = Vec::new();
    for d in &manifest.datasets {
        if let Ok(text) = data::text(&d.file).await {
            if let (Some(ds), _) = tolerant::dataset(&d.file, &text, &manifest) {
                existing.push((d.file.clone(), ds));
            }
        }
    }
    Session::new(manifest, existing)
}

async fn bytes_of(file: &web_sys::File) -> Option<Vec<u8>> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn value(e: &ev::Event) -> String {
    e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default()
}

fn select_value(e: &ev::Event) -> String {
    e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|i| i.value()).unwrap_or_default()
}

/// A short message under a form: what went wrong, or what was added.
fn feedback(result: RwSignal<Option<Result<String, Vec<String>>>>) -> impl IntoView {
    move || {
        result.get().map(|r| match r {
            Ok(msg) => view! { <p class="goed" role="status">{msg}</p> }.into_any(),
            Err(list) => view! {
                <div class="fout" role="alert"><ul>{list.into_iter().map(|p| view! { <li>{p}</li> }).collect::<Vec<_>>()}</ul></div>
            }
            .into_any(),
        })
    }
}

/// The browser's local storage, if the page may use it.
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The site's session and, from the browser's storage, the officer's work of a previous visit
/// put back onto it (issue 27), with the sentence that says so.
async fn start_with_saved_work() -> (Session, Session, bool, Option<String>) {
    let site = start().await;
    let Some(text) = storage().and_then(|s| s.get_item(saved::KEY).ok().flatten()) else {
        return (site.clone(), site, false, None);
    };
    match saved::restore(&site, &text) {
        Ok(r) => (site, r.session, r.without_examples, Some(r.notice)),
        Err(sentence) => {
            if let Some(s) = storage() {
                let _ = s.remove_item(saved::KEY);
            }
            (site.clone(), site, false, Some(sentence))
        }
    }
}

#[component]
pub fn GuidedFlow() -> impl IntoView {
    let session = RwSignal::new(None::<Session>);
    let site = StoredValue::new(None::<Session>);
    let without_examples = RwSignal::new(false);
    let notice = RwSignal::new(None::<String>);
    leptos::task::spawn_local(async move {
        let (from_site, work, without, said) = start_with_saved_work().await;
        site.set_value(Some(from_site));
        without_examples.set(without);
        notice.set(said);
        session.set(Some(work));
    });
    keep_work(session, site, without_examples, notice);
    // Only loading → loaded re-renders the flow; edits to the session update it in place, so
    // the forms keep what was typed and their messages.
    let loaded = Memo::new(move |_| session.with(Option::is_some));
    let start_again = move |_| {
        if let Some(s) = storage() {
            let _ = s.remove_item(saved::KEY);
        }
        without_examples.set(false);
        notice.set(None);
        session.set(site.get_value());
    };
    move || match loaded.get() {
        false => view! { <p role="status">"De gegevens van deze site worden gelezen…"</p> }.into_any(),
        true => view! {
            {move || notice.get().map(|n| view! {
                <div class="melding" role="status">
                    <p>{n}</p>
                    <button type="button" class="secundair" on:click=start_again>"Opnieuw beginnen"</button>
                </div>
            })}
            <Flow session=session without_examples=without_examples/>
        }
        .into_any(),
    }
}

/// Saves the work to the browser's storage after every change, and asks before the page is
/// left with work the site does not have yet (issue 27).
fn keep_work(
    session: RwSignal<Option<Session>>,
    site: StoredValue<Option<Session>>,
    without_examples: RwSignal<bool>,
    notice: RwSignal<Option<String>>,
) {
    let pending = move || {
        session.with_untracked(|w| site.with_value(|s| matches!((w, s), (Some(w), Some(s)) if saved::unsaved(w, s))))
    };
    Effect::new(move |_| {
        let without = without_examples.get();
        session.with(|w| {
            let (Some(w), Some(store)) = (w, storage()) else { return };
            let keep = site.with_value(|s| s.as_ref().is_some_and(|s| saved::unsaved(w, s))) || without;
            let done = if keep { store.set_item(saved::KEY, &saved::save(w, without)) } else { store.remove_item(saved::KEY) };
            if done.is_err() {
                notice.set(Some("Uw werk kon niet in deze browser worden bewaard (te groot, of de browser staat het niet toe). Maak de bestanden voordat u de pagina sluit.".into()));
            }
        })
    });
    let handle = window_event_listener(ev::beforeunload, move |e: web_sys::BeforeUnloadEvent| {
        if pending() {
            e.prevent_default();
            e.set_return_value("");
        }
    });
    on_cleanup(move || handle.remove());
}

#[component]
fn Flow(session: RwSignal<Option<Session>>, without_examples: RwSignal<bool>) -> impl IntoView {
    let s = move || {
        session.get().unwrap_or_else(|| {
            Session::new(crate::core::model::Manifest::new(Vec::new(), Vec::new(), Vec::new(), Vec::new()), Vec::new())
        })
    };
    let update = move |f: &dyn Fn(&mut Session)| {
        session.update(|x| {
            if let Some(x) = x {
                f(x)
            }
        })
    };
    let (busy, set_busy) = signal(false);
    let output = RwSignal::new(None::<Result<Output, Vec<String>>>);
    let add_files = move |files: Option<web_sys::FileList>| {
        let Some(files) = files else { return };
        let list: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        set_busy.set(true);
        output.set(None);
        leptos::task::spawn_local(async move {
            for f in list {
                let name = f.name();
                // A file over the limit is not read at all: its size says why (issue 25).
                let size = f.size() as usize;
                if size > crate::core::read::json::MAX_FILE_BYTES {
                    update(&|s| s.add_too_large(&name, size));
                    continue;
                }
                match bytes_of(&f).await {
                    Some(b) if b.len() <= crate::core::read::json::MAX_FILE_BYTES => update(&|s| s.add(&name, &b)),
                    Some(b) => update(&|s| s.add_too_large(&name, b.len())),
                    None => update(&|s| s.add(&name, b"")),
                }
            }
            set_busy.set(false);
        });
    };
    let on_change = move |e: ev::Event| {
        let input = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        add_files(input.and_then(|i| i.files()));
    };
    let on_drop = move |e: ev::DragEvent| {
        e.prevent_default();
        add_files(e.data_transfer().and_then(|d| d.files()));
    };
    let checked = Memo::new(move |_| session.with(|x| x.as_ref().map(Session::checked).unwrap_or_default()));

    view! {
        <section aria-labelledby="stap-bestanden">
            <h2 id="stap-bestanden">"1. Bestanden kiezen"</h2>
            <p>"Sleep één of meer ingevulde sjablonen (CSV) op dit vak: meer tabellen, of dezelfde tabel voor meer jaren. "
               "Ook "<code>"manifest.json"</code>", "<code>"config.json"</code>" en gegevensbestanden (JSON) kunt u hier laten controleren. "
               "De pagina begint met de gegevens die nu op deze site staan."</p>
            <p>
                <button type="button" class="secundair" on:click=move |_| { session.update(|x| if let Some(x) = x { *x = x.empty_monitor() }); without_examples.set(true); output.set(None); }>
                    "Begin met een lege monitor"
                </button>
                " (zonder de voorbeeldcijfers; Nederland blijft als vergelijking)"
            </p>
            <div class="sleepvak" on:dragover=move |e: ev::DragEvent| e.prevent_default() on:drop=on_drop>
                <label for="bestand">"Kies bestanden (CSV of JSON), of sleep ze hierheen"</label>
                <input type="file" id="bestand" multiple=true accept=".csv,.json,.txt,text/csv,application/json" on:change=on_change/>
            </div>
            <div aria-live="polite">
                {move || busy.get().then(|| view! { <p role="status">"Bezig met lezen…"</p> })}
                {move || {
                    let list = checked.get();
                    (!list.is_empty()).then(|| view! {
                        <ul class="bestanden">{list.into_iter().map(|c| view! { <FileResult checked=c session=session/> }).collect::<Vec<_>>()}</ul>
                    })
                }}
            </div>
        </section>
        <AddArea session=session/>
        <AddRegion session=session/>
        <AddSource session=session/>
        <section aria-labelledby="stap-maken">
            <h2 id="stap-maken">"5. Bestanden maken"</h2>
            {move || {
                let st = s();
                let tables = st.tables().len();
                let regions = st.regions();
                if tables == 0 {
                    return view! { <p>"Zodra een CSV-bestand zonder problemen is, kunt u hier de bestanden voor de site maken."</p> }.into_any();
                }
                if regions.is_empty() {
                    return view! { <p class="fout">"Geen regio past bij alle gebieden in de tabel(len). Maak hierboven een regio (stap 3), of voeg de gemeente toe aan een bestaande regio."</p> }.into_any();
                }
                let chosen = RwSignal::new(regions[0].0.clone());
                view! {
                    <div class="veld">
                        <label for="kies-regio">"Regio"</label>
                        <select id="kies-regio" on:change=move |e| chosen.set(select_value(&e))>
                            {regions.into_iter().map(|(id, name)| view! { <option value=id.clone()>{name}</option> }).collect::<Vec<_>>()}
                        </select>
                    </div>
                    <button type="button" on:click=move |_| output.set(Some(s().build(&chosen.get_untracked())))>"Maak de bestanden"</button>
                }.into_any()
            }}
            <div aria-live="polite">{move || output.get().map(|r| match r {
                Err(list) => view! {
                    <div class="fout controle" role="alert">
                        <h3>"De bestanden zijn nog niet gemaakt"</h3>
                        <ul>{list.into_iter().map(|p| view! { <li>{p}</li> }).collect::<Vec<_>>()}</ul>
                    </div>
                }.into_any(),
                Ok(out) => view! { <Downloads output=out/> }.into_any(),
            })}</div>
        </section>
    }
}

#[component]
fn FileResult(checked: Checked, session: RwSignal<Option<Session>>) -> impl IntoView {
    let name = checked.name.clone();
    let kind = match checked.kind {
        InputKind::Csv => "sjabloon (CSV)",
        InputKind::Manifest => "manifest.json",
        InputKind::Config => "instellingen",
        InputKind::Dataset => "gegevensbestand",
        InputKind::Workbook => "Excel-werkmap",
        InputKind::Other => "onbekend soort bestand",
    };
    let ok = checked.problems.is_empty();
    let heading = if ok {
        format!("{}: geen problemen gevonden", checked.name)
    } else {
        let n = checked.problems.len();
        format!("{}: {n} {}", checked.name, if n == 1 { "probleem" } else { "problemen" })
    };
    view! {
        <li class=if ok { "goed controle" } else { "fout controle" }>
            <h3>{heading}</h3>
            <p class="klein">{kind}{(!checked.summary.is_empty()).then(|| format!(" — {}", checked.summary))}</p>
            {(!ok).then(|| view! { <ol class="problemen">{checked.problems.into_iter().map(|p| view! { <li>{p}</li> }).collect::<Vec<_>>()}</ol> })}
            <button type="button" class="secundair" on:click=move |_| session.update(|x| if let Some(x) = x { x.remove(&name) })>
                "Weghalen"<span class="visueel-verborgen">{format!(": {}", checked.name)}</span>
            </button>
        </li>
    }
}

/// One labelled text field of the guided flow's forms, bound to `bind`.
#[component]
fn TextField(
    id: &'static str,
    label: &'static str,
    bind: RwSignal<String>,
    #[prop(default = true)] required: bool,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(default = "off")] autocomplete: &'static str,
) -> impl IntoView {
    view! {
        <div class="veld"><label for=id>{label}</label>
            <input id=id required=required inputmode=inputmode autocomplete=autocomplete
                prop:value=move || bind.get() on:input=move |e| bind.set(value(&e))/></div>
    }
}

#[component]
fn AddArea(session: RwSignal<Option<Session>>) -> impl IntoView {
    let code = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new("gemeente".to_owned());
    let result = RwSignal::new(None);
    let submit = move |e: ev::SubmitEvent| {
        e.prevent_default();
        let k = AreaKind::from_id(&kind.get_untracked()).unwrap_or(AreaKind::Gemeente);
        let mut out = Err(Vec::new());
        session.update(|x| {
            if let Some(x) = x {
                out = x.add_area(&code.get_untracked(), &name.get_untracked(), k).map(|_| {
                    format!(
                        "{} ({}) is toegevoegd.",
                        name.get_untracked().trim(),
                        code.get_untracked().trim().to_uppercase()
                    )
                });
            }
        });
        if out.is_ok() {
            code.set(String::new());
            name.set(String::new());
        }
        result.set(Some(out));
    };
    view! {
        <section aria-labelledby="stap-gebied">
            <h2 id="stap-gebied">"2. Gebied toevoegen"</h2>
            <p>"Nodig als de controle zegt: "<em>"onbekend gebied"</em>". Gebruik de CBS-code: GM en vier cijfers voor een gemeente, WK en zes cijfers voor een wijk, BU en acht voor een buurt. Voeg eerst de gemeente toe, dan haar wijken."</p>
            <form on:submit=submit>
                <TextField id="gebied-code" label="Code" bind=code/>
                <TextField id="gebied-naam" label="Naam" bind=name/>
                <div class="veld"><label for="gebied-soort">"Soort"</label>
                    <select id="gebied-soort" on:change=move |e| kind.set(select_value(&e))>
                        <option value="gemeente">"gemeente"</option>
                        <option value="wijk">"wijk"</option>
                        <option value="buurt">"buurt"</option>
                    </select></div>
                <button type="submit">"Gebied toevoegen"</button>
            </form>
            {feedback(result)}
        </section>
    }
}

#[component]
fn AddRegion(session: RwSignal<Option<Session>>) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let picked = RwSignal::new(Vec::<String>::new());
    let compare = RwSignal::new(true);
    let result = RwSignal::new(None);
    let submit = move |e: ev::SubmitEvent| {
        e.prevent_default();
        let mut out = Err(Vec::new());
        session.update(|x| {
            if let Some(x) = x {
                let reference = compare.get_untracked().then(|| x.reference().map(|r| r.0)).flatten();
                out = x
                    .add_region(&name.get_untracked(), &picked.get_untracked(), reference.as_deref())
                    .map(|id| format!("De regio {} (id {id}) is toegevoegd.", name.get_untracked().trim()));
            }
        });
        if out.is_ok() {
            name.set(String::new());
            picked.set(Vec::new());
        }
        result.set(Some(out));
    };
    view! {
        <section aria-labelledby="stap-regio">
            <h2 id="stap-regio">"3. Regio toevoegen"</h2>
            <p>"Een regio is wat bezoekers kiezen: één gemeente (dan is de regio de gemeente zelf) of een samenwerking van gemeenten. Wijken en buurten horen vanzelf bij hun gemeente."</p>
            <form on:submit=submit>
                <TextField id="regio-naam" label="Naam van de regio" bind=name/>
                <fieldset>
                    <legend>"Gemeenten"</legend>
                    {move || session.with(|x| x.as_ref().map(Session::gemeenten).unwrap_or_default()).into_iter().map(|(code, label)| {
                        let id = format!("regio-{code}");
                        let c = code.clone();
                        view! {
                            <div class="keuzevak">
                                <input type="checkbox" id=id.clone() prop:checked=move || picked.get().contains(&code)
                                    on:change=move |_| picked.update(|p| if let Some(i) = p.iter().position(|x| *x == c) { p.remove(i); } else { p.push(c.clone()); })/>
                                <label for=id>{label}</label>
                            </div>
                        }
                    }).collect::<Vec<_>>()}
                </fieldset>
                {move || session.with(|x| x.as_ref().and_then(Session::reference)).map(|(_, label)| view! {
                    <div class="keuzevak">
                        <input type="checkbox" id="regio-vergelijk" prop:checked=move || compare.get() on:change=move |_| compare.update(|c| *c = !*c)/>
                        <label for="regio-vergelijk">{format!("Vergelijken met {label}")}</label>
                    </div>
                })}
                <button type="submit">"Regio toevoegen"</button>
            </form>
            {feedback(result)}
        </section>
    }
}

#[component]
fn AddSource(session: RwSignal<Option<Session>>) -> impl IntoView {
    let number = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let publisher = RwSignal::new(String::new());
    let year = RwSignal::new(String::new());
    // Propose the number the CSV asks for.
    Effect::new(move |_| {
        if let Some(wanted) = session.with(|x| x.as_ref().and_then(Session::wanted_seed)) {
            number.set(wanted);
        }
    });
    let result = RwSignal::new(None);
    let submit = move |e: ev::SubmitEvent| {
        e.prevent_default();
        let mut out = Err(Vec::new());
        session.update(|x| {
            if let Some(x) = x {
                let n = number.get_untracked();
                out = x
                    .add_seed(
                        Some(n.as_str()).filter(|n| !n.trim().is_empty()),
                        &title.get_untracked(),
                        &publisher.get_untracked(),
                        &year.get_untracked(),
                    )
                    .map(|id| format!("Bron {id} is toegevoegd; schrijf {id} bij bronnummer in de CSV."));
            }
        });
        if out.is_ok() {
            title.set(String::new());
            publisher.set(String::new());
            year.set(String::new());
        }
        result.set(Some(out));
    };
    view! {
        <section aria-labelledby="stap-bron">
            <h2 id="stap-bron">"4. Bron toevoegen"</h2>
            <p>"De publicatie of registratie waar de cijfers uit komen; op de site staat onder de tabel "<em>"Overgenomen uit: …"</em>"."</p>
            <form on:submit=submit>
                <TextField id="bron-nummer" label="Bronnummer (zoals in de CSV)" bind=number required=false inputmode="numeric"/>
                <TextField id="bron-titel" label="Titel" bind=title/>
                <TextField id="bron-uitgever" label="Uitgegeven door" bind=publisher autocomplete="organization"/>
                <TextField id="bron-jaar" label="Jaar" bind=year inputmode="numeric"/>
                <button type="submit">"Bron toevoegen"</button>
            </form>
            {feedback(result)}
        </section>
    }
}

#[component]
fn Downloads(output: Output) -> impl IntoView {
    let manifest = output.manifest.clone();
    view! {
        <div class="goed controle" role="status">
            <h3>"De bestanden zijn klaar en samen gecontroleerd"</h3>
            <p>"Download ze en zet ze in de map "<code>"data"</code>" van de monitor op de webserver. Het nieuwe "<code>"manifest.json"</code>" vervangt het oude. Laad daarna de monitor opnieuw."</p>
            <ul class="downloads">
                {output.files.into_iter().map(|f| {
                    let (name, text) = (f.name.clone(), f.text.clone());
                    let what = if f.new { "nieuw bestand" } else { "vervangt het bestand op de site" };
                    view! {
                        <li>
                            <button type="button" on:click=move |_| { let _ = download::save_text(&name, "application/json", &text); }>{format!("Download {}", f.name)}</button>
                            {format!(" ({what}; tabellen: {})", f.tables.join(", "))}
                        </li>
                    }
                }).collect::<Vec<_>>()}
                <li>
                    <button type="button" on:click=move |_| { let _ = download::save_text("manifest.json", "application/json", &manifest); }>"Download manifest.json"</button>
                    " (vervangt data/manifest.json)"
                </li>
            </ul>
        </div>
    }
}
