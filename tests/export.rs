//! Issue 7: downloads hold exactly the figures of the view, with their marks, in a form Dutch
//! Excel opens correctly.

mod common;

use monitor_sociaal_domein::core::{export, grid};

fn jeugdzorg() -> (monitor_sociaal_domein::core::model::Manifest, monitor_sociaal_domein::core::model::Table) {
    let r = common::bundled();
    let t = r
        .datasets
        .iter()
        .flat_map(|(_, d)| &d.tables)
        .find(|t| t.id == "jeugd-jongeren-in-jeugdzorg")
        .cloned()
        .unwrap();
    (r.manifest.unwrap(), t)
}

#[test]
fn csv_is_for_dutch_excel_and_keeps_the_marks() {
    let (m, t) = jeugdzorg();
    let g = grid::build(&t, &m, None, None);
    let csv = export::csv(&g, &t, &m);
    assert!(csv.starts_with('\u{feff}'), "UTF-8 BOM");
    assert!(csv.contains("\r\n"), "CRLF");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "Titel;Jongeren in jeugdzorg, 1e halfjaar 2016 (%)");
    assert!(lines.contains(&"Bron;gemeentelijke monitor Sociaal Domein"));
    assert!(lines.contains(&"Voorlopig;ja, het gaat om voorlopige cijfers"));
    let header = lines.iter().position(|l| l.starts_with("Gebied;")).unwrap();
    assert_eq!(lines[header], "Gebied;jeugdhulp (%);met verblijf (%);jeugdbescherming (%);jeugdreclassering (%)");
    assert_eq!(lines[header + 1], "Alblasserdam;8,8;0,8;0,6;geheim");
    assert_eq!(lines[header + 6], "Zwijndrecht;10,7;1,1;1,0;0,3");
    assert_eq!(lines[header + 7], "Nederland;8,2;1,1;1,0;0,4");
}

#[test]
fn json_has_values_marks_and_metadata() {
    let (m, t) = jeugdzorg();
    let g = grid::build(&t, &m, None, None);
    let v: serde_json::Value =
        serde_json::from_str(&export::json(&g, &t, &m, "https://voorbeeld.nl/monitor/?x")).unwrap();
    assert_eq!(v["titel"], "Jongeren in jeugdzorg, 1e halfjaar 2016 (%)");
    assert_eq!(v["bron"]["tekst"], "gemeentelijke monitor Sociaal Domein");
    let alblasserdam = &v["rijen"][0];
    assert_eq!(alblasserdam["code"], "GM0482");
    assert_eq!(alblasserdam["waarden"][0]["waarde"], 8.8);
    assert_eq!(alblasserdam["waarden"][3]["waarde"], serde_json::Value::Null);
    assert_eq!(alblasserdam["waarden"][3]["status"], "geheim");
    assert_eq!(alblasserdam["waarden"][0]["voorlopig"], true);
}

#[test]
fn file_names_say_what_is_in_them_and_cells_cannot_be_formulas() {
    let (m, mut t) = jeugdzorg();
    let g = grid::build(&t, &m, None, None);
    assert_eq!(export::file_name(&g, "Drechtsteden", "csv"), "jeugd-jongeren-in-jeugdzorg_2016-h1_drechtsteden.csv");
    t.title = "=HYPERLINK(\"x\")".into();
    let csv = export::csv(&g, &t, &m);
    assert!(csv.contains("Titel;\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
}
