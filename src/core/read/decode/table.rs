//! Decoding of one table of a dataset file: its periods, measures and formulas, totals, values,
//! documented inconsistencies, headline and budget mark. A child module of the decoder, with the
//! same field readers (`Obj`), because a table is most of a dataset file.

use super::{as_string, source, status, Obj};
use crate::core::model::problem::{JsonPath, Problems};
use crate::core::model::*;
use crate::core::read::json::Json;

/// A period: a label plus an optional `provisional` that its values inherit.
fn period(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<(Label, bool)> {
    let mut o = Obj::new(v, path, p)?;
    let id = o.string("id");
    let label = o.string("label");
    let reader = o.optional_string("reader_label");
    let provisional = o.optional_bool("provisional");
    o.finish(&["id", "label", "reader_label", "provisional"]);
    let (label, report) = reader_first(label?, reader?);
    Some((Label { id: id?, label, report }, provisional?.unwrap_or(false)))
}

pub(super) fn label(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<Label> {
    let mut o = Obj::new(v, path, p)?;
    let id = o.string("id");
    let label = o.string("label");
    let reader = o.optional_string("reader_label");
    o.finish(&["id", "label", "reader_label"]);
    let (label, report) = reader_first(label?, reader?);
    Some(Label { id: id?, label, report })
}

/// The reader's wording first, the report's kept beside it (issue 23): `(shown, report)`.
fn reader_first(report: String, reader: Option<String>) -> (String, Option<String>) {
    match reader.filter(|r| !r.trim().is_empty()) {
        Some(reader) => (reader, Some(report)),
        None => (report, None),
    }
}

/// One table of a dataset file. Public so a file can be read table by table (`core::tolerant`).
pub fn table(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<Table> {
    let mut o = Obj::new(v, path, p)?;
    let id = o.string("id");
    let title = o.string("title");
    let reader_title = o.optional_string("reader_title");
    let theme = o.enumerated("theme", Theme::from_id, "jeugd, participatie, wmo of samenloop");
    let pillar = o.enumerated("pillar", Pillar::from_id, "gebruik, ervaringen, budgetten of beschikbaarheid");
    let src = o.field("source").and_then(|(v, path, p)| source(v, &path, p));
    let note = o.optional_string("note");
    let definitions = o.optional_strings("definitions");
    let provisional = o.boolean("provisional");
    let rounding = o.rounding("rounding");
    let periods = o.list("periods", period);
    let categories = o.optional_list("categories", label);
    let measures = o.list("measures", measure);
    let totals = o.optional_list("totals", total);
    let provisional_default = provisional.unwrap_or(false);
    // A period may be provisional on its own (issue 15: only the last year is voorlopig).
    let provisional_periods: Vec<String> =
        periods.iter().flatten().filter(|(_, provisional)| *provisional).map(|(l, _)| l.id.clone()).collect();
    let values = o.list("values", |v, path, p| value(v, path, p, provisional_default, &provisional_periods));
    let inconsistencies = o.optional_list("inconsistencies", inconsistency);
    let headline = o.optional("headline", headline);
    let budget = o.optional("budget", budget_mark);
    o.finish(&[
        "id",
        "title",
        "reader_title",
        "theme",
        "pillar",
        "source",
        "note",
        "definitions",
        "provisional",
        "rounding",
        "periods",
        "categories",
        "measures",
        "totals",
        "values",
        "inconsistencies",
        "headline",
        "budget",
    ]);
    let (title, report_title) = reader_first(title?, reader_title?);
    let mut table = Table {
        id: id?,
        title,
        report_title,
        theme: theme?,
        pillar: pillar?,
        source: src?,
        note: note?,
        definitions: definitions?,
        provisional: provisional?,
        rounding: rounding?,
        periods: periods?.into_iter().map(|(l, _)| l).collect(),
        categories: categories?,
        measures: measures?,
        totals: totals?,
        values: values?,
        inconsistencies: inconsistencies?,
        headline: headline?,
        budget: budget?,
        index: Default::default(),
    };
    table.reindex();
    Some(table)
}

/// The `decimals` field of a measure or statement: 0 to 6 (one rule for both).
pub(super) fn decimals(o: &mut Obj) -> Option<u8> {
    o.whole("decimals").and_then(|d: u32| {
        if d > 6 {
            o.problem("decimals", format!("{d} decimalen is te veel; verwacht 0 tot en met 6"));
            None
        } else {
            Some(d as u8)
        }
    })
}

fn measure(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<Measure> {
    let mut o = Obj::new(v, path, p)?;
    let id = o.string("id");
    let label = o.string("label");
    let reader_label = o.optional_string("reader_label");
    let unit = o.enumerated("unit", Unit::from_id, "aantal, %, €, per 1.000, score, jaar of maanden");
    let kind = o.enumerated("kind", Kind::from_id, "count, denominator, amount, score of derived");
    let decimals = decimals(&mut o);
    let group = o.optional_string("group");
    let base = o.optional_string("base");
    let rounding = o.rounding("rounding");
    let formula = match o.optional_field("formula") {
        None => Some(None),
        Some((v, path, p)) => formula(v, &path, p).map(Some),
    };
    o.finish(&["id", "label", "reader_label", "unit", "kind", "decimals", "group", "base", "rounding", "formula"]);
    let (label, report_label) = reader_first(label?, reader_label?);
    Some(Measure {
        id: id?,
        label,
        report_label,
        unit: unit?,
        kind: kind?,
        decimals: decimals?,
        group: group?,
        base: base?,
        rounding: rounding?,
        formula: formula?,
    })
}

pub(super) fn formula(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<Formula> {
    let mut o = Obj::new(v, path, p)?;
    let op = o.enumerated("op", Op::from_id, "share, per1000, sum, difference, abs_difference of ratio");
    let args = o.strings("args");
    o.finish(&["op", "args"]);
    let (op, args) = (op?, args?);
    let ok = match op.arity() {
        Some(n) => args.len() == n,
        None => args.len() >= 2,
    };
    if !ok {
        let expected = op.arity().map_or("minstens 2".to_owned(), |n| n.to_string());
        p.add(&path.key("args"), format!("{} heeft {expected} argumenten nodig, niet {}", op.id(), args.len()));
        return None;
    }
    Some(Formula { op, args })
}

fn total(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<Total> {
    let mut o = Obj::new(v, path, p)?;
    let dimension = o.enumerated(
        "dimension",
        |s| match s {
            "area" => Some(TotalDimension::Area),
            "category" => Some(TotalDimension::Category),
            _ => None,
        },
        "area of category",
    );
    let t = o.string("total");
    let of = o.strings("of");
    o.finish(&["dimension", "total", "of"]);
    Some(Total { dimension: dimension?, total: t?, of: of? })
}

fn key(o: &mut Obj) -> Option<Key> {
    let measure = o.string("measure");
    let area = o.string("area");
    let period = o.string("period");
    let category = o.optional_string("category");
    Some(Key { measure: measure?, area: area?, period: period?, category: category? })
}

fn value(
    v: &Json,
    path: &JsonPath,
    p: &mut Problems,
    provisional_default: bool,
    provisional_periods: &[String],
) -> Option<Value> {
    let mut o = Obj::new(v, path, p)?;
    let key = key(&mut o);
    let number = o.optional_number("value");
    let status = status(&mut o)?;
    let provisional = o.optional_bool("provisional");
    let printed = o.optional_string("printed");
    o.finish(&["measure", "area", "period", "category", "value", "status", "provisional", "printed"]);
    let (number, status) = (number?, status?);
    match (status, number) {
        (Status::Gepubliceerd, None) => {
            p.add(path, "een waarde zonder status moet een getal hebben in \"value\"");
            return None;
        }
        (Status::Geheim, Some(_)) => {
            p.add(
                &path.key("value"),
                "bij een geheime waarde mag geen getal staan (geheim betekent: 0 tot en met 7, afgeschermd); laat \"value\" weg",
            );
            return None;
        }
        (Status::NietBeschikbaar, Some(_)) => {
            p.add(&path.key("value"), "bij een niet-beschikbare waarde mag geen getal staan; laat \"value\" weg");
            return None;
        }
        (Status::Nihil, n) if n != Some(0.0) => {
            p.add(&path.key("value"), "een waarde met status nihil moet \"value\": 0 hebben");
            return None;
        }
        _ => {}
    }
    let key = key?;
    let inherited = provisional_default || provisional_periods.contains(&key.period);
    Some(Value { provisional: provisional?.unwrap_or(inherited), key, value: number, status, printed: printed? })
}

fn headline(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<Headline> {
    let mut o = Obj::new(v, path, p)?;
    let h = Headline {
        measure: o.string("measure")?,
        category: o.optional_string("category")?,
        sentence: o.string("sentence")?,
    };
    o.finish(&["measure", "category", "sentence"]);
    Some(h)
}

fn budget_mark(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<BudgetMark> {
    let mut o = Obj::new(v, path, p)?;
    let figure = o.enumerated("figure", BudgetFigure::from_id, "begroting, realisatie, afwijking of uitputting");
    let positive = o.optional("positive", |v, path, p| {
        let s = as_string(v, path, p)?;
        let b = Balance::from_id(&s);
        if b.is_none() {
            p.add(path, format!("onbekend woord \"{s}\"; verwacht tekort of overschot"));
        }
        b
    });
    let statement = o.optional_string("statement");
    o.finish(&["figure", "positive", "statement"]);
    Some(BudgetMark { figure: figure?, positive: positive?, statement: statement? })
}

fn inconsistency(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<Inconsistency> {
    let mut o = Obj::new(v, path, p)?;
    let kind = o.enumerated("kind", InconsistencyKind::from_id, "total-not-sum, derived-mismatch of text-differs");
    let key = key(&mut o);
    let published = o.optional_number("published");
    let expected = o.optional_number("expected");
    let description = o.string("description");
    o.finish(&["kind", "measure", "area", "period", "category", "published", "expected", "description"]);
    Some(Inconsistency {
        kind: kind?,
        key: key?,
        published: published?,
        expected: expected?,
        description: description?,
    })
}
