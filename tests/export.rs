//! Issue 7: downloads hold exactly the figures of the view, with their marks, in a form Dutch
//! Excel opens correctly.

mod common;

use monitor_sociaal_domein::core::present::export::Provenance;
use monitor_sociaal_domein::core::{calc::grid, present::export};

fn here() -> Provenance {
    Provenance { url: "https://voorbeeld.nl/monitor/?pagina=indicator&indicator=x".into(), date: "2026-11-28".into() }
}

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
    let csv = export::csv(&g, &t, &m, &here());
    assert!(csv.starts_with('\u{feff}'), "UTF-8 BOM");
    assert!(csv.contains("\r\n"), "CRLF");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "Titel;Jongeren in jeugdzorg, 1e halfjaar 2016 (%)");
    assert!(lines.contains(&"Bron;gemeentelijke monitor Sociaal Domein"));
    assert!(lines.contains(&"Voorlopig;ja, het gaat om voorlopige cijfers"));
    let header = lines.iter().position(|l| l.starts_with("Gebied;")).unwrap();
    assert_eq!(
        lines[header],
        "Gebied;CBS-code;jeugdhulp (%);jeugdhulp met verblijf (%);jeugdbescherming (%);jeugdreclassering (%)"
    );
    assert_eq!(lines[header + 1], "Alblasserdam;GM0482;8,8;0,8;0,6;geheim");
    assert_eq!(lines[header + 6], "Zwijndrecht;GM0642;10,7;1,1;1,0;0,3");
    assert_eq!(lines[header + 7], "Nederland;NL01;8,2;1,1;1,0;0,4");
}

#[test]
fn json_has_values_marks_and_metadata() {
    let (m, t) = jeugdzorg();
    let g = grid::build(&t, &m, None, None);
    let v: serde_json::Value = serde_json::from_str(&export::json(&g, &t, &m, &here())).unwrap();
    assert_eq!(v["titel"], "Jongeren in jeugdzorg, 1e halfjaar 2016 (%)");
    assert_eq!(v["bron"]["tekst"], "gemeentelijke monitor Sociaal Domein");
    let alblasserdam = &v["rijen"][0];
    assert_eq!(alblasserdam["code"], "GM0482");
    assert_eq!(alblasserdam["cbs_code"], "GM0482", "a code to join on (issue 27)");
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
    let csv = export::csv(&g, &t, &m, &here());
    assert!(csv.contains("Titel;\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
}

fn table(id: &str) -> (monitor_sociaal_domein::core::model::Manifest, monitor_sociaal_domein::core::model::Table) {
    let r = common::bundled();
    let t = r.datasets.iter().flat_map(|(_, d)| &d.tables).find(|t| t.id == id).cloned().unwrap();
    (r.manifest.unwrap(), t)
}

#[test]
fn downloads_carry_the_notes_contradictions_address_date_and_licence() {
    let (m, t) = table("participatie-instroom-bijstand-verdiencapaciteit-2016");
    assert!(!t.inconsistencies.is_empty(), "this table documents contradictions of its source");
    let g = grid::build(&t, &m, None, None);
    let csv = export::csv(&g, &t, &m, &here());
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert!(lines.contains(&"Toelichting;Let op: dit is een telling naar dossiers."), "{csv}");
    for i in &t.inconsistencies {
        assert!(
            lines.iter().any(|l| l.starts_with("Bron spreekt zichzelf tegen;") && l.contains(&i.description[..20])),
            "{csv}"
        );
    }
    let licence = lines.iter().find(|l| l.starts_with("Licentie;")).expect("a licence line");
    assert!(licence.contains("CC BY 4.0") && licence.contains("SDD") && licence.contains("Monitor 3D"), "{licence}");
    assert!(lines.contains(&"Adres;https://voorbeeld.nl/monitor/?pagina=indicator&indicator=x"), "{csv}");
    assert!(lines.contains(&"Gedownload op;28 november 2026"), "{csv}");
    // The metadata comes before the figures, which still start at the header line.
    let header = lines.iter().position(|l| l.starts_with("Gebied;")).unwrap();
    assert!(lines[..header].iter().any(|l| l.starts_with("Licentie;")));

    let v: serde_json::Value = serde_json::from_str(&export::json(&g, &t, &m, &here())).unwrap();
    assert_eq!(v["toelichting"][0], "Let op: dit is een telling naar dossiers.");
    assert_eq!(v["inconsistenties"].as_array().unwrap().len(), t.inconsistencies.len());
    assert_eq!(v["url"], "https://voorbeeld.nl/monitor/?pagina=indicator&indicator=x");
    assert_eq!(v["gedownload_op"], "2026-11-28");
    assert_eq!(v["licentie"]["naam"], "CC BY 4.0");
    assert!(v["licentie"]["bronvermelding"].as_str().unwrap().starts_with("SDD, via Monitor 3D"));
}

#[test]
fn dates_are_written_in_dutch_and_odd_dates_are_kept() {
    assert_eq!(export::date_nl("2026-11-28"), "28 november 2026");
    assert_eq!(export::date_nl("2026-01-05"), "5 januari 2026");
    assert_eq!(export::date_nl("2026-13-05"), "2026-13-05");
    assert_eq!(export::date_nl(""), "");
}
