//! The yearly compilation of complaints (R2.7, seed 001): every complaint, grievance and
//! appeal received in the year with how it was settled, and the corrective and preventive
//! actions they led to, as one document to sign and archive.

use super::figures::ComplaintFigures;
use crate::domain::action::CorrectiveAction;
use crate::domain::dates::day;
use crate::domain::case::Case;
use crate::pdf::blocks::Signature;
use crate::pdf::forms::{Block, ReportPrint, Section};
use crate::pdf::table::Column;
use crate::pdf::text::Align;
use crate::Status;

fn result_of(c: &Case) -> String {
    let mut out = match (&c.closed_at, c.status) {
        (Some(at), Status::Closed) => format!("Đã giải quyết ngày {}", day(at)),
        _ => format!("Đang giải quyết: {}", c.status.label()),
    };
    if c.deadlines.overdue {
        out.push_str(" (quá hạn)");
    }
    if !c.resolution.is_empty() {
        out.push_str(". ");
        out.push_str(&c.resolution);
    }
    out
}

fn customer(c: &Case) -> String {
    match (c.customer_name.is_empty(), c.customer_org.is_empty()) {
        (_, true) => c.customer_name.clone(),
        (true, false) => c.customer_org.clone(),
        (false, false) => format!("{}, {}", c.customer_name, c.customer_org),
    }
}

/// The document for `year`: `cases` are the year's complaints oldest first, `actions` the
/// actions linked to any of them.
pub fn compilation(year: i32, figures: &ComplaintFigures, cases: &[Case], actions: &[CorrectiveAction]) -> ReportPrint {
    let summary = Block::Paragraph(format!(
        "Năm {year} tiếp nhận {} khiếu nại, phàn nàn, kháng nghị; đã giải quyết xong {} (tỷ lệ trả lời đúng hạn {}); \
         đến ngày {} còn {} hồ sơ đang giải quyết, trong đó {} hồ sơ quá hạn; {}.",
        figures.received,
        figures.closed,
        figures.replied_on_time.percent.map(|p| format!("{}%", super::annual::decimal(p))).unwrap_or_else(|| "—".into()),
        day(&figures.as_of),
        figures.open_at_end,
        figures.overdue_at_end,
        match actions.len() {
            0 => "chưa có hành động khắc phục, phòng ngừa nào phát sinh từ các khiếu nại".to_owned(),
            n => format!("các khiếu nại đã dẫn đến {n} hành động khắc phục, phòng ngừa"),
        },
    ));
    let list = Block::Table {
        columns: vec![
            Column::new("STT", 0.9, Align::Center),
            Column::new("Số tiếp nhận, ngày", 2.2, Align::Left),
            Column::new("Khách hàng", 2.1, Align::Left),
            Column::new("Loại, nội dung", 3.3, Align::Left),
            Column::new("Kết quả giải quyết", 2.9, Align::Left),
        ],
        rows: cases
            .iter()
            .enumerate()
            .map(|(i, c)| {
                vec![
                    (i + 1).to_string(),
                    format!("{}\n{}", c.receipt_no, day(&c.received_at)),
                    customer(c),
                    format!("{} ({}): {}", c.kind.label(), c.subject.label().to_lowercase(), c.content),
                    result_of(c),
                ]
            })
            .collect(),
    };
    let action_table = Block::Table {
        columns: vec![
            Column::new("STT", 0.9, Align::Center),
            Column::new("Nguyên nhân", 2.4, Align::Left),
            Column::new("Hành động", 3.0, Align::Left),
            Column::new("Người thực hiện, hạn", 2.0, Align::Left),
            Column::new("Tình trạng, hiệu lực", 2.2, Align::Left),
            Column::new("Hồ sơ", 2.0, Align::Left),
        ],
        rows: actions
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let effect = match a.effective {
                    Some(true) => "; có hiệu lực",
                    Some(false) => "; chưa có hiệu lực",
                    None => "",
                };
                vec![
                    (i + 1).to_string(),
                    a.cause.clone(),
                    format!("{}: {}", a.kind.label(), a.action),
                    format!("{}\n{}", a.owner_name.clone().unwrap_or_default(), day(&a.due_date)),
                    format!("{}{effect}", a.status.label()),
                    a.cases.join("\n"),
                ]
            })
            .collect(),
    };
    let no_rows = |what: &str| Block::Paragraph(format!("Không có {what} trong năm {year}."));
    ReportPrint {
        form_code: String::new(),
        number: String::new(),
        date: None,
        kind: "Báo cáo".into(),
        title: format!("Tổng hợp khiếu nại, phàn nàn, kháng nghị và kết quả giải quyết năm {year}"),
        sections: vec![
            Section { heading: "I. Tình hình chung".into(), blocks: vec![summary] },
            Section {
                heading: "II. Danh sách khiếu nại và kết quả giải quyết".into(),
                blocks: vec![if cases.is_empty() { no_rows("khiếu nại nào") } else { list }],
            },
            Section {
                heading: "III. Hành động khắc phục, phòng ngừa".into(),
                blocks: vec![if actions.is_empty() { no_rows("hành động khắc phục nào gắn với khiếu nại") } else { action_table }],
            },
        ],
        signatures: vec![
            Signature { title: "Người tổng hợp".into(), ..Signature::default() },
            Signature { title: "Đại diện lãnh đạo".into(), ..Signature::default() },
        ],
        recipients: vec!["Ban Giám đốc".into(), "Lưu: VT, hồ sơ ISO".into()],
    }
}
