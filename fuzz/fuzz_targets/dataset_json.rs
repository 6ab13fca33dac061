//! The JSON reader: `core::json` (syntax, duplicate keys, size and depth bounds), the decoder and
//! the validator, on any bytes, as a dataset file and as `manifest.json`. Nothing may panic, and a
//! file that validates must survive `dataset_file::write_dataset` → decode unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use monitor_sociaal_domein::core::read::dataset_file::write_dataset;
use monitor_sociaal_domein::core::model::Manifest;
use monitor_sociaal_domein::core::model::problem::Problems;
use monitor_sociaal_domein::core::{read::decode, check::validate};
use std::sync::LazyLock;

static MANIFEST: LazyLock<Manifest> = LazyLock::new(|| {
    monitor_sociaal_domein::core::check::strict::manifest_file("manifest.json", include_str!("../../public/data/manifest.json"))
        .expect("the bundled manifest is valid")
});

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    if let Ok(dataset) = monitor_sociaal_domein::core::check::strict::dataset_file("fuzz.json", &text, &MANIFEST) {
        let written = write_dataset(&dataset);
        let mut problems = Problems::new("fuzz.json");
        let decoded = decode::dataset(&written, &mut problems);
        assert_eq!(decoded.as_ref(), Some(&dataset), "{:?}\n{written}", problems.list);
    }
    let _ = monitor_sociaal_domein::core::check::strict::manifest_file("manifest.json", &text);
    for problem in monitor_sociaal_domein::core::check::strict::dataset_file("fuzz.json", &text, &MANIFEST).err().unwrap_or_default() {
        let _ = problem.to_string();
    }
});
