//! The compare choice for a region of many gemeenten (issue 25): not 342 checkboxes but a field
//! that adds a gemeente the way the gemeente chooser reads it (`chooser::resolve_with`: a name,
//! an alternative name, a CBS code; a merged gemeente explained), the chosen gemeenten as links
//! that remove them, and the last one's neighbours as quick additions.

use super::chooser::{self, Miss};
use super::compare::options;
use super::NavLink;
use crate::core::model::gemeenten::Gemeenten;
use crate::core::model::view_state::ViewState;
use crate::core::model::{Manifest, Region};
use crate::core::text::format;

/// Up to this many gemeenten the choice is a checkbox each; for more (a national region, issue
/// 25) a search field that adds a gemeente, the chosen ones as links that remove them, and the
/// last chosen one's neighbours as quick additions.
pub const CHECKBOXES_UP_TO: usize = chooser::LIST_UP_TO;

/// The compare choice for many gemeenten.
#[derive(Debug, Clone, PartialEq)]
pub struct Picker {
    /// The chosen gemeenten, in order: the name, and the link without that gemeente.
    pub chosen: Vec<NavLink>,
    /// Neighbours of the last chosen gemeente (same province) not chosen yet: links that add.
    pub quick: Vec<NavLink>,
    /// Every name, alphabetically, for the field's suggestions.
    pub names: Vec<String>,
    /// "2 van de 342 gemeenten gekozen; kies er nog één." or "… gekozen."
    pub status: String,
}

fn with_gemeenten(state: &ViewState, gemeenten: Vec<String>) -> ViewState {
    ViewState { gemeenten, ..state.clone() }
}

/// The choice of a region with more than [`CHECKBOXES_UP_TO`] gemeenten.
pub fn picker(manifest: &Manifest, region: &Region, state: &ViewState, known: Option<&Gemeenten>) -> Picker {
    let base: Vec<String> =
        options(manifest, region, state).into_iter().filter(|o| o.checked).map(|o| o.code).collect();
    let chosen = base
        .iter()
        .map(|code| NavLink {
            href: with_gemeenten(state, base.iter().filter(|c| *c != code).cloned().collect()).href(),
            label: manifest.area_name(code),
            current: false,
        })
        .collect();
    let mut quick: Vec<(f64, NavLink)> = Vec::new();
    if let (Some(k), Some(last)) = (known, base.last()) {
        if let Some(g) = k.get(last) {
            for code in region.gemeenten.iter().filter(|c| !base.contains(c)) {
                let Some(n) = k.get(code).filter(|n| n.province == g.province) else { continue };
                let (dx, dy) = (n.point[0] - g.point[0], n.point[1] - g.point[1]);
                let mut more = base.clone();
                more.push(code.clone());
                let link = NavLink {
                    href: with_gemeenten(state, more).href(),
                    label: manifest.area_name(code),
                    current: false,
                };
                quick.push((dx * dx * 0.38 + dy * dy, link));
            }
        }
    }
    quick.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut names: Vec<String> = region.gemeenten.iter().map(|c| manifest.area_name(c)).collect();
    names.sort_by_cached_key(|n| n.trim_start_matches("'s-").to_lowercase());
    let total = format::number(region.gemeenten.len() as f64, 0);
    let status = match base.len() {
        0 => format!("Nog geen gemeente gekozen; kies er twee of meer van de {total}."),
        1 => format!("1 van de {total} gemeenten gekozen; kies er nog één."),
        n => format!("{n} van de {total} gemeenten gekozen."),
    };
    Picker { chosen, quick: quick.into_iter().take(4).map(|(_, l)| l).collect(), names, status }
}

/// The view after the reader typed `typed` in the picker: the chosen gemeenten and that one.
pub fn add(
    manifest: &Manifest,
    region: &Region,
    state: &ViewState,
    typed: &str,
    known: Option<&Gemeenten>,
) -> Result<ViewState, Miss> {
    let code = chooser::resolve_with(manifest, region, typed, known)?;
    let mut base: Vec<String> =
        options(manifest, region, state).into_iter().filter(|o| o.checked).map(|o| o.code).collect();
    if !base.contains(&code) {
        base.push(code);
    }
    Ok(with_gemeenten(state, base))
}
