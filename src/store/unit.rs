use super::Tx;
use crate::domain::text::fold;
use crate::domain::unit::{Unit, UnitInput};
use crate::error::{Error, Result};
use rusqlite::{Connection, OptionalExtension, Row};

fn from_row(r: &Row) -> rusqlite::Result<Unit> {
    Ok(Unit { id: r.get(0)?, name: r.get(1)?, code: r.get(2)? })
}

/// Live units in name order.
pub fn list(conn: &Connection) -> Result<Vec<Unit>> {
    let mut st = conn.prepare_cached(
        "SELECT id, name, code FROM unit WHERE deleted_at IS NULL ORDER BY search_key",
    )?;
    let rows = st.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, id: &str) -> Result<Unit> {
    conn.query_row("SELECT id, name, code FROM unit WHERE id = ?1 AND deleted_at IS NULL", [id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound { entity: "đơn vị", id: id.to_owned() })
}

/// Creates or updates a unit; `u` is already validated. Returns the stored unit.
pub fn save(tx: &Tx, u: &UnitInput) -> Result<Unit> {
    let clash: Option<String> = tx
        .query_row(
            "SELECT id FROM unit WHERE name = ?1 AND deleted_at IS NULL AND id IS NOT ?2",
            rusqlite::params![u.name, u.id],
            |r| r.get(0),
        )
        .optional()?;
    if clash.is_some() {
        return Err(Error::validation("name", format!("Đã có đơn vị tên «{}».", u.name)));
    }
    let after = Unit { id: u.id.clone().unwrap_or_else(super::new_id), name: u.name.clone(), code: u.code.clone() };
    match &u.id {
        None => {
            tx.execute(
                "INSERT INTO unit (id, name, code, search_key, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                rusqlite::params![after.id, after.name, after.code, fold(&after.name), tx.now()],
            )?;
            tx.audit::<Unit, Unit>("unit", &after.id, None, Some(&after))?;
        }
        Some(id) => {
            let before = get(tx, id)?;
            if before == after {
                return Ok(after);
            }
            tx.execute(
                "UPDATE unit SET name = ?2, code = ?3, search_key = ?4, updated_at = ?5 WHERE id = ?1",
                rusqlite::params![id, after.name, after.code, fold(&after.name), tx.now()],
            )?;
            tx.audit("unit", id, Some(&before), Some(&after))?;
        }
    }
    Ok(after)
}

/// Soft-deletes a unit that no live staff member belongs to.
pub fn delete(tx: &Tx, id: &str) -> Result<()> {
    let before = get(tx, id)?;
    let staff: i64 = tx.query_row(
        "SELECT count(*) FROM staff WHERE unit_id = ?1 AND deleted_at IS NULL",
        [id],
        |r| r.get(0),
    )?;
    if staff > 0 {
        return Err(Error::Conflict(format!(
            "Không xoá được đơn vị «{}» vì còn {staff} cán bộ thuộc đơn vị này. Hãy chuyển họ sang đơn vị khác trước.",
            before.name
        )));
    }
    tx.execute("UPDATE unit SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1", rusqlite::params![id, tx.now()])?;
    tx.audit::<Unit, Unit>("unit", id, Some(&before), None)
}
