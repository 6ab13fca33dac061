//! The pure core: no browser types, no I/O. Everything here is tested natively.
//!
//! The folders are layers, declared here from the bottom up (the blank lines keep rustfmt from
//! sorting them). A module may use its own layer and the layers below it, never one above, and
//! no two units (a file or folder directly under a layer) may import each other in a circle;
//! `tests/tidy.rs` reads every path and fails otherwise. The order is one figure's way from a
//! data file to the page.

/// Types only: tables, values, areas, statements, problems, the view state.
pub mod model;

/// Dutch words and numbers.
pub mod text;

/// The engine and the grid.
pub mod calc;

/// Reading and writing files.
pub mod read;

/// Every rule, and the readers that apply them.
pub mod check;

/// What a reader gets of a table: charts, summaries, cards, downloads.
pub mod present;

/// The view model of every page.
pub mod pages;

/// Baked pages: every page as static HTML at build time.
pub mod bake;

/// The council kit.
pub mod kit;
