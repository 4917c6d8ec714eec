//! The records screen in the real window: an old TCVN3 ledger previewed with its text
//! converted and imported; a ledger with a broken line refused with the line named; a
//! backup made into the chosen folder; after the file is damaged, the start screen
//! offering the newest good backup and restoring it; and the cases and survey forms past
//! their retention period listed, their disposal asked for, and the setting that explains
//! two or three years for survey forms.

use crate::harness::App;
use std::path::Path;
use ykien::{FeedbackFilter, Ledger};

/// A committed old ledger, copied into a folder named as on a clerk's PC (Vietnamese, with
/// spaces): the path typed into the window is that copy's.
fn fixture(dir: &Path, name: &str) -> String {
    let folder = dir.join("Tài liệu").join("Sổ cũ năm 2019");
    std::fs::create_dir_all(&folder).unwrap();
    let copy = folder.join(name);
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/records").join(name), &copy).unwrap();
    copy.display().to_string()
}

fn office_db(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("ykien.db");
    let mut l = Ledger::open(&db).unwrap();
    l.save_office(&ykien::demo::demo_office()).unwrap();
    db
}

#[tokio::test(flavor = "multi_thread")]
async fn an_old_tcvn3_ledger_is_previewed_converted_and_imported() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = office_db(dir.path());
    let app = App::launch(&db).await;
    app.wait_for("#main-shell").await;
    app.click("[data-nav=\"records\"]").await;

    // A ledger with a broken line: the line and column are named and nothing can be imported.
    app.type_into("#import-path", &fixture(dir.path(), "so-co-dong-loi.ods")).await;
    app.click("#import-read").await;
    app.wait_for_text("#import-rows", "Dòng 8, cột «Ngày tháng tiếp nhận»").await;
    app.wait_for_text("#import-summary", "2 dòng lỗi").await;
    assert!(app.client.find(fantoccini::Locator::Css("#import-commit")).await.is_err(), "no import while a line is broken");
    app.screenshot("records-import-errors").await;

    app.type_into("#import-path", &fixture(dir.path(), "so-tcvn3.xls")).await;
    app.click("#import-read").await;
    app.wait_for_text("#import-encoding", "TCVN3").await;
    app.wait_for_text("#import-rows", "Nguyễn Văn An").await;
    app.wait_for_text("#import-rows", "Thái độ phục vụ của cán bộ một cửa chưa niềm nở").await;
    // Each converted cell is listed with what the file held.
    app.click("#import-conversions summary").await;
    app.wait_for_text("#import-conversions", "NguyÔn V¨n An").await;
    app.screenshot("records-import-preview").await;
    app.click("#import-commit").await;
    app.wait_for_text("#import-summary", "Đã nhập: 2 dòng mới").await;
    app.quit().await;

    let l = Ledger::open(&db).unwrap();
    let rows = l.feedback(&FeedbackFilter::default()).unwrap().rows;
    let names: Vec<&str> = rows.iter().map(|r| r.customer_name.as_str()).collect();
    assert_eq!(names, ["Trần Thị Bích Ngọc", "Nguyễn Văn An"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_is_made_and_a_damaged_database_is_restored_from_it() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("ykien.db");
    {
        let mut l = Ledger::open(&db).unwrap();
        ykien::demo::fill(&mut l).unwrap();
    }
    let folder = dir.path().join("USB").join("Sao lưu");
    let app = App::launch(&db).await;
    app.wait_for("#main-shell").await;
    app.click("[data-nav=\"records\"]").await;
    app.click("#records-tab-backup").await;
    app.type_into("#backup-folder", &folder.display().to_string()).await;
    app.click("#backup-save").await;
    // The backup goes to the folder just saved: it starts once the save is done.
    app.wait_for_text(".statusbar", "Đã lưu.").await;
    app.click("#backup-now").await;
    app.wait_for_text("#backup-note", "Đã sao lưu và kiểm tra").await;
    app.wait_for("#backup-list tbody tr").await;
    app.screenshot("records-backup").await;
    app.quit().await;
    let backups = ykien::store::backup::list(&folder).unwrap();
    assert!(!backups.is_empty());

    // Damage the database in the middle: the start-up check finds it.
    let mut bytes = std::fs::read(&db).unwrap();
    let n = bytes.len();
    for b in &mut bytes[n / 2..n / 2 + 16 * 4096] {
        *b = 0xA5;
    }
    std::fs::write(&db, &bytes).unwrap();
    let _ = std::fs::remove_file(dir.path().join("ykien.db-wal"));

    let app = App::launch(&db).await;
    app.wait_for("#open-error-recovery").await;
    app.wait_for_text("#open-error-recovery", &backups[0].file_name).await;
    app.screenshot("records-recovery-offer").await;
    app.click("#open-error-restore").await;
    app.wait_for("#main-shell").await;
    app.quit().await;
    let l = Ledger::open(&db).unwrap();
    assert!(l.check().unwrap().ok);
    assert!(l.feedback(&FeedbackFilter::default()).unwrap().total > 100);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_records_due_for_disposal_are_listed_without_personal_data() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("ykien.db");
    {
        let mut l = Ledger::open(&db).unwrap();
        ykien::demo::fill(&mut l).unwrap();
        // Survey forms kept one year: last year's round is due within the two years below.
        l.save_settings(&ykien::Settings { survey_retention_years: 1, ..l.settings().unwrap() }).unwrap();
    }
    let on = (chrono::Local::now().date_naive() + chrono::Duration::days(365 * 2)).format("%d/%m/%Y").to_string();
    let due = Ledger::open(&db).unwrap().retention_due(&on).unwrap();
    let expected = due.records;
    let forms = due.survey_forms.records;
    assert!(!expected.is_empty());
    assert!(!forms.is_empty());
    let app = App::launch(&db).await;
    app.wait_for("#main-shell").await;
    app.click("[data-nav=\"records\"]").await;
    app.click("#records-tab-retention").await;
    app.type_into("#retention-on", &on).await;
    app.click("#retention-list").await;
    app.wait_for_text("#retention-ledger", &format!("{} hồ sơ đến hạn tiêu huỷ", expected.len())).await;
    app.wait_for_text("#retention-ledger", &expected[0].receipt_no).await;
    // The survey forms beside them, one line a round, nothing written on them shown.
    app.wait_for_text("#retention-surveys", &format!("{} phiếu đến hạn tiêu huỷ", forms.len())).await;
    app.wait_for_text("#retention-surveys", "lưu 1 năm, tính từ ngày kết thúc đợt khảo sát").await;
    app.wait_for_text("#retention-surveys", &forms[0].round_code).await;
    app.wait_for_text("#retention-due", &format!("Đến hạn tiêu huỷ: {} hồ sơ sổ ghi nhận và {} phiếu khảo sát", expected.len(), forms.len()))
        .await;
    app.screenshot("records-retention").await;
    // Disposal asks first, naming both types; cancelled, nothing changes.
    app.click("#retention-dispose").await;
    app.wait_for_text("#confirm-message", &format!("nội dung viết tay (ý kiến, tên người trả lời) của {} phiếu khảo sát", forms.len())).await;
    app.click("#confirm-cancel").await;
    app.client.execute("document.getElementById('retention-surveys').scrollIntoView()", vec![]).await.unwrap();
    app.screenshot("records-retention-surveys").await;
    app.quit().await;
    let after = Ledger::open(&db).unwrap().retention_due(&on).unwrap();
    assert_eq!((after.records.len(), after.survey_forms.records.len()), (expected.len(), forms.len()));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_survey_retention_setting_explains_two_or_three_years() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = office_db(dir.path());
    let app = App::launch(&db).await;
    app.wait_for("#main-shell").await;
    app.click("[data-nav=\"settings\"]").await;
    app.click("[data-tab=\"params\"]").await;
    app.wait_for_text("#settings-survey_retention_years-hint", "HD.07 (UBND huyện Vĩnh Cửu) lưu 2 năm").await;
    app.wait_for_text("#settings-survey_retention_years-hint", "QT.SCT.05 (Sở Công Thương Đắk Lắk) lưu 3 năm").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rounds_survey_forms_and_a_years_figures_are_exported_from_the_window() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("ykien.db");
    let round = {
        let mut l = Ledger::open(&db).unwrap();
        ykien::demo::fill(&mut l).unwrap();
        let rounds = l.survey_rounds().unwrap();
        rounds.into_iter().next().expect("the demo office has a survey round")
    };
    let app = App::launch(&db).await;
    app.wait_for("#main-shell").await;
    app.click("[data-nav=\"records\"]").await;
    app.click("#records-tab-export").await;
    app.wait_for("#export-figures-card").await;
    app.wait_for_text("#export-round", &round.code).await;

    let forms = dir.path().join("Xuất").join("Phiếu khảo sát.xlsx");
    app.answer_save_dialog(&forms).await;
    app.click("#export-surveys").await;
    let note = app.wait_for_text("#export-figures-note", "Đã xuất").await;
    assert!(note.contains(&round.code), "{note}");
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&forms).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    assert!(sheet.height() > 1, "a header and the forms");

    let figures = dir.path().join("Xuất").join("Số liệu.xlsx");
    app.answer_save_dialog(&figures).await;
    app.click("#export-figures").await;
    app.wait_for_text("#export-figures-note", "số liệu báo cáo năm").await;
    app.screenshot("records-export-figures").await;
    app.quit().await;
    let book: calamine::Xlsx<_> = calamine::open_workbook(&figures).unwrap();
    assert!(!book.sheet_names().is_empty());
}
