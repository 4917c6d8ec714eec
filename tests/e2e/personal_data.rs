//! Personal data in the real window: a clerk opens a case, its contact details masked,
//! shows them with «Xem thông tin liên hệ», and the audit log names the clerk; the
//! administrator finds a person in «Dữ liệu cá nhân», picks their closed case and erases it
//! on request, and the book marks the line.

use crate::harness::App;
use ykien::{AccountInput, FeedbackInput, Ledger, Role, StaffInput, Status};

const PASSWORD: &str = "mật khẩu dài cho thử nghiệm";
const PHONE: &str = "0905 111 222";

fn feedback(received: &str, name: &str, phone: &str, content: &str) -> FeedbackInput {
    FeedbackInput {
        received_at: received.into(),
        channel: ykien::Channel::InPerson,
        kind: ykien::Kind::Reflection,
        subject: ykien::Subject::Procedure,
        book: ykien::Book::Feedback,
        customer_name: name.into(),
        customer_org: String::new(),
        customer_address: "Tổ 7, khu phố Bình Minh".into(),
        customer_phone: phone.into(),
        customer_email: "an.nguyen@gmail.com".into(),
        customer_group: ykien::CustomerGroup::FirstTime,
        content: content.into(),
        receiver_id: None,
        unit_id: None,
        written: false,
        formal: false,
        settled_on_spot: None,
    }
}

/// An office with two cases of Nguyễn Văn An (one open, one settled on the spot), a
/// namesake's, and the accounts `quantri` (administrator) and `tiepnhan` (reception).
fn office(db: &std::path::Path) -> String {
    let mut l = Ledger::open(db).unwrap();
    l.save_office(&ykien::demo::demo_office()).unwrap();
    let today = chrono::Local::now().date_naive();
    let day = |n: i64| (today - chrono::Duration::days(n)).format("%Y-%m-%dT09:30").to_string();
    let mut settled = feedback(&day(20), "Nguyễn Văn An", "+84 905 111 222", "Đề nghị niêm yết lệ phí tại quầy");
    settled.settled_on_spot = Some("Đã hướng dẫn".into());
    l.add_feedback(&settled).unwrap();
    let open = l.add_feedback(&feedback(&day(2), "Nguyễn Văn An", PHONE, "Hồ sơ bị trả lại mà không rõ lý do")).unwrap();
    l.add_feedback(&feedback(&day(1), "Nguyễn Văn Ân", "0912 000 333", "Bãi đỗ xe chật")).unwrap();
    let staff = |l: &mut Ledger, name: &str, role: Role| {
        l.save_staff(&StaffInput { id: None, full_name: name.into(), title: String::new(), unit_id: None, role, phone: String::new(), email: String::new() })
            .unwrap()
            .id
    };
    let admin = staff(&mut l, "Phạm Thị Lan", Role::Administrator);
    let clerk = staff(&mut l, "Nguyễn Thị Thanh Hương", Role::Reception);
    l.create_account(&AccountInput { staff_id: admin, login: "quantri".into(), password: PASSWORD.into() }).unwrap();
    l.sign_in("quantri", PASSWORD).unwrap();
    l.create_account(&AccountInput { staff_id: clerk, login: "tiepnhan".into(), password: "mat-khau-tam".into() }).unwrap();
    drop(l);
    let mut l = Ledger::open(db).unwrap();
    l.sign_in("tiepnhan", "mat-khau-tam").unwrap();
    l.change_password("mat-khau-tam", PASSWORD).unwrap();
    open.id
}

async fn sign_in(app: &App, login: &str) {
    app.wait_for("#signin").await;
    app.type_into("#signin-login", login).await;
    app.type_into("#signin-password", PASSWORD).await;
    app.click("#signin-submit").await;
    app.wait_for("#main-shell").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_clerk_shows_a_contact_and_the_audit_log_names_her() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("ykien.db");
    let open = office(&db);

    let app = App::launch(&db).await;
    sign_in(&app, "tiepnhan").await;
    app.click("[data-nav=\"cases\"]").await;
    app.click(&format!("tr[data-case-id=\"{open}\"] button[data-receipt]")).await;
    app.wait_for("#case-view").await;
    // Masked: the last three digits tell two callers apart, nothing more.
    let masked = app.wait_for_text("#case-contact-phone", "222").await;
    assert!(!masked.contains("0905"), "{masked}");
    assert!(!app.body_text().await.contains("an.nguyen@gmail.com"));
    app.screenshot("case-contact-masked").await;
    app.click("#case-contact-reveal").await;
    app.wait_for_text("#case-contact-phone", PHONE).await;
    app.wait_for_text("#case-contact-email", "an.nguyen@gmail.com").await;
    app.wait_for_text("#case-contact-logged", "Đã ghi vào nhật ký").await;
    app.quit().await;

    // The administrator reads the entry in the audit log: who, which case; not the number.
    let app = App::launch(&db).await;
    sign_in(&app, "quantri").await;
    app.click("[data-nav=\"settings\"]").await;
    app.click("[data-tab=\"audit\"]").await;
    let line = app.wait_for_text("tr[data-audit-seq]", "Xem thông tin liên hệ của hồ sơ").await;
    assert!(line.contains("tiepnhan (Nguyễn Thị Thanh Hương)") && !line.contains("0905"), "{line}");
    app.quit().await;
    let mut l = Ledger::open(&db).unwrap();
    l.sign_in("quantri", PASSWORD).unwrap();
    let entry = l.audit_log(10).unwrap().into_iter().find(|e| e.entity == "contact_view").expect("logged");
    assert_eq!((entry.actor.as_str(), entry.entity_id.as_str()), ("tiepnhan (Nguyễn Thị Thanh Hương)", open.as_str()));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_administrator_erases_a_persons_closed_case_on_request() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("ykien.db");
    office(&db);

    let app = App::launch(&db).await;
    sign_in(&app, "quantri").await;
    app.click("[data-nav=\"records\"]").await;
    app.click("#records-tab-personal").await;
    app.type_into("#person-name", "nguyen van an").await;
    app.click("#person-find").await;
    app.wait_for_text("#person-matches", "Tìm thấy 3 hồ sơ, phiếu").await;
    // The namesake is listed too, to be left unticked; the open case is marked.
    app.wait_for_text("#person-matches", "Nguyễn Văn Ân").await;
    app.wait_for_text("#person-matches", "Đang giải quyết").await;
    // The rows come newest first: the namesake's, An's open case, An's settled one.
    app.click("#person-pick-2").await;
    app.wait_for_text("#person-picked", "Đã chọn 1 hồ sơ").await;
    app.click("#person-erase-open").await;
    app.type_into("#person-reference", "Đơn đề nghị xoá dữ liệu của ông Nguyễn Văn An").await;
    app.screenshot("records-personal-data").await;
    app.click("#person-erase").await;
    app.wait_for_text("#confirm-message", "không hoàn tác được").await;
    app.click("#confirm-ok").await;
    let note = app.wait_for_text("#person-note", "Đã xoá dữ liệu cá nhân theo yêu cầu").await;
    assert!(note.contains("«[đã xoá theo yêu cầu]»"), "{note}");
    app.quit().await;

    let mut l = Ledger::open(&db).unwrap();
    l.sign_in("quantri", PASSWORD).unwrap();
    let rows = l.feedback(&ykien::FeedbackFilter::default()).unwrap().rows;
    let marked: Vec<_> = rows.iter().filter(|r| r.customer_name == "[đã xoá theo yêu cầu]").collect();
    assert_eq!(marked.len(), 1);
    assert_eq!(marked[0].status, Status::Closed);
    assert_eq!(rows.iter().filter(|r| r.customer_name == "Nguyễn Văn An").count(), 1, "the open case is kept");
    assert!(l.check().unwrap().ok);
}
