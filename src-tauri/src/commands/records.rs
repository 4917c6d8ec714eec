//! Commands of the records screen: backups and restore, import of old ledgers, exports,
//! retention and disposal. Long tasks run off the window's thread, report their progress as
//! `records-progress` events and stop when `task_cancel` is called, changing nothing.

use crate::state::{AppState, StartupCheck};
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use tauri::{AppHandle, Emitter, Manager, State};
use ykien::{
    BackupFile, BackupSettings, DisposalReport, ErrorReport, ExportReport, ImportPreview, RestoreReport, RetentionDue,
    TaskProgress,
};

type Reply<T> = Result<T, ErrorReport>;

/// A progress callback for `task` that sends events and answers the Cancel button.
fn progress<'a>(app: &'a AppHandle, state: &'a AppState, task: &'a str) -> impl Fn(u64, u64) -> bool + 'a {
    state.cancel.store(false, Ordering::SeqCst);
    move |done, total| {
        let _ = app.emit("records-progress", TaskProgress { task: task.to_owned(), done, total });
        !state.cancel.load(Ordering::SeqCst)
    }
}

#[tauri::command]
pub fn task_cancel(state: State<AppState>) {
    state.cancel.store(true, Ordering::SeqCst);
}

#[tauri::command]
pub fn backup_settings_get(state: State<AppState>) -> Reply<BackupSettings> {
    state.with(|l| l.backup_settings())
}

#[tauri::command]
pub fn backup_settings_save(state: State<AppState>, settings: BackupSettings) -> Reply<BackupSettings> {
    state.with(|l| l.save_backup_settings(&settings))
}

#[tauri::command]
pub fn backups_list(state: State<AppState>) -> Reply<Vec<BackupFile>> {
    state.with(|l| l.backups())
}

#[tauri::command(async)]
pub fn backup_now(app: AppHandle, state: State<AppState>) -> Reply<BackupFile> {
    let p = progress(&app, &state, "backup");
    state.with_own_connection(|l| l.backup_now(&p))
}

#[tauri::command(async)]
pub fn backup_restore(state: State<AppState>, path: String) -> Reply<RestoreReport> {
    state.restore(&PathBuf::from(path))
}

#[tauri::command(async)]
pub fn import_ledger(app: AppHandle, state: State<AppState>, path: String, commit: bool) -> Reply<ImportPreview> {
    let p = progress(&app, &state, "import");
    state.with_own_connection(|l| l.import_ledger(&PathBuf::from(&path), commit, &p))
}

#[tauri::command(async)]
pub fn export_records(
    app: AppHandle,
    state: State<AppState>,
    what: String,
    out: String,
    from: Option<String>,
    to: Option<String>,
) -> Reply<ExportReport> {
    let p = progress(&app, &state, "export");
    let out = PathBuf::from(out);
    state.with_own_connection(|l| match what.as_str() {
        "cases" => l.export_cases(&out, from.as_deref(), to.as_deref(), &p),
        _ => l.export_ledger(&out, from.as_deref(), to.as_deref(), &p),
    })
}

#[tauri::command]
pub fn retention_due(state: State<AppState>, on: String) -> Reply<RetentionDue> {
    state.with(|l| l.retention_due(&on))
}

#[tauri::command(async)]
pub fn retention_dispose(state: State<AppState>, on: String, out: String) -> Reply<DisposalReport> {
    state.with_own_connection(|l| l.dispose(&on, &PathBuf::from(out)))
}

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
