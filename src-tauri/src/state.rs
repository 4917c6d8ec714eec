use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Mutex, MutexGuard};
use ykien::{AppInfo, BackupFile, Error, ErrorReport, Ledger};

/// The open database, or why it could not be opened. The window still starts when opening
/// fails (a newer schema, a network drive, a damaged file), so that it can say so in
/// Vietnamese and, for a damaged file, offer the newest good backup.
pub struct AppState {
    db_path: PathBuf,
    ledger: Mutex<Result<Ledger, ErrorReport>>,
    /// The newest good backup, found when the start-up check failed.
    recovery: Mutex<Option<BackupFile>>,
    /// Set by the window's Cancel button; the running import, export or backup stops and
    /// changes nothing.
    pub cancel: AtomicBool,
    /// The passphrase of an encrypted database, once entered on the start screen (or set
    /// when encryption was turned on); used again to reopen it after a restore.
    key: Mutex<Option<String>>,
}

/// What the start-up check found.
pub enum StartupCheck {
    /// The file is sound; the connection that checked it, for the day's first backup.
    Sound(Box<Ledger>),
    Damaged,
    /// No database is open (refused at opening, or waiting for its passphrase).
    NotOpen,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock cannot leave a half-written record (each write is one
    // transaction), so a poisoned lock is safe to reuse.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl AppState {
    /// Opens the database without its start-up check, which [`AppState::startup_check`]
    /// makes next, in the background.
    pub fn open(db_path: PathBuf) -> AppState {
        let (ledger, recovery) = open_unchecked(&db_path, None);
        AppState {
            db_path,
            ledger: Mutex::new(ledger),
            recovery: Mutex::new(recovery),
            cancel: AtomicBool::new(false),
            key: Mutex::new(None),
        }
    }

    /// Opens the encrypted database with the passphrase typed on the start screen. A wrong
    /// one is refused with the core's message and changes nothing.
    pub fn unlock(&self, passphrase: &str) -> Result<(), ErrorReport> {
        let mut guard = lock(&self.ledger);
        if guard.is_ok() {
            return Ok(());
        }
        let (ledger, recovery) = open_unchecked(&self.db_path, Some(passphrase));
        let refused = matches!(&ledger, Err(ErrorReport::Encrypted { .. }));
        if !refused {
            // Right passphrase (the database opened, or a backup opened with it).
            *lock(&self.key) = Some(passphrase.to_owned());
        }
        let outcome = ledger.as_ref().map(|_| ()).map_err(|e| e.clone());
        *lock(&self.recovery) = recovery;
        *guard = ledger;
        if refused {
            outcome
        } else {
            Ok(())
        }
    }

    /// Remembers the passphrase after encryption was turned on or the passphrase changed
    /// (`None`: turned off).
    pub fn set_key(&self, passphrase: Option<String>) {
        *lock(&self.key) = passphrase;
    }

    /// The start-up check of the file (SQLite's quick_check), on a connection of its own
    /// while the window opens and shows the book: it reads the whole file, which takes
    /// seconds for ten years of records (BENCHMARKS.md), and nobody at the counter should
    /// wait for it. A damaged file is then closed: the window, told, shows why with the
    /// newest good backup, as when a file cannot be opened at all. Until then the clerk may
    /// have read or saved something: SQLite refuses writes it finds to touch a damaged page,
    /// and every backup is checked before it is kept, so the backup offered is still good.
    pub fn startup_check(&self) -> StartupCheck {
        if !self.is_open() {
            return StartupCheck::NotOpen;
        }
        let key = lock(&self.key).clone();
        let checked = self.open_another().and_then(|l| Ok((l.startup_problems()?, l)));
        let error = match checked {
            Ok((p, l)) if p.is_empty() => return StartupCheck::Sound(Box::new(l)),
            Ok((p, _)) => damaged(&p),
            Err(e) => e,
        };
        let mut guard = lock(&self.ledger);
        let (ledger, recovery) = refused(&self.db_path, key.as_deref(), error);
        *lock(&self.recovery) = recovery;
        *guard = ledger;
        StartupCheck::Damaged
    }

    /// Another connection to the open database, for work that reads the whole file (the
    /// automatic backup) without holding the window's connection meanwhile.
    pub fn open_another(&self) -> ykien::Result<Ledger> {
        let key = lock(&self.key).clone();
        Ledger::open_with_key(&self.db_path, key.as_deref())
    }

    /// Runs `f` on the ledger; the one place commands reach the core.
    pub fn with<T>(&self, f: impl FnOnce(&mut Ledger) -> ykien::Result<T>) -> Result<T, ErrorReport> {
        let mut guard = lock(&self.ledger);
        let ledger = guard.as_mut().map_err(|e| e.clone())?;
        f(ledger).map_err(ErrorReport::from)
    }

    /// Replaces the database with the backup `from` (checked first, the current file copied
    /// aside), and opens it again: through the open ledger, which lets only a signed-in
    /// administrator do it; when the database could not be opened, the recovery the window
    /// offers at start-up.
    pub fn restore(&self, from: &Path) -> Result<ykien::RestoreReport, ErrorReport> {
        let mut guard = lock(&self.ledger);
        let safety = guard.as_ref().ok().and_then(|l| l.backup_settings().ok()).map(|s| s.folder).filter(|f| !f.is_empty());
        let key = lock(&self.key).clone();
        let result = match guard.as_mut() {
            Ok(ledger) => ledger.restore_backup(from, safety.as_deref().map(Path::new)),
            Err(_) => {
                // Nothing has the file open: it is replaced underneath nobody.
                *guard = Err(ErrorReport::from(Error::Conflict("Đang phục hồi dữ liệu.".into())));
                Ledger::restore_with_key(&self.db_path, from, safety.as_deref().map(Path::new), key.as_deref())
            }
        };
        if result.is_err() && guard.is_ok() {
            // Refused or failed before anything was replaced: the open database stays.
            return result.map_err(ErrorReport::from);
        }
        // Drop the connection before opening the file again, with its start-up check.
        *guard = Err(ErrorReport::from(Error::Conflict("Đang phục hồi dữ liệu.".into())));
        let (ledger, recovery) = open_checked(&self.db_path, key.as_deref());
        *guard = ledger;
        *lock(&self.recovery) = recovery;
        result.map_err(ErrorReport::from)
    }

    /// Where printed documents are written before the viewer opens them: a folder beside
    /// the database, so that a clerk can find today's prints again.
    pub fn print_dir(&self) -> PathBuf {
        self.db_path.parent().map(|d| d.join("Bản in")).unwrap_or_else(|| PathBuf::from("Bản in"))
    }

    /// Whether a database is open (not refused or damaged at start-up).
    pub fn is_open(&self) -> bool {
        lock(&self.ledger).is_ok()
    }

    pub fn info(&self) -> AppInfo {
        // One lock at a time: a guard held in the struct literal would deadlock the next one.
        let office_configured = self.with(|l| l.office()).ok().flatten().is_some();
        let today = self.with(|l| Ok(l.today().to_string())).unwrap_or_default();
        let open_error = lock(&self.ledger).as_ref().err().cloned();
        let recovery_backup = lock(&self.recovery).clone();
        AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            db_path: self.db_path.display().to_string(),
            open_error,
            office_configured,
            today,
            recovery_backup,
        }
    }
}

/// Opens the database, its start-up check left to [`AppState::startup_check`].
fn open_unchecked(db_path: &Path, key: Option<&str>) -> (Result<Ledger, ErrorReport>, Option<BackupFile>) {
    match Ledger::open_with_key(db_path, key) {
        Ok(l) => (Ok(l), None),
        Err(e) => refused(db_path, key, e),
    }
}

/// Opens the database and runs the start-up check at once (after a restore, where the
/// window waits anyway). A damaged file is not used: the window shows why, with the newest
/// good backup in the office's backup folder.
fn open_checked(db_path: &Path, key: Option<&str>) -> (Result<Ledger, ErrorReport>, Option<BackupFile>) {
    let opened = Ledger::open_with_key(db_path, key).and_then(|l| {
        let problems = l.startup_problems()?;
        if problems.is_empty() {
            Ok(l)
        } else {
            Err(damaged(&problems))
        }
    });
    match opened {
        Ok(l) => (Ok(l), None),
        Err(e) => refused(db_path, key, e),
    }
}

/// The start-up check's problems as one error; the first few are enough to report, SQLite
/// lists one per damaged page.
fn damaged(problems: &[String]) -> Error {
    let lines: Vec<&str> = problems.iter().flat_map(|p| p.lines()).filter(|l| !l.starts_with("***")).collect();
    let mut shown: Vec<String> = lines.iter().take(3).map(|l| l.to_string()).collect();
    if lines.len() > 3 {
        shown.push(format!("và {} lỗi khác", lines.len() - 3));
    }
    Error::Corrupt(shown.join("; "))
}

/// Why the database is not used, with the newest good backup when the file is damaged.
fn refused(db_path: &Path, key: Option<&str>, e: Error) -> (Result<Ledger, ErrorReport>, Option<BackupFile>) {
    let damaged = matches!(e, Error::Corrupt(_) | Error::NotADatabase { .. } | Error::Storage(_));
    let recovery = if damaged { Ledger::recovery_backup_with_key(db_path, key) } else { None };
    // A passphrase that does not open the database but opens its newest encrypted
    // backup is the right one: the database itself is damaged.
    if let (Error::Encrypted { wrong_key: true, .. }, Some(_)) = (&e, key) {
        let backup = Ledger::recovery_backup_with_key(db_path, key).filter(|b| {
            ykien::store::cipher::file_kind(Path::new(&b.path)).ok() == Some(ykien::store::cipher::FileKind::Encrypted)
        });
        if backup.is_some() {
            let e = Error::Corrupt("mật khẩu mã hoá đúng (mở được bản sao lưu) nhưng tệp dữ liệu không giải mã được: tệp đã bị hỏng".into());
            return (Err(ErrorReport::from(e)), backup);
        }
    }
    (Err(ErrorReport::from(e)), recovery)
}
