//! The consolidated annual report of several offices: the annual satisfaction report
//! (BM-[HC-TMKH]-BCTM, Decree 30 layout) laid out by `report::annual` over the offices' total,
//! its section on objectives (each office's own) replaced by the figures of each office side
//! by side: a table and a chart per figure, then the offices that have not sent their bundle.

use super::consolidate::ConsolidatedFigures;
use crate::domain::report::AnnualTexts;
use crate::pdf::chart::{Bar, BarChart};
use crate::pdf::forms::{Block, ReportPrint, Section};
use crate::pdf::table::Column;
use crate::pdf::text::Align;
use crate::report::annual::{annual_report, decimal};
use crate::report::figures::{FiguresReport, Share};

/// The report of `c`; `None` while no office has sent its bundle of the year.
pub fn consolidated_report(c: &ConsolidatedFigures, texts: &AnnualTexts) -> Option<ReportPrint> {
    let total = c.total.as_ref()?;
    let mut print = annual_report(total, texts);
    let year = &c.from[..4];
    print.title = format!("Tổng hợp đánh giá sự thỏa mãn của khách hàng năm {year} của các đơn vị");
    // The sources are the books of the offices, read through their bundles.
    if let Some(Block::Paragraph(text)) = print.sections.first_mut().and_then(|s| s.blocks.first_mut()) {
        *text = text.replacen(
            "Sổ ghi nhận ý kiến của khách hàng",
            &format!("Sổ ghi nhận ý kiến của khách hàng của {} đơn vị (theo gói số liệu các đơn vị gửi)", c.offices.len()),
            1,
        );
    }
    let offices: Vec<(&str, &FiguresReport)> = c.offices.iter().map(|o| (o.office.name.as_str(), &o.report)).collect();
    let mut blocks = vec![Block::Paragraph(format!(
        "Số liệu của {} đơn vị đã gửi gói số liệu năm {year}; dòng «Tổng cộng» cộng số lượng của các đơn vị, các tỷ lệ và chỉ số \
         hài lòng được tính lại từ tổng số (không lấy trung bình các tỷ lệ). Mục tiêu chất lượng do từng đơn vị tự đánh giá.",
        offices.len()
    ))];
    blocks.push(Block::Heading("1. Số ý kiến tiếp nhận".into()));
    blocks.push(table(
        &["Số ý kiến", "Cùng kỳ năm trước"],
        &offices,
        total,
        |r| vec![r.figures.feedback.total.to_string(), r.year_before.feedback.total.to_string()],
    ));
    blocks.push(chart(format!("Số ý kiến tiếp nhận năm {year} theo đơn vị"), &offices, |r| Some(f64::from(r.figures.feedback.total)), ""));
    blocks.push(Block::Heading("2. Giải quyết khiếu nại, phàn nàn, kháng nghị".into()));
    blocks.push(table(
        &["Tiếp nhận", "Đã giải quyết", "Trả lời đúng hạn", "Quá hạn cuối kỳ"],
        &offices,
        total,
        |r| {
            let c = &r.figures.complaints;
            vec![c.received.to_string(), c.closed.to_string(), share(&c.replied_on_time), c.overdue_at_end.to_string()]
        },
    ));
    blocks.push(chart(
        format!("Tỷ lệ trả lời khiếu nại đúng hạn năm {year} theo đơn vị (%)"),
        &offices,
        |r| r.figures.complaints.replied_on_time.percent,
        "%",
    ));
    blocks.push(Block::Heading("3. Khảo sát sự hài lòng".into()));
    blocks.push(table(
        &["Phiếu thu về", "Chỉ số hài lòng", "Cùng kỳ năm trước"],
        &offices,
        total,
        |r| vec![r.figures.surveys.forms.to_string(), share(&r.figures.surveys.index), share(&r.year_before.surveys.index)],
    ));
    blocks.push(chart(format!("Chỉ số hài lòng năm {year} theo đơn vị (%)"), &offices, |r| r.figures.surveys.index.percent, "%"));
    if !c.missing.is_empty() {
        let names: Vec<&str> = c.missing.iter().map(|o| o.name.as_str()).collect();
        blocks.push(Block::Paragraph(format!("Đơn vị chưa gửi gói số liệu năm {year}: {}.", names.join(", "))));
    }
    if let Some(section) = print.sections.iter_mut().find(|s| s.heading.starts_with("V.")) {
        *section = Section { heading: "V. Số liệu của từng đơn vị".into(), blocks };
    }
    Some(print)
}

fn share(s: &Share) -> String {
    s.percent.map(|p| format!("{}% ({}/{})", decimal(p), s.count, s.of)).unwrap_or_else(|| "—".into())
}

/// One line per office, then the total, under `titles`.
fn table(titles: &[&str], offices: &[(&str, &FiguresReport)], total: &FiguresReport, cells: impl Fn(&FiguresReport) -> Vec<String>) -> Block {
    let mut columns = vec![Column::new("STT", 0.8, Align::Center), Column::new("Đơn vị", 4.5, Align::Left)];
    columns.extend(titles.iter().map(|t| Column::new(*t, 2.0, Align::Right)));
    let mut rows: Vec<Vec<String>> = offices
        .iter()
        .enumerate()
        .map(|(i, (name, r))| [vec![(i + 1).to_string(), (*name).to_owned()], cells(r)].concat())
        .collect();
    rows.push([vec![String::new(), "Tổng cộng".into()], cells(total)].concat());
    Block::Table { columns, rows }
}

fn chart(title: String, offices: &[(&str, &FiguresReport)], value: impl Fn(&FiguresReport) -> Option<f64>, unit: &str) -> Block {
    let bars = offices.iter().map(|(name, r)| Bar { label: (*name).to_owned(), value: value(r).unwrap_or(0.0) }).collect();
    let percent = unit == "%";
    Block::Chart(BarChart {
        title: Some(title),
        unit: unit.into(),
        max: percent.then_some(100.0),
        decimals: usize::from(percent),
        ..BarChart::new(bars)
    })
}
