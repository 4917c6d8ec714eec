//! The records the reports read and keep, as plain types: the objectives of a year and their
//! verdict (R4.5), what staff write into the annual report, the archive of reports generated
//! to be signed (R4.4), the opinions written on survey forms and the forms behind a survey
//! figure. `store` reads and writes them; `report` computes the figures from them.

use super::vocab::vocab;
use crate::error::{Error, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

vocab!(
    /// The figures an office sets objectives on: shares in percent, to reach or exceed.
    Metric "metric" "Chỉ tiêu" {
        RepliedOnTime = "replied_on_time" "Tỷ lệ trả lời khiếu nại đúng hạn",
        SettledFrontDesk = "settled_front_desk" "Tỷ lệ giải quyết ngay tại bộ phận tiếp nhận",
        SatisfactionIndex = "satisfaction_index" "Chỉ số hài lòng (phiếu khảo sát)",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Objective {
    pub year: i32,
    pub metric: Metric,
    /// Percent, 0–100.
    pub target: f64,
}

/// A target is a share in percent: from 0 to 100.
pub fn check_target(target: Option<f64>) -> Result<()> {
    match target {
        Some(t) if !(0.0..=100.0).contains(&t) || t.is_nan() => Err(Error::validation("target", "Chỉ tiêu phải là một tỷ lệ từ 0 đến 100 (%).")),
        _ => Ok(()),
    }
}

/// An objective against the figures: met when the figure reaches the target; unknown when
/// there is nothing to judge on (no complaint, no survey form).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ObjectiveResult {
    pub metric: Metric,
    pub label: String,
    pub target: f64,
    pub actual: Option<f64>,
    pub met: Option<bool>,
}

impl ObjectiveResult {
    /// The verdict as the report and its workbook write it.
    pub fn verdict(&self) -> &'static str {
        match self.met {
            Some(true) => "Đạt",
            Some(false) => "Không đạt",
            None => "Chưa có số liệu",
        }
    }
}

/// What staff write into the annual report; the figures come from the records.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AnnualTexts {
    /// Số, e.g. "15/BC-SCT".
    pub number: String,
    /// The report's date (YYYY-MM-DD); dated by hand when absent.
    #[ts(type = "string | null")]
    pub date: Option<NaiveDate>,
    pub conclusions: String,
    pub proposals: String,
    /// Người lập báo cáo.
    pub prepared_by: String,
    /// Đại diện lãnh đạo (QMR).
    pub qmr: String,
    /// Thủ trưởng: name and title ("Giám đốc").
    pub head_name: String,
    pub head_title: String,
}

impl AnnualTexts {
    /// The texts as stored: every one cleaned the way all typed text is.
    pub fn cleaned(&self) -> AnnualTexts {
        use super::text::clean_text;
        AnnualTexts {
            number: clean_text(&self.number),
            conclusions: clean_text(&self.conclusions),
            proposals: clean_text(&self.proposals),
            prepared_by: clean_text(&self.prepared_by),
            qmr: clean_text(&self.qmr),
            head_name: clean_text(&self.head_name),
            head_title: clean_text(&self.head_title),
            date: self.date,
        }
    }
}

/// A report kept as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ArchivedReport {
    pub id: String,
    /// `annual`, `complaints` or `consolidated` (the consolidated annual report of the offices).
    pub kind: String,
    pub period_from: String,
    pub period_to: String,
    pub author: String,
    pub generated_at: String,
    /// SHA-256 of the PDF file, hex.
    pub sha256: String,
    pub bytes: u32,
}

/// One opinion as staff sort it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Opinion {
    pub response_id: String,
    pub code: String,
    pub round_code: String,
    pub serial: i32,
    pub filled_on: String,
    pub text: String,
    /// The group staff put it in; absent until sorted.
    pub group: Option<String>,
}

/// The name of an opinion group as typed, cleaned: refused when longer than 100 characters;
/// empty to take an opinion out of its group.
pub fn group_name(typed: &str) -> Result<String> {
    let group = super::text::clean_text(typed);
    if group.chars().count() > 100 {
        return Err(Error::validation("group", "Tên nhóm ý kiến dài quá 100 ký tự."));
    }
    Ok(group)
}

/// A group name already used for another opinion, as written there, when `name` is the same
/// but for accents, case or spacing: "thời gian chờ" joins "Thời gian chờ".
pub fn known_group(name: String, known: Vec<String>) -> String {
    let known: std::collections::HashMap<String, String> = known.into_iter().map(|n| (super::text::fold(&n), n)).collect();
    known.get(&super::text::fold(&name)).cloned().unwrap_or(name)
}

/// Which answers of a criterion to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "answer", content = "level", rename_all = "snake_case")]
pub enum AnswerPick {
    /// Every form of the template version, whatever it answered.
    Any,
    /// The box of this level (1 = the first printed box) ticked.
    Level(u32),
    /// No box ticked.
    Blank,
    /// Several boxes ticked: a spoiled answer.
    Spoiled,
}

/// What the Báo cáo page asks for when a survey number is clicked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FormsQuery {
    /// "BM.QT.SCT.05-02" and its version, as in [`super::surveys::TemplateFigures`];
    /// absent for the forms of every template.
    pub template_code: Option<String>,
    pub template_version: Option<u32>,
    /// The answer code ("cau_1.2"); absent with [`AnswerPick::Any`].
    pub slot: Option<String>,
    pub pick: AnswerPick,
}

/// One form behind a number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FormBehind {
    pub response_id: String,
    pub round_id: String,
    /// The round's code and name: "KS-2026-Q2", "Khảo sát quý II năm 2026".
    pub round_code: String,
    pub round_name: String,
    pub serial: i32,
    /// The date written on the form (YYYY-MM-DD).
    pub filled_on: String,
}

/// At most this many forms are listed; `total` still counts them all.
pub const FORMS_LISTED: u32 = 500;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FormsBehind {
    /// The paper forms and the kiosk ratings the number counts.
    pub total: u32,
    /// By date on the form, then round and serial; at most [`FORMS_LISTED`].
    pub forms: Vec<FormBehind>,
    /// The kiosks' ratings, when the number counts them: by day and kiosk; with `forms`, at
    /// most [`FORMS_LISTED`].
    pub ratings: Vec<crate::domain::kiosk::RatingBehind>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verdict_for_each_outcome() {
        let r = |met| ObjectiveResult { metric: Metric::RepliedOnTime, label: String::new(), target: 90.0, actual: None, met };
        assert_eq!(r(Some(true)).verdict(), "Đạt");
        assert_eq!(r(Some(false)).verdict(), "Không đạt");
        assert_eq!(r(None).verdict(), "Chưa có số liệu");
    }

    #[test]
    fn a_target_is_a_percentage() {
        for ok in [None, Some(0.0), Some(92.5), Some(100.0)] {
            assert!(check_target(ok).is_ok(), "{ok:?}");
        }
        for bad in [Some(-0.1), Some(100.1), Some(f64::NAN)] {
            assert!(check_target(bad).is_err(), "{bad:?}");
        }
    }
}
