//! The disposal record (biên bản tiêu huỷ hồ sơ hết thời hạn lưu trữ): the national header,
//! who took part, what was disposed (a table of the records, without personal data), how,
//! the audit-trail fingerprint after the disposal, and three signature blocks.

use crate::domain::office::OfficeProfile;
use crate::error::Result;
use crate::pdf::blocks::{self, date_line, short_date, Signature};
use crate::pdf::document::{Document, Metadata};
use crate::pdf::font::Face;
use crate::pdf::page::mm;
use crate::pdf::table::{Column, Table};
use crate::pdf::text::{Align, Style};
use chrono::NaiveDate;

/// One record disposed of, as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisposedRow {
    pub receipt_no: String,
    pub received_on: NaiveDate,
    pub closed_on: NaiveDate,
    pub kind: String,
    pub subject: String,
    pub unit: String,
}

#[derive(Debug, Clone)]
pub struct DisposalPrint {
    /// The date of the record.
    pub on: NaiveDate,
    /// What was disposed, in words ("Sổ ghi nhận ý kiến của khách hàng (BM.QT.SCT.05-01) …").
    pub record_type: String,
    pub retention_years: u32,
    pub rows: Vec<DisposedRow>,
    /// Counts by kind of feedback, as "Khiếu nại: 3".
    pub counts: Vec<String>,
    /// The hash of the last audit entry after the disposal.
    pub audit_head: String,
}

fn table() -> Table {
    Table::new(vec![
        Column::new("STT", 0.07, Align::Center),
        Column::new("Số phiếu", 0.165, Align::Center),
        Column::new("Ngày tiếp nhận", 0.135, Align::Center),
        Column::new("Ngày đóng hồ sơ", 0.135, Align::Center),
        Column::new("Loại ý kiến", 0.145, Align::Left),
        Column::new("Nội dung liên quan", 0.175, Align::Left),
        Column::new("Đơn vị xử lý", 0.175, Align::Left),
    ])
}

pub fn disposal_record(office: &OfficeProfile, p: &DisposalPrint) -> Result<Vec<u8>> {
    const TITLE: &str = "Biên bản tiêu huỷ hồ sơ hết thời hạn lưu trữ";
    let mut doc = Document::new(Metadata::now(TITLE, &office.name));
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
    doc.paragraph(
        &format!(
            "Căn cứ thời hạn lưu trữ {} năm của {}, đã tiến hành tiêu huỷ {} hồ sơ đã hết thời hạn lưu trữ tính đến ngày {}, gồm:",
            p.retention_years,
            p.record_type,
            p.rows.len(),
            short_date(p.on)
        ),
        &body,
        Align::Justify,
        indent,
    );
    doc.advance(4.0);
    let cells: Vec<Vec<String>> = p
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            vec![
                (i + 1).to_string(),
                r.receipt_no.clone(),
                short_date(r.received_on),
                short_date(r.closed_on),
                r.kind.clone(),
                r.subject.clone(),
                r.unit.clone(),
            ]
        })
        .collect();
    table().draw(&mut doc, &cells);
    doc.advance(6.0);
    let mut total = format!("Tổng số: {} hồ sơ", p.rows.len());
    if !p.counts.is_empty() {
        total.push_str(&format!(" ({})", p.counts.join("; ")));
    }
    total.push('.');
    doc.paragraph(&total, &Style::new(Face::Bold, 13.0), Align::Left, indent);
    doc.paragraph(
        "Phương thức tiêu huỷ: xoá thông tin cá nhân của khách hàng (họ tên, tổ chức, địa chỉ, điện thoại, thư điện tử), \
         nội dung ý kiến, kết quả giải quyết, ghi chú và nội dung công văn trả lời trong cơ sở dữ liệu, kể cả trong nhật ký \
         thay đổi. Số phiếu, ngày tháng, loại ý kiến, nội dung liên quan, kênh tiếp nhận, đơn vị xử lý và trạng thái được giữ \
         lại để số liệu của các báo cáo đã lập không thay đổi. Hồ sơ giấy tương ứng (nếu có) được huỷ theo quy định của cơ quan.",
        &body,
        Align::Justify,
        indent,
    );
    doc.paragraph(
        &format!("Mã kiểm tra nhật ký thay đổi sau khi tiêu huỷ: {}.", p.audit_head),
        &Style::new(Face::Italic, 12.0),
        Align::Justify,
        indent,
    );
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
    doc.ensure(16.0 * 3.0 + mm(28.0) + 12.0);
    let top = doc.y() + 10.0;
    let mut bottom = top;
    for (i, s) in sigs.iter().enumerate() {
        bottom = bottom.max(blocks::signature_at(&mut doc, s, x + third * i as f32, third, top));
    }
    doc.set_y(bottom);
    doc.finish()
}
