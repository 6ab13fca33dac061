//! `config.json`: a council's own name, logo, colours, regions, default gemeente, contact and
//! footer, read at run time (no rebuild). Every field is optional; an invalid field is reported
//! in Dutch and replaced by its default, so a typo never takes the monitor down.

use crate::core::model::problem::{JsonPath, Problems};
use crate::core::model::Manifest;
use crate::core::read::json::{self, Json};

/// Colours as design tokens (CSS custom properties), NL Design System style.
pub const COLOUR_TOKENS: [(&str, &str, &str); 6] = [
    // (config key, CSS custom property, default)
    ("primair", "--msd-color-primary", "#01689b"),
    ("primairTekst", "--msd-color-primary-text", "#ffffff"),
    ("tekst", "--msd-color-text", "#1a1a1a"),
    ("achtergrond", "--msd-color-background", "#ffffff"),
    ("vlak", "--msd-color-surface", "#f3f6f8"),
    ("focus", "--msd-color-focus", "#ffbf47"),
];

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Contact {
    pub email: Option<String>,
    pub telefoon: Option<String>,
    pub website: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub name: String,
    pub organisation: Option<String>,
    /// A file next to index.html (never another host).
    pub logo: Option<String>,
    /// (CSS custom property, colour) pairs to set on the page.
    pub colours: Vec<(String, String)>,
    /// Region ids to show, in order; empty means all regions of the manifest.
    pub regions: Vec<String>,
    pub default_region: Option<String>,
    pub default_gemeente: Option<String>,
    pub contact: Contact,
    pub accessibility_statement: Option<String>,
    pub footer: Option<String>,
    /// The site's public address (`adres`, `https://…/`, ending in `/`): canonical links,
    /// preview tags and `sitemap.xml` of the baked pages need it (issue 22).
    pub address: Option<String>,
    /// `inleiding`: the home page's opening text (the default describes the bundled reports;
    /// a council publishing its own registration data says so here).
    pub intro: Option<String>,
    /// `themas`: the themes the site shows, in order; empty means every theme with data.
    pub themes: Vec<crate::core::model::Theme>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            name: "Monitor Sociaal Domein".into(),
            organisation: None,
            logo: None,
            colours: COLOUR_TOKENS.iter().map(|(_, var, value)| ((*var).to_owned(), (*value).to_owned())).collect(),
            regions: Vec::new(),
            default_region: None,
            default_gemeente: None,
            contact: Contact::default(),
            accessibility_statement: None,
            footer: None,
            address: None,
            intro: None,
            themes: Vec::new(),
        }
    }
}

/// Reads `config.json`. Always returns a usable config; `problems` says what was ignored.
pub fn parse(text: &str, manifest: &Manifest, problems: &mut Problems) -> Config {
    let mut c = Config::default();
    let root = match json::parse_json(text) {
        Ok(Json::Object(fields)) => fields,
        Ok(other) => {
            problems.add(
                &JsonPath::root(),
                format!(
                    "verwacht een object {{ … }}, maar vond {}; de standaardinstellingen worden gebruikt",
                    other.type_name()
                ),
            );
            return c;
        }
        Err(e) => {
            problems.add_at(e.line, e.column, format!("{}; de standaardinstellingen worden gebruikt", e.message));
            return c;
        }
    };
    // `null` means "not set": the default stays, without a message.
    for (key, v) in root.iter().filter(|(_, v)| *v != Json::Null) {
        let path = JsonPath::root().key(key.clone());
        match key.as_str() {
            "naam" => {
                if let Some(s) = text_field(&path, v, problems) {
                    c.name = s;
                }
            }
            "organisatie" => c.organisation = text_field(&path, v, problems),
            "adres" => {
                c.address = text_field(&path, v, problems).and_then(|s| {
                    let ok = s.starts_with("https://") && !s.contains(['"', '<', '>', ' ']);
                    if !ok {
                        problems.add(&path, format!("\"{s}\" is geen adres van een website; schrijf het volledige adres, zoals https://www.gemeente.nl/monitor/"));
                    }
                    ok.then(|| if s.ends_with('/') { s } else { format!("{s}/") })
                })
            }
            "voettekst" => c.footer = text_field(&path, v, problems),
            "logo" => {
                c.logo = text_field(&path, v, problems).filter(|s| {
                    let ok = is_local_file(s);
                    if !ok {
                        problems.add(&path, format!("\"{s}\" moet een bestandsnaam in dezelfde map zijn (bijvoorbeeld logo.svg), geen adres van een andere website: de monitor laadt niets van andere websites"));
                    }
                    ok
                })
            }
            "toegankelijkheidsverklaring" => {
                c.accessibility_statement = text_field(&path, v, problems).filter(|s| {
                    let ok = s.starts_with("https://") || is_local_file(s);
                    if !ok {
                        problems.add(&path, format!("\"{s}\" moet een adres zijn dat met https:// begint, of een bestand in dezelfde map"));
                    }
                    ok
                })
            }
            "kleuren" => colours(v, &mut c, problems),
            "inleiding" => match v {
                Json::String(s) if !s.trim().is_empty() && s.chars().count() <= 1000 => c.intro = Some(s.trim().to_owned()),
                other => problems.add(&path, format!("verwacht een tekst van hoogstens 1000 tekens, maar vond {}; de standaardinleiding wordt gebruikt", other.type_name())),
            },
            "themas" => themes(&path, v, &mut c, problems),
            "regios" => regions(&path, v, manifest, &mut c, problems),
            "standaardRegio" => {
                c.default_region = text_field(&path, v, problems).filter(|id| {
                    let ok = manifest.regions.iter().any(|r| r.id == *id);
                    if !ok {
                        problems.add(&path, format!("onbekende regio \"{id}\"; bekend zijn: {}", region_ids(manifest)));
                    }
                    ok
                })
            }
            "standaardGemeente" => {
                c.default_gemeente = text_field(&path, v, problems).filter(|code| {
                    let ok = manifest.regions.iter().any(|r| r.gemeenten.contains(code));
                    if !ok {
                        problems.add(&path, format!("\"{code}\" is geen gemeente van een regio in deze monitor; verwacht een CBS-code als GM0642"));
                    }
                    ok
                })
            }
            "contact" => contact(&path, v, &mut c, problems),
            _ => problems.add(&path, format!("onbekend veld \"{key}\"; bekende velden zijn: naam, organisatie, adres, logo, kleuren, inleiding, themas, regios, standaardRegio, standaardGemeente, contact, toegankelijkheidsverklaring, voettekst")),
        }
    }
    if let (Some(r), false) = (&c.default_region, c.regions.is_empty()) {
        if !c.regions.contains(r) {
            problems.add(
                &JsonPath::root().key("standaardRegio"),
                format!("\"{r}\" staat niet in regios; de eerste regio uit regios wordt gebruikt"),
            );
            c.default_region = None;
        }
    }
    c
}

/// A short text field (at most 300 characters); `None`, with a problem, for anything else.
/// Most fields of `config.json` are one.
fn text_field(path: &JsonPath, v: &Json, problems: &mut Problems) -> Option<String> {
    match v {
        Json::String(s) if !s.trim().is_empty() && s.chars().count() <= 300 => Some(s.trim().to_owned()),
        Json::Null => None,
        other => {
            problems.add(
                path,
                format!(
                    "verwacht een tekst van hoogstens 300 tekens, maar vond {}; dit veld wordt genegeerd",
                    other.type_name()
                ),
            );
            None
        }
    }
}

/// `themas`: the themes the monitor shows, in order, each once.
fn themes(path: &JsonPath, v: &Json, c: &mut Config, problems: &mut Problems) {
    match v {
        Json::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                match item {
                    Json::String(id) => match crate::core::model::Theme::from_id(id) {
                        Some(t) if !c.themes.contains(&t) => c.themes.push(t),
                        Some(_) => problems.add(&path.index(i), format!("thema \"{id}\" staat er twee keer")),
                        None => problems.add(
                            &path.index(i),
                            format!(
                                "onbekend thema \"{}\"; kies uit jeugd, participatie, wmo en samenloop",
                                id.chars().take(40).collect::<String>()
                            ),
                        ),
                    },
                    other => problems
                        .add(&path.index(i), format!("verwacht een thema als \"wmo\", maar vond {}", describe(other))),
                }
            }
        }
        other => problems.add(
            path,
            format!("verwacht een lijst met thema's, zoals [\"wmo\", \"jeugd\"], maar vond {}", other.type_name()),
        ),
    }
}

/// `regios`: the regions of the manifest the monitor shows.
fn regions(path: &JsonPath, v: &Json, manifest: &Manifest, c: &mut Config, problems: &mut Problems) {
    match v {
        Json::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                match item {
                    Json::String(id) if manifest.regions.iter().any(|r| r.id == *id) => c.regions.push(id.clone()),
                    other => problems.add(
                        &path.index(i),
                        format!("onbekende regio {}; bekend zijn: {}", describe(other), region_ids(manifest)),
                    ),
                }
            }
        }
        other => problems.add(path, format!("verwacht een lijst met regio's, maar vond {}", other.type_name())),
    }
}

/// `contact`: e-mail, phone and website, each checked as a text (the website as an address).
fn contact(path: &JsonPath, v: &Json, c: &mut Config, problems: &mut Problems) {
    match v {
        Json::Object(fields) => {
            for (k, x) in fields {
                let field_path = path.key(k.clone());
                match k.as_str() {
                    "email" => c.contact.email = text_field(&field_path, x, problems),
                    "telefoon" => c.contact.telefoon = text_field(&field_path, x, problems),
                    "website" => {
                        c.contact.website =
                            text_field(&field_path, x, problems).and_then(|s| website(&field_path, &s, problems))
                    }
                    _ => problems
                        .add(&field_path, format!("onbekend veld \"{k}\"; bekend zijn: email, telefoon, website")),
                }
            }
        }
        other => problems
            .add(path, format!("verwacht een object met email, telefoon en website, maar vond {}", other.type_name())),
    }
}

/// `contact.website`. People write `www.gemeente.nl` on letters and business cards, so a bare
/// host name is what they mean: it gets `https://` without a message. `http://` is changed to
/// `https://` and reported (the link is changed, the administrator should know). Anything else
/// (spaces, other schemes such as `javascript:`) is reported and left out.
fn website(path: &JsonPath, s: &str, problems: &mut Problems) -> Option<String> {
    let host_like = |rest: &str| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        host.contains('.')
            && !host.starts_with('.')
            && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
            && !rest.chars().any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>')
    };
    if let Some(rest) = s.strip_prefix("https://") {
        return host_like(rest).then(|| s.to_owned()).or_else(|| {
            problems
                .add(path, format!("\"{s}\" is geen geldig webadres; schrijf bijvoorbeeld https://www.gemeente.nl"));
            None
        });
    }
    if let Some(rest) = s.strip_prefix("http://").filter(|r| host_like(r)) {
        problems.add(path, format!("\"{s}\" begint met http://; de monitor gebruikt het veilige https://{rest}"));
        return Some(format!("https://{rest}"));
    }
    if !s.contains(':') && host_like(s) {
        return Some(format!("https://{s}"));
    }
    problems.add(path, format!("\"{s}\" is geen geldig webadres; schrijf bijvoorbeeld https://www.gemeente.nl"));
    None
}

fn describe(v: &Json) -> String {
    match v {
        Json::String(s) => format!("\"{}\"", s.chars().take(40).collect::<String>()),
        other => other.type_name().to_owned(),
    }
}

fn region_ids(m: &Manifest) -> String {
    m.regions.iter().map(|r| r.id.as_str()).collect::<Vec<_>>().join(", ")
}

/// A plain file name in the monitor's folder: no scheme, no `..`, no leading slash.
fn is_local_file(s: &str) -> bool {
    !s.contains("//")
        && !s.contains("..")
        && !s.starts_with('/')
        && !s.contains(':')
        && !s.contains('\\')
        && s.len() <= 100
}

fn colours(v: &Json, c: &mut Config, problems: &mut Problems) {
    let Json::Object(fields) = v else {
        problems.add(
            &JsonPath::root().key("kleuren"),
            format!("verwacht een object met kleuren, maar vond {}", v.type_name()),
        );
        return;
    };
    for (key, value) in fields {
        let path = JsonPath::root().key("kleuren").key(key.clone());
        let Some((_, var, _)) = COLOUR_TOKENS.iter().find(|(k, _, _)| k == key) else {
            let known: Vec<&str> = COLOUR_TOKENS.iter().map(|(k, _, _)| *k).collect();
            problems.add(&path, format!("onbekende kleur \"{key}\"; bekend zijn: {}", known.join(", ")));
            continue;
        };
        match value {
            Json::String(s) if parse_hex(s).is_some() => {
                if let Some(slot) = c.colours.iter_mut().find(|(v, _)| v == var) {
                    slot.1 = s.to_lowercase();
                }
            }
            other => problems.add(
                &path,
                format!("verwacht een kleur als \"#01689b\", maar vond {}; de standaardkleur blijft", describe(other)),
            ),
        }
    }
    // WCAG 2.1 AA: text must keep 4.5:1 against its background, or the colours are not used.
    for (fg, bg, what) in [
        (
            "--msd-color-primary-text",
            "--msd-color-primary",
            "de tekst op de primaire kleur (kleuren.primairTekst op kleuren.primair)",
        ),
        (
            "--msd-color-text",
            "--msd-color-background",
            "de tekst op de achtergrond (kleuren.tekst op kleuren.achtergrond)",
        ),
        (
            "--msd-color-primary",
            "--msd-color-background",
            "links in de primaire kleur op de achtergrond (kleuren.primair op kleuren.achtergrond)",
        ),
    ] {
        let get = |var: &str| c.colours.iter().find(|(v, _)| v == var).and_then(|(_, x)| parse_hex(x));
        if let (Some(a), Some(b)) = (get(fg), get(bg)) {
            let ratio = contrast(a, b);
            if ratio < 4.5 {
                // Only the ratio gets a decimal comma: field names and "WCAG 2.1" keep their dots.
                let ratio = format!("{ratio:.1}").replace('.', ",");
                problems.add(&JsonPath::root().key("kleuren"), format!("het contrast van {what} is {ratio}:1; de wet (WCAG 2.1 AA) vraagt minstens 4,5:1, dus de standaardkleuren worden gebruikt"));
                c.colours = Config::default().colours;
                return;
            }
        }
    }
}

/// `#rgb` or `#rrggbb` → (r, g, b). Nothing else, so no CSS can be injected through a colour.
pub fn parse_hex(s: &str) -> Option<(u8, u8, u8)> {
    let h = s.strip_prefix('#')?;
    if !h.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let n = |x: &str| u8::from_str_radix(x, 16).ok();
    match h.len() {
        3 => Some((n(&h[0..1].repeat(2))?, n(&h[1..2].repeat(2))?, n(&h[2..3].repeat(2))?)),
        6 => Some((n(&h[0..2])?, n(&h[2..4])?, n(&h[4..6])?)),
        _ => None,
    }
}

/// WCAG contrast ratio of two sRGB colours.
pub fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let lum = |(r, g, b): (u8, u8, u8)| {
        let ch = |c: u8| {
            let c = c as f64 / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)
    };
    let (la, lb) = (lum(a), lum(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}
