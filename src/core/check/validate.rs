//! Semantic checks on decoded data: codes exist, keys are unique, numbers are plausible for
//! their unit and kind, and every published total and derived figure agrees with what the
//! engine computes from its parts — or is a documented inconsistency of the source.
//!
//! Used by the app when it loads data, by the data check page and by `msd-check`; every
//! problem is reported, in Dutch, with its JSON path.

use crate::core::calc::engine;
use crate::core::check::rules;
use crate::core::model::problem::{JsonPath, Problems};
use crate::core::model::*;
use crate::core::text::format;
use rustc_hash::{FxHashMap, FxHashSet};

pub fn check_dataset(ds: &Dataset, m: &Manifest, p: &mut Problems) {
    let area_codes: FxHashSet<&str> = m.areas.iter().map(|a| a.code.as_str()).collect();
    let mut ids = FxHashSet::default();
    for (i, t) in ds.tables.iter().enumerate() {
        let path = JsonPath::root().key("tables").index(i);
        if !ids.insert(t.id.as_str()) {
            p.add(&path.key("id"), format!("tabel-id \"{}\" komt twee keer voor", t.id));
        }
        table(t, &path, &area_codes, p);
    }
    for (i, a) in ds.availability.iter().enumerate() {
        if !ids.insert(a.id.as_str()) {
            p.add(
                &JsonPath::root().key("availability").index(i).key("id"),
                format!("id \"{}\" komt twee keer voor", a.id),
            );
        }
        source(&a.source, &JsonPath::root().key("availability").index(i).key("source"), p);
    }
    crate::core::check::headline::check_dataset(ds, p);
    crate::core::check::budget::check(ds, p);
    crate::core::check::narrative::check(ds, m, p);
}

/// `source.text` of a table whose document prints no *Bron* line.
pub const NO_SOURCE_LINE: &str = "(geen bronregel gepubliceerd)";

fn source(s: &Source, path: &JsonPath, p: &mut Problems) {
    if s.text.trim().is_empty() {
        p.add(&path.key("text"), "de bronvermelding ontbreekt; neem de regel \"Bron: …\" over zoals gepubliceerd");
    }
    // One convention for a table without a Bron line, never an invented one (issue 14).
    if s.text != NO_SOURCE_LINE && s.text.to_lowercase().contains("geen bron") {
        p.add(
            &path.key("text"),
            format!("schrijf bij een tabel zonder bronregel precies \"{NO_SOURCE_LINE}\", niet \"{}\"", s.text),
        );
    }
    if !(s.seed.len() == 3 && s.seed.chars().all(|c| c.is_ascii_digit())) {
        p.add(&path.key("seed"), format!("\"{}\" is geen brondocument; verwacht een nummer als 001", s.seed));
    }
}

/// The checks of one table. Public so a file can be checked table by table (`core::tolerant`).
pub fn table(t: &Table, path: &JsonPath, areas: &FxHashSet<&str>, p: &mut Problems) {
    if !rules::is_id(&t.id) || !t.id.starts_with(&format!("{}-", t.theme.id())) {
        p.add(
            &path.key("id"),
            format!(
                "tabel-id \"{}\" moet uit kleine letters, cijfers en streepjes bestaan en beginnen met \"{}-\"",
                t.id,
                t.theme.id()
            ),
        );
    }
    if t.title.trim().is_empty() {
        p.add(&path.key("title"), "de titel ontbreekt");
    }
    source(&t.source, &path.key("source"), p);

    measures(t, path, p);
    if let Some(cycle) = formula_cycle(t) {
        p.add(&path.key("measures"), format!("de formules verwijzen in een kring naar elkaar ({cycle})"));
        return; // the engine cannot compute a cycle; stop before the checks below
    }
    let unique = |list: &[Label], what: &'static str, p: &mut Problems| {
        let mut seen = FxHashSet::default();
        for (j, l) in list.iter().enumerate() {
            if !seen.insert(l.id.as_str()) {
                p.add(&path.key(what).index(j).key("id"), format!("\"{}\" komt twee keer voor", l.id));
            }
        }
    };
    unique(&t.periods, "periods", p);
    unique(&t.categories, "categories", p);
    crate::core::check::headline::check(t, path, p);

    values(t, path, areas, p);
    for (j, total) in t.totals.iter().enumerate() {
        for (k, code) in std::iter::once(&total.total).chain(total.of.iter()).enumerate() {
            let ok = match total.dimension {
                TotalDimension::Area => areas.contains(code.as_str()),
                TotalDimension::Category => t.categories.iter().any(|c| c.id == *code),
            };
            if !ok {
                let total_path = path.key("totals").index(j);
                let at = if k == 0 { total_path.key("total") } else { total_path.key("of").index(k - 1) };
                p.add(&at, format!("onbekende code \"{code}\""));
            }
        }
    }
    for (j, inc) in t.inconsistencies.iter().enumerate() {
        let ip = path.key("inconsistencies").index(j);
        if inc.kind != InconsistencyKind::TextDiffers && t.value(&inc.key).is_none() {
            p.add(&ip, "deze inconsistentie verwijst naar een cel die niet in de tabel staat");
        }
        if inc.description.trim().is_empty() {
            p.add(&ip.key("description"), "beschrijf de inconsistentie in één zin");
        }
    }
    for check in engine::checks(t) {
        let Some(j) = t.values.iter().position(|v| v.key == check.key) else { continue };
        let vp = path.key("values").index(j).key("value");
        match (check.agrees, check.documented) {
            (true, true) => {
                p.add(&vp, format!("als inconsistentie gedocumenteerd, maar de berekening klopt: {}", check.how()))
            }
            (false, false) => p.add(
                &vp,
                format!(
                    "{} {} wijkt af van de berekening uit de delen ({}) en is niet als inconsistentie gedocumenteerd",
                    if check.kind == engine::CheckKind::Total {
                        "het gepubliceerde totaal"
                    } else {
                        "de gepubliceerde uitkomst van de formule"
                    },
                    format::shortest(check.published),
                    check.how()
                ),
            ),
            _ => {}
        }
    }
}

/// The measures of a table: unique ids, a unit that fits the kind, formulas only on derived
/// measures and over known measures. Apart from [`table`] because the formula cycle check
/// right after it relies on these.
fn measures(t: &Table, path: &JsonPath, p: &mut Problems) {
    let mut measure_ids = FxHashSet::default();
    for (j, m) in t.measures.iter().enumerate() {
        let mp = path.key("measures").index(j);
        if !measure_ids.insert(m.id.as_str()) {
            p.add(&mp.key("id"), format!("maat \"{}\" komt twee keer voor", m.id));
        }
        if let Err(msg) = rules::unit_fits(m.unit, m.kind, m.formula.as_ref().map(|f| f.op)) {
            p.add(&mp.key("unit"), msg);
        }
        if let Some(f) = &m.formula {
            if m.kind != Kind::Derived {
                p.add(&mp.key("formula"), "alleen een afgeleide maat (kind: derived) heeft een formule");
            }
            for (k, arg) in f.args.iter().enumerate() {
                if t.measure(arg).is_none() {
                    p.add(&mp.key("formula").key("args").index(k), format!("onbekende maat \"{arg}\" in de formule"));
                }
            }
        }
    }
}

/// The values of a table: a known key, once; a number that fits its measure (not negative, a
/// percentage within 0–100, a whole count, a multiple of the rounding). Apart from [`table`]
/// because these are the rules per cell.
fn values(t: &Table, path: &JsonPath, areas: &FxHashSet<&str>, p: &mut Problems) {
    let mut keys: FxHashMap<&Key, usize> = FxHashMap::default();
    for (j, v) in t.values.iter().enumerate() {
        let vp = path.key("values").index(j);
        key_known(t, &v.key, &vp, areas, p);
        if let Some(first) = keys.insert(&v.key, j) {
            p.add(
                &vp,
                format!(
                    "dubbele waarde: dezelfde maat, hetzelfde gebied en dezelfde periode staan al in values[{first}]"
                ),
            );
        }
        let (Some(m), Some(x)) = (t.measure(&v.key.measure), v.value) else { continue };
        if m.kind.is_additive() && x < 0.0 {
            p.add(
                &vp.key("value"),
                format!(
                    "een {} kan niet negatief zijn ({})",
                    if m.kind == Kind::Amount { "bedrag van deze soort" } else { "aantal" },
                    format::number(x, m.decimals)
                ),
            );
        }
        if m.unit == Unit::Procent
            && !(0.0..=100.0).contains(&x)
            && m.formula.as_ref().is_none_or(|f| f.op == Op::Share)
        {
            p.add(
                &vp.key("value"),
                format!("een percentage moet tussen 0 en 100 liggen, niet {}", format::number(x, m.decimals)),
            );
        }
        if m.kind == Kind::Count && x.fract() != 0.0 {
            p.add(&vp.key("value"), format!("een aantal is een geheel getal, niet {}", format::shortest(x)));
        }
        if let Some(r) = m.rounding.or(t.rounding) {
            if m.kind.is_additive()
                && x % r as f64 != 0.0
                && v.status == Status::Gepubliceerd
                && t.inconsistency(&v.key).is_none()
            {
                p.add(
                    &vp.key("value"),
                    format!("de tabel rondt af op {r}-tallen, maar {} is geen veelvoud van {r}", format::number(x, 0)),
                );
            }
        }
    }
}

fn key_known(t: &Table, k: &Key, vp: &JsonPath, areas: &FxHashSet<&str>, p: &mut Problems) {
    if t.measure(&k.measure).is_none() {
        p.add(&vp.key("measure"), format!("onbekende maat \"{}\"; declareer hem onder measures", k.measure));
    }
    if !areas.contains(k.area.as_str()) {
        p.add(&vp.key("area"), rules::unknown_area(&k.area));
    }
    if !t.periods.iter().any(|x| x.id == k.period) {
        p.add(&vp.key("period"), format!("onbekende periode \"{}\"; declareer haar onder periods", k.period));
    }
    match (&k.category, t.categories.is_empty()) {
        (Some(c), _) if !t.categories.iter().any(|x| x.id == *c) => {
            p.add(&vp.key("category"), format!("onbekende categorie \"{c}\"; declareer haar onder categories"));
        }
        (None, false) => {
            p.add(&vp.key("category"), "deze tabel heeft categorieën: elke waarde heeft een \"category\" nodig")
        }
        _ => {}
    }
}

/// A chain of formulas that refers back to itself, written out, if there is one.
pub fn formula_cycle(t: &Table) -> Option<String> {
    fn visit<'a>(t: &'a Table, id: &'a str, stack: &mut Vec<&'a str>) -> Option<String> {
        if let Some(pos) = stack.iter().position(|s| *s == id) {
            let mut chain: Vec<&str> = stack[pos..].to_vec();
            chain.push(id);
            return Some(chain.join(" → "));
        }
        let m = t.measure(id)?;
        let f = m.formula.as_ref()?;
        stack.push(&m.id);
        for a in &f.args {
            if let Some(c) = visit(t, a, stack) {
                return Some(c);
            }
        }
        stack.pop();
        None
    }
    t.measures.iter().find_map(|m| visit(t, &m.id, &mut Vec::new()))
}
