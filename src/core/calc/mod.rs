//! Layer 3, the engine: derived figures from counts, totals, differences, ranks; and the grid,
//! a table as shown (rows × columns of engine figures).

pub mod engine;
pub mod grid;
