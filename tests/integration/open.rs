//! Opening database files: new, newer-than-supported, not a database at all; the checked open
//! every caller shares ([`Database::open_checked`]) and its four answers; a second connection
//! that acts as the first.

use crate::temp_dir;
use rusqlite::Connection;
use ykien::{no_progress, BackupSettings, Database, Error, Ledger, Opened, UnitInput};

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

fn unit(name: &str) -> UnitInput {
    UnitInput { id: None, name: name.into(), code: String::new() }
}

/// A database with one unit and a backup of it in `bk/`, its folder saved in the settings.
fn with_a_backup(dir: &std::path::Path) -> (std::path::PathBuf, ykien::BackupFile) {
    let db = dir.join("ykien.db");
    let mut l = Ledger::open(&db).unwrap();
    l.save_unit(&unit("Phòng Tư pháp")).unwrap();
    l.save_backup_settings(&BackupSettings { folder: dir.join("bk").display().to_string(), keep: 30, ..Default::default() }).unwrap();
    let backup = l.backup_now(&no_progress).unwrap();
    (db, backup)
}

#[test]
fn a_sound_file_opens_ready() {
    let dir = temp_dir();
    let (db, _) = with_a_backup(dir.path());
    match Database::new(&db).open_checked() {
        Opened::Ready(l) => {
            assert_eq!(l.units().unwrap().len(), 1);
            assert_eq!(l.database().unwrap().path(), db.as_path());
        }
        _ => panic!("a sound file is ready"),
    }
}

#[test]
fn a_damaged_file_is_answered_with_the_newest_good_backup() {
    let dir = temp_dir();
    let (db, backup) = with_a_backup(dir.path());
    // Overwritten: the folder is still found through the note written beside the database.
    std::fs::write(&db, vec![0u8; 8192]).unwrap();
    match Database::new(&db).open_checked() {
        Opened::Damaged { error, newest_good_backup } => {
            assert!(matches!(error, Error::NotADatabase { .. }), "{error:?}");
            assert_eq!(newest_good_backup.unwrap().file_name, backup.file_name);
        }
        _ => panic!("a damaged file is answered as damaged"),
    }
    // The backup offered restores it, through the same value.
    Database::new(&db).restore(std::path::Path::new(&backup.path), None).unwrap();
    assert!(matches!(Database::new(&db).open_checked(), Opened::Ready(_)));
}

#[test]
fn an_encrypted_file_needs_its_passphrase_and_a_newer_one_is_refused() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    Ledger::open(&db).unwrap().encryption_on("Sở Công Thương 2026").unwrap();
    for given in [None, Some("không phải mật khẩu")] {
        match Database::new(&db).with_passphrase(given).open_checked() {
            Opened::NeedsPassphrase(Error::Encrypted { wrong_key, .. }) => assert_eq!(wrong_key, given.is_some()),
            _ => panic!("an encrypted file opened without its passphrase ({given:?})"),
        }
    }
    let opened = Database::new(&db).with_passphrase(Some("Sở Công Thương 2026")).open_checked();
    assert!(opened.ledger().unwrap().is_encrypted());

    let newer = dir.path().join("newer.db");
    drop(Ledger::open(&newer).unwrap());
    Connection::open(&newer).unwrap().pragma_update(None, "user_version", 999).unwrap();
    match Database::new(&newer).open_checked() {
        Opened::Refused(Error::NewerSchema { found: 999, .. }) => {}
        _ => panic!("a newer schema is refused, with no backup to offer"),
    }
}

#[test]
fn the_ledger_holds_the_passphrase_as_it_changes() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    let mut l = Ledger::open(&db).unwrap();
    l.encryption_on("Mật khẩu thứ nhất").unwrap();
    // Nothing is copied by hand: what the ledger gives back opens the file.
    l.database().unwrap().open().unwrap();
    l.encryption_change("Mật khẩu thứ nhất", "Mật khẩu thứ hai").unwrap();
    let again = l.database().unwrap().clone();
    drop(l);
    assert!(again.open().unwrap().is_encrypted());
    let mut l = again.open().unwrap();
    l.encryption_off("Mật khẩu thứ hai").unwrap();
    assert!(!l.database().unwrap().open().unwrap().is_encrypted());
}

#[test]
fn another_connection_acts_as_the_signed_in_account() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    let mut l = Ledger::open(&db).unwrap();
    ykien::demo::fill_with_accounts(&mut l).unwrap();
    drop(l);
    let mut l = Ledger::open(&db).unwrap();
    assert!(!l.open_another().unwrap().units().unwrap().is_empty(), "the demo's units, read on the second connection");
    let e = l.open_another().unwrap().save_unit(&unit("Phòng Kinh tế")).unwrap_err();
    assert!(matches!(e, Error::SignInRequired(_)), "nobody signed in here, nobody there: {e:?}");

    l.sign_in("quantri", ykien::demo::DEMO_PASSWORD).unwrap();
    let mut other = l.open_another().unwrap();
    other.save_unit(&unit("Phòng Kinh tế")).unwrap();
    let last = &l.audit_log(1).unwrap()[0];
    assert!(last.actor.contains("quantri"), "recorded as the account signed in on the first: {}", last.actor);
    assert_eq!(l.units().unwrap().len(), other.units().unwrap().len(), "the same file");

    // The second connection's role is read afresh, as the first's: a clerk may not.
    l.sign_out();
    l.sign_in("tiepnhan", ykien::demo::DEMO_PASSWORD).unwrap();
    let e = l.open_another().unwrap().save_unit(&unit("Phòng Nội vụ")).unwrap_err();
    assert!(matches!(e, Error::Forbidden(_)), "{e:?}");
    assert!(Ledger::open_in_memory().unwrap().open_another().is_err(), "memory has no second connection");
}

#[test]
fn the_window_reads_while_an_import_runs_on_its_own_connection() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    let file = dir.path().join("so-cu.xlsx");
    crate::import::big_ledger(&file, 1200);
    let mut window = Ledger::open(&db).unwrap();
    crate::import::set_up_office(&mut window);
    let book = || window.feedback(&ykien::FeedbackFilter::default()).unwrap().total;

    // The import reports its progress from inside its one transaction (every 500 lines):
    // each time, the window's connection reads the book at once, as it stood before.
    let seen = std::cell::RefCell::new(Vec::new());
    let mut own = window.open_another().unwrap();
    own.import_ledger(&file, true, &|done, total| {
        if done < total {
            seen.borrow_mut().push(book());
        }
        true
    })
    .unwrap();
    assert_eq!(seen.into_inner(), [0, 0], "read twice during the import, nothing of it visible yet");
    assert_eq!(book(), 1200, "all of it once committed");
}
