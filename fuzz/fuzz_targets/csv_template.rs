//! The CSV reader: `core::csv_import` (byte decoding, records, Dutch numbers, words, formulas,
//! positions, the validator) on any bytes. Nothing may panic, every problem has a sheet cell, and
//! a converted table must be written as a dataset file that validates.
#![no_main]

use libfuzzer_sys::fuzz_target;
use monitor_sociaal_domein::core::model::Manifest;
use monitor_sociaal_domein::core::check::strict;
use monitor_sociaal_domein::core::kit::csv_import;
use std::sync::LazyLock;

static MANIFEST: LazyLock<Manifest> = LazyLock::new(|| {
    strict::manifest_file("manifest.json", include_str!("../../public/data/manifest.json"))
        .expect("the bundled manifest is valid")
});

fuzz_target!(|bytes: &[u8]| {
    let text = csv_import::decode_bytes(bytes);
    match csv_import::convert("fuzz.csv", &text, &MANIFEST) {
        Ok(table) => {
            let json = csv_import::to_dataset_json(&table, "drechtsteden");
            if let Err(problems) = strict::dataset_file("fuzz.json", &json, &MANIFEST) {
                panic!("converted output does not validate: {problems:?}\n--- input\n{text}");
            }
        }
        Err(problems) => {
            assert!(!problems.is_empty());
            for problem in &problems {
                assert!(problem.location.sheet_cell().is_some(), "{problem}");
                let _ = problem.without_file();
            }
        }
    }
});
