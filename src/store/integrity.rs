//! The health of a database file, as SQLite judges it. A leaf of `store`: opening, backups
//! and encryption all check files with it.

use crate::error::Result;
use rusqlite::Connection;

/// `PRAGMA integrity_check` and `foreign_key_check`: the problems found, empty when healthy.
pub fn integrity_problems(conn: &Connection) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut st = conn.prepare("PRAGMA integrity_check")?;
    for row in st.query_map([], |r| r.get::<_, String>(0))? {
        let row = row?;
        if row != "ok" {
            problems.push(row);
        }
    }
    let mut st = conn.prepare("PRAGMA foreign_key_check")?;
    let rows = st.query_map([], |r| Ok(format!("khoá ngoại hỏng: bảng {} dòng {}", r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
    for row in rows {
        problems.push(row?);
    }
    Ok(problems)
}

/// `PRAGMA quick_check`: the file's structure without the slower checks of
/// [`integrity_problems`]; the problems found, empty when healthy.
pub fn quick_problems(conn: &Connection) -> Result<Vec<String>> {
    let mut st = conn.prepare("PRAGMA quick_check")?;
    let rows = st.query_map([], |r| r.get::<_, String>(0))?;
    Ok(rows.filter_map(|r| r.ok()).filter(|r| r != "ok").collect())
}
