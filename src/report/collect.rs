//! Counting the figures of each period: the store reads the book's kept counts per day and
//! the complaints of all the periods of a report once ([`crate::store::report`]), and each
//! period's figures are counted from them here in plain functions, testable without a
//! database. The entries themselves can be counted the same way ([`feedback`]): the
//! recount that the kept counts are held equal to.

use super::figures::{ComplaintFigures, Count, FeedbackFigures, FormalFigures, Share};
use super::period::Period;
use crate::domain::feedback::{Channel, CustomerGroup, Kind, Subject};
pub use crate::store::report::{ComplaintRow, DayCount, Entry, FormalRow};
use chrono::NaiveDate;
use std::collections::HashMap;

/// The label of entries that no unit handles.
pub const NO_UNIT: &str = "Chưa giao đơn vị";

/// The counts of the entries received in `p`, counted from the entries themselves.
pub fn feedback(entries: &[Entry], units: &[(String, String)], p: &Period) -> FeedbackFigures {
    let (start, end) = (p.start(), p.end());
    let mut tally = Tally::default();
    let mut total = 0;
    for e in entries.iter().filter(|e| e.received >= start && e.received <= end) {
        total += 1;
        for (facet, value) in [("kind", &e.kind), ("subject", &e.subject), ("channel", &e.channel), ("customer_group", &e.customer_group), ("unit", &e.unit_id)] {
            tally.add(facet, value, 1);
        }
    }
    figures_of(&tally, total, units)
}

/// The same counts from the book's kept counts per day ([`crate::store::counts`]): the sum
/// of each facet's days in `p`.
pub fn feedback_counted(counts: &[DayCount], units: &[(String, String)], p: &Period) -> FeedbackFigures {
    let (start, end) = (p.start(), p.end());
    let mut tally = Tally::default();
    let mut total = 0;
    for c in counts.iter().filter(|c| c.day >= start && c.day <= end) {
        // Every entry is in exactly one book: the books' sum is the total.
        if c.facet == "book" {
            total += c.entries;
        } else {
            tally.add(&c.facet, &c.value, c.entries);
        }
    }
    figures_of(&tally, total, units)
}

/// Entries counted by facet and value.
#[derive(Default)]
struct Tally(HashMap<String, HashMap<String, u32>>);

impl Tally {
    fn add(&mut self, facet: &str, value: &str, n: u32) {
        *self.0.entry(facet.to_owned()).or_default().entry(value.to_owned()).or_insert(0) += n;
    }

    fn get(&self, facet: &str, value: &str) -> u32 {
        self.0.get(facet).and_then(|m| m.get(value)).copied().unwrap_or(0)
    }
}

fn figures_of(tally: &Tally, total: u32, units: &[(String, String)]) -> FeedbackFigures {
    let listed = |facet: &str, words: Vec<(&'static str, &'static str)>| -> Vec<Count> {
        words.iter().map(|(k, l)| Count { key: (*k).into(), label: (*l).into(), count: tally.get(facet, k) }).collect()
    };
    let by_unit = {
        let mut list: Vec<Count> =
            units.iter().map(|(id, name)| Count { key: id.clone(), label: name.clone(), count: tally.get("unit", id) }).collect();
        // Entries of a unit since deleted still count, under their own line.
        let shown: u32 = list.iter().map(|c| c.count).sum();
        let none = tally.get("unit", "");
        let gone = total.saturating_sub(shown + none);
        if gone > 0 {
            list.push(Count { key: "deleted".into(), label: "Đơn vị đã xóa".into(), count: gone });
        }
        if none > 0 {
            list.push(Count { key: String::new(), label: NO_UNIT.into(), count: none });
        }
        list
    };
    FeedbackFigures {
        total,
        by_kind: listed("kind", words(Kind::ALL, Kind::as_str, Kind::label)),
        by_subject: listed("subject", words(Subject::ALL, Subject::as_str, Subject::label)),
        by_channel: listed("channel", words(Channel::ALL, Channel::as_str, Channel::label)),
        by_customer_group: listed("customer_group", words(CustomerGroup::ALL, CustomerGroup::as_str, CustomerGroup::label)),
        by_unit,
    }
}

fn words<T: Copy>(all: &[T], key: fn(T) -> &'static str, label: fn(T) -> &'static str) -> Vec<(&'static str, &'static str)> {
    all.iter().map(|&w| (key(w), label(w))).collect()
}

/// The complaint figures of `p` from its rows (see [`ComplaintFigures`] for each definition),
/// judged on `as_of`: the period's last day, or today while the period is still running
/// (a case due next week is not overdue yet, whatever the period's last day). Nothing that
/// happened after that day is seen.
pub fn complaints(rows: &[ComplaintRow], p: &Period, as_of: NaiveDate) -> ComplaintFigures {
    let start = p.start();
    let end = p.end().min(as_of);
    let by_end = |d: Option<NaiveDate>| d.filter(|d| *d <= end);
    let in_period: Vec<&ComplaintRow> = rows.iter().filter(|r| r.received >= start && r.received <= end).collect();
    let closed: Vec<(&ComplaintRow, NaiveDate)> = in_period.iter().filter_map(|r| by_end(r.closed).map(|c| (*r, c))).collect();
    let on_time = closed.iter().filter(|(r, c)| *c <= r.due).count();
    let open_late = in_period.iter().filter(|r| by_end(r.closed).is_none() && r.due < end).count();
    let mut days: Vec<u32> = closed.iter().map(|(r, c)| (*c - r.received).num_days().max(0) as u32).collect();
    days.sort_unstable();

    let open_at_end: Vec<&ComplaintRow> = rows.iter().filter(|r| r.received <= end && by_end(r.closed).is_none()).collect();
    let leadership = closed.iter().filter(|(r, _)| by_end(r.to_leadership).is_some()).count() as u32;
    let specialist =
        closed.iter().filter(|(r, _)| by_end(r.to_specialist).is_some() && by_end(r.to_leadership).is_none()).count() as u32;
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
        settled_front_desk: Share::new(n - specialist - leadership, n),
        escalated_specialist: Share::new(specialist, n),
        escalated_leadership: Share::new(leadership, n),
        days_to_close: days,
        formal: None,
    }
}

/// The Law on Complaints' figures of `p` from its formal complaints (see [`FormalFigures`]),
/// judged on `as_of` as [`complaints`]; `None` when the period has none to count.
pub fn formal(rows: &[FormalRow], p: &Period, as_of: NaiveDate) -> Option<FormalFigures> {
    let (start, end) = (p.start(), p.end().min(as_of));
    let by_end = |d: Option<NaiveDate>| d.filter(|d| *d <= end);
    let in_period: Vec<&FormalRow> = rows.iter().filter(|r| r.received >= start && r.received <= end).collect();
    let decided: Vec<&FormalRow> = in_period.iter().copied().filter(|r| by_end(r.decided).is_some()).collect();
    let accept_on_time = decided.iter().filter(|r| r.accept_due.is_none_or(|due| r.decided.is_some_and(|d| d <= due))).count();
    let undecided_late = in_period.iter().filter(|r| by_end(r.decided).is_none() && r.accept_due.is_some_and(|due| due < end)).count();
    let accepted: Vec<&FormalRow> = decided.iter().copied().filter(|r| r.accepted).collect();
    let closed = accepted.iter().filter(|r| by_end(r.closed).is_some());
    let decided_on_time = closed.clone().filter(|r| r.decide_due.is_none_or(|due| r.closed.is_some_and(|c| c <= due))).count();
    let open_late = accepted.iter().filter(|r| by_end(r.closed).is_none() && r.decide_due.is_some_and(|due| due < end)).count();
    // Open at the end with the Law's deadline then running (to accept, or to decide) past.
    let overdue_at_end = rows
        .iter()
        .filter(|r| r.received <= end && by_end(r.closed).is_none())
        .filter(|r| match by_end(r.decided) {
            None => r.accept_due.is_some_and(|due| due < end),
            Some(_) => r.accepted && r.decide_due.is_some_and(|due| due < end),
        })
        .count() as u32;
    if in_period.is_empty() && overdue_at_end == 0 {
        return None;
    }
    Some(FormalFigures {
        received: in_period.len() as u32,
        accepted_on_time: Share::new(accept_on_time as u32, (decided.len() + undecided_late) as u32),
        decided_on_time: Share::new(decided_on_time as u32, (closed.count() + open_late) as u32),
        overdue_at_end,
    })
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
    fn the_laws_deadlines_are_counted_on_time_late_and_overdue() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let row = |received: &str, decided: Option<&str>, accepted: bool, closed: Option<&str>| {
            let r = d(received);
            FormalRow {
                received: r,
                closed: closed.map(d),
                accept_due: Some(r + chrono::Days::new(10)),
                decided: decided.map(d),
                accepted,
                decide_due: decided.filter(|_| accepted).map(|x| d(x) + chrono::Days::new(30)),
            }
        };
        let rows = [
            row("2026-01-05", Some("2026-01-10"), true, Some("2026-02-01")), // on time, decided on time
            row("2026-01-05", Some("2026-01-20"), true, None),               // accepted late, open past its 30 days
            row("2026-02-10", None, false, None),                            // undecided past its 10 days
            row("2026-03-25", None, false, None),                            // undecided, not yet due
            row("2026-01-08", Some("2026-01-09"), false, Some("2026-01-09")), // refused in time
        ];
        let q1 = Period { from: "2026-01-01".into(), to: "2026-03-31".into(), label: "Quý I/2026".into() };
        let f = formal(&rows, &q1, d("2026-06-01")).unwrap();
        assert_eq!(f.received, 5);
        assert_eq!((f.accepted_on_time.count, f.accepted_on_time.of), (2, 4));
        assert_eq!((f.decided_on_time.count, f.decided_on_time.of), (1, 2));
        assert_eq!(f.overdue_at_end, 2);
        let empty = Period { from: "2025-01-01".into(), to: "2025-03-31".into(), label: "Quý I/2025".into() };
        assert_eq!(formal(&rows, &empty, d("2026-06-01")), None);
    }

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
