//! The printed forms, read back by tools that are not ours: poppler's pdftotext, pdffonts and
//! pdfinfo, qpdf, and the PDF/A validator `page` (PyPI page-validation, built on the veraPDF
//! rule corpus). `cargo xtask test` installs them all.
//!
//! Inputs are given decomposed (NFD), as some Windows input methods type Vietnamese; the text
//! read back must be composed (NFC) and in reading order.

use crate::temp_dir;
use chrono::NaiveDate;
use std::path::Path;
use std::process::{Command, Output};
use unicode_normalization::UnicodeNormalization;
use ykien::domain::survey::SurveyTemplate;
use ykien::pdf::forms::{self, FeedbackLetter, LedgerRow, ReceiptSlip, SurveyPrint};
use ykien::OfficeProfile;

fn nfd(s: &str) -> String {
    s.nfd().collect()
}

/// The demo office, every text decomposed.
fn office() -> OfficeProfile {
    let o = ykien::demo::demo_office();
    OfficeProfile {
        name: nfd(&o.name),
        parent_agency: nfd(&o.parent_agency),
        place_name: nfd(&o.place_name),
        address: nfd(&o.address),
        ..o
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn run(program: &str, args: &[&str]) -> Output {
    Command::new(program).args(args).output().unwrap_or_else(|e| {
        panic!("cannot run {program} ({e}): `cargo xtask test` installs poppler-utils, qpdf and page-validation")
    })
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

/// A written PDF and the tools' view of it.
pub struct Pdf {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
}

impl Pdf {
    pub fn new(bytes: &[u8]) -> Pdf {
        let dir = temp_dir();
        let path = dir.path().join("biểu mẫu.pdf");
        std::fs::write(&path, bytes).unwrap();
        Pdf { _dir: dir, path }
    }

    pub fn path(&self) -> &str {
        self.path.to_str().unwrap()
    }

    /// The text of pages `first..=last` (all when `None`), as pdftotext lays it out.
    pub fn text(&self, pages: Option<(usize, usize)>) -> String {
        let mut args = vec!["-layout".to_owned(), "-enc".to_owned(), "UTF-8".to_owned()];
        if let Some((f, l)) = pages {
            args.extend(["-f".into(), f.to_string(), "-l".into(), l.to_string()]);
        }
        args.extend([self.path().to_owned(), "-".into()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run("pdftotext", &args);
        assert!(out.status.success(), "{out:?}");
        stdout(&out)
    }

    pub fn pages(&self) -> usize {
        let info = stdout(&run("pdfinfo", &[self.path()]));
        info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap()
    }

    /// Every check that does not depend on the form: A4, fonts embedded, structure sound,
    /// PDF/A-2b valid, text NFC.
    pub fn assert_sound(&self) {
        let info = stdout(&run("pdfinfo", &[self.path()]));
        let size = info.lines().find_map(|l| l.strip_prefix("Page size:")).expect("page size");
        let numbers: Vec<f64> = size.split_whitespace().filter_map(|w| w.parse().ok()).collect();
        assert!((numbers[0] - 595.28).abs() < 0.01 && (numbers[1] - 841.89).abs() < 0.01, "not A4: {size}");
        let version = info.lines().find_map(|l| l.strip_prefix("PDF version:")).map(str::trim);
        assert_eq!(version, Some("1.7"), "{info}");

        let fonts = stdout(&run("pdffonts", &[self.path()]));
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "no fonts: {fonts}");
        for row in rows {
            // name, type…, encoding, then emb sub uni: all three "yes".
            let cols: Vec<&str> = row.split_whitespace().collect();
            let n = cols.len();
            assert_eq!(&cols[n - 5..n - 2], ["yes", "yes", "yes"], "font not embedded as a subset with Unicode: {row}");
            assert!(cols[0].contains("+LiberationSerif"), "{row}");
        }

        let check = run("qpdf", &["--check", self.path()]);
        assert!(check.status.success(), "qpdf --check failed: {}", stdout(&check));

        let report = validate(&self.path);
        assert_eq!(report.trim(), "compliant", "PDF/A-2b validation failed:\n{report}");

        let text = self.text(None);
        assert_eq!(text.nfc().collect::<String>(), text, "extracted text is not NFC");
    }
}

/// Runs the PDF/A validator for PDF/A-2b: "compliant", or the failed rules.
fn validate(path: &Path) -> String {
    const SCRIPT: &str = "import sys, page\n\
        r = page.validate_pdf(sys.argv[1], profile='2b')\n\
        print('compliant' if r.is_compliant else '\\n'.join(f.rule_id + ': ' + f.message for f in r.failures))\n";
    let out = run("python3", &["-c", SCRIPT, path.to_str().unwrap()]);
    assert!(out.status.success(), "the validator did not run: {}", String::from_utf8_lossy(&out.stderr));
    stdout(&out)
}

/// `expected` appear in `text` in this order (whitespace runs count as one space, since a
/// justified line is extracted with wide gaps).
pub fn assert_in_order(text: &str, expected: &[&str]) {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut at = 0;
    for e in expected {
        match flat[at..].find(e) {
            Some(i) => at += i + e.len(),
            None => panic!("{e:?} missing, or out of order, after byte {at} of:\n{flat}"),
        }
    }
}

#[test]
fn the_survey_form_holds_every_question_of_seed_004_in_order() {
    let print = SurveyPrint { year: Some(2026), serial: Some("2026-000042".into()), notice: None, control: None };
    let pdf = Pdf::new(&forms::survey_blank(&office(), &SurveyTemplate::bm_qt_sct_05_02(), &print).unwrap());
    pdf.assert_sound();
    assert_in_order(
        &pdf.text(None),
        &[
            "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK",
            "Mã hiệu: BM.QT.SCT.05-02",
            "SỞ CÔNG THƯƠNG TỈNH ĐẮK LẮK",
            "Lần ban hành: 01",
            "Số phiếu: 2026-000042",
            "PHIẾU KHẢO SÁT",
            "SỰ HÀI LÒNG CỦA CÁC TỔ CHỨC, CÁ NHÂN",
            "ĐỐI VỚI SỰ PHỤC VỤ CỦA SỞ CÔNG THƯƠNG TỈNH ĐẮK LẮK",
            "NĂM: 2026",
            "Để nâng cao hơn nữa chất lượng phục vụ",
            "Xin trân trọng cảm ơn Ông/Bà.",
            "I. Thông tin về tổ chức thực hiện giao dịch hành chính",
            "(Ghi cụ thể tên cá nhân hoặc tổ chức)",
            "II. Nội dung giao dịch hành chính",
            "- Tiếp nhận, xử lý công việc hành chính",
            "- Giải quyết thủ tục hành chính",
            "(Xin ghi rõ nội dung giải quyết thủ tục hành chính):",
            "Vui lòng đánh dấu (x) vào sự lựa chọn đối với những câu hỏi sau:",
            "Câu hỏi 1: Thái độ phục vụ của công chức Sở Công Thương tỉnh Đắk Lắk",
            "Thái độ giao tiếp Tốt Đạt yêu cầu Chưa đạt yêu cầu",
            "Lắng nghe ý kiến Tốt Đạt yêu cầu Chưa đạt yêu cầu",
            "Tận tình, chu đáo Tốt Đạt yêu cầu Chưa đạt yêu cầu",
            "Tuân thủ đúng quy trình Tốt Đạt yêu cầu Chưa đạt yêu cầu",
            "Ý kiến khác:",
            "Câu hỏi 2: Công chức của Sở Công Thương tỉnh Đắk Lắk có gây phiền hà, sách",
            "Có Không",
            "Nếu có, vui lòng cho biết tình trạng thực tế:",
            "a. Một lần b. Một số lần c. Phổ biến d. Rất phổ biến",
            "Câu hỏi 3:",
            "Chính xác, khách quan Tốt Đạt yêu cầu Chưa đạt yêu cầu",
            "Ý kiến khác:",
            "Câu hỏi 4:",
            "Đúng thời hạn quy định Tốt Đạt yêu cầu Chưa đạt yêu cầu",
            "Ý kiến khác:",
            "Câu hỏi 5:",
            "Mức độ hài lòng Tốt Đạt yêu cầu Chưa đạt yêu cầu",
            "XIN TRÂN TRỌNG CẢM ƠN!",
        ],
    );
}

#[test]
fn a_blank_survey_leaves_the_year_and_serial_to_write_in() {
    let pdf = Pdf::new(&forms::survey_blank(&office(), &SurveyTemplate::bm_qt_sct_05_02(), &SurveyPrint::default()).unwrap());
    let text = pdf.text(None);
    assert_in_order(&text, &["PHIẾU KHẢO SÁT", "NĂM: ....."]);
    assert!(!text.contains("Số phiếu"));
}

fn rows(n: usize) -> Vec<LedgerRow> {
    (0..n)
        .map(|i| LedgerRow {
            date: date(2026, 1 + (i % 12) as u32, 5),
            customer: nfd(&format!("Lê Thị Ánh {i}")),
            content: nfd("Đề nghị rút ngắn thời gian cấp giấy phép; hồ sơ đã nộp đủ từ tuần trước nhưng chưa có kết quả."),
            receiver: nfd("Lê Hoàng Phúc"),
            confirmation: nfd("Trịnh Văn Lộc"),
        })
        .collect()
}

#[test]
fn the_filled_ledger_prints_its_rows_under_the_five_columns() {
    let pdf = Pdf::new(&forms::ledger_filled(&office(), date(2026, 1, 1), date(2026, 12, 31), &rows(30)).unwrap());
    pdf.assert_sound();
    let text = pdf.text(None);
    assert_in_order(
        &text,
        &[
            "Mã hiệu: BM.QT.SCT.05-01",
            "SỔ GHI NHẬN Ý KIẾN CỦA KHÁCH HÀNG",
            "NĂM: 2026",
            "Ngày tháng",
            "05/01/2026 Lê Thị Ánh 0 Đề nghị rút ngắn",
            "05/02/2026 Lê Thị Ánh 1",
            "05/06/2026 Lê Thị Ánh 29",
        ],
    );
    assert!(pdf.pages() >= 2);
    // The header row is repeated on every page.
    for p in 1..=pdf.pages() {
        assert_in_order(&pdf.text(Some((p, p))), &["Xác nhận của", "Nội dung ý kiến", "Lê Hoàng"]);
    }
}

#[test]
fn an_empty_period_prints_the_header_and_says_so() {
    let pdf = Pdf::new(&forms::ledger_filled(&office(), date(2026, 1, 1), date(2026, 3, 31), &[]).unwrap());
    pdf.assert_sound();
    assert_in_order(
        &pdf.text(None),
        &["NĂM: 2026", "(Từ ngày 01/01/2026 đến ngày 31/03/2026)", "Ngày tháng", "Không có ý kiến nào được ghi nhận trong kỳ này."],
    );
}

#[test]
fn a_three_page_blank_ledger_numbers_pages_two_and_three_only() {
    let pdf = Pdf::new(&forms::ledger_blank(&office(), None, 3).unwrap());
    pdf.assert_sound();
    assert_eq!(pdf.pages(), 3);
    let first_line = |p: usize| pdf.text(Some((p, p))).lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("").to_owned();
    assert!(first_line(1).starts_with("ỦY BAN NHÂN DÂN"), "{}", first_line(1));
    assert_eq!(first_line(2), "2");
    assert_eq!(first_line(3), "3");
    let page1 = pdf.text(Some((1, 1)));
    assert!(!page1.lines().any(|l| l.trim() == "1"), "page 1 carries a number:\n{page1}");
    assert_in_order(&page1, &["SỔ GHI NHẬN Ý KIẾN CỦA KHÁCH HÀNG", "NĂM: ....", "Xác nhận của"]);
}

#[test]
fn receipts_print_two_to_a_sheet() {
    let slip = |n: &str, customer: &str| ReceiptSlip {
        number: n.into(),
        received_at: date(2026, 1, 5).and_hms_opt(9, 30, 0).unwrap(),
        customer: nfd(customer),
        summary: nfd("Phản ánh việc trả kết quả chậm so với giấy hẹn."),
        due_date: date(2026, 2, 4),
        receiver: nfd("Nguyễn Thị Thanh Hương"),
    };
    let slips = [slip("2026/000123", "Ông Nguyễn Văn Bình"), slip("2026/000124", "Bà Trần Thị Mỹ Duyên"), slip("2026/000125", "Hợp tác xã Ea Kar")];
    let pdf = Pdf::new(&forms::receipts(&office(), &slips).unwrap());
    pdf.assert_sound();
    assert_eq!(pdf.pages(), 2);
    let expect_slip = |n: &str, customer: &str| {
        vec![
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "PHIẾU TIẾP NHẬN Ý KIẾN",
        ]
        .into_iter()
        .map(str::to_owned)
        .chain([
            format!("Số: {n}"),
            "Thời điểm tiếp nhận: 09 giờ 30 phút, ngày 05/01/2026".into(),
            format!("Khách hàng: {customer}"),
            "Nội dung tóm tắt: Phản ánh việc trả kết quả chậm so với giấy hẹn.".into(),
            "Hạn trả lời: trước hoặc trong ngày 04/02/2026".into(),
            "Nơi liên hệ: Sở Công Thương tỉnh Đắk Lắk; địa chỉ: Số 47 Nguyễn Tất Thành".into(),
            "NGƯỜI TIẾP NHẬN".into(),
            "Nguyễn Thị Thanh Hương".into(),
        ])
        .collect::<Vec<String>>()
    };
    let mut sheet1 = expect_slip("2026/000123", "Ông Nguyễn Văn Bình");
    sheet1.extend(expect_slip("2026/000124", "Bà Trần Thị Mỹ Duyên"));
    let sheet1: Vec<&str> = sheet1.iter().map(String::as_str).collect();
    assert_in_order(&pdf.text(Some((1, 1))), &sheet1);
    let sheet2 = expect_slip("2026/000125", "Hợp tác xã Ea Kar");
    let sheet2: Vec<&str> = sheet2.iter().map(String::as_str).collect();
    assert_in_order(&pdf.text(Some((2, 2))), &sheet2);
    // Slips are cut apart: no page numbers.
    assert!(!pdf.text(Some((2, 2))).lines().any(|l| l.trim() == "2"));
}

#[test]
fn the_feedback_letter_has_the_national_header_and_the_office_contact() {
    let letter = FeedbackLetter { date: Some(date(2026, 1, 5)), ..FeedbackLetter::standard() };
    let pdf = Pdf::new(&forms::feedback_letter(&office(), &letter).unwrap());
    pdf.assert_sound();
    assert_eq!(pdf.pages(), 1, "the letter must fit on one sheet");
    assert_in_order(
        &pdf.text(None),
        &[
            "Mã hiệu: BM-[HC-TMKH]-TGY",
            "ỦY BAN NHÂN DÂN",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Đắk Lắk, ngày 05 tháng 01 năm 2026",
            "THƯ GÓP Ý",
            "Kính gửi: Quý khách hàng",
            "Sở Công Thương tỉnh Đắk Lắk trân trọng cảm ơn Quý khách hàng",
            "1. Tên khách hàng (cá nhân, tổ chức):",
            "4. Đánh giá của Quý khách hàng",
            "Kết quả giải quyết Tốt Đạt yêu cầu Chưa đạt yêu cầu",
            "Thái độ phục vụ Tốt Đạt yêu cầu Chưa đạt yêu cầu",
            "6. Đề xuất, kiến nghị của Quý khách hàng:",
            "Thư góp ý xin gửi về Sở Công Thương tỉnh Đắk Lắk; địa chỉ: Số 47 Nguyễn Tất Thành",
            "Xin trân trọng cảm ơn!",
            "KHÁCH HÀNG",
            "(Ký, ghi rõ họ tên)",
        ],
    );
}

#[test]
fn the_validator_rejects_a_file_that_is_not_pdfa() {
    // The same file with its PDF/A identification spoilt (same length, so offsets hold): the
    // validator must notice, or its "compliant" above would prove nothing.
    let bytes = forms::ledger_blank(&office(), Some(2026), 1).unwrap();
    let needle = b"<pdfaid:conformance>B<";
    let at = bytes.windows(needle.len()).position(|w| w == needle).expect("uncompressed XMP packet");
    let mut spoilt = bytes.clone();
    spoilt[at + needle.len() - 2] = b'Q';
    let pdf = Pdf::new(&spoilt);
    assert_ne!(validate(&pdf.path).trim(), "compliant");
}

/// The password of the demo accounts is given for `--as` (README: demo accounts).
fn ykien(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ykien"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("YKIEN_PASSWORD", ykien::demo::DEMO_PASSWORD)
        .output()
        .unwrap()
}

#[test]
fn the_print_commands_write_each_form() {
    let dir = temp_dir();
    let db = dir.path().join("in.db");
    assert!(ykien(&db, &["demo"]).status.success());
    let cases: [(&[&str], &str); 4] = [
        (&["print", "survey-blank", "--year", "2026"], "PHIẾU KHẢO SÁT"),
        (&["print", "ledger", "--blank-pages", "2"], "SỔ GHI NHẬN Ý KIẾN CỦA KHÁCH HÀNG"),
        (&["print", "ledger", "--from", "2026-01-01", "--to", "2026-12-31"], "NĂM: 2026"),
        (&["print", "letter", "--date", "2026-01-05"], "THƯ GÓP Ý"),
    ];
    for (i, (args, expected)) in cases.iter().enumerate() {
        let out = dir.path().join(format!("tệp {i}.pdf"));
        let mut argv = args.to_vec();
        // The demo has accounts: the clerk at the front desk prints.
        argv.extend(["--out", out.to_str().unwrap(), "--as", "tiepnhan"]);
        let o = ykien(&db, &argv);
        assert!(o.status.success(), "{argv:?}: {o:?}");
        assert!(stdout(&o).starts_with("Đã ghi "), "{}", stdout(&o));
        let pdf = Pdf { _dir: temp_dir(), path: out };
        assert_in_order(&pdf.text(None), &[expected]);
        // Real records of the demo office, not just test rows, must make valid PDF/A.
        pdf.assert_sound();
    }
    let blank = dir.path().join("tệp 1.pdf");
    let pdf = Pdf { _dir: temp_dir(), path: blank };
    assert_eq!(pdf.pages(), 2);

    // The book asks for a mode; the command line is then wrong (exit 2).
    let o = ykien(&db, &["print", "ledger", "--out", dir.path().join("x.pdf").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn printing_before_the_office_setup_fails_with_a_clear_message() {
    let dir = temp_dir();
    let db = dir.path().join("trống.db");
    let out = dir.path().join("phiếu.pdf");
    let o = ykien(&db, &["print", "survey-blank", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Chưa nhập thông tin cơ quan"), "{o:?}");
    assert!(!out.exists());
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&ykien(&db, &["--json", "print", "letter", "--out", out.to_str().unwrap()]))).unwrap();
    assert_eq!(json["error"]["kind"], "validation");
    assert_eq!(json["error"]["field"], "office");
}

#[test]
fn a_receipt_slip_prints_from_the_command_line_by_its_number() {
    let dir = temp_dir();
    let db = dir.path().join("in.db");
    let receipt = {
        let mut l = ykien::Ledger::open(&db).unwrap();
        l.save_office(&office()).unwrap();
        let mut f = crate::cases::input("2026-03-02T09:30", ykien::Kind::Complaint, ykien::Subject::ProcessingTime);
        f.customer_name = nfd("Lê Thị Thu Trang");
        f.content = nfd("Hồ sơ cấp Giấy phép bán lẻ rượu quá hẹn 10 ngày");
        l.add_feedback(&f).unwrap().receipt_no
    };
    let out = dir.path().join("phiếu.pdf");
    let o = ykien(&db, &["print", "receipt", &receipt, "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{o:?}");
    let pdf = Pdf { _dir: temp_dir(), path: out };
    pdf.assert_sound();
    assert_in_order(
        &pdf.text(None),
        &["PHIẾU TIẾP NHẬN Ý KIẾN", &format!("Số: {receipt}"), "09 giờ 30 phút, ngày 02/03/2026", "Lê Thị Thu Trang", "quá hẹn 10 ngày"],
    );

    // An unknown number prints nothing and says which.
    let missing = dir.path().join("không.pdf");
    let o = ykien(&db, &["print", "receipt", "2026/009999", "--out", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert!(String::from_utf8_lossy(&o.stderr).contains("2026/009999"), "{o:?}");
    assert!(!missing.exists());
}

#[test]
fn a_reply_letter_prints_as_a_draft_then_signed_for_the_director() {
    let mut l = ykien::Ledger::open_in_memory().unwrap();
    l.set_clock(Some(chrono::NaiveDateTime::parse_from_str("2026-03-10T10:00", "%Y-%m-%dT%H:%M").unwrap()));
    l.save_office(&office()).unwrap();
    let mut f = crate::cases::input("2026-03-02T09:30", ykien::Kind::Complaint, ykien::Subject::ProcessingTime);
    f.channel = ykien::Channel::OfficialLetter;
    f.written = true;
    f.customer_org = "Công ty TNHH Minh Phát".into();
    let case = l.add_feedback(&f).unwrap();
    let body = nfd("Sở Công Thương nhận được đơn của Ông về việc hồ sơ bị trả lại.\nSau khi xem xét, Sở trả lời như sau: hồ sơ đã được giải quyết ngày 09/3/2026.");
    let case = l.draft_reply(&case.id, None, "125/SCT-VP", &body).unwrap();
    let letter = case.letters[0].id.clone();
    let job = ykien::PrintJob::ReplyLetter { letter_id: letter.clone() };

    let draft = l.print(&job).unwrap();
    assert_eq!(draft.file_name, format!("cong-van-tra-loi-{}.pdf", case.receipt_no.replace('/', "-")));
    let pdf = Pdf::new(&draft.bytes);
    pdf.assert_sound();
    let text = pdf.text(None);
    assert_in_order(&text, &["DỰ THẢO", "ngày ...... tháng", "Số: 125/SCT-VP", "Kính gửi:"]);

    l.sign_reply(&letter, "Trần Văn Bình", "Phó Giám đốc", "2026-03-11").unwrap();
    let pdf = Pdf::new(&l.print(&job).unwrap().bytes);
    pdf.assert_sound();
    let text = pdf.text(None);
    assert!(!text.contains("DỰ THẢO"), "{text}");
    assert_in_order(
        &text,
        &[
            "Đắk Lắk, ngày 11 tháng 3 năm 2026",
            "Số: 125/SCT-VP",
            "V/v trả lời ý kiến của khách hàng",
            "Kính gửi: Nguyễn Văn An - Công ty TNHH Minh Phát",
            "Sở Công Thương nhận được đơn",
            "Sau khi xem xét",
            "Nơi nhận:",
            "KT. GIÁM ĐỐC",
            "PHÓ GIÁM ĐỐC",
            "Trần Văn Bình",
        ],
    );
}
