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

    // The demo has accounts: reading the audit log is the administrator's (README).
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
