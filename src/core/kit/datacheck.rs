//! The data check page as a pure view model (issue 15): the files a policy officer dropped, the
//! working copy of `manifest.json` they are checked against, and what each file needs. The page
//! only renders a [`Session`] and forwards clicks to it, so the whole guided flow is tested here.

use crate::core::check::tolerant;
use crate::core::kit::csv_import;
use crate::core::kit::register::{self, Output};
use crate::core::model::problem::Problem;
use crate::core::model::*;

/// What a dropped file is, by its name and contents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Csv,
    Manifest,
    Config,
    Dataset,
    /// An Excel workbook (`.xlsx` or `.xls`), whatever its name says: read by its first bytes.
    Workbook,
    Other,
}

/// Whether `bytes` are an Excel workbook: a ZIP (`.xlsx`) or an OLE file (`.xls`). A workbook
/// renamed `.csv` gets the same advice as one under its own name (issue 24).
fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    pub name: String,
    pub text: String,
    pub kind: InputKind,
    /// The size of a file over the limit, which was not read (issue 25).
    pub too_large: Option<usize>,
}

/// One file as the page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub name: String,
    pub kind: InputKind,
    /// Problems as the officer reads them (row and column for a CSV).
    pub problems: Vec<String>,
    /// What is in it, when it is good.
    pub summary: String,
}

/// The state of the guided flow.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// The working copy of `manifest.json`.
    pub manifest: Manifest,
    /// The site's dataset files as they are now (and dropped dataset files), so an update goes
    /// into the file that already holds the table.
    pub existing: Vec<(String, Dataset)>,
    pub inputs: Vec<Input>,
    /// What the site's own manifest had that the working copy could not keep (it is not in
    /// the new `manifest.json` either), as sentences.
    pub manifest_notes: Vec<String>,
}

fn kind_of(name: &str, text: &str) -> InputKind {
    let lower = name.to_lowercase();
    let file = lower.rsplit(['/', '\\']).next().unwrap_or(&lower);
    if file.ends_with(".csv") || file.ends_with(".txt") {
        InputKind::Csv
    } else if file == "manifest.json"
        || (file.ends_with(".json") && text.contains("\"datasets\"") && text.contains("\"areas\""))
    {
        InputKind::Manifest
    } else if file == "config.json" {
        InputKind::Config
    } else if file.ends_with(".json") {
        InputKind::Dataset
    } else {
        InputKind::Other
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Session {
    pub fn new(manifest: Manifest, existing: Vec<(String, Dataset)>) -> Session {
        Session { manifest, existing, inputs: Vec::new(), manifest_notes: Vec::new() }
    }

    /// Starts a monitor without the bundled example data: only Nederland stays (as the area to
    /// compare with), and the dropped files.
    pub fn empty_monitor(&self) -> Session {
        let nl: Vec<Area> = self.manifest.areas.iter().filter(|a| a.kind == AreaKind::Land).cloned().collect();
        Session {
            manifest: Manifest::new(nl, Vec::new(), Vec::new(), Vec::new()),
            existing: Vec::new(),
            inputs: self.inputs.clone(),
            manifest_notes: Vec::new(),
        }
    }

    /// Adds a dropped file (bytes as read). A `manifest.json` becomes the working copy; a dataset
    /// file takes the place of the site's file of that name; a file of the same name as an
    /// earlier one replaces it.
    pub fn add(&mut self, name: &str, bytes: &[u8]) {
        let text = csv_import::decode_bytes(bytes);
        let text = text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text);
        let lower = name.to_lowercase();
        let kind = if is_workbook(bytes) || lower.ends_with(".xlsx") || lower.ends_with(".xls") {
            InputKind::Workbook
        } else {
            kind_of(name, &text)
        };
        let short = name.rsplit(['/', '\\']).next().unwrap_or(name).to_owned();
        match kind {
            InputKind::Manifest => {
                let (m, notes) = register::check_manifest(&text);
                self.manifest = m;
                self.manifest_notes = notes;
            }
            InputKind::Dataset => {
                if let (Some(ds), _) = tolerant::dataset(&short, &text, &self.manifest) {
                    self.existing.retain(|(n, _)| *n != short);
                    self.existing.push((short.clone(), ds));
                }
            }
            _ => {}
        }
        self.inputs.retain(|i| i.name != short);
        self.inputs.push(Input { name: short, text, kind, too_large: None });
    }

    /// A file over the size limit, not read (the page checks its size first): it is listed with
    /// its size and the limit, not as an empty or broken file.
    pub fn add_too_large(&mut self, name: &str, bytes: usize) {
        let short = name.rsplit(['/', '\\']).next().unwrap_or(name).to_owned();
        let kind = kind_of(name, "");
        self.inputs.retain(|i| i.name != short);
        self.inputs.push(Input { name: short, text: String::new(), kind, too_large: Some(bytes) });
    }

    pub fn remove(&mut self, name: &str) {
        self.inputs.retain(|i| i.name != name);
    }

    fn convert(&self, input: &Input) -> Result<Table, Vec<Problem>> {
        csv_import::convert(&input.name, &input.text, &self.manifest)
    }

    /// Every dropped file, checked against the working manifest.
    pub fn checked(&self) -> Vec<Checked> {
        self.inputs
            .iter()
            .map(|i| {
                if let Some(bytes) = i.too_large {
                    let mut message = crate::core::read::json::too_large(bytes);
                    message.replace_range(..1, "H");
                    return Checked { name: i.name.clone(), kind: i.kind, problems: vec![message], summary: String::new() };
                }
                let (problems, summary) = match i.kind {
                    InputKind::Csv => match self.convert(i) {
                        Ok(t) => (
                            Vec::new(),
                            format!(
                                "tabel \u{201c}{}\u{201d} ({}), {}, {}",
                                t.title,
                                t.id,
                                count(t.periods.len(), "periode", "perioden"),
                                count(t.values.len(), "waarde", "waarden")
                            ),
                        ),
                        Err(p) => (p.iter().map(Problem::without_file).collect(), String::new()),
                    },
                    InputKind::Manifest => {
                        let m = &self.manifest;
                        (
                            self.manifest_notes.clone(),
                            format!(
                                "{}, {}, {} en {}; dit is nu de basis voor de nieuwe bestanden",
                                count(m.areas.len(), "gebied", "gebieden"),
                                count(m.regions.len(), "regio", "regio's"),
                                count(m.seeds.len(), "bron", "bronnen"),
                                count(m.datasets.len(), "gegevensbestand", "gegevensbestanden")
                            ),
                        )
                    }
                    InputKind::Config => {
                        let p = register::check_config(&i.text, &self.manifest);
                        (p, "de instellingen van de site (naam, kleuren, regio's)".into())
                    }
                    InputKind::Dataset => {
                        let (ds, skipped) = tolerant::dataset(&i.name, &i.text, &self.manifest);
                        let mut problems: Vec<String> = skipped.iter().map(crate::core::model::problem::Skipped::sentence).collect();
                        if let Some(ds) = &ds {
                            if !self.manifest.regions.iter().any(|r| r.id == ds.region) {
                                problems.push(format!("{}: de regio \"{}\" staat niet in manifest.json", i.name, ds.region));
                            }
                        }
                        let summary = ds.map_or_else(String::new, |ds| {
                            format!(
                                "{} met {}",
                                count(ds.tables.len(), "tabel", "tabellen"),
                                count(ds.tables.iter().map(|t| t.values.len()).sum(), "waarde", "waarden")
                            )
                        });
                        (problems, summary)
                    }
                    InputKind::Workbook => (
                        vec!["Dit is een Excel-werkmap, geen CSV-bestand (ook als de naam op .csv eindigt). Open het in Excel en kies Opslaan als \"CSV UTF-8 (door komma's gescheiden)\"; zet elk werkblad in een eigen bestand.".into()],
                        String::new(),
                    ),
                    InputKind::Other => (
                        vec!["Dit is geen CSV- of JSON-bestand. Sla het werkblad in Excel op als \"CSV UTF-8 (door komma's gescheiden)\".".into()],
                        String::new(),
                    ),
                };
                Checked { name: i.name.clone(), kind: i.kind, problems, summary }
            })
            .collect()
    }

    /// The CSV files that converted, as tables.
    pub fn tables(&self) -> Vec<Table> {
        self.inputs.iter().filter(|i| i.kind == InputKind::Csv).filter_map(|i| self.convert(i).ok()).collect()
    }

    /// CSV files that still have problems (building waits for them).
    pub fn csv_with_problems(&self) -> usize {
        self.inputs.iter().filter(|i| i.kind == InputKind::Csv && self.convert(i).is_err()).count()
    }

    /// The `bronnummer` a CSV asks for that the manifest does not have: the number the "add a
    /// source" form proposes.
    pub fn wanted_seed(&self) -> Option<String> {
        self.inputs
            .iter()
            .filter(|i| i.kind == InputKind::Csv)
            .filter_map(|i| register::csv_seed(&i.text))
            .find(|id| self.manifest.seed(id).is_none())
    }

    /// The gemeenten of the working manifest (for the region form), as (code, name).
    pub fn gemeenten(&self) -> Vec<(String, String)> {
        self.manifest
            .areas
            .iter()
            .filter(|a| a.kind == AreaKind::Gemeente)
            .map(|a| (a.code.clone(), a.name.clone()))
            .collect()
    }

    /// The area to compare with, offered in the region form (Nederland when it is there).
    pub fn reference(&self) -> Option<(String, String)> {
        self.manifest.areas.iter().find(|a| a.kind == AreaKind::Land).map(|a| (a.code.clone(), a.name.clone()))
    }

    /// Regions that fit every converted table, as (id, name); the first is preselected.
    pub fn regions(&self) -> Vec<(String, String)> {
        let ids = register::regions_for(&self.tables(), &self.manifest);
        self.manifest.regions.iter().filter(|r| ids.contains(&r.id)).map(|r| (r.id.clone(), r.name.clone())).collect()
    }

    pub fn add_area(&mut self, code: &str, name: &str, kind: AreaKind) -> Result<(), Vec<String>> {
        self.manifest = register::add_area(&self.manifest, code, name, kind).map_err(messages)?;
        Ok(())
    }

    pub fn add_region(
        &mut self,
        name: &str,
        gemeenten: &[String],
        reference: Option<&str>,
    ) -> Result<String, Vec<String>> {
        let (m, id) = register::add_region(&self.manifest, name, gemeenten, reference).map_err(messages)?;
        self.manifest = m;
        Ok(id)
    }

    pub fn add_to_region(&mut self, region: &str, gemeente: &str) -> Result<(), Vec<String>> {
        self.manifest = register::add_to_region(&self.manifest, region, gemeente).map_err(messages)?;
        Ok(())
    }

    pub fn add_seed(
        &mut self,
        id: Option<&str>,
        title: &str,
        publisher: &str,
        year: &str,
    ) -> Result<String, Vec<String>> {
        let year: u32 = year.trim().parse().map_err(|_| vec![format!("\"{}\" is geen jaartal", year.trim())])?;
        let (m, id) = register::add_seed(&self.manifest, id, title, publisher, year).map_err(messages)?;
        self.manifest = m;
        Ok(id)
    }

    /// The dataset files and the new `manifest.json` for the converted tables in `region`.
    pub fn build(&self, region: &str) -> Result<Output, Vec<String>> {
        if self.csv_with_problems() > 0 {
            return Err(vec![format!(
                "{} nog problemen; los die eerst op (of haal het bestand weg)",
                count(self.csv_with_problems(), "CSV-bestand heeft", "CSV-bestanden hebben")
            )]);
        }
        register::build(&self.manifest, region, self.tables(), &self.existing).map_err(messages)
    }
}

fn messages(p: Vec<Problem>) -> Vec<String> {
    p.iter().map(|x| x.message.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Session {
        let m = tolerant::manifest("manifest.json", include_str!("../../../public/data/manifest.json")).0;
        Session::new(m, Vec::new())
    }

    const CSV: &str = "titel;Wmo-cliënten\ntabel-id;wmo-clienten\nthema;wmo\npijler;gebruik\nbron;eigen registratie\nbronnummer;1\nperiode;2024;2024\n\ngebied;cliënten\neenheid;aantal\nVoorbeeldstad;1.350\nWK900101;700*\nWK900102;650\n";

    /// The worked example of docs/hosten.md, step by step as the page does it.
    #[test]
    fn the_worked_example_from_an_empty_monitor() {
        let mut s = site().empty_monitor();
        s.add("wmo-2024.csv", CSV.as_bytes());
        s.add("wmo-2023.csv", CSV.replace("2024", "2023").replace("1.350", "1.301").as_bytes());
        let first = s.checked();
        assert!(
            first[0].problems.iter().any(|p| p.contains("brondocument 001 staat niet in manifest.json")),
            "{first:?}"
        );
        assert!(first[0].problems.iter().any(|p| p.contains("onbekend gebied \"Voorbeeldstad\"")), "{first:?}");
        assert!(s.build("x").is_err());
        s.add_area("GM9001", "Voorbeeldstad", AreaKind::Gemeente).unwrap();
        s.add_area("WK900101", "Centrum", AreaKind::Wijk).unwrap();
        s.add_area("WK900102", "Noord", AreaKind::Wijk).unwrap();
        let reference = s.reference().map(|r| r.0);
        assert_eq!(reference.as_deref(), Some("NL01"));
        let region = s.add_region("Voorbeeldstad", &["GM9001".into()], reference.as_deref()).unwrap();
        assert_eq!(s.wanted_seed().as_deref(), Some("001"));
        s.add_seed(s.wanted_seed().as_deref(), "Registratie Wmo-voorzieningen", "Gemeente Voorbeeldstad", "2025")
            .unwrap();
        let checked = s.checked();
        assert!(checked.iter().all(|c| c.problems.is_empty()), "{checked:?}");
        assert_eq!(s.regions(), [(region.clone(), "Voorbeeldstad".to_owned())]);
        let out = s.build(&region).unwrap();
        assert_eq!(out.files.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["voorbeeldstad-wmo.json"]);
        // What the site then reads: nothing skipped, two years, the wijk marked voorlopig.
        let (m, skipped) = tolerant::manifest("manifest.json", &out.manifest);
        assert!(skipped.is_empty());
        assert_eq!(m.datasets.len(), 1, "the example data are not in the new manifest");
        let (ds, skipped) = tolerant::dataset("voorbeeldstad-wmo.json", &out.files[0].text, &m);
        assert!(skipped.is_empty());
        let t = &ds.unwrap().tables[0];
        assert_eq!(t.periods.len(), 2);
        assert_eq!(t.values.iter().filter(|v| v.provisional).count(), 2);
    }

    #[test]
    fn manifest_config_and_dataset_files_are_checked_too() {
        let mut s = site();
        s.add("manifest.json", include_bytes!("../../../public/data/manifest.json"));
        s.add("config.json", br#"{ "contact": { "website": "javascript:x" } }"#);
        s.add("drechtsteden-wmo.json", include_bytes!("../../../public/data/drechtsteden-wmo.json"));
        s.add("kapot.json", b"{ \"format\": 1, ");
        s.add("notities.docx", b"PK");
        let c = s.checked();
        let kinds: Vec<InputKind> = c.iter().map(|x| x.kind).collect();
        assert_eq!(
            kinds,
            [InputKind::Manifest, InputKind::Config, InputKind::Dataset, InputKind::Dataset, InputKind::Other]
        );
        assert!(c[0].problems.is_empty() && c[0].summary.contains("regio's"));
        assert_eq!(c[1].problems.len(), 1);
        assert!(c[2].problems.is_empty() && c[2].summary.contains("tabellen"), "{:?}", c[2]);
        assert!(c[3].problems[0].contains("het hele bestand is overgeslagen"), "{:?}", c[3]);
        assert!(!c[4].problems.is_empty());
        // A broken manifest: what it loses is said, and the rest stays usable.
        let mut s = site();
        let broken =
            include_str!("../../../public/data/manifest.json").replacen("\"kind\": \"land\"", "\"kind\": \"staat\"", 1);
        s.add("manifest.json", broken.as_bytes());
        assert!(s.checked()[0].problems[0].contains("het gebied \"NL01\" is overgeslagen"));
        assert!(s.manifest.regions.len() >= 4);
    }

    #[test]
    fn a_csv_with_problems_blocks_building_with_a_reason() {
        let mut s = site();
        s.add("x.csv", CSV.as_bytes());
        let e = s.build("ridderkerk").unwrap_err();
        assert!(e[0].contains("1 CSV-bestand heeft nog problemen"), "{e:?}");
    }
}
