//! A problem found in a data or configuration file, worded for the person who fixes the file.
//!
//! Where a problem is stays typed ([`Location`]) until it is shown, so code that places a
//! problem elsewhere (the CSV import maps the validator's JSON paths to spreadsheet cells)
//! matches on path segments instead of parsing text back.

use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// One step from a JSON value to a value inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// An object field. Field names of the format are `'static`; only unknown fields from a
    /// file are owned, so building a path allocates no strings in the common case.
    Key(Cow<'static, str>),
    /// A list position, 0-based as in the file.
    Index(usize),
}

/// A path from the root of a JSON file, shown as `tables[2].values[14].value`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonPath(Vec<Segment>);

impl JsonPath {
    /// The whole file.
    pub fn root() -> JsonPath {
        JsonPath(Vec::new())
    }
    /// The field `key` of the object at this path.
    pub fn key(&self, key: impl Into<Cow<'static, str>>) -> JsonPath {
        self.with(Segment::Key(key.into()))
    }
    /// Item `index` of the list at this path.
    pub fn index(&self, index: usize) -> JsonPath {
        self.with(Segment::Index(index))
    }
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
    fn with(&self, segment: Segment) -> JsonPath {
        let mut segments = Vec::with_capacity(self.0.len() + 1);
        segments.extend_from_slice(&self.0);
        segments.push(segment);
        JsonPath(segments)
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        for (position, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Key(key) if position == 0 => write!(formatter, "{key}")?,
                Segment::Key(key) => write!(formatter, ".{key}")?,
                Segment::Index(index) => write!(formatter, "[{index}]")?,
            }
        }
        Ok(())
    }
}

impl Serialize for JsonPath {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Location {
    /// The file as a whole (missing, not listed, …).
    File,
    /// A value in a JSON file (the root path means the whole file).
    Json(JsonPath),
    /// A place in a text file, for syntax errors: 1-based line and column (in characters).
    Text { line: usize, column: usize },
    /// A cell of a spreadsheet (CSV), 1-based as the spreadsheet numbers rows and columns.
    Sheet { row: usize, column: usize },
}

impl Location {
    /// The spreadsheet cell, when the problem is in one.
    pub fn sheet_cell(&self) -> Option<(usize, usize)> {
        match self {
            Location::Sheet { row, column } => Some((*row, *column)),
            _ => None,
        }
    }
}

impl fmt::Display for Location {
    /// `regel 3, kolom 7` / `bij tables[0].id` / `rij 7, kolom 3 (C)`; empty for the whole file.
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Location::File => Ok(()),
            Location::Json(path) if path.is_root() => Ok(()),
            Location::Json(path) => write!(formatter, "bij {path}"),
            Location::Text { line, column } => write!(formatter, "regel {line}, kolom {column}"),
            Location::Sheet { row, column } => {
                write!(formatter, "rij {row}, kolom {column} ({})", column_letters(*column))
            }
        }
    }
}

/// `1` → `A`, `27` → `AA`: a column as a spreadsheet labels it.
pub fn column_letters(column: usize) -> String {
    let mut rest = column;
    let mut letters = Vec::new();
    while rest > 0 {
        let digit = (rest - 1) % 26;
        letters.push((b'A' + digit as u8) as char);
        rest = (rest - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// The file name as the user knows it (e.g. `drechtsteden-jeugd.json`).
    pub file: String,
    pub location: Location,
    /// What is wrong and what was expected, in Dutch.
    pub message: String,
}

impl Problem {
    /// `rij 7, kolom 3 (C): …` — the place and the message, for a list under a heading that
    /// already names the file.
    pub fn without_file(&self) -> String {
        match &self.location {
            Location::File => self.message.clone(),
            Location::Json(path) if path.is_root() => self.message.clone(),
            location => format!("{location}: {}", self.message),
        }
    }
}

impl fmt::Display for Problem {
    /// `drechtsteden-jeugd.json, bij tables[0].id: …`
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        write!(formatter, "{}", self.file)?;
        match &self.location {
            Location::File => {}
            Location::Json(path) if path.is_root() => {}
            location => write!(formatter, ", {location}")?,
        }
        write!(formatter, ": {}", self.message)
    }
}

/// Collects problems for one file so a check can report every problem, not only the first.
#[derive(Debug, Default)]
pub struct Problems {
    pub file: String,
    pub list: Vec<Problem>,
}

impl Problems {
    pub fn new(file: &str) -> Problems {
        Problems { file: file.to_owned(), list: Vec::new() }
    }
    fn push(&mut self, location: Location, message: impl Into<String>) {
        self.list.push(Problem { file: self.file.clone(), location, message: message.into() });
    }
    /// A problem with a value of a JSON file.
    pub fn add(&mut self, path: &JsonPath, message: impl Into<String>) {
        self.push(Location::Json(path.clone()), message);
    }
    /// A syntax problem at a line and column of a text file.
    pub fn add_at(&mut self, line: usize, column: usize, message: impl Into<String>) {
        self.push(Location::Text { line, column }, message);
    }
    /// A problem in a spreadsheet cell.
    pub fn add_in_sheet(&mut self, row: usize, column: usize, message: impl Into<String>) {
        self.push(Location::Sheet { row, column }, message);
    }
    /// A problem with the file as a whole.
    pub fn add_to_file(&mut self, message: impl Into<String>) {
        self.push(Location::File, message);
    }
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_read_as_before() {
        let path = JsonPath::root().key("tables").index(2).key("values").index(14).key("value");
        assert_eq!(path.to_string(), "tables[2].values[14].value");
        let mut problems = Problems::new("a.json");
        problems.add(&path, "fout");
        problems.add(&JsonPath::root(), "leeg");
        problems.add_at(3, 7, "syntax");
        problems.add_in_sheet(7, 28, "cel");
        problems.add_to_file("ontbreekt");
        let shown: Vec<String> = problems.list.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            shown,
            [
                "a.json, bij tables[2].values[14].value: fout",
                "a.json: leeg",
                "a.json, regel 3, kolom 7: syntax",
                "a.json, rij 7, kolom 28 (AB): cel",
                "a.json: ontbreekt",
            ]
        );
        assert_eq!(problems.list[3].without_file(), "rij 7, kolom 28 (AB): cel");
        assert_eq!(problems.list[0].without_file(), "bij tables[2].values[14].value: fout");
        assert_eq!(problems.list[4].without_file(), "ontbreekt");
        assert_eq!(column_letters(1), "A");
    }
}

/// Something the site left out, and why: one line of the administrator notice.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    /// The file it is in (`manifest.json`, `drechtsteden-wmo.json`).
    pub file: String,
    /// What was left out, in Dutch: `het gebied "GM9999"`, `de tabel "Wmo-cliënten" (wmo-clienten)`.
    pub what: String,
    /// Why, with the place in the file.
    pub problems: Vec<Problem>,
}

impl Skipped {
    /// `drechtsteden-wmo.json: de tabel "…" is overgeslagen: …` — one sentence for the notice.
    pub fn sentence(&self) -> String {
        let why: Vec<String> = self.problems.iter().take(3).map(|p| p.to_string()).collect();
        let more = self.problems.len().saturating_sub(3);
        let mut s = format!("{}: {} is overgeslagen. {}", self.file, self.what, why.join("; "));
        if more > 0 {
            s.push_str(&format!(" (en nog {more} {})", if more == 1 { "probleem" } else { "problemen" }));
        }
        s
    }
}

impl Skipped {
    pub fn new(file: &str, what: String, problems: Vec<Problem>) -> Skipped {
        Skipped { file: file.to_owned(), what, problems }
    }
}
