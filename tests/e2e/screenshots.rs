//! The pictures of the README and of the user guide (docs/huong-dan-su-dung.md), taken in the
//! real window on the demo office. The other end-to-end tests take the pictures of the screens
//! they check (sign-in, backups, reports…); this walk takes those of the pages no test stops
//! on: the book, the queue, a case, the setup tabs. Every picture lands in
//! [`crate::harness::screenshot_dir`]; to refresh the ones under docs/, run the suite with
//! `YKIEN_SCREENSHOTS=docs` (see docs/huong-dan-su-dung.md, «Ảnh minh hoạ»).

use crate::harness::{screenshot_dir, App};
use std::path::Path;
use ykien::Ledger;

/// The names this walk writes (under the screenshot folder, `.png` added).
const PICTURES: &[&str] = &[
    "guide/cai-dat-co-quan",
    "guide/cai-dat-don-vi",
    "guide/cai-dat-can-bo",
    "guide/ngay-nghi-le",
    "ledger",
    "guide/ghi-so",
    "guide/ghi-so-da-luu",
    "queue",
    "case",
    "guide/chuyen-buoc",
];

#[tokio::test(flavor = "multi_thread")]
async fn the_pages_of_the_guide_are_pictured_on_the_demo_office() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("ykien.db");
    {
        let mut l = Ledger::open(&db).unwrap();
        ykien::demo::fill(&mut l).unwrap();
    }
    // Pictures left by an earlier run must not pass for this run's.
    for name in PICTURES {
        let _ = std::fs::remove_file(screenshot_dir().join(format!("{name}.png")));
    }

    let app = App::launch(&db).await;
    app.wait_for("#main-shell").await;

    // Setting up: the office, its units, its staff, its days off.
    app.click("[data-nav=\"settings\"]").await;
    app.click("[data-tab=\"office\"]").await;
    app.wait_for("#office-name").await;
    app.screenshot("guide/cai-dat-co-quan").await;
    app.click("[data-tab=\"units\"]").await;
    app.wait_for("tr[data-unit-id]").await;
    app.screenshot("guide/cai-dat-don-vi").await;
    app.click("[data-tab=\"staff\"]").await;
    app.wait_for("tr[data-staff-id]").await;
    app.screenshot("guide/cai-dat-can-bo").await;
    app.click("[data-tab=\"params\"]").await;
    // Next year's New Year and National Day, as an office enters them from the yearly notice.
    let next = chrono::Datelike::year(&chrono::Local::now()) + 1;
    for (day, name) in [(format!("01/01/{next}"), "Tết Dương lịch"), (format!("02/09/{next}"), "Quốc khánh")] {
        app.type_into("#holiday-day", &day).await;
        app.type_into("#holiday-name", name).await;
        app.click("#holiday-add").await;
        app.wait_for_text("#holidays", name).await;
    }
    app.wait_for_count("tr[data-holiday]", 2).await;
    scroll_to(&app, "holidays").await;
    app.screenshot("guide/ngay-nghi-le").await;

    // The day's entry in the book: the form filled in, then the receipt number it gave.
    app.click("[data-nav=\"ledger\"]").await;
    app.wait_for("#book tr[data-case-id]").await;
    scroll_to(&app, "book").await;
    app.screenshot("ledger").await;
    scroll_to(&app, "entry-title").await;
    app.wait_for("#fb-kind").await.select_by_value("complaint").await.unwrap();
    app.wait_for("#fb-subject").await.select_by_value("processing_time").await.unwrap();
    app.type_into("#fb-customer_name", "Lê Thị Thu Trang").await;
    app.type_into("#fb-customer_phone", "0905 111 222").await;
    app.type_into("#fb-content", "Hồ sơ cấp Giấy phép bán lẻ rượu quá hẹn 10 ngày chưa có kết quả").await;
    app.screenshot("guide/ghi-so").await;
    app.click("#fb-save").await;
    let line = app.wait_for_text("#fb-last-receipt", "/").await;
    let receipt = line.trim().rsplit(' ').next().unwrap().to_owned();
    app.screenshot("guide/ghi-so-da-luu").await;

    // Handling it: the queue, the case just entered, and the form of its next step.
    app.click("[data-nav=\"cases\"]").await;
    app.wait_for(".queue tr[data-case-id] button[data-receipt]").await;
    app.screenshot("queue").await;
    app.click("[data-nav=\"ledger\"]").await;
    app.click(&format!("button[data-receipt=\"{receipt}\"]")).await;
    app.wait_for("#case-view[data-status=\"received\"]").await;
    scroll_to(&app, "case-view").await;
    app.screenshot("case").await;
    app.click("button[data-move-to=\"specialist\"]").await;
    app.type_into("#move-note", "Ngoài thẩm quyền của bộ phận một cửa, chuyển Phòng Quản lý thương mại").await;
    app.screenshot("guide/chuyen-buoc").await;
    app.quit().await;

    for name in PICTURES {
        let path = screenshot_dir().join(format!("{name}.png"));
        let png = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(png.len() > 10_000, "{} is too small to show a page", path.display());
    }
}

/// Brings an element to the top of the page's scrolling area, the window itself unscrolled
/// (scrolling into view moves every scrollable ancestor, the document included, which would
/// push the title bar out of the picture).
async fn scroll_to(app: &App, id: &str) {
    let script = "document.getElementById(arguments[0]).scrollIntoView();
                  document.scrollingElement.scrollTop = 0;";
    app.client.execute(script, vec![id.into()]).await.unwrap();
}

/// Every picture the end-to-end tests take is one a document shows: a name changed in a test
/// (or a link dropped from a document) leaves no picture unused and no link broken.
#[test]
fn every_picture_taken_is_linked_from_the_docs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs = std::fs::read_to_string(root.join("README.md")).unwrap();
    let mut folders = vec![root.join("docs")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                docs.push_str(&std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut taken = Vec::new();
    for entry in std::fs::read_dir(root.join("tests/e2e")).unwrap() {
        let source = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let mut rest = source.as_str();
        while let Some(at) = rest.find("screenshot(\"") {
            rest = &rest[at + "screenshot(\"".len()..];
            let name = &rest[..rest.find('"').unwrap()];
            taken.push(name.to_owned());
        }
    }
    assert!(taken.len() > 20, "the pictures are found in the tests: {taken:?}");
    // A link names the file from the README (docs/x.png), from docs/ (x.png, guide/x.png) or
    // from the guide's folder: its file name is what a link always holds.
    let unlinked: Vec<&String> = taken
        .iter()
        .filter(|name| {
            let file = format!("{}.png", name.rsplit('/').next().unwrap());
            !docs.contains(&format!("/{file}")) && !docs.contains(&format!("({file}"))
        })
        .collect();
    assert!(unlinked.is_empty(), "pictures no document shows: {unlinked:?}");
}
