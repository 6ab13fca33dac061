//! Finding figures across tables: search, a gemeente's profile and key figures. Pure functions
//! over loaded datasets, so the pages stay thin and this logic is tested natively.

use crate::core::calc::engine::{self, Figure};
use crate::core::model::*;

use crate::core::text::forgiving;
use crate::core::text::glossary::Glossary;
use crate::core::text::place_names::{gemeente_code, normal, written_forms};
use crate::core::text::words::fold;

/// Tables whose title, measures, categories, note or theme mention every word of `query`, in
/// the reader's words or the report's, or a reader's word the glossary gives a term they hold.
pub fn search_tables<'a>(tables: impl Iterator<Item = &'a Table>, glossary: &Glossary, query: &str) -> Vec<&'a Table> {
    let words: Vec<String> = fold(query).split_whitespace().map(str::to_owned).collect();
    search_words(tables, glossary, &words)
}

/// A search query read as a reader means it: a gemeente's name ("Zwijndrecht",
/// "Hendrik-Ido-Ambacht", "aa en hunze") plus the subject ("jeugd").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// The CBS code of the gemeente named in the query.
    pub gemeente: Option<String>,
    /// The other words, folded.
    pub words: Vec<String>,
}

/// Finds a gemeente in the query — its name, a name readers use for it ("den bosch"), a word
/// only its name holds ("súdwest") or its CBS code ("GM0796"), the longest that matches whole
/// words (`text::place_names`) — and keeps the rest as subject words.
pub fn read_query(manifest: &Manifest, query: &str) -> Query {
    let words: Vec<String> = normal(query).split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect();
    let gemeenten: Vec<&Area> = manifest.areas.iter().filter(|a| a.kind == AreaKind::Gemeente).collect();
    let names: Vec<&str> = gemeenten.iter().map(|a| a.name.as_str()).collect();
    let mut best: Option<(usize, usize, String)> = None; // (start, length, code)
    for (area, forms) in gemeenten.iter().zip(written_forms(&names)) {
        for name in forms.iter().filter(|f| !f.is_empty() && f.len() <= words.len()) {
            if let Some(start) = (0..=words.len() - name.len()).find(|i| words[*i..*i + name.len()] == name[..]) {
                if best.as_ref().is_none_or(|(_, len, _)| name.len() > *len) {
                    best = Some((start, name.len(), area.code.clone()));
                }
            }
        }
    }
    if best.is_none() {
        best = words.iter().enumerate().find_map(|(i, w)| {
            let code = gemeente_code(w).filter(|_| w.chars().any(|c| c.is_ascii_alphabetic()))?;
            gemeenten.iter().any(|a| a.code == code).then_some((i, 1, code))
        });
    }
    match best {
        Some((start, len, code)) => {
            let mut rest = words;
            rest.drain(start..start + len);
            Query { gemeente: Some(code), words: rest }
        }
        None => Query { gemeente: None, words },
    }
}

/// Search as the find page does it: every word in a table's text, or, when the query names a
/// gemeente, the other words in the text of a table that has figures for that gemeente. A table
/// about the gemeente by name ("… Alblasserdam …") is found either way.
pub fn find<'a>(
    tables: &[&'a Table],
    glossary: &Glossary,
    manifest: &Manifest,
    query: &str,
) -> (Query, Vec<&'a Table>) {
    let q = read_query(manifest, query);
    let all: Vec<String> = fold(query).split_whitespace().map(str::to_owned).collect();
    let mut hits = search_words(tables.iter().copied(), glossary, &all);
    if let Some(code) = &q.gemeente {
        let with_figures = tables.iter().copied().filter(|t| t.values.iter().any(|v| v.key.area == *code));
        let subject: Vec<&Table> =
            if q.words.is_empty() { with_figures.collect() } else { search_words(with_figures, glossary, &q.words) };
        for t in subject {
            if !hits.iter().any(|h| std::ptr::eq(*h, t)) {
                hits.push(t);
            }
        }
    }
    (q, hits)
}

fn search_words<'a>(tables: impl Iterator<Item = &'a Table>, glossary: &Glossary, words: &[String]) -> Vec<&'a Table> {
    if words.is_empty() {
        return Vec::new();
    }
    tables
        .filter(|t| {
            let hay = haystack(t, glossary);
            let tokens = tokens(&hay);
            words.iter().all(|w| word_found(&hay, &tokens, w))
        })
        .collect()
}

/// A table's searchable text, folded: title, theme, pillar, note, measures and categories, in
/// the reader's words and the report's (so "KTV" still finds the table now titled "Hoe tevreden
/// klanten zijn …"), plus the reader's words (`zoekwoorden`) of every glossary term the text
/// holds: "kosten" finds the tables that say "lasten" (issue 23: synonyms from the glossary).
fn haystack(t: &Table, glossary: &Glossary) -> String {
    let mut hay = format!(
        "{} {} {} {} {} {}",
        t.title,
        t.report_title.as_deref().unwrap_or(""),
        t.theme.name(),
        t.theme.id(),
        t.pillar.name(),
        t.note.as_deref().unwrap_or("")
    );
    for (label, report) in
        t.measures.iter().map(|m| (&m.label, &m.report_label)).chain(t.categories.iter().map(|c| (&c.label, &c.report)))
    {
        hay.push(' ');
        hay.push_str(label);
        if let Some(r) = report {
            hay.push(' ');
            hay.push_str(r);
        }
    }
    let words = glossary.search_words(&hay).join(" ");
    fold(&format!("{hay} {words}"))
}

fn tokens(hay: &str) -> Vec<&str> {
    hay.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() >= 3).collect()
}

/// A reader's word is found as itself, as a word of the reports it stands for ("kosten":
/// "lasten", "budget"), or with one typo in a word of five letters or more (issue 23).
fn word_found(hay: &str, tokens: &[&str], word: &str) -> bool {
    hay.contains(word)
        || (forgiving::typos_allowed(word) > 0
            && tokens.iter().any(|t| {
                forgiving::distance(t, word, 1) <= 1
                    || t.get(..word.len()).is_some_and(|p| forgiving::distance(p, word, 1) <= 1)
            }))
}

/// "Bedoelt u …?": when a search finds nothing, the query with each word that matches no table
/// replaced by the nearest word of the tables (at most two typos away), if there is one.
pub fn suggestion(tables: &[&Table], glossary: &Glossary, query: &str) -> Option<String> {
    let hays: Vec<String> = tables.iter().map(|t| haystack(t, glossary)).collect();
    let mut vocabulary: Vec<&str> = hays.iter().flat_map(|h| tokens(h)).collect();
    vocabulary.sort_unstable();
    vocabulary.dedup();
    let mut changed = false;
    let words: Vec<String> = fold(query)
        .split_whitespace()
        .map(|w| {
            if w.chars().count() < 4 || hays.iter().any(|h| word_found(h, &tokens(h), w)) {
                return w.to_owned();
            }
            let best = vocabulary.iter().map(|v| (forgiving::distance(v, w, 2), *v)).filter(|(d, _)| *d <= 2).min();
            match best {
                Some((_, v)) => {
                    changed = true;
                    v.to_owned()
                }
                None => w.to_owned(),
            }
        })
        .collect();
    changed.then(|| words.join(" "))
}

/// One line of a gemeente profile: a measure of a table, for the gemeente, its region and the
/// reference (Nederland), in the table's last period.
#[derive(Debug, Clone)]
pub struct ProfileRow {
    pub table: String,
    pub title: String,
    pub theme: Theme,
    pub measure: String,
    pub period: String,
    pub gemeente: Figure,
    pub region: Option<Figure>,
    pub reference: Option<Figure>,
}

/// Every measure (without categories) of every table that has figures per gemeente.
pub fn profile_rows(tables: &[&Table], gemeente: &str, region_area: &str, reference: Option<&str>) -> Vec<ProfileRow> {
    let mut out = Vec::new();
    for t in tables {
        if !t.categories.is_empty() || !t.values.iter().any(|v| v.key.area == gemeente) {
            continue;
        }
        let Some(period) =
            t.periods.iter().rev().find(|p| t.values.iter().any(|v| v.key.area == gemeente && v.key.period == p.id))
        else {
            continue;
        };
        for m in &t.measures {
            let key = |area: &str| Key {
                measure: m.id.clone(),
                area: area.to_owned(),
                period: period.id.clone(),
                category: None,
            };
            if t.value(&key(gemeente)).is_none() && m.formula.is_none() {
                continue;
            }
            let present = |area: &str| t.value(&key(area)).is_some().then(|| engine::cell(t, &key(area)));
            out.push(ProfileRow {
                table: t.id.clone(),
                title: t.title.clone(),
                theme: t.theme,
                measure: m.label.clone(),
                period: period.label.clone(),
                gemeente: engine::cell(t, &key(gemeente)),
                region: present(region_area),
                reference: reference.and_then(present),
            });
        }
    }
    out
}

/// The first "gebruik" table of a theme that has figures per gemeente: the home page's key figure.
pub fn key_table<'a>(tables: &[&'a Table], theme: Theme) -> Option<&'a Table> {
    tables
        .iter()
        .copied()
        .find(|t| t.theme == theme && t.pillar == Pillar::Gebruik && t.categories.is_empty() && t.areas().len() > 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_diacritics() {
        assert_eq!(fold("Cliënten MET Één"), "clienten met een");
    }
}
