//! Layer 6, what a reader gets of a table: chart options, summaries, key figures, dashboard
//! cards and how old their figures are, search and profiles, downloads, images, embeds, the DCAT catalogue.

pub mod age;
pub mod catalog;
pub mod charts;
pub mod dashboard;
pub mod dcat;
pub mod embed;
pub mod export;
pub mod headline;
pub mod image;
pub mod plain_words;
pub mod ranked;
pub mod remarks;
pub mod statement_view;
pub mod summary;
