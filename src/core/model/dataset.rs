//! The monitor's data model, as described in `docs/data-format.md`.
//!
//! These types are what the decoder builds from a data file once it is valid; nothing here
//! touches JSON or the browser. Serialize is derived so the app can export exactly what it shows.

use crate::core::model::cells::{CellIndex, Coord};
use crate::core::model::value::*;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    Jeugd,
    Participatie,
    Wmo,
    Samenloop,
}

impl Theme {
    pub const ALL: [Theme; 4] = [Theme::Jeugd, Theme::Participatie, Theme::Wmo, Theme::Samenloop];

    pub fn id(self) -> &'static str {
        match self {
            Theme::Jeugd => "jeugd",
            Theme::Participatie => "participatie",
            Theme::Wmo => "wmo",
            Theme::Samenloop => "samenloop",
        }
    }
    pub fn from_id(id: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.id() == id)
    }
    /// The name residents know the theme by.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Jeugd => "Jeugdhulp",
            Theme::Participatie => "Participatiewet",
            Theme::Wmo => "Wmo 2015",
            Theme::Samenloop => "Samenloop",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Pillar {
    Gebruik,
    Ervaringen,
    Budgetten,
    Beschikbaarheid,
}

impl Pillar {
    pub const ALL: [Pillar; 4] = [Pillar::Gebruik, Pillar::Ervaringen, Pillar::Budgetten, Pillar::Beschikbaarheid];

    pub fn id(self) -> &'static str {
        match self {
            Pillar::Gebruik => "gebruik",
            Pillar::Ervaringen => "ervaringen",
            Pillar::Budgetten => "budgetten",
            Pillar::Beschikbaarheid => "beschikbaarheid",
        }
    }
    pub fn from_id(id: &str) -> Option<Pillar> {
        Pillar::ALL.into_iter().find(|p| p.id() == id)
    }
    pub fn name(self) -> &'static str {
        match self {
            Pillar::Gebruik => "Gebruik",
            Pillar::Ervaringen => "Ervaringen",
            Pillar::Budgetten => "Uitputting budgetten",
            Pillar::Beschikbaarheid => "Beschikbaarheid",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum InconsistencyKind {
    TotalNotSum,
    DerivedMismatch,
    TextDiffers,
}

impl InconsistencyKind {
    pub fn from_id(id: &str) -> Option<InconsistencyKind> {
        match id {
            "total-not-sum" => Some(InconsistencyKind::TotalNotSum),
            "derived-mismatch" => Some(InconsistencyKind::DerivedMismatch),
            "text-differs" => Some(InconsistencyKind::TextDiffers),
            _ => None,
        }
    }
}

/// A place where the source disagrees with itself, as documented with the data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Inconsistency {
    pub kind: InconsistencyKind,
    pub key: Key,
    pub published: Option<f64>,
    pub expected: Option<f64>,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub text: String,
    pub seed: String,
    pub section: String,
    pub page: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub id: String,
    /// The title a reader sees: the data's `reader_title` (plain B1 Dutch, issue 23) where it
    /// has one, else the report's own title.
    pub title: String,
    /// The report's own title, kept when `title` is the reader's wording: shown as "In het
    /// rapport: …" and searched, never lost.
    pub report_title: Option<String>,
    pub theme: Theme,
    pub pillar: Pillar,
    pub source: Source,
    pub note: Option<String>,
    pub definitions: Vec<String>,
    pub provisional: bool,
    pub rounding: Option<u32>,
    pub periods: Vec<Label>,
    pub categories: Vec<Label>,
    pub measures: Vec<Measure>,
    pub totals: Vec<Total>,
    pub values: Vec<Value>,
    pub inconsistencies: Vec<Inconsistency>,
    /// This table holds the theme's headline figure (see [`Headline`]).
    pub headline: Option<Headline>,
    /// For a budget table: what its card's figure is (see [`BudgetMark`]).
    pub budget: Option<BudgetMark>,
    /// Position of each cell in `values` by interned coordinates, so the engine's lookups stay
    /// fast on national data.
    #[serde(skip)]
    pub index: CellIndex,
}

impl Table {
    /// (Re)builds the cell index; the decoder calls it. Keeps the first of duplicate keys
    /// (the validator reports duplicates).
    pub fn reindex(&mut self) {
        self.index = CellIndex::new(&self.values);
    }

    pub fn measure(&self, id: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.id == id)
    }
    pub fn value(&self, key: &Key) -> Option<&Value> {
        self.index.coord(key).and_then(|c| self.value_at(c))
    }
    pub fn value_at(&self, c: Coord) -> Option<&Value> {
        self.index.get(c).and_then(|i| self.values.get(i))
    }
    pub fn period_label(&self, id: &str) -> String {
        self.periods.iter().find(|p| p.id == id).map_or_else(|| id.to_owned(), |p| p.label.clone())
    }
    pub fn category_label(&self, id: &str) -> String {
        self.categories.iter().find(|c| c.id == id).map_or_else(|| id.to_owned(), |c| c.label.clone())
    }
    /// Areas in the order they first appear in the values (the order of the source's columns).
    pub fn areas(&self) -> Vec<String> {
        self.index.areas().to_vec()
    }
    pub fn inconsistency(&self, key: &Key) -> Option<&Inconsistency> {
        self.inconsistencies.iter().find(|i| i.key == *key && i.kind != InconsistencyKind::TextDiffers)
    }
}

/// The figure that matters most for a theme in a region: the home page's key figure and the
/// first card of the theme's dashboard. Marked in the data, because the first figure found is
/// rarely the one a resident asks about (issue 13).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Headline {
    pub measure: String,
    pub category: Option<String>,
    /// One plain-Dutch (B1) sentence on what the number means; may hold `{waarde}` and
    /// `{gebied}`, filled in with the figure and the area it is for.
    pub sentence: String,
}

/// What a budget table's card shows and what that number is (issue 21): a budget, a
/// realisation, a deviation from the budget or the exhaustion, and for a deviation whether a
/// positive number is a *tekort* or an *overschot* in the source's own sign convention. The
/// figure is the table's card measure, or the theme's headline budget fact as a sentence of the
/// text states it (`statement`), when the table itself does not print it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BudgetMark {
    pub figure: BudgetFigure,
    /// For an afwijking: what a positive number means in the source.
    pub positive: Option<Balance>,
    /// The statement (id, same file) whose figure is the card's figure.
    pub statement: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BudgetFigure {
    Begroting,
    Realisatie,
    Afwijking,
    Uitputting,
}

impl BudgetFigure {
    pub const ALL: [BudgetFigure; 4] =
        [BudgetFigure::Begroting, BudgetFigure::Realisatie, BudgetFigure::Afwijking, BudgetFigure::Uitputting];
    pub fn id(self) -> &'static str {
        match self {
            BudgetFigure::Begroting => "begroting",
            BudgetFigure::Realisatie => "realisatie",
            BudgetFigure::Afwijking => "afwijking",
            BudgetFigure::Uitputting => "uitputting",
        }
    }
    pub fn from_id(id: &str) -> Option<BudgetFigure> {
        BudgetFigure::ALL.into_iter().find(|b| b.id() == id)
    }
    /// What the number is, in words a resident reads next to it.
    pub fn words(self) -> &'static str {
        match self {
            BudgetFigure::Begroting => "begroting",
            BudgetFigure::Realisatie => "realisatie",
            BudgetFigure::Afwijking => "afwijking van de begroting",
            BudgetFigure::Uitputting => "uitputting: uitgegeven als % van het budget",
        }
    }
}

/// A result's name: more spent than budgeted, or less.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Balance {
    Tekort,
    Overschot,
}

impl Balance {
    pub fn id(self) -> &'static str {
        match self {
            Balance::Tekort => "tekort",
            Balance::Overschot => "overschot",
        }
    }
    pub fn from_id(id: &str) -> Option<Balance> {
        [Balance::Tekort, Balance::Overschot].into_iter().find(|b| b.id() == id)
    }
    pub fn opposite(self) -> Balance {
        match self {
            Balance::Tekort => Balance::Overschot,
            Balance::Overschot => Balance::Tekort,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AvailabilityRow {
    pub item: Option<String>,
    pub supplier: Option<String>,
    pub frequency: Option<String>,
    pub available: Option<String>,
}

/// "Wie levert, frequentie, beschikbaar": when which figures become available.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Availability {
    pub id: String,
    pub theme: Theme,
    pub title: String,
    pub source: Source,
    pub rows: Vec<AvailabilityRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Untranscribed {
    pub title: String,
    pub seed: String,
    pub section: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dataset {
    pub region: String,
    pub theme: Theme,
    pub tables: Vec<Table>,
    pub availability: Vec<Availability>,
    pub untranscribed: Vec<Untranscribed>,
    /// The glossary of this file's terms (issue 23): explained where a term first appears on a
    /// page, and the reader's words that find it in search.
    pub begrippen: Vec<crate::core::model::glossary::Begrip>,
    /// Figures and claims from the running text (`statements`, `claims`, `links`): see
    /// [`crate::core::model::narrative`].
    #[serde(flatten)]
    pub narrative: crate::core::model::narrative::Narrative,
}

/// So the pages' functions over `&[D: AsRef<Dataset>]` take plain datasets as well as the app's
/// shared `Arc<Dataset>`s.
impl AsRef<Dataset> for Dataset {
    fn as_ref(&self) -> &Dataset {
        self
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AreaKind {
    Gemeente,
    Regio,
    Land,
    /// A CBS wijk (`WK` + the gemeente's four digits + two): belongs to that gemeente.
    Wijk,
    /// A CBS buurt (`BU` + the wijk's six digits + two): belongs to that wijk and gemeente.
    Buurt,
}

impl AreaKind {
    pub const ALL: [AreaKind; 5] =
        [AreaKind::Gemeente, AreaKind::Regio, AreaKind::Land, AreaKind::Wijk, AreaKind::Buurt];

    pub fn id(self) -> &'static str {
        match self {
            AreaKind::Gemeente => "gemeente",
            AreaKind::Regio => "regio",
            AreaKind::Land => "land",
            AreaKind::Wijk => "wijk",
            AreaKind::Buurt => "buurt",
        }
    }
    pub fn from_id(id: &str) -> Option<AreaKind> {
        AreaKind::ALL.into_iter().find(|k| k.id() == id)
    }
    /// Regions and the country are drawn apart as references; gemeenten, wijken and buurten
    /// are the areas being compared.
    pub fn is_reference(self) -> bool {
        matches!(self, AreaKind::Regio | AreaKind::Land)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Area {
    pub code: String,
    pub name: String,
    pub short: String,
    pub kind: AreaKind,
    pub members: Vec<String>,
}

impl Area {
    /// The gemeente a wijk or buurt belongs to, read from its CBS code (`WK059701` and
    /// `BU05970101` belong to `GM0597`); `None` for other kinds. The code carries it, so a
    /// manifest cannot contradict itself about it.
    pub fn gemeente(&self) -> Option<String> {
        let digits = match self.kind {
            AreaKind::Wijk => self.code.strip_prefix("WK")?,
            AreaKind::Buurt => self.code.strip_prefix("BU")?,
            _ => return None,
        };
        digits.get(..4).filter(|d| d.chars().all(|c| c.is_ascii_digit())).map(|d| format!("GM{d}"))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Region {
    pub id: String,
    pub name: String,
    pub area: String,
    pub reference: Option<String>,
    pub gemeenten: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Seed {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub year: u32,
}

impl Seed {
    /// `Title (Publisher, 2025), Section` — without the section (and its comma) when there is none.
    pub fn citation(&self, section: &str) -> String {
        let mut s = format!("{} ({}, {})", self.title, self.publisher, self.year);
        if !section.trim().is_empty() {
            s.push_str(", ");
            s.push_str(section.trim());
        }
        s
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DatasetRef {
    pub file: String,
    pub region: String,
    /// Every theme that the file holds tables of, so a page loads only the files it shows.
    pub themes: Vec<Theme>,
    /// The ids of the tables in the file, when a region's data are split into several files per
    /// theme (issue 25): a page then loads only the files holding its tables. `None`: the file
    /// holds whole themes (every table of `themes` in this region is here).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tables: Option<Vec<String>>,
    /// The home page shows tables of this file (key figures, featured indicator). When some file
    /// of a region says so, the home page loads only those; when none does, all of them.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub home: bool,
}

impl DatasetRef {
    /// A file that holds whole themes (the format before issue 25, and what the kit writes).
    pub fn whole(file: impl Into<String>, region: impl Into<String>, themes: Vec<Theme>) -> DatasetRef {
        DatasetRef { file: file.into(), region: region.into(), themes, tables: None, home: false }
    }
    /// Whether the file holds the table `id` of `theme`, as far as the manifest says.
    pub fn holds(&self, id: &str, theme: Theme) -> bool {
        self.themes.contains(&theme) && self.tables.as_ref().is_none_or(|t| t.iter().any(|x| x == id))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Manifest {
    pub areas: Vec<Area>,
    pub regions: Vec<Region>,
    pub seeds: Vec<Seed>,
    pub datasets: Vec<DatasetRef>,
    /// Position of each area by code (a national dataset has ~350 areas).
    #[serde(skip)]
    pub area_index: FastMap<String, usize>,
}

impl Manifest {
    pub fn new(areas: Vec<Area>, regions: Vec<Region>, seeds: Vec<Seed>, datasets: Vec<DatasetRef>) -> Manifest {
        let area_index = areas.iter().enumerate().map(|(i, a)| (a.code.clone(), i)).collect();
        Manifest { areas, regions, seeds, datasets, area_index }
    }
    pub fn area(&self, code: &str) -> Option<&Area> {
        self.area_index.get(code).and_then(|i| self.areas.get(*i))
    }
    pub fn area_name(&self, code: &str) -> String {
        self.area(code).map_or_else(|| code.to_owned(), |a| a.name.clone())
    }
    pub fn seed(&self, id: &str) -> Option<&Seed> {
        self.seeds.iter().find(|s| s.id == id)
    }
    /// The wijken (and buurten after them) of a gemeente, in manifest order.
    pub fn wijken_of(&self, gemeente: &str) -> Vec<&Area> {
        let mut out: Vec<&Area> = self
            .areas
            .iter()
            .filter(|a| a.kind == AreaKind::Wijk && a.gemeente().as_deref() == Some(gemeente))
            .collect();
        out.extend(
            self.areas.iter().filter(|a| a.kind == AreaKind::Buurt && a.gemeente().as_deref() == Some(gemeente)),
        );
        out
    }
}
