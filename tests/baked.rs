//! Baked pages (issue 22): every page of the bundled site, baked natively from the same view
//! models the app renders, holds its own title and figures, links only to pages that exist,
//! records the files it came from with their hashes, and says so in its preview tags.

mod common;

use monitor_sociaal_domein::core::bake::{self, fnv1a, Baked, SiteFiles};
use monitor_sociaal_domein::core::calc::grid;
use monitor_sociaal_domein::core::check::tolerant;
use monitor_sociaal_domein::core::model::view_state::{is_app_link, ViewState};
use monitor_sociaal_domein::core::pages::{cell_text, CellText};
use std::collections::{BTreeSet, HashMap};

/// The bundled site as the build has it: the source index.html as template (Trunk only adds its
/// asset links), config.json and every data file; `config` replaces config.json.
fn site(config: Option<&str>) -> SiteFiles {
    let root = common::root();
    let mut files = vec![("index.html".to_owned(), std::fs::read(root.join("index.html")).unwrap())];
    let config =
        config.map_or_else(|| std::fs::read(root.join("public/config.json")).unwrap(), |c| c.as_bytes().to_vec());
    files.push(("config.json".to_owned(), config));
    for (name, text) in common::read_folder(&root.join("public/data")) {
        files.push((format!("data/{name}"), text.into_bytes()));
    }
    SiteFiles { files }
}

fn baked(config: Option<&str>) -> (SiteFiles, Baked) {
    let site = site(config);
    let baked = bake::bake(&site).unwrap_or_else(|e| panic!("{e}"));
    (site, baked)
}

fn attribute_values<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let key = format!(" {name}=\"");
    html.match_indices(&key).map(|(i, _)| &html[i + key.len()..]).map(|rest| &rest[..rest.find('"').unwrap()]).collect()
}

#[test]
fn every_page_type_of_every_region_is_baked_once_with_its_own_title() {
    let (_, baked) = baked(None);
    let paths: BTreeSet<&str> = baked.pages.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths.len(), baked.pages.len(), "a page baked twice");
    for must in [
        "index.html",
        "drechtsteden/index.html",
        "drechtsteden/jeugd.html",
        "drechtsteden/cijfer-jeugd-jongeren-in-jeugdzorg.html",
        "drechtsteden/profiel-GM0642.html",
        "drechtsteden/vergelijk.html",
        "drechtsteden/zoeken.html",
        "ridderkerk/cijfer-participatie-ridderkerk-buig-budget.html",
        "drentscheaa/index.html",
    ] {
        assert!(paths.contains(must), "{must} not baked: {paths:?}");
    }
    let mut titles = HashMap::new();
    for (path, html) in &baked.pages {
        let title = &html[html.find("<title>").unwrap() + 7..html.find("</title>").unwrap()];
        assert!(!title.is_empty());
        if path != "index.html" && !path.ends_with("/index.html") {
            if let Some(other) = titles.insert(title.to_owned(), path) {
                panic!("{path} has the title of {other}: {title}");
            }
        }
        for bad in ["NaN", "undefined", "inf per", "{", "}"] {
            let body = &html[html.find("<body>").unwrap()..];
            assert!(!body.contains(bad), "{path} says {bad}");
        }
    }
}

#[test]
fn every_link_on_a_baked_page_leads_to_a_baked_page_or_the_app() {
    let (_, baked) = baked(None);
    let paths: BTreeSet<&str> = baked.pages.iter().map(|(p, _)| p.as_str()).collect();
    let mut checked = 0;
    for (path, html) in &baked.pages {
        let body = &html[html.find("<body>").unwrap()..];
        for href in attribute_values(body, "href") {
            let href = href.replace("&amp;", "&");
            if href.starts_with("mailto:") || href.starts_with("tel:") || href.starts_with("https://") {
                continue;
            }
            let file = href.split(['?', '#']).next().unwrap();
            assert!(is_app_link(&href) || file == path, "{path}: {href} is not a page of the monitor");
            assert!(paths.contains(file), "{path}: {href} leads to a page that was not baked");
            // What the link asks for is what the baked page of its path shows, or the app does.
            let view = ViewState::parse_href(&href);
            assert_eq!(view.href().split('?').next(), Some(file), "{path}: {href}");
            checked += 1;
        }
    }
    assert!(checked > 1000, "only {checked} links");
}

#[test]
fn a_baked_indicator_shows_every_figure_of_its_table() {
    let (site, baked) = baked(None);
    let (manifest, _) = tolerant::manifest("manifest.json", site.text("data/manifest.json").unwrap());
    let (set, _) =
        tolerant::dataset("drechtsteden-jeugd.json", site.text("data/drechtsteden-jeugd.json").unwrap(), &manifest);
    let set = set.unwrap();
    let mut figures = 0;
    for table in &set.tables {
        let path = format!("drechtsteden/cijfer-{}.html", table.id);
        let html = &baked.pages.iter().find(|(p, _)| *p == path).unwrap_or_else(|| panic!("{path}")).1;
        let grid = grid::build(table, &manifest, None, None);
        for row in &grid.rows {
            for cell in &row.cells {
                let text = match cell_text(cell) {
                    CellText::Number { text, .. } => text,
                    CellText::Mark { mark, .. } => mark.to_owned(),
                };
                assert!(html.contains(&format!("data-waarde=\"{text}\"")), "{path}: {} {text} missing", row.label);
                figures += 1;
            }
        }
    }
    assert!(figures > 100, "{figures}");
}

#[test]
fn each_page_records_the_files_it_was_baked_from_with_their_hashes() {
    let (site, baked) = baked(None);
    for (path, html) in &baked.pages {
        let list = attribute_values(html, "data-gebakken")[0];
        let entries: Vec<&str> = list.split(' ').collect();
        assert!(entries.iter().any(|e| e.starts_with("data/manifest.json:")), "{path}");
        for entry in entries {
            let (file, hash) = entry.rsplit_once(':').unwrap();
            assert_eq!(format!("{:08x}", fnv1a(site.get(file).unwrap())), hash, "{path}: {file}");
        }
    }
    let jeugd = &baked.pages.iter().find(|(p, _)| p == "drechtsteden/jeugd.html").unwrap().1;
    assert!(jeugd.contains("data/drechtsteden-jeugd.json:"), "the theme page's own data file");
    assert!(!jeugd.contains("data/drechtsteden-wmo.json:"), "only the files the page needs");
}

#[test]
fn preview_tags_and_sitemap_need_the_site_address() {
    let (_, without) = baked(None);
    let index =
        &without.pages.iter().find(|(p, _)| p == "drechtsteden/cijfer-jeugd-jongeren-in-jeugdzorg.html").unwrap().1;
    assert!(index.contains("og:title") && !index.contains("og:url") && !index.contains("og:image\""));
    assert!(without.sitemap.is_none());
    assert!(!without.robots.contains("Sitemap"));
    let config = r#"{"naam": "Monitor Sociaal Domein", "adres": "https://monitor.example.nl/sd"}"#;
    let (_, with) = baked(Some(config));
    let page = &with.pages.iter().find(|(p, _)| p == "drechtsteden/cijfer-jeugd-jongeren-in-jeugdzorg.html").unwrap().1;
    let url = "https://monitor.example.nl/sd/drechtsteden/cijfer-jeugd-jongeren-in-jeugdzorg.html";
    assert!(page.contains(&format!("<link rel=\"canonical\" href=\"{url}\">")), "{page}");
    assert!(page.contains(&format!("<meta property=\"og:url\" content=\"{url}\">")));
    let image = "https://monitor.example.nl/sd/voorbeeld/drechtsteden-cijfer-jeugd-jongeren-in-jeugdzorg.png";
    assert!(page.contains(&format!("<meta property=\"og:image\" content=\"{image}\">")), "{page}");
    assert!(with.images.iter().any(|i| i.file == "voorbeeld/drechtsteden-cijfer-jeugd-jongeren-in-jeugdzorg.png"));
    let sitemap = with.sitemap.unwrap();
    assert_eq!(sitemap.matches("<loc>").count(), with.pages.len());
    assert!(with.robots.contains("Sitemap: https://monitor.example.nl/sd/sitemap.xml"));
}

#[test]
fn every_chart_placeholder_has_its_chart_and_charts_are_drawn_once() {
    let (_, baked) = baked(None);
    let ids: BTreeSet<&str> = baked.charts.jobs.iter().map(|j| j.id.as_str()).collect();
    assert_eq!(ids.len(), baked.charts.jobs.len());
    let mut used = BTreeSet::new();
    for (path, html) in &baked.pages {
        for (i, _) in html.match_indices("<!--msd-svg:") {
            let id = &html[i + 12..i + 12 + html[i + 12..].find("-->").unwrap()];
            assert!(ids.contains(id), "{path}: {id}");
            used.insert(id);
        }
    }
    assert_eq!(used, ids, "a chart no page shows");
    let options: BTreeSet<(&str, u32)> = baked.charts.jobs.iter().map(|j| (j.option.as_str(), j.width)).collect();
    assert_eq!(options.len(), baked.charts.jobs.len(), "the same chart drawn twice");
}
