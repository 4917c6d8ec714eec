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
//! - `desk_get`, `desk_set`: where this desk's ledger is, this PC's file or the office
//!   server (src/desk.rs); on a desk of the server, every command of the table goes to the
//!   server ([`ykien::desk::Remote::dispatch`]) with the same context, and what only works on
//!   the server's own file (`database_unlock`, `backup_restore`, encrypting it) is
//!   refused;
//! - `ledger-changed` after each write made on this PC, as the server sends it to its desks,
//!   so that the window refreshes its lists on one path;
//! - for the table's commands: the print folder beside the database, the system's PDF viewer
//!   (the opener), `records-progress` events, a connection of its own for the commands marked
//!   `apart` (a manual backup, an import, an export, a disposal), and the shorter idle lock
//!   of the end-to-end tests.

pub mod background;

use crate::desk;
use crate::state::{self, AppState, Target};
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
/// window's thread: a long task must not freeze the window. And off Tauri's async runtime,
/// on a thread of its own: the desk client's HTTPS calls block, which its client refuses to
/// do on an async runtime's thread (it panics), and a long task on this PC's file should not
/// hold one of the runtime's few workers either. `request_id`: the id the window gave this
/// write, the same on each of its retries, so that a desk's server does it once however
/// often the window asks.
#[tauri::command(async)]
pub fn call(app: AppHandle, state: State<AppState>, command: String, args: Option<Value>, request_id: Option<String>) -> Reply {
    let state = &*state;
    let id = request_id.as_deref();
    std::thread::scope(|scope| scope.spawn(move || run(app, state, &command, args, id)).join())
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

fn run(app: AppHandle, state: &AppState, command: &str, args: Option<Value>, request_id: Option<&str>) -> Reply {
    let args = args.unwrap_or(Value::Null);
    match command {
        "app_info" => json(state.info()),
        "desk_get" => json(state.desk_view()),
        "desk_set" => desk_set(app, state, &args),
        "task_cancel" => {
            state.cancel.store(true, Ordering::SeqCst);
            Ok(Value::Null)
        }
        _ => match state.target()? {
            Target::Server(remote) => server_table(&app, state, &remote, command, args, request_id),
            Target::Local => match command {
                "database_unlock" => database_unlock(app, state, commands::parse(command, args)?),
                "backup_restore" => {
                    let a: PathArgs = commands::parse(command, args)?;
                    json(state.restore(&a.path)?)
                }
                _ => table(&app, state, command, args),
            },
        },
    }
}

/// Switches where this desk's ledger is, and answers as `desk_get`. When this PC's database
/// was opened by the switch, its start-up check and the day's backup follow in the background.
fn desk_set(app: AppHandle, state: &AppState, args: &Value) -> Reply {
    let opened = state.set_desk(desk::choice_of(args)?)?;
    if opened {
        std::thread::spawn(move || background::after_open(&app));
    }
    json(state.desk_view())
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

/// A command of the core's table on this PC's database, with what the window lends it.
fn table(app: &AppHandle, state: &AppState, name: &str, args: Value) -> Reply {
    let entry = commands::find(name);
    let value = with_context(app, state, name, |ctx| {
        if entry.is_some_and(|c| c.apart) {
            state.with_own_connection(|l| Ok(commands::dispatch(l, name, args, ctx)))?
        } else {
            state.with(|l| Ok(commands::dispatch(l, name, args, ctx)))?
        }
    })?;
    if entry.is_some_and(|c| c.writes) {
        let by = state.with(|l| l.signed_in()).ok().flatten().map(|s| s.login).unwrap_or_default();
        state.emit("ledger-changed", desk::changed_event(name, &value, &by));
    }
    Ok(shorter_idle_lock(name, value))
}

/// A command of the core's table on the office server, with the same context as on this PC.
/// The server tells every desk, this one too, of each write (`ledger-changed`); the window
/// is told here when the server stops answering and when it answers again.
fn server_table(
    app: &AppHandle,
    state: &AppState,
    remote: &ykien::desk::Remote,
    name: &str,
    args: Value,
    request_id: Option<&str>,
) -> Reply {
    if name == "database_unlock" {
        return Err(state::server_only("Mở khoá tệp dữ liệu được mã hoá"));
    }
    if name == "backup_restore" {
        return Err(state::server_only("Phục hồi dữ liệu từ bản sao lưu"));
    }
    // As the command line at a desk: the passphrase of the server's file is typed where the
    // server starts, never sent from a desk.
    if matches!(name, "encryption_on" | "encryption_change" | "encryption_off") {
        return Err(state::server_only("Mã hoá tệp dữ liệu"));
    }
    let answer = with_context(app, state, name, |ctx| remote.dispatch(name, args, ctx, request_id));
    match &answer {
        Err(ErrorReport::Connection { .. }) => state.reachable_now(false),
        _ => state.reachable_now(true),
    }
    answer.map(|value| shorter_idle_lock(name, value))
}

/// Runs `run` with what the window lends a command: the print folder, the system's viewer,
/// and progress events with the Cancel button.
fn with_context(app: &AppHandle, state: &AppState, name: &str, run: impl FnOnce(&Context) -> Reply) -> Reply {
    if commands::find(name).is_some_and(|c| c.long) {
        state.cancel.store(false, Ordering::SeqCst);
    }
    let progress = |p: &TaskProgress| {
        let _ = app.emit("records-progress", p);
        !state.cancel.load(Ordering::SeqCst)
    };
    let open_file = |path: &Path| app.opener().open_path(path.to_string_lossy(), None::<&str>).is_ok();
    let ctx = Context { print_dir: state.print_dir(), open_file: &open_file, progress: &progress };
    run(&ctx)
}

/// The end-to-end tests' shorter idle lock, applied to `access_state`'s answer.
fn shorter_idle_lock(name: &str, mut value: Value) -> Value {
    if name == "access_state" {
        let cap = std::env::var(IDLE_OVERRIDE).ok().and_then(|v| v.parse::<u64>().ok()).filter(|s| *s > 0);
        if let (Some(cap), Some(idle)) = (cap, value.get_mut("idle_lock_seconds")) {
            *idle = Value::from(idle.as_u64().unwrap_or(cap).min(cap));
        }
    }
    value
}

fn json<T: serde::Serialize>(value: T) -> Reply {
    serde_json::to_value(value).map_err(|e| ErrorReport::Io { message: format!("Lỗi chuyển kết quả sang JSON: {e}") })
}
