//! The feedback book and the handling of cases: entry with a receipt number, lists, the case
//! record, moves along the workflow, and the extras a case collects (steps, confirmation,
//! exception deadline).

use super::Tx;
use crate::domain::case::{Case, CaseEvent, CaseStep, Deadlines, FeedbackFilter, FeedbackPage, FeedbackRow, RequirementState};
use crate::domain::deadline::Calendar;
use crate::domain::feedback::{parse_date, Channel, FeedbackInput, ReceiptNo};
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

/// Stores new feedback, validated and checked ([`check_links`], `workflow::check_entry`),
/// and returns its id and receipt number. Feedback settled on the spot is closed in the same
/// transaction, with both moves in its history.
pub fn add(tx: &Tx, f: &FeedbackInput, received: NaiveDateTime, settings: &Settings, calendar: &Calendar) -> Result<(String, ReceiptNo)> {
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
            search_key, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
            'received', ?20, ?21, ?22, ?23, ?23)",
        params![
            id, receipt.year, receipt.seq, f.received_at, f.channel, f.kind, f.subject, f.book,
            f.customer_name, f.customer_org, f.customer_address, f.customer_phone, f.customer_email,
            f.customer_group, f.content, f.receiver_id, f.unit_id, f.written, f.formal,
            reply_due.to_string(), accept_due.map(|d| d.to_string()), search_key(&receipt, f), tx.now()
        ],
    )?;
    event(tx, &id, fmt_local(received), f.receiver_id.as_deref(), None, Status::Received, Some(f.channel), "")?;
    tx.audit::<(), _>("feedback", &id, None, Some(&serde_json::json!({ "receipt_no": receipt.to_string(), "input": f })))?;
    if let Some(resolution) = &f.settled_on_spot {
        exec(
            tx,
            "UPDATE feedback SET status = 'closed', closed_at = ?2, resolution = ?3 WHERE id = ?1",
            params![id, fmt_local(received), resolution],
        )?;
        event(tx, &id, fmt_local(received), f.receiver_id.as_deref(), Some(Status::Received), Status::Closed, Some(f.channel),
              &format!("Giải quyết ngay tại chỗ: {resolution}"))?;
    }
    Ok((id, receipt))
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
        "SELECT status, kind, subject, written, formal, complex, accepted_on IS NOT NULL, version
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
}

/// Stores a checked move of the case whose facts are `case`, with its history event.
pub fn move_case(tx: &Tx, id: &str, case: &CaseFacts, d: &MoveDetails, now: NaiveDateTime, settings: &Settings, calendar: &Calendar) -> Result<()> {
    let (from, to, note) = (case.status, d.to, &d.note);
    let at = fmt_local(now);
    exec(tx, "UPDATE feedback SET status = ?2, updated_at = ?3, version = version + 1 WHERE id = ?1", params![id, to, tx.now()])?;
    if to == Status::Closed {
        // The last solution given is the resolution recorded in the book; a line that kept
        // the state (a notice sent to the customer, store/notice.rs) is a record, not a solution.
        let resolution: String = tx
            .query_row(
                "SELECT note FROM case_event WHERE feedback_id = ?1 AND note <> ''
                   AND (from_status IS NULL OR from_status <> to_status) ORDER BY seq DESC LIMIT 1",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or_default();
        let resolution = if note.is_empty() { resolution } else { note.clone() };
        exec(tx, "UPDATE feedback SET closed_at = ?2, resolution = ?3 WHERE id = ?1", params![id, at, resolution])?;
    }
    // A formal complaint is accepted (thụ lý) when handling starts; the clock to decide runs from then.
    if case.formal && from == Status::Received && !case.accepted {
        let today = now.date();
        let days = if case.complex { settings.formal_decide_days_complex } else { settings.formal_decide_days };
        let decide_due = calendar.due(today, days, settings.count_working_days);
        exec(
            tx,
            "UPDATE feedback SET accepted_on = ?2, formal_decide_due = ?3 WHERE id = ?1",
            params![id, today.to_string(), decide_due.to_string()],
        )?;
    }
    event(tx, id, at, d.staff_id.as_deref(), Some(from), to, d.channel, note)?;
    tx.audit("feedback", id, Some(&serde_json::json!({ "status": from })), Some(&serde_json::json!({ "status": to, "note": note })))
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

const ROW_SELECT: &str = "SELECT f.id, f.receipt_year, f.receipt_seq, f.received_at, f.customer_name, f.customer_org,
        f.kind, f.subject, f.channel, f.status, u.name, r.full_name, COALESCE(f.exception_due, f.reply_due),
        f.closed_at, f.content, c.full_name, f.confirmed_at
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
    })
}

/// A page of cases matching `filter`, newest first.
pub fn list(conn: &Connection, filter: &FeedbackFilter, settings: &Settings) -> Result<FeedbackPage> {
    let mut w = Where { clauses: vec!["f.deleted_at IS NULL".into()], args: Vec::new() };
    // A query of three characters or more is looked up in the trigram index (below); a
    // shorter one is a substring test on each case's search key.
    let search = filter.search.as_deref().map(fold).filter(|q| !q.is_empty());
    let indexed = search.clone().filter(|q| q.chars().count() >= 3);
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
        w.add("COALESCE(f.exception_due, f.reply_due) < ?", Box::new(d.to_string()));
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
        let open = format!("f.status IN ({}) AND COALESCE(f.exception_due, f.reply_due) >= ?", open_statuses_sql());
        w.add(&open, Box::new(d.to_string()));
        w.add("COALESCE(f.exception_due, f.reply_due) <= ?", Box::new(until.to_string()));
    }
    let limit = filter.limit.unwrap_or(100).min(1000);
    let offset = filter.offset.unwrap_or(0);
    let total = match &indexed {
        None => w.count(conn)?,
        Some(q) => {
            // The whole query as one FTS5 phrase: a substring match over trigrams.
            let phrase = format!("\"{}\"", q.replace('"', "\"\""));
            const MATCHED: &str = "f.rowid IN (SELECT rowid FROM feedback_search WHERE feedback_search MATCH ?)";
            // The page is read whichever way reads fewer rows. A common word (found in a
            // tenth of ten years' cases) is best found by walking the book in its order and
            // keeping the cases whose key holds it: that stops after about (end of the page ×
            // cases ÷ found) rows, where the index would hand over every match to be sorted.
            // A rare one (a name, a receipt number) the index finds at once. Both give the
            // same rows: the trigram phrase matches exactly the substrings `instr` finds.
            let cases: i64 = one_row(conn, "SELECT coalesce(max(rowid), 0) FROM feedback", [], |r| r.get(0))?;
            let end = offset as i64 + limit as i64;
            let common = |total: i64| total > 0 && end * cases / total < total;
            let walk = "instr(f.search_key, ?) > 0";
            if w.clauses.len() == 1 {
                // Searching alone, the phrase is looked up once, for the count and the page:
                // it is most of the cost (BENCHMARKS.md). Cases are never deleted (records are
                // disposed of by erasing their text), so every match is a case of the book.
                let mut st = conn.prepare_cached("SELECT rowid FROM feedback_search WHERE feedback_search MATCH ?1")?;
                let ids = st.query_map([&phrase], |r| r.get::<_, i64>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
                let total = ids.len() as i64;
                if common(total) {
                    w.add(walk, Box::new(q.clone()));
                } else {
                    let ids = format!("[{}]", ids.iter().map(i64::to_string).collect::<Vec<_>>().join(","));
                    w.add("f.rowid IN (SELECT value FROM json_each(?))", Box::new(ids));
                }
                total
            } else {
                w.add(MATCHED, Box::new(phrase.clone()));
                let total = w.count(conn)?;
                w.pop();
                if common(total) {
                    w.add(walk, Box::new(q.clone()));
                } else {
                    w.add(MATCHED, Box::new(phrase));
                }
                total
            }
        }
    };
    let where_sql = w.clauses.join(" AND ");
    let params: Vec<&dyn ToSql> = w.args.iter().map(|b| b.as_ref()).collect();
    let mut st = conn.prepare_cached(&format!(
        "{ROW_SELECT} WHERE {where_sql} ORDER BY f.received_at DESC, f.receipt_year DESC, f.receipt_seq DESC LIMIT {limit} OFFSET {offset}"
    ))?;
    let rows = st.query_map(params.as_slice(), row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(FeedbackPage { total: total as i32, rows })
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

    fn count(&self, conn: &Connection) -> Result<i64> {
        let params: Vec<&dyn ToSql> = self.args.iter().map(|b| b.as_ref()).collect();
        let sql = format!("SELECT count(*) FROM feedback f WHERE {}", self.clauses.join(" AND "));
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
    let due = "COALESCE(exception_due, reply_due)";
    let sql = format!(
        "SELECT count(*), coalesce(sum({due} < ?1 AND received_at < ?3), 0), coalesce(sum({due} >= ?1 AND {due} <= ?2), 0)
         FROM feedback WHERE status IN ({}) AND deleted_at IS NULL",
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
                f.accepted_on, f.formal_decide_due, f.version
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
                    deadlines: Deadlines {
                        due: exception_due.clone().unwrap_or_else(|| reply_due.clone()),
                        reply_due,
                        exception_due,
                        exception_reason: r.get(29)?,
                        exception_by_name: r.get(30)?,
                        formal_accept_due: r.get(31)?,
                        accepted_on: r.get(32)?,
                        formal_decide_due: r.get(33)?,
                        overdue: false,
                        days_left: None,
                    },
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
        None => {
            c.deadlines.overdue = today > due;
            c.deadlines.days_left = Some((due - today).num_days() as i32);
        }
    }

    let mut st = conn.prepare_cached(
        "SELECT e.at, e.actor, s.full_name, e.from_status, e.to_status, e.channel, e.note
         FROM case_event e LEFT JOIN staff s ON s.id = e.staff_id WHERE e.feedback_id = ?1 ORDER BY e.seq",
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
    c.next_moves = workflow::moves_from(c.status);
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
        let migration = include_str!("migrations/0005_reports.sql");
        assert!(migration.contains(&format!("kind IN ({})", complaint_kinds_sql())), "{}", complaint_kinds_sql());
    }
}
