//! Backups an office cannot miss: the window warns everyone when the second place has no
//! recent backup (an unplugged USB drive), names where backups go, and takes an administrator
//! to the backup settings in one click.

use crate::harness::App;
use ykien::{BackupSettings, Ledger};

#[tokio::test(flavor = "multi_thread")]
async fn the_window_warns_when_the_second_place_has_no_backup_and_opens_the_settings() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("ykien.db");
    // The second place is on a USB drive that is not plugged in.
    let away = dir.path().join("Ổ USB").join("Sao lưu");
    {
        let mut l = Ledger::open(&db).unwrap();
        l.save_office(&ykien::demo::demo_office()).unwrap();
        l.save_backup_settings(&BackupSettings { second_folder: away.display().to_string(), ..Default::default() }).unwrap();
    }
    let app = App::launch(&db).await;
    app.wait_for("#main-shell").await;
    let warning = app.wait_for_text("#backup-warning", "Không thấy nơi sao lưu thứ hai").await;
    assert!(warning.contains("Ổ USB") && warning.contains("đã được cắm vào chưa"), "{warning}");
    app.wait_for_text("#backup-where", "thư mục mặc định").await;
    app.screenshot("backup-warning").await;

    app.click("#backup-warning-open").await;
    app.wait_for("#backup-places").await;
    app.wait_for_text("#backup-place-second", "Ổ USB").await;
    // The day's first backup was made beside the database all the same.
    let beside = dir.path().join("Sao lưu");
    app.wait_for_text("#backup-place", &beside.display().to_string()).await;
    app.screenshot("backup-places").await;
    app.quit().await;
    assert!(!ykien::store::backup::list(&beside).unwrap().is_empty());
    assert!(!away.exists(), "nothing made where the drive should be");
}
