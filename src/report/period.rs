//! The periods figures are taken over: a month, a quarter, a year, or any run of days, and
//! the same period of the year before (seed 004 §5.3 compares each quarter and each year
//! with the last).

use crate::domain::feedback::parse_date;
use crate::error::{Error, Result};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Both ends included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Period {
    /// YYYY-MM-DD.
    pub from: String,
    pub to: String,
    /// As a report heads it: "Năm 2026", "Quý II năm 2026", "Tháng 3 năm 2026",
    /// "Từ 05/01/2026 đến 20/02/2026".
    pub label: String,
}

/// A period as asked for by the window or the command line: a year (with a quarter or a
/// month of it), or a run of days.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PeriodQuery {
    pub year: Option<i32>,
    pub quarter: Option<u32>,
    pub month: Option<u32>,
    pub from: Option<String>,
    pub to: Option<String>,
}

impl PeriodQuery {
    pub fn period(&self) -> Result<Period> {
        match (self.year, self.quarter, self.month, &self.from, &self.to) {
            (Some(_), Some(_), Some(_), _, _) => Err(Error::validation("month", "Chọn quý hoặc tháng, không chọn cả hai.")),
            (Some(y), Some(q), None, _, _) => Period::quarter(y, q),
            (Some(y), None, Some(m), _, _) => Period::month(y, m),
            (Some(y), None, None, _, _) => Period::year(y),
            (None, _, _, Some(from), Some(to)) => Period::custom(from, to),
            _ => Err(Error::validation("year", "Hãy chọn năm, hoặc nhập từ ngày và đến ngày.")),
        }
    }
}

/// The roman numerals of quarters, as Vietnamese reports write them.
const QUARTERS: [&str; 4] = ["I", "II", "III", "IV"];

impl Period {
    pub fn year(year: i32) -> Result<Period> {
        let (from, to) = (ymd(year, 1, 1)?, ymd(year, 12, 31)?);
        Ok(Period::new(from, to, format!("Năm {year}")))
    }

    pub fn quarter(year: i32, quarter: u32) -> Result<Period> {
        if !(1..=4).contains(&quarter) {
            return Err(Error::validation("quarter", "Quý phải từ 1 đến 4."));
        }
        let first = ymd(year, 3 * quarter - 2, 1)?;
        let to = last_of_month(year, 3 * quarter)?;
        Ok(Period::new(first, to, format!("Quý {} năm {year}", QUARTERS[quarter as usize - 1])))
    }

    pub fn month(year: i32, month: u32) -> Result<Period> {
        if !(1..=12).contains(&month) {
            return Err(Error::validation("month", "Tháng phải từ 1 đến 12."));
        }
        Ok(Period::new(ymd(year, month, 1)?, last_of_month(year, month)?, format!("Tháng {month} năm {year}")))
    }

    /// Any run of days, `from` and `to` as typed (YYYY-MM-DD or dd/mm/yyyy).
    pub fn custom(from: &str, to: &str) -> Result<Period> {
        let from = parse_date("from", "Từ ngày", from)?;
        let to = parse_date("to", "Đến ngày", to)?;
        if from > to {
            return Err(Error::validation("from", "Ngày bắt đầu phải trước hoặc trùng ngày kết thúc."));
        }
        let label = format!("Từ {} đến {}", from.format("%d/%m/%Y"), to.format("%d/%m/%Y"));
        Ok(Period::new(from, to, label))
    }

    fn new(from: NaiveDate, to: NaiveDate, label: String) -> Period {
        Period { from: from.to_string(), to: to.to_string(), label }
    }

    pub fn start(&self) -> NaiveDate {
        NaiveDate::parse_from_str(&self.from, "%Y-%m-%d").expect("periods are built from dates")
    }

    pub fn end(&self) -> NaiveDate {
        NaiveDate::parse_from_str(&self.to, "%Y-%m-%d").expect("periods are built from dates")
    }

    /// The same days a year earlier; 29 February becomes the 28th. The label follows the
    /// kind of period ("Quý II năm 2025" for "Quý II năm 2026").
    pub fn year_before(&self) -> Period {
        let (from, to) = (self.start(), self.end());
        let (pfrom, pto) = (a_year_earlier(from), a_year_earlier(to));
        // A whole February ends on the 29th in leap years: keep "the whole month" whole.
        let pto = if to.month() == 2 && to.day() >= 28 { last_of_month(pto.year(), 2).unwrap_or(pto) } else { pto };
        let this_year = from.year().to_string();
        // Named periods ("Quý II năm 2026") keep their name; a run of days gives its dates.
        let named = !self.label.starts_with("Từ ");
        let label = if named && from.year() == to.year() && self.label.ends_with(&this_year) {
            format!("{}{}", &self.label[..self.label.len() - this_year.len()], from.year() - 1)
        } else {
            format!("Từ {} đến {}", pfrom.format("%d/%m/%Y"), pto.format("%d/%m/%Y"))
        };
        Period::new(pfrom, pto, label)
    }

    /// The same period a year before, cut at the same day when this one is still running
    /// on `today`: a year up to 22 November is compared with the year before up to
    /// 22 November, not with all of it.
    pub fn same_span_a_year_before(&self, today: NaiveDate) -> Period {
        let before = self.year_before();
        if today < self.start() || today >= self.end() {
            return before;
        }
        let cut = a_year_earlier(today);
        let label = format!("{} (đến {})", before.label, cut.format("%d/%m/%Y"));
        Period::new(before.start(), cut.max(before.start()), label)
    }

    /// The four quarters of the year this period starts in.
    pub fn quarters_of(year: i32) -> Result<Vec<Period>> {
        (1..=4).map(|q| Period::quarter(year, q)).collect()
    }
}

/// The same day a year earlier; 29 February becomes the 28th.
fn a_year_earlier(d: NaiveDate) -> NaiveDate {
    d.with_year(d.year() - 1).unwrap_or_else(|| NaiveDate::from_ymd_opt(d.year() - 1, 2, 28).expect("28 February exists"))
}

fn ymd(y: i32, m: u32, d: u32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| Error::validation("year", format!("Năm {y} không hợp lệ.")))
}

fn last_of_month(y: i32, m: u32) -> Result<NaiveDate> {
    let next = if m == 12 { ymd(y + 1, 1, 1)? } else { ymd(y, m + 1, 1)? };
    Ok(next.pred_opt().expect("a day before the first of a month"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_and_months_have_their_last_days() {
        let q = Period::quarter(2024, 1).unwrap();
        assert_eq!((q.from.as_str(), q.to.as_str(), q.label.as_str()), ("2024-01-01", "2024-03-31", "Quý I năm 2024"));
        assert_eq!(Period::month(2024, 2).unwrap().to, "2024-02-29");
        assert_eq!(Period::month(2026, 2).unwrap().to, "2026-02-28");
        assert_eq!(Period::quarter(2026, 4).unwrap().to, "2026-12-31");
        assert!(Period::quarter(2026, 5).is_err());
        assert!(Period::month(2026, 0).is_err());
    }

    #[test]
    fn the_year_before_keeps_the_kind_of_period() {
        let p = Period::quarter(2026, 2).unwrap().year_before();
        assert_eq!((p.from.as_str(), p.to.as_str(), p.label.as_str()), ("2025-04-01", "2025-06-30", "Quý II năm 2025"));
        let feb = Period::month(2025, 2).unwrap().year_before();
        assert_eq!(feb.to, "2024-02-29", "a whole February stays whole");
        let leap = Period::custom("2024-02-29", "2024-03-10").unwrap().year_before();
        assert_eq!((leap.from.as_str(), leap.to.as_str()), ("2023-02-28", "2023-03-10"));
        assert_eq!(leap.label, "Từ 28/02/2023 đến 10/03/2023");
    }

    #[test]
    fn a_running_period_is_compared_with_the_same_days_a_year_before() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let y = Period::year(2026).unwrap();
        let running = y.same_span_a_year_before(d("2026-11-22"));
        assert_eq!((running.from.as_str(), running.to.as_str()), ("2025-01-01", "2025-11-22"));
        assert_eq!(running.label, "Năm 2025 (đến 22/11/2025)");
        assert_eq!(y.same_span_a_year_before(d("2027-01-05")), y.year_before(), "a finished year is compared whole");
        assert_eq!(y.same_span_a_year_before(d("2026-12-31")), y.year_before(), "on its last day it is whole");
    }

    #[test]
    fn a_custom_period_must_run_forwards() {
        assert!(Period::custom("2026-03-02", "2026-03-01").is_err());
        assert_eq!(Period::custom("02/03/2026", "2026-03-31").unwrap().label, "Từ 02/03/2026 đến 31/03/2026");
    }
}
