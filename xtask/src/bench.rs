//! `cargo xtask bench [--scale district|province|stress] [--seed N] [--launches N] [--no-app]`:
//! every benchmark of BENCHMARKS.md at one scale (district by default, a few minutes).
//!
//! 1. `cargo bench --bench scale`: the core's figures beside their bare-SQLite floors, on a
//!    database of the scale generated once into target/bench/ (benches/scale.rs);
//! 2. the app itself (release build, under Xvfb): time from launch to the first painted
//!    screen (the book's first page) and the resident memory then, on the same database;
//!    the size of the release binary.
//!
//! The results are printed and written to target/bench/results-SCALE.md. Not part of
//! `cargo xtask test` or CI: the province and stress scales take a long time to generate.

use crate::{build_ui, cargo, ensure_debian_packages, root, sh, step, Result, Xvfb, BUILD_PACKAGES};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// What the launch measurement needs besides the build: a virtual display.
const APP_PACKAGES: &[&str] = &["xvfb", "xauth", "fonts-dejavu-core"];

pub fn bench(args: &[String]) -> Result {
    let value = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let scale = value("--scale").unwrap_or_else(|| "district".into());
    if !["district", "province", "stress"].contains(&scale.as_str()) {
        return Err(format!("--scale {scale}: district, province or stress"));
    }
    let seed = value("--seed").unwrap_or_else(|| "1".into());
    let launches: usize = value("--launches").map(|n| n.parse().map_err(|_| format!("--launches {n}"))).transpose()?.unwrap_or(5);

    step(&format!("benchmarks of the core at scale {scale} (benches/scale.rs)"));
    let mut b = cargo(&["bench", "-p", "ykien", "--bench", "scale"]);
    b.env("YKIEN_BENCH_SCALE", &scale).env("YKIEN_BENCH_SEED", &seed);
    sh(b)?;
    if args.iter().any(|a| a == "--no-app") {
        return Ok(());
    }

    ensure_debian_packages(&[BUILD_PACKAGES, APP_PACKAGES].concat())?;
    build_ui(false)?;
    step("release build of the app");
    sh(cargo(&["build", "--release", "-p", "ykien-app"]))?;
    let app = root().join("target/release/ykien-app");
    let db = root().join(format!("target/bench/{scale}-work.db"));
    let display = Xvfb::start()?;

    step(&format!("the app on the {scale} database: {launches} launches under Xvfb ({})", display.name));
    let mut paints = Vec::new();
    let mut rss = Vec::new();
    for i in 0..launches {
        let (paint, memory) = launch(&app, &db, &display.name)?;
        println!(
            "launch {}: first paint after {paint} ms; resident memory {} MB (app; {} MB without mapped library files), {} MB (with its web views)",
            i + 1,
            memory.0 / 1024,
            memory.2 / 1024,
            memory.1 / 1024
        );
        paints.push(paint as f64);
        rss.push(memory);
    }
    let size = std::fs::metadata(&app).map_err(|e| format!("{}: {e}", app.display()))?.len();
    let stripped = stripped_size(&app);

    let med = |mut v: Vec<f64>| {
        v.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
        (v[v.len() / 2], v[0], v[v.len() - 1])
    };
    let (p, pmin, pmax) = med(paints);
    let (r, rmin, rmax) = med(rss.iter().map(|m| m.0 as f64 / 1024.0).collect());
    let (t, tmin, tmax) = med(rss.iter().map(|m| m.1 as f64 / 1024.0).collect());
    let (a, amin, amax) = med(rss.iter().map(|m| m.2 as f64 / 1024.0).collect());
    let ok = |b: bool| if b { "yes" } else { "**no**" };
    let table = format!(
        "\n### The app on this database (release build, Xvfb, {launches} launches)\n\n\
         | figure | median | min–max | goal | met |\n| --- | ---: | --- | --- | --- |\n\
         | launch to first paint (the book's first page on screen) | {p:.0} ms | {pmin:.0}–{pmax:.0} ms | < 1 s | {} |\n\
         | resident memory then, the app process (VmRSS) | {r:.0} MB | {rmin:.0}–{rmax:.0} MB | < 150 MB | {} |\n\
         | of which its own memory (RssAnon + RssShmem; the rest is library files mapped) | {a:.0} MB | {amin:.0}–{amax:.0} MB |  |  |\n\
         | resident memory then, with its WebKit processes | {t:.0} MB | {tmin:.0}–{tmax:.0} MB |  |  |\n\
         | release binary `ykien-app` (Linux x86_64) | {:.1} MB | stripped {} |  |  |\n",
        ok(p < 1000.0),
        ok(r < 150.0),
        size as f64 / 1e6,
        stripped.map(|s| format!("{:.1} MB", s as f64 / 1e6)).unwrap_or_else(|| "?".into()),
    );
    println!("{table}");
    let results = root().join(format!("target/bench/results-{scale}.md"));
    let mut text = std::fs::read_to_string(&results).unwrap_or_default();
    text.push_str(&table);
    std::fs::write(&results, text).map_err(|e| e.to_string())?;
    println!("written to {}", results.display());
    Ok(())
}

fn unix_ms() -> u128 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0)
}

/// Starts the app on `db`, waits for its first paint, reads its memory a second later, and
/// closes it. Returns the milliseconds from launch to paint and the resident memory in KB of
/// the app process, of it with its child processes (WebKit's web and network processes), and
/// of the app process without the library files it maps (anonymous and shared memory).
fn launch(app: &Path, db: &Path, display: &str) -> Result<(u128, (u64, u64, u64))> {
    let start = unix_ms();
    let mut child = Command::new(app)
        .env("DISPLAY", display)
        .env("YKIEN_DB", db)
        .env("YKIEN_BENCH_PAINT", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", app.display()))?;
    let pid = child.id();
    let stdout = child.stdout.take().expect("piped");
    // The mark is read on a thread, so that a window that never paints cannot hang the run.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(|l| l.ok()) {
            if let Some(ms) = line.strip_prefix("YKIEN_FIRST_PAINT ").and_then(|s| s.trim().parse::<u128>().ok()) {
                let _ = tx.send(ms);
            }
        }
    });
    let painted = rx.recv_timeout(Duration::from_secs(120));
    let result = match painted {
        Ok(at) => {
            std::thread::sleep(Duration::from_secs(1));
            let own = rss_kb(pid);
            let all = own + descendants(pid).into_iter().map(rss_kb).sum::<u64>();
            // What the process itself holds, without the library files mapped (shared, clean).
            let private = status_kb(pid, "RssAnon:") + status_kb(pid, "RssShmem:");
            Ok((at.saturating_sub(start), (own, all, private)))
        }
        Err(_) => Err("the window did not paint its first screen within 120 s".to_string()),
    };
    let _ = child.kill();
    let _ = child.wait();
    // WebKit's helpers end with the app; give them a moment before the next launch.
    let deadline = Instant::now() + Duration::from_secs(10);
    while !descendants(pid).is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    result
}

/// VmRSS of a process in KB (0 when it is gone).
fn rss_kb(pid: u32) -> u64 {
    status_kb(pid, "VmRSS:")
}

/// A line of /proc/PID/status in KB.
fn status_kb(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with(field)).and_then(|l| l.split_whitespace().nth(1)).and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}

/// Every process descended from `pid`.
fn descendants(pid: u32) -> Vec<u32> {
    let parent_of = |p: u32| -> Option<u32> {
        let stat = std::fs::read_to_string(format!("/proc/{p}/stat")).ok()?;
        // "pid (comm) state ppid …": the name may hold spaces, so read after the last ')'.
        stat.rsplit_once(')')?.1.split_whitespace().nth(1)?.parse().ok()
    };
    let all: Vec<(u32, u32)> = std::fs::read_dir("/proc")
        .map(|d| d.filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok()).filter_map(|p| Some((p, parent_of(p)?))).collect())
        .unwrap_or_default();
    let mut found = vec![pid];
    let mut i = 0;
    while i < found.len() {
        let p = found[i];
        found.extend(all.iter().filter(|(_, parent)| *parent == p).map(|(c, _)| *c));
        i += 1;
    }
    found.remove(0);
    found
}

/// The size the binary would have without its symbols (the `dist` profile strips them).
fn stripped_size(app: &Path) -> Option<u64> {
    let out = root().join("target/bench/ykien-app.stripped");
    let ok = Command::new("strip").arg("-o").arg(&out).arg(app).status().ok()?.success();
    let size = ok.then(|| std::fs::metadata(&out).ok().map(|m| m.len())).flatten();
    let _ = std::fs::remove_file(&out);
    size
}
