//! Monitor Sociaal Domein.
//!
//! `core` is plain Rust with no browser types: data model, validation, the indicator engine,
//! Dutch number formatting, chart options and view state. It is tested natively.
//! `ui` is the thin Leptos layer that wires the core to the page; it exists only for wasm32.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod ui;
