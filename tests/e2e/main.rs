//! End-to-end tests in the real app window (WebKitGTK through WebDriver, under Xvfb).
//! Run by `cargo xtask test`, which builds the app, starts the display and sets YKIEN_APP.
//! Assertions are on the DOM and on the SQLite file, never on pixels.

mod harness;
mod office_setup;
mod settings;

/// Tests share one display and start real windows: one at a time.
pub static ONE_WINDOW: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

pub fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new().prefix("ykien-e2e-").tempdir().unwrap()
}
