//! `ykien service install|uninstall|status|run` (Windows only): the office server as a Windows
//! service, so that it runs from the PC's start, with nobody signed in, and comes back by
//! itself after a failure (docs/windows.md).
//!
//! - `install` (as administrator; the installer runs it when «Máy chủ» is chosen): copies this
//!   program to `%ProgramFiles%\YKien` (a service of the system must never run a file an
//!   ordinary user can replace), keeps the data in `%ProgramData%\YKien` (only the system and
//!   administrators may read it; the server's certificate, public by nature, readable by all,
//!   so that the PC's own desk can pair), registers the service (automatic start, restarted
//!   after a failure), opens the port in Windows' firewall on private and domain networks only,
//!   starts it and prints the pairing code. Run again, it updates the program and settings.
//! - `uninstall`: stops and removes the service, the firewall rule and the program copy; the
//!   data stays.
//! - `run`: how Windows starts the service. The server runs in the service's own process, as
//!   `ykien serve` does (`serve::start`, `Server::run_until`), its messages going to
//!   `ykien-server.log` beside the database. Windows' Stop, or the PC shutting down, ends it as
//!   Ctrl+C ends `ykien serve`: calls under way finish, then the closing backup is made, while
//!   Windows is told the service is stopping; only then is it reported stopped.

use clap::Subcommand;
use std::ffi::OsString;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};
use windows_service::service::{
    ServiceAccess, ServiceAction, ServiceActionType, ServiceControl, ServiceControlAccept, ServiceErrorControl,
    ServiceExitCode, ServiceFailureActions, ServiceFailureResetPeriod, ServiceInfo, ServiceStartType, ServiceState,
    ServiceStatus, ServiceType,
};
use windows_service::service_control_handler::{self, ServiceControlHandlerResult, ServiceStatusHandle};
use windows_service::service_manager::{ServiceManager, ServiceManagerAccess};
use windows_service::{define_windows_service, service_dispatcher};
use ykien::pairing::{Fingerprint, DEFAULT_PORT};
use ykien::{Error, Result};

/// The service's name for Windows (`sc query YKien`).
const NAME: &str = "YKien";
const DISPLAY_NAME: &str = "Ý Kiến — máy chủ";
const DESCRIPTION: &str = "Máy chủ Ý Kiến: phục vụ sổ ghi nhận ý kiến khách hàng cho các máy trạm trong cơ quan qua HTTPS.";
/// The firewall rule's name (`netsh advfirewall firewall show rule name=…`).
const FIREWALL_RULE: &str = "Y Kien - may chu";
/// Written by `ykien serve` beside the database at its first start.
const CERTIFICATE: &str = "ykien-server.crt";
const LOG: &str = "ykien-server.log";
/// How long Windows holds its shutdown for the service to stop: time for the closing backup
/// of years of records (it waits only as long as the backup takes).
const SHUTDOWN_ALLOWANCE: Duration = Duration::from_secs(120);
/// Well-known accounts, by SID so that they read the same on a Windows of any language.
const SYSTEM: &str = "*S-1-5-18";
const ADMINISTRATORS: &str = "*S-1-5-32-544";
const USERS: &str = "*S-1-5-32-545";

#[derive(Subcommand)]
pub enum ServiceCommand {
    /// Install (or update) the office server as a Windows service and start it (as administrator).
    Install {
        /// The address and port to listen on (default 0.0.0.0:7443).
        #[arg(long, value_name = "ADDR:PORT")]
        listen: Option<SocketAddr>,
        /// A database this PC used until now: copied to become the server's, when the server
        /// has none yet (default: the app's own file of the user running this, if any).
        #[arg(long, value_name = "PATH")]
        from: Option<PathBuf>,
    },
    /// Make the Ý Kiến app of the user running this a desk of the server on this PC
    /// (127.0.0.1), paired with its certificate.
    Pair {
        #[arg(long, value_name = "ADDR:PORT")]
        listen: Option<SocketAddr>,
    },
    /// Stop and remove the service and its firewall rule; the data stays.
    Uninstall,
    /// Whether the service is installed and running, and the pairing code.
    Status,
    /// How Windows starts the service (not for typing).
    #[command(hide = true)]
    Run {
        #[arg(long, value_name = "ADDR:PORT")]
        listen: Option<SocketAddr>,
    },
}

/// Runs a `service` command; `db` is the global `--db` (default `%ProgramData%\YKien\ykien.db`).
pub fn run(db: Option<PathBuf>, command: ServiceCommand, json: bool) -> Result<()> {
    let db = db.unwrap_or_else(default_db);
    match command {
        ServiceCommand::Install { listen, from } => install(&db, listen.unwrap_or_else(default_listen), from.as_deref(), json),
        ServiceCommand::Pair { listen } => pair(&db, listen.unwrap_or_else(default_listen), json),
        ServiceCommand::Uninstall => uninstall(&db, json),
        ServiceCommand::Status => status(&db, json),
        ServiceCommand::Run { listen } => {
            let _ = RUNNING.set((db, listen.unwrap_or_else(default_listen)));
            service_dispatcher::start(NAME, ffi_service_main).map_err(windows)
        }
    }
}

fn default_listen() -> SocketAddr {
    SocketAddr::from(([0, 0, 0, 0], DEFAULT_PORT))
}

/// `%ProgramData%\YKien\ykien.db`: the server's data belongs to the PC, not to a user.
fn default_db() -> PathBuf {
    let base = std::env::var_os("ProgramData").map(PathBuf::from).unwrap_or_else(|| PathBuf::from(r"C:\ProgramData"));
    base.join("YKien").join("ykien.db")
}

/// Where the service's program is kept: `%ProgramFiles%\YKien\ykien.exe`, writable only by
/// administrators.
fn program() -> PathBuf {
    let base = std::env::var_os("ProgramFiles").map(PathBuf::from).unwrap_or_else(|| PathBuf::from(r"C:\Program Files"));
    base.join("YKien").join("ykien.exe")
}

fn folder_of(db: &Path) -> PathBuf {
    db.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."))
}

/// A refusal of Windows, in Vietnamese; "access denied" says what to do.
fn windows(e: windows_service::Error) -> Error {
    let denied = matches!(&e, windows_service::Error::Winapi(io) if io.raw_os_error() == Some(5));
    if denied {
        return Error::Forbidden(
            "Cần quyền quản trị Windows: hãy mở «Command Prompt» bằng «Run as administrator» rồi chạy lại lệnh.".into(),
        );
    }
    Error::Io(std::io::Error::other(format!("Windows từ chối thao tác với dịch vụ {NAME}: {e}")))
}

fn io(what: &str, e: std::io::Error) -> Error {
    Error::Io(std::io::Error::new(e.kind(), format!("{what}: {e}")))
}

/// Runs a Windows tool (netsh, icacls); its failure names the tool and what it said.
fn tool(program: &str, args: &[&str]) -> Result<()> {
    let out = Command::new(program).args(args).output().map_err(|e| io(program, e))?;
    if out.status.success() {
        return Ok(());
    }
    let said = String::from_utf8_lossy(&out.stdout).trim().to_owned() + String::from_utf8_lossy(&out.stderr).trim();
    Err(Error::Io(std::io::Error::other(format!("{program} {}: {said}", args.join(" ")))))
}

fn install(db: &Path, listen: SocketAddr, from: Option<&Path>, json: bool) -> Result<()> {
    let manager = ServiceManager::local_computer(None::<&str>, ServiceManagerAccess::CONNECT | ServiceManagerAccess::CREATE_SERVICE)
        .map_err(windows)?;
    let access = ServiceAccess::QUERY_STATUS | ServiceAccess::START | ServiceAccess::STOP | ServiceAccess::CHANGE_CONFIG;
    let existing = manager.open_service(NAME, access).ok();
    if let Some(service) = &existing {
        // Updating: the program file is in use while the server runs.
        stop_and_wait(service)?;
    }

    let folder = folder_of(db);
    std::fs::create_dir_all(&folder).map_err(|e| io(&folder.display().to_string(), e))?;
    let folder_text = folder.display().to_string();
    // Only the system (the service) and administrators may read the ledger; inherited
    // permissions (ProgramData lets every user read) removed. Users may list the folder,
    // which is how they reach the certificate (granted below, once it exists).
    tool(
        "icacls",
        &[&folder_text, "/inheritance:r", "/grant:r", &format!("{SYSTEM}:(OI)(CI)F"), &format!("{ADMINISTRATORS}:(OI)(CI)F"), &format!("{USERS}:(RX)")],
    )?;

    // A PC that kept the office's ledger in its app until now and becomes the server: that
    // file (given, or the app's own of the user running this) becomes the server's, when the
    // server has none yet. Nothing is overwritten.
    let own = dirs::data_local_dir().map(|d| d.join("YKien").join("ykien.db"));
    let adopted = from.map(Path::to_path_buf).or(own).filter(|f| f.exists() && !db.exists());
    if let Some(from) = &adopted {
        adopt(from, db)?;
    }

    let target = program();
    let this = std::env::current_exe().map_err(|e| io("ykien.exe", e))?;
    if !same_file(&this, &target) {
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).map_err(|e| io(&dir.display().to_string(), e))?;
        }
        std::fs::copy(&this, &target).map_err(|e| io(&target.display().to_string(), e))?;
    }

    let info = ServiceInfo {
        name: OsString::from(NAME),
        display_name: OsString::from(DISPLAY_NAME),
        service_type: ServiceType::OWN_PROCESS,
        start_type: ServiceStartType::AutoStart,
        error_control: ServiceErrorControl::Normal,
        executable_path: target.clone(),
        launch_arguments: vec![
            OsString::from("--db"),
            db.as_os_str().to_owned(),
            OsString::from("service"),
            OsString::from("run"),
            OsString::from("--listen"),
            OsString::from(listen.to_string()),
        ],
        dependencies: vec![],
        // LocalSystem: the data folder above is its own; the backup folder an administrator
        // chooses in the settings is writable by it wherever it is.
        account_name: None,
        account_password: None,
    };
    let service = match existing {
        Some(service) => {
            service.change_config(&info).map_err(windows)?;
            service
        }
        None => manager.create_service(&info, access).map_err(windows)?,
    };
    service.set_description(DESCRIPTION).map_err(windows)?;
    // Back by itself after a failure: 10 s, then 30 s, then every minute; the count starts
    // again after a day without one.
    let restart = |secs| ServiceAction { action_type: ServiceActionType::Restart, delay: Duration::from_secs(secs) };
    service
        .update_failure_actions(ServiceFailureActions {
            reset_period: ServiceFailureResetPeriod::After(Duration::from_secs(86_400)),
            reboot_msg: None,
            command: None,
            actions: Some(vec![restart(10), restart(30), restart(60)]),
        })
        .map_err(windows)?;
    // The server ending with an error (not only a crash) counts as a failure.
    service.set_failure_actions_on_non_crash_failures(true).map_err(windows)?;
    // When the PC shuts down, Windows waits for the closing backup (up to this long) instead of
    // the few seconds it gives services otherwise.
    service.set_preshutdown_timeout(SHUTDOWN_ALLOWANCE).map_err(windows)?;

    let port = listen.port().to_string();
    let _ = tool("netsh", &["advfirewall", "firewall", "delete", "rule", &format!("name={FIREWALL_RULE}")]);
    tool(
        "netsh",
        &[
            "advfirewall",
            "firewall",
            "add",
            "rule",
            &format!("name={FIREWALL_RULE}"),
            "dir=in",
            "action=allow",
            "protocol=TCP",
            &format!("localport={port}"),
            "profile=private,domain",
            &format!("program={}", target.display()),
        ],
    )?;

    service.start(&[] as &[&str]).map_err(windows)?;
    let running = wait_for(&service, ServiceState::Running, Duration::from_secs(30));
    // The certificate is made at the server's first start: wait for it, then let every user
    // of this PC read it (a certificate is public; the key beside it is not).
    let certificate = folder.join(CERTIFICATE);
    let deadline = Instant::now() + Duration::from_secs(30);
    while !certificate.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(250));
    }
    if certificate.exists() {
        tool("icacls", &[&certificate.display().to_string(), "/grant", &format!("{USERS}:(R)")])?;
    }
    let code = pairing_code(&folder);
    if json {
        crate::print_json(&serde_json::json!({
            "service": NAME,
            "running": running,
            "db": db,
            "adopted_from": adopted,
            "listen": listen.to_string(),
            "program": target,
            "firewall_rule": FIREWALL_RULE,
            "fingerprint": code.map(|c| c.display()),
        }));
    } else {
        println!("Đã cài dịch vụ «{DISPLAY_NAME}» ({NAME}), tự chạy khi máy khởi động.");
        println!("Dữ liệu: {}", db.display());
        if let Some(from) = &adopted {
            println!("(chép từ dữ liệu Ý Kiến đã dùng trên máy này: {})", from.display());
        }
        println!("Cổng {port} đã mở trong tường lửa Windows cho mạng riêng (Private) và mạng miền (Domain).");
        if !running {
            println!("Dịch vụ chưa chạy được: xem {} để biết lý do.", folder.join(LOG).display());
        }
        match code {
            Some(code) => println!("Mã ghép nối (nhập ở các máy trạm): {code}"),
            None => println!("Chưa đọc được mã ghép nối: chạy «ykien service status» sau ít phút."),
        }
    }
    Ok(())
}

fn uninstall(db: &Path, json: bool) -> Result<()> {
    let manager = ServiceManager::local_computer(None::<&str>, ServiceManagerAccess::CONNECT).map_err(windows)?;
    let access = ServiceAccess::QUERY_STATUS | ServiceAccess::STOP | ServiceAccess::DELETE;
    let removed = match manager.open_service(NAME, access) {
        Ok(service) => {
            stop_and_wait(&service)?;
            service.delete().map_err(windows)?;
            true
        }
        Err(_) => false,
    };
    let _ = tool("netsh", &["advfirewall", "firewall", "delete", "rule", &format!("name={FIREWALL_RULE}")]);
    let target = program();
    // The program copy only: the data folder is never touched.
    if target.exists() && !same_file(&std::env::current_exe().unwrap_or_default(), &target) {
        let _ = std::fs::remove_file(&target);
        if let Some(dir) = target.parent() {
            let _ = std::fs::remove_dir(dir);
        }
    }
    if json {
        crate::print_json(&serde_json::json!({ "service": NAME, "removed": removed, "data_kept": folder_of(db) }));
    } else {
        if removed {
            println!("Đã gỡ dịch vụ {NAME} và quy tắc tường lửa.");
        } else {
            println!("Dịch vụ {NAME} chưa được cài.");
        }
        println!("Dữ liệu vẫn giữ nguyên trong {}.", folder_of(db).display());
    }
    Ok(())
}

fn status(db: &Path, json: bool) -> Result<()> {
    let manager = ServiceManager::local_computer(None::<&str>, ServiceManagerAccess::CONNECT).map_err(windows)?;
    let state = manager.open_service(NAME, ServiceAccess::QUERY_STATUS).ok().and_then(|s| s.query_status().ok()).map(|s| s.current_state);
    let code = pairing_code(&folder_of(db));
    if json {
        crate::print_json(&serde_json::json!({
            "service": NAME,
            "installed": state.is_some(),
            "running": state == Some(ServiceState::Running),
            "fingerprint": code.map(|c| c.display()),
        }));
    } else {
        match state {
            None => println!("Dịch vụ {NAME} chưa được cài."),
            Some(ServiceState::Running) => println!("Dịch vụ {NAME} đang chạy."),
            Some(s) => println!("Dịch vụ {NAME} đã cài nhưng không chạy ({s:?})."),
        }
        if let Some(code) = code {
            println!("Mã ghép nối: {code}");
        }
    }
    // A script (the installer) reads the exit code: 0 only when it runs.
    if state == Some(ServiceState::Running) {
        Ok(())
    } else {
        Err(Error::Conflict(format!("Dịch vụ {NAME} không chạy.")))
    }
}

/// Copies the database this PC used until now to become the server's: the file and its
/// write-ahead log, if the app left one (the app is closed while the installer runs).
fn adopt(from: &Path, db: &Path) -> Result<()> {
    for suffix in ["", "-wal"] {
        let (source, target) = (with_suffix(from, suffix), with_suffix(db, suffix));
        if source.exists() {
            std::fs::copy(&source, &target).map_err(|e| io(&source.display().to_string(), e))?;
        }
    }
    Ok(())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut text = path.as_os_str().to_owned();
    text.push(suffix);
    PathBuf::from(text)
}

/// Makes the app of the user running this a desk of the server on this PC: the desk's choice
/// (the file and format of src-tauri/src/desk.rs, `%LOCALAPPDATA%\YKien\desk.json`) set to
/// 127.0.0.1 with the server's pairing code. Run by the installer as the user who installs.
fn pair(db: &Path, listen: SocketAddr, json: bool) -> Result<()> {
    let code = pairing_code(&folder_of(db))
        .ok_or_else(|| Error::Conflict("Chưa đọc được chứng chỉ của máy chủ: dịch vụ đã chạy lần nào chưa?".into()))?;
    let address = format!("127.0.0.1:{}", listen.port());
    let choice = serde_json::json!({ "mode": "server", "address": address, "pin": code.compact() });
    let config = std::env::var_os("YKIEN_DESK_CONFIG")
        .map(PathBuf::from)
        .unwrap_or_else(|| dirs::config_local_dir().unwrap_or_default().join("YKien").join("desk.json"));
    let text = serde_json::to_string_pretty(&choice).expect("plain JSON");
    crate::write_file(&config, text.as_bytes())?;
    if json {
        crate::print_json(&choice);
    } else {
        println!("Ý Kiến trên máy này sẽ làm việc trên máy chủ https://{address} (mã ghép nối {code}).");
    }
    Ok(())
}

/// The pairing code: the SHA-256 of the certificate the server made beside its database.
fn pairing_code(folder: &Path) -> Option<Fingerprint> {
    let pem = std::fs::read_to_string(folder.join(CERTIFICATE)).ok()?;
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    use base64::Engine as _;
    let der = base64::engine::general_purpose::STANDARD.decode(body.trim()).ok()?;
    Some(Fingerprint::of_certificate(&der))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn stop_and_wait(service: &windows_service::service::Service) -> Result<()> {
    let state = service.query_status().map_err(windows)?.current_state;
    if state != ServiceState::Stopped {
        let _ = service.stop();
        // The server stops after its closing backup, which years of records make long.
        wait_for(service, ServiceState::Stopped, SHUTDOWN_ALLOWANCE);
    }
    Ok(())
}

fn wait_for(service: &windows_service::service::Service, state: ServiceState, limit: Duration) -> bool {
    let deadline = Instant::now() + limit;
    loop {
        if service.query_status().map(|s| s.current_state == state).unwrap_or(false) {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(250));
    }
}

// ---- The service itself, as Windows runs it ----

/// The database and address `service run` was given, for the service's main function (which
/// Windows calls with its own arguments).
static RUNNING: OnceLock<(PathBuf, SocketAddr)> = OnceLock::new();

define_windows_service!(ffi_service_main, service_main);

fn service_main(_arguments: Vec<OsString>) {
    if let Err(e) = serve_as_service() {
        append_log(&format!("Dịch vụ {NAME} dừng vì lỗi: {e}"));
    }
}

/// How long Windows may wait between two reports of a service that is starting or stopping.
const PENDING_HINT: Duration = Duration::from_secs(10);
/// How often a starting or stopping service tells Windows it is still at it.
const PENDING_TICK: Duration = Duration::from_secs(3);

fn status_of(state: ServiceState, exit: u32, checkpoint: u32) -> ServiceStatus {
    let pending = matches!(state, ServiceState::StartPending | ServiceState::StopPending);
    ServiceStatus {
        service_type: ServiceType::OWN_PROCESS,
        current_state: state,
        // Stop and the PC's shutdown only while running: the control handler is released after
        // the first of them, and a stop under way is not started again.
        controls_accepted: if state == ServiceState::Running {
            ServiceControlAccept::STOP | ServiceControlAccept::PRESHUTDOWN
        } else {
            ServiceControlAccept::empty()
        },
        exit_code: if exit == 0 { ServiceExitCode::Win32(0) } else { ServiceExitCode::ServiceSpecific(exit) },
        checkpoint,
        wait_hint: if pending { PENDING_HINT } else { Duration::ZERO },
        process_id: None,
    }
}

/// What the service tells Windows, one state at a time. While it is starting (the file's
/// check) or stopping (the closing backup), a thread of its own advances the checkpoint every
/// few seconds, so that long work is not taken for a hung service. Every report is made under
/// the one lock, so none follows `Stopped`.
struct Reporter {
    status: ServiceStatusHandle,
    now: Mutex<(ServiceState, u32)>,
}

impl Reporter {
    fn start(status: ServiceStatusHandle) -> Result<Arc<Reporter>> {
        let reporter = Arc::new(Reporter { status, now: Mutex::new((ServiceState::StartPending, 0)) });
        status.set_service_status(status_of(ServiceState::StartPending, 0, 0)).map_err(windows)?;
        let ticking = reporter.clone();
        std::thread::spawn(move || loop {
            std::thread::sleep(PENDING_TICK);
            let mut now = ticking.now.lock().unwrap_or_else(|p| p.into_inner());
            match now.0 {
                ServiceState::Stopped => break,
                ServiceState::StartPending | ServiceState::StopPending => {
                    now.1 += 1;
                    let _ = ticking.status.set_service_status(status_of(now.0, 0, now.1));
                }
                _ => {}
            }
        });
        Ok(reporter)
    }

    fn set(&self, state: ServiceState, exit: u32) {
        let mut now = self.now.lock().unwrap_or_else(|p| p.into_inner());
        if now.0 == ServiceState::Stopped {
            return;
        }
        *now = (state, 0);
        if let Err(e) = self.status.set_service_status(status_of(state, exit, 0)) {
            append_log(&format!("Không báo được trạng thái {state:?} cho Windows: {e}"));
        }
    }
}

fn serve_as_service() -> Result<()> {
    let (db, listen) = RUNNING.get().cloned().unwrap_or_else(|| (default_db(), default_listen()));
    // Windows' Stop, or the PC shutting down, resolves the server's stop (`Server::run_until`).
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let mut stop = Some(stop);
    let handler = move |control| match control {
        ServiceControl::Stop | ServiceControl::Preshutdown | ServiceControl::Shutdown => {
            if let Some(stop) = stop.take() {
                let _ = stop.send(());
            }
            ServiceControlHandlerResult::NoError
        }
        ServiceControl::Interrogate => ServiceControlHandlerResult::NoError,
        _ => ServiceControlHandlerResult::NotImplemented,
    };
    let reporter = Reporter::start(service_control_handler::register(NAME, handler).map_err(windows)?)?;
    log_to_file(&folder_of(&db));

    let stopping = reporter.clone();
    let served = crate::serve::start(&db, listen, &format!("dừng dịch vụ {NAME} (services.msc, hoặc «sc stop {NAME}»)"))
        .and_then(|server| {
            reporter.set(ServiceState::Running, 0);
            server.run_until(async move {
                // Resolved by the handler, or (never in practice) by its release without a stop.
                let _ = stopped.await;
                append_log("Windows yêu cầu dừng dịch vụ: máy chủ hoàn tất các lệnh đang chạy rồi sao lưu lần cuối.");
                stopping.set(ServiceState::StopPending, 0);
            })
        });
    let exit = match served {
        Ok(()) => {
            append_log("Dịch vụ đã dừng theo yêu cầu của Windows.");
            0
        }
        Err(e) => {
            // Not served (a damaged file, the port taken) or ended by an error: a failure, which
            // Windows answers by restarting the service after a pause; the log says why.
            append_log(&format!("Máy chủ đã dừng vì lỗi: {e}"));
            1
        }
    };
    reporter.set(ServiceState::Stopped, exit);
    Ok(())
}

/// A service has no console: what the server prints (where it listens, its backups, its stop)
/// goes to the log beside the database, through the process's standard output and error, which
/// the standard library looks up at every write.
#[allow(unsafe_code)]
fn log_to_file(folder: &Path) {
    use std::os::windows::io::IntoRawHandle as _;
    use windows_sys::Win32::System::Console::{SetStdHandle, STD_ERROR_HANDLE, STD_OUTPUT_HANDLE};
    let Ok(log) = log_file(folder) else { return };
    let Ok(copy) = log.try_clone() else { return };
    // The handles are kept for the life of the process (never closed), as standard ones are.
    let (out, err) = (copy.into_raw_handle(), log.into_raw_handle());
    // SAFETY: both are valid, open file handles owned by nothing else from here on.
    unsafe {
        SetStdHandle(STD_OUTPUT_HANDLE, out);
        SetStdHandle(STD_ERROR_HANDLE, err);
    }
}

fn log_file(folder: &Path) -> Result<std::fs::File> {
    std::fs::create_dir_all(folder).map_err(|e| io(&folder.display().to_string(), e))?;
    std::fs::OpenOptions::new().create(true).append(true).open(folder.join(LOG)).map_err(|e| io(LOG, e))
}

fn append_log(line: &str) {
    use std::io::Write as _;
    let folder = RUNNING.get().map(|(db, _)| folder_of(db)).unwrap_or_else(|| folder_of(&default_db()));
    if let Ok(mut file) = log_file(&folder) {
        let _ = writeln!(file, "{line}");
    }
}
