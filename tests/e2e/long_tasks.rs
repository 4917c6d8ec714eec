//! Long tasks run apart from the window's other work: while a district's year of cases is
//! exported, the book is searched and answers; the export then completes. And the task bar's
//! Cancel still stops such an export, leaving no file behind.
//!
//! The export runs on a connection of its own (the command table marks it `apart`). Were it
//! to hold the window's connection instead, the search below would only answer once the
//! export had written its file, and the first test fails. A debug build takes several
//! seconds to export 5,000 cases with their history, far longer than a search takes.

use crate::harness::App;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};
use ykien::demo::scale::{self, Scale};
use ykien::{FeedbackFilter, Ledger};

/// A district office's year (5,000 cases, 2,000 survey forms), made once a run for the tests
/// of this module (some twenty seconds in a debug build) and each test works on a copy. It
/// is made afresh under target/ rather than in a temporary folder, which nothing would
/// remove after the last test.
fn district_db() -> &'static Path {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-long-tasks");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let db = dir.join("huyen.db");
        let mut l = Ledger::open(&db).unwrap();
        let made = scale::fill(&mut l, Scale::District, 1, &|_, _, _| {}).unwrap();
        assert_eq!(made.cases, Scale::District.cases());
        db
    })
}

fn copy_of_district(dir: &Path) -> PathBuf {
    let db = dir.join("ykien.db");
    // One file: the ledger that made it is closed, its journal folded back in.
    std::fs::copy(district_db(), &db).unwrap();
    db
}

/// The hidden name an export writes to before renaming it (see `export::atomically`).
fn partial(out: &Path) -> PathBuf {
    out.with_file_name(format!(".{}.partial", out.file_name().unwrap().to_string_lossy()))
}

/// Waits for the export's file: written by the app, outside the window.
async fn wait_for_file(path: &Path) {
    let deadline = Instant::now() + Duration::from_secs(180);
    while !path.exists() {
        assert!(Instant::now() < deadline, "{} was never written", path.display());
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Opens Lưu trữ › Xuất dữ liệu, chooses the cases with their history, answers the save
/// dialog with `out` and starts the export; returns once the task bar shows.
async fn start_cases_export(app: &App, out: &Path) {
    app.click("[data-nav=\"records\"]").await;
    app.click("#records-tab-export").await;
    app.click("input[name=\"export-what\"][value=\"cases\"]").await;
    app.click("input[name=\"export-format\"][value=\"xlsx\"]").await;
    app.answer_save_dialog(out).await;
    app.click("#export-run").await;
    app.wait_for_text("#task-export", "Đang xuất").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_book_is_searched_while_a_large_export_runs() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = copy_of_district(dir.path());
    let out = dir.path().join("Xuất").join("Ho-so-xu-ly.xlsx");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();

    // The oldest case: far from the first page of the book, found only by the search.
    let (wanted, total) = {
        let l = Ledger::open(&db).unwrap();
        let total = l.feedback(&FeedbackFilter { limit: Some(0), ..Default::default() }).unwrap().total;
        let oldest = l.feedback(&FeedbackFilter { limit: Some(1), offset: Some(total as u32 - 1), ..Default::default() }).unwrap();
        (oldest.rows[0].clone(), total)
    };
    assert_eq!(total as usize, Scale::District.cases());
    let found = Ledger::open(&db)
        .unwrap()
        .feedback(&FeedbackFilter { search: Some(wanted.receipt_no.clone()), ..Default::default() })
        .unwrap()
        .total;
    assert!((1..=20).contains(&found), "a receipt number finds a few cases, all on one page: {found}");

    let app = App::launch(&db).await;
    app.wait_for("#main-shell").await;
    let started = Instant::now();
    start_cases_export(&app, &out).await;

    // The book, while the export runs: its first page, then the search's answer.
    app.click("[data-nav=\"ledger\"]").await;
    app.wait_for("tr[data-case-id]").await;
    let row = format!("tr[data-case-id=\"{}\"]", wanted.id);
    assert!(app.client.find(fantoccini::Locator::Css(&row)).await.is_err(), "the oldest case is not on the book's first page");
    app.type_into("#ledger-search", &wanted.receipt_no).await;
    app.wait_for(&row).await;
    app.wait_for_count("tr[data-case-id]", found as usize).await;
    // The search answered before the export was done: its file is not there yet.
    assert!(!out.exists(), "the export had already finished when the search answered: it held up the book");
    let answered = started.elapsed();

    // The export goes on to the end, its file complete.
    wait_for_file(&out).await;
    // The margin, for whoever reads the log; never asserted.
    eprintln!("search answered {:.1} s after the export started; the export took {:.1} s", answered.as_secs_f32(), started.elapsed().as_secs_f32());
    assert!(!partial(&out).exists());
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"), "an .xlsx is a zip file");
    assert!(bytes.len() > 100_000, "5,000 cases with their history: {} bytes", bytes.len());
    app.quit().await;

    // Read back by a reader that is not ours: the book's sheet holds every case, the
    // searched one among them, and the history sheet follows.
    let script = "import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
book = wb.worksheets[0]
cells = [str(v) for row in book.iter_rows(values_only=True) for v in row if v is not None]
print(json.dumps({'sheets': len(wb.worksheets), 'rows': book.max_row, 'found': sys.argv[2] in cells}))";
    let read = std::process::Command::new("python3").args(["-c", script, out.to_str().unwrap(), &wanted.receipt_no]).output().unwrap();
    assert!(read.status.success(), "openpyxl could not read the export ({}): `cargo xtask test` installs it", String::from_utf8_lossy(&read.stderr));
    let read: serde_json::Value = serde_json::from_slice(&read.stdout).unwrap();
    assert_eq!(read["sheets"], 2, "{read}");
    assert!(read["rows"].as_u64().unwrap() > total as u64, "every case and a header: {read}");
    assert_eq!(read["found"], true, "{read}");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_task_bar_cancels_a_large_export() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = copy_of_district(dir.path());
    let out = dir.path().join("Ho-so-xu-ly.xlsx");

    let app = App::launch(&db).await;
    app.wait_for("#main-shell").await;
    start_cases_export(&app, &out).await;
    app.click("#task-export-cancel").await;
    app.wait_for_text("[role=\"alert\"]", "Đã huỷ theo yêu cầu; dữ liệu không thay đổi.").await;
    app.wait_gone("#task-export").await;
    // The export button is free again once the task has ended.
    assert!(app.wait_for("#export-run").await.is_enabled().await.unwrap());
    app.quit().await;
    assert!(!out.exists(), "a cancelled export leaves no file");
    assert!(!partial(&out).exists(), "nor a half-written one");
}
