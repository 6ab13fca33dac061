//! The JSON reader as the app and the tools run it, on any bytes: `read::json` (syntax,
//! duplicate keys, size and depth bounds), the decoder, the strict reader (`check::strict`) and
//! the tolerant reader the app uses (`check::tolerant`, with its branch that checks a table again
//! without unknown areas), as a dataset file and as `manifest.json`. Nothing may panic; a file
//! that validates must survive `dataset_file::write_dataset` → decode unchanged; every table the
//! tolerant reader keeps must pass the table rules; and each kept table's chart option (built,
//! refined, marked, serialised by `charts::draw`) must be JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use monitor_sociaal_domein::core::calc::grid;
use monitor_sociaal_domein::core::check::{strict, tolerant, validate};
use monitor_sociaal_domein::core::model::problem::{JsonPath, Problems};
use monitor_sociaal_domein::core::model::Manifest;
use monitor_sociaal_domein::core::present::{charts, summary};
use monitor_sociaal_domein::core::read::dataset_file::write_dataset;
use monitor_sociaal_domein::core::read::decode;
use std::sync::LazyLock;

static MANIFEST: LazyLock<Manifest> = LazyLock::new(|| {
    strict::manifest_file("manifest.json", include_str!("../../public/data/manifest.json"))
        .expect("the bundled manifest is valid")
});

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    if let Ok(dataset) = strict::dataset_file("fuzz.json", &text, &MANIFEST) {
        let written = write_dataset(&dataset);
        let mut problems = Problems::new("fuzz.json");
        let decoded = decode::dataset(&written, &mut problems);
        assert_eq!(decoded.as_ref(), Some(&dataset), "{:?}\n{written}", problems.list);
    }
    let (kept, _) = tolerant::dataset("fuzz.json", &text, &MANIFEST);
    let codes = MANIFEST.areas.iter().map(|a| a.code.as_str()).collect();
    for (i, t) in kept.iter().flat_map(|ds| ds.tables.iter().enumerate()) {
        let mut p = Problems::new("fuzz.json");
        validate::table(t, &JsonPath::root().key("tables").index(i), &codes, &mut p);
        assert!(p.is_empty(), "a kept table breaks the table rules: {:?}", p.list);
        let g = grid::build(t, &MANIFEST, None, None);
        let description = summary::describe(&g, &MANIFEST, Some("GM0482"), Some("NL01"));
        let (option, _) = charts::draw(&g, t, Some("GM0482"), &description);
        assert!(serde_json::from_str::<serde_json::Value>(&option).is_ok(), "the option is JSON");
    }
    let _ = strict::manifest_file("manifest.json", &text);
    let _ = tolerant::manifest("manifest.json", &text);
    for problem in strict::dataset_file("fuzz.json", &text, &MANIFEST).err().unwrap_or_default() {
        let _ = problem.to_string();
    }
});
