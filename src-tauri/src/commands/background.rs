//! What runs in the background beside the window: the start-up check after the database
//! opens, the day's first automatic backup, the one made when the app closes, the
//! scan-to-folder inbox read while this PC's data is open, and the inbox folder of a
//! consolidating office watched for bundles.

use crate::state::{AppState, StartupCheck, Target};
use tauri::{AppHandle, Emitter, Manager};

/// The automatic backup of the day's first start, run in the background after the window
/// opens; and the one made when the app closes. Into the office's folder (by default «Sao lưu»
/// beside the database) and its second place; a failure
/// is reported on stderr and never stops the app. It is made on a connection of its own, so
/// that the window is not kept waiting while years of records are copied and checked.
pub fn automatic_backup(state: &AppState, on_start: bool) {
    // A database that did not open (or failed its start-up check) is never backed up: the
    // window offers to restore instead.
    if !state.is_open() {
        return;
    }
    backup_on(state.open_another(), on_start);
}

/// The automatic backup on this connection, when one is due.
fn backup_on(ledger: ykien::Result<ykien::Ledger>, on_start: bool) {
    let result = ledger.and_then(|l| l.automatic_backup(on_start));
    if let Err(e) = result {
        eprintln!("Sao lưu tự động không thành công: {e:?}");
    }
}

/// The «Bản in» folder tidied (see `ykien::prints`), at start and at close: the prints older
/// than the data's setting keeps them, every print while the data is encrypted. At a desk of
/// the office server, with the server's setting; nothing when it cannot be asked.
pub fn tidy_prints(state: &AppState) {
    let days = match state.target() {
        Ok(Target::Local) => state.with(|l| l.print_keep_days()).ok().map(u64::from),
        Ok(Target::Server(remote)) => {
            let ctx = ykien::commands::Context::new(state.print_dir());
            remote.dispatch("print_keep_days", serde_json::json!({}), &ctx, None).ok().and_then(|v| v.as_u64())
        }
        Err(_) => None,
    };
    if let Some(days) = days {
        let days = u32::try_from(days).unwrap_or(u32::MAX);
        if let Err(e) = ykien::prints::tidy(&state.print_dir(), days, std::time::SystemTime::now()) {
            eprintln!("Không dọn được thư mục Bản in: {e}");
        }
    }
}

/// The scan-to-folder inbox, looked at every little while for as long as the app runs, on
/// this PC's own data only: at a desk of the office server, the server reads it. What was read
/// is told to the window as a write (`ledger-changed`), so the open page shows the new forms.
pub fn watch_scan_inbox(state: &AppState) {
    let actor = format!("{} (thư mục phiếu quét)", ykien::SYSTEM_ACTOR);
    let mut last_failure = String::new();
    loop {
        std::thread::sleep(ykien::scan::INBOX_EVERY);
        // A connection of its own (keyed again when the file is encrypted) only when a scan waits.
        if !state.owns_database() {
            continue;
        }
        let read = match state.with(|l| l.scan_inbox_waiting(ykien::scan::INBOX_QUIET)) {
            Ok(false) => Ok(None),
            Ok(true) => state.open_another().and_then(|mut l| l.read_scan_inbox(ykien::scan::INBOX_QUIET, &actor)).map_err(|e| e.to_string()),
            Err(e) => Err(e.message().to_owned()),
        };
        match read {
            Ok(Some(pass)) => {
                last_failure.clear();
                state.emit("ledger-changed", crate::desk::changed_event("survey_scan", &serde_json::Value::Null, &actor));
                eprintln!("Đã đọc {} tệp từ thư mục phiếu quét vào đợt {}.", pass.files.len(), pass.round_code);
            }
            Ok(None) => last_failure.clear(),
            // Said once until it changes: a folder with no open round would fill the log.
            Err(e) if e != last_failure => {
                last_failure = e;
                eprintln!("Không đọc được thư mục phiếu quét: {last_failure}");
            }
            Err(_) => {}
        }
    }
}

/// What follows opening the database, in the background: its start-up check, then the
/// day's first backup; or, when the check finds the file damaged, the window is told and
/// shows the newest good backup instead.
pub fn after_open(app: &AppHandle) {
    let state = app.state::<AppState>();
    match state.startup_check() {
        StartupCheck::Sound(checked) => backup_on(Ok(*checked), true),
        StartupCheck::Damaged => {
            let _ = app.emit("database-damaged", ());
        }
        StartupCheck::NotOpen => {}
    }
}

/// Watches the inbox folder of a consolidating office while the app runs (`ykien::bundle::inbox`):
/// a look every few seconds, when the database is on this PC and a folder is set.
pub fn watch_bundle_inbox(state: &AppState) -> ! {
    let mut watch = ykien::bundle::inbox::InboxWatch::new();
    loop {
        std::thread::sleep(ykien::bundle::inbox::EVERY);
        look_at_bundle_inbox(state, &mut watch);
    }
}

/// One look at the inbox folder: the bundles ready there imported on a connection of their
/// own, so that the window is not kept waiting. Answers how many files were read.
fn look_at_bundle_inbox(state: &AppState, watch: &mut ykien::bundle::inbox::InboxWatch) -> usize {
    if !state.owns_database() {
        return 0;
    }
    let Ok(Some(folder)) = state.with(|l| l.inbox_folder()) else { return 0 };
    let ready = match watch.ready(&folder) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("Không đọc được thư mục nhận gói số liệu {}: {e}", folder.display());
            return 0;
        }
    };
    if ready.is_empty() {
        return 0;
    }
    match state.open_another().and_then(|mut l| l.import_inbox(&ready, watch)) {
        Ok(done) => done.len(),
        Err(e) => {
            eprintln!("Nhập gói số liệu từ thư mục nhận không thành công: {e:?}");
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::DeskChoice;

    #[test]
    fn the_first_start_of_the_day_and_every_close_back_up_beside_the_database() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("YKien").join("ykien.db");
        let state = AppState::start(db.clone(), dir.path().join("desk.json"));
        state.set_desk(DeskChoice::Local).unwrap();
        let folder = db.parent().unwrap().join("Sao lưu");
        let made = || ykien::store::backup::list(&folder).unwrap().len();

        automatic_backup(&state, true);
        assert_eq!(made(), 1, "the day's first start, without any setting");
        automatic_backup(&state, true);
        assert_eq!(made(), 1, "a second start the same day makes none");
        automatic_backup(&state, false);
        assert_eq!(made(), 2, "the close always makes one");
    }

    #[test]
    fn the_prints_older_than_the_setting_are_removed_at_start_and_close() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("YKien").join("ykien.db");
        let state = AppState::start(db, dir.path().join("desk.json"));
        state.set_desk(DeskChoice::Local).unwrap();
        let prints = state.print_dir();
        std::fs::create_dir_all(&prints).unwrap();
        let print = |name: &str, days: u64| {
            let path = prints.join(name);
            std::fs::write(&path, b"%PDF-1.7").unwrap();
            let made = std::time::SystemTime::now() - std::time::Duration::from_secs(days * 86_400 + 60);
            std::fs::File::options().write(true).open(&path).unwrap().set_modified(made).unwrap();
            path
        };
        let (old, recent) = (print("phieu-tiep-nhan-2026-000001.pdf", 8), print("so-ghi-nhan.pdf", 1));
        tidy_prints(&state);
        assert!(!old.exists(), "older than the week the settings keep prints");
        assert!(recent.exists());
    }
}
