//! A piece of customer feedback as entered in the book (R1): who, when, through which channel,
//! what kind, about what, and what was said. The handling of it is in `workflow`.

use super::dates::parse_local_datetime;
use super::text::{clean_text, optional_line, required_line};
use super::vocab::vocab;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

vocab!(
    /// How the feedback arrived (seed 000 step 1, seed 003).
    Channel "channel" "Kênh tiếp nhận" {
        Hotline = "hotline" "Điện thoại, đường dây nóng",
        Chat = "chat" "Tin nhắn, trò chuyện trực tuyến",
        Email = "email" "Thư điện tử",
        OfficialLetter = "official_letter" "Công văn",
        InPerson = "in_person" "Trực tiếp tại cơ quan",
        SocialMedia = "social_media" "Mạng xã hội",
        SuggestionBox = "suggestion_box" "Hòm thư góp ý",
        FeedbackLetter = "feedback_letter" "Thư góp ý (TGY)",
        Survey = "survey" "Phiếu khảo sát",
    }
);

vocab!(
    /// What kind of feedback it is (R1.2).
    Kind "kind" "Loại ý kiến" {
        Praise = "praise" "Khen ngợi",
        Suggestion = "suggestion" "Góp ý, kiến nghị",
        Reflection = "reflection" "Phản ánh",
        Request = "request" "Yêu cầu",
        Complaint = "complaint" "Khiếu nại",
        Grievance = "grievance" "Phàn nàn",
        Appeal = "appeal" "Kháng nghị",
    }
);

impl Channel {
    /// Whether feedback through this channel comes from someone the clerk can name: in person
    /// and on the telephone the name is asked and written down; a suggestion-box note, an
    /// unsigned letter or a social-media post may carry none (printed «Không ghi tên»).
    pub fn name_required(self) -> bool {
        matches!(self, Channel::InPerson | Channel::Hotline)
    }
}

/// How the book prints an entry recorded without a customer name.
pub const NO_NAME: &str = "Không ghi tên";

impl Kind {
    /// Complaints, grievances and appeals follow seed 001's procedure: a reply within the
    /// deadline, and the mandatory steps of R2.5.
    pub fn is_complaint(self) -> bool {
        matches!(self, Kind::Complaint | Kind::Grievance | Kind::Appeal)
    }
}

vocab!(
    /// What the feedback is about (R1.2).
    Subject "subject" "Nội dung liên quan" {
        Attitude = "attitude" "Thái độ phục vụ của cán bộ",
        Confidentiality = "confidentiality" "Bảo mật thông tin",
        ServiceResult = "service_result" "Kết quả giải quyết, chứng nhận",
        ProcessingTime = "processing_time" "Thời gian giải quyết",
        Procedure = "procedure" "Thủ tục, quy trình",
        Other = "other" "Khác",
    }
);

vocab!(
    /// Customer groups of seed 003 §5.3.1.
    CustomerGroup "customer_group" "Nhóm khách hàng" {
        Unknown = "unknown" "Chưa xác định",
        LongTerm = "long_term" "Quan hệ lâu dài",
        Referred = "referred" "Quen qua giới thiệu",
        FirstTime = "first_time" "Quan hệ lần đầu",
    }
);

vocab!(
    /// The books an office keeps over the same kind of record (R1.7); each is listed and
    /// printed on its own.
    Book "book" "Sổ" {
        Feedback = "feedback" "Sổ ghi nhận ý kiến của khách hàng",
        Complaints = "complaints" "Sổ tiếp nhận và giải quyết khiếu nại, phàn nàn, kháng nghị",
        CitizenReception = "citizen_reception" "Sổ tiếp dân",
    }
);

/// The receipt number printed for the citizen: the year and a number that runs from 1 each
/// year without gaps, shown as 2026/000123.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ReceiptNo {
    pub year: i32,
    pub seq: i64,
}

impl std::fmt::Display for ReceiptNo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{:06}", self.year, self.seq)
    }
}

impl std::str::FromStr for ReceiptNo {
    type Err = Error;
    fn from_str(s: &str) -> Result<ReceiptNo> {
        let bad = || Error::validation("receipt_no", format!("Số phiếu «{s}» không đúng dạng năm/số, ví dụ 2026/000123."));
        let (y, n) = s.trim().split_once('/').ok_or_else(bad)?;
        let year: i32 = y.trim().parse().map_err(|_| bad())?;
        let seq: i64 = n.trim().parse().map_err(|_| bad())?;
        if !(1900..=9999).contains(&year) || seq < 1 {
            return Err(bad());
        }
        Ok(ReceiptNo { year, seq })
    }
}

/// Feedback as typed in the entry form.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct FeedbackInput {
    /// Local date and time received, `YYYY-MM-DDTHH:MM`.
    pub received_at: String,
    pub channel: Channel,
    pub kind: Kind,
    pub subject: Subject,
    pub book: Book,
    /// Tên khách hàng: the person who gave the feedback.
    pub customer_name: String,
    /// The organisation they represent, if any.
    pub customer_org: String,
    pub customer_address: String,
    pub customer_phone: String,
    pub customer_email: String,
    pub customer_group: CustomerGroup,
    /// Nội dung ý kiến phản ánh của khách hàng.
    pub content: String,
    /// Người tiếp nhận (staff id).
    pub receiver_id: Option<String>,
    /// The unit responsible for handling it (unit id).
    pub unit_id: Option<String>,
    /// A written complaint, answered by an official reply letter (R2.3).
    pub written: bool,
    /// A formal complaint under the Law on Complaints, with its own clock (R2.4).
    pub formal: bool,
    /// When set, the feedback was settled on the spot (seed 001 step 1): this is what the
    /// clerk explained, and the case is closed in the same entry.
    pub settled_on_spot: Option<String>,
}

/// Longest free text accepted: a long letter retyped, not a pasted document.
pub const MAX_CONTENT_CHARS: usize = 20_000;

impl FeedbackInput {
    pub fn validated(&self) -> Result<(FeedbackInput, chrono::NaiveDateTime)> {
        let received = parse_local_datetime("received_at", "Ngày giờ tiếp nhận", &self.received_at)?;
        let content = clean_text(&self.content);
        if content.is_empty() {
            return Err(Error::validation("content", "Nội dung ý kiến không được để trống."));
        }
        let n = content.chars().count();
        if n > MAX_CONTENT_CHARS {
            return Err(Error::validation(
                "content",
                format!("Nội dung ý kiến quá dài: {n} ký tự, tối đa {MAX_CONTENT_CHARS} ký tự."),
            ));
        }
        let settled = match &self.settled_on_spot {
            None => None,
            Some(t) => {
                let t = clean_text(t);
                if t.is_empty() {
                    return Err(Error::validation("settled_on_spot", "Hãy ghi nội dung đã giải thích, giải quyết ngay cho khách hàng."));
                }
                Some(t)
            }
        };
        let input = FeedbackInput {
            received_at: received.format("%Y-%m-%dT%H:%M").to_string(),
            channel: self.channel,
            kind: self.kind,
            subject: self.subject,
            book: self.book,
            customer_name: if self.channel.name_required() {
                required_line("customer_name", "Tên khách hàng", &self.customer_name, 200).map_err(|_| {
                    Error::validation(
                        "customer_name",
                        format!("Hãy ghi tên khách hàng: ý kiến nhận qua «{}» phải có tên người nêu.", self.channel.label()),
                    )
                })?
            } else {
                optional_line("customer_name", "Tên khách hàng", &self.customer_name, 200)?
            },
            customer_org: optional_line("customer_org", "Tổ chức", &self.customer_org, 300)?,
            customer_address: optional_line("customer_address", "Địa chỉ", &self.customer_address, 300)?,
            customer_phone: optional_line("customer_phone", "Điện thoại", &self.customer_phone, 50)?,
            customer_email: optional_line("customer_email", "Thư điện tử", &self.customer_email, 200)?,
            customer_group: self.customer_group,
            content,
            receiver_id: self.receiver_id.clone().filter(|s| !s.trim().is_empty()),
            unit_id: self.unit_id.clone().filter(|s| !s.trim().is_empty()),
            written: self.written,
            formal: self.formal,
            settled_on_spot: settled,
        };
        Ok((input, received))
    }
}

/// A correction of a saved entry (every field but the receipt number): the fields to change,
/// absent where they stay as they are, and why. An empty `unit_id` or `receiver_id` takes the
/// unit or the receiver away.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct CorrectionInput {
    #[serde(default)]
    #[ts(optional)]
    pub received_at: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub channel: Option<Channel>,
    #[serde(default)]
    #[ts(optional)]
    pub kind: Option<Kind>,
    #[serde(default)]
    #[ts(optional)]
    pub subject: Option<Subject>,
    #[serde(default)]
    #[ts(optional)]
    pub book: Option<Book>,
    #[serde(default)]
    #[ts(optional)]
    pub customer_name: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub customer_org: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub customer_address: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub customer_phone: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub customer_email: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub customer_group: Option<CustomerGroup>,
    #[serde(default)]
    #[ts(optional)]
    pub content: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub receiver_id: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub unit_id: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub written: Option<bool>,
    #[serde(default)]
    #[ts(optional)]
    pub formal: Option<bool>,
    /// Why the entry is corrected: kept in the case's history and the audit log.
    pub reason: String,
    /// As [`super::case::MoveInput::version`].
    #[serde(default)]
    #[ts(optional, type = "number")]
    pub version: Option<i64>,
}

/// One field a correction changed, as the case's history tells it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldChange {
    /// The field's name in [`FeedbackInput`].
    pub field: String,
    /// Its label on the entry form.
    pub label: String,
    pub before: String,
    pub after: String,
}

impl CorrectionInput {
    /// The entry `current` with this correction applied, validated as a new entry is, and
    /// what changed (field by field, in words). Refused without a reason or without a change.
    pub fn apply(&self, current: &FeedbackInput) -> Result<(FeedbackInput, chrono::NaiveDateTime, Vec<FieldChange>, String)> {
        let reason = clean_text(&self.reason);
        if reason.is_empty() {
            return Err(Error::validation("reason", "Hãy ghi lý do sửa (ví dụ: ghi sai tên khách hàng)."));
        }
        let mut next = current.clone();
        let pick = |v: &Option<String>, old: &mut String| {
            if let Some(v) = v {
                *old = v.clone();
            }
        };
        if let Some(v) = &self.received_at {
            next.received_at = v.clone();
        }
        next.channel = self.channel.unwrap_or(current.channel);
        next.kind = self.kind.unwrap_or(current.kind);
        next.subject = self.subject.unwrap_or(current.subject);
        next.book = self.book.unwrap_or(current.book);
        pick(&self.customer_name, &mut next.customer_name);
        pick(&self.customer_org, &mut next.customer_org);
        pick(&self.customer_address, &mut next.customer_address);
        pick(&self.customer_phone, &mut next.customer_phone);
        pick(&self.customer_email, &mut next.customer_email);
        next.customer_group = self.customer_group.unwrap_or(current.customer_group);
        pick(&self.content, &mut next.content);
        if let Some(v) = &self.receiver_id {
            next.receiver_id = Some(v.clone());
        }
        if let Some(v) = &self.unit_id {
            next.unit_id = Some(v.clone());
        }
        next.written = self.written.unwrap_or(current.written);
        next.formal = self.formal.unwrap_or(current.formal);
        next.settled_on_spot = None;
        let (next, received) = next.validated()?;
        let mut changes = Vec::new();
        let mut diff = |field: &str, label: &str, before: String, after: String| {
            if before != after {
                changes.push(FieldChange { field: field.into(), label: label.into(), before, after });
            }
        };
        let yes = |b: bool| if b { "Có" } else { "Không" }.to_owned();
        diff("received_at", "Ngày giờ tiếp nhận", current.received_at.clone(), next.received_at.clone());
        diff("channel", "Kênh tiếp nhận", current.channel.label().into(), next.channel.label().into());
        diff("kind", "Loại ý kiến", current.kind.label().into(), next.kind.label().into());
        diff("subject", "Nội dung liên quan", current.subject.label().into(), next.subject.label().into());
        diff("book", "Sổ", current.book.label().into(), next.book.label().into());
        diff("customer_name", "Tên khách hàng", current.customer_name.clone(), next.customer_name.clone());
        diff("customer_org", "Tổ chức", current.customer_org.clone(), next.customer_org.clone());
        diff("customer_address", "Địa chỉ", current.customer_address.clone(), next.customer_address.clone());
        diff("customer_phone", "Điện thoại", current.customer_phone.clone(), next.customer_phone.clone());
        diff("customer_email", "Thư điện tử", current.customer_email.clone(), next.customer_email.clone());
        diff("customer_group", "Nhóm khách hàng", current.customer_group.label().into(), next.customer_group.label().into());
        diff("content", "Nội dung ý kiến", current.content.clone(), next.content.clone());
        diff("receiver_id", "Người tiếp nhận", current.receiver_id.clone().unwrap_or_default(), next.receiver_id.clone().unwrap_or_default());
        diff("unit_id", "Đơn vị xử lý", current.unit_id.clone().unwrap_or_default(), next.unit_id.clone().unwrap_or_default());
        diff("written", "Khiếu nại bằng văn bản", yes(current.written), yes(next.written));
        diff("formal", "Khiếu nại theo Luật Khiếu nại", yes(current.formal), yes(next.formal));
        if changes.is_empty() {
            return Err(Error::validation("reason", "Không có thông tin nào thay đổi so với bản đã ghi."));
        }
        Ok((next, received, changes, reason))
    }
}

/// Why an entry made by mistake is withdrawn («nhập nhầm»), cleaned; refused when empty.
pub fn withdrawal_reason(reason: &str) -> Result<String> {
    let reason = clean_text(reason);
    if reason.is_empty() {
        return Err(Error::validation("reason", "Hãy ghi lý do rút ý kiến khỏi sổ (ví dụ: nhập nhầm, trùng với phiếu khác)."));
    }
    Ok(reason)
}

// The date parsers live in `dates`; store/feedback.rs, surveys.rs and report/period.rs still
// name `parse_date` by this path.
pub use super::dates::parse_date;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn receipt_numbers_print_and_parse() {
        let r = ReceiptNo { year: 2026, seq: 123 };
        assert_eq!(r.to_string(), "2026/000123");
        assert_eq!("2026/000123".parse::<ReceiptNo>().unwrap(), r);
        assert_eq!(" 2026/123 ".parse::<ReceiptNo>().unwrap(), r);
        for bad in ["2026", "2026/0", "abc/12", "2026/-1", "12/5"] {
            assert!(bad.parse::<ReceiptNo>().is_err(), "{bad}");
        }
    }

    #[test]
    fn vocab_round_trips() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()).unwrap(), *k);
        }
        let e = Channel::parse("fax").unwrap_err();
        assert!(matches!(&e, Error::Validation { field, .. } if field == "channel"));
        assert!(e.to_string().contains("in_person"));
    }
}
