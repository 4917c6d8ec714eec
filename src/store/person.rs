//! A person's records (Law 91/2025/QH15): finding the lines of the book and the survey forms
//! that hold their name, telephone or e-mail, and erasing them at their request with the same
//! eraser a disposal uses (src/store/retention.rs).

use super::retention::{erase_cases, erase_survey_forms, ErasedCase};
use super::Tx;
use crate::domain::feedback::{Kind, ReceiptNo, Subject};
use crate::domain::privacy::{
    email_key, mask_email, mask_phone, name_key, phone_key, ErasureReport, PersonMatch, PersonQuery, PersonRecordKind,
    ERASED_ON_REQUEST,
};
use crate::domain::survey_round::form_reference;
use crate::domain::workflow::Status;
use crate::error::{Error, Result};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

/// The folded keys of a query; empty where the query did not give that field.
struct Keys {
    name: String,
    phone: String,
    email: String,
}

impl Keys {
    fn of(q: &PersonQuery) -> Keys {
        Keys { name: name_key(&q.name), phone: phone_key(&q.phone), email: email_key(&q.email) }
    }

    /// What of `text` matches, in words.
    fn matches(&self, name: &str, phone: &str, email: &str) -> Vec<String> {
        let mut on = Vec::new();
        if !self.name.is_empty() && name_key(name).contains(&self.name) {
            on.push("họ tên".to_owned());
        }
        if !self.phone.is_empty() && phone_key(phone).contains(&self.phone) {
            on.push("điện thoại".to_owned());
        }
        if !self.email.is_empty() && email_key(email).contains(&self.email) {
            on.push("thư điện tử".to_owned());
        }
        on
    }
}

/// Every live record matching any of the query's fields: cases first (newest first), then
/// survey forms. Records already erased or disposed of hold nothing to find. The whole book
/// is read and compared in Rust with the same folding as the book's search: a person's name
/// may sit anywhere in the name field ("Ông Nguyễn Văn An"), which the index alone would
/// not tell from a match in the content, and telephone numbers are compared by their digits.
pub fn find(conn: &Connection, q: &PersonQuery) -> Result<Vec<PersonMatch>> {
    let keys = Keys::of(q);
    let mut out = Vec::new();
    let mut st = conn.prepare(
        "SELECT id, receipt_year, receipt_seq, substr(received_at, 1, 10), customer_name, customer_org, customer_phone,
                customer_email, kind, subject, status
         FROM feedback
         WHERE deleted_at IS NULL AND disposed_at IS NULL AND customer_name <> ?1
         ORDER BY received_at DESC, receipt_year DESC, receipt_seq DESC",
    )?;
    let mut rows = st.query([ERASED_ON_REQUEST])?;
    while let Some(r) = rows.next()? {
        let (name, org, phone, email): (String, String, String, String) = (r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?);
        let matched_on = keys.matches(&name, &phone, &email);
        if matched_on.is_empty() {
            continue;
        }
        let (kind, subject, status): (Kind, Subject, Status) = (r.get(8)?, r.get(9)?, r.get(10)?);
        out.push(PersonMatch {
            kind: PersonRecordKind::Case,
            id: r.get(0)?,
            reference: ReceiptNo { year: r.get(1)?, seq: r.get(2)? }.to_string(),
            date: r.get(3)?,
            name,
            org,
            phone: mask_phone(&phone),
            email: mask_email(&email),
            description: format!("{} — {}", kind.label(), subject.label()),
            matched_on,
            open: status != Status::Closed,
        });
    }
    // Survey forms: what the respondent wrote (their name, contact, opinions) is in the
    // written answers; any of them may name them.
    let mut st = conn.prepare(
        "SELECT s.id, o.code, s.serial, s.filled_on, o.name, a.text
         FROM survey_answer a JOIN survey_response s ON s.id = a.response_id JOIN survey_round o ON o.id = s.round_id
         WHERE a.state = 'text' AND s.deleted_at IS NULL AND s.disposed_at IS NULL AND a.text <> ?1
         ORDER BY s.filled_on DESC, o.code DESC, s.serial, a.code",
    )?;
    let mut rows = st.query([ERASED_ON_REQUEST])?;
    while let Some(r) = rows.next()? {
        let text: String = r.get(5)?;
        let matched_on = keys.matches(&text, &text, &text);
        let id: String = r.get(0)?;
        if matched_on.is_empty() || out.iter().any(|m| m.id == id) {
            continue;
        }
        let serial: i32 = r.get(2)?;
        out.push(PersonMatch {
            kind: PersonRecordKind::SurveyForm,
            reference: form_reference(&r.get::<_, String>(1)?, serial),
            id,
            date: r.get(3)?,
            name: text.chars().take(80).collect(),
            org: String::new(),
            phone: String::new(),
            email: String::new(),
            description: r.get(4)?,
            matched_on,
            open: false,
        });
    }
    Ok(out)
}

/// What a picked case's refusal or erasure reads: receipt year and number, received day,
/// kind, status, name, when it was disposed of.
type CaseFacts = (i32, i64, String, Kind, Status, String, Option<String>);

/// A picked case as the eraser needs it; refused when it is missing, already erased or
/// disposed of, or still being handled.
pub(crate) fn case_to_erase(conn: &Connection, id: &str) -> Result<ErasedCase> {
    let row: Option<CaseFacts> = conn
        .query_row(
            "SELECT receipt_year, receipt_seq, substr(received_at, 1, 10), kind, status, customer_name, disposed_at
             FROM feedback WHERE id = ?1 AND deleted_at IS NULL",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)),
        )
        .optional()?;
    let Some((year, seq, received_on, kind, status, name, disposed)) = row else {
        return Err(Error::NotFound { entity: "hồ sơ", id: id.to_owned() });
    };
    let receipt_no = ReceiptNo { year, seq }.to_string();
    if disposed.is_some() || name == ERASED_ON_REQUEST {
        return Err(Error::Conflict(format!("Dữ liệu cá nhân của hồ sơ {receipt_no} đã được xoá trước đây.")));
    }
    // An open case is refused, not erased. Its handling is not finished: the office still owes
    // the person an answer, which needs their name and address, and ISO 9001 (7.5, 9.1.2)
    // asks that the record of how a complaint was handled be complete when it is closed; the
    // Law on Complaints also requires the file of a complaint being settled. Law 91/2025/QH15
    // lets a controller defer erasure while the data are needed for a legal obligation. An
    // auditor accepts "closed first, then erased, both recorded"; a case erased half-way
    // would leave a handling nobody could check.
    if status != Status::Closed {
        return Err(Error::Conflict(format!(
            "Hồ sơ {receipt_no} đang được giải quyết (trạng thái «{}»): chưa xoá được dữ liệu cá nhân. Cơ quan cần thông tin này để \
             trả lời người gửi ý kiến và lưu hồ sơ giải quyết đầy đủ; hãy giải quyết, đóng hồ sơ rồi xoá theo yêu cầu.",
            status.label()
        )));
    }
    Ok(ErasedCase { id: id.to_owned(), receipt_no, kind, received_on })
}

/// A picked survey form's reference (round/serial); refused when it is missing or already
/// erased or disposed of.
pub(crate) fn form_to_erase(conn: &Connection, id: &str) -> Result<String> {
    let row: Option<(String, i32, Option<String>, i64)> = conn
        .query_row(
            "SELECT o.code, s.serial, s.disposed_at,
                    (SELECT count(*) FROM survey_answer a WHERE a.response_id = s.id AND a.state = 'text' AND a.text = ?2)
             FROM survey_response s JOIN survey_round o ON o.id = s.round_id WHERE s.id = ?1 AND s.deleted_at IS NULL",
            params![id, ERASED_ON_REQUEST],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((round, serial, disposed, erased)) = row else {
        return Err(Error::NotFound { entity: "phiếu khảo sát đã nhập", id: id.to_owned() });
    };
    let reference = form_reference(&round, serial);
    if disposed.is_some() || erased > 0 {
        return Err(Error::Conflict(format!("Nội dung viết tay của phiếu khảo sát {reference} đã được xoá trước đây.")));
    }
    Ok(reference)
}

/// Erases the person's data from these cases and forms (see [`erase_cases`] and
/// [`erase_survey_forms`]), marking the book's line «[đã xoá theo yêu cầu]», and records the
/// erasure in the audit log: who (the transaction's actor), when, which receipt numbers and
/// forms, the request's reference and date, and the audit entries erased. Never the data.
pub(crate) fn erase(
    tx: &Tx,
    cases: &[ErasedCase],
    forms: &[(String, String)],
    reference: &str,
    request_date: NaiveDate,
) -> Result<ErasureReport> {
    let id = super::new_id();
    let (mut redacted, removed) = erase_cases(tx, cases, ERASED_ON_REQUEST)?;
    let form_ids: Vec<String> = forms.iter().map(|(id, _)| id.clone()).collect();
    let (_, form_entries) = erase_survey_forms(tx, &form_ids, ERASED_ON_REQUEST)?;
    redacted.extend(form_entries);
    redacted.sort_unstable();
    let receipts: Vec<String> = cases.iter().map(|c| c.receipt_no.clone()).collect();
    let serials: Vec<String> = forms.iter().map(|(_, r)| r.clone()).collect();
    tx.audit::<(), _>(
        "personal_data_erasure",
        &id,
        None,
        Some(&serde_json::json!({
            "request_reference": reference, "request_date": request_date.to_string(),
            "records": receipts, "survey_forms": serials, "redacted_audit": redacted,
            "removed_reports": removed.iter().map(|r| serde_json::json!({"id": r.id, "kind": r.kind, "sha256": r.sha256})).collect::<Vec<_>>(),
        })),
    )?;
    Ok(ErasureReport {
        id,
        reference: reference.to_owned(),
        request_date: request_date.to_string(),
        cases: receipts,
        survey_forms: serials,
        redacted_audit_entries: redacted.len() as i32,
        removed_reports: removed.len() as i32,
    })
}

/// The live survey form with this round code and serial.
pub fn form_id(conn: &Connection, round_code: &str, serial: i32) -> Result<String> {
    conn.query_row(
        "SELECT s.id FROM survey_response s JOIN survey_round o ON o.id = s.round_id
         WHERE o.code = ?1 AND s.serial = ?2 AND s.deleted_at IS NULL AND o.deleted_at IS NULL",
        params![round_code, serial],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| Error::NotFound { entity: "phiếu khảo sát đã nhập", id: form_reference(round_code, serial) })
}
