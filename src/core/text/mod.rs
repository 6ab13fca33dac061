//! Layer 2, Dutch words and numbers: the only place that formats a number, folds a name for
//! search, or makes a slug or an id.

pub mod forgiving;
pub mod format;
pub mod glossary;
pub mod place_names;
pub mod words;
