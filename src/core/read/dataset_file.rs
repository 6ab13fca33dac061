//! The dataset file format (`docs/data-format.md`) as serialisable types: what
//! [`write_dataset`] writes is exactly what `decode::dataset` reads back (a round-trip test holds
//! the two together). Borrowed from the model, so writing copies no strings.
//!
//! The decoder stays hand-written (it reports every problem with its path); this side only
//! writes valid files, so serde derive fits. It replaced a hand-built `Json` tree and printer:
//! 3,4 kB more WASM (1,2 kB brotli; serde_json was already there), for one declared shape of the
//! file instead of field names spread over a function, and it is only needed by the council
//! tools (data check page, `msd-csv`).

use crate::core::model::{
    Availability, AvailabilityRow, Dataset, Formula, Inconsistency, InconsistencyKind, Kind, Label, Measure, Op,
    Pillar, Source, Status, Table, Theme, Total, TotalDimension, Unit, Untranscribed, Value,
};
use serde::ser::Serializer;
use serde::Serialize;

/// The format version this monitor reads and writes.
pub const FORMAT: u32 = 1;

#[derive(Serialize)]
struct DatasetFile<'a> {
    format: u32,
    region: &'a str,
    theme: Theme,
    tables: Vec<TableFile<'a>>,
    availability: Vec<AvailabilityFile<'a>>,
    untranscribed: Vec<UntranscribedFile<'a>>,
    /// The glossary (issue 23); absent when empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    begrippen: Vec<BegripFile<'a>>,
    /// Statements, claims, links, contradictions and marks (issue 14); absent when empty.
    #[serde(flatten)]
    narrative: &'a crate::core::model::narrative::Narrative,
}

#[derive(Serialize)]
struct TableFile<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reader_title: Option<&'a str>,
    theme: Theme,
    pillar: Pillar,
    source: SourceFile<'a>,
    note: Option<&'a str>,
    definitions: &'a [String],
    provisional: bool,
    rounding: Option<u32>,
    /// `Label` serialises as the file writes it (`label` the report's, `reader_label` the reader's).
    periods: &'a [Label],
    categories: &'a [Label],
    measures: Vec<MeasureFile<'a>>,
    totals: Vec<TotalFile<'a>>,
    values: Vec<ValueFile<'a>>,
    inconsistencies: Vec<InconsistencyFile<'a>>,
    /// The theme's headline figure (issue 13), only where the table has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<HeadlineFile<'a>>,
    /// What a budget table's card figure is (issue 21), only where the table has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    budget: Option<BudgetFile<'a>>,
}

#[derive(Serialize)]
struct BudgetFile<'a> {
    figure: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    positive: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    statement: Option<&'a str>,
}

#[derive(Serialize)]
struct HeadlineFile<'a> {
    measure: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<&'a str>,
    sentence: &'a str,
}

#[derive(Serialize)]
struct SourceFile<'a> {
    text: &'a str,
    seed: &'a str,
    section: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<u32>,
}

#[derive(Serialize)]
struct MeasureFile<'a> {
    id: &'a str,
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reader_label: Option<&'a str>,
    #[serde(serialize_with = "unit_id")]
    unit: Unit,
    #[serde(serialize_with = "kind_id")]
    kind: Kind,
    decimals: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    base: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rounding: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    formula: Option<FormulaFile<'a>>,
}

#[derive(Serialize)]
struct FormulaFile<'a> {
    #[serde(serialize_with = "op_id")]
    op: Op,
    args: &'a [String],
}

#[derive(Serialize)]
struct TotalFile<'a> {
    dimension: TotalDimension,
    total: &'a str,
    of: &'a [String],
}

#[derive(Serialize)]
struct ValueFile<'a> {
    measure: &'a str,
    area: &'a str,
    period: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "figure")]
    value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "status_id")]
    status: Option<Status>,
    /// Only where it differs from the table's `provisional`.
    #[serde(skip_serializing_if = "Option::is_none")]
    provisional: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    printed: Option<&'a str>,
}

#[derive(Serialize)]
struct InconsistencyFile<'a> {
    kind: InconsistencyKind,
    measure: &'a str,
    area: &'a str,
    period: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "figure")]
    published: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "figure")]
    expected: Option<f64>,
    description: &'a str,
}

#[derive(Serialize)]
struct AvailabilityFile<'a> {
    id: &'a str,
    theme: Theme,
    title: &'a str,
    source: SourceFile<'a>,
    rows: Vec<AvailabilityRowFile<'a>>,
}

#[derive(Serialize)]
struct AvailabilityRowFile<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    item: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    supplier: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    frequency: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    available: Option<&'a str>,
}

#[derive(Serialize)]
struct BegripFile<'a> {
    term: &'a str,
    uitleg: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    ook: &'a [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    zoekwoorden: &'a [String],
}

#[derive(Serialize)]
struct UntranscribedFile<'a> {
    title: &'a str,
    seed: &'a str,
    section: &'a str,
    reason: &'a str,
}

/// The model's ids, not its display names: `Unit`, `Kind`, `Op` and `Status` serialise for the
/// app's exports, the file format uses the ids the decoder reads.
fn unit_id<S: Serializer>(unit: &Unit, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(unit.id())
}
fn kind_id<S: Serializer>(kind: &Kind, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(kind.id())
}
fn op_id<S: Serializer>(op: &Op, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(op.id())
}
fn status_id<S: Serializer>(status: &Option<Status>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(status.map_or("", Status::id))
}

/// Whole numbers without `.0`, as the bundled files write them (`1490`, not `1490.0`).
fn figure<S: Serializer>(value: &Option<f64>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(number) if number.fract() == 0.0 && number.abs() < 1e15 => serializer.serialize_i64(*number as i64),
        Some(number) => serializer.serialize_f64(*number),
        None => serializer.serialize_none(),
    }
}

fn text(value: &Option<String>) -> Option<&str> {
    value.as_deref()
}

fn source(source: &Source) -> SourceFile<'_> {
    SourceFile { text: &source.text, seed: &source.seed, section: &source.section, page: source.page }
}

/// The model keeps the reader's wording first and the report's beside it (issue 23); the file
/// has the report's as `title`/`label` and the reader's as `reader_…`: `(report, reader)`.
fn in_file<'a>(shown: &'a str, report: &'a Option<String>) -> (&'a str, Option<&'a str>) {
    match report {
        Some(report) => (report, Some(shown)),
        None => (shown, None),
    }
}

fn measure(measure: &Measure) -> MeasureFile<'_> {
    let (label, reader_label) = in_file(&measure.label, &measure.report_label);
    MeasureFile {
        id: &measure.id,
        label,
        reader_label,
        unit: measure.unit,
        kind: measure.kind,
        decimals: measure.decimals,
        group: text(&measure.group),
        base: text(&measure.base),
        rounding: measure.rounding,
        formula: measure.formula.as_ref().map(|Formula { op, args }| FormulaFile { op: *op, args }),
    }
}

fn value(value: &Value, table_provisional: bool) -> ValueFile<'_> {
    ValueFile {
        measure: &value.key.measure,
        area: &value.key.area,
        period: &value.key.period,
        category: text(&value.key.category),
        value: value.value,
        status: Some(value.status).filter(|status| *status != Status::Gepubliceerd),
        provisional: Some(value.provisional).filter(|provisional| *provisional != table_provisional),
        printed: text(&value.printed),
    }
}

fn inconsistency(inconsistency: &Inconsistency) -> InconsistencyFile<'_> {
    InconsistencyFile {
        kind: inconsistency.kind,
        measure: &inconsistency.key.measure,
        area: &inconsistency.key.area,
        period: &inconsistency.key.period,
        category: text(&inconsistency.key.category),
        published: inconsistency.published,
        expected: inconsistency.expected,
        description: &inconsistency.description,
    }
}

fn table(table: &Table) -> TableFile<'_> {
    let (title, reader_title) = in_file(&table.title, &table.report_title);
    TableFile {
        id: &table.id,
        title,
        reader_title,
        theme: table.theme,
        pillar: table.pillar,
        source: source(&table.source),
        note: text(&table.note),
        definitions: &table.definitions,
        provisional: table.provisional,
        rounding: table.rounding,
        periods: &table.periods,
        categories: &table.categories,
        measures: table.measures.iter().map(measure).collect(),
        totals: table
            .totals
            .iter()
            .map(|Total { dimension, total, of }| TotalFile { dimension: *dimension, total, of })
            .collect(),
        values: table.values.iter().map(|item| value(item, table.provisional)).collect(),
        inconsistencies: table.inconsistencies.iter().map(inconsistency).collect(),
        headline: table.headline.as_ref().map(|h| HeadlineFile {
            measure: &h.measure,
            category: h.category.as_deref(),
            sentence: &h.sentence,
        }),
        budget: table.budget.as_ref().map(|b| BudgetFile {
            figure: b.figure.id(),
            positive: b.positive.map(crate::core::model::Balance::id),
            statement: b.statement.as_deref(),
        }),
    }
}

fn availability_row(row: &AvailabilityRow) -> AvailabilityRowFile<'_> {
    AvailabilityRowFile {
        item: text(&row.item),
        supplier: text(&row.supplier),
        frequency: text(&row.frequency),
        available: text(&row.available),
    }
}

fn availability(availability: &Availability) -> AvailabilityFile<'_> {
    AvailabilityFile {
        id: &availability.id,
        theme: availability.theme,
        title: &availability.title,
        source: source(&availability.source),
        rows: availability.rows.iter().map(availability_row).collect(),
    }
}

fn untranscribed(item: &Untranscribed) -> UntranscribedFile<'_> {
    UntranscribedFile { title: &item.title, seed: &item.seed, section: &item.section, reason: &item.reason }
}

/// A complete dataset file, pretty-printed with a one-space indent as the bundled files are.
pub fn write_dataset(dataset: &Dataset) -> String {
    let file = DatasetFile {
        format: FORMAT,
        region: &dataset.region,
        theme: dataset.theme,
        tables: dataset.tables.iter().map(table).collect(),
        availability: dataset.availability.iter().map(availability).collect(),
        untranscribed: dataset.untranscribed.iter().map(untranscribed).collect(),
        begrippen: dataset
            .begrippen
            .iter()
            .map(|b| BegripFile { term: &b.term, uitleg: &b.uitleg, ook: &b.ook, zoekwoorden: &b.zoekwoorden })
            .collect(),
        narrative: &dataset.narrative,
    };
    let mut out = Vec::new();
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut out, serde_json::ser::PrettyFormatter::with_indent(b" "));
    // Serialising these types into memory cannot fail: every map key is a string and every
    // number finite (the decoder refuses others).
    if file.serialize(&mut serializer).is_err() {
        return String::new();
    }
    out.push(b'\n');
    String::from_utf8(out).unwrap_or_default()
}
