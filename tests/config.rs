//! `config.json` of a hosting council: the shipped one is valid; mistakes are reported, never
//! dropped silently; colours are checked for contrast.

use monitor_sociaal_domein::core::check::strict;
use monitor_sociaal_domein::core::model::problem::Problems;
use monitor_sociaal_domein::core::read::config::*;

#[test]
fn the_shipped_config_is_valid() {
    let m = strict::manifest_file("manifest.json", include_str!("../public/data/manifest.json")).unwrap();
    let mut p = Problems::new("config.json");
    let c = parse(include_str!("../public/config.json"), &m, &mut p);
    assert!(p.list.is_empty(), "{:?}", p.list);
    assert_eq!(c.default_region.as_deref(), Some("drechtsteden"));
}

fn parse_with(text: &str) -> (Config, Vec<String>) {
    let m = strict::manifest_file("manifest.json", include_str!("../public/data/manifest.json")).unwrap();
    let mut p = Problems::new("config.json");
    let c = parse(text, &m, &mut p);
    (c, p.list.iter().map(|x| x.to_string()).collect())
}

#[test]
fn a_website_without_https_is_accepted_or_reported_never_dropped_silently() {
    let site = |s: &str| parse_with(&format!(r#"{{ "contact": {{ "website": "{s}" }} }}"#));
    let (c, p) = site("www.voorbeeldstad.nl");
    assert_eq!(c.contact.website.as_deref(), Some("https://www.voorbeeldstad.nl"));
    assert!(p.is_empty(), "{p:?}");
    let (c, p) = site("http://www.voorbeeldstad.nl/contact");
    assert_eq!(c.contact.website.as_deref(), Some("https://www.voorbeeldstad.nl/contact"));
    assert_eq!(p, ["config.json, bij contact.website: \"http://www.voorbeeldstad.nl/contact\" begint met http://; de monitor gebruikt het veilige https://www.voorbeeldstad.nl/contact"]);
    let (c, p) = site("javascript:alert(1)");
    assert_eq!(c.contact.website, None);
    assert_eq!(p.len(), 1);
    assert!(p[0].contains("geen geldig webadres"));
    let (c, p) = site("https://www.voorbeeldstad.nl");
    assert_eq!(c.contact.website.as_deref(), Some("https://www.voorbeeldstad.nl"));
    assert!(p.is_empty());
}

#[test]
fn the_contrast_message_keeps_field_names_and_wcag_version() {
    let (c, p) = parse_with(r##"{ "kleuren": { "primair": "#ffff00" } }"##);
    assert_eq!(c.colours, Config::default().colours);
    assert_eq!(p, ["config.json, bij kleuren: het contrast van de tekst op de primaire kleur (kleuren.primairTekst op kleuren.primair) is 1,1:1; de wet (WCAG 2.1 AA) vraagt minstens 4,5:1, dus de standaardkleuren worden gebruikt"]);
}

#[test]
fn intro_and_themes_come_from_the_config() {
    let (c, p) = parse_with(
        r#"{ "inleiding": "Cijfers uit onze eigen registratie.", "themas": ["wmo", "jeugd", "wmo", "zorg"] }"#,
    );
    assert_eq!(c.intro.as_deref(), Some("Cijfers uit onze eigen registratie."));
    assert_eq!(
        c.themes,
        [monitor_sociaal_domein::core::model::Theme::Wmo, monitor_sociaal_domein::core::model::Theme::Jeugd]
    );
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(p[1].contains("onbekend thema \"zorg\""));
}

#[test]
fn contrast_of_known_pairs() {
    assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 0.01);
    assert!(contrast(parse_hex("#01689b").unwrap(), (255, 255, 255)) > 4.5);
    assert_eq!(parse_hex("#abc"), Some((0xaa, 0xbb, 0xcc)));
    assert_eq!(parse_hex("red; background: url(x)"), None);
    assert_eq!(parse_hex("#ééé"), None);
}
