//! The pure core: no browser types, no I/O. Everything here is tested natively.

pub mod bench;
pub mod catalog;
pub mod charts;
pub mod config;
pub mod csv_import;
pub mod decode;
pub mod embed;
pub mod engine;
pub mod export;
pub mod format;
pub mod grid;
pub mod image;
pub mod json;
pub mod links;
pub mod model;
pub mod pages;
pub mod problem;
pub mod report;
pub mod summary;
pub mod validate;
pub mod view;
