//! What the page says about a table besides its figures (issue 21, "outputs carry what the page
//! carries"): the note, the footnotes (definitions such as "a) vastgesteld in het AB van …"),
//! the meaning of the marks in these figures, the printed figures whose recomputation from their
//! parts differs, the contradictions the source records in the table itself, and the
//! contradictions the cross checks find between the running text and this table, each with its
//! grade in words.
//!
//! One list, made once: the indicator page renders it, and every output (CSV, JSON, the image's
//! footer, the compact embed) writes it out, so a download can never say less than the page.

use crate::core::calc::engine::Missing;
use crate::core::calc::grid::{Grid, Provisional};
use crate::core::check::crosscheck::{Finding, Outcome};
use crate::core::model::{Dataset, Table};
use crate::core::text::format;
use serde_json::json;
use std::borrow::Borrow;
use std::collections::HashSet;

/// A contradiction the cross checks found that touches the table, as the page words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contradiction {
    /// The grade in words ("duidelijke tegenspraak", …).
    pub grade: String,
    /// What kind of contradiction ("tekst tegen tabel", …).
    pub kind: String,
    pub description: String,
}

impl Contradiction {
    /// "grade (kind): description", as the page lists it.
    pub fn line(&self) -> String {
        format!("{} ({}): {}", self.grade, self.kind, self.description)
    }
}

/// Everything the page says about a table besides the figures, in the order it shows them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Remarks {
    /// "Toelichting: …".
    pub note: Option<String>,
    /// The table's footnotes and definitions.
    pub footnotes: Vec<String>,
    /// The meaning of the marks these figures carry (geheim, n.b., voorlopig).
    pub marks: Vec<String>,
    /// "row, column: de bron drukt X af; berekend uit de delen: Y".
    pub recomputed: Vec<String>,
    /// Where the table contradicts itself, as recorded with the data.
    pub inconsistencies: Vec<String>,
    /// Contradictions between the running text and the tables that touch this table, worst first.
    pub contradictions: Vec<Contradiction>,
}

/// The meaning of *geheim* where it occurs.
pub const SECRET: &str = "geheim = een aantal van 0 tot en met 7, niet gepubliceerd om personen te beschermen";
/// The meaning of *n.b.* where it occurs.
pub const UNAVAILABLE: &str = "n.b. = niet beschikbaar of niet openbaar gemaakt";

/// The findings the indicator page of `table` shows: those about the table, and those about a
/// statement of the running text that restates one of its cells; worst first, each once.
pub fn findings<'a, D: Borrow<Dataset>>(outcome: &'a Outcome, sets: &[D], table: &str) -> Vec<&'a Finding> {
    let restating: HashSet<&str> = sets
        .iter()
        .flat_map(|d| d.borrow().narrative.statements.iter())
        .filter(|s| s.cell.as_ref().is_some_and(|c| c.table == table))
        .map(|s| s.id.as_str())
        .collect();
    let mut list: Vec<&Finding> = outcome
        .findings
        .iter()
        .filter(|f| f.tables.iter().any(|t| t == table) || f.statements.iter().any(|s| restating.contains(s.as_str())))
        .collect();
    list.sort_by_key(|f| f.grade);
    list
}

/// The findings as the page words them.
pub fn contradictions(findings: &[&Finding]) -> Vec<Contradiction> {
    findings
        .iter()
        .map(|f| Contradiction {
            grade: f.grade.name().to_owned(),
            kind: f.kind.name().to_owned(),
            description: f.description.clone(),
        })
        .collect()
}

/// What the page says about `table` shown as `grid`, with the `contradictions` of [`findings`].
pub fn of_table(table: &Table, grid: &Grid, contradictions: &[Contradiction]) -> Remarks {
    let present = |s: &&String| !s.trim().is_empty();
    Remarks {
        note: table.note.clone().filter(|n| !n.trim().is_empty()),
        footnotes: table.definitions.iter().filter(present).cloned().collect(),
        marks: marks(grid),
        recomputed: recomputed(grid),
        inconsistencies: table.inconsistencies.iter().map(|i| i.description.clone()).filter(|d| present(&d)).collect(),
        contradictions: contradictions.to_vec(),
    }
}

/// The legend of the marks in `grid`: *geheim* and *n.b.* where they occur, and which figures
/// are voorlopig.
fn marks(grid: &Grid) -> Vec<String> {
    let cells = || grid.rows.iter().flat_map(|r| &r.cells);
    let mut marks = Vec::new();
    if cells().any(|f| f.is_secret()) {
        marks.push(SECRET.to_owned());
    }
    if cells().any(|f| matches!(f.value, Err(Missing::NietBeschikbaar | Missing::UitNietBeschikbaar(_)))) {
        marks.push(UNAVAILABLE.to_owned());
    }
    if let Some(p) = provisional(grid) {
        marks.push(p);
    }
    marks
}

/// "voorlopige cijfers" when every figure is, else which are (the page's legend, issue 15).
pub fn provisional(grid: &Grid) -> Option<String> {
    match grid.provisional() {
        Provisional::None => None,
        Provisional::All => Some("voorlopige cijfers".to_owned()),
        Provisional::Some => Some(format!(
            "* voorlopig cijfer (bij {}); de andere cijfers zijn definitief.",
            format::join_nl(&grid.provisional_rows().into_iter().map(str::to_owned).collect::<Vec<_>>())
        )),
    }
}

/// The printed figures whose recomputation from their parts differs: the figure shown is the
/// printed one; this line names the difference.
fn recomputed(grid: &Grid) -> Vec<String> {
    grid.rows
        .iter()
        .flat_map(|r| {
            r.cells.iter().zip(&grid.columns).filter_map(move |(f, c)| {
                let note = f.computed_note()?;
                Some(format!("{}, {}: de bron drukt {} af; {note}", r.label, c.label, f.display()))
            })
        })
        .collect()
}

impl Remarks {
    /// Every remark as (label, text), in the page's order: one paragraph each in the image's
    /// footer, one line each in the CSV and the embed.
    pub fn lines(&self) -> Vec<(&'static str, String)> {
        let mut lines: Vec<(&'static str, String)> = Vec::new();
        lines.extend(self.note.iter().map(|n| ("Toelichting", n.clone())));
        lines.extend(self.footnotes.iter().map(|n| ("Toelichting", n.clone())));
        if !self.marks.is_empty() {
            lines.push(("Tekens", self.marks.join("; ")));
        }
        lines.extend(self.recomputed.iter().map(|r| ("Berekend uit de delen", r.clone())));
        lines.extend(self.inconsistencies.iter().map(|i| ("Bron spreekt zichzelf tegen", i.clone())));
        lines.extend(self.contradictions.iter().map(|c| ("Tegenspraak in de bron", c.line())));
        lines
    }

    /// The notes and footnotes, as the JSON's `toelichting`.
    pub fn notes(&self) -> Vec<String> {
        self.note.iter().chain(&self.footnotes).cloned().collect()
    }

    /// The remarks as JSON fields (merged into the download's document).
    pub fn json(&self) -> serde_json::Value {
        let every: Vec<String> =
            self.inconsistencies.iter().cloned().chain(self.contradictions.iter().map(Contradiction::line)).collect();
        json!({
            "toelichting": self.notes(),
            "voetnoten": self.footnotes,
            "tekens_in_deze_cijfers": self.marks,
            "berekend_uit_de_delen": self.recomputed,
            "inconsistenties": every,
            "tegenspraken": self.contradictions.iter().map(|c| json!({
                "gradatie": c.grade,
                "soort": c.kind,
                "beschrijving": c.description,
            })).collect::<Vec<_>>(),
        })
    }

    /// Whether the page says anything besides the figures.
    pub fn is_empty(&self) -> bool {
        self.lines().is_empty()
    }
}
