//! Dutch numbers: a figure cell as Dutch Excel writes it (`1.490`, `8,8`, `€ 10.762.073`,
//! `8,8%`), and the marks that stand in for a number (`-` geheim, `.` niet beschikbaar, …).

use crate::core::model::{Status, Unit};
use crate::core::text::words::fold;

/// What one figure cell holds.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum CellContent {
    Empty,
    Number { value: f64, decimals: usize },
    Mark { status: Status, printed: Option<String> },
}

const NUMBER_HELP: &str = "schrijf een getal zoals 8,8 of 1.490, of - (geheim) of . (niet beschikbaar)";

fn is_dash(text: &str) -> bool {
    matches!(text, "-" | "–" | "—" | "−")
}

fn starts_with_dash(text: &str) -> Option<char> {
    text.chars().next().filter(|first| is_dash(first.encode_utf8(&mut [0; 4])))
}

/// Reads a cell as Dutch Excel writes it. `unit` is `None` when the column's unit is unknown
/// (then `€` and `%` are simply accepted).
pub(super) fn parse_cell(raw: &str, unit: Option<Unit>) -> Result<CellContent, String> {
    let text = raw.trim();
    if text.is_empty() {
        return Ok(CellContent::Empty);
    }
    let euro_allowed = unit.is_none_or(|known| known == Unit::Euro);
    let folded = fold(text);
    let compact: String = folded.chars().filter(|c| !c.is_whitespace()).collect();
    let has_digit = text.chars().any(|c| c.is_ascii_digit());
    let mark = |status: Status, printed: Option<String>| Ok(CellContent::Mark { status, printed });
    // Marks without a number.
    if !has_digit {
        let without_euro = compact.trim_start_matches('€').trim_end_matches('€');
        if without_euro != compact && !euro_allowed {
            return Err(format!("\"{text}\": een €-teken hoort alleen in een kolom met eenheid €"));
        }
        match without_euro {
            // In a financial table a dash means zero (nihil), not a suppressed count.
            dash if is_dash(dash) && unit == Some(Unit::Euro) => return mark(Status::Nihil, None),
            dash if is_dash(dash) => return mark(Status::Geheim, None),
            "geheim" => return mark(Status::Geheim, None),
            "nihil" => return mark(Status::Nihil, None),
            "." | "nietbeschikbaar" | "niet-beschikbaar" => return mark(Status::NietBeschikbaar, None),
            "n.b." | "n.b" | "nb" | "[pm]" | "pm" | "p.m." => {
                return mark(Status::NietBeschikbaar, Some(text.to_owned()));
            }
            _ => {}
        }
    }
    // A mark and a number in one cell.
    if has_digit {
        let dash_then_space = starts_with_dash(text).is_some() && text.chars().nth(1).is_some_and(char::is_whitespace);
        if folded.contains("geheim") || dash_then_space {
            return Err(format!(
                "\"{text}\": een geheime cel (-) mag geen getal bevatten; schrijf alleen - als het cijfer geheim is (0 tot en met 7, afgeschermd), of alleen het getal als het gepubliceerd is"
            ));
        }
        let marks = ["n.b", "[pm]", "p.m.", "nihil", "niet beschikbaar"];
        if marks.iter().any(|word| folded.contains(word)) || compact == "pm" {
            return Err(format!(
                "\"{text}\": een cel met een teken als n.b., [pm] of nihil mag geen getal bevatten; schrijf alleen het teken of alleen het getal"
            ));
        }
    }
    let mut number_text: String = text.to_owned();
    if number_text.contains('€') {
        if !euro_allowed {
            return Err(format!("\"{text}\": een €-teken hoort alleen in een kolom met eenheid €"));
        }
        number_text = number_text.replace('€', "");
    }
    if let Some(rest) = number_text.trim_end().strip_suffix('%') {
        if unit.is_some_and(|known| known != Unit::Procent) {
            return Err(format!("\"{text}\": een %-teken hoort alleen in een kolom met eenheid %"));
        }
        number_text = rest.to_owned();
    }
    let number_text = number_text.trim();
    let (negative, body) = match starts_with_dash(number_text) {
        Some(dash) => (true, number_text[dash.len_utf8()..].trim_start()),
        None => (false, number_text),
    };
    let upper = body.to_uppercase();
    if upper.contains("E+") || upper.contains("E-") {
        return Err(format!(
            "\"{text}\" staat in wetenschappelijke notatie; geef de kolom in Excel de celopmaak Getal (of maak hem breder) en sla opnieuw op"
        ));
    }
    match dutch_number(body) {
        Some((value, decimals)) if value.is_finite() => {
            Ok(CellContent::Number { value: if negative { -value } else { value }, decimals })
        }
        Some(_) => Err(format!("\"{text}\" is te groot")),
        None if body.contains('.') && body.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') => Err(format!(
            "\"{text}\" is geen getal; gebruik een komma als decimaalteken (8,8) en een punt alleen tussen duizendtallen (1.490)"
        )),
        None => Err(format!("\"{text}\" is geen getal; {NUMBER_HELP}")),
    }
}

/// `1.490,5` → (1490.5, 1). Thousands separated by `.` or a (non-breaking) space, in groups of
/// three; decimal comma. `None` when the text is not such a number.
pub(super) fn dutch_number(text: &str) -> Option<(f64, usize)> {
    let (whole, fraction) = match text.split_once(',') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text, None),
    };
    if let Some(fraction) = fraction {
        if fraction.is_empty() || !fraction.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    let groups: Vec<&str> = whole.split(|c: char| c == '.' || c.is_whitespace()).collect();
    if groups.iter().any(|group| group.is_empty() || !group.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    if groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|group| group.len() != 3)) {
        return None;
    }
    let mut plain: String = groups.concat();
    let decimals = fraction.map_or(0, str::len);
    if let Some(fraction) = fraction {
        plain.push('.');
        plain.push_str(fraction);
    }
    plain.parse::<f64>().ok().map(|value| (value, decimals))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_numbers() {
        assert_eq!(dutch_number("8,8"), Some((8.8, 1)));
        assert_eq!(dutch_number("1.490"), Some((1490.0, 0)));
        assert_eq!(dutch_number("10.762.073"), Some((10762073.0, 0)));
        assert_eq!(dutch_number("1.490,25"), Some((1490.25, 2)));
        assert_eq!(dutch_number("1490"), Some((1490.0, 0)));
        assert_eq!(dutch_number("1\u{a0}490"), Some((1490.0, 0)));
        assert_eq!(dutch_number("8.8"), None);
        assert_eq!(dutch_number("8.8.8"), None);
        assert_eq!(dutch_number("1,490.5"), None);
        assert_eq!(dutch_number(",5"), None);
        assert_eq!(dutch_number("5,"), None);
    }

    #[test]
    fn cells_and_marks() {
        let number = |value: f64, decimals: usize| Ok(CellContent::Number { value, decimals });
        let mark = |status: Status, printed: Option<&str>| {
            Ok(CellContent::Mark { status, printed: printed.map(str::to_owned) })
        };
        assert_eq!(parse_cell("€ 10.762.073", Some(Unit::Euro)), number(10762073.0, 0));
        assert_eq!(parse_cell("-", Some(Unit::Procent)), mark(Status::Geheim, None));
        assert_eq!(parse_cell("€ -", Some(Unit::Euro)), mark(Status::Nihil, None));
        assert_eq!(parse_cell(".", Some(Unit::Aantal)), mark(Status::NietBeschikbaar, None));
        assert_eq!(parse_cell("[pm]", Some(Unit::Euro)), mark(Status::NietBeschikbaar, Some("[pm]")));
        assert_eq!(parse_cell("8,8%", Some(Unit::Procent)), number(8.8, 1));
        assert_eq!(parse_cell("-5", Some(Unit::Aantal)), number(-5.0, 0));
        assert_eq!(parse_cell("−5", None), number(-5.0, 0));
        assert!(parse_cell("- 5", Some(Unit::Aantal)).unwrap_err().contains("geheime cel"));
        assert!(parse_cell("8,8%", Some(Unit::Aantal)).unwrap_err().contains("%-teken"));
        assert!(parse_cell("€ 5", Some(Unit::Aantal)).unwrap_err().contains("€-teken"));
        assert!(parse_cell("1,07621E+07", Some(Unit::Euro)).unwrap_err().contains("wetenschappelijke"));
        assert_eq!(parse_cell("", Some(Unit::Aantal)), Ok(CellContent::Empty));
    }
}
