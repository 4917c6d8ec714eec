//! Encryption at rest in the window: an encrypted database opens on the passphrase screen; a
//! wrong passphrase is refused in Vietnamese and leaves the file as it was; the right one
//! opens the main window; the settings show the administrator's encryption section, and
//! that no print is kept while the data is encrypted.

use crate::harness::App;
use sha2::{Digest, Sha256};
use ykien::Ledger;

const KEY: &str = "Sở Công Thương 2026";

fn sha(path: &std::path::Path) -> String {
    format!("{:x}", Sha256::digest(std::fs::read(path).unwrap()))
}

#[tokio::test(flavor = "multi_thread")]
async fn the_passphrase_screen_refuses_a_wrong_passphrase_and_opens_with_the_right_one() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("ykien.db");
    {
        let mut l = Ledger::open(&db).unwrap();
        l.save_office(&ykien::demo::demo_office()).unwrap();
        l.add_feedback(&crate::sample_complaint()).unwrap();
        l.encryption_on(KEY).unwrap();
    }
    let before = sha(&db);

    let app = App::launch(&db).await;
    app.wait_for("#unlock").await;
    app.wait_for_text("#unlock h1", "Dữ liệu đã được mã hoá").await;

    app.type_into("#unlock-passphrase", "Sở Công Thương 2025").await;
    app.click("#unlock-submit").await;
    let msg = app.wait_for_text("[data-error-for=\"passphrase\"]", "mật khẩu mã hoá không đúng").await;
    assert_eq!(msg.trim(), "Cơ sở dữ liệu đã được mã hoá: mật khẩu mã hoá không đúng.");
    assert!(app.client.find(fantoccini::Locator::Css("#main-shell")).await.is_err(), "nothing opened");
    app.screenshot("encryption-unlock-wrong").await;
    assert_eq!(sha(&db), before, "a wrong passphrase leaves the file byte for byte");

    app.type_into("#unlock-passphrase", KEY).await;
    app.click("#unlock-submit").await;
    app.wait_for("#main-shell").await;

    app.click("[data-nav=\"settings\"]").await;
    app.click("[data-tab=\"encryption\"]").await;
    app.wait_for_text("#encryption-state", "đang được mã hoá").await;
    app.wait_for_text("#encryption", "Mất mật khẩu mã hoá là mất toàn bộ dữ liệu").await;
    app.screenshot("encryption-settings").await;

    // While the data is encrypted no print is kept, whatever the days set: the form says so.
    app.click("[data-tab=\"params\"]").await;
    assert_eq!(app.value("#settings-print_keep_days").await, "7");
    app.wait_for_text("#settings-prints-encrypted", "Dữ liệu đang được mã hoá").await;
    app.client.execute("document.getElementById('settings-print_keep_days').scrollIntoView()", vec![]).await.unwrap();
    app.screenshot("settings-prints-encrypted").await;
    app.quit().await;

    let l = ykien::Database::new(&db).with_passphrase(Some(KEY)).open().unwrap();
    assert!(l.is_encrypted());
    assert_eq!(l.feedback(&ykien::FeedbackFilter::default()).unwrap().rows.len(), 1);
}
