//! Headline figures (issue 13): marked in the data, never 0, *geheim* or *n.b.*, with a safe
//! fallback; the validator reports a broken mark in Dutch.

mod common;

use monitor_sociaal_domein::core::check::report;
use monitor_sociaal_domein::core::model::{Table, Theme};
use monitor_sociaal_domein::core::present::headline;

#[test]
fn every_region_theme_and_gemeente_gets_a_usable_headline() {
    let r = common::bundled();
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    let m = r.manifest.as_ref().unwrap();
    let mut checked = 0;
    for region in &m.regions {
        let tables: Vec<&Table> =
            r.datasets.iter().filter(|(_, d)| d.region == region.id).flat_map(|(_, d)| &d.tables).collect();
        for theme in Theme::ALL {
            if !tables.iter().any(|t| t.theme == theme) {
                continue;
            }
            let mut chains: Vec<Vec<&str>> = vec![vec![region.area.as_str()]];
            for g in &region.gemeenten {
                chains.push(vec![g.as_str(), region.area.as_str()]);
            }
            for chain in chains {
                let k = headline::pick(&tables, theme, &chain, m)
                    .unwrap_or_else(|| panic!("{} {:?}: no headline", region.id, theme));
                let shown = k.figure.display();
                assert!(headline::usable(&k.figure), "{} {:?} {chain:?}: {shown}", region.id, theme);
                for bad in ["geheim", "n.b.", "—", "n.v.t."] {
                    assert!(!shown.contains(bad), "{} {:?} {chain:?}: {shown}", region.id, theme);
                }
                assert!(shown.trim_start_matches(['€', ' ']) != "0", "{shown}");
                if let Some(s) = &k.sentence {
                    assert!(s.contains(&shown) && s.contains(&k.area_name), "{s}");
                    assert!(!s.contains('{'), "{s}");
                }
                checked += 1;
            }
        }
    }
    assert!(checked >= 30, "{checked}");
}

#[test]
fn the_marked_figure_wins_and_falls_back_to_the_region_where_the_gemeente_has_none() {
    let r = common::bundled();
    let m = r.manifest.as_ref().unwrap();
    let tables: Vec<&Table> =
        r.datasets.iter().filter(|(_, d)| d.region == "drechtsteden").flat_map(|(_, d)| &d.tables).collect();
    let jeugd = headline::pick(&tables, Theme::Jeugd, &["GM0642", "RG-DRECHTSTEDEN"], m).unwrap();
    assert!(jeugd.marked);
    assert_eq!(
        (jeugd.table.as_str(), jeugd.measure.as_str(), jeugd.area.as_str()),
        ("jeugd-jongeren-in-jeugdzorg", "jeugdhulp", "GM0642")
    );
    // Participatie used to show "0 tijdelijke loonkostensubsidie".
    let part = headline::pick(&tables, Theme::Participatie, &["GM0482", "RG-DRECHTSTEDEN"], m).unwrap();
    assert!(part.marked && part.measure == "huishoudens_bijstand", "{part:?}");
    let wmo = headline::pick(&tables, Theme::Wmo, &["GM0482", "RG-DRECHTSTEDEN"], m).unwrap();
    assert_eq!((wmo.area.as_str(), wmo.figure.display().as_str()), ("GM0482", "25 per 1.000"));
    assert_eq!(
        wmo.sentence.as_deref(),
        Some("In Alblasserdam hadden 25 per 1.000 inwoners hulp of een hulpmiddel uit de Wmo, zoals hulp in het huishouden of een scootmobiel.")
    );
    // Alblasserdam's samenloop figures were not published ("."): never "n.b." as a headline.
    let samenloop = headline::pick(&tables, Theme::Samenloop, &["GM0482", "RG-DRECHTSTEDEN"], m).unwrap();
    assert!(headline::usable(&samenloop.figure));
    assert!(!(samenloop.marked && samenloop.area == "GM0482"), "{samenloop:?}");
    assert!(samenloop.sentence.is_none() || samenloop.area != "GM0482");
}

#[test]
fn a_fallback_prefers_a_whole_figure_to_one_group_of_it() {
    let r = common::bundled();
    let m = r.manifest.as_ref().unwrap();
    for region in &m.regions {
        let tables: Vec<&Table> =
            r.datasets.iter().filter(|(_, d)| d.region == region.id).flat_map(|(_, d)| &d.tables).collect();
        for theme in Theme::ALL {
            let Some(k) = headline::pick(&tables, theme, &[region.area.as_str()], m) else { continue };
            // The marked figure is chosen in the data, group or not; this is about the fallback.
            let Some(category) = k.category.as_ref().filter(|_| !k.marked) else { continue };
            let table = tables.iter().find(|t| t.id == k.table).unwrap();
            let declared_total = table.totals.iter().any(|t| &t.total == category);
            // A group is shown only when no table of the theme has a whole figure to offer.
            let whole = tables.iter().filter(|t| t.theme == theme).any(|t| {
                t.measures.iter().any(|ms| {
                    let cats: Vec<Option<&str>> = if t.categories.is_empty() {
                        vec![None]
                    } else {
                        t.totals.iter().map(|x| Some(x.total.as_str())).collect()
                    };
                    cats.into_iter().any(|c| headline::figure_for(t, &ms.id, c, &k.area, m).is_some())
                })
            });
            assert!(declared_total || !whole, "{} {theme:?}: {} for {}", region.id, k.label, k.area_name);
        }
    }
    // Drechtsteden's own Participatiewet figure used to be "644 instroom – < 50%".
    let tables: Vec<&Table> =
        r.datasets.iter().filter(|(_, d)| d.region == "drechtsteden").flat_map(|(_, d)| &d.tables).collect();
    let part = headline::pick(&tables, Theme::Participatie, &["RG-DRECHTSTEDEN"], m).unwrap();
    assert!(!part.label.contains("< 50%"), "{part:?}");
}

fn problems_for(edit: impl Fn(&mut serde_json::Value)) -> Vec<String> {
    let files = common::read_folder(&common::root().join("public/data"));
    let files: Vec<(String, String)> = files
        .into_iter()
        .map(|(name, text)| {
            if name == "drechtsteden-jeugd.json" {
                let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
                edit(&mut v);
                (name, serde_json::to_string_pretty(&v).unwrap())
            } else {
                (name, text)
            }
        })
        .collect();
    report::check_folder(&files).problems.iter().map(|p| p.to_string()).collect()
}

#[test]
fn broken_headline_marks_are_reported_in_dutch() {
    let unknown = problems_for(|v| v["tables"][0]["headline"]["measure"] = "bestaat_niet".into());
    assert!(unknown.iter().any(|p| p.contains("onbekende maat \"bestaat_niet\"")), "{unknown:?}");
    let braces = problems_for(|v| v["tables"][0]["headline"]["sentence"] = "In {plaats} is het {waarde}.".into());
    assert!(braces.iter().any(|p| p.contains("alleen {waarde} en {gebied}")), "{braces:?}");
    let two = problems_for(|v| v["tables"][1]["headline"] = v["tables"][0]["headline"].clone());
    assert!(two.iter().any(|p| p.contains("heeft al een kerncijfer")), "{two:?}");
    // A measure whose every figure is geheim can never be a headline.
    let secret = problems_for(|v| {
        v["tables"][0]["headline"]["measure"] = "jeugdreclassering".into();
        for x in v["tables"][0]["values"].as_array_mut().unwrap() {
            if x["measure"] == "jeugdreclassering" {
                let o = x.as_object_mut().unwrap();
                o.remove("value");
                o.insert("status".into(), "geheim".into());
            }
        }
    });
    assert!(secret.iter().any(|p| p.contains("geen enkel cijfer dat geen 0, geheim of n.b. is")), "{secret:?}");
    let fine = problems_for(|_| {});
    assert!(fine.is_empty(), "{fine:?}");
}
