//! Storage: rusqlite only. Opens the file safely (`open`), runs migrations, owns the
//! transaction boundary and the audit log. Nothing above this module writes SQL.

pub mod account;
pub mod action;
pub mod audit;
pub mod backup;
pub mod bundle;
pub mod case_version;
pub mod cipher;
pub mod counts;
pub mod desk;
pub mod export;
pub mod feedback;
pub mod files;
pub mod import;
pub mod holiday;
pub mod integrity;
pub mod kiosk;
pub mod letter;
pub mod notice;
pub mod maintenance;
pub mod migrate;
pub mod network;
pub mod office;
pub mod open;
pub mod opinion;
pub mod person;
pub mod report;
pub mod retention;
pub mod review;
pub mod settings;
pub mod staff;
pub mod scan;
pub mod survey;
pub mod unit;
pub mod words;

pub use integrity::integrity_problems;
pub use open::{open, open_in_memory, open_keyed, UPGRADE_COPY_DIR};

use crate::error::Result;
use rusqlite::Connection;
use serde::Serialize;

/// A write transaction that knows who is writing, so that every change it makes is also
/// entered in the audit log, inside the same transaction: the change and its log entry are
/// committed together or not at all.
pub struct Tx<'c> {
    conn: &'c Connection,
    actor: &'c str,
    now: String,
}

impl std::ops::Deref for Tx<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        self.conn
    }
}

impl Tx<'_> {
    /// Who is writing, as recorded in the audit log and case histories.
    pub fn actor(&self) -> &str {
        self.actor
    }

    /// The time of this transaction, used for every row it touches.
    pub fn now(&self) -> &str {
        &self.now
    }

    /// Appends the entry of a record created, put together on the spot: what
    /// `audit::<(), _>(entity, id, None, Some(after))` writes, without the copy of `after`
    /// that a record of any type needs to have its keys sorted (an import writes one a line).
    pub fn audit_created(&self, entity: &str, entity_id: &str, after: &serde_json::Value) -> Result<()> {
        let after = serde_json::to_string(&crate::domain::json::Sorted(after)).expect("a JSON value serialises");
        self.append("create", entity, entity_id, None, Some(after))
    }

    /// Appends one entry to the audit log.
    pub fn audit<B: Serialize, A: Serialize>(
        &self,
        entity: &str,
        entity_id: &str,
        before: Option<&B>,
        after: Option<&A>,
    ) -> Result<()> {
        let action = match (before.is_some(), after.is_some()) {
            (false, _) => "create",
            (true, true) => "update",
            (true, false) => "delete",
        };
        let json = |v: &dyn ToJson| v.to_json();
        self.append(action, entity, entity_id, before.map(|b| json(b)), after.map(|a| json(a)))
    }

    /// Appends an entry whose records are already written as the log holds them.
    fn append(&self, action: &str, entity: &str, entity_id: &str, before: Option<String>, after: Option<String>) -> Result<()> {
        audit::append(self.conn, &audit::NewEntry { at: &self.now, actor: self.actor, action, entity, entity_id, before, after })
    }
}

/// Lets `audit` take records of two different types through one closure.
trait ToJson {
    fn to_json(&self) -> String;
}
impl<T: Serialize> ToJson for T {
    fn to_json(&self) -> String {
        // A record put together on the spot (`json!`) is stored with its keys in alphabetical
        // order, as the log has always held such records, whatever order the code lists them
        // in; a domain record keeps the order of its struct's fields. (Records borrow, so
        // `Any` cannot tell a `Value`; its type's name can.)
        if std::any::type_name::<T>() == std::any::type_name::<serde_json::Value>() {
            let value = serde_json::to_value(self).expect("a JSON value serialises");
            return serde_json::to_string(&crate::domain::json::Sorted(&value)).expect("a JSON value serialises");
        }
        // Domain records are plain structs of strings and numbers: serialising cannot fail.
        serde_json::to_string(self).expect("records serialise to JSON")
    }
}

/// The one place a write transaction begins and ends. IMMEDIATE takes the write lock at the
/// start, so two writers queue on the busy timeout instead of one failing half-way when it
/// tries to upgrade a read lock. `f` returning an error (or panicking) rolls everything back.
///
/// Inside a batch (`Ledger::batch`) the same code runs in a savepoint of the batch's transaction, so a
/// batch (demo data, an import) is one all-or-nothing commit made of ordinary writes.
pub fn with_tx<T>(conn: &mut Connection, actor: &str, f: impl FnOnce(&Tx) -> Result<T>) -> Result<T> {
    let guard = TxGuard::begin(conn)?;
    let tx = Tx { conn: guard.conn, actor, now: now_utc() };
    let value = f(&tx)?;
    guard.commit()?;
    Ok(value)
}

/// Rolls back on drop unless committed: an error or a panic in the middle of a write never
/// leaves a transaction open or half a change behind.
struct TxGuard<'c> {
    conn: &'c Connection,
    nested: bool,
    done: bool,
}

impl<'c> TxGuard<'c> {
    fn begin(conn: &'c Connection) -> Result<TxGuard<'c>> {
        let nested = !conn.is_autocommit();
        conn.execute_batch(if nested { "SAVEPOINT ykien_write" } else { "BEGIN IMMEDIATE" })?;
        Ok(TxGuard { conn, nested, done: false })
    }

    fn commit(mut self) -> Result<()> {
        self.conn.execute_batch(if self.nested { "RELEASE ykien_write" } else { "COMMIT" })?;
        self.done = true;
        Ok(())
    }
}

impl Drop for TxGuard<'_> {
    fn drop(&mut self) {
        if !self.done {
            let sql = if self.nested { "ROLLBACK TO ykien_write; RELEASE ykien_write" } else { "ROLLBACK" };
            let _ = self.conn.execute_batch(sql);
        }
    }
}

pub fn now_utc() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

