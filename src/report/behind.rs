//! The survey forms behind a number of the survey figures: which forms of a period, of one
//! template version, ticked a given box of a criterion, left it blank or ticked several. The
//! store reads them by the conditions of the counts ([`crate::store::report::answer_counts`]),
//! so the list's length is the number that was clicked. The kiosks' ratings are listed beside
//! the forms, marked by their source, when the office's index counts them; the paper forms
//! only when it counts those (`Settings::survey_index_source`).

use super::period::Period;
pub use crate::domain::report::{AnswerPick, FormBehind, FormsBehind, FormsQuery, FORMS_LISTED};
use crate::error::{Error, Result};
use crate::store::kiosk::RatingsFilter;
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
    let chosen = crate::store::settings::get(conn)?.survey_index_source;
    let mut behind = if chosen.counts("paper") {
        let filter = FormsFilter { template_code: q.template_code.as_deref(), template_version: q.template_version, answer };
        db::forms_behind(conn, &p.from, &p.to, &filter)?
    } else {
        FormsBehind { total: 0, forms: Vec::new(), ratings: Vec::new() }
    };
    // A tap is always a level chosen: no rating is blank or spoiled.
    let kiosk_answer = match (q.pick, answer) {
        (AnswerPick::Any, _) => Some(None),
        (AnswerPick::Level(_), Some(a)) => Some(Some((a.code, a.value.unwrap_or_default()))),
        _ => None,
    };
    if let (true, Some(answer)) = (chosen.counts("kiosk"), kiosk_answer) {
        let filter = RatingsFilter { template_code: q.template_code.as_deref(), template_version: q.template_version, answer };
        let room = FORMS_LISTED.saturating_sub(behind.forms.len() as u32);
        let (total, ratings) = crate::store::kiosk::ratings_behind(conn, &p.from, &p.to, &filter, room)?;
        behind.total += total;
        behind.ratings = ratings;
    }
    Ok(behind)
}
