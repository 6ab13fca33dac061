//! What the running text of a report says, as data: *statements* (a figure from a sentence, with
//! the sentence quoted exactly), *claims* (a sentence that ranks or compares figures of a table)
//! and *links* (two table cells that are the same figure printed twice), plus *contradictions* a
//! reader found that no rule can compute (wording, a period label against what was summed).
//!
//! They live in the dataset file of their region and theme, next to the tables they speak about,
//! so a page loads a theme's statements with its tables. Decoded in `read::decode`, checked in
//! `check::narrative` (per file) and `check::crosscheck` (across files, and against the tables).

use crate::core::model::*;
use serde::Serialize;

/// Everything a dataset file holds besides tables, from the running text.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Narrative {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<Statement>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Claim>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contradictions: Vec<Contradiction>,
    /// What a mark (`-`, `€ -`) means in each table that prints one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<Mark>,
}

/// The meaning of a mark in one table, with the reason: `-` is *geheim* in a statistics table
/// and *nihil* in a financial one, unless the table shows otherwise (its totals add up only
/// with 0).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mark {
    pub table: String,
    pub mark: String,
    pub meaning: Status,
    pub why: String,
}

/// What kind of figure a sentence states: a measurement, or a figure about the future or a
/// norm. Kept apart so a target is never shown as a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Nature {
    /// Measured or counted (the default).
    Waarneming,
    /// A target (*doelstelling*, *streefcijfer*, *norm*).
    Streefwaarde,
    /// An expectation (*prognose*, *verwachting*, *raming*).
    Prognose,
    /// A budgeted amount (*begroting*, *budget*).
    Begroting,
}

impl Nature {
    pub const ALL: [Nature; 4] = [Nature::Waarneming, Nature::Streefwaarde, Nature::Prognose, Nature::Begroting];
    pub fn id(self) -> &'static str {
        match self {
            Nature::Waarneming => "waarneming",
            Nature::Streefwaarde => "streefwaarde",
            Nature::Prognose => "prognose",
            Nature::Begroting => "begroting",
        }
    }
    pub fn from_id(id: &str) -> Option<Nature> {
        Nature::ALL.into_iter().find(|n| n.id() == id)
    }
    /// How the page labels it; `None` for a plain measurement.
    pub fn word(self) -> Option<&'static str> {
        match self {
            Nature::Waarneming => None,
            Nature::Streefwaarde => Some("streefwaarde"),
            Nature::Prognose => Some("prognose"),
            Nature::Begroting => Some("begroting"),
        }
    }
}

/// Where in a seed document a sentence stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    pub seed: String,
    /// Chapter › part, as in the document.
    pub section: String,
    /// The number printed on the page, when the extraction has it.
    pub page: Option<u32>,
}

/// One cell of a table, named fully (tables may be in another file).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct CellRef {
    pub table: String,
    pub measure: String,
    pub area: String,
    pub period: String,
    pub category: Option<String>,
}

impl CellRef {
    pub fn key(&self) -> Key {
        Key {
            measure: self.measure.clone(),
            area: self.area.clone(),
            period: self.period.clone(),
            category: self.category.clone(),
        }
    }
}

/// A figure stated in the running text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    /// Unique over all files; starts with the theme like a table id.
    pub id: String,
    pub theme: Theme,
    pub pillar: Pillar,
    /// What the figure is, in a few Dutch words ("gemiddeld rapportcijfer samenwerking jeugdhulp").
    pub label: String,
    pub area: String,
    pub period: Label,
    pub unit: Unit,
    pub kind: Kind,
    pub decimals: u8,
    pub nature: Nature,
    pub value: Option<f64>,
    pub status: Status,
    pub provisional: bool,
    /// The figure exactly as the sentence writes it, when that is not the plain Dutch number
    /// (`"3,7 mln"`, `"ruim 1.200"`, `"elf"`).
    pub printed: Option<String>,
    /// What a percentage or rate is taken of, in words.
    pub base: Option<String>,
    /// The stated figure follows from other statements (ids): a share of counts, a sum of parts.
    pub formula: Option<Formula>,
    /// The table cell this sentence restates, if the report also prints it in a table.
    pub cell: Option<CellRef>,
    /// Another statement (this or another document) that gives the same figure.
    pub same_as: Option<String>,
    /// The sentence, quoted exactly (line breaks of the extraction as single spaces).
    pub quote: String,
    pub place: Place,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    Hoger,
    Lager,
    Gelijk,
    Hoogste,
    Laagste,
    /// "op of onder": not higher.
    NietHoger,
    /// "op of boven": not lower.
    NietLager,
}

impl Relation {
    pub const ALL: [Relation; 7] = [
        Relation::Hoger,
        Relation::Lager,
        Relation::Gelijk,
        Relation::Hoogste,
        Relation::Laagste,
        Relation::NietHoger,
        Relation::NietLager,
    ];
    pub fn id(self) -> &'static str {
        match self {
            Relation::Hoger => "hoger",
            Relation::Lager => "lager",
            Relation::Gelijk => "gelijk",
            Relation::Hoogste => "hoogste",
            Relation::Laagste => "laagste",
            Relation::NietHoger => "niet-hoger",
            Relation::NietLager => "niet-lager",
        }
    }
    pub fn from_id(id: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.id() == id)
    }
}

/// A sentence that compares a table's figures: "Dordrecht ligt hoger dan Nederland",
/// "Sliedrecht heeft het hoogste percentage".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    pub id: String,
    pub theme: Theme,
    pub relation: Relation,
    /// The figure the sentence is about.
    pub subject: CellRef,
    /// The areas it is compared with (same table, measure, period and category): one for
    /// hoger/lager/gelijk, all the others for hoogste/laagste.
    pub than: Vec<String>,
    pub quote: String,
    pub place: Place,
}

/// Two cells that print the same figure (the same count in two tables, a total repeated).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    pub a: CellRef,
    pub b: CellRef,
    /// Why they are the same figure, in one Dutch sentence.
    pub why: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Grade {
    /// Clearly contradictory.
    Duidelijk,
    /// Small: within or just outside what rounding explains.
    Klein,
    /// Wording, or a possible contradiction that depends on how the sentence is read.
    Formulering,
}

impl Grade {
    pub const ALL: [Grade; 3] = [Grade::Duidelijk, Grade::Klein, Grade::Formulering];
    pub fn id(self) -> &'static str {
        match self {
            Grade::Duidelijk => "duidelijk",
            Grade::Klein => "klein",
            Grade::Formulering => "formulering",
        }
    }
    pub fn from_id(id: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.id() == id)
    }
    pub fn name(self) -> &'static str {
        match self {
            Grade::Duidelijk => "duidelijke tegenspraak",
            Grade::Klein => "klein, binnen afronding",
            Grade::Formulering => "formulering of mogelijk",
        }
    }
}

/// The kinds of contradiction the cross checks know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    /// The same figure printed twice with different values (text and table, or twice in text).
    ZelfdeCijfer,
    /// A sentence about ranking or equality that the table contradicts.
    Bewering,
    /// A percentage or rate that does not match the counts it is taken from.
    Afgeleid,
    /// Percentages in one table whose implied base differs from row to row.
    ImplicieteBasis,
    /// Rates per 1.000 that no population fits, given the counts and their rounding.
    Tarief,
    /// A total that is not the sum of its parts (in a table, or as the text states them).
    DelenTotaal,
    /// Two tables of the same period giving the same count differently.
    ZelfdePeriode,
    /// Two documents giving the same figure differently.
    Documenten,
    /// A period label that does not match what was summed or counted.
    Periode,
    /// A number written in a notation that reads as another number.
    Notatie,
    /// A table whose note or text contradicts it without a second figure.
    TekstTabel,
}

impl FindingKind {
    pub const ALL: [FindingKind; 11] = [
        FindingKind::ZelfdeCijfer,
        FindingKind::Bewering,
        FindingKind::Afgeleid,
        FindingKind::ImplicieteBasis,
        FindingKind::Tarief,
        FindingKind::DelenTotaal,
        FindingKind::ZelfdePeriode,
        FindingKind::Documenten,
        FindingKind::Periode,
        FindingKind::Notatie,
        FindingKind::TekstTabel,
    ];
    pub fn id(self) -> &'static str {
        match self {
            FindingKind::ZelfdeCijfer => "zelfde-cijfer",
            FindingKind::Bewering => "bewering",
            FindingKind::Afgeleid => "afgeleid",
            FindingKind::ImplicieteBasis => "impliciete-basis",
            FindingKind::Tarief => "tarief",
            FindingKind::DelenTotaal => "delen-totaal",
            FindingKind::ZelfdePeriode => "zelfde-periode",
            FindingKind::Documenten => "documenten",
            FindingKind::Periode => "periode",
            FindingKind::Notatie => "notatie",
            FindingKind::TekstTabel => "tekst-tabel",
        }
    }
    pub fn from_id(id: &str) -> Option<FindingKind> {
        FindingKind::ALL.into_iter().find(|k| k.id() == id)
    }
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::ZelfdeCijfer => "hetzelfde cijfer op twee plaatsen verschillend",
            FindingKind::Bewering => "bewering in de tekst tegen de tabel",
            FindingKind::Afgeleid => "afgeleid cijfer klopt niet met de aantallen",
            FindingKind::ImplicieteBasis => "percentages met per rij een andere basis",
            FindingKind::Tarief => "cijfers per 1.000 waar geen bevolking bij past",
            FindingKind::DelenTotaal => "totaal ≠ som van de delen",
            FindingKind::ZelfdePeriode => "twee tabellen, zelfde periode, ander cijfer",
            FindingKind::Documenten => "documenten spreken elkaar tegen",
            FindingKind::Periode => "periode in het label ≠ wat is opgeteld",
            FindingKind::Notatie => "notatiefout",
            FindingKind::TekstTabel => "toelichting of tekst spreekt de tabel tegen",
        }
    }
}

/// A contradiction a reader found that no rule computes; the figures of the places it names
/// are shown next to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contradiction {
    pub kind: FindingKind,
    pub grade: Grade,
    pub description: String,
    /// Statement ids on either side.
    pub statements: Vec<String>,
    /// Table cells on either side.
    pub cells: Vec<CellRef>,
}

/// Whitespace folded to single spaces, soft hyphens and the extraction's line-break hyphens
/// kept: quotes are compared on this form.
pub fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
