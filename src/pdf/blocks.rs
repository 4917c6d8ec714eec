//! The fixed parts of an official Vietnamese document, as Decree 30/2020/NĐ-CP (Appendix I)
//! sets them: the national header (agency on the left, Quốc hiệu and Tiêu ngữ on the right),
//! the place-and-date line, signature blocks, the "Nơi nhận:" list, and the small ISO
//! form-control box (Mã hiệu, Lần ban hành, Ngày ban hành) at the top right of a form.
//!
//! Each block draws at the document's cursor and moves it below what it drew.

use super::document::Document;
use super::font::Face;
use super::page::{mm, RULE};
use super::text::{normalize, wrap, wrap_balanced, Align, Style};
use crate::domain::office::OfficeProfile;
use chrono::{Datelike, NaiveDate};

/// Quốc hiệu: capitals, 12–13 pt, bold.
pub const QUOC_HIEU: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
/// Tiêu ngữ: 13–14 pt, bold, the initial of each phrase capitalised, ruled underneath.
pub const TIEU_NGU: &str = "Độc lập - Tự do - Hạnh phúc";

/// Body text of documents: 13 pt (Decree 30: 13–14 pt).
pub fn body() -> Style {
    Style::new(Face::Regular, 13.0).with_leading(13.0 * 1.25)
}

/// "Vĩnh Cửu, ngày 05 tháng 01 năm 2026". Decree 30: days below 10 and the months 1 and 2
/// take a leading zero (so that nothing can be written in front of them); other months do not.
pub fn date_line(place: &str, date: NaiveDate) -> String {
    let month = date.month();
    let month = if month <= 2 { format!("{month:02}") } else { month.to_string() };
    format!("{}, ngày {:02} tháng {} năm {}", normalize(place), date.day(), month, date.year())
}

/// The same line with the date left blank, for forms dated by hand.
pub fn blank_date_line(place: &str) -> String {
    let place = normalize(place);
    let place = if place.is_empty() { "............." } else { &place };
    format!("{place}, ngày ...... tháng ...... năm ..........")
}

/// `dd/mm/yyyy`, as dates are written inside forms and tables.
pub fn short_date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// Uppercase as Vietnamese is written: Rust's mapping is correct for every Vietnamese letter
/// (ư → Ư, đ → Đ, ậ → Ậ), and the result stays NFC.
pub fn upper(text: &str) -> String {
    normalize(text).to_uppercase()
}

/// The document-control data of an ISO form, printed in a small box at the top right.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FormControl {
    /// Mã hiệu, e.g. "BM.QT.SCT.05-01"; a dotted space to write in when empty.
    pub code: String,
    /// Lần ban hành; not printed when unknown.
    pub issue: Option<u32>,
    /// Ngày ban hành; not printed when unknown.
    pub issued_on: Option<NaiveDate>,
    /// Lần sửa đổi; not printed when unknown.
    pub revision: Option<u32>,
}

impl FormControl {
    pub fn code(code: impl Into<String>) -> FormControl {
        FormControl { code: code.into(), ..FormControl::default() }
    }

    /// The lines of the box, in the order of the procedures' cover pages: code, issue
    /// date, issue, revision.
    pub fn lines(&self) -> Vec<String> {
        let code = normalize(&self.code);
        let code = if code.is_empty() { "..................".to_owned() } else { code };
        let mut lines = vec![format!("Mã hiệu: {code}")];
        if let Some(d) = self.issued_on {
            lines.push(format!("Ngày ban hành: {}", short_date(d)));
        }
        if let Some(n) = self.issue {
            lines.push(format!("Lần ban hành: {n:02}"));
        }
        if let Some(n) = self.revision {
            lines.push(format!("Lần sửa đổi: {n:02}"));
        }
        lines
    }

    /// The same data on one line, for the foot of a page where no box fits.
    pub fn one_line(&self) -> String {
        self.lines().join("  ·  ")
    }
}

impl From<&crate::domain::document_control::FormControlData> for FormControl {
    fn from(d: &crate::domain::document_control::FormControlData) -> FormControl {
        FormControl { code: d.code.clone(), issue: Some(d.issue), issued_on: d.issued_date(), revision: Some(d.revision) }
    }
}

/// The form-control box at the top right of the text area, from the cursor down, with
/// `below` lines (such as a serial number) under the box. Does not move the cursor; returns
/// the y of its bottom edge so that the caller can place what sits beside it.
pub fn form_control(doc: &mut Document, control: &FormControl, below: &[String]) -> f32 {
    let style = Style::new(Face::Regular, 10.0);
    let pad = 3.0;
    let lines = control.lines();
    let w = lines.iter().map(|l| style.width(l)).fold(0.0, f32::max) + 2.0 * pad;
    let h = lines.len() as f32 * style.leading + 2.0 * pad;
    let x = doc.margins().right_edge() - w;
    let top = doc.y();
    let page = doc.page();
    page.rect(x, top, w, h, RULE);
    for (i, line) in lines.iter().enumerate() {
        page.text(x + pad, top + pad + style.size * 0.9 + i as f32 * style.leading, &style, line);
    }
    let mut bottom = top + h;
    let under = Style::new(Face::Bold, 11.0);
    for line in below {
        bottom += under.leading;
        page.text_in(x - mm(20.0), w + mm(20.0), bottom - 2.0, &under, Align::Right, line);
    }
    bottom + 2.0
}

/// The agency lines for the left of a header: "CƠ QUAN CHỦ QUẢN" (regular) above "TÊN CƠ
/// QUAN" (bold), in capitals, centred in [x, x + width], a short rule (a third of the name's
/// width) under the name. Returns the y just below the rule.
pub fn agency(doc: &mut Document, office: &OfficeProfile, x: f32, width: f32, top: f32) -> f32 {
    let parent = Style::new(Face::Regular, 12.0).with_leading(14.0);
    let name = Style::new(Face::Bold, 12.0).with_leading(14.0);
    let mut y = top;
    let page = doc.page();
    for line in wrap_balanced(&upper(&office.parent_agency), &parent, width) {
        page.text_in(x, width, y + parent.size, &parent, Align::Center, &line);
        y += parent.leading;
    }
    let mut widest: f32 = 0.0;
    for line in wrap_balanced(&upper(&office.name), &name, width) {
        widest = widest.max(name.width(&line));
        page.text_in(x, width, y + name.size, &name, Align::Center, &line);
        y += name.leading;
    }
    let rule = widest / 3.0;
    // Clear of the last line's descenders, as the decree's models set it.
    let rule_y = y - name.leading + name.size + 5.0;
    page.line(x + (width - rule) / 2.0, rule_y, x + (width + rule) / 2.0, rule_y, RULE);
    rule_y + 4.0
}

/// Quốc hiệu and Tiêu ngữ centred in [x, x + width], the Tiêu ngữ ruled underneath by a
/// line exactly as wide as it. Returns the y just below the rule.
pub fn national_motto(doc: &mut Document, x: f32, width: f32, top: f32) -> f32 {
    let (qh, tn) = motto_styles(width);
    let page = doc.page();
    let mut y = top;
    page.text_in(x, width, y + qh.size, &qh, Align::Center, QUOC_HIEU);
    y += qh.leading;
    page.text_in(x, width, y + tn.size, &tn, Align::Center, TIEU_NGU);
    y += tn.leading;
    let w = tn.width(TIEU_NGU);
    let rule_y = y - tn.leading + tn.size + 5.0;
    page.line(x + (width - w) / 2.0, rule_y, x + (width + w) / 2.0, rule_y, RULE);
    rule_y + 4.0
}

/// Quốc hiệu at 13 pt when it fits in `width`, else 12 pt (the smaller size Decree 30 allows);
/// Tiêu ngữ one point larger, as the decree's model documents set them.
fn motto_styles(width: f32) -> (Style, Style) {
    let size = if Face::Bold.width(QUOC_HIEU, 13.0) <= width { 13.0 } else { 12.0 };
    (Style::new(Face::Bold, size).with_leading(size + 2.0), Style::new(Face::Bold, size + 1.0).with_leading(size + 3.0))
}

/// Width of the right column of the national header: the Quốc hiệu at 12 pt with a little air.
pub fn motto_width() -> f32 {
    Face::Bold.width(QUOC_HIEU, 12.0) + 8.0
}

/// The national header across the text area: the agency on the left, Quốc hiệu and Tiêu ngữ
/// on the right, `left_extra` lines (such as "Số: …") centred under the agency, and
/// `right_extra` lines in italics under the motto (the place-and-date line). Moves the cursor
/// below the taller side.
pub fn national_header(doc: &mut Document, office: &OfficeProfile, left_extra: &[String], right_extra: &[String]) {
    let (x, total) = (doc.left(), doc.width());
    let right_w = motto_width();
    // Air between the columns: the agency wraps rather than running into the motto.
    let left_w = total - right_w - mm(6.0);
    let top = doc.y();
    let mut left_y = agency(doc, office, x, left_w, top);
    let extra = Style::new(Face::Regular, 13.0);
    for line in left_extra {
        // A long summary line ("V/v …") wraps inside the column, never past the margin.
        for l in wrap_balanced(line, &extra, left_w) {
            doc.page().text_in(x, left_w, left_y + extra.size, &extra, Align::Center, &l);
            left_y += extra.leading;
        }
    }
    let mut right_y = national_motto(doc, x + total - right_w, right_w, top);
    let italic = Style::new(Face::Italic, 13.0);
    for line in right_extra {
        right_y += 4.0;
        for l in wrap(line, &italic, right_w) {
            doc.page().text_in(x + total - right_w, right_w, right_y + italic.size, &italic, Align::Center, &l);
            right_y += italic.leading;
        }
    }
    doc.set_y(left_y.max(right_y) + 6.0);
}

/// A title line: bold capitals, centred (the name of the document type).
pub fn title(doc: &mut Document, text: &str, size: f32) {
    let style = Style::new(Face::Bold, size).with_leading(size * 1.3);
    doc.paragraph(&upper(text), &style, Align::Center, 0.0);
}

/// Who signs, as Decree 30 sets it: authority lines ("TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC")
/// and the title in bold capitals, an optional note in italics ("(Ký, ghi rõ họ tên)"), room
/// to sign, then the name in bold.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Signature {
    /// Lines above the title: "TM. …", "KT. …", "Q. …", "TL. …", "TUQ. …".
    pub authority: Vec<String>,
    /// Chức vụ, e.g. "Phó Giám đốc"; printed in capitals.
    pub title: String,
    pub note: Option<String>,
    /// Họ và tên; the space stays blank for a name written by hand when `None`.
    pub name: Option<String>,
}

/// Room left for the signature and seal.
const SIGNING_SPACE: f32 = 28.0 * 72.0 / 25.4;

fn signature_height(sig: &Signature, width: f32) -> f32 {
    let head = Style::new(Face::Bold, 13.0).with_leading(16.0);
    let lines: usize = sig.authority.iter().chain([&sig.title]).map(|l| wrap(&upper(l), &head, width).len()).sum();
    let note = if sig.note.is_some() { 16.0 } else { 0.0 };
    let name = if sig.name.is_some() { 16.0 } else { 0.0 };
    lines as f32 * head.leading + note + SIGNING_SPACE + name
}

/// Draws a signature block centred in [x, x + width] from `top`; returns the y below it.
pub fn signature_at(doc: &mut Document, sig: &Signature, x: f32, width: f32, top: f32) -> f32 {
    signature_spaced(doc, sig, x, width, top, SIGNING_SPACE)
}

/// As [`signature_at`], with `space` points left to sign (less on a half-page slip).
pub fn signature_spaced(doc: &mut Document, sig: &Signature, x: f32, width: f32, top: f32, space: f32) -> f32 {
    let head = Style::new(Face::Bold, 13.0).with_leading(16.0);
    let note = Style::new(Face::Italic, 13.0).with_leading(16.0);
    let mut y = top;
    let page = doc.page();
    for line in sig.authority.iter().chain([&sig.title]) {
        for l in wrap(&upper(line), &head, width) {
            page.text_in(x, width, y + head.size, &head, Align::Center, &l);
            y += head.leading;
        }
    }
    if let Some(n) = &sig.note {
        page.text_in(x, width, y + note.size, &note, Align::Center, n);
        y += note.leading;
    }
    y += space;
    if let Some(name) = &sig.name {
        page.text_in(x, width, y + head.size, &head, Align::Center, name);
        y += head.leading;
    }
    y
}

/// "Nơi nhận:" in bold italics (12 pt), then one line per recipient (11 pt) starting with a
/// dash, ending with ";" and the last with "." (Decree 30). Returns the y below it.
pub fn recipients_at(doc: &mut Document, recipients: &[String], x: f32, width: f32, top: f32) -> f32 {
    let label = Style::new(Face::BoldItalic, 12.0).with_leading(14.0);
    let item = Style::new(Face::Regular, 11.0).with_leading(13.0);
    let page = doc.page();
    let mut y = top;
    page.text(x, y + label.size, &label, "Nơi nhận:");
    y += label.leading;
    let count = recipients.len();
    for (i, r) in recipients.iter().enumerate() {
        let r = normalize(r);
        let r = r.trim_end_matches([';', '.']);
        let end = if i + 1 == count { '.' } else { ';' };
        for (j, l) in wrap(&format!("- {r}{end}"), &item, width).iter().enumerate() {
            let indent = if j == 0 { 0.0 } else { item.width("- ") };
            page.text(x + indent, y + item.size, &item, l);
            y += item.leading;
        }
    }
    y
}

/// The end of a letter or report: "Nơi nhận:" on the left half and the signature on the
/// right half, side by side, kept together on one page.
pub fn closing(doc: &mut Document, recipients: &[String], sig: &Signature) {
    let (x, w) = (doc.left(), doc.width());
    let half = w * 0.45;
    let right_w = w - half;
    let recipients_h = 14.0 + 13.0 * (recipients.len() as f32 + 1.0);
    doc.ensure(signature_height(sig, right_w).max(recipients_h) + 8.0);
    let top = doc.y() + 8.0;
    let left_bottom = if recipients.is_empty() { top } else { recipients_at(doc, recipients, x, half, top) };
    let right_bottom = signature_at(doc, sig, x + half, right_w, top);
    doc.set_y(left_bottom.max(right_bottom));
}

/// A signature block alone on the right half, kept on one page.
pub fn signature_right(doc: &mut Document, sig: &Signature) {
    closing(doc, &[], sig);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::document::Metadata;
    use crate::pdf::page::Item;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_date_line_pads_days_below_ten_and_months_one_and_two() {
        assert_eq!(date_line("Vĩnh Cửu", d(2026, 1, 5)), "Vĩnh Cửu, ngày 05 tháng 01 năm 2026");
        assert_eq!(date_line("Đắk Lắk", d(2026, 2, 28)), "Đắk Lắk, ngày 28 tháng 02 năm 2026");
        assert_eq!(date_line("Đắk Lắk", d(2026, 3, 9)), "Đắk Lắk, ngày 09 tháng 3 năm 2026");
        assert_eq!(date_line("Hà Nội", d(2025, 12, 31)), "Hà Nội, ngày 31 tháng 12 năm 2025");
        assert_eq!(date_line("Hà Nội", d(2025, 10, 10)), "Hà Nội, ngày 10 tháng 10 năm 2025");
    }

    #[test]
    fn the_date_line_is_nfc_whatever_the_place_name() {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = "Vĩnh Cửu".nfd().collect();
        assert_eq!(date_line(&nfd, d(2026, 1, 5)), "Vĩnh Cửu, ngày 05 tháng 01 năm 2026");
        assert!(blank_date_line("").starts_with("....."));
    }

    #[test]
    fn uppercase_keeps_vietnamese_letters() {
        assert_eq!(upper("Ủy ban nhân dân tỉnh Đắk Lắk"), "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK");
        assert_eq!(upper("phường ưu tiên ơi"), "PHƯỜNG ƯU TIÊN ƠI");
    }

    #[test]
    fn the_motto_rule_is_as_wide_as_the_motto() {
        let mut doc = Document::new(Metadata::now("Thử", "Cơ quan"));
        let w = motto_width();
        national_motto(&mut doc, 100.0, w, 50.0);
        let items = &doc.pages()[0].items;
        let (motto_x, motto_w) = items
            .iter()
            .find_map(|i| match i {
                Item::Text { x, face, size, text, .. } if text == TIEU_NGU => Some((*x, face.width(text, *size))),
                _ => None,
            })
            .unwrap();
        let (x1, x2) = items
            .iter()
            .find_map(|i| match i {
                Item::Line { x1, x2, .. } => Some((*x1, *x2)),
                _ => None,
            })
            .unwrap();
        assert!((x1 - motto_x).abs() < 0.01 && (x2 - (motto_x + motto_w)).abs() < 0.01);
    }

    #[test]
    fn the_agency_rule_is_a_third_of_the_name() {
        let mut doc = Document::new(Metadata::now("Thử", "Cơ quan"));
        let office = OfficeProfile { name: "Sở Tư pháp".into(), parent_agency: "Ủy ban nhân dân tỉnh".into(), ..OfficeProfile::blank() };
        agency(&mut doc, &office, 0.0, 200.0, 0.0);
        let texts: Vec<&str> = doc.pages()[0].texts().collect();
        assert_eq!(texts, ["ỦY BAN NHÂN DÂN TỈNH", "SỞ TƯ PHÁP"]);
        let name_w = Face::Bold.width("SỞ TƯ PHÁP", 12.0);
        let rule = doc.pages()[0].items.iter().find_map(|i| match i {
            Item::Line { x1, x2, .. } => Some(x2 - x1),
            _ => None,
        });
        assert!((rule.unwrap() - name_w / 3.0).abs() < 0.01);
    }

    #[test]
    fn recipients_end_with_semicolons_and_a_full_stop() {
        let mut doc = Document::new(Metadata::now("Thử", "Cơ quan"));
        recipients_at(&mut doc, &["Như trên".into(), "Lưu: VT, ISO.".into()], 0.0, 200.0, 0.0);
        let texts: Vec<&str> = doc.pages()[0].texts().collect();
        assert_eq!(texts, ["Nơi nhận:", "- Như trên;", "- Lưu: VT, ISO."]);
    }

    #[test]
    fn the_signature_has_authority_title_and_name_in_order() {
        let mut doc = Document::new(Metadata::now("Thử", "Cơ quan"));
        let sig = Signature {
            authority: vec!["KT. Giám đốc".into()],
            title: "Phó Giám đốc".into(),
            note: None,
            name: Some("Lê Thị Thu Hà".into()),
        };
        signature_right(&mut doc, &sig);
        let texts: Vec<&str> = doc.pages()[0].texts().collect();
        assert_eq!(texts, ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Thị Thu Hà"]);
    }
}
