//! First start: the office setup screen, the second place for backups, the first
//! administrator; a backup made beside the database from the first start, and another when
//! the window is closed, copied to the second place; then a restart finds everything again,
//! in the window and in the SQLite file.

use crate::harness::App;
use unicode_normalization::UnicodeNormalization;
use ykien::Ledger;

#[tokio::test(flavor = "multi_thread")]
async fn office_setup_survives_a_restart() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    // A Vietnamese folder name with spaces, as on a clerk's PC.
    let db = dir.path().join("Tài liệu ISO/ykien.db");

    let app = App::launch(&db).await;
    app.wait_for("#setup").await;
    app.screenshot("setup").await;
    // The name arrives decomposed (NFD), as some Windows input methods deliver it.
    let name_nfd: String = "Ủy ban nhân dân xã Tân Phú".nfd().collect();
    app.paste_into("#office-name", &name_nfd).await;
    app.type_into("#office-parent_agency", "Ủy ban nhân dân tỉnh Đồng Nai").await;
    app.type_into("#office-place_name", "Tân Phú").await;
    app.type_into("#office-address", "Số 1 đường Trần Hưng Đạo, xã Tân Phú").await;
    app.type_into("#office-phone", "0251 3861 234").await;
    app.type_into("#office-email", "ubnd.tanphu@dongnai.gov.vn").await;
    assert_eq!(app.value("#office-ledger_form_code").await, "BM.QT.SCT.05-01");
    app.click("#office-save").await;

    // Then where backups go: beside the database from today, and a second place chosen.
    let second = dir.path().join("USB").join("Sao lưu Ý Kiến");
    std::fs::create_dir_all(second.parent().unwrap()).unwrap();
    app.wait_for("#setup-backup").await;
    app.wait_for_text("#setup-backup-where", "Sao lưu (thư mục mặc định, cạnh tệp dữ liệu)").await;
    app.type_into("#setup-backup-second", &second.display().to_string()).await;
    app.screenshot("setup-backup").await;
    app.click("#setup-backup-save").await;

    // Then the first administrator's account, who will create everyone else's.
    app.wait_for("#setup-admin").await;
    app.type_into("#admin-full_name", "Phạm Thị Lan").await;
    app.type_into("#admin-title", "Chuyên viên Văn phòng").await;
    app.type_into("#admin-login", "phamthilan").await;
    app.type_into("#admin-password", "mật khẩu quản trị").await;
    app.type_into("#admin-again", "mật khẩu quản trị").await;
    app.click("#admin-save").await;

    // Then, each of which may wait, the units, the staff and their accounts: a unit added here,
    // the rest left for later.
    app.wait_for("#setup-units").await;
    app.wait_for_text("#setup-step", "Bước 4/6").await;
    app.type_into("#unit-name", "Bộ phận Một cửa").await;
    app.type_into("#unit-code", "MC").await;
    app.click("#unit-save").await;
    app.wait_for_text("[data-unit-id]", "Bộ phận Một cửa").await;
    app.screenshot("setup-units").await;
    app.click("#setup-next").await;
    app.wait_for("#setup-staff").await;
    app.click("#setup-skip").await;

    app.wait_for("#main-shell").await;
    app.wait_for_text("#office-title", "Ủy ban nhân dân xã Tân Phú").await;
    app.wait_for_text("#signed-in-as", "Phạm Thị Lan").await;
    // The administrator sees where backups go.
    app.wait_for_text("#backup-where", "Sao lưu vào:").await;
    // The window closes itself, as the clerk's click on its ✕ does: the app ends, making its
    // closing backup, copied to the second place (the first start made one beside the
    // database, before the second place was set).
    let close = "window.__TAURI_INTERNALS__.invoke('plugin:window|close', { label: 'main' }).catch(() => {})";
    let _ = app.client.execute(close, vec![]).await;
    let mut copied = Vec::new();
    for _ in 0..200 {
        copied = ykien::store::backup::list(&second).unwrap();
        if !copied.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.quit().await;
    let beside = ykien::store::backup::list(&db.parent().unwrap().join("Sao lưu")).unwrap();
    assert!(beside.len() >= 2, "the first start's backup and the closing one, beside the database: {beside:?}");
    assert_eq!(copied.first().map(|b| &b.file_name), beside.first().map(|b| &b.file_name), "the closing backup, copied");

    {
        let ledger = Ledger::open(&db).unwrap();
        let office = ledger.office().unwrap().expect("the office was saved");
        let units: Vec<String> = ledger.units().unwrap().into_iter().map(|u| u.name).collect();
        assert_eq!(units, ["Bộ phận Một cửa"], "the unit added during the setup");
        assert_eq!(office.name, "Ủy ban nhân dân xã Tân Phú", "stored as NFC");
        assert_eq!(office.place_name, "Tân Phú");
        assert_eq!(office.email, "ubnd.tanphu@dongnai.gov.vn");
        let mut ledger = ledger;
        ledger.sign_in("phamthilan", "mật khẩu quản trị").unwrap();
        assert!(ledger.audit_log(10).unwrap().iter().any(|e| e.entity == "office" && e.action == "create"));
        let me = ledger.signed_in().unwrap().unwrap();
        assert_eq!((me.full_name.as_str(), me.role), ("Phạm Thị Lan", ykien::Role::Administrator));
    }

    // The next start asks who is there.
    let app = App::launch(&db).await;
    app.wait_for("#signin").await;
    app.type_into("#signin-login", "phamthilan").await;
    app.type_into("#signin-password", "mật khẩu quản trị").await;
    app.click("#signin-submit").await;
    app.wait_for("#main-shell").await;
    let title = app.wait_for_text("#office-title", "Tân Phú").await;
    assert!(title.contains("Ủy ban nhân dân xã Tân Phú"), "{title}");
    assert!(app.client.find(fantoccini::Locator::Css("#setup")).await.is_err(), "setup shown again");
    app.click("[data-nav=\"settings\"]").await;
    app.click("[data-tab=\"office\"]").await;
    app.wait_for("#office-name").await;
    assert_eq!(app.value("#office-name").await, "Ủy ban nhân dân xã Tân Phú");
    assert_eq!(app.value("#office-place_name").await, "Tân Phú");
    assert_eq!(app.value("#office-phone").await, "0251 3861 234");
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_database_from_a_newer_version_is_explained_in_the_window() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("newer.db");
    drop(Ledger::open(&db).unwrap());
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    let app = App::launch(&db).await;
    let text = app.wait_for_text("[role=\"alert\"]", "mới hơn").await;
    assert!(text.contains("phiên bản"), "{text}");
    assert!(app.client.find(fantoccini::Locator::Css("#setup")).await.is_err());
    app.quit().await;
    assert_eq!(std::fs::read(&db).unwrap(), before, "the newer file was changed");
}
