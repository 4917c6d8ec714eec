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
        l.move_case(&c.id, &ykien::MoveInput { to: Status::FrontDesk, note: String::new(), channel: None, staff_id: None, version: None, unit_id: None, at: None }).unwrap();
        l.move_case(&c.id, &ykien::MoveInput { to: Status::AwaitingCustomer, note: "Đã trả lời".into(), channel: None, staff_id: None, version: None, unit_id: None, at: None }).unwrap();
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

const PASSWORD: &str = "mật khẩu riêng 2026";

/// A small office with the accounts of a clerk (`tiepnhan`) and the head of the Phòng Quản lý
/// thương mại (`truongdonvi`), both with their own passwords already.
fn office_with_accounts(db: &std::path::Path) {
    use ykien::{AccountInput, Role, StaffInput};
    let mut l = Ledger::open(db).unwrap();
    l.save_office(&ykien::demo::demo_office()).unwrap();
    let qltm = l.save_unit(&ykien::UnitInput { id: None, name: "Phòng Quản lý thương mại".into(), code: "QLTM".into() }).unwrap().id;
    let staff = |l: &mut Ledger, name: &str, role: Role, unit: Option<&str>| {
        l.save_staff(&StaffInput {
            id: None,
            full_name: name.into(),
            title: String::new(),
            unit_id: unit.map(str::to_owned),
            role,
            phone: String::new(),
            email: String::new(),
        })
        .unwrap()
        .id
    };
    let admin = staff(&mut l, "Phạm Thị Lan", Role::Administrator, None);
    let clerk = staff(&mut l, "Nguyễn Thị Thanh Hương", Role::Reception, None);
    let head = staff(&mut l, "Trịnh Văn Lộc", Role::UnitHead, Some(&qltm));
    l.create_account(&AccountInput { staff_id: admin, login: "quantri".into(), password: PASSWORD.into() }).unwrap();
    l.sign_in("quantri", PASSWORD).unwrap();
    for (staff_id, login) in [(clerk, "tiepnhan"), (head, "truongdonvi")] {
        l.create_account(&AccountInput { staff_id, login: login.into(), password: "mat-khau-tam".into() }).unwrap();
    }
    for login in ["tiepnhan", "truongdonvi"] {
        l.sign_in(login, "mat-khau-tam").unwrap();
        l.change_password("mat-khau-tam", PASSWORD).unwrap();
    }
}

async fn sign_in(app: &App, login: &str) {
    app.wait_for("#signin").await;
    app.type_into("#signin-login", login).await;
    app.type_into("#signin-password", PASSWORD).await;
    app.click("#signin-submit").await;
    app.wait_for("#main-shell").await;
}

/// A clerk opens the app on the entry form (herself as «Người tiếp nhận»), misspells a name,
/// corrects it the same day with a reason, and forwards the case to a specialist unit; the
/// unit's head opens the app on «Đơn vị của tôi» and finds it there with its notice.
#[tokio::test(flavor = "multi_thread")]
async fn a_clerk_corrects_a_name_and_the_unit_head_finds_the_case_forwarded_to_the_unit() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("ykien.db");
    office_with_accounts(&db);

    let app = App::launch(&db).await;
    sign_in(&app, "tiepnhan").await;
    // The clerk's start: the entry form, herself as the receiver.
    app.wait_for("#fb-customer_name").await;
    let receiver = app.wait_for("#fb-receiver option:checked").await.text().await.unwrap();
    assert!(receiver.contains("Nguyễn Thị Thanh Hương"), "{receiver}");
    app.wait_for("#fb-kind").await.select_by_value("complaint").await.unwrap();
    app.wait_for("#fb-subject").await.select_by_value("processing_time").await.unwrap();
    app.type_into("#fb-customer_name", "Lê Thi Thu Trang").await;
    app.type_into("#fb-content", "Hồ sơ cấp Giấy phép bán lẻ rượu quá hẹn 10 ngày chưa có kết quả").await;
    app.click("#fb-save").await;
    let receipt = app.wait_for_text("#fb-last-receipt", "/").await;
    let receipt = receipt.trim().rsplit(' ').next().unwrap().to_owned();

    // The name corrected the same day, with the reason.
    app.click("tr[data-case-id] button[data-receipt]").await;
    app.wait_for("#case-view[data-status=\"received\"]").await;
    app.click("#fix-open").await;
    let name = app.wait_for("#fix-customer_name").await;
    name.clear().await.unwrap();
    app.type_into("#fix-customer_name", "Lê Thị Thu Trang").await;
    app.type_into("#fix-reason", "Ghi thiếu dấu tên khách hàng").await;
    app.click("#fix-save").await;
    app.wait_for_exact_text("#case-customer", "Lê Thị Thu Trang").await;
    app.wait_for_text("#case-view .timeline", "«Lê Thi Thu Trang» → «Lê Thị Thu Trang»").await;
    app.screenshot("entry-corrected").await;

    // Forwarded to the specialist unit, chosen in the move (its button back in view first:
    // the correction left the page scrolled to its form).
    app.client.execute("document.querySelector('button[data-move-to=\"specialist\"]').scrollIntoView()", vec![]).await.unwrap();
    app.click("button[data-move-to=\"specialist\"]").await;
    app.wait_for("#move-unit").await.select_by_label("Phòng Quản lý thương mại").await.unwrap();
    app.type_into("#move-note", "Ngoài thẩm quyền của bộ phận một cửa").await;
    app.click("#move-confirm").await;
    app.wait_for("#case-view[data-status=\"specialist\"]").await;
    app.wait_gone("#move-confirm").await;
    app.click("#sign-out").await;

    // The unit head's start: «Đơn vị của tôi», the case with its notice.
    sign_in(&app, "truongdonvi").await;
    app.wait_for_text(".queue h1", "Đơn vị của tôi").await;
    app.wait_for(&format!("#unit-arrivals [data-arrival=\"{receipt}\"]")).await;
    app.wait_for_text("#unit-arrivals", "Có 1 hồ sơ mới chuyển đến đơn vị").await;
    app.wait_for_text(".queue table", &receipt).await;
    app.screenshot("unit-start-page").await;
    app.click("#unit-arrivals-seen").await;
    app.wait_gone("#unit-arrivals").await;
    app.quit().await;

    let l = Ledger::open(&db).unwrap();
    let mut l = l;
    l.sign_in("truongdonvi", PASSWORD).unwrap();
    let case = l.case(&l.case_id(&receipt).unwrap()).unwrap();
    assert_eq!(case.customer_name, "Lê Thị Thu Trang");
    assert_eq!(case.status, Status::Specialist);
    assert_eq!(case.unit_name.as_deref(), Some("Phòng Quản lý thương mại"));
    assert_eq!(case.receiver_name.as_deref(), Some("Nguyễn Thị Thanh Hương"));
    let fix = case.history.iter().find(|e| e.what == Some(ykien::EventWhat::Correction)).expect("the correction in the history");
    assert!(fix.note.contains("Lý do: Ghi thiếu dấu tên khách hàng"), "{}", fix.note);
    assert!(fix.actor.starts_with("tiepnhan"), "{}", fix.actor);
}
