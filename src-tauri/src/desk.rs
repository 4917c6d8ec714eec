//! Where this PC's ledger is: in a file on this PC («Dữ liệu trên máy này»), or on the
//! office server («Kết nối máy chủ trong cơ quan»), chosen at the first start or in the
//! settings, and kept in a small JSON file of the app's configuration folder. The choice
//! is the desk's, not the database's: a server's address and pairing code belong to the PC
//! that connects, and a PC working on the server has no database file of its own.
//!
//! Also here: the `ledger-changed` event's payload, which the office server sends after each
//! write and which the shell makes itself after a write on this PC, so that the UI refreshes
//! its lists on one path whichever way the desk works.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use ykien::pairing::{Fingerprint, ServerInfo};
use ykien::{Error, ErrorReport};

/// Overrides where the desk's choice is kept (the tests, and a PC set up by a script).
pub const CONFIG_ENV: &str = "YKIEN_DESK_CONFIG";

/// The desk's saved choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "lowercase")]
pub enum DeskChoice {
    /// The ledger is a file on this PC (the default path, or `$YKIEN_DB`).
    Local,
    /// The ledger is on the office server at `address`, whose certificate has the pairing
    /// code `pin` (64 hex digits, kept compact).
    Server { address: String, pin: String },
}

/// What `desk_get` and `desk_set` answer the window.
#[derive(Debug, Clone, Serialize)]
pub struct DeskView {
    /// "local", "server", or "unset" at a first start (nothing chosen yet).
    pub mode: &'static str,
    /// The server's address (normalised once connected), in server mode.
    pub address: Option<String>,
    /// What the server said about itself, once connected.
    pub server: Option<ServerInfo>,
    /// In server mode: whether the server answered with the paired certificate.
    pub connected: bool,
    /// In server mode, while not connected: why (unreachable, or a changed certificate).
    pub error: Option<ErrorReport>,
}

/// The file the choice is kept in: `$YKIEN_DESK_CONFIG`, else `desk.json` in the app's
/// local configuration folder (%LOCALAPPDATA%\YKien on Windows, ~/.config/YKien on Linux).
pub fn config_path() -> PathBuf {
    if let Some(p) = std::env::var_os(CONFIG_ENV).filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    let base = dirs::config_local_dir().unwrap_or_else(|| PathBuf::from("."));
    base.join("YKien").join("desk.json")
}

/// The saved choice, `None` when nothing was saved. A file that cannot be read as a choice
/// (edited by hand, cut short) counts as none, so that the window asks again rather than
/// failing to start; it is said on stderr.
pub fn load(path: &Path) -> Option<DeskChoice> {
    let text = std::fs::read_to_string(path).ok()?;
    match serde_json::from_str(&text) {
        Ok(choice) => Some(choice),
        Err(e) => {
            eprintln!("Bỏ qua tệp cấu hình máy trạm {} không đọc được: {e}", path.display());
            None
        }
    }
}

/// Saves the choice: the whole file written beside its place, then renamed over it, so a
/// crash never leaves half a file.
pub fn save(path: &Path, choice: &DeskChoice) -> Result<(), ErrorReport> {
    let io = |e: std::io::Error| ErrorReport::from(Error::Io(e));
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder).map_err(io)?;
    let text = serde_json::to_string_pretty(choice).expect("a desk choice is plain JSON");
    let mut file = tempfile::NamedTempFile::new_in(folder).map_err(io)?;
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(io)?;
    file.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// The choice this start goes on: the saved one; else, when a database already exists (a PC
/// that used the app before desks existed) or `$YKIEN_DB` names one, this PC's file; else
/// nothing, and the window asks (a first start).
pub fn starting_choice(saved: Option<DeskChoice>, db_path: &Path, db_env_set: bool) -> Option<DeskChoice> {
    saved.or_else(|| (db_env_set || db_path.exists()).then_some(DeskChoice::Local))
}

/// The choice of `desk_set`'s arguments, checked: a server needs an address and a pairing
/// code that reads as one; the code is kept compact.
pub fn choice_of(args: &Value) -> Result<DeskChoice, ErrorReport> {
    let text = |key: &str| args.get(key).and_then(Value::as_str).map(str::trim).unwrap_or("").to_owned();
    match text("mode").as_str() {
        "local" => Ok(DeskChoice::Local),
        "server" => {
            let address = text("address");
            if address.is_empty() {
                return Err(Error::validation("address", "Hãy nhập địa chỉ máy chủ (ví dụ 192.168.1.10 hoặc may-chu:7443).").into());
            }
            let pin = Fingerprint::parse(&text("pin"))?.compact();
            Ok(DeskChoice::Server { address, pin })
        }
        _ => Err(Error::validation("mode", "Hãy chọn «Dữ liệu trên máy này» hoặc «Kết nối máy chủ trong cơ quan».").into()),
    }
}

/// The `ledger-changed` payload for a write `command` that answered `result`, made by `by`:
/// the same shape the office server sends (`{command, case, by}`), `case` when the result is a
/// case (`id`, `receipt_no`, `status`, `unit_id`).
pub fn changed_event(command: &str, result: &Value, by: &str) -> Value {
    let case = match (result.get("id"), result.get("receipt_no"), result.get("status")) {
        (Some(id), Some(receipt_no), Some(status)) => Some(json!({
            "id": id,
            "receipt_no": receipt_no,
            "status": status,
            "unit_id": result.get("unit_id").cloned().unwrap_or(Value::Null),
        })),
        _ => None,
    };
    json!({ "command": command, "case": case, "by": by })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PIN: &str = "ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12";

    #[test]
    fn a_saved_choice_is_read_back_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join("desk.json");
        assert_eq!(load(&path), None);
        let server = DeskChoice::Server { address: "192.168.1.10:7443".into(), pin: PIN.to_uppercase() };
        save(&path, &server).unwrap();
        assert_eq!(load(&path), Some(server));
        save(&path, &DeskChoice::Local).unwrap();
        assert_eq!(load(&path), Some(DeskChoice::Local));
        assert_eq!(std::fs::read_dir(path.parent().unwrap()).unwrap().count(), 1, "no temporary file left beside it");
    }

    #[test]
    fn an_unreadable_file_counts_as_no_choice() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk.json");
        std::fs::write(&path, "{\"mode\": \"server\"").unwrap();
        assert_eq!(load(&path), None);
        std::fs::write(&path, "{\"mode\": \"cloud\"}").unwrap();
        assert_eq!(load(&path), None);
    }

    #[test]
    fn a_first_start_is_one_with_no_choice_no_database_and_no_ykien_db() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("ykien.db");
        assert_eq!(starting_choice(None, &db, false), None, "first start: the window asks");
        assert_eq!(starting_choice(None, &db, true), Some(DeskChoice::Local), "$YKIEN_DB names the file");
        std::fs::write(&db, b"").unwrap();
        assert_eq!(starting_choice(None, &db, false), Some(DeskChoice::Local), "a PC that already has a ledger keeps it");
        let server = DeskChoice::Server { address: "may-chu".into(), pin: PIN.into() };
        assert_eq!(starting_choice(Some(server.clone()), &db, true), Some(server), "the saved choice wins");
    }

    #[test]
    fn desk_set_arguments_are_checked() {
        assert_eq!(choice_of(&json!({"mode": "local"})).unwrap(), DeskChoice::Local);
        let spaced = PIN.as_bytes().chunks(4).map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(" ");
        let chosen = choice_of(&json!({"mode": "server", "address": " 10.0.0.5 ", "pin": spaced})).unwrap();
        assert_eq!(chosen, DeskChoice::Server { address: "10.0.0.5".into(), pin: PIN.to_uppercase() });
        let field = |r: Result<DeskChoice, ErrorReport>| match r {
            Err(ErrorReport::Validation { field, .. }) => field,
            other => panic!("not a validation error: {other:?}"),
        };
        assert_eq!(field(choice_of(&json!({"mode": "server", "address": "", "pin": PIN}))), "address");
        assert_eq!(field(choice_of(&json!({"mode": "server", "address": "x", "pin": "AB12"}))), "pin");
        assert_eq!(field(choice_of(&json!({}))), "mode");
    }

    #[test]
    fn the_changed_event_names_the_case_when_the_result_is_one() {
        let case = json!({"id": "c1", "receipt_no": "2026/000012", "status": "received", "unit_id": null, "content": "…"});
        let event = changed_event("feedback_add", &case, "tiepnhan");
        assert_eq!(event, json!({"command": "feedback_add", "case": {"id": "c1", "receipt_no": "2026/000012", "status": "received", "unit_id": null}, "by": "tiepnhan"}));
        let other = changed_event("unit_add", &json!({"id": "u1", "name": "Phòng A"}), "admin");
        assert_eq!(other["case"], Value::Null);
    }
}
