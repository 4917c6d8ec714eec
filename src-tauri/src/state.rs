use crate::desk::{self, DeskChoice, DeskView};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use ykien::desk::{DeskEvent, Following, Remote};
use ykien::pairing::Fingerprint;
use ykien::{AppInfo, BackupFile, Database, Error, ErrorReport, Ledger, Opened};

/// Where the window's commands go: this PC's database, or the office server (desk.rs).
///
/// This PC's database: the open database, or why it could not be opened. The window still
/// starts when opening fails (a newer schema, a network drive, a damaged file), so that it can say so in
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
    /// Where this desk's ledger is. The fields above serve only [`Source::Local`]: a desk of
    /// the office server opens no database file of its own.
    source: Mutex<Source>,
    /// The server's events followed (server mode); dropping it stops following.
    following: Mutex<Option<Following>>,
    /// Whether the server answered last time it was asked (server mode), so that the
    /// window is told once when the connection is lost and once when it is back.
    reachable: Arc<AtomicBool>,
    /// Tells the window an event (`ledger-changed`, `connection`); set once the window exists.
    emitter: Arc<OnceLock<Emitter>>,
    /// The file the desk's choice is kept in.
    config: PathBuf,
}

/// Sends the window an event with its payload.
pub type Emitter = Arc<dyn Fn(&str, Value) + Send + Sync>;

/// Notes whether the server answers, telling the window (`connection`) when that changes.
fn tell_reachable(flag: &AtomicBool, emitter: Option<&Emitter>, up: bool) {
    if flag.swap(up, Ordering::SeqCst) != up {
        if let Some(emit) = emitter {
            emit("connection", json!({ "state": if up { "restored" } else { "lost" } }));
        }
    }
}

/// Where this desk's ledger is.
enum Source {
    /// A first start: nothing chosen yet, nothing opened; the window asks.
    Unset,
    /// The database file on this PC.
    Local,
    /// The office server; `remote` once it answered with the paired certificate, `error`
    /// why not (unreachable, or a changed certificate, which is never accepted).
    Server { address: String, pin: Fingerprint, remote: Option<Arc<Remote>>, error: Option<ErrorReport> },
}

/// Where a command goes.
pub enum Target {
    Local,
    Server(Arc<Remote>),
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

/// The local ledger's place while nothing was chosen yet.
fn not_chosen() -> ErrorReport {
    ErrorReport::from(Error::Conflict(
        "Chưa chọn nơi làm việc: hãy chọn «Dữ liệu trên máy này» hoặc «Kết nối máy chủ trong cơ quan».".into(),
    ))
}

/// The local ledger's place on a desk of the office server.
fn on_server() -> ErrorReport {
    ErrorReport::from(Error::Conflict("Máy này làm việc trên dữ liệu của máy chủ trong cơ quan.".into()))
}

/// What only works on the server's own file, asked of a desk.
pub fn server_only(what: &str) -> ErrorReport {
    ErrorReport::from(Error::Forbidden(format!(
        "{what} chỉ làm được trên chính máy chủ (dữ liệu nằm ở đó): hãy làm việc này trên máy chủ, \
         do quản trị viên thực hiện."
    )))
}

impl AppState {
    /// Starts as the desk's saved choice says (desk.rs): this PC's database, opened without
    /// its start-up check, which [`AppState::startup_check`] makes next, in the background;
    /// the office server, connected in the background ([`AppState::connect_in_background`]);
    /// or, at a first start, nothing until the window's choice.
    pub fn start(db_path: PathBuf, config: PathBuf) -> AppState {
        let db_env = std::env::var_os(ykien::paths::DB_ENV).is_some_and(|v| !v.is_empty());
        let choice = desk::starting_choice(desk::load(&config), &db_path, db_env);
        let db = Database::new(db_path);
        let (source, ledger, recovery) = match choice {
            Some(DeskChoice::Local) => {
                let (ledger, recovery) = shown(open_unchecked(&db));
                (Source::Local, ledger, recovery)
            }
            Some(DeskChoice::Server { address, pin }) => match Fingerprint::parse(&pin) {
                Ok(pin) => (Source::Server { address, pin, remote: None, error: None }, Err(on_server()), None),
                Err(e) => (Source::Unset, Err(ErrorReport::from(e)), None),
            },
            None => (Source::Unset, Err(not_chosen()), None),
        };
        AppState {
            db: Mutex::new(db),
            ledger: Mutex::new(ledger),
            recovery: Mutex::new(recovery),
            cancel: AtomicBool::new(false),
            source: Mutex::new(source),
            following: Mutex::new(None),
            reachable: Arc::new(AtomicBool::new(true)),
            emitter: Arc::new(OnceLock::new()),
            config,
        }
    }

    /// Gives the state the window to tell events to (once, when the window exists).
    pub fn set_emitter(&self, emitter: Emitter) {
        let _ = self.emitter.set(emitter);
    }

    /// Tells the window `event`.
    pub fn emit(&self, event: &str, payload: Value) {
        if let Some(emit) = self.emitter.get() {
            emit(event, payload);
        }
    }

    /// Where a command goes now. On a desk of the server not yet connected (the server was
    /// off at start, or unreachable since), it connects first: the answer is the connection
    /// error when it still cannot, and the window shows its banner.
    pub fn target(&self) -> Result<Target, ErrorReport> {
        let (address, pin) = match &*lock(&self.source) {
            Source::Unset | Source::Local => return Ok(Target::Local),
            Source::Server { remote: Some(remote), .. } => return Ok(Target::Server(remote.clone())),
            Source::Server { address, pin, .. } => (address.clone(), *pin),
        };
        self.connect(&address, &pin).map(Target::Server)
    }

    /// At start on a desk of the server: connects, and while the server does not answer tries
    /// again every few seconds, so that the window hears `connection` restored as soon as it
    /// does (a server started after its desks). Stops at a changed certificate (the desk must
    /// be paired again) and when the desk is switched to this PC's data.
    pub fn connect_until_answered(&self) {
        while let Err(e) = self.target() {
            if !matches!(e, ErrorReport::Connection { .. }) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_secs(3));
        }
    }

    /// Connects to the server the desk is set to, outside any lock (it may take seconds),
    /// keeps the connection and begins following its events; or keeps why not.
    fn connect(&self, address: &str, pin: &Fingerprint) -> Result<Arc<Remote>, ErrorReport> {
        let connected = Remote::connect(address, pin).map(Arc::new).map_err(ErrorReport::from);
        let mut source = lock(&self.source);
        let Source::Server { address: now, pin: now_pin, remote, error } = &mut *source else {
            // Switched to this PC's data meanwhile.
            return connected;
        };
        if now != address || now_pin != pin {
            return connected;
        }
        match &connected {
            Ok(r) if remote.is_none() => {
                *remote = Some(r.clone());
                *error = None;
                drop(source);
                self.follow(r);
                self.reachable_now(true);
            }
            Ok(_) => {}
            Err(e) => {
                *error = Some(e.clone());
                drop(source);
                // A changed certificate is not a lost connection: the window shows why instead.
                if matches!(e, ErrorReport::Connection { .. }) {
                    self.reachable_now(false);
                }
            }
        }
        connected
    }

    /// Follows the server's events: a write at any desk becomes `ledger-changed` here; the
    /// follower's view of the connection, like a command's, becomes `connection` when it
    /// changes (one flag for both, so the window hears each change once).
    ///
    /// The window is looked up at each event, not when following begins: a desk paired
    /// before connects at start, and the window's first call may connect it before the
    /// window is given to the state (`set_emitter`).
    fn follow(&self, remote: &Remote) {
        let emitter = self.emitter.clone();
        let reachable = self.reachable.clone();
        let following = remote.follow(move |event| match event {
            DeskEvent::Changed(data) => {
                if let Some(emit) = emitter.get() {
                    emit("ledger-changed", data);
                }
            }
            DeskEvent::Lost => tell_reachable(&reachable, emitter.get(), false),
            DeskEvent::Restored => tell_reachable(&reachable, emitter.get(), true),
        });
        *lock(&self.following) = Some(following);
    }

    /// Notes whether the server answered a command, telling the window when that changes.
    pub fn reachable_now(&self, up: bool) {
        tell_reachable(&self.reachable, self.emitter.get(), up);
    }

    /// How this desk works now (`desk_get`).
    pub fn desk_view(&self) -> DeskView {
        match &*lock(&self.source) {
            Source::Unset => DeskView { mode: "unset", address: None, server: None, connected: false, error: None },
            Source::Local => DeskView { mode: "local", address: None, server: None, connected: false, error: None },
            Source::Server { address, remote, error, .. } => DeskView {
                mode: "server",
                address: Some(remote.as_ref().map(|r| r.address().to_owned()).unwrap_or_else(|| address.clone())),
                server: remote.as_ref().map(|r| r.info().clone()),
                connected: remote.is_some() && self.reachable.load(Ordering::SeqCst),
                error: error.clone(),
            },
        }
    }

    /// Switches the desk to `choice` and saves it (`desk_set`). A server is connected first,
    /// its certificate checked against the pairing code: unreachable, or a certificate that
    /// differs, is refused and nothing changes. Answers whether this PC's database was opened
    /// now (its start-up check and the day's backup are then due).
    pub fn set_desk(&self, choice: DeskChoice) -> Result<bool, ErrorReport> {
        let next = match &choice {
            DeskChoice::Local => Source::Local,
            DeskChoice::Server { address, pin } => {
                let pin = Fingerprint::parse(pin)?;
                let remote = Arc::new(Remote::connect(address, &pin)?);
                Source::Server { address: address.clone(), pin, remote: Some(remote), error: None }
            }
        };
        desk::save(&self.config, &choice)?;
        let mut source = lock(&self.source);
        let was_local = matches!(*source, Source::Local);
        *lock(&self.following) = None;
        let remote = match &next {
            Source::Server { remote, .. } => remote.clone(),
            _ => None,
        };
        *source = next;
        drop(source);
        let opened = match remote {
            Some(remote) => {
                // This PC's database, if it was open, is closed: the desk works on the server's.
                *lock(&self.ledger) = Err(on_server());
                *lock(&self.recovery) = None;
                self.reachable.store(true, Ordering::SeqCst);
                self.follow(&remote);
                false
            }
            None if was_local => false,
            None => {
                let db = lock(&self.db).clone();
                let (ledger, recovery) = shown(open_unchecked(&db));
                *lock(&self.recovery) = recovery;
                *lock(&self.ledger) = ledger;
                true
            }
        };
        Ok(opened)
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

    /// Whether the records are in a database file of this PC (not a desk of the office
    /// server, whose server does what the owner of the database does).
    pub fn owns_database(&self) -> bool {
        matches!(&*lock(&self.source), Source::Local) && self.is_open()
    }

    /// Whether a database is open (not refused or damaged at start-up).
    pub fn is_open(&self) -> bool {
        lock(&self.ledger).is_ok()
    }

    pub fn info(&self) -> AppInfo {
        if let Some(info) = self.server_info() {
            return info;
        }
        // One lock at a time: a guard held in the struct literal would deadlock the next one.
        let office_configured = self.with(|l| l.office()).ok().flatten().is_some();
        let today = self.with(|l| Ok(l.today().to_string())).unwrap_or_default();
        let open_error = lock(&self.ledger).as_ref().err().cloned();
        let recovery_backup = lock(&self.recovery).clone();
        let db_path = lock(&self.db).path().display().to_string();
        AppInfo { version: env!("CARGO_PKG_VERSION").to_owned(), db_path, open_error, office_configured, today, recovery_backup }
    }
}

impl AppState {
    /// The start-up screen's facts on a desk of the server: its address in place of a file,
    /// why it cannot be reached (the window shows it as it shows a file that cannot be
    /// opened), whether the office is set up there (it is set up on the server, never at a
    /// desk), and this PC's date.
    fn server_info(&self) -> Option<AppInfo> {
        if !matches!(*lock(&self.source), Source::Server { .. }) {
            return None;
        }
        let (remote, open_error) = match self.target() {
            Ok(Target::Server(remote)) => (Some(remote), None),
            Ok(Target::Local) => return None,
            Err(e) => (None, Some(e)),
        };
        let address = remote.as_ref().map(|r| r.address().to_owned()).or_else(|| self.desk_view().address).unwrap_or_default();
        let office_configured = remote.as_ref().is_some_and(|r| r.info().office.is_some() || r.info().accounts_exist);
        Some(AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            db_path: address,
            open_error,
            office_configured,
            today: chrono::Local::now().date_naive().to_string(),
            recovery_backup: None,
        })
    }
}

/// Opens the database, its start-up check left to [`AppState::startup_check`].
fn open_unchecked(db: &Database) -> Opened {
    match db.open() {
        Ok(l) => Opened::Ready(l),
        Err(e) => db.diagnose(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let (db, config) = (dir.path().join("YKien").join("ykien.db"), dir.path().join("desk.json"));
        (dir, db, config)
    }

    #[test]
    fn a_first_start_opens_nothing_until_the_choice_then_this_pcs_file() {
        let (_dir, db, config) = paths();
        let state = AppState::start(db.clone(), config.clone());
        assert_eq!(state.desk_view().mode, "unset");
        assert!(!state.is_open());
        assert!(!db.exists(), "no database is made before the clerk chooses");
        assert!(matches!(state.info().open_error, Some(ErrorReport::Conflict { .. })));

        assert!(state.set_desk(DeskChoice::Local).unwrap(), "this PC's file is opened by the choice");
        assert_eq!(state.desk_view().mode, "local");
        assert!(state.is_open());
        assert!(db.exists());
        assert_eq!(desk::load(&config), Some(DeskChoice::Local));
        assert!(!state.set_desk(DeskChoice::Local).unwrap(), "already open: not opened twice");

        // The next start goes on with this PC's file without asking.
        drop(state);
        let again = AppState::start(db, config);
        assert_eq!(again.desk_view().mode, "local");
        assert!(again.is_open());
    }

    #[test]
    fn a_desk_of_an_unreachable_server_says_so_and_opens_no_file_of_its_own() {
        let (_dir, db, config) = paths();
        // Port 1 on loopback: nothing listens there.
        let pin = "AB".repeat(32);
        desk::save(&config, &DeskChoice::Server { address: "127.0.0.1:1".into(), pin: pin.clone() }).unwrap();
        let state = AppState::start(db.clone(), config.clone());
        let view = state.desk_view();
        assert_eq!((view.mode, view.address.as_deref(), view.connected), ("server", Some("127.0.0.1:1"), false));
        assert!(matches!(state.target(), Err(ErrorReport::Connection { .. })));
        assert!(matches!(state.desk_view().error, Some(ErrorReport::Connection { .. })));
        assert!(matches!(state.info().open_error, Some(ErrorReport::Connection { .. })));
        assert!(!state.is_open());
        assert!(!db.exists(), "a desk of the server makes no database file");
    }

    #[test]
    fn a_server_that_cannot_be_reached_is_not_saved_as_the_choice() {
        let (_dir, db, config) = paths();
        let state = AppState::start(db, config.clone());
        state.set_desk(DeskChoice::Local).unwrap();
        let refused = state.set_desk(DeskChoice::Server { address: "127.0.0.1:1".into(), pin: "CD".repeat(32) });
        assert!(matches!(refused, Err(ErrorReport::Connection { .. })), "{refused:?}");
        assert_eq!(desk::load(&config), Some(DeskChoice::Local), "the saved choice is unchanged");
        assert_eq!(state.desk_view().mode, "local");
        assert!(state.is_open(), "this PC's file stays open");
    }

    /// `ykien serve` on `db`, started by the test; answers its address and pairing code.
    fn serve(bin: &str, db: &Path, listen: &str) -> (std::process::Child, String, String) {
        use std::io::BufRead;
        let mut child = std::process::Command::new(bin)
            .args(["--db", &db.display().to_string(), "serve", "--listen", listen])
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("ykien serve starts");
        let out = std::io::BufReader::new(child.stdout.take().unwrap());
        let ready = out.lines().map_while(std::result::Result::ok).find_map(|line| {
            let rest = line.strip_prefix("ykien-serve: ready https://")?.to_owned();
            let mut words = rest.split_whitespace();
            let address = words.next()?.to_owned();
            let pin = words.next()?.trim_start_matches("pin=").to_owned();
            Some((address, pin))
        });
        match ready {
            Some((address, pin)) => (child, address, pin),
            None => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("ykien serve ended before it was ready");
            }
        }
    }

    /// Two desks of a real office server (`ykien serve`, started here on a demo database):
    /// the pairing code checked (a wrong one refused with the core's `server_identity`,
    /// nothing saved), the table's commands sent to the server, a case saved at one desk told
    /// to the other as `ledger-changed` within two seconds, and the server killed and started
    /// again told as `connection` lost, then restored. Needs the `ykien` binary, which
    /// `cargo test --workspace` builds (`$YKIEN_BIN` names another).
    #[test]
    fn two_desks_of_a_real_server() {
        use std::sync::mpsc;
        use std::time::{Duration, Instant};
        let bin = std::env::var("YKIEN_BIN").unwrap_or_else(|_| {
            let built = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/debug/ykien");
            assert!(built.exists(), "{} is missing: run `cargo test --workspace`, or set YKIEN_BIN", built.display());
            built.display().to_string()
        });
        let bin = std::fs::canonicalize(&bin).unwrap().display().to_string();
        let server_dir = tempfile::tempdir().unwrap();
        let server_db = server_dir.path().join("demo.db");
        let made = std::process::Command::new(&bin).args(["--db", &server_db.display().to_string(), "demo"]).output().unwrap();
        assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
        let (mut server, address, pin) = serve(&bin, &server_db, "127.0.0.1:0");

        let desk = |name: &str| {
            let (dir, db, config) = paths();
            let state = AppState::start(db.clone(), config.clone());
            let (tx, rx) = mpsc::channel::<(String, Value)>();
            let tx = Mutex::new(tx);
            state.set_emitter(Arc::new(move |event, payload| {
                let _ = lock(&tx).send((event.to_owned(), payload));
            }));
            let wrong = DeskChoice::Server { address: address.clone(), pin: "00".repeat(32) };
            assert!(matches!(state.set_desk(wrong), Err(ErrorReport::ServerIdentity { .. })), "{name}: a wrong code is refused");
            assert_eq!((state.desk_view().mode, desk::load(&config)), ("unset", None), "{name}: nothing saved");
            assert!(!state.set_desk(DeskChoice::Server { address: address.clone(), pin: pin.clone() }).unwrap());
            let view = state.desk_view();
            assert!(view.connected && view.server.as_ref().is_some_and(|s| s.product == "ykien"), "{name}: {view:?}");
            assert!(!db.exists(), "{name}: a desk makes no database file");
            (dir, state, rx)
        };
        let (_a, reception, _) = desk("reception");
        let (_b, unit, events) = desk("unit");
        let run = |state: &AppState, name: &str, args: Value| match state.target()? {
            Target::Server(remote) => {
                let answer = remote.dispatch(name, args, &ykien::commands::Context::new(std::env::temp_dir()), None);
                state.reachable_now(!matches!(answer, Err(ErrorReport::Connection { .. })));
                answer
            }
            Target::Local => panic!("not a desk of the server"),
        };
        let refused = run(&reception, "units_list", Value::Null);
        assert!(matches!(refused, Err(ErrorReport::SignInRequired { .. })), "{refused:?}");
        for (state, login) in [(&reception, "tiepnhan"), (&unit, "truongdonvi")] {
            run(state, "sign_in", json!({ "login": login, "password": ykien::demo::DEMO_PASSWORD })).unwrap();
        }
        // The follower opens its stream again once signed in: give it a moment.
        std::thread::sleep(Duration::from_secs(3));
        // Received at the day's first minute: never ahead of the clock, whatever the hour.
        let today = chrono::Local::now().date_naive();
        let case = run(&reception, "feedback_add", json!({ "input": {
            "received_at": format!("{today}T00:00"), "channel": "in_person", "kind": "complaint", "subject": "attitude",
            "book": "feedback", "customer_name": "Khách ở quầy", "customer_org": "", "customer_address": "",
            "customer_phone": "", "customer_email": "", "customer_group": "first_time",
            "content": "Cán bộ trả lời thiếu nhiệt tình", "receiver_id": null, "unit_id": null,
            "written": true, "formal": false, "settled_on_spot": null,
        }}))
        .unwrap();
        let wait_for = |what: &dyn Fn(&str, &Value) -> bool, within: Duration| {
            let deadline = Instant::now() + within;
            loop {
                let left = deadline.saturating_duration_since(Instant::now());
                let (event, payload) = events.recv_timeout(left).expect("the event in time");
                if what(&event, &payload) {
                    return payload;
                }
            }
        };
        let told = wait_for(&|e, p| e == "ledger-changed" && p["case"]["receipt_no"] == case["receipt_no"], Duration::from_secs(2));
        assert_eq!(told["command"], "feedback_add");

        // The server killed: the desk says so, once.
        server.kill().unwrap();
        server.wait().unwrap();
        assert!(matches!(run(&unit, "units_list", Value::Null), Err(ErrorReport::Connection { .. })));
        wait_for(&|e, p| e == "connection" && p["state"] == "lost", Duration::from_secs(10));
        assert!(!unit.desk_view().connected);
        // A desk that starts while the server is down keeps trying, and connects once it answers.
        let (_c, late_db, late_config) = paths();
        desk::save(&late_config, &DeskChoice::Server { address: address.clone(), pin: pin.clone() }).unwrap();
        let late = AppState::start(late_db, late_config);
        let (server, again) = std::thread::scope(|scope| {
            let trying = scope.spawn(|| late.connect_until_answered());
            std::thread::sleep(Duration::from_secs(1));
            assert!(!trying.is_finished() && !late.desk_view().connected, "no server yet");
            // Started again on the same port and file.
            let (server, _, again) = serve(&bin, &server_db, &address);
            trying.join().unwrap();
            (server, again)
        });
        let mut server = server;
        assert!(late.desk_view().connected, "{:?}", late.desk_view());
        // The session of the desk that was working survived the restart: work goes on.
        assert_eq!(again, pin, "the same certificate");
        let units = run(&unit, "units_list", Value::Null).expect("work goes on");
        assert!(units.as_array().is_some_and(|u| !u.is_empty()));
        wait_for(&|e, p| e == "connection" && p["state"] == "restored", Duration::from_secs(10));
        assert!(unit.desk_view().connected);
        for state in [&reception, &unit] {
            run(state, "sign_out", Value::Null).unwrap();
        }
        server.kill().unwrap();
        let _ = server.wait();
    }
}
