use std::path::PathBuf;
use std::sync::Mutex;
use ykien::{AppInfo, ErrorReport, Ledger};

/// The open database, or why it could not be opened. The window still starts when opening
/// fails (a newer schema, a network drive), so that it can say so in Vietnamese.
pub struct AppState {
    db_path: PathBuf,
    ledger: Result<Mutex<Ledger>, ErrorReport>,
}

impl AppState {
    pub fn open(db_path: PathBuf) -> AppState {
        let ledger = Ledger::open(&db_path).map(Mutex::new).map_err(ErrorReport::from);
        AppState { db_path, ledger }
    }

    /// Runs `f` on the ledger; the one place commands reach the core.
    pub fn with<T>(&self, f: impl FnOnce(&mut Ledger) -> ykien::Result<T>) -> Result<T, ErrorReport> {
        let ledger = self.ledger.as_ref().map_err(Clone::clone)?;
        // A panic while holding the lock cannot leave a half-written record (each write is
        // one transaction), so a poisoned lock is safe to reuse.
        let mut guard = ledger.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut guard).map_err(ErrorReport::from)
    }

    /// Where printed documents are written before the viewer opens them: a folder beside
    /// the database, so that a clerk can find today's prints again.
    pub fn print_dir(&self) -> PathBuf {
        self.db_path.parent().map(|d| d.join("Bản in")).unwrap_or_else(|| PathBuf::from("Bản in"))
    }

    pub fn info(&self) -> AppInfo {
        let office_configured = self.with(|l| l.office()).ok().flatten().is_some();
        AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            db_path: self.db_path.display().to_string(),
            open_error: self.ledger.as_ref().err().cloned(),
            office_configured,
            today: self.with(|l| Ok(l.today().to_string())).unwrap_or_default(),
        }
    }
}
