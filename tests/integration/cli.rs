//! The `ykien` command line: its commands, exit codes and `--json` output are a contract.

use crate::temp_dir;
use std::path::Path;
use std::process::{Command, Output};

fn ykien(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ykien")).arg("--db").arg(db).args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn check_on_a_fresh_database_prints_ok() {
    let dir = temp_dir();
    let db = dir.path().join("Tài liệu ISO/ykien mới.db");
    let init = ykien(&db, &["init"]);
    assert!(init.status.success(), "{init:?}");
    let check = ykien(&db, &["check"]);
    assert!(check.status.success(), "{check:?}");
    assert_eq!(stdout(&check), "ok\n");

    let json: serde_json::Value = serde_json::from_str(&stdout(&ykien(&db, &["check", "--json"]))).unwrap();
    assert_eq!(json["ok"], true);
    assert_eq!(json["schema_version"], ykien::store::migrate::SCHEMA_VERSION);
}

#[test]
fn demo_fills_a_new_database_and_lists_as_json() {
    let dir = temp_dir();
    let db = dir.path().join("demo.db");
    let demo = ykien(&db, &["demo"]);
    assert!(demo.status.success(), "{demo:?}");

    let units: serde_json::Value = serde_json::from_str(&stdout(&ykien(&db, &["units", "--json"]))).unwrap();
    assert!(units.as_array().unwrap().len() >= 8);
    let staff: serde_json::Value = serde_json::from_str(&stdout(&ykien(&db, &["--json", "staff"]))).unwrap();
    assert!(staff.as_array().unwrap().len() >= 15);
    let office: serde_json::Value = serde_json::from_str(&stdout(&ykien(&db, &["office", "--json"]))).unwrap();
    assert_eq!(office["ledger_form_code"], "BM.QT.SCT.05-01");

    let found: serde_json::Value =
        serde_json::from_str(&stdout(&ykien(&db, &["staff", "--search", "nguyen van an", "--json"]))).unwrap();
    assert_eq!(found[0]["full_name"], "Nguyễn Văn An");

    // The demo has accounts: reading the audit log is the administrator's (docs/security.md).
    let audit = Command::new(env!("CARGO_BIN_EXE_ykien"))
        .arg("--db")
        .arg(&db)
        .args(["audit", "--json", "--limit", "5", "--as", "quantri"])
        .env("YKIEN_PASSWORD", ykien::demo::DEMO_PASSWORD)
        .output()
        .unwrap();
    let audit: serde_json::Value = serde_json::from_str(&stdout(&audit)).unwrap();
    assert_eq!(audit.as_array().unwrap().len(), 5);
    assert!(audit[0]["actor"].as_str().unwrap().starts_with("hệ thống (dòng lệnh, "));

    // A second demo would mix invented records into the office's: refused.
    let again = ykien(&db, &["demo"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("dữ liệu mẫu"));
}

#[test]
fn a_newer_database_fails_with_a_clear_message_and_json_error() {
    let dir = temp_dir();
    let db = dir.path().join("newer.db");
    assert!(ykien(&db, &["init"]).status.success());
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.pragma_update(None, "user_version", 42).unwrap();
    }
    let check = ykien(&db, &["check"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&check.stderr).contains("phiên bản Ý Kiến mới hơn"), "{check:?}");

    let json: serde_json::Value = serde_json::from_str(&stdout(&ykien(&db, &["check", "--json"]))).unwrap();
    assert_eq!(json["error"]["kind"], "newer_schema");
    assert_eq!(json["error"]["found"], 42);
}

#[test]
fn a_damaged_database_fails_the_check() {
    let dir = temp_dir();
    let db = dir.path().join("damaged.db");
    assert!(ykien(&db, &["demo"]).status.success());
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    // Overwrite the middle of the file (index and table pages) with garbage.
    let mut bytes = std::fs::read(&db).unwrap();
    let len = bytes.len();
    assert!(len > 8192, "demo database too small to damage: {len}");
    for b in &mut bytes[4096..len - 1024] {
        *b = 0x5a;
    }
    std::fs::write(&db, &bytes).unwrap();
    let check = ykien(&db, &["check"]);
    assert_ne!(check.status.code(), Some(0), "{check:?}");
    assert_ne!(stdout(&check), "ok\n");
}

#[test]
fn usage_errors_exit_2() {
    let dir = temp_dir();
    let out = ykien(&dir.path().join("x.db"), &["no-such-command"]);
    assert_eq!(out.status.code(), Some(2));
}

/// `ykien` with the password of `--as` in the environment, as scripts run it.
fn ykien_as(db: &Path, login: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ykien"))
        .arg("--db")
        .arg(db)
        .args(["--as", login])
        .args(args)
        .env("YKIEN_PASSWORD", ykien::demo::DEMO_PASSWORD)
        .output()
        .unwrap()
}

fn json_of(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{o:?}");
    serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("{e}: {o:?}"))
}

fn error_of(o: &Output) -> serde_json::Value {
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    serde_json::from_str::<serde_json::Value>(&stdout(o)).unwrap()["error"].clone()
}

#[test]
fn a_script_sets_up_an_office_from_nothing_and_prints_its_forms() {
    let dir = temp_dir();
    let db = dir.path().join("Sở Tư pháp.db");
    assert!(ykien(&db, &["init"]).status.success());
    let none = ykien(&db, &["office"]);
    assert_eq!(stdout(&none), "Chưa nhập thông tin cơ quan.\n");

    let office = json_of(&ykien(
        &db,
        &[
            "office", "set", "--json", "--name", "Sở Tư pháp tỉnh Gia Lai", "--parent-agency", "UBND TỈNH GIA LAI",
            "--place-name", "Gia Lai", "--address", "17 Trần Hưng Đạo, Pleiku", "--phone", "0269 3824 111",
            "--email", "stp@gialai.gov.vn",
        ],
    ));
    assert_eq!(office["name"], "Sở Tư pháp tỉnh Gia Lai");
    // The form codes of the procedure stay as a new database has them.
    assert_eq!(office["ledger_form_code"], "BM.QT.SCT.05-01");
    // Changing one field keeps the others.
    let office = json_of(&ykien(&db, &["office", "set", "--phone", "0269 3824 222", "--json"]));
    assert_eq!((office["phone"].as_str(), office["place_name"].as_str()), (Some("0269 3824 222"), Some("Gia Lai")));
    assert_eq!(
        stdout(&ykien(&db, &["office"])),
        "UBND TỈNH GIA LAI\nSở Tư pháp tỉnh Gia Lai\n17 Trần Hưng Đạo, Pleiku, Gia Lai\n0269 3824 222 · stp@gialai.gov.vn\n"
    );

    let vp = json_of(&ykien(&db, &["units", "add", "Văn phòng Sở", "--code", "VP", "--json"]));
    assert_eq!(vp["code"], "VP");
    let added = ykien(&db, &["unit", "add", "Bộ phận Tiếp nhận và Trả kết quả", "--code", "MC"]);
    assert_eq!(stdout(&added), "Đã thêm đơn vị: MC       Bộ phận Tiếp nhận và Trả kết quả\n");
    assert_eq!(json_of(&ykien(&db, &["units", "--json"])).as_array().unwrap().len(), 2);

    let hoa = json_of(&ykien(
        &db,
        &["staff", "add", "Nguyễn Thị Hoa", "--role", "reception", "--unit", "mc", "--title", "Chuyên viên", "--json"],
    ));
    assert_eq!((hoa["unit_name"].as_str(), hoa["role"].as_str()), (Some("Bộ phận Tiếp nhận và Trả kết quả"), Some("reception")));
    assert!(ykien(&db, &["staff", "add", "Trần Quốc Dũng", "--role", "administrator", "--unit", "VP"]).status.success());
    let bad_role = ykien(&db, &["staff", "add", "Ai Đó", "--role", "giam_doc"]);
    assert_eq!(bad_role.status.code(), Some(2));
    assert_eq!(json_of(&ykien(&db, &["staff", "--json"])).as_array().unwrap().len(), 2);
    // A unit that still has staff is not removed; once they are gone, it is.
    assert_eq!(error_of(&ykien(&db, &["units", "remove", "VP", "--json"]))["kind"], "conflict");
    assert!(ykien(&db, &["staff", "remove", "tran quoc dung"]).status.success());
    assert!(ykien(&db, &["units", "remove", "Văn phòng Sở"]).status.success());
    assert_eq!(json_of(&ykien(&db, &["units", "--json"])).as_array().unwrap().len(), 1);

    let settings = json_of(&ykien(&db, &["settings", "set", "reply_deadline_days", "15", "--json"]));
    assert_eq!(settings["reply_deadline_days"], 15);
    assert!(ykien(&db, &["settings", "set", "count_working_days", "true"]).status.success());
    let settings = json_of(&ykien(&db, &["settings", "--json"]));
    assert_eq!((settings["reply_deadline_days"].as_u64(), settings["count_working_days"].as_bool()), (Some(15), Some(true)));
    let unknown = error_of(&ykien(&db, &["settings", "set", "han_tra_loi", "15", "--json"]));
    assert_eq!((unknown["kind"].as_str(), unknown["field"].as_str()), (Some("validation"), Some("han_tra_loi")));
    assert_eq!(error_of(&ykien(&db, &["settings", "set", "due_soon_days", "ba", "--json"]))["kind"], "validation");

    let holiday = json_of(&ykien(&db, &["holidays", "add", "02/09/2026", "Quốc khánh", "--json"]));
    assert_eq!(holiday, serde_json::json!({ "day": "2026-09-02", "name": "Quốc khánh" }));
    assert!(ykien(&db, &["holiday", "add", "2026-09-01", "Quốc khánh (nghỉ bù)"]).status.success());
    assert_eq!(stdout(&ykien(&db, &["holidays"])), "2026-09-01 Quốc khánh (nghỉ bù)\n2026-09-02 Quốc khánh\n");
    assert!(ykien(&db, &["holidays", "remove", "2026-09-01"]).status.success());
    assert_eq!(json_of(&ykien(&db, &["holidays", "--json"])).as_array().unwrap().len(), 1);

    // The office prints its forms from what the script set up.
    let form = dir.path().join("phiếu khảo sát.pdf");
    let printed = ykien(&db, &["print", "survey-blank", "--year", "2026", "--out", form.to_str().unwrap()]);
    assert!(printed.status.success(), "{printed:?}");
    assert!(std::fs::read(&form).unwrap().starts_with(b"%PDF"));
    let book = dir.path().join("sổ.pdf");
    let printed = ykien(&db, &["print", "ledger", "--blank-pages", "2", "--out", book.to_str().unwrap()]);
    assert!(printed.status.success(), "{printed:?}");
    assert!(std::fs::read(&book).unwrap().starts_with(b"%PDF"));
}

#[test]
fn call_reaches_any_command_of_the_table() {
    let dir = temp_dir();
    let db = dir.path().join("demo.db");
    assert!(ykien(&db, &["demo"]).status.success());

    // The same JSON as the human command's.
    let office = json_of(&ykien(&db, &["call", "office_get"]));
    assert_eq!(office, json_of(&ykien(&db, &["office", "--json"])));
    let found = json_of(&ykien(&db, &["call", "staff_list", "--args", r#"{"query": "nguyen van an"}"#]));
    assert_eq!(found[0]["full_name"], "Nguyễn Văn An");

    // Changes need the role, as everywhere.
    let unit = r#"{"unit": {"name": "Ban Pháp chế", "code": "PC"}}"#;
    let refused = error_of(&ykien_as(&db, "tiepnhan", &["call", "unit_save", "--args", unit, "--json"]));
    assert_eq!(refused["kind"], "forbidden");
    let saved = json_of(&ykien_as(&db, "quantri", &["call", "unit_save", "--args", unit]));
    assert_eq!(saved["code"], "PC");
    assert!(json_of(&ykien(&db, &["units", "--json"])).as_array().unwrap().iter().any(|u| u["code"] == "PC"));

    // Unknown commands and malformed arguments: typed errors, exit 1; without --json, a
    // Vietnamese sentence on stderr.
    assert_eq!(error_of(&ykien(&db, &["call", "office_delete", "--json"]))["kind"], "not_found");
    let missing = error_of(&ykien(&db, &["call", "case_get", "--json"]));
    assert_eq!((missing["kind"].as_str(), missing["field"].as_str()), (Some("validation"), Some("id")));
    let plain = ykien(&db, &["call", "case_get", "--args", "{not json"]);
    assert_eq!(plain.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&plain.stderr).starts_with("Lỗi: --args không phải JSON hợp lệ"), "{plain:?}");

    let table = json_of(&ykien(&db, &["call", "--list", "--json"]));
    let rows = table.as_array().unwrap();
    assert_eq!(rows.len(), ykien::commands::TABLE.len());
    let save = rows.iter().find(|r| r["name"] == "office_save").unwrap();
    assert_eq!((save["writes"].as_bool(), save["signed_in"].as_bool()), (Some(true), Some(true)));
}
