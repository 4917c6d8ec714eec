//! What the figures of a report read: the book's kept counts per day and the complaints of
//! all the periods of a report in two statements, the office's units, the answers of the
//! survey forms filled in a period counted by box (kept counts too), and the forms behind one
//! of those counts. The same figures read from the records themselves (`*_recounted`,
//! [`entries`]) are what the kept counts are held equal to. Reads only.

use super::feedback::complaint_kinds_sql;
use crate::domain::dates::iso_day;
use crate::domain::report::{FormBehind, FormsBehind, FORMS_LISTED};
use crate::error::Result;
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use std::sync::LazyLock;

/// Stored times are local `YYYY-MM-DDTHH:MM`: a day `d` is every time from `d` up to,
/// not including, the day after.
fn day_after(d: NaiveDate) -> String {
    d.succ_opt().expect("a day after the period").to_string()
}

/// One entry of the book as the counts see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub received: NaiveDate,
    pub kind: String,
    pub subject: String,
    pub channel: String,
    pub customer_group: String,
    /// Empty when no unit handles it.
    pub unit_id: String,
}

/// Every entry received from `from` to `to`, read once for all the periods of a report.
pub fn entries(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<Entry>> {
    let mut st = conn.prepare_cached(
        "SELECT substr(received_at, 1, 10), kind, subject, channel, customer_group, COALESCE(unit_id, '')
         FROM feedback WHERE deleted_at IS NULL AND withdrawn_at IS NULL AND received_at >= ?1 AND received_at < ?2",
    )?;
    let rows = st.query_map([from.to_string(), day_after(to)], |r| {
        Ok(Entry {
            received: date(r, 0)?,
            kind: r.get(1)?,
            subject: r.get(2)?,
            channel: r.get(3)?,
            customer_group: r.get(4)?,
            unit_id: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The entries of one facet's value received on one day, from the book's kept counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayCount {
    /// `book`, `kind`, `subject`, `channel`, `customer_group` or `unit` (store::counts).
    pub facet: String,
    pub value: String,
    pub day: NaiveDate,
    /// Not withdrawn.
    pub entries: u32,
}

/// The book's entries (not withdrawn) received from `from` to `to`, per day and facet value,
/// from the kept counts: a few thousand rows for a year, where [`entries`] reads every case.
pub fn day_counts(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<DayCount>> {
    super::counts::entries_by_day(conn, &from.to_string(), &to.to_string())?
        .into_iter()
        .map(|(facet, value, day, entries)| {
            let day = iso_day(&day).ok_or_else(|| crate::error::Error::Corrupt(format!("ngày «{day}» trong số đếm của sổ")))?;
            Ok(DayCount { facet, value, day, entries })
        })
        .collect()
}

/// The office's live units as (id, name), by name.
pub fn units(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut st = conn.prepare_cached("SELECT id, name FROM unit WHERE deleted_at IS NULL ORDER BY name")?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn date(r: &rusqlite::Row, i: usize) -> rusqlite::Result<NaiveDate> {
    let s = r.get_ref(i)?.as_str()?;
    iso_day(s).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, format!("«{s}» is not a day YYYY-MM-DD").into())
    })
}

fn optional_date(r: &rusqlite::Row, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    match r.get_ref(i)? {
        rusqlite::types::ValueRef::Null => Ok(None),
        _ => date(r, i).map(Some),
    }
}

/// One complaint as the figures see it: what happened to it, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComplaintRow {
    pub received: NaiveDate,
    pub closed: Option<NaiveDate>,
    /// The deadline in force.
    pub due: NaiveDate,
    /// The first day it was passed to a specialist unit, and to leadership.
    pub to_specialist: Option<NaiveDate>,
    pub to_leadership: Option<NaiveDate>,
}

/// One formal complaint (Luật Khiếu nại) as the figures see it: its acceptance and decision
/// deadlines beside what happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormalRow {
    pub received: NaiveDate,
    pub closed: Option<NaiveDate>,
    pub accept_due: Option<NaiveDate>,
    /// The day the acceptance decision was recorded, and whether it was to accept.
    pub decided: Option<NaiveDate>,
    pub accepted: bool,
    pub decide_due: Option<NaiveDate>,
}

/// Formal complaints that matter to periods from `from` to `to`, as [`complaint_rows`].
pub fn formal_rows(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<FormalRow>> {
    let mut st = conn.prepare_cached(
        "SELECT substr(f.received_at, 1, 10), substr(f.closed_at, 1, 10), f.formal_accept_due, f.acceptance_on,
                f.acceptance = 'accepted', f.formal_decide_due
         FROM feedback f INDEXED BY feedback_formal_facts
         WHERE f.formal = 1 AND f.deleted_at IS NULL AND f.withdrawn_at IS NULL AND f.received_at < ?2
           AND (f.received_at >= ?1 OR f.closed_at IS NULL OR f.closed_at >= ?1)",
    )?;
    let rows = st.query_map([from.to_string(), day_after(to)], |r| {
        Ok(FormalRow {
            received: date(r, 0)?,
            closed: optional_date(r, 1)?,
            accept_due: optional_date(r, 2)?,
            decided: optional_date(r, 3)?,
            accepted: r.get::<_, Option<bool>>(4)?.unwrap_or(false),
            decide_due: optional_date(r, 5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The statement of [`complaint_rows`], written once: three ranges of two indexes, one for
/// the complaints received in the periods, two for those received before and open on the
/// first day (closed since, or not closed), rather than one condition that read every
/// complaint of ten years (BENCHMARKS.md). The kinds are written out as the partial indexes
/// name them: SQLite uses a partial index only for a query whose condition matches its own.
static COMPLAINT_ROWS_SQL: LazyLock<String> = LazyLock::new(|| {
    let part = |index: &str, range: &str| {
        format!(
            "SELECT substr(f.received_at, 1, 10), substr(f.closed_at, 1, 10), COALESCE(f.exception_due, f.reply_due),
                    (SELECT substr(MIN(e.at), 1, 10) FROM case_event e WHERE e.feedback_id = f.id AND e.to_status = 'specialist'),
                    (SELECT substr(MIN(e.at), 1, 10) FROM case_event e WHERE e.feedback_id = f.id AND e.to_status = 'leadership')
             FROM feedback f INDEXED BY {index}
             WHERE f.deleted_at IS NULL AND f.withdrawn_at IS NULL AND f.kind IN ({}) AND {range}",
            complaint_kinds_sql()
        )
    };
    [
        part("feedback_complaint_facts", "f.received_at >= ?1 AND f.received_at < ?2"),
        part("feedback_complaint_closing", "f.closed_at IS NULL AND f.received_at < ?1"),
        part("feedback_complaint_closing", "f.closed_at >= ?1 AND f.received_at < ?1"),
    ]
    .join(" UNION ALL ")
});

/// Complaints that matter to periods from `from` to `to`: received in them, or received
/// before and still open on `from`.
pub fn complaint_rows(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<ComplaintRow>> {
    let mut st = conn.prepare_cached(&COMPLAINT_ROWS_SQL)?;
    let rows = st.query_map([from.to_string(), day_after(to)], |r| {
        Ok(ComplaintRow {
            received: date(r, 0)?,
            closed: optional_date(r, 1)?,
            due: date(r, 2)?,
            to_specialist: optional_date(r, 3)?,
            to_leadership: optional_date(r, 4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The templates of the forms filled from `from` to `to` (YYYY-MM-DD, both included), each
/// with its number of forms, from the kept counts (store::counts).
pub fn forms_by_template(conn: &Connection, from: &str, to: &str) -> Result<Vec<(String, u32)>> {
    let mut st = conn.prepare_cached(
        "SELECT template_id, sum(forms) FROM survey_form_count WHERE day >= ?1 AND day <= ?2
         GROUP BY template_id HAVING sum(forms) <> 0",
    )?;
    let rows = st.query_map([from, to], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// [`forms_by_template`] counted from the forms themselves.
pub fn forms_by_template_recounted(conn: &Connection, from: &str, to: &str) -> Result<Vec<(String, u32)>> {
    let mut st = conn.prepare_cached(
        "SELECT o.template_id, COUNT(*) FROM survey_response r JOIN survey_round o ON o.id = r.round_id
         WHERE r.deleted_at IS NULL AND r.filled_on >= ?1 AND r.filled_on <= ?2
         GROUP BY o.template_id",
    )?;
    let rows = st.query_map([from, to], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The box answers of the forms of one template filled from `from` to `to`, counted by
/// (code, state, value); a value of 0 for the answers that have none. From the kept counts.
pub fn answer_counts(conn: &Connection, from: &str, to: &str, template_id: &str) -> Result<Vec<(String, String, i64, u32)>> {
    let mut st = conn.prepare_cached(
        "SELECT code, state, value, sum(answers) FROM survey_answer_count
         WHERE template_id = ?3 AND day >= ?1 AND day <= ?2
         GROUP BY code, state, value HAVING sum(answers) <> 0",
    )?;
    let rows = st.query_map([from, to, template_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// [`answer_counts`] counted from the answers themselves.
pub fn answer_counts_recounted(conn: &Connection, from: &str, to: &str, template_id: &str) -> Result<Vec<(String, String, i64, u32)>> {
    let mut st = conn.prepare_cached(
        "SELECT a.code, a.state, COALESCE(a.value, 0), COUNT(*)
         FROM survey_answer a JOIN survey_response r ON r.id = a.response_id JOIN survey_round o ON o.id = r.round_id
         WHERE r.deleted_at IS NULL AND r.filled_on >= ?1 AND r.filled_on <= ?2 AND o.template_id = ?3
           AND a.state <> 'text'
         GROUP BY a.code, a.state, a.value",
    )?;
    let rows = st.query_map([from, to, template_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Which forms [`forms_behind`] lists: those of a template (its code, and version) and
/// whose answer `code` is in `state` (with `value` when given); `None` leaves a condition out.
#[derive(Debug, Clone, Copy, Default)]
pub struct FormsFilter<'a> {
    pub template_code: Option<&'a str>,
    pub template_version: Option<u32>,
    pub answer: Option<AnswerFilter<'a>>,
}

#[derive(Debug, Clone, Copy)]
pub struct AnswerFilter<'a> {
    pub code: &'a str,
    /// A stored answer state: `chosen`, `blank` or `spoiled`.
    pub state: &'a str,
    pub value: Option<i64>,
}

/// The forms filled from `from` to `to` that `f` picks, by the conditions of
/// [`answer_counts`], so that the list's length is the number that was counted: their
/// number, and the first [`FORMS_LISTED`] of them.
pub fn forms_behind(conn: &Connection, from: &str, to: &str, f: &FormsFilter) -> Result<FormsBehind> {
    let (slot, state, value) = match f.answer {
        Some(a) => (Some(a.code), Some(a.state), a.value),
        None => (None, None, None),
    };
    // A null parameter leaves its condition out: `?5` the answer, `?3` and `?4` the template.
    let from_where = "FROM survey_response r
         JOIN survey_round o ON o.id = r.round_id
         JOIN survey_template t ON t.id = o.template_id
         WHERE r.deleted_at IS NULL AND r.filled_on >= ?1 AND r.filled_on <= ?2
           AND (?3 IS NULL OR t.code = ?3) AND (?4 IS NULL OR t.version = ?4)
           AND (?5 IS NULL OR EXISTS (SELECT 1 FROM survey_answer a
                 WHERE a.response_id = r.id AND a.code = ?5 AND a.state = ?6 AND (?7 IS NULL OR a.value = ?7)))";
    let args = params![from, to, f.template_code, f.template_version, slot, state, value];
    let total: u32 = conn.query_row(&format!("SELECT count(*) {from_where}"), args, |r| r.get(0))?;
    let mut st = conn.prepare(&format!(
        "SELECT r.id, o.id, o.code, o.name, r.serial, r.filled_on {from_where}
         ORDER BY r.filled_on, o.code, r.serial LIMIT {FORMS_LISTED}"
    ))?;
    let forms = st
        .query_map(args, |r| {
            Ok(FormBehind {
                response_id: r.get(0)?,
                round_id: r.get(1)?,
                round_code: r.get(2)?,
                round_name: r.get(3)?,
                serial: r.get(4)?,
                filled_on: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(FormsBehind { total, forms, ratings: Vec::new() })
}
