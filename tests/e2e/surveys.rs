//! Paper surveys in the real window: printing numbered forms; entering returned forms from
//! the keyboard alone, three of them (one with two boxes ticked on a row, one scanned), a
//! serial entered twice refused at once, then the forms found in the round's list and in the
//! database; and an office's own 5-level template made in the editor.

use crate::harness::App;
use fantoccini::key::Key;
use ykien::{AnswerState, Ledger, RoundInput};

fn enter() -> String {
    char::from(Key::Enter).to_string()
}

/// Keys typed where the focus is (the answer grid after the serial), one by one as a
/// clerk types them.
async fn press(app: &App, keys: &str) {
    let focused = app.client.active_element().await.unwrap();
    focused.send_keys(keys).await.unwrap_or_else(|e| panic!("typing {keys:?}: {e}"));
}

#[tokio::test(flavor = "multi_thread")]
async fn three_forms_are_entered_by_keyboard_alone_and_found_in_the_round() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("ykien.db");
    let round_code = {
        let mut l = Ledger::open(&db).unwrap();
        l.save_office(&ykien::demo::demo_office()).unwrap();
        let r = l
            .create_survey_round(&RoundInput {
                name: "Khảo sát năm 2026".into(),
                period_from: "2026-01-01".into(),
                period_to: "2026-12-31".into(),
                template_key: "bm-qt-sct-05-02".into(),
            })
            .unwrap();
        l.print_survey_round(&r.id, 20).unwrap();
        r.code
    };

    // Where the app writes what it prints: beside the database.
    let printed_dir = dir.path().join("Bản in");
    let app = App::launch(&db).await;
    app.wait_for("#main-shell").await;
    app.click("[data-nav=\"surveys\"]").await;
    app.wait_for(&format!("tr[data-round=\"{round_code}\"]")).await;

    // Three more forms printed from the window: serials 00021–00023, in one PDF.
    app.click(&format!("button[data-print=\"{round_code}\"]")).await;
    app.type_into("#print-count", "3").await;
    app.click("#print-go").await;
    let shown = app.wait_for_text("#print-path", "phieu-khao-sat-").await;
    let written = app.wait_for("#print-path").await.attr("data-print-path").await.unwrap().expect("the path is given");
    let pdf = printed_dir.join(format!("phieu-khao-sat-{round_code}-00021-00023.pdf"));
    assert!(shown.contains(pdf.file_name().unwrap().to_str().unwrap()), "{shown}");
    assert_eq!(std::path::Path::new(&written), pdf);
    let text = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    for serial in ["00021", "00022", "00023"] {
        assert!(text.contains(&format!("Số phiếu: {serial}")), "{serial} missing");
    }
    app.screenshot("survey-rounds").await;
    app.click(&format!("button[data-enter=\"{round_code}\"]")).await;
    app.wait_for_text("#se-count", "0").await;

    // Form 1: the serial, Enter, ten answers, Enter.
    app.type_into("#se-serial", &format!("1{}", enter())).await;
    app.wait_for("#survey-entry[data-phase=\"answers\"]").await;
    press(&app, "1011122111").await;
    press(&app, &enter()).await;
    app.wait_for_text("#se-last", "00001").await;

    // Form 2: two boxes ticked on "Lắng nghe ý kiến" (the "." key).
    app.type_into("#se-serial", &format!("2{}", enter())).await;
    app.wait_for("#survey-entry[data-phase=\"answers\"]").await;
    press(&app, "101.112121").await;
    press(&app, &enter()).await;
    app.wait_for_text("#se-last", "00002").await;

    // The same serial again is refused before any answer is keyed.
    app.type_into("#se-serial", &format!("2{}", enter())).await;
    app.wait_for_text("#se-serial-error", "Phiếu số 00002 đã được nhập rồi").await;
    assert_eq!(app.wait_for("#survey-entry").await.attr("data-phase").await.unwrap().as_deref(), Some("serial"));

    // Form 3: "Có" on question 2 opens its follow-up, answered "b. Một số lần"; Enter with
    // one answer missing is flagged, the row highlighted; the last key completes the form.
    // Scanned this time: the USB scanner types the QR code's text and Enter.
    app.type_into("#se-serial", &format!("YK1/{round_code}/3/bm-qt-sct-05-02/1/1{}", enter())).await;
    app.wait_for("#survey-entry[data-phase=\"answers\"]").await;
    press(&app, "01222212").await;
    app.wait_for(".row.current[data-slot=\"cau_3\"]").await;
    press(&app, "22").await;
    app.wait_for(".row.current[data-slot=\"cau_5\"]").await;
    app.screenshot("survey-entry").await;
    press(&app, &enter()).await;
    app.wait_for_text(".alert", "Chưa nhập câu trả lời cho «Câu hỏi 5: Mức độ hài lòng»").await;
    press(&app, "2").await;
    press(&app, &enter()).await;
    app.wait_for_text("#se-last", "00003").await;
    app.wait_for_text("#se-count", "3").await;

    // In the round's list.
    app.click("#se-back").await;
    app.click(&format!("button[data-forms=\"{round_code}\"]")).await;
    app.wait_for("tr[data-serial=\"3\"]").await;
    let rows = app.client.find_all(fantoccini::Locator::Css("#forms-table tbody tr")).await.unwrap();
    assert_eq!(rows.len(), 3);
    let second = app.wait_for("tr[data-serial=\"2\"] .digits").await.text().await.unwrap();
    assert_eq!(second, "1 0 1 × 1 1 2 1 2 1");
    app.screenshot("survey-forms").await;
    app.quit().await;

    let l = Ledger::open(&db).unwrap();
    let forms = l.survey_responses(&round_code).unwrap();
    assert_eq!(forms.iter().map(|f| f.serial).collect::<Vec<_>>(), [1, 2, 3]);
    let spoiled = forms[1].answers.iter().find(|a| a.code == "cau_1.2").unwrap();
    assert_eq!(spoiled.state, AnswerState::Spoiled);
    assert!(forms[2].answers.iter().any(|a| a.code == "cau_2.follow_up" && a.value == Some(2)));
    assert_eq!(forms[0].filled_on, l.today().to_string(), "the day of entry by default");
    // Keys counted by the entry screen: the serial "1", Enter, ten answers, Enter.
    assert_eq!(forms[0].keystrokes, Some(10 + 3));
    // Scanned serial (one action), 11 answers, the Enter that found one missing, Enter.
    assert_eq!(forms[2].keystrokes, Some(1 + 11 + 1 + 1));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_office_makes_its_own_five_level_template_in_the_editor() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("ykien.db");
    {
        let mut l = Ledger::open(&db).unwrap();
        l.save_office(&ykien::demo::demo_office()).unwrap();
    }
    let app = App::launch(&db).await;
    app.wait_for("#main-shell").await;
    app.click("[data-nav=\"surveys\"]").await;
    app.click("#tab-templates").await;
    app.wait_for("tr[data-template=\"bm-qt-sct-05-02\"]").await;
    app.click("#template-new").await;
    app.wait_for("#template-editor").await;
    app.type_into("#te-code", "KS.PHONG-01").await;
    // One criterion a line; the Enter after the last leaves a blank line.
    app.type_into("#te-crit-1-0", &format!("Thái độ phục vụ{e}Thời gian giải quyết{e}", e = enter())).await;
    app.screenshot("survey-template-editor").await;
    app.click("#template-save").await;
    app.wait_for("tr[data-template=\"ks-phong-01\"][data-version=\"1\"]").await;
    app.quit().await;

    let mut l = Ledger::open(&db).unwrap();
    let info = l.survey_templates().unwrap().into_iter().find(|t| t.key == "ks-phong-01").unwrap();
    let t = l.survey_template(&info.id).unwrap();
    match &t.sections[1].items[0] {
        ykien::domain::survey::SurveyItem::RatingGrid { criteria, scale, .. } => {
            assert_eq!(criteria, &["Thái độ phục vụ", "Thời gian giải quyết"], "the blank last line is dropped");
            assert_eq!(scale.len(), 5);
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_spreadsheet_of_returned_forms_is_checked_then_imported_from_the_window() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("ykien.db");
    let code = {
        let mut l = Ledger::open(&db).unwrap();
        l.save_office(&ykien::demo::demo_office()).unwrap();
        let r = l
            .create_survey_round(&RoundInput {
                name: "Khảo sát quý I".into(),
                period_from: "2026-01-01".into(),
                period_to: "2026-03-31".into(),
                template_key: "bm-qt-sct-05-02".into(),
            })
            .unwrap();
        l.record_survey_forms_numbered(&r.id, 10).unwrap();
        r.code
    };
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/returned-libreoffice.xlsx");

    let app = App::launch(&db).await;
    app.wait_for("#main-shell").await;
    app.click("[data-nav=\"surveys\"]").await;
    app.click(&format!("button[data-import=\"{code}\"]")).await;
    app.wait_for("#import-file").await.send_keys(file.to_str().unwrap()).await.unwrap();
    app.click("#import-check").await;
    app.wait_for_text(".done", "Tệp hợp lệ: 4 phiếu").await;
    app.click("#import-go").await;
    app.wait_for_text(".done", "Đã nhập 4 phiếu").await;
    app.wait_for_text(&format!("tr[data-round=\"{code}\"] td[data-entered]"), "4").await;
    app.quit().await;

    let l = Ledger::open(&db).unwrap();
    assert_eq!(l.survey_responses(&code).unwrap().len(), 4);
}

/// Writes text as Excel saves "CSV (Comma delimited)" on a Windows whose language for
/// non-Unicode programs is Vietnamese: code page 1258, a letter the code page lacks written
/// as its base letter and the tone mark as a combining character.
const WRITE_CP1258: &str = r#"
import sys, unicodedata
TONES = "\u0300\u0301\u0303\u0309\u0323"
out = bytearray()
for ch in sys.argv[2]:
    try:
        out += ch.encode("cp1258")
        continue
    except UnicodeEncodeError:
        pass
    d = unicodedata.normalize("NFD", ch)
    base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
    out += base.encode("cp1258") + "".join(c for c in d if c in TONES).encode("cp1258")
open(sys.argv[1], "wb").write(bytes(out).replace(b"\n", b"\r\n"))
"#;

#[tokio::test(flavor = "multi_thread")]
async fn returns_typed_in_excel_before_the_app_keep_their_numbers_in_a_round_marked_typed_elsewhere() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("ykien.db");
    {
        let mut l = Ledger::open(&db).unwrap();
        l.save_office(&ykien::demo::demo_office()).unwrap();
    }
    let year = chrono::Local::now().format("%Y").to_string();
    let csv = dir.path().join("phieu-da-thu.csv");
    let text = format!(
        "Số phiếu,Ngày,Thái độ giao tiếp,Lắng nghe ý kiến,\"Tận tình, chu đáo\",Tuân thủ đúng quy trình,\"Có gây phiền hà, sách nhiễu\",Câu hỏi 3,Câu hỏi 4,Câu hỏi 5,Câu hỏi 1 Ý kiến khác\n\
         {year}-0001,01/01/{year},Tốt,Tốt,Tốt,Tốt,Không,Tốt,Tốt,Tốt,Cần thêm ghế chờ\n\
         {year}-0002,01/01/{year},Đạt yêu cầu,2,2,2,Không,2,2,2,\n"
    );
    let out = std::process::Command::new("python3").arg("-c").arg(WRITE_CP1258).arg(&csv).arg(&text).output().unwrap();
    assert!(out.status.success(), "{out:?}");

    let app = App::launch(&db).await;
    app.wait_for("#main-shell").await;
    app.click("[data-nav=\"surveys\"]").await;
    app.click("#round-typed-elsewhere").await;
    app.click("#round-create").await;
    let code = format!("{year}-01");
    app.wait_for(&format!("tr[data-round=\"{code}\"] [data-typed-elsewhere]")).await;
    assert!(
        app.client.find_all(fantoccini::Locator::Css(&format!("button[data-print=\"{code}\"]"))).await.unwrap().is_empty(),
        "a round typed elsewhere prints no forms"
    );
    app.click(&format!("button[data-import=\"{code}\"]")).await;
    app.wait_for("#import-file").await.send_keys(csv.to_str().unwrap()).await.unwrap();
    app.click("#import-go").await;
    app.wait_for_text(".done", "Đã nhập 2 phiếu").await;
    app.wait_for_text("#import-code-page", "Windows-1258").await;
    app.screenshot("survey-typed-elsewhere").await;
    app.click(&format!("button[data-forms=\"{code}\"]")).await;
    app.wait_for_text("#forms-table", &format!("{year}-0002")).await;
    app.quit().await;

    let l = Ledger::open(&db).unwrap();
    let forms = l.survey_responses(&code).unwrap();
    let written: Vec<String> = forms.iter().filter_map(|f| f.serial_written.clone()).collect();
    assert_eq!(written, [format!("{year}-0001"), format!("{year}-0002")]);
}
