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
