//! A desk of an office server: the client side of `ykien serve` (docs/server.md), used by the
//! command line (`--server … --pin …`) and by the app window in desk mode. It runs the same
//! command table as one PC does, by name and with the same JSON arguments, over HTTPS to the
//! one process that holds the office's database, and gives back the same results and the same
//! tagged errors, so that a caller cannot tell the two ways apart except by speed.
//!
//! Invariants:
//! - The server is identified by its certificate's fingerprint (the pairing code), never by a
//!   certificate authority or a host name: another certificate is refused before anything is
//!   sent ([`Error::ServerIdentity`]).
//! - Every write carries a request id; a write whose answer was lost is sent again with the
//!   same id, and the server answers the first result instead of running it twice.
//! - A long task tells its progress and can be cancelled as on one PC: the server's reports
//!   go to `Context::progress`, and its answer false stops the task on the server.

mod events;
mod files;
mod tls;

pub use events::{DeskEvent, Following};

use crate::commands::{self, Context};
use crate::pairing::{Fingerprint, ServerInfo, DEFAULT_PORT};
use crate::{Error, ErrorReport, Result, TaskProgress};
use reqwest::blocking::{Client, RequestBuilder, Response};
use serde::Deserialize;
use serde_json::{json, Value};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

/// How long a desk waits to reach the server before calling it unreachable.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// How long an ordinary command may take on the server; long tasks (a backup, an import, an
/// export) wait as long as they run.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);
/// How often a long task's progress is asked again while the server says nothing new, so
/// that the window's Cancel is heard.
const ASK_AGAIN: Duration = Duration::from_millis(200);
/// The pauses before sending a write again whose answer was lost (about 4 s in all, enough
/// for a server that restarts or a network that hiccups).
const RETRY_PAUSES: [Duration; 4] =
    [Duration::from_millis(250), Duration::from_millis(500), Duration::from_millis(1000), Duration::from_millis(2000)];

/// A connection to an office server, paired by its certificate's fingerprint. Cheap to share
/// between threads; the session token it holds is the desk's signed-in account.
pub struct Remote {
    shared: Arc<Shared>,
    info: ServerInfo,
}

/// What the thread following the server's events shares with the desk.
struct Shared {
    address: String,
    pin: Fingerprint,
    verifier: Arc<tls::PinnedVerifier>,
    client: Client,
    session: Mutex<Option<String>>,
    desk_name: String,
}

/// The body of a successful answer of `POST /api/call/{command}`.
#[derive(Deserialize)]
struct Answer {
    result: Value,
    #[serde(default)]
    files: Vec<files::AnsweredFile>,
    #[serde(default)]
    session: Option<String>,
}

#[derive(Deserialize)]
struct Refusal {
    error: ErrorReport,
}

/// Why a request got no answer: the server's certificate is not the paired one, or the
/// network. `maybe_sent` is whether the request may have reached the server.
enum Failure {
    Identity(Error),
    Network { reason: String, maybe_sent: bool },
}

impl Remote {
    /// Connects to `address` ("https://host:port", "host:port" or "host"; default port
    /// [`DEFAULT_PORT`]), checks the certificate against `pin` ([`Error::ServerIdentity`] when
    /// it differs) and reads `/api/info` ([`Error::Connection`] when unreachable, naming the
    /// address).
    pub fn connect(address: &str, pin: &Fingerprint) -> Result<Remote> {
        let address = normalise_address(address)?;
        let verifier = tls::PinnedVerifier::new(*pin);
        let client = Client::builder()
            .tls_backend_preconfigured(verifier.client_config())
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(None::<Duration>)
            // The event stream has no deadline of its own (it lasts as long as the desk is
            // open); keep-alive probes find a server that vanished without closing it.
            .tcp_keepalive(Duration::from_secs(15))
            // A desk talks to the office server on the LAN, never through a proxy.
            .no_proxy()
            .build()
            .map_err(|e| Error::Connection(format!("Không khởi tạo được kết nối mã hoá: {e}.")))?;
        let shared = Arc::new(Shared {
            address,
            pin: *pin,
            verifier,
            client,
            session: Mutex::new(None),
            desk_name: desk_name(),
        });
        let info = shared.info()?;
        Ok(Remote { shared, info })
    }

    /// What the server said about itself when the desk connected.
    pub fn info(&self) -> &ServerInfo {
        &self.info
    }

    /// The server's address, normalised: "https://host:port".
    pub fn address(&self) -> &str {
        &self.shared.address
    }

    /// The pairing code this desk accepts.
    pub fn pin(&self) -> &Fingerprint {
        &self.shared.pin
    }

    /// The session token of the account signed in at this desk, if any.
    pub fn session(&self) -> Option<String> {
        self.shared.session()
    }

    /// Takes over a session (a desk that kept its token), or forgets it.
    pub fn set_session(&self, token: Option<String>) {
        *self.shared.session.lock().unwrap_or_else(|e| e.into_inner()) = token;
    }

    /// Reads `/api/info` again (whether the server has accounts yet, its office name).
    pub fn refresh_info(&mut self) -> Result<&ServerInfo> {
        self.info = self.shared.info()?;
        Ok(&self.info)
    }

    /// Runs a command of the table on the server, as [`commands::dispatch`] does locally: same
    /// args, same result JSON, same [`ErrorReport`]; moves the command's desk files
    /// ([`commands::desk_files`]) using `ctx.print_dir` / `ctx.open_file`; remembers the
    /// session token `sign_in` answers and forgets it on `sign_out`.
    ///
    /// A long task (`commands::find(name).long`: a backup, an import, an export) reports the
    /// server's progress to `ctx.progress` while it runs, and is stopped on the server when
    /// `ctx.progress` answers false, as on one PC.
    ///
    /// `request_id` is sent as `X-Request-Id`; when `None` and the command writes, one is made
    /// (UUID v7). A write whose answer was lost is sent again with the same id a few times
    /// (short pauses) before giving up with [`ErrorReport::Connection`], saying whether it may
    /// have been saved.
    pub fn dispatch(&self, name: &str, args: Value, ctx: &Context, request_id: Option<&str>) -> std::result::Result<Value, ErrorReport> {
        let command = commands::find(name)
            .ok_or_else(|| ErrorReport::from(Error::NotFound { entity: "lệnh", id: name.to_owned() }))?;
        let request_id = match request_id {
            Some(id) => Some(id.to_owned()),
            None if command.writes => Some(uuid::Uuid::now_v7().to_string()),
            None => None,
        };
        let mut body = json!({ "args": args });
        if let Some(sent) = files::outgoing(name, &args)? {
            body["files"] = sent;
        }
        let timeout = (!command.long).then_some(COMMAND_TIMEOUT);

        let send = || -> std::result::Result<(u16, Vec<u8>), ErrorReport> {
            let mut maybe_sent = false;
            let mut pauses = RETRY_PAUSES.iter();
            loop {
                let request = self.shared.post(&format!("/api/call/{name}"), &body, request_id.as_deref(), timeout);
                match self.shared.exchange(request) {
                    Ok(answered) => return Ok(answered),
                    Err(Failure::Identity(e)) => return Err(e.into()),
                    Err(Failure::Network { reason, maybe_sent: sent }) => {
                        maybe_sent |= sent;
                        // A read is harmless to repeat; a write only with its request id, which
                        // the server answers from its memory if the first one went through.
                        match pauses.next() {
                            Some(pause) if request_id.is_some() || !command.writes => std::thread::sleep(*pause),
                            _ => return Err(self.lost(name, command.writes, &reason, maybe_sent).into()),
                        }
                    }
                }
            }
        };
        let (status, bytes) = if command.long { self.told(ctx, send)? } else { send()? };
        let answer = self.shared.answer(status, &bytes)?;
        if let Some(token) = answer.session {
            self.set_session(Some(token));
        }
        if name == "sign_out" {
            self.set_session(None);
        }
        let result = files::incoming(name, &args, answer.files, answer.result, ctx)?;
        if commands::REMOVES_RECORDS.contains(&name) {
            // The records are gone on the server; the prints in this desk's own folder may
            // name them (see `crate::prints`). Best effort, as on one PC.
            let _ = crate::prints::clear(&ctx.print_dir);
        }
        Ok(result)
    }

    /// Follows the server's events (`/api/events`) on a thread of its own, reconnecting when
    /// the connection drops; calls `on` with each change made at any desk and with the
    /// connection's losses and returns. Stops when the returned handle is dropped.
    pub fn follow(&self, on: impl Fn(DeskEvent) + Send + 'static) -> Following {
        events::follow(self.shared.clone(), on)
    }

    /// Runs `send` (a long task's call) while telling `ctx.progress` how far the server has
    /// gone, as the core tells it on one PC. When `ctx.progress` answers false (the window's
    /// Cancel), the server is asked to stop the task (`task_cancel`); the call then answers the
    /// core's `cancelled` refusal, the task having changed nothing.
    ///
    /// The server's reports come a few times a second, but a task may be silent for a while
    /// (a backup's copy, an import reading its file): `ctx.progress` is asked again with the
    /// last report meanwhile, so that a Cancel is sent within a moment of being pressed.
    fn told<T: Send>(&self, ctx: &Context, send: impl FnOnce() -> T + Send) -> T {
        let Some(reports) = events::task_progress(&self.shared) else { return send() };
        std::thread::scope(|scope| {
            let call = scope.spawn(send);
            let mut last: Option<TaskProgress> = None;
            let mut stream_open = true;
            let mut cancel_sent = false;
            while !call.is_finished() {
                let report = if stream_open {
                    match reports.recv_timeout(ASK_AGAIN) {
                        Ok(p) => Some(p),
                        Err(mpsc::RecvTimeoutError::Timeout) => None,
                        Err(mpsc::RecvTimeoutError::Disconnected) => {
                            stream_open = false;
                            None
                        }
                    }
                } else {
                    std::thread::sleep(ASK_AGAIN);
                    None
                };
                if let Some(p) = report {
                    last = Some(p);
                }
                if let (Some(p), false) = (&last, cancel_sent) {
                    if !(ctx.progress)(p) {
                        cancel_sent = true;
                        self.shared.cancel_task();
                    }
                }
            }
            // Reports that came in with the answer (the last one, all done) are told too.
            if !cancel_sent {
                for p in reports.try_iter() {
                    (ctx.progress)(&p);
                }
            }
            call.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
    }

    /// The error of a command that got no answer.
    fn lost(&self, name: &str, writes: bool, reason: &str, maybe_sent: bool) -> Error {
        let address = &self.shared.address;
        let outcome = match (writes, maybe_sent) {
            (false, _) => String::new(),
            (true, true) => format!(
                " Lệnh «{name}» có thể máy chủ đã nhận hoặc chưa: hãy xem lại (ví dụ danh sách hồ sơ) trước khi làm lại."
            ),
            (true, false) => format!(" Lệnh «{name}» chưa được gửi tới máy chủ: chưa lưu gì."),
        };
        Error::Connection(format!("Mất kết nối tới máy chủ {address}: {reason}.{outcome}"))
    }
}

impl Shared {
    fn session(&self) -> Option<String> {
        self.session.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Asks the server to stop this desk's long task (`task_cancel`). Its answer comes with
    /// the task's own: a `cancelled` refusal. A cancel that does not get through leaves the
    /// task to finish, as if Cancel had been pressed too late.
    fn cancel_task(&self) {
        let _ = self.exchange(self.post("/api/call/task_cancel", &json!({}), None, Some(COMMAND_TIMEOUT)));
    }

    /// A request with the headers every call carries.
    fn request(&self, builder: RequestBuilder) -> RequestBuilder {
        let mut builder = builder.header("X-Ykien", "1").header("X-Desk-Name", &self.desk_name);
        if let Some(token) = self.session() {
            builder = builder.bearer_auth(token);
        }
        builder
    }

    fn post(&self, path: &str, body: &Value, request_id: Option<&str>, timeout: Option<Duration>) -> RequestBuilder {
        let mut builder = self.request(self.client.post(format!("{}{path}", self.address)).json(body));
        if let Some(id) = request_id {
            builder = builder.header("X-Request-Id", id);
        }
        if let Some(t) = timeout {
            builder = builder.timeout(t);
        }
        builder
    }

    fn get(&self, path: &str, timeout: Option<Duration>) -> RequestBuilder {
        let builder = self.request(self.client.get(format!("{}{path}", self.address)));
        match timeout {
            Some(t) => builder.timeout(t),
            None => builder,
        }
    }

    /// Sends a request; a failure says whether the certificate was another than the paired one.
    fn send(&self, builder: RequestBuilder) -> std::result::Result<Response, Failure> {
        self.verifier.take_refused();
        builder.send().map_err(|e| self.failure(&e, false))
    }

    /// Sends a request and reads its whole answer. An answer cut off on its way back is a
    /// failure like no answer: the request may have been done.
    fn exchange(&self, builder: RequestBuilder) -> std::result::Result<(u16, Vec<u8>), Failure> {
        let response = self.send(builder)?;
        let status = response.status().as_u16();
        let bytes = response.bytes().map_err(|e| self.failure(&e, true))?;
        Ok((status, bytes.to_vec()))
    }

    fn failure(&self, e: &reqwest::Error, answered: bool) -> Failure {
        if let Some(seen) = self.verifier.take_refused() {
            return Failure::Identity(Error::ServerIdentity(identity_message(&self.address, &self.pin, &seen)));
        }
        let port = self.address.rsplit(':').next().unwrap_or_default();
        let reason = if e.is_connect() {
            format!("máy chủ không trả lời (máy chủ đã tắt, sai địa chỉ, hoặc tường lửa chặn cổng {port})")
        } else if e.is_timeout() {
            "máy chủ không trả lời kịp".to_owned()
        } else {
            "kết nối bị ngắt giữa chừng".to_owned()
        };
        // A connection that never opened carried nothing.
        Failure::Network { reason, maybe_sent: answered || !e.is_connect() }
    }

    /// The result of an answer, or the server's refusal as the core gave it.
    fn answer(&self, status: u16, bytes: &[u8]) -> std::result::Result<Answer, ErrorReport> {
        if (200..300).contains(&status) {
            serde_json::from_slice::<Answer>(bytes).map_err(|_| self.not_ours(status))
        } else {
            let refusal = serde_json::from_slice::<Refusal>(bytes).map_err(|_| self.not_ours(status))?;
            Err(refusal.error)
        }
    }

    fn not_ours(&self, status: u16) -> ErrorReport {
        ErrorReport::from(Error::Connection(format!(
            "Máy chủ {} trả lời không theo cách của Ý Kiến (mã HTTP {status}); hãy kiểm tra địa chỉ và phiên bản Ý Kiến trên máy chủ.",
            self.address
        )))
    }

    /// `GET /api/info`.
    fn info(&self) -> Result<ServerInfo> {
        let response = self.send(self.get("/api/info", Some(COMMAND_TIMEOUT))).map_err(|f| match f {
            Failure::Identity(e) => e,
            Failure::Network { reason, .. } => {
                Error::Connection(format!("Không kết nối được tới máy chủ {}: {reason}.", self.address))
            }
        })?;
        let info = response
            .json::<ServerInfo>()
            .ok()
            .filter(|i| i.product == "ykien")
            .ok_or_else(|| Error::Connection(format!("Ở địa chỉ {} không phải máy chủ Ý Kiến.", self.address)))?;
        Ok(info)
    }
}

/// What a clerk reads when the server's certificate is not the paired one.
fn identity_message(address: &str, pin: &Fingerprint, seen: &Fingerprint) -> String {
    format!(
        "Máy chủ {address} trả lời bằng một chứng chỉ khác với mã ghép nối đã lưu, nên máy này không gửi gì tới đó. \
         Mã đã lưu: {pin}; mã máy chủ đưa ra: {seen}. Hãy kiểm tra: đúng địa chỉ máy chủ chưa; máy chủ có vừa cài \
         lại hoặc chuyển sang máy khác không; nếu đúng, hãy ghép nối lại với mã mới hiển thị trên máy chủ \
         («Cài đặt › Máy chủ»)."
    )
}

/// "https://host:port" from "https://host:port", "host:port" or "host" (IPv6 in brackets).
pub fn normalise_address(address: &str) -> Result<String> {
    let text = address.trim().trim_end_matches('/');
    if text.starts_with("http://") {
        return Err(Error::validation(
            "server",
            "Máy chủ Ý Kiến chỉ nhận kết nối mã hoá: hãy dùng địa chỉ bắt đầu bằng https:// (hoặc chỉ tên máy và cổng).",
        ));
    }
    let host_port = text.strip_prefix("https://").unwrap_or(text);
    if host_port.is_empty() || host_port.contains('/') || host_port.contains(char::is_whitespace) {
        return Err(Error::validation(
            "server",
            format!("Địa chỉ máy chủ «{address}» không hợp lệ; hãy nhập như 192.168.1.10 hoặc 192.168.1.10:{DEFAULT_PORT}."),
        ));
    }
    // A port is what follows the last colon, except inside an IPv6 address's brackets.
    let has_port = match host_port.rfind(':') {
        Some(i) => !host_port[i..].contains(']') && (host_port.starts_with('[') || host_port.matches(':').count() == 1),
        None => false,
    };
    Ok(if has_port { format!("https://{host_port}") } else { format!("https://{host_port}:{DEFAULT_PORT}") })
}

/// This PC's name, which the server writes in the audit log beside the account.
fn desk_name() -> String {
    let name = std::env::var("COMPUTERNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/proc/sys/kernel/hostname").ok())
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_default();
    // A header carries visible ASCII only.
    let name: String = name.trim().chars().filter(|c| c.is_ascii_graphic() || *c == ' ').collect();
    if name.is_empty() {
        "?".to_owned()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_read_however_it_was_typed() {
        for (typed, expected) in [
            ("192.168.1.10", "https://192.168.1.10:7443"),
            ("192.168.1.10:8443", "https://192.168.1.10:8443"),
            ("https://may-chu:7443/", "https://may-chu:7443"),
            (" may-chu ", "https://may-chu:7443"),
            ("[::1]", "https://[::1]:7443"),
            ("[::1]:9000", "https://[::1]:9000"),
        ] {
            assert_eq!(normalise_address(typed).unwrap(), expected, "{typed}");
        }
    }

    #[test]
    fn plain_http_and_nonsense_are_refused_naming_the_server_field() {
        for bad in ["http://192.168.1.10:7443", "", "https://host/api", "two words"] {
            match normalise_address(bad) {
                Err(Error::Validation { field, .. }) => assert_eq!(field, "server"),
                other => panic!("{bad:?} gave {other:?}"),
            }
        }
    }

    #[test]
    fn the_desk_name_is_a_valid_header() {
        let name = desk_name();
        assert!(!name.is_empty() && name.chars().all(|c| c.is_ascii_graphic() || c == ' '), "{name:?}");
    }
}
