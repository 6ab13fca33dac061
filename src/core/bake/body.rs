//! The content of each baked page, from the same view models the app renders
//! (`core::pages`), in the same elements and classes as its components (`ui::pages`,
//! `ui::indicator`, `ui::dashboard`, `ui::table`), so the app takes over without a jump. Charts
//! are placeholders (`<!--msd-svg:ID-->`) that `scripts/bake-svg.mjs` fills with the SVG
//! ECharts draws from the very option the app passes to `setOption`.

use super::html::{esc, link, link_list};
use super::ChartJobs;
use crate::core::calc::grid::{Grid, Provisional};
use crate::core::pages::chooser::Chooser;
use crate::core::pages::indicator::{ChartModel, ComparisonModel, IndicatorModel};
use crate::core::pages::theme::{AvailabilityTable, PillarView};
use crate::core::pages::{cell_text, home, CellText};
use crate::core::present::dashboard::Card;
use crate::core::present::plain_words::{self as words, PlainWords};
use crate::core::present::ranked::Ranked;
use crate::core::present::statement_view::{Card as StatementCard, Quoted, QUOTE_ABOVE};
use crate::core::text::glossary::{question, Explained};

/// Widths the app's chart containers have at 375 px and at 1280 px (measured in the browser:
/// `main` is 72rem with 1rem padding); a card's chart is about 320 px at both.
pub const WIDE: u32 = 1120;
pub const NARROW: u32 = 343;
pub const CARD: u32 = 320;

/// A chart container as `ui::chart::ChartView` makes it, with the baked SVG (one per width).
pub fn chart(jobs: &mut ChartJobs, chart: &ChartModel, described_by: &str, widths: &[(u32, &str)]) -> String {
    let svgs: String = widths
        .iter()
        .map(|(w, class)| format!("<!--msd-svg:{}-->", jobs.add(&chart.option, *w, chart.height, class)))
        .collect();
    format!(
        "<figure class=\"grafiek-kader\"><div class=\"grafiek gebakken-grafiek\" role=\"img\" aria-label=\"{}\" aria-describedby=\"{}\">{svgs}</div></figure>",
        esc(&chart.label),
        esc(described_by),
    )
}

/// The gemeente choice (`ui::pages::GemeenteKeuze`): the list, or the compact chooser whose
/// form works without JavaScript (a GET to this page with `gemeente=` the typed name).
pub fn gemeente_choice(chooser: &Chooser) -> String {
    let c = match chooser {
        Chooser::Hidden => return String::new(),
        Chooser::List(links) => {
            return format!(
                "<nav class=\"gemeente-keuze\" aria-label=\"Kies een gemeente\"><p class=\"label\">Kies een gemeente:</p><ul>{}</ul></nav>",
                link_list(links)
            )
        }
        Chooser::Compact(c) => c,
    };
    let hidden: String = c
        .hidden
        .iter()
        .map(|(n, v)| format!("<input type=\"hidden\" name=\"{}\" value=\"{}\">", esc(n), esc(v)))
        .collect();
    let names: String = c.names.iter().map(|n| format!("<option value=\"{}\"></option>", esc(n))).collect();
    let groups: String = c
        .groups
        .iter()
        .map(|(letter, links)| {
            format!("<div class=\"letter\"><p class=\"label\">{}</p><ul>{}</ul></div>", esc(letter), link_list(links))
        })
        .collect();
    format!(
        "<div class=\"gemeente-keuze compact\"><nav aria-label=\"Kies een gemeente\"><p class=\"label\">Gemeente:</p><ul>{}</ul></nav>\
         <form method=\"get\" class=\"gemeente-zoek\" action=\"{}\">{hidden}<label for=\"gemeente-veld\">Zoek een gemeente (naam of CBS-code)</label>\
         <div class=\"zoekregel\"><input type=\"text\" id=\"gemeente-veld\" name=\"gemeente\" list=\"gemeente-namen\" autocomplete=\"off\" aria-describedby=\"gemeente-melding\"><button type=\"submit\">Kies</button></div>\
         <datalist id=\"gemeente-namen\">{names}</datalist><p id=\"gemeente-melding\" class=\"melding\" role=\"status\"></p></form>\
         <details class=\"alle-gemeenten\"><summary>{}</summary><nav aria-label=\"Alle gemeenten\">{groups}</nav></details></div>",
        link_list(&c.quick),
        esc(&c.action),
        esc(&c.summary),
    )
}

/// The home page's key figures (`ui::pages::home`).
pub fn key_figures(cards: &[home::KeyFigure]) -> String {
    if cards.is_empty() {
        return String::new();
    }
    let items: String = cards
        .iter()
        .map(|c| {
            let mut li = format!(
                "<li class=\"kerncijfer\"><h3><a href=\"{}\">{}</a></h3><p class=\"cijfer\"><span class=\"waarde\">{}</span> {}</p>",
                esc(&c.theme_href),
                esc(&c.theme),
                esc(&c.value),
                esc(&c.caption)
            );
            li.push_str(&terms(&c.begrippen));
            opt(&mut li, &c.computed, |x| format!("<p class=\"klein bron-wijkt-af\">{}</p>", esc(x)));
            opt(&mut li, &c.sentence, |x| format!("<p class=\"zin\">{}</p>", esc(x)));
            opt(&mut li, &c.context, |x| format!("<p class=\"klein\">{}</p>", esc(x)));
            let provisional = if c.provisional { " (voorlopig)" } else { "" };
            li.push_str(&format!(
                "<p class=\"klein\">{}{provisional}</p><p><a href=\"{}\">Bekijk dit cijfer<span class=\"visueel-verborgen\">: {}</span></a></p></li>",
                esc(&c.period),
                esc(&c.href),
                esc(&c.title)
            ));
            li
        })
        .collect();
    format!("<section aria-labelledby=\"kerncijfers\"><h2 id=\"kerncijfers\">Kerncijfers</h2><ul class=\"kerncijfers\">{items}</ul></section>")
}

fn opt<T>(out: &mut String, value: &Option<T>, f: impl FnOnce(&T) -> String) {
    if let Some(v) = value {
        out.push_str(&f(v));
    }
}

/// The cards of one pillar (`ui::dashboard::PillarCardsView`): the answer open, the rest under
/// its summary line. `id`: the pillar's heading.
pub fn pillar_cards(jobs: &mut ChartJobs, id: &str, p: &PillarView) -> String {
    let mut out = String::new();
    if !p.answer.is_empty() {
        let cards: String = p.answer.iter().map(|c| card(jobs, c)).collect();
        out.push_str(&format!("<ul class=\"kaarten\" aria-labelledby=\"{}\">{cards}</ul>", esc(id)));
    }
    if !p.more.is_empty() {
        let cards: String = p.more.iter().map(|c| card(jobs, c)).collect();
        out.push_str(&format!(
            "<details class=\"meer\"><summary>{0}</summary><ul class=\"kaarten\" aria-label=\"{0}\">{cards}</ul></details>",
            esc(&p.more_label)
        ));
    }
    out
}

/// A pillar's figures from the running text (`ui::statements::PillarStatements`), each
/// sentence once, collapsed; without the download buttons, which need the app.
pub fn pillar_statements(p: &PillarView) -> String {
    if p.statements.is_empty() {
        return String::new();
    }
    format!(
        "<section class=\"uitspraken\" aria-label=\"Uit de tekst van het rapport\"><details class=\"meer\"><summary>{}</summary>{}</details></section>",
        esc(&p.statements_label),
        quote_list(&p.statements)
    )
}

/// An availability table under its summary line (`ui::pages::theme::Availability`).
pub fn availability(a: &AvailabilityTable) -> String {
    let rows: String = a
        .rows
        .iter()
        .map(|[item, supplier, frequency, available]| {
            format!(
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(item),
                esc(supplier),
                esc(frequency),
                esc(available)
            )
        })
        .collect();
    let inner = format!(
        "<table class=\"cijfers beschikbaarheid\"><caption>{}</caption><thead><tr><th scope=\"col\">Informatie</th><th scope=\"col\">Wie levert</th><th scope=\"col\">Hoe vaak</th><th scope=\"col\">Beschikbaar</th></tr></thead><tbody>{rows}</tbody></table>",
        esc(&a.title)
    );
    format!(
        "<details class=\"meer\"><summary>{}</summary>{}<p class=\"bron\"><strong>Bron: </strong>{}</p></details>",
        esc(&a.summary),
        table_frame(&a.title, "", &inner),
        esc(&a.source)
    )
}

/// `ui::statements::QuoteList`.
fn quote_list(groups: &[Quoted]) -> String {
    let items: String = groups
        .iter()
        .map(|g| {
            let figures: String = g.cards.iter().map(|c| format!("<li>{}</li>", statement_figure(c))).collect();
            let quote = match &g.shown_at {
                None => format!("<blockquote class=\"uitspraak-citaat\"><p>“{}”</p></blockquote>", esc(&g.quote)),
                Some(at) => format!("<p class=\"uitspraak-verwijzing\"><a href=\"{}\">{QUOTE_ABOVE}</a></p>", esc(at)),
            };
            format!(
                "<li class=\"uitspraak\" id=\"{}\" tabindex=\"-1\"><ul class=\"uitspraak-cijfers\">{figures}</ul>{quote}<p class=\"bron\">Uit: {}</p></li>",
                esc(&g.id),
                esc(&g.source)
            )
        })
        .collect();
    format!("<ul class=\"uitspraken-lijst\">{items}</ul>")
}

/// `ui::statements::StatementFigure`.
fn statement_figure(c: &StatementCard) -> String {
    let mut out = format!(
        "<p class=\"uitspraak-cijfer\"><strong class=\"uitspraak-waarde\">{}</strong> {} — {}, {}",
        esc(&c.figure),
        esc(&c.label),
        esc(&c.area),
        esc(&c.period)
    );
    opt(&mut out, &c.nature, |n| format!(" <span class=\"label-soort\">{}</span>", esc(n)));
    if c.provisional {
        out.push_str(" (voorlopig)");
    }
    out.push_str("</p>");
    opt(&mut out, &c.printed, |p| format!("<p class=\"uitspraak-geschreven\">In de tekst: “{}”</p>", esc(p)));
    opt(&mut out, &c.recomputed, |h| {
        format!("<p class=\"uitspraak-nagerekend\">Nagerekend uit de cijfers in de tekst: {}</p>", esc(h))
    });
    if !c.contradictions.is_empty() {
        let items: String =
            c.contradictions.iter().map(|(g, d)| format!("<li><strong>{}: </strong>{}</li>", esc(g), esc(d))).collect();
        out.push_str(&format!("<ul class=\"tegenspraken\">{items}</ul>"));
    }
    out
}

fn card(jobs: &mut ChartJobs, c: &Card) -> String {
    let text_id = format!("kaarttekst-{}", c.table);
    let title_id = format!("kaarttitel-{}", c.table);
    let value_class = if c.figure.number().is_none() { "waarde ontbreekt" } else { "waarde" };
    let mut li = format!(
        "<li class=\"kaart\" aria-labelledby=\"{title_id}\"><h3 id=\"{title_id}\"><a href=\"{}\">{}</a></h3>\
         <p class=\"cijfer\"><span class=\"{value_class}\">{}</span><span>{}</span></p>",
        esc(&c.href),
        esc(&c.title),
        esc(&c.shown),
        esc(&c.caption)
    );
    li = li.replacen("</h3>", &format!("</h3>{}", terms(&c.begrippen)), 1);
    opt(&mut li, &c.missing, |m| format!("<p class=\"klein\">{}</p>", esc(m)));
    opt(&mut li, &c.computed, |m| format!("<p class=\"klein bron-wijkt-af\">{}</p>", esc(m)));
    opt(&mut li, &c.quote, |q| {
        format!(
            "<blockquote class=\"klein\" id=\"citaat-kaart-{}\" tabindex=\"-1\">“{}”</blockquote>",
            esc(&c.table),
            esc(q)
        )
    });
    opt(&mut li, &c.quote_at, |at| format!("<p class=\"klein\"><a href=\"{}\">{QUOTE_ABOVE}</a></p>", esc(at)));
    opt(&mut li, &c.sentence, |s| format!("<p class=\"zin\">{}</p>", esc(s)));
    opt(&mut li, &c.comparison, |x| {
        format!(
            "<p class=\"vergelijking vergelijking-{}\"><span class=\"teken\" aria-hidden=\"true\">{}</span>{}</p>",
            x.direction.id(),
            esc(x.direction.sign()),
            esc(&x.words)
        )
    });
    opt(&mut li, &c.age, |a| format!("<p class=\"klein leeftijd-cijfer\">{}</p>", esc(a)));
    if c.provisional || c.secret {
        li.push_str("<p class=\"kenmerken\">");
        if c.provisional {
            li.push_str("<span class=\"badge voorlopig\">Voorlopig cijfer</span>");
        }
        if c.secret {
            li.push_str("<span class=\"badge\">Geheim: 0 tot en met 7</span>");
        }
        li.push_str("</p>");
    }
    if let Some((option, height)) = &c.chart {
        let model = ChartModel { option: option.clone(), height: *height, label: format!("Grafiek: {}", c.label) };
        li.push_str(&chart(jobs, &model, &text_id, &[(CARD, "kaart")]));
    }
    li.push_str(&format!("<p class=\"visueel-verborgen\" id=\"{text_id}\">{}</p></li>", esc(&c.chart_text)));
    li
}

/// One indicator (`ui::indicator::IndicatorView`): title, marks, summary, choices, chart, table,
/// comparison, notes and source.
pub fn indicator(jobs: &mut ChartJobs, m: &IndicatorModel, heading_level: u8) -> String {
    let h = format!("h{heading_level}");
    let mut out = format!(
        "<article class=\"indicator\" aria-labelledby=\"{id}\"><{h} id=\"{id}\">{}</{h}><p class=\"kenmerken\">",
        esc(&m.title),
        id = esc(&m.title_id)
    );
    if m.provisional {
        out.push_str("<span class=\"badge voorlopig\">Voorlopige cijfers</span>");
    }
    opt(&mut out, &m.period_label, |p| format!("<span class=\"badge\">{}</span>", esc(p)));
    out.push_str("</p>");
    opt(&mut out, &m.words.report_title, |t| format!("<p class=\"in-rapport\">{}</p>", esc(&words::in_report(t))));
    opt(&mut out, &m.age, |a| format!("<p class=\"klein leeftijd-cijfer\">{}</p>", esc(a)));
    out.push_str(&format!("<p class=\"samenvatting\" id=\"{}\">{}</p>", esc(&m.summary_id), esc(&m.summary)));
    out.push_str(&plain_words(&m.words));
    if !m.periods.is_empty() {
        let links: String = m.periods.iter().map(link).collect();
        out.push_str(&format!("<nav class=\"keuze\" aria-label=\"Periode\">{links}</nav>"));
    }
    let mut views = link(&m.chart_link) + &link(&m.table_link);
    opt(&mut views, &m.map_link, link);
    out.push_str(&format!("<nav class=\"keuze weergave\" aria-label=\"Weergave\">{views}</nav>"));
    if m.show_chart {
        out.push_str(&chart(jobs, &m.chart, &m.summary_id, &[(NARROW, "smal"), (WIDE, "breed")]));
    }
    out.push_str(&table_ranked(&m.grid, &m.caption, m.focus.as_deref(), m.ranked.as_ref()));
    opt(&mut out, &m.comparison, comparison);
    out.push_str(&notes(m));
    out.push_str("</article>");
    out
}

fn notes(m: &IndicatorModel) -> String {
    let mut out = String::from("<section class=\"toelichting\" aria-label=\"Toelichting en bron\">");
    opt(&mut out, &m.remarks.note, |n| format!("<p><strong>Toelichting: </strong>{}</p>", esc(n)));
    for d in &m.remarks.footnotes {
        out.push_str(&format!("<p class=\"definitie\">{}</p>", esc(d)));
    }
    out.push_str(&format!("<p class=\"bron\"><strong>Bron: </strong>{}</p>", esc(&m.source)));
    opt(&mut out, &m.publication, |s| format!("<p class=\"publicatie\">Overgenomen uit: {}.</p>", esc(s)));
    opt(&mut out, &m.provisional_legend, |l| format!("<p class=\"legenda legenda-voorlopig\">{}</p>", esc(l)));
    out.push_str("<p class=\"legenda\">Geheim: een aantal van 0 tot en met 7, niet gepubliceerd om te voorkomen dat personen herkenbaar zijn. n.b.: niet beschikbaar of niet openbaar gemaakt.</p>");
    if !m.remarks.inconsistencies.is_empty() {
        let items: String = m.remarks.inconsistencies.iter().map(|i| format!("<li>{}</li>", esc(i))).collect();
        out.push_str(&format!(
            "<div class=\"inconsistenties\"><h3>Waar de bron zichzelf tegenspreekt</h3><ul>{items}</ul></div>"
        ));
    }
    if !m.how.is_empty() {
        let items: String = m.how.iter().map(|i| format!("<li>{}</li>", esc(i))).collect();
        out.push_str(&format!(
            "<details class=\"hoe-berekend\"><summary>Hoe berekend</summary><ul>{items}</ul></details>"
        ));
    }
    out.push_str("</section>");
    out
}

/// The scrollable, named frame around a table (`ui::table::TableFrame`).
pub fn table_frame(label: &str, class: &str, inner: &str) -> String {
    let class = if class.is_empty() { "tabel-kader".to_owned() } else { format!("tabel-kader {class}") };
    format!("<div class=\"{class}\" tabindex=\"0\" role=\"region\" aria-label=\"Tabel: {}\">{inner}</div>", esc(label))
}

/// The data table of a grid (`ui::table::DataTable`), every cell as `cell_text` writes it.
pub fn table(grid: &Grid, caption: &str, focus: Option<&str>) -> String {
    table_ranked(grid, caption, focus, None)
}

/// The same, for a table of many areas (issue 25) with its ranks and filter field; without a
/// script the field does nothing and the whole sorted table is there.
pub fn table_ranked(grid: &Grid, caption: &str, focus: Option<&str>, ranked: Option<&Ranked>) -> String {
    let single = grid.columns.len() == 1 && grid.columns[0].measure.is_empty();
    let mark = grid.provisional() == Provisional::Some;
    let names: Vec<String> =
        if single { vec!["Waarde".to_owned()] } else { grid.columns.iter().map(|c| c.header()).collect() };
    let mut head: String = names.iter().map(|n| format!("<th scope=\"col\">{}</th>", esc(n))).collect();
    if let Some(r) = ranked {
        head.push_str(&format!("<th scope=\"col\">{}</th>", esc(&r.header)));
    }
    let rows: String = grid
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let here = focus == Some(row.id.as_str());
            let class = match (row.reference, here) {
                (_, true) => " class=\"gekozen\" aria-current=\"true\"",
                (true, false) => " class=\"referentie\"",
                _ => "",
            };
            let mut cells: String = row.cells.iter().zip(&names).map(|(f, kolom)| cell(f, mark, kolom)).collect();
            if let Some(rank) = ranked.and_then(|r| r.ranks.get(i)) {
                cells.push_str(&format!("<td class=\"getal plaats\" data-kolom=\"Plaats\">{}</td>", esc(rank)));
            }
            format!("<tr{class}><th scope=\"row\">{}</th>{cells}</tr>", esc(&row.label))
        })
        .collect();
    let inner = format!(
        "<table class=\"cijfers\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>{head}</tr></thead><tbody>{rows}</tbody></table>",
        esc(caption),
        esc(grid.row_header())
    );
    match ranked {
        Some(r) => format!(
            "<div class=\"tabel-zoek\"><label for=\"{id}\">{}</label><input type=\"search\" id=\"{id}\" autocomplete=\"off\"><p class=\"klein tabel-zoek-telling\" aria-live=\"polite\"></p></div>{}",
            esc(&r.search_label),
            table_frame(caption, "lang", &inner),
            id = esc(&r.search_id)
        ),
        None => table_frame(caption, "", &inner),
    }
}

fn cell(figure: &crate::core::calc::engine::Figure, mark: bool, kolom: &str) -> String {
    match cell_text(figure) {
        CellText::Number { text, provisional, printed } => {
            let star =
                if provisional && mark { "<span class=\"voorlopig-teken\" aria-hidden=\"true\">*</span>" } else { "" };
            let words = if provisional { "<span class=\"visueel-verborgen\"> (voorlopig)</span>" } else { "" };
            let printed =
                printed.map(|p| format!("<span class=\"bron-wijkt-af\">{}</span>", esc(&p))).unwrap_or_default();
            format!(
                "<td class=\"getal\" data-waarde=\"{0}\" data-kolom=\"{1}\">{0}{star}{words}{printed}</td>",
                esc(&text),
                esc(kolom)
            )
        }
        CellText::Mark { mark, reason, secret, range } => {
            let class = if secret { "getal markering geheim" } else { "getal markering" };
            format!(
                "<td class=\"{class}\" data-waarde=\"{0}\" data-kolom=\"{1}\" title=\"{2}\"><abbr title=\"{2}\">{0}</abbr><span class=\"visueel-verborgen\">: {2}</span>{3}</td>",
                esc(mark),
                esc(kolom),
                esc(&reason),
                esc(&range.unwrap_or_default())
            )
        }
    }
}

/// The chosen gemeente next to the reference (`ui::indicator::Comparison`).
fn comparison(c: &ComparisonModel) -> String {
    let rows: String = c
        .rows
        .iter()
        .map(|r| {
            format!(
                "<tr><th scope=\"row\">{}</th><td class=\"getal\">{}</td><td class=\"getal\">{}</td><td class=\"getal\">{}</td><td class=\"getal\">{}</td></tr>",
                esc(&r.label), esc(&r.value), esc(&r.difference), esc(&r.index), esc(&r.rank)
            )
        })
        .collect();
    let inner = format!(
        "<table class=\"cijfers\"><caption>{}</caption><thead><tr><th scope=\"col\">Cijfer</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">Rang (1 = hoogste)</th></tr></thead><tbody>{rows}</tbody></table>",
        esc(&c.caption), esc(&c.name), esc(&c.difference_header), esc(&c.index_header)
    );
    let note =
        c.note.as_ref().map(|n| format!("<p class=\"klein vergelijking-noot\">{}</p>", esc(n))).unwrap_or_default();
    table_frame(&c.caption, "vergelijking", &inner) + &note
}

/// A place's glossary terms as one disclosure (`ui::words::Terms`).
fn terms(list: &[Explained]) -> String {
    if list.is_empty() {
        return String::new();
    }
    let items: String = list.iter().map(|t| format!("<dt>{}</dt><dd>{}</dd>", esc(&t.term), esc(&t.uitleg))).collect();
    format!("<details class=\"begrip\"><summary>{}</summary><dl>{items}</dl></details>", esc(&question(list)))
}

/// The indicator's terms and the report's names (`ui::words::PlainWordsView`).
fn plain_words(w: &PlainWords) -> String {
    if w.terms.is_empty() && w.report_labels.is_empty() {
        return String::new();
    }
    let mut out = format!("<div class=\"woorden\">{}", terms(&w.terms));
    if !w.report_labels.is_empty() {
        let items: String = w
            .report_labels
            .iter()
            .map(|(reader, report)| {
                format!(
                    "<li>{}<span class=\"in-rapport\">{}</span></li>",
                    esc(reader),
                    esc(&format!(" – in het rapport: {report}"))
                )
            })
            .collect();
        out.push_str(&format!(
            "<details class=\"begrip namen-rapport\"><summary>{}</summary><ul>{items}</ul></details>",
            esc(&w.labels_summary())
        ));
    }
    out + "</div>"
}
