//! What a figure is: its value or the reason it has none, its interval, and how it came about,
//! written out in words. A child module of the engine, apart from the arithmetic, because
//! every output reads these types while only the engine makes them.

use crate::core::model::*;
use crate::core::text::format;
use std::borrow::Cow;

/// Why a figure has no value.
#[derive(Debug, Clone, PartialEq)]
pub enum Missing {
    /// `-`: 0 to 7, suppressed to protect individuals.
    Geheim,
    /// `.` or otherwise not published.
    NietBeschikbaar,
    /// The source has no cell for this combination.
    NietInBron,
    /// Computed from one or more suppressed inputs (named).
    UitGeheim(Vec<String>),
    /// Computed from one or more unavailable inputs (named).
    UitNietBeschikbaar(Vec<String>),
    /// Division by zero.
    DelenDoorNul,
}

impl Missing {
    /// The reason in words, for the page and for exports.
    pub fn reason(&self) -> String {
        match self {
            Missing::Geheim => {
                "geheim: een aantal van 0 tot en met 7, niet gepubliceerd om te voorkomen dat personen herkenbaar zijn"
                    .into()
            }
            Missing::NietBeschikbaar => "niet beschikbaar: dit cijfer is niet openbaar gemaakt of niet geleverd".into(),
            Missing::NietInBron => "niet in de bron: dit cijfer staat niet in de publicatie".into(),
            Missing::UitGeheim(names) => format!("niet te berekenen: {} is geheim", format::join_nl(names)),
            Missing::UitNietBeschikbaar(names) => {
                format!("niet te berekenen: {} is niet beschikbaar", format::join_nl(names))
            }
            Missing::DelenDoorNul => "niet te berekenen: de noemer is 0".into(),
        }
    }
    /// One word for a table cell.
    pub fn mark(&self) -> &'static str {
        match self {
            Missing::Geheim | Missing::UitGeheim(_) => "geheim",
            Missing::NietBeschikbaar | Missing::UitNietBeschikbaar(_) => "n.b.",
            Missing::NietInBron => "—",
            Missing::DelenDoorNul => "n.v.t.",
        }
    }
}

/// One figure as the monitor shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub value: Result<f64, Missing>,
    /// Where the true value lies, given rounding in the source and the 0–7 range of suppressed
    /// counts. Equal to the value when exact.
    pub range: Option<(f64, f64)>,
    pub provisional: bool,
    pub unit: Unit,
    pub decimals: u8,
    /// How the figure came about; written out only when someone reads it ([`Figure::how`]),
    /// because formatting every input of every figure would cost more than computing them.
    pub explain: How,
    /// For a figure the source printed *and* gives the parts of (a derived measure with a
    /// formula): the engine's recomputation from those parts. The printed figure is the value
    /// every output shows; this is kept to check it and, where it differs at the printed
    /// precision, shown next to it as a contradiction ("berekend uit de delen: 80 per 1.000"),
    /// never in its place (issue 21).
    pub recomputed: Option<Box<Figure>>,
}

/// How a figure came about.
#[derive(Debug, Clone, PartialEq)]
pub enum How {
    /// A printed figure, in words.
    Printed(std::borrow::Cow<'static, str>),
    /// A calculation over labelled inputs.
    /// Not boxed: a computed figure then costs one allocation (its inputs), not two.
    Calc(Calc),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Calc {
    pub op: Op,
    pub inputs: Box<[Input]>,
    pub style: Style,
}

/// An input of a calculation, as it was when used.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    pub label: Cow<'static, str>,
    pub value: Result<f64, &'static str>,
    pub unit: Unit,
    pub decimals: u8,
}

/// How a calculation is written out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Style {
    /// `a (1) + b (2) = 3`
    Labelled,
    /// `10,7% − 8,2% = +2,5 procentpunt` (difference with a reference)
    Comparison,
    /// `10,7% / 8,2% × 100 = 130` (index)
    Index,
}

impl Figure {
    pub fn missing(reason: Missing, unit: Unit, decimals: u8, how: String) -> Figure {
        Figure {
            value: Err(reason),
            range: None,
            provisional: false,
            unit,
            decimals,
            explain: How::Printed(how.into()),
            recomputed: None,
        }
    }

    /// The figure as it enters a calculation (for its "hoe berekend" line).
    pub(super) fn as_input(&self, label: Cow<'static, str>) -> Input {
        Input {
            label,
            value: self.value.as_ref().map(|v| *v).map_err(Missing::mark),
            unit: self.unit,
            decimals: self.decimals,
        }
    }

    /// "Hoe berekend": the calculation written out with its actual inputs and result.
    pub fn how(&self) -> String {
        if let Some(r) = &self.recomputed {
            let printed = match &self.explain {
                How::Printed(text) if !text.is_empty() => text.to_string(),
                _ => "zoals gepubliceerd in de bron".to_owned(),
            };
            return format!("{} {printed}; berekend uit de delen: {}", self.display(), r.how());
        }
        let calc = match &self.explain {
            How::Printed(text) => return text.to_string(),
            How::Calc(c) => c,
        };
        let show = |i: &Input| match i.value {
            Ok(v) => format::with_unit(v, i.unit, i.decimals),
            Err(mark) => mark.to_owned(),
        };
        let result = match (&self.value, calc.style) {
            (Ok(v), Style::Comparison) => format::signed_difference(*v, self.unit, self.decimals),
            _ => self.display(),
        };
        match calc.style {
            Style::Comparison => format!("{} − {} = {result}", show(&calc.inputs[0]), show(&calc.inputs[1])),
            Style::Index => format!("{} / {} × 100 = {result}", show(&calc.inputs[0]), show(&calc.inputs[1])),
            Style::Labelled => {
                let symbol = match calc.op {
                    Op::Sum => " + ",
                    Op::Difference | Op::AbsDifference => " − ",
                    _ => " / ",
                };
                let written =
                    calc.inputs.iter().map(|i| format!("{} ({})", i.label, show(i))).collect::<Vec<_>>().join(symbol);
                match calc.op {
                    Op::Share => format!("{written} × 100 = {result}"),
                    Op::Per1000 => format!("{written} × 1.000 = {result}"),
                    Op::AbsDifference => format!("|{written}| = {result}"),
                    _ => format!("{written} = {result}"),
                }
            }
        }
    }
    pub fn number(&self) -> Option<f64> {
        self.value.as_ref().ok().copied()
    }
    /// Unavailable because (an input) is *geheim*.
    pub fn is_secret(&self) -> bool {
        matches!(self.value, Err(Missing::Geheim | Missing::UitGeheim(_)))
    }
    /// The engine's recomputation from the parts, when it differs from the printed figure at
    /// the printed precision: the contradiction every output shows next to the printed figure.
    pub fn computed_differently(&self) -> Option<f64> {
        let v = self.number()?;
        let c = self.recomputed.as_ref()?.number()?;
        (format::round(v, self.decimals) != format::round(c, self.decimals)).then_some(c)
    }
    /// "berekend uit de delen: 80 per 1.000", when the recomputation differs from the printed
    /// figure ([`Figure::computed_differently`]).
    pub fn computed_note(&self) -> Option<String> {
        self.computed_differently()
            .map(|c| format!("berekend uit de delen: {}", format::with_unit(c, self.unit, self.decimals)))
    }
    /// [`Figure::display`] with the contradiction next to it, when there is one:
    /// "85 per 1.000 (berekend uit de delen: 80 per 1.000)".
    pub fn display_noted(&self) -> String {
        match self.computed_note() {
            Some(note) => format!("{} ({note})", self.display()),
            None => self.display(),
        }
    }
    /// A figure that stands for the source's own printed number (not a calculation of ours).
    pub fn is_printed(&self) -> bool {
        matches!(self.explain, How::Printed(_))
    }
    /// The figure in Dutch notation with its unit, or the missing mark.
    pub fn display(&self) -> String {
        match &self.value {
            Ok(v) => format::with_unit(*v, self.unit, self.decimals),
            Err(m) => m.mark().to_owned(),
        }
    }
}
