//! Each case's version ([`crate::Case::version`]): 1 when the case is entered, one more at
//! every write that changes what the case shows. A desk sends the version it shows with a
//! move or a step, and the core refuses the change when another desk has changed the case
//! since (`workflow::check_version`, in the write's transaction).
//!
//! Every store write that changes what a case shows calls [`touch`] once, in its own
//! transaction, or bumps `version` in the `UPDATE feedback` it makes anyway (a move, the
//! exception deadline, the confirmation, an erasure); nothing else changes the column.
//! Written out in the writes rather than left to triggers: a change is one step of the
//! version whatever it touches (a move to closed updates the case three times and adds a
//! line to its history; row triggers would count rows, not changes), a case settled on the
//! spot is entered at version 1 like any other, and the bulk writes that must stay fast
//! (importing an old ledger drops the search triggers for that reason) pay nothing. The
//! integration tests `case_version` hold each kind of change to its one step.
//!
//! A module of its own because the writes that change a case live in several modules
//! (the case, its letters, its corrective actions), which the case's own module reads.

use super::Tx;
use crate::error::{Error, Result};
use rusqlite::{Connection, OptionalExtension};

/// One more version of the case `id`.
pub(crate) fn touch(tx: &Tx, id: &str) -> Result<()> {
    tx.prepare_cached("UPDATE feedback SET version = version + 1 WHERE id = ?1")?.execute([id])?;
    Ok(())
}

/// The version of the live case `id`.
pub fn of(conn: &Connection, id: &str) -> Result<i64> {
    conn.prepare_cached("SELECT version FROM feedback WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound { entity: "hồ sơ", id: id.to_owned() })
}
