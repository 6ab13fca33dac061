//! The pure core: no browser types, no I/O. Everything here is tested natively.

/// Only with the `bench` feature (`msd-bench`, the benchmark page): not in the residents' WASM.
#[cfg(feature = "bench")]
pub mod bench;
pub mod catalog;
pub mod cells;
pub mod charts;
pub mod config;
pub mod contradictions;
pub mod council;
pub mod crosscheck;
pub mod csv_import;
pub mod dashboard;
pub mod datacheck;
pub mod dataset_file;
pub mod dcat;
pub mod decode;
pub mod embed;
pub mod engine;
pub mod export;
pub mod format;
pub mod grid;
pub mod headline;
pub mod image;
pub mod json;
pub mod links;
pub mod model;
pub mod narrative;
pub mod pages;
pub mod problem;
pub mod register;
pub mod report;
pub mod statement_view;
pub mod summary;
pub mod tolerant;
pub mod validate;
pub mod view;
