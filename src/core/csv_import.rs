//! CSV templates → the monitor's table format (issue 8).
//!
//! A policy officer fills in a template in Dutch Excel (`public/sjablonen/`, explained in
//! `docs/csv-sjablonen.md`) and saves it as CSV. [`convert`] turns that text into a [`Table`],
//! or lists every problem in Dutch with the row and column as the spreadsheet shows them.
//! The converted table has passed the project's own validator, so [`to_dataset_json`] always
//! writes a file that `msd-check` and the monitor accept.
//!
//! Layout, top to bottom (rows whose first cell starts with `#` are comments; empty rows are
//! skipped everywhere):
//! ```text
//! titel;Jongeren in jeugdzorg, 1e halfjaar 2016 (%)      ← metadata: one line per field
//! thema;jeugd                                             (titel, tabel-id, thema, pijler, bron,
//! …                                                        bronnummer, sectie, pagina,
//! periode;2016-H1;1e halfjaar 2016   (per gebied only)      toelichting, definitie, voorlopig,
//! gebied;Ridderkerk                  (per jaar only)        afronding)
//! gebied;jeugdhulp;met verblijf      ← header: `gebied` (per gebied) or `periode` (per jaar)
//! id;jeugdhulp;met_verblijf          ← descriptor rows under the header, any order:
//! eenheid;%;%                          eenheid (required), id, soort, decimalen, basis, groep, formule
//! Alblasserdam;8,8;0,8               ← one row per area (per gebied) or period (per jaar)
//! ```
//! In the per-jaar template the column after `periode` may be headed `omschrijving`: the period's
//! label as published.
//!
//! Pure: no browser types, no I/O, never panics on any input.

use super::catalog::fold;
use super::json::{Json, MAX_FILE_BYTES};
use super::model::*;
use super::problem::{Problem, Problems};
use super::validate;
use std::collections::{HashMap, HashSet};

/// Which template a file follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// One period; a row per area.
    PerGebied,
    /// One area; a row per period.
    PerJaar,
}

/// Bytes of an uploaded or read file → text. UTF-8 (with or without BOM) and UTF-16 with BOM
/// ("Unicode-tekst") are read as such; anything else as Windows-1252, which is what Dutch Excel
/// writes for "CSV (gescheiden door lijstscheidingsteken)".
pub fn decode_bytes(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    let utf16 = |rest: &[u8], little: bool| -> String {
        let units = rest.chunks(2).map(|c| {
            let (a, b) = (c.first().copied().unwrap_or(0), c.get(1).copied().unwrap_or(0));
            if little {
                u16::from_le_bytes([a, b])
            } else {
                u16::from_be_bytes([a, b])
            }
        });
        char::decode_utf16(units).map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER)).collect()
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, false);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => bytes.iter().map(|b| windows_1252(*b)).collect(),
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// `rij 7, kolom 3 (C): …` — a problem as a spreadsheet user reads it (without the file name).
pub fn describe(p: &Problem) -> String {
    match p.position {
        Some((row, col)) => format!("rij {row}, kolom {col} ({}): {}", column_letters(col), p.message),
        None if !p.path.is_empty() => format!("bij {}: {}", p.path, p.message),
        None => p.message.clone(),
    }
}

/// `1` → `A`, `27` → `AA`: the column as Excel labels it.
pub fn column_letters(col: usize) -> String {
    let mut n = col;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push((b'A' + r as u8) as char);
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

// ───────────────────────────── reading CSV ─────────────────────────────

/// One record as the spreadsheet shows it: `n` is Excel's row number.
#[derive(Debug, Clone)]
struct Row {
    n: usize,
    cells: Vec<String>,
}

impl Row {
    fn get(&self, i: usize) -> &str {
        self.cells.get(i).map_or("", |s| s.trim())
    }
    /// The first cell as a keyword: lower case, no diacritics, no trailing colon.
    fn key(&self) -> String {
        fold(self.get(0)).trim_end_matches(':').trim().to_owned()
    }
    fn last_filled(&self) -> Option<usize> {
        self.cells.iter().rposition(|c| !c.trim().is_empty())
    }
    fn is_empty(&self) -> bool {
        self.last_filled().is_none()
    }
}

/// The separator, from the first line that is not a comment and has one: `;` (Dutch Excel)
/// when it occurs outside quotes, else a tab, else `,`.
fn detect_separator(text: &str) -> char {
    let (mut semi, mut tab, mut comma, mut quoted) = (0, 0, 0, false);
    let mut line = String::new();
    let mut lines_seen = 0;
    for c in text.chars().chain(std::iter::once('\n')) {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => {
                let comment = line.trim_start().trim_start_matches('"').starts_with('#');
                if !comment && semi + tab + comma > 0 {
                    break;
                }
                (semi, tab, comma) = (0, 0, 0);
                line.clear();
                lines_seen += 1;
                if lines_seen > 50 {
                    break;
                }
                continue;
            }
            ';' if !quoted => semi += 1,
            '\t' if !quoted => tab += 1,
            ',' if !quoted => comma += 1,
            _ => {}
        }
        if line.len() < 8 {
            line.push(c);
        }
    }
    if semi > 0 {
        ';'
    } else if tab > 0 {
        '\t'
    } else if comma > 0 {
        ','
    } else {
        ';'
    }
}

/// Splits CSV into records. Quoted fields may hold separators, doubled quotes and line breaks.
/// `Err((row, column))` when a quote is never closed.
fn read_rows(text: &str, sep: char) -> Result<Vec<Row>, (usize, usize)> {
    let mut rows = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut was_quoted = false;
    let mut chars = text.chars().peekable();
    let mut quote_start = (1, 1);
    let end_record = |cells: &mut Vec<String>, field: &mut String, rows: &mut Vec<Row>| {
        cells.push(std::mem::take(field));
        let n = rows.len() + 1;
        rows.push(Row { n, cells: std::mem::take(cells) });
    };
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() && !was_quoted => {
                field.clear();
                quoted = true;
                was_quoted = true;
                quote_start = (rows.len() + 1, cells.len() + 1);
            }
            c if c == sep => {
                cells.push(std::mem::take(&mut field));
                was_quoted = false;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                end_record(&mut cells, &mut field, &mut rows);
                was_quoted = false;
            }
            c => field.push(c),
        }
    }
    if quoted {
        return Err(quote_start);
    }
    if !cells.is_empty() || !field.is_empty() || was_quoted {
        end_record(&mut cells, &mut field, &mut rows);
    }
    Ok(rows)
}

// ───────────────────────────── numbers and marks ─────────────────────────────

/// What one figure cell holds.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Empty,
    Number { value: f64, decimals: usize },
    Mark { status: Status, printed: Option<String> },
}

const NUMBER_HELP: &str = "schrijf een getal zoals 8,8 of 1.490, of - (geheim) of . (niet beschikbaar)";

/// Reads a cell as Dutch Excel writes it. `unit` is `None` when the column's unit is unknown
/// (then `€` and `%` are simply accepted).
fn parse_cell(raw: &str, unit: Option<Unit>) -> Result<Cell, String> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(Cell::Empty);
    }
    let euro = unit.is_none_or(|u| u == Unit::Euro);
    let f = fold(s);
    let compact: String = f.chars().filter(|c| !c.is_whitespace()).collect();
    let has_digit = s.chars().any(|c| c.is_ascii_digit());
    let dash = |t: &str| matches!(t, "-" | "–" | "—" | "−");
    // Marks without a number.
    if !has_digit {
        let no_euro = compact.trim_start_matches('€').trim_end_matches('€');
        if no_euro != compact && !euro {
            return Err(format!("\"{s}\": een €-teken hoort alleen in een kolom met eenheid €"));
        }
        match no_euro {
            t if dash(t) => {
                return Ok(if unit == Some(Unit::Euro) {
                    // In a financial table a dash means zero (nihil), not a suppressed count.
                    Cell::Mark { status: Status::Nihil, printed: None }
                } else {
                    Cell::Mark { status: Status::Geheim, printed: None }
                });
            }
            "geheim" => return Ok(Cell::Mark { status: Status::Geheim, printed: None }),
            "nihil" => return Ok(Cell::Mark { status: Status::Nihil, printed: None }),
            "." | "nietbeschikbaar" | "niet-beschikbaar" => {
                return Ok(Cell::Mark { status: Status::NietBeschikbaar, printed: None })
            }
            "n.b." | "n.b" | "nb" | "[pm]" | "pm" | "p.m." => {
                return Ok(Cell::Mark { status: Status::NietBeschikbaar, printed: Some(s.to_owned()) })
            }
            _ => {}
        }
    }
    // A mark and a number in one cell.
    if has_digit {
        let starts_with_dash_then_space =
            s.chars().next().is_some_and(|c| dash(&c.to_string())) && s.chars().nth(1).is_some_and(char::is_whitespace);
        if f.contains("geheim") || starts_with_dash_then_space {
            return Err(format!(
                "\"{s}\": een geheime cel (-) mag geen getal bevatten; schrijf alleen - als het cijfer geheim is (0 tot en met 7, afgeschermd), of alleen het getal als het gepubliceerd is"
            ));
        }
        if ["n.b", "[pm]", "p.m.", "nihil", "niet beschikbaar"].iter().any(|m| f.contains(m)) || compact == "pm" {
            return Err(format!(
                "\"{s}\": een cel met een teken als n.b., [pm] of nihil mag geen getal bevatten; schrijf alleen het teken of alleen het getal"
            ));
        }
    }
    let mut t: String = s.to_owned();
    if t.contains('€') {
        if !euro {
            return Err(format!("\"{s}\": een €-teken hoort alleen in een kolom met eenheid €"));
        }
        t = t.replace('€', "");
    }
    if let Some(rest) = t.trim_end().strip_suffix('%') {
        if unit.is_some_and(|u| u != Unit::Procent) {
            return Err(format!("\"{s}\": een %-teken hoort alleen in een kolom met eenheid %"));
        }
        t = rest.to_owned();
    }
    let t = t.trim();
    let (negative, body) = match t.chars().next() {
        Some(c) if dash(&c.to_string()) => (true, t[c.len_utf8()..].trim_start()),
        _ => (false, t),
    };
    let upper = body.to_uppercase();
    if upper.contains("E+") || upper.contains("E-") {
        return Err(format!(
            "\"{s}\" staat in wetenschappelijke notatie; geef de kolom in Excel de celopmaak Getal (of maak hem breder) en sla opnieuw op"
        ));
    }
    match dutch_number(body) {
        Some((value, decimals)) if value.is_finite() => Ok(Cell::Number { value: if negative { -value } else { value }, decimals }),
        Some(_) => Err(format!("\"{s}\" is te groot")),
        None if body.contains('.') && body.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') => {
            Err(format!("\"{s}\" is geen getal; gebruik een komma als decimaalteken (8,8) en een punt alleen tussen duizendtallen (1.490)"))
        }
        None => Err(format!("\"{s}\" is geen getal; {NUMBER_HELP}")),
    }
}

/// `1.490,5` → (1490.5, 1). Thousands separated by `.` or a (non-breaking) space, in groups of
/// three; decimal comma. `None` when the text is not such a number.
fn dutch_number(s: &str) -> Option<(f64, usize)> {
    let (int, frac) = match s.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if let Some(f) = frac {
        if f.is_empty() || !f.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    let groups: Vec<&str> = int.split(|c: char| c == '.' || c.is_whitespace()).collect();
    if groups.iter().any(|g| g.is_empty() || !g.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    if groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
        return None;
    }
    let mut plain: String = groups.concat();
    let decimals = frac.map_or(0, str::len);
    if let Some(f) = frac {
        plain.push('.');
        plain.push_str(f);
    }
    plain.parse::<f64>().ok().map(|v| (v, decimals))
}

// ───────────────────────────── words ─────────────────────────────

fn theme_word(s: &str) -> Option<Theme> {
    let f = fold(s);
    Theme::ALL.into_iter().find(|t| t.id() == f || fold(t.name()) == f || (*t == Theme::Wmo && f == "wmo"))
}

fn pillar_word(s: &str) -> Option<Pillar> {
    let f = fold(s);
    Pillar::ALL.into_iter().find(|p| p.id() == f || fold(p.name()) == f)
}

fn unit_word(s: &str) -> Option<Unit> {
    match fold(s).as_str() {
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

fn kind_word(s: &str) -> Option<Kind> {
    match fold(s).as_str() {
        "telling" | "aantal" | "count" => Some(Kind::Count),
        "noemer" | "basis" | "denominator" => Some(Kind::Denominator),
        "bedrag" | "amount" => Some(Kind::Amount),
        "score" | "cijfer" => Some(Kind::Score),
        "afgeleid" | "berekend" | "derived" => Some(Kind::Derived),
        _ => None,
    }
}

/// The kind a column gets when the `soort` cell is empty.
fn default_kind(unit: Unit, has_formula: bool) -> Kind {
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

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Count => "telling",
        Kind::Denominator => "noemer",
        Kind::Amount => "bedrag",
        Kind::Score => "score",
        Kind::Derived => "afgeleid",
    }
}

/// The validator's rule of which unit fits which kind, worded for the template.
fn unit_fits(unit: Unit, kind: Kind, formula: Option<&Formula>) -> Result<(), String> {
    let (expected, what): (&[Unit], String) = match (kind, formula.map(|f| f.op)) {
        (Kind::Count | Kind::Denominator, _) => (&[Unit::Aantal], format!("soort {}", kind_name(kind))),
        (Kind::Amount, _) => (&[Unit::Euro], "soort bedrag".into()),
        (Kind::Score, _) => (&[Unit::Score, Unit::Jaar, Unit::Maanden], "soort score".into()),
        (Kind::Derived, Some(Op::Share)) => (&[Unit::Procent], "een formule a / b * 100 (een percentage)".into()),
        (Kind::Derived, Some(Op::Per1000)) => (&[Unit::Per1000], "een formule a / b * 1000 (per 1.000)".into()),
        (Kind::Derived, _) => return Ok(()),
    };
    if expected.contains(&unit) {
        return Ok(());
    }
    let names: Vec<String> = expected.iter().map(|u| u.id().to_owned()).collect();
    Err(format!(
        "eenheid \"{}\" past niet bij {what}; verwacht {} (of pas de soort aan)",
        unit.id(),
        super::format::join_nl(&names).replace(" en ", " of ")
    ))
}

fn yes_no(s: &str) -> Option<bool> {
    match fold(s).as_str() {
        "ja" | "j" | "waar" | "true" | "1" => Some(true),
        "nee" | "n" | "onwaar" | "false" | "0" | "" => Some(false),
        _ => None,
    }
}

/// `2016`, `2016-H1`, `2016-Q3`, `2016-12-31` (also as Excel writes a date: `31-12-2016`),
/// `2015-2018`, `structureel` → the period id.
fn period_id(s: &str) -> Option<String> {
    let s = s.trim();
    let year = |y: &str| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit());
    let num = |x: &str, lo: u32, hi: u32| -> Option<u32> {
        if x.is_empty() || x.len() > 2 || !x.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        x.parse::<u32>().ok().filter(|n| (lo..=hi).contains(n))
    };
    if fold(s) == "structureel" {
        return Some("structureel".into());
    }
    if year(s) {
        return Some(s.to_owned());
    }
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    match parts.as_slice() {
        [y, h] if year(y) && matches!(h.to_uppercase().as_str(), "H1" | "H2" | "Q1" | "Q2" | "Q3" | "Q4") => {
            Some(format!("{y}-{}", h.to_uppercase()))
        }
        [a, b] if year(a) && year(b) && s.contains('-') && a < b => Some(format!("{a}-{b}")),
        [y, m, d] if year(y) => {
            let (m, d) = (num(m, 1, 12)?, num(d, 1, 31)?);
            valid_day(y, m, d).then(|| format!("{y}-{m:02}-{d:02}"))
        }
        [d, m, y] if year(y) => {
            let (m, d) = (num(m, 1, 12)?, num(d, 1, 31)?);
            valid_day(y, m, d).then(|| format!("{y}-{m:02}-{d:02}"))
        }
        _ => None,
    }
}

fn valid_day(year: &str, month: u32, day: u32) -> bool {
    let y: u32 = year.parse().unwrap_or(1);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    day <= days
}

const MONTHS: [&str; 12] = [
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

/// The Dutch label of a period id when the file gives none.
fn period_label(id: &str) -> String {
    if id == "structureel" {
        return "Structureel".into();
    }
    let parts: Vec<&str> = id.split('-').collect();
    match parts.as_slice() {
        [y, h] if h.starts_with('H') => format!("{}e halfjaar {y}", &h[1..]),
        [y, q] if q.starts_with('Q') => format!("{}e kwartaal {y}", &q[1..]),
        [y, m, d] => {
            let month = m.parse::<usize>().ok().and_then(|m| MONTHS.get(m.wrapping_sub(1))).copied().unwrap_or("");
            format!("{} {month} {y}", d.trim_start_matches('0'))
        }
        _ => id.to_owned(),
    }
}

/// `BUIG- uitgaven` → `buig_uitgaven`: a measure id from a column name.
fn measure_slug(label: &str) -> String {
    let mut out = String::new();
    for c in fold(label).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_end_matches('_').chars().take(60).collect::<String>().trim_end_matches('_').to_owned()
}

/// `Jongeren in jeugdzorg, 2016 (%)` → `jongeren-in-jeugdzorg-2016`.
fn table_slug(title: &str) -> String {
    measure_slug(title).replace('_', "-")
}

fn is_measure_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// Reads `a - b`, `|a - b|`, `a + b + c`, `a / b`, `a / b * 100`, `a / b * 1000` (and `100 * a / b`).
fn parse_formula(s: &str) -> Result<Formula, String> {
    #[derive(PartialEq)]
    enum T {
        Id(String),
        Num(f64),
        Op(char),
    }
    let bad = || {
        format!(
            "\"{s}\" is geen formule die de monitor kent; schrijf a / b * 100 (percentage), a / b * 1000 (per 1.000), a + b (som), a - b (verschil), |a - b| (verschil zonder teken) of a / b (verhouding), met de id's uit de rij id"
        )
    };
    let mut tokens = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {}
            '+' | '*' | '/' | '|' => tokens.push(T::Op(c)),
            '-' | '−' | '–' => tokens.push(T::Op('-')),
            '×' | '·' => tokens.push(T::Op('*')),
            '÷' | ':' => tokens.push(T::Op('/')),
            c if c.is_ascii_digit() => {
                let mut n = c.to_string();
                while let Some(&d) = chars.peek() {
                    if d.is_ascii_digit() || d == '.' {
                        n.push(d);
                        chars.next();
                    } else {
                        break;
                    }
                }
                tokens.push(T::Num(n.replace('.', "").parse().map_err(|_| bad())?));
            }
            c if c.is_alphabetic() || c == '_' => {
                let mut id = c.to_string();
                while let Some(&d) = chars.peek() {
                    if d.is_alphanumeric() || d == '_' {
                        id.push(d);
                        chars.next();
                    } else {
                        break;
                    }
                }
                tokens.push(T::Id(id.to_lowercase()));
            }
            _ => return Err(bad()),
        }
    }
    let f = |op: Op, args: Vec<&String>| Formula { op, args: args.into_iter().cloned().collect() };
    use T::{Id, Num, Op as O};
    match tokens.as_slice() {
        [Id(a), O('-'), Id(b)] => Ok(f(Op::Difference, vec![a, b])),
        [O('|'), Id(a), O('-'), Id(b), O('|')] => Ok(f(Op::AbsDifference, vec![a, b])),
        [Id(a), O('/'), Id(b)] => Ok(f(Op::Ratio, vec![a, b])),
        [Id(a), O('/'), Id(b), O('*'), Num(n)] | [Num(n), O('*'), Id(a), O('/'), Id(b)] if *n == 100.0 => {
            Ok(f(Op::Share, vec![a, b]))
        }
        [Id(a), O('/'), Id(b), O('*'), Num(n)] | [Num(n), O('*'), Id(a), O('/'), Id(b)] if *n == 1000.0 => {
            Ok(f(Op::Per1000, vec![a, b]))
        }
        [Id(first), rest @ ..] if !rest.is_empty() && rest.len() % 2 == 0 => {
            let mut args = vec![first];
            for pair in rest.chunks(2) {
                match pair {
                    [O('+'), Id(x)] => args.push(x),
                    _ => return Err(bad()),
                }
            }
            Ok(f(Op::Sum, args))
        }
        _ => Err(bad()),
    }
}

/// Edit distance, for "bedoelt u …?".
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

fn find_area<'m>(manifest: &'m Manifest, s: &str) -> Result<&'m Area, String> {
    let f = fold(s);
    if let Some(a) = manifest.areas.iter().find(|a| a.code.eq_ignore_ascii_case(s.trim()) || fold(&a.name) == f) {
        return Ok(a);
    }
    let near: Vec<&Area> = manifest.areas.iter().filter(|a| distance(&fold(&a.name), &f) <= 2).collect();
    let hint = match near.as_slice() {
        [a] => format!("; bedoelt u {}?", a.name),
        _ => String::new(),
    };
    Err(format!(
        "onbekend gebied \"{}\"; gebruik de CBS-code (zoals GM0505) of de naam zoals in manifest.json (zoals Dordrecht){hint}",
        s.trim()
    ))
}

// ───────────────────────────── the converter ─────────────────────────────

const META_KEYS: [&str; 14] = [
    "titel",
    "tabel-id",
    "thema",
    "pijler",
    "bron",
    "bronnummer",
    "sectie",
    "pagina",
    "toelichting",
    "definitie",
    "periode",
    "gebied",
    "voorlopig",
    "afronding",
];

fn meta_key(k: &str) -> Option<&'static str> {
    let k = match k {
        "tabelid" | "tabel id" | "id tabel" => "tabel-id",
        "brondocument" | "bron nummer" | "bron-nummer" => "bronnummer",
        "hoofdstuk" => "sectie",
        "voetnoot" | "definities" => "definitie",
        other => other,
    };
    META_KEYS.iter().find(|m| **m == k).copied()
}

const DESCRIPTORS: [&str; 7] = ["id", "eenheid", "soort", "decimalen", "basis", "groep", "formule"];

fn descriptor_key(k: &str) -> Option<&'static str> {
    let k = match k {
        "decimaal" => "decimalen",
        "formules" => "formule",
        other => other,
    };
    DESCRIPTORS.iter().find(|d| **d == k).copied()
}

/// One metadata line: its row and the cells from column 2 on.
struct MetaLine {
    row: usize,
    values: Vec<String>,
}

/// The metadata block above the table, read.
struct Meta {
    lines: HashMap<&'static str, MetaLine>,
    definitions: Vec<String>,
    title: Option<String>,
    table_id: String,
    theme: Option<Theme>,
    pillar: Option<Pillar>,
    source: Option<String>,
    seed: Option<String>,
    page: Option<u32>,
    provisional: bool,
    rounding: Option<u32>,
    /// Per gebied: the one period.
    period: Option<Label>,
    /// Per jaar: the one area.
    area: Option<String>,
}

impl Meta {
    fn text(&self, key: &str) -> Option<String> {
        self.lines.get(key).and_then(|m| m.values.first()).filter(|v| !v.is_empty()).cloned()
    }
    /// Where the value of a line is, or the top of the sheet when the line is missing.
    fn pos(&self, key: &str) -> (usize, usize) {
        self.lines.get(key).map_or((1, 1), |m| (m.row, 2))
    }
    fn required(&self, key: &str, what: &str, p: &mut Problems) -> Option<String> {
        match (self.lines.get(key), self.text(key)) {
            (_, Some(v)) => Some(v),
            (Some(m), None) => {
                p.add_at(m.row, 2, format!("{what} ontbreekt in kolom 2"));
                None
            }
            (None, None) => {
                p.add_at(1, 1, format!("de regel \"{key}\" ontbreekt; zet boven de tabel een rij met {key} in kolom 1 en {what} in kolom 2"));
                None
            }
        }
    }
}

/// The descriptor rows under the header (`eenheid`, `soort`, …), by keyword.
struct Descriptors<'r>(HashMap<&'static str, &'r Row>);

impl Descriptors<'_> {
    /// The text of a descriptor in a column, and the row it is on (0 when the row is absent).
    fn cell(&self, key: &str, c: usize) -> (&str, usize) {
        self.0.get(key).map_or(("", 0), |r| (r.get(c), r.n))
    }
    fn row(&self, key: &str) -> Option<usize> {
        self.0.get(key).map(|r| r.n)
    }
}

/// One figure column of the table.
struct Column {
    /// 0-based index in the row.
    idx: usize,
    measure: Measure,
    /// False when the column could not be read: its values are then left out of the table.
    usable: bool,
    /// The unit was read (so `€` and `%` signs can be checked against it).
    unit_known: bool,
    decimals_given: bool,
}

/// One row of figures.
struct DataRow {
    n: usize,
    /// Area code (per gebied) or period id (per jaar); `None` when it could not be read.
    key: Option<String>,
    /// Per column; `None` when the cell had a problem.
    cells: Vec<Option<Cell>>,
}

/// Turns a filled-in template into a table, or lists every problem (Dutch, with row and column
/// as the spreadsheet counts them), sorted top to bottom. `file` is the name the user knows the
/// file by. The table has passed `validate::dataset`.
pub fn convert(file: &str, text: &str, manifest: &Manifest) -> Result<Table, Vec<Problem>> {
    let mut p = Problems::new(file);
    let Some((rows, sep)) = read_sheet(text, &mut p) else { return Err(p.list) };
    let Some(h) = find_header(&rows, &mut p) else { return Err(p.list) };
    let header = &rows[h];
    let layout = if header.key() == "gebied" { Layout::PerGebied } else { Layout::PerJaar };
    let meta = read_meta(&rows[..h], layout, sep, manifest, &mut p);
    let (desc, first_data) = read_descriptors(&rows, h, &mut p);
    let data = &rows[first_data..];
    let label_col =
        layout == Layout::PerJaar && matches!(fold(header.get(1)).as_str(), "omschrijving" | "label" | "naam");
    let Some(mut columns) = read_columns(header, &desc, data, if label_col { 2 } else { 1 }, sep, &mut p) else {
        return Err(finish(p));
    };
    let mut periods: Vec<Label> = meta.period.iter().cloned().collect();
    let data_rows = read_data(data, &columns, layout, label_col, manifest, &mut periods, &mut p);
    if data.is_empty() {
        let last = desc.0.values().map(|r| r.n).max().unwrap_or(header.n);
        p.add_at(last + 1, 1, match layout {
            Layout::PerGebied => "onder de kopregel staan geen gebieden; zet per gebied een rij met de CBS-code of de naam en de cijfers",
            Layout::PerJaar => "onder de kopregel staan geen perioden; zet per periode een rij met de periode (zoals 2016) en de cijfers",
        });
    }
    // Decimals as printed when the file does not say.
    for (j, col) in columns.iter_mut().enumerate().filter(|(_, c)| !c.decimals_given) {
        let printed = data_rows.iter().filter_map(|r| match r.cells.get(j) {
            Some(Some(Cell::Number { decimals, .. })) => Some(*decimals),
            _ => None,
        });
        col.measure.decimals = printed.max().unwrap_or(0).min(6) as u8;
    }
    let (values, positions) = build_values(&columns, &data_rows, layout, &periods, &meta);
    let mut table = Table {
        id: meta.table_id.clone(),
        title: meta.title.clone().unwrap_or_default(),
        theme: meta.theme.unwrap_or(Theme::Jeugd),
        pillar: meta.pillar.unwrap_or(Pillar::Gebruik),
        source: Source {
            text: meta.source.clone().unwrap_or_default(),
            seed: meta.seed.clone().unwrap_or_else(|| "000".into()),
            section: meta.text("sectie").unwrap_or_default(),
            page: meta.page,
        },
        note: meta.text("toelichting"),
        definitions: meta.definitions.clone(),
        provisional: meta.provisional,
        rounding: meta.rounding,
        periods,
        categories: Vec::new(),
        measures: columns.iter().map(|c| c.measure.clone()).collect(),
        totals: Vec::new(),
        values,
        inconsistencies: Vec::new(),
        index: Default::default(),
    };
    table.reindex();
    let places = Places {
        header: header.n,
        formula_row: desc.row("formule"),
        desc: desc.0.iter().map(|(k, r)| (*k, r.n)).collect(),
        columns: columns.iter().map(|c| c.idx + 1).collect(),
        values: positions,
        meta: META_KEYS.iter().filter_map(|k| meta.lines.get(k).map(|m| (*k, m.row))).collect(),
        periods: table
            .periods
            .iter()
            .map(|pp| {
                data_rows
                    .iter()
                    .find(|r| r.key.as_deref() == Some(pp.id.as_str()) && layout == Layout::PerJaar)
                    .map_or(meta.pos("periode").0, |r| r.n)
            })
            .collect(),
    };
    check_table(table, &meta, &places, manifest, p)
}

/// Text → rows without comments and empty lines, and the separator. `None` when the file can't
/// be read as CSV at all (the problem is recorded).
fn read_sheet(text: &str, p: &mut Problems) -> Option<(Vec<Row>, char)> {
    if text.len() > MAX_FILE_BYTES {
        p.add_at(1, 1, format!("het bestand is {} bytes groot; het maximum is {} bytes", text.len(), MAX_FILE_BYTES));
        return None;
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Excel may write `sep=;` as the first line; it does not show it as a row.
    let first_line = text.split(['\r', '\n']).next().unwrap_or("");
    let explicit: Vec<char> = first_line.trim().strip_prefix("sep=").map_or(Vec::new(), |s| s.chars().collect());
    let (sep, body) = match explicit.as_slice() {
        [c] => {
            let rest = text[first_line.len()..].trim_start_matches('\r');
            (*c, rest.strip_prefix('\n').unwrap_or(rest))
        }
        _ => (detect_separator(text), text),
    };
    let rows = match read_rows(body, sep) {
        Ok(r) => r,
        Err((row, col)) => {
            p.add_at(
                row,
                col,
                "het aanhalingsteken (\") aan het begin van deze cel wordt nergens gesloten; zet een \" aan het eind van de tekst, of schrijf een \" in een tekst dubbel (\"\")",
            );
            return None;
        }
    };
    let rows: Vec<Row> = rows.into_iter().filter(|r| !r.is_empty() && !r.get(0).starts_with('#')).collect();
    if rows.is_empty() {
        p.add_at(
            1,
            1,
            "het bestand is leeg; begin met een van de sjablonen uit public/sjablonen (per-gebied.csv of per-jaar.csv)",
        );
        return None;
    }
    Some((rows, sep))
}

/// The table's header: a row starting with `gebied` or `periode` with descriptor rows under it
/// (or, when those are missing, the last such row).
fn find_header(rows: &[Row], p: &mut Problems) -> Option<usize> {
    let is_head = |r: &Row| matches!(r.key().as_str(), "gebied" | "periode");
    let found = (0..rows.len())
        .find(|&i| is_head(&rows[i]) && rows.get(i + 1).is_some_and(|n| descriptor_key(&n.key()).is_some()))
        .or_else(|| rows.iter().rposition(|r| is_head(r) && r.last_filled().unwrap_or(0) > 0));
    if found.is_none() {
        p.add_at(
            rows.first().map_or(1, |r| r.n),
            1,
            "de tabel ontbreekt: er is geen kopregel die begint met \"gebied\" (sjabloon per gebied) of \"periode\" (sjabloon per jaar), met daaronder de rij \"eenheid\"",
        );
    }
    found
}

fn read_meta(rows: &[Row], layout: Layout, sep: char, manifest: &Manifest, p: &mut Problems) -> Meta {
    let mut lines: HashMap<&'static str, MetaLine> = HashMap::new();
    let mut definitions = Vec::new();
    for r in rows {
        let Some(key) = meta_key(&r.key()) else {
            p.add_at(
                r.n,
                1,
                format!(
                    "onbekende regel \"{}\" boven de tabel; verwacht titel, tabel-id, thema, pijler, bron, bronnummer, sectie, pagina, toelichting, definitie, {}, voorlopig of afronding",
                    r.get(0),
                    if layout == Layout::PerGebied { "periode" } else { "gebied" }
                ),
            );
            continue;
        };
        let width = if key == "periode" { 3 } else { 2 };
        if let Some(last) = r.last_filled().filter(|l| *l >= width) {
            let extra = (width..=last).find(|c| !r.get(*c).is_empty()).unwrap_or(last);
            p.add_at(
                r.n,
                extra + 1,
                format!(
                    "na de waarde van \"{key}\" staat nog tekst in kolom {}; zet de hele tekst in kolom {width}{}",
                    extra + 1,
                    if sep == ',' { " (een tekst met een komma moet tussen aanhalingstekens staan)" } else { "" }
                ),
            );
        }
        match (key, layout) {
            ("periode", Layout::PerJaar) => {
                p.add_at(
                    r.n,
                    1,
                    "in het sjabloon per jaar staan de perioden in de eerste kolom van de tabel; haal deze regel weg",
                );
                continue;
            }
            ("gebied", Layout::PerGebied) => {
                p.add_at(
                    r.n,
                    1,
                    "in het sjabloon per gebied staan de gebieden in de eerste kolom van de tabel; haal deze regel weg",
                );
                continue;
            }
            ("definitie", _) => {
                if !r.get(1).is_empty() {
                    definitions.push(r.get(1).to_owned());
                }
                continue;
            }
            _ => {}
        }
        if let Some(first) = lines.get(key) {
            p.add_at(r.n, 1, format!("de regel \"{key}\" staat er twee keer (ook in rij {})", first.row));
            continue;
        }
        lines.insert(key, MetaLine { row: r.n, values: (1..width).map(|c| r.get(c).to_owned()).collect() });
    }
    let mut m = Meta {
        lines,
        definitions,
        title: None,
        table_id: String::new(),
        theme: None,
        pillar: None,
        source: None,
        seed: None,
        page: None,
        provisional: false,
        rounding: None,
        period: None,
        area: None,
    };
    m.title = m.required("titel", "de titel van de tabel zoals gepubliceerd", p);
    let theme = m.required("thema", "het thema (jeugd, participatie, wmo of samenloop)", p);
    let pillar = m.required("pijler", "de pijler (gebruik, ervaringen, budgetten of beschikbaarheid)", p);
    m.source = m.required("bron", "de bronvermelding zoals gepubliceerd (zonder het woord Bron:)", p);
    let seed = m.required("bronnummer", "het nummer van het brondocument uit manifest.json (zoals 001)", p);
    m.theme = theme.and_then(|t| {
        let found = theme_word(&t);
        if found.is_none() {
            let (r, c) = m.pos("thema");
            p.add_at(r, c, format!("onbekend thema \"{t}\"; kies jeugd, participatie, wmo of samenloop"));
        }
        found
    });
    m.pillar = pillar.and_then(|t| {
        let found = pillar_word(&t);
        if found.is_none() {
            let (r, c) = m.pos("pijler");
            p.add_at(r, c, format!("onbekende pijler \"{t}\"; kies gebruik, ervaringen, budgetten of beschikbaarheid"));
        }
        found
    });
    m.seed = seed.and_then(|s| {
        let (r, c) = m.pos("bronnummer");
        if !(1..=3).contains(&s.len()) || !s.chars().all(|c| c.is_ascii_digit()) {
            p.add_at(r, c, format!("\"{s}\" is geen bronnummer; verwacht een nummer als 001"));
            return None;
        }
        // Excel turns 001 into 1: put the zeros back.
        let id = format!("{s:0>3}");
        if manifest.seed(&id).is_none() {
            let known: Vec<String> = manifest.seeds.iter().map(|s| s.id.clone()).collect();
            p.add_at(
                r,
                c,
                format!(
                    "brondocument {id} staat niet in manifest.json; bekend zijn {}",
                    super::format::join_nl(&known).replace(" en ", " of ")
                ),
            );
            return None;
        }
        Some(id)
    });
    m.page = m.text("pagina").and_then(|s| match s.parse::<u32>() {
        Ok(n) => Some(n),
        Err(_) => {
            let (r, c) = m.pos("pagina");
            p.add_at(r, c, format!("\"{s}\" is geen paginanummer; schrijf alleen het nummer dat op de pagina staat, of laat de cel leeg"));
            None
        }
    });
    let provisional = m.text("voorlopig").unwrap_or_default();
    m.provisional = yes_no(&provisional).unwrap_or_else(|| {
        let (r, c) = m.pos("voorlopig");
        p.add_at(r, c, format!("\"{provisional}\": schrijf ja of nee"));
        false
    });
    m.rounding = match m.text("afronding").map(|s| fold(&s)) {
        None => None,
        Some(s) if s == "geen" || s == "nee" => None,
        Some(s) if s == "5" || s == "10" => s.parse().ok(),
        Some(s) => {
            let (r, c) = m.pos("afronding");
            p.add_at(r, c, format!("\"{s}\": schrijf 5 of 10 als de aantallen op vijftallen of tientallen zijn afgerond, of laat de cel leeg"));
            None
        }
    };
    m.table_id = m.text("tabel-id").unwrap_or_else(|| {
        format!("{}-{}", m.theme.unwrap_or(Theme::Jeugd).id(), table_slug(m.title.as_deref().unwrap_or("tabel")))
    });
    match layout {
        Layout::PerGebied => {
            let what = "de periode (zoals 2016 of 2016-H1), met in kolom 3 de omschrijving zoals gepubliceerd";
            if let Some(text) = m.required("periode", what, p) {
                match period_id(&text) {
                    Some(id) => {
                        let given =
                            m.lines.get("periode").and_then(|l| l.values.get(1)).filter(|l| !l.is_empty()).cloned();
                        let label = given.unwrap_or_else(|| period_label(&id));
                        m.period = Some(Label { id, label });
                    }
                    None => {
                        let (r, c) = m.pos("periode");
                        p.add_at(r, c, bad_period(&text));
                    }
                }
            }
        }
        Layout::PerJaar => {
            if let Some(a) = m.required("gebied", "het gebied (CBS-code zoals GM0597 of de naam zoals Ridderkerk)", p) {
                match find_area(manifest, &a) {
                    Ok(area) => m.area = Some(area.code.clone()),
                    Err(msg) => {
                        let (r, c) = m.pos("gebied");
                        p.add_at(r, c, msg);
                    }
                }
            }
        }
    }
    m
}

/// The descriptor rows directly under the header, and the index of the first data row.
fn read_descriptors<'r>(rows: &'r [Row], h: usize, p: &mut Problems) -> (Descriptors<'r>, usize) {
    let mut desc: HashMap<&'static str, &Row> = HashMap::new();
    let mut d = h + 1;
    while let Some(r) = rows.get(d) {
        let Some(key) = descriptor_key(&r.key()) else { break };
        match desc.get(key) {
            Some(first) => p.add_at(r.n, 1, format!("de rij \"{key}\" staat er twee keer (ook in rij {})", first.n)),
            None => {
                desc.insert(key, r);
            }
        }
        d += 1;
    }
    if !desc.contains_key("eenheid") {
        let n = rows.get(h).map_or(1, |r| r.n);
        p.add_at(n + 1, 1, "onder de kopregel ontbreekt de rij \"eenheid\"; zet daar per kolom aantal, %, €, per 1.000, score, jaar of maanden");
    }
    (Descriptors(desc), d)
}

/// The figure columns, from the header and the descriptor rows. `start` is the first figure
/// column (0-based). `None` when the header has none.
fn read_columns(
    header: &Row,
    desc: &Descriptors,
    data: &[Row],
    start: usize,
    sep: char,
    p: &mut Problems,
) -> Option<Vec<Column>> {
    let end = header.last_filled().unwrap_or(0);
    if end < start {
        p.add_at(header.n, start + 1, "de kopregel heeft geen kolommen met cijfers; zet de namen van de kolommen (zoals gepubliceerd) naast de eerste cel");
        return None;
    }
    // A row that reaches beyond the header.
    for r in desc.0.values().copied().chain(data.iter()) {
        if let Some(extra) = (end + 1..r.cells.len()).find(|c| !r.get(*c).is_empty()) {
            let hint = if sep == ',' {
                "; staat er een getal met een decimale komma zonder aanhalingstekens? Sla het bestand op als CSV met puntkomma's, of zet zulke getallen tussen aanhalingstekens (\"8,8\")"
            } else {
                "; geef de kolom een naam in de kopregel of maak de cel leeg"
            };
            p.add_at(
                r.n,
                extra + 1,
                format!("deze rij heeft meer kolommen dan de kopregel (die houdt op bij kolom {}){hint}", end + 1),
            );
        }
    }
    let mut columns: Vec<Column> = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    for c in start..=end {
        let label = header.get(c);
        if label.is_empty() {
            if desc.0.values().any(|r| !r.get(c).is_empty()) || data.iter().any(|r| !r.get(c).is_empty()) {
                p.add_at(
                    header.n,
                    c + 1,
                    "deze kolom heeft geen naam in de kopregel; zet de naam van de kolom erboven zoals gepubliceerd",
                );
            }
            continue;
        }
        let mut usable = true;
        let (id_text, id_row) = desc.cell("id", c);
        let id = if id_text.is_empty() {
            Some(measure_slug(label)).filter(|s| !s.is_empty()).unwrap_or_else(|| format!("kolom_{}", c + 1))
        } else if is_measure_id(id_text) {
            id_text.to_owned()
        } else {
            p.add_at(
                id_row,
                c + 1,
                format!("\"{id_text}\" is geen geldige id; gebruik kleine letters, cijfers en _ (zoals met_verblijf)"),
            );
            usable = false;
            measure_slug(id_text)
        };
        if let Some(first) = ids.get(&id) {
            let (r, what) = if id_text.is_empty() { (header.n, "de naam") } else { (id_row, "de id") };
            p.add_at(r, c + 1, format!("{what} van deze kolom geeft dezelfde id \"{id}\" als kolom {first}; geef elke kolom een eigen id in de rij id"));
            continue;
        }
        ids.insert(id.clone(), c + 1);
        let (unit_text, unit_row) = desc.cell("eenheid", c);
        let unit = if unit_row == 0 {
            None // reported once for the whole row
        } else if unit_text.is_empty() {
            p.add_at(unit_row, c + 1, "de eenheid ontbreekt; kies aantal, %, €, per 1.000, score, jaar of maanden");
            None
        } else {
            let u = unit_word(unit_text);
            if u.is_none() {
                p.add_at(
                    unit_row,
                    c + 1,
                    format!("onbekende eenheid \"{unit_text}\"; kies aantal, %, €, per 1.000, score, jaar of maanden"),
                );
            }
            u
        };
        let (formula_text, formula_row) = desc.cell("formule", c);
        let formula = match parse_formula(formula_text) {
            _ if formula_text.is_empty() => None,
            Ok(f) => Some(f),
            Err(msg) => {
                p.add_at(formula_row, c + 1, msg);
                usable = false;
                None
            }
        };
        let (kind_text, kind_row) = desc.cell("soort", c);
        let kind = if kind_text.is_empty() {
            unit.map(|u| default_kind(u, formula.is_some()))
        } else {
            let k = kind_word(kind_text);
            if k.is_none() {
                p.add_at(kind_row, c + 1, format!("onbekende soort \"{kind_text}\"; kies telling, noemer, bedrag, score of afgeleid, of laat de cel leeg"));
            }
            k
        };
        let (dec_text, dec_row) = desc.cell("decimalen", c);
        let decimals = match dec_text.parse::<u8>() {
            _ if dec_text.is_empty() => None,
            Ok(n) if n <= 6 => Some(n),
            _ => {
                p.add_at(
                    dec_row,
                    c + 1,
                    format!("\"{dec_text}\": schrijf het aantal decimalen zoals gepubliceerd, 0 tot en met 6"),
                );
                None
            }
        };
        if let (Some(u), Some(k)) = (unit, kind) {
            if let Err(msg) = unit_fits(u, k, formula.as_ref()) {
                p.add_at(unit_row, c + 1, msg);
                usable = false;
            }
        }
        let optional = |key: &str| Some(desc.cell(key, c).0).filter(|s| !s.is_empty()).map(str::to_owned);
        columns.push(Column {
            idx: c,
            measure: Measure {
                id,
                label: label.to_owned(),
                // Placeholders when unreadable: the column then stays out of the table's values,
                // but formulas that refer to it are still understood.
                unit: unit.unwrap_or(Unit::Aantal),
                kind: kind.filter(|_| unit.is_some()).unwrap_or(Kind::Derived),
                decimals: decimals.unwrap_or(0),
                group: optional("groep"),
                base: optional("basis"),
                rounding: None,
                formula: formula.filter(|_| unit.is_some() && kind.is_some()),
            },
            usable: usable && unit.is_some() && kind.is_some(),
            unit_known: unit.is_some(),
            decimals_given: !dec_text.is_empty(),
        });
    }
    Some(columns)
}

/// The rows of figures: their area or period, and every cell read. Per jaar, the periods are
/// added to `periods`.
fn read_data(
    data: &[Row],
    columns: &[Column],
    layout: Layout,
    label_col: bool,
    manifest: &Manifest,
    periods: &mut Vec<Label>,
    p: &mut Problems,
) -> Vec<DataRow> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for r in data {
        let first = r.get(0);
        let key = match layout {
            _ if first.is_empty() => {
                p.add_at(
                    r.n,
                    1,
                    match layout {
                        Layout::PerGebied => {
                            "de eerste cel is leeg; vul het gebied in (CBS-code zoals GM0505 of de naam)"
                        }
                        Layout::PerJaar => "de eerste cel is leeg; vul de periode in (zoals 2016 of 2016-H1)",
                    },
                );
                None
            }
            Layout::PerGebied => match find_area(manifest, first) {
                Ok(a) => Some((a.code.clone(), format!("het gebied {}", a.name), a.name.clone())),
                Err(msg) => {
                    p.add_at(r.n, 1, msg);
                    None
                }
            },
            Layout::PerJaar => match period_id(first) {
                Some(id) => {
                    let label = if label_col && !r.get(1).is_empty() { r.get(1).to_owned() } else { period_label(&id) };
                    Some((id.clone(), format!("de periode {id}"), label))
                }
                None => {
                    p.add_at(r.n, 1, bad_period(first));
                    None
                }
            },
        };
        let key = key.and_then(|(id, what, label)| {
            if let Some(first_row) = seen.get(&id) {
                let each = if layout == Layout::PerGebied { "elk gebied" } else { "elke periode" };
                p.add_at(r.n, 1, format!("{what} staat al in rij {first_row}; {each} hoort maar één rij te hebben"));
                return None;
            }
            seen.insert(id.clone(), r.n);
            if layout == Layout::PerJaar {
                periods.push(Label { id: id.clone(), label });
            }
            Some(id)
        });
        let cells = columns
            .iter()
            .map(|col| {
                let raw = r.get(col.idx);
                match parse_cell(raw, col.unit_known.then_some(col.measure.unit)) {
                    Ok(Cell::Empty) if col.measure.formula.is_none() && col.usable => {
                        p.add_at(r.n, col.idx + 1, "de cel is leeg; vul het gepubliceerde getal in, of - als het geheim is, of . als het niet beschikbaar is");
                        None
                    }
                    Ok(Cell::Number { decimals, .. }) if decimals > 6 && !col.decimals_given => {
                        p.add_at(r.n, col.idx + 1, format!("\"{raw}\" heeft {decimals} decimalen; de monitor bewaart er hoogstens 6"));
                        None
                    }
                    Ok(cell) => Some(cell),
                    Err(msg) => {
                        p.add_at(r.n, col.idx + 1, msg);
                        None
                    }
                }
            })
            .collect();
        out.push(DataRow { n: r.n, key, cells });
    }
    out
}

/// The table's values in the order of the bundled files (per gebied: measure by measure; per
/// jaar: period by period), with the sheet position of each.
fn build_values(
    columns: &[Column],
    rows: &[DataRow],
    layout: Layout,
    periods: &[Label],
    meta: &Meta,
) -> (Vec<Value>, Vec<(usize, usize)>) {
    let mut cells: Vec<(&Column, &DataRow, &Cell, String, String)> = Vec::new();
    let usable = || columns.iter().enumerate().filter(|(_, c)| c.usable);
    match layout {
        Layout::PerGebied => {
            let Some(period) = periods.first() else { return (Vec::new(), Vec::new()) };
            for (j, col) in usable() {
                for r in rows {
                    if let (Some(area), Some(Some(cell))) = (&r.key, r.cells.get(j)) {
                        cells.push((col, r, cell, area.clone(), period.id.clone()));
                    }
                }
            }
        }
        Layout::PerJaar => {
            let Some(area) = &meta.area else { return (Vec::new(), Vec::new()) };
            for r in rows {
                for (j, col) in usable() {
                    if let (Some(period), Some(Some(cell))) = (&r.key, r.cells.get(j)) {
                        cells.push((col, r, cell, area.clone(), period.clone()));
                    }
                }
            }
        }
    }
    let mut values = Vec::new();
    let mut positions = Vec::new();
    for (col, r, cell, area, period) in cells {
        let (value, status, printed) = match cell {
            Cell::Empty => continue,
            Cell::Number { value, .. } => (Some(*value), Status::Gepubliceerd, None),
            Cell::Mark { status: Status::Nihil, printed } => (Some(0.0), Status::Nihil, printed.clone()),
            Cell::Mark { status, printed } => (None, *status, printed.clone()),
        };
        let key = Key { measure: col.measure.id.clone(), area, period, category: None };
        values.push(Value { key, value, status, provisional: meta.provisional, printed });
        positions.push((r.n, col.idx + 1));
    }
    (values, positions)
}

/// Runs the project's validator (and the engine's check of published figures against their
/// formulas) on the table and places its problems in the sheet. A problem at a cell that already
/// has one is left out: it follows from the first.
fn check_table(
    table: Table,
    meta: &Meta,
    places: &Places,
    manifest: &Manifest,
    mut p: Problems,
) -> Result<Table, Vec<Problem>> {
    let ds = Dataset {
        region: String::new(),
        theme: table.theme,
        tables: vec![table],
        availability: Vec::new(),
        untranscribed: Vec::new(),
        narrative: Default::default(),
    };
    let mut vp = Problems::new(&p.file);
    validate::dataset(&ds, manifest, &mut vp);
    // Said for the sheet: the validator words this for JSON, where such a figure can be documented
    // as an inconsistency. (The engine can't follow formulas that refer to each other in a
    // cycle; the validator reports those and skips this check too.)
    let cycle = vp.list.iter().any(|x| x.path == "tables[0].measures");
    if let (false, Some(t)) = (cycle, ds.tables.first()) {
        for check in super::engine::checks(t).into_iter().filter(|c| !c.agrees && !c.documented) {
            let (Some(j), Some(m)) = (t.values.iter().position(|v| v.key == check.key), t.measure(&check.key.measure))
            else {
                continue;
            };
            let Some(&(row, col)) = places.values.get(j) else { continue };
            let formula_row = places.formula_row.map_or(String::new(), |r| format!(" (rij {r})"));
            p.add_at(
                row,
                col,
                format!(
                    "het gepubliceerde cijfer {} klopt niet met de formule{formula_row}: {}; controleer het getal, en staat het zo in de bron, laat dan de formule weg",
                    super::format::with_unit(check.published, m.unit, m.decimals),
                    check.how()
                ),
            );
        }
    }
    let own: HashSet<(usize, usize)> = p.list.iter().filter_map(|x| x.position).collect();
    for problem in vp.list {
        let table_id = problem.path == "tables[0].id";
        if table_id && (meta.theme.is_none() || meta.title.is_none() && !meta.lines.contains_key("tabel-id")) {
            continue; // follows from a missing title or an unknown theme
        }
        let (row, col) = places.locate(&problem.path);
        if !own.contains(&(row, col)) {
            p.add_at(row, col, problem.message);
        }
    }
    if !p.is_empty() {
        return Err(finish(p));
    }
    let file = p.file.clone();
    ds.tables.into_iter().next().ok_or_else(|| finish(Problems::new(&file)))
}

fn bad_period(s: &str) -> String {
    format!("\"{s}\" is geen periode; schrijf 2016, 2016-H1 (halfjaar), 2016-Q3 (kwartaal), 2016-12-31 (peildatum), 2015-2018 of structureel")
}

/// Problems sorted as the user reads the sheet: top to bottom, left to right.
fn finish(p: Problems) -> Vec<Problem> {
    let mut list = p.list;
    list.sort_by_key(|x| x.position.unwrap_or((usize::MAX, usize::MAX)));
    list
}

/// Where the parts of the converted table came from, to place the validator's problems.
struct Places {
    header: usize,
    formula_row: Option<usize>,
    desc: HashMap<&'static str, usize>,
    /// 1-based sheet column of each measure.
    columns: Vec<usize>,
    /// Sheet position of each value.
    values: Vec<(usize, usize)>,
    meta: HashMap<&'static str, usize>,
    periods: Vec<usize>,
}

impl Places {
    /// A JSON path of the validator (`tables[0].values[3].value`) → (row, column) in the sheet.
    fn locate(&self, path: &str) -> (usize, usize) {
        let rest = path.strip_prefix("tables[0]").unwrap_or(path).trim_start_matches('.');
        let index = |s: &str, prefix: &str| -> Option<(usize, String)> {
            let r = s.strip_prefix(prefix)?.strip_prefix('[')?;
            let (n, tail) = r.split_once(']')?;
            Some((n.parse().ok()?, tail.trim_start_matches('.').to_owned()))
        };
        let meta = |k: &str| self.meta.get(k).map_or((1, 1), |r| (*r, 2));
        if let Some((j, _)) = index(rest, "values") {
            return self.values.get(j).copied().unwrap_or((self.header, 1));
        }
        if let Some((j, tail)) = index(rest, "measures") {
            let col = self.columns.get(j).copied().unwrap_or(1);
            let row_of = |k: &str| self.desc.get(k).copied();
            let row = if tail.starts_with("unit") {
                row_of("eenheid")
            } else if tail.starts_with("formula") {
                row_of("formule")
            } else if tail.starts_with("id") {
                row_of("id")
            } else {
                None
            };
            return (row.unwrap_or(self.header), col);
        }
        if rest == "measures" {
            return (self.desc.get("formule").copied().unwrap_or(self.header), 1);
        }
        if let Some((j, _)) = index(rest, "periods") {
            return (self.periods.get(j).copied().unwrap_or(1), 1);
        }
        match rest {
            "title" => meta("titel"),
            "id" => self.meta.get("tabel-id").map(|r| (*r, 2)).unwrap_or_else(|| meta("titel")),
            "source.text" => meta("bron"),
            "source.seed" => meta("bronnummer"),
            _ => (1, 1),
        }
    }
}

// ───────────────────────────── writing JSON ─────────────────────────────

/// The region a table belongs to: the one manifest region whose gemeenten, area and reference
/// cover all the table's areas (preferring the region whose own area is in the table).
pub fn guess_region(table: &Table, manifest: &Manifest) -> Option<String> {
    let areas = table.areas();
    let covers = |r: &&Region| {
        areas.iter().all(|a| *a == r.area || r.reference.as_deref() == Some(a.as_str()) || r.gemeenten.contains(a))
    };
    let candidates: Vec<&Region> = manifest.regions.iter().filter(covers).collect();
    match candidates.as_slice() {
        [one] => Some(one.id.clone()),
        [] => None,
        many => {
            let own: Vec<&&Region> = many.iter().filter(|r| areas.contains(&r.area)).collect();
            match own.as_slice() {
                [one] => Some(one.id.clone()),
                _ => None,
            }
        }
    }
}

/// A complete dataset file (format 1) holding this one table, in the shape `decode.rs` reads and
/// laid out like the bundled files. Put it in `public/data/<region>-<theme>.json` and list it in
/// `manifest.json`.
pub fn to_dataset_json(table: &Table, region: &str) -> String {
    let s = |v: &str| Json::String(v.to_owned());
    let opt = |v: &Option<String>| v.as_ref().map_or(Json::Null, |x| s(x));
    let num = |v: f64| Json::Number(v);
    let obj = |fields: Vec<(&str, Json)>| Json::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect());
    let label = |l: &Label| obj(vec![("id", s(&l.id)), ("label", s(&l.label))]);
    let mut source =
        vec![("text", s(&table.source.text)), ("seed", s(&table.source.seed)), ("section", s(&table.source.section))];
    if let Some(page) = table.source.page {
        source.push(("page", num(page as f64)));
    }
    let measures = table
        .measures
        .iter()
        .map(|m| {
            let mut f = vec![
                ("id", s(&m.id)),
                ("label", s(&m.label)),
                ("unit", s(m.unit.id())),
                ("kind", s(m.kind.id())),
                ("decimals", num(m.decimals as f64)),
            ];
            if let Some(g) = &m.group {
                f.push(("group", s(g)));
            }
            if let Some(b) = &m.base {
                f.push(("base", s(b)));
            }
            if let Some(r) = m.rounding {
                f.push(("rounding", num(r as f64)));
            }
            if let Some(formula) = &m.formula {
                f.push((
                    "formula",
                    obj(vec![
                        ("op", s(formula.op.id())),
                        ("args", Json::Array(formula.args.iter().map(|a| s(a)).collect())),
                    ]),
                ));
            }
            obj(f)
        })
        .collect();
    let values = table
        .values
        .iter()
        .map(|v| {
            let mut f = vec![("measure", s(&v.key.measure)), ("area", s(&v.key.area)), ("period", s(&v.key.period))];
            if let Some(c) = &v.key.category {
                f.push(("category", s(c)));
            }
            if let Some(x) = v.value {
                f.push(("value", num(x)));
            }
            if v.status != Status::Gepubliceerd {
                f.push(("status", s(v.status.id())));
            }
            if v.provisional != table.provisional {
                f.push(("provisional", Json::Bool(v.provisional)));
            }
            if let Some(p) = &v.printed {
                f.push(("printed", s(p)));
            }
            obj(f)
        })
        .collect();
    let totals = table
        .totals
        .iter()
        .map(|t| {
            let dim = match t.dimension {
                TotalDimension::Area => "area",
                TotalDimension::Category => "category",
            };
            obj(vec![
                ("dimension", s(dim)),
                ("total", s(&t.total)),
                ("of", Json::Array(t.of.iter().map(|x| s(x)).collect())),
            ])
        })
        .collect();
    let inconsistencies = table
        .inconsistencies
        .iter()
        .map(|i| {
            let kind = match i.kind {
                InconsistencyKind::TotalNotSum => "total-not-sum",
                InconsistencyKind::DerivedMismatch => "derived-mismatch",
                InconsistencyKind::TextDiffers => "text-differs",
            };
            let mut f = vec![
                ("kind", s(kind)),
                ("measure", s(&i.key.measure)),
                ("area", s(&i.key.area)),
                ("period", s(&i.key.period)),
            ];
            if let Some(c) = &i.key.category {
                f.push(("category", s(c)));
            }
            if let Some(x) = i.published {
                f.push(("published", num(x)));
            }
            if let Some(x) = i.expected {
                f.push(("expected", num(x)));
            }
            f.push(("description", s(&i.description)));
            obj(f)
        })
        .collect();
    let t = obj(vec![
        ("id", s(&table.id)),
        ("title", s(&table.title)),
        ("theme", s(table.theme.id())),
        ("pillar", s(table.pillar.id())),
        ("source", obj(source)),
        ("note", opt(&table.note)),
        ("definitions", Json::Array(table.definitions.iter().map(|d| s(d)).collect())),
        ("provisional", Json::Bool(table.provisional)),
        ("rounding", table.rounding.map_or(Json::Null, |r| num(r as f64))),
        ("periods", Json::Array(table.periods.iter().map(label).collect())),
        ("categories", Json::Array(table.categories.iter().map(label).collect())),
        ("measures", Json::Array(measures)),
        ("totals", Json::Array(totals)),
        ("values", Json::Array(values)),
        ("inconsistencies", Json::Array(inconsistencies)),
    ]);
    let root = obj(vec![
        ("format", num(1.0)),
        ("region", s(region)),
        ("theme", s(table.theme.id())),
        ("tables", Json::Array(vec![t])),
        ("availability", Json::Array(Vec::new())),
        ("untranscribed", Json::Array(Vec::new())),
    ]);
    let mut out = String::new();
    write_json(&root, 0, &mut out);
    out.push('\n');
    out
}

/// Pretty-prints with a one-space indent, as the bundled files are written.
fn write_json(v: &Json, depth: usize, out: &mut String) {
    let pad = |d: usize| " ".repeat(d);
    match v {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => {
            if n.fract() == 0.0 && n.abs() < 1e15 {
                out.push_str(&format!("{}", *n as i64));
            } else {
                out.push_str(&serde_json::to_string(n).unwrap_or_else(|_| "null".into()));
            }
        }
        Json::String(s) => out.push_str(&serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())),
        Json::Array(items) if items.is_empty() => out.push_str("[]"),
        Json::Object(fields) if fields.is_empty() => out.push_str("{}"),
        Json::Array(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                out.push_str(&pad(depth + 1));
                write_json(item, depth + 1, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(depth));
            out.push(']');
        }
        Json::Object(fields) => {
            out.push_str("{\n");
            for (i, (k, item)) in fields.iter().enumerate() {
                out.push_str(&pad(depth + 1));
                out.push_str(&serde_json::to_string(k).unwrap_or_else(|_| "\"\"".into()));
                out.push_str(": ");
                write_json(item, depth + 1, out);
                out.push_str(if i + 1 < fields.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(depth));
            out.push('}');
        }
    }
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
        assert_eq!(parse_cell("€ 10.762.073", Some(Unit::Euro)), Ok(Cell::Number { value: 10762073.0, decimals: 0 }));
        assert_eq!(parse_cell("-", Some(Unit::Procent)), Ok(Cell::Mark { status: Status::Geheim, printed: None }));
        assert_eq!(parse_cell("€ -", Some(Unit::Euro)), Ok(Cell::Mark { status: Status::Nihil, printed: None }));
        assert_eq!(
            parse_cell(".", Some(Unit::Aantal)),
            Ok(Cell::Mark { status: Status::NietBeschikbaar, printed: None })
        );
        assert_eq!(
            parse_cell("[pm]", Some(Unit::Euro)),
            Ok(Cell::Mark { status: Status::NietBeschikbaar, printed: Some("[pm]".into()) })
        );
        assert_eq!(parse_cell("8,8%", Some(Unit::Procent)), Ok(Cell::Number { value: 8.8, decimals: 1 }));
        assert_eq!(parse_cell("-5", Some(Unit::Aantal)), Ok(Cell::Number { value: -5.0, decimals: 0 }));
        assert!(parse_cell("- 5", Some(Unit::Aantal)).unwrap_err().contains("geheime cel"));
        assert!(parse_cell("8,8%", Some(Unit::Aantal)).unwrap_err().contains("%-teken"));
        assert!(parse_cell("€ 5", Some(Unit::Aantal)).unwrap_err().contains("€-teken"));
        assert!(parse_cell("1,07621E+07", Some(Unit::Euro)).unwrap_err().contains("wetenschappelijke"));
        assert_eq!(parse_cell("", Some(Unit::Aantal)), Ok(Cell::Empty));
    }

    #[test]
    fn csv_records() {
        let rows = read_rows("a;\"b;\"\"c\"\"\"\r\n\r\nx;\"y\nz\"\rq", ';').unwrap();
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0].cells, ["a", "b;\"c\""]);
        assert!(rows[1].is_empty());
        assert_eq!(rows[2].cells, ["x", "y\nz"]);
        assert_eq!(rows[3].cells, ["q"]);
        assert_eq!(read_rows("a;\"b\nc", ';').unwrap_err(), (1, 2));
        assert_eq!(detect_separator("titel,\"a; b\"\n"), ',');
        assert_eq!(detect_separator("titel;a, b\n"), ';');
        assert_eq!(detect_separator("# uitleg, met komma\r\ntitel;a, b\r\n"), ';');
        assert_eq!(detect_separator("\"# uitleg, met komma\",,\ntitel,\"a; b\"\n"), ',');
        assert_eq!(detect_separator("titel\r\nthema;jeugd\r\n"), ';');
    }

    #[test]
    fn periods_and_formulas() {
        assert_eq!(period_id("2016-h1").as_deref(), Some("2016-H1"));
        assert_eq!(period_id("31-12-2016").as_deref(), Some("2016-12-31"));
        assert_eq!(period_id("2016-02-30"), None);
        assert_eq!(period_id("2015-2018").as_deref(), Some("2015-2018"));
        assert_eq!(period_label("2016-12-31"), "31 december 2016");
        assert_eq!(period_label("2016-H1"), "1e halfjaar 2016");
        assert_eq!(parse_formula("|inkomsten - uitgaven|").map(|f| f.op), Ok(Op::AbsDifference));
        assert_eq!(
            parse_formula("uitgaven / inkomsten * 100").map(|f| (f.op, f.args)),
            Ok((Op::Share, vec!["uitgaven".into(), "inkomsten".into()]))
        );
        assert_eq!(parse_formula("1.000 × a / b").map(|f| f.op), Ok(Op::Per1000));
        assert_eq!(parse_formula("a + b + c").map(|f| f.args.len()), Ok(3));
        assert!(parse_formula("a * b").is_err());
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(28), "AB");
        assert_eq!(measure_slug("BUIG- uitgaven"), "buig_uitgaven");
    }
}
