//! The survey forms behind a number of the survey figures: which forms of a period, of one
//! template version, ticked a given box of a criterion, left it blank or ticked several. The
//! store reads them by the conditions of the counts ([`crate::store::report::answer_counts`]),
//! so the list's length is the number that was clicked.

use super::period::Period;
pub use crate::domain::report::{AnswerPick, FormBehind, FormsBehind, FormsQuery, FORMS_LISTED};
use crate::error::{Error, Result};
use crate::store::report::{self as db, AnswerFilter, FormsFilter};
use rusqlite::Connection;

pub fn forms(conn: &Connection, p: &Period, q: &FormsQuery) -> Result<FormsBehind> {
    let (state, value): (Option<&str>, Option<i64>) = match q.pick {
        AnswerPick::Any => (None, None),
        AnswerPick::Level(n) => (Some("chosen"), Some(i64::from(n))),
        AnswerPick::Blank => (Some("blank"), None),
        AnswerPick::Spoiled => (Some("spoiled"), None),
    };
    let answer = match (state, q.slot.as_deref()) {
        (None, _) => None,
        (Some(state), Some(code)) if !code.is_empty() => Some(AnswerFilter { code, state, value }),
        (Some(_), _) => return Err(Error::validation("slot", "Hãy chọn câu hỏi hoặc tiêu chí cần xem phiếu.")),
    };
    let filter = FormsFilter { template_code: q.template_code.as_deref(), template_version: q.template_version, answer };
    db::forms_behind(conn, &p.from, &p.to, &filter)
}
