//! The office's days off besides weekends, which working-day deadlines skip.

use super::Tx;
use crate::domain::deadline::Calendar;
use crate::domain::text::required_line;
use crate::error::Result;
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Holiday {
    /// YYYY-MM-DD
    pub day: String,
    pub name: String,
}

pub fn list(conn: &Connection) -> Result<Vec<Holiday>> {
    let mut st = conn.prepare_cached("SELECT day, name FROM holiday ORDER BY day")?;
    let rows = st.query_map([], |r| Ok(Holiday { day: r.get(0)?, name: r.get(1)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn calendar(conn: &Connection) -> Result<Calendar> {
    let mut c = Calendar::default();
    for h in list(conn)? {
        if let Ok(d) = NaiveDate::parse_from_str(&h.day, "%Y-%m-%d") {
            c.holidays.insert(d);
        }
    }
    Ok(c)
}

pub fn add(tx: &Tx, day: NaiveDate, name: &str) -> Result<()> {
    let name = required_line("name", "Tên ngày nghỉ", name, 100)?;
    let h = Holiday { day: day.to_string(), name };
    tx.execute(
        "INSERT INTO holiday (day, name) VALUES (?1, ?2) ON CONFLICT (day) DO UPDATE SET name = ?2",
        params![h.day, h.name],
    )?;
    tx.audit::<(), _>("holiday", &h.day, None, Some(&h))
}

pub fn remove(tx: &Tx, day: NaiveDate) -> Result<()> {
    let day = day.to_string();
    let before: Option<String> = rusqlite::OptionalExtension::optional(tx.query_row("SELECT name FROM holiday WHERE day = ?1", [&day], |r| r.get(0)))?;
    if let Some(name) = before {
        tx.execute("DELETE FROM holiday WHERE day = ?1", [&day])?;
        tx.audit::<_, ()>("holiday", &day, Some(&Holiday { day: day.clone(), name }), None)?;
    }
    Ok(())
}
