//! Backups of the database file and restoring from them (R5).
//!
//! A backup of a plain file is SQLite's online backup into a temporary file in the backup
//! folder: every page copied as it is, in large steps, all read in one read transaction of
//! the source, so the copy is one consistent snapshot while other connections write (WAL
//! lets them). The copy is then checked by reading it once (each page equal to the source's
//! in that snapshot, its schema version, its audit log's last entry equal to the source's),
//! flushed to disk, and only then renamed to its final name: a backup file that has its name is
//! complete and verified. An encrypted file is copied by `VACUUM INTO` under its key and
//! checked whole (integrity, schema version, audit chain). A process killed half-way leaves
//! at most a `.partial` file, which the next backup removes and nothing ever takes for a
//! backup.

use super::cipher::{self, Passphrase};
use super::files::sync_dir;
use super::integrity::integrity_problems;
use super::{audit, migrate};
use crate::error::{Error, Result};
use chrono::NaiveDateTime;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// Backup files are named `ykien-YYYYMMDD-HHMMSS.db` (office local time), so that their
/// names sort by age. Only files named so are counted and pruned.
const PREFIX: &str = "ykien-";
/// The copy of the current database made before a restore; never pruned.
const BEFORE_RESTORE_PREFIX: &str = "ykien-truoc-phuc-hoi-";
const PARTIAL: &str = ".partial";

/// Where backups go until the office chooses a folder: beside the database, so that an office
/// is protected from its first day. A second place (a USB drive, another disk) guards
/// against the disk itself failing.
pub const DEFAULT_FOLDER: &str = "Sao lưu";

/// The folder the backups of the database at `db` go into when none is chosen.
pub fn default_folder(db: &Path) -> PathBuf {
    db.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new(".")).join(DEFAULT_FOLDER)
}

/// Where backups go, how many are kept and when the window warns (settings `backup_folder`,
/// `backup_keep`, `backup_second_folder`, `backup_warn_days`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupSettings {
    /// The folder the office chose; empty: [`DEFAULT_FOLDER`] beside the database.
    pub folder: String,
    /// How many of the newest backups are kept; older ones are deleted after a new backup.
    pub keep: u32,
    /// A second place each backup is also copied to (a USB drive, another disk); empty: none.
    #[serde(default)]
    pub second_folder: String,
    /// The window warns when the newest backup is older than this many days.
    #[serde(default = "default_warn_days")]
    pub warn_after_days: u32,
}

fn default_warn_days() -> u32 {
    7
}

impl Default for BackupSettings {
    fn default() -> Self {
        BackupSettings { folder: String::new(), keep: 30, second_folder: String::new(), warn_after_days: default_warn_days() }
    }
}

impl BackupSettings {
    pub fn validated(&self) -> Result<BackupSettings> {
        if !(1..=1000).contains(&self.keep) {
            return Err(Error::validation("keep", format!("Số bản sao lưu giữ lại phải từ 1 đến 1000, không phải {}.", self.keep)));
        }
        if !(1..=365).contains(&self.warn_after_days) {
            return Err(Error::validation(
                "warn_after_days",
                format!("Số ngày trước khi cảnh báo phải từ 1 đến 365, không phải {}.", self.warn_after_days),
            ));
        }
        let folder = crate::domain::text::clean_line(&self.folder);
        if !folder.is_empty() && !Path::new(&folder).is_absolute() {
            return Err(Error::validation("folder", format!("Thư mục sao lưu «{folder}» phải là đường dẫn đầy đủ (ví dụ E:\\SaoLuu).")));
        }
        let second_folder = crate::domain::text::clean_line(&self.second_folder);
        if !second_folder.is_empty() && !Path::new(&second_folder).is_absolute() {
            return Err(Error::validation(
                "second_folder",
                format!("Nơi sao lưu thứ hai «{second_folder}» phải là đường dẫn đầy đủ (ví dụ E:\\SaoLuu)."),
            ));
        }
        if !second_folder.is_empty() && second_folder == folder {
            return Err(Error::validation("second_folder", "Nơi sao lưu thứ hai phải khác thư mục sao lưu chính (nên ở ổ USB hoặc ổ đĩa khác)."));
        }
        Ok(BackupSettings { folder, keep: self.keep, second_folder, warn_after_days: self.warn_after_days })
    }
}

pub fn settings(conn: &Connection) -> Result<BackupSettings> {
    let mut s = BackupSettings::default();
    let mut st = conn.prepare_cached(
        "SELECT key, value FROM setting WHERE key IN ('backup_folder', 'backup_keep', 'backup_second_folder', 'backup_warn_days')",
    )?;
    let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        match row? {
            (k, v) if k == "backup_folder" => s.folder = v,
            (k, v) if k == "backup_keep" => s.keep = v.parse().unwrap_or(s.keep),
            (k, v) if k == "backup_second_folder" => s.second_folder = v,
            (k, v) if k == "backup_warn_days" => s.warn_after_days = v.parse().unwrap_or(s.warn_after_days),
            _ => {}
        }
    }
    Ok(s)
}

pub fn save_settings(tx: &super::Tx, s: &BackupSettings) -> Result<()> {
    let before = settings(tx)?;
    if &before == s {
        return Ok(());
    }
    let values = [
        ("backup_folder", s.folder.clone()),
        ("backup_keep", s.keep.to_string()),
        ("backup_second_folder", s.second_folder.clone()),
        ("backup_warn_days", s.warn_after_days.to_string()),
    ];
    for (key, value) in values {
        tx.execute(
            "INSERT INTO setting (key, value, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (key) DO UPDATE SET value = ?2, updated_at = ?3",
            rusqlite::params![key, value, tx.now()],
        )?;
    }
    tx.audit("backup_settings", "backup_settings", Some(&before), Some(s))
}

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupFile {
    pub path: String,
    pub file_name: String,
    #[ts(type = "number")]
    pub bytes: u64,
    /// When it was made, office local time `YYYY-MM-DDTHH:MM:SS`, read from its name.
    pub made_at: String,
}

/// What a check of a backup (or of any database file) found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FileCheck {
    pub ok: bool,
    pub schema_version: i32,
    pub problems: Vec<String>,
}

/// Checks a database file without changing it: a SQLite file, whole (integrity check), of a
/// schema this version can open, with an audit chain that verifies. An encrypted file is read
/// with `key` (ignored for a plain one).
pub fn check_file(path: &Path, key: Option<&Passphrase>) -> Result<FileCheck> {
    let not_db = || Error::NotADatabase { path: path.to_owned() };
    let conn = cipher::open_read_only(path, key)?;
    let version = migrate::user_version(&conn).map_err(|_| not_db())?;
    let mut problems = match integrity_problems(&conn) {
        Ok(p) => p,
        Err(e) => vec![e.to_string()],
    };
    if version > migrate::SCHEMA_VERSION {
        problems.push(Error::NewerSchema { found: version, supported: migrate::SCHEMA_VERSION }.to_string());
    } else if version < 1 {
        problems.push("Tệp chưa có lược đồ dữ liệu của Ý Kiến.".into());
    }
    // The chain exists from schema 3 on; an older backup is migrated (and sealed) on restore.
    if problems.is_empty() && version >= 3 {
        match audit::verify_chain(&conn) {
            Ok(r) => problems.extend(r.broken.map(|b| b.reason)),
            Err(e) => problems.push(e.to_string()),
        }
    }
    Ok(FileCheck { ok: problems.is_empty(), schema_version: version as i32, problems })
}

fn file_name_for(now: NaiveDateTime) -> String {
    format!("{PREFIX}{}.db", now.format("%Y%m%d-%H%M%S"))
}

/// The time a backup's name says it was made, when it is one of ours.
fn made_at(file_name: &str) -> Option<NaiveDateTime> {
    let stem = file_name.strip_prefix(PREFIX)?.strip_suffix(".db")?;
    let stamp = stem.get(..15)?;
    let rest = &stem[15..];
    if !(rest.is_empty() || rest.strip_prefix('-').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))) {
        return None;
    }
    NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S").ok()
}

/// The backups in `dir`, newest first. Files with other names are not listed.
pub fn list(dir: &Path) -> Result<Vec<BackupFile>> {
    let mut out = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(e.into()),
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(at) = made_at(&name) else { continue };
        let bytes = entry.metadata().map(|m| m.len()).unwrap_or(0);
        out.push(BackupFile {
            path: entry.path().display().to_string(),
            file_name: name,
            bytes,
            made_at: at.format("%Y-%m-%dT%H:%M:%S").to_string(),
        });
    }
    out.sort_by(|a, b| b.file_name.cmp(&a.file_name));
    Ok(out)
}

/// Whether `dir` has a backup made on `day` (the automatic backup runs once a day).
pub fn has_backup_on(dir: &Path, day: chrono::NaiveDate) -> Result<bool> {
    Ok(list(dir)?.iter().any(|b| b.made_at.starts_with(&day.to_string())))
}

/// Makes a verified backup of the open database `conn` in `dir`, then deletes the oldest
/// backups beyond `keep`. `cancelled` is asked before the copy and before the rename: a
/// cancelled backup leaves no file behind. The backup of an encrypted database is encrypted
/// with the same passphrase (`VACUUM INTO` under SQLCipher) and checked with `key`.
pub fn backup_into(
    conn: &Connection,
    dir: &Path,
    now: NaiveDateTime,
    keep: u32,
    key: Option<&Passphrase>,
    cancelled: &dyn Fn() -> bool,
) -> Result<BackupFile> {
    std::fs::create_dir_all(dir)?;
    remove_partials(dir)?;
    let mut name = file_name_for(now);
    let mut n = 2;
    while dir.join(&name).exists() {
        name = format!("{PREFIX}{}-{n}.db", now.format("%Y%m%d-%H%M%S"));
        n += 1;
    }
    let target = dir.join(&name);
    if cancelled() {
        return Err(Error::Cancelled);
    }
    if key.is_none() {
        copy_paged(conn, &target, cancelled)?;
        prune(dir, keep)?;
        let bytes = std::fs::metadata(&target)?.len();
        return Ok(BackupFile {
            path: target.display().to_string(),
            file_name: name,
            bytes,
            made_at: now.format("%Y-%m-%dT%H:%M:%S").to_string(),
        });
    }
    copy_whole(conn, &target, |partial| {
        if cancelled() {
            return Err(Error::Cancelled);
        }
        let check = check_file(partial, key)?;
        if !check.ok {
            return Err(Error::Corrupt(format!("bản sao lưu vừa tạo không đạt kiểm tra: {}", check.problems.join("; "))));
        }
        if cancelled() {
            return Err(Error::Cancelled);
        }
        Ok(())
    })?;
    prune(dir, keep)?;
    let bytes = std::fs::metadata(&target)?.len();
    Ok(BackupFile {
        path: target.display().to_string(),
        file_name: name,
        bytes,
        made_at: now.format("%Y-%m-%dT%H:%M:%S").to_string(),
    })
}

/// Copies the open database whole to `target` in one step: `VACUUM INTO` a `.partial` file
/// beside it (a paged copy would restart while others write), `verify` it, flush it, rename
/// it into place and flush the folder. On any failure the partial file is removed and
/// `target` is not created.
pub fn copy_whole(conn: &Connection, target: &Path, verify: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    through_partial(target, |partial| {
        conn.execute("VACUUM INTO ?1", [partial.to_string_lossy()])?;
        verify(partial)
    })
}

/// Has `write` make a complete, checked copy at the `.partial` file beside `target`, then
/// flushes it, renames it into place and flushes the folder. On any failure the partial file
/// is removed and `target` is not created.
fn through_partial(target: &Path, write: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let mut partial = target.as_os_str().to_owned();
    partial.push(PARTIAL);
    let partial = std::path::PathBuf::from(partial);
    let result = (|| {
        write(&partial)?;
        std::fs::File::open(&partial)?.sync_all()?;
        std::fs::rename(&partial, target)?;
        if let Some(dir) = target.parent() {
            sync_dir(dir);
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}

/// Pages copied at each step of the online backup: 64 MB of 4 KB pages, so that a cancel
/// is heard within a second or so.
const PAGES_A_STEP: std::ffi::c_int = 16_384;

/// Copies the open plain database to `target` page by page (SQLite's online backup), checks
/// the copy ([`compare_pages`], then [`check_copy`]), flushes it and renames it into place.
/// The steps all read one snapshot: a read transaction of `conn` is held from the first step
/// to the end of the check, and WAL lets other connections write meanwhile. `VACUUM INTO`
/// writes every table and index again, and an integrity check parses every cell of every
/// page: on a file of gigabytes either takes many times a plain copy (BENCHMARKS.md). A page
/// copy can only lose, damage or misplace pages, which comparing each page of the file
/// written with the source's finds, at the cost of reading both once. The source's own
/// health is the start-up quick check's and `ykien check`'s to verify. On any failure the
/// partial file is removed and `target` is not created.
fn copy_paged(conn: &Connection, target: &Path, cancelled: &dyn Fn() -> bool) -> Result<()> {
    through_partial(target, |partial| {
        let snapshot = conn.is_autocommit();
        if snapshot {
            conn.execute_batch("BEGIN DEFERRED; SELECT count(*) FROM sqlite_schema;")?;
        }
        let copied = (|| {
            let mut copy = Connection::open(partial)?;
            // The copy is flushed once, whole, before its rename (`through_partial`); a copy
            // cut short is never renamed, so its steps need neither a journal nor a flush.
            copy.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")?;
            {
                let backup = rusqlite::backup::Backup::new(conn, &mut copy)?;
                loop {
                    if cancelled() {
                        return Err(Error::Cancelled);
                    }
                    match backup.step(PAGES_A_STEP)? {
                        rusqlite::backup::StepResult::Done => break,
                        rusqlite::backup::StepResult::More => {}
                        // Another connection holds a lock for a moment: wait and go on.
                        _ => std::thread::sleep(std::time::Duration::from_millis(10)),
                    }
                }
            }
            // The copy holds the source's header, WAL mode with it: a backup file is one
            // file, which a read-only check or a restore opens without a journal beside it.
            copy.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get::<_, String>(0))?;
            drop(copy);
            compare_pages(conn, partial, cancelled)?;
            check_copy(conn, partial)
        })();
        if snapshot {
            let _ = conn.execute_batch("COMMIT");
        }
        copied?;
        if cancelled() {
            return Err(Error::Cancelled);
        }
        Ok(())
    })
}

/// Bytes of the first page that the copy writes itself, not copied: the file format's
/// journal mode (18–19), the change counter (24–27), the schema cookie (40–43, which the
/// backup moves on so that connections to the copy read its schema again) and the version
/// that wrote the file (92–99).
const OWN_HEADER_BYTES: [std::ops::Range<usize>; 4] = [18..20, 24..28, 40..44, 92..100];

/// Reads the copy's file once, page by page, and compares each page with the source's page
/// in the snapshot `source` reads (`sqlite_dbpage`, inside the backup's read transaction):
/// the same number of pages, every byte the same but the copy's own bytes of the header.
fn compare_pages(source: &Connection, copy: &Path, cancelled: &dyn Fn() -> bool) -> Result<()> {
    use std::io::Read;
    let differs = |what: String| Error::Corrupt(format!("bản sao lưu vừa tạo khác với tệp đang dùng: {what}"));
    let page_size: usize = source.pragma_query_value(None, "page_size", |r| r.get::<_, i64>(0))? as usize;
    let pages: u64 = source.pragma_query_value(None, "page_count", |r| r.get::<_, i64>(0))? as u64;
    let file = std::fs::File::open(copy)?;
    let len = file.metadata()?.len();
    if len != pages * page_size as u64 {
        return Err(differs(format!("bản sao dài {len} byte, tệp đang dùng có {pages} trang × {page_size} byte")));
    }
    let mut file = std::io::BufReader::with_capacity(1 << 20, file);
    let mut theirs = vec![0u8; page_size];
    // In the order of the pages (the table's own order, held below: no sort of gigabytes).
    let mut st = source.prepare("SELECT pgno, data FROM sqlite_dbpage('main')")?;
    let mut rows = st.query([])?;
    let mut seen = 0u64;
    while let Some(row) = rows.next()? {
        let (pgno, ours): (i64, &[u8]) = (row.get(0)?, row.get_ref(1)?.as_blob().map_err(rusqlite::Error::from)?);
        seen += 1;
        if pgno as u64 != seen || ours.len() != page_size {
            return Err(differs(format!("không đọc được trang {seen} của tệp đang dùng")));
        }
        file.read_exact(&mut theirs)?;
        let own = |i: &usize| pgno == 1 && OWN_HEADER_BYTES.iter().any(|r| r.contains(i));
        if ours != theirs.as_slice() {
            if let Some(at) = (0..page_size).find(|i| ours[*i] != theirs[*i] && !own(i)) {
                return Err(differs(format!("trang {pgno} khác từ byte {at}")));
            }
        }
        if seen.is_multiple_of(PAGES_A_STEP as u64) && cancelled() {
            return Err(Error::Cancelled);
        }
    }
    if seen != pages {
        return Err(differs(format!("tệp đang dùng đọc được {seen} trang, không phải {pages}")));
    }
    Ok(())
}

/// The light checks of a page copy, once its pages are the source's: it opens as a
/// database, with the schema version of the source, and its last audit entry is the very
/// entry of the source's log.
fn check_copy(source: &Connection, copy: &Path) -> Result<()> {
    let conn = cipher::open_read_only(copy, None)?;
    let mut problems = Vec::new();
    let (ours, theirs) = (migrate::user_version(source)?, migrate::user_version(&conn)?);
    if ours != theirs {
        problems.push(format!("bản sao có lược đồ số {theirs}, tệp đang dùng số {ours}"));
    }
    if let Some((seq, hash)) = audit::last_entry(&conn)? {
        if audit::hash_of(source, seq)? != Some(hash) {
            problems.push(format!("mục nhật ký số {seq} của bản sao khác với tệp đang dùng"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Corrupt(format!("bản sao lưu vừa tạo không đạt kiểm tra: {}", problems.join("; "))))
    }
}

/// Removes what a killed backup left: only files with our `.partial` ending.
fn remove_partials(dir: &Path) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(PREFIX) && name.ends_with(PARTIAL) {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

fn prune(dir: &Path, keep: u32) -> Result<()> {
    for old in list(dir)?.into_iter().skip(keep.max(1) as usize) {
        std::fs::remove_file(&old.path)?;
    }
    Ok(())
}

/// The newest backup in `dir` that passes [`check_file`] (encrypted ones read with `key`), for
/// the start-up screen to offer when the database is damaged.
pub fn newest_good(dir: &Path, key: Option<&Passphrase>) -> Result<Option<BackupFile>> {
    for b in list(dir)? {
        if check_file(Path::new(&b.path), key).map(|c| c.ok).unwrap_or(false) {
            return Ok(Some(b));
        }
    }
    Ok(None)
}

/// The text file beside the database that notes its backup folder: it stays readable when
/// the database is not, so that a damaged database's backups can still be found.
pub fn folder_note(db: &Path) -> PathBuf {
    let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".backup-folder.txt");
    db.with_file_name(name)
}

/// Notes the folders beside the database at `db`, the chosen (or default) one on the first
/// line and the second place, if any, on the next (best effort: the settings in the database
/// are the record, the note only a way back to them).
pub fn note_folders(db: &Path, folder: &Path, second: &str) {
    let _ = std::fs::write(folder_note(db), format!("{}\n{second}", folder.display()));
}

/// The folders the database at `db` keeps backups in, read without changing it (else from
/// the note beside it): its backup folder (the default one beside it when none is chosen),
/// then its second place, if it has one.
pub fn folders_named_in(db: &Path, key: Option<&Passphrase>) -> Vec<PathBuf> {
    let from_db = || {
        let conn = cipher::open_read_only(db, key).ok()?;
        settings(&conn).ok().map(|s| (s.folder, s.second_folder))
    };
    let from_note = || {
        let noted = std::fs::read_to_string(folder_note(db)).ok()?;
        let mut lines = noted.lines().map(str::trim);
        Some((lines.next().unwrap_or_default().to_owned(), lines.next().unwrap_or_default().to_owned()))
    };
    // A damaged file may still open and answer with its settings' rows lost: what it does not
    // name is taken from the note.
    let (in_db, noted) = (from_db().unwrap_or_default(), from_note().unwrap_or_default());
    let named = |a: String, b: String| if a.is_empty() { b } else { a };
    let (folder, second) = (named(in_db.0, noted.0), named(in_db.1, noted.1));
    let main = if folder.is_empty() { default_folder(db) } else { PathBuf::from(folder) };
    std::iter::once(main).chain((!second.is_empty()).then(|| PathBuf::from(second))).collect()
}

/// The backup folder of the database at `db` (see [`folders_named_in`]).
pub fn folder_named_in(db: &Path, key: Option<&Passphrase>) -> PathBuf {
    folders_named_in(db, key).swap_remove(0)
}

/// Copies the verified backup `file` into `dir`, the second place, the same careful way as a
/// backup is made (a `.partial` copy, flushed, renamed), then keeps the newest `keep` there.
/// `dir` is made only inside a place that exists: an unplugged USB drive is reported, never
/// stood in for by a folder of that name on this disk.
pub fn copy_into(file: &BackupFile, dir: &Path, keep: u32) -> Result<BackupFile> {
    let missing = || {
        Error::validation(
            "second_folder",
            format!("Không thấy nơi sao lưu thứ hai «{}»: ổ USB hoặc ổ đĩa đó đã được cắm vào chưa?", dir.display()),
        )
    };
    if !dir.is_dir() {
        if !dir.parent().is_some_and(Path::is_dir) {
            return Err(missing());
        }
        std::fs::create_dir(dir).map_err(|_| missing())?;
    }
    remove_partials(dir)?;
    let target = dir.join(&file.file_name);
    let mut partial = target.as_os_str().to_owned();
    partial.push(PARTIAL);
    let partial = PathBuf::from(partial);
    let copied = (|| -> std::io::Result<()> {
        std::fs::copy(&file.path, &partial)?;
        std::fs::File::open(&partial)?.sync_all()?;
        std::fs::rename(&partial, &target)?;
        sync_dir(dir);
        Ok(())
    })();
    if copied.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    copied?;
    prune(dir, keep)?;
    Ok(BackupFile { path: target.display().to_string(), ..file.clone() })
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RestoreReport {
    pub restored_from: String,
    /// The copy of the database as it was before the restore.
    pub previous_copy: Option<String>,
    pub schema_version: i32,
}

/// Replaces the database file at `db` with the backup `from`, which is checked first; the
/// current file is first copied into `safety_dir`. No connection to `db` may be open (the
/// app closes its own first). A damaged current file is copied byte for byte, with its WAL.
/// An encrypted backup is checked with `key`, and the copy of an encrypted current file is
/// made with it (encrypted too).
pub fn restore_file(db: &Path, from: &Path, safety_dir: &Path, now: NaiveDateTime, key: Option<&Passphrase>) -> Result<RestoreReport> {
    let check = check_file(from, key)?;
    if !check.ok {
        return Err(Error::Corrupt(format!("bản sao lưu {} không dùng được: {}", from.display(), check.problems.join("; "))));
    }
    let previous_copy = if db.exists() { Some(copy_aside(db, safety_dir, now, key)?) } else { None };
    let dir = db.parent().filter(|d| !d.as_os_str().is_empty()).map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
    std::fs::create_dir_all(&dir)?;
    let partial = dir.join(format!("{}.restore{PARTIAL}", db.file_name().and_then(|n| n.to_str()).unwrap_or("ykien.db")));
    std::fs::copy(from, &partial)?;
    std::fs::File::open(&partial)?.sync_all()?;
    // The old WAL belongs to the old file: replayed onto the restored one it would damage it.
    // The current file was checkpointed (or copied with its WAL) above.
    for ext in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{ext}", db.display()));
        match std::fs::remove_file(&side) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                let _ = std::fs::remove_file(&partial);
                return Err(e.into());
            }
        }
    }
    std::fs::rename(&partial, db)?;
    sync_dir(&dir);
    Ok(RestoreReport {
        restored_from: from.display().to_string(),
        previous_copy: previous_copy.map(|p| p.display().to_string()),
        schema_version: check.schema_version,
    })
}

/// Copies the current database into `dir` before it is replaced: a clean snapshot when the
/// file opens, else the raw bytes of the file and its WAL.
fn copy_aside(db: &Path, dir: &Path, now: NaiveDateTime, key: Option<&Passphrase>) -> Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let target = dir.join(format!("{BEFORE_RESTORE_PREFIX}{}.db", now.format("%Y%m%d-%H%M%S")));
    let clean = (|| -> Result<()> {
        let (conn, _) = cipher::open_keyed(db, key)?;
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        let _ = std::fs::remove_file(&target);
        conn.execute("VACUUM INTO ?1", [target.to_string_lossy()])?;
        Ok(())
    })();
    if clean.is_err() {
        std::fs::copy(db, &target)?;
        let wal = PathBuf::from(format!("{}-wal", db.display()));
        if wal.exists() {
            std::fs::copy(&wal, PathBuf::from(format!("{}-wal", target.display())))?;
        }
    }
    std::fs::File::open(&target)?.sync_all()?;
    sync_dir(dir);
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_names_count_as_backups() {
        assert!(made_at("ykien-20261122-093015.db").is_some());
        assert!(made_at("ykien-20261122-093015-2.db").is_some());
        for other in ["ykien-20261122-093015.db.partial", "ykien-truoc-phuc-hoi-20261122-093015.db", "ykien.db", "ykien-2026.db", "ykien-20261122-093015-x.db"] {
            assert!(made_at(other).is_none(), "{other}");
        }
    }

    /// The page comparison finds a copy that differs from its source by one byte, anywhere
    /// but in the header bytes the copy writes itself, and a copy a page short.
    #[test]
    fn a_copy_differing_by_one_byte_or_one_page_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("ykien.db");
        let conn = crate::store::open(&db).unwrap();
        conn.execute_batch(
            "CREATE TABLE t (x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) INSERT INTO t SELECT randomblob(3000) FROM n;",
        )
        .unwrap();
        let target = dir.path().join("copy.db");
        copy_paged(&conn, &target, &|| false).unwrap();
        compare_pages(&conn, &target, &|| false).unwrap();
        let good = std::fs::read(&target).unwrap();
        let page: usize = conn.pragma_query_value(None, "page_size", |r| r.get::<_, i64>(0)).unwrap() as usize;
        for at in [30, page + 17, good.len() - 1] {
            let mut bad = good.clone();
            bad[at] ^= 0x40;
            std::fs::write(&target, &bad).unwrap();
            let said = compare_pages(&conn, &target, &|| false).unwrap_err().to_string();
            assert!(said.contains(&format!("trang {} khác từ byte {}", at / page + 1, at % page)), "{at}: {said}");
        }
        // The copy's own bytes of the header are not the source's, and are not compared.
        let mut own = good.clone();
        own[41] ^= 1;
        std::fs::write(&target, &own).unwrap();
        compare_pages(&conn, &target, &|| false).unwrap();
        std::fs::write(&target, &good[..good.len() - page]).unwrap();
        assert!(compare_pages(&conn, &target, &|| false).unwrap_err().to_string().contains("bản sao dài"));
    }
}
