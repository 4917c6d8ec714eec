//! Office settings (cài đặt) that later steps of the procedures read. Stored one key a row
//! so that a newer version can add keys without a migration; unknown keys are kept.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Settings {
    /// Days to reply to a complaint, counted from receipt (seed 001: 30 days).
    pub reply_deadline_days: u32,
    /// Years the feedback book is kept (seed 004: 3 years).
    pub ledger_retention_years: u32,
    /// Years returned survey forms are kept (seed 002: 2 years, seed 004: 3 years).
    pub survey_retention_years: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { reply_deadline_days: 30, ledger_retention_years: 3, survey_retention_years: 3 }
    }
}

impl Settings {
    pub fn validated(&self) -> Result<Settings> {
        check_range("reply_deadline_days", "Thời hạn trả lời (ngày)", self.reply_deadline_days, 1, 365)?;
        check_range("ledger_retention_years", "Thời gian lưu sổ ghi nhận (năm)", self.ledger_retention_years, 1, 50)?;
        check_range("survey_retention_years", "Thời gian lưu phiếu khảo sát (năm)", self.survey_retention_years, 1, 50)?;
        Ok(self.clone())
    }

    /// The key/value pairs as stored.
    pub(crate) fn to_pairs(&self) -> [(&'static str, u32); 3] {
        [
            ("reply_deadline_days", self.reply_deadline_days),
            ("ledger_retention_years", self.ledger_retention_years),
            ("survey_retention_years", self.survey_retention_years),
        ]
    }

    /// Reads stored pairs over the defaults; a key missing from the table keeps its default.
    pub(crate) fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Settings {
        let mut s = Settings::default();
        for (k, v) in pairs {
            let Ok(n) = v.parse::<u32>() else { continue };
            match k {
                "reply_deadline_days" => s.reply_deadline_days = n,
                "ledger_retention_years" => s.ledger_retention_years = n,
                "survey_retention_years" => s.survey_retention_years = n,
                _ => {}
            }
        }
        s
    }
}

fn check_range(field: &str, label: &str, v: u32, min: u32, max: u32) -> Result<()> {
    if v < min || v > max {
        return Err(Error::validation(field, format!("{label} phải từ {min} đến {max}, không phải {v}.")));
    }
    Ok(())
}
