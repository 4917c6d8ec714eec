//! Reply letters to written complaints: draft → signed → sent (R2.3).

use super::Tx;
use crate::domain::letter::{LetterStatus, ReplyLetter};
use crate::domain::text::{clean_text, optional_line, required_line};
use crate::error::{Error, Result};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

const SELECT: &str = "SELECT id, number, body, status, signer_name, signer_title, drafted_at, signed_on, sent_on, sent_via,
                             feedback_id
                      FROM reply_letter";

fn from_row(r: &Row) -> rusqlite::Result<ReplyLetter> {
    Ok(ReplyLetter {
        id: r.get(0)?,
        number: r.get(1)?,
        body: r.get(2)?,
        status: r.get(3)?,
        signer_name: r.get(4)?,
        signer_title: r.get(5)?,
        drafted_at: r.get(6)?,
        signed_on: r.get(7)?,
        sent_on: r.get(8)?,
        sent_via: r.get(9)?,
    })
}

pub fn for_case(conn: &Connection, feedback_id: &str) -> Result<Vec<ReplyLetter>> {
    let mut st = conn.prepare_cached(&format!("{SELECT} WHERE feedback_id = ?1 AND deleted_at IS NULL ORDER BY created_at"))?;
    let rows = st.query_map([feedback_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The letter and the id of its case.
pub fn get(conn: &Connection, id: &str) -> Result<(String, ReplyLetter)> {
    conn.query_row(&format!("{SELECT} WHERE id = ?1 AND deleted_at IS NULL"), [id], |r| Ok((r.get(10)?, from_row(r)?)))
        .optional()?
        .ok_or_else(|| Error::NotFound { entity: "công văn trả lời", id: id.to_owned() })
}

/// Creates a draft, or rewrites a draft that is not signed yet.
pub fn draft(tx: &Tx, feedback_id: &str, letter_id: Option<&str>, number: &str, body: &str, now: &str) -> Result<ReplyLetter> {
    let written: bool = tx
        .query_row("SELECT written FROM feedback WHERE id = ?1 AND deleted_at IS NULL", [feedback_id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound { entity: "hồ sơ", id: feedback_id.to_owned() })?;
    if !written {
        return Err(Error::Conflict("Chỉ ý kiến gửi bằng văn bản mới cần công văn trả lời.".into()));
    }
    let number = optional_line("number", "Số công văn", number, 50)?;
    let body = clean_text(body);
    if body.is_empty() {
        return Err(Error::validation("body", "Nội dung công văn trả lời không được để trống."));
    }
    match letter_id {
        None => {
            let id = super::new_id();
            tx.execute(
                "INSERT INTO reply_letter (id, feedback_id, number, body, status, drafted_at, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, 'draft', ?5, ?6, ?6)",
                params![id, feedback_id, number, body, now, tx.now()],
            )?;
            super::case_version::touch(tx, feedback_id)?;
            let (_, after) = get(tx, &id)?;
            tx.audit::<(), _>("reply_letter", &id, None, Some(&after))?;
            Ok(after)
        }
        Some(id) => {
            let (case_id, before) = get(tx, id)?;
            if before.status != LetterStatus::Draft {
                return Err(Error::Conflict("Công văn đã ký thì không sửa được nữa; hãy lập dự thảo mới.".into()));
            }
            tx.execute(
                "UPDATE reply_letter SET number = ?2, body = ?3, updated_at = ?4 WHERE id = ?1",
                params![id, number, body, tx.now()],
            )?;
            super::case_version::touch(tx, &case_id)?;
            let (_, after) = get(tx, id)?;
            tx.audit("reply_letter", id, Some(&before), Some(&after))?;
            Ok(after)
        }
    }
}

/// Leadership signs the draft.
pub fn sign(tx: &Tx, id: &str, signer_name: &str, signer_title: &str, on: NaiveDate) -> Result<ReplyLetter> {
    let (case_id, before) = get(tx, id)?;
    if before.status != LetterStatus::Draft {
        return Err(Error::Conflict(format!("Công văn đang ở tình trạng «{}», không ký được.", before.status.label())));
    }
    let name = required_line("signer_name", "Người ký", signer_name, 100)?;
    let title = required_line("signer_title", "Chức vụ người ký", signer_title, 100)?;
    tx.execute(
        "UPDATE reply_letter SET status = 'signed', signer_name = ?2, signer_title = ?3, signed_on = ?4, updated_at = ?5 WHERE id = ?1",
        params![id, name, title, on.to_string(), tx.now()],
    )?;
    super::case_version::touch(tx, &case_id)?;
    let (_, after) = get(tx, id)?;
    tx.audit("reply_letter", id, Some(&before), Some(&after))?;
    Ok(after)
}

/// The administrative office sends the signed letter.
pub fn send(tx: &Tx, id: &str, on: NaiveDate, via: &str) -> Result<ReplyLetter> {
    let (case_id, before) = get(tx, id)?;
    if before.status != LetterStatus::Signed {
        return Err(Error::Conflict("Công văn phải được ký trước khi gửi.".into()));
    }
    let via = required_line("sent_via", "Hình thức gửi", via, 100)?;
    tx.execute(
        "UPDATE reply_letter SET status = 'sent', sent_on = ?2, sent_via = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, on.to_string(), via, tx.now()],
    )?;
    super::case_version::touch(tx, &case_id)?;
    let (_, after) = get(tx, id)?;
    tx.audit("reply_letter", id, Some(&before), Some(&after))?;
    Ok(after)
}

/// Every draft waiting for a signature, oldest first, with what a director reads of its case.
pub fn waiting_signature(conn: &Connection) -> Result<Vec<crate::domain::letter::LetterToSign>> {
    let mut st = conn.prepare_cached(
        "SELECT l.id, l.number, l.body, l.status, l.signer_name, l.signer_title, l.drafted_at, l.signed_on, l.sent_on, l.sent_via,
                f.id, f.receipt_year, f.receipt_seq, f.customer_name, f.content, COALESCE(f.exception_due, f.reply_due)
         FROM reply_letter l JOIN feedback f ON f.id = l.feedback_id
         WHERE l.status = 'draft' AND l.deleted_at IS NULL AND f.deleted_at IS NULL AND f.withdrawn_at IS NULL
         ORDER BY l.drafted_at, l.created_at",
    )?;
    let rows = st.query_map([], |r| {
        Ok(crate::domain::letter::LetterToSign {
            letter: from_row(r)?,
            case_id: r.get(10)?,
            receipt_no: crate::domain::feedback::ReceiptNo { year: r.get(11)?, seq: r.get(12)? }.to_string(),
            customer_name: r.get(13)?,
            content: r.get(14)?,
            due: r.get(15)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
