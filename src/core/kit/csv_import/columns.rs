//! The table's header, the descriptor rows under it (`id`, `eenheid`, `soort`, `decimalen`,
//! `basis`, `groep`, `formule`) and the figure columns they describe.

use super::formula::parse_formula;
use super::records::SheetRow;
use super::words::{default_kind, is_measure_id, kind_word, measure_slug, unit_fits, unit_word};
use crate::core::model::problem::Problems;
use crate::core::model::{Kind, Measure, Unit};
use std::collections::HashMap;

const DESCRIPTORS: [&str; 7] = ["id", "eenheid", "soort", "decimalen", "basis", "groep", "formule"];

fn descriptor_key(word: &str) -> Option<&'static str> {
    let word = match word {
        "decimaal" => "decimalen",
        "formules" => "formule",
        other => other,
    };
    DESCRIPTORS.iter().find(|key| **key == word).copied()
}

/// The table's header: a row starting with `gebied` or `periode` with descriptor rows under it
/// (or, when those are missing, the last such row). Its index in `rows`.
pub(super) fn find_header(rows: &[SheetRow], problems: &mut Problems) -> Option<usize> {
    let is_head = |row: &SheetRow| matches!(row.key().as_str(), "gebied" | "periode");
    // A header named otherwise (`jaar`, `gemeente`) but with the descriptor rows under it: one
    // clear message, not a message per row that follows from it (issue 15).
    let has_descriptors = |index: usize| rows.get(index + 1).is_some_and(|next| descriptor_key(&next.key()).is_some());
    if !(0..rows.len()).any(|index| is_head(&rows[index]) && has_descriptors(index)) {
        if let Some(index) = (0..rows.len()).find(|&index| {
            !is_head(&rows[index]) && descriptor_key(&rows[index].key()).is_none() && has_descriptors(index)
        }) {
            let word = rows[index].get(0);
            let per_jaar = matches!(
                rows[index].key().as_str(),
                "jaar" | "jaren" | "jaartal" | "periodes" | "perioden" | "maand" | "kwartaal" | "halfjaar" | "datum"
            );
            let message = if per_jaar {
                format!("de kopregel van de tabel begint met \"{word}\"; schrijf daar periode (sjabloon per jaar: een rij per periode)")
            } else {
                format!("de kopregel van de tabel begint met \"{word}\"; schrijf daar gebied (sjabloon per gebied: een rij per gemeente of wijk) of periode (sjabloon per jaar: een rij per periode)")
            };
            problems.add_in_sheet(rows[index].number, 1, message);
            return None;
        }
    }
    let found = (0..rows.len())
        .find(|&index| {
            is_head(&rows[index]) && rows.get(index + 1).is_some_and(|next| descriptor_key(&next.key()).is_some())
        })
        .or_else(|| rows.iter().rposition(|row| is_head(row) && row.last_filled().unwrap_or(0) > 0));
    if found.is_none() {
        problems.add_in_sheet(
            rows.first().map_or(1, |row| row.number),
            1,
            "de tabel ontbreekt: er is geen kopregel die begint met \"gebied\" (sjabloon per gebied) of \"periode\" (sjabloon per jaar), met daaronder de rij \"eenheid\"",
        );
    }
    found
}

/// The descriptor rows under the header (`eenheid`, `soort`, …), by keyword.
pub(super) struct Descriptors<'r>(HashMap<&'static str, &'r SheetRow>);

impl<'r> Descriptors<'r> {
    /// The text of a descriptor in a column, and the row it is on (0 when the row is absent).
    pub fn cell(&self, key: &str, column: usize) -> (&'r str, usize) {
        self.0.get(key).map_or(("", 0), |row| (row.get(column), row.number))
    }
    /// The sheet row of a descriptor.
    pub fn row(&self, key: &str) -> Option<usize> {
        self.0.get(key).map(|row| row.number)
    }
    pub fn rows(&self) -> impl Iterator<Item = &'r SheetRow> + '_ {
        self.0.values().copied()
    }
    /// Sheet row per descriptor keyword.
    pub fn row_numbers(&self) -> HashMap<&'static str, usize> {
        self.0.iter().map(|(key, row)| (*key, row.number)).collect()
    }
}

/// The descriptor rows directly under the header, and the index of the first data row.
pub(super) fn read_descriptors<'r>(
    rows: &'r [SheetRow],
    header: usize,
    problems: &mut Problems,
) -> (Descriptors<'r>, usize) {
    let mut found: HashMap<&'static str, &SheetRow> = HashMap::new();
    let mut next = header + 1;
    while let Some(row) = rows.get(next) {
        let Some(key) = descriptor_key(&row.key()) else { break };
        match found.get(key) {
            Some(first) => problems.add_in_sheet(
                row.number,
                1,
                format!("de rij \"{key}\" staat er twee keer (ook in rij {})", first.number),
            ),
            None => {
                found.insert(key, row);
            }
        }
        next += 1;
    }
    if !found.contains_key("eenheid") {
        let header_row = rows.get(header).map_or(1, |row| row.number);
        problems.add_in_sheet(header_row + 1, 1, "onder de kopregel ontbreekt de rij \"eenheid\"; zet daar per kolom aantal, %, €, per 1.000, score, jaar of maanden");
    }
    (Descriptors(found), next)
}

/// One figure column of the table.
pub(super) struct FigureColumn {
    /// 0-based index in the row.
    pub index: usize,
    pub measure: Measure,
    /// False when the column could not be read: its values are then left out of the table.
    pub usable: bool,
    /// The unit was read (so `€` and `%` signs can be checked against it).
    pub unit_known: bool,
    pub decimals_given: bool,
}

/// The figure columns, from the header and the descriptor rows. `start` is the first figure
/// column (0-based). `None` when the header has none.
pub(super) fn read_columns(
    header: &SheetRow,
    descriptors: &Descriptors,
    data: &[SheetRow],
    start: usize,
    separator: u8,
    problems: &mut Problems,
) -> Option<Vec<FigureColumn>> {
    let end = header.last_filled().unwrap_or(0);
    if end < start {
        problems.add_in_sheet(header.number, start + 1, "de kopregel heeft geen kolommen met cijfers; zet de namen van de kolommen (zoals gepubliceerd) naast de eerste cel");
        return None;
    }
    // A row that reaches beyond the header.
    for row in descriptors.rows().chain(data.iter()) {
        if let Some(extra) = (end + 1..row.cells.len()).find(|index| !row.get(*index).is_empty()) {
            let hint = if separator == b',' {
                "; staat er een getal met een decimale komma zonder aanhalingstekens? Sla het bestand op als CSV met puntkomma's, of zet zulke getallen tussen aanhalingstekens (\"8,8\")"
            } else {
                "; geef de kolom een naam in de kopregel of maak de cel leeg"
            };
            problems.add_in_sheet(
                row.number,
                extra + 1,
                format!("deze rij heeft meer kolommen dan de kopregel (die houdt op bij kolom {}){hint}", end + 1),
            );
        }
    }
    let mut columns: Vec<FigureColumn> = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    for index in start..=end {
        let label = header.get(index);
        if label.is_empty() {
            if descriptors.rows().chain(data.iter()).any(|row| !row.get(index).is_empty()) {
                problems.add_in_sheet(
                    header.number,
                    index + 1,
                    "deze kolom heeft geen naam in de kopregel; zet de naam van de kolom erboven zoals gepubliceerd",
                );
            }
            continue;
        }
        columns.extend(read_column(header, descriptors, index, label, &mut ids, problems));
    }
    Some(columns)
}

/// One figure column; `None` when its id repeats another column's (then it is left out).
fn read_column(
    header: &SheetRow,
    descriptors: &Descriptors,
    index: usize,
    label: &str,
    ids: &mut HashMap<String, usize>,
    problems: &mut Problems,
) -> Option<FigureColumn> {
    let sheet_column = index + 1;
    let mut usable = true;
    let (id_text, id_row) = descriptors.cell("id", index);
    let id = if id_text.is_empty() {
        Some(measure_slug(label)).filter(|slug| !slug.is_empty()).unwrap_or_else(|| format!("kolom_{sheet_column}"))
    } else if is_measure_id(id_text) {
        id_text.to_owned()
    } else {
        problems.add_in_sheet(
            id_row,
            sheet_column,
            format!("\"{id_text}\" is geen geldige id; gebruik kleine letters, cijfers en _ (zoals met_verblijf)"),
        );
        usable = false;
        measure_slug(id_text)
    };
    if let Some(first) = ids.get(&id) {
        let (row, what) = if id_text.is_empty() { (header.number, "de naam") } else { (id_row, "de id") };
        problems.add_in_sheet(row, sheet_column, format!("{what} van deze kolom geeft dezelfde id \"{id}\" als kolom {first}; geef elke kolom een eigen id in de rij id"));
        return None;
    }
    ids.insert(id.clone(), sheet_column);
    let (unit_text, unit_row) = descriptors.cell("eenheid", index);
    let unit = if unit_row == 0 {
        None // reported once for the whole row
    } else if unit_text.is_empty() {
        problems.add_in_sheet(
            unit_row,
            sheet_column,
            "de eenheid ontbreekt; kies aantal, %, €, per 1.000, score, jaar of maanden",
        );
        None
    } else {
        let unit = unit_word(unit_text);
        if unit.is_none() {
            problems.add_in_sheet(
                unit_row,
                sheet_column,
                format!("onbekende eenheid \"{unit_text}\"; kies aantal, %, €, per 1.000, score, jaar of maanden"),
            );
        }
        unit
    };
    let (formula_text, formula_row) = descriptors.cell("formule", index);
    let formula = match parse_formula(formula_text) {
        _ if formula_text.is_empty() => None,
        Ok(formula) => Some(formula),
        Err(message) => {
            problems.add_in_sheet(formula_row, sheet_column, message);
            usable = false;
            None
        }
    };
    let (kind_text, kind_row) = descriptors.cell("soort", index);
    let kind = if kind_text.is_empty() {
        unit.map(|unit| default_kind(unit, formula.is_some()))
    } else {
        let kind = kind_word(kind_text);
        if kind.is_none() {
            problems.add_in_sheet(kind_row, sheet_column, format!("onbekende soort \"{kind_text}\"; kies telling, noemer, bedrag, score of afgeleid, of laat de cel leeg"));
        }
        kind
    };
    let (decimals_text, decimals_row) = descriptors.cell("decimalen", index);
    let decimals = match decimals_text.parse::<u8>() {
        _ if decimals_text.is_empty() => None,
        Ok(decimals) if decimals <= 6 => Some(decimals),
        _ => {
            problems.add_in_sheet(
                decimals_row,
                sheet_column,
                format!("\"{decimals_text}\": schrijf het aantal decimalen zoals gepubliceerd, 0 tot en met 6"),
            );
            None
        }
    };
    if let (Some(unit), Some(kind)) = (unit, kind) {
        if let Err(message) = unit_fits(unit, kind, formula.as_ref()) {
            problems.add_in_sheet(unit_row, sheet_column, message);
            usable = false;
        }
    }
    let optional = |key: &str| Some(descriptors.cell(key, index).0).filter(|text| !text.is_empty()).map(str::to_owned);
    Some(FigureColumn {
        index,
        measure: Measure {
            id,
            label: label.to_owned(),
            report_label: None,
            // Placeholders when unreadable: the column then stays out of the table's values,
            // but formulas that refer to it are still understood.
            unit: unit.unwrap_or(Unit::Aantal),
            kind: kind.filter(|_| unit.is_some()).unwrap_or(Kind::Derived),
            decimals: decimals.unwrap_or(0),
            group: optional("groep"),
            base: optional("basis"),
            rounding: None,
            formula: formula.filter(|_| unit.is_some() && kind.is_some()),
        },
        usable: usable && unit.is_some() && kind.is_some(),
        unit_known: unit.is_some(),
        decimals_given: !decimals_text.is_empty(),
    })
}
