use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Mutex, MutexGuard};
use ykien::{AppInfo, BackupFile, Database, Error, ErrorReport, Ledger, Opened};

/// The open database, or why it could not be opened. The window still starts when opening
/// fails (a newer schema, a network drive, a damaged file), so that it can say so in
/// Vietnamese and, for a damaged file, offer the newest good backup. What is damaged and which
/// backup to offer is the core's answer ([`Database::open_checked`], [`Database::diagnose`]).
pub struct AppState {
    /// The file, with the passphrase typed on the start screen while nothing is open. Once a
    /// ledger is open, it holds the passphrase (and keeps it current when encryption changes).
    db: Mutex<Database>,
    ledger: Mutex<Result<Ledger, ErrorReport>>,
    /// The newest good backup, found when the database is damaged.
    recovery: Mutex<Option<BackupFile>>,
    /// Set by the window's Cancel button; the running import, export or backup stops and
    /// changes nothing.
    pub cancel: AtomicBool,
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

/// The window's side of an answer: the ledger or the error it shows, and the backup it offers.
fn shown(opened: Opened) -> (Result<Ledger, ErrorReport>, Option<BackupFile>) {
    let (ledger, recovery) = opened.into_parts();
    (ledger.map_err(ErrorReport::from), recovery)
}

fn restoring() -> ErrorReport {
    ErrorReport::from(Error::Conflict("Đang phục hồi dữ liệu.".into()))
}

impl AppState {
    /// Opens the database without its start-up check, which [`AppState::startup_check`]
    /// makes next, in the background.
    pub fn open(db_path: PathBuf) -> AppState {
        let db = Database::new(db_path);
        let (ledger, recovery) = shown(open_unchecked(&db));
        AppState { db: Mutex::new(db), ledger: Mutex::new(ledger), recovery: Mutex::new(recovery), cancel: AtomicBool::new(false) }
    }

    /// Opens the encrypted database with the passphrase typed on the start screen. A wrong
    /// one is refused with the core's message and changes nothing.
    pub fn unlock(&self, passphrase: &str) -> Result<(), ErrorReport> {
        let mut guard = lock(&self.ledger);
        if guard.is_ok() {
            return Ok(());
        }
        let db = lock(&self.db).clone().with_passphrase(Some(passphrase));
        let opened = open_unchecked(&db);
        let refused = matches!(opened, Opened::NeedsPassphrase(_));
        if !refused {
            // The right passphrase: the database opened, or it opened the newest backup of a
            // damaged one.
            *lock(&self.db) = db;
        }
        let (ledger, recovery) = shown(opened);
        let outcome = match (&ledger, refused) {
            (Err(e), true) => Err(e.clone()),
            _ => Ok(()),
        };
        *lock(&self.recovery) = recovery;
        *guard = ledger;
        outcome
    }

    /// The file and its current passphrase: the open ledger's, else the one typed last.
    fn database(&self) -> Database {
        let from_ledger = lock(&self.ledger).as_ref().ok().and_then(|l| l.database().cloned());
        from_ledger.unwrap_or_else(|| lock(&self.db).clone())
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
        let db = self.database();
        let error = match db.open().and_then(|l| l.startup_check().map(|()| l)) {
            Ok(l) => return StartupCheck::Sound(Box::new(l)),
            Err(e) => e,
        };
        let mut guard = lock(&self.ledger);
        *lock(&self.db) = db.clone();
        let (ledger, recovery) = shown(db.diagnose(error));
        *lock(&self.recovery) = recovery;
        *guard = ledger;
        StartupCheck::Damaged
    }

    /// Another connection to the open database, acting as the window's (the same signed-in
    /// account), for work that reads the whole file (the automatic backup) without holding
    /// the window's connection meanwhile.
    pub fn open_another(&self) -> ykien::Result<Ledger> {
        match lock(&self.ledger).as_ref() {
            Ok(l) => l.open_another(),
            Err(_) => lock(&self.db).open(),
        }
    }

    /// Runs `f` on the ledger; the one place commands reach the core.
    pub fn with<T>(&self, f: impl FnOnce(&mut Ledger) -> ykien::Result<T>) -> Result<T, ErrorReport> {
        let mut guard = lock(&self.ledger);
        let ledger = guard.as_mut().map_err(|e| e.clone())?;
        f(ledger).map_err(ErrorReport::from)
    }

    /// Runs a long task (a manual backup, an export, an import, a disposal) on a connection
    /// of its own ([`Ledger::open_another`]), so that the window goes on answering meanwhile:
    /// the window's connection is held only for the moment of opening the other. The task
    /// acts as the account signed in when it started; its permission is checked as usual.
    pub fn with_own_connection<T>(&self, f: impl FnOnce(&mut Ledger) -> ykien::Result<T>) -> Result<T, ErrorReport> {
        let mut own = self.with(|l| l.open_another())?;
        f(&mut own).map_err(ErrorReport::from)
    }

    /// Replaces the database with the backup `from` (checked first, the current file copied
    /// aside), and opens it again: through the open ledger, which lets only a signed-in
    /// administrator do it; when the database could not be opened, the recovery the window
    /// offers at start-up.
    pub fn restore(&self, from: &Path) -> Result<ykien::RestoreReport, ErrorReport> {
        let mut guard = lock(&self.ledger);
        let safety = guard.as_ref().ok().and_then(|l| l.backup_settings().ok()).map(|s| s.folder).filter(|f| !f.is_empty());
        let safety = safety.as_deref().map(Path::new);
        let db = guard.as_ref().ok().and_then(|l| l.database().cloned()).unwrap_or_else(|| lock(&self.db).clone());
        let result = match guard.as_mut() {
            Ok(ledger) => ledger.restore_backup(from, safety),
            Err(_) => {
                // Nothing has the file open: it is replaced underneath nobody.
                *guard = Err(restoring());
                db.restore(from, safety)
            }
        };
        if result.is_err() && guard.is_ok() {
            // Refused or failed before anything was replaced: the open database stays.
            return result.map_err(ErrorReport::from);
        }
        // Drop the connection before opening the file again, with its start-up check.
        *guard = Err(restoring());
        *lock(&self.db) = db.clone();
        let (ledger, recovery) = shown(db.open_checked());
        *guard = ledger;
        *lock(&self.recovery) = recovery;
        result.map_err(ErrorReport::from)
    }

    /// Where printed documents are written before the viewer opens them: a folder beside
    /// the database, so that a clerk can find today's prints again.
    pub fn print_dir(&self) -> PathBuf {
        let db = lock(&self.db);
        db.path().parent().map(|d| d.join("Bản in")).unwrap_or_else(|| PathBuf::from("Bản in"))
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
        let db_path = lock(&self.db).path().display().to_string();
        AppInfo { version: env!("CARGO_PKG_VERSION").to_owned(), db_path, open_error, office_configured, today, recovery_backup }
    }
}

/// Opens the database, its start-up check left to [`AppState::startup_check`].
fn open_unchecked(db: &Database) -> Opened {
    match db.open() {
        Ok(l) => Opened::Ready(l),
        Err(e) => db.diagnose(e),
    }
}
