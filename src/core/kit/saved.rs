//! The guided flow's work kept across a reload (issue 27): an officer who added 332 areas and
//! three spreadsheets loses nothing when the tab reloads. The session is saved as its working
//! `manifest.json` and the files dropped on it, in the browser's own storage (nothing leaves the
//! computer); restoring replays the files onto the site as it is now, then puts the working
//! manifest back, so every check runs again on what is there.

use super::datacheck::Session;
use super::register::{check_manifest, manifest_json};
use crate::core::model::AreaKind;
use serde::{Deserialize, Serialize};

/// The storage key (the page's own origin and folder keep it apart from other sites).
pub const KEY: &str = "msd-beheer-werk";

#[derive(Serialize, Deserialize)]
struct Saved {
    versie: u32,
    /// The working copy of `manifest.json`.
    manifest: String,
    /// True when the officer started without the example data.
    zonder_voorbeeld: bool,
    /// The dropped files, in the order they were dropped: name and text.
    bestanden: Vec<(String, String)>,
}

/// The session as text for the browser's storage.
pub fn save(session: &Session, without_examples: bool) -> String {
    let saved = Saved {
        versie: 1,
        manifest: manifest_json(&session.manifest),
        zonder_voorbeeld: without_examples,
        bestanden: session.inputs.iter().map(|i| (i.name.clone(), i.text.clone())).collect(),
    };
    serde_json::to_string(&saved).unwrap_or_default()
}

/// What a restore brought back, for the officer's notice.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    pub session: Session,
    pub without_examples: bool,
    /// "Uw werk van de vorige keer is teruggezet: 2 bestanden en 332 toegevoegde gebieden."
    pub notice: String,
}

/// The saved work replayed onto the site's session (`site`: as [`Session::new`] made it from
/// the site's files now), or a Dutch sentence saying why it could not be read.
pub fn restore(site: &Session, text: &str) -> Result<Restored, String> {
    let saved: Saved = serde_json::from_str(text)
        .map_err(|_| "Het bewaarde werk in deze browser kon niet worden gelezen; u begint opnieuw.".to_owned())?;
    if saved.versie != 1 {
        return Err("Het bewaarde werk is van een andere versie van deze pagina; u begint opnieuw.".into());
    }
    let mut session = if saved.zonder_voorbeeld { site.empty_monitor() } else { site.clone() };
    for (name, text) in &saved.bestanden {
        session.add(name, text.as_bytes());
    }
    let (manifest, _) = check_manifest(&saved.manifest);
    let added =
        manifest.areas.iter().filter(|a| a.kind != AreaKind::Land && site.manifest.area(&a.code).is_none()).count();
    session.manifest = manifest;
    let files = saved.bestanden.len();
    let mut parts = Vec::new();
    if files > 0 {
        parts.push(format!("{files} {}", if files == 1 { "bestand" } else { "bestanden" }));
    }
    if added > 0 {
        parts.push(format!("{added} {}", if added == 1 { "toegevoegd gebied" } else { "toegevoegde gebieden" }));
    }
    let what = if parts.is_empty() { String::new() } else { format!(": {}", parts.join(" en ")) };
    Ok(Restored {
        session,
        without_examples: saved.zonder_voorbeeld,
        notice: format!("Uw werk van de vorige keer is teruggezet{what}. Het staat alleen in deze browser."),
    })
}

/// Whether the session holds work the site does not have yet: files dropped, or a manifest
/// that differs from the site's (the page then asks before it is left).
pub fn unsaved(session: &Session, site: &Session) -> bool {
    !session.inputs.is_empty() || manifest_json(&session.manifest) != manifest_json(&site.manifest)
}
