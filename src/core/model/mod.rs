//! Layer 1, what the data are: types only (tables, values, areas, statements, problems and
//! their locations, the view state). No rules beyond what a type guarantees by itself.

pub mod cells;
pub mod dataset;
pub mod gemeenten;
pub mod glossary;
pub mod narrative;
pub mod problem;
pub mod value;
pub mod view_state;

pub use dataset::*;
pub use value::*;
