//! What the running text of a report says, as data: *statements* (a figure from a sentence, with
//! the sentence quoted exactly), *claims* (a sentence that ranks or compares figures of a table)
//! and *links* (two table cells that are the same figure printed twice), plus *contradictions* a
//! reader found that no rule can compute (wording, a period label against what was summed).
//!
//! They live in the dataset file of their region and theme, next to the tables they speak about,
//! so a page loads a theme's statements with its tables. Decoded in `decode`, checked here (per
//! file) and in `crosscheck` (across files, and against the tables).

use crate::core::model::problem::{JsonPath, Problems};
use crate::core::model::*;
use crate::core::text::format;
use serde::Serialize;
use std::collections::HashSet;

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

/// The statement's figure as the sentence writes it (for the check that it is in the quote).
pub fn written(st: &Statement) -> Option<String> {
    st.printed.clone().or_else(|| st.value.map(|v| format::number(v, st.decimals)))
}

/// Records a problem at a JSON path written as text (`statements[3].quote`). The one place that
/// knows how `Problems` takes a path, so a change there is a change here only.
pub(crate) fn at(p: &mut Problems, path: &str, message: impl Into<String>) {
    p.add(&json_path(path), message);
}

/// `statements[3].place.seed` as a typed JSON path.
fn json_path(text: &str) -> JsonPath {
    let mut path = JsonPath::root();
    for part in text.split('.').filter(|s| !s.is_empty()) {
        let mut rest = part;
        if let Some(i) = rest.find('[') {
            path = path.key(rest[..i].to_owned());
            rest = &rest[i..];
            while let Some(end) = rest.find(']') {
                if let Ok(n) = rest[1..end].parse::<usize>() {
                    path = path.index(n);
                }
                rest = &rest[end + 1..];
            }
        } else {
            path = path.key(rest.to_owned());
        }
    }
    path
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Checks within one file: ids, codes, units, the figure in its quote, formulas over known
/// statements. References to tables and other files are checked in `crosscheck`.
pub fn validate(ds: &Dataset, m: &Manifest, p: &mut Problems) {
    let n = &ds.narrative;
    let mut ids: HashSet<&str> = ds.tables.iter().map(|t| t.id.as_str()).collect();
    let statement_ids: HashSet<&str> = n.statements.iter().map(|s| s.id.as_str()).collect();
    for (i, st) in n.statements.iter().enumerate() {
        let path = format!("statements[{i}]");
        if !ids.insert(st.id.as_str()) {
            at(p, &format!("{path}.id"), format!("id \"{}\" komt twee keer voor in dit bestand", st.id));
        }
        if !is_id(&st.id) || !st.id.starts_with(&format!("{}-", st.theme.id())) {
            at(
                p,
                &format!("{path}.id"),
                format!(
                    "id \"{}\" moet uit kleine letters, cijfers en streepjes bestaan en beginnen met \"{}-\"",
                    st.id,
                    st.theme.id()
                ),
            );
        }
        if m.area(&st.area).is_none() {
            at(
                p,
                &format!("{path}.area"),
                format!("onbekende gebiedscode \"{}\"; verwacht een code uit manifest.json", st.area),
            );
        }
        place(&st.place, &format!("{path}.place"), m, p);
        if st.label.trim().is_empty() {
            at(p, &format!("{path}.label"), "beschrijf in een paar woorden wat het cijfer is");
        }
        let fake = Measure {
            id: st.id.clone(),
            label: st.label.clone(),
            unit: st.unit,
            kind: st.kind,
            decimals: st.decimals,
            group: None,
            base: st.base.clone(),
            rounding: None,
            formula: st.formula.clone(),
        };
        if let Err(msg) = crate::core::check::validate::unit_fits(&fake) {
            at(p, &format!("{path}.unit"), msg);
        }
        if let Some(x) = st.value {
            if st.kind.is_additive() && x < 0.0 {
                at(p, &format!("{path}.value"), format!("een aantal of bedrag kan niet negatief zijn ({x})"));
            }
            if st.unit == Unit::Procent
                && !(0.0..=100.0).contains(&x)
                && st.formula.as_ref().is_none_or(|f| f.op == Op::Share)
            {
                at(p, &format!("{path}.value"), format!("een percentage moet tussen 0 en 100 liggen, niet {x}"));
            }
            if st.kind == Kind::Count && x.fract() != 0.0 {
                at(p, &format!("{path}.value"), format!("een aantal is een geheel getal, niet {x}"));
            }
        }
        let quote = normalise(&st.quote);
        if quote.is_empty() {
            at(p, &format!("{path}.quote"), "het citaat ontbreekt; neem de zin over zoals gepubliceerd");
        } else if let Some(w) = written(st) {
            if !quote.contains(&normalise(&w)) {
                at(p,
                    &format!("{path}.quote"),
                    format!("het cijfer \"{w}\" staat niet in het citaat; geef in \"printed\" precies hoe de zin het schrijft"),
                );
            }
        }
        if let Some(f) = &st.formula {
            if st.kind != Kind::Derived {
                at(p, &format!("{path}.formula"), "alleen een afgeleid cijfer (kind: derived) heeft een formule");
            }
            for (k, arg) in f.args.iter().enumerate() {
                if !statement_ids.contains(arg.as_str()) {
                    at(
                        p,
                        &format!("{path}.formula.args[{k}]"),
                        format!(
                            "onbekende uitspraak \"{arg}\"; een formule rekent met uitspraken uit hetzelfde bestand"
                        ),
                    );
                }
                if *arg == st.id {
                    at(p, &format!("{path}.formula.args[{k}]"), "een uitspraak kan niet uit zichzelf berekend worden");
                }
            }
        }
    }
    for (i, c) in n.claims.iter().enumerate() {
        let path = format!("claims[{i}]");
        if !ids.insert(c.id.as_str()) {
            at(p, &format!("{path}.id"), format!("id \"{}\" komt twee keer voor in dit bestand", c.id));
        }
        if !is_id(&c.id) || !c.id.starts_with(&format!("{}-", c.theme.id())) {
            at(p, &format!("{path}.id"), format!("id \"{}\" moet beginnen met \"{}-\"", c.id, c.theme.id()));
        }
        place(&c.place, &format!("{path}.place"), m, p);
        if normalise(&c.quote).is_empty() {
            at(p, &format!("{path}.quote"), "het citaat ontbreekt; neem de zin over zoals gepubliceerd");
        }
        let want_one = !matches!(c.relation, Relation::Hoogste | Relation::Laagste);
        if c.than.is_empty() || (want_one && c.than.len() != 1) {
            at(
                p,
                &format!("{path}.than"),
                if want_one {
                    "bij hoger, lager of gelijk hoort precies één gebied om mee te vergelijken"
                } else {
                    "noem de gebieden waaronder dit het hoogste of laagste is"
                },
            );
        }
        for (k, code) in c.than.iter().enumerate() {
            if m.area(code).is_none() {
                at(p, &format!("{path}.than[{k}]"), format!("onbekende gebiedscode \"{code}\""));
            }
        }
    }
    for (i, c) in n.contradictions.iter().enumerate() {
        let path = format!("contradictions[{i}]");
        if c.description.trim().is_empty() {
            at(p, &format!("{path}.description"), "beschrijf de tegenspraak in één zin");
        }
        if c.statements.len() + c.cells.len() < 1 {
            at(p, &path, "noem de uitspraken of tabelcellen waar de tegenspraak over gaat");
        }
    }
    // `-` means geheim in a statistics table and nihil in a financial one (docs/data-format.md).
    // A table that uses it otherwise (nihil for a count) says so under `marks`, with the reason;
    // a table with a mark uses that one meaning for all its cells.
    for (i, t) in ds.tables.iter().enumerate() {
        let money = |v: &Value| {
            t.measure(&v.key.measure)
                .is_some_and(|m| m.kind == Kind::Amount || (m.kind == Kind::Derived && m.unit == Unit::Euro))
        };
        let dashes: Vec<&Value> =
            t.values.iter().filter(|v| matches!(v.status, Status::Geheim | Status::Nihil)).collect();
        let mark = n.marks.iter().find(|m| m.table == t.id);
        for v in &dashes {
            let default = if money(v) { Status::Nihil } else { Status::Geheim };
            let ok = match mark {
                Some(m) => v.status == m.meaning,
                None => v.status == default,
            };
            if !ok {
                let msg = match mark {
                    Some(m) => format!(
                        "in tabel {} betekent \"{}\" volgens marks {}, maar deze waarde heeft status {}",
                        t.id,
                        m.mark,
                        m.meaning.id(),
                        v.status.id()
                    ),
                    None => format!(
                        "status {} wijkt af van de regel (\"-\" is geheim in een statistiektabel en nihil bij bedragen); zeg onder marks wat \"-\" in tabel {} betekent en waarom",
                        v.status.id(),
                        t.id
                    ),
                };
                at(p, &format!("tables[{i}]"), msg);
                break;
            }
        }
    }
    for (i, m) in n.marks.iter().enumerate() {
        if !ds.tables.iter().any(|t| t.id == m.table) {
            at(p, &format!("marks[{i}].table"), format!("onbekende tabel \"{}\" in dit bestand", m.table));
        }
        if m.why.trim().is_empty() {
            at(p, &format!("marks[{i}].why"), "zeg waarom het teken dit betekent (toelichting of totalen)");
        }
    }
    for (i, l) in n.links.iter().enumerate() {
        if l.why.trim().is_empty() {
            at(p, &format!("links[{i}].why"), "zeg in één zin waarom dit hetzelfde cijfer is");
        }
    }
}

fn place(pl: &Place, path: &str, m: &Manifest, p: &mut Problems) {
    if m.seed(&pl.seed).is_none() {
        at(
            p,
            &format!("{path}.seed"),
            format!("onbekend brondocument \"{}\"; verwacht een id uit manifest.json (seeds)", pl.seed),
        );
    }
    if pl.section.trim().is_empty() {
        at(p, &format!("{path}.section"), "noem het hoofdstuk of de paragraaf (hoofdstuk › deel)");
    }
}
