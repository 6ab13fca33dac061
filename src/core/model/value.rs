//! A table's building blocks: units, kinds of figures, formulas, measures, and one value with
//! its key and publication status. The cell index (`cells`) and the tables (`dataset`) are made
//! of these.

use serde::Serialize;

/// The engine's lookups by short string keys use rustc-hash's Fx hasher: the keys come from
/// validated data files, not from an attacker who could choose collisions at scale, SipHash was a
/// fifth of the national benchmark, and the crate is already in the WASM through Leptos.
pub type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Unit {
    #[serde(rename = "aantal")]
    Aantal,
    #[serde(rename = "%")]
    Procent,
    #[serde(rename = "€")]
    Euro,
    #[serde(rename = "per 1.000")]
    Per1000,
    #[serde(rename = "score")]
    Score,
    #[serde(rename = "jaar")]
    Jaar,
    #[serde(rename = "maanden")]
    Maanden,
}

impl Unit {
    pub const ALL: [Unit; 7] =
        [Unit::Aantal, Unit::Procent, Unit::Euro, Unit::Per1000, Unit::Score, Unit::Jaar, Unit::Maanden];

    pub fn id(self) -> &'static str {
        match self {
            Unit::Aantal => "aantal",
            Unit::Procent => "%",
            Unit::Euro => "€",
            Unit::Per1000 => "per 1.000",
            Unit::Score => "score",
            Unit::Jaar => "jaar",
            Unit::Maanden => "maanden",
        }
    }
    pub fn from_id(id: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.id() == id)
    }
}

/// What a printed figure is: the engine only sums raw figures and only recomputes derived ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Count,
    Denominator,
    Amount,
    Score,
    Derived,
}

impl Kind {
    pub const ALL: [Kind; 5] = [Kind::Count, Kind::Denominator, Kind::Amount, Kind::Score, Kind::Derived];

    pub fn id(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Denominator => "denominator",
            Kind::Amount => "amount",
            Kind::Score => "score",
            Kind::Derived => "derived",
        }
    }
    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.id() == id)
    }
    /// Raw figures that add up over areas or categories.
    pub fn is_additive(self) -> bool {
        matches!(self, Kind::Count | Kind::Denominator | Kind::Amount)
    }
}

/// How a cell was published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// A number was printed.
    Gepubliceerd,
    /// `-`: a value of 0 to 7, suppressed to protect individuals. Never has a number.
    Geheim,
    /// `.`, `[pm]`, "niet openbaar gemaakt": not published or not available.
    NietBeschikbaar,
    /// `-` in a financial table, where it means zero.
    Nihil,
}

impl Status {
    pub fn id(self) -> &'static str {
        match self {
            Status::Gepubliceerd => "gepubliceerd",
            Status::Geheim => "geheim",
            Status::NietBeschikbaar => "niet-beschikbaar",
            Status::Nihil => "nihil",
        }
    }
    pub fn from_id(id: &str) -> Option<Status> {
        [Status::Gepubliceerd, Status::Geheim, Status::NietBeschikbaar, Status::Nihil]
            .into_iter()
            .find(|s| s.id() == id)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Share,
    Per1000,
    Sum,
    Difference,
    AbsDifference,
    Ratio,
}

impl Op {
    pub const ALL: [Op; 6] = [Op::Share, Op::Per1000, Op::Sum, Op::Difference, Op::AbsDifference, Op::Ratio];

    pub fn id(self) -> &'static str {
        match self {
            Op::Share => "share",
            Op::Per1000 => "per1000",
            Op::Sum => "sum",
            Op::Difference => "difference",
            Op::AbsDifference => "abs_difference",
            Op::Ratio => "ratio",
        }
    }
    pub fn from_id(id: &str) -> Option<Op> {
        Op::ALL.into_iter().find(|o| o.id() == id)
    }
    /// How many arguments the operation takes: `None` means two or more.
    pub fn arity(self) -> Option<usize> {
        match self {
            Op::Sum => None,
            _ => Some(2),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Formula {
    pub op: Op,
    pub args: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Measure {
    pub id: String,
    /// The name a reader sees: the data's `reader_label` where it has one (complete on its own,
    /// group included), else the report's label.
    pub label: String,
    /// The report's own label, kept when `label` is the reader's wording.
    pub report_label: Option<String>,
    pub unit: Unit,
    pub kind: Kind,
    pub decimals: u8,
    pub group: Option<String>,
    pub base: Option<String>,
    pub rounding: Option<u32>,
    pub formula: Option<Formula>,
}

impl Measure {
    /// The measure's complete name: its group before its label ("cliënten per 1.000 inwoners –
    /// 1 voorziening"), so two measures with the same label in different groups never share a
    /// name (issue 21); the label alone when it already names its group.
    pub fn full_label(&self) -> String {
        match self.group.as_deref().map(str::trim) {
            // A reader's label is complete on its own: it names its group in plain words.
            _ if self.report_label.is_some() => self.label.clone(),
            Some(g) if !g.is_empty() && !self.label.to_lowercase().contains(&g.to_lowercase()) => {
                format!("{g} – {}", self.label)
            }
            _ => self.label.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub id: String,
    /// The name a reader sees (a category's `reader_label` where the data give one).
    pub label: String,
    /// The report's own wording, kept when `label` is the reader's.
    pub report: Option<String>,
}

/// Serialised as the data format writes it (statements carry their period through serde):
/// `label` is the report's wording, `reader_label` the reader's when there is one.
impl Serialize for Label {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Label", if self.report.is_some() { 3 } else { 2 })?;
        out.serialize_field("id", &self.id)?;
        match &self.report {
            Some(report) => {
                out.serialize_field("label", report)?;
                out.serialize_field("reader_label", &self.label)?;
            }
            None => out.serialize_field("label", &self.label)?,
        }
        out.end()
    }
}

impl Label {
    /// A label as the report prints it, with no reader's wording of its own.
    pub fn new(id: impl Into<String>, label: impl Into<String>) -> Label {
        Label { id: id.into(), label: label.into(), report: None }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TotalDimension {
    Area,
    Category,
}

/// A published total over areas or categories that is meant as the sum of its parts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Total {
    pub dimension: TotalDimension,
    pub total: String,
    pub of: Vec<String>,
}

/// The coordinates of one cell.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Key {
    pub measure: String,
    pub area: String,
    pub period: String,
    pub category: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Value {
    pub key: Key,
    pub value: Option<f64>,
    pub status: Status,
    pub provisional: bool,
    pub printed: Option<String>,
}
