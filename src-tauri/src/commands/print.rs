//! Printing from the window: the core draws the document; here it is written to a file and
//! handed to the system's PDF viewer, from which the clerk prints (on Windows, Edge opens
//! PDFs without any network). "Lưu thành…" writes where the native save dialog pointed.

use super::Reply;
use crate::state::AppState;
use std::path::PathBuf;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;
use ykien::{PrintJob, PrintOutcome};

/// Prints into the office's print folder beside the database and opens the file. A viewer
/// that fails to start is not an error: the file is there, and the window says where.
#[tauri::command]
pub fn print_open(app: AppHandle, state: State<AppState>, job: PrintJob) -> Reply<PrintOutcome> {
    let dir = state.print_dir();
    let path = state.with(|l| l.print_to_folder(&job, &dir))?;
    Ok(open_in_viewer(&app, &path))
}

/// Hands a written PDF to the system's viewer; the outcome says whether it opened.
pub fn open_in_viewer(app: &AppHandle, path: &std::path::Path) -> PrintOutcome {
    let opened = app.opener().open_path(path.to_string_lossy(), None::<&str>).is_ok();
    PrintOutcome { path: path.display().to_string(), opened }
}

/// Prints into the file the user chose in the save dialog.
#[tauri::command]
pub fn print_save(state: State<AppState>, job: PrintJob, path: PathBuf) -> Reply<PrintOutcome> {
    state.with(|l| l.print_to_file(&job, &path))?;
    Ok(PrintOutcome { path: path.display().to_string(), opened: false })
}
