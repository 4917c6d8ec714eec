//! Opening database files: new, newer-than-supported, not a database at all.

use crate::temp_dir;
use rusqlite::Connection;
use ykien::{Error, Ledger};

#[test]
fn a_new_file_is_created_with_wal_and_current_schema() {
    let dir = temp_dir();
    let path = dir.path().join("nested/folder/ykien.db");
    let ledger = Ledger::open(&path).unwrap();
    assert_eq!(ledger.schema_version().unwrap(), ykien::store::migrate::SCHEMA_VERSION);
    drop(ledger);
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn reopening_keeps_records_and_does_not_migrate_twice() {
    let dir = temp_dir();
    let path = dir.path().join("ykien.db");
    let mut ledger = Ledger::open(&path).unwrap();
    ledger.save_office(&ykien::demo::demo_office()).unwrap();
    drop(ledger);
    let ledger = Ledger::open(&path).unwrap();
    assert_eq!(ledger.office().unwrap().unwrap().name, "Sở Công Thương tỉnh Đắk Lắk");
    assert!(ledger.check().unwrap().ok);
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = temp_dir();
    let path = dir.path().join("newer.db");
    let mut ledger = Ledger::open(&path).unwrap();
    ledger.save_office(&ykien::demo::demo_office()).unwrap();
    drop(ledger);
    {
        // What a newer build would leave behind: a higher schema number, checkpointed.
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = std::fs::read(&path).unwrap();

    match Ledger::open(&path) {
        Err(e @ Error::NewerSchema { found: 999, .. }) => {
            let msg = e.to_string();
            assert!(msg.contains("phiên bản Ý Kiến mới hơn"), "{msg}");
        }
        Err(e) => panic!("expected NewerSchema, got {e:?}"),
        Ok(_) => panic!("a newer database was opened"),
    }

    assert_eq!(std::fs::read(&path).unwrap(), before, "the file changed");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers, vec![std::ffi::OsString::from("newer.db")], "stray -wal/-shm files");
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_untouched() {
    let dir = temp_dir();
    let path = dir.path().join("so-ghi-nhan.xlsx");
    let bytes = b"PK\x03\x04 this is a spreadsheet, not a database".repeat(100);
    std::fs::write(&path, &bytes).unwrap();
    assert!(matches!(Ledger::open(&path), Err(Error::NotADatabase { .. })));
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_network_path_is_refused_with_the_reason() {
    let err = Ledger::open(r"\\fileserver\ISO\ykien.db").err().expect("refused");
    assert!(matches!(err, Error::NetworkDrive { .. }));
    assert!(err.to_string().contains("ổ mạng"), "{err}");
}
