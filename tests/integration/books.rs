//! Every book printed on its own, the document control of every printed form, and the letter
//! that tells a customer what was done (seed 003 §5.5), on real files, read back with
//! poppler's pdftotext as an auditor's copy would be.

use crate::pdf::Pdf;
use crate::temp_dir;
use chrono::NaiveDateTime;
use std::path::Path;
use std::process::{Command, Output};
use ykien::*;

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

fn entry(received: &str, book: Book, kind: Kind, customer: &str, content: &str, unit_id: Option<&str>) -> FeedbackInput {
    FeedbackInput {
        received_at: received.into(),
        channel: Channel::InPerson,
        kind,
        subject: Subject::Procedure,
        book,
        customer_name: customer.into(),
        customer_org: String::new(),
        customer_address: String::new(),
        customer_phone: String::new(),
        customer_email: String::new(),
        customer_group: CustomerGroup::FirstTime,
        content: content.into(),
        receiver_id: None,
        unit_id: unit_id.map(str::to_owned),
        written: false,
        formal: false,
        settled_on_spot: None,
    }
}

/// A ledger on a real file with the demo office, its clock on `now`.
fn ledger(dir: &Path, now: &str) -> Ledger {
    let mut l = Ledger::open(dir.join("ykien.db")).unwrap();
    l.save_office(&ykien::demo::demo_office()).unwrap();
    l.set_clock(Some(at(now)));
    l
}

/// The text of a printed document in the order it was drawn (pdftotext -raw: a table cell's
/// lines together, where the page's layout would interleave them with the next cell's),
/// whitespace runs as one space.
fn flat(bytes: &[u8]) -> String {
    let pdf = Pdf::new(bytes);
    let out = Command::new("pdftotext").args(["-raw", "-enc", "UTF-8", pdf.path(), "-"]).output().expect("pdftotext (poppler-utils)");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" ")
}

fn period(from: &str, to: &str, book: Book, unit_id: Option<&str>) -> PrintJob {
    PrintJob::LedgerPeriod { from: from.into(), to: to.into(), book: Some(book), unit_id: unit_id.map(str::to_owned) }
}

#[test]
fn each_book_prints_its_own_rows_only() {
    let dir = temp_dir();
    let mut l = ledger(dir.path(), "2026-04-20T16:00");
    let trade = l.save_unit(&UnitInput { id: None, name: "Phòng Quản lý thương mại".into(), code: "QLTM".into() }).unwrap();
    let energy = l.save_unit(&UnitInput { id: None, name: "Phòng Quản lý năng lượng".into(), code: "QLNL".into() }).unwrap();

    l.add_feedback(&entry("2026-03-02T09:00", Book::Feedback, Kind::Praise, "Nguyễn Văn An", "Khen cán bộ một cửa tận tình", Some(&trade.id)))
        .unwrap();
    l.add_feedback(&entry("2026-03-03T09:00", Book::Feedback, Kind::Suggestion, "Lê Thị Hoa", "Góp ý thêm ghế chờ", Some(&energy.id)))
        .unwrap();
    let complaint = l
        .add_feedback(&entry("2026-03-04T10:00", Book::Complaints, Kind::Complaint, "Trần Văn Bình", "Khiếu nại hồ sơ bị trả lại hai lần", None))
        .unwrap();
    l.add_feedback(&entry("2026-03-05T14:00", Book::CitizenReception, Kind::Reflection, "Phạm Thị Cúc", "Phản ánh việc cấp phép chậm", Some(&trade.id)))
        .unwrap();
    // Outside the period: printed in no book.
    l.add_feedback(&entry("2026-04-10T08:00", Book::Complaints, Kind::Grievance, "Võ Văn Dũng", "Phàn nàn ngoài kỳ in", None)).unwrap();

    // The complaint settled: its resolution is printed in its book.
    let mv = |to: Status, note: &str| MoveInput { to, note: note.into(), channel: None, staff_id: None, version: None, unit_id: None, at: None };
    l.move_case(&complaint.id, &mv(Status::FrontDesk, "")).unwrap();
    l.move_case(&complaint.id, &mv(Status::AwaitingCustomer, "Đã giải thích quy định về thành phần hồ sơ")).unwrap();
    l.move_case(&complaint.id, &mv(Status::Closed, "")).unwrap();

    let feedback = flat(&l.print(&period("2026-03-01", "2026-03-31", Book::Feedback, None)).unwrap().bytes);
    assert!(feedback.contains("SỔ GHI NHẬN Ý KIẾN CỦA KHÁCH HÀNG"), "{feedback}");
    assert!(feedback.contains("Khen cán bộ một cửa tận tình") && feedback.contains("Góp ý thêm ghế chờ"), "{feedback}");
    for other in ["Trần Văn Bình", "Phạm Thị Cúc", "Võ Văn Dũng"] {
        assert!(!feedback.contains(other), "{other} is not in the feedback book:\n{feedback}");
    }

    let printed = l.print(&period("2026-03-01", "2026-03-31", Book::Complaints, None)).unwrap();
    assert_eq!(printed.file_name, "so-khieu-nai-2026-03-01-den-2026-03-31.pdf");
    let complaints = flat(&printed.bytes);
    for expected in ["SỔ TIẾP NHẬN VÀ GIẢI QUYẾT KHIẾU NẠI, PHÀN NÀN, KHÁNG NGHỊ", complaint.receipt_no.as_str(), "Trần Văn Bình", "Khiếu nại hồ sơ bị trả lại hai lần", "Bằng lời nói", "Đã giải thích quy định về thành phần hồ sơ",
                     "Đã giải quyết xong ngày"] {
        assert!(complaints.contains(expected), "{expected:?} missing from the complaint book:\n{complaints}");
    }
    for other in ["Nguyễn Văn An", "Lê Thị Hoa", "Phạm Thị Cúc", "Võ Văn Dũng"] {
        assert!(!complaints.contains(other), "{other} is not in the complaint book:\n{complaints}");
    }

    let reception = flat(&l.print(&period("2026-03-01", "2026-03-31", Book::CitizenReception, None)).unwrap().bytes);
    for expected in ["SỔ TIẾP DÂN", "Phạm Thị Cúc", "Phản ánh việc cấp phép chậm", "Chuyển Phòng Quản lý thương mại giải quyết"] {
        assert!(reception.contains(expected), "{expected:?} missing from the citizen-reception book:\n{reception}");
    }
    for other in ["Nguyễn Văn An", "Trần Văn Bình", "Lê Thị Hoa"] {
        assert!(!reception.contains(other), "{other} is not in the citizen-reception book:\n{reception}");
    }

    // A unit's own book: its rows only, the unit named under the title.
    let own = flat(&l.print(&period("2026-03-01", "2026-03-31", Book::Feedback, Some(&energy.id))).unwrap().bytes);
    assert!(own.contains("Đơn vị: Phòng Quản lý năng lượng") && own.contains("Lê Thị Hoa"), "{own}");
    assert!(!own.contains("Nguyễn Văn An"), "another unit's row in the unit's book:\n{own}");
    let unknown = l.print(&period("2026-03-01", "2026-03-31", Book::Feedback, Some("no-such-unit"))).unwrap_err();
    assert!(matches!(unknown, Error::NotFound { .. }), "{unknown:?}");

    // Blank pages of a book, in any number, with its own columns.
    let blank = l.print(&PrintJob::LedgerBlank { pages: 3, year: Some(2026), book: Some(Book::CitizenReception), unit_id: None }).unwrap();
    assert_eq!(blank.file_name, "so-tiep-dan-trang.pdf");
    let pdf = Pdf::new(&blank.bytes);
    assert_eq!(pdf.pages(), 3);
    pdf.assert_sound();
    assert!(flat(&blank.bytes).contains("Theo dõi kết quả"));
    let pdf = Pdf::new(&l.print(&period("2026-01-01", "2026-12-31", Book::Complaints, None)).unwrap().bytes);
    pdf.assert_sound();
    // Today's job without a book is the feedback book, as before.
    let old = PrintJob::LedgerPeriod { from: "2026-03-01".into(), to: "2026-03-31".into(), book: None, unit_id: None };
    assert_eq!(l.print(&old).unwrap().file_name, "so-ghi-nhan-2026-03-01-den-2026-03-31.pdf");
}

/// Distinct control data for `form`, so that each print shows its own.
fn control_of(form: ControlledForm, i: usize) -> FormControlData {
    FormControlData { form, code: format!("KS-{:02}-{}", i + 1, form.as_str().to_uppercase()), issue: 2, issued_on: Some("2026-02-01".into()), revision: 3 }
}

/// A case with a linked corrective action, for the letters.
fn case_with_action(l: &mut Ledger) -> Case {
    let mut i = entry("2026-03-10T09:00", Book::Complaints, Kind::Complaint, "Đỗ Thị Em", "Kết quả kiểm định sai tên doanh nghiệp", None);
    i.subject = Subject::ServiceResult;
    i.written = true;
    let c = l.add_feedback(&i).unwrap();
    l.save_action(&ActionInput {
        id: None,
        kind: ActionKind::Corrective,
        cause: "Nhập tên doanh nghiệp từ bản sao cũ".into(),
        action: "Đối chiếu tên doanh nghiệp với đăng ký kinh doanh trước khi in giấy chứng nhận".into(),
        owner_id: None,
        due_date: "2026-04-30".into(),
        case_ids: vec![c.id.clone()],
        unit_id: None,
        sources: vec![],
    })
    .unwrap();
    l.case(&c.id).unwrap()
}

#[test]
fn every_printed_form_carries_its_control_data_and_a_change_shows_on_the_next_print() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    let mut l = Ledger::open(&db).unwrap();
    crate::export::fill_into(&mut l, 2022);
    l.set_clock(Some(at("2026-04-20T16:00")));
    let case = case_with_action(&mut l);
    let with_reply = l.draft_reply(&case.id, None, "15/SCT-VP", "Trả lời khiếu nại của bà.").unwrap();
    let letter_id = with_reply.letters[0].id.clone();

    // The defaults: the procedures' codes, first issue, no revision.
    let defaults = l.document_control().unwrap();
    assert_eq!(defaults.forms.len(), ControlledForm::ALL.len());
    let book = flat(&l.print(&period("2026-01-01", "2026-12-31", Book::Feedback, None)).unwrap().bytes);
    for expected in ["Mã hiệu: BM.QT.SCT.05-01", "Lần ban hành: 01", "Lần sửa đổi: 00"] {
        assert!(book.contains(expected), "{expected:?} missing:\n{book}");
    }

    let before_log = l.audit_log(u32::MAX).unwrap().len();
    let changed = DocumentControl { forms: ControlledForm::ALL.iter().enumerate().map(|(i, f)| control_of(*f, i)).collect() };
    let saved = l.save_document_control(&changed).unwrap();
    assert_eq!(saved, changed);
    // The feedback book's and the survey form's codes are the office profile's.
    let office = l.office().unwrap().unwrap();
    assert_eq!(office.ledger_form_code, changed.of(ControlledForm::FeedbackBook).code);
    assert_eq!(office.survey_form_code, changed.of(ControlledForm::SurveyForm).code);
    let log = l.audit_log(u32::MAX).unwrap();
    assert!(log.len() > before_log);
    assert!(log.iter().any(|e| e.entity_id == "document_control"), "the change is audited");

    let jobs: Vec<(ControlledForm, PrintJob)> = vec![
        (ControlledForm::FeedbackBook, period("2026-01-01", "2026-12-31", Book::Feedback, None)),
        (ControlledForm::ComplaintBook, period("2026-01-01", "2026-12-31", Book::Complaints, None)),
        (ControlledForm::CitizenReceptionBook, PrintJob::LedgerBlank { pages: 1, year: None, book: Some(Book::CitizenReception), unit_id: None }),
        (ControlledForm::SurveyForm, PrintJob::SurveyBlank { year: Some(2026), serial: None }),
        (ControlledForm::FeedbackLetter, PrintJob::FeedbackLetter { addressee: None, date: None }),
        (ControlledForm::ReplyLetter, PrintJob::ReplyLetter { letter_id }),
        (ControlledForm::MeasuresLetter, PrintJob::MeasuresLetter { receipt_no: case.receipt_no.clone(), letter: None }),
        (ControlledForm::ReceiptSlip, PrintJob::Receipts { receipt_nos: vec![case.receipt_no.clone()] }),
        (ControlledForm::AnnualReport, PrintJob::AnnualReport { year: 2026 }),
        (ControlledForm::ComplaintsReport, PrintJob::ComplaintsReport { year: 2026 }),
    ];
    for (i, (form, job)) in jobs.iter().enumerate() {
        let want = changed.of(*form);
        let bytes = l.print(job).unwrap().bytes;
        let text = flat(&bytes);
        for expected in [format!("Mã hiệu: {}", want.code), "Ngày ban hành: 01/02/2026".into(), "Lần ban hành: 02".into(), "Lần sửa đổi: 03".into()] {
            assert!(text.contains(&expected), "{} ({form:?}): {expected:?} missing from:\n{text}", i + 1);
        }
        Pdf::new(&bytes).assert_sound();
    }
    // The Word copies of the two reports, read by python-docx, carry the same box.
    for (form, docx) in [
        (ControlledForm::AnnualReport, l.annual_report_docx(2026).unwrap()),
        (ControlledForm::ComplaintsReport, l.complaints_report_docx(2026).unwrap()),
    ] {
        let text = crate::report::docx_text(&docx);
        for expected in [format!("Mã hiệu: {}", changed.of(form).code), "Ngày ban hành: 01/02/2026".into(), "Lần ban hành: 02".into(), "Lần sửa đổi: 03".into()] {
            assert!(text.contains(&expected), "the Word copy ({form:?}): {expected:?} missing from:\n{text}");
        }
    }

    // The disposal record, made by the disposal itself.
    let out = dir.path().join("biên bản.pdf");
    l.set_clock(Some(at("2025-03-02T09:00")));
    l.dispose("2025-03-02", &out).unwrap();
    let text = flat(&std::fs::read(&out).unwrap());
    assert!(text.contains(&format!("Mã hiệu: {}", changed.of(ControlledForm::DisposalRecord).code)), "{text}");
    assert!(text.contains("Lần sửa đổi: 03"), "{text}");

    // A revision shows on the next print.
    let mut revised = l.document_control().unwrap();
    revised.forms.iter_mut().find(|f| f.form == ControlledForm::ComplaintBook).unwrap().revision = 4;
    l.save_document_control(&revised).unwrap();
    l.set_clock(Some(at("2026-04-20T16:00")));
    let text = flat(&l.print(&period("2026-01-01", "2026-12-31", Book::Complaints, None)).unwrap().bytes);
    assert!(text.contains("Lần sửa đổi: 04"), "{text}");

    // Impossible entries are refused in Vietnamese and change nothing.
    let mut bad = l.document_control().unwrap();
    bad.forms[0].issue = 0;
    let e = l.save_document_control(&bad).unwrap_err();
    assert!(e.to_string().contains("Lần ban hành"), "{e}");
    let mut no_code = l.document_control().unwrap();
    no_code.forms[0].code = " ".into();
    assert!(l.save_document_control(&no_code).is_err(), "the feedback book keeps a code");
    assert_eq!(l.document_control().unwrap(), revised);
}

#[test]
fn the_measures_letter_holds_the_actions_and_its_sending_is_recorded() {
    let dir = temp_dir();
    let mut l = ledger(dir.path(), "2026-04-20T16:00");
    let case = case_with_action(&mut l);

    let draft = l.measures_letter_draft(&case.receipt_no).unwrap();
    assert_eq!(draft.addressee, "Đỗ Thị Em");
    for expected in ["Kết quả kiểm định sai tên doanh nghiệp", "Đối chiếu tên doanh nghiệp với đăng ký kinh doanh trước khi in giấy chứng nhận",
                     "Nhập tên doanh nghiệp từ bản sao cũ", case.receipt_no.as_str()] {
        assert!(draft.body.contains(expected), "{expected:?} missing from the draft:\n{}", draft.body);
    }

    // As drafted…
    let text = flat(&l.print(&PrintJob::MeasuresLetter { receipt_no: case.receipt_no.clone(), letter: None }).unwrap().bytes);
    for expected in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "V/v thông báo kết quả đánh giá và biện pháp khắc phục", "Kính gửi: Đỗ Thị Em",
                     "Đối chiếu tên doanh nghiệp với đăng ký kinh doanh", "GIÁM ĐỐC", "Nơi nhận:"] {
        assert!(text.contains(expected), "{expected:?} missing from the letter:\n{text}");
    }
    // …and as edited.
    let edited = MeasuresLetter {
        number: "45/TB-SCT".into(),
        body: format!("{}\nBổ sung: đã cấp lại giấy chứng nhận đúng tên ngày 15/04/2026.", draft.body),
        signer_title: "Phó Giám đốc".into(),
        signer_name: "Trần Văn Bình".into(),
        ..draft.clone()
    };
    let printed = l.print(&PrintJob::MeasuresLetter { receipt_no: case.receipt_no.clone(), letter: Some(edited) }).unwrap();
    let pdf = Pdf::new(&printed.bytes);
    pdf.assert_sound();
    let text = flat(&printed.bytes);
    for expected in ["Số: 45/TB-SCT", "đã cấp lại giấy chứng nhận đúng tên", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn Bình",
                     "Đối chiếu tên doanh nghiệp với đăng ký kinh doanh"] {
        assert!(text.contains(expected), "{expected:?} missing from the edited letter:\n{text}");
    }

    // Recorded: in the history with its channel, and in the audit log.
    let before = l.case(&case.id).unwrap().history.len();
    let notice = |on: &str| CustomerNoticeInput { case_id: case.id.clone(), sent_on: on.into(), channel: Channel::OfficialLetter, note: Some("Số 45/TB-SCT".into()) };
    let after = l.record_customer_notice(&notice("2026-04-18")).unwrap();
    assert_eq!(after.history.len(), before + 1);
    let line = after.history.last().unwrap();
    assert_eq!(line.channel, Some(Channel::OfficialLetter));
    assert_eq!(line.to_status, case.status, "a record, not a move");
    assert!(line.note.contains("18/04/2026") && line.note.contains("Số 45/TB-SCT"), "{}", line.note);
    let log = l.audit_log(20).unwrap();
    assert!(log.iter().any(|e| e.entity == "customer_notice" && e.entity_id == case.id), "the notice is audited");

    // Impossible dates, refused in Vietnamese, change nothing.
    let e = l.record_customer_notice(&notice("2026-03-01")).unwrap_err();
    assert!(e.to_string().contains("không thể trước ngày tiếp nhận"), "{e}");
    let e = l.record_customer_notice(&notice("2026-05-01")).unwrap_err();
    assert!(e.to_string().contains("chưa đến"), "{e}");
    let e = l.record_customer_notice(&notice("31/02/2026")).unwrap_err();
    assert!(matches!(e, Error::Validation { .. }), "{e:?}");
    assert_eq!(l.case(&case.id).unwrap().history.len(), before + 1);

    // A case with nothing to tell: no draft, no letter, no notice.
    let bare = l.add_feedback(&entry("2026-04-01T09:00", Book::Feedback, Kind::Grievance, "Hồ Văn Giang", "Phàn nàn chờ lâu", None)).unwrap();
    let e = l.measures_letter_draft(&bare.receipt_no).unwrap_err();
    assert!(e.to_string().contains("chưa có hành động khắc phục nào"), "{e}");
    assert!(l.print(&PrintJob::MeasuresLetter { receipt_no: bare.receipt_no.clone(), letter: None }).is_err());
    let e = l
        .record_customer_notice(&CustomerNoticeInput { case_id: bare.id.clone(), sent_on: "2026-04-02".into(), channel: Channel::Email, note: None })
        .unwrap_err();
    assert!(e.to_string().contains("chưa có hành động khắc phục nào"), "{e}");

    // The notice is not taken for the case's resolution when it is closed.
    let mv = |to: Status, note: &str| MoveInput { to, note: note.into(), channel: None, staff_id: None, version: None, unit_id: None, at: None };
    l.move_case(&bare.id, &mv(Status::FrontDesk, "")).unwrap();
    let mut c = l.move_case(&bare.id, &mv(Status::AwaitingCustomer, "Đã xin lỗi và bố trí thêm quầy")).unwrap();
    let act = l
        .save_action(&ActionInput {
            id: None,
            kind: ActionKind::Improvement,
            cause: "Một quầy tiếp nhận giờ cao điểm".into(),
            action: "Mở thêm quầy thứ hai từ 8 giờ đến 10 giờ".into(),
            owner_id: None,
            due_date: "2026-05-15".into(),
            case_ids: vec![bare.id.clone()],
            unit_id: None,
            sources: vec![],
        })
        .unwrap();
    assert_eq!(act.cases, vec![bare.receipt_no.clone()]);
    c = l.record_customer_notice(&CustomerNoticeInput { case_id: c.id.clone(), sent_on: "2026-04-19".into(), channel: Channel::Email, note: None }).unwrap();
    let closed = l.move_case(&c.id, &mv(Status::Closed, "")).unwrap();
    assert_eq!(closed.resolution, "Đã xin lỗi và bố trí thêm quầy");
}

fn ykien(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ykien")).arg("--db").arg(db).args(args).output().unwrap()
}

#[test]
fn the_command_line_prints_each_book_and_the_measures_letter_and_records_the_notice() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    let case = {
        let mut l = ledger(dir.path(), "2026-04-20T16:00");
        l.save_unit(&UnitInput { id: None, name: "Phòng Quản lý thương mại".into(), code: "QLTM".into() }).unwrap();
        l.add_feedback(&entry("2026-03-05T14:00", Book::CitizenReception, Kind::Reflection, "Phạm Thị Cúc", "Phản ánh việc cấp phép chậm", None))
            .unwrap();
        case_with_action(&mut l)
    };

    let out = dir.path().join("sổ khiếu nại.pdf");
    let o = ykien(&db, &["print", "ledger", "--book", "complaints", "--from", "2026-01-01", "--to", "2026-12-31", "--out", out.to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{o:?}");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["path"], out.to_str().unwrap());
    let text = flat(&std::fs::read(&out).unwrap());
    assert!(text.contains("Đỗ Thị Em") && !text.contains("Phạm Thị Cúc"), "{text}");

    let out = dir.path().join("tiep-dan.pdf");
    let o = ykien(&db, &["print", "ledger", "--book", "citizen_reception", "--unit", "phong quan ly thuong mai", "--blank-pages", "2", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{o:?}");
    let text = flat(&std::fs::read(&out).unwrap());
    assert!(text.contains("SỔ TIẾP DÂN") && text.contains("Đơn vị: Phòng Quản lý thương mại"), "{text}");
    let o = ykien(&db, &["print", "ledger", "--book", "sổ", "--blank-pages", "2", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");

    let out = dir.path().join("thong-bao.pdf");
    let o = ykien(&db, &["print", "measures", &case.receipt_no, "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{o:?}");
    assert!(flat(&std::fs::read(&out).unwrap()).contains("Đối chiếu tên doanh nghiệp với đăng ký kinh doanh"));

    let o = ykien(&db, &["feedback", "notify", &case.receipt_no, "--sent-on", "2026-04-18", "--channel", "official_letter", "--json"]);
    assert!(o.status.success(), "{o:?}");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let last = v["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["channel"], "official_letter");
    assert!(last["note"].as_str().unwrap().contains("18/04/2026"), "{last}");
    let o = ykien(&db, &["feedback", "notify", &case.receipt_no, "--sent-on", "2026-01-01", "--channel", "email"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("không thể trước ngày tiếp nhận"), "{o:?}");
    let o = ykien(&db, &["feedback", "notify", &case.receipt_no, "--sent-on", "2026-04-18", "--channel", "email", "--json"]);
    assert!(o.status.success(), "{o:?}");
    let o = ykien(&db, &["feedback", "notify", &case.receipt_no, "--sent-on", "2026-04-18", "--channel", "pigeon", "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["error"]["kind"], "validation");
}

#[test]
fn the_book_prints_a_nameless_entry_as_such_and_marks_a_withdrawn_one() {
    let dir = temp_dir();
    let mut l = ledger(dir.path(), "2026-04-20T16:00");
    // A suggestion-box note: no name.
    let mut note = entry("2026-03-02T09:00", Book::Feedback, Kind::Suggestion, "", "Đề nghị bố trí thêm ghế chờ", None);
    note.channel = Channel::SuggestionBox;
    l.add_feedback(&note).unwrap();
    let mistaken = l.add_feedback(&entry("2026-03-03T09:00", Book::Feedback, Kind::Praise, "Lê Thị Hoa", "Ghi nhầm sổ", None)).unwrap();
    l.withdraw_feedback(&mistaken.id, "Ghi nhầm ý kiến của ngày khác").unwrap();

    let book = flat(&l.print(&period("2026-03-01", "2026-03-31", Book::Feedback, None)).unwrap().bytes);
    assert!(book.contains("Không ghi tên") && book.contains("Đề nghị bố trí thêm ghế chờ"), "{book}");
    assert!(book.contains("[ĐÃ RÚT — NHẬP NHẦM] Ghi nhầm sổ"), "the withdrawn line stays, marked:\n{book}");
}
