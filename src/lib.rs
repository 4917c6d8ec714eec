//! Ý Kiến core: the records of an office's ISO 9001 customer-feedback procedures, held in one
//! SQLite file. The app (`src-tauri`), the command line (`src/bin/ykien/main.rs`) and the tests all
//! open it the same way, through [`Ledger`], and do everything through its methods.

pub mod bindings;
pub mod demo;
pub mod domain;
pub mod error;
pub mod paths;
pub mod store;

pub use domain::audit::AuditEntry;
pub use domain::office::OfficeProfile;
pub use domain::settings::Settings;
pub use domain::staff::{Role, Staff, StaffInput};
pub use domain::unit::{Unit, UnitInput};
pub use error::{Error, ErrorReport, Result};

use rusqlite::Connection;
use serde::Serialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The actor recorded in the audit log until accounts exist.
pub const SYSTEM_ACTOR: &str = "hệ thống";

/// One open database. Not `Sync`: the app keeps it behind a mutex, one writer at a time.
pub struct Ledger {
    conn: Connection,
    path: Option<PathBuf>,
    actor: String,
}

/// What the app window needs first: which database is open, or why it could not be opened.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub db_path: String,
    /// Set when the database could not be opened; the window then shows only this.
    pub open_error: Option<ErrorReport>,
    /// False until the office setup screen has been completed.
    pub office_configured: bool,
}

/// What `check` found: healthy when `problems` is empty.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CheckReport {
    pub ok: bool,
    pub schema_version: i32,
    pub problems: Vec<String>,
}

impl Ledger {
    /// Opens the database file, creating it and its folder when missing, and migrates it.
    pub fn open(path: impl AsRef<Path>) -> Result<Ledger> {
        let path = path.as_ref();
        Ok(Ledger { conn: store::open(path)?, path: Some(path.to_owned()), actor: SYSTEM_ACTOR.into() })
    }

    /// A database in memory, made by the same migrations.
    pub fn open_in_memory() -> Result<Ledger> {
        Ok(Ledger { conn: store::open_in_memory()?, path: None, actor: SYSTEM_ACTOR.into() })
    }

    /// Who the following changes are recorded as, in the audit log.
    pub fn set_actor(&mut self, actor: impl Into<String>) {
        self.actor = actor.into();
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn schema_version(&self) -> Result<i64> {
        store::migrate::user_version(&self.conn)
    }

    /// Integrity check of the whole file and its schema version.
    pub fn check(&self) -> Result<CheckReport> {
        let problems = store::integrity_problems(&self.conn)?;
        Ok(CheckReport { ok: problems.is_empty(), schema_version: self.schema_version()? as i32, problems })
    }

    fn write<T>(&mut self, f: impl FnOnce(&store::Tx) -> Result<T>) -> Result<T> {
        store::with_tx(&mut self.conn, &self.actor, f)
    }

    // ---- Office profile ----

    /// `None` until the office setup has been completed.
    pub fn office(&self) -> Result<Option<OfficeProfile>> {
        store::office::get(&self.conn)
    }

    pub fn save_office(&mut self, profile: &OfficeProfile) -> Result<OfficeProfile> {
        let p = profile.validated()?;
        self.write(|tx| store::office::save(tx, &p))?;
        Ok(p)
    }

    // ---- Units ----

    pub fn units(&self) -> Result<Vec<Unit>> {
        store::unit::list(&self.conn)
    }

    pub fn save_unit(&mut self, unit: &UnitInput) -> Result<Unit> {
        let u = unit.validated()?;
        self.write(|tx| store::unit::save(tx, &u))
    }

    pub fn delete_unit(&mut self, id: &str) -> Result<()> {
        self.write(|tx| store::unit::delete(tx, id))
    }

    // ---- Staff ----

    /// Live staff; `query` searches name and title ignoring accents and case.
    pub fn staff(&self, query: Option<&str>) -> Result<Vec<Staff>> {
        store::staff::list(&self.conn, query)
    }

    pub fn save_staff(&mut self, staff: &StaffInput) -> Result<Staff> {
        let s = staff.validated()?;
        self.write(|tx| store::staff::save(tx, &s))
    }

    pub fn delete_staff(&mut self, id: &str) -> Result<()> {
        self.write(|tx| store::staff::delete(tx, id))
    }

    // ---- Settings ----

    pub fn settings(&self) -> Result<Settings> {
        store::settings::get(&self.conn)
    }

    pub fn save_settings(&mut self, settings: &Settings) -> Result<Settings> {
        let s = settings.validated()?;
        self.write(|tx| store::settings::save(tx, &s))?;
        Ok(s)
    }

    // ---- Audit log ----

    pub fn audit_log(&self, limit: u32) -> Result<Vec<AuditEntry>> {
        store::audit::recent(&self.conn, limit)
    }
}
