//! The office server (`ykien serve`): several desks, one ledger. The only process that opens
//! the database; every desk (the app on another PC, a browser, the command line) sends it
//! the commands of the one command table over HTTPS, and it runs them on the one [`Ledger`]
//! as the app does on one PC, each with the desk's own session. The protocol is described in
//! docs/server.md.
//!
//! One file a job: `tls` (the certificate, the pairing code), `sessions` (desks' sessions),
//! `attempts` (wrong passwords per address), `requests` (request ids: nothing doubled),
//! `files` (files over the connection), `events` (live changes), `readers` (connections of
//! their own for reads), `call` (one call, from the command's name to its answer), `routes` (HTTP), `kiosk` (the rating
//! kiosks' page and calls), `ui` (the web UI), `upkeep` (backups, the inbox folder of bundles).

mod attempts;
mod call;
mod events;
mod files;
mod kiosk;
mod readers;
mod requests;
mod routes;
mod sessions;
mod tls;
mod ui;
mod upkeep;

pub use tls::{Identity, CERTIFICATE_FILE, KEY_FILE};

use crate::error::{Error, Result};
use crate::pairing::{pairing_link, qr_svg, ServerInfo, DEFAULT_PORT};
use crate::{AppInfo, Ledger};
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::sync::{Arc, Mutex, MutexGuard};

/// What every call shares: the one ledger and the server's memory of desks.
pub struct Shared {
    /// One writer at a time, as in the app; a long task runs on a connection of its own.
    ledger: Mutex<Ledger>,
    /// Reads run beside the writer, on connections of their own.
    readers: readers::Readers,
    sessions: sessions::Sessions,
    attempts: attempts::Attempts,
    remembered: requests::Remembered,
    events: events::Events,
    /// The sessions whose desk pressed Cancel on its long task (token hashes).
    cancels: Mutex<std::collections::HashSet<String>>,
    host: String,
    fingerprint: crate::pairing::Fingerprint,
    port: u16,
}

impl Shared {
    fn info(&self) -> ServerInfo {
        let (office, accounts_exist) = {
            let ledger = self.reader();
            (ledger.office().ok().flatten().map(|o| o.name), ledger.accounts_exist().unwrap_or(true))
        };
        let address = format!("{}:{}", self.host, self.port);
        ServerInfo {
            product: "ykien".into(),
            version: env!("CARGO_PKG_VERSION").into(),
            host: self.host.clone(),
            office,
            accounts_exist,
            fingerprint: self.fingerprint.display(),
            qr_svg: qr_svg(&pairing_link(&address, &self.fingerprint)),
            port: self.port,
        }
    }

    /// The start-up facts the window asks first, for a browser desk: the database is the
    /// server's, open and checked (a damaged one is never served).
    fn app_info(&self) -> AppInfo {
        let ledger = self.reader();
        AppInfo {
            version: env!("CARGO_PKG_VERSION").into(),
            db_path: format!("máy chủ {}", self.host),
            open_error: None,
            office_configured: ledger.office().ok().flatten().is_some(),
            today: ledger.today().to_string(),
            recovery_backup: None,
        }
    }

    /// The one writer, for a write; every change goes through it.
    fn writer(&self) -> MutexGuard<'_, Ledger> {
        self.ledger.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A connection for a read: a reader, or the writer when there are none.
    fn reader(&self) -> MutexGuard<'_, Ledger> {
        self.readers.lease().unwrap_or_else(|| self.writer())
    }

    /// Marks (or clears) the Cancel of the session's long task.
    fn cancelled(&self, token_hash: &str, on: bool) {
        let mut cancels = self.cancels.lock().unwrap_or_else(|p| p.into_inner());
        if on {
            cancels.insert(token_hash.to_owned());
        } else {
            cancels.remove(token_hash);
        }
    }

    fn is_cancelled(&self, token_hash: &str) -> bool {
        self.cancels.lock().unwrap_or_else(|p| p.into_inner()).contains(token_hash)
    }

    fn session_valid(&self, token: &str) -> bool {
        let ledger = self.reader();
        matches!(self.sessions.resolve(&ledger, token), Ok(Some(_)))
    }
}

/// The server PC's host name.
pub fn host_name() -> String {
    gethostname::gethostname().to_string_lossy().into_owned()
}

/// The address other PCs of the office reach this one at, as far as it can tell without
/// sending anything: the one its route out would leave from.
pub fn lan_address() -> Option<IpAddr> {
    let socket = std::net::UdpSocket::bind("0.0.0.0:0").ok()?;
    socket.connect("192.0.2.1:9").ok()?;
    socket.local_addr().ok().map(|a| a.ip()).filter(|ip| !ip.is_unspecified() && !ip.is_loopback())
}

/// The names the certificate is made for.
pub fn certificate_names() -> Vec<String> {
    let mut names = vec!["localhost".to_owned(), "127.0.0.1".to_owned(), "::1".to_owned()];
    let host = host_name();
    if !host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.') {
        names.push(host);
    }
    names.extend(lan_address().map(|ip| ip.to_string()));
    names
}

/// The default address to listen on: every interface, the default port.
pub fn default_listen() -> SocketAddr {
    SocketAddr::from(([0, 0, 0, 0], DEFAULT_PORT))
}

/// Threads running desks' calls at once: one writing, the readers reading, the others on long
/// tasks (a backup, an import, an export) on their own connections, or waiting; further calls
/// queue.
const BLOCKING_THREADS: usize = 8;

/// A server bound to its address, not yet serving.
pub struct Server {
    shared: Arc<Shared>,
    listener: TcpListener,
    config: Arc<rustls::ServerConfig>,
}

impl Server {
    /// Binds `listen` (port 0: any free port, for tests) with `identity` for `ledger`, which
    /// must have passed its start-up check.
    pub fn bind(ledger: Ledger, identity: &Identity, listen: SocketAddr) -> Result<Server> {
        let listener = TcpListener::bind(listen).map_err(|e| {
            Error::Io(std::io::Error::new(
                e.kind(),
                format!("không mở được cổng {listen} ({e}); có thể một máy chủ Ý Kiến khác đang chạy trên cổng này"),
            ))
        })?;
        listener.set_nonblocking(true)?;
        let port = listener.local_addr()?.port();
        let readers = readers::Readers::open(&ledger, readers::READERS);
        let shared = Arc::new(Shared {
            ledger: Mutex::new(ledger),
            readers,
            sessions: Default::default(),
            attempts: Default::default(),
            remembered: Default::default(),
            events: Default::default(),
            cancels: Default::default(),
            host: host_name(),
            fingerprint: *identity.fingerprint(),
            port,
        });
        Ok(Server { shared, listener, config: identity.server_config()? })
    }

    /// The address actually bound.
    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("a bound listener has an address")
    }

    /// Serves until the process is stopped (Ctrl+C, or on Unix SIGTERM): then makes the
    /// closing backup, as the app does when it closes.
    pub fn run(self) -> Result<()> {
        self.run_until(stopped())
    }

    /// Serves until `stop` completes (a Windows service's stop request), giving calls under
    /// way a few seconds to finish; then makes the closing backup.
    pub fn run_until(self, stop: impl std::future::Future<Output = ()> + Send + 'static) -> Result<()> {
        // Writes run one at a time, reads on a few readers (long tasks on their own
        // connection), so a few blocking threads serve them all; more would only each keep
        // their own heap arena (tens of MB at an office's size) while waiting for their turn.
        let runtime = tokio::runtime::Builder::new_multi_thread().max_blocking_threads(BLOCKING_THREADS).enable_all().build()?;
        let shared = self.shared.clone();
        upkeep::forget_old(&shared.ledger);
        let at_start = shared.clone();
        std::thread::spawn(move || loop {
            upkeep::backup(&at_start.ledger, false);
            std::thread::sleep(upkeep::EVERY);
            upkeep::forget_old(&at_start.ledger);
        });
        // The scan-to-folder inbox, read on this machine: it owns the database.
        let inbox = shared.clone();
        std::thread::spawn(move || {
            let actor = format!("{} (máy chủ, thư mục phiếu quét)", crate::SYSTEM_ACTOR);
            let mut last_failure = String::new();
            loop {
                std::thread::sleep(crate::scan::INBOX_EVERY);
                upkeep::scan_inbox(&inbox.ledger, &actor, &mut last_failure);
            }
        });
        // The consolidating office's inbox folder, watched on this machine too.
        let watcher = shared.clone();
        std::thread::spawn(move || {
            let mut watch = crate::bundle::inbox::InboxWatch::new();
            loop {
                std::thread::sleep(crate::bundle::inbox::EVERY);
                if upkeep::bundle_inbox(&watcher.ledger, &mut watch) {
                    watcher.events.publish("bundle_import", &serde_json::Value::Null, crate::SYSTEM_ACTOR);
                }
            }
        });
        let app = routes::router(shared.clone());
        let tls = axum_server::tls_rustls::RustlsConfig::from_config(self.config);
        let handle = axum_server::Handle::new();
        let stopper = handle.clone();
        let served = runtime.block_on(async move {
            tokio::spawn(async move {
                stop.await;
                stopper.graceful_shutdown(Some(std::time::Duration::from_secs(5)));
            });
            axum_server::from_tcp_rustls(self.listener, tls)?
                .handle(handle)
                .serve(app.into_make_service_with_connect_info::<SocketAddr>())
                .await
        });
        eprintln!("Máy chủ Ý Kiến đã dừng.");
        upkeep::backup(&shared.ledger, true);
        Ok(served?)
    }
}

/// Waits for the stop: Ctrl+C, or (on Unix) the service manager's SIGTERM.
async fn stopped() {
    #[cfg(unix)]
    {
        let mut term = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(s) => s,
            Err(_) => return std::future::pending().await,
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
