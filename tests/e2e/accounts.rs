//! Accounts in the real window: the sign-in screen, a wrong password refused with the tries
//! left, signing in, the idle lock (made short for the test) and unlocking it, and a role
//! refused by the core whatever the window offers.

use crate::harness::App;
use ykien::{AccountInput, Ledger, Role, StaffInput};

const ADMIN_PASSWORD: &str = "mật khẩu quản trị";

/// An office with its administrator's account and a clerk's.
fn office_with_accounts(db: &std::path::Path) {
    let mut l = Ledger::open(db).unwrap();
    l.save_office(&ykien::demo::demo_office()).unwrap();
    let staff = |l: &mut Ledger, name: &str, role: Role| {
        l.save_staff(&StaffInput {
            id: None,
            full_name: name.into(),
            title: String::new(),
            unit_id: None,
            role,
            phone: String::new(),
            email: String::new(),
        })
        .unwrap()
        .id
    };
    let admin = staff(&mut l, "Phạm Thị Lan", Role::Administrator);
    let clerk = staff(&mut l, "Nguyễn Thị Thanh Hương", Role::Reception);
    l.create_account(&AccountInput { staff_id: admin, login: "quantri".into(), password: ADMIN_PASSWORD.into() }).unwrap();
    l.sign_in("quantri", ADMIN_PASSWORD).unwrap();
    l.create_account(&AccountInput { staff_id: clerk, login: "tiepnhan".into(), password: "mat-khau-tam".into() }).unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn sign_in_a_wrong_password_and_the_idle_lock() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("Tài liệu ISO/ykien.db");
    office_with_accounts(&db);

    // The window locks after 5 idle seconds instead of the office's minutes.
    let app = App::launch_with(&db, &[("YKIEN_IDLE_LOCK_SECONDS", "5")]).await;
    app.wait_for("#signin").await;
    app.wait_for_text("#signin-office", "Sở Công Thương tỉnh Đắk Lắk").await;
    assert!(app.client.find(fantoccini::Locator::Css("#main-shell")).await.is_err(), "nothing shows before signing in");

    // A wrong password: refused under the field, with the tries left.
    app.type_into("#signin-login", "quantri").await;
    app.type_into("#signin-password", "sai mật khẩu").await;
    app.click("#signin-submit").await;
    let msg = app.wait_for_text("[data-error-for=\"password\"]", "Mật khẩu không đúng").await;
    assert!(msg.contains("Còn 4 lần thử"), "{msg}");
    assert_eq!(app.value("#signin-password").await, "", "the wrong password is cleared");

    // The right one opens the main window, which names who is signed in.
    app.type_into("#signin-password", ADMIN_PASSWORD).await;
    app.click("#signin-submit").await;
    app.wait_for("#main-shell").await;
    app.wait_for_text("#signed-in-as", "Phạm Thị Lan").await;

    // Left alone, the window locks; what was on screen is covered.
    let lock = app.wait_for_text("#lock-screen", "Màn hình đã khoá").await;
    assert!(lock.contains("Phạm Thị Lan"), "{lock}");
    app.screenshot("idle-lock").await;
    app.type_into("#unlock-password", "sai").await;
    app.click("#unlock-submit").await;
    app.wait_for_text("[data-error-for=\"password\"]", "Mật khẩu không đúng").await;
    app.type_into("#unlock-password", ADMIN_PASSWORD).await;
    app.click("#unlock-submit").await;
    app.wait_gone("#lock-screen").await;
    app.wait_for_text("#signed-in-as", "Phạm Thị Lan").await;
    app.quit().await;

    // The administrator's work, in a window with the office's own idle time: with the 5-second
    // lock, any pause longer than that between two steps would cover the screen again.
    let app = App::launch(&db).await;
    app.type_into("#signin-login", "quantri").await;
    app.type_into("#signin-password", ADMIN_PASSWORD).await;
    app.click("#signin-submit").await;
    app.wait_for("#main-shell").await;
    // Cài đặt › Tài khoản lists the accounts.
    app.click("[data-nav=\"settings\"]").await;
    app.click("[data-tab=\"accounts\"]").await;
    app.wait_for_text("tr[data-account=\"tiepnhan\"]", "Chờ đổi mật khẩu").await;
    app.screenshot("settings-accounts").await;

    // Signing out returns to the sign-in screen.
    app.click("#sign-out").await;
    app.wait_for("#signin").await;
    app.screenshot("signin").await;
    app.quit().await;

    // The wrong passwords are in the audit log, under the account, without the password.
    let mut l = Ledger::open(&db).unwrap();
    l.sign_in("quantri", ADMIN_PASSWORD).unwrap();
    let log = l.audit_log(100).unwrap();
    let wrong: Vec<_> = log
        .iter()
        .filter(|e| e.entity == "account" && e.after.as_deref().is_some_and(|a| a.contains("\"wrong_password\"")))
        .collect();
    assert_eq!(wrong.len(), 2, "one at sign-in, one at the lock");
    assert!(log.iter().all(|e| !e.after.as_deref().unwrap_or("").contains("sai mật khẩu")));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_clerk_changes_the_first_password_and_is_refused_the_administrators_work() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("ykien.db");
    office_with_accounts(&db);

    let app = App::launch(&db).await;
    app.wait_for("#signin").await;
    app.type_into("#signin-login", "tiepnhan").await;
    app.type_into("#signin-password", "mat-khau-tam").await;
    app.click("#signin-submit").await;
    // The password the administrator gave must be changed first.
    app.wait_for("#change-password").await;
    app.type_into("#password-current", "mat-khau-tam").await;
    app.type_into("#password-new", "mật khẩu của Hương").await;
    app.type_into("#password-again", "mật khẩu của Hương").await;
    app.click("#password-save").await;
    app.wait_for("#main-shell").await;
    app.wait_for_text("#signed-in-as", "Cán bộ tiếp nhận").await;

    // The clerk's Cài đặt has no office, units, staff or log tabs; only their own password.
    app.click("[data-nav=\"settings\"]").await;
    app.wait_for("[data-tab=\"accounts\"]").await;
    for tab in ["office", "units", "staff", "params", "audit"] {
        let css = format!("[data-tab=\"{tab}\"]");
        assert!(app.client.find(fantoccini::Locator::Css(&css)).await.is_err(), "{tab} shown to a clerk");
    }
    app.quit().await;

    let mut l = Ledger::open(&db).unwrap();
    assert!(l.sign_in("tiepnhan", "mat-khau-tam").is_err(), "the temporary password is gone");
    l.sign_in("tiepnhan", "mật khẩu của Hương").unwrap();
    let e = l.save_office(&ykien::demo::demo_office()).unwrap_err();
    assert!(matches!(e, ykien::Error::Forbidden(_)), "{e:?}");
}
