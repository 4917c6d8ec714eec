//! Prints every paper form for the demo office into a folder, with invented rows where a
//! form needs them: `cargo run --example forms -- OUT_DIR`. The pictures in docs/ are made
//! from these files with `pdftoppm -r 80 -png`.

use chrono::NaiveDate;
use std::path::PathBuf;
use ykien::domain::survey::SurveyTemplate;
use ykien::pdf::blocks::{FormControl, Signature};
use ykien::pdf::forms::{self, BookPrint, FeedbackLetter, LedgerRow, ReceiptSlip, ReplyPrint, SurveyPrint};
use ykien::{Book, ControlledForm, DocumentControl};

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).expect("valid date")
}

/// Invented book entries, as the ledger will hand them over.
pub fn sample_rows(count: usize) -> Vec<LedgerRow> {
    const PEOPLE: &[&str] = &[
        "Nguyễn Văn Bình",
        "Công ty TNHH Cà phê Buôn Đôn",
        "Trần Thị Mỹ Duyên",
        "H'Hen Niê",
        "Hợp tác xã Nông nghiệp Ea Kar",
        "Lê Quốc Khánh",
    ];
    const SAYINGS: &[&str] = &[
        "Đề nghị rút ngắn thời gian cấp Giấy chứng nhận đủ điều kiện kinh doanh xăng dầu.",
        "Phản ánh cán bộ một cửa hướng dẫn hồ sơ chưa rõ, phải bổ sung giấy tờ hai lần; đề nghị niêm yết \
         danh mục hồ sơ đầy đủ tại quầy và trên cổng thông tin điện tử của Sở.",
        "Khen ngợi thái độ tận tình của chuyên viên Phòng Quản lý thương mại.",
        "Hỏi về thủ tục cấp phép bán lẻ rượu; đã được hướng dẫn trực tiếp.",
        "Khiếu nại việc trả kết quả chậm 5 ngày so với giấy hẹn.",
    ];
    const STAFF: &[&str] = &["Nguyễn Thị Thanh Hương", "Lê Hoàng Phúc", "Hoàng Thị Mai"];
    (0..count)
        .map(|i| LedgerRow {
            date: date(1 + (i / 45 % 12) as u32, 1 + (i % 28) as u32),
            customer: PEOPLE[i % PEOPLE.len()].into(),
            content: SAYINGS[i % SAYINGS.len()].into(),
            receiver: STAFF[i % STAFF.len()].into(),
            confirmation: if i % 4 == 3 { String::new() } else { format!("Trịnh Văn Lộc\n{}", date(1 + (i / 45 % 12) as u32, 1 + (i % 28) as u32).format("%d/%m/%Y")) },
        })
        .collect()
}

pub fn sample_receipts() -> Vec<ReceiptSlip> {
    vec![
        ReceiptSlip {
            number: "2026/000123".into(),
            received_at: date(1, 5).and_hms_opt(9, 30, 0).expect("valid time"),
            customer: "Ông Nguyễn Văn Bình, thôn 3, xã Hòa Thắng".into(),
            summary: "Phản ánh việc trả kết quả cấp Giấy chứng nhận đủ điều kiện kinh doanh xăng dầu chậm so với \
                      giấy hẹn; đề nghị Sở kiểm tra, trả lời."
                .into(),
            due_date: date(2, 4),
            receiver: "Nguyễn Thị Thanh Hương".into(),
        },
        ReceiptSlip {
            number: "2026/000124".into(),
            received_at: date(1, 5).and_hms_opt(14, 5, 0).expect("valid time"),
            customer: "Công ty TNHH Cà phê Buôn Đôn".into(),
            summary: "Góp ý về thủ tục cấp phép bán lẻ rượu.".into(),
            due_date: date(2, 4),
            receiver: String::new(),
        },
    ]
}

/// A signed reply to a written complaint, signed by a deputy for the director.
pub fn sample_reply() -> ReplyPrint {
    ReplyPrint {
        number: "125/SCT-VP".into(),
        summary: "trả lời ý kiến của khách hàng (số tiếp nhận 2026/000123)".into(),
        addressee: "Ông Nguyễn Văn Bình, thôn 3, xã Hòa Thắng".into(),
        body: "Ngày 05/01/2026, Sở Công Thương nhận được đơn của Ông phản ánh việc trả kết quả cấp Giấy chứng \
               nhận đủ điều kiện kinh doanh xăng dầu chậm so với giấy hẹn.\n\
               Sau khi kiểm tra, Sở xác nhận hồ sơ của Ông bị trả chậm 5 ngày do phải lấy ý kiến thẩm định \
               của cơ quan phòng cháy chữa cháy. Sở đã chấn chỉnh bộ phận một cửa và đã trả kết quả cho Ông \
               ngày 20/01/2026.\n\
               Sở Công Thương xin cảm ơn Ông đã góp ý và trân trọng thông báo để Ông được biết."
            .into(),
        signed_on: Some(date(1, 28)),
        signature: Signature {
            authority: vec!["KT. GIÁM ĐỐC".into()],
            title: "Phó Giám đốc".into(),
            note: None,
            name: Some("Trần Văn Bình".into()),
        },
        recipients: vec!["Như trên".into(), "Giám đốc Sở (để b/c)".into(), "Lưu: VT, VP".into()],
        draft: false,
        control: None,
    }
}

fn main() -> ykien::Result<()> {
    let out = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/forms".into()));
    std::fs::create_dir_all(&out)?;
    let office = ykien::demo::demo_office();
    // Each form under the procedures' document control, as a new office prints it.
    let controls = DocumentControl::default();
    let control = |f: ControlledForm| FormControl::from(&controls.of(f));
    let write = |name: &str, bytes: Vec<u8>| std::fs::write(out.join(name), bytes);
    let book = BookPrint { book: Book::Feedback, control: control(ControlledForm::FeedbackBook), unit: None };
    write("ledger-blank.pdf", forms::book_blank(&office, &book, Some(2026), 3)?)?;
    let lines: Vec<Vec<String>> = sample_rows(40).iter().map(LedgerRow::cells).collect();
    write("ledger-filled.pdf", forms::book_filled(&office, &book, date(1, 1), date(12, 31), &lines)?)?;
    let print = SurveyPrint {
        year: Some(2026),
        serial: Some("2026-000001".into()),
        notice: None,
        control: Some(control(ControlledForm::SurveyForm)),
    };
    write("survey.pdf", forms::survey_blank(&office, &SurveyTemplate::bm_qt_sct_05_02(), &print)?)?;
    write("receipt.pdf", forms::receipts_controlled(&office, &sample_receipts(), None, Some(&control(ControlledForm::ReceiptSlip)))?)?;
    let letter = FeedbackLetter { control: Some(control(ControlledForm::FeedbackLetter)), ..FeedbackLetter::standard() };
    write("letter.pdf", forms::feedback_letter(&office, &letter)?)?;
    let reply = ReplyPrint { control: Some(control(ControlledForm::ReplyLetter)), ..sample_reply() };
    write("reply.pdf", forms::reply_letter(&office, &reply)?)?;
    println!("{}", out.display());
    Ok(())
}
