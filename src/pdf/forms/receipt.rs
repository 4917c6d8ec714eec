//! The receipt slip handed to a citizen (phiếu tiếp nhận ý kiến): receipt number, when it was
//! received, who, a short summary, when the reply is due, and how to reach the office. Two
//! slips to an A4 sheet, a dashed cut line between them.

use crate::domain::office::OfficeProfile;
use crate::error::Result;
use super::common::privacy_notice_in;
use crate::pdf::blocks::{self, short_date, FormControl, Signature};
use crate::pdf::document::{Document, Metadata};
use crate::pdf::font::Face;
use crate::pdf::page::{mm, Stroke, PAGE_HEIGHT, PAGE_WIDTH};
use crate::pdf::text::{wrap, Align, Style};
use chrono::{NaiveDate, NaiveDateTime, Timelike};

/// One receipt, as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptSlip {
    /// Số tiếp nhận, e.g. "2026/000123".
    pub number: String,
    pub received_at: NaiveDateTime,
    /// Tên khách hàng (person or organisation).
    pub customer: String,
    /// Nội dung tóm tắt; cut to three lines on the slip.
    pub summary: String,
    /// Hạn trả lời.
    pub due_date: NaiveDate,
    /// Người tiếp nhận; the line stays blank for a signature and name by hand when empty.
    pub receiver: String,
}

/// Lines of the summary printed at most; the rest is in the book.
const SUMMARY_LINES: usize = 3;

/// "09 giờ 30 phút, ngày 05/01/2026".
pub fn received_line(at: NaiveDateTime) -> String {
    format!("{:02} giờ {:02} phút, ngày {}", at.hour(), at.minute(), short_date(at.date()))
}

/// The office's contact line: name, then address, telephone and e-mail where known.
pub fn contact_line(office: &OfficeProfile) -> String {
    let mut parts = vec![office.name.clone()];
    if !office.address.is_empty() {
        parts.push(format!("địa chỉ: {}", office.address));
    }
    if !office.phone.is_empty() {
        parts.push(format!("điện thoại: {}", office.phone));
    }
    if !office.email.is_empty() {
        parts.push(format!("thư điện tử: {}", office.email));
    }
    format!("{}.", parts.join("; "))
}

/// Receipt slips, two to a sheet. An empty list prints nothing and is refused.
pub fn receipts(office: &OfficeProfile, slips: &[ReceiptSlip]) -> Result<Vec<u8>> {
    receipts_with_notice(office, slips, None)
}

/// [`receipts`] with the office's privacy notice at the foot of each slip: the slip carries
/// the citizen's name and what they said, and is where they learn how it is kept.
pub fn receipts_with_notice(office: &OfficeProfile, slips: &[ReceiptSlip], notice: Option<&str>) -> Result<Vec<u8>> {
    receipts_controlled(office, slips, notice, None)
}

/// [`receipts_with_notice`] with the slip's document control (R5.2) on one small line at
/// the top right of each slip, above its header: a half sheet has no room for the box.
pub fn receipts_controlled(office: &OfficeProfile, slips: &[ReceiptSlip], notice: Option<&str>, control: Option<&FormControl>) -> Result<Vec<u8>> {
    let notice = notice.filter(|n| !n.trim().is_empty());
    if slips.is_empty() {
        return Err(crate::error::Error::validation("slips", "Chưa chọn phiếu tiếp nhận nào để in."));
    }
    let title = if slips.len() == 1 {
        format!("Phiếu tiếp nhận ý kiến số {}", slips[0].number)
    } else {
        format!("Phiếu tiếp nhận ý kiến ({} phiếu)", slips.len())
    };
    let mut doc = Document::new(Metadata::now(title, &office.name)).without_page_numbers();
    let middle = PAGE_HEIGHT / 2.0;
    for (i, pair) in slips.chunks(2).enumerate() {
        if i > 0 {
            doc.new_page();
        }
        // With the notice, the slips start higher and leave less room to sign, so that each
        // still ends above its cut line (or the sheet's printable edge).
        let (top, gap, start2) = match notice {
            Some(_) => (mm(14.0), mm(9.0), middle + mm(9.0)),
            None => (doc.margins().top, mm(14.0), middle + mm(15.0)),
        };
        doc.set_y(top);
        control_line(&mut doc, control, top);
        slip(&mut doc, office, &pair[0], gap);
        if let Some(text) = notice {
            privacy_notice_in(&mut doc, text, middle - mm(3.0), &slip_notice_style());
        }
        if let Some(second) = pair.get(1) {
            doc.page().line_styled(mm(8.0), middle, PAGE_WIDTH - mm(8.0), middle, 0.6, Stroke::Dashed);
            doc.set_y(start2);
            control_line(&mut doc, control, start2);
            slip(&mut doc, office, second, gap);
            if let Some(text) = notice {
                privacy_notice_in(&mut doc, text, PAGE_HEIGHT - mm(12.0), &slip_notice_style());
            }
        }
    }
    doc.finish()
}

/// The control data on one line whose baseline sits just above `top`, the slip's start.
fn control_line(doc: &mut Document, control: Option<&FormControl>, top: f32) {
    if let Some(c) = control {
        let style = Style::new(Face::Italic, 7.5);
        let (x, w) = (doc.left(), doc.width());
        doc.page().text_in(x, w, top - 3.0, &style, Align::Right, &c.one_line());
    }
}

fn slip_notice_style() -> Style {
    Style::new(Face::Italic, 7.0).with_leading(8.2)
}

fn slip(doc: &mut Document, office: &OfficeProfile, r: &ReceiptSlip, signature_gap: f32) {
    blocks::national_header(doc, office, &[], &[]);
    blocks::title(doc, "Phiếu tiếp nhận ý kiến", 14.0);
    doc.paragraph(&format!("Số: {}", r.number), &Style::new(Face::Regular, 13.0), Align::Center, 0.0);
    doc.advance(6.0);

    let label = Style::new(Face::Bold, 12.5).with_leading(15.5);
    let value = Style::new(Face::Regular, 12.5).with_leading(15.5);
    let fields = [
        ("Thời điểm tiếp nhận: ", received_line(r.received_at)),
        ("Khách hàng: ", r.customer.clone()),
        ("Nội dung tóm tắt: ", r.summary.clone()),
        ("Hạn trả lời: ", format!("trước hoặc trong ngày {}", short_date(r.due_date))),
        ("Nơi liên hệ: ", contact_line(office)),
    ];
    for (l, v) in fields {
        field(doc, l, &v, &label, &value, SUMMARY_LINES);
    }

    let sig = Signature {
        authority: vec![],
        title: "Người tiếp nhận".into(),
        note: Some("(Ký, ghi rõ họ tên)".into()),
        name: (!r.receiver.is_empty()).then(|| r.receiver.clone()),
    };
    let (x, w) = (doc.left(), doc.width());
    let top = doc.y() + 6.0;
    let note = Style::new(Face::Italic, 11.0).with_leading(13.0);
    let mut y = top + 4.0;
    for line in wrap("Khách hàng giữ phiếu này để theo dõi và đối chiếu khi nhận trả lời.", &note, w * 0.45) {
        doc.page().text(x, y + note.size, &note, &line);
        y += note.leading;
    }
    let bottom = blocks::signature_spaced(doc, &sig, x + w * 0.5, w * 0.5, top, signature_gap);
    doc.set_y(bottom);
}

/// "Label: value", the label bold, the value wrapping under the line's start, cut to
/// `max_lines` lines with an ellipsis.
fn field(doc: &mut Document, label: &str, value: &str, label_style: &Style, value_style: &Style, max_lines: usize) {
    let (x, w) = (doc.left(), doc.width());
    let lw = label_style.width(label);
    let mut lines = crate::pdf::text::wrap_indented(value, value_style, w - lw, w - value_style.width("…"));
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    let baseline = doc.y() + label_style.size;
    doc.page().text(x, baseline, label_style, label);
    let mut y = baseline;
    for (i, line) in lines.iter().enumerate() {
        let lx = if i == 0 { x + lw } else { x };
        doc.page().text(lx, y, value_style, line);
        y += value_style.leading;
    }
    doc.advance(value_style.leading * lines.len().max(1) as f32 + 1.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_received_line_pads_hours_and_minutes() {
        let at = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap().and_hms_opt(9, 5, 0).unwrap();
        assert_eq!(received_line(at), "09 giờ 05 phút, ngày 05/01/2026");
    }

    #[test]
    fn the_contact_line_leaves_out_what_is_unknown() {
        let office = OfficeProfile { name: "Sở Tư pháp".into(), phone: "0251 3822 xxx".into(), ..OfficeProfile::blank() };
        assert_eq!(contact_line(&office), "Sở Tư pháp; điện thoại: 0251 3822 xxx.");
    }
}
