//! Opinions written on survey forms ("Ý kiến khác", free-text questions), which staff sort
//! into groups of their own naming ("Thời gian chờ", "Cơ sở vật chất"…) so that the reports
//! can count them (R4.2, seed 004 §5.3). Who answered (the respondent lines) and what the
//! transaction was (choice details) are not opinions and are left out.

use super::figures::Count;
use super::period::Period;
use crate::domain::survey::SurveyItem;
use crate::domain::text::{clean_text, fold};
use crate::error::{Error, Result};
use crate::store::Tx;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use ts_rs::TS;

/// One opinion as staff sort it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Opinion {
    pub response_id: String,
    pub code: String,
    pub round_code: String,
    pub serial: i32,
    pub filled_on: String,
    pub text: String,
    /// The group staff put it in; absent until sorted.
    pub group: Option<String>,
}

/// Whether a text answer of this template is an opinion: an "Ý kiến khác" line of a rating
/// grid, or a free-text question.
fn opinion_codes(t: &crate::domain::survey::SurveyTemplate) -> Vec<String> {
    t.sections
        .iter()
        .flat_map(|s| &s.items)
        .filter_map(|i| match i {
            SurveyItem::RatingGrid { id, other_opinion: true, .. } => Some(format!("{id}.other")),
            SurveyItem::FreeText { id, .. } => Some(id.clone()),
            _ => None,
        })
        .collect()
}

/// The opinions written on forms filled in the period, oldest first.
pub fn list(conn: &Connection, p: &Period) -> Result<Vec<Opinion>> {
    let mut st = conn.prepare_cached(
        "SELECT DISTINCT o.template_id FROM survey_response r JOIN survey_round o ON o.id = r.round_id
         WHERE r.deleted_at IS NULL AND r.filled_on >= ?1 AND r.filled_on <= ?2",
    )?;
    let templates: Vec<String> = st.query_map([&p.from, &p.to], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for template_id in templates {
        let codes = opinion_codes(&crate::store::survey::template(conn, &template_id)?);
        let mut st = conn.prepare_cached(
            "SELECT a.response_id, a.code, o.code, r.serial, r.filled_on, a.text, g.group_name
             FROM survey_answer a JOIN survey_response r ON r.id = a.response_id JOIN survey_round o ON o.id = r.round_id
             LEFT JOIN opinion_group g ON g.response_id = a.response_id AND g.code = a.code
             WHERE r.deleted_at IS NULL AND r.filled_on >= ?1 AND r.filled_on <= ?2 AND o.template_id = ?3
               AND a.state = 'text' AND a.text <> ''",
        )?;
        let rows = st.query_map([&p.from, &p.to, &template_id], |r| {
            Ok(Opinion {
                response_id: r.get(0)?,
                code: r.get(1)?,
                round_code: r.get(2)?,
                serial: r.get(3)?,
                filled_on: r.get(4)?,
                text: r.get(5)?,
                group: r.get(6)?,
            })
        })?;
        for o in rows {
            let o = o?;
            if codes.contains(&o.code) {
                out.push(o);
            }
        }
    }
    out.sort_by(|a, b| (&a.filled_on, &a.round_code, a.serial, &a.code).cmp(&(&b.filled_on, &b.round_code, b.serial, &b.code)));
    Ok(out)
}

/// The groups of the period's opinions, largest first, then the unsorted ones (key "").
/// Group names that differ only in accents, case or spacing are one group.
pub fn groups(opinions: &[Opinion]) -> Vec<Count> {
    let mut by_key: BTreeMap<String, (String, u32)> = BTreeMap::new();
    let mut unsorted = 0;
    for o in opinions {
        match &o.group {
            Some(g) => by_key.entry(fold(g)).or_insert_with(|| (g.clone(), 0)).1 += 1,
            None => unsorted += 1,
        }
    }
    let mut list: Vec<Count> = by_key.into_iter().map(|(key, (label, count))| Count { key, label, count }).collect();
    list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    if unsorted > 0 {
        list.push(Count { key: String::new(), label: "Chưa phân nhóm".into(), count: unsorted });
    }
    list
}

/// Puts an opinion in a group, or takes it out with an empty name. A name already used for
/// another opinion is reused as written there, so "thời gian chờ" joins "Thời gian chờ".
pub fn classify(tx: &Tx, response_id: &str, code: &str, group: &str) -> Result<()> {
    let exists: Option<String> = tx
        .query_row(
            "SELECT a.text FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
             WHERE a.response_id = ?1 AND a.code = ?2 AND a.state = 'text' AND r.deleted_at IS NULL",
            params![response_id, code],
            |r| r.get(0),
        )
        .optional()?;
    if exists.is_none() {
        return Err(Error::NotFound { entity: "ý kiến", id: format!("{response_id}/{code}") });
    }
    let group = clean_text(group);
    if group.chars().count() > 100 {
        return Err(Error::validation("group", "Tên nhóm ý kiến dài quá 100 ký tự."));
    }
    let before: Option<String> = tx
        .query_row("SELECT group_name FROM opinion_group WHERE response_id = ?1 AND code = ?2", params![response_id, code], |r| r.get(0))
        .optional()?;
    let key = format!("{response_id}/{code}");
    if group.is_empty() {
        tx.execute("DELETE FROM opinion_group WHERE response_id = ?1 AND code = ?2", params![response_id, code])?;
        return tx.audit("opinion_group", &key, Some(&before), None::<&()>);
    }
    let known: HashMap<String, String> = {
        let mut st = tx.prepare_cached("SELECT DISTINCT group_name FROM opinion_group")?;
        let names: Vec<String> = st.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        names.into_iter().map(|n| (fold(&n), n)).collect()
    };
    let name = known.get(&fold(&group)).cloned().unwrap_or(group);
    tx.execute(
        "INSERT INTO opinion_group (response_id, code, group_name, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (response_id, code) DO UPDATE SET group_name = ?3, updated_at = ?4",
        params![response_id, code, name, tx.now()],
    )?;
    tx.audit("opinion_group", &key, Some(&before), Some(&name))
}
