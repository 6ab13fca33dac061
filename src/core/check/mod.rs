//! Layer 5, every rule in one place: the checks of a manifest, a table, a dataset and its
//! running text; the strict reader (no problem allowed) and the tolerant reader the app uses
//! (a mistake hides only itself) both call the same rules; checks across tables and documents.

pub mod budget;
pub mod contradictions;
pub mod crosscheck;
pub mod headline;
pub mod manifest;
pub mod narrative;
pub mod report;
pub mod rules;
pub mod split;
pub mod strict;
pub mod tolerant;
pub mod validate;
