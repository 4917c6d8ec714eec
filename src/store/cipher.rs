//! Encryption at rest (optional, off by default). SQLite is SQLCipher here: a database file
//! may be plain SQLite or encrypted page by page (AES-256, HMAC-SHA512, a key derived from
//! the passphrase by PBKDF2), told apart by its first bytes. An encrypted file is opened with
//! `PRAGMA key` before anything else reads it; a missing or wrong passphrase is refused and
//! the file is left as it was.
//!
//! Turning encryption on or off exports the open database into a new file (`sqlcipher_export`,
//! encrypted or plain), checks that file with the key, and renames it over the database; the
//! old plaintext file is overwritten with zeros before it is deleted. Changing the passphrase
//! is `PRAGMA rekey` on the open database.

use super::migrate;
use crate::error::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

/// The first 16 bytes of every plain SQLite file. An encrypted file starts with its random
/// salt instead.
pub const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// An encryption passphrase, in Unicode NFC: the same words typed with any Vietnamese input
/// method (precomposed or combining accents) give the same key. Never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct Passphrase(String);

impl Passphrase {
    pub fn new(text: &str) -> Passphrase {
        Passphrase(text.nfc().collect())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A passphrase an office may choose: at least 8 characters, not only spaces.
    pub fn validated(text: &str, field: &str) -> Result<Passphrase> {
        let p = Passphrase::new(text);
        if p.0.trim().is_empty() || p.0.chars().count() < MIN_CHARS {
            return Err(Error::validation(field, format!("Mật khẩu mã hoá phải có ít nhất {MIN_CHARS} ký tự.")));
        }
        Ok(p)
    }
}

pub const MIN_CHARS: usize = 8;

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

/// What a file on disk is, judged from its first bytes without opening it with SQLite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// No file, or an empty one: a new database.
    Missing,
    /// A plain SQLite file.
    Plain,
    /// An SQLCipher file: whole 512-byte pages whose first page looks like random bytes.
    Encrypted,
    /// Anything else (a spreadsheet, a text file, a truncated file).
    Other,
}

/// Judges the file at `path`. An encrypted page is indistinguishable from random bytes, so
/// "encrypted" means: not SQLite's header, a whole number of pages, and a first page whose
/// bytes are spread as random bytes are (a text, an office document or a zeroed file are not).
pub fn file_kind(path: &Path) -> Result<FileKind> {
    let mut f = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FileKind::Missing),
        Err(e) => return Err(e.into()),
    };
    let len = f.metadata()?.len();
    if len == 0 {
        return Ok(FileKind::Missing);
    }
    let mut first = vec![0u8; len.min(4096) as usize];
    f.read_exact(&mut first)?;
    if first.starts_with(PLAIN_HEADER) {
        return Ok(FileKind::Plain);
    }
    if len >= 512 && len.is_multiple_of(512) && looks_random(&first) {
        return Ok(FileKind::Encrypted);
    }
    Ok(FileKind::Other)
}

/// Shannon entropy of the bytes above 7.5 bits per byte (random 4096 bytes: about 7.95;
/// text and document formats: well under 7).
fn looks_random(bytes: &[u8]) -> bool {
    let mut counts = [0u32; 256];
    for b in bytes {
        counts[*b as usize] += 1;
    }
    let n = bytes.len() as f64;
    let entropy: f64 = counts.iter().filter(|c| **c > 0).map(|c| {
        let p = *c as f64 / n;
        -p * p.log2()
    }).sum();
    // Fewer bytes cannot reach 8 bits: 512 random bytes give about 7.6.
    let threshold = if bytes.len() >= 4096 { 7.5 } else { 7.0 };
    entropy > threshold
}

/// Keys a freshly opened connection to an encrypted file and proves the key by reading the
/// schema: a wrong passphrase fails here, before anything is written.
pub fn apply_key(conn: &Connection, path: &Path, key: &Passphrase) -> Result<()> {
    quiet(conn);
    conn.pragma_update(None, "key", key.as_str())?;
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)) {
        Ok(_) => Ok(()),
        Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == rusqlite::ErrorCode::NotADatabase => {
            Err(Error::Encrypted { path: path.to_owned(), wrong_key: true })
        }
        Err(e) => Err(e.into()),
    }
}

/// SQLCipher writes each failed page decryption to stderr; a wrong passphrase is reported
/// by us, in Vietnamese.
fn quiet(conn: &Connection) {
    let _ = conn.pragma_update(None, "cipher_log_level", "NONE");
}

/// Re-encrypts every page of the open database under `key` (`PRAGMA rekey`), in one step.
pub fn rekey(conn: &Connection, key: &Passphrase) -> Result<()> {
    Ok(conn.pragma_update(None, "rekey", key.as_str())?)
}

/// Waits until SQLite, with SQLCipher, is wholly initialised in this process. SQLCipher
/// registers `sqlcipher_export` as an automatic extension at the very end of SQLite's
/// initialisation, after SQLite already counts itself initialised: a connection that another
/// thread opens in that moment goes without the function, and turning encryption on or off
/// then fails with "no such function: sqlcipher_export" (seen when several databases are
/// opened at once as a process starts). So the first opening runs it whole while the others
/// wait: every opening of a database passes here first (the copies a backup or a bundle
/// makes are opened only once their database is open).
pub fn sqlite_ready() {
    static READY: std::sync::Once = std::sync::Once::new();
    READY.call_once(|| {
        // Opening a connection initialises SQLite in this thread, to the end.
        let _ = Connection::open_in_memory();
    });
}

/// Opens the file at `path` read-only, keyed when it is encrypted: for checks of backups and
/// for reading settings out of a database that is not open.
pub fn open_read_only(path: &Path, key: Option<&Passphrase>) -> Result<Connection> {
    sqlite_ready();
    let not_db = || Error::NotADatabase { path: path.to_owned() };
    let kind = file_kind(path)?;
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = match kind {
        FileKind::Plain => Connection::open_with_flags(path, flags).map_err(|_| not_db())?,
        FileKind::Encrypted => {
            let key = key.ok_or_else(|| Error::Encrypted { path: path.to_owned(), wrong_key: false })?;
            let conn = Connection::open_with_flags(path, flags).map_err(|_| not_db())?;
            apply_key(&conn, path, key)?;
            conn
        }
        FileKind::Missing | FileKind::Other => return Err(not_db()),
    };
    // A check recounts the word index's vocabulary with it.
    super::words::register(&conn)?;
    Ok(conn)
}

/// Opens the file at `path` read-write with `key` when it is encrypted (the key is ignored
/// for a plain file). Returns the connection and whether it is encrypted.
pub fn open_keyed(path: &Path, key: Option<&Passphrase>) -> Result<(Connection, bool)> {
    sqlite_ready();
    let encrypted = file_kind(path)? == FileKind::Encrypted;
    let conn = Connection::open(path)?;
    if encrypted {
        let key = key.ok_or_else(|| Error::Encrypted { path: path.to_owned(), wrong_key: false })?;
        apply_key(&conn, path, key)?;
    } else {
        quiet(&conn);
    }
    Ok((conn, encrypted))
}

/// Copies the open database into a new file `target`, encrypted with `key` or plain when
/// `key` is `None`, with the same schema version. The write lock is held during the copy, so
/// no change made meanwhile by another connection can be left out of it.
pub fn export(conn: &Connection, target: &Path, key: Option<&Passphrase>) -> Result<()> {
    match std::fs::remove_file(target) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
        _ => {}
    }
    conn.execute(
        "ATTACH DATABASE ?1 AS ykien_export KEY ?2",
        rusqlite::params![target.to_string_lossy(), key.map(Passphrase::as_str).unwrap_or("")],
    )?;
    let copied = (|| -> Result<()> {
        conn.execute_batch("BEGIN IMMEDIATE")?;
        let result = (|| -> Result<()> {
            conn.query_row("SELECT sqlcipher_export('ykien_export')", [], |_| Ok(()))?;
            // sqlcipher_export copies schema and rows, not the header's user_version.
            let version = migrate::user_version(conn)?;
            conn.pragma_update(Some("ykien_export"), "user_version", version)?;
            Ok(())
        })();
        conn.execute_batch(if result.is_ok() { "COMMIT" } else { "ROLLBACK" })?;
        result
    })();
    let detached = conn.execute_batch("DETACH DATABASE ykien_export");
    if let Err(e) = copied.and(detached.map_err(Error::from)) {
        let _ = std::fs::remove_file(target);
        return Err(e);
    }
    std::fs::File::open(target)?.sync_all()?;
    Ok(())
}

/// The number of rows of every table, to prove a copy holds all of them.
pub fn row_counts(conn: &Connection) -> Result<Vec<(String, i64)>> {
    let mut st = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")?;
    let names: Vec<String> = st.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    names
        .into_iter()
        .map(|n| {
            let count = conn.query_row(&format!("SELECT count(*) FROM \"{}\"", n.replace('"', "\"\"")), [], |r| r.get(0))?;
            Ok((n, count))
        })
        .collect()
}

/// Overwrites a file with zeros, flushes it and deletes it: the plaintext database is not left
/// in the file's blocks on a hard disk. (An SSD or a copy-on-write file system may keep old
/// blocks elsewhere; full-disk encryption covers those.)
pub fn shred(path: &Path) -> Result<()> {
    let len = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    {
        let mut f = std::fs::OpenOptions::new().write(true).open(path)?;
        let zeros = vec![0u8; 64 * 1024];
        let mut left = len;
        while left > 0 {
            let n = left.min(zeros.len() as u64) as usize;
            f.write_all(&zeros[..n])?;
            left -= n as u64;
        }
        f.sync_all()?;
    }
    std::fs::remove_file(path)?;
    Ok(())
}

/// `path` with `suffix` appended to its file name.
pub fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Replaces the database file at `db` (closed by every connection of ours) with the verified
/// copy `new`. When the old file was plaintext, it is overwritten with zeros after the swap:
/// it is first hard-linked aside, so that `db` always names a whole database, and the link is
/// then shredded. The database's WAL must be gone (SQLite removes it when the last connection
/// closes); one still there means another program has the file open, and nothing is swapped.
pub fn swap_in(db: &Path, new: &Path, shred_old: bool) -> Result<()> {
    let wal = beside(db, "-wal");
    if std::fs::metadata(&wal).map(|m| m.len() > 0).unwrap_or(false) {
        return Err(Error::Conflict(
            "Có chương trình khác (một cửa sổ Ý Kiến khác, một lệnh ykien) đang mở tệp dữ liệu. Hãy đóng nó rồi làm lại; dữ liệu chưa thay đổi.".into(),
        ));
    }
    let aside = beside(db, ".cu-xoa");
    let _ = std::fs::remove_file(&aside);
    let linked = shred_old && std::fs::hard_link(db, &aside).is_ok();
    for ext in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(beside(db, ext));
    }
    std::fs::rename(new, db)?;
    if let Some(dir) = db.parent() {
        super::files::sync_dir(if dir.as_os_str().is_empty() { Path::new(".") } else { dir });
    }
    if linked {
        shred(&aside)?;
    }
    Ok(())
}

/// Encrypts a plaintext copy made by us (a copy before an upgrade) in place, with `key`.
pub fn encrypt_file(path: &Path, key: &Passphrase) -> Result<()> {
    let tmp = beside(path, ".ma-hoa.partial");
    sqlite_ready();
    {
        let conn = Connection::open(path)?;
        quiet(&conn);
        export(&conn, &tmp, Some(key))?;
    }
    let check = open_read_only(&tmp, Some(key)).and_then(|c| super::integrity::integrity_problems(&c));
    match check {
        Ok(p) if p.is_empty() => {}
        other => {
            let _ = std::fs::remove_file(&tmp);
            let why = match other {
                Ok(p) => p.join("; "),
                Err(e) => e.to_string(),
            };
            return Err(Error::Corrupt(format!("bản mã hoá của {} không đạt kiểm tra: {why}", path.display())));
        }
    }
    swap_in(path, &tmp, true)
}

/// Files named `ykien-….db` in `dir` that are plain SQLite: the backups and copies made
/// before encryption was turned on.
pub fn plaintext_files_in(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut out = Vec::new();
    for entry in entries {
        let path = entry?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.starts_with("ykien-") && name.ends_with(".db") && file_kind(&path)? == FileKind::Plain {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_told_apart_by_their_first_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("plain.db");
        Connection::open(&plain).unwrap().execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES ('Nguyễn Văn A')").unwrap();
        assert_eq!(file_kind(&plain).unwrap(), FileKind::Plain);

        let enc = dir.path().join("enc.db");
        let key = Passphrase::new("mật khẩu dài");
        {
            let c = Connection::open(&plain).unwrap();
            export(&c, &enc, Some(&key)).unwrap();
        }
        assert_eq!(file_kind(&enc).unwrap(), FileKind::Encrypted);
        let bytes = std::fs::read(&enc).unwrap();
        assert!(!bytes.windows(5).any(|w| w == b"Nguy"), "no plaintext in the encrypted copy");
        // Keyed with NFD input, the NFC passphrase still opens it.
        let nfd: String = "mật khẩu dài".nfd().collect();
        let c = open_read_only(&enc, Some(&Passphrase::new(&nfd))).unwrap();
        assert_eq!(c.query_row("SELECT x FROM t", [], |r| r.get::<_, String>(0)).unwrap(), "Nguyễn Văn A");
        let e = open_read_only(&enc, Some(&Passphrase::new("sai mật khẩu"))).unwrap_err();
        assert!(matches!(e, Error::Encrypted { wrong_key: true, .. }), "{e:?}");
        let e = open_read_only(&enc, None).unwrap_err();
        assert!(matches!(e, Error::Encrypted { wrong_key: false, .. }), "{e:?}");

        for (name, body) in [("text.db", vec![b'a'; 4096]), ("zeros.db", vec![0u8; 8192]), ("short.db", b"hello".to_vec())] {
            let p = dir.path().join(name);
            std::fs::write(&p, body).unwrap();
            assert_eq!(file_kind(&p).unwrap(), FileKind::Other, "{name}");
        }
        assert_eq!(file_kind(&dir.path().join("none.db")).unwrap(), FileKind::Missing);
    }

    #[test]
    fn short_passphrases_are_refused_by_name() {
        let e = Passphrase::validated("ngắn", "passphrase").unwrap_err();
        assert!(e.to_string().contains("ít nhất 8 ký tự"), "{e}");
        assert!(Passphrase::validated("        ", "passphrase").is_err());
        assert!(Passphrase::validated("Sở Công Thương 2026", "passphrase").is_ok());
        assert_eq!(format!("{:?}", Passphrase::new("bí mật")), "Passphrase(…)");
    }
}
