//! A DCAT-AP-DONL catalogue (JSON-LD) of a monitor's datasets, so a council can register its
//! data on the national open-data portal (data.overheid.nl). Pure: built from the manifest and
//! the checked dataset files; `msd-check --dcat` writes it to `public/data/catalogus.jsonld`.
//!
//! URLs are relative to the catalogue file unless a base address is given (the portal needs
//! absolute ones; a council passes the address where it hosts the monitor).

use crate::core::model::*;
use serde_json::{json, Value as J};

/// The transcription's licence; the sources keep their own rights and are credited per dataset.
pub const LICENCE: &str = "http://creativecommons.org/licenses/by/4.0/";

/// Who publishes the monitor (a council hosting it puts its own name here).
#[derive(Debug, Clone)]
pub struct Publisher {
    pub name: String,
    /// Contact e-mail address, if any.
    pub email: Option<String>,
}

fn nl(text: &str) -> J {
    json!({ "@value": text, "@language": "nl" })
}

/// The OWMS theme (DONL taxonomy) of a monitor theme.
fn owms_theme(t: Theme) -> &'static str {
    match t {
        Theme::Participatie => "http://standaarden.overheid.nl/owms/terms/Sociale_zekerheid",
        Theme::Jeugd => "http://standaarden.overheid.nl/owms/terms/Jeugd",
        Theme::Wmo => "http://standaarden.overheid.nl/owms/terms/Zorg_en_gezondheid",
        Theme::Samenloop => "http://standaarden.overheid.nl/owms/terms/Sociale_zekerheid",
    }
}

/// First and last day a period id covers (`2016`, `2016-H1`, `2016-Q3`, `2016-12-31`,
/// `2015-2018`); `None` for `structureel` and other open periods.
pub fn period_dates(id: &str) -> Option<(String, String)> {
    let year = |s: &str| s.parse::<u32>().ok().filter(|y| (1900..=2100).contains(y));
    if let Some(y) = year(id) {
        return Some((format!("{y}-01-01"), format!("{y}-12-31")));
    }
    let (a, b) = id.split_once('-')?;
    let y = year(a)?;
    match b {
        "H1" => Some((format!("{y}-01-01"), format!("{y}-06-30"))),
        "H2" => Some((format!("{y}-07-01"), format!("{y}-12-31"))),
        "Q1" => Some((format!("{y}-01-01"), format!("{y}-03-31"))),
        "Q2" => Some((format!("{y}-04-01"), format!("{y}-06-30"))),
        "Q3" => Some((format!("{y}-07-01"), format!("{y}-09-30"))),
        "Q4" => Some((format!("{y}-10-01"), format!("{y}-12-31"))),
        _ => {
            if let Some(z) = year(b) {
                return Some((format!("{y}-01-01"), format!("{z}-12-31")));
            }
            // A reference date or month: 2016-12-31, 2016-12.
            let parts: Vec<&str> = id.split('-').collect();
            match parts.as_slice() {
                [_, m, d] if m.len() == 2 && d.len() == 2 => Some((id.to_owned(), id.to_owned())),
                [_, m] if m.len() == 2 => Some((format!("{id}-01"), format!("{id}-28"))),
                _ => None,
            }
        }
    }
}

/// The catalogue. `base`: absolute address of the monitor's folder (ending in `/`), or empty
/// for addresses relative to `data/catalogus.jsonld`.
pub fn catalogue(manifest: &Manifest, datasets: &[(String, Dataset)], publisher: &Publisher, base: &str) -> J {
    let agent = json!({ "@type": "foaf:Agent", "foaf:name": publisher.name });
    let mut contact = json!({ "@type": "vcard:Organization", "vcard:fn": publisher.name });
    if let Some(mail) = &publisher.email {
        contact["vcard:hasEmail"] = json!({ "@id": format!("mailto:{mail}") });
    }
    let list: Vec<J> = datasets.iter().map(|(file, ds)| dataset(manifest, file, ds, base, &agent, &contact)).collect();
    json!({
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
            "skos": "http://www.w3.org/2004/02/skos/core#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": if base.is_empty() { "catalogus.jsonld".to_owned() } else { format!("{base}data/catalogus.jsonld") },
        "@type": "dcat:Catalog",
        "dct:title": nl(&publisher.name),
        "dct:description": nl("Cijfers over het sociaal domein (Jeugdhulp, Participatiewet, Wmo, samenloop), overgenomen uit openbare rapporten van gemeenten en onderzoeksbureaus, met de bron bij elk cijfer."),
        "dct:publisher": agent,
        "dct:license": { "@id": LICENCE },
        "dct:language": { "@id": "http://publications.europa.eu/resource/authority/language/NLD" },
        "dcat:dataset": list,
    })
}

/// The address of a data file: relative to the catalogue, or below `base`.
fn data_url(base: &str, file: &str) -> String {
    if base.is_empty() {
        file.to_owned()
    } else {
        format!("{base}data/{file}")
    }
}

/// The address of a page of the monitor (`query`: `?pagina=…`): relative to the catalogue, or
/// below `base`.
fn page_url(base: &str, query: &str) -> String {
    if base.is_empty() {
        format!("../{query}")
    } else {
        format!("{base}{query}")
    }
}

/// The DCAT entry of one dataset file: what it covers (themes, areas, periods), where its
/// figures come from, and its downloads. Apart from [`catalogue`], which lists one per file.
fn dataset(manifest: &Manifest, file: &str, ds: &Dataset, base: &str, agent: &J, contact: &J) -> J {
    let region = manifest.regions.iter().find(|r| r.id == ds.region);
    let region_name = region.map_or(ds.region.clone(), |r| r.name.clone());
    let mut themes: Vec<Theme> = ds.tables.iter().map(|t| t.theme).collect();
    themes.push(ds.theme);
    themes.dedup();
    let mut seeds: Vec<&str> = ds.tables.iter().map(|t| t.source.seed.as_str()).collect();
    seeds.extend(ds.narrative.statements.iter().map(|s| s.place.seed.as_str()));
    seeds.sort();
    seeds.dedup();
    let (sources, credit) = sources(manifest, &seeds);
    let mut dates: Vec<(String, String)> =
        ds.tables.iter().flat_map(|t| t.periods.iter()).filter_map(|p| period_dates(&p.id)).collect();
    dates.extend(ds.narrative.statements.iter().filter_map(|s| period_dates(&s.period.id)));
    let start = dates.iter().map(|d| d.0.clone()).min();
    let end = dates.iter().map(|d| d.1.clone()).max();
    let mut areas: Vec<&str> = ds.tables.iter().flat_map(|t| t.values.iter().map(|v| v.key.area.as_str())).collect();
    areas.sort();
    areas.dedup();
    let spatial = spatial(manifest, &areas);
    let titles: Vec<String> = ds.tables.iter().map(|t| t.title.clone()).collect();
    let theme_names: Vec<String> = themes.iter().map(|t| t.name().to_owned()).collect();
    let description = format!(
        "{} cijfers over {} in {}: {} tabellen ({}) en {} cijfers uit de lopende tekst, elk met een letterlijk citaat. \
         Overgenomen zoals gepubliceerd; percentages en totalen worden door de monitor uit de aantallen herberekend.",
        crate::core::text::format::join_nl(&theme_names),
        crate::core::text::format::join_nl(&theme_names).to_lowercase(),
        region_name,
        ds.tables.len(),
        titles.join("; "),
        ds.narrative.statements.len()
    );
    let distributions = distributions(ds, file, base);
    let mut d = json!({
        "@id": data_url(base, file),
        "@type": "dcat:Dataset",
        "dct:identifier": file,
        "dct:title": nl(&format!("{} – {region_name}", crate::core::text::format::join_nl(&theme_names))),
        "dct:description": nl(&description),
        "dct:publisher": agent,
        "dcat:contactPoint": contact,
        "dct:license": { "@id": LICENCE },
        "dct:accessRights": { "@id": "http://publications.europa.eu/resource/authority/access-right/PUBLIC" },
        "dct:language": { "@id": "http://publications.europa.eu/resource/authority/language/NLD" },
        "dcat:theme": themes.iter().map(|t| json!({ "@id": owms_theme(*t) })).collect::<Vec<_>>(),
        "dcat:keyword": theme_names.iter().map(|n| nl(n)).chain([nl("sociaal domein"), nl(&region_name)]).collect::<Vec<_>>(),
        "dct:source": sources,
        "dct:rights": nl(&format!(
            "Transcriptie onder CC BY 4.0. De cijfers komen uit: {}. Vermeld bij hergebruik de oorspronkelijke bron.",
            credit.join("; ")
        )),
        "dct:spatial": spatial,
        "dcat:distribution": distributions,
    });
    if let (Some(s), Some(e)) = (start, end) {
        d["dct:temporal"] = json!({
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": { "@value": s, "@type": "xsd:date" },
            "dcat:endDate": { "@value": e, "@type": "xsd:date" },
        });
    }
    d
}

/// The source documents of a dataset (its `seeds`), as DCAT resources and as the credit line
/// of its rights statement.
fn sources(manifest: &Manifest, seeds: &[&str]) -> (Vec<J>, Vec<String>) {
    let sources: Vec<J> = seeds
        .iter()
        .filter_map(|id| manifest.seed(id))
        .map(|s| {
            json!({
                "@type": "dct:BibliographicResource",
                "dct:title": nl(&s.title),
                "dct:publisher": { "@type": "foaf:Agent", "foaf:name": s.publisher },
                "dct:issued": { "@value": s.year.to_string(), "@type": "xsd:gYear" },
            })
        })
        .collect();
    let credit: Vec<String> = seeds
        .iter()
        .filter_map(|id| manifest.seed(id))
        .map(|s| format!("{} ({}, {})", s.title, s.publisher, s.year))
        .collect();
    (sources, credit)
}

/// The areas a dataset covers, as OWMS terms where the national taxonomy has one.
fn spatial(manifest: &Manifest, areas: &[&str]) -> Vec<J> {
    areas
        .iter()
        .filter_map(|code| manifest.area(code))
        .map(|a| match a.kind {
            AreaKind::Gemeente => json!({
                "@id": format!("http://standaarden.overheid.nl/owms/terms/{}_(gemeente)", a.name.replace(' ', "_")),
                "dct:identifier": a.code,
                "skos:prefLabel": a.name,
            }),
            AreaKind::Land => {
                json!({ "@id": "http://standaarden.overheid.nl/owms/terms/Nederland", "skos:prefLabel": a.name })
            }
            AreaKind::Regio | AreaKind::Wijk | AreaKind::Buurt => {
                json!({ "@type": "dct:Location", "dct:identifier": a.code, "skos:prefLabel": a.name })
            }
        })
        .collect()
}

/// The downloads of a dataset: its JSON file, and the CSV of every table on its indicator page.
fn distributions(ds: &Dataset, file: &str, base: &str) -> Vec<J> {
    let mut distributions = vec![json!({
        "@id": format!("{}#json", data_url(base, file)),
        "@type": "dcat:Distribution",
        "dct:title": nl(&format!("{file} (JSON, formaat msd-data 1)")),
        "dcat:accessURL": { "@id": data_url(base, file) },
        "dcat:downloadURL": { "@id": data_url(base, file) },
        "dct:format": { "@id": "http://publications.europa.eu/resource/authority/file-type/JSON" },
        "dcat:mediaType": "application/json",
        "dct:license": { "@id": LICENCE },
    })];
    for t in &ds.tables {
        let page = page_url(base, &format!("?pagina=indicator&indicator={}", t.id));
        distributions.push(json!({
            "@id": format!("{page}#csv"),
            "@type": "dcat:Distribution",
            "dct:title": nl(&format!("{} (CSV)", t.title)),
            "dct:description": nl("CSV-download (Nederlandse Excel-notatie) op de indicatorpagina, met de status van elke waarde in woorden."),
            "dcat:accessURL": { "@id": page },
            "dct:format": { "@id": "http://publications.europa.eu/resource/authority/file-type/CSV" },
            "dcat:mediaType": "text/csv",
            "dct:license": { "@id": LICENCE },
        }));
    }
    distributions
}

/// The catalogue as the text written to `public/data/catalogus.jsonld`.
pub fn catalogue_text(
    manifest: &Manifest,
    datasets: &[(String, Dataset)],
    publisher: &Publisher,
    base: &str,
) -> String {
    let mut s = serde_json::to_string_pretty(&catalogue(manifest, datasets, publisher, base)).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_become_dates() {
        assert_eq!(period_dates("2016-H1"), Some(("2016-01-01".into(), "2016-06-30".into())));
        assert_eq!(period_dates("2015-2018"), Some(("2015-01-01".into(), "2018-12-31".into())));
        assert_eq!(period_dates("2016-12-31"), Some(("2016-12-31".into(), "2016-12-31".into())));
        assert_eq!(period_dates("structureel"), None);
    }
}
