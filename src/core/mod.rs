//! The pure core: no browser types, no I/O. Everything here is tested natively.
//!
//! The folders are layers, listed from the bottom up. A module may use its own layer and the
//! layers below it, never one above, and no two modules may import each other in a circle;
//! `tests/tidy.rs` reads every `use` and fails otherwise. The order follows one figure's way
//! from a data file to the page.

pub mod calc;
pub mod check;
pub mod kit;
pub mod model;
pub mod pages;
pub mod present;
pub mod read;
pub mod text;
