//! The rules of a table's `budget` mark, which says what a budget card's figure is (budget,
//! realisation, deviation, exhaustion) and how the source signs a deviation.

use crate::core::model::problem::{JsonPath, Problems};
use crate::core::model::*;

/// Checks a dataset's budget marks (called by `validate`): only on budget tables; a deviation
/// says what a positive number is; a named statement is in the file, in euros, with a number.
pub fn check(ds: &Dataset, p: &mut Problems) {
    for (i, t) in ds.tables.iter().enumerate() {
        let Some(b) = &t.budget else { continue };
        let path = JsonPath::root().key("tables").index(i).key("budget");
        if t.pillar != Pillar::Budgetten {
            p.add(&path, "alleen een tabel van de pijler budgetten heeft \"budget\"");
        }
        if b.figure == BudgetFigure::Afwijking && b.positive.is_none() {
            p.add(
                &path.key("positive"),
                "zeg met \"positive\" (tekort of overschot) wat een positieve afwijking in de bron betekent",
            );
        }
        if let Some(id) = &b.statement {
            match ds.narrative.statements.iter().find(|s| s.id == *id) {
                None => {
                    p.add(&path.key("statement"), format!("onbekende uitspraak \"{id}\"; kies een id uit statements"))
                }
                Some(s) if s.unit != Unit::Euro || s.value.is_none() => p.add(
                    &path.key("statement"),
                    format!("uitspraak \"{id}\" heeft geen bedrag in euro's; kies een uitspraak met een bedrag"),
                ),
                Some(_) => {}
            }
        }
    }
}
