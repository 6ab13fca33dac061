//! Layer 7, view models: everything a page shows, computed by pure functions from the manifest, the
//! loaded datasets and the [`ViewState`](crate::core::model::view_state::ViewState). The UI (`src/ui/`) only renders
//! these structs; every figure, text, caption and link is decided here and tested natively.
//!
//! Invariants every model keeps:
//! - A model is a function of its inputs only (no clock, no browser, no I/O), so the same view
//!   state and data always give the same page.
//! - Links are complete `?…` query strings built through `ViewState::href`, so every view is a
//!   link and the back button restores it.
//! - Figures are formatted here (Dutch notation, marks with reasons); the UI never formats or
//!   computes a number.

pub mod chooser;
pub mod compare;
pub mod compare_pick;
pub mod council;
pub mod find;
pub mod home;
pub mod indicator;
pub mod links;
pub mod profile;
pub mod site;
pub mod theme;
pub mod words;

/// A link in a navigation list; `current` marks the one the reader is on (`aria-current`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NavLink {
    pub href: String,
    pub label: String,
    pub current: bool,
}

/// One cell of a data table as shown: the number in Dutch notation, or the mark with its reason
/// (as a tooltip *and* as text, so it is never only in a tooltip).
#[derive(Debug, Clone, PartialEq)]
pub enum CellText {
    Number {
        /// The figure with its unit, also the cell's `data-waarde`.
        text: String,
        provisional: bool,
        /// Where the engine's recomputation from the parts differs from the printed figure
        /// shown: " (berekend uit de delen: …)".
        printed: Option<String>,
    },
    Mark {
        mark: &'static str,
        reason: String,
        secret: bool,
        /// " (tussen … en …)" when the value is known to lie in a range.
        range: Option<String>,
    },
}

/// How a figure is written in a data table cell.
pub fn cell_text(figure: &crate::core::calc::engine::Figure) -> CellText {
    use crate::core::text::format;
    match &figure.value {
        Ok(_) => CellText::Number {
            text: figure.display(),
            provisional: figure.provisional,
            printed: figure.computed_note().map(|note| format!(" ({note})")),
        },
        Err(missing) => CellText::Mark {
            mark: missing.mark(),
            reason: missing.reason(),
            secret: figure.is_secret(),
            range: figure.range.filter(|(lo, hi)| hi > lo).map(|(lo, hi)| {
                format!(" (tussen {} en {})", format::number(lo, figure.decimals), format::number(hi, figure.decimals))
            }),
        },
    }
}
