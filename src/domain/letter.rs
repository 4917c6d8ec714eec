//! Reply letters to written complaints (R2.3, seed 001): the QMR drafts, leadership signs,
//! the administrative office sends. Each stage is recorded with its date.

use super::vocab::vocab;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

vocab!(
    LetterStatus "letter_status" "Tình trạng công văn" {
        Draft = "draft" "Dự thảo",
        Signed = "signed" "Đã ký",
        Sent = "sent" "Đã gửi",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReplyLetter {
    pub id: String,
    /// Số công văn, e.g. "125/SCT-VP".
    pub number: String,
    pub body: String,
    pub status: LetterStatus,
    pub signer_name: String,
    pub signer_title: String,
    pub drafted_at: String,
    pub signed_on: Option<String>,
    pub sent_on: Option<String>,
    pub sent_via: Option<String>,
}

/// A reply letter drafted and waiting for leadership's signature, with what a director reads
/// of its case before signing it from one list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LetterToSign {
    pub letter: ReplyLetter,
    pub case_id: String,
    pub receipt_no: String,
    pub customer_name: String,
    pub content: String,
    /// The case's deadline in force (YYYY-MM-DD).
    pub due: String,
}

/// Several drafts signed at once, by one signer on one day.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SignBatchInput {
    pub letter_ids: Vec<String>,
    pub signer_name: String,
    pub signer_title: String,
    /// YYYY-MM-DD
    pub on: String,
}

/// The letter that tells a customer the office's evaluation and the corrective measures it
/// took (seed 003 §5.5, R4.6), as drafted from the case and its linked actions and then
/// edited before printing. Nothing of it is stored: what is recorded is that it was sent
/// ([`CustomerNoticeInput`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MeasuresLetter {
    /// The case's receipt number, e.g. "2026/000123".
    pub receipt_no: String,
    /// Số công văn, e.g. "45/TB-SCT"; left to fill in by hand when empty.
    pub number: String,
    /// The letter's date (YYYY-MM-DD); left to date by hand when empty.
    pub date: Option<String>,
    /// After "Kính gửi:".
    pub addressee: String,
    /// Paragraphs of the body, one a line.
    pub body: String,
    /// "Giám đốc", "Phó Giám đốc" (signs "KT. GIÁM ĐỐC").
    pub signer_title: String,
    pub signer_name: String,
}

/// Longest body accepted for a measures letter: one or two pages.
pub const MAX_MEASURES_BODY_CHARS: usize = 10_000;

impl MeasuresLetter {
    /// Cleans every field; an empty body, or one too long for a letter, is refused.
    pub fn validated(&self) -> crate::error::Result<MeasuresLetter> {
        use super::text::{clean_text, optional_line};
        use crate::error::Error;
        let body = clean_text(&self.body);
        if body.is_empty() {
            return Err(Error::validation("body", "Nội dung thông báo không được để trống."));
        }
        let n = body.chars().count();
        if n > MAX_MEASURES_BODY_CHARS {
            return Err(Error::validation("body", format!("Nội dung thông báo quá dài: {n} ký tự, tối đa {MAX_MEASURES_BODY_CHARS} ký tự.")));
        }
        let date = match self.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            None => None,
            Some(d) => Some(super::dates::parse_date("date", "Ngày thông báo", d)?.to_string()),
        };
        Ok(MeasuresLetter {
            receipt_no: self.receipt_no.trim().to_owned(),
            number: optional_line("number", "Số công văn", &self.number, 50)?,
            date,
            addressee: optional_line("addressee", "Kính gửi", &self.addressee, 300)?,
            body,
            signer_title: optional_line("signer_title", "Chức danh người ký", &self.signer_title, 100)?,
            signer_name: optional_line("signer_name", "Họ tên người ký", &self.signer_name, 100)?,
        })
    }
}

/// That the measures letter was sent to the customer, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CustomerNoticeInput {
    /// The case's id.
    pub case_id: String,
    /// When it was sent (YYYY-MM-DD or dd/mm/yyyy).
    pub sent_on: String,
    /// How: a letter by post (công văn), e-mail, in person…
    pub channel: super::feedback::Channel,
    /// Anything worth keeping with it (the letter's number, who took it).
    #[serde(default)]
    #[ts(optional)]
    pub note: Option<String>,
}

/// The line the case's timeline keeps for a notice sent on `sent_on` (dd/mm/yyyy).
pub fn notice_note(sent_on: chrono::NaiveDate, extra: &str) -> String {
    let line = format!(
        "Đã gửi thông báo kết quả đánh giá và biện pháp khắc phục cho khách hàng ngày {}.",
        sent_on.format("%d/%m/%Y")
    );
    if extra.is_empty() { line } else { format!("{line} {extra}") }
}

/// A case with no corrective action linked has nothing to tell its customer: the measures
/// letter reports measures. `actions` is the number linked to the case `receipt_no`.
pub fn something_to_tell(receipt_no: &str, actions: usize) -> crate::error::Result<()> {
    if actions == 0 {
        return Err(crate::error::Error::Conflict(format!(
            "Hồ sơ {receipt_no} chưa có hành động khắc phục nào gắn kèm nên chưa có gì để thông báo cho khách hàng. \
             Hãy ghi hành động khắc phục của hồ sơ trước."
        )));
    }
    Ok(())
}
