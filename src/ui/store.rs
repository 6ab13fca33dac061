//! The data store, provided once through Leptos context: the manifest and config (loaded
//! once), the one [`ViewState`] signal with `Memo` slices of it, and a cache of datasets keyed by
//! file name.
//!
//! Invariants:
//! - Each data file is fetched and validated **at most once per page load** (again only when
//!   the reader presses "Opnieuw proberen" after a failure), and kept as an `Arc<Dataset>`.
//! - A view asks for all its files at once: each missing file starts its own fetch, so they
//!   load in parallel.
//! - A failed file only fails the views that need it; they show its Dutch message with a retry
//!   that fetches only that file.
//!
//! The cache is a map of per-file signals rather than one `LocalResource` per view: a resource
//! belongs to the view that made it and would fetch again when the view is rebuilt, while the
//! store outlives every page.

use super::data::{self, LoadError};
use crate::core::model::problem::{Location, Problem, Skipped};
use crate::core::model::view_state::{Display, Page, ViewState};
use crate::core::model::{Dataset, Manifest, Region};
use crate::core::pages::site;
use crate::core::read::config::Config;
use leptos::prelude::*;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// The state of one data file.
#[derive(Debug, Clone)]
pub enum FileState {
    Loading,
    Ready(Arc<Dataset>),
    Failed(LoadError),
}

impl PartialEq for FileState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (FileState::Loading, FileState::Loading) => true,
            (FileState::Ready(a), FileState::Ready(b)) => Arc::ptr_eq(a, b),
            (FileState::Failed(a), FileState::Failed(b)) => a == b,
            _ => false,
        }
    }
}

/// What a view has of the files it needs: the ones that are there (in the order asked for),
/// the ones that failed (file name, why), and whether any is still on its way.
#[derive(Debug, Clone, Default)]
pub struct Files {
    pub ready: Vec<Arc<Dataset>>,
    pub failed: Vec<(String, LoadError)>,
    pub loading: bool,
}

impl PartialEq for Files {
    /// Datasets compare by identity: a file is decoded once, so the same file is the same `Arc`.
    fn eq(&self, other: &Self) -> bool {
        self.loading == other.loading
            && self.failed == other.failed
            && self.ready.len() == other.ready.len()
            && self.ready.iter().zip(&other.ready).all(|(a, b)| Arc::ptr_eq(a, b))
    }
}

/// One table of a loaded dataset, shared (not copied) with the store.
#[derive(Debug, Clone)]
pub struct TableRef {
    set: Arc<Dataset>,
    index: usize,
}

impl TableRef {
    /// The table with this id among the datasets.
    pub fn find(sets: &[Arc<Dataset>], id: &str) -> Option<TableRef> {
        sets.iter().find_map(|set| {
            set.tables.iter().position(|t| t.id == id).map(|index| TableRef { set: set.clone(), index })
        })
    }
}

impl TableRef {
    /// The dataset the table is in (its glossary explains the table's words).
    pub fn dataset(&self) -> &Arc<Dataset> {
        &self.set
    }
}

impl std::ops::Deref for TableRef {
    type Target = crate::core::model::Table;
    fn deref(&self) -> &Self::Target {
        &self.set.tables[self.index]
    }
}

impl PartialEq for TableRef {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.set, &other.set) && self.index == other.index
    }
}

/// The `Memo` slices of the view state that pages read; each changes only when its own part of
/// the query string does.
#[derive(Clone, Copy)]
pub struct View {
    /// The whole view state, with the config's defaults applied.
    pub state: Memo<ViewState>,
    pub page: Memo<Page>,
    pub region: Memo<Option<Region>>,
    pub gemeente: Memo<Option<String>>,
    pub indicator: Memo<Option<String>>,
    pub period: Memo<Option<String>>,
    pub display: Memo<Display>,
    pub embed: Memo<bool>,
}

/// The store: copyable, so closures and components take it by value.
#[derive(Clone, Copy)]
pub struct Store {
    manifest: StoredValue<Arc<Manifest>>,
    config: StoredValue<Arc<Config>>,
    /// What the site left out (manifest entries, files, tables), for the administrator notice.
    pub skipped: RwSignal<Vec<Skipped>>,
    /// `ArcRwSignal`s: they belong to the store, not to the (short-lived) memo that first asked.
    files: StoredValue<FxHashMap<String, ArcRwSignal<FileState>>>,
    pub view: View,
}

impl Store {
    /// Makes the store and its view slices, and provides it as context.
    pub fn provide(manifest: Manifest, config: Config, skipped: Vec<Skipped>, location: RwSignal<ViewState>) -> Store {
        let manifest = Arc::new(manifest);
        let config = Arc::new(config);
        let (m, c) = (manifest.clone(), config.clone());
        let state = Memo::new(move |_| site::with_defaults(location.get(), &c, &m));
        let m = manifest.clone();
        let view = View {
            state,
            page: Memo::new(move |_| state.with(|s| s.page)),
            region: Memo::new(move |_| state.with(|s| site::region(&m, s).cloned())),
            gemeente: Memo::new(move |_| state.with(|s| s.gemeente.clone())),
            indicator: Memo::new(move |_| state.with(|s| s.indicator.clone())),
            period: Memo::new(move |_| state.with(|s| s.period.clone())),
            display: Memo::new(move |_| state.with(|s| s.display)),
            embed: Memo::new(move |_| state.with(|s| s.embed)),
        };
        let store = Store {
            manifest: StoredValue::new(manifest),
            config: StoredValue::new(config),
            skipped: RwSignal::new(skipped),
            files: StoredValue::new(FxHashMap::default()),
            view,
        };
        provide_context(store);
        store
    }

    pub fn manifest(&self) -> Arc<Manifest> {
        self.manifest.get_value()
    }

    pub fn config(&self) -> Arc<Config> {
        self.config.get_value()
    }

    /// Adds to the administrator notice what a file left out (once per file and part).
    fn note_skipped(&self, more: Vec<Skipped>) {
        if more.is_empty() {
            return;
        }
        self.skipped.try_update(|list| {
            for s in more {
                if !list.iter().any(|x| x.file == s.file && x.what == s.what) {
                    list.push(s);
                }
            }
        });
    }

    /// The state of one file; the first ask starts its fetch.
    pub fn file(&self, name: &str) -> ArcRwSignal<FileState> {
        if let Some(slot) = self.files.with_value(|f| f.get(name).cloned()) {
            return slot;
        }
        let slot = ArcRwSignal::new(FileState::Loading);
        self.files.update_value(|f| {
            f.insert(name.to_owned(), slot.clone());
        });
        self.load(name.to_owned(), slot.clone());
        slot
    }

    /// Fetches only this file again (after a failure).
    pub fn retry(&self, name: &str) {
        if let Some(slot) = self.files.with_value(|f| f.get(name).cloned()) {
            slot.set(FileState::Loading);
            self.load(name.to_owned(), slot);
        }
    }

    fn load(&self, name: String, slot: ArcRwSignal<FileState>) {
        let manifest = self.manifest();
        let store = *self;
        leptos::task::spawn_local(async move {
            // A bad table is left out of its file, a file that is not a dataset is left out of
            // the page; both go to the administrator notice (issue 15).
            let state = match data::dataset(&manifest, &name).await {
                Ok((set, skipped)) => {
                    store.note_skipped(skipped);
                    FileState::Ready(Arc::new(set))
                }
                Err(LoadError::Invalid(problems)) => {
                    let what = "het hele bestand".to_owned();
                    store.note_skipped(vec![Skipped { file: name.clone(), what, problems: problems.clone() }]);
                    FileState::Failed(LoadError::Invalid(problems))
                }
                Err(LoadError::TooLarge { file, bytes }) => {
                    // The resident reads a calm line; the administrator notice says why (issue 25).
                    let problems = vec![Problem {
                        file: file.clone(),
                        location: Location::File,
                        message: crate::core::read::json::too_large(bytes),
                    }];
                    store.note_skipped(vec![Skipped { file: name.clone(), what: "het hele bestand".into(), problems }]);
                    FileState::Failed(LoadError::TooLarge { file, bytes })
                }
                Err(e) => FileState::Failed(e),
            };
            slot.try_set(state);
        });
    }

    /// The combined state of `names`, tracked: asks for every file first (so all fetches start
    /// together), then reads them.
    pub fn files(&self, names: &[String]) -> Files {
        let slots: Vec<(String, ArcRwSignal<FileState>)> = names.iter().map(|n| (n.clone(), self.file(n))).collect();
        let mut files = Files::default();
        for (name, slot) in slots {
            match slot.get() {
                FileState::Ready(set) => files.ready.push(set),
                FileState::Failed(e) => files.failed.push((name, e)),
                FileState::Loading => files.loading = true,
            }
        }
        files
    }

    /// A memo of the files the current page needs (see `site::files_for_page`).
    pub fn page_files(&self) -> Memo<Files> {
        let store = *self;
        let names = Memo::new(move |_| store.view.state.with(|s| site::files_for_page(&store.manifest(), s)));
        Memo::new(move |_| names.with(|n| store.files(n)))
    }
}

/// The store from context (provided by the app shell).
pub fn use_store() -> Store {
    expect_context::<Store>()
}
