//! Hostile and broken input never panics: 100.000 random and mutated files go through the
//! parser, the decoder, the validator and — when they pass — the engine, grid, summary and chart
//! options. (Issue 4.) Runs in a few seconds with `cargo test --release`.

mod common;

use monitor_sociaal_domein::core::{calc::grid, present::charts, present::summary};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::Value;

fn manifest() -> monitor_sociaal_domein::core::model::Manifest {
    let text = std::fs::read_to_string(common::root().join("public/data/manifest.json")).unwrap();
    monitor_sociaal_domein::core::check::strict::manifest_file("manifest.json", &text).unwrap()
}

fn seed_file() -> String {
    std::fs::read_to_string(common::root().join("tests/fixtures/good.json")).unwrap()
}

/// Runs the whole pipeline as the app and the tools run it: the strict reader, and the tolerant
/// reader the app uses (with its branch that checks a table again without unknown areas); then
/// grid, summary and the chart option with its marks. A panic anywhere fails the test; a table
/// the tolerant reader keeps must pass the table rules.
fn pipeline(text: &str, m: &monitor_sociaal_domein::core::model::Manifest) {
    let strict = monitor_sociaal_domein::core::check::strict::dataset_file("fuzz.json", text, m).ok();
    let (tolerant, _) = monitor_sociaal_domein::core::check::tolerant::dataset("fuzz.json", text, m);
    let codes = m.areas.iter().map(|a| a.code.as_str()).collect();
    for ds in strict.iter().chain(tolerant.iter()) {
        for (i, t) in ds.tables.iter().enumerate() {
            let mut p = monitor_sociaal_domein::core::model::problem::Problems::new("fuzz.json");
            let path = monitor_sociaal_domein::core::model::problem::JsonPath::root().key("tables").index(i);
            monitor_sociaal_domein::core::check::validate::table(t, &path, &codes, &mut p);
            assert!(p.is_empty(), "a kept table breaks the table rules: {:?}", p.list);
            for period in std::iter::once(None).chain(t.periods.iter().map(|p| Some(p.id.as_str()))) {
                let g = grid::build(t, m, period, None);
                let s = summary::describe(&g, m, Some("GM0482"), Some("NL01"));
                let (option, _) = charts::draw(&g, t, Some("GM0482"), &s);
                assert!(serde_json::from_str::<Value>(&option).is_ok(), "the option is JSON");
            }
        }
    }
    let _ = monitor_sociaal_domein::core::check::strict::manifest_file("manifest.json", text);
    let _ = monitor_sociaal_domein::core::check::tolerant::manifest("manifest.json", text);
}

/// A random JSON value, to graft into a valid file.
fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| serde_json::json!(f)),
        prop_oneof![Just(-1e300), Just(1e300), Just(-0.0), Just(7.5), Just(0.0), Just(u64::MAX as f64)]
            .prop_map(|f| serde_json::json!(f)),
        ".{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("geheim"),
            Just("nihil"),
            Just("niet-beschikbaar"),
            Just("GM0482"),
            Just("RG-DRECHTSTEDEN"),
            Just("%"),
            Just("share"),
            Just("sum"),
            Just("a"),
            Just("pct"),
            Just("2016"),
            Just("<script>alert(1)</script>")
        ]
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        Just("value".to_owned()),
                        Just("status".to_owned()),
                        Just("measure".to_owned()),
                        Just("args".to_owned()),
                        ".{0,6}".prop_map(|s| s)
                    ],
                    inner
                ),
                0..6
            )
            .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// Replaces the `n`-th node (in a depth-first walk) of `v` with `new`.
fn graft(v: &mut Value, n: &mut usize, new: &Value) -> bool {
    if *n == 0 {
        *v = new.clone();
        return true;
    }
    *n -= 1;
    match v {
        Value::Array(items) => items.iter_mut().any(|x| graft(x, n, new)),
        Value::Object(map) => map.values_mut().any(|x| graft(x, n, new)),
        _ => false,
    }
}

#[test]
fn fifty_thousand_byte_level_mutations_never_panic() {
    let m = manifest();
    let base = seed_file().into_bytes();
    let mut runner = TestRunner::new(Config { cases: 50_000, failure_persistence: None, ..Config::default() });
    let strategy = (
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..4), 0..8),
        any::<prop::sample::Index>(),
        any::<bool>(),
    );
    runner
        .run(&strategy, |(edits, cut, truncate)| {
            let mut bytes = base.clone();
            for (at, byte, kind) in edits {
                let i = at.index(bytes.len().max(1));
                match kind {
                    0 if i < bytes.len() => bytes[i] = byte,
                    1 => bytes.insert(i.min(bytes.len()), byte),
                    2 if i < bytes.len() => {
                        bytes.remove(i);
                    }
                    _ => {
                        let j = (i + 40).min(bytes.len());
                        let slice = bytes[i.min(j)..j].to_vec();
                        bytes.splice(i.min(bytes.len())..i.min(bytes.len()), slice);
                    }
                }
            }
            if truncate {
                bytes.truncate(cut.index(bytes.len() + 1));
            }
            pipeline(&String::from_utf8_lossy(&bytes), &m);
            Ok(())
        })
        .unwrap();
}

#[test]
fn fifty_thousand_structural_mutations_never_panic() {
    let m = manifest();
    let base: Value = serde_json::from_str(&seed_file()).unwrap();
    let mut runner = TestRunner::new(Config { cases: 50_000, failure_persistence: None, ..Config::default() });
    runner
        .run(&(prop::collection::vec((0usize..200, arb_json()), 1..4)), |grafts| {
            let mut v = base.clone();
            for (mut n, new) in grafts {
                graft(&mut v, &mut n, &new);
            }
            pipeline(&v.to_string(), &m);
            Ok(())
        })
        .unwrap();
}

#[test]
fn hostile_shapes_get_errors_not_crashes() {
    let m = manifest();
    let huge = format!("[{}]", "1,".repeat(5_000_000));
    for text in [
        "".to_owned(),
        "\u{feff}".to_owned(),
        "null".to_owned(),
        "[".repeat(10_000),
        "{\"a\":".repeat(10_000),
        huge,
        "{\"format\":1,\"region\":\"x\",\"theme\":\"jeugd\",\"tables\":[{\"measures\":[{\"formula\":{\"op\":\"sum\",\"args\":[\"a\",\"a\"]},\"id\":\"a\"}]}]}".to_owned(),
        String::from_utf8_lossy(&[0xff, 0xfe, 0x00, 0x7b]).into_owned(),
    ] {
        pipeline(&text, &m);
        assert!(monitor_sociaal_domein::core::check::strict::dataset_file("x.json", &text, &m).is_err());
    }
}
