//! Semantic checks on decoded data: codes exist, keys are unique, numbers are plausible for
//! their unit and kind, and every published total and derived figure agrees with what the
//! engine computes from its parts — or is a documented inconsistency of the source.
//!
//! Used by the app when it loads data, by the data check page and by `msd-check`; every
//! problem is reported, in Dutch, with its JSON path.

use super::engine;
use super::format;
use super::model::*;
use super::problem::{JsonPath, Problem, Problems};
use rustc_hash::{FxHashMap, FxHashSet};

/// Decodes and validates one dataset file against the manifest.
pub fn dataset_file(file: &str, text: &str, manifest: &Manifest) -> Result<Dataset, Vec<Problem>> {
    let mut p = Problems::new(file);
    let Some(ds) = super::decode::dataset(text, &mut p) else {
        return Err(p.list);
    };
    check_dataset(&ds, manifest, &mut p);
    if p.is_empty() {
        Ok(ds)
    } else {
        Err(p.list)
    }
}

/// Decodes and validates `manifest.json`: every problem, or the manifest when there are none.
/// (The app reads it with `tolerant::manifest`, which keeps the good entries.)
pub fn manifest_file(file: &str, text: &str) -> Result<Manifest, Vec<Problem>> {
    let (m, skipped) = super::tolerant::manifest(file, text);
    if skipped.is_empty() {
        Ok(m)
    } else {
        Err(skipped.into_iter().flat_map(|s| s.problems).collect())
    }
}

/// The semantic checks of a decoded manifest (codes, references, file names), one source of
/// truth with `tolerant::manifest`.
pub fn check_manifest(m: &Manifest, p: &mut Problems) {
    let (_, skipped) = super::tolerant::prune_manifest(m.clone(), &p.file);
    p.list.extend(skipped.into_iter().flat_map(|s| s.problems));
}

/// A CBS code (`GM0505`, `NL01`, `PV28`…) or one of our region codes (`RG-DRECHTSTEDEN`).
pub fn is_area_code(code: &str) -> bool {
    // Byte slicing below is safe only on ASCII (a hostile "€12" must be an error, not a panic).
    if !code.is_ascii() {
        return false;
    }
    let cbs = code.len() >= 4
        && (code.len() <= 8 || (code.len() == 10 && code.starts_with("BU")))
        && code[..2].chars().all(|c| c.is_ascii_uppercase())
        && code[2..].chars().all(|c| c.is_ascii_digit());
    let ours = code
        .strip_prefix("RG-")
        .is_some_and(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-'));
    cbs || ours
}

/// Whether a code has the form its kind needs: a wijk is `WK` + six digits, a buurt `BU` +
/// eight (the first four are the gemeente's, as in CBS's Wijk- en Buurtkaart), and a code of
/// that form is never another kind. The monitor does not ship CBS's list, so a well-formed code
/// that CBS does not use (a council's own wijkindeling) is allowed; see docs/data-format.md.
pub fn code_fits_kind(code: &str, kind: AreaKind) -> Result<(), String> {
    let digits = |prefix: &str, n: usize| {
        code.strip_prefix(prefix).is_some_and(|d| d.len() == n && d.chars().all(|c| c.is_ascii_digit()))
    };
    match kind {
        AreaKind::Wijk if !digits("WK", 6) => Err(format!(
            "\"{code}\" is geen wijkcode; een wijk heeft een CBS-code als WK059701: WK, de vier cijfers van de gemeente en twee cijfers voor de wijk"
        )),
        AreaKind::Buurt if !digits("BU", 8) => Err(format!(
            "\"{code}\" is geen buurtcode; een buurt heeft een CBS-code als BU05970101: BU, de zes cijfers van de wijk en twee cijfers voor de buurt"
        )),
        AreaKind::Gemeente if !digits("GM", 4) => Err(format!(
            "\"{code}\" is geen gemeentecode; een gemeente heeft een CBS-code als GM0597: GM en vier cijfers"
        )),
        k if k != AreaKind::Wijk && k != AreaKind::Buurt && (code.starts_with("WK") || code.starts_with("BU")) => Err(
            format!("\"{code}\" is een wijk- of buurtcode, maar het soort gebied is {}; kies wijk of buurt", k.id()),
        ),
        _ => Ok(()),
    }
}

/// Dataset files are fetched relative to the page: no folders, no schemes, no tricks.
pub fn is_safe_file_name(name: &str) -> bool {
    name.ends_with(".json")
        && name.len() <= 80
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
        && !name.starts_with('.')
}

pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

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
    super::headline::check_dataset(ds, p);
    super::dashboard::check_budget(ds, p);
    super::narrative::validate(ds, m, p);
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

pub(crate) fn unit_fits(m: &Measure) -> Result<(), String> {
    let expected: &[Unit] = match (m.kind, m.formula.as_ref().map(|f| f.op)) {
        (Kind::Count | Kind::Denominator, _) => &[Unit::Aantal],
        (Kind::Amount, _) => &[Unit::Euro],
        (Kind::Score, _) => &[Unit::Score, Unit::Jaar, Unit::Maanden],
        (Kind::Derived, Some(Op::Share)) => &[Unit::Procent],
        (Kind::Derived, Some(Op::Per1000)) => &[Unit::Per1000],
        (Kind::Derived, _) => return Ok(()),
    };
    if expected.contains(&m.unit) {
        Ok(())
    } else {
        let names: Vec<String> = expected.iter().map(|u| u.id().to_owned()).collect();
        Err(format!(
            "eenheid \"{}\" past niet bij {}; verwacht {}",
            m.unit.id(),
            describe_kind(m),
            format::join_nl(&names).replace(" en ", " of ")
        ))
    }
}

fn describe_kind(m: &Measure) -> String {
    match (m.kind, m.formula.as_ref().map(|f| f.op)) {
        (Kind::Derived, Some(op)) => format!("een formule {}", op.id()),
        (k, _) => format!("soort {}", k.id()),
    }
}

/// The checks of one table. Public so a file can be checked table by table (`core::tolerant`).
pub fn table(t: &Table, path: &JsonPath, areas: &FxHashSet<&str>, p: &mut Problems) {
    if !is_id(&t.id) || !t.id.starts_with(&format!("{}-", t.theme.id())) {
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

    let mut measure_ids = FxHashSet::default();
    for (j, m) in t.measures.iter().enumerate() {
        let mp = path.key("measures").index(j);
        if !measure_ids.insert(m.id.as_str()) {
            p.add(&mp.key("id"), format!("maat \"{}\" komt twee keer voor", m.id));
        }
        if let Err(msg) = unit_fits(m) {
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
    super::headline::check(t, path, p);

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

fn key_known(t: &Table, k: &Key, vp: &JsonPath, areas: &FxHashSet<&str>, p: &mut Problems) {
    if t.measure(&k.measure).is_none() {
        p.add(&vp.key("measure"), format!("onbekende maat \"{}\"; declareer hem onder measures", k.measure));
    }
    if !areas.contains(k.area.as_str()) {
        p.add(&vp.key("area"), format!("onbekende gebiedscode \"{}\"; verwacht een code uit manifest.json", k.area));
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
