//! The view state: everything that decides what the page shows, mapped one-to-one onto an
//! address: the path of the page's baked HTML file (issue 22: `drechtsteden/jeugd.html`, a real
//! file on any static host) and a query string for what the path does not say (gemeente, period,
//! chart or table). A reload, a copied link or the back button restores exactly the same view.
//! Old links (`index.html?pagina=indicator&indicator=…`) keep working: the query says it all.
//!
//! `parse`, `to_query` and `page_path` are the only places that know the parameter names and
//! the file names.

/// The council tools' own HTML page, next to `index.html` (issue 12): the data check and the
/// benchmark are built into a second WASM so residents do not download them.
pub const COUNCIL_PAGE: &str = "beheer.html";

/// Which page type is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Page {
    #[default]
    Home,
    Theme,
    Indicator,
    Profile,
    Compare,
    Find,
    DataCheck,
    /// The engine benchmark (not linked from the navigation).
    Benchmark,
}

impl Page {
    const ALL: [(Page, &'static str); 8] = [
        (Page::Home, "home"),
        (Page::Theme, "thema"),
        (Page::Indicator, "indicator"),
        (Page::Profile, "gemeente"),
        (Page::Compare, "vergelijk"),
        (Page::Find, "zoeken"),
        (Page::DataCheck, "datacheck"),
        (Page::Benchmark, "benchmark"),
    ];
    /// Shown on the council page ([`COUNCIL_PAGE`]), not in the residents' app.
    pub fn is_council_tool(self) -> bool {
        matches!(self, Page::DataCheck | Page::Benchmark)
    }
    pub fn id(self) -> &'static str {
        Page::ALL.iter().find(|(p, _)| *p == self).map_or("home", |(_, id)| id)
    }
    fn from_id(id: &str) -> Option<Page> {
        Page::ALL.iter().find(|(_, s)| *s == id).map(|(p, _)| *p)
    }
}

/// Chart, table or map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Display {
    #[default]
    Chart,
    Table,
    /// A choropleth of the region's gemeenten (`weergave=kaart`).
    Map,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    pub page: Page,
    pub region: Option<String>,
    pub theme: Option<String>,
    pub indicator: Option<String>,
    /// The chosen gemeente (CBS code).
    pub gemeente: Option<String>,
    /// Gemeenten to compare or to show in a chart (CBS codes), in order.
    pub gemeenten: Vec<String>,
    pub period: Option<String>,
    /// The measure the map shows (`maat`, a grid column's key: the measure's id, with
    /// `.category` when the columns are categories); the first column when absent.
    pub measure: Option<String>,
    pub display: Display,
    pub query: Option<String>,
    /// Shown inside an `<iframe>` on another site: no site navigation.
    pub embed: bool,
}

impl ViewState {
    /// Reads a query string (with or without the leading `?`). Unknown or malformed parameters
    /// are ignored: a link that was mistyped still opens the monitor.
    pub fn parse(query: &str) -> ViewState {
        let mut v = ViewState::default();
        v.apply_query(query);
        v
    }

    /// Reads an address relative to the site root: the page's path (`drechtsteden/jeugd.html`,
    /// or `index.html`, or empty), then the query on top of it (a parameter in the query wins).
    /// An unknown path reads as the home page, as a mistyped query does.
    pub fn parse_at(path: &str, query: &str) -> ViewState {
        let mut v = ViewState::default();
        if let Some((region, file)) = path.trim_start_matches("./").split_once('/') {
            if let (true, Some(name)) = (is_slug(region), file.strip_suffix(".html")) {
                v.region = Some(region.to_owned());
                v.page = Page::Home;
                let word = |prefix: &str| name.strip_prefix(prefix).filter(|w| is_slug(w)).map(str::to_owned);
                match name {
                    "index" => {}
                    "profiel" => v.page = Page::Profile,
                    "vergelijk" => v.page = Page::Compare,
                    "zoeken" => v.page = Page::Find,
                    _ if word(INDICATOR_FILE).is_some() => {
                        v.page = Page::Indicator;
                        v.indicator = word(INDICATOR_FILE);
                    }
                    _ if word(PROFILE_FILE).is_some() => {
                        v.page = Page::Profile;
                        v.gemeente = word(PROFILE_FILE);
                    }
                    _ if is_slug(name) => {
                        v.page = Page::Theme;
                        v.theme = Some(name.to_owned());
                    }
                    _ => v.region = None,
                }
            }
        }
        v.apply_query(query);
        v
    }

    /// Reads a link as [`ViewState::href`] writes it (a path relative to the site root and/or a
    /// query).
    pub fn parse_href(href: &str) -> ViewState {
        let href = href.split('#').next().unwrap_or_default();
        match href.split_once('?') {
            Some((path, query)) => ViewState::parse_at(path, query),
            None => ViewState::parse_at(href, ""),
        }
    }

    fn apply_query(&mut self, query: &str) {
        let v = self;
        for (k, val) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
            let val = val.into_owned();
            let clean = || Some(val.clone()).filter(|s| !s.is_empty() && s.len() <= 200);
            match k.as_ref() {
                "pagina" => v.page = Page::from_id(&val).unwrap_or_default(),
                "regio" => v.region = clean(),
                "thema" => v.theme = clean(),
                "indicator" => v.indicator = clean(),
                "gemeente" => v.gemeente = clean(),
                // Comma-separated, or repeated (as a GET form with checkboxes sends it).
                "gemeenten" => {
                    for g in val.split(',').filter(|s| !s.is_empty()) {
                        if v.gemeenten.len() < 20 && !v.gemeenten.iter().any(|x| x == g) {
                            v.gemeenten.push(g.to_owned());
                        }
                    }
                }
                "periode" => v.period = clean(),
                "maat" => v.measure = clean(),
                "weergave" => {
                    v.display = match val.as_str() {
                        "tabel" => Display::Table,
                        "kaart" => Display::Map,
                        _ => Display::Chart,
                    }
                }
                "zoek" => v.query = clean(),
                "embed" => v.embed = val == "1",
                _ => {}
            }
        }
    }

    /// The query string for this view, starting with `?`, in a fixed parameter order; empty
    /// fields are left out so links stay short.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if self.page != Page::Home {
            parts.push(format!("pagina={}", self.page.id()));
        }
        let fields = [
            ("regio", &self.region),
            ("thema", &self.theme),
            ("indicator", &self.indicator),
            ("gemeente", &self.gemeente),
        ];
        parts.extend(fields.iter().filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={}", encode(v)))));
        if !self.gemeenten.is_empty() {
            let joined = self.gemeenten.iter().map(|g| encode(g)).collect::<Vec<_>>().join(",");
            parts.push(format!("gemeenten={joined}"));
        }
        let fields = [("periode", &self.period), ("maat", &self.measure), ("zoek", &self.query)];
        parts.extend(fields.iter().filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={}", encode(v)))));
        match self.display {
            Display::Table => parts.push("weergave=tabel".into()),
            Display::Map => parts.push("weergave=kaart".into()),
            Display::Chart => {}
        }
        if self.embed {
            parts.push("embed=1".into());
        }
        if parts.is_empty() {
            "?".into()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// The baked page of this view, relative to the site root, and the view that path alone
    /// gives; none for an embed, the council tools, a view without a region, or ids that are
    /// not plain slugs (those stay a query on `index.html`).
    pub fn page_path(&self) -> Option<(String, ViewState)> {
        let region = self.region.as_deref().filter(|r| is_slug(r))?;
        if self.embed || self.page.is_council_tool() {
            return None;
        }
        let base = ViewState { page: self.page, region: Some(region.to_owned()), ..ViewState::default() };
        let (file, base) = match self.page {
            Page::Home => ("index".to_owned(), base),
            Page::Theme => {
                let theme = self.theme.as_deref().filter(|t| is_slug(t))?;
                (theme.to_owned(), ViewState { theme: Some(theme.to_owned()), ..base })
            }
            Page::Indicator => {
                let id = self.indicator.as_deref().filter(|t| is_slug(t))?;
                (format!("{INDICATOR_FILE}{id}"), ViewState { indicator: Some(id.to_owned()), ..base })
            }
            Page::Profile => match self.gemeente.as_deref() {
                Some(code) if is_slug(code) => {
                    (format!("{PROFILE_FILE}{code}"), ViewState { gemeente: Some(code.to_owned()), ..base })
                }
                _ => ("profiel".to_owned(), base),
            },
            Page::Compare => ("vergelijk".to_owned(), base),
            Page::Find => ("zoeken".to_owned(), base),
            Page::DataCheck | Page::Benchmark => return None,
        };
        Some((format!("{region}/{file}.html"), base))
    }

    /// What the query string adds to the page's path: the fields the path does not say.
    fn rest_query(&self, base: &ViewState) -> String {
        let rest = ViewState {
            page: Page::Home,
            region: None,
            theme: self.theme.clone().filter(|_| base.theme.is_none()),
            indicator: self.indicator.clone().filter(|_| base.indicator.is_none()),
            gemeente: self.gemeente.clone().filter(|_| base.gemeente.is_none()),
            ..self.clone()
        };
        rest.to_query()
    }

    /// A link to this view, relative to the site root (the app sets the document's base to the
    /// root, a baked page one folder down has `<base href="../">`): the baked page's path with
    /// the rest as a query, or `index.html` with the whole view as a query.
    pub fn href(&self) -> String {
        match self.page_path() {
            Some((path, base)) => match self.rest_query(&base) {
                q if q == "?" => path,
                q => format!("{path}{q}"),
            },
            None => match self.to_query() {
                q if q == "?" => "index.html".to_owned(),
                q => format!("index.html{q}"),
            },
        }
    }

    /// The query a baked page's own address carries (empty for a plain path): a reader arriving
    /// with exactly this query, or none, sees the baked view (`public/gebakken.js`).
    pub fn baked_query(&self) -> String {
        let href = self.href();
        href.split_once('?').map(|(_, q)| q.to_owned()).unwrap_or_default()
    }
}

/// File-name prefixes of the baked indicator and profile pages.
const INDICATOR_FILE: &str = "cijfer-";
const PROFILE_FILE: &str = "profiel-";

/// Whether a link in the page is one of the app's own (a page of the monitor, or a query on the
/// current one): those are followed in place, others (files, the council page, other sites) not.
pub fn is_app_link(href: &str) -> bool {
    let path = href.split(['?', '#']).next().unwrap_or_default();
    if href.starts_with('?') || path == "index.html" {
        return true;
    }
    path.split_once('/').is_some_and(|(region, file)| {
        is_slug(region) && file.strip_suffix(".html").is_some_and(|f| !f.is_empty() && is_slug(f))
    })
}

/// Letters, digits and `-`/`_` only, at most 120 long: safe as a folder or file name on every
/// host (ids and CBS codes are; anything else stays in the query).
fn is_slug(s: &str) -> bool {
    !s.is_empty() && s.len() <= 120 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Everything but RFC 3986's unreserved characters is percent-encoded in links.
const ESCAPED: &percent_encoding::AsciiSet =
    &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');

/// Percent-encodes everything but unreserved characters (`percent-encoding`, already in the WASM
/// through gloo-net's `url` dependency).
pub fn encode(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, ESCAPED).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let v = ViewState {
            page: Page::Indicator,
            region: Some("drechtsteden".into()),
            theme: Some("jeugd".into()),
            indicator: Some("jeugd-jongeren-in-jeugdzorg".into()),
            gemeente: Some("GM0642".into()),
            gemeenten: vec!["GM0642".into(), "GM0505".into()],
            period: Some("2016-H1".into()),
            measure: Some("jeugdhulp".into()),
            display: Display::Table,
            query: Some("wmo & jeugd".into()),
            embed: true,
        };
        let q = v.to_query();
        assert_eq!(ViewState::parse(&q), v);
        assert!(q.contains("zoek=wmo%20%26%20jeugd"), "{q}");
    }

    #[test]
    fn every_page_has_a_path_and_reads_back() {
        let region = Some("drechtsteden".to_owned());
        let views = [
            (ViewState { region: region.clone(), ..ViewState::default() }, "drechtsteden/index.html"),
            (
                ViewState {
                    page: Page::Theme,
                    region: region.clone(),
                    theme: Some("jeugd".into()),
                    ..ViewState::default()
                },
                "drechtsteden/jeugd.html",
            ),
            (
                ViewState {
                    page: Page::Indicator,
                    region: region.clone(),
                    indicator: Some("jeugd-x".into()),
                    gemeente: Some("GM0642".into()),
                    period: Some("2016-H1".into()),
                    ..ViewState::default()
                },
                "drechtsteden/cijfer-jeugd-x.html?gemeente=GM0642&periode=2016-H1",
            ),
            (
                ViewState {
                    page: Page::Profile,
                    region: region.clone(),
                    gemeente: Some("GM0642".into()),
                    ..ViewState::default()
                },
                "drechtsteden/profiel-GM0642.html",
            ),
            (
                ViewState { page: Page::Profile, region: region.clone(), ..ViewState::default() },
                "drechtsteden/profiel.html",
            ),
            (
                ViewState {
                    page: Page::Compare,
                    region: region.clone(),
                    gemeenten: vec!["GM0505".into(), "GM0642".into()],
                    ..ViewState::default()
                },
                "drechtsteden/vergelijk.html?gemeenten=GM0505,GM0642",
            ),
            (
                ViewState {
                    page: Page::Find,
                    region: region.clone(),
                    query: Some("wmo kosten".into()),
                    ..ViewState::default()
                },
                "drechtsteden/zoeken.html?zoek=wmo%20kosten",
            ),
            (ViewState::default(), "index.html"),
            (
                ViewState { embed: true, region: region.clone(), ..ViewState::default() },
                "index.html?regio=drechtsteden&embed=1",
            ),
            (
                ViewState {
                    page: Page::Theme,
                    region: Some("a b".into()),
                    theme: Some("jeugd".into()),
                    ..ViewState::default()
                },
                "index.html?pagina=thema&regio=a%20b&thema=jeugd",
            ),
        ];
        for (view, href) in views {
            assert_eq!(view.href(), href);
            assert_eq!(ViewState::parse_href(href), view, "{href}");
            assert!(is_app_link(href), "{href}");
        }
        // Old links still say everything in the query.
        let old = ViewState::parse_href("index.html?pagina=indicator&regio=drechtsteden&indicator=jeugd-x");
        assert_eq!(old.href(), "drechtsteden/cijfer-jeugd-x.html");
        for not_ours in
            ["beheer.html", "data/manifest.json", "https://example.org/a/b.html", "mailto:x@y.nl", "#inhoud"]
        {
            assert!(!is_app_link(not_ours), "{not_ours}");
        }
        assert_eq!(ViewState::parse_at("drechtsteden/iets.raars.html", "").region, None);
    }

    #[test]
    fn home_is_empty_and_garbage_is_ignored() {
        assert_eq!(ViewState::default().to_query(), "?");
        let v = ViewState::parse("?pagina=onzin&x=%ZZ&gemeente=%&weergave=tabel");
        assert_eq!(v.page, Page::Home);
        assert_eq!(v.gemeente.as_deref(), Some("%"));
        assert_eq!(v.display, Display::Table);
    }

    #[test]
    fn repeated_gemeenten_from_a_form_are_collected() {
        let v = ViewState::parse("?pagina=vergelijk&gemeenten=GM0505&gemeenten=GM0642&gemeenten=GM0505");
        assert_eq!(v.gemeenten, vec!["GM0505", "GM0642"]);
        assert_eq!(v.to_query(), "?pagina=vergelijk&gemeenten=GM0505,GM0642");
    }
}
