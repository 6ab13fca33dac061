//! The small rules every reader and check shares: codes, ids, file names, a unit for a kind of
//! figure. Each lives here once.

use crate::core::model::*;
use crate::core::text::format;

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

/// An id of a table, statement, claim or region: lower-case letters, digits, `-` and `_`, at
/// most 100 characters (the longest in the bundled data is well under that).
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Whether a unit fits the kind of figure (and its formula): a count is an `aantal`, a share a
/// `%`. One rule for table measures and for statements from the running text.
pub fn unit_fits(unit: Unit, kind: Kind, op: Option<Op>) -> Result<(), String> {
    let expected: &[Unit] = match (kind, op) {
        (Kind::Count | Kind::Denominator, _) => &[Unit::Aantal],
        (Kind::Amount, _) => &[Unit::Euro],
        (Kind::Score, _) => &[Unit::Score, Unit::Jaar, Unit::Maanden],
        (Kind::Derived, Some(Op::Share)) => &[Unit::Procent],
        (Kind::Derived, Some(Op::Per1000)) => &[Unit::Per1000],
        (Kind::Derived, _) => return Ok(()),
    };
    if expected.contains(&unit) {
        Ok(())
    } else {
        let names: Vec<String> = expected.iter().map(|u| u.id().to_owned()).collect();
        Err(format!(
            "eenheid \"{}\" past niet bij {}; verwacht {}",
            unit.id(),
            describe_kind(kind, op),
            format::join_nl(&names).replace(" en ", " of ")
        ))
    }
}

fn describe_kind(kind: Kind, op: Option<Op>) -> String {
    match (kind, op) {
        (Kind::Derived, Some(op)) => format!("een formule {}", op.id()),
        (k, _) => format!("soort {}", k.id()),
    }
}

/// The message for a figure of an area the manifest does not have (the table check and the
/// tolerant reader's notice say the same).
pub fn unknown_area(code: &str) -> String {
    format!("onbekende gebiedscode \"{code}\"; verwacht een code uit manifest.json")
}
