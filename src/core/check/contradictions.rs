//! `docs/inconsistenties.md`, generated from the data and the cross checks
//! (`msd-check --inconsistenties`), so the list can never drift from what the engine finds.

use crate::core::check::crosscheck::Outcome;
use crate::core::model::narrative::{FindingKind, Grade};

pub fn markdown(o: &Outcome) -> String {
    let mut out = String::from(
        "# Inconsistenties in de bronnen\n\n\
         De monitor neemt gepubliceerde cijfers over zoals ze zijn afgedrukt, ook waar de bron zichzelf\n\
         tegenspreekt, en lost niets stilzwijgend op. Hieronder staat elke tegenspraak: binnen een tabel\n\
         (vastgelegd bij de tabel, `inconsistencies`), tussen tekst en tabel, tussen tabellen en tussen\n\
         documenten (gevonden door de kruiscontroles in `src/core/check/crosscheck/`, of vastgelegd als\n\
         `contradictions` waar geen rekenregel het kan vinden). Elke tegenspraak heeft een gradatie:\n\n\
         - **duidelijke tegenspraak** — de cijfers verschillen meer dan afronding kan verklaren;\n\
         - **klein, binnen afronding** — het verschil is één eenheid in het laatste cijfer of past bijna binnen de afronding;\n\
         - **formulering of mogelijk** — het hangt af van hoe de zin gelezen wordt, of het is niet na te rekenen.\n\n\
         Deze lijst wordt gemaakt met `cargo run --bin msd-check -- public/data --inconsistenties`;\n\
         een test controleert dat ze bij de gegevens past.\n",
    );
    out.push_str(&format!(
        "\n## Overzicht\n\n{} uitspraken uit de lopende tekst, {} beweringen, {} koppelingen tussen tabellen; \
         {} cijfers bevestigd door een tweede plaats, {} beweringen kloppen met de tabel, {} cijfers uit de tekst nagerekend.\n\n",
        o.statements, o.claims, o.links, o.confirmed, o.claims_hold, o.recomputed
    ));
    out.push_str("| soort | duidelijk | klein | formulering | totaal |\n|---|---:|---:|---:|---:|\n");
    for kind in FindingKind::ALL {
        let n = |g: Grade| o.findings.iter().filter(|f| f.kind == kind && f.grade == g).count();
        let total = n(Grade::Duidelijk) + n(Grade::Klein) + n(Grade::Formulering);
        if total > 0 {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {total} |\n",
                kind.name(),
                n(Grade::Duidelijk),
                n(Grade::Klein),
                n(Grade::Formulering)
            ));
        }
    }
    out.push_str(&format!(
        "| **totaal** | {} | {} | {} | {} |\n",
        o.count(Grade::Duidelijk),
        o.count(Grade::Klein),
        o.count(Grade::Formulering),
        o.findings.len()
    ));
    for grade in Grade::ALL {
        let list: Vec<_> = o.findings.iter().filter(|f| f.grade == grade).collect();
        if list.is_empty() {
            continue;
        }
        let mut title = grade.name().to_owned();
        title[..1].make_ascii_uppercase();
        out.push_str(&format!("\n## {title} ({})\n", list.len()));
        for f in list {
            out.push_str(&format!("\n- **{}**: {}\n", f.kind.name(), f.description));
            for s in &f.sides {
                let place = if s.place.is_empty() { String::new() } else { format!(" — {}", s.place) };
                out.push_str(&format!("  - {}: **{}**{place}\n", s.what, s.figure));
            }
        }
    }
    out.push_str(&format!("\nIn totaal {} inconsistenties.\n", o.findings.len()));
    out
}
