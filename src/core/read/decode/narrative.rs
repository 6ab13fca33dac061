//! Decoding of `statements`, `claims`, `links`, `contradictions` and `marks` (issue 14), with the
//! same field readers as the rest of the decoder: every problem with its JSON path.

use super::{formula, label, shorten, status, Obj};
use crate::core::model::problem::{JsonPath, Problems};
use crate::core::model::*;
use crate::core::read::json::Json;

/// `statements`, `claims`, `links` and `contradictions` of a dataset file (see `narrative`).
pub(super) fn narrative(o: &mut Obj) -> Option<crate::core::model::narrative::Narrative> {
    let statements = o.optional_list("statements", statement);
    let claims = o.optional_list("claims", claim);
    let links = o.optional_list("links", |v, path, p| {
        let mut o = Obj::new(v, path, p)?;
        let a = o.field("a").and_then(|(v, path, p)| cell_ref(v, &path, p));
        let b = o.field("b").and_then(|(v, path, p)| cell_ref(v, &path, p));
        let why = o.string("why");
        o.finish(&["a", "b", "why"]);
        Some(crate::core::model::narrative::Link { a: a?, b: b?, why: why? })
    });
    let contradictions = o.optional_list("contradictions", contradiction);
    let marks = o.optional_list("marks", |v, path, p| {
        let mut o = Obj::new(v, path, p)?;
        let table = o.string("table");
        let mark = o.string("mark");
        let meaning = o.enumerated("meaning", Status::from_id, "geheim, niet-beschikbaar of nihil");
        let why = o.string("why");
        o.finish(&["table", "mark", "meaning", "why"]);
        Some(crate::core::model::narrative::Mark { table: table?, mark: mark?, meaning: meaning?, why: why? })
    });
    Some(crate::core::model::narrative::Narrative {
        statements: statements?,
        claims: claims?,
        links: links?,
        contradictions: contradictions?,
        marks: marks?,
    })
}

fn place(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<crate::core::model::narrative::Place> {
    let mut o = Obj::new(v, path, p)?;
    let pl = crate::core::model::narrative::Place {
        seed: o.string("seed")?,
        section: o.string("section")?,
        page: o.optional_whole("page")?,
    };
    o.finish(&["seed", "section", "page"]);
    Some(pl)
}

fn cell_ref(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<crate::core::model::narrative::CellRef> {
    let mut o = Obj::new(v, path, p)?;
    let table = o.string("table");
    let measure = o.string("measure");
    let area = o.string("area");
    let period = o.string("period");
    let category = o.optional_string("category");
    o.finish(&["table", "measure", "area", "period", "category"]);
    Some(crate::core::model::narrative::CellRef {
        table: table?,
        measure: measure?,
        area: area?,
        period: period?,
        category: category?,
    })
}

fn statement(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<crate::core::model::narrative::Statement> {
    use crate::core::model::narrative::Nature;
    let mut o = Obj::new(v, path, p)?;
    let id = o.string("id");
    let theme = o.enumerated("theme", Theme::from_id, "jeugd, participatie, wmo of samenloop");
    let pillar = o.enumerated("pillar", Pillar::from_id, "gebruik, ervaringen, budgetten of beschikbaarheid");
    let name = o.string("label");
    let area = o.string("area");
    let period = o.field("period").and_then(|(v, path, p)| label(v, &path, p));
    let unit = o.enumerated("unit", Unit::from_id, "aantal, %, €, per 1.000, score, jaar of maanden");
    let kind = o.enumerated("kind", Kind::from_id, "count, denominator, amount, score of derived");
    let decimals = super::decimals(&mut o);
    let nature = match o.optional_string("nature")? {
        None => Some(Nature::Waarneming),
        Some(s) => match Nature::from_id(&s) {
            Some(n) => Some(n),
            None => {
                o.problem(
                    "nature",
                    format!(
                        "onbekende waarde \"{}\"; verwacht waarneming, streefwaarde, prognose of begroting",
                        shorten(&s)
                    ),
                );
                None
            }
        },
    };
    let number = o.optional_number("value");
    let status = status(&mut o)?;
    let provisional = o.optional_bool("provisional");
    let printed = o.optional_string("printed");
    let base = o.optional_string("base");
    let formula = match o.optional_field("formula") {
        None => Some(None),
        Some((v, path, p)) => formula(v, &path, p).map(Some),
    };
    let cell = o.optional("cell", cell_ref);
    let same_as = o.optional_string("same_as");
    let quote = o.string("quote");
    let place = o.field("place").and_then(|(v, path, p)| place(v, &path, p));
    o.finish(&[
        "id",
        "theme",
        "pillar",
        "label",
        "area",
        "period",
        "unit",
        "kind",
        "decimals",
        "nature",
        "value",
        "status",
        "provisional",
        "printed",
        "base",
        "formula",
        "cell",
        "same_as",
        "quote",
        "place",
    ]);
    let (number, status) = (number?, status?);
    match (status, number) {
        (Status::Gepubliceerd, None) => {
            p.add(path, "een uitspraak zonder status moet een getal hebben in \"value\"");
            return None;
        }
        (Status::Geheim | Status::NietBeschikbaar, Some(_)) => {
            p.add(
                &path.key("value"),
                "bij een geheime of niet-beschikbare waarde mag geen getal staan; laat \"value\" weg",
            );
            return None;
        }
        (Status::Nihil, n) if n != Some(0.0) => {
            p.add(&path.key("value"), "een waarde met status nihil moet \"value\": 0 hebben");
            return None;
        }
        _ => {}
    }
    Some(crate::core::model::narrative::Statement {
        id: id?,
        theme: theme?,
        pillar: pillar?,
        label: name?,
        area: area?,
        period: period?,
        unit: unit?,
        kind: kind?,
        decimals: decimals?,
        nature: nature?,
        value: number,
        status,
        provisional: provisional?.unwrap_or(false),
        printed: printed?,
        base: base?,
        formula: formula?,
        cell: cell?,
        same_as: same_as?,
        quote: quote?,
        place: place?,
    })
}

fn claim(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<crate::core::model::narrative::Claim> {
    use crate::core::model::narrative::Relation;
    let mut o = Obj::new(v, path, p)?;
    let id = o.string("id");
    let theme = o.enumerated("theme", Theme::from_id, "jeugd, participatie, wmo of samenloop");
    let relation =
        o.enumerated("relation", Relation::from_id, "hoger, lager, gelijk, hoogste, laagste, niet-hoger of niet-lager");
    let subject = o.field("subject").and_then(|(v, path, p)| cell_ref(v, &path, p));
    let than = o.strings("than");
    let quote = o.string("quote");
    let place = o.field("place").and_then(|(v, path, p)| place(v, &path, p));
    o.finish(&["id", "theme", "relation", "subject", "than", "quote", "place"]);
    Some(crate::core::model::narrative::Claim {
        id: id?,
        theme: theme?,
        relation: relation?,
        subject: subject?,
        than: than?,
        quote: quote?,
        place: place?,
    })
}

fn contradiction(v: &Json, path: &JsonPath, p: &mut Problems) -> Option<crate::core::model::narrative::Contradiction> {
    use crate::core::model::narrative::{FindingKind, Grade};
    let mut o = Obj::new(v, path, p)?;
    let kind = o.enumerated(
        "kind",
        FindingKind::from_id,
        "zelfde-cijfer, bewering, afgeleid, impliciete-basis, tarief, delen-totaal, zelfde-periode, documenten, periode, notatie of tekst-tabel",
    );
    let grade = o.enumerated("grade", Grade::from_id, "duidelijk, klein of formulering");
    let description = o.string("description");
    let statements = o.optional_strings("statements");
    let cells = o.optional_list("cells", cell_ref);
    o.finish(&["kind", "grade", "description", "statements", "cells"]);
    Some(crate::core::model::narrative::Contradiction {
        kind: kind?,
        grade: grade?,
        description: description?,
        statements: statements?,
        cells: cells?,
    })
}
