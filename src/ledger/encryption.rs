//! Encryption at rest on the [`Ledger`] (optional, off by default): an administrator turns it
//! on with a passphrase, changes the passphrase, or turns it off. See `store::cipher` for how
//! files are encrypted, told apart and swapped.

use super::{Database, Ledger};
use crate::error::{Error, Result};
use crate::store::backup::BackupFile;
use crate::store::cipher::{self, plaintext_files_in, Passphrase};
use crate::store::open::upgrade_copy_dir;
use crate::store::{self, integrity_problems};
use rusqlite::Connection;
use serde::Serialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// Whether the database is encrypted, and the plaintext copies of it that remain.
#[derive(Debug, Clone, Serialize, TS)]
pub struct EncryptionStatus {
    pub encrypted: bool,
    pub db_path: String,
    /// Backups and copies that are still plain SQLite (made before encryption was turned
    /// on), in the backup folder and beside the database; listed only while encrypted.
    pub plaintext_backups: Vec<BackupFile>,
}

/// What turning encryption on or off, or changing the passphrase, did.
#[derive(Debug, Clone, Serialize, TS)]
pub struct EncryptionReport {
    pub encrypted: bool,
    pub db_path: String,
    /// Copies made before an upgrade (beside the database) that were encrypted too.
    pub encrypted_copies: Vec<String>,
    /// Plaintext backups still in the backup folder, to be removed by the administrator.
    pub plaintext_backups: Vec<BackupFile>,
}

impl Ledger {
    /// Whether the open database file is encrypted.
    pub fn is_encrypted(&self) -> bool {
        self.encrypted
    }

    pub fn encryption_status(&self) -> Result<EncryptionStatus> {
        Ok(EncryptionStatus {
            encrypted: self.is_encrypted(),
            db_path: self.db_path_text(),
            plaintext_backups: if self.is_encrypted() { self.plaintext_backups()? } else { Vec::new() },
        })
    }

    /// Turns encryption on: the database is exported into an encrypted copy, which is checked
    /// with the passphrase (every table's rows, integrity, audit chain) and renamed over the
    /// file; the plaintext file is overwritten and deleted, and the copies made before an
    /// upgrade beside it are encrypted too. Backups in the backup folder are not touched:
    /// the plaintext ones are listed for the administrator to remove.
    pub fn encryption_on(&mut self, passphrase: &str) -> Result<EncryptionReport> {
        // Administrators only: whoever holds the passphrase can read every record.
        self.guard(crate::Action::ChangeEncryption)?;
        if self.is_encrypted() {
            return Err(Error::Conflict("Cơ sở dữ liệu đã được mã hoá; muốn đổi mật khẩu hãy dùng «Đổi mật khẩu».".into()));
        }
        let key = Passphrase::validated(passphrase, "passphrase")?;
        self.swap_encryption(Some(key), serde_json::json!({ "encrypted": false }), serde_json::json!({ "encrypted": true }))?;
        let encrypted_copies = self.encrypt_upgrade_copies()?;
        Ok(EncryptionReport {
            encrypted: true,
            db_path: self.db_path_text(),
            encrypted_copies,
            plaintext_backups: self.plaintext_backups()?,
        })
    }

    /// Changes the passphrase (`PRAGMA rekey`): every page is re-encrypted in one
    /// transaction. The current passphrase must be given again.
    pub fn encryption_change(&mut self, current: &str, new: &str) -> Result<EncryptionReport> {
        // Administrators only: whoever holds the passphrase can read every record.
        self.guard(crate::Action::ChangeEncryption)?;
        self.require_current_passphrase(current)?;
        let key = Passphrase::validated(new, "new_passphrase")?;
        if Some(&key) == self.key() {
            return Err(Error::validation("new_passphrase", "Mật khẩu mã hoá mới phải khác mật khẩu đang dùng."));
        }
        let path = self.require_file()?;
        cipher::rekey(&self.conn, &key)?;
        self.set_key(Some(key));
        let before = serde_json::json!({ "encrypted": true });
        let after = serde_json::json!({ "encrypted": true, "passphrase": "đã đổi" });
        self.write(|tx| tx.audit("encryption", "database", Some(&before), Some(&after)))?;
        // Nothing written under the old key stays in the WAL.
        store::maintenance::checkpoint(&self.conn)?;
        // Proven by a fresh connection that opens the file with the new passphrase only.
        let check = cipher::open_read_only(&path, self.key())?;
        let problems = integrity_problems(&check)?;
        if !problems.is_empty() {
            return Err(Error::Corrupt(problems.join("; ")));
        }
        Ok(EncryptionReport { encrypted: true, db_path: self.db_path_text(), encrypted_copies: Vec::new(), plaintext_backups: self.plaintext_backups()? })
    }

    /// Turns encryption off: the database is exported into a plain copy, checked, and renamed
    /// over the encrypted file. The current passphrase must be given again. Backups made
    /// while it was encrypted stay encrypted and need that passphrase to be restored.
    pub fn encryption_off(&mut self, current: &str) -> Result<EncryptionReport> {
        // Administrators only: whoever holds the passphrase can read every record.
        self.guard(crate::Action::ChangeEncryption)?;
        self.require_current_passphrase(current)?;
        self.swap_encryption(None, serde_json::json!({ "encrypted": true }), serde_json::json!({ "encrypted": false }))?;
        Ok(EncryptionReport { encrypted: false, db_path: self.db_path_text(), encrypted_copies: Vec::new(), plaintext_backups: Vec::new() })
    }

    /// Overwrites and deletes the plaintext backups listed by [`Ledger::encryption_status`].
    /// Returns the files removed.
    pub fn remove_plaintext_backups(&self) -> Result<Vec<String>> {
        // Administrators only: whoever holds the passphrase can read every record.
        self.guard(crate::Action::ChangeEncryption)?;
        if !self.is_encrypted() {
            return Err(Error::Conflict("Cơ sở dữ liệu chưa được mã hoá: các bản sao lưu không mã hoá vẫn là bản sao lưu duy nhất.".into()));
        }
        let mut removed = Vec::new();
        for b in self.plaintext_backups()? {
            cipher::shred(Path::new(&b.path))?;
            removed.push(b.path);
        }
        Ok(removed)
    }

    /// Restoring a plaintext backup over an encrypted database: encrypted at once.
    pub(super) fn encrypt_restored(&mut self, key: Passphrase) -> Result<()> {
        let note = serde_json::json!({ "encrypted": false, "restored": true });
        self.swap_encryption(Some(key), note, serde_json::json!({ "encrypted": true }))
    }

    /// The passphrase of the open file, when it is encrypted.
    fn key(&self) -> Option<&Passphrase> {
        self.db.as_ref().and_then(Database::key).filter(|_| self.encrypted)
    }

    /// The passphrase the file is now encrypted with (`None`: plain). The ledger is the one
    /// holder of it: a second connection or a reopening takes it from here.
    fn set_key(&mut self, key: Option<Passphrase>) {
        self.encrypted = key.is_some();
        if let Some(db) = &mut self.db {
            db.set_key(key);
        }
    }

    fn require_current_passphrase(&self, current: &str) -> Result<()> {
        match self.key() {
            None => Err(Error::Conflict("Cơ sở dữ liệu chưa được mã hoá.".into())),
            Some(k) if *k == Passphrase::new(current) => Ok(()),
            Some(_) => Err(Error::validation("current_passphrase", "Mật khẩu mã hoá hiện tại không đúng.")),
        }
    }

    fn require_file(&self) -> Result<PathBuf> {
        self.path().map(Path::to_path_buf).ok_or_else(|| Error::Conflict("Cơ sở dữ liệu trong bộ nhớ không mã hoá được.".into()))
    }

    fn db_path_text(&self) -> String {
        self.path().map(|p| p.display().to_string()).unwrap_or_default()
    }

    /// Exports the database into a copy encrypted with `key` (plain when `None`), records the
    /// change in the copy's audit log, checks the copy, closes the database, swaps the copy
    /// in and opens it. On any failure before the swap, the database is as it was.
    fn swap_encryption(&mut self, key: Option<Passphrase>, before: serde_json::Value, after: serde_json::Value) -> Result<()> {
        let path = self.require_file()?;
        let tmp = cipher::beside(&path, ".ma-hoa.partial");
        let prepared = (|| -> Result<()> {
            cipher::export(&self.conn, &tmp, key.as_ref())?;
            let expected = cipher::row_counts(&self.conn)?;
            let mut copy = Connection::open(&tmp)?;
            if let Some(k) = &key {
                cipher::apply_key(&copy, &tmp, k)?;
            }
            store::maintenance::enforce_foreign_keys(&copy)?;
            if cipher::row_counts(&copy)? != expected {
                return Err(Error::Corrupt("bản sao chép thiếu dữ liệu so với tệp đang dùng".into()));
            }
            store::with_tx(&mut copy, &self.actor, |tx| tx.audit("encryption", "database", Some(&before), Some(&after)))?;
            let mut problems = integrity_problems(&copy)?;
            if let Some(b) = store::audit::verify_chain(&copy)?.broken {
                problems.push(b.reason);
            }
            if !problems.is_empty() {
                return Err(Error::Corrupt(format!("bản sao chép không đạt kiểm tra: {}", problems.join("; "))));
            }
            copy.close().map_err(|(_, e)| e)?;
            Ok(())
        })();
        if let Err(e) = prepared {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
        // Close the database: SQLite checkpoints and removes its WAL with the last connection.
        let old = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        old.close().map_err(|(_, e)| e)?;
        let shred_old = !self.encrypted;
        let swapped = cipher::swap_in(&path, &tmp, shred_old);
        if swapped.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        // Open whichever file is now in place: the new one, or the old one after a refusal.
        let new_key = if swapped.is_ok() { key } else { self.key().cloned() };
        let (conn, encrypted) = store::open_keyed(&path, new_key.as_ref())?;
        self.conn = conn;
        self.set_key(if encrypted { new_key } else { None });
        swapped
    }

    /// The copies made before an upgrade, beside the database, that are still plaintext:
    /// encrypted in place with the database's passphrase.
    fn encrypt_upgrade_copies(&self) -> Result<Vec<String>> {
        let (Some(path), Some(key)) = (self.path(), self.key()) else { return Ok(Vec::new()) };
        let mut done = Vec::new();
        for copy in plaintext_files_in(&upgrade_copy_dir(path))? {
            cipher::encrypt_file(&copy, key)?;
            done.push(copy.display().to_string());
        }
        Ok(done)
    }

    /// Plain SQLite files of ours in the backup folder and beside the database.
    fn plaintext_backups(&self) -> Result<Vec<BackupFile>> {
        let mut dirs = Vec::new();
        if let Ok(dir) = self.backup_folder() {
            dirs.push(dir);
        }
        if let Some(p) = self.path() {
            dirs.push(upgrade_copy_dir(p));
        }
        let mut out = Vec::new();
        for dir in dirs {
            for f in plaintext_files_in(&dir)? {
                let meta = std::fs::metadata(&f)?;
                let made_at = meta
                    .modified()
                    .ok()
                    .map(|t| chrono::DateTime::<chrono::Local>::from(t).naive_local().format("%Y-%m-%dT%H:%M:%S").to_string())
                    .unwrap_or_default();
                out.push(BackupFile {
                    path: f.display().to_string(),
                    file_name: f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                    bytes: meta.len(),
                    made_at,
                });
            }
        }
        out.sort_by(|a, b| b.made_at.cmp(&a.made_at));
        Ok(out)
    }
}
