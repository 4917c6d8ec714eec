//! Rating kiosks (migration 0012): the kiosks, the arms the clerks' windows give them, and
//! the ratings. Registering, pairing, disabling, arming and rating are records of the office
//! and enter the audit log; a tablet's "last seen" is a plain update, as a desk's session is.

use super::Tx;
use crate::domain::kiosk::{Kiosk, RatedAnswer, RatingBehind, RatingCount, RatingLine};
use crate::error::{Error, Result};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde_json::json;

/// What the server needs of the kiosk a device token belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KioskRow {
    pub id: String,
    pub name: String,
    pub unit_id: Option<String>,
    pub template_id: String,
    pub disabled: bool,
    /// When the tablet last asked (UTC), if it has.
    pub last_seen_at: Option<String>,
}

/// An arm as stored: whom and what a rating for it is linked to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArmRow {
    pub id: String,
    pub kiosk_id: String,
    pub staff_id: Option<String>,
    pub case_id: Option<String>,
    /// The rating that used it, if one did.
    pub rating_id: Option<String>,
}

const KIOSK: &str = "SELECT k.id, k.name, k.unit_id, u.name, t.key, t.code, k.token_hash IS NOT NULL, k.paired_at, k.last_seen_at,
        k.disabled_at IS NOT NULL, (SELECT count(*) FROM kiosk_rating r WHERE r.kiosk_id = k.id), k.created_at,
        (SELECT max(r.rated_on) FROM kiosk_rating r WHERE r.kiosk_id = k.id)
     FROM kiosk k JOIN survey_template t ON t.id = k.template_id LEFT JOIN unit u ON u.id = k.unit_id";

fn kiosk_from(r: &Row) -> rusqlite::Result<Kiosk> {
    Ok(Kiosk {
        id: r.get(0)?,
        name: r.get(1)?,
        unit_id: r.get(2)?,
        unit_name: r.get(3)?,
        template_key: r.get(4)?,
        template_code: r.get(5)?,
        paired: r.get(6)?,
        paired_at: r.get(7)?,
        last_seen_at: r.get(8)?,
        disabled: r.get(9)?,
        ratings: r.get(10)?,
        created_at: r.get(11)?,
        last_rated_on: r.get(12)?,
    })
}

/// Every kiosk, in the order they were registered.
pub fn list(conn: &Connection) -> Result<Vec<Kiosk>> {
    let mut st = conn.prepare(&format!("{KIOSK} ORDER BY k.created_at, k.id"))?;
    let rows = st.query_map([], kiosk_from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, id: &str) -> Result<Kiosk> {
    conn.query_row(&format!("{KIOSK} WHERE k.id = ?1"), [id], kiosk_from)
        .optional()?
        .ok_or_else(|| Error::NotFound { entity: "máy đánh giá", id: id.to_owned() })
}

/// Registers a kiosk with the hash of its pairing code; answers its id.
pub fn insert(tx: &Tx, name: &str, unit_id: Option<&str>, template_id: &str, pairing_hash: &str, pairing_until: &str) -> Result<String> {
    let id = super::new_id();
    tx.execute(
        "INSERT INTO kiosk (id, name, unit_id, template_id, pairing_hash, pairing_until, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![id, name, unit_id, template_id, pairing_hash, pairing_until, tx.now()],
    )?;
    tx.audit::<(), _>("kiosk", &id, None, Some(&json!({ "name": name, "unit_id": unit_id, "template_id": template_id })))?;
    Ok(id)
}

/// A new pairing code for a kiosk (its tablet replaced or reset): the old device token stops
/// working at once.
pub fn new_pairing(tx: &Tx, id: &str, pairing_hash: &str, pairing_until: &str) -> Result<()> {
    let before = get(tx, id)?;
    tx.execute(
        "UPDATE kiosk SET token_hash = NULL, paired_at = NULL, pairing_hash = ?2, pairing_until = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, pairing_hash, pairing_until, tx.now()],
    )?;
    tx.audit("kiosk", id, Some(&json!({ "paired": before.paired })), Some(&json!({ "paired": false, "pairing_code": "mới" })))?;
    Ok(())
}

/// Pairs the kiosk whose unused, unexpired code hashes to `pairing_hash` with the device
/// token hashing to `token_hash`; answers the kiosk's id, or `None` when no kiosk has that code.
pub fn pair(tx: &Tx, pairing_hash: &str, token_hash: &str) -> Result<Option<String>> {
    let found: Option<String> = tx
        .query_row(
            "SELECT id FROM kiosk WHERE pairing_hash = ?1 AND pairing_until > ?2 AND disabled_at IS NULL",
            params![pairing_hash, tx.now()],
            |r| r.get(0),
        )
        .optional()?;
    let Some(id) = found else { return Ok(None) };
    tx.execute(
        "UPDATE kiosk SET token_hash = ?2, paired_at = ?3, pairing_hash = NULL, pairing_until = NULL, updated_at = ?3 WHERE id = ?1",
        params![id, token_hash, tx.now()],
    )?;
    tx.audit("kiosk", &id, Some(&json!({ "paired": false })), Some(&json!({ "paired": true })))?;
    Ok(Some(id))
}

pub fn disable(tx: &Tx, id: &str) -> Result<()> {
    let before = get(tx, id)?;
    tx.execute(
        "UPDATE kiosk SET disabled_at = ?2, token_hash = NULL, pairing_hash = NULL, pairing_until = NULL, updated_at = ?2
         WHERE id = ?1",
        params![id, tx.now()],
    )?;
    tx.audit("kiosk", id, Some(&json!({ "disabled": before.disabled })), Some(&json!({ "disabled": true })))?;
    Ok(())
}

/// The kiosk whose device token hashes to `token_hash`.
pub fn by_token(conn: &Connection, token_hash: &str) -> Result<Option<KioskRow>> {
    Ok(conn
        .prepare_cached("SELECT id, name, unit_id, template_id, disabled_at IS NOT NULL, last_seen_at FROM kiosk WHERE token_hash = ?1")?
        .query_row([token_hash], |r| {
            Ok(KioskRow {
                id: r.get(0)?,
                name: r.get(1)?,
                unit_id: r.get(2)?,
                template_id: r.get(3)?,
                disabled: r.get(4)?,
                last_seen_at: r.get(5)?,
            })
        })
        .optional()?)
}

/// Records when the tablet last asked (UTC).
pub fn seen(conn: &Connection, id: &str, at: &str) -> Result<()> {
    conn.prepare_cached("UPDATE kiosk SET last_seen_at = ?2 WHERE id = ?1")?.execute(params![id, at])?;
    Ok(())
}

/// Arms the kiosk for one service; answers the arm's id.
pub fn arm(tx: &Tx, kiosk_id: &str, account_id: Option<&str>, staff_id: Option<&str>, case_id: Option<&str>) -> Result<String> {
    let id = super::new_id();
    tx.execute(
        "INSERT INTO kiosk_arm (id, kiosk_id, account_id, staff_id, case_id, armed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, kiosk_id, account_id, staff_id, case_id, tx.now()],
    )?;
    tx.audit::<(), _>("kiosk_arm", &id, None, Some(&json!({ "kiosk_id": kiosk_id, "staff_id": staff_id, "case_id": case_id })))?;
    Ok(id)
}

/// The newest arm of the kiosk made since `since` (UTC) that no rating used yet.
pub fn open_arm(conn: &Connection, kiosk_id: &str, since: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT a.id FROM kiosk_arm a WHERE a.kiosk_id = ?1 AND a.armed_at >= ?2
               AND NOT EXISTS (SELECT 1 FROM kiosk_rating r WHERE r.arm_id = a.id)
             ORDER BY a.armed_at DESC, a.id DESC LIMIT 1",
        )?
        .query_row(params![kiosk_id, since], |r| r.get(0))
        .optional()?)
}

pub fn arm_row(conn: &Connection, arm_id: &str) -> Result<Option<ArmRow>> {
    Ok(conn
        .prepare_cached(
            "SELECT a.id, a.kiosk_id, a.staff_id, a.case_id, (SELECT r.id FROM kiosk_rating r WHERE r.arm_id = a.id)
             FROM kiosk_arm a WHERE a.id = ?1",
        )?
        .query_row([arm_id], |r| Ok(ArmRow { id: r.get(0)?, kiosk_id: r.get(1)?, staff_id: r.get(2)?, case_id: r.get(3)?, rating_id: r.get(4)? }))
        .optional()?)
}

/// The rating a tap id was stored as, with its kiosk.
pub fn rating_by_tap(conn: &Connection, tap_id: &str) -> Result<Option<(String, String)>> {
    Ok(conn
        .prepare_cached("SELECT id, kiosk_id FROM kiosk_rating WHERE tap_id = ?1")?
        .query_row([tap_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// Stores a rating for `arm`, from the kiosk `k`, on the office's day `rated_on`.
pub fn insert_rating(tx: &Tx, k: &KioskRow, arm: &ArmRow, tap_id: &str, rated_on: &str, answers: &[RatedAnswer]) -> Result<String> {
    let id = super::new_id();
    tx.execute(
        "INSERT INTO kiosk_rating (id, kiosk_id, arm_id, tap_id, template_id, unit_id, staff_id, case_id, rated_on, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![id, k.id, arm.id, tap_id, k.template_id, k.unit_id, arm.staff_id, arm.case_id, rated_on, tx.now()],
    )?;
    let mut st = tx.prepare_cached("INSERT INTO kiosk_answer (rating_id, code, value) VALUES (?1, ?2, ?3)")?;
    for a in answers {
        st.execute(params![id, a.code, a.value])?;
    }
    tx.audit::<(), _>(
        "kiosk_rating",
        &id,
        None,
        Some(&json!({ "kiosk_id": k.id, "arm_id": arm.id, "tap_id": tap_id, "rated_on": rated_on, "answers": answers })),
    )?;
    Ok(id)
}

/// The templates of the ratings received from `from` to `to` (YYYY-MM-DD, both included),
/// each with its number of ratings: as `store::report::forms_by_template` for paper forms.
pub fn forms_by_template(conn: &Connection, from: &str, to: &str) -> Result<Vec<(String, u32)>> {
    let mut st = conn.prepare_cached(
        "SELECT template_id, count(*) FROM kiosk_rating WHERE rated_on >= ?1 AND rated_on <= ?2 GROUP BY template_id",
    )?;
    let rows = st.query_map([from, to], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The answers of the ratings of one template received from `from` to `to`, counted by
/// (code, state, value): as `store::report::answer_counts` (a tap is always a level chosen).
pub fn answer_counts(conn: &Connection, from: &str, to: &str, template_id: &str) -> Result<Vec<(String, String, i64, u32)>> {
    let mut st = conn.prepare_cached(
        "SELECT a.code, 'chosen', a.value, count(*) FROM kiosk_answer a JOIN kiosk_rating r ON r.id = a.rating_id
         WHERE r.rated_on >= ?1 AND r.rated_on <= ?2 AND r.template_id = ?3
         GROUP BY a.code, a.value",
    )?;
    let rows = st.query_map([from, to, template_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The ratings received from `from` to `to`, by kiosk (`by_staff` false) or by the staff
/// member who armed the kiosk: how many, and how many of their answers chose one of the first
/// `satisfied` levels. Those of no staff member come under the key "".
pub fn counts(conn: &Connection, from: &str, to: &str, satisfied: u32, by_staff: bool) -> Result<Vec<RatingCount>> {
    let (key, label, join) = if by_staff {
        ("COALESCE(r.staff_id, '')", "COALESCE(s.full_name, '')", "LEFT JOIN staff s ON s.id = r.staff_id")
    } else {
        ("r.kiosk_id", "k.name", "JOIN kiosk k ON k.id = r.kiosk_id")
    };
    let mut st = conn.prepare(&format!(
        "SELECT {key}, {label}, count(DISTINCT r.id), COALESCE(sum(a.value <= ?3), 0), count(a.code)
         FROM kiosk_rating r {join} LEFT JOIN kiosk_answer a ON a.rating_id = r.id
         WHERE r.rated_on >= ?1 AND r.rated_on <= ?2
         GROUP BY 1, 2 ORDER BY 3 DESC, 2"
    ))?;
    let rows = st.query_map(params![from, to, satisfied], |r| {
        let (ratings, satisfied, answers): (u32, u32, u32) = (r.get(2)?, r.get(3)?, r.get(4)?);
        Ok(RatingCount {
            key: r.get(0)?,
            label: r.get(1)?,
            ratings,
            satisfied,
            answers,
            // The share is the facade's to compute, with the report's rounding.
            percent: None,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Which ratings of a period to list behind a number: of one template (code and version, as
/// the figures name it) or of all, and those whose answer `code` chose level `value`.
#[derive(Debug, Clone, Copy, Default)]
pub struct RatingsFilter<'a> {
    pub template_code: Option<&'a str>,
    pub template_version: Option<u32>,
    pub answer: Option<(&'a str, i64)>,
}

/// The ratings received from `from` to `to` that `f` picks: how many, and the first `limit`
/// by day, kiosk and time received. Counted by the conditions of [`answer_counts`], so their
/// number is the one the figures show.
pub fn ratings_behind(conn: &Connection, from: &str, to: &str, f: &RatingsFilter, limit: u32) -> Result<(u32, Vec<RatingBehind>)> {
    let (code, value) = f.answer.map_or((None, None), |(c, v)| (Some(c), Some(v)));
    let from_where = "FROM kiosk_rating r JOIN kiosk k ON k.id = r.kiosk_id JOIN survey_template t ON t.id = r.template_id
         LEFT JOIN unit u ON u.id = r.unit_id
         WHERE r.rated_on >= ?1 AND r.rated_on <= ?2
           AND (?3 IS NULL OR t.code = ?3) AND (?4 IS NULL OR t.version = ?4)
           AND (?5 IS NULL OR EXISTS (SELECT 1 FROM kiosk_answer a WHERE a.rating_id = r.id AND a.code = ?5 AND a.value = ?6))";
    let args = params![from, to, f.template_code, f.template_version, code, value];
    let total: u32 = conn.query_row(&format!("SELECT count(*) {from_where}"), args, |r| r.get(0))?;
    let mut st = conn.prepare(&format!(
        "SELECT r.id, k.name, u.name, t.code, r.rated_on {from_where} ORDER BY r.rated_on, k.name, r.created_at LIMIT {limit}"
    ))?;
    let rows = st.query_map(args, |r| {
        Ok(RatingBehind { rating_id: r.get(0)?, kiosk_name: r.get(1)?, unit_name: r.get(2)?, template_code: r.get(3)?, rated_on: r.get(4)? })
    })?;
    Ok((total, rows.collect::<rusqlite::Result<_>>()?))
}

/// Every rating received from `from` to `to`, by day, kiosk and time received, with its
/// answers: for the survey workbook. Neither the staff member nor the case is read.
pub fn rating_lines(conn: &Connection, from: &str, to: &str) -> Result<Vec<RatingLine>> {
    let mut st = conn.prepare(
        "SELECT r.id, k.name, u.name, t.code, r.rated_on FROM kiosk_rating r JOIN kiosk k ON k.id = r.kiosk_id
           JOIN survey_template t ON t.id = r.template_id LEFT JOIN unit u ON u.id = r.unit_id
         WHERE r.rated_on >= ?1 AND r.rated_on <= ?2 ORDER BY r.rated_on, k.name, r.created_at, r.id",
    )?;
    let ratings: Vec<(String, RatingLine)> = st
        .query_map([from, to], |r| {
            Ok((
                r.get(0)?,
                RatingLine { kiosk_name: r.get(1)?, unit_name: r.get(2)?, template_code: r.get(3)?, rated_on: r.get(4)?, answers: Vec::new() },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut answers = conn.prepare_cached("SELECT code, value FROM kiosk_answer WHERE rating_id = ?1 ORDER BY code")?;
    ratings
        .into_iter()
        .map(|(id, mut line)| {
            line.answers = answers.query_map([&id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
            Ok(line)
        })
        .collect()
}
