//! Words as the monitor compares and names them: folded for search (no case, no accents) and
//! slugs for ids and file names. One definition each, used by search, links, downloads, the
//! spreadsheet import and the guided flow.

/// Lower-case and without diacritics, so "clienten" finds "cliënten".
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            c => c,
        })
        .collect()
}

/// `Hoeksche Waard` → `hoeksche-waard` (with `-`), `BUIG- uitgaven` → `buig_uitgaven` (with
/// `_`): folded letters and digits, every other run of characters one separator, none at either
/// end, at most `max` characters.
pub fn slug(s: &str, separator: char, max: usize) -> String {
    let mut out = String::new();
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(separator) {
            out.push(separator);
        }
    }
    out.trim_end_matches(separator).chars().take(max).collect::<String>().trim_end_matches(separator).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_fold_and_trim() {
        assert_eq!(slug("Hoeksche Waard", '-', 40), "hoeksche-waard");
        assert_eq!(slug("BUIG- uitgaven", '_', 60), "buig_uitgaven");
        assert_eq!(slug("  Cliënten (%) ", '-', 60), "clienten");
        assert_eq!(slug("abc def", '-', 4), "abc");
    }
}
