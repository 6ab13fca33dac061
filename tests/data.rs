//! The bundled data: valid, every published derived figure recomputed by the engine, every
//! number traceable to its source document, every inconsistency listed in the docs.

mod common;

use monitor_sociaal_domein::core::{calc::engine, model::Status, text::format};

#[test]
fn bundled_data_pass_the_validator() {
    let r = common::bundled();
    let problems: Vec<String> = r.problems.iter().map(|p| p.to_string()).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(r.datasets.len() >= 6, "all dataset files were read");
}

/// Issue 5: every published derived figure (percentages, totals, differences, saldi, rates)
/// that has its inputs in the data is recomputed and compared at its published precision.
#[test]
fn engine_reproduces_every_published_derived_figure() {
    let r = common::bundled();
    let mut recomputed = 0;
    let mut differ = Vec::new();
    let mut documented = 0;
    for (_, ds) in &r.datasets {
        for t in &ds.tables {
            for c in engine::checks(t) {
                recomputed += 1;
                match (c.agrees, c.documented) {
                    (false, false) => {
                        differ.push(format!("{} {:?}: published {}, engine {}", t.id, c.key, c.published, c.how()))
                    }
                    (false, true) => documented += 1,
                    (true, true) => panic!("{} {:?} is documented as inconsistent but agrees", t.id, c.key),
                    (true, false) => {}
                }
            }
        }
    }
    println!(
        "engine: {recomputed} published derived figures and totals recomputed; {} differ outside the documented inconsistencies; {documented} differ as documented",
        differ.len()
    );
    assert!(recomputed >= 300, "only {recomputed} figures were recomputed");
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// Every number in the data is printed in its source document, in Dutch notation (a typo in
/// a transcription would almost always produce a number that is not there).
#[test]
fn every_number_is_printed_in_its_source() {
    let r = common::bundled();
    let mut missing = Vec::new();
    let mut checked = 0;
    for (file, ds) in &r.datasets {
        for t in &ds.tables {
            let text = common::seed_text(&t.source.seed);
            for v in &t.values {
                let (Some(x), Status::Gepubliceerd) = (v.value, v.status) else { continue };
                let Some(m) = t.measure(&v.key.measure) else { continue };
                checked += 1;
                let dutch = format::number(x, m.decimals).replace('−', "-");
                let candidates = [dutch.clone(), dutch.replace('.', ""), v.printed.clone().unwrap_or_default()];
                if !candidates.iter().any(|c| !c.is_empty() && text.contains(c.as_str())) {
                    missing.push(format!("{file} {} {:?} = {dutch}", t.id, v.key));
                }
            }
        }
    }
    println!("{checked} numbers traced to their source documents");
    assert!(checked > 1000);
    assert!(missing.is_empty(), "not found in the source:\n{}", missing.join("\n"));
}

/// `docs/inconsistenties.md` lists every inconsistency recorded with the data (or the
/// cross-check finding that covers it; the file is generated, see tests/statements.rs).
#[test]
fn every_inconsistency_is_listed_in_the_docs() {
    let r = common::bundled();
    let docs = std::fs::read_to_string(common::root().join("docs/inconsistenties.md")).unwrap();
    let mut count = 0;
    for (_, ds) in &r.datasets {
        for t in &ds.tables {
            for i in &t.inconsistencies {
                count += 1;
                assert!(docs.contains(&t.id), "docs/inconsistenties.md misses: {} — {}", t.id, i.description);
            }
        }
    }
    println!("{count} documented inconsistencies listed in docs/inconsistenties.md");
    assert!(count >= 10);
}

/// Issue 3's first slice: the table is there with its geheim cells and provisional marks.
#[test]
fn first_slice_keeps_its_marks() {
    let r = common::bundled();
    let t =
        r.datasets.iter().flat_map(|(_, d)| &d.tables).find(|t| t.id == "jeugd-jongeren-in-jeugdzorg").expect("table");
    let secret: Vec<_> = t
        .values
        .iter()
        .filter(|v| v.status == Status::Geheim)
        .map(|v| (v.key.measure.as_str(), v.key.area.as_str()))
        .collect();
    assert_eq!(secret, vec![("jeugdreclassering", "GM0482"), ("jeugdreclassering", "GM0531")]);
    assert!(t.values.iter().all(|v| v.provisional));
    assert!(t.values.iter().filter(|v| v.status == Status::Geheim).all(|v| v.value.is_none()));
}
