//! The window's one command, `call`: it hands the command's name and arguments to the core's
//! command table (`ykien::commands::dispatch`), on the open database. Errors reach the UI as
//! the core's tagged `ErrorReport`, which the UI turns into a Vietnamese sentence by its kind.
//!
//! What only the shell can do stays here, each a line or two:
//! - `app_info`: the start-up screen's facts (which file, why it did not open, the newest
//!   good backup), which exist before any database is open;
//! - `database_unlock`: the passphrase that opens an encrypted database;
//! - `backup_restore`: replacing the open database by a backup, which reopens it;
//! - `task_cancel`: the Cancel button of a long task;
//! - for the table's commands: the print folder beside the database, the system's PDF viewer
//!   (the opener), `records-progress` events, a connection of its own for the commands marked
//!   `apart` (a manual backup, an import, an export, a disposal), and the shorter idle lock
//!   of the end-to-end tests.

pub mod background;

use crate::state::AppState;
use serde::Deserialize;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use tauri::{AppHandle, Emitter, State};
use tauri_plugin_opener::OpenerExt;
use ykien::commands::{self, Context};
use ykien::{ErrorReport, TaskProgress};

/// For the end-to-end tests of the idle lock: a shorter idle time than any setting allows.
const IDLE_OVERRIDE: &str = "YKIEN_IDLE_LOCK_SECONDS";

type Reply = Result<Value, ErrorReport>;

/// Runs the command `command` with `args` (an object of camelCase argument names). Off the
/// window's thread: a long task must not freeze the window.
#[tauri::command(async)]
pub fn call(app: AppHandle, state: State<AppState>, command: String, args: Option<Value>) -> Reply {
    let args = args.unwrap_or(Value::Null);
    match command.as_str() {
        "app_info" => json(state.info()),
        "database_unlock" => database_unlock(app, &state, commands::parse(&command, args)?),
        "backup_restore" => {
            let a: PathArgs = commands::parse(&command, args)?;
            json(state.restore(&a.path)?)
        }
        "task_cancel" => {
            state.cancel.store(true, Ordering::SeqCst);
            Ok(Value::Null)
        }
        _ => table(&app, &state, &command, args),
    }
}

#[derive(Deserialize)]
struct PathArgs {
    path: PathBuf,
}

#[derive(Deserialize)]
struct PassphraseArgs {
    passphrase: String,
}

/// Opens the encrypted database with the passphrase typed on the start screen; the day's
/// automatic backup, skipped while it was locked, then runs in the background.
fn database_unlock(app: AppHandle, state: &AppState, a: PassphraseArgs) -> Reply {
    state.unlock(&a.passphrase)?;
    std::thread::spawn(move || background::after_open(&app));
    Ok(Value::Null)
}

/// A command of the core's table, with what the window lends it.
fn table(app: &AppHandle, state: &AppState, name: &str, args: Value) -> Reply {
    let entry = commands::find(name);
    if entry.is_some_and(|c| c.long) {
        state.cancel.store(false, Ordering::SeqCst);
    }
    let progress = |p: &TaskProgress| {
        let _ = app.emit("records-progress", p);
        !state.cancel.load(Ordering::SeqCst)
    };
    let open_file = |path: &Path| app.opener().open_path(path.to_string_lossy(), None::<&str>).is_ok();
    let ctx = Context { print_dir: state.print_dir(), open_file: &open_file, progress: &progress };
    let mut value = if entry.is_some_and(|c| c.apart) {
        state.with_own_connection(|l| Ok(commands::dispatch(l, name, args, &ctx)))??
    } else {
        state.with(|l| Ok(commands::dispatch(l, name, args, &ctx)))??
    };
    if name == "access_state" {
        let cap = std::env::var(IDLE_OVERRIDE).ok().and_then(|v| v.parse::<u64>().ok()).filter(|s| *s > 0);
        if let (Some(cap), Some(idle)) = (cap, value.get_mut("idle_lock_seconds")) {
            *idle = Value::from(idle.as_u64().unwrap_or(cap).min(cap));
        }
    }
    Ok(value)
}

fn json<T: serde::Serialize>(value: T) -> Reply {
    serde_json::to_value(value).map_err(|e| ErrorReport::Io { message: format!("Lỗi chuyển kết quả sang JSON: {e}") })
}
