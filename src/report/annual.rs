//! The annual customer-satisfaction report (BM-[HC-TMKH]-BCTM, seed 003 §5.4) for the
//! management review: where the figures come from and how they are counted, what the book
//! received, how complaints were handled, the year against the year before and its quarters,
//! then the conclusions and proposed actions the staff wrote, and the signatures.

use super::figures::{Change, Count, Figures, FiguresReport, QuarterSurveys, Share};
use crate::domain::dates::day;
use crate::pdf::blocks::Signature;
use crate::pdf::chart::{Bar, BarChart};
use crate::pdf::forms::{Block, ReportPrint, Section};
use crate::pdf::table::Column;
use crate::pdf::text::Align;

/// The form code of the report in the procedures (seed 003).
pub const ANNUAL_FORM_CODE: &str = "BM-[HC-TMKH]-BCTM";

pub use crate::domain::report::AnnualTexts;

/// Lines left to write on when a text was not typed.
const HAND_LINES: usize = 5;

/// "95,1" — the Vietnamese decimal comma.
pub fn decimal(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}").replace('.', ",")
    }
}

fn share(s: &Share) -> String {
    s.percent.map(|p| format!("{}% ({}/{})", decimal(p), s.count, s.of)).unwrap_or_else(|| "—".into())
}

fn change_value(unit: &str, x: Option<f64>) -> String {
    match x {
        None => "—".into(),
        Some(v) if unit == "percent" => format!("{}%", decimal(v)),
        Some(v) => decimal(v),
    }
}

fn change_cell(c: &Change) -> String {
    match c.change {
        None => "—".into(),
        Some(v) => {
            let sign = if v > 0.0 { "+" } else { "" };
            let unit = if c.unit == "percent" { " điểm %" } else { "" };
            format!("{sign}{}{unit}", decimal(v))
        }
    }
}

/// A table of counts with their share of the total, zero lines left out, and a total row.
fn count_table(title: &str, counts: &[Count], total: u32) -> Block {
    let mut rows: Vec<Vec<String>> = counts
        .iter()
        .filter(|c| c.count > 0)
        .enumerate()
        .map(|(i, c)| {
            let pct = super::figures::percent(c.count, total).map(decimal).unwrap_or_else(|| "—".into());
            vec![(i + 1).to_string(), c.label.clone(), c.count.to_string(), pct]
        })
        .collect();
    rows.push(vec![String::new(), "Tổng cộng".into(), total.to_string(), if total > 0 { "100".into() } else { "—".into() }]);
    Block::Table {
        columns: vec![
            Column::new("STT", 0.8, Align::Center),
            Column::new(title, 5.0, Align::Left),
            Column::new("Số lượng", 1.6, Align::Right),
            Column::new("Tỷ lệ (%)", 1.6, Align::Right),
        ],
        rows,
    }
}

fn written_or_lines(text: &str) -> Block {
    if text.trim().is_empty() {
        Block::Lines(HAND_LINES)
    } else {
        Block::Paragraph(text.to_owned())
    }
}

/// The report of `r` (the figures of a whole year) with the staff's `t`.
pub fn annual_report(r: &FiguresReport, t: &AnnualTexts) -> ReportPrint {
    let f = &r.figures;
    let year = &f.period.from[..4];
    let before = &r.year_before.period.label;
    let c = &f.complaints;

    let sources = Section {
        heading: "I. Nguồn thông tin và phương pháp đánh giá".into(),
        blocks: vec![Block::Paragraph(format!(
            "Báo cáo tổng hợp các ý kiến, phản ánh, khiếu nại của khách hàng được ghi nhận trong Sổ ghi nhận ý kiến \
             của khách hàng từ ngày {} đến ngày {} ({} ý kiến), so sánh với cùng kỳ {} và theo từng quý trong năm.\n\
             Khiếu nại gồm khiếu nại, phàn nàn và kháng nghị. Tỷ lệ trả lời đúng hạn tính trên các khiếu nại đã \
             giải quyết và các khiếu nại chưa giải quyết nhưng đã quá hạn; hạn giải quyết là hạn theo quy định hoặc \
             hạn đã được Giám đốc gia hạn. Số ngày giải quyết tính theo ngày dương lịch từ ngày tiếp nhận đến ngày \
             đóng hồ sơ. Số liệu các hồ sơ còn mở được xác định tại ngày {}. Phiếu khảo sát được tính theo ngày \
             ghi trên phiếu.",
            day(&f.period.from),
            day(&f.period.to),
            f.feedback.total,
            before.to_lowercase(),
            day(&c.as_of),
        ))],
    };

    let quarters = &r.quarters;
    let mut received = vec![
        Block::Heading("1. Theo loại ý kiến".into()),
        count_table("Loại ý kiến", &f.feedback.by_kind, f.feedback.total),
        Block::Heading("2. Theo nội dung liên quan".into()),
        count_table("Nội dung liên quan", &f.feedback.by_subject, f.feedback.total),
        Block::Heading("3. Theo kênh tiếp nhận".into()),
        count_table("Kênh tiếp nhận", &f.feedback.by_channel, f.feedback.total),
        Block::Heading("4. Theo đơn vị xử lý".into()),
        count_table("Đơn vị", &f.feedback.by_unit, f.feedback.total),
    ];
    if !quarters.is_empty() {
        received.push(Block::Heading("5. Theo quý".into()));
        received.push(quarter_table(quarters, f));
        received.push(Block::Chart(BarChart {
            title: Some(format!("Số ý kiến tiếp nhận theo quý năm {year}")),
            ..BarChart::new(quarters.iter().map(|q| Bar { label: quarter_name(q), value: f64::from(q.feedback.total) }).collect())
        }));
    }

    let mut handling = vec![
        Block::Paragraph(format!(
            "Năm {year} tiếp nhận {} khiếu nại, phàn nàn, kháng nghị; đã giải quyết xong {}, trong đó {} tại bộ phận \
             tiếp nhận, {} chuyển phòng chuyên môn, {} xin ý kiến chỉ đạo của lãnh đạo. Tỷ lệ trả lời đúng hạn: {}. \
             Đến ngày {} còn {} hồ sơ đang giải quyết, trong đó {} hồ sơ quá hạn.",
            c.received,
            c.closed,
            share(&c.settled_front_desk),
            share(&c.escalated_specialist),
            share(&c.escalated_leadership),
            share(&c.replied_on_time),
            day(&c.as_of),
            c.open_at_end,
            c.overdue_at_end,
        )),
        Block::Heading(format!("So sánh với {}", before.to_lowercase())),
        Block::Table {
            columns: vec![
                Column::new("Chỉ tiêu", 5.0, Align::Left),
                Column::new(&f.period.label, 1.7, Align::Right),
                Column::new(before, 1.7, Align::Right),
                Column::new("Tăng (+), giảm (−)", 2.0, Align::Right),
            ],
            rows: r
                .changes
                .iter()
                .map(|ch| vec![ch.label.clone(), change_value(&ch.unit, ch.current), change_value(&ch.unit, ch.previous), change_cell(ch)])
                .collect(),
        },
    ];
    if !quarters.is_empty() && quarters.iter().any(|q| q.complaints.replied_on_time.percent.is_some()) {
        handling.push(Block::Chart(BarChart {
            title: Some(format!("Tỷ lệ trả lời khiếu nại đúng hạn theo quý năm {year} (%)")),
            unit: "%".into(),
            max: Some(100.0),
            decimals: 1,
            ..BarChart::new(
                quarters
                    .iter()
                    .map(|q| Bar { label: quarter_name(q), value: q.complaints.replied_on_time.percent.unwrap_or(0.0) })
                    .collect(),
            )
        }));
    }

    let sections = vec![
        sources,
        Section { heading: "II. Kết quả tiếp nhận ý kiến của khách hàng".into(), blocks: received },
        Section { heading: "III. Kết quả giải quyết khiếu nại, phàn nàn, kháng nghị".into(), blocks: handling },
        Section { heading: "IV. Kết quả khảo sát sự hài lòng của khách hàng".into(), blocks: survey_blocks(r) },
        Section { heading: "V. Kết quả thực hiện mục tiêu chất lượng".into(), blocks: objective_blocks(r) },
        Section { heading: "VI. Kết luận".into(), blocks: vec![written_or_lines(&t.conclusions)] },
        Section {
            heading: "VII. Đề xuất biện pháp khắc phục, phòng ngừa, cải tiến".into(),
            blocks: vec![written_or_lines(&t.proposals)],
        },
    ];

    let named = |title: &str, name: &str| Signature {
        authority: vec![],
        title: title.into(),
        note: None,
        name: (!name.trim().is_empty()).then(|| name.trim().to_owned()),
    };
    let head_title = if t.head_title.trim().is_empty() { "Thủ trưởng cơ quan" } else { t.head_title.trim() };
    ReportPrint {
        form_code: ANNUAL_FORM_CODE.into(),
        number: t.number.clone(),
        date: t.date,
        kind: "Báo cáo".into(),
        title: format!("Đánh giá sự thỏa mãn của khách hàng năm {year}"),
        sections,
        signatures: vec![named("Người lập báo cáo", &t.prepared_by), named("Đại diện lãnh đạo", &t.qmr), named(head_title, &t.head_name)],
        recipients: vec!["Ban Giám đốc".into(), "Đại diện lãnh đạo về chất lượng".into(), "Lưu: VT, hồ sơ ISO".into()],
    }
}

/// The survey part: per template, the rated criteria with each level, blanks, spoiled
/// answers and the index, a chart of the indices, and the other questions' counts.
fn survey_blocks(r: &FiguresReport) -> Vec<Block> {
    let s = &r.figures.surveys;
    let before = &r.year_before.surveys;
    if s.forms == 0 {
        let mut blocks = vec![Block::Paragraph("Trong kỳ báo cáo không có phiếu khảo sát nào được thu về.".into())];
        // Counting one source only, the other may still have answers: the reader sees them.
        if s.by_source.is_some() {
            blocks.extend(source_blocks(s));
        }
        // The quarters of the year before may still have had forms to compare with.
        if r.quarter_surveys.iter().any(|q| q.year_before.forms > 0) {
            blocks.extend(quarter_survey_blocks(&r.quarter_surveys));
        }
        return blocks;
    }
    let mut blocks = vec![Block::Paragraph(format!(
        "Thu về {} phiếu khảo sát (cùng kỳ {}: {} phiếu). Chỉ số hài lòng chung: {} (cùng kỳ: {}). Chỉ số hài lòng là \
         tỷ lệ câu trả lời ở các mức hài lòng trên tổng số câu trả lời hợp lệ (không tính ô bỏ trống và ô đánh dấu \
         hai lựa chọn).",
        s.forms,
        r.year_before.period.label.to_lowercase(),
        before.forms,
        share(&s.index),
        share(&before.index),
    ))];
    blocks.extend(source_blocks(s));
    for t in &s.templates {
        blocks.push(Block::Heading(format!("Mẫu phiếu {} (lần ban hành {}): {} phiếu", t.code, t.version, t.forms)));
        let rated: Vec<_> = t.slots.iter().filter(|x| x.rated).collect();
        if let Some(first) = rated.first() {
            let mut columns = vec![Column::new("Tiêu chí", 3.4, Align::Left)];
            columns.extend(first.levels.iter().map(|l| Column::new(&l.label, 1.2, Align::Right)));
            columns.extend([
                Column::new("Bỏ trống", 1.0, Align::Right),
                Column::new("Không hợp lệ", 1.1, Align::Right),
                Column::new("Chỉ số hài lòng", 1.4, Align::Right),
            ]);
            let rows = rated
                .iter()
                .map(|x| {
                    let valid: u32 = x.levels.iter().map(|l| l.count).sum();
                    let mut row = vec![x.label.clone()];
                    row.extend(x.levels.iter().map(|l| {
                        let pct = super::figures::percent(l.count, valid).map(decimal).unwrap_or_else(|| "—".into());
                        format!("{} ({pct}%)", l.count)
                    }));
                    row.extend([x.blank.to_string(), x.spoiled.to_string(), x.index.map(|i| share_pct(&i)).unwrap_or_default()]);
                    row
                })
                .collect();
            blocks.push(Block::Table { columns, rows });
            blocks.push(Block::Chart(BarChart {
                title: Some(format!("Chỉ số hài lòng theo tiêu chí — mẫu {} (%)", t.code)),
                unit: "%".into(),
                max: Some(100.0),
                decimals: 1,
                ..BarChart::new(rated.iter().map(|x| Bar { label: x.label.clone(), value: x.index.and_then(|i| i.percent).unwrap_or(0.0) }).collect())
            }));
        }
        for x in t.slots.iter().filter(|x| !x.rated && x.levels.len() > 1) {
            let answered: u32 = x.levels.iter().map(|l| l.count).sum();
            let counts: Vec<String> = x.levels.iter().map(|l| format!("{}: {}", l.label, l.count)).collect();
            let label = x.label.trim().trim_end_matches(':');
            let asked = if label.ends_with('?') { label.to_owned() } else { format!("{label}:") };
            blocks.push(Block::Paragraph(format!(
                "{} — {} {} ({} phiếu trả lời; bỏ trống {}, không hợp lệ {}).",
                x.question.trim_end_matches(':'),
                asked,
                counts.join("; "),
                answered,
                x.blank,
                x.spoiled
            )));
        }
    }
    blocks.extend(quarter_survey_blocks(&r.quarter_surveys));
    if !s.opinion_groups.is_empty() {
        let total: u32 = s.opinion_groups.iter().map(|g| g.count).sum();
        blocks.push(Block::Heading("Ý kiến khác của khách hàng, theo nhóm".into()));
        blocks.push(count_table("Nhóm ý kiến", &s.opinion_groups, total));
    }
    blocks
}

/// Which answers the index counts, as the office chose, and when the figures list them
/// apart, each source's forms and index beside both together.
fn source_blocks(s: &super::figures::SurveyFigures) -> Vec<Block> {
    let mut blocks = vec![Block::Paragraph(format!("Chỉ số hài lòng tính từ: {}.", s.index_source().label()))];
    let sources = s.sources_and_together();
    if !sources.is_empty() {
        blocks.push(Block::Heading("Chỉ số hài lòng theo nguồn".into()));
        blocks.push(Block::Table {
            columns: vec![
                Column::new("Nguồn", 3.6, Align::Left),
                Column::new("Số phiếu / lượt đánh giá", 2.0, Align::Right),
                Column::new("Chỉ số hài lòng", 2.4, Align::Right),
                Column::new("Tính vào chỉ số", 1.6, Align::Center),
            ],
            rows: sources
                .iter()
                .map(|x| vec![x.label.clone(), x.forms.to_string(), share(&x.index), if x.counted { "Có" } else { "Không" }.into()])
                .collect(),
        });
    }
    blocks
}

/// Each quarter's satisfaction index beside the same quarter a year before, then each rated
/// criterion's share quarter by quarter (seed 004 §5.3.2), and a chart of the indices.
fn quarter_survey_blocks(quarters: &[QuarterSurveys]) -> Vec<Block> {
    if quarters.is_empty() {
        return Vec::new();
    }
    let name = |label: &str| label.split(" năm").next().unwrap_or(label).to_owned();
    let mut blocks = vec![
        Block::Heading("Chỉ số hài lòng theo quý, so với cùng kỳ năm trước".into()),
        Block::Table {
            columns: vec![
                Column::new("Quý", 1.4, Align::Left),
                Column::new("Số phiếu", 1.2, Align::Right),
                Column::new("Chỉ số hài lòng", 2.4, Align::Right),
                Column::new("Số phiếu cùng kỳ", 1.4, Align::Right),
                Column::new("Cùng kỳ năm trước", 2.4, Align::Right),
                Column::new("Tăng (+), giảm (−)", 1.8, Align::Right),
            ],
            rows: quarters
                .iter()
                .map(|q| {
                    let change = q.change.map(|v| format!("{}{} điểm %", if v > 0.0 { "+" } else { "" }, decimal(v))).unwrap_or_else(|| "—".into());
                    vec![
                        name(&q.quarter.period.label),
                        q.quarter.forms.to_string(),
                        share(&q.quarter.index),
                        q.year_before.forms.to_string(),
                        share(&q.year_before.index),
                        change,
                    ]
                })
                .collect(),
        },
    ];
    // Every rated criterion met in a quarter of the year, in the order first met.
    let mut criteria: Vec<(&str, &str, &str)> = Vec::new();
    for c in quarters.iter().flat_map(|q| &q.quarter.criteria) {
        if !criteria.iter().any(|(t, code, _)| *t == c.template && *code == c.code) {
            criteria.push((&c.template, &c.code, &c.label));
        }
    }
    if !criteria.is_empty() {
        let mut columns = vec![Column::new("Tiêu chí", 3.4, Align::Left)];
        columns.extend(quarters.iter().map(|q| Column::new(name(&q.quarter.period.label), 1.5, Align::Right)));
        let rows = criteria
            .iter()
            .map(|(t, code, label)| {
                let mut row = vec![(*label).to_owned()];
                row.extend(quarters.iter().map(|q| q.quarter.criterion(t, code).map(share_pct).unwrap_or_else(|| "—".into())));
                row
            })
            .collect();
        blocks.push(Block::Heading("Tỷ lệ hài lòng theo tiêu chí, theo quý".into()));
        blocks.push(Block::Table { columns, rows });
    }
    if quarters.iter().any(|q| q.quarter.index.percent.is_some()) {
        blocks.push(Block::Chart(BarChart {
            title: Some("Chỉ số hài lòng theo quý (%)".into()),
            unit: "%".into(),
            max: Some(100.0),
            decimals: 1,
            ..BarChart::new(quarters.iter().map(|q| Bar { label: name(&q.quarter.period.label), value: q.quarter.index.percent.unwrap_or(0.0) }).collect())
        }));
    }
    blocks
}

/// The year's objectives, each met or not.
fn objective_blocks(r: &FiguresReport) -> Vec<Block> {
    if r.objectives.is_empty() {
        return vec![Block::Paragraph("Chưa đặt mục tiêu chất lượng cho năm này.".into())];
    }
    let rows = r
        .objectives
        .iter()
        .map(|o| {
            vec![o.label.clone(), format!("≥ {}%", decimal(o.target)), o.actual.map(|a| format!("{}%", decimal(a))).unwrap_or_else(|| "—".into()), o.verdict().into()]
        })
        .collect();
    vec![Block::Table {
        columns: vec![
            Column::new("Mục tiêu", 4.6, Align::Left),
            Column::new("Chỉ tiêu", 1.4, Align::Right),
            Column::new("Kết quả", 1.4, Align::Right),
            Column::new("Đánh giá", 1.8, Align::Center),
        ],
        rows,
    }]
}

/// "93,1%" alone, for table cells.
fn share_pct(s: &Share) -> String {
    s.percent.map(|p| format!("{}%", decimal(p))).unwrap_or_else(|| "—".into())
}

/// "Quý I" from "Quý I năm 2026".
fn quarter_name(q: &Figures) -> String {
    q.period.label.split(" năm").next().unwrap_or(&q.period.label).to_owned()
}

fn quarter_table(quarters: &[Figures], year: &Figures) -> Block {
    let rows: Vec<Vec<String>> = quarters
        .iter()
        .chain(std::iter::once(year))
        .map(|q| {
            vec![
                if std::ptr::eq(q, year) { "Cả năm".into() } else { quarter_name(q) },
                q.feedback.total.to_string(),
                q.complaints.received.to_string(),
                share(&q.complaints.replied_on_time),
                q.complaints.median_days_to_close.map(decimal).unwrap_or_else(|| "—".into()),
            ]
        })
        .collect();
    Block::Table {
        columns: vec![
            Column::new("Kỳ", 1.6, Align::Left),
            Column::new("Ý kiến tiếp nhận", 1.8, Align::Right),
            Column::new("Khiếu nại", 1.6, Align::Right),
            Column::new("Trả lời đúng hạn", 2.8, Align::Right),
            Column::new("Số ngày giải quyết (trung vị)", 2.2, Align::Right),
        ],
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_use_the_vietnamese_decimal_comma() {
        assert_eq!(decimal(95.1), "95,1");
        assert_eq!(decimal(100.0), "100");
        assert_eq!(share(&Share::new(1, 8)), "12,5% (1/8)");
        assert_eq!(share(&Share::new(0, 0)), "—");
        let c = Change { key: "x".into(), label: "x".into(), unit: "percent".into(), current: Some(50.0), previous: Some(100.0), change: Some(-50.0) };
        assert_eq!(change_cell(&c), "-50 điểm %");
    }
}
