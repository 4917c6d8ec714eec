//! Integration tests of the core, against real SQLite files. One binary, a module per area.

mod accounts;
mod audit_chain;
mod backup;
mod behind;
mod books;
mod bundles;
mod bindings;
mod case_version;
mod cases;
mod cli;
mod commands;
mod corrections;
mod counts;
mod desk;
mod desk_tasks;
mod crash;
mod encryption;
mod export;
mod golden;
mod import;
mod kiosk;
mod law;
mod messages;
mod open;
mod person;
mod prints;
mod pdf;
mod records;
mod report;
mod retention;
mod scan;
mod search;
mod snapshot;
mod server;
mod sheets;
mod structure;
mod surveys;
mod windows_installer;
mod windows_paths;

/// A fresh folder for one test's database files, removed when dropped.
pub fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new().prefix("ykien-test-").tempdir().expect("temp dir")
}
