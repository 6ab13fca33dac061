//! Layer 4, reading and writing files: JSON with positions, the decoder into the model (every
//! shape problem with its path), the dataset file writer, `config.json`.

pub mod config;
pub mod dataset_file;
pub mod decode;
pub mod gemeenten;
pub mod json;
