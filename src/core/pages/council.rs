//! What a council's site shows around the figures (issue 15): views that need several areas hide
//! themselves in a one-gemeente monitor, profile columns are never duplicated or empty, the key
//! figures work with one area, the intro and themes come from `config.json`, and a gemeente's
//! page can list its wijken. Pure view models; the pages only render them.

use crate::core::calc::engine::{self, Figure};
use crate::core::model::*;
use crate::core::present::catalog::ProfileRow;
use crate::core::read::config::Config;

/// "Gemeenten vergelijken" only makes sense with two or more gemeenten.
pub fn compare_offered(region: &Region) -> bool {
    region.gemeenten.len() > 1
}

/// The region's gemeenten that have at least one figure of their own in `tables` (a table cell
/// with a number or a mark), in the region's order. A region whose data are all for the region
/// as a whole (Drentsche Aa) has none: no profile, no comparison to offer (issue 21).
pub fn gemeenten_with_figures(tables: &[&Table], region: &Region) -> Vec<String> {
    region
        .gemeenten
        .iter()
        .filter(|g| tables.iter().any(|t| t.values.iter().any(|v| &v.key.area == *g)))
        .cloned()
        .collect()
}

/// Which gemeente pages the data can fill: a profile needs one gemeente with figures, a
/// comparison two (and a region of more than one gemeente).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offer {
    pub profile: bool,
    pub compare: bool,
}

pub fn offer(tables: &[&Table], region: &Region) -> Offer {
    let n = gemeenten_with_figures(tables, region).len();
    Offer { profile: n >= 1, compare: n >= 2 && compare_offered(region) }
}

/// The home page's opening text: the council's own (`inleiding`) or a neutral default that
/// claims nothing about where the figures come from (issue 24: a council's own registration, or
/// a `config.json` that could not be read, must not be called "openbare rapporten"); each figure
/// names its source. The bundled site says its figures come from public reports in its own
/// `config.json`.
pub fn intro(config: &Config) -> String {
    config.intro.clone().unwrap_or_else(|| {
        "Hoeveel inwoners krijgen jeugdhulp, een bijstandsuitkering of ondersteuning uit de Wmo? \
         Hoe ervaren zij die hulp, hoe worden de budgetten besteed en wanneer komen er nieuwe cijfers? \
         Bij elk cijfer staat de bron."
            .to_owned()
    })
}

/// The themes the site shows for a region: those with a data file, in the order and selection of
/// `themas` in the config when it is set.
pub fn themes(config: &Config, manifest: &Manifest, region: &Region) -> Vec<Theme> {
    let has_data = |t: &Theme| manifest.datasets.iter().any(|d| d.region == region.id && d.themes.contains(t));
    let order: &[Theme] = if config.themes.is_empty() { &Theme::ALL } else { &config.themes };
    order.iter().copied().filter(has_data).collect()
}

/// A column of the gemeente profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileColumn {
    Gemeente,
    Region,
    Reference,
}

/// The profile's figure columns with their headings: the gemeente, then the region and the
/// reference only when they are another area than the gemeente and at least one row has a
/// figure for them (no "Ridderkerk | Ridderkerk", no column of "—").
pub fn profile_columns(
    manifest: &Manifest,
    region: &Region,
    gemeente: &str,
    rows: &[ProfileRow],
) -> Vec<(ProfileColumn, String)> {
    let mut out = vec![(ProfileColumn::Gemeente, manifest.area_name(gemeente))];
    let shown = |f: &Option<Figure>| f.as_ref().is_some_and(|f| f.value.is_ok() || f.is_secret());
    if region.area != gemeente && rows.iter().any(|r| shown(&r.region)) {
        out.push((ProfileColumn::Region, manifest.area_name(&region.area)));
    }
    if let Some(reference) = region.reference.as_deref() {
        if reference != gemeente && reference != region.area && rows.iter().any(|r| shown(&r.reference)) {
            out.push((ProfileColumn::Reference, manifest.area_name(reference)));
        }
    }
    out
}

/// The figure of a profile row in a column ("—" where there is none).
pub fn profile_cell(row: &ProfileRow, column: ProfileColumn) -> String {
    let f = match column {
        ProfileColumn::Gemeente => Some(&row.gemeente),
        ProfileColumn::Region => row.region.as_ref(),
        ProfileColumn::Reference => row.reference.as_ref(),
    };
    f.map_or_else(|| "—".to_owned(), Figure::display_noted)
}

/// One key figure on the home page.
#[derive(Debug, Clone)]
pub struct KeyFigure {
    pub theme: Theme,
    pub table: String,
    pub title: String,
    pub label: String,
    pub area: String,
    pub period: String,
    pub figure: Figure,
    /// The reference (Nederland) — only when it has a number.
    pub reference: Option<(String, Figure)>,
}

/// Per theme (in `themes`' order) the first "gebruik" table with a figure for `area`, in the last
/// period that has one. Works for a one-gemeente monitor whose tables have a row per year.
/// Empty when nothing fits: then the page shows no "Kerncijfers" heading at all.
pub fn key_figures(
    tables: &[&Table],
    themes: &[Theme],
    manifest: &Manifest,
    area: &str,
    reference: Option<&str>,
) -> Vec<KeyFigure> {
    themes
        .iter()
        .filter_map(|&theme| {
            tables
                .iter()
                .filter(|t| t.theme == theme && t.pillar == Pillar::Gebruik && t.categories.is_empty())
                .find_map(|t| {
                    let m = t.measures.first()?;
                    let key = |a: &str, p: &str| Key {
                        measure: m.id.clone(),
                        area: a.to_owned(),
                        period: p.to_owned(),
                        category: None,
                    };
                    let period = t.periods.iter().rev().find(|p| t.value(&key(area, &p.id)).is_some())?;
                    let figure = engine::cell(t, &key(area, &period.id));
                    let reference = reference
                        .filter(|r| *r != area)
                        .map(|r| (manifest.area_name(r), engine::cell(t, &key(r, &period.id))))
                        .filter(|(_, f)| f.number().is_some());
                    Some(KeyFigure {
                        theme,
                        table: t.id.clone(),
                        title: t.title.clone(),
                        label: m.label.clone(),
                        area: manifest.area_name(area),
                        period: period.label.clone(),
                        figure,
                        reference,
                    })
                })
        })
        .collect()
}

/// The "Overgenomen uit: …." line under a table, or `None` when the seed is not in the manifest.
pub fn source_line(table: &Table, manifest: &Manifest) -> Option<String> {
    manifest.seed(&table.source.seed).map(|s| format!("Overgenomen uit: {}.", s.citation(&table.source.section)))
}

/// A wijk (or buurt) of a gemeente and whether any loaded table has figures for it.
#[derive(Debug, Clone, PartialEq)]
pub struct WijkLink {
    pub code: String,
    pub name: String,
    pub kind: AreaKind,
    /// Tables with figures for this area (ids), so the page can link to them.
    pub tables: Vec<String>,
}

/// The wijken and buurten of a gemeente that have figures in `tables` (a gemeente page lists
/// them; areas without any figure are left out so the list is never a row of empty links).
pub fn wijken(manifest: &Manifest, gemeente: &str, tables: &[&Table]) -> Vec<WijkLink> {
    manifest
        .wijken_of(gemeente)
        .into_iter()
        .filter_map(|a| {
            let ids: Vec<String> =
                tables.iter().filter(|t| t.values.iter().any(|v| v.key.area == a.code)).map(|t| t.id.clone()).collect();
            (!ids.is_empty()).then(|| WijkLink {
                code: a.code.clone(),
                name: a.name.clone(),
                kind: a.kind,
                tables: ids,
            })
        })
        .collect()
}

/// The areas a table of wijken is drawn for: the wijken of `gemeente` in the table, then the
/// gemeente itself as a reference when the table has it. `None` when the table has no wijken
/// of this gemeente (then the usual area order applies).
pub fn wijk_rows(table: &Table, manifest: &Manifest, gemeente: &str) -> Option<Vec<String>> {
    let in_table = table.areas();
    let mut rows: Vec<String> =
        manifest.wijken_of(gemeente).iter().map(|a| a.code.clone()).filter(|c| in_table.contains(c)).collect();
    if rows.is_empty() {
        return None;
    }
    if in_table.iter().any(|c| c == gemeente) {
        rows.push(gemeente.to_owned());
    }
    Some(rows)
}

/// The notice for the administrator: everything the site left out or replaced, in one place.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// The closed line: what kind of thing happened and how often.
    pub summary: String,
    /// One sentence per skipped part or config field (file, place, reason).
    pub items: Vec<String>,
}

/// `None` when nothing was skipped and the config is fine (then the page shows no notice).
/// Fetch failures count as skipped files (`what` is then the Dutch reason).
pub fn notice(
    config_problems: &[crate::core::model::problem::Problem],
    skipped: &[crate::core::model::problem::Skipped],
) -> Option<Notice> {
    if config_problems.is_empty() && skipped.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    if !skipped.is_empty() {
        parts.push(format!(
            "{} {} overgeslagen",
            skipped.len(),
            if skipped.len() == 1 { "onderdeel is" } else { "onderdelen zijn" }
        ));
    }
    if !config_problems.is_empty() {
        parts.push(format!(
            "config.json bevat {} {} (daar gelden de standaardinstellingen)",
            config_problems.len(),
            if config_problems.len() == 1 { "fout" } else { "fouten" }
        ));
    }
    let mut items: Vec<String> = skipped.iter().map(crate::core::model::problem::Skipped::sentence).collect();
    items.extend(config_problems.iter().map(ToString::to_string));
    Some(Notice { summary: format!("Voor de beheerder: {}.", crate::core::text::format::join_nl(&parts)), items })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{calc::grid, check::tolerant, present::catalog};

    fn one_gemeente() -> (Manifest, Vec<Table>) {
        let manifest = r#"{ "format": 1,
          "areas": [
            { "code": "GM0597", "name": "Ridderkerk", "short": "R", "kind": "gemeente" },
            { "code": "WK059701", "name": "Centrum", "short": "C", "kind": "wijk" },
            { "code": "WK059702", "name": "Slikkerveer", "short": "S", "kind": "wijk" },
            { "code": "NL01", "name": "Nederland", "short": "NL", "kind": "land" } ],
          "regions": [ { "id": "ridderkerk", "name": "Ridderkerk", "area": "GM0597", "reference": "NL01", "gemeenten": ["GM0597"] } ],
          "seeds": [ { "id": "101", "title": "Eigen registratie", "publisher": "Gemeente Ridderkerk", "year": 2025 } ],
          "datasets": [ { "file": "ridderkerk-wmo.json", "region": "ridderkerk", "themes": ["wmo"] } ] }"#;
        let (m, skipped) = tolerant::manifest("manifest.json", manifest);
        assert!(skipped.is_empty(), "{skipped:?}");
        let data = r#"{ "format": 1, "region": "ridderkerk", "theme": "wmo", "tables": [
          { "id": "wmo-clienten", "title": "Wmo-cliënten", "theme": "wmo", "pillar": "gebruik",
            "source": { "text": "eigen registratie", "seed": "101", "section": "" },
            "provisional": false,
            "periods": [ { "id": "2023", "label": "2023" }, { "id": "2024", "label": "2024", "provisional": true } ],
            "measures": [ { "id": "clienten", "label": "cliënten", "unit": "aantal", "kind": "count", "decimals": 0 } ],
            "values": [
              { "measure": "clienten", "area": "GM0597", "period": "2023", "value": 1301 },
              { "measure": "clienten", "area": "GM0597", "period": "2024", "value": 1350 } ] },
          { "id": "wmo-clienten-per-wijk", "title": "Wmo-cliënten per wijk", "theme": "wmo", "pillar": "gebruik",
            "source": { "text": "eigen registratie", "seed": "101", "section": "Wmo" },
            "provisional": false,
            "periods": [ { "id": "2024", "label": "2024" } ],
            "measures": [ { "id": "clienten", "label": "cliënten", "unit": "aantal", "kind": "count", "decimals": 0 } ],
            "values": [
              { "measure": "clienten", "area": "WK059701", "period": "2024", "value": 700 },
              { "measure": "clienten", "area": "WK059702", "period": "2024", "value": 650, "provisional": true },
              { "measure": "clienten", "area": "GM0597", "period": "2024", "value": 1350 } ] } ] }"#;
        let (ds, skipped) = tolerant::dataset("ridderkerk-wmo.json", data, &m);
        assert!(skipped.is_empty(), "{skipped:?}");
        (m, ds.unwrap().tables)
    }

    #[test]
    fn a_one_gemeente_profile_has_no_duplicate_or_empty_columns() {
        let (m, tables) = one_gemeente();
        let region = m.regions[0].clone();
        assert!(!compare_offered(&region));
        let refs: Vec<&Table> = tables.iter().collect();
        let rows = catalog::profile_rows(&refs, "GM0597", &region.area, region.reference.as_deref());
        assert!(!rows.is_empty());
        let cols = profile_columns(&m, &region, "GM0597", &rows);
        // Not "Ridderkerk | Ridderkerk", and no "Nederland" column of dashes.
        assert_eq!(cols, [(ProfileColumn::Gemeente, "Ridderkerk".to_owned())]);
    }

    #[test]
    fn the_bundled_regions_keep_their_columns() {
        let m = tolerant::manifest("manifest.json", include_str!("../../../public/data/manifest.json")).0;
        let region = m.regions.iter().find(|r| r.id == "drechtsteden").unwrap().clone();
        let (ds, _) = tolerant::dataset(
            "drechtsteden-jeugd.json",
            include_str!("../../../public/data/drechtsteden-jeugd.json"),
            &m,
        );
        let ds = ds.unwrap();
        let tables: Vec<&Table> = ds.tables.iter().collect();
        let rows = catalog::profile_rows(&tables, "GM0505", &region.area, region.reference.as_deref());
        let cols: Vec<ProfileColumn> = profile_columns(&m, &region, "GM0505", &rows).into_iter().map(|c| c.0).collect();
        assert_eq!(cols[..2], [ProfileColumn::Gemeente, ProfileColumn::Region]);
        assert!(compare_offered(&region));
    }

    #[test]
    fn key_figures_work_with_a_row_per_year() {
        let (m, tables) = one_gemeente();
        let refs: Vec<&Table> = tables.iter().collect();
        let figures = key_figures(&refs, &[Theme::Wmo, Theme::Jeugd], &m, "GM0597", Some("NL01"));
        assert_eq!(figures.len(), 1);
        assert_eq!(figures[0].figure.display(), "1.350");
        assert_eq!(figures[0].period, "2024");
        assert!(figures[0].figure.provisional, "2024 is a provisional period");
        assert!(figures[0].reference.is_none(), "no Nederland figure: no reference line");
        assert!(key_figures(&refs, &[Theme::Jeugd], &m, "GM0597", None).is_empty());
    }

    #[test]
    fn intro_and_themes_follow_the_config() {
        let (m, _) = one_gemeente();
        let mut c = Config::default();
        assert!(!intro(&c).contains("openbare rapporten"), "the default claims nothing about the source");
        assert!(intro(&c).ends_with("Bij elk cijfer staat de bron."));
        c.intro = Some("Cijfers uit onze eigen registratie.".into());
        assert_eq!(intro(&c), "Cijfers uit onze eigen registratie.");
        assert_eq!(themes(&c, &m, &m.regions[0]), [Theme::Wmo]);
        c.themes = vec![Theme::Jeugd];
        assert!(themes(&c, &m, &m.regions[0]).is_empty());
    }

    #[test]
    fn provisional_is_per_period_and_per_cell() {
        let (m, tables) = one_gemeente();
        let g = grid::build(&tables[0], &m, None, None);
        assert_eq!(g.provisional(), grid::Provisional::Some);
        assert_eq!(g.provisional_rows(), ["2024"]);
        let summary = crate::core::present::summary::describe(&g, &m, None, None);
        assert!(summary.contains("Voorlopig zijn de cijfers van 2024."), "{summary}");
        assert!(!summary.contains("Het gaat om voorlopige cijfers"));
        let w = grid::build(&tables[1], &m, None, None);
        let marked: Vec<bool> = w.rows.iter().map(|r| r.cells[0].provisional).collect();
        assert_eq!(marked, [false, true, false]);
    }

    #[test]
    fn the_notice_names_what_was_skipped_and_config_problems() {
        assert!(notice(&[], &[]).is_none());
        let (_, skipped) = tolerant::manifest("manifest.json", "{ \"format\": 1, ");
        let mut p = crate::core::model::problem::Problems::new("config.json");
        p.add(&crate::core::model::problem::JsonPath::root().key("naam"), "verwacht een tekst");
        let n = notice(&p.list, &skipped).unwrap();
        assert_eq!(n.summary, "Voor de beheerder: 1 onderdeel is overgeslagen en config.json bevat 1 fout (daar gelden de standaardinstellingen).");
        assert!(
            n.items[0].starts_with("manifest.json: het hele bestand is overgeslagen. manifest.json, regel 1, kolom"),
            "{:?}",
            n.items
        );
        assert_eq!(n.items[1], "config.json, bij naam: verwacht een tekst");
    }

    #[test]
    fn a_missing_section_leaves_no_dangling_comma() {
        let (m, tables) = one_gemeente();
        assert_eq!(
            source_line(&tables[0], &m).unwrap(),
            "Overgenomen uit: Eigen registratie (Gemeente Ridderkerk, 2025)."
        );
        assert_eq!(
            source_line(&tables[1], &m).unwrap(),
            "Overgenomen uit: Eigen registratie (Gemeente Ridderkerk, 2025), Wmo."
        );
    }

    #[test]
    fn a_gemeente_lists_its_wijken_and_a_wijk_table_draws_them() {
        let (m, tables) = one_gemeente();
        let refs: Vec<&Table> = tables.iter().collect();
        let w = wijken(&m, "GM0597", &refs);
        assert_eq!(w.iter().map(|x| x.name.as_str()).collect::<Vec<_>>(), ["Centrum", "Slikkerveer"]);
        assert_eq!(w[0].tables, ["wmo-clienten-per-wijk"]);
        let rows = wijk_rows(&tables[1], &m, "GM0597").unwrap();
        assert_eq!(rows, ["WK059701", "WK059702", "GM0597"]);
        let g = grid::build(&tables[1], &m, None, Some(&rows));
        let refs: Vec<bool> = g.rows.iter().map(|r| r.reference).collect();
        // Wijken are compared; the gemeente next to them is their reference.
        assert_eq!(refs, [false, false, true]);
        let summary = crate::core::present::summary::describe(&g, &m, None, None);
        assert!(summary.contains("van 650 in Slikkerveer tot 700 in Centrum"), "{summary}");
        assert!(wijk_rows(&tables[0], &m, "GM0597").is_none());
    }
}
