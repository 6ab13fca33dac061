//! Entry point of the browser app. Trunk builds this binary for `wasm32-unknown-unknown`;
//! natively it only explains how to run the monitor.

#[cfg(target_arch = "wasm32")]
fn main() {
    monitor_sociaal_domein::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This binary is the browser app. Build it with `trunk build --release` (see README.md).");
}
