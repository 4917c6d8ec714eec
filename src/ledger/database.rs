//! One way to open a file: a [`Database`] is a database file and its passphrase, and every
//! caller (the window, the command line, the tests, the server to come) opens, checks,
//! restores and recovers it through the same few methods.
//!
//! The passphrase is held once: by the `Database` until it is opened, then by the [`Ledger`]
//! it opened, which keeps it current when encryption is turned on, off or rekeyed
//! ([`Ledger::database`] gives it back).

use super::Ledger;
use crate::error::{Error, ErrorReport, Result};
use crate::store::{self, backup::BackupFile, cipher};
use serde::Serialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// A database file and the passphrase to read it with, when it is encrypted.
#[derive(Debug, Clone)]
pub struct Database {
    path: PathBuf,
    key: Option<cipher::Passphrase>,
}

/// What a checked open found ([`Database::open_checked`]).
pub enum Opened {
    /// Opened, and its start-up check passed.
    Ready(Ledger),
    /// The file is encrypted and the passphrase is missing or wrong
    /// ([`Error::Encrypted`]); nothing was changed.
    NeedsPassphrase(Error),
    /// The file is damaged or not a database: the window offers the newest backup that
    /// passes its check, when there is one.
    Damaged { error: Error, newest_good_backup: Option<BackupFile> },
    /// Refused for a reason a backup does not mend (a newer version's schema, a network
    /// drive, a folder that cannot be written).
    Refused(Error),
}

/// What the app window needs first: which database is open, or why it could not be opened.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub db_path: String,
    /// Set when the database could not be opened; the window then shows only this.
    pub open_error: Option<ErrorReport>,
    /// False until the office setup screen has been completed.
    pub office_configured: bool,
    /// The office's today (YYYY-MM-DD), for the defaults of date fields.
    pub today: String,
    /// When the database is damaged (or cannot be opened): the newest backup that passes
    /// its check, which the window offers to restore.
    pub recovery_backup: Option<BackupFile>,
}

impl Database {
    /// The file at `path`, without a passphrase (enough for a plain file).
    pub fn new(path: impl Into<PathBuf>) -> Database {
        Database { path: path.into(), key: None }
    }

    /// The same file with the passphrase to read it when it is encrypted (ignored when it is
    /// plain); `None` leaves it without.
    pub fn with_passphrase(mut self, passphrase: Option<&str>) -> Database {
        self.key = passphrase.map(cipher::Passphrase::new);
        self
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn key(&self) -> Option<&cipher::Passphrase> {
        self.key.as_ref()
    }

    pub(super) fn set_key(&mut self, key: Option<cipher::Passphrase>) {
        self.key = key;
    }

    /// Opens the file, creating it and its folder when missing, and migrates it. An
    /// encrypted file without its passphrase, or with a wrong one, is refused with
    /// [`Error::Encrypted`] and left unchanged; so is a file of a newer version.
    pub fn open(&self) -> Result<Ledger> {
        let (conn, encrypted) = store::open_keyed(&self.path, self.key.as_ref())?;
        Ok(Ledger::on(conn, Some(self.clone()), encrypted))
    }

    /// Opens the file and makes the start-up check (SQLite's quick_check) at once; a file that
    /// fails it is not used. What the window does after a restore, and the command line before
    /// a restore.
    pub fn open_checked(&self) -> Opened {
        match self.open().and_then(|l| l.startup_check().map(|()| l)) {
            Ok(l) => Opened::Ready(l),
            Err(e) => self.diagnose(e),
        }
    }

    /// Why this file could not be used, given the error that stopped its opening or its
    /// start-up check: with the newest good backup when it is damaged.
    pub fn diagnose(&self, error: Error) -> Opened {
        // A passphrase that does not open the database but opens its newest encrypted
        // backup is the right one: the database itself is damaged.
        if matches!(error, Error::Encrypted { wrong_key: true, .. }) && self.key.is_some() {
            let backup = self
                .recovery_backup()
                .filter(|b| cipher::file_kind(Path::new(&b.path)).ok() == Some(cipher::FileKind::Encrypted));
            if backup.is_some() {
                let error = Error::Corrupt(
                    "mật khẩu mã hoá đúng (mở được bản sao lưu) nhưng tệp dữ liệu không giải mã được: tệp đã bị hỏng".into(),
                );
                return Opened::Damaged { error, newest_good_backup: backup };
            }
        }
        match error {
            Error::Encrypted { .. } => Opened::NeedsPassphrase(error),
            Error::Corrupt(_) | Error::NotADatabase { .. } | Error::Storage(_) => {
                Opened::Damaged { newest_good_backup: self.recovery_backup(), error }
            }
            error => Opened::Refused(error),
        }
    }

    /// Checks the file without changing it (see [`store::backup::check_file`]): for a
    /// backup before it is restored, or any copy.
    pub fn check_file(&self) -> Result<store::backup::FileCheck> {
        store::backup::check_file(&self.path, self.key.as_ref())
    }
}

impl Opened {
    /// The ledger when ready; else the error, with the backup to offer when damaged.
    pub fn into_parts(self) -> (Result<Ledger>, Option<BackupFile>) {
        match self {
            Opened::Ready(l) => (Ok(l), None),
            Opened::Damaged { error, newest_good_backup } => (Err(error), newest_good_backup),
            Opened::NeedsPassphrase(e) | Opened::Refused(e) => (Err(e), None),
        }
    }

    /// The ledger when ready, else the error.
    pub fn ledger(self) -> Result<Ledger> {
        self.into_parts().0
    }
}

/// The start-up check's problems as one error; the first few are enough to report, SQLite
/// lists one per damaged page.
pub(super) fn damaged(problems: &[String]) -> Error {
    let lines: Vec<&str> = problems.iter().flat_map(|p| p.lines()).filter(|l| !l.starts_with("***")).collect();
    let mut shown: Vec<String> = lines.iter().take(3).map(|l| l.to_string()).collect();
    if lines.len() > 3 {
        shown.push(format!("và {} lỗi khác", lines.len() - 3));
    }
    Error::Corrupt(shown.join("; "))
}
