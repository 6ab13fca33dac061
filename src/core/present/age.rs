//! How old a figure is (issue 23: a resident could not tell that the figures are from
//! 2015–2017): the years a period is about and the year of the report it comes from, in one
//! short line. One reading of period ids for the home page's line over all tables
//! (`pages::home::age`) and the line on every dashboard card and indicator page.

/// The years (four digits, 1990–2099) in a period id such as `2016`, `2016-H1`, `2015-2017`
/// or `2016-12-31` (the day and month are not years: they have fewer digits).
pub fn years(id: &str) -> Vec<u32> {
    id.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .filter(|y| (1990..2100).contains(y))
        .collect()
}

/// "2016" or "2015 tot en met 2017": the first and last of `years`, which must be sorted.
/// `None` when there are none.
pub fn span(years: &[u32]) -> Option<String> {
    match (years.first(), years.last()) {
        (Some(a), Some(b)) if a == b => Some(a.to_string()),
        (Some(a), Some(b)) => Some(format!("{a} tot en met {b}")),
        _ => None,
    }
}

/// The line under one figure: "Cijfers over 2016, uit een rapport van 2017." for a period id
/// and the year of its report (the table's seed in the manifest). The report year says how old
/// the figure is when the resident reads it; the period year alone would hide that a figure
/// about 2016 was published in 2017. `None` when neither is known.
pub fn line(period: &str, report: Option<u32>) -> Option<String> {
    line_over(years(period), report)
}

/// The same line over several periods' years (a table shown as a series over its periods).
pub fn line_over(mut about: Vec<u32>, report: Option<u32>) -> Option<String> {
    about.sort_unstable();
    about.dedup();
    Some(match (span(&about), report) {
        (Some(a), Some(r)) => format!("Cijfers over {a}, uit een rapport van {r}."),
        (Some(a), None) => format!("Cijfers over {a}."),
        (None, Some(r)) => format!("Uit een rapport van {r}."),
        (None, None) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_of_every_shape() {
        assert_eq!(years("2016-H1"), [2016]);
        assert_eq!(years("2015-2017"), [2015, 2017]);
        assert_eq!(years("2016-12-31"), [2016]);
        assert_eq!(
            line("2015-2017", Some(2019)).as_deref(),
            Some("Cijfers over 2015 tot en met 2017, uit een rapport van 2019.")
        );
        assert_eq!(line("2016-12-31", None).as_deref(), Some("Cijfers over 2016."));
        assert_eq!(line("peildatum", Some(2017)).as_deref(), Some("Uit een rapport van 2017."));
        assert_eq!(line("x", None), None);
    }
}
