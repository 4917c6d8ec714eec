//! The disposal record (biên bản tiêu huỷ hồ sơ hết thời hạn lưu trữ): the national header,
//! who took part, what was disposed (one numbered part per type of record: the feedback book's
//! cases, returned survey forms; each a table without personal data, its total and how it was
//! disposed of), the audit-trail fingerprint after the disposal, and three signature blocks.

use crate::domain::office::OfficeProfile;
use crate::error::Result;
use crate::pdf::blocks::{self, date_line, short_date, FormControl, Signature};
use crate::pdf::document::{Document, Metadata};
use crate::pdf::font::Face;
use crate::pdf::page::mm;
use crate::pdf::table::{Column, Table};
use crate::pdf::text::{Align, Style};
use chrono::NaiveDate;

/// One record disposed of, as printed: never any personal data or written words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DisposedRow {
    /// A case of the feedback book.
    Case { receipt_no: String, received_on: NaiveDate, closed_on: NaiveDate, kind: String, subject: String, unit: String },
    /// A returned survey form: its round, serial, the date written on it, the round's period.
    SurveyForm { round_code: String, round_name: String, serial: String, filled_on: NaiveDate, period_from: NaiveDate, period_to: NaiveDate },
}

impl DisposedRow {
    /// The columns of a table of rows like this one.
    fn table(&self) -> Table {
        match self {
            DisposedRow::Case { .. } => Table::new(vec![
                Column::new("STT", 0.07, Align::Center),
                Column::new("Số phiếu", 0.165, Align::Center),
                Column::new("Ngày tiếp nhận", 0.135, Align::Center),
                Column::new("Ngày đóng hồ sơ", 0.135, Align::Center),
                Column::new("Loại ý kiến", 0.145, Align::Left),
                Column::new("Nội dung liên quan", 0.175, Align::Left),
                Column::new("Đơn vị xử lý", 0.175, Align::Left),
            ]),
            // A round has hundreds of forms: at 11 pt a form's row stays one line.
            DisposedRow::SurveyForm { .. } => Table {
                header: Style::new(Face::Bold, 11.0).with_leading(13.0),
                body: Style::new(Face::Regular, 11.0).with_leading(13.0),
                ..Table::new(vec![
                    Column::new("STT", 0.065, Align::Center),
                    Column::new("Mã đợt", 0.10, Align::Center),
                    Column::new("Tên đợt khảo sát", 0.335, Align::Left),
                    Column::new("Số phiếu", 0.085, Align::Center),
                    Column::new("Ngày ghi trên phiếu", 0.135, Align::Center),
                    Column::new("Thời gian của đợt", 0.28, Align::Center),
                ])
            },
        }
    }

    fn cells(&self, number: usize) -> Vec<String> {
        let mut cells = vec![number.to_string()];
        match self {
            DisposedRow::Case { receipt_no, received_on, closed_on, kind, subject, unit } => cells.extend([
                receipt_no.clone(),
                short_date(*received_on),
                short_date(*closed_on),
                kind.clone(),
                subject.clone(),
                unit.clone(),
            ]),
            DisposedRow::SurveyForm { round_code, round_name, serial, filled_on, period_from, period_to } => cells.extend([
                round_code.clone(),
                round_name.clone(),
                serial.clone(),
                short_date(*filled_on),
                format!("{} – {}", short_date(*period_from), short_date(*period_to)),
            ]),
        }
        cells
    }
}

/// The records of one type disposed of, as one numbered part of the record.
#[derive(Debug, Clone)]
pub struct DisposalSection {
    /// What was disposed, in words ("Sổ ghi nhận ý kiến của khách hàng … (BM.QT.SCT.05-01)").
    pub record_type: String,
    pub retention_years: u32,
    /// Where the retention period runs from, in words ("ngày đóng hồ sơ").
    pub counted_from: String,
    /// All of one kind (cases, or survey forms).
    pub rows: Vec<DisposedRow>,
    /// What one record is called in the total ("hồ sơ", "phiếu khảo sát").
    pub unit: String,
    /// Counts within the total, as "Khiếu nại: 3" or "Đợt 2023-01: 104 phiếu".
    pub counts: Vec<String>,
    /// How the records were disposed of (phương thức tiêu huỷ).
    pub method: String,
    /// Further paragraphs, e.g. the archived reports removed with the records.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct DisposalPrint {
    /// The date of the record.
    pub on: NaiveDate,
    /// One part per type of record disposed of, in order.
    pub sections: Vec<DisposalSection>,
    /// The hash of the last audit entry after the disposal.
    pub audit_head: String,
    /// The record's document control (R5.2), in the box at the top right.
    pub control: FormControl,
}

/// The height of the three signature blocks: title, note and name lines, and room to sign.
const SIGNATURES: f32 = 16.0 * 3.0 + 28.0 * crate::pdf::page::PT_PER_MM + 12.0;

pub fn disposal_record(office: &OfficeProfile, p: &DisposalPrint) -> Result<Vec<u8>> {
    const TITLE: &str = "Biên bản tiêu huỷ hồ sơ hết thời hạn lưu trữ";
    let mut doc = Document::new(Metadata::now(TITLE, &office.name));
    let bottom = blocks::form_control(&mut doc, &p.control, &[]);
    doc.set_y(bottom + 6.0);
    blocks::national_header(&mut doc, office, &["Số: ....../BB-TH".to_owned()], &[date_line(&office.place_name, p.on)]);
    doc.advance(4.0);
    blocks::title(&mut doc, "Biên bản", 15.0);
    doc.paragraph("Tiêu huỷ hồ sơ, tài liệu hết thời hạn lưu trữ", &Style::new(Face::Bold, 14.0), Align::Center, 0.0);
    doc.advance(8.0);

    let body = blocks::body();
    let indent = mm(10.0);
    doc.paragraph(
        &format!(
            "Hôm nay, {}, tại {}, chúng tôi gồm:",
            date_line("", p.on).trim_start_matches([',', ' ']),
            office.name
        ),
        &body,
        Align::Justify,
        indent,
    );
    for (who, end) in [("Đại diện Lãnh đạo cơ quan", ';'), ("Cán bộ chất lượng (QMR/Ban ISO)", ';'), ("Người lập biên bản", '.')] {
        doc.paragraph(&format!("- {who}: Ông/Bà ......................................................{end}"), &body, Align::Left, indent);
    }
    doc.advance(3.0);
    let total: usize = p.sections.iter().map(|s| s.rows.len()).sum();
    doc.paragraph(
        &format!(
            "Căn cứ thời hạn lưu trữ hồ sơ quy định tại quy trình của cơ quan, đã tiến hành tiêu huỷ {total} hồ sơ đã hết \
             thời hạn lưu trữ tính đến ngày {}, gồm:",
            short_date(p.on)
        ),
        &body,
        Align::Justify,
        indent,
    );
    for (i, s) in p.sections.iter().enumerate() {
        doc.advance(4.0);
        doc.ensure(16.0 * 4.0);
        doc.paragraph(&format!("{}. {}", i + 1, s.record_type), &Style::new(Face::Bold, 13.0), Align::Justify, indent);
        doc.paragraph(
            &format!("Thời hạn lưu trữ {} năm, tính từ {}; danh sách đã hết thời hạn:", s.retention_years, s.counted_from),
            &body,
            Align::Justify,
            indent,
        );
        doc.advance(3.0);
        if let Some(first) = s.rows.first() {
            debug_assert!(s.rows.iter().all(|r| std::mem::discriminant(r) == std::mem::discriminant(first)), "one kind of row a section");
            let cells: Vec<Vec<String>> = s.rows.iter().enumerate().map(|(n, r)| r.cells(n + 1)).collect();
            first.table().draw(&mut doc, &cells);
        }
        doc.advance(6.0);
        let mut line = format!("Tổng số: {} {}", s.rows.len(), s.unit);
        if !s.counts.is_empty() {
            line.push_str(&format!(" ({})", s.counts.join("; ")));
        }
        line.push('.');
        doc.paragraph(&line, &Style::new(Face::Bold, 13.0), Align::Left, indent);
        doc.paragraph(&format!("Phương thức tiêu huỷ: {}", s.method), &body, Align::Justify, indent);
        for note in &s.notes {
            doc.paragraph(note, &body, Align::Justify, indent);
        }
    }
    doc.advance(3.0);
    doc.paragraph(
        &format!("Mã kiểm tra nhật ký thay đổi sau khi tiêu huỷ: {}.", p.audit_head),
        &Style::new(Face::Italic, 12.0),
        // Left: a justified line holding a 64-digit hash spreads its words across the page.
        Align::Left,
        indent,
    );
    // The closing sentence stays on the page of the signatures: they never stand alone.
    doc.ensure(2.0 * 16.0 + SIGNATURES);
    doc.paragraph(
        "Biên bản được lập thành 02 bản có giá trị như nhau: 01 bản lưu tại bộ phận lưu trữ, 01 bản lưu tại Ban ISO.",
        &body,
        Align::Justify,
        indent,
    );

    // Three signatures side by side, kept together on one page.
    let (x, w) = (doc.left(), doc.width());
    let third = w / 3.0;
    let sigs = [
        Signature { authority: vec![], title: "Người lập biên bản".into(), note: Some("(Ký, ghi rõ họ tên)".into()), name: None },
        Signature { authority: vec![], title: "Cán bộ chất lượng".into(), note: Some("(Ký, ghi rõ họ tên)".into()), name: None },
        Signature { authority: vec![], title: "Thủ trưởng cơ quan".into(), note: Some("(Ký tên, đóng dấu)".into()), name: None },
    ];
    doc.ensure(SIGNATURES);
    let top = doc.y() + 10.0;
    let mut bottom = top;
    for (i, s) in sigs.iter().enumerate() {
        bottom = bottom.max(blocks::signature_at(&mut doc, s, x + third * i as f32, third, top));
    }
    doc.set_y(bottom);
    doc.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn each_kind_of_row_fills_its_own_columns() {
        let rows = [
            DisposedRow::Case {
                receipt_no: "2022/000001".into(),
                received_on: day(2022, 3, 2),
                closed_on: day(2022, 3, 9),
                kind: "Khiếu nại".into(),
                subject: "Thủ tục".into(),
                unit: "Văn phòng".into(),
            },
            DisposedRow::SurveyForm {
                round_code: "2025-01".into(),
                round_name: "Khảo sát năm 2025".into(),
                serial: "00017".into(),
                filled_on: day(2025, 5, 6),
                period_from: day(2025, 1, 1),
                period_to: day(2025, 12, 31),
            },
        ];
        for row in &rows {
            let table = row.table();
            assert_eq!(table.columns.len(), row.cells(1).len());
            assert_eq!(table.columns[0].title, "STT");
            let shares: f32 = table.columns.iter().map(|c| c.share).sum();
            assert!((shares - 1.0).abs() < 1e-4, "{shares}");
        }
        assert_eq!(rows[1].cells(7), ["7", "2025-01", "Khảo sát năm 2025", "00017", "06/05/2025", "01/01/2025 – 31/12/2025"]);
    }
}
