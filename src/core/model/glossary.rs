//! The glossary of a dataset file (`begrippen`, issue 23): a term of the reports or of the
//! reader's titles, what it means in plain Dutch, and the reader's words that should find it.

use serde::Serialize;

/// One term of the glossary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Begrip {
    /// The term as it is written on the page ("KTV", "bijstand", "Wmo").
    pub term: String,
    /// What it means, in one or two B1 sentences.
    pub uitleg: String,
    /// Other spellings that are the same term ("WMO", "Wmo-voorziening").
    pub ook: Vec<String>,
    /// A reader's words that should find tables with this term ("kosten" for "lasten").
    pub zoekwoorden: Vec<String>,
}

impl Begrip {
    /// The term and its other spellings.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.term.as_str()).chain(self.ook.iter().map(String::as_str))
    }
}
