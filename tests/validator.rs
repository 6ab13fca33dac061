//! Broken data files get exact, readable Dutch messages — every problem, with file and place.
//!
//! Each `tests/fixtures/NAME.json` is checked against the bundled manifest and the messages are
//! compared with `tests/fixtures/NAME.expected` (one per line). After an intended change of
//! wording, `MSD_BLESS=1 cargo test --test validator` rewrites the expected files; review the diff.

mod common;

fn messages(name: &str) -> Vec<String> {
    let root = common::root();
    let manifest_text = std::fs::read_to_string(root.join("public/data/manifest.json")).unwrap();
    let manifest = monitor_sociaal_domein::core::check::strict::manifest_file("manifest.json", &manifest_text)
        .expect("bundled manifest");
    let text = std::fs::read_to_string(root.join(format!("tests/fixtures/{name}.json"))).unwrap();
    match monitor_sociaal_domein::core::check::strict::dataset_file(&format!("{name}.json"), &text, &manifest) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(|p| p.to_string()).collect(),
    }
}

fn check(name: &str) {
    let got = messages(name);
    let path = common::root().join(format!("tests/fixtures/{name}.expected"));
    if std::env::var("MSD_BLESS").is_ok() {
        std::fs::write(&path, got.join("\n") + "\n").unwrap();
        return;
    }
    // A missing golden file is a failure, not "no messages": an empty one says that on purpose.
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; make it with MSD_BLESS=1 and review it", path.display()));
    let expected: Vec<&str> = expected.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(got, expected, "messages for {name}.json");
}

/// Every fixture but the good ones has its golden file, so none is checked against nothing.
#[test]
fn every_fixture_has_its_expected_messages() {
    let dir = common::root().join("tests/fixtures");
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".json") else { continue };
        if stem == "good" || stem.ends_with("-documented") {
            continue;
        }
        assert!(dir.join(format!("{stem}.expected")).exists(), "tests/fixtures/{stem}.expected ontbreekt");
    }
}

#[test]
fn good_file_has_no_problems() {
    assert_eq!(messages("good"), Vec::<String>::new());
}

#[test]
fn syntax_errors_name_line_and_column() {
    for name in ["syntax-missing-comma", "syntax-truncated", "syntax-duplicate-key", "syntax-decimal-comma"] {
        check(name);
        assert!(messages(name)[0].contains(", regel "), "{name}: position given");
    }
}

#[test]
fn wrong_types_are_all_reported() {
    check("wrong-types");
    assert!(messages("wrong-types").len() >= 5, "every problem, not only the first");
}

#[test]
fn semantic_rules() {
    check("semantic-errors");
    let all = messages("semantic-errors").join("\n");
    for expected in [
        "onbekende gebiedscode \"GM9999\"",
        "dubbele waarde",
        "een percentage moet tussen 0 en 100 liggen",
        "een aantal kan niet negatief zijn",
        "de bronvermelding ontbreekt",
        "eenheid \"€\" past niet bij soort count",
        "onbekende periode \"2017\"",
    ] {
        assert!(all.contains(expected), "missing: {expected}\nin:\n{all}");
    }
}

#[test]
fn geheim_may_not_hold_a_number() {
    check("geheim-with-number");
    assert!(messages("geheim-with-number")[0].contains("bij een geheime waarde mag geen getal staan"));
}

#[test]
fn totals_must_add_up_unless_documented() {
    check("total-not-sum");
    assert!(messages("total-not-sum")[0].contains("wijkt af van de berekening uit de delen"));
    assert_eq!(messages("total-not-sum-documented"), Vec::<String>::new());
}

#[test]
fn formula_cycles_are_refused() {
    check("formula-cycle");
    assert!(messages("formula-cycle").join("\n").contains("in een kring"));
}

/// Issue 14: statements, claims and contradictions get the same kind of Dutch messages with
/// their JSON path as table cells.
#[test]
fn statement_rules() {
    check("statement-errors");
    let all = messages("statement-errors").join("\n");
    for expected in [
        "statements[1].id: id \"jeugd-uitspraak\" komt twee keer voor",
        "statements[1].quote: het cijfer \"6,5\" staat niet in het citaat",
        "statements[2].id: id \"wmo-verkeerd-thema\" moet",
        "statements[3].area: onbekende gebiedscode \"GM9999\"",
        "statements[3].place.seed: onbekend brondocument \"009\"",
        "statements[4].value: een percentage moet tussen 0 en 100 liggen",
        "statements[5].formula.args[0]: onbekende uitspraak \"jeugd-bestaat-niet\"",
        "statements[6].unit: eenheid \"€\" past niet bij soort count",
        "claims[0].than: bij hoger, lager of gelijk hoort precies één gebied",
        "contradictions[0].description: beschrijf de tegenspraak in één zin",
    ] {
        assert!(all.contains(expected), "missing: {expected}\nin:\n{all}");
    }
}
