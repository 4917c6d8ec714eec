//! Reading the figures of a period out of the store. Pure reads, one statement per group
//! of figures; the arithmetic on what they return is in plain functions below, testable
//! without a database.

use super::figures::{ComplaintFigures, Count, FeedbackFigures, Share};
use super::period::Period;
use crate::domain::feedback::{Channel, CustomerGroup, Kind, Subject};
use crate::error::Result;
use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::HashMap;

/// The label of entries that no unit handles.
pub const NO_UNIT: &str = "Chưa giao đơn vị";

/// `received_at` falls in the period when `from <= received_at < day after to` (stored as
/// local `YYYY-MM-DDTHH:MM`, so a date string compares correctly with it).
fn bounds(p: &Period) -> (String, String) {
    (p.from.clone(), day_after(p.end()))
}

fn day_after(d: NaiveDate) -> String {
    d.succ_opt().expect("a day after the period").to_string()
}

pub fn feedback(conn: &Connection, p: &Period) -> Result<FeedbackFigures> {
    let (from, until) = bounds(p);
    let grouped = |column: &str| -> Result<HashMap<String, u32>> {
        let sql = format!(
            "SELECT {column}, COUNT(*) FROM feedback
             WHERE deleted_at IS NULL AND received_at >= ?1 AND received_at < ?2 GROUP BY {column}"
        );
        let mut st = conn.prepare_cached(&sql)?;
        let rows = st.query_map([&from, &until], |r| Ok((r.get::<_, Option<String>>(0)?.unwrap_or_default(), r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    let vocab = |counts: HashMap<String, u32>, words: &[(&'static str, &'static str)]| -> Vec<Count> {
        words.iter().map(|(k, l)| Count { key: (*k).into(), label: (*l).into(), count: counts.get(*k).copied().unwrap_or(0) }).collect()
    };
    let kinds = grouped("kind")?;
    let total: u32 = kinds.values().sum();
    let by_unit: Vec<Count> = {
        let mut st = conn.prepare_cached("SELECT id, name FROM unit WHERE deleted_at IS NULL ORDER BY name")?;
        let units = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let counts = grouped("unit_id")?;
        let mut list = Vec::new();
        for u in units {
            let (id, name) = u?;
            list.push(Count { count: counts.get(&id).copied().unwrap_or(0), key: id, label: name });
        }
        // Entries of a unit since deleted still count, under their own line.
        let listed: u32 = list.iter().map(|c| c.count).sum();
        let none = counts.get("").copied().unwrap_or(0);
        let gone = total.saturating_sub(listed + none);
        if gone > 0 {
            list.push(Count { key: "deleted".into(), label: "Đơn vị đã xóa".into(), count: gone });
        }
        if none > 0 {
            list.push(Count { key: String::new(), label: NO_UNIT.into(), count: none });
        }
        list
    };
    Ok(FeedbackFigures {
        total,
        by_kind: vocab(kinds, &words(Kind::ALL, Kind::as_str, Kind::label)),
        by_subject: vocab(grouped("subject")?, &words(Subject::ALL, Subject::as_str, Subject::label)),
        by_channel: vocab(grouped("channel")?, &words(Channel::ALL, Channel::as_str, Channel::label)),
        by_customer_group: vocab(
            grouped("customer_group")?,
            &words(CustomerGroup::ALL, CustomerGroup::as_str, CustomerGroup::label),
        ),
        by_unit,
    })
}

fn words<T: Copy>(all: &[T], key: fn(T) -> &'static str, label: fn(T) -> &'static str) -> Vec<(&'static str, &'static str)> {
    all.iter().map(|&w| (key(w), label(w))).collect()
}

/// One complaint as the figures see it at the end of a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComplaintRow {
    pub received: NaiveDate,
    /// Closed on this day, if by the end of the period.
    pub closed: Option<NaiveDate>,
    /// The deadline in force.
    pub due: NaiveDate,
    pub went_to_specialist: bool,
    pub went_to_leadership: bool,
}

/// Complaints that matter to the period: received in it, or received before and still
/// open at some point in it. What happened after the period's end is not seen.
pub fn complaint_rows(conn: &Connection, p: &Period) -> Result<Vec<ComplaintRow>> {
    let (from, until) = bounds(p);
    let kinds: Vec<&str> = Kind::ALL.iter().filter(|k| k.is_complaint()).map(|k| k.as_str()).collect();
    let placeholders = kinds.iter().enumerate().map(|(i, _)| format!("?{}", i + 3)).collect::<Vec<_>>().join(", ");
    let sql = format!(
        "SELECT substr(f.received_at, 1, 10),
                CASE WHEN f.closed_at < ?2 THEN substr(f.closed_at, 1, 10) END,
                COALESCE(f.exception_due, f.reply_due),
                EXISTS (SELECT 1 FROM case_event e WHERE e.feedback_id = f.id AND e.to_status = 'specialist' AND e.at < ?2),
                EXISTS (SELECT 1 FROM case_event e WHERE e.feedback_id = f.id AND e.to_status = 'leadership' AND e.at < ?2)
         FROM feedback f
         WHERE f.deleted_at IS NULL AND f.kind IN ({placeholders}) AND f.received_at < ?2
           AND (f.received_at >= ?1 OR f.closed_at IS NULL OR f.closed_at >= ?1)"
    );
    let mut params: Vec<&dyn rusqlite::ToSql> = vec![&from, &until];
    for k in &kinds {
        params.push(k);
    }
    let mut st = conn.prepare_cached(&sql)?;
    let date = |s: String| NaiveDate::parse_from_str(&s, "%Y-%m-%d");
    let rows = st.query_map(params.as_slice(), |r| {
        let bad = |i: usize, e: chrono::ParseError| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e));
        Ok(ComplaintRow {
            received: date(r.get(0)?).map_err(|e| bad(0, e))?,
            closed: r.get::<_, Option<String>>(1)?.map(date).transpose().map_err(|e| bad(1, e))?,
            due: date(r.get(2)?).map_err(|e| bad(2, e))?,
            went_to_specialist: r.get(3)?,
            went_to_leadership: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The complaint figures of `p` from its rows (see [`ComplaintFigures`] for each definition),
/// judged on `as_of`: the period's last day, or today while the period is still running
/// (a case due next week is not overdue yet, whatever the period's last day).
pub fn complaints(rows: &[ComplaintRow], p: &Period, as_of: NaiveDate) -> ComplaintFigures {
    let start = p.start();
    let end = p.end().min(as_of);
    let in_period: Vec<&ComplaintRow> = rows.iter().filter(|r| r.received >= start && r.received <= end).collect();
    let closed: Vec<&ComplaintRow> = in_period.iter().copied().filter(|r| r.closed.is_some()).collect();
    let on_time = closed.iter().filter(|r| r.closed.is_some_and(|c| c <= r.due)).count();
    let open_late = in_period.iter().filter(|r| r.closed.is_none() && r.due < end).count();
    let mut days: Vec<u32> =
        closed.iter().map(|r| (r.closed.expect("closed") - r.received).num_days().max(0) as u32).collect();
    days.sort_unstable();

    let open_at_end: Vec<&ComplaintRow> = rows.iter().filter(|r| r.received <= end && r.closed.is_none()).collect();
    let leadership = closed.iter().filter(|r| r.went_to_leadership).count();
    let specialist = closed.iter().filter(|r| r.went_to_specialist && !r.went_to_leadership).count();
    let n = closed.len() as u32;
    ComplaintFigures {
        as_of: end.to_string(),
        received: in_period.len() as u32,
        closed: n,
        replied_on_time: Share::new(on_time as u32, (closed.len() + open_late) as u32),
        median_days_to_close: median(&days),
        p90_days_to_close: nearest_rank(&days, 90),
        open_at_end: open_at_end.len() as u32,
        overdue_at_end: open_at_end.iter().filter(|r| r.due < end).count() as u32,
        settled_front_desk: Share::new(n - specialist as u32 - leadership as u32, n),
        escalated_specialist: Share::new(specialist as u32, n),
        escalated_leadership: Share::new(leadership as u32, n),
    }
}

/// The median of sorted values: the middle one, or the mean of the two middle ones.
pub fn median(sorted: &[u32]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(f64::from(sorted[n / 2])),
        _ => Some((f64::from(sorted[n / 2 - 1]) + f64::from(sorted[n / 2])) / 2.0),
    }
}

/// The `pct`-th percentile of sorted values by nearest rank: the ⌈pct·n/100⌉-th smallest.
pub fn nearest_rank(sorted: &[u32], pct: usize) -> Option<u32> {
    let n = sorted.len();
    (n > 0).then(|| sorted[(pct * n).div_ceil(100).max(1) - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_percentiles_by_hand() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[7]), Some(7.0));
        assert_eq!(median(&[1, 2, 10]), Some(2.0));
        assert_eq!(median(&[1, 2, 3, 10]), Some(2.5));
        assert_eq!(nearest_rank(&[], 90), None);
        assert_eq!(nearest_rank(&[5], 90), Some(5));
        let ten: Vec<u32> = (1..=10).collect();
        assert_eq!(nearest_rank(&ten, 90), Some(9), "⌈9⌉ = 9th");
        let eleven: Vec<u32> = (1..=11).collect();
        assert_eq!(nearest_rank(&eleven, 90), Some(10), "⌈9.9⌉ = 10th");
    }
}
