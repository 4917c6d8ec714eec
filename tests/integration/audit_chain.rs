//! The audit log is a hash chain: editing, removing or hiding any entry in the file is
//! detected by `ykien check`, which names the first broken entry.

use crate::temp_dir;
use std::path::Path;
use std::process::Command;
use ykien::{Ledger, UnitInput};

fn unit(name: &str) -> UnitInput {
    UnitInput { id: None, name: name.into(), code: String::new() }
}

fn ykien(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ykien")).arg("--db").arg(db).args(args).output().unwrap()
}

/// A closed database file with four units (four audit entries).
fn database(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("ykien.db");
    let mut l = Ledger::open(&db).unwrap();
    for name in ["Phòng Tư pháp", "Phòng Kinh tế", "Phòng Văn hoá", "Bộ phận Một cửa"] {
        l.save_unit(&unit(name)).unwrap();
    }
    assert!(l.check().unwrap().ok);
    drop(l); // the last connection checkpoints the WAL into the file
    db
}

#[test]
fn editing_one_byte_of_an_audit_entry_in_the_file_is_detected() {
    // "t" → "T" keeps the text valid; a byte inside "ế" makes it invalid UTF-8.
    for (offset, byte) in [(5, b'T'), (3, b'X')] {
        edit_and_check(offset, byte);
    }
}

/// Replaces the byte `offset` bytes before the end of `"name":"Phòng Kinh tế"` in the file.
fn edit_and_check(offset: usize, byte: u8) {
    let dir = temp_dir();
    let db = database(dir.path());
    let healthy = ykien(&db, &["check", "--json"]);
    let report: serde_json::Value = serde_json::from_slice(&healthy.stdout).unwrap();
    assert_eq!(report["ok"], true, "{report}");
    assert_eq!(report["audit_entries"], 4);

    // The second entry's record: {"id":…,"name":"Phòng Kinh tế",…} as JSON, found only in the log.
    let mut bytes = std::fs::read(&db).unwrap();
    let needle = "\"name\":\"Phòng Kinh tế\"".as_bytes();
    let hits: Vec<usize> = bytes.windows(needle.len()).enumerate().filter(|(_, w)| *w == needle).map(|(i, _)| i).collect();
    assert_eq!(hits.len(), 1, "the entry is stored once");
    let at = hits[0] + needle.len() - offset;
    assert_ne!(bytes[at], byte);
    bytes[at] = byte;
    std::fs::write(&db, &bytes).unwrap();

    let out = ykien(&db, &["check"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Mục nhật ký số 2"), "{stderr}");
    // The report comes first (the failure object follows it).
    let out = ykien(&db, &["check", "--json"]).stdout;
    let json: serde_json::Value = serde_json::Deserializer::from_slice(&out).into_iter().next().unwrap().unwrap();
    assert_eq!(json["audit_broken_at"], 2, "{json}");
    // The file itself is sound: only the chain tells.
    assert!(json["problems"].as_array().unwrap().iter().all(|p| p.as_str().unwrap().contains("nhật ký")), "{json}");
}

/// Changes the database with the triggers that keep the log append-only dropped, as someone
/// editing the file with another tool could.
fn tamper(db: &Path, sql: &str) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch(&format!("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; {sql}")).unwrap();
}

fn broken_at(db: &Path) -> Option<i32> {
    Ledger::open(db).unwrap().check().unwrap().audit_broken_at
}

#[test]
fn rewriting_who_or_when_removing_or_hiding_an_entry_is_detected() {
    let dir = temp_dir();
    for (sql, first) in [
        ("UPDATE audit_log SET actor = 'người khác' WHERE seq = 3", 3),
        ("UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 1", 1),
        ("DELETE FROM audit_log WHERE seq = 2", 3),
        // Erasing an entry's content as a disposal would, with no disposal recording it.
        ("UPDATE audit_log SET before = NULL, after = NULL, redacted_at = 'x' WHERE seq = 4", 4),
        // Recomputing nothing but the last hash cannot hide a change to an earlier entry.
        ("UPDATE audit_log SET hash = 'abc' WHERE seq = 2", 2),
    ] {
        let sub = dir.path().join(format!("t{first}-{}", sql.len()));
        let db = database(&sub);
        tamper(&db, sql);
        assert_eq!(broken_at(&db), Some(first), "{sql}");
    }
}

#[test]
fn the_log_stays_append_only_for_ordinary_sql() {
    let dir = temp_dir();
    let db = database(dir.path());
    let conn = rusqlite::Connection::open(&db).unwrap();
    for sql in [
        "UPDATE audit_log SET actor = 'x' WHERE seq = 1",
        "UPDATE audit_log SET after = NULL WHERE seq = 1",
        "UPDATE audit_log SET hash = NULL WHERE seq = 1",
        "DELETE FROM audit_log WHERE seq = 1",
    ] {
        let err = conn.execute(sql, []).unwrap_err();
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
}

#[test]
fn the_log_is_searched_by_who_what_and_which_days() {
    let mut l = ykien::Ledger::open_in_memory().unwrap();
    l.set_actor("Phạm Thị Lan");
    l.save_office(&ykien::demo::demo_office()).unwrap();
    let unit = l.save_unit(&ykien::UnitInput { id: None, name: "Phòng Tư pháp".into(), code: "TP".into() }).unwrap();
    l.set_actor("Nguyễn Văn An");
    l.save_unit(&ykien::UnitInput { id: Some(unit.id.clone()), name: "Phòng Tư pháp – Hộ tịch".into(), code: "TP".into() })
        .unwrap();
    let search = |f: ykien::AuditFilter| l.audit_search(&ykien::AuditFilter { limit: 50, ..f }).unwrap();
    let entities = |v: Vec<ykien::AuditEntry>| v.into_iter().map(|e| (e.entity, e.action, e.actor)).collect::<Vec<_>>();

    let by_an = search(ykien::AuditFilter { actor: Some("Văn An".into()), ..Default::default() });
    assert_eq!(entities(by_an), [("unit".into(), "update".into(), "Nguyễn Văn An".into())]);
    let created = search(ykien::AuditFilter { entity: Some("unit".into()), action: Some("create".into()), ..Default::default() });
    assert_eq!(entities(created), [("unit".into(), "create".into(), "Phạm Thị Lan".into())]);
    // Decomposed text typed in the filter finds the composed name stored.
    let nfd = search(ykien::AuditFilter { actor: Some("Pha\u{323}m".into()), ..Default::default() });
    assert_eq!(nfd.len(), 2, "the office and the unit, by Phạm Thị Lan");

    let today = chrono::Local::now().date_naive();
    let day = |d: chrono::NaiveDate| Some(d.format("%Y-%m-%d").to_string());
    assert_eq!(search(ykien::AuditFilter { from: day(today), to: day(today), ..Default::default() }).len(), 3);
    assert!(search(ykien::AuditFilter { to: day(today.pred_opt().unwrap()), ..Default::default() }).is_empty());
    let backwards = l.audit_search(&ykien::AuditFilter { from: day(today), to: day(today.pred_opt().unwrap()), limit: 5, ..Default::default() });
    assert!(matches!(backwards, Err(ykien::Error::Validation { ref field, .. }) if field == "to"), "{backwards:?}");
    let impossible = l.audit_search(&ykien::AuditFilter { from: Some("2026-02-30".into()), limit: 5, ..Default::default() });
    assert!(matches!(impossible, Err(ykien::Error::Validation { ref field, .. }) if field == "from"), "{impossible:?}");

    let chain = l.audit_chain().unwrap();
    assert_eq!((chain.entries, chain.broken), (3, None));
}
