//! The feedback book and the handling of cases: entry with a receipt number, lists, the case
//! record, moves along the workflow, and the extras a case collects (steps, confirmation,
//! exception deadline).

use super::Tx;
use crate::domain::case::{
    Case, CaseEvent, CaseStep, Deadlines, EventWhat, FeedbackFilter, FeedbackPage, FeedbackRow, RequirementState, WaitsFor,
};
use crate::domain::deadline::Calendar;
use crate::domain::feedback::{parse_date, Channel, FeedbackInput, FieldChange, ReceiptNo};
use crate::domain::law::{self, Acceptance, FormalFacts};
use crate::domain::settings::Settings;
use crate::domain::text::fold;
use crate::domain::workflow::{self, CaseFacts, Done, Requirement, Status, StepKind};
use crate::error::{Error, Result};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::types::ToSql;
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::sync::LazyLock;

/// `execute` through the connection's statement cache: the statements of saving and moving
/// a case are parsed once per connection, not at every save.
fn exec(conn: &Connection, sql: &str, p: impl rusqlite::Params) -> rusqlite::Result<usize> {
    conn.prepare_cached(sql)?.execute(p)
}

/// `query_row` through the statement cache (see [`exec`]).
fn one_row<T>(conn: &Connection, sql: &str, p: impl rusqlite::Params, f: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    conn.prepare_cached(sql)?.query_row(p, f)
}

/// Local date-time as stored: minutes are enough for a book kept by hand until now.
pub fn fmt_local(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M").to_string()
}

/// The next receipt number of `year`. Runs inside the write transaction that stores the
/// record: a rollback gives the number back, and concurrent writers wait on the write lock.
pub(crate) fn next_receipt(tx: &Tx, year: i32) -> Result<ReceiptNo> {
    let seq: i64 = one_row(
        tx,
        "INSERT INTO receipt_counter (year, last) VALUES (?1, 1)
         ON CONFLICT (year) DO UPDATE SET last = last + 1
         RETURNING last",
        [year],
        |r| r.get(0),
    )?;
    Ok(ReceiptNo { year, seq })
}

pub(crate) fn search_key(receipt: &ReceiptNo, f: &FeedbackInput) -> String {
    fold(&format!("{receipt} {} {} {}", f.customer_name, f.customer_org, f.content))
}

/// Refuses a staff member who is not (or no longer) on the staff list.
pub fn check_staff(tx: &Tx, field: &str, id: &Option<String>) -> Result<()> {
    if let Some(id) = id {
        super::staff::get(tx, id).map_err(|_| Error::validation(field, "Cán bộ đã chọn không còn trong danh sách."))?;
    }
    Ok(())
}

/// Refuses an entry whose receiver or unit is not (or no longer) on the office's lists.
pub fn check_links(tx: &Tx, f: &FeedbackInput) -> Result<()> {
    check_staff(tx, "receiver_id", &f.receiver_id)?;
    if let Some(unit_id) = &f.unit_id {
        super::unit::get(tx, unit_id).map_err(|_| Error::validation("unit_id", "Đơn vị đã chọn không còn tồn tại."))?;
    }
    Ok(())
}

/// Who made an entry and when (office local time): the one who may correct it that day.
#[derive(Debug, Clone)]
pub struct Entered {
    /// The signed-in account's staff member; `None` on a database without accounts.
    pub by: Option<String>,
    pub at: NaiveDateTime,
}

/// Stores new feedback, validated and checked ([`check_links`], `workflow::check_entry`),
/// and returns its id and receipt number. Feedback settled on the spot is closed in the same
/// transaction, with both moves in its history; so is feedback of a kind the office records
/// without an answer (`Settings::closed_at_entry`, when nothing is required of it).
pub fn add(
    tx: &Tx,
    f: &FeedbackInput,
    received: NaiveDateTime,
    settings: &Settings,
    calendar: &Calendar,
    entered: &Entered,
) -> Result<(String, ReceiptNo)> {
    let receipt = next_receipt(tx, received.year())?;
    let id = super::new_id();
    let day = received.date();
    let reply_due = calendar.due(day, settings.reply_deadline_days, settings.count_working_days);
    let accept_due = f.formal.then(|| calendar.due(day, settings.formal_accept_days, settings.count_working_days));
    exec(
        tx,
        "INSERT INTO feedback (id, receipt_year, receipt_seq, received_at, channel, kind, subject, book,
            customer_name, customer_org, customer_address, customer_phone, customer_email, customer_group,
            content, receiver_id, unit_id, written, formal, status, reply_due, formal_accept_due,
            search_key, created_at, updated_at, entered_by, entered_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
            'received', ?20, ?21, ?22, ?23, ?23, ?24, ?25)",
        params![
            id, receipt.year, receipt.seq, f.received_at, f.channel, f.kind, f.subject, f.book,
            f.customer_name, f.customer_org, f.customer_address, f.customer_phone, f.customer_email,
            f.customer_group, f.content, f.receiver_id, f.unit_id, f.written, f.formal,
            reply_due.to_string(), accept_due.map(|d| d.to_string()), search_key(&receipt, f), tx.now(),
            entered.by, fmt_local(entered.at)
        ],
    )?;
    event(tx, &id, fmt_local(received), f.receiver_id.as_deref(), None, Status::Received, Some(f.channel), "")?;
    tx.audit::<(), _>("feedback", &id, None, Some(&serde_json::json!({ "receipt_no": receipt.to_string(), "input": f })))?;
    if let Some(resolution) = &f.settled_on_spot {
        exec(
            tx,
            "UPDATE feedback SET status = 'closed', closed_at = ?2, resolution = ?3, settled_on_spot = 1 WHERE id = ?1",
            params![id, fmt_local(received), resolution],
        )?;
        event(tx, &id, fmt_local(received), f.receiver_id.as_deref(), Some(Status::Received), Status::Closed, Some(f.channel),
              &format!("Giải quyết ngay tại chỗ: {resolution}"))?;
    } else if closes_at_entry(f, settings) {
        let note = recorded_only_note(f.kind);
        exec(
            tx,
            "UPDATE feedback SET status = 'closed', closed_at = ?2, resolution = ?3 WHERE id = ?1",
            params![id, fmt_local(received), note],
        )?;
        event(tx, &id, fmt_local(received), f.receiver_id.as_deref(), Some(Status::Received), Status::Closed, Some(f.channel), &note)?;
    }
    Ok((id, receipt))
}

/// Whether feedback of this kind is recorded and closed at entry: the office says its kind
/// needs no answer, and the procedure requires nothing of it.
pub fn closes_at_entry(f: &FeedbackInput, settings: &Settings) -> bool {
    f.settled_on_spot.is_none()
        && settings.closed_at_entry.contains(&f.kind)
        && workflow::requirements(f.kind, f.subject, f.written).is_empty()
}

/// The resolution and history line of feedback closed at entry because its kind needs no answer.
fn recorded_only_note(kind: crate::domain::feedback::Kind) -> String {
    format!("Ghi nhận vào sổ, không cần trả lời: ý kiến loại «{}» được đóng khi ghi (cài đặt của cơ quan).", kind.label())
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn event(
    tx: &Tx,
    feedback_id: &str,
    at: String,
    staff_id: Option<&str>,
    from: Option<Status>,
    to: Status,
    channel: Option<Channel>,
    note: &str,
) -> Result<()> {
    exec(
        tx,
        "INSERT INTO case_event (id, feedback_id, at, actor, staff_id, from_status, to_status, channel, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![super::new_id(), feedback_id, at, tx.actor(), staff_id, from, to, channel, note],
    )?;
    Ok(())
}

/// What a history line carries besides a move's fields: what it records when it is not a
/// move, when it was entered when that is later than it happened, the unit it forwards to.
#[derive(Debug, Clone, Default)]
pub(crate) struct EventExtra {
    pub what: Option<EventWhat>,
    pub recorded_at: Option<String>,
    pub unit_id: Option<String>,
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn event_with(
    tx: &Tx,
    feedback_id: &str,
    at: String,
    staff_id: Option<&str>,
    from: Option<Status>,
    to: Status,
    channel: Option<Channel>,
    note: &str,
    extra: &EventExtra,
) -> Result<()> {
    exec(
        tx,
        "INSERT INTO case_event (id, feedback_id, at, actor, staff_id, from_status, to_status, channel, note, what, recorded_at, unit_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            super::new_id(), feedback_id, at, tx.actor(), staff_id, from, to, channel, note,
            extra.what.map_or("move", EventWhat::as_str), extra.recorded_at, extra.unit_id
        ],
    )?;
    Ok(())
}

/// The id of the live case with this receipt number.
pub fn id_of(conn: &Connection, receipt: &ReceiptNo) -> Result<String> {
    one_row(
        conn,
        "SELECT id FROM feedback WHERE receipt_year = ?1 AND receipt_seq = ?2 AND deleted_at IS NULL",
        params![receipt.year, receipt.seq],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| Error::NotFound { entity: "hồ sơ có số phiếu", id: receipt.to_string() })
}

/// What the rules of a move read of the live case `id`.
pub fn move_facts(conn: &Connection, id: &str) -> Result<CaseFacts> {
    one_row(
        conn,
        "SELECT status, kind, subject, written, formal, complex, accepted_on IS NOT NULL OR acceptance IS NOT NULL, version
         FROM feedback WHERE id = ?1 AND deleted_at IS NULL",
        [id],
        |r| {
            Ok(CaseFacts {
                status: r.get(0)?,
                kind: r.get(1)?,
                subject: r.get(2)?,
                written: r.get(3)?,
                formal: r.get(4)?,
                complex: r.get(5)?,
                accepted: r.get(6)?,
                version: r.get(7)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| Error::NotFound { entity: "hồ sơ", id: id.to_owned() })
}

/// A move as stored, checked by the workflow (`workflow::check_move`, and
/// `workflow::check_closing` for a move to closed).
#[derive(Debug, Clone)]
pub struct MoveDetails {
    pub to: Status,
    /// Cleaned.
    pub note: String,
    pub channel: Option<Channel>,
    pub staff_id: Option<String>,
    /// The unit a move to `specialist` forwards to, when it changes the case's unit
    /// (checked by [`check_unit`]).
    pub unit_id: Option<String>,
    /// When it happened, when entered later (checked by `workflow::check_move_time`).
    pub at: Option<NaiveDateTime>,
}

/// Refuses a unit that is not (or no longer) on the office's list.
pub fn check_unit(tx: &Tx, unit_id: &str) -> Result<()> {
    super::unit::get(tx, unit_id).map_err(|_| Error::validation("unit_id", "Đơn vị đã chọn không có trong danh sách đơn vị của cơ quan."))?;
    Ok(())
}

/// When the case's last move happened (its entry is its first), office local time.
pub fn last_move_at(conn: &Connection, id: &str) -> Result<Option<String>> {
    Ok(one_row(conn, "SELECT max(at) FROM case_event WHERE feedback_id = ?1 AND what = 'move'", [id], |r| r.get(0))?)
}

/// Stores a checked move of the case whose facts are `case`, with its history event.
pub fn move_case(tx: &Tx, id: &str, case: &CaseFacts, d: &MoveDetails, now: NaiveDateTime, settings: &Settings, calendar: &Calendar) -> Result<()> {
    let (from, to, note) = (case.status, d.to, &d.note);
    // Work done on paper and entered later happened at `d.at`; the line keeps when it was entered.
    let when = d.at.unwrap_or(now);
    let at = fmt_local(when);
    let recorded_at = d.at.filter(|t| fmt_local(*t) != fmt_local(now)).map(|_| fmt_local(now));
    let unit_before: Option<String> = one_row(tx, "SELECT unit_id FROM feedback WHERE id = ?1", [id], |r| r.get(0))?;
    exec(tx, "UPDATE feedback SET status = ?2, updated_at = ?3, version = version + 1 WHERE id = ?1", params![id, to, tx.now()])?;
    if let Some(unit) = &d.unit_id {
        exec(tx, "UPDATE feedback SET unit_id = ?2 WHERE id = ?1", params![id, unit])?;
    }
    // A move to the specialist unit is the case's arrival there (its unit's notice reads it).
    let arrives = if to == Status::Specialist { d.unit_id.clone().or_else(|| unit_before.clone()) } else { None };
    if to == Status::Closed {
        // The last solution given is the resolution recorded in the book; a line that kept
        // the state (a notice sent to the customer, store/notice.rs) is a record, not a solution.
        let resolution: String = tx
            .query_row(
                "SELECT note FROM case_event WHERE feedback_id = ?1 AND note <> '' AND what = 'move'
                   AND (from_status IS NULL OR from_status <> to_status) ORDER BY seq DESC LIMIT 1",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or_default();
        let resolution = if note.is_empty() { resolution } else { note.clone() };
        exec(tx, "UPDATE feedback SET closed_at = ?2, resolution = ?3 WHERE id = ?1", params![id, at.clone(), resolution])?;
    }
    // A formal complaint is accepted (thụ lý) when handling starts; the clock to decide runs from then.
    if case.formal && from == Status::Received && !case.accepted {
        let today = when.date();
        let days = if case.complex { settings.formal_decide_days_complex } else { settings.formal_decide_days };
        let decide_due = calendar.due(today, days, settings.count_working_days);
        exec(
            tx,
            "UPDATE feedback SET accepted_on = ?2, formal_decide_due = ?3 WHERE id = ?1",
            params![id, today.to_string(), decide_due.to_string()],
        )?;
    }
    let extra = EventExtra { what: None, recorded_at: recorded_at.clone(), unit_id: arrives };
    event_with(tx, id, at.clone(), d.staff_id.as_deref(), Some(from), to, d.channel, note, &extra)?;
    let mut before = serde_json::json!({ "status": from });
    let mut after = serde_json::json!({ "status": to, "note": note });
    if d.unit_id.is_some() && d.unit_id != unit_before {
        before["unit_id"] = serde_json::json!(unit_before);
        after["unit_id"] = serde_json::json!(d.unit_id);
    }
    if recorded_at.is_some() {
        after["at"] = serde_json::json!(at);
    }
    tx.audit("feedback", id, Some(&before), Some(&after))
}

/// What a correction reads of the case besides its fields.
#[derive(Debug, Clone)]
pub struct EntryFacts {
    pub receipt: ReceiptNo,
    pub status: Status,
    pub entered_by: Option<String>,
    /// Office local time, `YYYY-MM-DDTHH:MM`; `None` for entries made before it was kept.
    pub entered_at: Option<String>,
    pub withdrawn_at: Option<String>,
    pub accepted_on: Option<String>,
    pub version: i64,
}

/// The live case `id` as its entry form holds it (the input a correction changes), and the
/// facts the rules of a correction read.
pub fn entry(conn: &Connection, id: &str) -> Result<(FeedbackInput, EntryFacts)> {
    one_row(
        conn,
        "SELECT received_at, channel, kind, subject, book, customer_name, customer_org, customer_address,
                customer_phone, customer_email, customer_group, content, receiver_id, unit_id, written, formal,
                receipt_year, receipt_seq, status, entered_by, entered_at, withdrawn_at, accepted_on, version
         FROM feedback WHERE id = ?1 AND deleted_at IS NULL",
        [id],
        |r| {
            Ok((
                FeedbackInput {
                    received_at: r.get(0)?,
                    channel: r.get(1)?,
                    kind: r.get(2)?,
                    subject: r.get(3)?,
                    book: r.get(4)?,
                    customer_name: r.get(5)?,
                    customer_org: r.get(6)?,
                    customer_address: r.get(7)?,
                    customer_phone: r.get(8)?,
                    customer_email: r.get(9)?,
                    customer_group: r.get(10)?,
                    content: r.get(11)?,
                    receiver_id: r.get(12)?,
                    unit_id: r.get(13)?,
                    written: r.get(14)?,
                    formal: r.get(15)?,
                    settled_on_spot: None,
                },
                EntryFacts {
                    receipt: ReceiptNo { year: r.get(16)?, seq: r.get(17)? },
                    status: r.get(18)?,
                    entered_by: r.get(19)?,
                    entered_at: r.get(20)?,
                    withdrawn_at: r.get(21)?,
                    accepted_on: r.get(22)?,
                    version: r.get(23)?,
                },
            ))
        },
    )
    .optional()?
    .ok_or_else(|| Error::NotFound { entity: "hồ sơ", id: id.to_owned() })
}

/// A name for an id a correction changed (a unit's or a staff member's), for the history.
fn name_of(conn: &Connection, table: &str, id: &str) -> Result<String> {
    if id.is_empty() {
        return Ok("(không có)".into());
    }
    let sql = match table {
        "unit" => "SELECT name FROM unit WHERE id = ?1",
        _ => "SELECT full_name FROM staff WHERE id = ?1",
    };
    Ok(one_row(conn, sql, [id], |r| r.get::<_, String>(0)).optional()?.unwrap_or_else(|| id.to_owned()))
}

/// A correction checked by the domain (`CorrectionInput::apply`, `workflow::check_correction`)
/// and the links by [`check_links`].
#[derive(Debug, Clone)]
pub struct Correction<'a> {
    pub before: &'a FeedbackInput,
    pub after: &'a FeedbackInput,
    pub received: NaiveDateTime,
    pub changes: &'a [FieldChange],
    pub reason: &'a str,
    /// The case goes back to handling (a closed praise corrected to a complaint).
    pub reopen: bool,
}

/// Stores a correction: the fields, the deadlines that follow from them (counted again from
/// the receipt date), a history line that says what changed, before → after, and why, and
/// the audit entry with both.
pub fn correct(tx: &Tx, id: &str, facts: &EntryFacts, c: &Correction, now: NaiveDateTime, settings: &Settings, calendar: &Calendar) -> Result<()> {
    let f = c.after;
    let day = c.received.date();
    let reply_due = calendar.due(day, settings.reply_deadline_days, settings.count_working_days);
    let accept_due = f.formal.then(|| calendar.due(day, settings.formal_accept_days, settings.count_working_days));
    exec(
        tx,
        "UPDATE feedback SET received_at = ?2, channel = ?3, kind = ?4, subject = ?5, book = ?6, customer_name = ?7,
            customer_org = ?8, customer_address = ?9, customer_phone = ?10, customer_email = ?11, customer_group = ?12,
            content = ?13, receiver_id = ?14, unit_id = ?15, written = ?16, formal = ?17, reply_due = ?18,
            formal_accept_due = ?19, search_key = ?20, updated_at = ?21, version = version + 1
         WHERE id = ?1",
        params![
            id, f.received_at, f.channel, f.kind, f.subject, f.book, f.customer_name, f.customer_org,
            f.customer_address, f.customer_phone, f.customer_email, f.customer_group, f.content, f.receiver_id,
            f.unit_id, f.written, f.formal, reply_due.to_string(), accept_due.map(|d| d.to_string()),
            search_key(&facts.receipt, f), tx.now()
        ],
    )?;
    if !f.formal && facts.accepted_on.is_some() {
        exec(tx, "UPDATE feedback SET accepted_on = NULL, formal_decide_due = NULL WHERE id = ?1", [id])?;
    }
    let to = if c.reopen { Status::Received } else { facts.status };
    if c.reopen {
        exec(tx, "UPDATE feedback SET status = 'received', closed_at = NULL, resolution = '' WHERE id = ?1", [id])?;
    }
    let mut words = Vec::new();
    for ch in c.changes {
        let (before, after) = match ch.field.as_str() {
            "unit_id" => (name_of(tx, "unit", &ch.before)?, name_of(tx, "unit", &ch.after)?),
            "receiver_id" => (name_of(tx, "staff", &ch.before)?, name_of(tx, "staff", &ch.after)?),
            _ => (ch.before.clone(), ch.after.clone()),
        };
        words.push(format!("{}: «{}» → «{}»", ch.label, before, after));
    }
    let mut note = format!("Sửa thông tin đã ghi — {}. Lý do: {}", words.join("; "), c.reason);
    if c.reopen {
        note.push_str(" Hồ sơ được mở lại để xử lý, hạn tính từ ngày tiếp nhận.");
    }
    let unit_changed = c.changes.iter().any(|ch| ch.field == "unit_id") && f.unit_id.is_some();
    let extra = EventExtra { what: Some(EventWhat::Correction), recorded_at: None, unit_id: f.unit_id.clone().filter(|_| unit_changed) };
    event_with(tx, id, fmt_local(now), None, Some(facts.status), to, None, &note, &extra)?;
    let before: serde_json::Map<String, serde_json::Value> =
        c.changes.iter().map(|ch| (ch.field.clone(), field_json(c.before, &ch.field))).collect();
    let mut after: serde_json::Map<String, serde_json::Value> =
        c.changes.iter().map(|ch| (ch.field.clone(), field_json(f, &ch.field))).collect();
    after.insert("reason".into(), c.reason.into());
    if c.reopen {
        after.insert("status".into(), serde_json::json!(Status::Received));
    }
    tx.audit("feedback", id, Some(&before), Some(&after))
}

/// One field of an entry as JSON, for the audit log's before → after.
fn field_json(f: &FeedbackInput, field: &str) -> serde_json::Value {
    serde_json::to_value(f).ok().and_then(|v| v.get(field).cloned()).unwrap_or(serde_json::Value::Null)
}

/// Withdraws an entry made by mistake («nhập nhầm»): marked with when and why, never deleted,
/// a line in its history and the audit log. Checked by `workflow::check_withdrawal`.
pub fn withdraw(tx: &Tx, id: &str, status: Status, reason: &str, now: NaiveDateTime) -> Result<()> {
    let at = fmt_local(now);
    exec(
        tx,
        "UPDATE feedback SET withdrawn_at = ?2, withdrawn_reason = ?3, updated_at = ?4, version = version + 1 WHERE id = ?1",
        params![id, at, reason, tx.now()],
    )?;
    let note = format!("Rút khỏi sổ (nhập nhầm). Lý do: {reason}");
    let extra = EventExtra { what: Some(EventWhat::Withdrawal), ..EventExtra::default() };
    event_with(tx, id, at.clone(), None, Some(status), status, None, &note, &extra)?;
    tx.audit("feedback", id, Some(&serde_json::json!({ "withdrawn_at": null })), Some(&serde_json::json!({ "withdrawn_at": at, "reason": reason })))
}

/// The live entries of `unit_id` received from `from` to `to` (inclusive) not yet confirmed
/// by a unit head, in the book's order: ids and receipt numbers.
pub fn unconfirmed(conn: &Connection, unit_id: &str, from: NaiveDate, to: NaiveDate) -> Result<Vec<(String, String)>> {
    let mut st = conn.prepare_cached(
        "SELECT id, receipt_year, receipt_seq FROM feedback
         WHERE unit_id = ?1 AND received_at >= ?2 AND received_at < ?3 AND confirmed_at IS NULL
           AND deleted_at IS NULL AND withdrawn_at IS NULL
         ORDER BY received_at, receipt_year, receipt_seq",
    )?;
    let rows = st.query_map(params![unit_id, from.to_string(), (to + chrono::Days::new(1)).to_string()], |r| {
        Ok((r.get(0)?, ReceiptNo { year: r.get(1)?, seq: r.get(2)? }.to_string()))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What the Law's rules read of the live case `id` (`domain::law`).
pub fn formal_facts(conn: &Connection, id: &str) -> Result<FormalFacts> {
    one_row(
        conn,
        "SELECT formal, status, acceptance, complex, formal_accept_due FROM feedback WHERE id = ?1 AND deleted_at IS NULL",
        [id],
        |r| {
            let due: Option<String> = r.get(4)?;
            Ok(FormalFacts {
                formal: r.get(0)?,
                status: r.get(1)?,
                acceptance: r.get(2)?,
                complex: r.get(3)?,
                accept_due: due.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
            })
        },
    )
    .optional()?
    .ok_or_else(|| Error::NotFound { entity: "hồ sơ", id: id.to_owned() })
}

/// A checked acceptance decision (`law::check_acceptance`) recorded on `now`'s day, with a
/// line in the case's history. Accepted: the deadline to decide runs from that day (30 days,
/// 45 for a complex case). Refused: no deadline to decide; the reply clock still runs.
#[allow(clippy::too_many_arguments)]
pub fn record_acceptance(
    tx: &Tx,
    id: &str,
    decision: Acceptance,
    reason: &str,
    late: bool,
    now: NaiveDateTime,
    settings: &Settings,
    calendar: &Calendar,
) -> Result<()> {
    let (status, complex, accepted_before, decide_before): (Status, bool, Option<String>, Option<String>) = one_row(
        tx,
        "SELECT status, complex, accepted_on, formal_decide_due FROM feedback WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let day = now.date();
    let (accepted_on, decide_due) = match decision {
        Acceptance::Accepted => {
            let due = calendar.due(day, law::decide_days(settings, complex), settings.count_working_days);
            (Some(day.to_string()), Some(due.to_string()))
        }
        Acceptance::Refused => (None, None),
    };
    exec(
        tx,
        "UPDATE feedback SET acceptance = ?2, acceptance_reason = ?3, acceptance_on = ?4, acceptance_late = ?5,
            accepted_on = ?6, formal_decide_due = ?7, updated_at = ?8, version = version + 1 WHERE id = ?1",
        params![id, decision, reason, day.to_string(), late, accepted_on, decide_due, tx.now()],
    )?;
    let late_note = if late { " (ghi sau thời hạn thụ lý)" } else { "" };
    let note = format!("{}{late_note}. Lý do: {reason}", decision.label());
    let extra = EventExtra { what: Some(EventWhat::Acceptance), ..EventExtra::default() };
    event_with(tx, id, fmt_local(now), None, Some(status), status, None, &note, &extra)?;
    tx.audit(
        "feedback",
        id,
        Some(&serde_json::json!({ "acceptance": null, "accepted_on": accepted_before, "formal_decide_due": decide_before })),
        Some(&serde_json::json!({
            "acceptance": decision, "reason": reason, "acceptance_on": day.to_string(), "late": late,
            "accepted_on": accepted_on, "formal_decide_due": decide_due
        })),
    )
}

/// A checked complex mark (`law::check_complex`): once accepted, the deadline to decide is
/// counted again from the acceptance with the complex number of days.
pub fn mark_complex(tx: &Tx, id: &str, reason: &str, now: NaiveDateTime, settings: &Settings, calendar: &Calendar) -> Result<()> {
    let (status, accepted_on, decide_before): (Status, Option<String>, Option<String>) =
        one_row(tx, "SELECT status, accepted_on, formal_decide_due FROM feedback WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    let decide_due = accepted_on
        .as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .map(|d| calendar.due(d, law::decide_days(settings, true), settings.count_working_days).to_string());
    exec(
        tx,
        "UPDATE feedback SET complex = 1, complex_reason = ?2, formal_decide_due = ?3, updated_at = ?4, version = version + 1 WHERE id = ?1",
        params![id, reason, decide_due, tx.now()],
    )?;
    let note = format!("Vụ việc phức tạp: thời hạn giải quyết {} ngày kể từ ngày thụ lý. Lý do: {reason}", settings.formal_decide_days_complex);
    let extra = EventExtra { what: Some(EventWhat::Complex), ..EventExtra::default() };
    event_with(tx, id, fmt_local(now), None, Some(status), status, None, &note, &extra)?;
    tx.audit(
        "feedback",
        id,
        Some(&serde_json::json!({ "complex": false, "formal_decide_due": decide_before })),
        Some(&serde_json::json!({ "complex": true, "reason": reason, "formal_decide_due": decide_due })),
    )
}

/// Whether the case was settled on the spot and waits for the QMR to see it.
pub fn settlement_unseen(conn: &Connection, id: &str) -> Result<bool> {
    one_row(
        conn,
        "SELECT settled_on_spot = 1 AND settlement_seen_at IS NULL FROM feedback WHERE id = ?1 AND deleted_at IS NULL",
        [id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| Error::NotFound { entity: "hồ sơ", id: id.to_owned() })
}

/// The QMR has seen a settlement on the spot: it leaves the QMR's list; a line in the history.
pub fn mark_settlement_seen(tx: &Tx, id: &str, staff_id: Option<&str>, now: NaiveDateTime) -> Result<()> {
    let at = fmt_local(now);
    exec(
        tx,
        "UPDATE feedback SET settlement_seen_at = ?2, settlement_seen_by = ?3, updated_at = ?4, version = version + 1 WHERE id = ?1",
        params![id, at, staff_id, tx.now()],
    )?;
    let extra = EventExtra { what: Some(EventWhat::Seen), ..EventExtra::default() };
    event_with(tx, id, at.clone(), staff_id, Some(Status::Closed), Status::Closed, None, "QMR đã xem việc giải quyết ngay tại chỗ.", &extra)?;
    tx.audit("feedback", id, Some(&serde_json::json!({ "settlement_seen_at": null })), Some(&serde_json::json!({ "settlement_seen_at": at })))
}

/// What is done on a case, as far as closing is concerned.
pub fn done(conn: &Connection, id: &str) -> Result<Done> {
    let mut st = conn.prepare_cached("SELECT step FROM case_step WHERE feedback_id = ?1 AND deleted_at IS NULL")?;
    let steps = st.query_map([id], |r| r.get::<_, StepKind>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    let corrective_actions: i64 = one_row(
        conn,
        "SELECT count(*) FROM corrective_action_case l JOIN corrective_action a ON a.id = l.action_id
         WHERE l.feedback_id = ?1 AND a.deleted_at IS NULL",
        [id],
        |r| r.get(0),
    )?;
    let reply_sent: bool = one_row(
        conn,
        "SELECT EXISTS (SELECT 1 FROM reply_letter WHERE feedback_id = ?1 AND status = 'sent' AND deleted_at IS NULL)",
        [id],
        |r| r.get(0),
    )?;
    Ok(Done { steps, corrective_actions: corrective_actions as usize, reply_sent })
}

/// Records one of the mandatory steps of R2.5.
/// The step is checked by `workflow::check_step` and its staff member by [`check_staff`].
pub fn record_step(tx: &Tx, id: &str, step: StepKind, on: NaiveDate, staff_id: Option<String>, note: &str) -> Result<()> {
    let step_id = super::new_id();
    exec(
        tx,
        "INSERT INTO case_step (id, feedback_id, step, on_date, staff_id, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![step_id, id, step, on.to_string(), staff_id, note, tx.now()],
    )?;
    super::case_version::touch(tx, id)?;
    tx.audit::<(), _>("case_step", &step_id, None, Some(&serde_json::json!({ "feedback_id": id, "step": step, "on": on, "note": note })))
}

/// Where the live case `id` stands.
pub fn status_of(conn: &Connection, id: &str) -> Result<Status> {
    one_row(conn, "SELECT status FROM feedback WHERE id = ?1 AND deleted_at IS NULL", [id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound { entity: "hồ sơ", id: id.to_owned() })
}

/// The director's exception deadline (seed 001), with its reason.
/// The day (YYYY-MM-DD) the live case `id` was received.
pub fn received_day(conn: &Connection, id: &str) -> Result<String> {
    one_row(conn, "SELECT substr(received_at, 1, 10) FROM feedback WHERE id = ?1 AND deleted_at IS NULL", [id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound { entity: "hồ sơ", id: id.to_owned() })
}

/// The reason and the new deadline are checked by `workflow::exception_reason` and
/// `workflow::check_exception_due`, the director by [`check_staff`].
pub fn set_exception_deadline(tx: &Tx, id: &str, due: NaiveDate, reason: &str, by: Option<String>) -> Result<()> {
    let before: Option<String> = tx
        .query_row("SELECT exception_due FROM feedback WHERE id = ?1 AND deleted_at IS NULL", [id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound { entity: "hồ sơ", id: id.to_owned() })?;
    exec(
        tx,
        "UPDATE feedback SET exception_due = ?2, exception_reason = ?3, exception_by = ?4, updated_at = ?5, version = version + 1
         WHERE id = ?1",
        params![id, due.to_string(), reason, by, tx.now()],
    )?;
    tx.audit("feedback", id, Some(&serde_json::json!({ "exception_due": before })), Some(&serde_json::json!({ "exception_due": due, "reason": reason })))
}

/// "Xác nhận của trưởng phòng/đơn vị": the unit head confirms the entry.
pub fn confirm(tx: &Tx, id: &str, staff_id: &str, now: NaiveDateTime) -> Result<()> {
    let head = super::staff::get(tx, staff_id)
        .map_err(|_| Error::validation("staff_id", "Người xác nhận không có trong danh sách cán bộ."))?;
    let before: Option<String> = tx
        .query_row("SELECT confirmed_at FROM feedback WHERE id = ?1 AND deleted_at IS NULL", [id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound { entity: "hồ sơ", id: id.to_owned() })?;
    exec(
        tx,
        "UPDATE feedback SET confirmed_by = ?2, confirmed_at = ?3, updated_at = ?4, version = version + 1 WHERE id = ?1",
        params![id, staff_id, fmt_local(now), tx.now()],
    )?;
    tx.audit(
        "feedback",
        id,
        Some(&serde_json::json!({ "confirmed_at": before })),
        Some(&serde_json::json!({ "confirmed_by": head.full_name, "confirmed_at": fmt_local(now) })),
    )
}

/// A formal complaint's Law deadline that runs now, as SQL over `f`: to accept while no
/// decision is recorded, to decide once accepted; none once refused, closed or withdrawn
/// (`domain::law`). The lists and counts read it beside the reply deadline in force.
const LAW_DUE: &str = "(CASE WHEN f.formal = 1 AND f.status <> 'closed' AND f.withdrawn_at IS NULL THEN
        CASE WHEN f.acceptance IS NULL THEN f.formal_accept_due WHEN f.acceptance = 'accepted' THEN f.formal_decide_due END END)";

static ROW_SELECT: LazyLock<String> = LazyLock::new(|| ROW_SELECT_TEMPLATE.replace("{LAW_DUE}", LAW_DUE));

const ROW_SELECT_TEMPLATE: &str = "SELECT f.id, f.receipt_year, f.receipt_seq, f.received_at, f.customer_name, f.customer_org,
        f.kind, f.subject, f.channel, f.status, u.name, r.full_name, COALESCE(f.exception_due, f.reply_due),
        f.closed_at, f.content, c.full_name, f.confirmed_at, f.withdrawn_at, {LAW_DUE}
    FROM feedback f
    LEFT JOIN unit u ON u.id = f.unit_id
    LEFT JOIN staff r ON r.id = f.receiver_id
    LEFT JOIN staff c ON c.id = f.confirmed_by";

fn row(r: &Row) -> rusqlite::Result<FeedbackRow> {
    Ok(FeedbackRow {
        id: r.get(0)?,
        receipt_no: ReceiptNo { year: r.get(1)?, seq: r.get(2)? }.to_string(),
        received_at: r.get(3)?,
        customer_name: r.get(4)?,
        customer_org: r.get(5)?,
        kind: r.get(6)?,
        subject: r.get(7)?,
        channel: r.get(8)?,
        status: r.get(9)?,
        unit_name: r.get(10)?,
        receiver_name: r.get(11)?,
        due_date: r.get(12)?,
        closed_at: r.get(13)?,
        content: r.get(14)?,
        confirmed_by_name: r.get(15)?,
        confirmed_at: r.get(16)?,
        withdrawn_at: r.get(17)?,
        law_due: r.get(18)?,
    })
}

/// A page of cases matching `filter`, newest first.
pub fn list(conn: &Connection, filter: &FeedbackFilter, settings: &Settings) -> Result<FeedbackPage> {
    let mut w = Where { clauses: vec!["f.deleted_at IS NULL".into()], args: Vec::new() };
    // A query of three characters or more is looked up in the trigram index (below); a
    // shorter one is a substring test on each case's search key.
    let search = filter.search.as_deref().map(fold).filter(|q| !q.is_empty());
    let indexed = search.clone().filter(|q| q.chars().count() >= 3);
    let searched = search.is_some();
    if let Some(q) = search.filter(|_| indexed.is_none()) {
        w.add("instr(f.search_key, ?) > 0", Box::new(q));
    }
    if let Some(s) = filter.status {
        w.add("f.status = ?", Box::new(s));
    }
    if let Some(k) = filter.kind {
        w.add("f.kind = ?", Box::new(k));
    }
    if let Some(s) = filter.subject {
        w.add("f.subject = ?", Box::new(s));
    }
    if let Some(b) = filter.book {
        w.add("f.book = ?", Box::new(b));
    }
    if let Some(u) = filter.unit_id.clone().filter(|u| !u.is_empty()) {
        w.add("f.unit_id = ?", Box::new(u));
    }
    if let Some(c) = filter.channel {
        w.add("f.channel = ?", Box::new(c));
    }
    if let Some(g) = filter.customer_group {
        w.add("f.customer_group = ?", Box::new(g));
    }
    if filter.complaints == Some(true) {
        w.clauses.push(format!("f.kind IN ({})", complaint_kinds_sql()));
    }
    if let Some(d) = filter.from.as_deref().filter(|d| !d.is_empty()) {
        let d = parse_date("from", "Từ ngày", d)?;
        w.add("f.received_at >= ?", Box::new(d.to_string()));
    }
    if let Some(d) = filter.to.as_deref().filter(|d| !d.is_empty()) {
        let d = parse_date("to", "Đến ngày", d)?;
        // Received on that day at any time: compare with the next day.
        w.add("f.received_at < ?", Box::new((d + chrono::Days::new(1)).to_string()));
    }
    if let Some(d) = filter.overdue_on.as_deref().filter(|d| !d.is_empty()) {
        let d = parse_date("overdue_on", "Ngày xét quá hạn", d)?;
        // Still open at the end of that day, with the deadline in force before it.
        // A formal complaint is late too when the Law's deadline running now has passed.
        w.add(&format!("(COALESCE(f.exception_due, f.reply_due) < ? OR {LAW_DUE} < ?)"), Box::new(d.to_string()));
        w.add("f.received_at < ?", Box::new((d + chrono::Days::new(1)).to_string()));
        w.add("(f.closed_at IS NULL OR f.closed_at >= ?)", Box::new((d + chrono::Days::new(1)).to_string()));
    }
    if let Some(d) = filter.open_on.as_deref().filter(|d| !d.is_empty()) {
        let d = parse_date("open_on", "Ngày xét còn mở", d)?;
        let next = (d + chrono::Days::new(1)).to_string();
        w.add("f.received_at < ?", Box::new(next.clone()));
        w.add("(f.closed_at IS NULL OR f.closed_at >= ?)", Box::new(next));
    }
    if let Some(d) = filter.due_soon_on.as_deref().filter(|d| !d.is_empty()) {
        let d = parse_date("due_soon_on", "Ngày xét sắp đến hạn", d)?;
        let until = d + chrono::Days::new(settings.due_soon_days as u64);
        // The reply deadline in force or a formal complaint's Law deadline within the window.
        w.args.push(Box::new(d.to_string()));
        let from = w.args.len();
        w.args.push(Box::new(until.to_string()));
        let to = w.args.len();
        w.clauses.push(format!(
            "f.status IN ({}) AND (COALESCE(f.exception_due, f.reply_due) BETWEEN ?{from} AND ?{to} OR {LAW_DUE} BETWEEN ?{from} AND ?{to})",
            open_statuses_sql()
        ));
    }
    if let Some(t) = filter.arrived_since.as_deref().filter(|t| !t.is_empty()) {
        let t = crate::domain::dates::parse_local_datetime("arrived_since", "Từ lúc", t)?;
        // Arrived at the case's present unit: the line that forwarded it there (its entry
        // time, for a move entered late) after `t`.
        w.add(
            "EXISTS (SELECT 1 FROM case_event e WHERE e.feedback_id = f.id AND e.unit_id = f.unit_id
                     AND COALESCE(e.recorded_at, e.at) > ?)",
            Box::new(fmt_local(t)),
        );
        w.clauses.push(format!("f.status IN ({})", open_statuses_sql()));
    }
    match filter.waits_for {
        None => {}
        Some(WaitsFor::Qmr) => w.clauses.push(format!(
            "((f.status IN ({}) AND f.kind IN ({}) AND (f.subject = 'confidentiality' OR (f.kind IN ({}) AND f.subject = 'service_result')))
              OR (f.settled_on_spot = 1 AND f.settlement_seen_at IS NULL))",
            open_statuses_sql(),
            complaint_kinds_sql(),
            workflow::RESULT_ROUTE_KINDS.iter().map(|k| format!("'{}'", k.as_str())).collect::<Vec<_>>().join(", ")
        )),
        Some(WaitsFor::Leadership) => w.clauses.push(format!(
            "f.status IN ({}) AND (f.status = 'leadership'
                OR EXISTS (SELECT 1 FROM reply_letter l WHERE l.feedback_id = f.id AND l.status = 'draft' AND l.deleted_at IS NULL))",
            open_statuses_sql()
        )),
    }
    // An entry withdrawn as made by mistake stays in the book, but waits in no queue and is
    // late for nothing: the lists about handling leave it out.
    let handling = filter.status.is_some()
        || [&filter.overdue_on, &filter.open_on, &filter.due_soon_on, &filter.arrived_since].iter().any(|d| d.as_deref().is_some_and(|d| !d.is_empty()))
        || filter.waits_for.is_some();
    if handling {
        w.clauses.push("f.withdrawn_at IS NULL".into());
    }
    let limit = filter.limit.unwrap_or(100).min(1000);
    let offset = filter.offset.unwrap_or(0);
    let end = offset as i64 + limit as i64;
    // The window counts only so far: past it, the count says «hơn 1.000» (the command line
    // asks for no limit and gets the exact count). Never less than the end of the page, so
    // the window knows whether a next page exists.
    let cap = filter.count_limit.map(|c| (c as i64).max(end));
    let capped = |total: i64| cap.map_or(total, |c| total.min(c + 1));
    let total = match &indexed {
        None => match kept_count_query(filter, searched, handling, w.clauses.len()) {
            // The kept counts per day answer it from a few thousand rows (store::counts).
            Some(q) => capped(super::counts::book_total(conn, &q)?),
            None => w.count(conn, cap)?,
        },
        Some(q) => {
            // The query in the word or pair index (store::words), or else as one phrase of
            // the trigram index: a substring match over trigrams. The word and pair indexes
            // may hand over a few cases more than hold the query (its words apart by
            // punctuation, its pairs apart in the key); the substring is then tested on them
            // (`verify`).
            match super::words::lookup(conn, q)? {
                Some(super::words::Lookup::Nothing) => {
                    w.clauses.push("0".into());
                    0
                }
                found => {
                    let (table, expr, verify) = match found {
                        Some(super::words::Lookup::Match { table, expr, exact }) => (table, expr, !exact),
                        _ => ("feedback_search", format!("\"{}\"", q.replace('"', "\"\"")), false),
                    };
                    search_total(conn, &mut w, Searched { table, expr: &expr, verify, q }, end, cap)?
                }
            }
        }
    };
    let where_sql = w.clauses.join(" AND ");
    let params: Vec<&dyn ToSql> = w.args.iter().map(|b| b.as_ref()).collect();
    let mut st = conn.prepare_cached(&format!(
        "{} WHERE {where_sql} ORDER BY f.received_at DESC, f.receipt_year DESC, f.receipt_seq DESC LIMIT {limit} OFFSET {offset}",
        ROW_SELECT.as_str()
    ))?;
    let rows = st.query_map(params.as_slice(), row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(FeedbackPage { total: total as i32, rows })
}

/// A search in one of the two indexes: the FTS5 table, its expression, whether the substring
/// must still be tested on what it finds, and the folded query.
struct Searched<'a> {
    table: &'static str,
    expr: &'a str,
    verify: bool,
    q: &'a str,
}

/// The count of a search (up to `cap` and one more, when the window asks for a limit), and
/// the conditions added to `w` that read its page, `end` the end of the page asked.
fn search_total(conn: &Connection, w: &mut Where, s: Searched, end: i64, cap: Option<i64>) -> Result<i64> {
    let Searched { table, expr, verify, q } = s;
    let matched = format!("f.rowid IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)");
    // The page is read whichever way reads fewer rows. A common word (found in a tenth of
    // ten years' cases) is best found by walking the book in its order and keeping the cases
    // whose key holds it: that stops after about (end of the page × cases ÷ found) rows,
    // where the index would hand over every match to be sorted. A rare one (a name, a
    // receipt number) the index finds at once. Both give the same rows: what the index finds
    // is tested with `instr` when it is not exact, and the trigram phrase matches exactly the
    // substrings `instr` finds.
    let cases: i64 = one_row(conn, "SELECT coalesce(max(rowid), 0) FROM feedback", [], |r| r.get(0))?;
    let common = |total: i64| total > 0 && end * cases / total < total;
    let walk = "instr(f.search_key, ?) > 0";
    if w.clauses.len() == 1 {
        // Searching alone, the index is read once, for the count and the page: it is most
        // of the cost (BENCHMARKS.md). Cases are never deleted (records are disposed of by
        // erasing their text), so every match is a case of the book.
        let limit = |stop: Option<i64>| stop.map(|n| format!("LIMIT {n}")).unwrap_or_default();
        // The cases the index lists, in its order.
        let listed = |stop: Option<i64>| -> Result<Vec<i64>> {
            let mut st = conn.prepare_cached(&format!("SELECT rowid FROM {table} WHERE {table} MATCH ?1 {}", limit(stop)))?;
            let found = st.query_map([expr], |r| r.get::<_, i64>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(found)
        };
        // Of those, the cases whose key holds the query (all of them when the index is exact).
        let held = |ids: Vec<i64>, stop: Option<i64>| -> Result<Vec<i64>> {
            if !verify {
                return Ok(ids);
            }
            let ids = format!("[{}]", ids.iter().map(i64::to_string).collect::<Vec<_>>().join(","));
            let mut st = conn.prepare_cached(&format!(
                "SELECT f.rowid FROM json_each(?1) j JOIN feedback f ON f.rowid = j.value WHERE instr(f.search_key, ?2) > 0 {}",
                limit(stop)
            ))?;
            let found = st.query_map([ids.as_str(), q], |r| r.get::<_, i64>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(found)
        };
        // A window stops reading the index once it lists enough cases that walking the book
        // for the page reads no more rows than the index did: `stop` listed cases among
        // `cases` mean about end × cases ÷ stop rows walked, no more than `stop` once
        // stop² ≥ end × cases (ten thousand for the first page of a million cases). Its count
        // then says «hơn 1.000»: of what the index lists, only the first cap + 1 need to hold
        // the query, not every one (reading each listed case was most of the cost of a
        // common phrase).
        let stop = cap.map(|c| (c + 1).max(((end * cases) as f64).sqrt().ceil() as i64));
        let mut ids = listed(stop)?;
        if let (Some(c), Some(stop)) = (cap, stop) {
            if ids.len() as i64 >= stop {
                if held(ids.clone(), Some(c + 1))?.len() as i64 > c {
                    w.add(walk, Box::new(q.to_owned()));
                    return Ok(c + 1);
                }
                ids = listed(None)?;
            }
        }
        let found = held(ids, None)?;
        let total = found.len() as i64;
        if common(total) {
            w.add(walk, Box::new(q.to_owned()));
        } else {
            let ids = format!("[{}]", found.iter().map(i64::to_string).collect::<Vec<_>>().join(","));
            w.add("f.rowid IN (SELECT value FROM json_each(?))", Box::new(ids));
        }
        return Ok(cap.map_or(total, |c| total.min(c + 1)));
    }
    w.add(&matched, Box::new(expr.to_owned()));
    if verify {
        w.add(walk, Box::new(q.to_owned()));
    }
    let total = w.count(conn, cap)?;
    if verify {
        w.pop();
    }
    if common(total) {
        w.pop();
        w.add(walk, Box::new(q.to_owned()));
    } else if verify {
        w.add(walk, Box::new(q.to_owned()));
    }
    Ok(total)
}

/// The book's count as the kept counts can answer it: no search, at most one facet (a
/// status, kind, subject, book, unit, channel, customer group, or the complaint kinds) and
/// the days of receipt. `None` when the filter asks more. `clauses` is the number of
/// conditions the list's query holds: a condition this does not know (a filter added later)
/// makes it differ from the number this expects, and the count is read from the cases.
fn kept_count_query(filter: &FeedbackFilter, searched: bool, handling: bool, clauses: usize) -> Option<super::counts::BookQuery<'static>> {
    if searched {
        return None;
    }
    let day = |d: &Option<String>| d.as_deref().filter(|d| !d.is_empty()).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let (from, to) = (day(&filter.from), day(&filter.to));
    let mut facets: Vec<(&'static str, Vec<String>)> = Vec::new();
    let one = |v: &str| vec![v.to_owned()];
    if let Some(v) = filter.status {
        facets.push(("status", one(v.as_str())));
    }
    if let Some(v) = filter.kind {
        facets.push(("kind", one(v.as_str())));
    }
    if let Some(v) = filter.subject {
        facets.push(("subject", one(v.as_str())));
    }
    if let Some(v) = filter.book {
        facets.push(("book", one(v.as_str())));
    }
    if let Some(v) = filter.unit_id.as_deref().filter(|u| !u.is_empty()) {
        facets.push(("unit", one(v)));
    }
    if let Some(v) = filter.channel {
        facets.push(("channel", one(v.as_str())));
    }
    if let Some(v) = filter.customer_group {
        facets.push(("customer_group", one(v.as_str())));
    }
    if filter.complaints == Some(true) {
        facets.push(("kind", workflow::complaint_kinds().map(|k| k.as_str().to_owned()).collect()));
    }
    // The book's own condition (not deleted), the facet, the days, the withdrawn ones left out.
    let expected = 1 + facets.len() + usize::from(from.is_some()) + usize::from(to.is_some()) + usize::from(handling);
    if facets.len() > 1 || clauses != expected {
        return None;
    }
    Some(super::counts::BookQuery {
        facet: facets.pop(),
        from: from.map(|d| d.to_string()),
        to: to.map(|d| d.to_string()),
        without_withdrawn: handling,
    })
}

/// The conditions of a list query and their values, numbered as they are added.
struct Where {
    clauses: Vec<String>,
    args: Vec<Box<dyn ToSql>>,
}

impl Where {
    fn add(&mut self, sql: &str, v: Box<dyn ToSql>) {
        self.args.push(v);
        self.clauses.push(sql.replace('?', &format!("?{}", self.args.len())));
    }

    fn pop(&mut self) {
        self.clauses.pop();
        self.args.pop();
    }

    /// The number of cases matching, or at most one more than `cap`.
    fn count(&self, conn: &Connection, cap: Option<i64>) -> Result<i64> {
        let params: Vec<&dyn ToSql> = self.args.iter().map(|b| b.as_ref()).collect();
        let sql = match cap {
            None => format!("SELECT count(*) FROM feedback f WHERE {}", self.clauses.join(" AND ")),
            Some(c) => format!("SELECT count(*) FROM (SELECT 1 FROM feedback f WHERE {} LIMIT {})", self.clauses.join(" AND "), c + 1),
        };
        Ok(one_row(conn, &sql, params.as_slice(), |r| r.get(0))?)
    }
}

/// "'complaint', 'grievance', 'appeal'": the domain's complaint kinds as SQL literals, written
/// once. The partial index `feedback_complaint_facts` names them the same way (a test holds
/// them equal): SQLite uses a partial index only for a query whose condition matches its own.
pub(crate) fn complaint_kinds_sql() -> &'static str {
    static KINDS: LazyLock<String> =
        LazyLock::new(|| workflow::complaint_kinds().map(|k| format!("'{}'", k.as_str())).collect::<Vec<_>>().join(", "));
    &KINDS
}

/// The statuses of a case still open, as an SQL list. `status <> 'closed'` makes SQLite read
/// every case of ten years; a list of the others reads only the open ones through the index
/// on (status, reply_due), a few hundred rows (BENCHMARKS.md).
fn open_statuses_sql() -> String {
    let open = Status::ALL.iter().filter(|s| **s != Status::Closed).map(|s| format!("'{}'", s.as_str()));
    open.collect::<Vec<_>>().join(", ")
}

/// The opening screen's counts on `today`: open, overdue, due within `until`. The same cases
/// as the book's filters `overdue_on` and `due_soon_on` for today (a test holds them equal),
/// read from the open cases only: a case closed by now is closed at the end of today too.
pub fn open_counts(conn: &Connection, today: NaiveDate, until: NaiveDate) -> Result<(i32, i32, i32)> {
    let due = "COALESCE(f.exception_due, f.reply_due)";
    let sql = format!(
        "SELECT count(*), coalesce(sum(({due} < ?1 OR {LAW_DUE} < ?1) AND f.received_at < ?3), 0),
                coalesce(sum({due} BETWEEN ?1 AND ?2 OR {LAW_DUE} BETWEEN ?1 AND ?2), 0)
         FROM feedback f WHERE f.status IN ({}) AND f.deleted_at IS NULL AND f.withdrawn_at IS NULL",
        open_statuses_sql()
    );
    let tomorrow = (today + chrono::Days::new(1)).to_string();
    Ok(one_row(conn, &sql, params![today.to_string(), until.to_string(), tomorrow], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?)
}

/// The whole case, its deadlines judged on `today`.
pub fn case(conn: &Connection, id: &str, today: NaiveDate) -> Result<Case> {
    let mut c = conn
        .prepare_cached(
            "SELECT f.id, f.receipt_year, f.receipt_seq, f.received_at, f.channel, f.kind, f.subject, f.book,
                f.customer_name, f.customer_org, f.customer_address, f.customer_phone, f.customer_email,
                f.customer_group, f.content, f.receiver_id, r.full_name, f.unit_id, u.name, f.written,
                f.formal, f.complex, f.status, f.resolution, f.closed_at, c.full_name, f.confirmed_at,
                f.reply_due, f.exception_due, f.exception_reason, e.full_name, f.formal_accept_due,
                f.accepted_on, f.formal_decide_due, f.version, f.withdrawn_at, f.withdrawn_reason,
                f.acceptance, f.acceptance_reason, f.acceptance_on, f.acceptance_late, f.complex_reason,
                f.settled_on_spot = 1 AND f.settlement_seen_at IS NULL
             FROM feedback f
             LEFT JOIN staff r ON r.id = f.receiver_id
             LEFT JOIN unit u ON u.id = f.unit_id
             LEFT JOIN staff c ON c.id = f.confirmed_by
             LEFT JOIN staff e ON e.id = f.exception_by
             WHERE f.id = ?1 AND f.deleted_at IS NULL",
        )?
        .query_row(
            [id],
            |r| {
                let reply_due: String = r.get(27)?;
                let exception_due: Option<String> = r.get(28)?;
                Ok(Case {
                    id: r.get(0)?,
                    receipt_no: ReceiptNo { year: r.get(1)?, seq: r.get(2)? }.to_string(),
                    version: r.get(34)?,
                    received_at: r.get(3)?,
                    channel: r.get(4)?,
                    kind: r.get(5)?,
                    subject: r.get(6)?,
                    book: r.get(7)?,
                    customer_name: r.get(8)?,
                    customer_org: r.get(9)?,
                    customer_address: r.get(10)?,
                    customer_phone: r.get(11)?,
                    customer_email: r.get(12)?,
                    contact_masked: false,
                    customer_group: r.get(13)?,
                    content: r.get(14)?,
                    receiver_id: r.get(15)?,
                    receiver_name: r.get(16)?,
                    unit_id: r.get(17)?,
                    unit_name: r.get(18)?,
                    written: r.get(19)?,
                    formal: r.get(20)?,
                    complex: r.get(21)?,
                    status: r.get(22)?,
                    resolution: r.get(23)?,
                    closed_at: r.get(24)?,
                    confirmed_by_name: r.get(25)?,
                    confirmed_at: r.get(26)?,
                    withdrawn_at: r.get(35)?,
                    withdrawn_reason: r.get(36)?,
                    deadlines: Deadlines {
                        due: exception_due.clone().unwrap_or_else(|| reply_due.clone()),
                        reply_due,
                        exception_due,
                        exception_reason: r.get(29)?,
                        exception_by_name: r.get(30)?,
                        formal_accept_due: r.get(31)?,
                        accepted_on: r.get(32)?,
                        formal_decide_due: r.get(33)?,
                        acceptance: r.get(37)?,
                        acceptance_reason: r.get(38)?,
                        acceptance_on: r.get(39)?,
                        acceptance_late: r.get(40)?,
                        complex_reason: r.get(41)?,
                        law_due: None,
                        law_overdue: false,
                        overdue: false,
                        days_left: None,
                    },
                    settlement_unseen: r.get(42)?,
                    history: Vec::new(),
                    steps: Vec::new(),
                    letters: Vec::new(),
                    actions: Vec::new(),
                    next_moves: Vec::new(),
                    requirements: Vec::new(),
                })
            },
        )
        .optional()?
        .ok_or_else(|| Error::NotFound { entity: "hồ sơ", id: id.to_owned() })?;

    let due = NaiveDate::parse_from_str(&c.deadlines.due, "%Y-%m-%d").unwrap_or(today);
    match &c.closed_at {
        Some(closed) => c.deadlines.overdue = closed[..10] > *c.deadlines.due.as_str(),
        // A withdrawn entry is late for nothing.
        None if c.withdrawn_at.is_some() => {}
        None => {
            c.deadlines.overdue = today > due;
            c.deadlines.days_left = Some((due - today).num_days() as i32);
        }
    }

    // The Law's deadline running now (as `LAW_DUE` reads it for the lists).
    if c.formal && c.closed_at.is_none() && c.withdrawn_at.is_none() {
        c.deadlines.law_due = match c.deadlines.acceptance {
            None => c.deadlines.formal_accept_due.clone(),
            Some(Acceptance::Accepted) => c.deadlines.formal_decide_due.clone(),
            Some(Acceptance::Refused) => None,
        };
        c.deadlines.law_overdue = c.deadlines.law_due.as_deref().is_some_and(|d| d < today.to_string().as_str());
    }

    let mut st = conn.prepare_cached(
        "SELECT e.at, e.actor, s.full_name, e.from_status, e.to_status, e.channel, e.note, e.what, e.recorded_at, u.name
         FROM case_event e LEFT JOIN staff s ON s.id = e.staff_id LEFT JOIN unit u ON u.id = e.unit_id
         WHERE e.feedback_id = ?1 ORDER BY e.seq",
    )?;
    c.history = st
        .query_map([id], |r| {
            Ok(CaseEvent {
                at: r.get(0)?,
                actor: r.get(1)?,
                staff_name: r.get(2)?,
                from_status: r.get(3)?,
                to_status: r.get(4)?,
                channel: r.get(5)?,
                note: r.get(6)?,
                what: match r.get::<_, String>(7)?.as_str() {
                    "correction" => Some(EventWhat::Correction),
                    "withdrawal" => Some(EventWhat::Withdrawal),
                    "notice" => Some(EventWhat::Notice),
                    "acceptance" => Some(EventWhat::Acceptance),
                    "complex" => Some(EventWhat::Complex),
                    "seen" => Some(EventWhat::Seen),
                    _ => None,
                },
                recorded_at: r.get(8)?,
                unit_name: r.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;

    let mut st = conn.prepare_cached(
        "SELECT c.id, c.step, c.on_date, s.full_name, c.note FROM case_step c LEFT JOIN staff s ON s.id = c.staff_id
         WHERE c.feedback_id = ?1 AND c.deleted_at IS NULL ORDER BY c.on_date, c.created_at",
    )?;
    c.steps = st
        .query_map([id], |r| Ok(CaseStep { id: r.get(0)?, step: r.get(1)?, on_date: r.get(2)?, staff_name: r.get(3)?, note: r.get(4)? }))?
        .collect::<rusqlite::Result<_>>()?;
    c.letters = super::letter::for_case(conn, id)?;
    c.actions = super::action::for_case(conn, id)?;
    c.next_moves = if c.withdrawn_at.is_some() { Vec::new() } else { workflow::moves_from(c.status) };
    let done = done(conn, id)?;
    let required = workflow::requirements(c.kind, c.subject, c.written);
    let missing = workflow::missing(&required, &done);
    c.requirements = required
        .into_iter()
        .map(|r: Requirement| RequirementState { requirement: r, label: r.label(), done: !missing.contains(&r) })
        .collect();
    Ok(c)
}

use chrono::Datelike;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_complaint_index_names_the_complaint_kinds() {
        for migration in [include_str!("migrations/0005_reports.sql"), include_str!("migrations/0010_corrections.sql")] {
            assert!(migration.contains(&format!("kind IN ({})", complaint_kinds_sql())), "{}", complaint_kinds_sql());
        }
    }
}
