//! Personal data (Luật Bảo vệ dữ liệu cá nhân, Law 91/2025/QH15): the notice printed on the
//! forms that collect it, how contact details are masked until someone asks to see them, and
//! the keys a person is looked up by.

use super::text::fold;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The notice the office prints on every form that collects personal data, until it writes
/// its own in the settings. `{co_quan}` is replaced by the office's name.
pub const DEFAULT_NOTICE: &str = "Thông báo xử lý dữ liệu cá nhân (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15): \
{co_quan} thu thập họ tên, tổ chức, địa chỉ, số điện thoại, thư điện tử và nội dung ý kiến mà Quý khách cung cấp \
chỉ để tiếp nhận, giải quyết, trả lời ý kiến và đo lường sự hài lòng của khách hàng. Dữ liệu do {co_quan} quản lý, \
không cung cấp cho bên khác trừ khi pháp luật quy định, và được lưu trữ trong thời hạn lưu trữ hồ sơ của cơ quan, \
hết hạn thì tiêu huỷ. Quý khách có quyền được biết, xem, yêu cầu chỉnh sửa và yêu cầu xoá dữ liệu của mình bằng \
cách liên hệ bộ phận tiếp nhận của {co_quan}.";

/// Stands for the office's name in the notice.
pub const OFFICE_PLACEHOLDER: &str = "{co_quan}";

/// The longest notice accepted: it is printed in small type at the foot of one-page forms.
pub const MAX_NOTICE_CHARS: usize = 1200;

/// The notice as printed for this office: the placeholder filled, blank meaning the default.
pub fn notice_for(text: &str, office_name: &str) -> String {
    let text = if text.trim().is_empty() { DEFAULT_NOTICE } else { text };
    let office = if office_name.trim().is_empty() { "Cơ quan" } else { office_name.trim() };
    text.replace(OFFICE_PLACEHOLDER, office)
}

/// What the book writes in place of erased words: the line stays, so numbering and counts
/// do not move, and whoever reads it knows why it is empty.
pub const ERASED_ON_REQUEST: &str = "[đã xoá theo yêu cầu]";

/// A case's contact details beyond the name: shown only on request, each showing logged.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Contact {
    pub receipt_no: String,
    pub customer_address: String,
    pub customer_phone: String,
    pub customer_email: String,
}

impl Contact {
    pub fn is_empty(&self) -> bool {
        self.customer_address.is_empty() && self.customer_phone.is_empty() && self.customer_email.is_empty()
    }

    /// The masked form shown until someone asks: enough to tell two people apart on the
    /// telephone (the last three digits), nothing that lets one reach them.
    pub fn masked(&self) -> Contact {
        Contact {
            receipt_no: self.receipt_no.clone(),
            customer_address: mask_address(&self.customer_address),
            customer_phone: mask_phone(&self.customer_phone),
            customer_email: mask_email(&self.customer_email),
        }
    }
}

impl crate::Case {
    /// The case's contact details beyond the name.
    pub fn contact(&self) -> Contact {
        Contact {
            receipt_no: self.receipt_no.clone(),
            customer_address: self.customer_address.clone(),
            customer_phone: self.customer_phone.clone(),
            customer_email: self.customer_email.clone(),
        }
    }

    /// Masks the address, telephone and e-mail in place ([`Contact::masked`]), marking the
    /// case `contact_masked` when there was anything to mask.
    pub fn mask_contact(&mut self) {
        let contact = self.contact();
        if !contact.is_empty() {
            let masked = contact.masked();
            (self.customer_address, self.customer_phone, self.customer_email) =
                (masked.customer_address, masked.customer_phone, masked.customer_email);
            self.contact_masked = true;
        }
    }
}

/// "0905 111 222" → "••••••••222"; empty stays empty.
pub fn mask_phone(phone: &str) -> String {
    let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return if phone.trim().is_empty() { String::new() } else { "•••".into() };
    }
    let keep = if digits.len() > 6 { 3 } else { 0 };
    let hidden = "•".repeat(digits.len() - keep);
    format!("{hidden}{}", digits[digits.len() - keep..].iter().collect::<String>())
}

/// "an.nguyen@gmail.com" → "a•••@gmail.com".
pub fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        _ if email.is_empty() => String::new(),
        Some((user, domain)) => format!("{}•••@{domain}", user.chars().next().unwrap_or('•')),
        None => "•••".into(),
    }
}

pub fn mask_address(address: &str) -> String {
    if address.trim().is_empty() { String::new() } else { "••• (đã ẩn)".into() }
}

/// The digits of a telephone number as dialled in Vietnam: "+84 905-111-222" and
/// "0905.111.222" both give "0905111222".
pub fn phone_key(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    match digits.strip_prefix("84") {
        Some(rest) if phone.trim_start().starts_with('+') || digits.len() == 11 => format!("0{rest}"),
        _ => digits,
    }
}

/// An e-mail address compared ignoring case and surrounding spaces.
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A name compared ignoring accents, case and spacing (the search key of the book).
pub fn name_key(name: &str) -> String {
    fold(name)
}

/// Who to look for: any of the three, compared as the book's search compares (accents,
/// case and spacing ignored; telephone numbers by their digits). Records matching any of
/// them are listed, for the user to pick those that are really that person.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct PersonQuery {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
}

/// The kinds of records that hold a person's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PersonRecordKind {
    /// A line of the feedback book with its case file.
    Case,
    /// A returned survey form, as entered.
    SurveyForm,
}

/// One record that may be the person's, as the search lists it: enough to tell whether it
/// is (contact details masked), nothing more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonMatch {
    pub kind: PersonRecordKind,
    pub id: String,
    /// "2026/000123" for a case, "2026-01/0007" (round/serial) for a survey form.
    pub reference: String,
    /// YYYY-MM-DD: received, or written on the form.
    pub date: String,
    /// The name as written (for a survey form, the written answer that matched).
    pub name: String,
    pub org: String,
    /// Masked.
    pub phone: String,
    /// Masked.
    pub email: String,
    /// "Khiếu nại — Thời gian giải quyết" or the round's name.
    pub description: String,
    /// What matched: "họ tên", "điện thoại", "thư điện tử".
    pub matched_on: Vec<String>,
    /// A case still being handled: it cannot be erased before it is closed.
    pub open: bool,
}

/// The records the user picked as the person's.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct PersonSelection {
    #[serde(default)]
    pub case_ids: Vec<String>,
    #[serde(default)]
    pub survey_form_ids: Vec<String>,
}

impl PersonSelection {
    pub fn is_empty(&self) -> bool {
        self.case_ids.is_empty() && self.survey_form_ids.is_empty()
    }
}

/// A person's request to erase their data, as the office received it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ErasureRequest {
    pub selection: PersonSelection,
    /// The request's number or reference (số, ký hiệu của đơn yêu cầu).
    pub reference: String,
    /// YYYY-MM-DD or dd/mm/yyyy: the day the request was received.
    pub request_date: String,
}

/// What an erasure did, without any of the erased data.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ErasureReport {
    pub id: String,
    pub reference: String,
    pub request_date: String,
    /// Receipt numbers of the cases erased.
    pub cases: Vec<String>,
    /// Round/serial of the survey forms erased.
    pub survey_forms: Vec<String>,
    pub redacted_audit_entries: i32,
    /// Archived compilations of complaints removed because they printed the person's data.
    pub removed_reports: i32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_keep_only_what_tells_people_apart() {
        assert_eq!(mask_phone("0905 111 222"), "•••••••222");
        assert_eq!(mask_phone(""), "");
        assert_eq!(mask_phone("114"), "•••");
        assert_eq!(mask_email("an.nguyen@gmail.com"), "a•••@gmail.com");
        assert_eq!(mask_email(""), "");
        assert_eq!(mask_address("12 Lê Lợi"), "••• (đã ẩn)");
        assert_eq!(mask_address(""), "");
    }

    #[test]
    fn phone_keys_ignore_punctuation_and_the_country_code() {
        assert_eq!(phone_key("+84 905-111-222"), "0905111222");
        assert_eq!(phone_key("0905.111.222"), "0905111222");
        assert_eq!(phone_key("84905111222"), "0905111222");
    }

    #[test]
    fn the_default_notice_names_the_office_and_the_law() {
        let n = notice_for("", "Sở Công Thương tỉnh Đồng Nai");
        assert!(n.contains("Sở Công Thương tỉnh Đồng Nai thu thập") && n.contains("91/2025/QH15"), "{n}");
        assert!(!n.contains(OFFICE_PLACEHOLDER));
        assert_eq!(notice_for("Của {co_quan}.", "Sở Tư pháp"), "Của Sở Tư pháp.");
    }
}
