//! Scanned survey files, their pages as read, the review queue, and how each answer of a form
//! saved from a scan was got (migration 0015).

use super::Tx;
use crate::domain::survey_entry::Answer;
use crate::domain::survey_scan::{PageStatus, ReadAnswer, ReviewPage};
use crate::error::Result;
use rusqlite::{params, Connection, OptionalExtension};

fn status_text(s: PageStatus) -> &'static str {
    match s {
        PageStatus::Read => "read",
        PageStatus::NeedsReview => "needs_review",
        PageStatus::Unreadable => "unreadable",
    }
}

fn status_of(s: &str) -> PageStatus {
    match s {
        "read" => PageStatus::Read,
        "needs_review" => PageStatus::NeedsReview,
        _ => PageStatus::Unreadable,
    }
}

/// A scanned file, with its content's hash; returns its id.
pub fn add_file(tx: &Tx, round_id: &str, name: &str, sha256: &str, pages: u32) -> Result<String> {
    let id = super::new_id();
    tx.execute(
        "INSERT INTO scan_file (id, round_id, name, sha256, pages, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, round_id, name, sha256, pages, tx.now()],
    )?;
    tx.audit::<(), _>("scan_file", &id, None, Some(&serde_json::json!({ "round_id": round_id, "name": name, "sha256": sha256, "pages": pages })))?;
    Ok(id)
}

/// A page as read, with what each of its boxes was read as (`boxes`, JSON). Pages are not
/// audited one by one: the file's entry names them, and a form saved from them has its own
/// entry.
#[allow(clippy::too_many_arguments)]
pub fn add_page(
    tx: &Tx,
    file_id: &str,
    page: u32,
    serial: Option<i32>,
    form_page: Option<u32>,
    status: PageStatus,
    answers: &[ReadAnswer],
    problem: Option<&str>,
    image: &[u8],
    boxes: &str,
) -> Result<String> {
    let id = super::new_id();
    let json = serde_json::to_string(answers).expect("answers serialise");
    tx.execute(
        "INSERT INTO scan_page (id, file_id, page, serial, form_page, status, answers, problem, image, boxes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![id, file_id, page, serial, form_page, status_text(status), json, problem, image, boxes],
    )?;
    Ok(id)
}

/// What each box of a page was read as (JSON, `scan::read::BoxSeen`s); `None` for a page
/// read before they were kept.
pub fn boxes(conn: &Connection, id: &str) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT boxes FROM scan_page WHERE id = ?1", [id], |r| r.get(0)).optional()?.flatten())
}

/// The pages saved as form `response_id` leave the queue.
pub fn pages_saved(tx: &Tx, page_ids: &[String], response_id: &str) -> Result<()> {
    let mut st = tx.prepare_cached("UPDATE scan_page SET response_id = ?2, done_at = ?3 WHERE id = ?1")?;
    for id in page_ids {
        st.execute(params![id, response_id, tx.now()])?;
    }
    Ok(())
}

/// How each answer of a saved form was got; `checked_by` for those a person confirmed.
pub fn record_answers(tx: &Tx, response_id: &str, read: &[ReadAnswer], final_answers: &[Answer], checked_by: Option<&str>) -> Result<()> {
    let mut st = tx.prepare_cached(
        "INSERT INTO scan_answer (response_id, code, read_state, read_value, confidence, how, checked_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for r in read {
        let kept = final_answers.iter().any(|a| a.code == r.code && a.state == r.state && a.value == r.value);
        let how = if checked_by.is_some() && (r.review || !kept) { "checked" } else { "read" };
        let by = if how == "checked" { checked_by } else { None };
        st.execute(params![response_id, r.code, r.state, r.value, f64::from(r.confidence), how, by])?;
    }
    Ok(())
}

const REVIEW: &str = "SELECT p.id, f.name, p.page, p.serial, p.form_page, p.status, p.answers, p.problem
     FROM scan_page p JOIN scan_file f ON f.id = p.file_id";

fn review_row(r: &rusqlite::Row) -> rusqlite::Result<ReviewPage> {
    let answers: String = r.get(6)?;
    Ok(ReviewPage {
        id: r.get(0)?,
        file: r.get(1)?,
        page: r.get(2)?,
        serial: r.get(3)?,
        form_page: r.get(4)?,
        status: status_of(&r.get::<_, String>(5)?),
        answers: serde_json::from_str(&answers).unwrap_or_default(),
        problem: r.get(7)?,
    })
}

/// The round's pages waiting for a person: unreadable pages first, then by their least sure
/// answer.
pub fn waiting(conn: &Connection, round_id: &str) -> Result<Vec<ReviewPage>> {
    let sql = format!("{REVIEW} WHERE f.round_id = ?1 AND p.done_at IS NULL ORDER BY f.created_at, f.name, p.page");
    let mut st = conn.prepare(&sql)?;
    let mut pages: Vec<ReviewPage> = st.query_map([round_id], review_row)?.collect::<rusqlite::Result<_>>()?;
    let least = |p: &ReviewPage| p.answers.iter().filter(|a| a.review).map(|a| a.confidence).fold(1.0f32, f32::min);
    pages.sort_by(|a, b| {
        let rank = |p: &ReviewPage| if p.status == PageStatus::Unreadable { 0 } else { 1 };
        rank(a).cmp(&rank(b)).then(least(a).total_cmp(&least(b)))
    });
    Ok(pages)
}

/// One page as stored, with the round it belongs to.
pub fn page(conn: &Connection, id: &str) -> Result<Option<(String, ReviewPage)>> {
    let sql = format!("{REVIEW} WHERE p.id = ?1");
    let Some(row) = conn.query_row(&sql, [id], review_row).optional()? else { return Ok(None) };
    let round: String = conn.query_row("SELECT f.round_id FROM scan_page p JOIN scan_file f ON f.id = p.file_id WHERE p.id = ?1", [id], |r| r.get(0))?;
    Ok(Some((round, row)))
}

/// A page's image (PNG); `None` once erased with its form.
pub fn image(conn: &Connection, id: &str) -> Result<Option<Vec<u8>>> {
    Ok(conn.query_row("SELECT image FROM scan_page WHERE id = ?1", [id], |r| r.get(0)).optional()?.flatten())
}

/// Whether this very file (same content) was already read for the round.
pub fn file_seen(conn: &Connection, round_id: &str, sha256: &str) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT name FROM scan_file WHERE round_id = ?1 AND sha256 = ?2", [round_id, sha256], |r| r.get(0)).optional()?)
}

/// The images of the pages of these forms cleared: their disposal or a person's erasure.
pub(crate) fn erase_images(tx: &Tx, response_ids: &[String]) -> Result<usize> {
    let mut st = tx.prepare_cached("UPDATE scan_page SET image = NULL WHERE response_id = ?1 AND image IS NOT NULL")?;
    let mut n = 0;
    for id in response_ids {
        n += st.execute([id])?;
    }
    Ok(n)
}

/// The key of the scan-to-folder inbox's setting, one JSON text beside the numbers of the
/// settings.
const INBOX_KEY: &str = "scan_inbox";

/// The inbox's setting; nothing watched until one is saved.
pub fn inbox(conn: &Connection) -> Result<crate::domain::survey_scan::ScanInbox> {
    let text: Option<String> = conn.query_row("SELECT value FROM setting WHERE key = ?1", [INBOX_KEY], |r| r.get(0)).optional()?;
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default())
}

/// Stores the inbox's setting (already checked), one audit entry with before and after.
pub fn save_inbox(tx: &Tx, s: &crate::domain::survey_scan::ScanInbox) -> Result<()> {
    let before = inbox(tx)?;
    if &before == s {
        return Ok(());
    }
    tx.execute(
        "INSERT INTO setting (key, value, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (key) DO UPDATE SET value = ?2, updated_at = ?3",
        params![INBOX_KEY, serde_json::to_string(s).expect("setting serialises"), tx.now()],
    )?;
    tx.audit("settings", INBOX_KEY, Some(&before), Some(s))
}
