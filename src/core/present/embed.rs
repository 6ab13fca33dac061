//! The compact embed (`embed=1`), as a newsroom publishes a chart: title, one sentence, the
//! chart (or the table when the link says `weergave=tabel`), the source, the licence and a link
//! back to the full view with the table, notes and downloads — like a Datawrapper embed. Also the
//! fixed height of the snippet for sites that strip `embed.js`.

use crate::core::model::{Manifest, Table};
use crate::core::present::export;
use crate::core::present::remarks::Remarks;

/// What the compact embed shows besides the chart or table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedModel {
    /// The first sentence of the summary.
    pub sentence: String,
    /// "Bron: SDD, via Monitor 3D – Drechtsteden (Onderzoekcentrum Drechtsteden, 2017)".
    pub source: String,
    /// The licence's name, linked to [`export::LICENCE_URL`].
    pub licence: &'static str,
    pub licence_url: &'static str,
    /// The text of the link back.
    pub more: &'static str,
    /// Show the table as a list per row even in a wide column (too many columns to fit).
    pub list_table: bool,
    /// Everything the full view says about the table besides the figures ("Toelichting: …",
    /// "Tegenspraak in de bron: …"), one line each (`remarks::Remarks::lines`).
    pub remarks: Vec<String>,
}

/// Five columns or more do not fit a 680 px article column as a table.
pub fn list_table(columns: usize) -> bool {
    columns >= 5
}

/// The embed's texts for a table; `summary` is the view's generated summary, `remarks` what the
/// full view says about the table.
/// `selection`: what a chart of many areas draws (`charts::many`), said after the sentence.
pub fn model(
    table: &Table,
    manifest: &Manifest,
    summary: &str,
    columns: usize,
    remarks: &Remarks,
    selection: Option<String>,
) -> EmbedModel {
    let via = manifest
        .seed(&table.source.seed)
        .map(|s| format!(", via {} ({}, {})", s.title, s.publisher, s.year))
        .unwrap_or_default();
    EmbedModel {
        sentence: match selection {
            Some(note) => format!("{} {note}", first_sentence(summary, 220)),
            None => first_sentence(summary, 220),
        },
        source: format!("Bron: {}{via}", table.source.text),
        licence: export::LICENCE,
        licence_url: export::LICENCE_URL,
        more: "Tabel, toelichting en downloads in de monitor",
        list_table: list_table(columns),
        remarks: remarks.lines().into_iter().map(|(label, text)| format!("{label}: {text}")).collect(),
    }
}

/// The first sentence of a text (a full stop followed by a space and a capital or a digit, so
/// "n.b. in" or "1,5. " inside a sentence do not end it), at most `max` characters: a longer
/// one is cut at its last "; " or ", " and ends with "…".
pub fn first_sentence(text: &str, max: usize) -> String {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut end = chars.len();
    for i in 0..chars.len().saturating_sub(2) {
        if chars[i] == '.' && chars[i + 1] == ' ' && (chars[i + 2].is_uppercase() || chars[i + 2].is_ascii_digit()) {
            end = i + 1;
            break;
        }
    }
    let sentence: String = chars[..end].iter().collect();
    if sentence.chars().count() <= max {
        return sentence;
    }
    let head: String = sentence.chars().take(max).collect();
    let cut = head.rfind("; ").or_else(|| head.rfind(", ")).unwrap_or(head.len());
    format!("{}…", head[..cut].trim_end())
}

/// The snippet's fixed `height` (CSS pixels) for a site that strips `embed.js`: enough for the
/// title, sentence, chart (or table rows), source, licence and link in a 680 px column, so the
/// source is in sight without the script.
pub fn frame_height(chart_height: Option<u32>, table_rows: usize) -> u32 {
    const TEXTS: u32 = 250;
    let body = match chart_height {
        Some(h) => h,
        None => 48 + table_rows as u32 * 38,
    };
    (body + TEXTS).clamp(360, 1600)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_sentence_ends_at_a_real_full_stop() {
        assert_eq!(
            first_sentence("Jeugdhulp in Zwijndrecht: 10,7%, meer dan in Nederland (8,2%). Met verblijf: 1,1%.", 220),
            "Jeugdhulp in Zwijndrecht: 10,7%, meer dan in Nederland (8,2%)."
        );
        assert_eq!(first_sentence("Cijfers n.b. in 2018. Daarna meer.", 220), "Cijfers n.b. in 2018.");
        assert_eq!(
            first_sentence("werk: 49,9%; handhaving: 25,4%; exogeen: 24,7%.", 32),
            "werk: 49,9%; handhaving: 25,4%…"
        );
        assert_eq!(first_sentence("", 10), "");
    }

    #[test]
    fn the_fixed_height_follows_the_chart_or_the_rows() {
        assert_eq!(frame_height(Some(608), 7), 858);
        assert!(frame_height(None, 7) < frame_height(None, 20));
        assert_eq!(frame_height(Some(10), 0), 360);
    }
}
