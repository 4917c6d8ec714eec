//! Deadlines (R2.4): the reply deadline counted from receipt, in calendar or working days as
//! the office sets, with the holidays the office keeps. When a calendar deadline falls on a
//! day off it moves to the next working day (Bộ luật Dân sự 2015, Điều 148), which is what
//! clerks and citizens expect.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use std::collections::BTreeSet;

/// The office's calendar: weekends and the holidays it has entered.
#[derive(Debug, Default, Clone)]
pub struct Calendar {
    pub holidays: BTreeSet<NaiveDate>,
}

impl Calendar {
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !self.holidays.contains(&d)
    }

    fn next_working_day(&self, mut d: NaiveDate) -> NaiveDate {
        while !self.is_working_day(d) {
            d = d + Days::new(1);
        }
        d
    }

    /// The last day of a period of `days` that starts the day after `start`.
    pub fn due(&self, start: NaiveDate, days: u32, working_days: bool) -> NaiveDate {
        if working_days {
            let mut d = start;
            let mut left = days;
            while left > 0 {
                d = d + Days::new(1);
                if self.is_working_day(d) {
                    left -= 1;
                }
            }
            d
        } else {
            self.next_working_day(start + Days::new(days as u64))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn calendar_days_cross_month_ends_and_leap_days() {
        let c = Calendar::default();
        // 30 days from Monday 2026-03-02 is Wednesday 2026-04-01.
        assert_eq!(c.due(d("2026-03-02"), 30, false), d("2026-04-01"));
        // 2028 is a leap year: 2028-02-28 + 1 day is the 29th (a Tuesday).
        assert_eq!(c.due(d("2028-02-28"), 1, false), d("2028-02-29"));
        assert_eq!(c.due(d("2027-02-28"), 1, false), d("2027-03-01"));
        // Ending on Saturday 2026-01-31 moves to Monday 2026-02-02.
        assert_eq!(c.due(d("2026-01-01"), 30, false), d("2026-02-02"));
    }

    #[test]
    fn holidays_move_and_lengthen_deadlines() {
        let mut c = Calendar::default();
        // Tết 2027: 2027-02-05 … 2027-02-11 (a Friday to a Thursday).
        for day in 5..=11 {
            c.holidays.insert(NaiveDate::from_ymd_opt(2027, 2, day).unwrap());
        }
        // A calendar deadline on 2027-02-08 (in Tết) moves to Friday 2027-02-12.
        assert_eq!(c.due(d("2027-01-09"), 30, false), d("2027-02-12"));
        // 5 working days from Thursday 2027-02-04: Tết and the weekends are skipped.
        assert_eq!(c.due(d("2027-02-04"), 5, true), d("2027-02-18"));
        // Without holidays: Fri 5, Mon 8, Tue 9, Wed 10, Thu 11.
        assert_eq!(Calendar::default().due(d("2027-02-04"), 5, true), d("2027-02-11"));
    }

    #[test]
    fn thirty_working_days_span_six_weeks() {
        let c = Calendar::default();
        assert_eq!(c.due(d("2026-03-02"), 30, true), d("2026-04-13"));
    }
}
