//! Dutch number formatting, in one place: `1.234`, `10,7%`, `€ 1.178.000`, `+1,2 procentpunt`.
//!
//! Rounding is half away from zero at the published precision, after a tiny nudge so that a
//! binary fraction like 2.675 (stored as 2.67499…) rounds as a person reading "2,675" would.

use crate::core::model::Unit;

/// Rounds half away from zero to `decimals` places.
pub fn round(v: f64, decimals: u8) -> f64 {
    let f = 10f64.powi(decimals as i32);
    let scaled = v * f;
    // A few ulps: enough to undo binary representation error, far below any printed digit.
    let nudged = scaled + scaled.signum() * scaled.abs() * 8.0 * f64::EPSILON;
    nudged.round() / f
}

/// `1234567.891, 2` → `1.234.567,89`; negative numbers get a real minus sign.
pub fn number(v: f64, decimals: u8) -> String {
    if !v.is_finite() {
        return "onbekend".into();
    }
    let r = round(v, decimals);
    if r == 0.0 && v != 0.0 {
        // Too small to show at this precision: say so rather than print a misleading 0.
        let step = number(10f64.powi(-(decimals as i32)), decimals);
        return if v > 0.0 { format!("< {step}") } else { format!("> −{step}") };
    }
    let text = format!("{:.*}", decimals as usize, r.abs());
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_owned(), Some(f.to_owned())),
        None => (text, None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let sign = if r < 0.0 { "−" } else { "" };
    match frac {
        Some(f) => format!("{sign}{grouped},{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A number with as few decimals as it needs (at most 4): `55,4`, `1.295.221`.
pub fn shortest(v: f64) -> String {
    let d = (0..=4u8).find(|d| (round(v, *d) - v).abs() < 1e-9).unwrap_or(4);
    number(v, d)
}

/// A value with its unit, as it reads in a Dutch sentence or table cell.
pub fn with_unit(v: f64, unit: Unit, decimals: u8) -> String {
    let n = number(v, decimals);
    match unit {
        Unit::Procent => format!("{n}%"),
        Unit::Euro => format!("€ {n}"),
        Unit::Per1000 => format!("{n} per 1.000"),
        Unit::Jaar => format!("{n} jaar"),
        Unit::Maanden => format!("{n} maanden"),
        Unit::Aantal | Unit::Score => n,
    }
}

/// A value with its unit for a small chart's label, where nine digits do not fit: amounts of a
/// million euro or more in millions with one decimal ("€ 100,7 mln"), as a card's own figure
/// reads; everything else as [`with_unit`]. The table beside it keeps the exact figure.
pub fn compact(v: f64, unit: Unit, decimals: u8) -> String {
    if unit == Unit::Euro && v.abs() >= 1e6 {
        format!("€ {} mln", number(v / 1e6, 1))
    } else {
        with_unit(v, unit, decimals)
    }
}

/// A difference with an explicit sign: `+1,2 procentpunt`, `−€ 31.534`, `+50`.
pub fn signed_difference(d: f64, unit: Unit, decimals: u8) -> String {
    let r = round(d, decimals);
    let sign = if r > 0.0 {
        "+"
    } else if r < 0.0 {
        "−"
    } else {
        ""
    };
    let n = number(r.abs(), decimals);
    match unit {
        // Dutch keeps the unit singular after a number ("2,5 procentpunt", like "3 meter").
        Unit::Procent => format!("{sign}{n} procentpunt"),
        Unit::Euro => format!("{sign}€ {n}"),
        _ => format!("{sign}{}", with_unit(r.abs(), unit, decimals)),
    }
}

/// A number as Dutch Excel reads it from a CSV: decimal comma, no thousands separator.
pub fn spreadsheet(v: f64, decimals: u8) -> String {
    format!("{:.*}", decimals as usize, round(v, decimals)).replace('.', ",")
}

/// `["A", "B", "C"]` → `A, B en C`.
pub fn join_nl(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} en {last}", init.join(", ")),
    }
}

/// The Dutch month names, January first (period words in templates, dates in downloads).
pub const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_and_decimals() {
        assert_eq!(number(1234.0, 0), "1.234");
        assert_eq!(number(1234567.891, 2), "1.234.567,89");
        assert_eq!(number(166695.0, 0), "166.695");
        assert_eq!(number(10.7, 1), "10,7");
        assert_eq!(number(0.0, 1), "0,0");
        assert_eq!(number(999.0, 0), "999");
        assert_eq!(number(1_000_000_000_000.0, 0), "1.000.000.000.000");
    }

    #[test]
    fn units() {
        assert_eq!(with_unit(10.7, Unit::Procent, 1), "10,7%");
        assert_eq!(with_unit(1178000.0, Unit::Euro, 0), "€ 1.178.000");
        assert_eq!(with_unit(-1295221.0, Unit::Euro, 0), "€ −1.295.221");
        assert_eq!(with_unit(12.25, Unit::Per1000, 1), "12,3 per 1.000");
        assert_eq!(compact(100737000.0, Unit::Euro, 0), "€ 100,7 mln");
        assert_eq!(compact(-1295221.0, Unit::Euro, 0), "€ −1,3 mln");
        assert_eq!(compact(654148.0, Unit::Euro, 0), "€ 654.148");
        assert_eq!(compact(10.7, Unit::Procent, 1), "10,7%");
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(number(2.675, 2), "2,68");
        assert_eq!(number(0.05, 1), "0,1");
        assert_eq!(number(-0.05, 1), "−0,1");
        assert_eq!(number(8.25, 1), "8,3");
        assert_eq!(number(-6_100_000.0, 2), "−6.100.000,00");
        assert_eq!(number(1.005, 2), "1,01");
    }

    #[test]
    fn tiny_values_are_not_shown_as_zero() {
        assert_eq!(number(0.0004, 1), "< 0,1");
        assert_eq!(number(-0.0004, 0), "> −1");
    }

    #[test]
    fn signed_differences() {
        assert_eq!(signed_difference(1.2, Unit::Procent, 1), "+1,2 procentpunt");
        assert_eq!(signed_difference(1.0, Unit::Procent, 1), "+1,0 procentpunt");
        assert_eq!(signed_difference(-0.3, Unit::Procent, 1), "−0,3 procentpunt");
        assert_eq!(signed_difference(-31534.0, Unit::Euro, 0), "−€ 31.534");
        assert_eq!(signed_difference(0.0, Unit::Aantal, 0), "0");
    }

    #[test]
    fn spreadsheet_numbers_and_lists() {
        assert_eq!(spreadsheet(1234.5, 1), "1234,5");
        assert_eq!(shortest(55.4), "55,4");
        assert_eq!(shortest(1295221.0), "1.295.221");
        assert_eq!(join_nl(&["A".into(), "B".into(), "C".into()]), "A, B en C");
        assert_eq!(join_nl(&["A".into()]), "A");
    }
}
