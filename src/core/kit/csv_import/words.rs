//! The words of the template: themes, pillars, units, kinds, yes/no, areas, and the ids made
//! from column names and titles.

use crate::core::model::{Area, Formula, Kind, Manifest, Op, Pillar, Theme, Unit};
use crate::core::text::format::join_nl;
use crate::core::text::words::fold;

pub(super) fn theme_word(text: &str) -> Option<Theme> {
    let folded = fold(text);
    Theme::ALL
        .into_iter()
        .find(|theme| theme.id() == folded || fold(theme.name()) == folded || (*theme == Theme::Wmo && folded == "wmo"))
}

pub(super) fn pillar_word(text: &str) -> Option<Pillar> {
    let folded = fold(text);
    Pillar::ALL.into_iter().find(|pillar| pillar.id() == folded || fold(pillar.name()) == folded)
}

pub(super) fn unit_word(text: &str) -> Option<Unit> {
    match fold(text).as_str() {
        "aantal" | "aantallen" => Some(Unit::Aantal),
        "%" | "procent" | "percentage" => Some(Unit::Procent),
        "€" | "euro" | "eur" | "euro's" => Some(Unit::Euro),
        "per 1.000" | "per 1000" | "promille" | "‰" => Some(Unit::Per1000),
        "score" | "cijfer" => Some(Unit::Score),
        "jaar" | "jaren" => Some(Unit::Jaar),
        "maanden" | "maand" => Some(Unit::Maanden),
        _ => None,
    }
}

pub(super) fn kind_word(text: &str) -> Option<Kind> {
    match fold(text).as_str() {
        "telling" | "aantal" | "count" => Some(Kind::Count),
        "noemer" | "basis" | "denominator" => Some(Kind::Denominator),
        "bedrag" | "amount" => Some(Kind::Amount),
        "score" | "cijfer" => Some(Kind::Score),
        "afgeleid" | "berekend" | "derived" => Some(Kind::Derived),
        _ => None,
    }
}

/// The kind a column gets when the `soort` cell is empty.
pub(super) fn default_kind(unit: Unit, has_formula: bool) -> Kind {
    if has_formula {
        return Kind::Derived;
    }
    match unit {
        Unit::Aantal => Kind::Count,
        Unit::Euro => Kind::Amount,
        Unit::Score | Unit::Jaar | Unit::Maanden => Kind::Score,
        Unit::Procent | Unit::Per1000 => Kind::Derived,
    }
}

/// The template's word for a kind.
fn kind_template_word(kind: Kind) -> &'static str {
    match kind {
        Kind::Count => "telling",
        Kind::Denominator => "noemer",
        Kind::Amount => "bedrag",
        Kind::Score => "score",
        Kind::Derived => "afgeleid",
    }
}

/// The validator's rule of which unit fits which kind, worded for the template.
pub(super) fn unit_fits(unit: Unit, kind: Kind, formula: Option<&Formula>) -> Result<(), String> {
    let (expected, what): (&[Unit], String) = match (kind, formula.map(|formula| formula.op)) {
        (Kind::Count | Kind::Denominator, _) => (&[Unit::Aantal], format!("soort {}", kind_template_word(kind))),
        (Kind::Amount, _) => (&[Unit::Euro], "soort bedrag".into()),
        (Kind::Score, _) => (&[Unit::Score, Unit::Jaar, Unit::Maanden], "soort score".into()),
        (Kind::Derived, Some(Op::Share)) => (&[Unit::Procent], "een formule a / b * 100 (een percentage)".into()),
        (Kind::Derived, Some(Op::Per1000)) => (&[Unit::Per1000], "een formule a / b * 1000 (per 1.000)".into()),
        (Kind::Derived, _) => return Ok(()),
    };
    if expected.contains(&unit) {
        return Ok(());
    }
    let names: Vec<String> = expected.iter().map(|unit| unit.id().to_owned()).collect();
    Err(format!(
        "eenheid \"{}\" past niet bij {what}; verwacht {} (of pas de soort aan)",
        unit.id(),
        join_nl(&names).replace(" en ", " of ")
    ))
}

pub(super) fn yes_no(text: &str) -> Option<bool> {
    match fold(text).as_str() {
        "ja" | "j" | "waar" | "true" | "1" => Some(true),
        "nee" | "n" | "onwaar" | "false" | "0" | "" => Some(false),
        _ => None,
    }
}

/// `BUIG- uitgaven` → `buig_uitgaven`: a measure id from a column name.
pub(super) fn measure_slug(label: &str) -> String {
    crate::core::text::words::slug(label, '_', 60)
}

/// `Jongeren in jeugdzorg, 2016 (%)` → `jongeren-in-jeugdzorg-2016`.
pub(super) fn table_slug(title: &str) -> String {
    measure_slug(title).replace('_', "-")
}

pub(super) fn is_measure_id(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 80
        && text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// Edit distance, for "bedoelt u …?".
fn edit_distance(from: &str, to: &str) -> usize {
    let to: Vec<char> = to.chars().collect();
    let mut previous: Vec<usize> = (0..=to.len()).collect();
    for (from_index, from_char) in from.chars().enumerate() {
        let mut current = vec![from_index + 1];
        for (to_index, to_char) in to.iter().enumerate() {
            let substitute = previous[to_index] + usize::from(from_char != *to_char);
            current.push(substitute.min(previous[to_index + 1] + 1).min(current[to_index] + 1));
        }
        previous = current;
    }
    previous.last().copied().unwrap_or(0)
}

/// An area by CBS code or name, or a Dutch message (with a suggestion for a near miss).
pub(super) fn find_area<'m>(manifest: &'m Manifest, text: &str) -> Result<&'m Area, String> {
    let folded = fold(text);
    let found =
        manifest.areas.iter().find(|area| area.code.eq_ignore_ascii_case(text.trim()) || fold(&area.name) == folded);
    if let Some(area) = found {
        return Ok(area);
    }
    let near: Vec<&Area> =
        manifest.areas.iter().filter(|area| edit_distance(&fold(&area.name), &folded) <= 2).collect();
    let hint = match near.as_slice() {
        [area] => format!("; bedoelt u {}?", area.name),
        _ => String::new(),
    };
    // The example is a gemeente of this manifest, so an empty monitor is never told about Dordrecht.
    let example = manifest.areas.iter().find(|a| a.kind == crate::core::model::AreaKind::Gemeente);
    let (code, name) = example.map_or(("GM0505", "Dordrecht"), |a| (a.code.as_str(), a.name.as_str()));
    Err(format!(
        "onbekend gebied \"{}\"; gebruik de CBS-code (zoals {code}) of de naam zoals in manifest.json (zoals {name}){hint}",
        text.trim()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_slugs() {
        assert_eq!(measure_slug("BUIG- uitgaven"), "buig_uitgaven");
        assert_eq!(table_slug("Jongeren in jeugdzorg, 2016 (%)"), "jongeren-in-jeugdzorg-2016");
        assert_eq!(unit_word("Per 1.000"), Some(Unit::Per1000));
        assert_eq!(theme_word("WMO"), Some(Theme::Wmo));
        assert_eq!(edit_distance("dordrect", "dordrecht"), 1);
        assert!(unit_fits(Unit::Procent, Kind::Count, None).unwrap_err().contains("soort telling"));
    }
}
