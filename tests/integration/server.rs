//! The office server (`ykien serve`), as desks meet it: the real binary on a real file,
//! listening on 127.0.0.1 over real HTTPS, its certificate pinned by its fingerprint as the
//! desks pin it. Many desks at once, a retried save, a server killed in the middle of the
//! load, sessions and roles, plain HTTP, files over the connection, live changes.

use base64::Engine;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, OnceLock};
use std::time::{Duration, Instant};
use ykien::demo::DEMO_PASSWORD;

const YKIEN: &str = env!("CARGO_BIN_EXE_ykien");

/// The demo database, made once and copied for each test.
pub(crate) fn demo_copy(dir: &Path) -> PathBuf {
    static TEMPLATE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, template) = TEMPLATE.get_or_init(|| {
        let dir = crate::temp_dir();
        let db = dir.path().join("mau.db");
        let out = Command::new(YKIEN).arg("--db").arg(&db).arg("demo").output().expect("ykien demo runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        (dir, db)
    });
    let db = dir.join("ykien.db");
    std::fs::copy(template, &db).unwrap();
    db
}

/// A running `ykien serve`, killed when dropped.
pub(crate) struct Server {
    child: Child,
    pub(crate) url: String,
    pub(crate) pin: [u8; 32],
}

impl Server {
    pub(crate) fn start(db: &Path) -> Server {
        Server::start_on(db, "127.0.0.1:0")
    }

    pub(crate) fn start_on(db: &Path, listen: &str) -> Server {
        Server::start_with(db, listen, &[])
    }

    fn start_with(db: &Path, listen: &str, env: &[(&str, &str)]) -> Server {
        let mut child = Command::new(YKIEN)
            .envs(env.iter().copied())
            .arg("--db")
            .arg(db)
            .args(["serve", "--listen", listen])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("ykien serve starts");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if line.starts_with("ykien-serve: ready ") {
                    let _ = tx.send(line);
                }
            }
        });
        let line = rx.recv_timeout(Duration::from_secs(60)).expect("the server says where it listens");
        let mut parts = line["ykien-serve: ready ".len()..].split_whitespace();
        let url = parts.next().unwrap().to_owned();
        let pin = parts.next().unwrap().strip_prefix("pin=").unwrap();
        let fp = ykien::pairing::Fingerprint::parse(pin).unwrap();
        Server { child, url, pin: fp.0 }
    }

    pub(crate) fn port(&self) -> u16 {
        self.url.rsplit(':').next().unwrap().parse().unwrap()
    }

    pub(crate) fn desk(&self) -> Desk {
        Desk::new(&self.url, self.pin)
    }

    /// kill -9: no chance to finish anything.
    pub(crate) fn kill_hard(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Accepts exactly the certificate whose SHA-256 is the pin, as the desks do.
#[derive(Debug)]
struct Pinned {
    pin: [u8; 32],
    provider: Arc<rustls::crypto::CryptoProvider>,
}

impl rustls::client::danger::ServerCertVerifier for Pinned {
    fn verify_server_cert(
        &self,
        end_entity: &rustls::pki_types::CertificateDer<'_>,
        _: &[rustls::pki_types::CertificateDer<'_>],
        _: &rustls::pki_types::ServerName<'_>,
        _: &[u8],
        _: rustls::pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        use sha2::Digest;
        let seen: [u8; 32] = sha2::Sha256::digest(end_entity.as_ref()).into();
        if seen == self.pin {
            Ok(rustls::client::danger::ServerCertVerified::assertion())
        } else {
            Err(rustls::Error::General("the certificate is not the paired one".into()))
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.provider.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.provider.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.provider.signature_verification_algorithms.supported_schemes()
    }
}

pub(crate) fn client(pin: [u8; 32], timeout: Option<Duration>) -> reqwest::blocking::Client {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .unwrap()
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(Pinned { pin, provider }))
        .with_no_client_auth();
    reqwest::blocking::Client::builder().tls_backend_preconfigured(config).timeout(timeout).build().unwrap()
}

/// One desk: its connection and its session.
pub(crate) struct Desk {
    http: reqwest::blocking::Client,
    url: String,
    pub(crate) token: Option<String>,
    name: String,
}

pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) body: Value,
    replayed: bool,
}

impl Desk {
    fn new(url: &str, pin: [u8; 32]) -> Desk {
        Desk { http: client(pin, Some(Duration::from_secs(60))), url: url.to_owned(), token: None, name: "PC-THU".into() }
    }

    fn send(&self, command: &str, body: Value, request_id: Option<&str>) -> reqwest::Result<Answer> {
        let mut request = self
            .http
            .post(format!("{}/api/call/{command}", self.url))
            .header("X-Ykien", "1")
            .header("X-Desk-Name", &self.name)
            .json(&body);
        if let Some(t) = &self.token {
            request = request.bearer_auth(t);
        }
        if let Some(id) = request_id {
            request = request.header("X-Request-Id", id);
        }
        let response = request.send()?;
        let status = response.status().as_u16();
        let replayed = response.headers().contains_key("x-ykien-replayed");
        Ok(Answer { status, body: response.json()?, replayed })
    }

    pub(crate) fn call(&self, command: &str, args: Value) -> Answer {
        self.send(command, json!({ "args": args }), None).expect("the server answers")
    }

    pub(crate) fn ok(&self, command: &str, args: Value) -> Value {
        let a = self.call(command, args);
        assert_eq!(a.status, 200, "{command}: {}", a.body);
        a.body["result"].clone()
    }

    pub(crate) fn sign_in(&mut self, login: &str) {
        let a = self.call("sign_in", json!({ "login": login, "password": DEMO_PASSWORD }));
        assert_eq!(a.status, 200, "{}", a.body);
        self.token = Some(a.body["session"].as_str().expect("a session token").to_owned());
    }
}

fn today() -> String {
    chrono::Local::now().date_naive().to_string()
}

/// A case received at the first minute of today: never in the future, whatever the hour the
/// tests run at (the core refuses a time still to come).
pub(crate) fn feedback(customer: &str) -> Value {
    json!({ "input": {
        "received_at": format!("{}T00:00", today()), "channel": "in_person", "kind": "complaint", "subject": "attitude",
        "book": "feedback", "customer_name": customer, "customer_org": "", "customer_address": "",
        "customer_phone": "", "customer_email": "", "customer_group": "first_time",
        "content": "Cán bộ trả lời thiếu nhiệt tình", "receiver_id": null, "unit_id": null,
        "written": true, "formal": false, "settled_on_spot": null,
    }})
}

/// 2026/000123 → 123.
fn seq(receipt: &str) -> u32 {
    receipt.split('/').nth(1).unwrap().parse().unwrap()
}

/// Every receipt number of the cases whose customer is `customer`.
fn receipts_of(desk: &Desk, customer: &str) -> Vec<String> {
    let mut all = Vec::new();
    loop {
        let page = desk.ok("feedback_list", json!({ "filter": { "search": customer, "limit": 1000, "offset": all.len() } }));
        let rows = page["rows"].as_array().unwrap();
        all.extend(rows.iter().filter(|r| r["customer_name"] == customer).map(|r| r["receipt_no"].as_str().unwrap().to_owned()));
        if rows.is_empty() || all.len() >= page["total"].as_u64().unwrap() as usize {
            return all;
        }
    }
}

#[test]
fn fifteen_desks_saving_at_once_number_750_receipts_without_a_gap_or_a_repeat() {
    let dir = crate::temp_dir();
    let server = Server::start(&demo_copy(dir.path()));
    let mut probe = server.desk();
    probe.sign_in("tiepnhan");
    let before = seq(probe.ok("feedback_add", feedback("Khách đo trước"))["receipt_no"].as_str().unwrap());
    let threads: Vec<_> = (0..15)
        .map(|i| {
            let (url, pin) = (server.url.clone(), server.pin);
            std::thread::spawn(move || {
                let mut desk = Desk::new(&url, pin);
                desk.name = format!("PC-{i:02}");
                desk.sign_in("tiepnhan");
                (0..50)
                    .map(|_| {
                        let id = uuid::Uuid::now_v7().to_string();
                        let a = desk.send("feedback_add", json!({ "args": feedback("Khách tải đồng thời") }), Some(&id)).unwrap();
                        assert_eq!(a.status, 200, "{}", a.body);
                        seq(a.body["result"]["receipt_no"].as_str().unwrap())
                    })
                    .collect::<Vec<u32>>()
            })
        })
        .collect();
    let mut numbers: Vec<u32> = threads.into_iter().flat_map(|t| t.join().unwrap()).collect();
    numbers.sort();
    assert_eq!(numbers, ((before + 1)..=(before + 750)).collect::<Vec<u32>>());
    assert_eq!(receipts_of(&probe, "Khách tải đồng thời").len(), 750);
}

#[test]
fn a_save_sent_twice_with_one_request_id_makes_one_case_and_answers_the_same_receipt() {
    let dir = crate::temp_dir();
    let server = Server::start(&demo_copy(dir.path()));
    let mut desk = server.desk();
    desk.sign_in("tiepnhan");
    let id = uuid::Uuid::now_v7().to_string();
    let body = json!({ "args": feedback("Khách gửi lại") });
    let first = desk.send("feedback_add", body.clone(), Some(&id)).unwrap();
    let again = desk.send("feedback_add", body.clone(), Some(&id)).unwrap();
    assert_eq!(first.status, 200, "{}", first.body);
    assert!(!first.replayed && again.replayed);
    assert_eq!(again.status, 200);
    assert_eq!(first.body["result"]["receipt_no"], again.body["result"]["receipt_no"]);
    assert_eq!(receipts_of(&desk, "Khách gửi lại").len(), 1);
    // Another id is another save.
    let other = desk.send("feedback_add", body, Some(&uuid::Uuid::now_v7().to_string())).unwrap();
    assert_ne!(other.body["result"]["receipt_no"], first.body["result"]["receipt_no"]);
    assert_eq!(receipts_of(&desk, "Khách gửi lại").len(), 2);
}

#[test]
fn a_server_killed_during_the_load_keeps_every_confirmed_save_once_and_a_retry_doubles_nothing() {
    let dir = crate::temp_dir();
    let db = demo_copy(dir.path());
    let server = Server::start(&db);
    let (url, pin) = (server.url.clone(), server.pin);
    // The kill comes once every desk is signed in and saving, however slow the machine.
    let (signed_in, saved) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let threads: Vec<_> = (0..15)
        .map(|i| {
            let url = url.clone();
            let (signed_in, saved) = (signed_in.clone(), saved.clone());
            std::thread::spawn(move || {
                let mut desk = Desk::new(&url, pin);
                desk.name = format!("PC-{i:02}");
                desk.sign_in("tiepnhan");
                signed_in.fetch_add(1, Ordering::SeqCst);
                // (request id, the receipt answered, if any)
                let mut sent: Vec<(String, Option<String>)> = Vec::new();
                loop {
                    let id = uuid::Uuid::now_v7().to_string();
                    match desk.send("feedback_add", json!({ "args": feedback("Khách lúc máy chủ tắt") }), Some(&id)) {
                        Ok(a) if a.status == 200 => {
                            saved.fetch_add(1, Ordering::SeqCst);
                            sent.push((id, Some(a.body["result"]["receipt_no"].as_str().unwrap().to_owned())))
                        }
                        Ok(a) => panic!("refused: {}", a.body),
                        // The server died: this save may or may not have been made.
                        Err(_) => {
                            sent.push((id, None));
                            return (desk.token.clone(), sent);
                        }
                    }
                }
            })
        })
        .collect();
    let give_up = Instant::now() + Duration::from_secs(120);
    while signed_in.load(Ordering::SeqCst) < 15 || saved.load(Ordering::SeqCst) < 45 {
        assert!(Instant::now() < give_up, "the desks never got going");
        std::thread::sleep(Duration::from_millis(20));
    }
    server.kill_hard();
    let results: Vec<_> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    let confirmed: Vec<String> = results.iter().flat_map(|(_, s)| s.iter().filter_map(|(_, r)| r.clone())).collect();
    assert!(confirmed.len() > 15, "the load ran before the kill: {} saves", confirmed.len());

    let server = Server::start(&db);
    let mut desk = server.desk();
    desk.sign_in("tiepnhan");
    let stored = receipts_of(&desk, "Khách lúc máy chủ tắt");
    for r in &confirmed {
        assert_eq!(stored.iter().filter(|s| *s == r).count(), 1, "{r} confirmed before the kill");
    }
    // The desks retry what had no answer, with its id and its session (both kept in the file):
    // a save the server had made answers its receipt, one it had not is made now; either way
    // exactly one case per request.
    for (token, sent) in &results {
        let (id, _) = sent.last().unwrap();
        let mut retrying = Desk::new(&server.url, server.pin);
        retrying.token = token.clone();
        let a = retrying.send("feedback_add", json!({ "args": feedback("Khách lúc máy chủ tắt") }), Some(id)).unwrap();
        assert_eq!(a.status, 200, "{}", a.body);
    }
    let after = receipts_of(&desk, "Khách lúc máy chủ tắt");
    let mut unique = after.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), after.len());
    assert_eq!(after.len(), confirmed.len() + results.len(), "one case per request id");
}

#[test]
fn every_command_needing_a_session_is_refused_without_one_and_a_clerk_is_refused_the_administrators() {
    let dir = crate::temp_dir();
    let server = Server::start(&demo_copy(dir.path()));
    let mut desk = server.desk();
    for c in ykien::commands::TABLE.iter().filter(|c| c.signed_in) {
        let a = desk.call(c.name, json!({}));
        assert_eq!((a.status, a.body["error"]["kind"].as_str()), (401, Some("sign_in_required")), "{}: {}", c.name, a.body);
    }
    desk.token = Some("not-a-session".into());
    let a = desk.call("feedback_list", json!({ "filter": {} }));
    assert_eq!(a.status, 401, "{}", a.body);
    // The sign-in screen's own questions need no session.
    desk.token = None;
    assert_eq!(desk.ok("access_state", json!({}))["signed_in"], Value::Null);
    desk.ok("vocabulary", json!({}));

    desk.sign_in("tiepnhan");
    for (command, args) in [("accounts_list", json!({})), ("account_unlock", json!({ "id": "x" })), ("audit_log", json!({ "limit": 5 }))] {
        let a = desk.call(command, args);
        assert_eq!((a.status, a.body["error"]["kind"].as_str()), (403, Some("forbidden")), "{command}: {}", a.body);
    }
    assert_eq!(desk.ok("access_state", json!({}))["signed_in"]["login"], "tiepnhan");

    // The idle lock and the sign-out end what the session may do.
    desk.ok("lock_screen", json!({}));
    assert_eq!(desk.call("feedback_list", json!({ "filter": {} })).status, 401);
    // Also a command that guards nothing of its own in the core.
    assert_eq!(desk.call("backups_list", json!({})).status, 401);
    assert_eq!(desk.ok("access_state", json!({}))["locked"], true);
    desk.ok("unlock_screen", json!({ "password": DEMO_PASSWORD }));
    desk.ok("feedback_list", json!({ "filter": { "limit": 1 } }));
    desk.ok("sign_out", json!({}));
    assert_eq!(desk.call("feedback_list", json!({ "filter": {} })).status, 401);

    // A call without the guard header is refused whoever sends it.
    desk.sign_in("tiepnhan");
    let bare = desk
        .http
        .post(format!("{}/api/call/case_counts", server.url))
        .bearer_auth(desk.token.as_ref().unwrap())
        .json(&json!({ "args": {} }))
        .send()
        .unwrap();
    assert_eq!(bare.status().as_u16(), 403);
}

#[test]
fn wrong_passwords_from_one_address_are_stopped() {
    let dir = crate::temp_dir();
    let server = Server::start(&demo_copy(dir.path()));
    let desk = server.desk();
    // Spread over accounts, so that no account's own lock comes first.
    let logins = ["tiepnhan", "truongdonvi", "qmr", "lanhdao"];
    for i in 0..10 {
        let a = desk.call("sign_in", json!({ "login": logins[i % 4], "password": "sai-mat-khau" }));
        assert_ne!(a.status, 200);
    }
    let a = desk.call("sign_in", json!({ "login": "quantri", "password": DEMO_PASSWORD }));
    assert_eq!(a.status, 403, "{}", a.body);
    assert!(a.body["error"]["message"].as_str().unwrap().contains("quá nhiều lần"), "{}", a.body);
}

#[test]
fn plain_http_and_a_wrong_pin_get_no_answer() {
    let dir = crate::temp_dir();
    let server = Server::start(&demo_copy(dir.path()));
    let mut plain = std::net::TcpStream::connect(("127.0.0.1", server.port())).unwrap();
    plain.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    plain.write_all(b"GET /api/info HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
    let mut got = Vec::new();
    let _ = plain.read_to_end(&mut got);
    let text = String::from_utf8_lossy(&got);
    assert!(!text.contains("HTTP/") && !text.contains("ykien"), "plain HTTP was answered: {text:?}");

    let mut wrong = server.pin;
    wrong[0] ^= 0xff;
    let stranger = Desk::new(&server.url, wrong);
    assert!(stranger.send("access_state", json!({ "args": {} }), None).is_err(), "a certificate other than the pin must be refused");
    let paired = Desk::new(&server.url, server.pin);
    paired.ok("access_state", json!({}));
}

#[test]
fn an_export_comes_back_as_the_files_bytes_under_the_desks_path() {
    let dir = crate::temp_dir();
    let server = Server::start(&demo_copy(dir.path()));
    let mut desk = server.desk();
    desk.sign_in("qmr");
    let out = r"C:\Users\linh\Desktop\so-ghi-nhan.xlsx";
    let a = desk.call("export_records", json!({ "what": "ledger", "out": out }));
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(a.body["result"]["path"], out);
    let file = &a.body["files"][0];
    assert_eq!((file["arg"].as_str(), file["name"].as_str()), (Some("out"), Some("so-ghi-nhan.xlsx")));
    let bytes = base64::engine::general_purpose::STANDARD.decode(file["base64"].as_str().unwrap()).unwrap();
    assert!(bytes.starts_with(b"PK"), "an .xlsx is a zip");
    assert!(bytes.len() > 5_000, "{} bytes", bytes.len());
}

#[test]
fn a_save_at_one_desk_reaches_another_desk_live_and_the_audit_log_names_the_desk() {
    let dir = crate::temp_dir();
    let server = Server::start(&demo_copy(dir.path()));
    let mut watcher = server.desk();
    watcher.sign_in("truongdonvi");
    // The stream is followed before the save is made.
    let rx = follow(&server, watcher.token.as_ref().unwrap());
    let mut clerk = server.desk();
    clerk.name = "PC-TIEPNHAN".into();
    clerk.sign_in("tiepnhan");
    let saved = Instant::now();
    let case = clerk.ok("feedback_add", feedback("Khách ở quầy"));
    let (event, data) = rx.recv_timeout(Duration::from_secs(2)).expect("the change arrives within 2 seconds");
    assert!(saved.elapsed() < Duration::from_secs(2));
    assert_eq!(event, "changed");
    let data: Value = serde_json::from_str(&data).unwrap();
    assert_eq!(data["command"], "feedback_add");
    assert_eq!(data["case"]["receipt_no"], case["receipt_no"]);
    assert!(data["by"].as_str().unwrap().contains("tiepnhan"), "{data}");

    // Events are for signed-in desks only.
    let anonymous = client(server.pin, Some(Duration::from_secs(10))).get(format!("{}/api/events", server.url)).send().unwrap();
    assert_eq!(anonymous.status().as_u16(), 401);

    let mut admin = server.desk();
    admin.sign_in("quantri");
    let log = admin.ok("audit_log", json!({ "limit": 50 }));
    let actor = log
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["entity_id"] == case["id"])
        .map(|e| e["actor"].as_str().unwrap().to_owned())
        .expect("the save is in the audit log");
    assert!(actor.starts_with("tiepnhan (") && actor.ends_with("@ PC-TIEPNHAN (127.0.0.1)"), "{actor}");
}

#[test]
fn a_server_without_accounts_serves_no_other_pc_and_makes_the_first_administrator_only_on_itself() {
    let Some(lan) = ykien::server::lan_address() else {
        eprintln!("no network address besides loopback: the other PC cannot be played here");
        return;
    };
    let dir = crate::temp_dir();
    let db = dir.path().join("moi.db");
    let server = Server::start_on(&db, "0.0.0.0:0");
    let remote = Desk::new(&format!("https://{lan}:{}", server.port()), server.pin);
    let a = remote.call("feedback_list", json!({ "filter": {} }));
    assert_eq!(a.status, 401, "{}", a.body);
    assert!(a.body["error"]["message"].as_str().unwrap().contains("chưa có tài khoản"), "{}", a.body);
    assert_eq!(remote.ok("access_state", json!({}))["accounts_exist"], false);
    let first = json!({ "input": { "full_name": "Phạm Thị Lan", "title": "Quản trị hệ thống", "login": "quantri", "password": "mat-khau-rat-dai-2026" } });
    let a = remote.call("first_admin_create", first.clone());
    assert_eq!(a.status, 403, "{}", a.body);

    let here = server.desk();
    let a = here.call("first_admin_create", first);
    assert_eq!(a.status, 200, "{}", a.body);
    assert!(a.body["session"].as_str().is_some());
    let info: Value = client(server.pin, Some(Duration::from_secs(10)))
        .get(format!("{}/api/info", server.url))
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!((info["product"].as_str(), info["accounts_exist"].as_bool()), (Some("ykien"), Some(true)));
}

#[test]
fn a_print_and_an_old_ledger_travel_as_files_between_the_desk_and_the_server() {
    let dir = crate::temp_dir();
    let server = Server::start(&demo_copy(dir.path()));
    let mut clerk = server.desk();
    clerk.sign_in("tiepnhan");
    let case = clerk.ok("feedback_add", feedback("Khách cần biên nhận"));
    let a = clerk.call("print_open", json!({ "job": { "form": "receipts", "receipt_nos": [case["receipt_no"]] } }));
    assert_eq!(a.status, 200, "{}", a.body);
    let file = &a.body["files"][0];
    assert_eq!(file["arg"], "print");
    assert_eq!(a.body["result"]["path"], file["name"], "the desk's print folder is the desk's business");
    let pdf = base64::engine::general_purpose::STANDARD.decode(file["base64"].as_str().unwrap()).unwrap();
    assert!(pdf.starts_with(b"%PDF"));

    let mut qmr = server.desk();
    qmr.sign_in("qmr");
    let old = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/records/so-ghi-nhan-2023.xlsx")).unwrap();
    let body = json!({
        "args": { "path": r"D:\So cu\so-ghi-nhan-2023.xlsx", "commit": false },
        "files": { "path": { "name": "so-ghi-nhan-2023.xlsx", "base64": base64::engine::general_purpose::STANDARD.encode(&old) } },
    });
    let a = qmr.send("import_ledger", body, None).unwrap();
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(a.body["result"]["file_name"], "so-ghi-nhan-2023.xlsx");
    assert!(a.body["result"]["total_rows"].as_i64().unwrap() > 0, "{}", a.body["result"]);
    // A large file is not refused for its size (a few megabytes here; the limit is far above).
    let big = json!({ "args": { "padding": "x".repeat(6 * 1024 * 1024) } });
    let a = qmr.send("vocabulary", big, None).unwrap();
    assert_eq!(a.status, 200);
    // Without the file's content the server has nothing to read.
    let a = qmr.call("import_ledger", json!({ "path": r"D:\So cu\so-ghi-nhan-2023.xlsx", "commit": false }));
    assert_eq!((a.status, a.body["error"]["field"].as_str()), (400, Some("path")), "{}", a.body);
}

#[test]
fn a_session_left_idle_is_locked_by_the_server() {
    let dir = crate::temp_dir();
    let server = Server::start_with(&demo_copy(dir.path()), "127.0.0.1:0", &[("YKIEN_IDLE_LOCK_SECONDS", "1")]);
    let mut desk = server.desk();
    desk.sign_in("tiepnhan");
    desk.ok("case_counts", json!({}));
    std::thread::sleep(Duration::from_millis(2200));
    let a = desk.call("case_counts", json!({}));
    assert_eq!(a.status, 401, "{}", a.body);
    assert_eq!(desk.ok("access_state", json!({}))["locked"], true);
    desk.ok("unlock_screen", json!({ "password": DEMO_PASSWORD }));
    desk.ok("case_counts", json!({}));
}

/// Waits up to `limit` for `done`.
fn eventually(limit: Duration, done: impl Fn() -> bool) -> bool {
    let until = Instant::now() + limit;
    while Instant::now() < until {
        if done() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    done()
}

#[cfg(unix)]
#[test]
fn the_server_makes_the_automatic_backups_at_start_and_when_it_stops() {
    let dir = crate::temp_dir();
    let db = demo_copy(dir.path());
    let folder = dir.path().join("sao-luu");
    let backups = || ykien::store::backup::list(&folder).unwrap().len();
    let mut server = Server::start(&db);
    let mut admin = server.desk();
    admin.sign_in("quantri");
    admin.ok("backup_settings_save", json!({ "settings": { "folder": folder.display().to_string(), "keep": 10 } }));
    assert_eq!(backups(), 0);
    // Stopped as a service manager stops it: the closing backup is made before it exits.
    let stopped = Command::new("kill").args(["-TERM", &server.child.id().to_string()]).status().unwrap();
    assert!(stopped.success());
    assert!(server.child.wait().unwrap().success());
    assert_eq!(backups(), 1, "the backup made when the server stops");

    for b in ykien::store::backup::list(&folder).unwrap() {
        std::fs::remove_file(b.path).unwrap();
    }
    let _server = Server::start(&db);
    assert!(eventually(Duration::from_secs(20), || backups() == 1), "the day's first backup, made at start");
}

/// Follows `/api/events` with `token`: each (event, data) as it comes.
fn follow(server: &Server, token: &str) -> mpsc::Receiver<(String, String)> {
    let (tx, rx) = mpsc::channel();
    let (url, pin, token) = (server.url.clone(), server.pin, token.to_owned());
    std::thread::spawn(move || {
        let stream = client(pin, None).get(format!("{url}/api/events")).bearer_auth(token).send().unwrap();
        let mut event = String::new();
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if let Some(name) = line.strip_prefix("event:") {
                event = name.trim().to_owned();
            } else if let Some(data) = line.strip_prefix("data:") {
                if tx.send((event.clone(), data.trim().to_owned())).is_err() {
                    return;
                }
            }
        }
    });
    std::thread::sleep(Duration::from_millis(300));
    rx
}

#[test]
fn a_long_tasks_progress_goes_to_its_own_desk_only_and_its_desk_may_cancel() {
    let dir = crate::temp_dir();
    let server = Server::start(&demo_copy(dir.path()));
    let mut qmr = server.desk();
    qmr.sign_in("qmr");
    let mut other = server.desk();
    other.sign_in("tiepnhan");
    let mine = follow(&server, qmr.token.as_ref().unwrap());
    let theirs = follow(&server, other.token.as_ref().unwrap());
    let a = qmr.call("export_records", json!({ "what": "cases", "out": "ho-so.xlsx" }));
    assert_eq!(a.status, 200, "{}", a.body);
    let told: Vec<Value> = mine
        .try_iter()
        .chain(mine.recv_timeout(Duration::from_secs(2)).ok())
        .filter(|(e, _)| e == "progress")
        .map(|(_, d)| serde_json::from_str(&d).unwrap())
        .collect();
    assert!(told.iter().any(|p| p["task"] == "export"), "{told:?}");
    std::thread::sleep(Duration::from_millis(300));
    assert!(theirs.try_iter().all(|(e, _)| e != "progress"), "another desk's progress is not told");

    assert_eq!(qmr.ok("task_cancel", json!({})), Value::Null);
    let anonymous = server.desk();
    assert_eq!(anonymous.call("task_cancel", json!({})).status, 401);
}
