//! Period words: what a policy officer writes for a period (`2016`, `2016-H1`, `31-12-2016`,
//! `2015-2018`, `structureel`) → the format's period id, and the Dutch label of an id.

use crate::core::text::words::fold;

/// `2016`, `2016-H1`, `2016-Q3`, `2016-12-31` (also as Excel writes a date: `31-12-2016`),
/// `2015-2018`, `structureel` → the period id.
pub(super) fn period_id(text: &str) -> Option<String> {
    let text = text.trim();
    let is_year = |part: &str| part.len() == 4 && part.chars().all(|c| c.is_ascii_digit());
    let small_number = |part: &str, lowest: u32, highest: u32| -> Option<u32> {
        if part.is_empty() || part.len() > 2 || !part.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        part.parse::<u32>().ok().filter(|number| (lowest..=highest).contains(number))
    };
    let date = |year: &str, month: &str, day: &str| -> Option<String> {
        let (month, day) = (small_number(month, 1, 12)?, small_number(day, 1, 31)?);
        valid_day(year, month, day).then(|| format!("{year}-{month:02}-{day:02}"))
    };
    if fold(text) == "structureel" {
        return Some("structureel".into());
    }
    if is_year(text) {
        return Some(text.to_owned());
    }
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    match parts.as_slice() {
        [year, half]
            if is_year(year) && matches!(half.to_uppercase().as_str(), "H1" | "H2" | "Q1" | "Q2" | "Q3" | "Q4") =>
        {
            Some(format!("{year}-{}", half.to_uppercase()))
        }
        [first, last] if is_year(first) && is_year(last) && text.contains('-') && first < last => {
            Some(format!("{first}-{last}"))
        }
        [year, month, day] if is_year(year) => date(year, month, day),
        [day, month, year] if is_year(year) => date(year, month, day),
        _ => None,
    }
}

fn valid_day(year: &str, month: u32, day: u32) -> bool {
    let year: u32 = year.parse().unwrap_or(1);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    day <= days
}

/// The Dutch label of a period id when the file gives none.
pub(super) fn period_label_from_id(id: &str) -> String {
    if id == "structureel" {
        return "Structureel".into();
    }
    let parts: Vec<&str> = id.split('-').collect();
    match parts.as_slice() {
        [year, half] if half.starts_with('H') => format!("{}e halfjaar {year}", &half[1..]),
        [year, quarter] if quarter.starts_with('Q') => format!("{}e kwartaal {year}", &quarter[1..]),
        [year, month, day] => {
            let month_name = month
                .parse::<usize>()
                .ok()
                .and_then(|number| crate::core::text::format::MONTHS_NL.get(number.wrapping_sub(1)))
                .copied()
                .unwrap_or("");
            format!("{} {month_name} {year}", day.trim_start_matches('0'))
        }
        _ => id.to_owned(),
    }
}

/// The message for text that is not a period.
pub(super) fn not_a_period(text: &str) -> String {
    format!("\"{text}\" is geen periode; schrijf 2016, 2016-H1 (halfjaar), 2016-Q3 (kwartaal), 2016-12-31 (peildatum), 2015-2018 of structureel")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        assert_eq!(period_id("2016-h1").as_deref(), Some("2016-H1"));
        assert_eq!(period_id("31-12-2016").as_deref(), Some("2016-12-31"));
        assert_eq!(period_id("2016-02-30"), None);
        assert_eq!(period_id("2016-02-29").as_deref(), Some("2016-02-29"));
        assert_eq!(period_id("2015-2018").as_deref(), Some("2015-2018"));
        assert_eq!(period_id("2018-2015"), None);
        assert_eq!(period_label_from_id("2016-12-31"), "31 december 2016");
        assert_eq!(period_label_from_id("2016-H1"), "1e halfjaar 2016");
        assert_eq!(period_label_from_id("2016-Q3"), "3e kwartaal 2016");
    }
}
