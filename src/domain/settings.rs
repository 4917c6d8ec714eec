//! Office settings (cài đặt) that the procedures read. Stored one key a row so that a newer
//! version can add keys without a migration; a key missing from the table keeps its default.

use super::feedback::Kind;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Settings {
    /// Days to reply to feedback and complaints, counted from receipt (seed 001: 30 days).
    pub reply_deadline_days: u32,
    /// Whether deadlines count working days (true) or calendar days (false).
    pub count_working_days: bool,
    /// A case is "due soon" this many days before its deadline.
    pub due_soon_days: u32,
    /// Formal complaints (Luật Khiếu nại 2011): days to accept (thụ lý) after receipt.
    pub formal_accept_days: u32,
    /// Formal complaints: days to decide after acceptance.
    pub formal_decide_days: u32,
    /// Formal complaints: days to decide after acceptance, for complex cases.
    pub formal_decide_days_complex: u32,
    /// Years the feedback book is kept (seed 004: 3 years).
    pub ledger_retention_years: u32,
    /// Years returned survey forms are kept (seed 002: 2 years, seed 004: 3 years).
    pub survey_retention_years: u32,
    /// Days a print (it names citizens) stays in the «Bản in» folder after it was made; 0:
    /// only until the app next starts or closes. None is kept while the data is encrypted.
    #[serde(default = "default_print_keep_days")]
    pub print_keep_days: u32,
    /// Kinds of feedback that need no answer (praise, a suggestion noted): recorded and closed
    /// at entry, so that they never wait in a queue nor show as overdue. None by default: an
    /// office that answers every piece of feedback keeps the handling it always had.
    #[serde(default)]
    pub closed_at_entry: Vec<Kind>,
    /// The unit whose head reviews complaints and appeals about a certification or service
    /// result (seed 001, step 2: «Trưởng phòng … xem xét giải quyết»): such a case entered
    /// without a unit goes to it. Absent: the clerk chooses the unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub result_unit_id: Option<String>,
    /// Which answers the survey figures' satisfaction index counts: the paper forms, the
    /// ratings tapped at the desks' kiosks, or both together (as before the office chose).
    /// The figures, the quarters, the annual report and a period bundle's figures all follow
    /// it; each source's own figures are still shown beside the index.
    #[serde(default)]
    pub survey_index_source: IndexSource,
}

/// Where the survey figures' satisfaction index is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum IndexSource {
    /// The survey forms on paper, entered or imported.
    Paper,
    /// The ratings tapped at the desks' kiosks.
    Kiosk,
    /// Both, counted together.
    #[default]
    Both,
}

impl IndexSource {
    pub const ALL: [IndexSource; 3] = [IndexSource::Paper, IndexSource::Kiosk, IndexSource::Both];

    pub fn as_str(self) -> &'static str {
        match self {
            IndexSource::Paper => "paper",
            IndexSource::Kiosk => "kiosk",
            IndexSource::Both => "both",
        }
    }

    pub fn parse(s: &str) -> Option<IndexSource> {
        IndexSource::ALL.into_iter().find(|x| x.as_str() == s.trim())
    }

    /// How the annual report names it after «Chỉ số hài lòng tính từ:».
    pub fn label(self) -> &'static str {
        match self {
            IndexSource::Paper => "phiếu khảo sát giấy",
            IndexSource::Kiosk => "đánh giá tại quầy (máy đánh giá)",
            IndexSource::Both => "phiếu khảo sát giấy và đánh giá tại quầy (máy đánh giá), tính chung",
        }
    }

    /// Whether the index counts the source keyed `key` ("paper" or "kiosk").
    pub fn counts(self, key: &str) -> bool {
        self == IndexSource::Both || self.as_str() == key
    }
}

fn default_print_keep_days() -> u32 {
    7
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            reply_deadline_days: 30,
            count_working_days: false,
            due_soon_days: 3,
            formal_accept_days: 10,
            formal_decide_days: 30,
            formal_decide_days_complex: 45,
            ledger_retention_years: 3,
            survey_retention_years: 3,
            print_keep_days: default_print_keep_days(),
            closed_at_entry: Vec::new(),
            result_unit_id: None,
            survey_index_source: IndexSource::Both,
        }
    }
}

impl Settings {
    pub fn validated(&self) -> Result<Settings> {
        check_range("reply_deadline_days", "Thời hạn trả lời (ngày)", self.reply_deadline_days, 1, 365)?;
        check_range("due_soon_days", "Báo sắp đến hạn trước (ngày)", self.due_soon_days, 0, 60)?;
        check_range("formal_accept_days", "Thời hạn thụ lý khiếu nại (ngày)", self.formal_accept_days, 1, 90)?;
        check_range("formal_decide_days", "Thời hạn giải quyết khiếu nại (ngày)", self.formal_decide_days, 1, 180)?;
        check_range(
            "formal_decide_days_complex",
            "Thời hạn giải quyết khiếu nại phức tạp (ngày)",
            self.formal_decide_days_complex,
            self.formal_decide_days,
            365,
        )?;
        check_range("ledger_retention_years", "Thời gian lưu sổ ghi nhận (năm)", self.ledger_retention_years, 1, 50)?;
        check_range("survey_retention_years", "Thời gian lưu phiếu khảo sát (năm)", self.survey_retention_years, 1, 50)?;
        check_range("print_keep_days", "Giữ bản in trong thư mục Bản in (ngày)", self.print_keep_days, 0, 90)?;
        if let Some(k) = self.closed_at_entry.iter().find(|k| k.is_complaint()) {
            return Err(Error::validation(
                "closed_at_entry",
                format!("Ý kiến loại «{}» là khiếu nại, phải được xử lý và trả lời: không đóng ngay khi ghi được.", k.label()),
            ));
        }
        let mut s = self.clone();
        s.result_unit_id = self.result_unit_id.clone().filter(|u| !u.trim().is_empty());
        // In the order of the vocabulary, each once.
        s.closed_at_entry = Kind::ALL.iter().copied().filter(|k| self.closed_at_entry.contains(k)).collect();
        Ok(s)
    }

    /// The key/value pairs as stored (booleans as 0/1, lists of kinds comma-separated).
    pub(crate) fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let kinds: Vec<&str> = self.closed_at_entry.iter().map(|k| k.as_str()).collect();
        let mut pairs: Vec<(&'static str, String)> = self.numbers().into_iter().map(|(k, v)| (k, v.to_string())).collect();
        pairs.push(("closed_at_entry", kinds.join(",")));
        pairs.push(("result_unit_id", self.result_unit_id.clone().unwrap_or_default()));
        pairs.push(("survey_index_source", self.survey_index_source.as_str().to_owned()));
        pairs
    }

    fn numbers(&self) -> [(&'static str, u32); 9] {
        [
            ("reply_deadline_days", self.reply_deadline_days),
            ("count_working_days", self.count_working_days as u32),
            ("due_soon_days", self.due_soon_days),
            ("formal_accept_days", self.formal_accept_days),
            ("formal_decide_days", self.formal_decide_days),
            ("formal_decide_days_complex", self.formal_decide_days_complex),
            ("ledger_retention_years", self.ledger_retention_years),
            ("survey_retention_years", self.survey_retention_years),
            ("print_keep_days", self.print_keep_days),
        ]
    }

    /// Reads stored pairs over the defaults; unknown keys (from a newer version) are ignored.
    pub(crate) fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Settings {
        let mut s = Settings::default();
        for (k, v) in pairs {
            if k == "result_unit_id" {
                s.result_unit_id = Some(v.to_owned()).filter(|v| !v.is_empty());
                continue;
            }
            if k == "survey_index_source" {
                s.survey_index_source = IndexSource::parse(v).unwrap_or_default();
                continue;
            }
            if k == "closed_at_entry" {
                s.closed_at_entry = v.split(',').filter_map(|k| Kind::parse(k.trim()).ok()).collect();
                continue;
            }
            let Ok(n) = v.parse::<u32>() else { continue };
            match k {
                "reply_deadline_days" => s.reply_deadline_days = n,
                "count_working_days" => s.count_working_days = n != 0,
                "due_soon_days" => s.due_soon_days = n,
                "formal_accept_days" => s.formal_accept_days = n,
                "formal_decide_days" => s.formal_decide_days = n,
                "formal_decide_days_complex" => s.formal_decide_days_complex = n,
                "ledger_retention_years" => s.ledger_retention_years = n,
                "survey_retention_years" => s.survey_retention_years = n,
                "print_keep_days" => s.print_keep_days = n,
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
