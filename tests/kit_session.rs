//! The guided flow's session (issues 24 and 27): its work saved to the browser's storage and put back
//! after a reload — dropped spreadsheets, areas added by hand, the choice to start without the
//! example data — with every check run again; and what cannot be read starts afresh with a
//! Dutch sentence, never a panic.

mod common;

use common::manifest;
use monitor_sociaal_domein::core::kit::datacheck::Session;
use monitor_sociaal_domein::core::kit::saved;
use monitor_sociaal_domein::core::model::AreaKind;

fn site() -> Session {
    Session::new(manifest(), Vec::new())
}

#[test]
fn a_reload_keeps_the_files_and_the_added_areas() {
    let template = std::fs::read(common::root().join("public/sjablonen/per-gebied.csv")).expect("the template");
    let mut work = site();
    work.add("per-gebied.csv", &template);
    work.add("good.json", &std::fs::read(common::root().join("tests/fixtures/good.json")).expect("a fixture"));
    work.add_area("GM1978", "Molenlanden", AreaKind::Gemeente).expect("a new gemeente");
    work.add_area("WK197801", "Giessenburg", AreaKind::Wijk).expect("a new wijk");
    assert!(saved::unsaved(&work, &site()), "work the site does not have");

    let text = saved::save(&work, false);
    let back = saved::restore(&site(), &text).expect("the saved work reads");
    assert_eq!(back.session.manifest, work.manifest, "the working manifest, added areas included");
    assert_eq!(back.session.checked(), work.checked(), "the same files, checked again");
    assert!(!back.without_examples);
    assert_eq!(
        back.notice,
        "Uw werk van de vorige keer is teruggezet: 2 bestanden en 2 toegevoegde gebieden. Het staat alleen in deze browser."
    );
    assert!(!saved::unsaved(&site(), &site()), "nothing to keep on a fresh page");
}

#[test]
fn starting_without_the_examples_is_kept_too() {
    let work = site().empty_monitor();
    let back = saved::restore(&site(), &saved::save(&work, true)).expect("the saved work reads");
    assert!(back.without_examples);
    assert!(back.session.existing.is_empty());
    assert_eq!(back.session.manifest.regions.len(), 0, "the example regions stay out");
    assert_eq!(back.session.manifest, work.manifest);
}

#[test]
fn unreadable_saved_work_starts_afresh_with_a_sentence() {
    for text in ["", "{", "{\"versie\":2,\"manifest\":\"\",\"zonder_voorbeeld\":false,\"bestanden\":[]}", "[1,2]"] {
        let e = saved::restore(&site(), text).expect_err(text);
        assert!(e.ends_with("u begint opnieuw."), "{e}");
    }
}

/// Issue 24: a workbook gets the "save as CSV UTF-8" advice under any name, renamed `.csv` too,
/// never "de tabel ontbreekt".
#[test]
fn a_workbook_under_any_name_gets_the_csv_advice() {
    let workbook = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml";
    for name in ["cijfers.xlsx", "cijfers.csv", "cijfers"] {
        let mut s = site();
        s.add(name, workbook);
        let checked = s.checked();
        assert_eq!(checked.len(), 1);
        assert_eq!(checked[0].problems.len(), 1, "{name}: {:?}", checked[0].problems);
        assert!(
            checked[0].problems[0].contains("Excel-werkmap") && checked[0].problems[0].contains("CSV UTF-8"),
            "{name}"
        );
        assert!(s.tables().is_empty(), "{name}: no table from a workbook");
    }
}
