//! Search that forgives (issue 23): one typo ("jeugdzrog" for "jeugdzorg"). A reader's own words
//! ("kosten" for "lasten") come from the data's glossary (`begrippen`, `text::glossary`), not
//! from a list in the code, so a council's own terms are found the same way.

/// Edit distance with adjacent transpositions (optimal string alignment): "jeugdzrog" is one
/// step from "jeugdzorg". Counted in characters; stops early above `max`.
pub fn distance(a: &str, b: &str, max: usize) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[i - 1][j] + 1).min(rows[i][j - 1] + 1).min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = d;
        }
    }
    rows[a.len()][b.len()]
}

/// How many typos a word of this length forgives: none below 5 letters (too many short words
/// are one letter apart), one from 5.
pub fn typos_allowed(word: &str) -> usize {
    usize::from(word.chars().count() >= 5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_swap_or_one_letter_is_one_step() {
        assert_eq!(distance("jeugdzrog", "jeugdzorg", 2), 1);
        assert_eq!(distance("bijstan", "bijstand", 2), 1);
        assert_eq!(distance("wmo", "wmo", 1), 0);
        assert!(distance("jeugd", "bijstand", 2) > 2);
        assert_eq!((typos_allowed("wmo"), typos_allowed("kosten")), (0, 1));
    }
}
