//! Dates as the office types and reads them: parsed from `YYYY-MM-DD` (what the window and the
//! database send) or `dd/mm/yyyy` (what Vietnamese users write), and shown as dd/mm/yyyy.

use crate::error::{Error, Result};

/// Parses a local date-time typed or sent as `YYYY-MM-DDTHH:MM` (seconds and a space
/// instead of `T` accepted), or `dd/mm/yyyy HH:MM` as Vietnamese users write it.
pub fn parse_local_datetime(field: &str, label: &str, s: &str) -> Result<chrono::NaiveDateTime> {
    use chrono::NaiveDateTime;
    let s = s.trim();
    for fmt in ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y %H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
            return Ok(t);
        }
    }
    Err(Error::validation(
        field,
        format!("{label} «{s}» không phải ngày giờ có thật (dạng 2026-03-02T09:30 hoặc 02/03/2026 09:30)."),
    ))
}

/// Parses a date `YYYY-MM-DD` or `dd/mm/yyyy`.
pub fn parse_date(field: &str, label: &str, s: &str) -> Result<chrono::NaiveDate> {
    use chrono::NaiveDate;
    let s = s.trim();
    for fmt in ["%Y-%m-%d", "%d/%m/%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            return Ok(d);
        }
    }
    Err(Error::validation(field, format!("{label} «{s}» không phải ngày có thật (dạng 2026-03-02 hoặc 02/03/2026).")))
}

/// A stored day `YYYY-MM-DD`, exactly (ten characters), or `None`. What the database holds is
/// read by this rather than by a format string: the figures of a year read tens of thousands
/// of days, and chrono's general parser was a fifth of their time (BENCHMARKS.md).
pub fn iso_day(s: &str) -> Option<chrono::NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
    };
    chrono::NaiveDate::from_ymd_opt(number(0..4)? as i32, number(5..7)?, number(8..10)?)
}

/// `YYYY-MM-DD[THH:MM…]` as `dd/mm/yyyy[ HH:MM]`, for texts, CSV and messages. Anything that is
/// not such a stamp is returned as it is.
pub fn dmy(s: &str) -> String {
    let date = s.get(..10).unwrap_or(s);
    let Ok(d) = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d") else { return s.to_owned() };
    let d = d.format("%d/%m/%Y").to_string();
    match s.get(11..16) {
        Some(t) => format!("{d} {t}"),
        None => d,
    }
}

/// The day alone: "02/03/2026" from "2026-03-02T09:30" as from "2026-03-02".
pub fn day(iso: &str) -> String {
    dmy(iso.get(..10).unwrap_or(iso))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stored day's reader agrees with chrono's format on every day of four centuries, and
    /// refuses what is not exactly one (chrono's format would take "+026-01-01" as year 26).
    #[test]
    fn stored_days_are_read_as_chrono_reads_them() {
        use chrono::Datelike;
        let mut d = chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
        while d.year() < 2300 {
            assert_eq!(iso_day(&d.to_string()), Some(d));
            d = d.succ_opt().unwrap();
        }
        for bad in ["2026-02-30", "2026-13-01", "2026-00-10", "2026-1-01", "2026/01/01", "2026-01-01T", "+026-01-01", "2026-01-0x", "", "２０２６-01-01"] {
            assert_eq!(iso_day(bad), None, "{bad}");
        }
    }

    #[test]
    fn impossible_dates_are_refused_by_name() {
        let e = parse_local_datetime("received_at", "Ngày giờ tiếp nhận", "2026-02-30T09:00").unwrap_err();
        assert!(e.to_string().contains("Ngày giờ tiếp nhận"));
        assert!(parse_local_datetime("x", "x", "2028-02-29T09:00").is_ok());
        assert!(parse_local_datetime("x", "x", "2027-02-29T09:00").is_err());
        assert_eq!(
            parse_local_datetime("x", "x", "02/03/2026 09:30").unwrap(),
            parse_local_datetime("x", "x", "2026-03-02T09:30").unwrap()
        );
    }

    #[test]
    fn stamps_are_shown_day_first() {
        assert_eq!(dmy("2026-03-02"), "02/03/2026");
        assert_eq!(dmy("2026-03-02T09:30:15"), "02/03/2026 09:30");
        assert_eq!(dmy("2026-03-02 09:30"), "02/03/2026 09:30");
        assert_eq!(dmy(""), "");
        assert_eq!(dmy("chưa rõ"), "chưa rõ");
        assert_eq!(day("2026-03-02T09:30"), "02/03/2026");
        assert_eq!(day("2026-03-02"), "02/03/2026");
        assert_eq!(day(""), "");
    }
}
