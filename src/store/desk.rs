//! The office server's own rows (migration 0008): desks' sessions and the answers kept for
//! request ids. Plain statements on the connection: none of this is a record of the office,
//! so none of it enters the audit log. An answer is stored on the connection of the write it
//! answers, inside that write's transaction (`Ledger::batch`).

use crate::error::Result;
use rusqlite::{params, Connection, OptionalExtension, Row};

/// A desk's session as stored: the token itself is never kept, only its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskSessionRow {
    pub token_hash: String,
    pub account_id: String,
    pub desk_name: String,
    pub address: String,
    pub created_at: String,
    pub last_seen_at: String,
    pub locked: bool,
}

fn session_from(r: &Row) -> rusqlite::Result<DeskSessionRow> {
    Ok(DeskSessionRow {
        token_hash: r.get(0)?,
        account_id: r.get(1)?,
        desk_name: r.get(2)?,
        address: r.get(3)?,
        created_at: r.get(4)?,
        last_seen_at: r.get(5)?,
        locked: r.get(6)?,
    })
}

pub fn insert_session(conn: &Connection, s: &DeskSessionRow) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO desk_sessions (token_hash, account_id, desk_name, address, created_at, last_seen_at, locked)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![s.token_hash, s.account_id, s.desk_name, s.address, s.created_at, s.last_seen_at, s.locked])?;
    Ok(())
}

pub fn session(conn: &Connection, token_hash: &str) -> Result<Option<DeskSessionRow>> {
    Ok(conn
        .prepare_cached(
            "SELECT token_hash, account_id, desk_name, address, created_at, last_seen_at, locked
             FROM desk_sessions WHERE token_hash = ?1",
        )?
        .query_row([token_hash], session_from)
        .optional()?)
}

/// Records the session's lock and the last time the desk was seen.
pub fn update_session(conn: &Connection, token_hash: &str, last_seen_at: &str, locked: bool) -> Result<()> {
    conn.prepare_cached("UPDATE desk_sessions SET last_seen_at = ?2, locked = ?3 WHERE token_hash = ?1")?
        .execute(params![token_hash, last_seen_at, locked])?;
    Ok(())
}

pub fn delete_session(conn: &Connection, token_hash: &str) -> Result<()> {
    conn.prepare_cached("DELETE FROM desk_sessions WHERE token_hash = ?1")?.execute([token_hash])?;
    Ok(())
}

/// Every session, newest first (the administrator's view of who is connected).
pub fn sessions(conn: &Connection) -> Result<Vec<DeskSessionRow>> {
    let mut st = conn.prepare_cached(
        "SELECT token_hash, account_id, desk_name, address, created_at, last_seen_at, locked
         FROM desk_sessions ORDER BY created_at DESC",
    )?;
    let rows = st.query_map([], session_from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Removes sessions not seen since `before` (RFC 3339, as stored): a desk switched off for
/// weeks signs in again.
pub fn forget_sessions_before(conn: &Connection, before: &str) -> Result<usize> {
    Ok(conn.prepare_cached("DELETE FROM desk_sessions WHERE last_seen_at < ?1")?.execute([before])?)
}

/// The answer given to the request `id`: (command, HTTP status, JSON body).
pub fn request(conn: &Connection, id: &str) -> Result<Option<(String, u16, String)>> {
    Ok(conn
        .prepare_cached("SELECT command, status, response FROM desk_requests WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?)
}

/// Keeps the answer to the request `id`; on the write's own connection and transaction.
pub fn remember_request(conn: &Connection, id: &str, command: &str, status: u16, response: &str, at: &str) -> Result<()> {
    conn.prepare_cached("INSERT INTO desk_requests (id, command, status, response, at) VALUES (?1, ?2, ?3, ?4, ?5)")?
        .execute(params![id, command, status, response, at])?;
    Ok(())
}

/// Forgets the answers given before `before` (RFC 3339, as stored).
pub fn forget_requests_before(conn: &Connection, before: &str) -> Result<usize> {
    Ok(conn.prepare_cached("DELETE FROM desk_requests WHERE at < ?1")?.execute([before])?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conn_with_account() -> Connection {
        let conn = crate::store::open_in_memory().unwrap();
        conn.execute_batch(
            "INSERT INTO staff (id, full_name, title, role, search_key, created_at, updated_at)
               VALUES ('s1', 'Quản trị', '', 'administrator', 'quan tri', 'x', 'x');
             INSERT INTO account (id, staff_id, login, password_hash, created_at, updated_at)
               VALUES ('a1', 's1', 'admin', 'h', 'x', 'x');",
        )
        .unwrap();
        conn
    }

    #[test]
    fn a_session_is_found_by_its_hash_updated_and_deleted() {
        let conn = conn_with_account();
        let row = DeskSessionRow {
            token_hash: "h1".into(),
            account_id: "a1".into(),
            desk_name: "PC-01".into(),
            address: "192.168.1.5".into(),
            created_at: "2026-01-01T00:00:00.000Z".into(),
            last_seen_at: "2026-01-01T00:00:00.000Z".into(),
            locked: false,
        };
        insert_session(&conn, &row).unwrap();
        assert_eq!(session(&conn, "h1").unwrap(), Some(row.clone()));
        update_session(&conn, "h1", "2026-01-02T00:00:00.000Z", true).unwrap();
        let got = session(&conn, "h1").unwrap().unwrap();
        assert!(got.locked);
        assert_eq!(got.last_seen_at, "2026-01-02T00:00:00.000Z");
        assert_eq!(forget_sessions_before(&conn, "2026-01-01T12:00:00.000Z").unwrap(), 0);
        delete_session(&conn, "h1").unwrap();
        assert_eq!(session(&conn, "h1").unwrap(), None);
    }

    #[test]
    fn an_answer_is_kept_once_and_forgotten_after_its_time() {
        let conn = crate::store::open_in_memory().unwrap();
        remember_request(&conn, "r1", "feedback_add", 200, "{}", "2026-01-01T00:00:00.000Z").unwrap();
        assert!(remember_request(&conn, "r1", "feedback_add", 200, "{}", "2026-01-01T00:00:00.000Z").is_err());
        assert_eq!(request(&conn, "r1").unwrap(), Some(("feedback_add".into(), 200, "{}".into())));
        assert_eq!(forget_requests_before(&conn, "2026-01-08T00:00:00.000Z").unwrap(), 1);
        assert_eq!(request(&conn, "r1").unwrap(), None);
    }
}
