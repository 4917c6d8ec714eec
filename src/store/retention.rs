//! Retention and disposal (R5): which closed cases and which returned survey forms are past
//! their retention period, and erasing their personal data and free text while keeping what
//! reports count.

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
    /// Empty when no case was due (a disposal of survey forms only).
    pub id: String,
    pub on_date: String,
    pub record_type: String,
    pub retention_years: u32,
    pub records: Vec<DueRecord>,
    /// Audit entries whose before/after were erased with the records.
    pub redacted_audit_entries: i32,
    /// Archived reports removed because they printed the personal data of these records
    /// (the yearly compilations of complaints that list a disposed complaint).
    #[serde(default)]
    pub removed_reports: Vec<RemovedReport>,
}

/// An archived report removed by a disposal, as its record names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RemovedReport {
    pub id: String,
    /// `complaints`: the yearly compilation of complaints (names, contents, results).
    pub kind: String,
    pub period_from: String,
    pub period_to: String,
    /// When it was generated, as stored (RFC 3339, UTC).
    pub generated_at: String,
    /// SHA-256 of the archived PDF, hex: the copy removed can be told from any other.
    pub sha256: String,
}

/// The kinds of records that are kept for a period and then disposed of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RecordType {
    /// The feedback book and the case files (closed cases).
    Ledger,
    /// Returned survey forms, as entered.
    SurveyForms,
}

impl RecordType {
    pub fn as_str(self) -> &'static str {
        match self {
            RecordType::Ledger => "ledger",
            RecordType::SurveyForms => "survey_forms",
        }
    }
}

/// Erases the personal data and free text of these records, and of the audit entries that
/// hold them, and records the disposal. Kind, subject, channel, unit, dates, status and
/// receipt number stay: the counts of past reports do not change.
pub fn dispose(tx: &Tx, on: NaiveDate, years: u32, records: &[DueRecord]) -> Result<Disposal> {
    if records.is_empty() {
        return Ok(Disposal {
            id: String::new(),
            on_date: on.to_string(),
            record_type: RecordType::Ledger.as_str().into(),
            retention_years: years,
            records: Vec::new(),
            redacted_audit_entries: 0,
            removed_reports: Vec::new(),
        });
    }
    let id = super::new_id();
    let erased: Vec<ErasedCase> =
        records.iter().map(|r| ErasedCase { id: r.id.clone(), receipt_no: r.receipt_no.clone(), kind: r.kind, received_on: r.received_on.clone() }).collect();
    let (redacted, removed_reports) = erase_cases(tx, &erased, "")?;
    let mut mark = tx.prepare_cached("UPDATE feedback SET disposed_at = ?2 WHERE id = ?1")?;
    for r in records {
        mark.execute(params![r.id, tx.now()])?;
    }
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
            "removed_reports": removed_reports.iter().map(|r| serde_json::json!({"id": r.id, "kind": r.kind, "sha256": r.sha256})).collect::<Vec<_>>(),
        })),
    )?;
    Ok(Disposal {
        id,
        on_date: on.to_string(),
        record_type: "ledger".into(),
        retention_years: years,
        records: records.to_vec(),
        redacted_audit_entries: redacted.len() as i32,
        removed_reports,
    })
}

/// A case whose personal data is erased, by a disposal or on its subject's request.
#[derive(Debug, Clone)]
pub(crate) struct ErasedCase {
    pub id: String,
    pub receipt_no: String,
    pub kind: Kind,
    /// YYYY-MM-DD
    pub received_on: String,
}

/// The one eraser of case data, for disposals and for erasure on request: the customer's
/// name, organisation, address, telephone, e-mail, the content, the resolution, the notes of
/// the history and of the mandatory steps, the exception's reason and the reply letters'
/// bodies; then the search index, the audit entries that hold them (before/after erased,
/// digests kept, so the chain still verifies) and the archived compilations of complaints
/// that print them. Kind, subject, channel, group, unit, dates, status and receipt number
/// stay: the counts of past reports do not change. `fill` is written where the name, the
/// content and the letters' bodies were (empty for a disposal). Returns the audit entries
/// erased and the reports removed; the caller records the erasure itself.
pub(crate) fn erase_cases(tx: &Tx, cases: &[ErasedCase], fill: &str) -> Result<(Vec<i64>, Vec<RemovedReport>)> {
    let ids: Vec<String> = cases.iter().map(|r| r.id.clone()).collect();
    let children = |table: &str| -> Result<Vec<String>> {
        let mut st = tx.prepare_cached(&format!("SELECT id FROM {table} WHERE feedback_id = ?1 ORDER BY id"))?;
        let mut out = Vec::new();
        for fid in &ids {
            for l in st.query_map([fid], |r| r.get::<_, String>(0))? {
                out.push(l?);
            }
        }
        Ok(out)
    };
    let letters = children("reply_letter")?;
    let steps = children("case_step")?;
    let mut case = tx.prepare_cached(
        "UPDATE feedback SET customer_name = ?4, customer_org = '', customer_address = '', customer_phone = '',
            customer_email = '', content = ?4, resolution = '',
            exception_reason = CASE WHEN exception_reason IS NULL THEN NULL ELSE '' END,
            search_key = ?2, updated_at = ?3, version = version + 1
         WHERE id = ?1",
    )?;
    let mut events = tx.prepare_cached("UPDATE case_event SET note = '' WHERE feedback_id = ?1")?;
    let mut step_notes = tx.prepare_cached("UPDATE case_step SET note = '' WHERE feedback_id = ?1")?;
    let mut letter = tx.prepare_cached("UPDATE reply_letter SET body = ?3, updated_at = ?2 WHERE feedback_id = ?1")?;
    for r in cases {
        case.execute(params![r.id, fold(&r.receipt_no), tx.now(), fill])?;
        events.execute([&r.id])?;
        step_notes.execute([&r.id])?;
        letter.execute(params![r.id, tx.now(), fill])?;
    }
    // The full-text index keeps what a search key held in its older segments until they are
    // merged: merged now, the erased names and contents leave the file as well.
    tx.execute("INSERT INTO feedback_search (feedback_search) VALUES ('optimize')", [])?;
    let mut redacted = super::audit::entries_of(tx, "feedback", &ids)?;
    redacted.extend(super::audit::entries_of(tx, "reply_letter", &letters)?);
    // A mandatory step's entry holds its note, as the step itself does.
    redacted.extend(super::audit::entries_of(tx, "case_step", &steps)?);
    redacted.sort_unstable();
    super::audit::redact(tx, &redacted, tx.now())?;
    let removed_reports = remove_reports_listing(tx, cases)?;
    Ok((redacted, removed_reports))
}

/// Removes the archived reports that print the personal data of these cases: the yearly
/// compilations of complaints (customer, content, result of every complaint received in the
/// year) generated after a disposed complaint was received in their period. The annual
/// reports hold counts and group names only and stay: they are the management review's own
/// records. Returns what was removed, oldest period first.
fn remove_reports_listing(tx: &Tx, records: &[ErasedCase]) -> Result<Vec<RemovedReport>> {
    let complaints: Vec<&ErasedCase> = records.iter().filter(|r| r.kind.is_complaint()).collect();
    if complaints.is_empty() {
        return Ok(Vec::new());
    }
    let mut st = tx.prepare_cached(
        "SELECT id, kind, period_from, period_to, generated_at, sha256 FROM report_archive
         WHERE kind = 'complaints' ORDER BY period_from, generated_at",
    )?;
    let archived: Vec<RemovedReport> = st
        .query_map([], |r| {
            Ok(RemovedReport {
                id: r.get(0)?,
                kind: r.get(1)?,
                period_from: r.get(2)?,
                period_to: r.get(3)?,
                generated_at: r.get(4)?,
                sha256: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let lists = |a: &RemovedReport| {
        complaints.iter().any(|c| {
            a.period_from.as_str() <= c.received_on.as_str()
                && c.received_on.as_str() <= a.period_to.as_str()
                && local_day(&a.generated_at) >= c.received_on
        })
    };
    let removed: Vec<RemovedReport> = archived.into_iter().filter(lists).collect();
    let mut delete = tx.prepare_cached("DELETE FROM report_archive WHERE id = ?1")?;
    for r in &removed {
        delete.execute([&r.id])?;
    }
    Ok(removed)
}

/// The office's local day (YYYY-MM-DD) of a stored RFC 3339 time; the stored text's own
/// date when it does not parse.
pub fn local_day(stamp: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(stamp) {
        Ok(t) => t.with_timezone(&chrono::Local).date_naive().to_string(),
        Err(_) => stamp.get(..10).unwrap_or(stamp).to_owned(),
    }
}

// ---- Survey forms ----

/// What a disposal writes in place of the words of a form: the answer stays a written one
/// (an opinion is still counted in its group), the words are gone.
pub const ERASED_TEXT: &str = "[đã tiêu huỷ]";

/// One returned survey form due for disposal, without anything written on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DueSurveyForm {
    pub id: String,
    pub round_id: String,
    /// "2023-01".
    pub round_code: String,
    pub round_name: String,
    /// The form's code, e.g. "BM.QT.SCT.05-02".
    pub template_code: String,
    pub serial: i32,
    /// YYYY-MM-DD: the date written on the form.
    pub filled_on: String,
    /// YYYY-MM-DD: the round's period.
    pub period_from: String,
    pub period_to: String,
    /// YYYY-MM-DD: the day the retention period runs from: the end of the round's period,
    /// or the form's own date when it is later.
    pub counted_from: String,
    /// YYYY-MM-DD: the first day it may be disposed of.
    pub due_on: String,
    /// Written answers (opinions, the respondent's name or contact) that disposal erases.
    pub texts: i32,
}

/// The condition and the start of the retention period of a form `s` of round `o`.
const FORM_START: &str = "max(o.period_to, s.filled_on)";

/// Returned survey forms whose retention period (counted from the end of their round's
/// period, or from the form's date when later) has run out on `on`, by round then serial.
/// Forms withdrawn by "undo" are not records and are not listed (they are erased with the
/// forms, see [`dispose_survey_forms`]).
pub fn due_survey_forms(conn: &Connection, on: NaiveDate, years: u32) -> Result<Vec<DueSurveyForm>> {
    let modifier = format!("+{years} years");
    let mut st = conn.prepare_cached(&format!(
        "SELECT s.id, o.id, o.code, o.name, t.code, s.serial, s.filled_on, o.period_from, o.period_to,
                {FORM_START}, date({FORM_START}, ?2),
                (SELECT count(*) FROM survey_answer a WHERE a.response_id = s.id AND a.state = 'text')
         FROM survey_response s JOIN survey_round o ON o.id = s.round_id JOIN survey_template t ON t.id = o.template_id
         WHERE s.deleted_at IS NULL AND s.disposed_at IS NULL AND date({FORM_START}, ?2) <= ?1
         ORDER BY o.period_to, o.code, s.serial"
    ))?;
    let rows = st.query_map(params![on.to_string(), modifier], |r| {
        Ok(DueSurveyForm {
            id: r.get(0)?,
            round_id: r.get(1)?,
            round_code: r.get(2)?,
            round_name: r.get(3)?,
            template_code: r.get(4)?,
            serial: r.get(5)?,
            filled_on: r.get(6)?,
            period_from: r.get(7)?,
            period_to: r.get(8)?,
            counted_from: r.get(9)?,
            due_on: r.get(10)?,
            texts: r.get(11)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What a disposal of survey forms did, as its record (biên bản) lists it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SurveyDisposal {
    pub id: String,
    pub on_date: String,
    /// `survey_forms`.
    pub record_type: String,
    pub retention_years: u32,
    pub records: Vec<DueSurveyForm>,
    /// Written answers erased (on the forms listed and on withdrawn entries).
    pub erased_texts: i32,
    /// Entries withdrawn by "undo" whose words were erased with the forms (not records
    /// themselves, so not listed).
    pub withdrawn_entries: i32,
    /// Audit entries whose before/after were erased with the forms.
    pub redacted_audit_entries: i32,
}

/// Erases what was written on these forms (opinions, the respondent's name or contact), and
/// in the audit entries that hold them, and records the disposal. The answer levels, the
/// opinions' groups, the serials and dates stay: the figures of past reports do not change.
/// Entries withdrawn by "undo" whose period has run out too are erased with them.
pub fn dispose_survey_forms(tx: &Tx, on: NaiveDate, years: u32, forms: &[DueSurveyForm]) -> Result<SurveyDisposal> {
    let id = super::new_id();
    let modifier = format!("+{years} years");
    let withdrawn: Vec<String> = {
        let mut st = tx.prepare_cached(&format!(
            "SELECT s.id FROM survey_response s JOIN survey_round o ON o.id = s.round_id
             WHERE s.deleted_at IS NOT NULL AND s.disposed_at IS NULL AND date({FORM_START}, ?2) <= ?1
             ORDER BY s.id"
        ))?;
        let rows = st.query_map(params![on.to_string(), modifier], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let ids: Vec<String> = forms.iter().map(|f| f.id.clone()).chain(withdrawn.iter().cloned()).collect();
    let (erased, redacted) = erase_survey_forms(tx, &ids, ERASED_TEXT)?;
    let mut mark = tx.prepare_cached("UPDATE survey_response SET disposed_at = ?2, updated_at = ?2 WHERE id = ?1")?;
    for fid in &ids {
        mark.execute(params![fid, tx.now()])?;
    }
    let items = serde_json::to_string(forms).expect("forms serialise");
    tx.execute(
        "INSERT INTO disposal (id, on_date, record_type, retention_years, records, items, created_at, actor)
         VALUES (?1, ?2, 'survey_forms', ?3, ?4, ?5, ?6, ?7)",
        params![id, on.to_string(), years, forms.len() as i64, items, tx.now(), tx.actor()],
    )?;
    let serials: Vec<String> =
        forms.iter().map(|f| crate::domain::survey_round::form_reference(&f.round_code, f.serial)).collect();
    tx.audit::<(), _>(
        "disposal",
        &id,
        None,
        Some(&serde_json::json!({
            "on_date": on.to_string(), "record_type": "survey_forms", "retention_years": years,
            "records": serials, "withdrawn_entries": withdrawn, "redacted_audit": redacted,
        })),
    )?;
    Ok(SurveyDisposal {
        id,
        on_date: on.to_string(),
        record_type: RecordType::SurveyForms.as_str().into(),
        retention_years: years,
        records: forms.to_vec(),
        erased_texts: erased as i32,
        withdrawn_entries: withdrawn.len() as i32,
        redacted_audit_entries: redacted.len() as i32,
    })
}

/// The one eraser of survey forms, for disposals and for erasure on request: every written
/// answer (opinions, the respondent's name or contact) becomes `fill`, and the audit entries
/// that hold them are erased (digests kept). The answer stays a written one, so an opinion
/// is still counted in its group; levels, serials and dates stay. The scanned images of the
/// forms' pages, which show what the hand wrote, are cleared too. Returns the number of
/// answers erased and the audit entries erased.
pub(crate) fn erase_survey_forms(tx: &Tx, ids: &[String], fill: &str) -> Result<(usize, Vec<i64>)> {
    let mut erase = tx.prepare_cached("UPDATE survey_answer SET text = ?2 WHERE response_id = ?1 AND state = 'text'")?;
    let mut touch = tx.prepare_cached("UPDATE survey_response SET updated_at = ?2 WHERE id = ?1")?;
    let mut erased = 0;
    for fid in ids {
        erased += erase.execute(params![fid, fill])?;
        touch.execute(params![fid, tx.now()])?;
    }
    super::scan::erase_images(tx, ids)?;
    let redacted = super::audit::entries_of(tx, "survey_response", ids)?;
    super::audit::redact(tx, &redacted, tx.now())?;
    Ok((erased, redacted))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A round `from`–`to` with forms (serial, filled on, withdrawn, disposed).
    fn store(to: &str, forms: &[(i32, &str, bool, bool)]) -> Connection {
        let conn = super::super::open_in_memory().unwrap();
        conn.execute_batch(&format!(
            "INSERT INTO survey_template (id, key, version, code, title, body, created_at, updated_at)
                 VALUES ('t', 'k', 1, 'BM.QT.SCT.05-02', 'Phiếu', '{{}}', 'x', 'x');
             INSERT INTO survey_round (id, code, name, period_from, period_to, template_id, printed, created_at, updated_at)
                 VALUES ('r', '2024-01', 'Khảo sát', '2024-01-01', '{to}', 't', 9, 'x', 'x');"
        ))
        .unwrap();
        for (serial, filled, withdrawn, disposed) in forms {
            conn.execute(
                "INSERT INTO survey_response (id, round_id, serial, filled_on, source, created_at, updated_at, deleted_at, disposed_at)
                 VALUES (?1, 'r', ?2, ?3, 'keyboard', 'x', 'x', ?4, ?5)",
                params![format!("s{serial}"), serial, filled, withdrawn.then_some("x"), disposed.then_some("x")],
            )
            .unwrap();
        }
        conn
    }

    fn due_on(conn: &Connection, on: &str, years: u32) -> Vec<(i32, String)> {
        let on = NaiveDate::parse_from_str(on, "%Y-%m-%d").unwrap();
        due_survey_forms(conn, on, years).unwrap().into_iter().map(|f| (f.serial, f.due_on)).collect()
    }

    #[test]
    fn a_form_is_due_on_the_anniversary_of_its_rounds_end_or_of_its_own_later_date() {
        let conn = store("2024-06-30", &[(1, "2024-03-01", false, false), (2, "2024-08-15", false, false)]);
        assert!(due_on(&conn, "2026-06-29", 2).is_empty());
        assert_eq!(due_on(&conn, "2026-06-30", 2), [(1, "2026-06-30".to_owned())], "the boundary day is due");
        assert_eq!(due_on(&conn, "2026-08-15", 2), [(1, "2026-06-30".to_owned()), (2, "2026-08-15".to_owned())]);
        assert!(due_on(&conn, "2027-06-29", 3).is_empty());
        assert_eq!(due_on(&conn, "2027-06-30", 3).len(), 1);
    }

    #[test]
    fn a_round_ending_on_a_leap_day_is_due_the_day_after_the_28th_of_february() {
        let conn = store("2024-02-29", &[(1, "2024-02-10", false, false)]);
        assert!(due_on(&conn, "2026-02-28", 2).is_empty());
        assert_eq!(due_on(&conn, "2026-03-01", 2), [(1, "2026-03-01".to_owned())]);
    }

    #[test]
    fn withdrawn_and_disposed_forms_are_not_listed() {
        let conn = store("2024-06-30", &[(1, "2024-03-01", true, false), (2, "2024-03-01", false, true), (3, "2024-03-01", false, false)]);
        assert_eq!(due_on(&conn, "2030-01-01", 2), [(3, "2026-06-30".to_owned())]);
    }
}
