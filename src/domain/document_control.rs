//! Document control of the printed forms (kiểm soát tài liệu, R5.2): every form the office
//! prints is a controlled ISO document, printed with its code (mã hiệu), issue number (lần
//! ban hành), issue date (ngày ban hành) and revision (lần sửa đổi). The office keeps them
//! per form in the settings; the procedures' codes are the defaults.

use super::dates::parse_date;
use super::text::optional_line;
use super::vocab::vocab;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

vocab!(
    /// The forms the office prints, each under document control.
    ControlledForm "form" "Biểu mẫu" {
        FeedbackBook = "feedback_book" "Sổ ghi nhận ý kiến của khách hàng",
        ComplaintBook = "complaint_book" "Sổ tiếp nhận và giải quyết khiếu nại, phàn nàn, kháng nghị",
        CitizenReceptionBook = "citizen_reception_book" "Sổ tiếp dân",
        SurveyForm = "survey_form" "Phiếu khảo sát ý kiến khách hàng",
        FeedbackLetter = "feedback_letter" "Thư góp ý",
        ReplyLetter = "reply_letter" "Công văn trả lời khiếu nại",
        MeasuresLetter = "measures_letter" "Thông báo kết quả đánh giá và biện pháp khắc phục",
        ReceiptSlip = "receipt_slip" "Phiếu tiếp nhận ý kiến",
        AnnualReport = "annual_report" "Báo cáo đánh giá thỏa mãn khách hàng",
        ComplaintsReport = "complaints_report" "Tổng hợp khiếu nại, phàn nàn, kháng nghị",
        DisposalRecord = "disposal_record" "Biên bản tiêu huỷ hồ sơ",
    }
);

impl ControlledForm {
    /// The code the procedures give the form (seeds 003 and 004); the others have none
    /// until the office writes one in.
    pub fn default_code(self) -> &'static str {
        match self {
            ControlledForm::FeedbackBook => "BM.QT.SCT.05-01",
            ControlledForm::SurveyForm => "BM.QT.SCT.05-02",
            ControlledForm::FeedbackLetter => "BM-[HC-TMKH]-TGY",
            ControlledForm::AnnualReport => "BM-[HC-TMKH]-BCTM",
            _ => "",
        }
    }
}

/// The control data of one form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FormControlData {
    pub form: ControlledForm,
    /// Mã hiệu, e.g. "BM.QT.SCT.05-01"; a dotted space on the print while empty.
    pub code: String,
    /// Lần ban hành (1 for the first issue).
    pub issue: u32,
    /// Ngày ban hành (YYYY-MM-DD); not printed while unknown.
    pub issued_on: Option<String>,
    /// Lần sửa đổi (0 until the form is first revised).
    pub revision: u32,
}

impl FormControlData {
    /// A form as the procedures issue it: its code, first issue, no revision.
    pub fn default_for(form: ControlledForm) -> FormControlData {
        FormControlData { form, code: form.default_code().to_owned(), issue: 1, issued_on: None, revision: 0 }
    }

    /// The issue date as a date.
    pub fn issued_date(&self) -> Option<chrono::NaiveDate> {
        self.issued_on.as_deref().and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    }

    fn validated(&self) -> Result<FormControlData> {
        let label = self.form.label();
        let code = optional_line("code", &format!("Mã hiệu ({label})"), &self.code, 50)?;
        if !(1..=99).contains(&self.issue) {
            return Err(Error::validation("issue", format!("Lần ban hành của «{label}» phải từ 1 đến 99.")));
        }
        if self.revision > 99 {
            return Err(Error::validation("revision", format!("Lần sửa đổi của «{label}» phải từ 0 đến 99.")));
        }
        let issued_on = match self.issued_on.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            None => None,
            Some(d) => Some(parse_date("issued_on", &format!("Ngày ban hành ({label})"), d)?.to_string()),
        };
        Ok(FormControlData { form: self.form, code, issue: self.issue, issued_on, revision: self.revision })
    }
}

/// The control data of every printed form, one entry a form in [`ControlledForm::ALL`]'s
/// order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DocumentControl {
    pub forms: Vec<FormControlData>,
}

impl Default for DocumentControl {
    fn default() -> Self {
        DocumentControl { forms: ControlledForm::ALL.iter().map(|f| FormControlData::default_for(*f)).collect() }
    }
}

impl DocumentControl {
    /// The entry of `form` (its default when missing).
    pub fn of(&self, form: ControlledForm) -> FormControlData {
        self.forms.iter().find(|f| f.form == form).cloned().unwrap_or_else(|| FormControlData::default_for(form))
    }

    /// Stored entries over the defaults: a form added by a newer version keeps its default,
    /// and each form is listed once, in order.
    pub fn merged(stored: &[FormControlData]) -> DocumentControl {
        let forms = ControlledForm::ALL
            .iter()
            .map(|f| stored.iter().find(|s| s.form == *f).cloned().unwrap_or_else(|| FormControlData::default_for(*f)))
            .collect();
        DocumentControl { forms }
    }

    /// Every entry checked and cleaned; a form named twice is refused.
    pub fn validated(&self) -> Result<DocumentControl> {
        let mut seen = std::collections::HashSet::new();
        for f in &self.forms {
            if !seen.insert(f.form) {
                return Err(Error::validation("form", format!("Biểu mẫu «{}» được ghi hai lần.", f.form.label())));
            }
        }
        let checked = self.forms.iter().map(FormControlData::validated).collect::<Result<Vec<_>>>()?;
        Ok(DocumentControl::merged(&checked))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_procedures_codes_are_the_defaults() {
        let d = DocumentControl::default();
        assert_eq!(d.forms.len(), ControlledForm::ALL.len());
        assert_eq!(d.of(ControlledForm::FeedbackBook).code, "BM.QT.SCT.05-01");
        assert_eq!(d.of(ControlledForm::AnnualReport).code, "BM-[HC-TMKH]-BCTM");
        assert_eq!(d.of(ControlledForm::ComplaintBook).issue, 1);
    }

    #[test]
    fn impossible_entries_are_refused_in_vietnamese() {
        let mut d = DocumentControl::default();
        d.forms[0].issue = 0;
        assert!(d.validated().unwrap_err().to_string().contains("Lần ban hành"));
        let mut d = DocumentControl::default();
        d.forms[1].issued_on = Some("31/02/2026".into());
        assert!(d.validated().is_err());
        let mut d = DocumentControl::default();
        d.forms.push(d.forms[0].clone());
        assert!(d.validated().unwrap_err().to_string().contains("hai lần"));
        let mut d = DocumentControl::default();
        d.forms[2].issued_on = Some("15/03/2026".into());
        assert_eq!(d.validated().unwrap().forms[2].issued_on.as_deref(), Some("2026-03-15"));
    }
}
