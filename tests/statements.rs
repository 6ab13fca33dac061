//! Issue 14: statements from the running text, cross checks, the generated list of
//! inconsistencies and the DCAT catalogue.

mod common;

use monitor_sociaal_domein::core::model::narrative::{normalise, FindingKind, Grade};
use monitor_sociaal_domein::core::{check::contradictions, check::crosscheck, check::report, present::dcat};

fn cross() -> (report::Report, crosscheck::Outcome) {
    let r = common::bundled();
    let o = crosscheck::run(&r.datasets, r.manifest.as_ref().expect("manifest"));
    (r, o)
}

/// Every quote is in its source document, word for word (whitespace of the extraction folded).
#[test]
fn every_quote_is_in_its_source() {
    let (r, o) = cross();
    let mut missing = Vec::new();
    let mut n = 0;
    for (file, ds) in &r.datasets {
        let quotes = ds
            .narrative
            .statements
            .iter()
            .map(|s| (&s.id, &s.quote, &s.place.seed))
            .chain(ds.narrative.claims.iter().map(|c| (&c.id, &c.quote, &c.place.seed)));
        for (id, quote, seed) in quotes {
            n += 1;
            if !normalise(&common::seed_text(seed)).contains(&normalise(quote)) {
                missing.push(format!("{file} {id}: {quote}"));
            }
        }
    }
    println!("{n} quotes found in their sources; {} statements", o.statements);
    assert!(o.statements >= 80, "only {} statements", o.statements);
    assert!(missing.is_empty(), "not in the source:\n{}", missing.join("\n"));
}

/// The examples the issue names are there, with their figures and places.
#[test]
fn named_figures_are_held() {
    let (r, _) = cross();
    let all: Vec<_> = r.datasets.iter().flat_map(|(_, d)| &d.narrative.statements).collect();
    let find = |id: &str| all.iter().find(|s| s.id == id).unwrap_or_else(|| panic!("{id}"));
    let mark = find("jeugd-samenwerking-rapportcijfer");
    assert_eq!((mark.value, mark.area.as_str(), mark.pillar.id()), (Some(6.0), "GM0505", "ervaringen"));
    assert_eq!(find("participatie-drentscheaa-participatiegelden-2015").value, Some(3_700_000.0));
    assert_eq!(find("participatie-drentscheaa-participatiegelden-2018").value, Some(5_200_000.0));
    assert!(all.iter().filter(|s| s.theme.id() == "jeugd" && s.pillar.id() == "ervaringen").count() >= 5);
}

/// The cross checks find the contradictions of each kind the sources have, graded.
#[test]
fn cross_checks_find_and_grade_contradictions() {
    let (_, o) = cross();
    let has = |kind: FindingKind, grade: Grade, needle: &str| {
        o.findings.iter().any(|f| f.kind == kind && f.grade == grade && f.description.contains(needle))
    };
    // A claim the table contradicts: Dordrecht's jeugdbescherming is above the national figure.
    assert!(has(FindingKind::Bewering, Grade::Klein, "Dordrecht (1,1%)"));
    // A rate per 1.000 that no population fits (Alblasserdam, recorded with the table).
    assert!(o.findings.iter().any(|f| f.kind == FindingKind::Afgeleid && f.description.contains("0 per 1.000")));
    // Text and table: 70% against 75% of the participatiebudget.
    assert!(has(FindingKind::ZelfdeCijfer, Grade::Duidelijk, "70%"));
    // Stated parts against the stated total: € 1.600.000 − € 400.000 is not € 1.178.000.
    assert!(o.findings.iter().any(|f| f.kind == FindingKind::DelenTotaal && f.description.contains("1.178.000")));
    // Notation slips: "€ 5.2 miljoen" and "2,200".
    assert!(has(FindingKind::Notatie, Grade::Klein, "5.2 miljoen"));
    assert!(has(FindingKind::Notatie, Grade::Klein, "2,200"));
    // Two documents: 125.000 banen by 2015 or by 2026.
    assert!(o.findings.iter().any(|f| f.kind == FindingKind::Documenten));
    // Implied bases that differ from row to row.
    assert!(o.findings.iter().any(|f| f.kind == FindingKind::ImplicieteBasis));
    assert!(o.findings.iter().any(|f| f.kind == FindingKind::Tarief));
    // Every finding names its places and has figures on at least one side.
    for f in &o.findings {
        assert!(!f.sides.is_empty() && !f.description.is_empty(), "{f:?}");
    }
    assert!(o.confirmed >= 10 && o.claims_hold >= 10);
}

/// `docs/inconsistenties.md` is exactly what `msd-check --inconsistenties` writes.
#[test]
fn inconsistencies_doc_is_up_to_date() {
    let (_, o) = cross();
    let doc = std::fs::read_to_string(common::root().join("docs/inconsistenties.md")).unwrap();
    assert!(
        doc == contradictions::markdown(&o),
        "docs/inconsistenties.md is out of date: run cargo run --bin msd-check -- public/data --inconsistenties > docs/inconsistenties.md"
    );
}

/// A statement whose figure is not in its quote is reported in Dutch with its JSON path.
#[test]
fn statement_problems_have_dutch_messages_and_paths() {
    let mut files = common::read_folder(&common::root().join("public/data"));
    let (_, text) = files.iter_mut().find(|(n, _)| n == "drechtsteden-jeugd.json").unwrap();
    *text = text.replacen("\"value\": 6.0,", "\"value\": 6.5,", 1).replacen(
        "\"quote\": \"Twee op de vijf",
        "\"quote\": \"Drie op de vijf",
        1,
    );
    let r = report::check_folder(&files);
    let messages: Vec<String> = r.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        messages.iter().any(|m| m.contains("statements[") && m.contains("het cijfer \"6,5\" staat niet in het citaat")),
        "{messages:?}"
    );
}

/// The DCAT-AP-DONL catalogue is generated from the data, up to date and complete.
#[test]
fn dcat_catalogue_is_up_to_date_and_complete() {
    let r = common::bundled();
    let m = r.manifest.as_ref().unwrap();
    let publisher = dcat::Publisher { name: "Monitor Sociaal Domein".into(), email: None };
    let text = dcat::catalogue_text(m, &r.datasets, &publisher, "");
    let file = std::fs::read_to_string(common::root().join("public/data/catalogus.jsonld")).unwrap();
    assert!(file == text, "public/data/catalogus.jsonld is out of date: run cargo run --bin msd-check -- public/data --dcat > public/data/catalogus.jsonld");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let sets = v["dcat:dataset"].as_array().unwrap();
    assert_eq!(sets.len(), m.datasets.len());
    for d in sets {
        for field in [
            "dct:title",
            "dct:description",
            "dct:publisher",
            "dct:license",
            "dct:source",
            "dct:rights",
            "dct:spatial",
            "dct:temporal",
            "dcat:contactPoint",
            "dcat:theme",
        ] {
            assert!(!d[field].is_null(), "{} misses {field}", d["@id"]);
        }
        assert_eq!(d["dct:license"]["@id"], dcat::LICENCE);
        let formats: Vec<&str> =
            d["dcat:distribution"].as_array().unwrap().iter().filter_map(|x| x["dcat:mediaType"].as_str()).collect();
        assert!(formats.contains(&"application/json") && formats.contains(&"text/csv"), "{formats:?}");
    }
    // A council's own manifest gets the same, with absolute addresses.
    let absolute = dcat::catalogue(m, &r.datasets, &publisher, "https://example.org/monitor/");
    assert_eq!(absolute["dcat:dataset"][0]["@id"], "https://example.org/monitor/data/drechtsteden-jeugd.json");
}

/// The view model: the Ervaringen pillar of Jeugdhulp gets its figures, an indicator its
/// statements and contradictions, search finds statements, downloads carry the quote.
#[test]
fn statements_reach_pillars_indicators_search_and_downloads() {
    use monitor_sociaal_domein::core::model::{Pillar, Theme};
    use monitor_sociaal_domein::core::present::statement_view as view;
    let (r, o) = cross();
    let m = r.manifest.as_ref().unwrap();
    let sets: Vec<_> = r.datasets.iter().map(|(_, d)| d).collect();
    let erv = view::for_pillar(&sets, m, Theme::Jeugd, Pillar::Ervaringen, Some(&o));
    let mark = erv.iter().find(|c| c.id == "jeugd-samenwerking-rapportcijfer").expect("rapportcijfer");
    assert_eq!((mark.figure.as_str(), mark.area.as_str()), ("6,0", "Dordrecht"));
    assert!(mark.source.starts_with("Monitor 3D") && mark.quote.contains("6,0"));
    let two = erv.iter().find(|c| c.id == "jeugd-samenwerking-tevreden").unwrap();
    assert_eq!(two.printed.as_deref(), Some("Twee op de vijf"));
    let on_table = view::for_table(&sets, m, "participatie-drentscheaa-doelgroepen-verdiencapaciteit", Some(&o));
    assert!(on_table.iter().any(|c| c.figure == "70%" && !c.contradictions.is_empty()));
    assert!(!view::findings_for_table(&o, "wmo-clienten-met-maatwerkvoorziening").is_empty());
    let found = view::search(&sets, m, "rapportcijfer dordrecht");
    assert!(found.iter().any(|c| c.id == "jeugd-samenwerking-rapportcijfer"));
    let found = view::search(&sets, m, "participatie drentsche aa miljoen");
    assert_eq!(found.len(), 2, "{found:?}");
    let ids = view::by_id(&sets);
    let csv = view::csv(&found, &ids);
    assert!(csv.contains("3700000") && csv.contains("prognose") && csv.contains("€ 5.2 miljoen"), "{csv}");
    let json: serde_json::Value = serde_json::from_str(&view::json(&erv, &ids)).unwrap();
    assert!(json["uitspraken"].as_array().unwrap().len() >= 5);
}

/// A page runs the cross checks over what it loaded (the store's shared datasets, no file
/// names) and gets the same contradictions.
#[test]
fn cross_checks_run_on_loaded_datasets() {
    let (r, o) = cross();
    let sets: Vec<std::sync::Arc<_>> = r.datasets.iter().map(|(_, d)| std::sync::Arc::new(d.clone())).collect();
    let loaded = crosscheck::run_loaded(&sets, r.manifest.as_ref().unwrap());
    assert_eq!(loaded.findings.len(), o.findings.len());
    assert_eq!(loaded.confirmed, o.confirmed);
}
