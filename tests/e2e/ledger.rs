//! The daily work in the real window: a complaint entered at the front desk goes to a
//! specialist unit, comes back with a solution, the customer agrees, the case is closed,
//! and its receipt slip is printed.

use crate::harness::App;
use ykien::{Ledger, Status};

#[tokio::test(flavor = "multi_thread")]
async fn a_complaint_goes_through_the_specialist_unit_and_is_closed() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("ykien.db");
    {
        let mut l = Ledger::open(&db).unwrap();
        l.save_office(&ykien::demo::demo_office()).unwrap();
        l.save_unit(&ykien::UnitInput { id: None, name: "Phòng Quản lý thương mại".into(), code: "QLTM".into() }).unwrap();
    }

    let app = App::launch(&db).await;
    app.wait_for("#main-shell").await;
    app.click("[data-nav=\"ledger\"]").await;
    app.wait_for("#fb-customer_name").await;
    app.wait_for("#fb-kind").await.select_by_value("complaint").await.unwrap();
    app.wait_for("#fb-subject").await.select_by_value("processing_time").await.unwrap();
    app.type_into("#fb-customer_name", "Lê Thị Thu Trang").await;
    app.type_into("#fb-customer_phone", "0905 111 222").await;
    app.type_into("#fb-content", "Hồ sơ cấp Giấy phép bán lẻ rượu quá hẹn 10 ngày chưa có kết quả").await;
    app.wait_for("#fb-unit").await.select_by_label("Phòng Quản lý thương mại").await.unwrap();
    app.click("#fb-save").await;
    let receipt = app.wait_for_text("#fb-last-receipt", "/").await;
    let receipt = receipt.trim().rsplit(' ').next().unwrap().to_owned();
    assert!(receipt.contains('/'), "receipt shown: {receipt}");

    // Open it from the book.
    app.click("tr[data-case-id] button[data-receipt]").await;
    app.wait_for("#case-view[data-status=\"received\"]").await;
    app.wait_for_text("#case-receipt", &receipt).await;

    for (to, note) in [
        ("specialist", "Ngoài thẩm quyền của bộ phận một cửa"),
        ("solution_feedback", "Phòng QLTM đã thẩm định xong, hẹn trả kết quả ngày mai"),
        ("awaiting_customer", ""),
        ("closed", ""),
    ] {
        // Each move starts once the last one is over: its form closed, the case in its state.
        app.click(&format!("button[data-move-to=\"{to}\"]")).await;
        app.wait_for("#move-note").await;
        if !note.is_empty() {
            app.type_into("#move-note", note).await;
        }
        app.click("#move-confirm").await;
        app.wait_for(&format!("#case-view[data-status=\"{to}\"]")).await;
        app.wait_gone("#move-confirm").await;
    }
    // Received, and the four moves, in the timeline.
    app.wait_for_count("li[data-event]", 5).await;
    app.screenshot("case-closed").await;

    // Its receipt slip, for the citizen: shown in the print preview, and from there written
    // beside the database and handed to the system's viewer.
    app.click("#case-print").await;
    app.wait_for("#preview-pages[data-pages=\"1\"]").await;
    app.click("#preview-open").await;
    let note = app.wait_for("#preview-note").await;
    let printed = note.attr("data-print-path").await.unwrap().expect("the note names the file");
    app.quit().await;
    assert!(printed.starts_with(dir.path().join("Bản in").to_str().unwrap()), "{printed}");
    let text = std::process::Command::new("pdftotext").args([printed.as_str(), "-"]).output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("PHIẾU TIẾP NHẬN Ý KIẾN"), "{text}");
    assert!(text.contains(&format!("Số: {receipt}")), "{text}");
    assert!(text.contains("Lê Thị Thu Trang"), "{text}");

    let l = Ledger::open(&db).unwrap();
    let case = l.case(&l.case_id(&receipt).unwrap()).unwrap();
    assert_eq!(case.status, Status::Closed);
    assert_eq!(case.customer_name, "Lê Thị Thu Trang");
    assert_eq!(case.unit_name.as_deref(), Some("Phòng Quản lý thương mại"));
    let path: Vec<Status> = case.history.iter().map(|e| e.to_status).collect();
    assert_eq!(
        path,
        [Status::Received, Status::Specialist, Status::SolutionFeedback, Status::AwaitingCustomer, Status::Closed]
    );
    assert_eq!(case.history[1].note, "Ngoài thẩm quyền của bộ phận một cửa");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_illegal_or_incomplete_move_is_explained_and_changes_nothing() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("ykien.db");
    let id = {
        let mut l = Ledger::open(&db).unwrap();
        l.save_office(&ykien::demo::demo_office()).unwrap();
        let mut f = crate::sample_complaint();
        f.subject = ykien::Subject::Attitude;
        let c = l.add_feedback(&f).unwrap();
        l.move_case(&c.id, &ykien::MoveInput { to: Status::FrontDesk, note: String::new(), channel: None, staff_id: None, version: None }).unwrap();
        l.move_case(&c.id, &ykien::MoveInput { to: Status::AwaitingCustomer, note: "Đã trả lời".into(), channel: None, staff_id: None, version: None }).unwrap();
        c.id
    };

    let app = App::launch(&db).await;
    app.wait_for("#main-shell").await;
    app.click("[data-nav=\"cases\"]").await;
    app.click("tr[data-case-id] button[data-receipt]").await;
    app.wait_for("#case-view[data-status=\"awaiting_customer\"]").await;
    // Closing an attitude complaint before the talk with the staff member is refused.
    app.wait_for("li[data-requirement][data-done=\"false\"]").await;
    app.click("button[data-move-to=\"closed\"]").await;
    app.click("#move-confirm").await;
    let alert = app.wait_for_text("[role=\"alert\"]", "rút kinh nghiệm").await;
    assert!(alert.contains("đóng"), "{alert}");
    app.quit().await;

    let l = Ledger::open(&db).unwrap();
    assert_eq!(l.case(&id).unwrap().status, Status::AwaitingCustomer);
}

/// The demo office, as a clerk finds it in the morning: the book, and on the navigation the
/// number of cases past their deadline, the same number the core counts.
#[tokio::test(flavor = "multi_thread")]
async fn the_app_opens_on_the_book_with_the_overdue_count() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("ykien.db");
    let (overdue, total) = {
        let mut l = Ledger::open(&db).unwrap();
        ykien::demo::fill(&mut l).unwrap();
        let counts = l.case_counts().unwrap();
        let total = l.feedback(&ykien::FeedbackFilter { limit: Some(0), ..Default::default() }).unwrap().total;
        (counts.overdue, total)
    };
    assert!(overdue > 0, "the demo keeps some cases past their deadline");

    let app = App::launch(&db).await;
    app.wait_for("#main-shell").await;
    let badge = app.wait_for_text("#overdue-badge", "quá hạn").await;
    assert_eq!(badge.trim(), format!("{overdue} hồ sơ quá hạn"));
    app.wait_for("tr[data-case-id]").await;
    app.wait_for_text("#book", &format!("{total} ý kiến")).await;
    app.screenshot("main").await;

    // Accent-free search, as clerks type on a PC without a Vietnamese keyboard.
    let l = Ledger::open(&db).unwrap();
    let any = l.feedback(&ykien::FeedbackFilter { limit: Some(1), ..Default::default() }).unwrap().rows.remove(0);
    let plain: String = ykien::domain::text::fold(&any.customer_name);
    app.type_into("#ledger-search", &plain).await;
    app.wait_for(&format!("tr[data-case-id=\"{}\"]", any.id)).await;
    app.quit().await;
}
