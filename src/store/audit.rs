//! The audit log: appending chained entries, reading them, verifying the chain, and the
//! erasure of personal data a disposal makes (which keeps the chain verifiable).

use crate::domain::audit::chain::{content_hash, entry_hash, Link};
use crate::domain::audit::AuditEntry;
use crate::error::Result;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

/// The newest `limit` entries, newest first.
pub fn recent(conn: &Connection, limit: u32) -> Result<Vec<AuditEntry>> {
    search(conn, None, None, None, None, None, limit)
}

/// The newest `limit` entries that match: `actor` a part of the name, `entity` and `action`
/// exact, `from`..`until` UTC RFC 3339 bounds (`until` excluded).
pub fn search(
    conn: &Connection,
    actor: Option<&str>,
    entity: Option<&str>,
    action: Option<&str>,
    from: Option<&str>,
    until: Option<&str>,
    limit: u32,
) -> Result<Vec<AuditEntry>> {
    let mut st = conn.prepare_cached(
        "SELECT seq, at, actor, action, entity, entity_id, before, after
         FROM audit_log
         WHERE (?1 IS NULL OR instr(actor, ?1) > 0) AND (?2 IS NULL OR entity = ?2)
           AND (?3 IS NULL OR action = ?3) AND (?4 IS NULL OR at >= ?4) AND (?5 IS NULL OR at < ?5)
         ORDER BY seq DESC LIMIT ?6",
    )?;
    let rows = st.query_map(params![actor, entity, action, from, until, limit], |r| {
        Ok(AuditEntry {
            seq: r.get(0)?,
            at: r.get(1)?,
            actor: r.get(2)?,
            action: r.get(3)?,
            entity: r.get(4)?,
            entity_id: r.get(5)?,
            before: r.get(6)?,
            after: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One new entry, as `Tx::audit` makes it.
pub(crate) struct NewEntry<'a> {
    pub at: &'a str,
    pub actor: &'a str,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: &'a str,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// Appends one entry chained to the last one. Runs inside the caller's write transaction,
/// which holds the write lock: nobody else can append between reading the last hash and
/// inserting, and a rollback takes the entry (and its number) back.
/// Days from the log's first entry (the database's first use) to `today`; 0 on an empty log.
pub(crate) fn days_since_first_entry(conn: &Connection, today: chrono::NaiveDate) -> Result<i64> {
    let first: Option<String> = conn.query_row("SELECT at FROM audit_log ORDER BY seq LIMIT 1", [], |r| r.get(0)).optional()?;
    let first = first.and_then(|at| chrono::NaiveDate::parse_from_str(at.get(..10)?, "%Y-%m-%d").ok());
    Ok(first.map_or(0, |d| (today - d).num_days()))
}

pub(crate) fn append(conn: &Connection, e: &NewEntry) -> Result<()> {
    let last: Option<(i64, Option<String>)> = conn
        .prepare_cached("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (seq, prev) = match last {
        Some((seq, hash)) => (seq + 1, hash.unwrap_or_default()),
        None => (1, String::new()),
    };
    let content = content_hash(e.before.as_deref(), e.after.as_deref());
    let link = Link { seq, at: e.at, actor: e.actor, action: e.action, entity: e.entity, entity_id: e.entity_id, content_hash: &content };
    let hash = entry_hash(&link, &prev);
    conn.prepare_cached(
        "INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, before, after, content_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![seq, e.at, e.actor, e.action, e.entity, e.entity_id, e.before, e.after, content, hash])?;
    Ok(())
}

/// Seals the entries written before the chain existed, in order (the migration that added
/// the chain calls it once, inside its transaction).
pub(crate) fn seal_legacy(conn: &Connection) -> Result<()> {
    let mut prev = String::new();
    let mut st = conn.prepare("SELECT seq, at, actor, action, entity, entity_id, before, after, hash FROM audit_log ORDER BY seq")?;
    let rows: Vec<Row> = st.query_map([], Row::read)?.collect::<rusqlite::Result<_>>()?;
    for row in rows {
        if let Some(h) = &row.hash {
            prev = h.clone();
            continue;
        }
        let content = content_hash(row.before.as_deref(), row.after.as_deref());
        let hash = entry_hash(&row.link(&content), &prev);
        conn.execute("UPDATE audit_log SET content_hash = ?2, hash = ?3 WHERE seq = ?1", params![row.seq, content, hash])?;
        prev = hash;
    }
    Ok(())
}

struct Row {
    seq: i64,
    at: String,
    actor: String,
    action: String,
    entity: String,
    entity_id: String,
    before: Option<String>,
    after: Option<String>,
    hash: Option<String>,
}

impl Row {
    fn read(r: &rusqlite::Row) -> rusqlite::Result<Row> {
        Ok(Row {
            seq: r.get(0)?,
            at: r.get(1)?,
            actor: r.get(2)?,
            action: r.get(3)?,
            entity: r.get(4)?,
            entity_id: r.get(5)?,
            before: r.get(6)?,
            after: r.get(7)?,
            hash: r.get(8)?,
        })
    }

    /// As [`Row::read`], failing on a text column that is not valid UTF-8.
    fn read_lossless(r: &rusqlite::Row) -> std::result::Result<Row, ()> {
        let t = |i| text(r, i).map_err(|_| ());
        let req = |i| t(i).and_then(|v| v.ok_or(()));
        Ok(Row {
            seq: r.get(0).map_err(|_| ())?,
            at: req(1)?,
            actor: req(2)?,
            action: req(3)?,
            entity: req(4)?,
            entity_id: req(5)?,
            before: t(6)?,
            after: t(7)?,
            hash: t(8)?,
        })
    }

    fn link<'a>(&'a self, content_hash: &'a str) -> Link<'a> {
        Link {
            seq: self.seq,
            at: &self.at,
            actor: &self.actor,
            action: &self.action,
            entity: &self.entity,
            entity_id: &self.entity_id,
            content_hash,
        }
    }
}

/// Where the chain breaks: the first entry whose stored hash does not match, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChainBreak {
    /// The entry's number (`seq`); 0 when the log itself is inconsistent before any entry.
    pub seq: i32,
    /// A Vietnamese sentence for the administrator.
    pub reason: String,
}

/// The state of the whole chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChainReport {
    pub entries: i32,
    /// The hash of the last entry: written down (or printed on a disposal record), it lets a
    /// later check prove that nothing before it was rewritten.
    pub head: Option<String>,
    pub broken: Option<ChainBreak>,
}

/// The last entry of the log: its number and hash.
pub fn last_entry(conn: &Connection) -> Result<Option<(i64, String)>> {
    Ok(conn
        .prepare_cached("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get::<_, Option<String>>(1)?.unwrap_or_default())))
        .optional()?)
}

/// The hash of entry `seq`, when the log has it.
pub fn hash_of(conn: &Connection, seq: i64) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT hash FROM audit_log WHERE seq = ?1")?
        .query_row([seq], |r| Ok(r.get::<_, Option<String>>(0)?.unwrap_or_default()))
        .optional()?)
}

/// Walks the log from the first entry and names the first one that does not verify.
pub fn verify_chain(conn: &Connection) -> Result<ChainReport> {
    let mut st = conn.prepare(
        "SELECT seq, at, actor, action, entity, entity_id, before, after, hash, content_hash, redacted_at
         FROM audit_log ORDER BY seq",
    )?;
    let mut rows = st.query([])?;
    let mut prev = String::new();
    let mut expected_seq = 1i64;
    let mut entries = 0;
    let mut redacted: Vec<i64> = Vec::new();
    let mut listed: std::collections::HashSet<i64> = std::collections::HashSet::new();
    let broken = |seq: i64, reason: String| ChainBreak { seq: seq as i32, reason };
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        // Bytes edited in the file may not even be UTF-8 any more: that too is a broken entry.
        let row = match Row::read_lossless(r) {
            Ok(row) => row,
            Err(()) => {
                return Ok(report(entries + 1, None, Some(broken(seq, format!(
                    "Mục nhật ký số {seq}: nội dung đã bị sửa sau khi ghi (không còn là văn bản hợp lệ)."
                )))))
            }
        };
        let stored_content: Option<String> = text(r, 9).ok().flatten();
        let redacted_at: Option<String> = text(r, 10).ok().flatten();
        entries += 1;
        let seq = row.seq;
        let fail = |reason: &str| Ok(report(entries, None, Some(broken(seq, format!("Mục nhật ký số {seq}: {reason}")))));
        if seq != expected_seq {
            let missing = expected_seq;
            return Ok(report(entries, None, Some(broken(seq, format!(
                "Nhật ký thay đổi thiếu mục số {missing} (mục tiếp theo là số {seq}): đã có mục bị xoá khỏi tệp."
            )))));
        }
        let Some(stored_hash) = row.hash.clone() else { return fail("không có mã băm (chưa được niêm phong).") };
        let Some(stored_content) = stored_content else { return fail("không có mã băm nội dung.") };
        if redacted_at.is_some() {
            if row.before.is_some() || row.after.is_some() {
                return fail("đánh dấu đã tiêu huỷ nhưng vẫn còn nội dung.");
            }
            redacted.push(seq);
        } else if content_hash(row.before.as_deref(), row.after.as_deref()) != stored_content {
            return fail("nội dung (trước/sau thay đổi) đã bị sửa sau khi ghi.");
        }
        if entry_hash(&row.link(&stored_content), &prev) != stored_hash {
            return fail("thời điểm, người thực hiện, thao tác hoặc chuỗi mã băm đã bị sửa sau khi ghi.");
        }
        if ERASING_ENTITIES.contains(&row.entity.as_str()) {
            if let Some(after) = &row.after {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(after) {
                    for s in v["redacted_audit"].as_array().into_iter().flatten() {
                        if let Some(n) = s.as_i64() {
                            listed.insert(n);
                        }
                    }
                }
            }
        }
        prev = stored_hash;
        expected_seq += 1;
    }
    // An erased entry must be one a disposal or an erasure on request recorded erasing:
    // nobody can hide an entry by marking it erased.
    if let Some(seq) = redacted.into_iter().find(|s| !listed.contains(s)) {
        return Ok(report(entries, None, Some(broken(seq, format!(
            "Mục nhật ký số {seq}: bị xoá nội dung mà không có biên bản tiêu huỷ hay yêu cầu xoá dữ liệu cá nhân nào ghi nhận."
        )))));
    }
    Ok(report(entries, (!prev.is_empty()).then_some(prev), None))
}

/// The entries that may erase others, naming them in `redacted_audit`: a disposal of records
/// past their retention period, and the erasure of a person's data at their request.
pub(crate) const ERASING_ENTITIES: [&str; 2] = ["disposal", "personal_data_erasure"];

/// A text column as stored, refusing bytes that are not UTF-8.
fn text(r: &rusqlite::Row, i: usize) -> std::result::Result<Option<String>, ()> {
    match r.get_ref(i).map_err(|_| ())? {
        rusqlite::types::ValueRef::Null => Ok(None),
        rusqlite::types::ValueRef::Text(b) | rusqlite::types::ValueRef::Blob(b) => {
            std::str::from_utf8(b).map(|s| Some(s.to_owned())).map_err(|_| ())
        }
        _ => Err(()),
    }
}

fn report(entries: i32, head: Option<String>, broken: Option<ChainBreak>) -> ChainReport {
    ChainReport { entries, head, broken }
}

/// The entries that hold the records of `entity` with these ids, for a disposal to erase.
pub(crate) fn entries_of(conn: &Connection, entity: &str, ids: &[String]) -> Result<Vec<i64>> {
    let mut st = conn.prepare_cached(
        "SELECT seq FROM audit_log WHERE entity = ?1 AND entity_id = ?2 AND redacted_at IS NULL ORDER BY seq",
    )?;
    let mut out = Vec::new();
    for id in ids {
        for seq in st.query_map(params![entity, id], |r| r.get::<_, i64>(0))? {
            out.push(seq?);
        }
    }
    Ok(out)
}

/// Erases the before/after of these entries, keeping their digests (the chain still verifies).
pub(crate) fn redact(conn: &Connection, seqs: &[i64], at: &str) -> Result<()> {
    let mut st = conn.prepare_cached("UPDATE audit_log SET before = NULL, after = NULL, redacted_at = ?2 WHERE seq = ?1")?;
    for seq in seqs {
        st.execute(params![seq, at])?;
    }
    Ok(())
}
