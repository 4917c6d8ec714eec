use super::Tx;
use crate::domain::settings::Settings;
use crate::error::Result;
use rusqlite::Connection;

pub fn get(conn: &Connection) -> Result<Settings> {
    let mut st = conn.prepare_cached("SELECT key, value FROM setting")?;
    let pairs: Vec<(String, String)> =
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    Ok(Settings::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))))
}

/// Stores the settings; `s` is already validated. One audit entry for the whole change.
pub fn save(tx: &Tx, s: &Settings) -> Result<()> {
    let before = get(tx)?;
    if &before == s {
        return Ok(());
    }
    for (key, value) in s.to_pairs() {
        tx.execute(
            "INSERT INTO setting (key, value, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (key) DO UPDATE SET value = ?2, updated_at = ?3",
            rusqlite::params![key, value.to_string(), tx.now()],
        )?;
    }
    tx.audit("settings", "settings", Some(&before), Some(s))
}
