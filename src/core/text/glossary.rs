//! The glossary at work (issue 23): finding a term of `begrippen` in a page's words, so the page
//! explains it where it first appears, and finding the abbreviations and codes a page's words
//! hold, so a test can hold every one of them to an explanation.

use crate::core::model::glossary::Begrip;
use crate::core::model::Dataset;

/// A term explained on a page: the term as the glossary writes it, and its explanation.
#[derive(Debug, Clone, PartialEq)]
pub struct Explained {
    pub term: String,
    pub uitleg: String,
}

/// The summary line of one place's disclosure: "Wat betekent KTV?", or for several terms one
/// line, "Wat betekenen ZHZ, lasten en begroting?", so a card gets one line, not four.
pub fn question(terms: &[Explained]) -> String {
    let names: Vec<&str> = terms.iter().map(|t| t.term.as_str()).collect();
    match names.split_last() {
        None => String::new(),
        Some((only, [])) => format!("Wat betekent {only}?"),
        Some((last, rest)) => format!("Wat betekenen {} en {last}?", rest.join(", ")),
    }
}

/// The glossary of the files a page shows, each term once (the first file's entry wins: a
/// region's files are written together, so they explain a term alike).
#[derive(Debug, Clone, Default)]
pub struct Glossary<'a> {
    entries: Vec<&'a Begrip>,
}

impl<'a> Glossary<'a> {
    pub fn of<D: AsRef<Dataset>>(sets: &'a [D]) -> Glossary<'a> {
        let mut entries: Vec<&Begrip> = Vec::new();
        for b in sets.iter().flat_map(|d| &d.as_ref().begrippen) {
            if !entries.iter().any(|e| e.term.to_lowercase() == b.term.to_lowercase()) {
                entries.push(b);
            }
        }
        Glossary { entries }
    }

    pub fn entries(&self) -> &[&'a Begrip] {
        &self.entries
    }

    /// The terms `text` holds, in the order they first occur in it.
    pub fn found_in(&self, text: &str) -> Vec<&'a Begrip> {
        let lower = text.to_lowercase();
        let mut hits: Vec<(usize, &Begrip)> = self
            .entries
            .iter()
            .filter_map(|b| b.forms().filter_map(|f| position_in(text, &lower, f)).min().map(|at| (at, *b)))
            .collect();
        hits.sort_by_key(|(at, _)| *at);
        hits.into_iter().map(|(_, b)| b).collect()
    }

    /// For a page's texts in reading order (one slice of texts per place that can carry an
    /// explanation, such as a card), the terms each place is the first to mention: a term is
    /// explained once per page, where a reader meets it first.
    pub fn first_mentions(&self, places: &[Vec<&str>]) -> Vec<Vec<Explained>> {
        let mut seen: Vec<&str> = Vec::new();
        places
            .iter()
            .map(|texts| {
                let mut here = Vec::new();
                for text in texts {
                    for b in self.found_in(text) {
                        if !seen.contains(&b.term.as_str()) {
                            seen.push(&b.term);
                            here.push(Explained { term: b.term.clone(), uitleg: b.uitleg.clone() });
                        }
                    }
                }
                here
            })
            .collect()
    }

    /// Whether an abbreviation or code found by [`abbreviations`] has an entry: one of the
    /// entry's forms is the token or the token's part before a hyphen ("MU" of "MU-A").
    pub fn explains(&self, token: &str) -> bool {
        self.entries.iter().any(|b| explains(b, token))
    }

    /// The reader's words (`zoekwoorden`) of every term `text` holds: added to a table's search
    /// text, so "kosten" finds the tables that say "lasten".
    pub fn search_words(&self, text: &str) -> Vec<&'a str> {
        self.found_in(text).into_iter().flat_map(|b| b.zoekwoorden.iter().map(String::as_str)).collect()
    }
}

/// Whether one entry explains an abbreviation or code (see [`Glossary::explains`]).
pub fn explains(b: &Begrip, token: &str) -> bool {
    b.forms().any(|f| f == token || position(token, f) == Some(0))
}

/// Where `form` occurs in `text` as a word of its own, or, for a plain word of five letters or
/// more, at the start of a compound ("bijstand" in "bijstandsuitkering"). An abbreviation (two
/// capitals or more, or one capital on its own) matches only in its own capitals and as a whole word, so "WW" is never
/// found in "Wwerk" and "KTV" never in "ktv-achtig" lower case.
fn position(text: &str, form: &str) -> Option<usize> {
    position_in(text, &text.to_lowercase(), form)
}

/// [`position`] with the text's lower case made once by the caller, who looks up many forms.
fn position_in(text: &str, lower: &str, form: &str) -> Option<usize> {
    if form.is_empty() {
        return None;
    }
    let capitals = form.chars().filter(|c| c.is_uppercase()).count();
    let is_abbreviation = capitals >= 2 || (capitals == 1 && form.chars().count() == 1);
    let (hay, needle) = if is_abbreviation { (text, form.to_owned()) } else { (lower, form.to_lowercase()) };
    let compound_ok = !is_abbreviation && needle.chars().count() >= 5;
    let mut from = 0;
    while let Some(i) = hay.get(from..).and_then(|h| h.find(&needle)).map(|i| i + from) {
        let before_ok = hay[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let end = i + needle.len();
        let after_ok = compound_ok || hay[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before_ok && after_ok {
            return Some(i);
        }
        from = i + needle.len().max(1);
    }
    None
}

/// The abbreviations and codes in a reader's text, which a reader cannot be expected to know:
/// a part (between spaces, hyphens or slashes) with two capitals or more ("KTV", "MU" of "MU-A",
/// "B.V."), a lone capital ("N"), letters and digits run together ("GM0642", "WSW⁵"; not an
/// ordinal such as "1e" or "2e"), a footnote star ("werk*") or a bound before a number
/// ("<50%"). Names such as "Hendrik-Ido-Ambacht" have one capital per part and pass.
pub fn abbreviations(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in text.split_whitespace() {
        let word = word.trim_matches(|c: char| "()[]{},;:\"'“”‘’!?".contains(c));
        let word = word.strip_suffix('.').filter(|w| w.matches('.').count() == 0).unwrap_or(word);
        if word.is_empty() {
            continue;
        }
        let starred = word.ends_with('*');
        let bound = (word.starts_with('<') || word.starts_with('>'))
            && word[1..].chars().next().is_some_and(|c| c.is_ascii_digit());
        let coded = word.split(['-', '/', '–']).any(|part| {
            let part = part.trim_end_matches('*');
            let capitals = part.chars().filter(|c| c.is_uppercase()).count();
            let letters = part.chars().filter(|c| c.is_alphabetic()).count();
            let digits = part.chars().filter(|c| c.is_numeric()).count();
            let ordinal = digits > 0 && letters == 1 && (part.ends_with('e') || part.ends_with("ste"));
            capitals >= 2
                || (letters == 1 && capitals == 1 && part.chars().count() == 1)
                || (letters > 0 && digits > 0 && !ordinal)
        });
        if starred || bound || coded {
            out.push(word.to_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn begrip(term: &str, ook: &[&str]) -> Begrip {
        Begrip {
            term: term.into(),
            uitleg: format!("uitleg van {term}"),
            ook: ook.iter().map(|s| s.to_string()).collect(),
            zoekwoorden: vec!["kosten".into()],
        }
    }

    #[test]
    fn terms_are_found_as_words_and_at_the_start_of_compounds() {
        assert_eq!(position("Tevredenheid (KTV)", "KTV"), Some(14));
        assert_eq!(position("ktv", "KTV"), None);
        assert_eq!(position("huishoudens met een bijstandsuitkering", "bijstand"), Some(20));
        assert_eq!(position("Wmo-indicaties", "Wmo"), Some(0));
        assert_eq!(position("werkloosheid", "WW"), None);
        assert_eq!(position("Lasten", "lasten"), Some(0));
    }

    #[test]
    fn a_term_is_explained_once_where_it_first_appears() {
        let b = [begrip("KTV", &[]), begrip("lasten", &[])];
        let g = Glossary { entries: b.iter().collect() };
        let places = vec![vec!["Tevredenheid"], vec!["KTV Aanvraag", "lasten"], vec!["KTV"]];
        let out = g.first_mentions(&places);
        assert!(out[0].is_empty());
        assert_eq!(out[1].iter().map(|e| e.term.as_str()).collect::<Vec<_>>(), ["KTV", "lasten"]);
        assert!(out[2].is_empty());
        assert_eq!(question(&out[1]), "Wat betekenen KTV en lasten?");
        assert_eq!(question(&out[1][..1]), "Wat betekent KTV?");
        assert_eq!(g.search_words("de lasten"), ["kosten"]);
    }

    #[test]
    fn abbreviations_and_codes_are_found_names_and_ordinals_pass() {
        assert_eq!(abbreviations("KTV Aanvraag WMO Voorziening"), ["KTV", "WMO"]);
        assert_eq!(abbreviations("MU-A en <50% en werk* en N"), ["MU-A", "<50%", "werk*", "N"]);
        assert_eq!(abbreviations("Huidige WSW⁵ (GM0642)"), ["WSW⁵", "GM0642"]);
        assert!(abbreviations("Hendrik-Ido-Ambacht, 1e halfjaar 2016, per 1.000 inwoners").is_empty());
        assert_eq!(abbreviations("Opleiding CIVAS B.V."), ["CIVAS", "B.V."]);
        let b = [begrip("MU", &["Matchingsunit"])];
        let g = Glossary { entries: b.iter().collect() };
        assert!(g.explains("MU-A") && g.explains("MU") && !g.explains("KTV"));
    }
}
