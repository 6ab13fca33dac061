//! Names of places as readers type them (issues 25 and 27): case, accents and punctuation
//! ignored ("sudwest fryslan"), the names people use that CBS does not ("Den Bosch", "Den
//! Haag"), and the CBS code ("GM0796", "0796"). One definition for the gemeente chooser and the
//! search page, so both find 's-Hertogenbosch by the same words.

use super::words::fold;

/// Other names readers use for a gemeente, as `(what they type, the CBS name)`, both
/// [`normal`]ised. Only names that are no gemeente of their own.
pub const ALSO_CALLED: &[(&str, &str)] = &[
    ("den bosch", "s hertogenbosch"),
    ("hertogenbosch", "s hertogenbosch"),
    ("den haag", "s gravenhage"),
    ("the hague", "s gravenhage"),
    ("gravenhage", "s gravenhage"),
];

/// A name as it is compared: folded, every run of other characters one space
/// ("'s-Hertogenbosch" → "s hertogenbosch", "Súdwest-Fryslân" → "sudwest fryslan").
pub fn normal(s: &str) -> String {
    fold(s).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// The CBS gemeente code a reader typed ("GM0796", "gm796", "0796"), or `None`.
pub fn gemeente_code(typed: &str) -> Option<String> {
    let upper = typed.trim().to_uppercase();
    let digits = upper.strip_prefix("GM").unwrap_or(&upper);
    (!digits.is_empty() && digits.len() <= 4 && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| format!("GM{digits:0>4}"))
}

/// The ways a reader may write each name in `names` inside a longer text, as word lists: the
/// name itself, the [`ALSO_CALLED`] names for it, and a word of six letters or more that no
/// other name holds ("sudwest" for Súdwest-Fryslân, "hendrik" for Hendrik-Ido-Ambacht), so a
/// search "bijstand súdwest" still names its gemeente. Indexed like `names`.
pub fn written_forms(names: &[&str]) -> Vec<Vec<Vec<String>>> {
    let normals: Vec<Vec<String>> =
        names.iter().map(|n| normal(n).split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect()).collect();
    let holders = |word: &str| normals.iter().filter(|n| n.iter().any(|w| w == word)).count();
    normals
        .iter()
        .map(|words| {
            let joined = words.join(" ");
            let mut forms = vec![words.clone()];
            for (alias, name) in ALSO_CALLED {
                if *name == joined {
                    forms.push(alias.split(' ').map(str::to_owned).collect());
                }
            }
            if words.len() > 1 {
                for w in words.iter().filter(|w| w.chars().count() >= 6 && holders(w) == 1) {
                    if !forms.iter().any(|f| f.len() == 1 && f[0] == *w) {
                        forms.push(vec![w.clone()]);
                    }
                }
            }
            forms
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_forms() {
        assert_eq!(gemeente_code(" gm796 ").as_deref(), Some("GM0796"));
        assert_eq!(gemeente_code("0014").as_deref(), Some("GM0014"));
        assert_eq!(gemeente_code("Groningen"), None);
        assert_eq!(gemeente_code("GM12345"), None);
        let forms = written_forms(&["'s-Hertogenbosch", "Súdwest-Fryslân", "Noardeast-Fryslân", "Utrecht"]);
        let flat = |i: usize| forms[i].iter().map(|f| f.join(" ")).collect::<Vec<_>>();
        assert_eq!(flat(0), ["s hertogenbosch", "den bosch", "hertogenbosch"]);
        assert_eq!(flat(1), ["sudwest fryslan", "sudwest"], "fryslan is in two names, so it names neither");
        assert_eq!(flat(3), ["utrecht"]);
    }
}
