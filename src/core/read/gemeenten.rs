//! Reads `public/geo/gemeenten.json` (made by `scripts/make-gemeenten.mjs` from the CBS /
//! Kadaster boundaries) into [`Gemeenten`], with a Dutch message for what is wrong in it.

use crate::core::model::gemeenten::{Gemeente, Gemeenten, Province};
use serde_json::Value;

/// Read through `serde_json::Value` (already in the app), not a derived deserializer: the
/// residents' first view stays as small as it was.
fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or_default().to_owned()
}

fn year(v: &Value) -> u16 {
    v.as_u64().and_then(|y| u16::try_from(y).ok()).unwrap_or(0)
}

/// The gemeenten of every year, or what is wrong with the file, in Dutch.
pub fn gemeenten(text_in: &str) -> Result<Gemeenten, String> {
    let file: Value =
        serde_json::from_str(text_in).map_err(|e| format!("De lijst van gemeenten is niet leesbaar: {e}."))?;
    let list = |k: &str| file.get(k).and_then(Value::as_array).cloned().unwrap_or_default();
    let years = file.get("jaren").and_then(Value::as_array).map(|a| a.iter().map(year).collect::<Vec<_>>());
    let Some([from, to]) = years.as_deref().and_then(|y| <[u16; 2]>::try_from(y).ok()) else {
        return Err("De lijst van gemeenten noemt haar jaren niet.".to_owned());
    };
    let provinces: Vec<Province> =
        list("provincies").iter().map(|p| Province { code: text(p, "code"), name: text(p, "naam") }).collect();
    let mut gemeenten = Vec::new();
    for g in list("gemeenten") {
        let code = text(&g, "code");
        let names: Vec<(u16, String)> = g
            .get("namen")
            .and_then(Value::as_array)
            .map(|a| a.iter().map(|n| (year(&n[0]), n[1].as_str().unwrap_or_default().to_owned())).collect())
            .unwrap_or_default();
        let last = g.get("tot").map_or(0, year);
        let province = text(&g, "provincie");
        let part_of = g.get("deel_van").and_then(Value::as_str).map(str::to_owned);
        let Some(first) = names.first().map(|n| n.0) else {
            return Err(format!("Gemeente {code} heeft geen naam in de lijst van gemeenten."));
        };
        if first == 0 || first > last || !names.windows(2).all(|w| w[0].0 < w[1].0) {
            return Err(format!("Gemeente {code} heeft onmogelijke jaren in de lijst van gemeenten."));
        }
        if !provinces.iter().any(|p| p.code == province) {
            return Err(format!("Gemeente {code} ligt in een onbekende provincie ({province})."));
        }
        if last < to && part_of.is_none() {
            return Err(format!(
                "Gemeente {code} bestaat na {last} niet meer, maar de lijst zegt niet waarin zij opging."
            ));
        }
        let point = [g["punt"][0].as_f64().unwrap_or(0.0), g["punt"][1].as_f64().unwrap_or(0.0)];
        let also = g
            .get("ook")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
            .unwrap_or_default();
        gemeenten.push(Gemeente { code, names, last, province, point, part_of, also });
    }
    gemeenten.sort_by(|a, b| a.code.cmp(&b.code));
    if let Some(w) = gemeenten.windows(2).find(|w| w[0].code == w[1].code) {
        return Err(format!("Gemeente {} staat twee keer in de lijst van gemeenten.", w[0].code));
    }
    Ok(Gemeenten { years: (from, to), provinces, gemeenten })
}
