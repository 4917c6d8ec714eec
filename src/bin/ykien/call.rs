//! `ykien call COMMAND [--args JSON]`: any command of the core's command table, as the app
//! window sends it, with its result printed as JSON. The human commands cover what an office
//! does from a script; this reaches everything else. `ykien call --list` lists the table.
//! See docs/cli-office.md.

use crate::desk::Desk;
use crate::{print_json, Sorted};
use clap::Args;
use std::sync::atomic::{AtomicBool, Ordering};
use ykien::commands;
use ykien::{Error, Result};

#[derive(Args)]
pub struct CallArgs {
    /// The command's name, e.g. office_save (see --list).
    #[arg(required_unless_present = "list")]
    command: Option<String>,
    /// Its arguments: a JSON object with camelCase names, e.g. '{"id": "…"}'; `-` reads it
    /// from standard input. None by default.
    #[arg(long, value_name = "JSON")]
    args: Option<String>,
    /// List the commands: name, whether it changes data, whether it needs --as.
    #[arg(long, conflicts_with_all = ["command", "args"])]
    pub list: bool,
}

/// Set when the command was refused: its error is printed already, the exit code is 1.
static FAILED: AtomicBool = AtomicBool::new(false);

/// Whether `call` failed after printing its error.
pub fn failed() -> bool {
    FAILED.load(Ordering::SeqCst)
}

pub fn run(desk: &mut Desk, a: CallArgs, json: bool) -> Result<()> {
    let name = a.command.expect("clap requires it without --list");
    let args = match a.args.as_deref() {
        None => serde_json::Value::Null,
        Some(text) => {
            let text = if text == "-" { std::io::read_to_string(std::io::stdin())? } else { text.to_owned() };
            serde_json::from_str(&text).map_err(|e| {
                Error::validation("args", format!("--args không phải JSON hợp lệ: {}.", ykien::error::json_message(&e)))
            })?
        }
    };
    // `call` prints the JSON of the table as it always has: every object's keys in
    // alphabetical order, a refusal's too.
    match desk.dispatch(&name, args) {
        Ok(value) => print_json(&Sorted(&value)),
        Err(error) => {
            if json {
                print_json(&Sorted(&serde_json::json!({ "error": error })));
            } else {
                let message = serde_json::to_value(&error).ok().and_then(|v| v["message"].as_str().map(str::to_owned));
                eprintln!("Lỗi: {}", message.unwrap_or_default());
            }
            FAILED.store(true, Ordering::SeqCst);
        }
    }
    Ok(())
}

/// `call --list`, before any database is opened.
pub fn list(json: bool) -> Result<()> {
    if json {
        let table: Vec<_> = commands::TABLE
            .iter()
            .map(|c| serde_json::json!({ "name": c.name, "writes": c.writes, "signed_in": c.signed_in, "long": c.long }))
            .collect();
        print_json(&Sorted(&serde_json::Value::Array(table)));
    } else {
        let mut text = String::new();
        for c in commands::TABLE {
            let writes = if c.writes { "ghi" } else { "đọc" };
            let signed_in = if c.signed_in { "cần đăng nhập" } else { "" };
            text += format!("{:<34} {writes:<4} {signed_in}", c.name).trim_end();
            text.push('\n');
        }
        // A script that reads only the start (`| head`) closes the pipe: not an error.
        use std::io::Write;
        if let Err(e) = std::io::stdout().lock().write_all(text.as_bytes()) {
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                return Err(e.into());
            }
        }
    }
    Ok(())
}
