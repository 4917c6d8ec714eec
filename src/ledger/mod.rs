//! The facade: everything a user can do with an office's records, as methods of [`Ledger`],
//! one open database. The window, the command line and the tests all reach the core through
//! it, and open it the same way, through [`Database`].
//!
//! One file per area of the work: `cases` (the office, its units and staff, settings, the
//! feedback book and its cases), `accounts` (signing in and the guard every change passes),
//! `records` (backups, restore, import, export, retention), `print`, `personal_data`,
//! `encryption`, `kiosk` (rating kiosks at the desks); `database` opens files.

mod accounts;
mod actions;
mod audit;
mod bundles;
mod cases;
mod database;
mod desks;
mod encryption;
mod kiosk;
mod measures;
mod personal_data;
mod print;
mod records;
mod reports;
mod scan;
mod surveys;

pub use accounts::Session;
pub use bundles::{BundleImport, ExportedBundle, OfficeRecords, RECORDS_SHOWN};
pub use database::{AppInfo, Database, Opened};
pub use encryption::{EncryptionReport, EncryptionStatus};
pub use kiosk::{secret_hash, Rated, TOKEN_PREFIX as KIOSK_TOKEN_PREFIX};
pub use records::{BackupState, DisposalReport, ExportReport, RetentionDue, SurveyFormsDue};

use crate::error::Result;
use crate::store;
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::Connection;
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

/// The actor recorded in the audit log until accounts exist.
pub const SYSTEM_ACTOR: &str = "hệ thống";

/// One open database. Not `Sync`: the app keeps it behind a mutex, one writer at a time; a
/// long task runs on a ledger of its own ([`Ledger::open_another`]).
pub struct Ledger {
    /// Reached by the facade's files only (the report and survey areas among them).
    pub(crate) conn: Connection,
    /// The file and the passphrase it was opened with; `None` in memory.
    db: Option<Database>,
    /// Whether the file is encrypted (src/ledger/encryption.rs).
    encrypted: bool,
    actor: String,
    /// A fixed "now" for tests and replays; the office's local clock otherwise.
    pub(crate) clock: Option<NaiveDateTime>,
    /// The signed-in account (see `accounts`); none on a database without accounts.
    session: Option<accounts::Session>,
    /// The desk of the office server whose call this ledger is running, named in the audit
    /// log after the actor; none on one PC.
    desk: Option<String>,
}

/// What `check` found: healthy when `problems` is empty.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CheckReport {
    pub ok: bool,
    pub schema_version: i32,
    pub problems: Vec<String>,
    /// Entries in the audit log.
    pub audit_entries: i32,
    /// The hash of the last audit entry (the chain's head).
    pub audit_head: Option<String>,
    /// The first audit entry that fails the hash chain, when one does.
    pub audit_broken_at: Option<i32>,
}

impl Ledger {
    /// Opens the plain database file at `path`, creating it and its folder when missing, and
    /// migrates it: [`Database::open`] of a file without a passphrase.
    pub fn open(path: impl AsRef<Path>) -> Result<Ledger> {
        Database::new(path.as_ref()).open()
    }

    /// A database in memory, made by the same migrations.
    pub fn open_in_memory() -> Result<Ledger> {
        Ok(Ledger::on(store::open_in_memory()?, None, false))
    }

    /// A ledger on a connection just opened: the system acting, nobody signed in.
    fn on(conn: Connection, db: Option<Database>, encrypted: bool) -> Ledger {
        Ledger { conn, db, encrypted, actor: SYSTEM_ACTOR.into(), clock: None, session: None, desk: None }
    }

    /// The file this ledger has open, with its passphrase: what opens it again.
    pub fn database(&self) -> Option<&Database> {
        self.db.as_ref()
    }

    /// A second connection to the same file, acting as this one: the same actor, desk, clock
    /// and signed-in account (its role is read afresh at every guard, as here). For long tasks (a
    /// backup, an export, an import, a disposal) that would otherwise hold the window's one
    /// connection for their whole run. SQLite keeps the two consistent: readers go on while
    /// one writes (WAL), and a second writer waits on the busy timeout.
    pub fn open_another(&self) -> Result<Ledger> {
        let db = self.db.as_ref().ok_or_else(|| {
            crate::Error::validation("path", "Dữ liệu đang mở chỉ nằm trong bộ nhớ, không mở thêm kết nối được.")
        })?;
        let mut other = db.open()?;
        other.actor = self.actor.clone();
        other.clock = self.clock;
        other.session = self.session.clone();
        other.desk = self.desk.clone();
        Ok(other)
    }

    /// Who the following changes are recorded as, in the audit log, while the database has
    /// no account; once it has, changes are recorded as the signed-in account.
    pub fn set_actor(&mut self, actor: impl Into<String>) {
        self.actor = actor.into();
    }

    /// Takes the signed-in session off this ledger, leaving nobody signed in: the office
    /// server keeps each desk's session apart and lends it for that desk's calls only.
    pub fn take_session(&mut self) -> Option<Session> {
        self.session.take()
    }

    /// Signs in (or out, with `None`) the session a desk holds, as it was when taken; its
    /// account's role, unit and state are read afresh at every guard.
    pub fn resume_session(&mut self, session: Option<Session>) {
        self.session = session;
    }

    /// The desk the following calls come from (the office server's: `"PC-01 (192.168.1.5)"`),
    /// written in the audit log after the actor: `"login (Name) @ PC-01 (192.168.1.5)"`.
    pub fn set_desk(&mut self, desk: Option<String>) {
        self.desk = desk;
    }

    /// `actor` as the audit log names it: with the desk, when the call comes from one.
    pub(crate) fn at_desk(&self, actor: String) -> String {
        match &self.desk {
            Some(desk) => format!("{actor} @ {desk}"),
            None => actor,
        }
    }

    /// Fixes the clock (office local time) used for entries and moves: tests, and replaying
    /// a paper book with its own dates.
    pub fn set_clock(&mut self, now: Option<NaiveDateTime>) {
        self.clock = now;
    }

    /// Office local time now.
    pub fn now(&self) -> NaiveDateTime {
        self.clock.unwrap_or_else(|| chrono::Local::now().naive_local())
    }

    pub fn today(&self) -> NaiveDate {
        self.now().date()
    }

    pub fn path(&self) -> Option<&Path> {
        self.db.as_ref().map(Database::path)
    }

    pub fn schema_version(&self) -> Result<i64> {
        store::migrate::user_version(&self.conn)
    }

    /// Integrity check of the whole file, its schema version, the audit log's hash chain, and
    /// the kept counts against a recount of the records.
    pub fn check(&self) -> Result<CheckReport> {
        let mut problems = store::integrity_problems(&self.conn)?;
        let chain = store::audit::verify_chain(&self.conn)?;
        if let Some(b) = &chain.broken {
            problems.push(b.reason.clone());
        }
        // The kept counts equal a recount of the records (store::counts).
        problems.extend(store::counts::differences(&self.conn)?);
        // The search's word index equals one built again from the cases (store::words).
        problems.extend(store::words::differences(&self.conn)?);
        Ok(CheckReport {
            ok: problems.is_empty(),
            schema_version: self.schema_version()? as i32,
            problems,
            audit_entries: chain.entries,
            audit_head: chain.head,
            audit_broken_at: chain.broken.map(|b| b.seq),
        })
    }

    /// Builds the kept counts (the book's per day, the survey forms' and answers') again from
    /// the records, and the search's word index from the cases: `ykien check --repair-counts`,
    /// when the check finds them different.
    pub fn repair_counts(&mut self) -> Result<()> {
        self.write(|tx| {
            store::counts::repair(tx)?;
            store::words::repair(tx)
        })
    }

    /// The quick check made at each start of the app: the file's structure (SQLite's
    /// quick_check), without the slower full integrity check and audit chain of [`check`].
    pub fn startup_problems(&self) -> Result<Vec<String>> {
        store::integrity::quick_problems(&self.conn)
    }

    /// [`Ledger::startup_problems`] as one answer: `Err(Error::Corrupt)` naming the first few
    /// problems when there are any.
    pub fn startup_check(&self) -> Result<()> {
        let problems = self.startup_problems()?;
        if problems.is_empty() {
            Ok(())
        } else {
            Err(database::damaged(&problems))
        }
    }

    /// Runs `f` as one all-or-nothing transaction: the writes it makes through the ledger
    /// are committed together when it succeeds and all rolled back when it fails or panics.
    /// For demo data and imports.
    pub fn batch<T>(&mut self, f: impl FnOnce(&mut Ledger) -> Result<T>) -> Result<T> {
        store::maintenance::begin_immediate(&self.conn)?;
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&mut *self))) {
            Ok(Ok(value)) => {
                store::maintenance::commit(&self.conn)?;
                Ok(value)
            }
            Ok(Err(e)) => {
                store::maintenance::rollback(&self.conn);
                Err(e)
            }
            Err(panic) => {
                store::maintenance::rollback(&self.conn);
                std::panic::resume_unwind(panic)
            }
        }
    }

    /// Runs `f` on one snapshot of the file: every query it makes sees the same committed
    /// state, whatever other connections commit meanwhile, so that a page of the book and its
    /// count agree. For reads on a connection of their own (the office server's readers); a
    /// write made inside (none is expected) is committed with it, as it would be without.
    pub fn reading<T>(&mut self, f: impl FnOnce(&mut Ledger) -> T) -> Result<T> {
        store::maintenance::begin_deferred(&self.conn)?;
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&mut *self))) {
            Ok(value) => {
                store::maintenance::commit(&self.conn)?;
                Ok(value)
            }
            Err(panic) => {
                store::maintenance::rollback(&self.conn);
                std::panic::resume_unwind(panic)
            }
        }
    }

    /// Every change goes through here. Besides the permission each method checks first, no
    /// change at all is made on a database with accounts unless someone is signed in.
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&store::Tx) -> Result<T>) -> Result<T> {
        let actor = self.writer()?;
        store::with_tx(&mut self.conn, &actor, f)
    }
}
