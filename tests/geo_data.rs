//! Every gemeente known and every year's boundaries (issue 27), and the map of a national region
//! (issue 25): `public/geo/gemeenten.json` and `public/geo/grenzen-<jaar>.json` as the site
//! ships them (made from ../shared/geo by scripts/make-gemeenten.mjs and make-geo.mjs).

mod common;

use monitor_sociaal_domein::core::calc::grid::{Grid, Row, RowsAre};
use monitor_sociaal_domein::core::model::gemeenten::Gemeenten;
use monitor_sociaal_domein::core::model::{Area, AreaKind, Manifest, Region, Unit};
use monitor_sociaal_domein::core::present::charts::map::{self, MapView};
use monitor_sociaal_domein::core::present::charts::map_layout::Geo;
use monitor_sociaal_domein::core::read;

fn gemeenten() -> Gemeenten {
    let text = std::fs::read_to_string(common::root().join("public/geo/gemeenten.json")).unwrap();
    read::gemeenten::gemeenten(&text).expect("the shipped list of gemeenten")
}

fn boundaries(year: u16) -> String {
    std::fs::read_to_string(common::root().join("public/geo").join(map::boundaries_file(year))).unwrap()
}

#[test]
fn every_year_has_its_cbs_gemeenten() {
    let g = gemeenten();
    assert_eq!(g.years, (2016, 2025));
    let count = |y| g.of_year(y).count();
    // As CBS divided the country on 1 January (../shared/geo/README.md).
    let expected = [390, 388, 380, 355, 355, 352, 345, 342, 342, 342];
    for (year, n) in (2016..=2025).zip(expected) {
        assert_eq!(count(year), n, "{year}");
    }
}

#[test]
fn herindelingen_say_where_a_gemeente_went() {
    let g = gemeenten();
    let weesp = g.get("GM0457").unwrap();
    assert_eq!(weesp.name(), "Weesp");
    // In the files up to 2022 (merged on 24 March 2022), then part of Amsterdam.
    assert!(weesp.in_year(2021) && weesp.in_year(2022) && !weesp.in_year(2023));
    assert_eq!(weesp.last, 2022);
    assert_eq!(weesp.part_of.as_deref(), Some("GM0363"));
    assert_eq!(g.now_part_of("GM0457").map(|a| a.name()), Some("Amsterdam"));
    assert_eq!(g.get("GM0370").and_then(|b| b.part_of.as_deref()), Some("GM0439"), "Beemster → Purmerend");
    // Every gemeente that vanished ends in a gemeente of 2025.
    for v in g.gemeenten.iter().filter(|v| v.last < 2025) {
        let now = g.now_part_of(&v.code).unwrap_or_else(|| panic!("{}: nowhere", v.code));
        assert!(now.in_year(2025), "{} → {}", v.code, now.code);
    }
}

#[test]
fn a_name_changes_spelling_the_code_stays() {
    let g = gemeenten();
    let hengelo = g.get("GM0164").unwrap();
    assert_eq!(hengelo.name_in(2016), "Hengelo");
    assert_eq!(hengelo.name_in(2023), "Hengelo");
    assert_eq!(hengelo.name_in(2024), "Hengelo (O.)");
    assert_eq!(hengelo.name_in(2025), "Hengelo (O.)");
    assert_eq!(hengelo.first(), 2016);
}

#[test]
fn every_gemeente_of_2025_lies_in_one_of_twelve_provinces() {
    let g = gemeenten();
    assert_eq!(g.provinces.len(), 12);
    let per = |name: &str| {
        let p = g.provinces.iter().find(|p| p.name == name).unwrap();
        g.of_year(2025).filter(|x| x.province == p.code).count()
    };
    let expected = [
        ("Groningen", 10),
        ("Fryslân", 18),
        ("Drenthe", 12),
        ("Overijssel", 25),
        ("Flevoland", 6),
        ("Gelderland", 51),
        ("Utrecht", 26),
        ("Noord-Holland", 44),
        ("Zuid-Holland", 50),
        ("Zeeland", 13),
        ("Noord-Brabant", 56),
        ("Limburg", 31),
    ];
    for (name, n) in expected {
        assert_eq!(per(name), n, "{name}");
    }
    // Leerdam merged into Vijfheerenlanden (Utrecht) in 2019, but was Zuid-Holland in its years.
    assert_eq!(g.province(&g.get("GM0545").unwrap().province).unwrap().name, "Zuid-Holland");
}

#[test]
fn the_fixture_of_2025_agrees_with_the_list() {
    let g = gemeenten();
    let text = std::fs::read_to_string(common::root().join("tests/fixtures/national/gemeenten-2025.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let rows = json["gemeenten"].as_array().unwrap();
    assert_eq!(rows.len(), 342);
    for r in rows {
        let code = r[0].as_str().unwrap();
        assert_eq!(g.get(code).map(|x| x.name_in(2025)), r[1].as_str(), "{code}");
    }
}

#[test]
fn a_broken_list_is_refused_in_dutch() {
    let bad = |t: &str| read::gemeenten::gemeenten(t).unwrap_err();
    assert!(bad("{").starts_with("De lijst van gemeenten is niet leesbaar"));
    let one = |extra: &str| {
        format!(
            r#"{{"jaren":[2016,2025],"provincies":[{{"code":"PV20","naam":"Groningen"}}],
            "gemeenten":[{{"code":"GM0001","namen":[[2016,"A"]],"tot":2025,"provincie":"PV20","punt":[6,53]{extra}}}]}}"#
        )
    };
    assert!(read::gemeenten::gemeenten(&one("")).is_ok());
    let vanished = one("").replace("\"tot\":2025", "\"tot\":2019");
    assert_eq!(bad(&vanished), "Gemeente GM0001 bestaat na 2019 niet meer, maar de lijst zegt niet waarin zij opging.");
    let elsewhere = one("").replace("\"provincie\":\"PV20\"", "\"provincie\":\"PV99\"");
    assert_eq!(bad(&elsewhere), "Gemeente GM0001 ligt in een onbekende provincie (PV99).");
}

#[test]
fn each_year_boundaries_ship_within_their_budget() {
    let g = gemeenten();
    for year in 2016..=2025 {
        let text = boundaries(year);
        println!("{}: {} bytes", map::boundaries_file(year), text.len());
        assert!(text.len() <= 72 * 1024, "{year}: {} bytes", text.len());
        let codes: Vec<String> = g.of_year(year).map(|x| x.code.clone()).collect();
        let (geojson, geo) = Geo::from_compact(&text, &codes).unwrap();
        assert_eq!(geo.areas.len(), codes.len(), "{year}: every gemeente of the year has its boundary");
        assert!(geojson.contains("\"statcode\""));
        // The Netherlands' box.
        assert!(geo.min[0] > 3.0 && geo.max[0] < 7.5 && geo.min[1] > 50.5 && geo.max[1] < 53.7, "{year}: {geo:?}");
        // A cut keeps only what is asked for.
        let (_, two) = Geo::from_compact(&text, &codes[..2]).unwrap();
        assert_eq!(two.areas.len(), 2);
    }
    assert!(Geo::from_compact("{}", &[]).is_err());
}

#[test]
fn a_map_uses_the_boundaries_of_its_figures_year() {
    assert_eq!(map::boundary_year(Some("2024")), 2024);
    assert_eq!(map::boundary_year(Some("2021-H1")), 2021);
    assert_eq!(map::boundary_year(Some("2015")), 2016);
    assert_eq!(map::boundary_year(Some("2030")), 2025);
    assert_eq!(map::boundary_year(None), 2025);
    assert_eq!(map::boundaries_file(2021), "grenzen-2021.json");
}

/// A national region of the 342 gemeenten of 2025 and a grid by area of one table: a count and
/// a rate, every gemeente a different value; the chosen one is Amsterdam.
fn national_map(focus: Option<&str>) -> (MapView, Geo) {
    let g = gemeenten();
    let mut areas: Vec<Area> = g
        .of_year(2025)
        .map(|x| Area {
            code: x.code.clone(),
            name: x.name().to_owned(),
            short: x.name().chars().take(2).collect(),
            kind: AreaKind::Gemeente,
            members: Vec::new(),
        })
        .collect();
    let codes: Vec<String> = areas.iter().map(|a| a.code.clone()).collect();
    areas.push(Area {
        code: "NL01".into(),
        name: "Nederland".into(),
        short: "NL".into(),
        kind: AreaKind::Land,
        members: Vec::new(),
    });
    let region = Region {
        id: "nederland".into(),
        name: "Nederland".into(),
        area: "NL01".into(),
        reference: None,
        gemeenten: codes,
    };
    let manifest = Manifest::new(areas.clone(), vec![region], Vec::new(), Vec::new());
    // A bundled grid by area as the template of its columns and figures.
    let r = common::bundled();
    let m = r.manifest.as_ref().unwrap();
    let template = r
        .datasets
        .iter()
        .flat_map(|(_, d)| &d.tables)
        .map(|t| monitor_sociaal_domein::core::calc::grid::build(t, m, Some("2024"), None))
        .find(|g| {
            g.rows_are == RowsAre::Areas
                && g.rows.first().is_some_and(|r| r.cells.first().is_some_and(|f| f.value.is_ok()))
        })
        .unwrap();
    let figure = template.rows[0].cells[0].clone();
    let mut count = template.columns[0].clone();
    count.unit = Unit::Aantal;
    count.label = "Aantal".into();
    count.measure = "aantal".into();
    let mut rate = template.columns[0].clone();
    rate.unit = Unit::Per1000;
    rate.label = "Per 1.000 inwoners".into();
    rate.measure = "per1000".into();
    let rows: Vec<Row> = areas
        .iter()
        .filter(|a| a.kind == AreaKind::Gemeente)
        .enumerate()
        .map(|(i, a)| {
            let mut n = figure.clone();
            n.value = Ok(100.0 + i as f64 * 37.0);
            n.unit = Unit::Aantal;
            let mut p = figure.clone();
            p.value = Ok(10.0 + (i % 97) as f64 / 3.0);
            p.unit = Unit::Per1000;
            Row { id: a.code.clone(), label: a.name.clone(), reference: false, cells: vec![n, p] }
        })
        .collect();
    let grid = Grid { columns: vec![count, rate], rows, period: Some("2024".into()), ..template };
    let column = map::column_of(&grid, None);
    let view = map::view(&grid, column, &manifest, "nederland", focus).unwrap();
    let geo = Geo::from_compact(&boundaries(view.year), &view.codes).unwrap().1;
    (view, geo)
}

#[test]
fn a_national_map_is_sized_to_its_content_with_few_labels_and_a_legend_of_classes() {
    let (view, geo) = national_map(Some("GM0363"));
    assert_eq!(view.places.len(), 342);
    assert_eq!(view.year, 2024);
    assert_eq!(view.map, "nederland-2024");
    assert_eq!(view.column, "Per 1.000 inwoners", "a rate by default, not the count");
    for width in [256.0, 341.0, 760.0, 1118.0] {
        let l = map::labels(&view, &geo, width);
        assert!(!l.labels.is_empty() && l.labels.len() <= 40, "{width}: {} labels", l.labels.len());
        assert!(l.labels.iter().any(|p| p.code == "GM0363" && p.bold), "{width}: the chosen gemeente labelled");
        for (i, a) in l.labels.iter().enumerate() {
            for b in &l.labels[i + 1..] {
                assert!(!a.rect.overlaps(&b.rect, 0.0), "{width}: {} × {}", a.text, b.text);
            }
        }
        // The frame: the map and a label's height around it at most.
        assert!(l.height <= l.map.h + 80.0, "{width}: {} px for a map of {} px", l.height, l.map.h);
        let (_, height) = map::drawn(&view, &geo, width);
        println!("national map at {width} px: {height} px high, {} labels", l.labels.len());
    }
    // The legend names classes and counts, not 342 names.
    let legend: String =
        (0..view.classes.len()).map(|k| format!("{}: {}", view.classes[k].label, map::names_in(&view, k))).collect();
    assert!(legend.len() < 300, "{legend}");
    assert!(legend.contains(" gemeenten"), "{legend}");
    assert!(view.sentence.len() < 600, "{}", view.sentence);
    assert!(view.sentence.contains("Amsterdam:"), "{}", view.sentence);
}
