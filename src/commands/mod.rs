//! The command table: every action a caller can ask of the core, by name, with a serde
//! request and response type each, and [`dispatch`], the one function that runs them. The
//! app window (through the Tauri shell), the command line (`ykien call`) and the office
//! server all come in through this door, so a command behaves the same whoever asks.
//!
//! A command's request is a JSON object whose keys are the argument names in camelCase
//! (`{"caseId": …, "letterId": …}`), as the window has always sent them; the values inside
//! keep their own field names (`{"input": {"received_at": …}}`). Its response is the JSON
//! of the core's return value; `()` is `null`. Errors are the core's tagged [`ErrorReport`].
//!
//! The table lives in `table.rs`, one entry a command; its TypeScript form (each request
//! type, and the `Commands` map from a name to its request and result) is generated into
//! the UI's bindings by [`typescript`].

use crate::{Error, ErrorReport, Ledger, TaskProgress};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// What a caller lends a command besides its arguments: where prints go, how a written file
/// is shown, and how a long task reports progress and learns it was cancelled.
pub struct Context<'a> {
    /// The folder `print_open` and `survey_print` write into (the window's is beside the
    /// database, so a clerk finds today's prints again).
    pub print_dir: PathBuf,
    /// Shows a written file to the user (the window: the system's PDF viewer); answers
    /// whether it opened. Callers with nobody to show it to answer `false`.
    pub open_file: &'a dyn Fn(&Path) -> bool,
    /// Told the progress of a long task (`import`, `export`, `backup`); answering `false`
    /// cancels it, and the task then changes nothing.
    pub progress: &'a dyn Fn(&TaskProgress) -> bool,
}

fn never_opens(_: &Path) -> bool {
    false
}

fn keep_going(_: &TaskProgress) -> bool {
    true
}

impl Context<'static> {
    /// A context that opens nothing and never cancels (the command line, the tests).
    pub fn new(print_dir: impl Into<PathBuf>) -> Context<'static> {
        Context { print_dir: print_dir.into(), open_file: &never_opens, progress: &keep_going }
    }
}

impl Context<'_> {
    /// The core's progress callback for the long task `task`.
    pub fn progress_of<'s>(&'s self, task: &'s str) -> impl Fn(u64, u64) -> bool + 's {
        move |done, total| (self.progress)(&TaskProgress { task: task.to_owned(), done, total })
    }
}

/// One entry of the table. The flags are what a server needs to decide before it runs a
/// command; the core still checks the role itself on every call.
pub struct Command {
    pub name: &'static str,
    /// It changes the database (records, settings, accounts, or only its audit log).
    pub writes: bool,
    /// It needs a signed-in account on a database that has accounts. The few that do not
    /// are how one signs in (and the lists of labels the sign-in screen shows).
    pub signed_in: bool,
    /// A long task: it reads or rewrites the whole file. Those that report progress (backup,
    /// import, export) do so through [`Context::progress`], which can cancel them.
    pub long: bool,
    /// Runs on a connection of its own (a manual backup, an import, an export, a disposal),
    /// so that the window's other clicks, or the other desks, are not held up for its whole
    /// run. Not the encryption changes: they rewrite the open connection's own file.
    pub apart: bool,
    run: fn(&mut Ledger, Value, &Context) -> Result<Value, ErrorReport>,
    args_type: &'static str,
    result_type: fn(&ts_rs::Config) -> String,
}

impl std::fmt::Debug for Command {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Command")
            .field("name", &self.name)
            .field("writes", &self.writes)
            .field("signed_in", &self.signed_in)
            .field("long", &self.long)
            .field("apart", &self.apart)
            .finish()
    }
}

/// A file a command reads or writes on the caller's own disk. On one PC the core opens that
/// path itself; a desk of an office server has the file and the server has not, so the file
/// travels with the request or the answer (docs/server.md) and the desk reads or writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeskFile {
    /// The argument names a file the command reads (an old ledger to import): the desk sends
    /// its content, and the server runs the command on a copy.
    Reads(&'static str),
    /// The argument names a file the command writes (a print saved, an export): the server
    /// writes a copy and answers its content, which the desk writes at that path.
    Writes(&'static str),
    /// The command writes into the caller's print folder and answers where (`print_open`,
    /// `survey_print`): the desk writes the content into its own print folder and opens it.
    PrintFolder,
}

/// The files each command reads or writes on the caller's disk (none for the others).
pub fn desk_files(name: &str) -> &'static [DeskFile] {
    use DeskFile::*;
    match name {
        "print_open" | "survey_print" => &[PrintFolder],
        "print_save" | "annual_docx_save" | "complaints_docx_save" | "annual_xlsx_save" | "archived_report_save" => &[Writes("path")],
        "export_records" | "survey_responses_export" | "person_export" | "retention_dispose" => &[Writes("out")],
        "import_ledger" | "bundle_import" => &[Reads("path")],
        "bundle_export" | "consolidated_report_save" => &[Writes("path")],
        _ => &[],
    }
}

/// The flags a table entry may carry (see [`Command`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Flag {
    Read,
    Write,
    Open,
    Long,
    Apart,
}

impl Flag {
    const fn among(self, flags: &[Flag]) -> bool {
        let mut i = 0;
        while i < flags.len() {
            if flags[i] as u8 == self as u8 {
                return true;
            }
            i += 1;
        }
        false
    }
}

/// The entry named `name`.
pub fn find(name: &str) -> Option<&'static Command> {
    TABLE.iter().find(|c| c.name == name)
}

/// Runs the command `name` with its JSON arguments on `ledger`: the one door into the core.
/// An unknown name is a `not_found` error; arguments that do not fit the command's request
/// type are a `validation` error naming the argument. `null` stands for no arguments.
pub fn dispatch(ledger: &mut Ledger, name: &str, args: Value, ctx: &Context) -> Result<Value, ErrorReport> {
    let command = find(name).ok_or_else(|| ErrorReport::from(Error::NotFound { entity: "lệnh", id: name.to_owned() }))?;
    let result = (command.run)(ledger, args, ctx);
    if result.is_ok() && REMOVES_RECORDS.contains(&name) {
        // Any print left in the caller's folder may name the records just removed. Best
        // effort: a print still open in a viewer goes at the next tidying.
        let _ = crate::prints::clear(&ctx.print_dir);
    }
    result
}

/// The commands that remove records for good (a disposal, a person's erasure): the prints in
/// the caller's «Bản in» folder go with them (see [`crate::prints`]). A desk of the office
/// server clears its own folder after them.
pub const REMOVES_RECORDS: &[&str] = &["retention_dispose", "person_erase"];

/// Reads a command's arguments into its request type (also for callers' own commands, so
/// that their refusals read the same).
pub fn parse<T: DeserializeOwned>(command: &str, args: Value) -> Result<T, ErrorReport> {
    let args = if args.is_null() { Value::Object(Default::default()) } else { args };
    serde_json::from_value(args).map_err(|e| {
        // serde names a missing argument in backquotes: the field to point at.
        let field = e
            .to_string()
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split('`').next())
            .unwrap_or("args")
            .to_owned();
        ErrorReport::from(Error::Validation {
            field,
            message: format!("Lệnh «{command}» nhận tham số không hợp lệ: {}.", crate::error::json_message(&e)),
        })
    })
}

/// A command's result as JSON.
fn respond<T: Serialize>(result: crate::Result<T>) -> Result<Value, ErrorReport> {
    let value = result.map_err(ErrorReport::from)?;
    serde_json::to_value(value).map_err(|e| ErrorReport::Io { message: format!("Lỗi chuyển kết quả sang JSON: {e}") })
}

/// The TypeScript of the table for the UI's bindings: each command's request type, then
/// `Commands`, the map from a command's name to its request and result types, which the
/// UI's one transport function is typed by.
pub fn typescript(cfg: &ts_rs::Config) -> Vec<String> {
    let mut decls = table::request_decls(cfg);
    let mut map = String::from("type Commands = {\n");
    for c in TABLE {
        map.push_str(&format!("  {}: {{ args: {}; result: {} }};\n", c.name, c.args_type, (c.result_type)(cfg)));
    }
    map.push('}');
    decls.push(map);
    decls
}

/// Declares the table: for each command its request struct (fields become the camelCase
/// argument names), its entry in [`TABLE`] with its flags, and the one call that runs it.
macro_rules! commands {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident [$($flag:ident),+]
        $args:ident { $($(#[$fmeta:meta])* $field:ident: $fty:ty),* $(,)? } -> $out:ty
        = |$l:pat_param, $a:pat_param, $c:pat_param| $body:expr;
    )+) => {
        $(
            #[doc = concat!("The request of `", stringify!($name), "`.")]
            $(#[doc = $doc])*
            #[derive(Debug, Clone, serde::Deserialize, ts_rs::TS)]
            #[serde(rename_all = "camelCase")]
            pub struct $args { $($(#[$fmeta])* pub $field: $fty),* }
        )+

        /// Every command, in the order of the window's areas.
        pub static TABLE: &[Command] = &[$(
            Command {
                name: stringify!($name),
                writes: Flag::Write.among(&[$(commands!(@flag $flag)),+]),
                signed_in: !Flag::Open.among(&[$(commands!(@flag $flag)),+]),
                long: Flag::Long.among(&[$(commands!(@flag $flag)),+]),
                apart: Flag::Apart.among(&[$(commands!(@flag $flag)),+]),
                run: |ledger, args, ctx| {
                    let request: $args = super::parse(stringify!($name), args)?;
                    #[allow(unused_variables)]
                    let call = |$l: &mut Ledger, $a: $args, $c: &Context| -> crate::Result<$out> { $body };
                    super::respond(call(ledger, request, ctx))
                },
                args_type: stringify!($args),
                result_type: <$out as ts_rs::TS>::name,
            },
        )+];

        pub(super) fn request_decls(cfg: &ts_rs::Config) -> Vec<String> {
            use ts_rs::TS;
            vec![$(<$args>::decl(cfg)),+]
        }
    };
    (@flag read) => { Flag::Read };
    (@flag write) => { Flag::Write };
    (@flag open) => { Flag::Open };
    (@flag long) => { Flag::Long };
    (@flag apart) => { Flag::Apart };
}

// After the macro: the table is written with it.
mod table;

pub use table::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_desk_file_names_a_command_of_the_table() {
        for c in TABLE {
            for f in desk_files(c.name) {
                if let DeskFile::Reads(arg) | DeskFile::Writes(arg) = f {
                    assert!(c.args_type.ends_with("Args"), "{}", c.name);
                    assert!(!arg.is_empty());
                }
            }
        }
        let with_paths =
            ["print_save", "annual_docx_save", "complaints_docx_save", "annual_xlsx_save", "archived_report_save", "import_ledger", "bundle_import", "bundle_export", "consolidated_report_save"];
        let with_outs = ["export_records", "survey_responses_export", "person_export", "retention_dispose"];
        for name in ["print_open", "survey_print"].into_iter().chain(with_paths).chain(with_outs) {
            assert!(find(name).is_some(), "{name} is not a command");
            assert!(!desk_files(name).is_empty(), "{name}");
        }
    }
}
