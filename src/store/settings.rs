use super::Tx;
use crate::domain::document_control::{DocumentControl, FormControlData};
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

/// The key of the office's own privacy notice (src/domain/privacy.rs). A text, kept beside
/// the numbers of [`Settings`], which ignores it.
const NOTICE_KEY: &str = "privacy_notice";

/// The office's privacy notice as written; empty when it uses the default.
pub fn privacy_notice(conn: &Connection) -> Result<String> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row("SELECT value FROM setting WHERE key = ?1", [NOTICE_KEY], |r| r.get::<_, String>(0))
        .optional()?
        .unwrap_or_default())
}

/// Stores the notice (already cleaned; empty goes back to the default), one audit entry.
pub fn save_privacy_notice(tx: &Tx, text: &str) -> Result<()> {
    let before = privacy_notice(tx)?;
    if before == text {
        return Ok(());
    }
    tx.execute(
        "INSERT INTO setting (key, value, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (key) DO UPDATE SET value = ?2, updated_at = ?3",
        rusqlite::params![NOTICE_KEY, text, tx.now()],
    )?;
    tx.audit("settings", NOTICE_KEY, Some(&before), Some(&text))
}

/// The key of the forms' document control (src/domain/document_control.rs), kept as one
/// JSON text beside the numbers of [`Settings`].
const DOCUMENT_CONTROL_KEY: &str = "document_control";

/// The forms' control data as stored; empty when the office kept the defaults.
pub fn document_control(conn: &Connection) -> Result<Vec<FormControlData>> {
    use rusqlite::OptionalExtension;
    let stored = conn
        .query_row("SELECT value FROM setting WHERE key = ?1", [DOCUMENT_CONTROL_KEY], |r| r.get::<_, String>(0))
        .optional()?;
    // A text this version cannot read (written by hand, or by a newer version) leaves the
    // defaults: a print must never fail for want of its control box.
    Ok(stored.and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default())
}

/// Stores the forms' control data (already validated), one audit entry with `before`, what
/// the office saw until now, and the new data.
pub fn save_document_control(tx: &Tx, before: &DocumentControl, after: &DocumentControl) -> Result<()> {
    if before == after {
        return Ok(());
    }
    tx.execute(
        "INSERT INTO setting (key, value, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (key) DO UPDATE SET value = ?2, updated_at = ?3",
        rusqlite::params![DOCUMENT_CONTROL_KEY, serde_json::to_string(&after.forms).expect("serialisable"), tx.now()],
    )?;
    tx.audit("settings", DOCUMENT_CONTROL_KEY, Some(before), Some(after))
}
