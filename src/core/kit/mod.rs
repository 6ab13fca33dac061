//! Layer 8, the council kit: spreadsheet templates into tables, the guided flow's working
//! manifest and files, the data check page; and the engine benchmark.

/// Only with the `bench` feature (`msd-bench`, the benchmark page): not in the residents' WASM.
#[cfg(feature = "bench")]
pub mod bench;
pub mod csv_import;
pub mod datacheck;
pub mod register;
pub mod saved;
