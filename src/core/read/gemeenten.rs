//! Reads `public/geo/gemeenten.json` (made by `scripts/make-gemeenten.mjs` from the CBS /
//! Kadaster boundaries) into [`Gemeenten`], with a Dutch message for what is wrong in it.

use crate::core::model::gemeenten::{Gemeente, Gemeenten, Province};
use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    jaren: (u16, u16),
    provincies: Vec<ProvinceIn>,
    gemeenten: Vec<GemeenteIn>,
}

#[derive(Deserialize)]
struct ProvinceIn {
    code: String,
    naam: String,
}

#[derive(Deserialize)]
struct GemeenteIn {
    code: String,
    namen: Vec<(u16, String)>,
    tot: u16,
    provincie: String,
    punt: [f64; 2],
    #[serde(default)]
    deel_van: Option<String>,
    #[serde(default)]
    ook: Vec<String>,
}

/// The gemeenten of every year, or what is wrong with the file, in Dutch.
pub fn gemeenten(text: &str) -> Result<Gemeenten, String> {
    let file: File =
        serde_json::from_str(text).map_err(|e| format!("De lijst van gemeenten is niet leesbaar: {e}."))?;
    let provinces: Vec<Province> =
        file.provincies.into_iter().map(|p| Province { code: p.code, name: p.naam }).collect();
    let mut gemeenten = Vec::with_capacity(file.gemeenten.len());
    for g in file.gemeenten {
        let Some(first) = g.namen.first().map(|n| n.0) else {
            return Err(format!("Gemeente {} heeft geen naam in de lijst van gemeenten.", g.code));
        };
        if first > g.tot || !g.namen.windows(2).all(|w| w[0].0 < w[1].0) {
            return Err(format!("Gemeente {} heeft onmogelijke jaren in de lijst van gemeenten.", g.code));
        }
        if !provinces.iter().any(|p| p.code == g.provincie) {
            return Err(format!("Gemeente {} ligt in een onbekende provincie ({}).", g.code, g.provincie));
        }
        if g.tot < file.jaren.1 && g.deel_van.is_none() {
            return Err(format!(
                "Gemeente {} bestaat na {} niet meer, maar de lijst zegt niet waarin zij opging.",
                g.code, g.tot
            ));
        }
        gemeenten.push(Gemeente {
            code: g.code,
            names: g.namen,
            last: g.tot,
            province: g.provincie,
            point: g.punt,
            part_of: g.deel_van,
            also: g.ook,
        });
    }
    gemeenten.sort_by(|a, b| a.code.cmp(&b.code));
    if let Some(w) = gemeenten.windows(2).find(|w| w[0].code == w[1].code) {
        return Err(format!("Gemeente {} staat twee keer in de lijst van gemeenten.", w[0].code));
    }
    Ok(Gemeenten { years: file.jaren, provinces, gemeenten })
}
