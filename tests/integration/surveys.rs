//! Paper surveys on real database files: template versions, rounds, entry rules, imports
//! (including a spreadsheet written by LibreOffice and decomposed Unicode), the printed
//! forms read back by pdftotext and their QR codes decoded by zbarimg (ZBar), and the CLI.

use crate::pdf::Pdf;
use crate::temp_dir;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use unicode_normalization::UnicodeNormalization;
use ykien::domain::survey::{SurveyItem, SurveyTemplate};
use ykien::domain::document_control::ControlledForm;
use ykien::{Answer, AnswerState, Error, Ledger, ResponseInput, RoundInput, SerialCheck};

fn ledger(dir: &tempfile::TempDir) -> Ledger {
    let mut l = Ledger::open(dir.path().join("khảo sát.db")).unwrap();
    l.set_clock(Some(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap().and_hms_opt(9, 0, 0).unwrap()));
    l.save_office(&ykien::demo::demo_office()).unwrap();
    l
}

fn round(l: &mut Ledger, key: &str) -> String {
    l.create_survey_round(&RoundInput {
        name: "Khảo sát năm 2026".into(),
        period_from: "2026-01-01".into(),
        period_to: "2026-12-31".into(),
        template_key: key.into(),
    })
    .unwrap()
    .id
}

/// A complete answer set for BM.QT.SCT.05-02, every rating at `level`.
fn answers(level: i32) -> Vec<Answer> {
    let mut a = vec![Answer::chosen("noi_dung_giao_dich.1", 1), Answer::blank("noi_dung_giao_dich.2")];
    for c in 1..=4 {
        a.push(Answer::chosen(&format!("cau_1.{c}"), level));
    }
    a.push(Answer::chosen("cau_2", 2));
    for q in ["cau_3", "cau_4", "cau_5"] {
        a.push(Answer::chosen(q, level));
    }
    a
}

fn form(round: &str, serial: &str, answers: Vec<Answer>) -> ResponseInput {
    ResponseInput { round_id: round.into(), serial: serial.into(), filled_on: "2026-03-05".into(), answers, keystrokes: None }
}

fn audit_count(l: &Ledger) -> usize {
    l.audit_log(100_000).unwrap().len()
}

fn own_template() -> SurveyTemplate {
    let mut t = SurveyTemplate::example_five_levels();
    t.code = "KS.TP-01".into();
    t.title = "Phiếu khảo sát".into();
    t
}

#[test]
fn a_template_is_edited_in_place_until_forms_are_printed_then_versioned() {
    let dir = temp_dir();
    let mut l = ledger(&dir);
    let v1 = l.save_survey_template(&own_template()).unwrap();
    assert_eq!((v1.key.as_str(), v1.version), ("ks-tp-01", 1));

    // Nothing printed or entered: the same version is corrected.
    let mut edited = own_template();
    edited.closing = "CẢM ƠN ÔNG/BÀ!".into();
    let again = l.save_survey_template(&edited).unwrap();
    assert_eq!((again.id.as_str(), again.version), (v1.id.as_str(), 1));
    assert_eq!(l.survey_template(&v1.id).unwrap().closing, "CẢM ƠN ÔNG/BÀ!");

    // Printed: the paper in people's hands is version 1 for good.
    let r = round(&mut l, "ks-tp-01");
    l.print_survey_round(&r, 2).unwrap();
    let mut changed = edited.clone();
    changed.closing = "XIN CẢM ƠN!".into();
    let v2 = l.save_survey_template(&changed).unwrap();
    assert_eq!(v2.version, 2);
    assert_ne!(v2.id, v1.id);
    assert_eq!(l.survey_template(&v1.id).unwrap().closing, "CẢM ƠN ÔNG/BÀ!");
    assert_eq!(l.survey_round(&r).unwrap().template_version, 1);
    // New rounds take the newest version; saving the same text again makes nothing new.
    assert_eq!(l.save_survey_template(&changed).unwrap().id, v2.id);
    let r2 = round(&mut l, "ks-tp-01");
    assert_eq!(l.survey_round(&r2).unwrap().template_version, 2);
    let listed = l.survey_templates().unwrap();
    assert_eq!(listed.iter().filter(|t| t.key == "ks-tp-01").count(), 2);
    assert!(listed.iter().any(|t| t.key == "bm-qt-sct-05-02" && t.builtin));
}

#[test]
fn template_json_round_trips_and_bad_templates_say_what_is_wrong() {
    let dir = temp_dir();
    let mut l = ledger(&dir);
    let json = l.export_survey_template("bm-qt-sct-05-02", None).unwrap();
    assert_eq!(SurveyTemplate::from_json(&json).unwrap(), SurveyTemplate::bm_qt_sct_05_02());

    // Decomposed text is stored composed.
    let mut nfd = own_template();
    nfd.title = "Phiê\u{0301}u kha\u{0309}o sa\u{0301}t".into();
    let info = l.import_survey_template(&serde_json::to_string(&nfd).unwrap()).unwrap();
    assert_eq!(l.survey_template(&info.id).unwrap().title, "Phiếu khảo sát");

    let before = audit_count(&l);
    let err = l.import_survey_template("{\"code\": \"X\"").unwrap_err();
    assert_eq!(err.to_string(), "Tệp mẫu phiếu không đúng định dạng: dữ liệu JSON bị cắt cụt (dòng 1, cột 12).");

    let mut ten = own_template();
    if let SurveyItem::RatingGrid { scale, .. } = &mut ten.sections[1].items[0] {
        scale.extend((1..=5).map(|i| format!("Mức {i}")));
    }
    let err = l.save_survey_template(&ten).unwrap_err();
    assert!(err.to_string().contains("Câu hỏi 1: cần từ 2 đến 9 mức đánh giá (đang có 10)"), "{err}");

    let mut dup = own_template();
    if let SurveyItem::RatingGrid { id, .. } = &mut dup.sections[1].items[2] {
        *id = "cau_1".into();
    }
    assert!(l.save_survey_template(&dup).unwrap_err().to_string().contains("Mã câu hỏi «cau_1» bị trùng"));

    let mut long = own_template();
    long.title = "x".repeat(50_000);
    assert!(l.save_survey_template(&long).unwrap_err().to_string().contains("50000 ký tự"));
    assert_eq!(audit_count(&l), before, "refused templates change nothing");
}

#[test]
fn entry_refuses_duplicates_serials_outside_the_round_and_missing_answers() {
    let dir = temp_dir();
    let mut l = ledger(&dir);
    let r = round(&mut l, "bm-qt-sct-05-02");
    l.print_survey_round(&r, 5).unwrap();

    let saved = l.save_survey_response(&form(&r, "00003", answers(1))).unwrap();
    assert_eq!((saved.serial, saved.filled_on.as_str(), saved.source.as_str()), (3, "2026-03-05", "keyboard"));
    assert!(matches!(l.check_survey_serial(&r, "3").unwrap(), SerialCheck::Duplicate { serial: 3, .. }));
    assert!(matches!(l.check_survey_serial(&r, "4").unwrap(), SerialCheck::Free { serial: 4 }));
    assert!(matches!(l.check_survey_serial(&r, "6").unwrap(), SerialCheck::OutOfRound { .. }));
    assert!(matches!(l.check_survey_serial(&r, "abc").unwrap(), SerialCheck::Invalid { .. }));
    // A scanned QR code of this round, and one of another round.
    assert!(matches!(l.check_survey_serial(&r, "YK1/2026-01/4/bm-qt-sct-05-02/1/1").unwrap(), SerialCheck::Free { serial: 4 }));
    assert!(matches!(l.check_survey_serial(&r, "YK1/2025-01/4/bm-qt-sct-05-02/1/1").unwrap(), SerialCheck::OutOfRound { .. }));

    let before = audit_count(&l);
    let dup = l.save_survey_response(&form(&r, "3", answers(2))).unwrap_err();
    assert!(matches!(dup, Error::Conflict(_)), "{dup}");
    assert_eq!(dup.to_string(), "Phiếu số 00003 đã được nhập rồi (ngày điền 05/03/2026).");
    let out = l.save_survey_response(&form(&r, "9", answers(2))).unwrap_err();
    assert!(out.to_string().contains("nằm ngoài đợt khảo sát"), "{out}");
    let mut missing = answers(2);
    missing.retain(|a| a.code != "cau_4");
    let err = l.save_survey_response(&form(&r, "4", missing)).unwrap_err();
    assert_eq!(err.to_string(), "Chưa nhập câu trả lời cho «Câu hỏi 4: Đúng thời hạn quy định».");
    let future = ResponseInput { filled_on: "2027-01-01".into(), ..form(&r, "4", answers(2)) };
    assert!(l.save_survey_response(&future).unwrap_err().to_string().contains("chưa tới"));
    assert_eq!(audit_count(&l), before);
    assert_eq!(l.survey_responses(&r).unwrap().len(), 1);

    // A spoiled answer is kept as such; undo withdraws the last form and frees its serial.
    let mut spoiled = answers(2);
    spoiled[3] = Answer::spoiled("cau_1.2");
    let s = l.save_survey_response(&ResponseInput { filled_on: String::new(), ..form(&r, "4", spoiled) }).unwrap();
    assert_eq!(s.filled_on, "2026-11-20", "the day of entry by default");
    assert!(s.answers.iter().any(|a| a.code == "cau_1.2" && a.state == AnswerState::Spoiled));
    assert_eq!(l.undo_last_survey_response(&r).unwrap().unwrap().serial, 4);
    assert!(matches!(l.check_survey_serial(&r, "4").unwrap(), SerialCheck::Free { .. }));
    assert_eq!(l.survey_round(&r).unwrap().entered, 1);
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

#[test]
fn a_spreadsheet_written_by_libreoffice_imports_with_its_date_cells() {
    let dir = temp_dir();
    let mut l = ledger(&dir);
    let r = round(&mut l, "bm-qt-sct-05-02");
    l.print_survey_round(&r, 10).unwrap();
    let dry = l.import_survey_responses(&r, &fixture("returned-libreoffice.xlsx"), true).unwrap();
    assert_eq!((dry.rows, dry.imported, dry.problems.len()), (4, 0, 0), "{:?}", dry.problems);
    assert!(l.survey_responses(&r).unwrap().is_empty(), "a dry run saves nothing");

    let report = l.import_survey_responses(&r, &fixture("returned-libreoffice.xlsx"), false).unwrap();
    assert_eq!(report.imported, 4, "{:?}", report.problems);
    let forms = l.survey_responses(&r).unwrap();
    let third = forms.iter().find(|f| f.serial == 3).unwrap();
    assert_eq!(third.filled_on, "2026-03-09");
    assert_eq!(third.source, "import");
    let get = |code: &str| third.answers.iter().find(|a| a.code == code).cloned();
    assert_eq!(get("cau_1.1"), Some(Answer::chosen("cau_1.1", 3)));
    assert_eq!(get("cau_1.3"), Some(Answer::spoiled("cau_1.3")));
    assert_eq!(get("cau_2.follow_up"), Some(Answer::chosen("cau_2.follow_up", 2)));
    assert_eq!(get("noi_dung_giao_dich.2"), Some(Answer::chosen("noi_dung_giao_dich.2", 1)));
    assert_eq!(get("cau_1.other"), Some(Answer::text("cau_1.other", "Phải chờ lâu ở bộ phận một cửa")));
    let fourth = forms.iter().find(|f| f.serial == 4).unwrap();
    assert!(fourth.answers.contains(&Answer::blank("cau_1.1")));

    // The same file again: every serial is now a duplicate, and nothing more is saved.
    let again = l.import_survey_responses(&r, &fixture("returned-libreoffice.xlsx"), false).unwrap();
    assert_eq!((again.imported, again.problems.len()), (0, 4));
    assert!(again.problems[0].message.starts_with("Dòng 2: Phiếu số 00001 đã được nhập rồi"), "{:?}", again.problems);
}

#[test]
fn a_decomposed_csv_imports_and_one_broken_row_imports_nothing() {
    let dir = temp_dir();
    let mut l = ledger(&dir);
    let r = round(&mut l, "bm-qt-sct-05-02");
    l.print_survey_round(&r, 10).unwrap();
    let header = "Số phiếu;Ngày;Thái độ giao tiếp;Lắng nghe ý kiến;Tận tình, chu đáo;Tuân thủ đúng quy trình;Câu hỏi 2;Câu hỏi 2 Nếu có, vui lòng cho biết tình trạng thực tế;Câu hỏi 3;Câu hỏi 4;Câu hỏi 5";
    let good = "1;02/03/2026;Tốt;Tốt;Đạt yêu cầu;Tốt;Không;;Tốt;Tốt;Tốt\n2;03/03/2026;Chưa đạt yêu cầu;2;2;2;Có;Một số lần;2;3;2\n";
    let nfd: String = format!("{header}\n{good}").nfd().collect();
    let path = dir.path().join("phiếu nhập.csv");
    std::fs::write(&path, format!("\u{feff}{nfd}")).unwrap();
    let report = l.import_survey_responses(&r, &path, false).unwrap();
    assert_eq!(report.imported, 2, "{:?}", report.problems);
    let second = &l.survey_responses(&r).unwrap()[1];
    assert!(second.answers.contains(&Answer::chosen("cau_2.follow_up", 2)));
    assert!(second.answers.contains(&Answer::chosen("cau_1.1", 3)));

    let before = audit_count(&l);
    let broken = format!("{header}\n3;04/03/2026;1;1;1;1;2;;1;1;1\n4;30/02/2026;1;1;1;1;2;;1;1;1\n5;05/03/2026;1;1;Rất tốt;1;2;;1;1;1\n3;06/03/2026;1;1;1;1;2;;1;1;1\n");
    let path = dir.path().join("lỗi.csv");
    std::fs::write(&path, broken).unwrap();
    let report = l.import_survey_responses(&r, &path, false).unwrap();
    assert_eq!(report.imported, 0);
    let messages: Vec<&str> = report.problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(messages[0].starts_with("Dòng 3: Ngày «30/02/2026» không phải ngày có thật"), "{messages:?}");
    assert!(messages[1].starts_with("Dòng 4: «Câu hỏi 1: Tận tình, chu đáo»: không hiểu «Rất tốt»"), "{messages:?}");
    assert_eq!(messages[2], "Dòng 5: số phiếu 00003 trùng với dòng 2.");
    assert_eq!(l.survey_responses(&r).unwrap().len(), 2, "the good row 3 was not saved either");
    assert_eq!(audit_count(&l), before);

    let err = l.import_survey_responses(&r, &dir.path().join("phiếu.docx"), false).unwrap_err();
    assert!(err.to_string().contains(".csv hoặc .xlsx"));
}

fn zbarimg(png: &Path) -> Vec<String> {
    let out: Output = Command::new("zbarimg").args(["--quiet", "--raw"]).arg(png).output().unwrap_or_else(|e| {
        panic!("cannot run zbarimg ({e}): `cargo xtask test` installs zbar-tools")
    });
    String::from_utf8(out.stdout).unwrap().lines().map(str::to_owned).collect()
}

#[test]
fn three_printed_forms_carry_three_serials_and_qr_codes_that_decode() {
    let dir = temp_dir();
    let mut l = ledger(&dir);
    let r = round(&mut l, "bm-qt-sct-05-02");
    let pdf = Pdf::new(&l.print_survey_round(&r, 3).unwrap());
    pdf.assert_sound();
    assert_eq!(pdf.pages(), 6, "two pages a form");
    let text = pdf.text(None);
    let mut serials: Vec<&str> = text.lines().filter_map(|l| l.trim().strip_prefix("Số phiếu: ")).collect();
    serials.dedup();
    assert_eq!(serials, ["00001-3", "00002-1", "00003-7"], "each serial printed with its check digit");
    assert_eq!(text.matches("Đợt khảo sát: 2026-01").count(), 3);

    // Rendered as a scanner would see the sheets, decoded by ZBar.
    let prefix = dir.path().join("trang");
    let out = Command::new("pdftoppm").args(["-r", "150", "-png"]).arg(pdf.path()).arg(&prefix).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let mut decoded = Vec::new();
    for page in 1..=6 {
        let png = dir.path().join(format!("trang-{page}.png"));
        decoded.extend(zbarimg(&png));
    }
    let expected: Vec<String> =
        (1..=3).flat_map(|s| (1..=2).map(move |p| format!("YK1/2026-01/{s}/bm-qt-sct-05-02/1/{p}"))).collect();
    assert_eq!(decoded, expected);
    // A scanned code is accepted as the serial of its round.
    assert!(matches!(l.check_survey_serial(&r, &decoded[2]).unwrap(), SerialCheck::Free { serial: 2 }));

    // The answer boxes are known for the template version: one per option of every question.
    let layout = l.survey_layout(&r).unwrap().expect("recorded at printing");
    assert_eq!(layout.pages, 2);
    assert_eq!(layout.marks.len(), 4);
    assert_eq!(layout.boxes.len(), 2 + 4 * 3 + 2 + 4 + 3 * 3);
    let q5 = layout.boxes.iter().filter(|b| b.code == "cau_5").collect::<Vec<_>>();
    assert_eq!(q5.iter().map(|b| b.value).collect::<Vec<_>>(), [1, 2, 3]);
    assert!(q5.iter().all(|b| b.page == 2 && b.x > 30.0 && b.x < 195.0));
    assert!(layout.boxes.iter().all(|b| b.y > 15.0 && b.y < 280.0 && (b.size - 3.2).abs() < 0.2), "{:?}", layout.boxes[0]);

    // The next printing continues the serials.
    let more = Pdf::new(&l.print_survey_round(&r, 1).unwrap());
    assert!(more.text(None).contains("Số phiếu: 00004-5"));
    assert_eq!(l.survey_round(&r).unwrap().serial_range, "00001–00004");
}

fn ykien(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ykien")).arg("--db").arg(db).args(args).output().unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_str(&String::from_utf8_lossy(&o.stdout)).unwrap_or_else(|e| panic!("{e}: {o:?}"))
}

#[test]
fn the_survey_commands_work_as_the_readme_writes_them() {
    let dir = temp_dir();
    let db = dir.path().join("cli.db");
    drop(ledger_at(&db));
    let templates = json(&ykien(&db, &["survey", "templates", "--json"]));
    assert!(templates.as_array().unwrap().iter().any(|t| t["key"] == "bm-qt-sct-05-02" && t["version"] == 1));

    let create = ykien(
        &db,
        &["survey", "round", "create", "--template", "bm-qt-sct-05-02", "--name", "Khảo sát năm 2026", "--from", "2026-01-01", "--to", "2026-12-31"],
    );
    assert!(create.status.success(), "{create:?}");
    let id = String::from_utf8(create.stdout).unwrap().trim().to_owned();
    assert_eq!(id.len(), 36, "prints the round id");

    let out = dir.path().join("phiếu.pdf");
    let print = json(&ykien(&db, &["survey", "print", "--round", &id, "--count", "4", "--out", out.to_str().unwrap(), "--json"]));
    assert_eq!((print["first_serial"].as_i64(), print["last_serial"].as_i64()), (Some(1), Some(4)));
    assert!(out.metadata().unwrap().len() > 10_000);

    let fixture = fixture("returned-libreoffice.xlsx");
    let dry = json(&ykien(&db, &["survey", "import", "--round", &id, fixture.to_str().unwrap(), "--dry-run", "--json"]));
    assert_eq!((dry["rows"].as_i64(), dry["imported"].as_i64(), dry["dry_run"].as_bool()), (Some(4), Some(0), Some(true)));
    let import = json(&ykien(&db, &["survey", "import", "--round", &id, fixture.to_str().unwrap(), "--json"]));
    assert_eq!(import["imported"], 4);
    let again = ykien(&db, &["survey", "import", "--round", &id, fixture.to_str().unwrap(), "--json"]);
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(json(&again)["problems"].as_array().unwrap().len(), 4);

    let layout = json(&ykien(&db, &["survey", "layout", "--round", "2026-01"]));
    assert_eq!(layout["boxes"].as_array().unwrap().len(), 29);
    assert_eq!(layout["boxes"][2]["code"], "cau_1.1");
    let responses = json(&ykien(&db, &["survey", "responses", "--round", "2026-01", "--json"]));
    assert_eq!(responses.as_array().unwrap().len(), 4);
    assert_eq!(responses[1]["answers"][2]["code"], "cau_1.1");

    let missing = ykien(&db, &["survey", "responses", "--round", "2030-09", "--json"]);
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(json(&missing)["error"]["kind"], "not_found");
    let bad = ykien(&db, &["survey", "round", "create", "--template", "khong-co", "--name", "X", "--from", "2026-01-01", "--to", "2026-02-01"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("Không có mẫu phiếu «khong-co»"));

    let exported = dir.path().join("mẫu.json");
    assert!(ykien(&db, &["survey", "template", "export", "ks-mc-5m", "--out", exported.to_str().unwrap()]).status.success());
    let text = std::fs::read_to_string(&exported).unwrap().replace("KS.MC-5M", "KS.RIENG");
    std::fs::write(&exported, text).unwrap();
    let imported = json(&ykien(&db, &["survey", "template", "import", exported.to_str().unwrap(), "--json"]));
    assert_eq!((imported["key"].as_str(), imported["version"].as_i64()), (Some("ks-rieng"), Some(1)));
}

fn ledger_at(db: &Path) -> Ledger {
    let mut l = Ledger::open(db).unwrap();
    l.save_office(&ykien::demo::demo_office()).unwrap();
    l
}

#[test]
fn the_five_level_example_prints_with_a_box_for_every_level() {
    let dir = temp_dir();
    let mut l = ledger(&dir);
    let r = round(&mut l, "ks-mc-5m");
    let pdf = Pdf::new(&l.print_survey_round(&r, 1).unwrap());
    pdf.assert_sound();
    let text = pdf.text(None);
    // "Rất không hài lòng" and "Không hài lòng" wrap onto two lines in the header row.
    for level in ["Rất hài lòng", "Bình thường", "Rất không", "Số phiếu: 00001-3"] {
        assert!(text.contains(level), "{level} missing:\n{text}");
    }
    let layout = l.survey_layout(&r).unwrap().unwrap();
    // Who answers (3 options), 5 criteria × 5 levels, yes/no, 3 follow-up options, overall × 5.
    assert_eq!(layout.boxes.len(), 3 + 25 + 2 + 3 + 5);
    let sheet = l.survey_entry_sheet(&r).unwrap();
    for b in &layout.boxes {
        let slot = sheet.slots.iter().find(|s| s.code == b.code).unwrap_or_else(|| panic!("box for unknown slot {}", b.code));
        assert!(b.value >= 1 && b.value as usize <= slot.options.len());
    }
}

#[test]
fn a_three_page_form_is_followed_by_a_blank_page_so_each_form_has_its_own_sheets() {
    let dir = temp_dir();
    let mut l = ledger(&dir);
    let mut long = own_template();
    if let SurveyItem::RatingGrid { criteria, .. } = &mut long.sections[1].items[0] {
        *criteria = (1..=30).map(|i| format!("Tiêu chí số {i}")).collect();
    }
    l.save_survey_template(&long).unwrap();
    let r = round(&mut l, "ks-tp-01");
    let pdf = Pdf::new(&l.print_survey_round(&r, 2).unwrap());
    assert_eq!(l.survey_layout(&r).unwrap().unwrap().pages, 3);
    assert_eq!(pdf.pages(), 7, "3 pages, a blank page, 3 pages");
    assert!(pdf.text(Some((4, 4))).trim().is_empty(), "page 4 is blank");
    assert!(pdf.text(Some((5, 5))).contains("Số phiếu: 00002-1"));
}

/// Sets the office's document control of its survey form (Cài đặt › Kiểm soát tài liệu).
fn set_survey_form_control(l: &mut Ledger, code: &str, issued_on: Option<&str>, issue: u32, revision: u32) {
    let mut dc = l.document_control().unwrap();
    let f = dc.forms.iter_mut().find(|f| f.form == ControlledForm::SurveyForm).unwrap();
    (f.code, f.issued_on, f.issue, f.revision) = (code.into(), issued_on.map(Into::into), issue, revision);
    l.save_document_control(&dc).unwrap();
}

#[test]
fn a_rounds_forms_keep_the_document_control_and_the_boxes_of_its_first_print() {
    let dir = temp_dir();
    let mut l = ledger(&dir);
    // The office's control data, set before the round's first print, is what its forms carry.
    set_survey_form_control(&mut l, "BM.QT.UBND.05-02", Some("2026-02-01"), 2, 1);
    let r = round(&mut l, "bm-qt-sct-05-02");
    let first = Pdf::new(&l.print_survey_round(&r, 1).unwrap()).text(Some((1, 1)));
    for line in ["Mã hiệu: BM.QT.UBND.05-02", "Ngày ban hành: 01/02/2026", "Lần ban hành: 02", "Lần sửa đổi: 01"] {
        assert!(first.contains(line), "{line} missing from the form:\n{first}");
    }
    let layout = l.survey_layout(&r).unwrap().expect("fixed at the first print");

    // Settings changed in the middle of the round: its next forms still carry what its first
    // print fixed, with the boxes where they were, so that every form of the round reads alike.
    set_survey_form_control(&mut l, "BM.QT.UBND.05-02", None, 3, 0);
    let more = Pdf::new(&l.print_survey_round(&r, 1).unwrap()).text(Some((1, 1)));
    assert!(more.contains("Số phiếu: 00002") && more.contains("Lần sửa đổi: 01") && more.contains("Ngày ban hành: 01/02/2026"), "{more}");
    assert!(!more.contains("Lần ban hành: 03"), "{more}");
    assert_eq!(l.survey_layout(&r).unwrap().as_ref(), Some(&layout));

    // A new round takes the settings of its own first print.
    let r2 = round(&mut l, "bm-qt-sct-05-02");
    let next = Pdf::new(&l.print_survey_round(&r2, 1).unwrap()).text(Some((1, 1)));
    assert!(next.contains("Lần ban hành: 03") && next.contains("Lần sửa đổi: 00") && !next.contains("Ngày ban hành"), "{next}");

    // A renamed office would move the boxes of the round's forms: more forms are refused, in
    // Vietnamese, and no serial is used up.
    let mut office = l.office().unwrap().unwrap();
    office.name = "Trung tâm Phục vụ hành chính công và Kiểm soát thủ tục hành chính tỉnh Đắk Lắk".into();
    l.save_office(&office).unwrap();
    let range = l.survey_round(&r).unwrap().serial_range;
    let err = l.print_survey_round(&r, 1).unwrap_err().to_string();
    assert!(err.contains("Hãy mở một đợt khảo sát mới"), "{err}");
    assert_eq!(l.survey_round(&r).unwrap().serial_range, range);
    assert_eq!(l.survey_layout(&r).unwrap().as_ref(), Some(&layout), "the round's boxes stay those of its forms");
}

#[test]
fn a_template_the_office_designed_prints_its_own_code_and_issue() {
    let dir = temp_dir();
    let mut l = ledger(&dir);
    set_survey_form_control(&mut l, "BM.QT.UBND.05-02", None, 4, 2);
    l.save_survey_template(&own_template()).unwrap();
    let r = round(&mut l, "ks-tp-01");
    let text = Pdf::new(&l.print_survey_round(&r, 1).unwrap()).text(Some((1, 1)));
    let own = own_template();
    assert!(text.contains(&format!("Mã hiệu: {}", own.code)) && text.contains(&format!("Lần ban hành: {:02}", own.version)), "{text}");
    assert!(!text.contains("BM.QT.UBND.05-02") && !text.contains("Lần sửa đổi"), "{text}");
}
