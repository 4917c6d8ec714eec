//! The desks of an office server, against the real `ykien serve` on loopback: the Rust desk
//! client (`ykien::desk::Remote`) and the command line with `--server … --pin …`.
//!
//! - a wrong pairing code is refused, in Vietnamese, and nothing reaches the server;
//! - the command line prints the same `--json` at a desk as on the file itself (the golden
//!   script, on two copies of one database: see `script`);
//! - a write whose answer is lost on the way back is sent again with the same request id and
//!   makes one case, not two;
//! - a case entered at one desk is in the book of another, and its event reaches a follower;
//! - `export surveys`, `survey layout`, `report annual --xlsx` and `retention dispose --type`
//!   print the same `--json` at a desk as on the file, and the files they write come back to
//!   the desk with the same content;
//! - `--json` lists a result's keys in the order of its struct's fields, at a desk too.

use crate::temp_dir;
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};
use ykien::commands::Context;
use ykien::desk::{DeskEvent, Remote};
use ykien::pairing::Fingerprint;
use ykien::ErrorReport;

/// The demo office, its clock fixed as the golden test has it, so that two copies of it
/// answer the same script the same way.
fn demo_database(dir: &Path) -> PathBuf {
    let db = dir.join("goc.db");
    let mut ledger = ykien::Ledger::open(&db).unwrap();
    let noon = chrono::NaiveDate::from_ymd_opt(2026, 6, 15).unwrap().and_hms_opt(10, 0, 0).unwrap();
    ledger.set_clock(Some(noon));
    ykien::demo::fill_with_accounts(&mut ledger).unwrap();
    db
}

/// A copy of `db` in a folder of its own (the server keeps its certificate beside it).
fn copy_into(db: &Path, dir: &Path, name: &str) -> PathBuf {
    let folder = dir.join(name);
    std::fs::create_dir_all(&folder).unwrap();
    let copy = folder.join("ykien.db");
    std::fs::copy(db, &copy).unwrap();
    copy
}

/// `ykien serve` on a free loopback port, stopped (killed) when dropped.
pub(crate) struct Server {
    child: Child,
    pub(crate) address: String,
    pub(crate) pin: Fingerprint,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Starts the server on `db` and waits until it answers with the certificate it made.
pub(crate) fn serve(db: &Path) -> Server {
    serve_on(db, free_port())
}

fn serve_on(db: &Path, port: u16) -> Server {
    let child = Command::new(env!("CARGO_BIN_EXE_ykien"))
        .arg("serve")
        .arg("--db")
        .arg(db)
        .args(["--listen", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("ykien serve starts");
    let address = format!("https://127.0.0.1:{port}");
    let certificate = db.parent().unwrap().join("ykien-server.crt");
    let started = Instant::now();
    let mut server = Server { child, address, pin: Fingerprint([0; 32]) };
    loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            panic!("ykien serve stopped at start: {status}");
        }
        if let Ok(pem) = std::fs::read_to_string(&certificate) {
            server.pin = fingerprint_of_pem(&pem);
            if Remote::connect(&server.address, &server.pin).is_ok() {
                return server;
            }
        }
        assert!(started.elapsed() < Duration::from_secs(90), "ykien serve did not answer within 90 s");
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The pairing code of a PEM certificate: SHA-256 of its DER, read by the PEM reader the
/// server itself uses.
fn fingerprint_of_pem(pem: &str) -> Fingerprint {
    use rustls::pki_types::{pem::PemObject, CertificateDer};
    Fingerprint::of_certificate(&CertificateDer::from_pem_slice(pem.as_bytes()).expect("a PEM certificate"))
}

/// Runs the command line; its exit code and the JSON it printed.
fn ykien(place: &[String], login: Option<&str>, args: &[String]) -> (i32, Value) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ykien"));
    cmd.args(place).arg("--json").args(args).env_remove("YKIEN_SERVER").env_remove("YKIEN_PIN");
    if let Some(login) = login {
        cmd.args(["--as", login]).env("YKIEN_PASSWORD", ykien::demo::DEMO_PASSWORD);
    }
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let json = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!("`ykien {}` printed no JSON ({e}): {stdout:?} {}", args.join(" "), String::from_utf8_lossy(&out.stderr))
    });
    (out.status.code().unwrap_or(-1), json)
}

fn at_server(server: &Server) -> Vec<String> {
    vec!["--server".into(), server.address.clone(), "--pin".into(), server.pin.compact()]
}

fn at_file(db: &Path) -> Vec<String> {
    vec!["--db".into(), db.display().to_string()]
}

fn signed_in(server: &Server, login: &str) -> Remote {
    let remote = Remote::connect(&server.address, &server.pin).unwrap();
    let ctx = Context::new(temp_dir().path());
    remote.dispatch("sign_in", json!({ "login": login, "password": ykien::demo::DEMO_PASSWORD }), &ctx, None).unwrap();
    assert!(remote.session().is_some(), "sign_in leaves the desk with a session");
    remote
}

fn book_total(remote: &Remote) -> u64 {
    let page = remote.dispatch("feedback_list", json!({ "filter": { "limit": 1 } }), &Context::new("."), None).unwrap();
    page["total"].as_u64().unwrap()
}

fn new_case(customer: &str) -> Value {
    json!({ "input": {
        "received_at": "2026-06-15T09:30", "channel": "in_person", "kind": "complaint", "subject": "attitude",
        "book": "feedback", "customer_name": customer, "customer_org": "", "customer_address": "",
        "customer_phone": "", "customer_email": "", "customer_group": "unknown",
        "content": "Cán bộ hướng dẫn chưa rõ ràng", "receiver_id": null, "unit_id": null,
        "written": false, "formal": false, "settled_on_spot": null
    }})
}

#[test]
fn a_wrong_pairing_code_is_refused_in_vietnamese_and_nothing_reaches_the_server() {
    let dir = temp_dir();
    let db = copy_into(&demo_database(dir.path()), dir.path(), "may-chu");
    let server = serve(&db);
    let before = book_total(&signed_in(&server, "tiepnhan"));

    let mut wrong = server.pin;
    wrong.0[0] ^= 0xFF;
    match Remote::connect(&server.address, &wrong) {
        Err(ykien::Error::ServerIdentity(message)) => {
            assert!(message.contains("chứng chỉ khác với mã ghép nối"), "{message}");
            assert!(message.contains("ghép nối lại"), "{message}");
            assert!(message.contains(&server.pin.display()), "it shows the code the server gave: {message}");
        }
        Err(e) => panic!("another error: {e}"),
        Ok(_) => panic!("a server with another certificate was accepted"),
    }

    // The command line refuses the same way, before sending its write.
    let place = vec!["--server".into(), server.address.clone(), "--pin".into(), wrong.display()];
    let args: Vec<String> = ["feedback", "add", "--channel", "in_person", "--kind", "complaint", "--customer", "Lê Văn Sai", "--content", "Thử"]
        .map(String::from)
        .to_vec();
    let (code, out) = ykien(&place, Some("tiepnhan"), &args);
    assert_eq!(code, 1);
    assert_eq!(out["error"]["kind"], "server_identity", "{out}");
    assert_eq!(book_total(&signed_in(&server, "tiepnhan")), before, "nothing was entered");

    // A plain-HTTP address is refused at the desk: the server speaks TLS only.
    let plain = server.address.replace("https://", "http://");
    match Remote::connect(&plain, &server.pin) {
        Err(ykien::Error::Validation { field, .. }) => assert_eq!(field, "server"),
        other => panic!("{:?}", other.map(|_| ())),
    }
}

/// The commands of the golden script (tests/integration/golden.rs) that work at a desk: all
/// but those on the database file itself (`check`, `encryption status`), refused at a desk
/// (asserted below).
fn script() -> impl Iterator<Item = &'static (Option<&'static str>, &'static [&'static str])> {
    crate::golden::SCRIPT.iter().filter(|(_, args)| !matches!(args[0], "check" | "encryption"))
}

/// Runs the script at `place`, files written into `out`; the answers, folded (see `fold`).
/// A server refuses every desk that has not signed in, so at a desk the commands the script
/// runs without `--as` are run as the clerk.
fn run_script(place: &[String], out: &Path) -> Vec<Value> {
    let at_desk = place.iter().any(|a| a == "--server");
    let mut last_receipt = String::new();
    let mut runs = Vec::new();
    for (login, args) in script() {
        let args: Vec<String> = args
            .iter()
            .map(|a| match *a {
                "LAST" => last_receipt.clone(),
                a => a.replace("DIR", &out.to_string_lossy()),
            })
            .collect();
        let login = if at_desk { login.or(Some("tiepnhan")) } else { *login };
        let (code, json) = ykien(place, login, &args);
        if let Some(receipt) = json.get("receipt_no").and_then(Value::as_str) {
            last_receipt = receipt.to_owned();
        }
        let args: Vec<String> = args.iter().map(|a| a.replace(&*out.to_string_lossy(), "<dir>")).collect();
        runs.push(json!({ "args": args, "exit": code, "json": fold(json, &out.to_string_lossy()) }));
    }
    runs
}

/// What differs between two runs on their own: the output folder, ids of rows made during the
/// run, times of "now", the sizes of PDF files (they carry the time they were made), and the
/// desk a server names beside the account in the audit log («… @ HOST (127.0.0.1)»).
fn fold(v: Value, dir: &str) -> Value {
    let today = chrono::Local::now().date_naive().format("%Y-%m-%d").to_string();
    match v {
        Value::Array(items) => Value::Array(items.into_iter().map(|i| fold(i, dir)).collect()),
        Value::Object(map) => {
            let is_file = map.get("path").and_then(Value::as_str).is_some_and(|p| p.ends_with(".pdf") || p.ends_with(".xlsx"));
            Value::Object(
                map.into_iter()
                    .map(|(k, v)| {
                        let v = match k.as_str() {
                            "bytes" if is_file => json!("<bytes>"),
                            _ => fold(v, dir),
                        };
                        (k, v)
                    })
                    .collect(),
            )
        }
        Value::String(s) => {
            let mut s = without_desk(&s.replace(dir, "<dir>"));
            if s.starts_with(&today) {
                s = "<now>".into();
            }
            if let Some(i) = s.find("(dòng lệnh, ") {
                s = format!("{}(dòng lệnh, <user>)", &s[..i]);
            }
            Value::String(uuids_folded(&s))
        }
        other => other,
    }
}

fn without_desk(s: &str) -> String {
    let mut s = s.to_owned();
    while let Some(at) = s.find(" @ ") {
        match s[at..].find("(127.0.0.1)") {
            Some(end) => s.replace_range(at..at + end + "(127.0.0.1)".len(), ""),
            None => break,
        }
    }
    s
}

fn uuids_folded(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while !rest.is_empty() {
        let b = rest.as_bytes();
        let is_uuid = b.len() >= 36
            && rest.is_char_boundary(36)
            && b[..36].iter().enumerate().all(|(i, c)| if [8, 13, 18, 23].contains(&i) { *c == b'-' } else { c.is_ascii_hexdigit() });
        if is_uuid {
            out.push_str("<id>");
            rest = &rest[36..];
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The demo office twice in `dir`: one copy to open on this PC, the other served; and an
/// output folder for each (not made).
fn on_file_and_at_desk(dir: &Path) -> (PathBuf, Server, PathBuf, PathBuf) {
    let original = demo_database(dir);
    let here = copy_into(&original, dir, "tren-may");
    let server = serve(&copy_into(&original, dir, "may-chu"));
    (here, server, dir.join("ra-tren-may"), dir.join("ra-may-tram"))
}

#[test]
fn the_command_line_prints_the_same_json_at_a_desk_as_on_the_file() {
    let dir = temp_dir();
    let (here, server, out_here, out_there) = on_file_and_at_desk(dir.path());
    let expected = run_script(&at_file(&here), &out_here);
    let actual = run_script(&at_server(&server), &out_there);
    for (e, a) in expected.iter().zip(&actual) {
        assert_eq!(e, a, "`ykien {}` at a desk prints another JSON than on the file", a["args"]);
    }
    assert_eq!(expected.len(), actual.len());

    // What works on the database file itself is run on the server PC, and says so.
    for args in [&["check"][..], &["encryption", "status"], &["backup", "--to", "/tmp"], &["init"]] {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        let (code, out) = ykien(&at_server(&server), Some("quantri"), &args);
        assert_eq!(code, 1, "{args:?}");
        assert_eq!(out["error"]["kind"], "validation", "{out}");
        assert_eq!(out["error"]["field"], "server", "{out}");
        assert!(out["error"]["message"].as_str().unwrap().contains("trên chính máy chủ"), "{out}");
    }
}

#[test]
fn a_case_entered_over_the_server_is_in_the_book_of_another_desk() {
    let dir = temp_dir();
    let db = copy_into(&demo_database(dir.path()), dir.path(), "may-chu");
    let server = serve(&db);

    // A second desk follows the server's events.
    let watcher = signed_in(&server, "qmr");
    let (tx, rx) = mpsc::channel();
    let _following = watcher.follow(move |e| {
        let _ = tx.send(e);
    });
    std::thread::sleep(Duration::from_millis(500));

    let args: Vec<String> = [
        "feedback", "add", "--channel", "hotline", "--kind", "suggestion", "--customer", "Hoàng Thị Mai Phương", "--content",
        "Đề nghị niêm yết thêm thủ tục",
    ]
    .map(String::from)
    .to_vec();
    let (code, added) = ykien(&at_server(&server), Some("tiepnhan"), &args);
    assert_eq!(code, 0, "{added}");
    let receipt = added["receipt_no"].as_str().unwrap().to_owned();

    let list: Vec<String> = ["feedback", "list", "--search", "mai phuong"].map(String::from).to_vec();
    let (code, page) = ykien(&at_server(&server), Some("qmr"), &list);
    assert_eq!(code, 0, "{page}");
    assert!(page["rows"].as_array().unwrap().iter().any(|r| r["receipt_no"] == receipt.as_str()), "{page}");

    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(DeskEvent::Changed(data)) if data["command"] == "feedback_add" => {
                assert_eq!(data["case"]["receipt_no"], receipt.as_str(), "{data}");
                break;
            }
            Ok(_) => continue,
            Err(_) => panic!("the other desk heard nothing of {receipt}"),
        }
    }
}

/// A TCP relay between a desk and the server that, when told, swallows the next answer of
/// the server and closes the desk's connection: the write went through, its answer is lost.
struct Relay {
    address: String,
    lose_next_answer: Arc<AtomicBool>,
}

fn relay(upstream: SocketAddr) -> Relay {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("https://{}", listener.local_addr().unwrap());
    let lose_next_answer = Arc::new(AtomicBool::new(false));
    let lose = lose_next_answer.clone();
    std::thread::spawn(move || {
        for desk in listener.incoming() {
            let Ok(desk) = desk else { continue };
            let Ok(server) = TcpStream::connect(upstream) else { continue };
            let (mut desk_in, mut server_out) = (desk.try_clone().unwrap(), server.try_clone().unwrap());
            std::thread::spawn(move || {
                let _ = std::io::copy(&mut desk_in, &mut server_out);
                let _ = server_out.shutdown(std::net::Shutdown::Write);
            });
            let lose = lose.clone();
            let (mut server_in, mut desk_out) = (server, desk);
            std::thread::spawn(move || {
                let mut buf = [0u8; 16 * 1024];
                loop {
                    match server_in.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            if lose.swap(false, Ordering::SeqCst) {
                                break;
                            }
                            if desk_out.write_all(&buf[..n]).is_err() {
                                break;
                            }
                        }
                    }
                }
                let _ = desk_out.shutdown(std::net::Shutdown::Both);
                let _ = server_in.shutdown(std::net::Shutdown::Both);
            });
        }
    });
    Relay { address, lose_next_answer }
}

#[test]
fn a_save_whose_answer_was_lost_is_sent_again_and_makes_one_case() {
    let dir = temp_dir();
    let db = copy_into(&demo_database(dir.path()), dir.path(), "may-chu");
    let server = serve(&db);
    let upstream: SocketAddr = server.address.trim_start_matches("https://").parse().unwrap();
    let relay = relay(upstream);

    let desk = Remote::connect(&relay.address, &server.pin).unwrap();
    let ctx = Context::new(dir.path().join("Bản in"));
    desk.dispatch("sign_in", json!({ "login": "tiepnhan", "password": ykien::demo::DEMO_PASSWORD }), &ctx, None).unwrap();
    let before = book_total(&desk);

    relay.lose_next_answer.store(true, Ordering::SeqCst);
    let case = desk.dispatch("feedback_add", new_case("Phạm Minh Lộc"), &ctx, None).expect("the retry answers the first result");
    assert!(!relay.lose_next_answer.load(Ordering::SeqCst), "an answer was lost on the way");
    assert_eq!(book_total(&desk), before + 1, "one case, not two");
    let page = desk.dispatch("feedback_list", json!({ "filter": { "search": "pham minh loc" } }), &ctx, None).unwrap();
    assert_eq!(page["total"], 1, "{page}");
    assert_eq!(page["rows"][0]["receipt_no"], case["receipt_no"]);

    // The same request id sent again, as a desk does after a restart of its own, is
    // answered with the first receipt.
    let id = uuid::Uuid::now_v7().to_string();
    let first = desk.dispatch("feedback_add", new_case("Vũ Thị Hồng Nhung"), &ctx, Some(&id)).unwrap();
    let again = desk.dispatch("feedback_add", new_case("Vũ Thị Hồng Nhung"), &ctx, Some(&id)).unwrap();
    assert_eq!(first["receipt_no"], again["receipt_no"]);
    assert_eq!(book_total(&desk), before + 2);
}

#[test]
fn a_desk_is_refused_without_a_session_and_its_refusals_are_the_cores() {
    let dir = temp_dir();
    let db = copy_into(&demo_database(dir.path()), dir.path(), "may-chu");
    let server = serve(&db);
    let desk = Remote::connect(&server.address, &server.pin).unwrap();
    assert_eq!(desk.info().product, "ykien");
    assert!(desk.info().accounts_exist);
    assert_eq!(desk.address(), server.address);
    let ctx = Context::new(dir.path());

    match desk.dispatch("feedback_list", json!({ "filter": {} }), &ctx, None) {
        Err(ErrorReport::SignInRequired { .. }) => {}
        other => panic!("{other:?}"),
    }
    match desk.dispatch("sign_in", json!({ "login": "tiepnhan", "password": "sai mật khẩu" }), &ctx, None) {
        Err(ErrorReport::Validation { .. } | ErrorReport::Forbidden { .. } | ErrorReport::SignInRequired { .. }) => {}
        other => panic!("{other:?}"),
    }
    assert!(desk.session().is_none());
    desk.dispatch("sign_in", json!({ "login": "tiepnhan", "password": ykien::demo::DEMO_PASSWORD }), &ctx, None).unwrap();
    match desk.dispatch("accounts_list", json!({}), &ctx, None) {
        Err(ErrorReport::Forbidden { message }) => assert!(message.contains("Cán bộ tiếp nhận"), "{message}"),
        other => panic!("{other:?}"),
    }
    match desk.dispatch("no_such_command", json!({}), &ctx, None) {
        Err(ErrorReport::NotFound { .. }) => {}
        other => panic!("{other:?}"),
    }
    // A print travels back as a file, into the desk's own print folder.
    let printed = desk.dispatch("print_open", json!({ "job": { "form": "receipts", "receipt_nos": ["2026/000001"] } }), &ctx, None);
    let printed = printed.unwrap();
    let path = PathBuf::from(printed["path"].as_str().unwrap());
    assert!(path.starts_with(dir.path()), "{printed}");
    assert!(std::fs::read(&path).unwrap().starts_with(b"%PDF"), "a PDF at {}", path.display());
    assert_eq!(printed["opened"], false);

    desk.dispatch("sign_out", Value::Null, &ctx, None).unwrap();
    assert!(desk.session().is_none());
    match desk.dispatch("feedback_list", json!({ "filter": {} }), &ctx, None) {
        Err(ErrorReport::SignInRequired { .. }) => {}
        other => panic!("after sign-out: {other:?}"),
    }
}

#[test]
fn an_unreachable_server_and_a_missing_pin_are_said_plainly() {
    // Nothing listens on a port just freed.
    let address = format!("127.0.0.1:{}", free_port());
    let units = vec!["units".to_owned()];
    let place = vec!["--server".to_owned(), address.clone(), "--pin".to_owned(), "AB".repeat(32)];
    let (code, out) = ykien(&place, None, &units);
    assert_eq!(code, 1);
    assert_eq!(out["error"]["kind"], "connection", "{out}");
    let message = out["error"]["message"].as_str().unwrap();
    assert!(message.contains(&format!("https://{address}")) && message.contains("máy chủ"), "{message}");

    let (code, out) = ykien(&["--server".to_owned(), address], None, &units);
    assert_eq!(code, 1);
    assert_eq!(out["error"]["field"], "pin", "{out}");
}

#[test]
fn a_follower_hears_the_server_go_and_come_back() {
    let dir = temp_dir();
    let db = copy_into(&demo_database(dir.path()), dir.path(), "may-chu");
    let server = serve(&db);
    let port: u16 = server.address.rsplit(':').next().unwrap().parse().unwrap();
    let desk = signed_in(&server, "tiepnhan");
    let (tx, rx) = mpsc::channel();
    let _following = desk.follow(move |e| {
        let _ = tx.send(e);
    });
    std::thread::sleep(Duration::from_millis(500));

    drop(server);
    let wait_for = |wanted: DeskEvent| {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                Ok(e) if e == wanted => return,
                Ok(_) => continue,
                Err(_) => panic!("no {wanted:?} within 30 s"),
            }
        }
    };
    wait_for(DeskEvent::Lost);

    // The same server again (its session table kept the desk's session): work goes on.
    let _again = serve_on(&db, port);
    wait_for(DeskEvent::Restored);
    let case = desk.dispatch("feedback_add", new_case("Đinh Công Tráng"), &Context::new(dir.path()), None).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(DeskEvent::Changed(data)) if data["command"] == "feedback_add" => {
                assert_eq!(data["case"]["receipt_no"], case["receipt_no"], "{data}");
                assert!(data["by"].as_str().unwrap().starts_with("tiepnhan"), "{data}");
                break;
            }
            Ok(_) => continue,
            Err(_) => panic!("the new case was not heard after the restart"),
        }
    }
}

#[test]
fn a_desk_that_signs_in_hears_the_next_change_at_once() {
    let dir = temp_dir();
    let db = copy_into(&demo_database(dir.path()), dir.path(), "may-chu");
    let server = serve(&db);
    // A desk at the sign-in screen: the server refuses it the event stream, and the follower
    // waits longer between its attempts (0.5, 1, 2, then 4 s), as it should while nobody
    // works there.
    let desk = Remote::connect(&server.address, &server.pin).unwrap();
    let (tx, rx) = mpsc::channel();
    let _following = desk.follow(move |e| {
        let _ = tx.send(e);
    });
    std::thread::sleep(Duration::from_secs(4));
    let ctx = Context::new(dir.path());
    desk.dispatch("sign_in", json!({ "login": "truongdonvi", "password": ykien::demo::DEMO_PASSWORD }), &ctx, None).unwrap();
    std::thread::sleep(Duration::from_secs(1));

    // A second after the sign-in, another desk saves a case: the desk that has just signed in
    // hears it, not only the changes made after its follower's next attempt (4 s later).
    let other = signed_in(&server, "tiepnhan");
    let case = other.dispatch("feedback_add", new_case("Đinh Công Tráng"), &ctx, None).unwrap();
    let deadline = Instant::now() + Duration::from_secs(2);
    loop {
        match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(DeskEvent::Changed(data)) if data["command"] == "feedback_add" => {
                assert_eq!(data["case"]["receipt_no"], case["receipt_no"], "{data}");
                break;
            }
            Ok(_) => continue,
            Err(_) => panic!("the case saved a second after the sign-in was not heard"),
        }
    }
}

/// Runs the command line and answers its standard output as printed (for the order of keys,
/// which a parsed `Value` may not keep).
fn ykien_text(place: &[String], login: Option<&str>, args: &[&str]) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ykien"));
    cmd.args(place).arg("--json").args(args).env_remove("YKIEN_SERVER").env_remove("YKIEN_PIN");
    if let Some(login) = login {
        cmd.args(["--as", login]).env("YKIEN_PASSWORD", ykien::demo::DEMO_PASSWORD);
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "`ykien {}`: {}", args.join(" "), String::from_utf8_lossy(&out.stdout));
    String::from_utf8(out.stdout).unwrap()
}

/// The keys of a JSON text in the order they are written, each with the keys of the objects
/// it sits in (`input.received_at`; array elements add nothing), read straight from the text,
/// not through a `Value`, so that the order is the text's whatever serde_json keeps.
fn keys_in_order(text: &str) -> Vec<String> {
    use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
    struct Keys<'a> {
        at: String,
        seen: &'a mut Vec<String>,
    }
    impl<'de> DeserializeSeed<'de> for Keys<'_> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_any(self)
        }
    }
    impl<'de> Visitor<'de> for Keys<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("JSON")
        }
        fn visit_bool<E>(self, _: bool) -> Result<(), E> {
            Ok(())
        }
        fn visit_i64<E>(self, _: i64) -> Result<(), E> {
            Ok(())
        }
        fn visit_u64<E>(self, _: u64) -> Result<(), E> {
            Ok(())
        }
        fn visit_f64<E>(self, _: f64) -> Result<(), E> {
            Ok(())
        }
        fn visit_str<E>(self, _: &str) -> Result<(), E> {
            Ok(())
        }
        fn visit_unit<E>(self) -> Result<(), E> {
            Ok(())
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            while seq.next_element_seed(Keys { at: self.at.clone(), seen: &mut *self.seen })?.is_some() {}
            Ok(())
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<String>()? {
                let at = if self.at.is_empty() { key } else { format!("{}.{key}", self.at) };
                self.seen.push(at.clone());
                map.next_value_seed(Keys { at, seen: &mut *self.seen })?;
            }
            Ok(())
        }
    }
    let mut seen = Vec::new();
    let mut reader = serde_json::Deserializer::from_str(text);
    Keys { at: String::new(), seen: &mut seen }.deserialize(&mut reader).expect("a JSON text");
    seen
}

#[test]
fn json_keys_come_in_the_order_of_the_structs_fields_on_the_file_and_at_a_desk() {
    assert_eq!(keys_in_order(r#"{"b": 1, "a": [{"d": 2, "c": null}]}"#), ["b", "a", "a.d", "a.c"], "the reader keeps the text's order");

    let dir = temp_dir();
    let original = demo_database(dir.path());
    let here = copy_into(&original, dir.path(), "tren-may");
    let there = copy_into(&original, dir.path(), "may-chu");
    let server = serve(&there);
    let (file, desk) = (at_file(&here), at_server(&server));

    // A case shown, and a case added: the keys of `Case` as the struct lists them.
    let show = ["feedback", "show", "2026/000001"];
    let shown = ykien_text(&file, Some("tiepnhan"), &show);
    let mut ledger = ykien::Ledger::open(&here).unwrap();
    ledger.sign_in("tiepnhan", ykien::demo::DEMO_PASSWORD).unwrap();
    let first = serde_json::from_str::<Value>(&shown).unwrap()["id"].as_str().unwrap().to_owned();
    let expected = keys_in_order(&serde_json::to_string(&ledger.case(&first).unwrap()).unwrap());
    let mut alphabetical = expected.clone();
    alphabetical.sort();
    assert_ne!(expected, alphabetical, "the struct's order is not the alphabet's: the comparison can fail");
    assert_eq!(keys_in_order(&shown), expected, "`feedback show` on the file");
    assert_eq!(keys_in_order(&ykien_text(&desk, Some("tiepnhan"), &show)), expected, "`feedback show` at a desk");

    let add = ["feedback", "add", "--channel", "hotline", "--kind", "suggestion", "--customer", "Lý Thu Hà", "--content", "Đề nghị thêm ghế chờ"];
    let added = ykien_text(&file, Some("tiepnhan"), &add);
    let id = serde_json::from_str::<Value>(&added).unwrap()["id"].as_str().unwrap().to_owned();
    drop(ledger);
    let mut ledger = ykien::Ledger::open(&here).unwrap();
    ledger.sign_in("tiepnhan", ykien::demo::DEMO_PASSWORD).unwrap();
    let expected = keys_in_order(&serde_json::to_string(&ledger.case(&id).unwrap()).unwrap());
    assert_eq!(keys_in_order(&added), expected, "`feedback add` on the file");
    assert_eq!(keys_in_order(&ykien_text(&desk, Some("tiepnhan"), &add)), expected, "`feedback add` at a desk");

    // What the command line puts together itself keeps the alphabetical order it always had,
    // and so does `ykien call`.
    let out = dir.path().join("bien-nhan.pdf").display().to_string();
    for place in [&file, &desk] {
        let printed = ykien_text(place, Some("tiepnhan"), &["print", "receipt", "2026/000001", "--out", &out]);
        assert_eq!(keys_in_order(&printed), ["bytes", "path"]);
        let called = ykien_text(place, Some("tiepnhan"), &["call", "case_get", "--args", &json!({ "id": first }).to_string()]);
        let top: Vec<String> = keys_in_order(&called).into_iter().filter(|k| !k.contains('.')).collect();
        let mut sorted = top.clone();
        sorted.sort();
        assert!(top.len() > 10 && top == sorted, "{top:?}");
    }
}

/// `fold`, and the SHA-256 of files that carry the time they were made.
fn folded(v: Value, dirs: &[&Path]) -> Value {
    let mut v = v;
    for d in dirs {
        v = fold(v, &d.to_string_lossy());
    }
    fn hashes(v: Value) -> Value {
        match v {
            Value::String(s) if s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit()) => json!("<sha256>"),
            Value::Array(items) => Value::Array(items.into_iter().map(hashes).collect()),
            Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (k, hashes(v))).collect()),
            other => other,
        }
    }
    hashes(v)
}

/// Every cell of every sheet of a workbook, read back with calamine.
fn workbook(path: &Path) -> Vec<(String, Vec<Vec<calamine::Data>>)> {
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let names = book.sheet_names().to_vec();
    assert!(!names.is_empty(), "{}", path.display());
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            (name, range.rows().map(|r| r.to_vec()).collect())
        })
        .collect()
}

fn pdf_pages(path: &Path) -> usize {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(bytes.starts_with(b"%PDF"), "{}", path.display());
    lopdf::Document::load_mem(&bytes).unwrap().get_pages().len()
}

#[test]
fn the_commands_on_files_work_at_a_desk_as_on_the_file() {
    let dir = temp_dir();
    let (here, server, out_here, out_there) = on_file_and_at_desk(dir.path());
    std::fs::create_dir_all(&out_here).unwrap();
    std::fs::create_dir_all(&out_there).unwrap();

    // The same command on the file and at the desk: the same exit and the same JSON, once
    // the folders and what is made anew each run are folded.
    let both = |login: &str, args: &[&str]| -> (Value, Value) {
        let with = |out: &Path| -> Vec<String> { args.iter().map(|a| a.replace("DIR", &out.to_string_lossy())).collect() };
        let (code_here, json_here) = ykien(&at_file(&here), Some(login), &with(&out_here));
        let (code_there, json_there) = ykien(&at_server(&server), Some(login), &with(&out_there));
        assert_eq!(code_here, 0, "`ykien {}` on the file: {json_here}", args.join(" "));
        assert_eq!(code_there, 0, "`ykien {}` at a desk: {json_there}", args.join(" "));
        let dirs = [out_here.as_path(), out_there.as_path()];
        assert_eq!(folded(json_here.clone(), &dirs), folded(json_there.clone(), &dirs), "`ykien {}`", args.join(" "));
        (json_here, json_there)
    };

    // survey layout: where the boxes of a printed round lie (the round printed first).
    both("qmr", &["survey", "print", "--round", "2026-01", "--count", "2", "--out", "DIR/phieu.pdf"]);
    let (layout, _) = both("qmr", &["survey", "layout", "--round", "2026-01"]);
    assert!(layout["boxes"].as_array().is_some_and(|b| !b.is_empty()), "{layout}");

    // export surveys: the same report, and the same workbook and CSV at the desk's own path.
    for name in ["phieu.xlsx", "phieu.csv"] {
        let (report, at_desk) = both("qmr", &["export", "surveys", "--round", "2026-01", "--out", &format!("DIR/{name}")]);
        assert_eq!(report["rows"], 46, "{report}");
        let (a, b) = (out_here.join(name), out_there.join(name));
        assert_eq!(at_desk["path"], b.display().to_string(), "the desk's own path");
        assert_eq!(std::fs::metadata(&b).unwrap().len(), at_desk["bytes"].as_u64().unwrap(), "the whole file came back");
        if name.ends_with(".csv") {
            assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap(), "{name}");
        } else {
            assert_eq!(workbook(&a), workbook(&b), "{name}");
        }
    }

    // report annual --xlsx: the figures' workbook beside the report, at the desk too.
    let (annual, _) = both("qmr", &["report", "annual", "--year", "2025", "--out", "DIR/bao-cao.pdf", "--xlsx", "DIR/so-lieu.xlsx"]);
    assert!(annual["archive_id"].is_string(), "{annual}");
    let (a, b) = (workbook(&out_here.join("so-lieu.xlsx")), workbook(&out_there.join("so-lieu.xlsx")));
    assert!(a.len() > 1 && a.iter().any(|(_, rows)| rows.len() > 5), "a workbook of the figures: {:?}", a.iter().map(|s| &s.0).collect::<Vec<_>>());
    assert_eq!(a, b);

    // retention dispose --type: one type of record only, the disposal record at the desk.
    let (disposed, at_desk) = both("quantri", &["retention", "dispose", "--on", "2027-09-01", "--out", "DIR/bien-ban.pdf", "--type", "ledger"]);
    assert_eq!(disposed["disposal"]["records"].as_array().map(Vec::len), Some(298), "{disposed}");
    assert!(disposed["survey_forms"].is_null(), "only the book: {disposed}");
    let record = out_there.join("bien-ban.pdf");
    assert_eq!(std::fs::metadata(&record).unwrap().len(), at_desk["bytes"].as_u64().unwrap(), "the whole record came back");
    assert_eq!(pdf_pages(&out_here.join("bien-ban.pdf")), pdf_pages(&record));
    let (due, _) = both("quantri", &["retention", "due", "--on", "2027-09-01"]);
    assert_eq!(due["records"].as_array().map(Vec::len), Some(0), "the cases were disposed of on both: {due}");
}
