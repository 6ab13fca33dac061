//! HTML text for the baked pages: escaping, and the frame around a page's content (the head of
//! the built `index.html` with the page's own title, description and preview tags; the site
//! header and footer as the app draws them, `ui::app::Shell`).

use crate::core::pages::NavLink;
use crate::core::read::config::Config;

/// Text in an element or an attribute value.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `<a href>` to a page of the monitor (`href` relative to the site root, as the core writes
/// it); `aria-current` on the current one.
pub fn link(l: &NavLink) -> String {
    let current = if l.current { " aria-current=\"true\"" } else { "" };
    format!("<a href=\"{}\"{current}>{}</a>", esc(&l.href), esc(&l.label))
}

/// A list of links (`<ul>` of `<li><a>`).
pub fn link_list(links: &[NavLink]) -> String {
    links.iter().map(|l| format!("<li>{}</li>", link(l))).collect()
}

/// What the head of a baked page says about it.
pub struct Head<'a> {
    pub title: &'a str,
    pub description: &'a str,
    /// The page's path below the root (`drechtsteden/jeugd.html`, or `index.html`).
    pub path: &'a str,
    /// The site's public address from `config.json`, ending in `/`, if the council set one.
    pub site: Option<&'a str>,
    /// The preview image (PNG) below the root, if the page has a chart.
    pub image: Option<String>,
    /// `data-*` attributes of `<html>`: the files the page was baked from with their hashes,
    /// the query the page's own address carries, the region.
    pub files: &'a str,
    pub query: String,
    pub region: &'a str,
}

/// The built `index.html` (Trunk's output, hashed asset names) made into one baked page: a
/// `<base>` for pages one folder down, the data check script, the page's own title,
/// description, canonical address and Open Graph / Twitter tags, and `body` in place of the
/// loading text. Errors name what the template lacks.
pub fn page(template: &str, head: &Head, body: &str) -> Result<String, String> {
    let depth = head.path.matches('/').count();
    let up = "../".repeat(depth);
    let mut html = template.to_owned();
    let html_tag = format!(
        "<html lang=\"nl\" data-wortel=\"{}\" data-gebakken=\"{}\" data-zoek=\"{}\" data-regio=\"{}\">",
        if up.is_empty() { "./" } else { &up },
        esc(head.files),
        esc(&head.query),
        esc(head.region),
    );
    replace_once(&mut html, "<html lang=\"nl\">", &html_tag)?;
    let base = if up.is_empty() { String::new() } else { format!("<base href=\"{up}\">\n  ") };
    let check = "<script src=\"gebakken.js\"></script>\n  <link rel=\"stylesheet\" href=\"merk.css\">";
    replace_once(&mut html, "<head>\n", &format!("<head>\n  {base}{check}\n"))?;
    let start = html.find("<title>").ok_or("index.html heeft geen <title>")?;
    let end = html[start..].find("</title>").ok_or("index.html heeft geen </title>")? + start + "</title>".len();
    html.replace_range(start..end, &format!("<title>{}</title>", esc(head.title)));
    let desc_start =
        html.find("<meta name=\"description\"").ok_or("index.html heeft geen <meta name=\"description\">")?;
    let desc_end = html[desc_start..].find('>').ok_or("onvolledige description")? + desc_start + 1;
    html.replace_range(desc_start..desc_end, &meta_tags(head));
    html = without_preloads(&html);
    let body_start = html.find("<body>").ok_or("index.html heeft geen <body>")? + "<body>".len();
    let body_end = html.find("</body>").ok_or("index.html heeft geen </body>")?;
    html.replace_range(body_start..body_end, &format!("\n{body}\n"));
    Ok(html)
}

/// At most `max` characters: whole sentences where they fit, else cut at a word with "…"
/// (previews show about 200).
pub fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let head: String = text.chars().take(max).collect();
    if let Some(end) = head.rfind(". ").filter(|e| *e > max / 3) {
        return head[..=end].to_owned();
    }
    let cut = head.rfind(' ').unwrap_or(head.len());
    format!("{}…", head[..cut].trim_end_matches([',', ';', ':']))
}

/// The built page asks for the app's files at once (the WASM, its glue, ECharts, manifest and
/// config: issue 12). A baked page needs none of them for its first view, and on a phone's line
/// they would share the bandwidth with the page and its check, so they go: `public/loader.js`
/// starts the app once the baked figures are checked. The ECharts link stays as a name only
/// (`rel="msd-echarts"`, which no browser fetches): the loader reads its address there.
fn without_preloads(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<link ") {
        out.push_str(&rest[..at]);
        let Some(len) = rest[at..].find('>') else { break };
        let tag = &rest[at..at + len + 1];
        if tag.contains("data-echarts") {
            out.push_str(&tag.replace("rel=\"modulepreload\"", "rel=\"msd-echarts\""));
        } else if !tag.contains("rel=\"modulepreload\"") && !tag.contains("rel=\"preload\"") {
            out.push_str(tag);
        }
        rest = &rest[at + len + 1..];
    }
    out.push_str(rest);
    out
}

fn replace_once(html: &mut String, from: &str, to: &str) -> Result<(), String> {
    let at = html.find(from).ok_or_else(|| format!("index.html heeft geen {from}"))?;
    html.replace_range(at..at + from.len(), to);
    Ok(())
}

/// Description, canonical address and preview tags. Without a site address only what can be
/// relative: Open Graph wants absolute addresses, so those tags are left out (docs/hosten.md).
fn meta_tags(head: &Head) -> String {
    let description = short(head.description, 200);
    let mut tags = vec![format!("<meta name=\"description\" content=\"{}\">", esc(&description))];
    tags.push(format!("<meta property=\"og:title\" content=\"{}\">", esc(head.title)));
    tags.push(format!("<meta property=\"og:description\" content=\"{}\">", esc(&description)));
    tags.push("<meta property=\"og:type\" content=\"website\">".to_owned());
    tags.push("<meta property=\"og:locale\" content=\"nl_NL\">".to_owned());
    let card = if head.image.is_some() { "summary_large_image" } else { "summary" };
    tags.push(format!("<meta name=\"twitter:card\" content=\"{card}\">"));
    if let Some(site) = head.site {
        let url = format!("{site}{}", head.path);
        tags.push(format!("<link rel=\"canonical\" href=\"{}\">", esc(&url)));
        tags.push(format!("<meta property=\"og:url\" content=\"{}\">", esc(&url)));
        if let Some(image) = &head.image {
            tags.push(format!("<meta property=\"og:image\" content=\"{}\">", esc(&format!("{site}{image}"))));
            tags.push("<meta property=\"og:image:width\" content=\"1200\">".to_owned());
            tags.push("<meta property=\"og:image:height\" content=\"630\">".to_owned());
            tags.push(format!("<meta property=\"og:image:alt\" content=\"{}\">", esc(head.title)));
        }
    }
    tags.join("\n  ")
}

/// The site header, `main` around the page's content, and the footer, as the app's shell draws
/// them; `self_path` makes the skip link work under `<base>`. While the baked figures are being
/// checked against the data files (`public/gebakken.js`) they are hidden; if they do not match,
/// a status line says the app is bringing the current figures.
pub fn frame(config: &Config, regions: &[NavLink], self_path: &str, content: &str) -> String {
    let logo = config.logo.as_deref().map(|src| {
        let alt = config.organisation.as_deref().map_or_else(|| "Logo".to_owned(), |o| format!("Logo {o}"));
        format!("<img class=\"logo\" src=\"{}\" alt=\"{}\">", esc(src), esc(&alt))
    });
    format!(
        "<div id=\"gebakken\">\n<a class=\"skiplink\" href=\"{path}#inhoud\">Naar de inhoud</a>\n\
         <header class=\"kop\"><a class=\"merk\" href=\"index.html\">{logo}<span>{name}</span></a>\
         <nav aria-label=\"Regio&#39;s\"><ul>{regions}</ul></nav></header>\n\
         <main id=\"inhoud\" tabindex=\"-1\">\n\
         <p class=\"laden gebakken-wacht\" role=\"status\">De actuele cijfers worden geladen…</p>\n\
         <div class=\"gebakken-inhoud\">\n{content}\n</div>\n</main>\n{footer}\n</div>",
        path = esc(self_path),
        logo = logo.unwrap_or_default(),
        name = esc(&config.name),
        regions = link_list(regions),
        footer = footer(config),
    )
}

fn footer(config: &Config) -> String {
    let mut parts = Vec::new();
    if let Some(f) = &config.footer {
        parts.push(format!("<p>{}</p>", esc(f)));
    }
    if let Some(o) = &config.organisation {
        parts.push(format!("<p>Deze monitor wordt uitgegeven door {}.</p>", esc(o)));
    }
    if config.contact != Default::default() {
        let c = &config.contact;
        let mut line = String::from("<p>Contact: ");
        if let Some(e) = &c.email {
            line.push_str(&format!("<a href=\"mailto:{0}\">{0}</a> ", esc(e)));
        }
        if let Some(t) = &c.telefoon {
            line.push_str(&format!("<a href=\"tel:{}\">{}</a> ", esc(&t.replace(' ', "")), esc(t)));
        }
        if let Some(w) = &c.website {
            line.push_str(&format!("<a href=\"{0}\">{0}</a>", esc(w)));
        }
        parts.push(format!("{line}</p>"));
    }
    let statement = config
        .accessibility_statement
        .as_deref()
        .map(|a| format!("<a href=\"{}\">Toegankelijkheidsverklaring</a> · ", esc(a)))
        .unwrap_or_default();
    parts.push(format!(
        "<p>{statement}Open cijfers over jeugdhulp, Participatiewet en Wmo. Deze website gebruikt geen cookies en laadt niets van andere websites.</p>"
    ));
    format!("<footer class=\"voet\">{}</footer>", parts.join(""))
}
