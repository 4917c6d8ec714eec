//! Period bundles (migration 0014): the office's signing key, the offices a consolidating
//! office trusts, the bundles it imported and the records behind them, and what an office
//! reads of its own records to send without personal data. An imported bundle is never
//! updated in place (the schema's triggers refuse it): a newer one replaces it whole.

use super::Tx;
use crate::error::{Error, Result};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

/// The office's own signing key as stored.
pub struct KeyRow {
    pub secret: [u8; 32],
    pub public: [u8; 32],
    pub fingerprint: String,
    pub created_at: String,
}

pub fn key(conn: &Connection) -> Result<Option<KeyRow>> {
    let row = conn
        .query_row("SELECT secret, public, fingerprint, created_at FROM bundle_key WHERE id = 1", [], |r| {
            Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, Vec<u8>>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
        })
        .optional()?;
    row.map(|(secret, public, fingerprint, created_at)| {
        let bad = || Error::Corrupt("khoá ký gói số liệu trong cơ sở dữ liệu bị hỏng".into());
        Ok(KeyRow {
            secret: secret.try_into().map_err(|_| bad())?,
            public: public.try_into().map_err(|_| bad())?,
            fingerprint,
            created_at,
        })
    })
    .transpose()
}

/// Stores the office's key; the audit log records its fingerprint, never the secret.
pub fn save_key(tx: &Tx, secret: &[u8; 32], public: &[u8; 32], fingerprint: &str) -> Result<String> {
    tx.execute(
        "INSERT INTO bundle_key (id, secret, public, fingerprint, created_at) VALUES (1, ?1, ?2, ?3, ?4)",
        params![secret.as_slice(), public.as_slice(), fingerprint, tx.now()],
    )?;
    tx.audit::<(), _>("bundle_key", fingerprint, None, Some(&json!({ "fingerprint": fingerprint, "created_at": tx.now() })))?;
    Ok(tx.now().to_owned())
}

/// Whether this office consolidates others' bundles, and the folder it watches for them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ConsolidationSettings {
    /// «Đơn vị tổng hợp»: registers offices and imports their bundles.
    pub consolidating: bool,
    /// A folder whose new `.ykb` files are imported by the machine that owns the database
    /// (the app while it is open, or `ykien serve`): `bundle::inbox`.
    pub inbox: Option<String>,
}

pub fn settings(conn: &Connection) -> Result<ConsolidationSettings> {
    let row = conn
        .query_row("SELECT consolidating, inbox FROM bundle_setting WHERE id = 1", [], |r| {
            Ok(ConsolidationSettings { consolidating: r.get(0)?, inbox: r.get(1)? })
        })
        .optional()?;
    Ok(row.unwrap_or_default())
}

pub fn save_settings(tx: &Tx, s: &ConsolidationSettings) -> Result<()> {
    let before = settings(tx)?;
    tx.execute(
        "INSERT INTO bundle_setting (id, consolidating, inbox) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET consolidating = excluded.consolidating, inbox = excluded.inbox",
        params![s.consolidating, s.inbox],
    )?;
    tx.audit("bundle_setting", "1", Some(&before), Some(s))
}

/// An office whose bundles this office accepts, by the fingerprint of its key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TrustedOffice {
    pub id: String,
    pub name: String,
    /// Uppercase hex, 64 digits.
    pub fingerprint: String,
    pub trusted_at: String,
}

pub fn offices(conn: &Connection) -> Result<Vec<TrustedOffice>> {
    let mut st = conn.prepare("SELECT id, name, fingerprint, trusted_at FROM bundle_office ORDER BY name, id")?;
    let rows = st.query_map([], |r| Ok(TrustedOffice { id: r.get(0)?, name: r.get(1)?, fingerprint: r.get(2)?, trusted_at: r.get(3)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn trust(tx: &Tx, name: &str, fingerprint: &str) -> Result<TrustedOffice> {
    if let Some(o) = offices(tx)?.into_iter().find(|o| o.fingerprint == fingerprint) {
        return Err(Error::Conflict(format!("Khoá này đã được đăng ký cho đơn vị «{}».", o.name)));
    }
    let office = TrustedOffice {
        id: uuid::Uuid::now_v7().to_string(),
        name: name.to_owned(),
        fingerprint: fingerprint.to_owned(),
        trusted_at: tx.now().to_owned(),
    };
    tx.execute(
        "INSERT INTO bundle_office (id, name, fingerprint, trusted_at) VALUES (?1, ?2, ?3, ?4)",
        params![office.id, office.name, office.fingerprint, office.trusted_at],
    )?;
    tx.audit::<(), _>("bundle_office", &office.id, None, Some(&office))?;
    Ok(office)
}

/// A bundle imported from an office, without its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportedBundle {
    pub id: String,
    pub office_id: String,
    /// The office's name as registered here; `sentAs` is the name its own profile gives.
    pub office: String,
    pub sent_as: String,
    pub from: String,
    pub to: String,
    /// When the office made the bundle (UTC): of two bundles of one period, the later wins.
    pub made_at: String,
    /// SHA-256 of the whole file, uppercase hex.
    pub digest: String,
    pub schema: i64,
    /// How many records came with the figures (0 without `--with-records`).
    pub records: u32,
    pub imported_at: String,
}

const IMPORTED: &str = "SELECT i.id, i.office_id, o.name, i.office_name, i.period_from, i.period_to, i.made_at, i.digest,
        i.schema, i.records, i.imported_at
     FROM bundle_import i JOIN bundle_office o ON o.id = i.office_id";

fn imported_from(r: &rusqlite::Row) -> rusqlite::Result<ImportedBundle> {
    Ok(ImportedBundle {
        id: r.get(0)?,
        office_id: r.get(1)?,
        office: r.get(2)?,
        sent_as: r.get(3)?,
        from: r.get(4)?,
        to: r.get(5)?,
        made_at: r.get(6)?,
        digest: r.get(7)?,
        schema: r.get(8)?,
        records: r.get(9)?,
        imported_at: r.get(10)?,
    })
}

/// Every imported bundle, by period (newest first), then office.
pub fn imported(conn: &Connection) -> Result<Vec<ImportedBundle>> {
    let mut st = conn.prepare(&format!("{IMPORTED} ORDER BY i.period_from DESC, i.period_to, o.name"))?;
    let rows = st.query_map([], imported_from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The bundle imported from `office_id` for exactly that period, if any.
pub fn imported_for(conn: &Connection, office_id: &str, from: &str, to: &str) -> Result<Option<ImportedBundle>> {
    Ok(conn
        .query_row(
            &format!("{IMPORTED} WHERE i.office_id = ?1 AND i.period_from = ?2 AND i.period_to = ?3"),
            params![office_id, from, to],
            imported_from,
        )
        .optional()?)
}

/// The content of the bundles imported for exactly the period `from`..`to`, by office id.
pub fn payloads(conn: &Connection, from: &str, to: &str) -> Result<Vec<(String, String)>> {
    let mut st = conn.prepare("SELECT office_id, payload FROM bundle_import WHERE period_from = ?1 AND period_to = ?2")?;
    let rows = st.query_map([from, to], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The content of the imported bundle `import_id` as signed (JSON).
pub fn payload_of(conn: &Connection, import_id: &str) -> Result<String> {
    conn.query_row("SELECT payload FROM bundle_import WHERE id = ?1", [import_id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound { entity: "gói số liệu đã nhập", id: import_id.to_owned() })
}

/// A record behind an imported bundle, as sent: `case` or `form`, its id and its JSON.
pub struct RecordRow {
    pub kind: &'static str,
    pub id: String,
    pub data: String,
}

/// Replaces the bundle of `b.office_id` for its period (if one was imported) by `b` and its
/// records, whole: the old one and its records are deleted, the new one inserted.
pub fn replace(tx: &Tx, b: &ImportedBundle, payload: &str, records: &[RecordRow]) -> Result<()> {
    let before = imported_for(tx, &b.office_id, &b.from, &b.to)?;
    if let Some(old) = &before {
        tx.execute("DELETE FROM bundle_record WHERE import_id = ?1", [&old.id])?;
        tx.execute("DELETE FROM bundle_import WHERE id = ?1", [&old.id])?;
    }
    tx.execute(
        "INSERT INTO bundle_import (id, office_id, period_from, period_to, made_at, digest, schema, office_name, payload, records, imported_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![b.id, b.office_id, b.from, b.to, b.made_at, b.digest, b.schema, b.sent_as, payload, b.records, b.imported_at],
    )?;
    let mut st = tx.prepare_cached("INSERT INTO bundle_record (import_id, kind, id, data) VALUES (?1, ?2, ?3, ?4)")?;
    for r in records {
        st.execute(params![b.id, r.kind, r.id, r.data])?;
    }
    tx.audit("bundle_import", &format!("{}/{}/{}", b.office_id, b.from, b.to), before.as_ref(), Some(b))
}

/// The records of an imported bundle of one kind, as sent (JSON each), in their ids' order.
pub fn records(conn: &Connection, import_id: &str, kind: &str) -> Result<Vec<String>> {
    let mut st = conn.prepare("SELECT data FROM bundle_record WHERE import_id = ?1 AND kind = ?2 ORDER BY id")?;
    let rows = st.query_map([import_id, kind], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A case of the book as a bundle carries it: what the figures count, nothing that names or
/// reaches a person (no customer's name, organisation, address, phone, e-mail; no content,
/// resolution or reason written by staff; no staff member).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BundleCase {
    pub id: String,
    /// "2026/000123".
    pub receipt_no: String,
    /// YYYY-MM-DD.
    pub received_on: String,
    pub kind: String,
    pub subject: String,
    pub channel: String,
    pub book: String,
    pub customer_group: String,
    pub unit: Option<String>,
    pub status: String,
    pub formal: bool,
    pub reply_due: String,
    pub exception_due: Option<String>,
    pub closed_on: Option<String>,
}

/// A returned survey form (or a kiosk rating) as a bundle carries it: its boxes only, never
/// the text written on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BundleForm {
    pub id: String,
    /// `paper` or `kiosk`.
    pub source: String,
    /// The form's code and its template version.
    pub template: String,
    pub version: u32,
    pub filled_on: String,
    /// (answer code, `chosen`/`blank`/`spoiled`, level chosen or 0).
    pub answers: Vec<(String, String, i64)>,
}

/// The live cases received from `from` to `to` (YYYY-MM-DD, both included), withdrawn
/// entries left out as the figures leave them out.
pub fn own_cases(conn: &Connection, from: &str, to: &str) -> Result<Vec<BundleCase>> {
    let mut st = conn.prepare(
        "SELECT f.id, f.receipt_year, f.receipt_seq, substr(f.received_at, 1, 10), f.kind, f.subject, f.channel, f.book,
                f.customer_group, u.name, f.status, f.formal, f.reply_due, f.exception_due, substr(f.closed_at, 1, 10)
         FROM feedback f LEFT JOIN unit u ON u.id = f.unit_id
         WHERE f.deleted_at IS NULL AND f.withdrawn_at IS NULL
           AND substr(f.received_at, 1, 10) >= ?1 AND substr(f.received_at, 1, 10) <= ?2
         ORDER BY f.received_at, f.receipt_year, f.receipt_seq",
    )?;
    let rows = st.query_map([from, to], |r| {
        Ok(BundleCase {
            id: r.get(0)?,
            receipt_no: format!("{}/{:06}", r.get::<_, i64>(1)?, r.get::<_, i64>(2)?),
            received_on: r.get(3)?,
            kind: r.get(4)?,
            subject: r.get(5)?,
            channel: r.get(6)?,
            book: r.get(7)?,
            customer_group: r.get(8)?,
            unit: r.get(9)?,
            status: r.get(10)?,
            formal: r.get(11)?,
            reply_due: r.get(12)?,
            exception_due: r.get(13)?,
            closed_on: r.get(14)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The survey forms filled and the kiosk ratings given from `from` to `to`, their box
/// answers only.
pub fn own_forms(conn: &Connection, from: &str, to: &str) -> Result<Vec<BundleForm>> {
    let mut forms: Vec<BundleForm> = Vec::new();
    let mut st = conn.prepare(
        "SELECT r.id, 'paper', t.code, t.version, r.filled_on FROM survey_response r
           JOIN survey_round o ON o.id = r.round_id JOIN survey_template t ON t.id = o.template_id
         WHERE r.deleted_at IS NULL AND r.filled_on >= ?1 AND r.filled_on <= ?2
         UNION ALL
         SELECT k.id, 'kiosk', t.code, t.version, k.rated_on FROM kiosk_rating k JOIN survey_template t ON t.id = k.template_id
         WHERE k.rated_on >= ?1 AND k.rated_on <= ?2
         ORDER BY 5, 1",
    )?;
    let rows = st.query_map([from, to], |r| {
        Ok(BundleForm { id: r.get(0)?, source: r.get(1)?, template: r.get(2)?, version: r.get(3)?, filled_on: r.get(4)?, answers: Vec::new() })
    })?;
    for f in rows {
        forms.push(f?);
    }
    let mut paper = conn.prepare_cached(
        "SELECT code, state, COALESCE(value, 0) FROM survey_answer WHERE response_id = ?1 AND state <> 'text' ORDER BY code",
    )?;
    let mut kiosk = conn.prepare_cached("SELECT code, 'chosen', value FROM kiosk_answer WHERE rating_id = ?1 ORDER BY code")?;
    for f in &mut forms {
        let st = if f.source == "paper" { &mut paper } else { &mut kiosk };
        let rows = st.query_map([&f.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        f.answers = rows.collect::<rusqlite::Result<_>>()?;
    }
    Ok(forms)
}

/// `content` sealed as the backups of an encrypted database are: a small SQLCipher file (AES-256,
/// HMAC-SHA512 on every page, the key derived from `key` by PBKDF2) holding it in one row. The
/// file is written encrypted from its first page, in a folder of its own removed after.
pub fn seal(content: &[u8], key: &super::cipher::Passphrase) -> Result<Vec<u8>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("goi.db");
    {
        let conn = Connection::open(&path)?;
        super::cipher::apply_key(&conn, &path, key)?;
        conn.execute_batch("PRAGMA journal_mode = DELETE; CREATE TABLE content (id INTEGER PRIMARY KEY CHECK (id = 1), bytes BLOB NOT NULL)")?;
        conn.execute("INSERT INTO content (id, bytes) VALUES (1, ?1)", [content])?;
    }
    Ok(std::fs::read(&path)?)
}

/// The content of a file made by [`seal`], read with `key`; a wrong key is refused as the
/// database's own passphrase is ([`Error::Encrypted`]).
pub fn unseal(sealed: &[u8], key: &super::cipher::Passphrase) -> Result<Vec<u8>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("goi.db");
    std::fs::write(&path, sealed)?;
    let conn = Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    super::cipher::apply_key(&conn, &path, key)?;
    Ok(conn.query_row("SELECT bytes FROM content WHERE id = 1", [], |r| r.get(0))?)
}

/// The audit log's length and the hash of its last entry, as they stand (the chain itself is
/// verified by the office's own check, not each time a bundle is made).
pub fn audit_head(conn: &Connection) -> Result<(i32, Option<String>)> {
    Ok(conn.query_row(
        "SELECT (SELECT count(*) FROM audit_log), (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

/// A bundle file found in the inbox folder and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InboxEntry {
    pub id: String,
    pub file_name: String,
    /// Where the file is now: in «Đã nhận» or «Không nhận» under the inbox folder.
    pub moved_to: String,
    pub read_at: String,
    /// `imported`, `replaced`, `unchanged` or `refused`.
    pub outcome: String,
    /// The office as registered here and the period, when the bundle was accepted.
    pub office: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// Why it was refused, in the words shown to the user.
    pub reason: Option<String>,
}

/// Records what became of a file of the inbox folder.
pub fn log_inbox(tx: &Tx, e: &InboxEntry) -> Result<()> {
    tx.execute(
        "INSERT INTO bundle_inbox (id, file_name, moved_to, read_at, outcome, office, period_from, period_to, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![e.id, e.file_name, e.moved_to, e.read_at, e.outcome, e.office, e.from, e.to, e.reason],
    )?;
    tx.audit::<(), _>("bundle_inbox", &e.id, None, Some(e))
}

/// The files read from the inbox folder, newest first, at most `limit`.
pub fn inbox_log(conn: &Connection, limit: u32) -> Result<Vec<InboxEntry>> {
    let mut st = conn.prepare(
        "SELECT id, file_name, moved_to, read_at, outcome, office, period_from, period_to, reason
         FROM bundle_inbox ORDER BY read_at DESC, id DESC LIMIT ?1",
    )?;
    let rows = st.query_map([limit], |r| {
        Ok(InboxEntry {
            id: r.get(0)?,
            file_name: r.get(1)?,
            moved_to: r.get(2)?,
            read_at: r.get(3)?,
            outcome: r.get(4)?,
            office: r.get(5)?,
            from: r.get(6)?,
            to: r.get(7)?,
            reason: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
