//! `core::dataset_file` writes the format that `core::decode` reads: every bundled data file
//! survives write → decode unchanged, and the written layout is that of the bundled files.

mod common;

use monitor_sociaal_domein::core::model::problem::Problems;
use monitor_sociaal_domein::core::read::dataset_file::write_dataset;
use monitor_sociaal_domein::core::read::decode;

#[test]
fn every_bundled_file_round_trips() {
    let report = common::bundled();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let mut checked = 0;
    for (name, dataset) in &report.datasets {
        let written = write_dataset(dataset);
        let mut problems = Problems::new(name);
        let decoded = decode::dataset(&written, &mut problems).unwrap_or_else(|| panic!("{name}: {:?}", problems.list));
        assert_eq!(&decoded, dataset, "{name}");
        assert!(written.starts_with("{\n \"format\": 1,\n \"region\": "), "{name}: laid out like the bundled files");
        assert_eq!(write_dataset(&decoded), written, "{name}: writing is stable");
        checked += 1;
    }
    assert!(checked >= 5, "{checked} files");
}
