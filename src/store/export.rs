//! What exports read: the book's lines and the history of the cases, oldest first.

use crate::domain::feedback::{Kind, ReceiptNo, Subject, Channel};
use crate::domain::workflow::Status;
use crate::error::Result;
use chrono::NaiveDate;
use rusqlite::{params, Connection};

/// One line of the book, every column an export writes.
#[derive(Debug, Clone)]
pub struct LedgerLine {
    pub receipt_no: String,
    pub received_at: String,
    pub customer_name: String,
    pub customer_org: String,
    pub customer_address: String,
    pub customer_phone: String,
    pub customer_email: String,
    pub content: String,
    pub kind: Kind,
    pub subject: Subject,
    pub channel: Channel,
    pub unit_name: String,
    pub receiver_name: String,
    pub confirmation: String,
    pub status: Status,
    pub due_date: String,
    pub closed_at: String,
    pub resolution: String,
}

/// One move in a case's history.
#[derive(Debug, Clone)]
pub struct HistoryLine {
    pub receipt_no: String,
    pub at: String,
    pub actor: String,
    pub staff_name: String,
    pub from_status: Option<Status>,
    pub to_status: Status,
    pub channel: Option<Channel>,
    pub note: String,
}

fn period(from: Option<NaiveDate>, to: Option<NaiveDate>) -> (String, String) {
    (from.map(|d| d.to_string()).unwrap_or_else(|| "0000-01-01".into()), to.map(|d| format!("{d}T99")).unwrap_or_else(|| "9999-12-31T99".into()))
}

/// The book's lines received in [from, to], oldest first, visiting each in turn.
pub fn ledger(conn: &Connection, from: Option<NaiveDate>, to: Option<NaiveDate>, mut each: impl FnMut(LedgerLine) -> Result<()>) -> Result<()> {
    let (from, to) = period(from, to);
    let mut st = conn.prepare(
        "SELECT f.receipt_year, f.receipt_seq, f.received_at, f.customer_name, f.customer_org, f.customer_address,
                f.customer_phone, f.customer_email, f.content, f.kind, f.subject, f.channel, u.name, r.full_name,
                c.full_name, f.confirmed_at, f.status, COALESCE(f.exception_due, f.reply_due), f.closed_at, f.resolution
         FROM feedback f
         LEFT JOIN unit u ON u.id = f.unit_id
         LEFT JOIN staff r ON r.id = f.receiver_id
         LEFT JOIN staff c ON c.id = f.confirmed_by
         WHERE f.deleted_at IS NULL AND f.received_at >= ?1 AND f.received_at <= ?2
         ORDER BY f.received_at, f.receipt_year, f.receipt_seq",
    )?;
    let mut rows = st.query(params![from, to])?;
    while let Some(r) = rows.next()? {
        let confirmed_by: Option<String> = r.get(14)?;
        let confirmed_at: Option<String> = r.get(15)?;
        let confirmation = match (confirmed_by, confirmed_at) {
            (Some(n), Some(at)) => format!("{n}, {}", at.get(..10).unwrap_or(&at)),
            (Some(n), None) => n,
            _ => String::new(),
        };
        each(LedgerLine {
            receipt_no: ReceiptNo { year: r.get(0)?, seq: r.get(1)? }.to_string(),
            received_at: r.get(2)?,
            customer_name: r.get(3)?,
            customer_org: r.get(4)?,
            customer_address: r.get(5)?,
            customer_phone: r.get(6)?,
            customer_email: r.get(7)?,
            content: r.get(8)?,
            kind: r.get(9)?,
            subject: r.get(10)?,
            channel: r.get(11)?,
            unit_name: r.get::<_, Option<String>>(12)?.unwrap_or_default(),
            receiver_name: r.get::<_, Option<String>>(13)?.unwrap_or_default(),
            confirmation,
            status: r.get(16)?,
            due_date: r.get(17)?,
            closed_at: r.get::<_, Option<String>>(18)?.unwrap_or_default(),
            resolution: r.get(19)?,
        })?;
    }
    Ok(())
}

/// The history of the cases received in [from, to], case by case, oldest first.
pub fn history(conn: &Connection, from: Option<NaiveDate>, to: Option<NaiveDate>, mut each: impl FnMut(HistoryLine) -> Result<()>) -> Result<()> {
    let (from, to) = period(from, to);
    let mut st = conn.prepare(
        "SELECT f.receipt_year, f.receipt_seq, e.at, e.actor, s.full_name, e.from_status, e.to_status, e.channel, e.note
         FROM case_event e JOIN feedback f ON f.id = e.feedback_id LEFT JOIN staff s ON s.id = e.staff_id
         WHERE f.deleted_at IS NULL AND f.received_at >= ?1 AND f.received_at <= ?2
         ORDER BY f.received_at, f.receipt_year, f.receipt_seq, e.seq",
    )?;
    let mut rows = st.query(params![from, to])?;
    while let Some(r) = rows.next()? {
        each(HistoryLine {
            receipt_no: ReceiptNo { year: r.get(0)?, seq: r.get(1)? }.to_string(),
            at: r.get(2)?,
            actor: r.get(3)?,
            staff_name: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
            from_status: r.get(5)?,
            to_status: r.get(6)?,
            channel: r.get(7)?,
            note: r.get(8)?,
        })?;
    }
    Ok(())
}
