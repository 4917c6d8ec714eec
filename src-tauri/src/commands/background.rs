//! What runs in the background beside the window: the start-up check after the database
//! opens, the day's first automatic backup, and the one made when the app closes.

use crate::state::{AppState, StartupCheck};
use tauri::{AppHandle, Emitter, Manager};

/// The automatic backup of the day's first start, run in the background after the window
/// opens; and the one made when the app closes. Both only when a folder is chosen; a failure
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
    let result = ledger.and_then(|l| {
        let due = if on_start { l.daily_backup_due()? } else { !l.backup_settings()?.folder.is_empty() };
        if due {
            l.backup_now(&ykien::no_progress).map(Some)
        } else {
            Ok(None)
        }
    });
    if let Err(e) = result {
        eprintln!("Sao lưu tự động không thành công: {e:?}");
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
