use super::Tx;
use crate::domain::staff::{Role, Staff, StaffInput};
use crate::domain::text::fold;
use crate::error::{Error, Result};
use rusqlite::{Connection, OptionalExtension, Row};

const SELECT: &str = "SELECT s.id, s.full_name, s.title, s.unit_id, u.name, s.role, s.phone, s.email
                      FROM staff s LEFT JOIN unit u ON u.id = s.unit_id";

fn from_row(r: &Row) -> rusqlite::Result<Staff> {
    let role: String = r.get(5)?;
    Ok(Staff {
        id: r.get(0)?,
        full_name: r.get(1)?,
        title: r.get(2)?,
        unit_id: r.get(3)?,
        unit_name: r.get(4)?,
        // The CHECK constraint admits only known roles.
        role: Role::parse(&role).unwrap_or(Role::Reception),
        phone: r.get(6)?,
        email: r.get(7)?,
    })
}

/// Live staff in name order; `query` matches any part of the name or title, ignoring
/// accents and case.
pub fn list(conn: &Connection, query: Option<&str>) -> Result<Vec<Staff>> {
    // instr, not LIKE: a user's '%' or '_' is text to find, never a pattern.
    let mut st = conn.prepare_cached(&format!(
        "{SELECT} WHERE s.deleted_at IS NULL AND instr(s.search_key, ?1) > 0 ORDER BY s.search_key"
    ))?;
    let rows = st.query_map([fold(query.unwrap_or(""))], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, id: &str) -> Result<Staff> {
    conn.query_row(&format!("{SELECT} WHERE s.id = ?1 AND s.deleted_at IS NULL"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound { entity: "cán bộ", id: id.to_owned() })
}

/// The folded key that staff search runs on: name and title.
fn search_key(s: &StaffInput) -> String {
    fold(&format!("{} {}", s.full_name, s.title))
}

/// Creates or updates a staff member; `s` is already validated.
pub fn save(tx: &Tx, s: &StaffInput) -> Result<Staff> {
    if let Some(unit_id) = &s.unit_id {
        super::unit::get(tx, unit_id)
            .map_err(|_| Error::validation("unit_id", "Đơn vị đã chọn không còn tồn tại."))?;
    }
    let id = s.id.clone().unwrap_or_else(super::new_id);
    let before = match &s.id {
        Some(id) => Some(get(tx, id)?),
        None => None,
    };
    let params = rusqlite::params![
        id, s.full_name, s.title, s.unit_id, s.role.as_str(), s.phone, s.email, search_key(s), tx.now()
    ];
    if before.is_none() {
        tx.execute(
            "INSERT INTO staff (id, full_name, title, unit_id, role, phone, email, search_key, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            params,
        )?;
    } else {
        tx.execute(
            "UPDATE staff SET full_name = ?2, title = ?3, unit_id = ?4, role = ?5, phone = ?6,
                    email = ?7, search_key = ?8, updated_at = ?9 WHERE id = ?1",
            params,
        )?;
    }
    let after = get(tx, &id)?;
    if before.as_ref() != Some(&after) {
        tx.audit("staff", &id, before.as_ref(), Some(&after))?;
    }
    Ok(after)
}

pub fn delete(tx: &Tx, id: &str) -> Result<()> {
    let before = get(tx, id)?;
    tx.execute("UPDATE staff SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1", rusqlite::params![id, tx.now()])?;
    tx.audit::<Staff, Staff>("staff", id, Some(&before), None)
}
