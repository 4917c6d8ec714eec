//! Killing the process in the middle of writes loses nothing it reported committed and leaves
//! nothing half-written. A helper process (examples/crash_writer.rs) writes units in a loop,
//! printing each number after its commit; it is SIGKILLed at random moments, many times.

use crate::temp_dir;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, SystemTime};
use ykien::Ledger;

fn writer_exe() -> PathBuf {
    // Integration tests run from target/<profile>/deps; cargo builds examples beside it.
    let deps = std::env::current_exe().unwrap().parent().unwrap().to_owned();
    let exe = deps.parent().unwrap().join("examples").join(format!("crash_writer{}", std::env::consts::EXE_SUFFIX));
    assert!(exe.exists(), "{} is missing: cargo test builds examples", exe.display());
    exe
}

/// A small deterministic generator, seeded from the clock and printed so a failure can be
/// replayed.
pub struct XorShift(u64);
impl XorShift {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// The seed of a kill test: from the environment variable `var` when set (to replay a
/// failure), else from the clock; printed either way, with how to replay it.
pub fn seeded(var: &str, what: &str) -> (u64, XorShift) {
    let seed = std::env::var(var).ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1
    });
    println!("{what} seed: {seed} (replay with {var}={seed})");
    // A zero state would stay zero.
    (seed, XorShift(seed.max(1)))
}

#[test]
fn sigkill_during_writes_loses_no_committed_record() {
    let (_, mut rng) = seeded("CRASH_SEED", "crash test");
    let dir = temp_dir();
    let db = dir.path().join("crash.db");
    Ledger::open(&db).unwrap();
    let exe = writer_exe();
    let mut reported: Vec<usize> = Vec::new();

    for round in 0..30 {
        let mut child = Command::new(&exe).arg(&db).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Ok(n) = line.trim().parse::<usize>() {
                    let _ = tx.send(n);
                }
            }
        });
        // Wait for the first commit so every round kills a writer that is really writing.
        let Ok(first) = rx.recv_timeout(Duration::from_secs(20)) else {
            let out = child.wait_with_output().unwrap();
            panic!("round {round}: the writer committed nothing: {}", String::from_utf8_lossy(&out.stderr));
        };
        reported.push(first);
        std::thread::sleep(Duration::from_millis(rng.next() % 150));
        child.kill().unwrap(); // SIGKILL on Unix: no destructor, no flush, no checkpoint.
        child.wait().unwrap();
        reader.join().unwrap();
        reported.extend(rx.try_iter());

        let ledger = Ledger::open(&db).unwrap();
        let report = ledger.check().unwrap();
        assert!(report.ok, "round {round}: integrity: {:?}", report.problems);
        let names: std::collections::HashSet<String> = ledger.units().unwrap().into_iter().map(|u| u.name).collect();
        for n in &reported {
            assert!(names.contains(&format!("Đơn vị thử số {n}")), "round {round}: committed unit {n} is lost");
        }
        // Nothing half-written: every unit has exactly its audit entry, and no entry is orphaned.
        let entries = ledger.audit_log(u32::MAX).unwrap();
        assert_eq!(entries.len(), names.len(), "round {round}: units and audit entries disagree");
        assert!(entries.iter().all(|e| e.entity == "unit" && e.action == "create"));
    }
    assert!(reported.len() >= 30, "too few writes to prove anything: {}", reported.len());
    println!("{} committed writes survived 30 kills", reported.len());
}
