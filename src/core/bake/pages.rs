//! Which pages are baked and what each holds: per region its home, each theme, each indicator
//! (default view), each gemeente profile, and the compare and search pages; the root
//! `index.html` is the first region's home. Each page's view state is what the app would have
//! for that address (`ViewState::parse_href` of its path, the config's defaults applied).

use super::body::{self, gemeente_choice, key_figures, pillar_cards, table_frame};
use super::html::{self, esc, link_list, Head};
use super::{hashes_attribute, Baked, ChartJobs, ImageJob, SiteFiles};
use crate::core::check::{crosscheck, tolerant};
use crate::core::model::view_state::{Page, ViewState};
use crate::core::model::{Dataset, Manifest, Region, Table, Theme};
use crate::core::pages::{chooser, council, home, indicator, links, profile, site, theme};
use crate::core::present::{export, image, remarks};
use crate::core::read::config::{self, Config};
use std::sync::Arc;

const MANIFEST: &str = "data/manifest.json";
const CONFIG: &str = "config.json";

/// The site as the app loads it: manifest and config applied, every data file read the
/// tolerant way (a broken table is left out, as the app leaves it out).
struct Loaded<'a> {
    site: &'a SiteFiles,
    manifest: Manifest,
    config: Config,
    sets: Vec<(String, Arc<Dataset>)>,
}

/// Bakes every page of the site in `site` (the built `dist/`).
pub fn bake(site: &SiteFiles) -> Result<Baked, String> {
    let template = site.text("index.html")?;
    let (manifest, _) = tolerant::manifest(MANIFEST, site.text(MANIFEST)?);
    let config_text = site.text(CONFIG).unwrap_or("{}");
    let config = config::parse(config_text, &manifest, &mut crate::core::model::problem::Problems::new(CONFIG));
    let manifest = site::apply_config(manifest, &config);
    let mut baked = Baked::default();
    let mut sets = Vec::new();
    for d in &manifest.datasets {
        let path = format!("data/{}", d.file);
        match site.text(&path).map(|t| tolerant::dataset(&d.file, t, &manifest)) {
            Ok((Some(set), _)) => sets.push((d.file.clone(), Arc::new(set))),
            Ok((None, _)) | Err(_) => {
                baked.skipped.push(format!("{path}: niet leesbaar; de pagina's ervan laadt de app"))
            }
        }
    }
    let loaded = Loaded { site, manifest, config, sets };
    let mut jobs = ChartJobs::default();
    let mut addresses = Vec::new();
    for (i, region) in loaded.manifest.regions.iter().enumerate() {
        for state in states(&loaded, region) {
            let Some(page) = page(&loaded, &state, region, &mut jobs) else { continue };
            let (path, _) = state.page_path().unwrap_or_default();
            let paths =
                if i == 0 && state.page == Page::Home { vec!["index.html".to_owned(), path] } else { vec![path] };
            for path in paths {
                let head = page.head(&loaded, &state, &path);
                let content =
                    html::frame(&loaded.config, &site::region_links(&loaded.manifest, &state), &path, &page.body);
                baked.pages.push((path.clone(), html::page(template, &head, &content)?));
                addresses.push(path);
            }
            if let (Some(file), Some(spec)) = (page.image_file(&state), page.image.clone()) {
                baked.images.push(ImageJob { file, spec });
            }
        }
    }
    baked.charts = jobs;
    baked.sitemap = loaded.config.address.as_deref().map(|a| sitemap(a, &addresses));
    baked.robots = robots(loaded.config.address.as_deref());
    baked.brand_css = brand_css(&loaded.config);
    Ok(baked)
}

/// The view state of every baked page of `region`.
fn states(loaded: &Loaded, region: &Region) -> Vec<ViewState> {
    let base = ViewState { region: Some(region.id.clone()), ..ViewState::default() };
    let mut out = vec![base.clone()];
    let tables = tables_of(loaded, &site::files_for(&loaded.manifest, Some(&region.id), None));
    for theme in Theme::ALL.into_iter().filter(|t| tables.iter().any(|x| x.theme == *t)) {
        out.push(ViewState { page: Page::Theme, theme: Some(theme.id().to_owned()), ..base.clone() });
    }
    for t in &tables {
        out.push(ViewState { page: Page::Indicator, indicator: Some(t.id.clone()), ..base.clone() });
    }
    out.push(ViewState { page: Page::Profile, ..base.clone() });
    if profile::not_offered(&tables, &loaded.manifest, region).is_none() {
        for g in site::gemeenten_with_figures(&tables, region) {
            out.push(ViewState { page: Page::Profile, gemeente: Some(g.clone()), ..base.clone() });
        }
    }
    out.push(ViewState { page: Page::Compare, ..base.clone() });
    out.push(ViewState { page: Page::Find, ..base });
    out.into_iter().map(|s| site::with_defaults(s, &loaded.config, &loaded.manifest)).collect()
}

fn tables_of<'a>(loaded: &'a Loaded, files: &[String]) -> Vec<&'a Table> {
    loaded.sets.iter().filter(|(f, _)| files.contains(f)).flat_map(|(_, d)| &d.tables).collect()
}

/// One page's content and what its head says.
struct Baking {
    title: String,
    description: String,
    body: String,
    files: String,
    /// The preview image's spec (the page's first chart with title, source and licence).
    image: Option<String>,
}

impl Baking {
    fn head<'a>(&'a self, loaded: &'a Loaded, state: &'a ViewState, path: &'a str) -> Head<'a> {
        Head {
            title: &self.title,
            description: &self.description,
            path,
            site: loaded.config.address.as_deref(),
            image: self.image.as_ref().and_then(|_| self.image_file(state)),
            files: &self.files,
            query: state.baked_query(),
            region: state.region.as_deref().unwrap_or_default(),
        }
    }

    fn image_file(&self, state: &ViewState) -> Option<String> {
        let (path, _) = state.page_path()?;
        Some(format!("voorbeeld/{}.png", path.trim_end_matches(".html").replace('/', "-")))
    }
}

/// The page of `state`, or none when the app alone can show it (an unknown theme, a table that
/// was left out).
fn page(loaded: &Loaded, state: &ViewState, region: &Region, jobs: &mut ChartJobs) -> Option<Baking> {
    let names = site::files_for_page(&loaded.manifest, state);
    let sets: Vec<Arc<Dataset>> =
        loaded.sets.iter().filter(|(f, _)| names.contains(f)).map(|(_, d)| d.clone()).collect();
    let mut files: Vec<(&str, &[u8])> = Vec::new();
    for name in [CONFIG, MANIFEST] {
        files.push((name, loaded.site.get(name).unwrap_or_default()));
    }
    let data: Vec<String> = names.iter().map(|n| format!("data/{n}")).collect();
    for path in &data {
        files.push((path, loaded.site.get(path).unwrap_or_default()));
    }
    let files = hashes_attribute(&files);
    let title = links::tab_title(&loaded.config.name, state, &loaded.manifest, indicator_table(&sets, state));
    let (body, description, image) = match state.page {
        Page::Home => home_body(loaded, state, region, &sets, jobs),
        Page::Theme => theme_body(loaded, state, region, &sets, jobs)?,
        Page::Indicator => indicator_body(loaded, state, region, &sets, jobs)?,
        Page::Profile => profile_body(loaded, state, region, &sets),
        Page::Compare => {
            shell("Gemeenten vergelijken", "Kies twee of meer gemeenten om hun cijfers naast elkaar te zien.")
        }
        _ => shell("Zoeken in alle cijfers", "Zoek op een woord, zoals jeugdhulp, bijstand of Wmo."),
    };
    Some(Baking { title, description, body, files, image })
}

fn indicator_table<'a>(sets: &'a [Arc<Dataset>], state: &ViewState) -> Option<&'a Table> {
    let id = state.indicator.as_deref()?;
    sets.iter().flat_map(|d| &d.tables).find(|t| t.id == id)
}

type Body = (String, String, Option<String>);

fn shell(title: &str, text: &str) -> Body {
    (format!("<h1>{}</h1><p>{}</p>", esc(title), esc(text)), text.to_owned(), None)
}

/// The indicator view as `ui::indicator::IndicatorView` builds it: the gemeente only when it
/// belongs to the region; the region's reference and id.
fn view_model(
    loaded: &Loaded,
    state: &ViewState,
    region: &Region,
    table: &Table,
    contradictions: &[remarks::Contradiction],
) -> indicator::IndicatorModel {
    let mut s = state.clone();
    s.gemeente = s.gemeente.filter(|g| region.gemeenten.contains(g));
    let place = (region.reference.as_deref(), Some(region.id.as_str()));
    let mut model = indicator::indicator_with(table, &loaded.manifest, &s, place, contradictions);
    let sets: Vec<&Dataset> = loaded.sets.iter().map(|(_, d)| d.as_ref()).collect();
    crate::core::pages::words::add(&mut model, table, &sets);
    model
}

/// The preview image of an indicator view: its PNG download's spec (title, chart, source,
/// licence), with the site address (or the page's path) as where it comes from.
fn image_spec(loaded: &Loaded, state: &ViewState, table: &Table, m: &indicator::IndicatorModel) -> Option<String> {
    if !m.show_chart || m.chart.option.is_empty() {
        return None;
    }
    let url = format!("{}{}", loaded.config.address.clone().unwrap_or_default(), state.href());
    let provenance = export::Provenance { url, date: String::new() };
    let said = &m.remarks;
    Some(image::spec_with(
        &m.grid,
        table,
        &loaded.manifest,
        said,
        &m.chart.option,
        (m.chart.height, &m.place),
        &provenance,
    ))
}

fn home_body(loaded: &Loaded, state: &ViewState, region: &Region, sets: &[Arc<Dataset>], jobs: &mut ChartJobs) -> Body {
    let (m, c) = (&loaded.manifest, &loaded.config);
    let tables = site::all_tables(sets);
    let intro = council::intro(c);
    let (heading, line) = home::heading(m, region, state);
    let in_region = line.map(|l| format!("<p class=\"klein\">{}</p>", esc(&l))).unwrap_or_default();
    let age = home::age(&tables, m).map(|a| format!("<p class=\"leeftijd\">{}</p>", esc(&a))).unwrap_or_default();
    let mut body = format!(
        "<h1>{}</h1>{in_region}<p class=\"inleiding\">{}</p>{}\
         <nav aria-label=\"Thema&#39;s\" class=\"themas\"><h2>Thema&#39;s</h2><ul>{}</ul></nav>\
         {age}<nav aria-label=\"Meer\" class=\"meer\"><ul>{}</ul></nav>{}",
        esc(&heading),
        esc(&intro),
        gemeente_choice(&chooser::chooser(m, region, state, Some(&tables))),
        link_list(&home::theme_links(c, m, region, state)),
        link_list(&home::more_links(region, &tables, state)),
        key_figures(&crate::core::pages::words::key_figures(sets, c, m, region, state)),
    );
    let mut image = None;
    if let Some(t) = home::featured(&tables) {
        let model = view_model(loaded, state, region, t, &[]);
        image = image_spec(loaded, state, t, &model);
        body.push_str(&body::indicator(jobs, &model, 2));
    }
    (body, intro, image)
}

fn theme_body(
    loaded: &Loaded,
    state: &ViewState,
    region: &Region,
    sets: &[Arc<Dataset>],
    jobs: &mut ChartJobs,
) -> Option<Body> {
    let chosen = state.theme.as_deref().and_then(Theme::from_id)?;
    let tables = site::all_tables(sets);
    let (sections, untranscribed) = theme::theme(sets, chosen, state);
    let outcome = crosscheck::run_loaded(sets, &loaded.manifest);
    let board = theme::dashboard(sets, chosen, &loaded.manifest, region, state);
    let view = theme::layout(sets, board, &loaded.manifest, state, Some(&outcome));
    let mut pillars = view.pillars.iter();
    let (heading, line) = theme::heading(chosen, &loaded.manifest, region, state);
    let in_region = line.map(|l| format!("<p class=\"klein\">{}</p>", esc(&l))).unwrap_or_default();
    let mut body = format!(
        "<h1>{}</h1>{in_region}<nav class=\"pijler-menu\" aria-label=\"Onderdelen van dit thema\"><ul>{}</ul></nav>{}",
        esc(&heading),
        link_list(&view.menu),
        gemeente_choice(&chooser::chooser(&loaded.manifest, region, state, Some(&tables)))
    );
    for section in sections {
        let said = theme::has_statements(sets, chosen, &section.id);
        body.push_str(&format!(
            "<section class=\"pijler\" aria-labelledby=\"{0}\"><h2 id=\"{0}\" tabindex=\"-1\">{1}</h2>",
            esc(&section.id),
            esc(&section.name)
        ));
        if section.is_empty() && !said {
            body.push_str("<p>Voor dit onderdeel zijn geen cijfers opgenomen.</p>");
        }
        if let Some(p) = pillars.next() {
            body.push_str(&pillar_cards(jobs, &section.id, p));
            body.push_str(&body::pillar_statements(p));
        }
        for a in &section.availability {
            body.push_str(&body::availability(a));
        }
        body.push_str("</section>");
    }
    if !untranscribed.is_empty() {
        let items: String = untranscribed
            .iter()
            .map(|u| format!("<li><strong>{}</strong>: {}</li>", esc(&u.title), esc(&u.reason)))
            .collect();
        body.push_str(&format!("<section class=\"pijler\" aria-labelledby=\"niet-opgenomen\"><h2 id=\"niet-opgenomen\">Niet opgenomen figuren</h2><details class=\"meer\"><summary>{}</summary><p>Deze figuren staan in de publicatie, maar hun waarden zijn niet betrouwbaar over te nemen:</p><ul>{items}</ul></details></section>", esc(&theme::untranscribed_label(untranscribed.len()))));
    }
    let description = format!(
        "Cijfers over {} in {}: gebruik, ervaringen, budgetten en beschikbaarheid.",
        chosen.name(),
        region.name
    );
    Some((body, description, None))
}

fn indicator_body(
    loaded: &Loaded,
    state: &ViewState,
    region: &Region,
    sets: &[Arc<Dataset>],
    jobs: &mut ChartJobs,
) -> Option<Body> {
    let table = indicator_table(sets, state)?;
    let outcome = crosscheck::run_loaded(sets, &loaded.manifest);
    let found = remarks::contradictions(&remarks::findings(&outcome, sets, &table.id));
    let model = view_model(loaded, state, region, table, &found);
    let crumb = site::link(state, Page::Theme, |v| v.theme = Some(table.theme.id().to_owned()));
    let mut body = format!(
        "<p class=\"kruimelpad\"><a href=\"{}\">{}</a> › {}</p>",
        esc(&crumb),
        esc(table.theme.name()),
        esc(table.pillar.name())
    );
    if site::offers_gemeente_choice(table, region) {
        let tables = site::all_tables(sets);
        body.push_str(&gemeente_choice(&chooser::chooser(&loaded.manifest, region, state, Some(&tables))));
    }
    if let Some(l) = site::profile_link(&loaded.manifest, region, state) {
        body.push_str(&format!("<p>{}</p>", html::link(&l)));
    }
    let image = image_spec(loaded, state, table, &model);
    let description = model.summary.clone();
    body.push_str(&body::indicator(jobs, &model, 1));
    Some((body, description, image))
}

fn profile_body(loaded: &Loaded, state: &ViewState, region: &Region, sets: &[Arc<Dataset>]) -> Body {
    let m = &loaded.manifest;
    let tables = site::all_tables(sets);
    let Some(code) = profile::profile_gemeente(region, state) else {
        let text = "Kies een gemeente om al haar cijfers te zien, naast die van de regio en Nederland.";
        let choice = gemeente_choice(&chooser::chooser(m, region, state, Some(&tables)));
        let why = profile::not_offered(&tables, m, region);
        let body = match &why {
            Some(why) => format!("<h1>Gemeenteprofiel</h1><p>{}</p>", esc(why)),
            None => format!("<h1>Gemeenteprofiel</h1><p>{text}</p>{choice}"),
        };
        return (body, why.unwrap_or_else(|| text.to_owned()), None);
    };
    let name = m.area_name(&code);
    let mut body = format!(
        "<h1>Gemeenteprofiel {}</h1>{}",
        esc(&name),
        gemeente_choice(&chooser::chooser(m, region, state, Some(&tables)))
    );
    for section in profile::profile(&tables, m, region, &code, state) {
        let head: String = section.columns.iter().map(|c| format!("<th scope=\"col\">{}</th>", esc(c))).collect();
        let rows: String = section
            .rows
            .iter()
            .map(|r| {
                let cells: String = r.cells.iter().map(|c| format!("<td class=\"getal\">{}</td>", esc(c))).collect();
                format!(
                    "<tr><th scope=\"row\"><span class=\"rijnaam\"><a href=\"{}\">{}</a>: {}</span></th>{cells}<td>{}</td></tr>",
                    esc(&r.href),
                    esc(&r.title),
                    esc(&r.measure),
                    esc(&r.period)
                )
            })
            .collect();
        let inner = format!(
            "<table class=\"cijfers profiel\"><caption>{}</caption><thead><tr><th scope=\"col\">Indicator</th>{head}<th scope=\"col\">Periode</th></tr></thead><tbody>{rows}</tbody></table>",
            esc(&section.caption)
        );
        body.push_str(&format!(
            "<section aria-labelledby=\"{0}\"><h2 id=\"{0}\">{1}</h2>{2}</section>",
            esc(&section.id),
            esc(&section.theme),
            table_frame(&section.caption, "", &inner)
        ));
    }
    let wijken = profile::wijken(&tables, m, &code, state);
    if !wijken.is_empty() {
        let items: String = wijken
            .iter()
            .map(|w| {
                let links: String = w.tables.iter().map(|l| format!("{} ", html::link(l))).collect();
                format!("<li><strong>{}</strong> ({}): {links}</li>", esc(&w.name), esc(&w.kind))
            })
            .collect();
        body.push_str(&format!("<section aria-labelledby=\"profiel-wijken\"><h2 id=\"profiel-wijken\">Wijken en buurten van {}</h2><ul class=\"wijken\">{items}</ul></section>", esc(&name)));
    }
    let description =
        format!("Alle cijfers van {name} over jeugdhulp, Participatiewet en Wmo, naast die van de regio en Nederland.");
    (body, description, None)
}

fn sitemap(address: &str, paths: &[String]) -> String {
    let urls: String =
        paths.iter().map(|p| format!("  <url><loc>{}</loc></url>\n", esc(&format!("{address}{p}")))).collect();
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n{urls}</urlset>\n")
}

/// Everything may be indexed but the council page; the sitemap is named only with an address
/// (robots.txt wants an absolute one).
fn robots(address: Option<&str>) -> String {
    let mut out = String::from("User-agent: *\nDisallow: /beheer.html\n");
    if let Some(a) = address {
        out.push_str(&format!("Sitemap: {a}sitemap.xml\n"));
    }
    out
}

/// The council's colours (`config.json` `kleuren`, checked there) as CSS variables.
fn brand_css(config: &Config) -> String {
    let lines: String = config
        .colours
        .iter()
        .filter(|(k, v)| {
            k.starts_with("--msd-") && v.chars().all(|c| c.is_ascii_alphanumeric() || "#(),.% -".contains(c))
        })
        .map(|(k, v)| format!("  {k}: {v};\n"))
        .collect();
    format!("/* De kleuren uit config.json (gemaakt bij het bouwen; de app zet ze ook zelf). */\n:root {{\n{lines}}}\n")
}
