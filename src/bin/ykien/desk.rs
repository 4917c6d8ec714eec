//! The one door of the command line's commands: the core's command table, run on this PC's
//! database ([`commands::dispatch`]) or on the office server ([`Remote::dispatch`]). The
//! subcommand modules ask for commands by name and with the table's JSON arguments, never of
//! a `Ledger` directly, so that `--db` and `--server` cannot drift apart: the same arguments
//! give the same result, the same `--json`, the same refusals.

use serde::de::DeserializeOwned;
use serde_json::Value;
use std::path::PathBuf;
use ykien::commands::{self, Context};
use ykien::desk::Remote;
use ykien::{Error, ErrorReport, Ledger, Result};

pub enum Desk {
    /// This PC's database file (`--db`).
    Local { ledger: Box<Ledger>, print_dir: PathBuf },
    /// The office server (`--server … --pin …`).
    Remote { remote: Box<Remote>, print_dir: PathBuf },
}

impl Desk {
    pub fn local(ledger: Ledger) -> Desk {
        // Prints go where the window puts them: a folder beside the database.
        let print_dir = ledger.path().and_then(|p| p.parent()).map(|d| d.join("Bản in")).unwrap_or_else(|| "Bản in".into());
        Desk::Local { ledger: Box::new(ledger), print_dir }
    }

    pub fn remote(remote: Remote) -> Desk {
        // A desk's prints stay on the desk, beside where its own data would be.
        let print_dir = ykien::paths::default_db_path().parent().map(|d| d.join("Bản in")).unwrap_or_else(|| "Bản in".into());
        Desk::Remote { remote: Box::new(remote), print_dir }
    }

    /// Runs a command of the table; its result as JSON, or the core's refusal.
    pub fn dispatch(&mut self, name: &str, args: Value) -> std::result::Result<Value, ErrorReport> {
        match self {
            Desk::Local { ledger, print_dir } => commands::dispatch(ledger, name, args, &Context::new(print_dir.clone())),
            Desk::Remote { remote, print_dir } => remote.dispatch(name, args, &Context::new(print_dir.clone()), None),
        }
    }

    /// Runs a command that prints into the caller's print folder, with `folder` as that folder.
    pub fn print_into(&mut self, folder: &std::path::Path, name: &str, args: Value) -> Result<Value> {
        let ctx = Context::new(folder);
        match self {
            Desk::Local { ledger, .. } => commands::dispatch(ledger, name, args, &ctx),
            Desk::Remote { remote, .. } => remote.dispatch(name, args, &ctx, None),
        }
        .map_err(Error::Remote)
    }

    /// Runs a command; its result as JSON. A refusal is the core's report, printed as it is.
    pub fn call(&mut self, name: &str, args: Value) -> Result<Value> {
        self.dispatch(name, args).map_err(Error::Remote)
    }

    /// Runs a command; its result read into `T`.
    pub fn call_as<T: DeserializeOwned>(&mut self, name: &str, args: Value) -> Result<T> {
        let value = self.call(name, args)?;
        read(name, value)
    }

    /// This PC's database, for what only the server's own file can do (checking it, its
    /// encryption, backups to a chosen folder); refused at a desk of an office server.
    pub fn ledger(&mut self, what: &str) -> Result<&mut Ledger> {
        match self {
            Desk::Local { ledger, .. } => Ok(ledger),
            Desk::Remote { .. } => Err(on_server_only(what)),
        }
    }
}

/// A command's JSON result read into `T` (the whole result, or the part a text line shows).
pub fn read<T: DeserializeOwned>(name: &str, value: Value) -> Result<T> {
    serde_json::from_value(value).map_err(|e| {
        Error::Remote(ErrorReport::Io { message: format!("Kết quả của lệnh «{name}» không đọc được: {e}.") })
    })
}

/// The refusal of a command that works on the database file itself, with `--server`.
pub fn on_server_only(what: &str) -> Error {
    Error::validation(
        "server",
        format!(
            "Lệnh «ykien {what}» làm việc trực tiếp trên tệp dữ liệu nên chỉ chạy được trên chính máy chủ: \
             hãy chạy nó trên máy chủ (với --db hoặc không có --server)."
        ),
    )
}
