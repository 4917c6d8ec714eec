//! Corrective / preventive / improvement actions and their links to cases.

use super::Tx;
use crate::domain::action::{ActionInput, ActionSource, ActionStatus, CorrectiveAction, SourceKind};
use crate::domain::feedback::ReceiptNo;
use crate::domain::text::clean_text;
use crate::error::{Error, Result};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

const SELECT: &str = "SELECT a.id, a.kind, a.cause, a.action, a.owner_id, s.full_name, a.due_date, a.status,
        a.effectiveness_note, a.effective, a.checked_on, a.unit_id, u.name
    FROM corrective_action a LEFT JOIN staff s ON s.id = a.owner_id LEFT JOIN unit u ON u.id = a.unit_id";

fn from_row(r: &Row) -> rusqlite::Result<CorrectiveAction> {
    Ok(CorrectiveAction {
        id: r.get(0)?,
        kind: r.get(1)?,
        cause: r.get(2)?,
        action: r.get(3)?,
        owner_id: r.get(4)?,
        owner_name: r.get(5)?,
        due_date: r.get(6)?,
        status: r.get(7)?,
        effectiveness_note: r.get(8)?,
        effective: r.get(9)?,
        checked_on: r.get(10)?,
        cases: Vec::new(),
        unit_id: r.get(11)?,
        unit_name: r.get(12)?,
        sources: Vec::new(),
        state: None,
    })
}

fn with_cases(conn: &Connection, mut a: CorrectiveAction) -> Result<CorrectiveAction> {
    let mut st = conn.prepare_cached(
        "SELECT f.receipt_year, f.receipt_seq FROM corrective_action_case l JOIN feedback f ON f.id = l.feedback_id
         WHERE l.action_id = ?1 ORDER BY f.receipt_year, f.receipt_seq",
    )?;
    a.cases = st
        .query_map([&a.id], |r| Ok(ReceiptNo { year: r.get(0)?, seq: r.get(1)? }.to_string()))?
        .collect::<rusqlite::Result<_>>()?;
    let mut st = conn.prepare_cached(
        "SELECT kind, ref, label FROM corrective_action_source WHERE action_id = ?1 ORDER BY kind, ref",
    )?;
    a.sources = st
        .query_map([&a.id], |r| Ok(ActionSource { kind: r.get(0)?, reference: r.get(1)?, label: r.get(2)? }))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(a)
}

pub fn get(conn: &Connection, id: &str) -> Result<CorrectiveAction> {
    let a = conn
        .query_row(&format!("{SELECT} WHERE a.id = ?1 AND a.deleted_at IS NULL"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound { entity: "hành động khắc phục", id: id.to_owned() })?;
    with_cases(conn, a)
}

pub fn list(conn: &Connection) -> Result<Vec<CorrectiveAction>> {
    let mut st = conn.prepare_cached(&format!("{SELECT} WHERE a.deleted_at IS NULL ORDER BY a.due_date, a.created_at"))?;
    let rows = st.query_map([], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter().map(|a| with_cases(conn, a)).collect()
}

pub fn for_case(conn: &Connection, feedback_id: &str) -> Result<Vec<CorrectiveAction>> {
    let mut st = conn.prepare_cached(&format!(
        "{SELECT} JOIN corrective_action_case l ON l.action_id = a.id
         WHERE l.feedback_id = ?1 AND a.deleted_at IS NULL ORDER BY a.created_at"
    ))?;
    let rows = st.query_map([feedback_id], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter().map(|a| with_cases(conn, a)).collect()
}

/// The ids of the cases linked to the action `id`.
fn linked_cases(conn: &Connection, id: &str) -> Result<Vec<String>> {
    let mut st = conn.prepare_cached("SELECT feedback_id FROM corrective_action_case WHERE action_id = ?1")?;
    let ids = st.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// A case shows the actions linked to it: a change to an action, or to its links, is a
/// change to each case it is (or was) linked to, one version each.
fn touch_cases(tx: &Tx, mut ids: Vec<String>) -> Result<()> {
    ids.sort();
    ids.dedup();
    ids.iter().try_for_each(|id| super::case_version::touch(tx, id))
}

/// Creates or updates an action (already validated) and its links to cases.
pub fn save(tx: &Tx, a: &ActionInput) -> Result<CorrectiveAction> {
    if let Some(owner) = &a.owner_id {
        super::staff::get(tx, owner).map_err(|_| Error::validation("owner_id", "Người thực hiện không có trong danh sách cán bộ."))?;
    }
    for case_id in &a.case_ids {
        let live: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM feedback WHERE id = ?1 AND deleted_at IS NULL)",
            [case_id],
            |r| r.get(0),
        )?;
        if !live {
            return Err(Error::validation("case_ids", "Hồ sơ được gắn không còn tồn tại."));
        }
    }
    if let Some(unit) = &a.unit_id {
        super::unit::get(tx, unit).map_err(|_| Error::validation("unit_id", "Đơn vị thực hiện không có trong danh sách đơn vị."))?;
    }
    let groups = super::opinion::group_names(tx)?;
    for src in a.sources.iter().filter(|s| s.kind == SourceKind::OpinionGroup) {
        if !groups.contains(&src.reference) {
            return Err(Error::validation("sources", format!("Không có nhóm ý kiến «{}» trên các phiếu khảo sát.", src.reference)));
        }
    }
    let (id, before) = match &a.id {
        Some(id) => (id.clone(), Some(get(tx, id)?)),
        None => (super::new_id(), None),
    };
    let mut touched = if before.is_some() { linked_cases(tx, &id)? } else { Vec::new() };
    if before.is_none() {
        tx.execute(
            "INSERT INTO corrective_action (id, kind, cause, action, owner_id, due_date, status, created_at, updated_at, unit_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'open', ?7, ?7, ?8)",
            params![id, a.kind, a.cause, a.action, a.owner_id, a.due_date, tx.now(), a.unit_id],
        )?;
    } else {
        tx.execute(
            "UPDATE corrective_action SET kind = ?2, cause = ?3, action = ?4, owner_id = ?5, due_date = ?6, updated_at = ?7, unit_id = ?8 WHERE id = ?1",
            params![id, a.kind, a.cause, a.action, a.owner_id, a.due_date, tx.now(), a.unit_id],
        )?;
        tx.execute("DELETE FROM corrective_action_case WHERE action_id = ?1", [&id])?;
        tx.execute("DELETE FROM corrective_action_source WHERE action_id = ?1", [&id])?;
    }
    for src in &a.sources {
        tx.execute(
            "INSERT INTO corrective_action_source (action_id, kind, ref, label) VALUES (?1, ?2, ?3, ?4)",
            params![id, src.kind, src.reference, src.label],
        )?;
    }
    for case_id in &a.case_ids {
        tx.execute("INSERT OR IGNORE INTO corrective_action_case (action_id, feedback_id) VALUES (?1, ?2)", [&id, case_id])?;
    }
    touched.extend(a.case_ids.iter().cloned());
    touch_cases(tx, touched)?;
    let after = get(tx, &id)?;
    tx.audit("corrective_action", &id, before.as_ref(), Some(&after))?;
    Ok(after)
}

/// Moves an action forward: open → in_progress → done. Verification goes through
/// [`check_effectiveness`].
pub fn set_status(tx: &Tx, id: &str, status: ActionStatus) -> Result<CorrectiveAction> {
    let before = get(tx, id)?;
    let legal = matches!(
        (before.status, status),
        (ActionStatus::Open, ActionStatus::InProgress) | (ActionStatus::InProgress, ActionStatus::Done) | (ActionStatus::Open, ActionStatus::Done)
    );
    if !legal {
        return Err(Error::Conflict(format!(
            "Không chuyển được hành động từ «{}» sang «{}».",
            before.status.label(),
            status.label()
        )));
    }
    tx.execute("UPDATE corrective_action SET status = ?2, updated_at = ?3 WHERE id = ?1", params![id, status, tx.now()])?;
    touch_cases(tx, linked_cases(tx, id)?)?;
    let after = get(tx, id)?;
    tx.audit("corrective_action", id, Some(&before), Some(&after))?;
    Ok(after)
}

/// The effectiveness check of a done action: effective → verified; not effective → back to
/// in_progress, the note saying why.
pub fn check_effectiveness(tx: &Tx, id: &str, effective: bool, note: &str, on: NaiveDate) -> Result<CorrectiveAction> {
    let before = get(tx, id)?;
    if before.status != ActionStatus::Done {
        return Err(Error::Conflict("Chỉ đánh giá hiệu lực hành động đã thực hiện xong.".into()));
    }
    let note = clean_text(note);
    if note.is_empty() {
        return Err(Error::validation("effectiveness_note", "Hãy ghi kết quả đánh giá hiệu lực."));
    }
    let status = if effective { ActionStatus::Verified } else { ActionStatus::InProgress };
    tx.execute(
        "UPDATE corrective_action SET status = ?2, effective = ?3, effectiveness_note = ?4, checked_on = ?5, updated_at = ?6 WHERE id = ?1",
        params![id, status, effective, note, on.to_string(), tx.now()],
    )?;
    touch_cases(tx, linked_cases(tx, id)?)?;
    let after = get(tx, id)?;
    tx.audit("corrective_action", id, Some(&before), Some(&after))?;
    Ok(after)
}
