//! What a page says about its words (issue 23): the report's own wording beside the reader's
//! titles and labels ("In het rapport: …"), and the glossary terms of a table's texts.

use crate::core::model::Table;
use crate::core::text::glossary::{Explained, Glossary};

/// What an indicator page says about its words.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlainWords {
    /// "In het rapport: KTV Aanvraagproces Werk & Inkomen", when the title is the reader's.
    pub report_title: Option<String>,
    /// The measures and categories named in the reader's words, with the report's wording:
    /// ("tevreden (cijfer 8 tot 10), aantal", "positief (8-10), aantal").
    pub report_labels: Vec<(String, String)>,
    /// The terms of the title and the labels, in the order a reader meets them.
    pub terms: Vec<Explained>,
}

impl PlainWords {
    pub fn is_empty(&self) -> bool {
        self.report_title.is_none() && self.report_labels.is_empty() && self.terms.is_empty()
    }

    /// The summary line of the list of the report's labels: "Namen in het rapport (12)".
    pub fn labels_summary(&self) -> String {
        format!("Namen in het rapport ({})", self.report_labels.len())
    }
}

/// The line under a reader's title: "In het rapport: …".
pub fn in_report(title: &str) -> String {
    format!("In het rapport: {title}")
}

/// The texts of a table a reader sees, in reading order: its title, then the names of its
/// measures and categories (each once), then the report's own wording of them.
pub fn table_texts(table: &Table) -> Vec<&str> {
    let mut texts: Vec<&str> = vec![table.title.as_str()];
    texts.extend(table.report_title.as_deref());
    for m in &table.measures {
        texts.push(&m.label);
        texts.extend(m.report_label.as_deref());
    }
    for c in &table.categories {
        texts.push(&c.label);
        texts.extend(c.report.as_deref());
    }
    texts
}

/// The indicator page's words: the report's wording and the terms of the table's texts.
pub fn indicator(table: &Table, glossary: &Glossary) -> PlainWords {
    let report_labels = table
        .measures
        .iter()
        .filter_map(|m| m.report_label.clone().map(|r| (m.label.clone(), r)))
        .chain(table.categories.iter().filter_map(|c| c.report.clone().map(|r| (c.label.clone(), r))))
        .collect();
    let terms = glossary.first_mentions(&[table_texts(table)]).into_iter().flatten().collect();
    PlainWords { report_title: table.report_title.clone(), report_labels, terms }
}
