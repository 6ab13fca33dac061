//! Baked pages (issue 22): at build time, a static HTML file for every page a reader reaches by
//! a link, holding what the app shows first — title, key sentence and figures, tables, notes,
//! sources, and every chart as SVG — so the first chart is on screen before the WASM, ECharts
//! or the data have arrived, and readers without JavaScript, search engines and link previews
//! get the page's own content.
//!
//! **One model, two thin renderers.** Every figure, sentence and link comes from the view
//! models in `core::pages` that the app renders; `body` writes them as HTML in the elements and
//! classes of the app's components, and the app takes over in place (`ui::takeover`). Leptos'
//! own SSR and hydration were considered: they need the whole UI (web-sys calls, the split WASM,
//! lazily loaded page types) to compile and render natively and to hydrate without a mismatch,
//! and the residents' WASM would grow by the hydration runtime. A browser test compares what
//! the baked page and the app show (`tests/browser/baked.test.mjs`).
//!
//! **Never stale.** Each page records the hash of every file it was baked from (config,
//! manifest, its data files). `public/gebakken.js`, render-blocking in the head, hides the
//! baked content until the files on the host are fetched and hash the same; a council that
//! replaced a file (without building) gets the app's live figures instead, never an old one.

pub mod body;
pub mod html;
mod pages;
mod version;

pub use pages::bake;
pub use version::{fnv1a, hashes_attribute};

use rustc_hash::FxHashMap;

/// A chart to draw as SVG: `id` is the placeholder's (`<!--msd-svg:ID-->`).
#[derive(Debug, Clone, PartialEq)]
pub struct ChartJob {
    pub id: String,
    pub option: String,
    pub width: u32,
    pub height: u32,
    pub class: String,
}

/// A page's preview image (Open Graph): the spec of the PNG download (`present::image`), with
/// title, source and licence, drawn at build time into `file`.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageJob {
    pub file: String,
    pub spec: String,
}

/// Every chart of every baked page, each drawn once however many pages show it.
#[derive(Debug, Default)]
pub struct ChartJobs {
    pub jobs: Vec<ChartJob>,
    seen: FxHashMap<(u32, u32, u32, String), String>,
}

impl ChartJobs {
    /// The placeholder id of `option` drawn at `width` × `height`.
    pub fn add(&mut self, option: &str, width: u32, height: u32, class: &str) -> String {
        let key = (fnv1a(option.as_bytes()), width, height, class.to_owned());
        if let Some(id) = self.seen.get(&key) {
            return id.clone();
        }
        let id = format!("g{}", self.jobs.len() + 1);
        self.jobs.push(ChartJob { id: id.clone(), option: option.to_owned(), width, height, class: class.to_owned() });
        self.seen.insert(key, id.clone());
        id
    }
}

/// The files of a built site the pages are baked from, by path below the root: the built
/// `index.html` (the template), `config.json`, `data/manifest.json` and the data files.
pub struct SiteFiles {
    pub files: Vec<(String, Vec<u8>)>,
}

impl SiteFiles {
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.iter().find(|(p, _)| p == path).map(|(_, b)| b.as_slice())
    }

    pub fn text(&self, path: &str) -> Result<&str, String> {
        let bytes = self.get(path).ok_or_else(|| format!("{path} ontbreekt in de gebouwde site"))?;
        std::str::from_utf8(bytes).map_err(|_| format!("{path} is geen UTF-8-tekst"))
    }
}

/// What baking a site gives: the pages (path below the root, HTML), the charts and preview
/// images to draw, `sitemap.xml` (only with a site address), `robots.txt`, the council's
/// colours as a stylesheet (`merk.css`: the app sets them as CSS variables at run time, a page
/// without JavaScript gets them from here), and what was left out and why.
#[derive(Debug, Default)]
pub struct Baked {
    pub pages: Vec<(String, String)>,
    pub charts: ChartJobs,
    pub images: Vec<ImageJob>,
    pub sitemap: Option<String>,
    pub robots: String,
    pub brand_css: String,
    pub skipped: Vec<String>,
}
