//! The office server under the load of an office: 15 desks working at once over HTTPS on
//! loopback against `ykien serve` (the real binary, a process of its own), each signed in with
//! its own session and doing what a desk does all day — save a case, search the book, list a
//! page, show a case, move a case — beside the same commands run in-process on the same file
//! by one caller, the floor the network and the server's queue add to. Also the server's
//! throughput and its memory (VmRSS, sampled every second): a soak run shows whether it
//! levels off.
//!
//! `YKIEN_BENCH_SCALE=province cargo bench --bench desks` (the default scale is province);
//! knobs: `YKIEN_BENCH_DESKS` (15), `YKIEN_BENCH_SECONDS` (60; 600 for the soak of
//! BENCHMARKS.md), `YKIEN_BENCH_THINK_MS` (500: the pause of a desk between two commands,
//! far shorter than a clerk's, who types for seconds between them; 0 makes every desk send
//! its next command as soon as the last is answered, which measures the server saturated). The database of the scale is the one `cargo bench --bench scale` keeps in
//! target/bench/ (generated when missing); each run works on a fresh copy. The table is
//! printed and written to target/bench/results-desks-SCALE.md.

mod common;
use common::{generate, markdown, Figure, Goal};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use ykien::commands::{self, Context};
use ykien::demo::scale::Scale;
use ykien::desk::Remote;
use ykien::pairing::Fingerprint;
use ykien::{FirstAdminInput, Ledger, Role};

const LOGIN: &str = "tiepnhan";
const PASSWORD: &str = "mat-khau-bang-do-1";

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|s| !s.is_empty())
}

/// What a desk does, in the proportions of a reception desk's day.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Op {
    Save,
    Search,
    List,
    Show,
    Move,
}

impl Op {
    const ALL: [Op; 5] = [Op::Save, Op::Search, Op::List, Op::Show, Op::Move];
    /// Out of 20 operations: 6 saves, 5 searches, 4 lists, 4 shows, 1 move.
    fn nth(i: usize) -> Op {
        match i % 20 {
            0..=5 => Op::Save,
            6..=10 => Op::Search,
            11..=14 => Op::List,
            15..=18 => Op::Show,
            _ => Op::Move,
        }
    }
    fn label(self) -> &'static str {
        match self {
            Op::Save => "save a case (feedback_add)",
            Op::Search => "search the book by name (feedback_list, search)",
            Op::List => "list a page of the book (feedback_list)",
            Op::Show => "show a case (case_get)",
            Op::Move => "move a case (case_move, with its version)",
        }
    }
    fn goal(self) -> Option<Goal> {
        match self {
            Op::Save => Some(Goal::P95(30.0)),
            Op::Search => Some(Goal::P95(50.0)),
            _ => None,
        }
    }
}

const SEARCHES: &[&str] = &["nguyen van", "tran thi hoa", "le minh", "pham", "hoang duc nam", "ea tu", "bui thanh"];

/// A case as the front desk enters it now (the server's clock is the real one).
fn case_args(desk: usize, i: usize) -> Value {
    let received = (chrono::Local::now().naive_local() - chrono::Duration::minutes(2)).format("%Y-%m-%dT%H:%M").to_string();
    json!({ "input": {
        "received_at": received,
        "channel": "in_person", "kind": "suggestion", "subject": "procedure", "book": "feedback",
        "customer_name": format!("Nguyễn Văn Bàn {desk}-{i}"), "customer_org": "", "customer_address": "phường Tân Lập",
        "customer_phone": "", "customer_email": "", "customer_group": "first_time",
        "content": "Đề nghị bố trí thêm chỗ ngồi chờ tại bộ phận tiếp nhận",
        "written": false, "formal": false,
    }})
}

/// The cases a desk saved: every one can be shown; those not yet moved can be moved once
/// (received → handled at the front desk), with the version the desk saw.
#[derive(Default)]
struct Seen {
    shown: Vec<String>,
    movable: Vec<(String, i64)>,
}

impl Seen {
    /// What the desk does next: the mix, except that it needs a case to show or move.
    fn next(&self, n: usize) -> Op {
        match Op::nth(n) {
            Op::Show if self.shown.is_empty() => Op::Save,
            Op::Move if self.movable.is_empty() => Op::Save,
            op => op,
        }
    }

    /// The command and arguments of the `n`th operation `op` of `desk`.
    fn args(&self, op: Op, desk: usize, n: usize) -> (&'static str, Value) {
        match op {
            Op::Save => ("feedback_add", case_args(desk, n)),
            Op::Search => ("feedback_list", json!({ "filter": { "search": SEARCHES[n % SEARCHES.len()], "limit": 100 } })),
            Op::List => ("feedback_list", json!({ "filter": { "limit": 100, "offset": (n % 50) * 100 } })),
            Op::Show => ("case_get", json!({ "id": self.shown[n % self.shown.len()] })),
            Op::Move => {
                let (id, version) = self.movable.last().expect("Seen::next checks");
                ("case_move", json!({ "id": id, "step": { "to": "front_desk", "note": "", "version": version } }))
            }
        }
    }

    /// Keeps the case a save answered; a moved case is moved no more.
    fn remember(&mut self, op: Op, answer: &Value) {
        match op {
            Op::Save => {
                let id = answer["id"].as_str().expect("a case").to_owned();
                self.movable.push((id.clone(), answer["version"].as_i64().expect("its version")));
                self.shown.push(id);
            }
            Op::Move => {
                self.movable.pop();
            }
            _ => {}
        }
    }
}

struct Served {
    child: Child,
    address: String,
    pin: Fingerprint,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `ykien serve` on the work file, on a free loopback port; waits for its ready line. The
/// day's automatic backup is taken as made (a file of its name in the default folder), so
/// that a verified copy of the whole file does not run on the same cores as the measurement.
fn serve(db: &Path) -> Served {
    let folder = ykien::store::backup::default_folder(db);
    std::fs::create_dir_all(&folder).unwrap();
    let today = chrono::Local::now().format("%Y%m%d");
    std::fs::write(folder.join(format!("ykien-{today}-000000.db")), b"").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_ykien"))
        .args(["--db", &db.to_string_lossy(), "serve", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the ykien binary");
    let out = BufReader::new(child.stdout.take().unwrap());
    for line in out.lines() {
        let line = line.unwrap();
        if let Some(rest) = line.strip_prefix("ykien-serve: ready ") {
            let mut words = rest.split_whitespace();
            let address = words.next().unwrap().to_owned();
            let pin = words.find_map(|w| w.strip_prefix("pin=")).unwrap();
            return Served { child, address, pin: Fingerprint::parse(pin).unwrap() };
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("ykien serve stopped before it was ready");
}

fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status.lines().find_map(|l| l.strip_prefix("VmRSS:")).and_then(|v| v.split_whitespace().next()?.parse().ok())
}

/// One account for the desks (each desk still has its own session), made on the work file
/// before the server opens it: an administrator, then a reception clerk with a password of
/// their own.
fn accounts(work: &Path) {
    let mut l = Ledger::open(work).unwrap();
    if l.access_state().unwrap().accounts_exist {
        return;
    }
    l.create_first_administrator(&FirstAdminInput {
        full_name: "Quản trị máy chủ".into(),
        title: "Chuyên viên".into(),
        login: "quantri".into(),
        password: PASSWORD.into(),
    })
    .unwrap();
    let clerk = l.staff(None).unwrap().into_iter().find(|s| s.role == Role::Reception).expect("a reception clerk");
    l.create_account(&ykien::AccountInput { staff_id: clerk.id, login: LOGIN.into(), password: "tam-thoi-123456".into() }).unwrap();
    l.sign_out();
    l.sign_in(LOGIN, "tam-thoi-123456").unwrap();
    l.change_password("tam-thoi-123456", PASSWORD).unwrap();
}

fn main() {
    let scale = Scale::parse(&env("YKIEN_BENCH_SCALE").unwrap_or_else(|| "province".into())).expect("district, province or stress");
    let desks: usize = env("YKIEN_BENCH_DESKS").and_then(|s| s.parse().ok()).unwrap_or(15);
    let seconds: u64 = env("YKIEN_BENCH_SECONDS").and_then(|s| s.parse().ok()).unwrap_or(60);
    let think: u64 = env("YKIEN_BENCH_THINK_MS").and_then(|s| s.parse().ok()).unwrap_or(500);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir).unwrap();
    let pristine = dir.join(format!("{}-seed1-v{}.db", scale.as_str(), ykien::store::migrate::SCHEMA_VERSION));
    generate(&pristine, scale, 1);
    let work_dir = dir.join("desks");
    let _ = std::fs::remove_dir_all(&work_dir);
    std::fs::create_dir_all(&work_dir).unwrap();
    let work = work_dir.join("ykien.db");
    std::fs::copy(&pristine, &work).unwrap();
    accounts(&work);

    // The floor: the same commands in-process, one caller, on the same file, before the
    // server opens it.
    let floor = {
        let mut l = Ledger::open(&work).unwrap();
        l.sign_in(LOGIN, PASSWORD).unwrap();
        let ctx = Context::new(work_dir.join("prints"));
        let mut samples: Vec<Vec<Duration>> = vec![Vec::new(); Op::ALL.len()];
        let mut seen = Seen::default();
        for n in 0..1000 {
            let op = seen.next(n);
            let (name, args) = seen.args(op, 99, n);
            let t = Instant::now();
            let answer = commands::dispatch(&mut l, name, args, &ctx).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            samples[op as usize].push(t.elapsed());
            seen.remember(op, &answer);
        }
        samples
    };

    let server = serve(&work);
    let pid = server.child.id();
    let stop = Arc::new(AtomicBool::new(false));
    let memory: Arc<Mutex<Vec<(u64, u64)>>> = Arc::default();
    let sampler = {
        let (stop, memory) = (stop.clone(), memory.clone());
        let start = Instant::now();
        std::thread::spawn(move || {
            while !stop.load(Ordering::SeqCst) {
                if let Some(kib) = rss_kib(pid) {
                    memory.lock().unwrap().push((start.elapsed().as_secs(), kib));
                }
                std::thread::sleep(Duration::from_secs(1));
            }
        })
    };
    println!("{desks} desks for {seconds} s on {} ({}), pausing {think} ms between commands", server.address, scale.as_str());
    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);
    let workers: Vec<_> = (0..desks)
        .map(|desk| {
            let (address, pin) = (server.address.clone(), server.pin);
            let print_dir = work_dir.join(format!("desk-{desk}"));
            std::thread::spawn(move || {
                let remote = Remote::connect(&address, &pin).expect("pairing");
                let ctx = Context::new(print_dir);
                remote
                    .dispatch("sign_in", json!({ "login": LOGIN, "password": PASSWORD }), &ctx, None)
                    .expect("signing in");
                let mut samples: Vec<Vec<Duration>> = vec![Vec::new(); Op::ALL.len()];
                let mut errors = 0usize;
                let mut seen = Seen::default();
                let mut n = desk; // desks start at different points of the mix
                while Instant::now() < deadline {
                    let op = seen.next(n);
                    let (name, args) = seen.args(op, desk, n);
                    let t = Instant::now();
                    match remote.dispatch(name, args, &ctx, None) {
                        Ok(answer) => {
                            samples[op as usize].push(t.elapsed());
                            seen.remember(op, &answer);
                        }
                        Err(e) => {
                            errors += 1;
                            eprintln!("desk {desk}: {name}: {e:?}");
                        }
                    }
                    n += 1;
                    // The pause varies from half to one and a half times the mean, so that the
                    // desks do not fall into step.
                    if think > 0 {
                        let jitter = (n * 7919 + desk * 104_729) % 1000;
                        std::thread::sleep(Duration::from_millis(think / 2 + think * jitter as u64 / 1000));
                    }
                }
                (samples, errors)
            })
        })
        .collect();
    let mut remote: Vec<Vec<Duration>> = vec![Vec::new(); Op::ALL.len()];
    let mut errors = 0;
    for w in workers {
        let (samples, e) = w.join().unwrap();
        for (all, mine) in remote.iter_mut().zip(samples) {
            all.extend(mine);
        }
        errors += e;
    }
    let elapsed = started.elapsed();
    stop.store(true, Ordering::SeqCst);
    sampler.join().unwrap();
    drop(server);

    let total: usize = remote.iter().map(Vec::len).sum();
    let mut figures = Vec::new();
    for op in Op::ALL {
        let mut f = Figure::new(&format!("{} — {desks} desks over HTTPS, {think} ms pauses", op.label()), remote[op as usize].clone())
            .floor("the same command in-process, one caller", floor[op as usize].clone());
        if let Some(g) = op.goal() {
            f = f.goal(g);
        }
        figures.push(f);
    }
    let memory = memory.lock().unwrap().clone();
    let mib = |kib: u64| kib as f64 / 1024.0;
    let first_minute = memory.iter().filter(|(s, _)| *s <= 60).map(|m| m.1).max().unwrap_or(0);
    let peak = memory.iter().map(|m| m.1).max().unwrap_or(0);
    let last = memory.last().map(|m| m.1).unwrap_or(0);
    let summary = format!(
        "{total} commands in {:.0} s: {:.0} commands a second; {errors} errors. Server memory (VmRSS): \
         {:.0} MiB at most in the first minute, {:.0} MiB at most in the run, {:.0} MiB at the end.",
        elapsed.as_secs_f64(),
        total as f64 / elapsed.as_secs_f64(),
        mib(first_minute),
        mib(peak),
        mib(last)
    );
    let table = markdown(&figures);
    println!("\n{table}\n{summary}");
    let head = format!("## Office server, scale {}: {desks} desks for {seconds} s, {think} ms pauses\n\n", scale.as_str());
    std::fs::write(dir.join(format!("results-desks-{}-think{think}.md", scale.as_str())), format!("{head}{table}\n{summary}\n")).unwrap();
    assert_eq!(errors, 0, "a desk's command failed under load");
}
