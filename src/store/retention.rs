//! Retention and disposal (R5): which closed cases are past their retention period, and
//! erasing their personal data and free text while keeping what reports count.

use super::Tx;
use crate::domain::feedback::{Kind, ReceiptNo, Subject, Channel};
use crate::domain::text::fold;
use crate::error::Result;
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One record due for disposal, without its personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DueRecord {
    pub id: String,
    pub receipt_no: String,
    /// YYYY-MM-DD
    pub received_on: String,
    /// YYYY-MM-DD: the day the case was closed, from which the retention period runs.
    pub closed_on: String,
    /// YYYY-MM-DD: the first day it may be disposed of.
    pub due_on: String,
    pub kind: Kind,
    pub subject: Subject,
    pub channel: Channel,
    pub unit_name: Option<String>,
}

/// Closed cases of the books whose retention period (counted from closing) has run out on
/// `on`, oldest first. Open cases are never due.
pub fn due(conn: &Connection, on: NaiveDate, years: u32) -> Result<Vec<DueRecord>> {
    let modifier = format!("+{years} years");
    let mut st = conn.prepare_cached(
        "SELECT f.id, f.receipt_year, f.receipt_seq, substr(f.received_at, 1, 10), substr(f.closed_at, 1, 10),
                date(substr(f.closed_at, 1, 10), ?2), f.kind, f.subject, f.channel, u.name
         FROM feedback f LEFT JOIN unit u ON u.id = f.unit_id
         WHERE f.status = 'closed' AND f.closed_at IS NOT NULL AND f.disposed_at IS NULL AND f.deleted_at IS NULL
           AND date(substr(f.closed_at, 1, 10), ?2) <= ?1
         ORDER BY f.closed_at, f.receipt_year, f.receipt_seq",
    )?;
    let rows = st.query_map(params![on.to_string(), modifier], |r| {
        Ok(DueRecord {
            id: r.get(0)?,
            receipt_no: ReceiptNo { year: r.get(1)?, seq: r.get(2)? }.to_string(),
            received_on: r.get(3)?,
            closed_on: r.get(4)?,
            due_on: r.get(5)?,
            kind: r.get(6)?,
            subject: r.get(7)?,
            channel: r.get(8)?,
            unit_name: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What a disposal did, as its record (biên bản) lists it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Disposal {
    pub id: String,
    pub on_date: String,
    pub record_type: String,
    pub retention_years: u32,
    pub records: Vec<DueRecord>,
    /// Audit entries whose before/after were erased with the records.
    pub redacted_audit_entries: i32,
}

/// Erases the personal data and free text of these records, and of the audit entries that
/// hold them, and records the disposal. Kind, subject, channel, unit, dates, status and
/// receipt number stay: the counts of past reports do not change.
pub fn dispose(tx: &Tx, on: NaiveDate, years: u32, records: &[DueRecord]) -> Result<Disposal> {
    let id = super::new_id();
    let ids: Vec<String> = records.iter().map(|r| r.id.clone()).collect();
    let mut letters: Vec<String> = Vec::new();
    {
        let mut st = tx.prepare_cached("SELECT id FROM reply_letter WHERE feedback_id = ?1")?;
        for fid in &ids {
            for l in st.query_map([fid], |r| r.get::<_, String>(0))? {
                letters.push(l?);
            }
        }
    }
    let mut case = tx.prepare_cached(
        "UPDATE feedback SET customer_name = '', customer_org = '', customer_address = '', customer_phone = '',
            customer_email = '', content = '', resolution = '',
            exception_reason = CASE WHEN exception_reason IS NULL THEN NULL ELSE '' END,
            search_key = ?2, disposed_at = ?3, updated_at = ?3
         WHERE id = ?1",
    )?;
    let mut events = tx.prepare_cached("UPDATE case_event SET note = '' WHERE feedback_id = ?1")?;
    let mut steps = tx.prepare_cached("UPDATE case_step SET note = '' WHERE feedback_id = ?1")?;
    let mut letter = tx.prepare_cached("UPDATE reply_letter SET body = '', updated_at = ?2 WHERE feedback_id = ?1")?;
    for r in records {
        case.execute(params![r.id, fold(&r.receipt_no), tx.now()])?;
        events.execute([&r.id])?;
        steps.execute([&r.id])?;
        letter.execute(params![r.id, tx.now()])?;
    }
    let mut redacted = super::audit::entries_of(tx, "feedback", &ids)?;
    redacted.extend(super::audit::entries_of(tx, "reply_letter", &letters)?);
    redacted.sort_unstable();
    super::audit::redact(tx, &redacted, tx.now())?;
    let items = serde_json::to_string(records).expect("records serialise");
    tx.execute(
        "INSERT INTO disposal (id, on_date, record_type, retention_years, records, items, created_at, actor)
         VALUES (?1, ?2, 'ledger', ?3, ?4, ?5, ?6, ?7)",
        params![id, on.to_string(), years, records.len() as i64, items, tx.now(), tx.actor()],
    )?;
    let receipts: Vec<&str> = records.iter().map(|r| r.receipt_no.as_str()).collect();
    tx.audit::<(), _>(
        "disposal",
        &id,
        None,
        Some(&serde_json::json!({
            "on_date": on.to_string(), "record_type": "ledger", "retention_years": years,
            "records": receipts, "redacted_audit": redacted,
        })),
    )?;
    Ok(Disposal {
        id,
        on_date: on.to_string(),
        record_type: "ledger".into(),
        retention_years: years,
        records: records.to_vec(),
        redacted_audit_entries: redacted.len() as i32,
    })
}
