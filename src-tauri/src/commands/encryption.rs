//! Encryption at rest: the start screen's passphrase, and the administrator's section of
//! the settings (turn on, change the passphrase, turn off, remove plaintext backups).

use crate::state::AppState;
use tauri::{AppHandle, State};
use ykien::{EncryptionReport, EncryptionStatus, ErrorReport};

type Reply<T> = Result<T, ErrorReport>;

/// Opens the encrypted database with the passphrase typed on the start screen; the day's
/// automatic backup, skipped while it was locked, then runs in the background.
#[tauri::command(async)]
pub fn database_unlock(app: AppHandle, state: State<AppState>, passphrase: String) -> Reply<()> {
    state.unlock(&passphrase)?;
    std::thread::spawn(move || crate::commands::records::after_open(&app));
    Ok(())
}

#[tauri::command]
pub fn encryption_status(state: State<AppState>) -> Reply<EncryptionStatus> {
    state.with(|l| l.encryption_status())
}

#[tauri::command(async)]
pub fn encryption_on(state: State<AppState>, passphrase: String) -> Reply<EncryptionReport> {
    // guard: administrator
    state.with(|l| l.encryption_on(&passphrase))
}

#[tauri::command(async)]
pub fn encryption_change(state: State<AppState>, current: String, passphrase: String) -> Reply<EncryptionReport> {
    // guard: administrator
    state.with(|l| l.encryption_change(&current, &passphrase))
}

#[tauri::command(async)]
pub fn encryption_off(state: State<AppState>, current: String) -> Reply<EncryptionReport> {
    // guard: administrator
    state.with(|l| l.encryption_off(&current))
}

#[tauri::command(async)]
pub fn encryption_remove_plain_backups(state: State<AppState>) -> Reply<Vec<String>> {
    // guard: administrator
    state.with(|l| l.remove_plaintext_backups())
}
