//! Files over the connection (`commands::desk_files`): a command that reads a file on the
//! caller's disk gets a copy of what the desk sent; one that writes a file writes it into a
//! folder of the server's own, and its content goes back in the answer for the desk to write
//! at its own path. The folder is removed when the call ends, whatever happened.

use crate::commands::{desk_files, DeskFile};
use crate::ErrorReport;
use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A file a desk sends: its name (for its kind) and content.
#[derive(Debug, Deserialize)]
pub struct Incoming {
    pub name: String,
    pub base64: String,
}

/// A file the server answers: which argument it belongs to (`"print"` for a print), the
/// desk's file name, and its content.
#[derive(Debug, Serialize)]
pub struct Outgoing {
    pub arg: String,
    pub name: String,
    pub base64: String,
}

/// The files of one call.
pub struct InTransit {
    /// The call's own folder; none for the commands without files (most), which need none.
    dir: Option<tempfile::TempDir>,
    /// (argument, the desk's path, the server's copy) of each file the command writes.
    writes: Vec<(String, String, PathBuf)>,
    prints: bool,
}

fn invalid(field: &str, message: String) -> ErrorReport {
    ErrorReport::Validation { field: field.to_owned(), message }
}

/// The last part of a path as a desk wrote it (Windows or Unix separators): only a plain
/// file name is ever used on the server's disk.
fn file_name(path: &str) -> String {
    let name = path.rsplit(['/', '\\']).next().unwrap_or("").trim();
    let name: String = name.chars().filter(|c| !c.is_control() && !matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|')).collect();
    if name.is_empty() || name == "." || name == ".." {
        "tep".into()
    } else {
        name
    }
}

impl InTransit {
    /// Takes in the files of `command`: those it reads are written from `files`, the paths of
    /// those it writes are replaced in `args` by paths in the call's own folder.
    pub fn receive(command: &str, args: &mut Value, files: &HashMap<String, Incoming>) -> Result<InTransit, ErrorReport> {
        if desk_files(command).is_empty() {
            return Ok(InTransit { dir: None, writes: Vec::new(), prints: false });
        }
        let dir = tempfile::Builder::new()
            .prefix("ykien-server-")
            .tempdir()
            .map_err(|e| ErrorReport::Io { message: format!("Máy chủ không tạo được thư mục tạm: {e}") })?;
        let root = dir.path().to_path_buf();
        let mut transit = InTransit { dir: Some(dir), writes: Vec::new(), prints: false };
        for file in desk_files(command) {
            match *file {
                DeskFile::Reads(arg) => {
                    let sent = files.get(arg).ok_or_else(|| {
                        invalid(arg, format!("Lệnh «{command}» cần nội dung tệp «{arg}» gửi kèm từ máy trạm."))
                    })?;
                    let bytes = base64::engine::general_purpose::STANDARD
                        .decode(sent.base64.as_bytes())
                        .map_err(|e| invalid(arg, format!("Nội dung tệp «{}» gửi kèm không đọc được: {e}.", sent.name)))?;
                    let copy = root.join(file_name(&sent.name));
                    std::fs::write(&copy, bytes).map_err(|e| ErrorReport::Io { message: format!("Máy chủ không ghi được tệp tạm: {e}") })?;
                    set_arg(args, arg, &copy);
                }
                DeskFile::Writes(arg) => {
                    let Some(desk_path) = args.get(arg).and_then(Value::as_str).map(str::to_owned) else { continue };
                    let out = root.join("out");
                    std::fs::create_dir_all(&out).map_err(|e| ErrorReport::Io { message: format!("Máy chủ không tạo được thư mục tạm: {e}") })?;
                    let copy = out.join(file_name(&desk_path));
                    set_arg(args, arg, &copy);
                    transit.writes.push((arg.to_owned(), desk_path, copy));
                }
                DeskFile::PrintFolder => transit.prints = true,
            }
        }
        Ok(transit)
    }

    /// Where the command prints (`print_open`, `survey_print`); a command without files
    /// prints nothing, and is given a folder it never writes.
    pub fn print_dir(&self) -> PathBuf {
        match &self.dir {
            Some(dir) => dir.path().join("print"),
            None => std::env::temp_dir().join("ykien-server-no-print"),
        }
    }

    /// The files the command wrote, for the answer; the desk's own paths put back in place of
    /// the server's copies in `result`.
    pub fn answer(&self, result: &mut Value) -> Result<Vec<Outgoing>, ErrorReport> {
        let read = |p: &Path| std::fs::read(p).map_err(|e| ErrorReport::Io { message: format!("Máy chủ không đọc lại được tệp vừa ghi: {e}") });
        let b64 = |bytes: Vec<u8>| base64::engine::general_purpose::STANDARD.encode(bytes);
        let mut out = Vec::new();
        for (arg, desk_path, copy) in &self.writes {
            if copy.exists() {
                out.push(Outgoing { arg: arg.clone(), name: file_name(desk_path), base64: b64(read(copy)?) });
            }
            replace_text(result, &copy.display().to_string(), desk_path);
        }
        if self.prints {
            let dir = self.print_dir();
            let mut printed: Vec<PathBuf> = std::fs::read_dir(&dir).map(|d| d.map_while(Result::ok).map(|e| e.path()).collect()).unwrap_or_default();
            printed.sort();
            for p in printed.into_iter().filter(|p| p.is_file()) {
                let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                replace_text(result, &p.display().to_string(), &name);
                out.push(Outgoing { arg: "print".into(), name, base64: b64(read(&p)?) });
            }
        }
        Ok(out)
    }
}

fn set_arg(args: &mut Value, arg: &str, path: &Path) {
    if !args.is_object() {
        *args = Value::Object(Default::default());
    }
    args[arg] = Value::String(path.display().to_string());
}

/// Replaces every string equal to `from` inside `value` by `to`.
fn replace_text(value: &mut Value, from: &str, to: &str) {
    match value {
        Value::String(s) if s == from => *s = to.to_owned(),
        Value::Array(items) => items.iter_mut().for_each(|v| replace_text(v, from, to)),
        Value::Object(map) => map.values_mut().for_each(|v| replace_text(v, from, to)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_the_file_name_of_a_desk_path_reaches_the_servers_disk() {
        assert_eq!(file_name(r"C:\Users\an\Desktop\so.xlsx"), "so.xlsx");
        assert_eq!(file_name("/home/an/../so.csv"), "so.csv");
        assert_eq!(file_name(".."), "tep");
    }

    #[test]
    fn a_written_file_goes_back_under_the_desks_path() {
        let mut args = json!({"what": "ledger", "out": r"C:\Xuat\so.xlsx"});
        let transit = InTransit::receive("export_records", &mut args, &HashMap::new()).unwrap();
        let copy = PathBuf::from(args["out"].as_str().unwrap());
        assert!(copy.starts_with(transit.dir.as_ref().unwrap().path()));
        std::fs::write(&copy, b"xlsx").unwrap();
        let mut result = json!({"path": copy.display().to_string(), "rows": 3});
        let files = transit.answer(&mut result).unwrap();
        assert_eq!(result["path"], r"C:\Xuat\so.xlsx");
        assert_eq!((files[0].arg.as_str(), files[0].name.as_str()), ("out", "so.xlsx"));
        assert_eq!(base64::engine::general_purpose::STANDARD.decode(&files[0].base64).unwrap(), b"xlsx");
    }

    #[test]
    fn a_read_file_must_be_sent() {
        let mut args = json!({"path": "so-cu.xlsx", "commit": false});
        match InTransit::receive("import_ledger", &mut args, &HashMap::new()) {
            Err(ErrorReport::Validation { field, .. }) => assert_eq!(field, "path"),
            _ => panic!("expected a refusal"),
        }
        let sent = HashMap::from([("path".to_owned(), Incoming { name: "so-cu.xlsx".into(), base64: "eGxzeA==".into() })]);
        let transit = InTransit::receive("import_ledger", &mut args, &sent).unwrap();
        let copy = PathBuf::from(args["path"].as_str().unwrap());
        assert_eq!(std::fs::read(&copy).unwrap(), b"xlsx");
        assert!(copy.starts_with(transit.dir.as_ref().unwrap().path()));
    }
}
