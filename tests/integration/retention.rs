//! Retention and disposal: the records past their period, erased of personal data and free
//! text (in the audit log too) while the counts stay, with the disposal record as PDF/A.

use crate::export::filled_in;
use crate::pdf::Pdf;
use crate::temp_dir;
use chrono::NaiveDate;
use ykien::{FeedbackFilter, Kind};

#[test]
fn disposal_erases_personal_data_keeps_counts_and_prints_its_record() {
    let dir = temp_dir();
    let mut l = filled_in(2022);
    let before = l.feedback(&FeedbackFilter { limit: Some(1000), ..Default::default() }).unwrap();
    assert_eq!(before.total, 4);

    // Closed on 2022-03-02: due from 2025-03-02 with the ledger's 3 years. The open case never is.
    assert!(l.retention_due("2025-03-01").unwrap().records.is_empty());
    let due = l.retention_due("02/03/2025").unwrap();
    assert_eq!(due.retention_years, 3);
    assert_eq!(due.records.len(), 3, "{:?}", due.records);
    assert_eq!(due.records[0].due_on, "2025-03-02");

    let out = dir.path().join("biên bản.pdf");
    l.set_clock(NaiveDate::from_ymd_opt(2025, 3, 2).unwrap().and_hms_opt(9, 0, 0));
    let report = l.dispose("2025-03-02", &out).unwrap();
    assert_eq!(report.disposal.records.len(), 3);
    assert!(report.disposal.redacted_audit_entries >= 3);

    // Counts by kind, status and date are what they were.
    let after = l.feedback(&FeedbackFilter { limit: Some(1000), ..Default::default() }).unwrap();
    assert_eq!(after.total, before.total);
    let key = |p: &ykien::FeedbackPage| p.rows.iter().map(|r| (r.receipt_no.clone(), r.kind, r.status, r.received_at.clone())).collect::<Vec<_>>();
    assert_eq!(key(&after), key(&before));
    // The names and contents are gone, from the cases, the search and the audit log.
    for r in after.rows.iter().filter(|r| r.status == ykien::Status::Closed) {
        assert_eq!((r.customer_name.as_str(), r.content.as_str()), ("", ""));
        let case = l.case(&r.id).unwrap();
        assert!(case.history.iter().all(|e| e.note.is_empty()));
        assert_eq!(case.resolution, "");
    }
    assert_eq!(l.feedback(&FeedbackFilter { search: Some("nguyen van an".into()), ..Default::default() }).unwrap().total, 0);
    let log = serde_json::to_string(&l.audit_log(u32::MAX).unwrap()).unwrap();
    assert!(!log.contains("Nguyễn Văn An") && !log.contains("Trần Thị Bích"), "personal data left in the audit log");
    assert!(log.contains("Phạm Văn Mở"), "the open case keeps its data");
    // The chain still verifies, and the disposal names what it erased.
    let check = l.check().unwrap();
    assert!(check.ok, "{:?}", check.problems);

    let pdf = Pdf::new(&std::fs::read(&out).unwrap());
    pdf.assert_sound();
    let text = pdf.text(None);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in ["BIÊN BẢN", "Tiêu huỷ hồ sơ, tài liệu hết thời hạn lưu trữ", "2022/000001", "2022/000003", "Tổng số: 3 hồ sơ",
                     "NGƯỜI LẬP BIÊN BẢN", "CÁN BỘ CHẤT LƯỢNG", "THỦ TRƯỞNG CƠ QUAN", &check.audit_head.clone().unwrap()[..16]] {
        assert!(flat.contains(expected), "{expected:?} missing from:\n{flat}");
    }
    assert!(!flat.contains("Nguyễn Văn An"), "the record lists no personal data");

    // Nothing is due twice.
    let e = l.dispose("2025-03-02", &dir.path().join("lại.pdf")).unwrap_err();
    assert!(e.to_string().contains("Không có hồ sơ nào"), "{e}");
    assert!(!dir.path().join("lại.pdf").exists());
    let kinds: Vec<Kind> = report.disposal.records.iter().map(|r| r.kind).collect();
    assert_eq!(kinds.len(), 3);
}

#[test]
fn the_command_line_lists_what_is_due_and_disposes() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    {
        let mut l = ykien::Ledger::open(&db).unwrap();
        crate::export::fill_into(&mut l, 2022);
    }
    let ykien = |args: &[&str]| std::process::Command::new(env!("CARGO_BIN_EXE_ykien")).arg("--db").arg(&db).args(args).output().unwrap();
    let due = ykien(&["retention", "due", "--on", "2026-01-01", "--json"]);
    assert!(due.status.success(), "{due:?}");
    let v: serde_json::Value = serde_json::from_slice(&due.stdout).unwrap();
    assert_eq!(v["records"].as_array().unwrap().len(), 3);
    assert_eq!(v["records"][0]["receipt_no"], "2022/000001");
    assert!(v["records"][0].get("customer_name").is_none());
    let out = dir.path().join("bb.pdf");
    let done = ykien(&["retention", "dispose", "--on", "2026-01-01", "--out", out.to_str().unwrap()]);
    assert!(done.status.success(), "{done:?}");
    assert!(out.exists());
    assert!(ykien(&["check"]).status.success());
    let none = ykien(&["retention", "due", "--on", "2026-01-01", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&none.stdout).unwrap();
    assert_eq!(v["records"].as_array().unwrap().len(), 0);
}

// ---- Survey forms ----

use ykien::report::period::Period;
use ykien::store::retention::{RecordType, ERASED_TEXT};
use ykien::{Answer, Ledger, ResponseInput, RoundInput, Settings};

const OPINION: &str = "Phòng chờ tầng hai nóng, thiếu quạt";
const OPINION_2: &str = "Cán bộ một cửa hướng dẫn rất tận tình";
const RESPONDENT: &str = "Công ty TNHH Thương mại Hoà Bình Xanh";
const WITHDRAWN: &str = "Ý kiến nhập nhầm rồi rút lại";
const LATER_ROUND_OPINION: &str = "Nên có chỗ gửi xe máy có mái che";

fn at(s: &str) -> chrono::NaiveDateTime {
    chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

/// The answers of a form of BM.QT.SCT.05-02 with every criterion at `level`, the
/// respondent's organisation and an opinion when given.
fn form(level: i32, respondent: Option<&str>, opinion: Option<&str>) -> Vec<Answer> {
    let mut a = vec![Answer::chosen("noi_dung_giao_dich.1", 1), Answer::blank("noi_dung_giao_dich.2")];
    for code in ["cau_1.1", "cau_1.2", "cau_1.3", "cau_1.4", "cau_3", "cau_4", "cau_5"] {
        a.push(Answer::chosen(code, level));
    }
    a.push(Answer::chosen("cau_2", 2));
    if let Some(r) = respondent {
        a.push(Answer::text("to_chuc", r));
    }
    if let Some(o) = opinion {
        a.push(Answer::text("cau_1.other", o));
    }
    a
}

fn enter(l: &mut Ledger, round: &str, serial: &str, filled_on: &str, answers: Vec<Answer>) {
    l.save_survey_response(&ResponseInput {
        round_id: round.into(),
        serial: serial.into(),
        filled_on: filled_on.into(),
        answers,
        keystrokes: None,
    })
    .unwrap();
}

/// The 2022 ledger of `fill_into`, a complaint closed in 2022, and two survey rounds:
///
/// | round   | period                  | form | filled on  | written                          |
/// |---------|-------------------------|------|------------|----------------------------------|
/// | 2022-01 | 01/01/2022 – 30/06/2022 | 1    | 2022-03-10 | respondent, opinion (grouped)    |
/// |         |                         | 2    | 2022-05-20 | opinion (grouped)                |
/// |         |                         | 3    | 2022-07-15 | none (returned after the round)  |
/// |         |                         | 4    | withdrawn by "undo": an opinion  |                                  |
/// | 2023-01 | 01/01/2023 – 31/12/2023 | 1    | 2023-02-01 | opinion                          |
///
/// With two years (seed 002), forms 1–2 are due on 30/06/2024, form 3 on 15/07/2024, the
/// 2023 form on 31/12/2025.
fn survey_ledger(l: &mut Ledger) -> String {
    crate::export::fill_into(l, 2022);
    l.save_settings(&Settings { survey_retention_years: 2, ..l.settings().unwrap() }).unwrap();
    l.set_clock(Some(at("2022-01-03T08:00")));
    let mut c = crate::cases::input("2022-01-03T08:00", Kind::Complaint, ykien::Subject::ProcessingTime);
    c.customer_name = "Hoàng Thị Khiếu".into();
    let id = l.add_feedback(&c).unwrap().id;
    for (to, day) in [(ykien::Status::FrontDesk, "2022-01-04"), (ykien::Status::AwaitingCustomer, "2022-01-04"), (ykien::Status::Closed, "2022-01-05")] {
        l.set_clock(Some(at(&format!("{day}T10:00"))));
        let note = if to == ykien::Status::AwaitingCustomer { "Đã hướng dẫn bổ sung hồ sơ" } else { "" };
        l.move_case(&id, &ykien::MoveInput { to, note: note.into(), channel: None, staff_id: None, version: None, unit_id: None, at: None }).unwrap();
    }

    l.set_clock(Some(at("2022-08-01T09:00")));
    let round = |l: &mut Ledger, name: &str, from: &str, to: &str| {
        let r = l
            .create_survey_round(&RoundInput { name: name.into(), period_from: from.into(), period_to: to.into(), template_key: "bm-qt-sct-05-02".into() })
            .unwrap();
        l.print_survey_round(&r.id, 5).unwrap();
        r.id
    };
    let first = round(l, "Khảo sát 6 tháng đầu năm 2022", "2022-01-01", "2022-06-30");
    enter(l, &first, "4", "2022-06-01", form(2, None, Some(WITHDRAWN)));
    assert!(l.undo_last_survey_response(&first).unwrap().is_some());
    enter(l, &first, "1", "2022-03-10", form(1, Some(RESPONDENT), Some(OPINION)));
    enter(l, &first, "2", "2022-05-20", form(2, None, Some(OPINION_2)));
    enter(l, &first, "3", "2022-07-15", form(3, None, None));
    let q = Period::year(2022).unwrap();
    for o in l.opinions(&q).unwrap() {
        let group = if o.text == OPINION { "Cơ sở vật chất" } else { "Thái độ phục vụ" };
        l.classify_opinion(&o.response_id, &o.code, group).unwrap();
    }

    l.set_clock(Some(at("2023-03-01T09:00")));
    let second = round(l, "Khảo sát năm 2023", "2023-01-01", "2023-12-31");
    enter(l, &second, "1", "2023-02-01", form(1, None, Some(LATER_ROUND_OPINION)));
    l.set_clock(None);
    first
}

fn periods() -> Vec<Period> {
    let mut p = vec![Period::year(2022).unwrap(), Period::year(2023).unwrap()];
    p.extend((1..=4).map(|q| Period::quarter(2022, q).unwrap()));
    p
}

#[test]
fn survey_forms_fall_due_from_the_end_of_their_round() {
    let mut l = Ledger::open_in_memory().unwrap();
    survey_ledger(&mut l);
    let forms_of = |l: &Ledger, on: &str| -> Vec<(String, i32, String)> {
        l.retention_due(on).unwrap().survey_forms.records.into_iter().map(|f| (f.round_code, f.serial, f.due_on)).collect()
    };
    let forms = |on: &str| forms_of(&l, on);
    // Two years (seed 002) from the end of the round, 30/06/2022: the boundary day is due.
    assert!(forms("2024-06-29").is_empty());
    let due = l.retention_due("30/06/2024").unwrap().survey_forms;
    assert_eq!((due.record_type.as_str(), due.retention_years), ("survey_forms", 2));
    assert!(due.counted_from.contains("ngày kết thúc đợt khảo sát"), "{}", due.counted_from);
    assert_eq!(
        forms("2024-06-30"),
        [("2022-01".to_owned(), 1, "2024-06-30".to_owned()), ("2022-01".to_owned(), 2, "2024-06-30".to_owned())],
        "the withdrawn entry is not a record"
    );
    let first = &due.records[0];
    assert_eq!((first.period_from.as_str(), first.period_to.as_str(), first.counted_from.as_str()), ("2022-01-01", "2022-06-30", "2022-06-30"));
    assert_eq!((first.filled_on.as_str(), first.texts, first.template_code.as_str()), ("2022-03-10", 2, "BM.QT.SCT.05-02"));
    // A form returned after its round ends counts from its own date.
    assert_eq!(forms("2024-07-14").len(), 2);
    assert_eq!(forms("2024-07-15")[2], ("2022-01".to_owned(), 3, "2024-07-15".to_owned()));
    assert_eq!(forms("2025-12-30").len(), 3);
    assert_eq!(forms("2025-12-31").len(), 4);
    // Three years (seed 004): a year later.
    l.save_settings(&Settings { survey_retention_years: 3, ..l.settings().unwrap() }).unwrap();
    assert!(forms_of(&l, "2025-06-29").is_empty());
    assert_eq!(forms_of(&l, "2025-06-30").len(), 2);
    // The forms carry nothing written on them.
    let json = serde_json::to_string(&l.retention_due("2030-01-01").unwrap()).unwrap();
    for words in [OPINION, RESPONDENT, "Nguyễn Văn An"] {
        assert!(!json.contains(words), "{words} listed");
    }
}

#[test]
fn disposal_of_survey_forms_erases_the_words_and_keeps_the_figures() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    let out = dir.path().join("biên bản tiêu huỷ.pdf");
    let (figures, groups_2022);
    {
        let mut l = Ledger::open(&db).unwrap();
        survey_ledger(&mut l);
        figures = l.figures_of(&periods()).unwrap();
        groups_2022 = figures[0].surveys.opinion_groups.clone();
        assert_eq!(groups_2022.iter().map(|g| (g.label.as_str(), g.count)).collect::<Vec<_>>(), [("Cơ sở vật chất", 1), ("Thái độ phục vụ", 1)]);
        let log = serde_json::to_string(&l.audit_log(u32::MAX).unwrap()).unwrap();
        assert!(log.contains(OPINION) && log.contains(WITHDRAWN), "the audit log holds the words before");

        // The file and its journal hold the words before: the search below can find them.
        let mut bytes = std::fs::read(&db).unwrap();
        bytes.extend(std::fs::read(dir.path().join("ykien.db-wal")).unwrap_or_default());
        assert!(bytes.windows(OPINION.len()).any(|w| w == OPINION.as_bytes()));

        l.set_clock(Some(at("2024-07-20T09:00")));
        let report = l.dispose("2024-07-20", &out).unwrap();
        assert!(report.disposal.records.is_empty(), "the ledger keeps three years");
        assert!(report.disposal.id.is_empty());
        let s = report.survey_forms.as_ref().expect("survey forms disposed");
        assert_eq!(s.records.iter().map(|f| f.serial).collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!((s.erased_texts, s.withdrawn_entries, s.retention_years), (4, 1, 2), "respondent and 2 opinions, and the withdrawn opinion");
        assert!(s.redacted_audit_entries >= 5, "{}", s.redacted_audit_entries);

        // The figures of every past period are what they were, opinion groups included.
        assert_eq!(l.figures_of(&periods()).unwrap(), figures);
        // The opinions are still counted in their groups; their words are gone.
        let opinions = l.opinions(&Period::year(2022).unwrap()).unwrap();
        assert_eq!(opinions.len(), 2);
        assert!(opinions.iter().all(|o| o.text == ERASED_TEXT && o.group.is_some()), "{opinions:?}");
        let forms = l.survey_responses("2022-01").unwrap();
        assert!(forms.iter().flat_map(|f| &f.answers).filter_map(|a| a.text.as_deref()).all(|t| t == ERASED_TEXT));
        assert_eq!(forms.iter().map(|f| f.answers.iter().filter(|a| a.value.is_some()).count()).sum::<usize>(), 3 * 9, "levels kept");
        // The later round is untouched.
        assert_eq!(l.opinions(&Period::year(2023).unwrap()).unwrap()[0].text, LATER_ROUND_OPINION);
        // Gone from the audit log too; the chain still verifies.
        let log = serde_json::to_string(&l.audit_log(u32::MAX).unwrap()).unwrap();
        for words in [OPINION, OPINION_2, RESPONDENT, WITHDRAWN] {
            assert!(!log.contains(words), "{words:?} left in the audit log");
        }
        assert!(log.contains(LATER_ROUND_OPINION));
        let check = l.check().unwrap();
        assert!(check.ok, "{:?}", check.problems);
        // A disposed form is not withdrawn by "undo" any more; nothing is due twice.
        assert!(l.undo_last_survey_response("2022-01").is_err());
        assert!(l.retention_due("2024-07-20").unwrap().survey_forms.records.is_empty());
        assert!(l.dispose("2024-07-20", &dir.path().join("lại.pdf")).unwrap_err().to_string().contains("Không có hồ sơ nào"));

        let pdf = Pdf::new(&std::fs::read(&out).unwrap());
        pdf.assert_sound();
        let text = pdf.text(None);
        crate::pdf::assert_in_order(
            &text,
            &[
                "BIÊN BẢN",
                "đã tiến hành tiêu huỷ 3 hồ sơ",
                "1. Phiếu khảo sát sự hài lòng của khách hàng đã thu về (BM.QT.SCT.05-02)",
                "Thời hạn lưu trữ 2 năm, tính từ ngày kết thúc đợt khảo sát",
                "Mã đợt",
                "Tên đợt khảo sát",
                "Thời gian của đợt",
                "2022-01",
                "00001",
                "10/03/2022",
                "01/01/2022 –",
                "30/06/2022",
                "00003",
                "15/07/2022",
                "Tổng số: 3 phiếu khảo sát (đợt 2022-01: 3 phiếu)",
                "gồm cả nội dung của 1 lần nhập phiếu đã rút lại",
                &check.audit_head.clone().unwrap()[..16],
                "NGƯỜI LẬP BIÊN BẢN",
                "THỦ TRƯỞNG CƠ QUAN",
            ],
        );
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for words in [OPINION, RESPONDENT, "Sổ ghi nhận"] {
            assert!(!flat.contains(words), "{words:?} printed");
        }
    }
    // The words are gone from the file itself, not only from what the app reads.
    assert!(!dir.path().join("ykien.db-wal").exists() || std::fs::metadata(dir.path().join("ykien.db-wal")).unwrap().len() == 0);
    let bytes = std::fs::read(&db).unwrap();
    let has = |words: &str| bytes.windows(words.len()).any(|w| w == words.as_bytes());
    for words in [OPINION, OPINION_2, RESPONDENT, WITHDRAWN] {
        assert!(!has(words), "{words:?} still in the database file");
    }
    assert!(has(LATER_ROUND_OPINION), "the words that are kept are still found");
}

#[test]
fn one_disposal_record_holds_a_part_per_type_and_removes_the_complaint_compilations() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    let out = dir.path().join("bb.pdf");
    let mut l = Ledger::open(&db).unwrap();
    survey_ledger(&mut l);
    l.set_clock(Some(at("2023-01-10T09:00")));
    // The annual report prints counts only: no name, no opinion of the forms or cases.
    let (annual, annual_archived) = l.generate_annual_report(2022).unwrap();
    let annual_text = Pdf::new(&annual).text(None);
    let (compilation, _) = l.generate_complaints_report(2022).unwrap();
    let compilation_text = Pdf::new(&compilation).text(None);
    for words in ["Nguyễn Văn An", "Hoàng Thị Khiếu", OPINION, RESPONDENT] {
        assert!(!annual_text.contains(words), "{words:?} in the annual report");
    }
    assert!(compilation_text.contains("Khiếu"), "the compilation lists the complainant:\n{compilation_text}");

    // 2025-06-30: the ledger (3 years from closing in 2022) and the 2022 forms are due.
    l.set_clock(Some(at("2025-06-30T09:00")));
    let due = l.retention_due("2025-06-30").unwrap();
    assert_eq!((due.records.len(), due.survey_forms.records.len()), (4, 3));
    let figures = l.figures_of(&periods()).unwrap();
    let report = l.dispose("2025-06-30", &out).unwrap();
    assert_eq!(report.disposal.records.len(), 4);
    assert_eq!(report.survey_forms.as_ref().unwrap().records.len(), 3);
    assert_eq!(l.figures_of(&periods()).unwrap(), figures);
    // The compilation printed the complainant's name: its archived copy goes with the case.
    assert_eq!(report.disposal.removed_reports.len(), 1);
    let removed = &report.disposal.removed_reports[0];
    assert_eq!((removed.kind.as_str(), removed.period_from.as_str()), ("complaints", "2022-01-01"));
    assert_eq!(removed.sha256, ykien::report::review::sha256_hex(&compilation));
    let archive: Vec<String> = l.archived_reports().unwrap().into_iter().map(|a| a.id).collect();
    assert_eq!(archive, std::slice::from_ref(&annual_archived.id), "the annual report stays");
    assert_eq!(l.archived_report_pdf(&annual_archived.id).unwrap(), annual, "byte for byte");
    assert!(l.check().unwrap().ok);

    let pdf = Pdf::new(&std::fs::read(&out).unwrap());
    pdf.assert_sound();
    crate::pdf::assert_in_order(
        &pdf.text(None),
        &[
            "đã tiến hành tiêu huỷ 7 hồ sơ",
            "1. Sổ ghi nhận ý kiến của khách hàng",
            "tính từ ngày đóng hồ sơ",
            "Ngày đóng",
            "2022/000001",
            "Tổng số: 4 hồ sơ",
            "Bản lưu trong phần mềm của các báo cáo",
            &removed.sha256[..20],
            "2. Phiếu khảo sát sự hài lòng",
            "Tổng số: 3 phiếu khảo sát",
            "NGƯỜI LẬP BIÊN BẢN",
        ],
    );
    drop(l);
    let bytes = std::fs::read(&db).unwrap();
    for words in ["Hoàng Thị Khiếu", "Nguyễn Văn An", "nguyen van an", OPINION] {
        assert!(!bytes.windows(words.len()).any(|w| w == words.as_bytes()), "{words:?} still in the database file");
    }
}

#[test]
fn one_type_may_be_disposed_of_alone() {
    let dir = temp_dir();
    let mut l = Ledger::open_in_memory().unwrap();
    survey_ledger(&mut l);
    l.set_clock(Some(at("2025-06-30T09:00")));
    let r = l.dispose_of("2025-06-30", &dir.path().join("a.pdf"), Some(RecordType::SurveyForms)).unwrap();
    assert_eq!((r.disposal.records.len(), r.survey_forms.unwrap().records.len()), (0, 3));
    let r = l.dispose_of("2025-06-30", &dir.path().join("b.pdf"), Some(RecordType::SurveyForms)).unwrap_err();
    assert!(r.to_string().contains("Không có hồ sơ nào"), "{r}");
    assert_eq!(l.retention_due("2025-06-30").unwrap().records.len(), 4, "the ledger waits");
    let r = l.dispose_of("2025-06-30", &dir.path().join("c.pdf"), Some(RecordType::Ledger)).unwrap();
    assert_eq!((r.disposal.records.len(), r.survey_forms.is_none()), (4, true));
    let text = Pdf::new(&std::fs::read(dir.path().join("c.pdf")).unwrap()).text(None);
    assert!(text.contains("Sổ ghi nhận") && !text.contains("Phiếu khảo sát sự hài lòng"), "{text}");
}

#[test]
fn a_failed_disposal_erases_nothing() {
    let dir = temp_dir();
    let mut l = Ledger::open_in_memory().unwrap();
    survey_ledger(&mut l);
    l.set_clock(Some(at("2025-06-30T09:00")));
    let figures = l.figures_of(&periods()).unwrap();
    let log = l.audit_log(u32::MAX).unwrap();
    let due = serde_json::to_value(l.retention_due("2025-06-30").unwrap()).unwrap();
    // The record cannot be written (its temporary file's name is taken by a folder): the
    // disposal fails inside its transaction.
    let out = dir.path().join("bb.pdf");
    std::fs::create_dir(dir.path().join(".bb.pdf.partial")).unwrap();
    assert!(l.dispose("2025-06-30", &out).is_err());
    assert!(!out.exists());
    assert_eq!(serde_json::to_value(l.retention_due("2025-06-30").unwrap()).unwrap(), due, "still due, all of it");
    assert_eq!(l.audit_log(u32::MAX).unwrap(), log, "the audit log is as it was");
    assert_eq!(l.figures_of(&periods()).unwrap(), figures);
    let texts: Vec<String> = l.opinions(&Period::year(2022).unwrap()).unwrap().into_iter().map(|o| o.text).collect();
    assert_eq!(texts, [OPINION, OPINION_2]);
    assert_eq!(l.feedback(&FeedbackFilter { search: Some("nguyen van an".into()), ..Default::default() }).unwrap().total, 1);
}

#[test]
fn the_command_line_keeps_its_json_and_adds_the_survey_forms() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    survey_ledger(&mut Ledger::open(&db).unwrap());
    let ykien = |args: &[&str]| std::process::Command::new(env!("CARGO_BIN_EXE_ykien")).arg("--db").arg(&db).args(args).output().unwrap();
    // Keys in any order: what matters is that each is there, and nothing else.
    let keys = |v: &serde_json::Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    let sorted = |k: &[&str]| -> Vec<String> {
        let mut k: Vec<String> = k.iter().map(|s| s.to_string()).collect();
        k.sort();
        k
    };

    let due = ykien(&["retention", "due", "--on", "2025-06-30", "--json"]);
    assert!(due.status.success(), "{due:?}");
    let v: serde_json::Value = serde_json::from_slice(&due.stdout).unwrap();
    // The fields that were there describe the ledger as before; the survey forms are beside them.
    assert_eq!(keys(&v), sorted(&["on", "record_type", "record_label", "retention_years", "records", "survey_forms"]));
    assert_eq!((v["on"].as_str(), v["record_type"].as_str(), v["retention_years"].as_u64()), (Some("2025-06-30"), Some("ledger"), Some(3)));
    assert!(v["record_label"].as_str().unwrap().starts_with("Sổ ghi nhận"));
    assert_eq!(
        keys(&v["records"][0]),
        sorted(&["id", "receipt_no", "received_on", "closed_on", "due_on", "kind", "subject", "channel", "unit_name"])
    );
    let s = &v["survey_forms"];
    assert_eq!(keys(s), sorted(&["record_type", "record_label", "retention_years", "counted_from", "records"]));
    assert_eq!((s["record_type"].as_str(), s["retention_years"].as_u64()), (Some("survey_forms"), Some(2)));
    assert_eq!(s["records"].as_array().unwrap().len(), 3);
    assert_eq!(
        keys(&s["records"][0]),
        sorted(&[
            "id", "round_id", "round_code", "round_name", "template_code", "serial", "filled_on", "period_from", "period_to",
            "counted_from", "due_on", "texts"
        ])
    );
    let text = ykien(&["retention", "due", "--on", "2025-06-30"]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("Phiếu khảo sát sự hài lòng của khách hàng đã thu về (lưu 2 năm"));

    // The ledger alone, as before, with its keys; then the forms.
    let out = dir.path().join("bb.pdf");
    let done = ykien(&["retention", "dispose", "--on", "2025-06-30", "--type", "ledger", "--out", out.to_str().unwrap(), "--json"]);
    assert!(done.status.success(), "{done:?}");
    let v: serde_json::Value = serde_json::from_slice(&done.stdout).unwrap();
    for k in ["disposal", "path", "bytes"] {
        assert!(v.get(k).is_some(), "{k} missing: {v}");
    }
    for k in ["id", "on_date", "record_type", "retention_years", "records", "redacted_audit_entries"] {
        assert!(v["disposal"].get(k).is_some(), "disposal.{k} missing: {v}");
    }
    assert_eq!((v["disposal"]["records"].as_array().unwrap().len(), v["disposal"]["record_type"].as_str()), (4, Some("ledger")));
    assert!(v["survey_forms"].is_null());
    let done = ykien(&["retention", "dispose", "--on", "2025-06-30", "--type", "surveys", "--out", out.to_str().unwrap(), "--json"]);
    assert!(done.status.success(), "{done:?}");
    let v: serde_json::Value = serde_json::from_slice(&done.stdout).unwrap();
    assert_eq!(v["survey_forms"]["records"].as_array().unwrap().len(), 3);
    assert_eq!(v["survey_forms"]["record_type"], "survey_forms");
    assert!(ykien(&["check"]).status.success());
    let none = ykien(&["retention", "dispose", "--on", "2025-06-30", "--out", out.to_str().unwrap()]);
    assert!(!none.status.success());
}
