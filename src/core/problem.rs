//! A problem found in a data or configuration file, worded for the person who fixes the file.

use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// The file name as the user knows it (e.g. `drechtsteden-jeugd.json`).
    pub file: String,
    /// JSON path (`tables[2].values[14].value`), or empty for the whole file.
    pub path: String,
    /// Line and column, for syntax errors.
    pub position: Option<(usize, usize)>,
    /// What is wrong and what was expected, in Dutch.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some((line, column)) = self.position {
            write!(f, ", regel {line}, kolom {column}")?;
        }
        if !self.path.is_empty() {
            write!(f, ", bij {}", self.path)?;
        }
        write!(f, ": {}", self.message)
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
    pub fn add(&mut self, path: &str, message: impl Into<String>) {
        self.list.push(Problem {
            file: self.file.clone(),
            path: path.to_owned(),
            position: None,
            message: message.into(),
        });
    }
    pub fn add_at(&mut self, line: usize, column: usize, message: impl Into<String>) {
        self.list.push(Problem {
            file: self.file.clone(),
            path: String::new(),
            position: Some((line, column)),
            message: message.into(),
        });
    }
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}
