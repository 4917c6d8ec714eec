//! Survey templates (versioned), rounds, printings and returned forms (R3).

use super::Tx;
use crate::domain::document_control::FormControlData;
use crate::domain::survey::SurveyTemplate;
use crate::domain::survey_entry::{Answer, AnswerState};
use crate::domain::survey_round::{serial_text, SurveyLayout, SurveyResponse, SurveyRound, TemplateInfo};
use crate::error::{Error, Result};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

// ---- Templates ----

const TEMPLATE_INFO: &str = "SELECT t.id, t.key, t.version, t.code, t.title, t.builtin,
        (SELECT count(*) FROM survey_round r WHERE r.template_id = t.id AND r.deleted_at IS NULL),
        (SELECT count(*) FROM survey_response s JOIN survey_round r ON r.id = s.round_id
          WHERE r.template_id = t.id AND s.deleted_at IS NULL),
        t.version = (SELECT max(version) FROM survey_template u WHERE u.key = t.key AND u.deleted_at IS NULL)
     FROM survey_template t";

fn template_info(r: &Row) -> rusqlite::Result<TemplateInfo> {
    Ok(TemplateInfo {
        id: r.get(0)?,
        key: r.get(1)?,
        version: r.get(2)?,
        code: r.get(3)?,
        title: r.get(4)?,
        builtin: r.get(5)?,
        rounds: r.get(6)?,
        responses: r.get(7)?,
        latest: r.get(8)?,
    })
}

/// Every stored version, by key then version.
pub fn templates(conn: &Connection) -> Result<Vec<TemplateInfo>> {
    let mut st = conn.prepare(&format!("{TEMPLATE_INFO} WHERE t.deleted_at IS NULL ORDER BY t.key, t.version"))?;
    let rows = st.query_map([], template_info)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn template_info_by_id(conn: &Connection, id: &str) -> Result<TemplateInfo> {
    conn.query_row(&format!("{TEMPLATE_INFO} WHERE t.id = ?1"), [id], template_info)
        .optional()?
        .ok_or_else(|| Error::NotFound { entity: "mẫu phiếu khảo sát", id: id.to_owned() })
}

fn parse_body(body: &str) -> rusqlite::Result<SurveyTemplate> {
    serde_json::from_str(body).map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
}

/// The template of a stored version.
pub fn template(conn: &Connection, id: &str) -> Result<SurveyTemplate> {
    let body: String = conn
        .query_row("SELECT body FROM survey_template WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound { entity: "mẫu phiếu khảo sát", id: id.to_owned() })?;
    Ok(parse_body(&body)?)
}

/// The id of `key`'s newest version, or of `version` when given.
pub fn template_id(conn: &Connection, key: &str, version: Option<i32>) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT id FROM survey_template WHERE key = ?1 AND deleted_at IS NULL AND (?2 IS NULL OR version = ?2)
             ORDER BY version DESC LIMIT 1",
            params![key, version],
            |r| r.get(0),
        )
        .optional()?)
}

/// A version is frozen once forms were printed from it or entered against it: the paper in
/// people's hands and the answers stored must keep meaning what they meant.
fn frozen(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM survey_round WHERE template_id = ?1 AND printed > 0)
             OR EXISTS (SELECT 1 FROM survey_response s JOIN survey_round r ON r.id = s.round_id WHERE r.template_id = ?1)",
        [id],
        |r| r.get(0),
    )?)
}

fn insert_template(tx: &Tx, t: &SurveyTemplate, builtin: bool) -> Result<String> {
    let id = super::new_id();
    tx.execute(
        "INSERT INTO survey_template (id, key, version, code, title, body, builtin, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![id, t.key(), t.version, t.code, t.title, serde_json::to_string(t).expect("serialisable"), builtin, tx.now()],
    )?;
    tx.audit::<(), _>("survey_template", &id, None, Some(t))?;
    Ok(id)
}

/// Saves a template under its key: the first version, an edit in place of a version nothing
/// was printed from or entered against yet, or else a new version. The template's own
/// `version` is set here.
pub fn save_template(tx: &Tx, t: &SurveyTemplate, builtin: bool) -> Result<String> {
    let key = t.key();
    let Some(latest_id) = template_id(tx, &key, None)? else {
        let first = SurveyTemplate { version: t.version.max(1), ..t.clone() };
        return insert_template(tx, &first, builtin);
    };
    let latest = template(tx, &latest_id)?;
    let same = SurveyTemplate { version: latest.version, ..t.clone() };
    if same == latest {
        return Ok(latest_id);
    }
    if frozen(tx, &latest_id)? {
        let next = SurveyTemplate { version: latest.version + 1, ..t.clone() };
        return insert_template(tx, &next, builtin);
    }
    tx.execute(
        "UPDATE survey_template SET code = ?2, title = ?3, body = ?4, updated_at = ?5 WHERE id = ?1",
        params![latest_id, same.code, same.title, serde_json::to_string(&same).expect("serialisable"), tx.now()],
    )?;
    // The layout recorded for the old text no longer holds.
    tx.execute("DELETE FROM survey_layout WHERE template_id = ?1", [&latest_id])?;
    tx.audit("survey_template", &latest_id, Some(&latest), Some(&same))?;
    Ok(latest_id)
}

/// The layout of a round printed before layouts were kept with rounds (`survey_layout`, by
/// template and office name; nothing writes it any more).
pub fn layout(conn: &Connection, template_id: &str, office_name: &str) -> Result<Option<SurveyLayout>> {
    let body: Option<String> = conn
        .query_row("SELECT body FROM survey_layout WHERE template_id = ?1 AND office_name = ?2", [template_id, office_name], |r| r.get(0))
        .optional()?;
    Ok(body.and_then(|b| serde_json::from_str(&b).ok()))
}

/// What the round's first print fixed: the document control printed in the forms' corner
/// (`None`: the template's own) and where the answer boxes lie (`None` before the first print,
/// and for rounds printed before these were kept with the round).
pub fn round_print(conn: &Connection, round_id: &str) -> Result<(Option<FormControlData>, Option<SurveyLayout>)> {
    let (control, layout): (Option<String>, Option<String>) =
        conn.query_row("SELECT control, layout FROM survey_round WHERE id = ?1", [round_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok((control.and_then(|c| serde_json::from_str(&c).ok()), layout.and_then(|l| serde_json::from_str(&l).ok())))
}

/// Fixes the round's printed look at its first print (see [`round_print`]).
pub fn fix_round_print(tx: &Tx, round_id: &str, control: Option<&FormControlData>, layout: &SurveyLayout) -> Result<()> {
    let text = control.map(|c| serde_json::to_string(c).expect("serialisable"));
    let layout = serde_json::to_string(layout).expect("serialisable");
    tx.execute("UPDATE survey_round SET control = ?2, layout = ?3 WHERE id = ?1", params![round_id, text, layout])?;
    // The audit keeps what the forms print in their corner from now on.
    let before = serde_json::json!({ "control": null });
    let after = serde_json::json!({ "control": control });
    tx.audit("survey_round", round_id, Some(&before), Some(&after))
}

// ---- Rounds ----

const ROUND: &str = "SELECT r.id, r.code, r.name, r.period_from, r.period_to, r.template_id, t.key, t.version, t.code, r.printed,
        (SELECT count(*) FROM survey_response s WHERE s.round_id = r.id AND s.deleted_at IS NULL), r.typed_elsewhere
     FROM survey_round r JOIN survey_template t ON t.id = r.template_id";

/// The same without counting the forms entered (`entered` is 0): what every save needs,
/// at a cost that does not grow with the round.
const ROUND_UNCOUNTED: &str = "SELECT r.id, r.code, r.name, r.period_from, r.period_to, r.template_id, t.key, t.version, t.code, r.printed, 0,
        r.typed_elsewhere
     FROM survey_round r JOIN survey_template t ON t.id = r.template_id";

fn round_row(r: &Row) -> rusqlite::Result<SurveyRound> {
    let printed: i32 = r.get(9)?;
    Ok(SurveyRound {
        id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        period_from: r.get(3)?,
        period_to: r.get(4)?,
        template_id: r.get(5)?,
        template_key: r.get(6)?,
        template_version: r.get(7)?,
        template_code: r.get(8)?,
        printed,
        serial_range: if printed > 0 { format!("{}–{}", serial_text(1), serial_text(printed)) } else { String::new() },
        entered: r.get(10)?,
        typed_elsewhere: r.get(11)?,
    })
}

pub fn rounds(conn: &Connection) -> Result<Vec<SurveyRound>> {
    let mut st = conn.prepare(&format!("{ROUND} WHERE r.deleted_at IS NULL ORDER BY r.period_from DESC, r.code DESC"))?;
    let rows = st.query_map([], round_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A round by its id or its code ("2026-01").
pub fn round(conn: &Connection, id_or_code: &str) -> Result<SurveyRound> {
    find_round(conn, ROUND, id_or_code)
}

/// A round without its count of entered forms (`entered` is 0), for the checks of a save.
pub fn round_uncounted(conn: &Connection, id_or_code: &str) -> Result<SurveyRound> {
    find_round(conn, ROUND_UNCOUNTED, id_or_code)
}

fn find_round(conn: &Connection, select: &str, id_or_code: &str) -> Result<SurveyRound> {
    let mut st = conn.prepare_cached(&format!("{select} WHERE (r.id = ?1 OR r.code = ?1) AND r.deleted_at IS NULL"))?;
    st.query_row([id_or_code.trim()], round_row)
        .optional()?
        .ok_or_else(|| Error::NotFound { entity: "đợt khảo sát", id: id_or_code.to_owned() })
}

pub fn create_round(tx: &Tx, name: &str, from: NaiveDate, to: NaiveDate, template_id: &str) -> Result<SurveyRound> {
    let year = from.format("%Y").to_string();
    let n: i64 = tx.query_row("SELECT count(*) FROM survey_round WHERE code LIKE ?1 || '-%'", [&year], |r| r.get(0))?;
    let code = format!("{year}-{:02}", n + 1);
    let id = super::new_id();
    tx.execute(
        "INSERT INTO survey_round (id, code, name, period_from, period_to, template_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![id, code, name, from.to_string(), to.to_string(), template_id, tx.now()],
    )?;
    let after = round(tx, &id)?;
    tx.audit::<(), _>("survey_round", &id, None, Some(&after))?;
    Ok(after)
}

/// Marks the round as typed elsewhere (its forms keep the office's own numbers), or not.
pub fn set_typed_elsewhere(tx: &Tx, round_id: &str, on: bool) -> Result<SurveyRound> {
    let before = round(tx, round_id)?;
    tx.execute("UPDATE survey_round SET typed_elsewhere = ?2, updated_at = ?3 WHERE id = ?1", params![round_id, on, tx.now()])?;
    let after = round(tx, round_id)?;
    tx.audit("survey_round", round_id, Some(&before), Some(&after))?;
    Ok(after)
}

/// Reserves the next `count` serials of the round for a printing; returns the first.
pub fn record_printing(tx: &Tx, round_id: &str, count: i32) -> Result<i32> {
    let before = round(tx, round_id)?;
    let first = before.printed + 1;
    let last = before.printed + count;
    tx.execute("UPDATE survey_round SET printed = ?2, updated_at = ?3 WHERE id = ?1", params![round_id, last, tx.now()])?;
    tx.execute(
        "INSERT INTO survey_printing (id, round_id, first_serial, last_serial, printed_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![super::new_id(), round_id, first, last, tx.now()],
    )?;
    tx.audit("survey_round", round_id, Some(&before), Some(&round(tx, round_id)?))?;
    Ok(first)
}

// ---- Returned forms ----

/// The date the form with this serial was entered as filled in, when it is stored.
pub fn entered_serial(conn: &Connection, round_id: &str, serial: i32) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT filled_on FROM survey_response WHERE round_id = ?1 AND serial = ?2 AND deleted_at IS NULL",
            params![round_id, serial],
            |r| r.get(0),
        )
        .optional()?)
}

/// The date the form numbered `written` (as the office wrote it) was entered as filled in,
/// when it is stored.
pub fn entered_written(conn: &Connection, round_id: &str, written: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT filled_on FROM survey_response WHERE round_id = ?1 AND serial_written = ?2 AND deleted_at IS NULL",
            params![round_id, written],
            |r| r.get(0),
        )
        .optional()?)
}

/// Stores a form of a round typed elsewhere: it keeps its number as written, and its
/// `serial` is the next in the round (withdrawn forms included, so none is reused).
pub fn insert_written_response(tx: &Tx, round_id: &str, written: &str, filled_on: NaiveDate, answers: &[Answer]) -> Result<String> {
    let serial: i32 = tx.query_row("SELECT COALESCE(MAX(serial), 0) + 1 FROM survey_response WHERE round_id = ?1", [round_id], |r| r.get(0))?;
    insert(tx, round_id, serial, Some(written), filled_on, "import", None, answers)
}

pub fn insert_response(
    tx: &Tx,
    round_id: &str,
    serial: i32,
    filled_on: NaiveDate,
    source: &str,
    keystrokes: Option<i32>,
    answers: &[Answer],
) -> Result<String> {
    insert(tx, round_id, serial, None, filled_on, source, keystrokes, answers)
}

#[allow(clippy::too_many_arguments)]
fn insert(
    tx: &Tx,
    round_id: &str,
    serial: i32,
    serial_written: Option<&str>,
    filled_on: NaiveDate,
    source: &str,
    keystrokes: Option<i32>,
    answers: &[Answer],
) -> Result<String> {
    let id = super::new_id();
    tx.execute(
        "INSERT INTO survey_response (id, round_id, serial, serial_written, filled_on, source, keystrokes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![id, round_id, serial, serial_written, filled_on.to_string(), source, keystrokes, tx.now()],
    )?;
    let mut st = tx.prepare_cached("INSERT INTO survey_answer (response_id, code, state, value, text) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for a in answers {
        st.execute(params![id, a.code, a.state, a.value, a.text])?;
    }
    #[derive(serde::Serialize)]
    struct Entered<'a> {
        round_id: &'a str,
        serial: i32,
        #[serde(skip_serializing_if = "Option::is_none")]
        serial_written: Option<&'a str>,
        filled_on: String,
        answers: &'a [Answer],
    }
    let entered = Entered { round_id, serial, serial_written, filled_on: filled_on.to_string(), answers };
    tx.audit::<(), _>("survey_response", &id, None, Some(&entered))?;
    Ok(id)
}

const RESPONSE: &str = "SELECT id, round_id, serial, filled_on, source, created_at, keystrokes, serial_written FROM survey_response";

fn answers_of(conn: &Connection, id: &str) -> Result<Vec<Answer>> {
    let mut st = conn.prepare_cached("SELECT code, state, value, text FROM survey_answer WHERE response_id = ?1")?;
    let rows = st.query_map([id], |r| {
        Ok(Answer { code: r.get(0)?, state: r.get::<_, AnswerState>(1)?, value: r.get(2)?, text: r.get(3)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn response_row(r: &Row) -> rusqlite::Result<SurveyResponse> {
    Ok(SurveyResponse {
        id: r.get(0)?,
        round_id: r.get(1)?,
        serial: r.get(2)?,
        filled_on: r.get(3)?,
        source: r.get(4)?,
        entered_at: r.get(5)?,
        keystrokes: r.get(6)?,
        serial_written: r.get(7)?,
        answers: Vec::new(),
    })
}

pub fn response(conn: &Connection, id: &str) -> Result<SurveyResponse> {
    let mut r = conn
        .query_row(&format!("{RESPONSE} WHERE id = ?1"), [id], response_row)
        .optional()?
        .ok_or_else(|| Error::NotFound { entity: "phiếu khảo sát đã nhập", id: id.to_owned() })?;
    r.answers = answers_of(conn, id)?;
    Ok(r)
}

/// The live forms of a round by serial, with their answers in the template's slot order
/// when `order` is given.
pub fn responses(conn: &Connection, round_id: &str, order: &[String]) -> Result<Vec<SurveyResponse>> {
    let mut st = conn.prepare(&format!("{RESPONSE} WHERE round_id = ?1 AND deleted_at IS NULL ORDER BY serial"))?;
    let mut list: Vec<SurveyResponse> = st.query_map([round_id], response_row)?.collect::<rusqlite::Result<_>>()?;
    for r in &mut list {
        let mut a = answers_of(conn, &r.id)?;
        a.sort_by_key(|x| order.iter().position(|c| *c == x.code).unwrap_or(usize::MAX));
        r.answers = a;
    }
    Ok(list)
}

/// The form most recently entered in the round (the clerk's "undo" withdraws it), and
/// whether it has been disposed of; `None` when the round has none.
pub fn last_entered(conn: &Connection, round_id: &str) -> Result<Option<(String, bool)>> {
    Ok(conn
        .query_row(
            "SELECT id, disposed_at IS NOT NULL FROM survey_response WHERE round_id = ?1 AND deleted_at IS NULL
             ORDER BY created_at DESC, id DESC LIMIT 1",
            [round_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// Withdraws an entered form; its serial may be entered again. Returns it as it was.
pub fn withdraw(tx: &Tx, id: &str) -> Result<SurveyResponse> {
    let before = response(tx, id)?;
    tx.execute("UPDATE survey_response SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1", params![id, tx.now()])?;
    tx.audit::<_, ()>("survey_response", id, Some(&before), None)?;
    Ok(before)
}
