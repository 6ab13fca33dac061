//! The checks of a file's running text within that file: ids, codes, units, the figure in its
//! quote, formulas over known statements, the meaning of `-` per table. References to tables
//! and other files are checked in `crosscheck`.

use crate::core::check::rules;
use crate::core::model::narrative::*;
use crate::core::model::problem::{JsonPath, Problems};
use crate::core::model::*;
use crate::core::text::format;
use std::collections::HashSet;

/// The statement's figure as the sentence writes it (for the check that it is in the quote).
pub fn written(st: &Statement) -> Option<String> {
    st.printed.clone().or_else(|| st.value.map(|v| format::number(v, st.decimals)))
}

/// Checks within one file: ids, codes, units, the figure in its quote, formulas over known
/// statements. References to tables and other files are checked in `crosscheck`.
pub fn check(ds: &Dataset, m: &Manifest, p: &mut Problems) {
    let n = &ds.narrative;
    let mut ids: HashSet<&str> = ds.tables.iter().map(|t| t.id.as_str()).collect();
    let statement_ids: HashSet<&str> = n.statements.iter().map(|s| s.id.as_str()).collect();
    for (i, st) in n.statements.iter().enumerate() {
        let path = JsonPath::root().key("statements").index(i);
        if !ids.insert(st.id.as_str()) {
            p.add(&path.key("id"), format!("id \"{}\" komt twee keer voor in dit bestand", st.id));
        }
        statement(st, &path, &statement_ids, m, p);
    }
    for (i, c) in n.claims.iter().enumerate() {
        let path = JsonPath::root().key("claims").index(i);
        if !ids.insert(c.id.as_str()) {
            p.add(&path.key("id"), format!("id \"{}\" komt twee keer voor in dit bestand", c.id));
        }
        claim(c, &path, m, p);
    }
    for (i, c) in n.contradictions.iter().enumerate() {
        let path = JsonPath::root().key("contradictions").index(i);
        if c.description.trim().is_empty() {
            p.add(&path.key("description"), "beschrijf de tegenspraak in één zin");
        }
        if c.statements.len() + c.cells.len() < 1 {
            p.add(&path, "noem de uitspraken of tabelcellen waar de tegenspraak over gaat");
        }
    }
    dash_meanings(ds, p);
    for (i, m) in n.marks.iter().enumerate() {
        if !ds.tables.iter().any(|t| t.id == m.table) {
            p.add(
                &JsonPath::root().key("marks").index(i).key("table"),
                format!("onbekende tabel \"{}\" in dit bestand", m.table),
            );
        }
        if m.why.trim().is_empty() {
            p.add(
                &JsonPath::root().key("marks").index(i).key("why"),
                "zeg waarom het teken dit betekent (toelichting of totalen)",
            );
        }
    }
    for (i, l) in n.links.iter().enumerate() {
        if l.why.trim().is_empty() {
            p.add(&JsonPath::root().key("links").index(i).key("why"), "zeg in één zin waarom dit hetzelfde cijfer is");
        }
    }
}

/// The checks of one statement apart from its id being unique in the file: the form of its id,
/// its area, place, unit and value, the figure in its quote and its formula. Apart from
/// [`check`] because a statement has the most rules of the running text.
fn statement(st: &Statement, path: &JsonPath, statement_ids: &HashSet<&str>, m: &Manifest, p: &mut Problems) {
    if !rules::is_id(&st.id) || !st.id.starts_with(&format!("{}-", st.theme.id())) {
        p.add(
            &path.key("id"),
            format!(
                "id \"{}\" moet uit kleine letters, cijfers en streepjes bestaan en beginnen met \"{}-\"",
                st.id,
                st.theme.id()
            ),
        );
    }
    if m.area(&st.area).is_none() {
        p.add(&path.key("area"), format!("onbekende gebiedscode \"{}\"; verwacht een code uit manifest.json", st.area));
    }
    place(&st.place, &path.key("place"), m, p);
    if st.label.trim().is_empty() {
        p.add(&path.key("label"), "beschrijf in een paar woorden wat het cijfer is");
    }
    if let Err(msg) = rules::unit_fits(st.unit, st.kind, st.formula.as_ref().map(|f| f.op)) {
        p.add(&path.key("unit"), msg);
    }
    if let Some(x) = st.value {
        if st.kind.is_additive() && x < 0.0 {
            p.add(&path.key("value"), format!("een aantal of bedrag kan niet negatief zijn ({x})"));
        }
        if st.unit == Unit::Procent
            && !(0.0..=100.0).contains(&x)
            && st.formula.as_ref().is_none_or(|f| f.op == Op::Share)
        {
            p.add(&path.key("value"), format!("een percentage moet tussen 0 en 100 liggen, niet {x}"));
        }
        if st.kind == Kind::Count && x.fract() != 0.0 {
            p.add(&path.key("value"), format!("een aantal is een geheel getal, niet {x}"));
        }
    }
    let quote = normalise(&st.quote);
    if quote.is_empty() {
        p.add(&path.key("quote"), "het citaat ontbreekt; neem de zin over zoals gepubliceerd");
    } else if let Some(w) = written(st) {
        if !quote.contains(&normalise(&w)) {
            p.add(
                &path.key("quote"),
                format!(
                    "het cijfer \"{w}\" staat niet in het citaat; geef in \"printed\" precies hoe de zin het schrijft"
                ),
            );
        }
    }
    if let Some(f) = &st.formula {
        if st.kind != Kind::Derived {
            p.add(&path.key("formula"), "alleen een afgeleid cijfer (kind: derived) heeft een formule");
        }
        for (k, arg) in f.args.iter().enumerate() {
            if !statement_ids.contains(arg.as_str()) {
                p.add(
                    &path.key("formula").key("args").index(k),
                    format!("onbekende uitspraak \"{arg}\"; een formule rekent met uitspraken uit hetzelfde bestand"),
                );
            }
            if *arg == st.id {
                p.add(&path.key("formula").key("args").index(k), "een uitspraak kan niet uit zichzelf berekend worden");
            }
        }
    }
}

/// The checks of one claim apart from its id being unique in the file: the form of its id, its
/// place and quote, and the areas it compares with (one, or several for highest and lowest).
fn claim(c: &Claim, path: &JsonPath, m: &Manifest, p: &mut Problems) {
    if !rules::is_id(&c.id) || !c.id.starts_with(&format!("{}-", c.theme.id())) {
        p.add(&path.key("id"), format!("id \"{}\" moet beginnen met \"{}-\"", c.id, c.theme.id()));
    }
    place(&c.place, &path.key("place"), m, p);
    if normalise(&c.quote).is_empty() {
        p.add(&path.key("quote"), "het citaat ontbreekt; neem de zin over zoals gepubliceerd");
    }
    let want_one = !matches!(c.relation, Relation::Hoogste | Relation::Laagste);
    if c.than.is_empty() || (want_one && c.than.len() != 1) {
        p.add(
            &path.key("than"),
            if want_one {
                "bij hoger, lager of gelijk hoort precies één gebied om mee te vergelijken"
            } else {
                "noem de gebieden waaronder dit het hoogste of laagste is"
            },
        );
    }
    for (k, code) in c.than.iter().enumerate() {
        if m.area(code).is_none() {
            p.add(&path.key("than").index(k), format!("onbekende gebiedscode \"{code}\""));
        }
    }
}

/// `-` means geheim in a statistics table and nihil in a financial one (docs/data-format.md).
/// A table that uses it otherwise (nihil for a count) says so under `marks`, with the reason;
/// a table with a mark uses that one meaning for all its cells.
///
/// Apart from [`check`] because it is a rule about the tables, read together with `marks`.
fn dash_meanings(ds: &Dataset, p: &mut Problems) {
    let n = &ds.narrative;
    for (i, t) in ds.tables.iter().enumerate() {
        let money = |v: &Value| {
            t.measure(&v.key.measure)
                .is_some_and(|m| m.kind == Kind::Amount || (m.kind == Kind::Derived && m.unit == Unit::Euro))
        };
        let dashes: Vec<&Value> =
            t.values.iter().filter(|v| matches!(v.status, Status::Geheim | Status::Nihil)).collect();
        let mark = n.marks.iter().find(|m| m.table == t.id);
        for v in &dashes {
            let default = if money(v) { Status::Nihil } else { Status::Geheim };
            let ok = match mark {
                Some(m) => v.status == m.meaning,
                None => v.status == default,
            };
            if !ok {
                let msg = match mark {
                    Some(m) => format!(
                        "in tabel {} betekent \"{}\" volgens marks {}, maar deze waarde heeft status {}",
                        t.id,
                        m.mark,
                        m.meaning.id(),
                        v.status.id()
                    ),
                    None => format!(
                        "status {} wijkt af van de regel (\"-\" is geheim in een statistiektabel en nihil bij bedragen); zeg onder marks wat \"-\" in tabel {} betekent en waarom",
                        v.status.id(),
                        t.id
                    ),
                };
                p.add(&JsonPath::root().key("tables").index(i), msg);
                break;
            }
        }
    }
}

fn place(pl: &Place, path: &JsonPath, m: &Manifest, p: &mut Problems) {
    if m.seed(&pl.seed).is_none() {
        p.add(
            &path.key("seed"),
            format!("onbekend brondocument \"{}\"; verwacht een id uit manifest.json (seeds)", pl.seed),
        );
    }
    if pl.section.trim().is_empty() {
        p.add(&path.key("section"), "noem het hoofdstuk of de paragraaf (hoofdstuk › deel)");
    }
}
