//! The rules of a table's `headline` mark (its key figure): the measure and category exist, the
//! sentence is short and uses only the known placeholders, the measure has a usable figure, one
//! key figure per theme. Choosing the key figure a page shows is `present::headline`.

use crate::core::calc::engine::{self, Figure};
use crate::core::model::problem::{JsonPath, Problems};
use crate::core::model::*;
use crate::core::text::format;

/// The placeholders a headline sentence may use.
pub const PLACEHOLDERS: [&str; 2] = ["{waarde}", "{gebied}"];

/// A figure worth putting in a headline: a number that does not round to 0.
pub fn usable(f: &Figure) -> bool {
    f.number().is_some_and(|v| v.is_finite() && format::round(v, f.decimals) != 0.0)
}

/// Checks one table's `headline` (called by `validate`): the measure and category exist, the
/// sentence is there, short and uses only the known placeholders, and the measure has at least
/// one usable figure.
pub fn check(t: &Table, path: &JsonPath, p: &mut Problems) {
    let Some(h) = &t.headline else { return };
    let hp = path.key("headline");
    let Some(m) = t.measure(&h.measure) else {
        p.add(&hp.key("measure"), format!("onbekende maat \"{}\"; kies een maat uit measures", h.measure));
        return;
    };
    match (&h.category, t.categories.is_empty()) {
        (Some(c), _) if !t.categories.iter().any(|x| x.id == *c) => {
            p.add(&hp.key("category"), format!("onbekende categorie \"{c}\"; kies een categorie uit categories"));
        }
        (None, false) => p.add(&hp.key("category"), "deze tabel heeft categorieën: kies er een met \"category\""),
        _ => {}
    }
    let sentence = h.sentence.trim();
    if sentence.is_empty() {
        p.add(&hp.key("sentence"), "schrijf in één eenvoudige zin wat het cijfer betekent");
    } else if sentence.chars().count() > 240 {
        p.add(&hp.key("sentence"), "de zin is te lang; houd het bij één korte zin (hoogstens 240 tekens)");
    }
    let mut rest = sentence.to_owned();
    for ph in PLACEHOLDERS {
        rest = rest.replace(ph, "");
    }
    if rest.contains('{') || rest.contains('}') {
        p.add(&hp.key("sentence"), "alleen {waarde} en {gebied} mogen tussen accolades staan");
    }
    let any_usable = t.areas().iter().any(|a| {
        t.periods.iter().any(|per| {
            let key =
                Key { measure: m.id.clone(), area: a.clone(), period: per.id.clone(), category: h.category.clone() };
            usable(&engine::cell(t, &key))
        })
    });
    if !any_usable {
        p.add(
            &hp.key("measure"),
            format!(
                "maat \"{}\" heeft geen enkel cijfer dat geen 0, geheim of n.b. is; kies een ander kerncijfer",
                m.id
            ),
        );
    }
}

/// At most one headline per theme in a file (called by `validate`).
pub fn check_dataset(ds: &Dataset, p: &mut Problems) {
    for theme in Theme::ALL {
        let marked: Vec<usize> = ds
            .tables
            .iter()
            .enumerate()
            .filter(|(_, t)| t.theme == theme && t.headline.is_some())
            .map(|(i, _)| i)
            .collect();
        for i in marked.iter().skip(1) {
            p.add(
                &JsonPath::root().key("tables").index(*i).key("headline"),
                format!(
                    "het thema {} heeft al een kerncijfer in tables[{}]; markeer één kerncijfer per thema",
                    theme.name(),
                    marked[0]
                ),
            );
        }
    }
}
