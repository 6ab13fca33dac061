//! The view state: everything that decides what the page shows, mapped one-to-one onto the
//! query string of the single page. A static host serves only `index.html`, so there are no
//! path routes; a reload, a copied link or the back button restores exactly the same view.
//!
//! `parse` and `to_query` are the only places that know the parameter names.

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
        v
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
        let fields = [("periode", &self.period), ("zoek", &self.query)];
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

    /// A link to another view: relative to the current page, so it works in any sub-folder.
    pub fn href(&self) -> String {
        self.to_query()
    }
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
            display: Display::Table,
            query: Some("wmo & jeugd".into()),
            embed: true,
        };
        let q = v.to_query();
        assert_eq!(ViewState::parse(&q), v);
        assert!(q.contains("zoek=wmo%20%26%20jeugd"), "{q}");
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
