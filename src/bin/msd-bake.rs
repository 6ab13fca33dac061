//! `msd-bake <site> <charts.json>`: bakes every page of a built site (issue 22).
//!
//! Reads the built `index.html` (Trunk's output: the template with hashed asset names),
//! `config.json`, `data/manifest.json` and the data files from `<site>`; writes a static HTML
//! file for every page (`core::bake`), `sitemap.xml` (with a site address in config.json),
//! `robots.txt` and `merk.css` into `<site>`, and the charts and preview images to draw into
//! `<charts.json>` for `scripts/bake-svg.mjs` (ECharts in Node). Run by `scripts/post-build.mjs`
//! on Trunk's staging folder. Exit code 1 with a Dutch message on any problem.

use monitor_sociaal_domein::core::bake::{self, SiteFiles};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [site, charts] = args.as_slice() else {
        eprintln!("gebruik: msd-bake <map van de gebouwde site> <charts.json>");
        return ExitCode::from(2);
    };
    match run(Path::new(site), Path::new(charts)) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("msd-bake: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(site: &Path, charts: &Path) -> Result<String, String> {
    let files = read_site(site)?;
    let template = files.text("index.html")?;
    if template.contains("id=\"gebakken\"") {
        return Err(format!("{}/index.html is al gebakken; bouw de site opnieuw", site.display()));
    }
    let baked = bake::bake(&files)?;
    for (path, html) in &baked.pages {
        write(&site.join(path), html)?;
    }
    write(&site.join("robots.txt"), &baked.robots)?;
    write(&site.join("merk.css"), &baked.brand_css)?;
    if let Some(sitemap) = &baked.sitemap {
        write(&site.join("sitemap.xml"), sitemap)?;
    }
    let jobs = serde_json::json!({
        "charts": baked.charts.jobs.iter().map(|j| serde_json::json!({
            "id": j.id, "option": j.option, "width": j.width, "height": j.height, "class": j.class,
        })).collect::<Vec<_>>(),
        "images": baked.images.iter().map(|i| serde_json::json!({ "file": i.file, "spec": i.spec })).collect::<Vec<_>>(),
    });
    write(charts, &jobs.to_string())?;
    for s in &baked.skipped {
        eprintln!("msd-bake: {s}");
    }
    Ok(format!(
        "msd-bake: {} pagina's, {} grafieken, {} voorbeeldafbeeldingen{}",
        baked.pages.len(),
        baked.charts.jobs.len(),
        baked.images.len(),
        if baked.sitemap.is_some() { ", sitemap.xml" } else { " (geen adres in config.json: geen sitemap.xml)" }
    ))
}

/// `index.html`, `config.json` and every `.json` file in `data/`, by path below the root.
fn read_site(site: &Path) -> Result<SiteFiles, String> {
    let read = |p: PathBuf| std::fs::read(&p).map_err(|e| format!("{} kan niet worden gelezen: {e}", p.display()));
    let mut files = vec![("index.html".to_owned(), read(site.join("index.html"))?)];
    if let Ok(config) = std::fs::read(site.join("config.json")) {
        files.push(("config.json".to_owned(), config));
    }
    let data = site.join("data");
    let entries = std::fs::read_dir(&data).map_err(|e| format!("{} kan niet worden gelezen: {e}", data.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    for name in names {
        files.push((format!("data/{name}"), read(data.join(&name))?));
    }
    Ok(SiteFiles { files })
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{} kan niet worden gemaakt: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{} kan niet worden geschreven: {e}", path.display()))
}
