//! Statements about the connection and the file rather than the records: an explicit
//! transaction spanning many facade calls, the write-ahead journal, secure deletion,
//! rebuilding the file. The facade decides when; these say how, in SQL.

use crate::error::Result;
use rusqlite::Connection;

/// Opens a transaction that takes the write lock at once, for [`crate::Ledger::batch`]: the
/// writes made inside nest in it as savepoints (see `with_tx`).
pub fn begin_immediate(conn: &Connection) -> Result<()> {
    Ok(conn.execute_batch("BEGIN IMMEDIATE")?)
}

/// A read transaction: every query in it sees the same committed state (one snapshot).
pub fn begin_deferred(conn: &Connection) -> Result<()> {
    Ok(conn.execute_batch("BEGIN DEFERRED")?)
}

pub fn commit(conn: &Connection) -> Result<()> {
    Ok(conn.execute_batch("COMMIT")?)
}

/// Rolls back the open transaction; a failure here leaves nothing to do but report the
/// first error, so it is ignored.
pub fn rollback(conn: &Connection) {
    let _ = conn.execute_batch("ROLLBACK");
}

/// Moves every page of the write-ahead journal into the file and empties the journal, so
/// that nothing written before (under an old key, or erased since) stays in it.
pub fn checkpoint(conn: &Connection) -> Result<()> {
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(())
}

/// Turns SQLite's secure_delete on or off (erased content overwritten in the file, not only
/// unlinked) and returns what it was, to be given back afterwards.
pub fn set_secure_delete(conn: &Connection, on: bool) -> Result<bool> {
    let was: i64 = conn.pragma_query_value(None, "secure_delete", |r| r.get(0))?;
    conn.pragma_update(None, "secure_delete", on)?;
    Ok(was != 0)
}

/// Rebuilds the file from what it holds now, leaving no copy of erased text in free pages.
pub fn vacuum(conn: &Connection) -> Result<()> {
    Ok(conn.execute_batch("VACUUM")?)
}

/// Foreign keys enforced on a connection opened by hand (a copy being checked).
pub fn enforce_foreign_keys(conn: &Connection) -> Result<()> {
    Ok(conn.pragma_update(None, "foreign_keys", "ON")?)
}
