//! Entry point of the council tools page (`beheer.html`): the data check and the engine
//! benchmark, in a WASM of their own so the residents' app does not carry them (issue 12).
//! Trunk builds it for `wasm32-unknown-unknown` (see `scripts/post-build.mjs`); natively it only
//! explains how to run it.

#[cfg(target_arch = "wasm32")]
fn main() {
    monitor_sociaal_domein::ui::start_beheer();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "This binary is the council tools page (beheer.html). Build it with `trunk build --release` (see README.md)."
    );
}
