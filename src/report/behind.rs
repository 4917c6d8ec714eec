//! The survey forms behind a number of the survey figures: which forms of a period, of one
//! template version, ticked a given box of a criterion, left it blank or ticked several. The
//! conditions are those of [`super::surveys::figures`], so the list's length is the number
//! that was clicked.

use super::period::Period;
use crate::error::{Error, Result};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which answers of a criterion to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "answer", content = "level", rename_all = "snake_case")]
pub enum AnswerPick {
    /// Every form of the template version, whatever it answered.
    Any,
    /// The box of this level (1 = the first printed box) ticked.
    Level(u32),
    /// No box ticked.
    Blank,
    /// Several boxes ticked: a spoiled answer.
    Spoiled,
}

/// What the Báo cáo page asks for when a survey number is clicked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FormsQuery {
    /// "BM.QT.SCT.05-02" and its version, as in [`super::surveys::TemplateFigures`];
    /// absent for the forms of every template.
    pub template_code: Option<String>,
    pub template_version: Option<u32>,
    /// The answer code ("cau_1.2"); absent with [`AnswerPick::Any`].
    pub slot: Option<String>,
    pub pick: AnswerPick,
}

/// One form behind a number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FormBehind {
    pub response_id: String,
    pub round_id: String,
    /// The round's code and name: "KS-2026-Q2", "Khảo sát quý II năm 2026".
    pub round_code: String,
    pub round_name: String,
    pub serial: i32,
    /// The date written on the form (YYYY-MM-DD).
    pub filled_on: String,
}

/// At most this many forms are listed; `total` still counts them all.
pub const FORMS_LISTED: u32 = 500;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FormsBehind {
    pub total: u32,
    /// By date on the form, then round and serial; at most [`FORMS_LISTED`].
    pub forms: Vec<FormBehind>,
}

pub fn forms(conn: &Connection, p: &Period, q: &FormsQuery) -> Result<FormsBehind> {
    let (state, value): (Option<&str>, Option<i64>) = match q.pick {
        AnswerPick::Any => (None, None),
        AnswerPick::Level(n) => (Some("chosen"), Some(i64::from(n))),
        AnswerPick::Blank => (Some("blank"), None),
        AnswerPick::Spoiled => (Some("spoiled"), None),
    };
    let slot = match (state, q.slot.as_deref()) {
        (None, _) => None,
        (Some(_), Some(code)) if !code.is_empty() => Some(code),
        (Some(_), _) => return Err(Error::validation("slot", "Hãy chọn câu hỏi hoặc tiêu chí cần xem phiếu.")),
    };
    // A null parameter leaves its condition out: `?5` the answer, `?3` and `?4` the template.
    let from_where = "FROM survey_response r
         JOIN survey_round o ON o.id = r.round_id
         JOIN survey_template t ON t.id = o.template_id
         WHERE r.deleted_at IS NULL AND r.filled_on >= ?1 AND r.filled_on <= ?2
           AND (?3 IS NULL OR t.code = ?3) AND (?4 IS NULL OR t.version = ?4)
           AND (?5 IS NULL OR EXISTS (SELECT 1 FROM survey_answer a
                 WHERE a.response_id = r.id AND a.code = ?5 AND a.state = ?6 AND (?7 IS NULL OR a.value = ?7)))";
    let args = params![p.from, p.to, q.template_code, q.template_version, slot, state, value];
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
    Ok(FormsBehind { total, forms })
}
