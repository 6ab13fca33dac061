//! View models: everything a page shows, computed by pure functions from the manifest, the
//! loaded datasets and the [`ViewState`](super::view::ViewState). The UI (`src/ui/`) only renders
//! these structs; every figure, text, caption and link is decided here and tested natively.
//!
//! Invariants every model keeps:
//! - A model is a function of its inputs only (no clock, no browser, no I/O), so the same view
//!   state and data always give the same page.
//! - Links are complete `?…` query strings built through `ViewState::href`, so every view is a
//!   link and the back button restores it.
//! - Figures are formatted here (Dutch notation, marks with reasons); the UI never formats or
//!   computes a number.

pub mod compare;
pub mod datacheck;
pub mod find;
pub mod home;
pub mod indicator;
pub mod profile;
pub mod site;
pub mod theme;

/// A link in a navigation list; `current` marks the one the reader is on (`aria-current`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NavLink {
    pub href: String,
    pub label: String,
    pub current: bool,
}
