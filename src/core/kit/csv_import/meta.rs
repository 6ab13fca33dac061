//! The metadata block above the table: one line per field (`titel`, `thema`, `bron`, …).

use super::periods::{not_a_period, period_id, period_label_from_id};
use super::records::SheetRow;
use super::words::{find_area, pillar_word, table_slug, theme_word, yes_no};
use super::Layout;
use crate::core::model::problem::Problems;
use crate::core::model::{Label, Manifest, Pillar, Theme};
use crate::core::text::format::join_nl;
use crate::core::text::words::fold;
use std::collections::HashMap;

pub(super) const META_KEYS: [&str; 14] = [
    "titel",
    "tabel-id",
    "thema",
    "pijler",
    "bron",
    "bronnummer",
    "sectie",
    "pagina",
    "toelichting",
    "definitie",
    "periode",
    "gebied",
    "voorlopig",
    "afronding",
];

/// A metadata keyword, with the other words people use for it.
fn meta_key(word: &str) -> Option<&'static str> {
    let word = match word {
        "tabelid" | "tabel id" | "id tabel" => "tabel-id",
        "brondocument" | "bron nummer" | "bron-nummer" => "bronnummer",
        "hoofdstuk" => "sectie",
        "voetnoot" | "definities" => "definitie",
        other => other,
    };
    META_KEYS.iter().find(|key| **key == word).copied()
}

/// One metadata line: its row and the cells from column 2 on.
pub(super) struct MetaLine {
    pub row: usize,
    pub values: Vec<String>,
}

/// The metadata block above the table, read.
pub(super) struct Meta {
    pub lines: HashMap<&'static str, MetaLine>,
    pub definitions: Vec<String>,
    pub title: Option<String>,
    pub table_id: String,
    pub theme: Option<Theme>,
    pub pillar: Option<Pillar>,
    pub source: Option<String>,
    pub seed: Option<String>,
    pub page: Option<u32>,
    pub provisional: bool,
    pub rounding: Option<u32>,
    /// Per gebied: the one period.
    pub period: Option<Label>,
    /// Per jaar: the one area.
    pub area: Option<String>,
}

impl Meta {
    pub fn text(&self, key: &str) -> Option<String> {
        self.lines.get(key).and_then(|line| line.values.first()).filter(|value| !value.is_empty()).cloned()
    }
    /// The row of a line.
    pub fn row(&self, key: &str) -> Option<usize> {
        self.lines.get(key).map(|line| line.row)
    }
    /// Where the value of a line is (row, column), or the top of the sheet when the line is
    /// missing.
    pub fn cell(&self, key: &str) -> (usize, usize) {
        self.row(key).map_or((1, 1), |row| (row, 2))
    }
    fn report(&self, key: &str, problems: &mut Problems, message: String) {
        let (row, column) = self.cell(key);
        problems.add_in_sheet(row, column, message);
    }
    fn required(&self, key: &str, what: &str, problems: &mut Problems) -> Option<String> {
        match (self.lines.get(key), self.text(key)) {
            (_, Some(value)) => Some(value),
            (Some(line), None) => {
                problems.add_in_sheet(line.row, 2, format!("{what} ontbreekt in kolom 2"));
                None
            }
            (None, None) => {
                problems.add_in_sheet(1, 1, format!("de regel \"{key}\" ontbreekt; zet boven de tabel een rij met {key} in kolom 1 en {what} in kolom 2"));
                None
            }
        }
    }
}

/// Reads the rows above the header.
pub(super) fn read_meta(
    rows: &[SheetRow],
    layout: Layout,
    separator: u8,
    manifest: &Manifest,
    problems: &mut Problems,
) -> Meta {
    let (lines, definitions) = read_lines(rows, layout, separator, problems);
    let mut meta = Meta {
        lines,
        definitions,
        title: None,
        table_id: String::new(),
        theme: None,
        pillar: None,
        source: None,
        seed: None,
        page: None,
        provisional: false,
        rounding: None,
        period: None,
        area: None,
    };
    meta.title = meta.required("titel", "de titel van de tabel zoals gepubliceerd", problems);
    let theme = meta.required("thema", "het thema (jeugd, participatie, wmo of samenloop)", problems);
    let pillar = meta.required("pijler", "de pijler (gebruik, ervaringen, budgetten of beschikbaarheid)", problems);
    meta.source = meta.required("bron", "de bronvermelding zoals gepubliceerd (zonder het woord Bron:)", problems);
    let seed = meta.required("bronnummer", "het nummer van het brondocument uit manifest.json (zoals 001)", problems);
    meta.theme = theme.and_then(|text| {
        let found = theme_word(&text);
        if found.is_none() {
            meta.report(
                "thema",
                problems,
                format!("onbekend thema \"{text}\"; kies jeugd, participatie, wmo of samenloop"),
            );
        }
        found
    });
    meta.pillar = pillar.and_then(|text| {
        let found = pillar_word(&text);
        if found.is_none() {
            let message =
                format!("onbekende pijler \"{text}\"; kies gebruik, ervaringen, budgetten of beschikbaarheid");
            meta.report("pijler", problems, message);
        }
        found
    });
    meta.seed = seed.and_then(|text| seed_id(&meta, &text, manifest, problems));
    meta.page = meta.text("pagina").and_then(|text| match text.parse::<u32>() {
        Ok(page) => Some(page),
        Err(_) => {
            meta.report("pagina", problems, format!("\"{text}\" is geen paginanummer; schrijf alleen het nummer dat op de pagina staat, of laat de cel leeg"));
            None
        }
    });
    let provisional = meta.text("voorlopig").unwrap_or_default();
    meta.provisional = yes_no(&provisional).unwrap_or_else(|| {
        meta.report("voorlopig", problems, format!("\"{provisional}\": schrijf ja of nee"));
        false
    });
    meta.rounding = match meta.text("afronding").map(|text| fold(&text)) {
        None => None,
        Some(text) if text == "geen" || text == "nee" => None,
        Some(text) if text == "5" || text == "10" => text.parse().ok(),
        Some(text) => {
            meta.report("afronding", problems, format!("\"{text}\": schrijf 5 of 10 als de aantallen op vijftallen of tientallen zijn afgerond, of laat de cel leeg"));
            None
        }
    };
    meta.table_id = meta.text("tabel-id").unwrap_or_else(|| {
        let theme = meta.theme.unwrap_or(Theme::Jeugd);
        format!("{}-{}", theme.id(), table_slug(meta.title.as_deref().unwrap_or("tabel")))
    });
    match layout {
        Layout::PerGebied => {
            let what = "de periode (zoals 2016 of 2016-H1), met in kolom 3 de omschrijving zoals gepubliceerd";
            if let Some(text) = meta.required("periode", what, problems) {
                // "2025*": CBS's mark for a provisional period, as the template's first line
                // explains; in this template the period is the whole table's (issue 24).
                let starred = text.trim_end().strip_suffix('*').map(str::trim_end);
                match period_id(starred.unwrap_or(&text)) {
                    Some(id) => {
                        let given = meta.lines.get("periode").and_then(|line| line.values.get(1));
                        let (label, said) = given.map(|l| without_provisional(l)).unwrap_or_default();
                        let marked = starred.is_some() || said;
                        if marked && meta.text("voorlopig").is_some_and(|v| yes_no(&v) == Some(false)) {
                            let message = "de periode is als voorlopig gemarkeerd, maar in de regel voorlopig staat nee; kies één van de twee";
                            meta.report("periode", problems, message.to_owned());
                        }
                        meta.provisional |= marked;
                        let label = Some(label).filter(|label| !label.is_empty());
                        meta.period =
                            Some(Label { label: label.unwrap_or_else(|| period_label_from_id(&id)), id, report: None });
                    }
                    None => meta.report("periode", problems, not_a_period(&text)),
                }
            }
        }
        Layout::PerJaar => {
            let what = "het gebied (CBS-code zoals GM0597 of de naam zoals Ridderkerk)";
            if let Some(text) = meta.required("gebied", what, problems) {
                match find_area(manifest, &text) {
                    Ok(area) => meta.area = Some(area.code.clone()),
                    Err(message) => meta.report("gebied", problems, message),
                }
            }
        }
    }
    meta
}

/// The metadata lines by keyword, and the definitions (a line that may repeat).
fn read_lines(
    rows: &[SheetRow],
    layout: Layout,
    separator: u8,
    problems: &mut Problems,
) -> (HashMap<&'static str, MetaLine>, Vec<String>) {
    let mut lines: HashMap<&'static str, MetaLine> = HashMap::new();
    let mut definitions = Vec::new();
    for row in rows {
        let Some(key) = meta_key(&row.key()) else {
            problems.add_in_sheet(
                row.number,
                1,
                format!(
                    "onbekende regel \"{}\" boven de tabel; verwacht titel, tabel-id, thema, pijler, bron, bronnummer, sectie, pagina, toelichting, definitie, {}, voorlopig of afronding",
                    row.get(0),
                    if layout == Layout::PerGebied { "periode" } else { "gebied" }
                ),
            );
            continue;
        };
        let width = if key == "periode" { 3 } else { 2 };
        if let Some(last) = row.last_filled().filter(|last| *last >= width) {
            let extra = (width..=last).find(|index| !row.get(*index).is_empty()).unwrap_or(last);
            problems.add_in_sheet(
                row.number,
                extra + 1,
                format!(
                    "na de waarde van \"{key}\" staat nog tekst in kolom {}; zet de hele tekst in kolom {width}{}",
                    extra + 1,
                    if separator == b',' {
                        " (een tekst met een komma moet tussen aanhalingstekens staan)"
                    } else {
                        ""
                    }
                ),
            );
        }
        match (key, layout) {
            ("periode", Layout::PerJaar) => {
                problems.add_in_sheet(
                    row.number,
                    1,
                    "in het sjabloon per jaar staan de perioden in de eerste kolom van de tabel; haal deze regel weg",
                );
                continue;
            }
            ("gebied", Layout::PerGebied) => {
                problems.add_in_sheet(
                    row.number,
                    1,
                    "in het sjabloon per gebied staan de gebieden in de eerste kolom van de tabel; haal deze regel weg",
                );
                continue;
            }
            ("definitie", _) => {
                if !row.get(1).is_empty() {
                    definitions.push(row.get(1).to_owned());
                }
                continue;
            }
            _ => {}
        }
        if let Some(first) = lines.get(key) {
            problems.add_in_sheet(
                row.number,
                1,
                format!("de regel \"{key}\" staat er twee keer (ook in rij {})", first.row),
            );
            continue;
        }
        let values = (1..width).map(|index| row.get(index).to_owned()).collect();
        lines.insert(key, MetaLine { row: row.number, values });
    }
    (lines, definitions)
}

/// The seed document's id (`2` → `002`), when the manifest knows it.
fn seed_id(meta: &Meta, text: &str, manifest: &Manifest, problems: &mut Problems) -> Option<String> {
    if !(1..=3).contains(&text.len()) || !text.chars().all(|c| c.is_ascii_digit()) {
        meta.report("bronnummer", problems, format!("\"{text}\" is geen bronnummer; verwacht een nummer als 001"));
        return None;
    }
    // Excel turns 001 into 1: put the zeros back.
    let id = format!("{text:0>3}");
    if manifest.seed(&id).is_none() {
        let known: Vec<String> = manifest.seeds.iter().map(|seed| seed.id.clone()).collect();
        // With no sources yet (a new monitor) there is nothing to list: say what to do.
        let message = if known.is_empty() {
            format!("brondocument {id} staat niet in manifest.json; voeg de bron toe in de gegevenscontrole (Bron toevoegen)")
        } else {
            format!(
                "brondocument {id} staat niet in manifest.json; bekend zijn {}",
                join_nl(&known).replace(" en ", " of ")
            )
        };
        meta.report("bronnummer", problems, message);
        return None;
    }
    Some(id)
}

/// A period's description without "(voorlopig)" or a trailing `*`, and whether it had one: a
/// label never carries the provisional mark as text, the period's flag does (issue 24), so a
/// later final file drops it everywhere at once and nothing reads "(voorlopig) (voorlopig)".
fn without_provisional(label: &str) -> (String, bool) {
    let folded = fold(label);
    let cut = folded.find("(voorlopig)").or_else(|| folded.find("voorlopig"));
    let (mut kept, mut said) = match cut {
        Some(at) if label.is_char_boundary(at) && folded.len() == label.len() => (label[..at].to_owned(), true),
        _ => (label.to_owned(), false),
    };
    if let Some(stripped) = kept.trim_end().strip_suffix('*') {
        kept = stripped.to_owned();
        said = true;
    }
    (kept.trim_end().trim_end_matches([',', ';', '-']).trim_end().to_owned(), said)
}
