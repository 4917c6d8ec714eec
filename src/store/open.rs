//! Opening a database file: refused unchanged when it is not ours to open (a newer schema, not
//! SQLite, an encrypted file without its passphrase, a network drive), copied whole before an
//! upgrade, configured, migrated. The facade's `Database` opens every file through here.

use super::{backup, cipher, migrate, network};
use crate::error::{Error, Result};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Opens (creating if missing) the database file at `path` and brings its schema up to date.
///
/// Before anything is written, the file is probed read-only: a database from a newer version,
/// or a file that is not SQLite at all, is refused and left byte-for-byte unchanged (setting
/// WAL mode alone would rewrite its header).
pub fn open(path: &Path) -> Result<Connection> {
    Ok(open_keyed(path, None)?.0)
}

/// [`open`] for a file that may be encrypted: `key` is applied first thing when it is; an
/// encrypted file without a key, or with a wrong one, is refused and left unchanged. Returns
/// whether the file is encrypted. A new database is always created plain.
pub fn open_keyed(path: &Path, key: Option<&cipher::Passphrase>) -> Result<(Connection, bool)> {
    if network::network_filesystem(path).is_some() {
        return Err(Error::NetworkDrive { path: path.to_owned() });
    }
    if path.metadata().map(|m| m.len() > 0).unwrap_or(false) {
        probe(path, key)?;
    } else if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let (mut conn, encrypted) = cipher::open_keyed(path, key)?;
    configure(&conn)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    let found = migrate::user_version(&conn)?;
    if found > 0 && found < migrate::SCHEMA_VERSION {
        // Of an encrypted database, VACUUM INTO makes a copy encrypted with the same key.
        copy_before_upgrade(&conn, path, found)?;
    }
    migrate::migrate(&mut conn)?;
    Ok((conn, encrypted))
}

/// The folder beside the database where a copy is kept before its schema is upgraded.
pub const UPGRADE_COPY_DIR: &str = "Sao lưu";

/// Before a newer version upgrades an office's database, a whole copy of it as it was:
/// `Sao lưu/ykien-truoc-nang-cap-v{N}-{YYYYMMDD-HHMMSS}.db` beside the file, made in one step
/// like every backup ([`backup::copy_whole`]). When the copy cannot be made, nothing is
/// upgraded and the error says why.
fn copy_before_upgrade(conn: &Connection, path: &Path, version: i64) -> Result<()> {
    let dir = upgrade_copy_dir(path);
    std::fs::create_dir_all(&dir)?;
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let target = dir.join(format!("ykien-truoc-nang-cap-v{version}-{stamp}.db"));
    backup::copy_whole(conn, &target, |_| Ok(()))
}

/// An in-memory database made by the same migrations, for tests and previews.
pub fn open_in_memory() -> Result<Connection> {
    cipher::sqlite_ready();
    let mut conn = Connection::open_in_memory()?;
    configure(&conn)?;
    migrate::migrate(&mut conn)?;
    Ok(conn)
}

fn configure(conn: &Connection) -> Result<()> {
    // FULL: a record the app reported saved must survive a power cut, not only a crash.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Two windows (or the app and a script) may write at once; wait rather than fail.
    conn.busy_timeout(Duration::from_secs(10))?;
    // One plan per statement, whatever values are bound. Without it SQLite (built with STAT4,
    // as rusqlite bundles it) marks statements such as `… = ?1 AND deleted_at IS NULL` as
    // depending on their values, and the statement cache, which clears the values when it
    // takes a statement back, then makes SQLite parse it again at every use: that was half
    // the time of saving a case or a form (BENCHMARKS.md). Our queries name partial-index
    // conditions as literals, so no plan is lost.
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    // Saving a case reads it back with some twenty statements; rusqlite keeps 16 by default.
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}

fn probe(path: &Path, key: Option<&cipher::Passphrase>) -> Result<()> {
    let not_db = || Error::NotADatabase { path: path.to_owned() };
    if !matches!(cipher::file_kind(path)?, cipher::FileKind::Plain | cipher::FileKind::Encrypted) {
        return Err(not_db());
    }
    let conn = cipher::open_read_only(path, key)?;
    let found = migrate::user_version(&conn).map_err(|_| not_db())?;
    if found > migrate::SCHEMA_VERSION {
        return Err(Error::NewerSchema { found, supported: migrate::SCHEMA_VERSION });
    }
    Ok(())
}

/// The folder of the copies made before an upgrade, beside the database at `db`.
pub fn upgrade_copy_dir(db: &Path) -> PathBuf {
    db.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new(".")).join(UPGRADE_COPY_DIR)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_older_database_is_copied_whole_before_it_is_upgraded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Tài liệu").join("ykien.db");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        {
            let mut old = Connection::open(&path).unwrap();
            migrate::apply(&mut old, &migrate::MIGRATIONS[..2]).unwrap();
            old.execute(
                "INSERT INTO unit (id, name, code, search_key, created_at, updated_at) VALUES ('u1', 'Văn phòng', 'VP', 'van phong', 'x', 'x')",
                [],
            )
            .unwrap();
        }
        let conn = open(&path).unwrap();
        assert_eq!(migrate::user_version(&conn).unwrap(), migrate::SCHEMA_VERSION);
        let copies: Vec<_> =
            std::fs::read_dir(path.parent().unwrap().join(UPGRADE_COPY_DIR)).unwrap().map(|e| e.unwrap().path()).collect();
        assert_eq!(copies.len(), 1, "{copies:?}");
        let name = copies[0].file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("ykien-truoc-nang-cap-v2-") && name.ends_with(".db"), "{name}");
        let copy = Connection::open(&copies[0]).unwrap();
        assert_eq!(migrate::user_version(&copy).unwrap(), 2, "the copy is the database as it was");
        let unit: String = copy.query_row("SELECT name FROM unit", [], |r| r.get(0)).unwrap();
        assert_eq!(unit, "Văn phòng");

        // Opening it again upgrades nothing and copies nothing.
        drop(conn);
        open(&path).unwrap();
        assert_eq!(std::fs::read_dir(path.parent().unwrap().join(UPGRADE_COPY_DIR)).unwrap().count(), 1);
    }
}
