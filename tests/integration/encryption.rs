//! Encryption at rest: with encryption on, neither the database file nor its backups hold
//! plaintext; a missing or wrong passphrase is refused with a clear message and the file is
//! left byte for byte as it was; on → off keeps every record; the passphrase can be changed;
//! encrypted backups are restored with the passphrase; the command line reads it from
//! $YKIEN_DB_KEY.

use crate::temp_dir;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use ykien::store::backup::check_file;
use ykien::store::cipher::{file_kind, FileKind, Passphrase};
use ykien::{no_progress, BackupSettings, Database, Error, Ledger, UnitInput};

const NAME: &str = "Trần Thị Bích Ngọc";
const WORD: &str = "photocopycongchung";
const KEY: &str = "Sở Công Thương 2026";

fn complaint() -> ykien::FeedbackInput {
    ykien::FeedbackInput {
        received_at: "2026-11-20T09:30".into(),
        channel: ykien::Channel::InPerson,
        kind: ykien::Kind::Complaint,
        subject: ykien::Subject::ProcessingTime,
        book: ykien::Book::Feedback,
        customer_name: NAME.into(),
        customer_org: String::new(),
        customer_address: String::new(),
        customer_phone: String::new(),
        customer_email: String::new(),
        customer_group: ykien::CustomerGroup::Unknown,
        content: format!("Phải nộp bản {WORD} hai lần cho một hồ sơ"),
        receiver_id: None,
        unit_id: None,
        written: false,
        formal: false,
        settled_on_spot: None,
    }
}

/// A database with one complaint and one unit, closed.
fn ledger_with_a_complaint(db: &Path) {
    let mut l = Ledger::open(db).unwrap();
    l.save_unit(&UnitInput { id: None, name: "Phòng Tư pháp".into(), code: "TP".into() }).unwrap();
    l.add_feedback(&complaint()).unwrap();
}

/// Whether any file in `files` holds `needle` (UTF-8 or as SQLite stores it) in its raw bytes.
fn holds(file: &Path, needle: &str) -> bool {
    let bytes = std::fs::read(file).unwrap_or_default();
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

fn side_files(db: &Path) -> Vec<PathBuf> {
    ["", "-wal", "-shm"].iter().map(|ext| PathBuf::from(format!("{}{ext}", db.display()))).filter(|p| p.exists()).collect()
}

fn sha(path: &Path) -> String {
    format!("{:x}", Sha256::digest(std::fs::read(path).unwrap()))
}

fn names(l: &Ledger) -> Vec<String> {
    let page = l.feedback(&ykien::FeedbackFilter::default()).unwrap();
    page.rows.into_iter().map(|r| r.customer_name).collect()
}

#[test]
fn with_encryption_on_the_file_and_its_backup_hold_no_plaintext() {
    let dir = temp_dir();
    let db = dir.path().join("Dữ liệu/ykien.db");
    ledger_with_a_complaint(&db);
    // The test would prove nothing if the words were not there in plaintext before.
    assert!(holds(&db, NAME) && holds(&db, WORD), "a plain database holds its words");

    let mut l = Ledger::open(&db).unwrap();
    let report = l.encryption_on(KEY).unwrap();
    assert!(report.encrypted && l.is_encrypted());
    // Writes after the switch, then a checkpoint: the file, its WAL and the backup.
    l.add_feedback(&complaint()).unwrap();
    let backup = l.backup_to(&dir.path().join("USB"), &no_progress).unwrap();
    for f in side_files(&db).iter().chain([PathBuf::from(&backup.path)].iter()) {
        assert!(!holds(f, NAME) && !holds(f, WORD), "plaintext in {}", f.display());
        assert!(!holds(f, "SQLite format 3"), "{} has SQLite's plain header", f.display());
    }
    drop(l);
    assert_eq!(file_kind(&db).unwrap(), FileKind::Encrypted);
    assert_eq!(file_kind(Path::new(&backup.path)).unwrap(), FileKind::Encrypted);
    // No leftover of the swap beside the database.
    let left: Vec<String> =
        std::fs::read_dir(db.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(left.iter().all(|n| n.starts_with("ykien.db")) && !left.iter().any(|n| n.contains("partial") || n.contains("cu-xoa")), "{left:?}");

    // The backup is encrypted with the same passphrase and passes its check with it only.
    assert!(check_file(Path::new(&backup.path), Some(&Passphrase::new(KEY))).unwrap().ok);
    assert!(matches!(check_file(Path::new(&backup.path), None).unwrap_err(), Error::Encrypted { wrong_key: false, .. }));

    let l = Database::new(&db).with_passphrase(Some(KEY)).open().unwrap();
    assert_eq!(names(&l), [NAME, NAME]);
    assert!(l.check().unwrap().ok);
    let last = &l.audit_log(5).unwrap();
    assert!(last.iter().any(|e| e.entity == "encryption"), "turning encryption on is in the audit log");
}

#[test]
fn a_missing_or_wrong_passphrase_is_refused_clearly_and_the_file_is_unchanged() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    ledger_with_a_complaint(&db);
    Ledger::open(&db).unwrap().encryption_on(KEY).unwrap();
    let before = sha(&db);

    let e = Ledger::open(&db).err().unwrap();
    assert!(matches!(e, Error::Encrypted { wrong_key: false, .. }), "{e:?}");
    assert_eq!(e.to_string(), "Cơ sở dữ liệu đã được mã hoá: cần nhập mật khẩu mã hoá để mở.");
    let e = Database::new(&db).with_passphrase(Some("Sở Công Thương 2025")).open().err().unwrap();
    assert_eq!(e.to_string(), "Cơ sở dữ liệu đã được mã hoá: mật khẩu mã hoá không đúng.");
    let report = ykien::ErrorReport::from(&e);
    assert_eq!(serde_json::to_value(&report).unwrap()["kind"], "encrypted");
    assert_eq!(serde_json::to_value(&report).unwrap()["wrong_key"], true);

    assert_eq!(sha(&db), before, "refusals leave the file byte for byte");
    assert_eq!(side_files(&db), std::slice::from_ref(&db), "no WAL or shared-memory file was created");
    // The same words typed with combining accents (another input method) open it.
    let nfd: String = unicode_nfd(KEY);
    assert_ne!(nfd, KEY);
    Database::new(&db).with_passphrase(Some(&nfd)).open().unwrap();
}

fn unicode_nfd(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd().collect()
}

#[test]
fn on_then_off_keeps_every_record_and_the_passphrase_can_be_changed() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    ykien::demo::fill(&mut Ledger::open(&db).unwrap()).unwrap();
    let counts = |l: &Ledger| {
        let c = l.check().unwrap();
        assert!(c.ok, "{:?}", c.problems);
        (l.feedback(&ykien::FeedbackFilter { limit: Some(0), ..Default::default() }).unwrap().total, l.units().unwrap().len(), l.staff(None).unwrap().len(), c.audit_entries)
    };
    let plain = counts(&Ledger::open(&db).unwrap());

    // Short passphrases are refused by name and change nothing.
    let mut l = Ledger::open(&db).unwrap();
    let e = l.encryption_on("ngắn").unwrap_err();
    assert!(matches!(&e, Error::Validation { field, .. } if field == "passphrase"), "{e:?}");
    assert_eq!(file_kind(&db).unwrap(), FileKind::Plain);

    l.encryption_on(KEY).unwrap();
    drop(l);
    let mut l = Database::new(&db).with_passphrase(Some(KEY)).open().unwrap();
    let on = counts(&l);
    assert_eq!((on.0, on.1, on.2), (plain.0, plain.1, plain.2));
    assert_eq!(on.3, plain.3 + 1, "one audit entry for turning encryption on");

    // Change: the current passphrase is asked again; afterwards only the new one opens it.
    let e = l.encryption_change("không phải mật khẩu", "Mật khẩu mới 2027").unwrap_err();
    assert!(matches!(&e, Error::Validation { field, .. } if field == "current_passphrase"), "{e:?}");
    l.encryption_change(KEY, "Mật khẩu mới 2027").unwrap();
    drop(l);
    assert!(matches!(Database::new(&db).with_passphrase(Some(KEY)).open().err().unwrap(), Error::Encrypted { wrong_key: true, .. }));
    let mut l = Database::new(&db).with_passphrase(Some("Mật khẩu mới 2027")).open().unwrap();
    assert_eq!(counts(&l).0, plain.0);

    l.encryption_off("Mật khẩu mới 2027").unwrap();
    assert!(!l.is_encrypted());
    drop(l);
    assert_eq!(file_kind(&db).unwrap(), FileKind::Plain);
    let off = counts(&Ledger::open(&db).unwrap());
    assert_eq!((off.0, off.1, off.2, off.3), (plain.0, plain.1, plain.2, plain.3 + 3));
}

#[test]
fn an_encrypted_backup_is_restored_with_the_passphrase_and_old_plain_backups_are_listed() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    let folder = dir.path().join("USB");
    ledger_with_a_complaint(&db);
    let mut l = Ledger::open(&db).unwrap();
    l.save_backup_settings(&BackupSettings { folder: folder.display().to_string(), keep: 30, ..Default::default() }).unwrap();
    l.set_clock(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap().and_hms_opt(9, 0, 0));
    let old_plain = l.backup_now(&no_progress).unwrap();
    // A copy made before an upgrade, beside the database, in plaintext.
    let upgrade_copy = dir.path().join("Sao lưu/ykien-truoc-nang-cap-v2-20261101-080000.db");
    std::fs::create_dir_all(upgrade_copy.parent().unwrap()).unwrap();
    std::fs::copy(&old_plain.path, &upgrade_copy).unwrap();

    let report = l.encryption_on(KEY).unwrap();
    assert_eq!(report.encrypted_copies, [upgrade_copy.display().to_string()]);
    assert_eq!(file_kind(&upgrade_copy).unwrap(), FileKind::Encrypted);
    assert!(!holds(&upgrade_copy, NAME));
    let plain: Vec<String> = report.plaintext_backups.iter().map(|b| b.path.clone()).collect();
    assert_eq!(plain, std::slice::from_ref(&old_plain.path), "the old plaintext backup is pointed out");

    l.set_clock(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap().and_hms_opt(9, 0, 0));
    let encrypted = l.backup_now(&no_progress).unwrap();
    l.add_feedback(&complaint()).unwrap();
    assert_eq!(names(&l).len(), 2);
    drop(l);

    // Restoring needs the passphrase; a wrong one is refused before anything changes.
    let before = sha(&db);
    let e = Database::new(&db).with_passphrase(Some("sai mật khẩu rồi")).restore(Path::new(&encrypted.path), None).unwrap_err();
    assert!(matches!(e, Error::Encrypted { wrong_key: true, .. }), "{e:?}");
    assert_eq!(sha(&db), before);
    let r = Database::new(&db).with_passphrase(Some(KEY)).restore(Path::new(&encrypted.path), None).unwrap();
    let previous = PathBuf::from(r.previous_copy.unwrap());
    assert_eq!(file_kind(&previous).unwrap(), FileKind::Encrypted, "the copy kept before the restore is encrypted too");
    let l = Database::new(&db).with_passphrase(Some(KEY)).open().unwrap();
    assert_eq!(names(&l).len(), 1);
    assert_eq!(Database::new(&db).with_passphrase(Some(KEY)).recovery_backup().unwrap().file_name, encrypted.file_name);
    drop(l);

    // An old plaintext backup restored over the encrypted database is encrypted at once.
    Database::new(&db).with_passphrase(Some(KEY)).restore(Path::new(&old_plain.path), None).unwrap();
    assert_eq!(file_kind(&db).unwrap(), FileKind::Encrypted);
    assert!(!holds(&db, NAME));
    let l = Database::new(&db).with_passphrase(Some(KEY)).open().unwrap();
    assert_eq!(names(&l), [NAME]);

    // The administrator removes the plaintext backups.
    let status = l.encryption_status().unwrap();
    assert!(status.plaintext_backups.iter().any(|b| b.path == old_plain.path));
    let removed = l.remove_plaintext_backups().unwrap();
    assert!(removed.contains(&old_plain.path));
    assert!(!Path::new(&old_plain.path).exists());
    assert!(l.encryption_status().unwrap().plaintext_backups.is_empty());
    assert!(Path::new(&encrypted.path).exists(), "encrypted backups are kept");
}

/// As [`ykien`], signed in as the demo database's administrator: changing encryption and
/// restoring are an administrator's.
fn ykien_admin(db: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut with = args.to_vec();
    with.extend(["--as", "quantri"]);
    let mut env = env.to_vec();
    env.push(("YKIEN_PASSWORD", "matkhau-demo"));
    ykien(db, &with, &env)
}

fn ykien(db: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_ykien"));
    c.arg("--db").arg(db).args(args).env_remove("YKIEN_DB_KEY").env_remove("YKIEN_NEW_DB_KEY");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

#[test]
fn the_command_line_takes_the_passphrase_from_the_environment() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    assert!(ykien(&db, &["demo"], &[]).status.success());

    // `on` without a new passphrase and no terminal: refused, nothing changed.
    let out = ykien(&db, &["encryption", "on"], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("YKIEN_NEW_DB_KEY"), "{out:?}");
    let out = ykien_admin(&db, &["encryption", "on", "--json"], &[("YKIEN_NEW_DB_KEY", KEY)]);
    assert!(out.status.success(), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["encrypted"], true);
    let hash = sha(&db);

    let out = ykien(&db, &["check"], &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Cơ sở dữ liệu đã được mã hoá") && err.contains("YKIEN_DB_KEY"), "{err}");
    assert!(!err.contains("hmac"), "SQLCipher's own log stays quiet: {err}");
    let out = ykien(&db, &["check", "--json"], &[("YKIEN_DB_KEY", "sai mật khẩu rồi")]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["error"]["kind"], "encrypted");
    assert_eq!(json["error"]["message"], "Cơ sở dữ liệu đã được mã hoá: mật khẩu mã hoá không đúng.");
    assert_eq!(sha(&db), hash);

    let out = ykien(&db, &["check"], &[("YKIEN_DB_KEY", KEY)]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "ok\n");
    let out = ykien(&db, &["encryption", "status", "--json"], &[("YKIEN_DB_KEY", KEY)]);
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["encrypted"], true);

    let out = ykien_admin(&db, &["encryption", "change"], &[("YKIEN_DB_KEY", KEY), ("YKIEN_NEW_DB_KEY", "Mật khẩu mới 2027")]);
    assert!(out.status.success(), "{out:?}");
    let bk = dir.path().join("bk");
    let out = ykien(&db, &["backup", "--to", bk.to_str().unwrap(), "--json"], &[("YKIEN_DB_KEY", "Mật khẩu mới 2027")]);
    assert!(out.status.success(), "{out:?}");
    let backup: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let backup_path = backup["path"].as_str().unwrap().to_owned();
    assert_eq!(file_kind(Path::new(&backup_path)).unwrap(), FileKind::Encrypted);

    let out = ykien_admin(&db, &["encryption", "off"], &[("YKIEN_DB_KEY", "Mật khẩu mới 2027")]);
    assert!(out.status.success(), "{out:?}");
    assert!(ykien(&db, &["check"], &[]).status.success());

    // The encrypted backup is restored with its passphrase; the restored file is encrypted.
    let out = ykien_admin(&db, &["restore", &backup_path], &[]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let out = ykien_admin(&db, &["restore", &backup_path], &[("YKIEN_DB_KEY", "Mật khẩu mới 2027")]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(file_kind(&db).unwrap(), FileKind::Encrypted);
    assert!(ykien(&db, &["check"], &[("YKIEN_DB_KEY", "Mật khẩu mới 2027")]).status.success());
}
