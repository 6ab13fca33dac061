//! Turns a parsed JSON tree into the typed model, collecting every shape problem on the way.
//!
//! Hand-written rather than `serde` derive so that one run reports *all* problems, each with
//! its JSON path, instead of stopping at the first. Semantic checks (areas, sums, ranges) live in
//! `validate`; this module only checks that each field is there and has the right form.

use crate::core::model::problem::{JsonPath, Problems};
use crate::core::model::*;
use crate::core::read::json::{self, Json};

/// Decoding of the running-text fields (statements, claims, …): a child module, so it reads
/// fields with the same `Obj` as the rest of this file.
mod narrative;

/// Decoding of one table: a child module like `narrative`; its measure, label and decimals
/// readers are shared with `narrative` through this module.
mod table;
pub use table::table;
use table::{decimals, formula, label};

/// Parses and decodes a dataset file. `None` means problems were recorded.
pub fn dataset(text: &str, problems: &mut Problems) -> Option<Dataset> {
    let root = parse_root(text, problems)?;
    dataset_tree(&root, problems)
}

/// Decodes a parsed dataset file (so `core::tolerant` can decode it table by table).
pub fn dataset_tree(root: &Json, problems: &mut Problems) -> Option<Dataset> {
    let before = problems.list.len();
    let mut o = Obj::new(root, &JsonPath::root(), problems)?;
    o.format();
    let region = o.string("region");
    let theme = o.enumerated("theme", Theme::from_id, "jeugd, participatie, wmo of samenloop");
    let tables = o.list("tables", table);
    let availability = o.optional_list("availability", availability);
    let untranscribed = o.optional_list("untranscribed", untranscribed);
    let begrippen = o.optional_list("begrippen", begrip);
    let narrative = narrative::narrative(&mut o);
    o.finish(&[
        "format",
        "region",
        "theme",
        "tables",
        "availability",
        "untranscribed",
        "begrippen",
        "statements",
        "claims",
        "links",
        "contradictions",
        "marks",
    ]);
    if problems.list.len() > before {
        return None;
    }
    Some(Dataset {
        region: region?,
        theme: theme?,
        tables: tables?,
        availability: availability?,
        untranscribed: untranscribed?,
        begrippen: begrippen?,
        narrative: narrative?,
    })
}

/// One entry of `areas`. Public so a manifest can be read entry by entry (`core::tolerant`).
pub fn area(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<Area> {
    let mut o = Obj::new(v, path, p)?;
    let a = Area {
        code: o.string("code")?,
        name: o.string("name")?,
        short: o.string("short")?,
        kind: o.enumerated("kind", AreaKind::from_id, "gemeente, regio, land, wijk of buurt")?,
        members: o.optional_strings("members")?,
    };
    o.finish(&["code", "name", "short", "kind", "members"]);
    Some(a)
}

/// One entry of `regions`.
pub fn region(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<Region> {
    let mut o = Obj::new(v, path, p)?;
    let r = Region {
        id: o.string("id")?,
        name: o.string("name")?,
        area: o.string("area")?,
        reference: o.optional_string("reference")?,
        gemeenten: o.strings("gemeenten")?,
    };
    o.finish(&["id", "name", "area", "reference", "gemeenten"]);
    Some(r)
}

/// One entry of `seeds`.
pub fn seed(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<Seed> {
    let mut o = Obj::new(v, path, p)?;
    let s = Seed {
        id: o.string("id")?,
        title: o.string("title")?,
        publisher: o.string("publisher")?,
        year: o.whole("year")?,
    };
    o.finish(&["id", "title", "publisher", "year"]);
    Some(s)
}

/// One entry of `datasets`.
pub fn dataset_ref(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<DatasetRef> {
    let mut o = Obj::new(v, path, p)?;
    let d = DatasetRef {
        file: o.string("file")?,
        region: o.string("region")?,
        themes: o.list("themes", |v, path, p| {
            let s = as_string(v, path, p)?;
            let t = Theme::from_id(&s);
            if t.is_none() {
                p.add(
                    path,
                    format!("onbekend thema \"{}\"; verwacht jeugd, participatie, wmo of samenloop", shorten(&s)),
                );
            }
            t
        })?,
        tables: o.optional("tables", as_strings)?,
        home: o.optional_bool("home")?.unwrap_or(false),
    };
    o.finish(&["file", "region", "themes", "tables", "home"]);
    Some(d)
}

pub fn parse_root(text: &str, problems: &mut Problems) -> Option<Json> {
    match json::parse_json(text) {
        Ok(root) => Some(root),
        Err(e) if e.line == 0 => {
            problems.add(&JsonPath::root(), e.message);
            None
        }
        Err(e) => {
            problems.add_at(e.line, e.column, e.message);
            None
        }
    }
}

fn source(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<Source> {
    let mut o = Obj::new(v, path, p)?;
    let s = Source {
        text: o.string("text")?,
        seed: o.string("seed")?,
        section: o.string("section")?,
        page: o.optional_whole("page")?,
    };
    o.finish(&["text", "seed", "section", "page"]);
    Some(s)
}

fn availability(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<Availability> {
    let mut o = Obj::new(v, path, p)?;
    let id = o.string("id");
    let theme = o.enumerated("theme", Theme::from_id, "jeugd, participatie, wmo of samenloop");
    let title = o.string("title");
    let src = o.field("source").and_then(|(v, path, p)| source(v, &path, p));
    let rows = o.list("rows", |v, path, p| {
        let mut o = Obj::new(v, path, p)?;
        let r = AvailabilityRow {
            item: o.optional_string("item")?,
            supplier: o.optional_string("supplier")?,
            frequency: o.optional_string("frequency")?,
            available: o.optional_string("available")?,
        };
        o.finish(&["item", "supplier", "frequency", "available"]);
        Some(r)
    });
    o.finish(&["id", "theme", "title", "source", "rows"]);
    Some(Availability { id: id?, theme: theme?, title: title?, source: src?, rows: rows? })
}

fn untranscribed(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<Untranscribed> {
    let mut o = Obj::new(v, path, p)?;
    let u = Untranscribed {
        title: o.string("title")?,
        seed: o.string("seed")?,
        section: o.string("section")?,
        reason: o.string("reason")?,
    };
    o.finish(&["title", "seed", "section", "reason"]);
    Some(u)
}

/// One glossary entry (`begrippen`, issue 23); a term or an explanation left empty is a problem,
/// because an empty disclosure would tell the reader nothing.
fn begrip(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<crate::core::model::glossary::Begrip> {
    let mut o = Obj::new(v, path, p)?;
    let term = o.string("term");
    let uitleg = o.string("uitleg");
    let ook = o.optional_strings("ook");
    let zoekwoorden = o.optional_strings("zoekwoorden");
    let mut empty = false;
    for (key, text) in [("term", &term), ("uitleg", &uitleg)] {
        if text.as_deref().is_some_and(|t| t.trim().is_empty()) {
            o.problem(key, "is leeg; een begrip heeft een term en een uitleg in gewone woorden".to_owned());
            empty = true;
        }
    }
    o.finish(&["term", "uitleg", "ook", "zoekwoorden"]);
    if empty {
        return None;
    }
    Some(crate::core::model::glossary::Begrip { term: term?, uitleg: uitleg?, ook: ook?, zoekwoorden: zoekwoorden? })
}

/// One JSON object being decoded: reads fields by name and records what is missing or wrong.
struct Obj<'a, 'p> {
    fields: &'a [(String, Json)],
    path: JsonPath,
    p: &'p mut Problems,
}

impl<'a, 'p> Obj<'a, 'p> {
    fn new(v: &'a Json, path: &JsonPath, p: &'p mut Problems) -> Option<Obj<'a, 'p>> {
        match v {
            Json::Object(fields) => Some(Obj { fields, path: path.clone(), p }),
            other => {
                p.add(path, format!("verwacht een object, maar vond {}", other.type_name()));
                None
            }
        }
    }

    fn path_of(&self, key: &'static str) -> JsonPath {
        self.path.key(key)
    }

    fn problem(&mut self, key: &'static str, message: String) {
        let path = self.path_of(key);
        self.p.add(&path, message);
    }

    fn raw(&self, key: &'static str) -> Option<&'a Json> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| **v != Json::Null)
    }

    /// Checks `format: 1` at the root.
    fn format(&mut self) {
        match self.raw("format") {
            Some(Json::Number(n)) if *n == 1.0 => {}
            Some(other) => {
                let msg = format!("onbekende formaatversie ({}); deze monitor leest formaat 1", describe(other));
                self.problem("format", msg)
            }
            None => self.problem("format", "\"format\": 1 ontbreekt".into()),
        }
    }

    fn field(&mut self, key: &'static str) -> Option<(&'a Json, JsonPath, &mut Problems)> {
        match self.raw(key) {
            Some(v) => Some((v, self.path_of(key), &mut *self.p)),
            None => {
                self.problem(key, format!("het veld \"{key}\" ontbreekt"));
                None
            }
        }
    }

    fn optional_field(&mut self, key: &'static str) -> Option<(&'a Json, JsonPath, &mut Problems)> {
        self.raw(key).map(|v| (v, self.path_of(key), &mut *self.p))
    }

    /// A required field read by `read`; `None` (with a problem) when absent or wrong.
    fn required<T>(
        &mut self,
        key: &'static str,
        read: impl FnOnce(&Json, &JsonPath, &mut Problems) -> Option<T>,
    ) -> Option<T> {
        let (v, path, p) = self.field(key)?;
        read(v, &path, p)
    }

    /// An optional field: `Some(None)` when absent or null; `None` when present but wrong.
    fn optional<T>(
        &mut self,
        key: &'static str,
        read: impl FnOnce(&Json, &JsonPath, &mut Problems) -> Option<T>,
    ) -> Option<Option<T>> {
        match self.optional_field(key) {
            None => Some(None),
            Some((v, path, p)) => read(v, &path, p).map(Some),
        }
    }

    fn string(&mut self, key: &'static str) -> Option<String> {
        self.required(key, as_string)
    }

    fn optional_string(&mut self, key: &'static str) -> Option<Option<String>> {
        self.optional(key, as_string)
    }

    fn strings(&mut self, key: &'static str) -> Option<Vec<String>> {
        self.required(key, as_strings)
    }

    fn optional_strings(&mut self, key: &'static str) -> Option<Vec<String>> {
        self.optional(key, as_strings).map(Option::unwrap_or_default)
    }

    fn boolean(&mut self, key: &'static str) -> Option<bool> {
        self.required(key, as_bool)
    }

    fn optional_bool(&mut self, key: &'static str) -> Option<Option<bool>> {
        self.optional(key, as_bool)
    }

    fn optional_number(&mut self, key: &'static str) -> Option<Option<f64>> {
        self.optional(key, as_number)
    }

    fn whole(&mut self, key: &'static str) -> Option<u32> {
        self.required(key, as_whole)
    }

    fn optional_whole(&mut self, key: &'static str) -> Option<Option<u32>> {
        self.optional(key, as_whole)
    }

    /// `rounding`: absent/null, 5 or 10.
    fn rounding(&mut self, key: &'static str) -> Option<Option<u32>> {
        match self.optional_whole(key)? {
            None => Some(None),
            Some(r @ (5 | 10)) => Some(Some(r)),
            Some(r) => {
                self.problem(key, format!("afronding op {r} is onbekend; verwacht 5, 10 of null"));
                None
            }
        }
    }

    fn enumerated<T>(&mut self, key: &'static str, from: impl Fn(&str) -> Option<T>, expected: &str) -> Option<T> {
        let s = self.string(key)?;
        match from(&s) {
            Some(t) => Some(t),
            None => {
                self.problem(key, format!("onbekende waarde \"{}\"; verwacht {expected}", shorten(&s)));
                None
            }
        }
    }

    fn list<T>(
        &mut self,
        key: &'static str,
        item: impl FnMut(&Json, &JsonPath, &mut Problems) -> Option<T>,
    ) -> Option<Vec<T>> {
        self.required(key, |v, path, p| as_list(v, path, p, item))
    }

    fn optional_list<T>(
        &mut self,
        key: &'static str,
        item: impl FnMut(&Json, &JsonPath, &mut Problems) -> Option<T>,
    ) -> Option<Vec<T>> {
        self.optional(key, |v, path, p| as_list(v, path, p, item)).map(Option::unwrap_or_default)
    }

    /// Reports fields that the format does not know: usually a typo that would otherwise be
    /// silently ignored.
    fn finish(self, known: &[&str]) {
        for (k, _) in self.fields {
            if !known.contains(&k.as_str()) {
                let path = self.path.key(k.clone());
                self.p
                    .add(&path, format!("onbekend veld \"{}\"; bekende velden zijn: {}", shorten(k), known.join(", ")));
            }
        }
    }
}

fn as_string(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<String> {
    match v {
        Json::String(s) => Some(s.clone()),
        other => {
            p.add(path, format!("verwacht een tekst, maar vond {}", describe(other)));
            None
        }
    }
}

fn as_strings(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<Vec<String>> {
    as_list(v, path, p, as_string)
}

fn as_bool(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<bool> {
    match v {
        Json::Bool(b) => Some(*b),
        other => {
            p.add(path, format!("verwacht true of false, maar vond {}", describe(other)));
            None
        }
    }
}

fn as_number(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<f64> {
    match v {
        Json::Number(n) if n.is_finite() => Some(*n),
        other => {
            let hint = match other {
                Json::String(s) if s.contains(',') => {
                    " (schrijf een getal met een punt als decimaalteken, zonder aanhalingstekens: 8.8, niet \"8,8\")"
                }
                Json::String(_) => " (een getal zonder aanhalingstekens)",
                _ => "",
            };
            p.add(path, format!("verwacht een getal, maar vond {}{hint}", describe(other)));
            None
        }
    }
}

fn as_whole(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<u32> {
    match v {
        Json::Number(n) if n.fract() == 0.0 && *n >= 0.0 && *n <= u32::MAX as f64 => Some(*n as u32),
        other => {
            p.add(path, format!("verwacht een geheel getal van 0 of meer, maar vond {}", describe(other)));
            None
        }
    }
}

fn as_list<T>(
    v: &Json,
    path: &JsonPath,
    p: &mut Problems,
    mut item: impl FnMut(&Json, &JsonPath, &mut Problems) -> Option<T>,
) -> Option<Vec<T>> {
    match v {
        Json::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            let mut ok = true;
            for (i, it) in items.iter().enumerate() {
                match item(it, &path.index(i), p) {
                    Some(t) => out.push(t),
                    None => ok = false,
                }
            }
            ok.then_some(out)
        }
        other => {
            p.add(path, format!("verwacht een lijst, maar vond {}", describe(other)));
            None
        }
    }
}

/// A short Dutch description of a JSON value, quoting small values so the user recognises them.
fn describe(v: &Json) -> String {
    match v {
        Json::String(s) => format!("de tekst \"{}\"", shorten(s)),
        Json::Number(n) => format!("het getal {n}"),
        Json::Bool(b) => format!("{b}"),
        other => other.type_name().to_owned(),
    }
}

/// The optional `status` of a value or a statement: published when absent; `Some(None)` (with a
/// problem) for an unknown word; `None` when the field is not a string.
fn status(o: &mut Obj) -> Option<Option<Status>> {
    Some(match o.optional_string("status")? {
        None => Some(Status::Gepubliceerd),
        Some(s) => Status::from_id(&s).or_else(|| {
            o.problem(
                "status",
                format!("onbekende status \"{}\"; verwacht geheim, niet-beschikbaar of nihil", shorten(&s)),
            );
            None
        }),
    })
}

/// Cuts long (possibly hostile) strings in messages.
fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}
