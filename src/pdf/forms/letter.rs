//! The feedback letter BM-[HC-TMKH]-TGY (seed 003 §5.2.3): after a service has been
//! provided, the office asks the customer's opinion of it. Its text is data
//! ([`FeedbackLetter::standard`]), its questions are survey items, and the office's name and
//! contact details come from the office profile.

use super::survey::draw_item;
use crate::domain::office::OfficeProfile;
use crate::domain::survey::{fill, SurveyItem};
use crate::error::Result;
use crate::pdf::blocks::{self, blank_date_line, date_line, FormControl, Signature};
use crate::pdf::document::{Document, Metadata};
use crate::pdf::font::Face;
use crate::pdf::page::mm;
use crate::pdf::text::{Align, Style};
use chrono::NaiveDate;

/// Seed 003's form code for the letter. The office profile has no field for it yet.
pub const DEFAULT_LETTER_FORM_CODE: &str = "BM-[HC-TMKH]-TGY";

/// Stands for the office's contact details in the letter's texts: address, telephone and
/// e-mail, those that are known.
pub const CONTACT_PLACEHOLDER: &str = "{lien_he}";

/// The letter's content. Texts may use the office placeholder of survey templates and
/// [`CONTACT_PLACEHOLDER`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackLetter {
    pub form_code: String,
    /// The whole document control (R5.2); only `form_code` is printed when `None`.
    pub control: Option<FormControl>,
    /// "Thư góp ý"; printed in capitals.
    pub title: String,
    /// The line under the title.
    pub subtitle: String,
    /// After "Kính gửi:"; a dotted line to fill in when empty.
    pub addressee: String,
    /// The office's date line; left blank to date by hand when `None`.
    pub date: Option<NaiveDate>,
    pub intro: Vec<String>,
    /// The questions, as in a survey template.
    pub items: Vec<SurveyItem>,
    pub closing: Vec<String>,
    /// Who signs at the bottom right: the customer.
    pub signer: String,
    /// The office's privacy notice, printed small at the foot of the last page: the customer
    /// writes their name, address and telephone on the letter.
    pub notice: Option<String>,
}

impl FeedbackLetter {
    /// A sober standard letter: thanks, the request, who the customer is, the service used,
    /// ratings of its result, time and manner, what did not satisfy, suggestions, where to
    /// send the letter.
    pub fn standard() -> FeedbackLetter {
        let scale = || vec!["Tốt".to_owned(), "Đạt yêu cầu".to_owned(), "Chưa đạt yêu cầu".to_owned()];
        let free = |id: &str, prompt: &str, lines: u8| SurveyItem::FreeText {
            id: id.into(),
            label: None,
            prompt: prompt.into(),
            lines,
        };
        FeedbackLetter {
            form_code: DEFAULT_LETTER_FORM_CODE.into(),
            control: None,
            title: "Thư góp ý".into(),
            subtitle: "Về chất lượng dịch vụ đã cung cấp".into(),
            addressee: "Quý khách hàng".into(),
            date: None,
            intro: vec![
                "{co_quan} trân trọng cảm ơn Quý khách hàng đã tin tưởng sử dụng dịch vụ của chúng tôi. Nhằm \
                 không ngừng nâng cao chất lượng phục vụ, chúng tôi rất mong nhận được ý kiến đánh giá của Quý \
                 khách hàng về dịch vụ đã được cung cấp, bằng cách ghi vào các mục dưới đây và gửi lại thư này."
                    .into(),
            ],
            items: vec![
                free("khach_hang", "1. Tên khách hàng (cá nhân, tổ chức):", 1),
                free("lien_he", "2. Địa chỉ, số điện thoại liên hệ:", 1),
                free("dich_vu", "3. Dịch vụ, thủ tục hành chính đã sử dụng:", 2),
                SurveyItem::RatingGrid {
                    id: "danh_gia".into(),
                    label: Some("4.".into()),
                    prompt: "Đánh giá của Quý khách hàng (đánh dấu (x) vào ô lựa chọn):".into(),
                    criteria: vec![
                        "Kết quả giải quyết".into(),
                        "Thời gian giải quyết".into(),
                        "Hướng dẫn hồ sơ, thủ tục".into(),
                        "Thái độ phục vụ".into(),
                    ],
                    scale: scale(),
                    other_opinion: false,
                },
                free("chua_hai_long", "5. Điều Quý khách hàng chưa hài lòng (nếu có):", 2),
                free("kien_nghi", "6. Đề xuất, kiến nghị của Quý khách hàng:", 2),
            ],
            closing: vec![
                "Thư góp ý xin gửi về {co_quan}; {lien_he}. Mọi ý kiến của Quý khách hàng đều được tiếp nhận, \
                 xem xét và trả lời theo quy định."
                    .into(),
                "Xin trân trọng cảm ơn!".into(),
            ],
            signer: "Khách hàng".into(),
            notice: None,
        }
    }
}

/// "địa chỉ: …; điện thoại: …; thư điện tử: …", the known parts only.
fn contact(office: &OfficeProfile) -> String {
    let parts: Vec<String> = [("địa chỉ", &office.address), ("điện thoại", &office.phone), ("thư điện tử", &office.email)]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}: {v}"))
        .collect();
    parts.join("; ")
}

/// The letter, ready to send with the result of a service.
pub fn feedback_letter(office: &OfficeProfile, letter: &FeedbackLetter) -> Result<Vec<u8>> {
    let contact = contact(office);
    let t = |s: &str| {
        let filled = fill(s, &office.name).replace(CONTACT_PLACEHOLDER, &contact);
        // No contact details known: drop the dangling "; " the placeholder leaves.
        filled.replace("; .", ".")
    };
    let mut doc = Document::new(Metadata::now(format!("{} ({})", t(&letter.title), letter.form_code), &office.name));

    let control = letter.control.clone().unwrap_or_else(|| FormControl::code(&letter.form_code));
    let bottom = blocks::form_control(&mut doc, &control, &[]);
    doc.set_y(bottom + 6.0);
    let dated = match letter.date {
        Some(d) => date_line(&office.place_name, d),
        None => blank_date_line(&office.place_name),
    };
    blocks::national_header(&mut doc, office, &[], &[dated]);

    doc.advance(6.0);
    blocks::title(&mut doc, &t(&letter.title), 15.0);
    doc.paragraph(&t(&letter.subtitle), &Style::new(Face::Bold, 13.0), Align::Center, 0.0);
    doc.advance(10.0);

    let body = blocks::body();
    let (x, w) = (doc.left(), doc.width());
    if letter.addressee.is_empty() {
        doc.dotted_field("Kính gửi:", &body, 0);
    } else {
        doc.paragraph_in(x + mm(25.0), w - mm(25.0), &format!("Kính gửi: {}", t(&letter.addressee)), &body, Align::Left, 0.0);
    }
    doc.advance(6.0);
    for p in &letter.intro {
        doc.paragraph(&t(p), &body, Align::Justify, mm(10.0));
        doc.advance(3.0);
    }
    for item in &letter.items {
        draw_item(&mut doc, item, &t);
    }
    doc.advance(6.0);
    for p in &letter.closing {
        doc.paragraph(&t(p), &body, Align::Justify, mm(10.0));
        doc.advance(3.0);
    }

    // The customer dates and signs at the bottom right.
    let sig = Signature { authority: vec![], title: t(&letter.signer), note: Some("(Ký, ghi rõ họ tên)".into()), name: None };
    let italic = Style::new(Face::Italic, 13.0);
    doc.ensure(italic.leading + 2.0 * 16.0 + mm(22.0) + 8.0);
    doc.advance(4.0);
    let half = w * 0.45;
    doc.paragraph_in(x + half, w - half, &blank_date_line(""), &italic, Align::Center, 0.0);
    let top = doc.y() + 2.0;
    let mut bottom = blocks::signature_spaced(&mut doc, &sig, x + half, w - half, top, mm(22.0));
    // The privacy notice: the customer writes their name, address and telephone above. It
    // sits left of the signature, which leaves that column empty, so the letter keeps to
    // one page.
    if let Some(text) = letter.notice.as_deref().filter(|n| !n.trim().is_empty()) {
        let column_top = top - italic.leading - 2.0;
        bottom = bottom.max(super::common::privacy_notice_column(&mut doc, text, x, half - mm(6.0), column_top));
    }
    doc.set_y(bottom);
    doc.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contact_details_are_those_known() {
        let office = OfficeProfile { address: "Số 1 Lê Lợi".into(), email: "a@b.vn".into(), ..OfficeProfile::blank() };
        assert_eq!(contact(&office), "địa chỉ: Số 1 Lê Lợi; thư điện tử: a@b.vn");
        assert_eq!(contact(&OfficeProfile::blank()), "");
    }
}
