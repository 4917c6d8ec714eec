//! The files a command reads or writes on the desk's own disk ([`commands::desk_files`]): the
//! server has no access to a desk's disk, so a file the command reads travels with the request
//! and a file it writes comes back with the answer, and the desk reads or writes it here.

use crate::commands::{self, Context, DeskFile};
use crate::documents::{save_in_folder, write_whole};
use crate::{Error, ErrorReport, PrintOutcome};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::Deserialize;
use serde_json::{json, Map, Value};
use std::path::Path;

/// A file in the server's answer.
#[derive(Debug, Deserialize)]
pub(super) struct AnsweredFile {
    /// The argument it belongs to, or "print" for the print folder.
    pub arg: String,
    pub name: String,
    pub base64: String,
}

/// The path a command's argument names, as the caller gave it.
fn path_arg<'a>(name: &str, args: &'a Value, arg: &str) -> Result<&'a str, ErrorReport> {
    args.get(arg).and_then(Value::as_str).ok_or_else(|| {
        Error::Validation { field: arg.to_owned(), message: format!("Lệnh «{name}» cần đường dẫn tệp «{arg}».") }.into()
    })
}

/// The `files` of the request: the content of each file the command reads.
pub(super) fn outgoing(name: &str, args: &Value) -> Result<Option<Value>, ErrorReport> {
    let mut files = Map::new();
    for f in commands::desk_files(name) {
        if let DeskFile::Reads(arg) = f {
            let path = path_arg(name, args, arg)?;
            let bytes = std::fs::read(path).map_err(|e| ErrorReport::from(Error::Io(e)))?;
            let file_name = Path::new(path).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            files.insert((*arg).to_owned(), json!({ "name": file_name, "base64": STANDARD.encode(bytes) }));
        }
    }
    Ok((!files.is_empty()).then_some(Value::Object(files)))
}

/// Writes the files of the answer where the command would have written them on one PC, and
/// gives the result the desk's own paths (a print: the desk's print folder, shown to the user).
pub(super) fn incoming(name: &str, args: &Value, answered: Vec<AnsweredFile>, result: Value, ctx: &Context) -> Result<Value, ErrorReport> {
    let mut result = result;
    for f in commands::desk_files(name) {
        let wanted = match f {
            DeskFile::Reads(_) => continue,
            DeskFile::Writes(arg) => *arg,
            DeskFile::PrintFolder => "print",
        };
        // A command that wrote no file (it refused before writing) has none in the answer.
        let Some(file) = answered.iter().find(|a| a.arg == wanted) else { continue };
        let bytes = STANDARD.decode(&file.base64).map_err(|e| {
            ErrorReport::from(Error::Connection(format!("Tệp máy chủ gửi về bị hỏng ({e}); hãy làm lại.")))
        })?;
        match f {
            DeskFile::Writes(arg) => write_whole(Path::new(path_arg(name, args, arg)?), &bytes)?,
            _ => {
                // Only the file's own name: a server never chooses a folder on the desk.
                let file_name = Path::new(&file.name).file_name().map(|n| n.to_string_lossy().into_owned());
                let file_name = file_name.filter(|n| !n.is_empty()).unwrap_or_else(|| "ban-in.pdf".to_owned());
                let path = save_in_folder(&ctx.print_dir, &file_name, &bytes)?;
                let outcome = PrintOutcome { path: path.display().to_string(), opened: (ctx.open_file)(&path) };
                result = serde_json::to_value(outcome).expect("serialisable");
            }
        }
    }
    Ok(result)
}
