//! Personal data (Law 91/2025/QH15): contact details shown on request and logged, a person's
//! records found, exported (read back by openpyxl) and erased from the file itself, with the
//! figures of past periods unchanged.

use crate::temp_dir;
use chrono::NaiveDateTime;
use std::path::Path;
use ykien::domain::text::fold;
use ykien::report::period::Period;
use ykien::*;

const AN: &str = "Nguyễn Văn An";
/// A namesake: the same name once accents are dropped, another person.
const NAMESAKE: &str = "Nguyễn Văn Ân";
const AN_PHONE: &str = "0905 111 222";
const AN_EMAIL: &str = "an.nguyen.vinhcuu@gmail.com";
const AN_ADDRESS: &str = "Tổ 7, khu phố Bình Minh, thị trấn Vĩnh An";
const AN_CONTENT: &str = "Hồ sơ xin giấy phép của tôi bị trả lại ba lần mà không ai giải thích";
const AN_WORDS: &str = "Tôi đã chờ ba tuần mà chưa có kết quả";
const AN_LETTER: &str = "Kính gửi ông Nguyễn Văn An, Sở đã xem xét phản ánh về thái độ của cán bộ một cửa";
const AN_SECOND: &str = "Đề nghị niêm yết rõ lệ phí tại quầy số ba";
const AN_OPINION: &str = "Phòng chờ tầng hai nóng bức, cần thêm quạt";
const NAMESAKE_PHONE: &str = "0912 000 333";
const NAMESAKE_CONTENT: &str = "Bãi đỗ xe máy trước cổng quá chật";
const PASSWORD: &str = "mat-khau-rat-dai-2026";

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

fn entry(received: &str, name: &str, kind: Kind, subject: Subject, content: &str) -> FeedbackInput {
    FeedbackInput { customer_name: name.into(), content: content.into(), ..crate::cases::input(received, kind, subject) }
}

fn answers(respondent: Option<&str>, opinion: Option<&str>) -> Vec<Answer> {
    let mut a = vec![Answer::chosen("noi_dung_giao_dich.1", 1), Answer::blank("noi_dung_giao_dich.2")];
    for code in ["cau_1.1", "cau_1.2", "cau_1.3", "cau_1.4", "cau_3", "cau_4", "cau_5"] {
        a.push(Answer::chosen(code, 2));
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

struct World {
    /// An's written complaint about attitude, closed with its step and reply letter.
    complaint: String,
    /// An's suggestion of 2024, settled on the spot, his telephone written another way.
    suggestion: String,
    /// The namesake's case.
    namesake: String,
    /// An's survey form, his name written as respondent.
    form: String,
    /// The namesake's survey form.
    namesake_form: String,
}

/// A ledger in a file with An's records, a namesake's, a survey round, and two accounts:
/// `quantri` (administrator) and `tiepnhan` (reception), both with [`PASSWORD`].
fn world(db: &Path) -> World {
    let mut l = Ledger::open(db).unwrap();
    l.save_office(&ykien::demo::demo_office()).unwrap();
    l.set_clock(Some(at("2024-10-02T09:00")));
    let mut s = entry("2024-10-02T09:00", AN, Kind::Suggestion, Subject::Procedure, AN_SECOND);
    (s.customer_phone, s.customer_address, s.settled_on_spot) = ("+84 905-111-222".into(), String::new(), Some("Đã ghi nhận".into()));
    let suggestion = l.add_feedback(&s).unwrap().id;

    l.set_clock(Some(at("2025-03-02T09:30")));
    let mut c = entry("2025-03-02T09:30", AN, Kind::Complaint, Subject::Attitude, AN_CONTENT);
    (c.customer_phone, c.customer_email, c.customer_address, c.written) = (AN_PHONE.into(), AN_EMAIL.into(), AN_ADDRESS.into(), true);
    let complaint = l.add_feedback(&c).unwrap().id;
    l.set_clock(Some(at("2025-03-05T10:00")));
    let mut n = entry("2025-03-05T10:00", NAMESAKE, Kind::Reflection, Subject::Other, NAMESAKE_CONTENT);
    n.customer_phone = NAMESAKE_PHONE.into();
    let namesake = l.add_feedback(&n).unwrap().id;

    l.set_clock(Some(at("2025-03-10T10:00")));
    l.move_case(&complaint, &MoveInput { to: Status::FrontDesk, note: AN_WORDS.into(), channel: None, staff_id: None, version: None, unit_id: None, at: None }).unwrap();
    l.record_step(&complaint, &StepInput { step: StepKind::AttitudeTalk, on_date: "2025-03-10".into(), staff_id: None, note: format!("Ông An nói: «{AN_WORDS}»"), version: None })
        .unwrap();
    let letter = l.draft_reply(&complaint, None, "15/SCT-VP", AN_LETTER).unwrap().letters[0].id.clone();
    l.sign_reply(&letter, "Trần Văn Hùng", "Giám đốc", "2025-03-12").unwrap();
    l.send_reply(&letter, "2025-03-13", "Bưu điện").unwrap();
    l.set_clock(Some(at("2025-03-14T10:00")));
    l.move_case(&complaint, &MoveInput { to: Status::AwaitingCustomer, note: "Ông An đồng ý với cách giải quyết".into(), channel: None, staff_id: None, version: None, unit_id: None, at: None }).unwrap();
    l.move_case(&complaint, &MoveInput { to: Status::Closed, note: String::new(), channel: None, staff_id: None, version: None, unit_id: None, at: None }).unwrap();

    l.set_clock(Some(at("2025-04-02T08:00")));
    let round = l
        .create_survey_round(&RoundInput { name: "Khảo sát quý I năm 2025".into(), period_from: "2025-01-01".into(), period_to: "2025-03-31".into(), template_key: "bm-qt-sct-05-02".into() })
        .unwrap();
    l.print_survey_round(&round.id, 3).unwrap();
    let save = |l: &mut Ledger, serial: &str, a: Vec<Answer>| {
        l.save_survey_response(&ResponseInput { round_id: round.id.clone(), serial: serial.into(), filled_on: "2025-03-20".into(), answers: a, keystrokes: None })
            .unwrap()
            .id
    };
    let form = save(&mut l, "1", answers(Some(AN), Some(AN_OPINION)));
    let namesake_form = save(&mut l, "2", answers(Some(NAMESAKE), Some("Cần thêm ghế ngồi")));
    l.set_clock(None);

    let admin = l.create_first_administrator(&FirstAdminInput { full_name: "Phạm Thị Lan".into(), title: String::new(), login: "quantri".into(), password: PASSWORD.into() }).unwrap();
    assert_eq!(admin.role, Role::Administrator);
    let clerk = l
        .save_staff(&StaffInput { id: None, full_name: "Nguyễn Thị Thanh Hương".into(), title: String::new(), unit_id: None, role: Role::Reception, phone: String::new(), email: String::new() })
        .unwrap();
    l.create_account(&AccountInput { staff_id: clerk.id, login: "tiepnhan".into(), password: "mat-khau-tam-thoi".into() }).unwrap();
    drop(l);
    let mut l = Ledger::open(db).unwrap();
    l.sign_in("tiepnhan", "mat-khau-tam-thoi").unwrap();
    l.change_password("mat-khau-tam-thoi", PASSWORD).unwrap();
    World { complaint, suggestion, namesake, form, namesake_form }
}

fn signed_in(db: &Path, login: &str) -> Ledger {
    let mut l = Ledger::open(db).unwrap();
    l.sign_in(login, PASSWORD).unwrap();
    l
}

/// The database file and its journal, as bytes.
fn file_bytes(db: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(db).unwrap();
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    bytes.extend(std::fs::read(Path::new(&wal)).unwrap_or_default());
    bytes
}

fn holds(bytes: &[u8], text: &str) -> bool {
    bytes.windows(text.len()).any(|w| w == text.as_bytes())
}

fn periods() -> Vec<Period> {
    let mut p = vec![Period::year(2024).unwrap(), Period::year(2025).unwrap()];
    p.extend((1..=4).map(|q| Period::quarter(2025, q).unwrap()));
    p
}

#[test]
fn contact_details_are_masked_until_shown_and_each_showing_names_the_account() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    let w = world(&db);
    let mut clerk = signed_in(&db, "tiepnhan");
    let case = clerk.case(&w.complaint).unwrap();
    assert!(case.contact_masked);
    assert_eq!(case.customer_phone, "•••••••222");
    assert!(!case.customer_email.contains("an.nguyen") && !case.customer_address.contains("Bình Minh"), "{case:?}");
    assert_eq!(case.customer_name, AN, "the name is in the paper book and stays shown");

    let contact = clerk.case_contact(&w.complaint).unwrap();
    assert_eq!((contact.customer_phone.as_str(), contact.customer_email.as_str(), contact.customer_address.as_str()), (AN_PHONE, AN_EMAIL, AN_ADDRESS));
    drop(clerk);
    let admin = signed_in(&db, "quantri");
    let log = admin.audit_log(5).unwrap();
    let view = log.iter().find(|e| e.entity == "contact_view").expect("the showing is logged");
    assert_eq!((view.actor.as_str(), view.entity_id.as_str()), ("tiepnhan (Nguyễn Thị Thanh Hương)", w.complaint.as_str()));
    let after = view.after.clone().unwrap();
    assert!(after.contains("2025/000001") && !after.contains("0905") && !after.contains("gmail"), "{after}");

    // The administrator runs the system and answers no citizen: refused, and nothing is written.
    let mut admin = admin;
    let entries = admin.check().unwrap().audit_entries;
    assert!(matches!(admin.case_contact(&w.complaint), Err(Error::Forbidden(_))));
    assert_eq!(admin.check().unwrap().audit_entries, entries);
}

#[test]
fn a_persons_records_are_found_exported_and_erased_from_the_file_with_past_figures_unchanged() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    let w = world(&db);
    let mut admin = signed_in(&db, "quantri");
    let figures = admin.figures_of(&periods()).unwrap();

    // By name, accents and case ignored: An and his namesake, cases and survey forms.
    let found = admin.find_person(&PersonQuery { name: "nguyen van an".into(), ..Default::default() }).unwrap();
    let ids: Vec<&str> = found.iter().map(|m| m.id.as_str()).collect();
    for id in [&w.complaint, &w.suggestion, &w.namesake, &w.form, &w.namesake_form] {
        assert!(ids.contains(&id.as_str()), "{id} not found in {found:?}");
    }
    assert!(found.iter().all(|m| !m.phone.contains("111")), "phones masked: {found:?}");
    // By telephone, written another way: An's two cases only.
    let by_phone = admin.find_person(&PersonQuery { phone: "0905.111.222".into(), ..Default::default() }).unwrap();
    assert_eq!(by_phone.iter().map(|m| m.reference.as_str()).collect::<Vec<_>>(), ["2025/000001", "2024/000001"]);
    assert!(by_phone.iter().all(|m| m.matched_on == ["điện thoại"]));
    let by_email = admin.find_person(&PersonQuery { email: "AN.NGUYEN.VINHCUU@gmail.com".into(), ..Default::default() }).unwrap();
    assert_eq!(by_email.len(), 1);

    // The user picks An's, not the namesake's.
    let selection = PersonSelection { case_ids: vec![w.complaint.clone(), w.suggestion.clone()], survey_form_ids: vec![w.form.clone()] };
    let out = dir.path().join("dữ liệu cá nhân.xlsx");
    let report = admin.export_person(&selection, &out).unwrap();
    assert_eq!(report.rows, 3);
    let book = crate::export::read_xlsx(&out);
    let sheet = |name: &str| -> String { serde_json::to_string(&book[name]).unwrap() };
    let cases = sheet("Sổ ghi nhận ý kiến");
    for words in [AN, AN_PHONE, "+84 905-111-222", AN_EMAIL, AN_ADDRESS, AN_CONTENT, AN_SECOND, "2025/000001", "2024/000001"] {
        assert!(cases.contains(words), "{words:?} missing from the cases sheet");
    }
    assert!(sheet("Diễn biến xử lý").contains(AN_WORDS));
    assert!(sheet("Công văn trả lời").contains(AN_LETTER) && sheet("Công văn trả lời").contains("15/SCT-VP"));
    let forms = sheet("Phiếu khảo sát");
    assert!(forms.contains(AN_OPINION) && forms.contains("2025-01/00001"), "{forms}");
    assert!(sheet("Thông tin chung").contains("91/2025/QH15"));
    let everything = serde_json::to_string(&book).unwrap();
    for other in [NAMESAKE, NAMESAKE_PHONE, NAMESAKE_CONTENT, "Cần thêm ghế ngồi"] {
        assert!(!everything.contains(other), "{other:?} of the namesake exported");
    }
    let exported = admin.audit_log(1).unwrap().remove(0);
    assert_eq!((exported.entity.as_str(), exported.actor.as_str()), ("personal_data_export", "quantri (Phạm Thị Lan)"));
    assert!(!exported.after.clone().unwrap().contains("Nguyễn"), "the log names records, not the person");

    // Before: the file holds An's words (so the search below can find them).
    let before = file_bytes(&db);
    for words in [AN, AN_PHONE, AN_EMAIL, AN_CONTENT, AN_WORDS, AN_OPINION, AN_LETTER] {
        assert!(holds(&before, words), "{words:?} not in the file before");
    }
    assert!(holds(&before, &fold(AN_CONTENT)), "the search key holds the folded content");

    admin.set_clock(Some(at("2026-01-10T09:00")));
    let erased = admin
        .erase_person(&ErasureRequest { selection, reference: "Đơn đề nghị ngày 05/01/2026".into(), request_date: "05/01/2026".into() })
        .unwrap();
    assert_eq!((erased.cases.len(), erased.survey_forms.as_slice()), (2, ["2025-01/00001".to_owned()].as_slice()));
    assert!(erased.redacted_audit_entries >= 4, "{}", erased.redacted_audit_entries);

    // The figures of every past period are what they were.
    assert_eq!(admin.figures_of(&periods()).unwrap(), figures);
    // The book keeps the lines, marked; the namesake's are untouched; the chain verifies.
    let case = admin.find_person(&PersonQuery { name: "nguyen van an".into(), ..Default::default() }).unwrap();
    assert_eq!(case.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(), [w.namesake.as_str(), w.namesake_form.as_str()]);
    let page = admin.feedback(&FeedbackFilter::default()).unwrap();
    let row = page.rows.iter().find(|r| r.id == w.complaint).unwrap();
    assert_eq!((row.customer_name.as_str(), row.content.as_str()), ("[đã xoá theo yêu cầu]", "[đã xoá theo yêu cầu]"));
    assert_eq!((row.kind, row.status, row.received_at.as_str()), (Kind::Complaint, Status::Closed, "2025-03-02T09:30"));
    let check = admin.check().unwrap();
    assert!(check.ok, "{:?}", check.problems);
    let entry = admin.audit_log(1).unwrap().remove(0);
    assert_eq!((entry.entity.as_str(), entry.actor.as_str()), ("personal_data_erasure", "quantri (Phạm Thị Lan)"));
    let recorded = entry.after.unwrap();
    for words in ["Đơn đề nghị ngày 05/01/2026", "2026-01-05", "2025/000001", "2024/000001", "2025-01/00001"] {
        assert!(recorded.contains(words), "{words:?} not recorded in {recorded}");
    }
    let log = serde_json::to_string(&admin.audit_log(u32::MAX).unwrap()).unwrap();
    for words in [AN, AN_PHONE, AN_CONTENT, AN_WORDS, AN_OPINION, AN_LETTER] {
        assert!(!log.contains(words), "{words:?} left in the audit log");
    }
    assert!(log.contains(NAMESAKE_CONTENT), "the namesake's entries are kept");
    drop(admin);

    // After: gone from the file and its journal, not only from what the app reads.
    let after = file_bytes(&db);
    for words in [AN, AN_PHONE, "+84 905-111-222", AN_EMAIL, AN_ADDRESS, AN_CONTENT, AN_WORDS, AN_SECOND, AN_OPINION, AN_LETTER] {
        assert!(!holds(&after, words), "{words:?} still in the database file");
    }
    for words in [AN_CONTENT, AN_SECOND] {
        assert!(!holds(&after, &fold(words)), "the search key of {words:?} still in the file");
    }
    for words in [NAMESAKE, NAMESAKE_PHONE, NAMESAKE_CONTENT] {
        assert!(holds(&after, words), "{words:?} of the namesake should stay");
    }
}

#[test]
fn an_open_case_is_not_erased_and_the_refusal_changes_nothing() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    let w = world(&db);
    let mut admin = signed_in(&db, "quantri");
    let before = file_bytes(&db);
    let sel = PersonSelection { case_ids: vec![w.complaint.clone(), w.namesake.clone()], survey_form_ids: vec![] };
    let e = admin.erase_person(&ErasureRequest { selection: sel.clone(), reference: "Đơn số 3".into(), request_date: "2026-01-05".into() }).unwrap_err();
    assert!(matches!(e, Error::Conflict(_)), "{e:?}");
    let text = e.to_string();
    assert!(text.contains("2025/000002 đang được giải quyết") && text.contains("đóng hồ sơ"), "{text}");
    // Nor without the request's reference, nor dated in the future.
    let e = admin.erase_person(&ErasureRequest { selection: sel.clone(), reference: " ".into(), request_date: "2026-01-05".into() }).unwrap_err();
    assert!(matches!(&e, Error::Validation { field, .. } if field == "reference"), "{e:?}");
    assert_eq!(file_bytes(&db), before);
    // Only an administrator erases.
    drop(admin);
    let mut clerk = signed_in(&db, "tiepnhan");
    let only_closed = PersonSelection { case_ids: vec![w.complaint.clone()], survey_form_ids: vec![] };
    let e = clerk.erase_person(&ErasureRequest { selection: only_closed, reference: "Đơn số 3".into(), request_date: "2026-01-05".into() }).unwrap_err();
    assert!(matches!(e, Error::Forbidden(_)), "{e:?}");
    assert!(matches!(clerk.find_person(&PersonQuery { name: AN.into(), ..Default::default() }), Err(Error::Forbidden(_))));
    assert_eq!(file_bytes(&db), before);
}

#[test]
fn the_command_line_finds_exports_and_erases_a_person() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    world(&db);
    let ykien = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_ykien"))
            .env("YKIEN_PASSWORD", PASSWORD)
            .arg("--db")
            .arg(&db)
            .args(["--as", "quantri"])
            .args(args)
            .output()
            .unwrap()
    };
    let found = ykien(&["person", "find", "--phone", "0905111222", "--json"]);
    assert!(found.status.success(), "{found:?}");
    let v: serde_json::Value = serde_json::from_slice(&found.stdout).unwrap();
    let refs: Vec<&str> = v.as_array().unwrap().iter().map(|m| m["reference"].as_str().unwrap()).collect();
    assert_eq!(refs, ["2025/000001", "2024/000001"]);
    let out = dir.path().join("an.xlsx");
    let export = ykien(&["person", "export", "2025/000001", "2024/000001", "2025-01/00001", "--out", out.to_str().unwrap(), "--json"]);
    assert!(export.status.success(), "{export:?}");
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&export.stdout).unwrap()["rows"], 3);
    let erase = ykien(&["person", "erase", "2025/000001", "2025-01/00001", "--request", "Đơn số 7", "--request-date", "2026-01-05", "--json"]);
    assert!(erase.status.success(), "{erase:?}");
    let v: serde_json::Value = serde_json::from_slice(&erase.stdout).unwrap();
    assert_eq!(v["cases"], serde_json::json!(["2025/000001"]));
    assert_eq!(v["survey_forms"], serde_json::json!(["2025-01/00001"]));
    let again = ykien(&["person", "erase", "2025/000001", "--request", "Đơn số 7", "--request-date", "2026-01-05"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("đã được xoá trước đây"), "{again:?}");
    assert!(ykien(&["check"]).status.success());
}
