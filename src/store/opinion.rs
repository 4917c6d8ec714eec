//! Opinions written on survey forms and the groups staff sort them into.

use super::Tx;
use crate::domain::report::Opinion;
use crate::error::Result;
use rusqlite::{params, Connection, OptionalExtension};

/// The text answers of the live forms of one template (`?3`) filled from `?1` to `?2`, with
/// the group staff put each in (`g`): what [`texts`] and [`each_grouped`] read.
const TEXT_ANSWERS: &str = "FROM survey_answer a JOIN survey_response r ON r.id = a.response_id JOIN survey_round o ON o.id = r.round_id
         LEFT JOIN opinion_group g ON g.response_id = a.response_id AND g.code = a.code
         WHERE r.deleted_at IS NULL AND r.filled_on >= ?1 AND r.filled_on <= ?2 AND o.template_id = ?3
           AND a.state = 'text' AND a.text <> ''";

/// Every text answered on the forms of one template filled from `from` to `to`, with the
/// group it was put in; which of them are opinions is the template's to say.
pub fn texts(conn: &Connection, from: &str, to: &str, template_id: &str) -> Result<Vec<Opinion>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT a.response_id, a.code, o.code, r.serial, r.filled_on, a.text, g.group_name {TEXT_ANSWERS}"
    ))?;
    let rows = st.query_map([from, to, template_id], |r| {
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
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every text answered on the forms of one template filled from `from` to `to`, as
/// [`texts`] finds them, without the text: `each` is given the group staff put it in, and
/// where it stands in the list of opinions (filled on, round code, serial, code). The figures
/// count groups; reading a year's texts was most of their time.
pub fn each_grouped(
    conn: &Connection,
    from: &str,
    to: &str,
    template_id: &str,
    mut each: impl FnMut(Option<&str>, (&str, &str, i32, &str)),
) -> Result<()> {
    let mut st = conn.prepare_cached(&format!("SELECT g.group_name, r.filled_on, o.code, r.serial, a.code {TEXT_ANSWERS}"))?;
    let mut rows = st.query([from, to, template_id])?;
    fn text<'r>(r: &'r rusqlite::Row, i: usize) -> rusqlite::Result<&'r str> {
        Ok(r.get_ref(i)?.as_str()?)
    }
    while let Some(r) = rows.next()? {
        let group = r.get_ref(0)?.as_str_or_null().map_err(rusqlite::Error::from)?;
        each(group, (text(r, 1)?, text(r, 2)?, r.get(3)?, text(r, 4)?));
    }
    Ok(())
}

/// Whether a live form has a text answer `code`.
pub fn text_answered(conn: &Connection, response_id: &str, code: &str) -> Result<bool> {
    let text: Option<String> = conn
        .query_row(
            "SELECT a.text FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
             WHERE a.response_id = ?1 AND a.code = ?2 AND a.state = 'text' AND r.deleted_at IS NULL",
            params![response_id, code],
            |r| r.get(0),
        )
        .optional()?;
    Ok(text.is_some())
}

/// Every group name in use, as written.
pub fn group_names(conn: &Connection) -> Result<Vec<String>> {
    let mut st = conn.prepare_cached("SELECT DISTINCT group_name FROM opinion_group")?;
    let rows = st.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Puts an opinion in the group `name`, or takes it out of its group with `None`.
pub fn set_group(tx: &Tx, response_id: &str, code: &str, name: Option<&str>) -> Result<()> {
    let before: Option<String> = tx
        .query_row("SELECT group_name FROM opinion_group WHERE response_id = ?1 AND code = ?2", params![response_id, code], |r| r.get(0))
        .optional()?;
    let key = format!("{response_id}/{code}");
    match name {
        None => {
            tx.execute("DELETE FROM opinion_group WHERE response_id = ?1 AND code = ?2", params![response_id, code])?;
            tx.audit("opinion_group", &key, Some(&before), None::<&()>)
        }
        Some(name) => {
            tx.execute(
                "INSERT INTO opinion_group (response_id, code, group_name, updated_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (response_id, code) DO UPDATE SET group_name = ?3, updated_at = ?4",
                params![response_id, code, name, tx.now()],
            )?;
            tx.audit("opinion_group", &key, Some(&before), Some(&name))
        }
    }
}
