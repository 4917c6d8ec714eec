//! Helper process for the crash tests of records (tests/integration/backup.rs, import.rs):
//! `records_worker backup DB DIR` makes backups of DB into DIR in a loop, printing the name
//! of each one after it is complete; `records_worker import DB FILE` imports FILE into DB,
//! printing "writing N" each time the import reports progress (every 500 lines from inside
//! its transaction, uncommitted; then once more after the commit) and "done" at the end.
//! Both are killed with SIGKILL at random moments.

use std::io::Write;
use std::path::Path;
use ykien::{no_progress, Ledger};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (what, db, arg) = (args[1].as_str(), &args[2], &args[3]);
    let mut ledger = Ledger::open(db).expect("open");
    let mut out = std::io::stdout().lock();
    match what {
        "backup" => loop {
            let file = ledger.backup_to(Path::new(arg), &no_progress).expect("backup");
            writeln!(out, "{}", file.file_name).and_then(|_| out.flush()).expect("stdout");
        },
        "import" => {
            writeln!(out, "started").and_then(|_| out.flush()).expect("stdout");
            let writing = |done: u64, _total: u64| {
                let mut out = std::io::stdout().lock();
                writeln!(out, "writing {done}").and_then(|_| out.flush()).expect("stdout");
                true
            };
            let p = ledger.import_ledger(Path::new(arg), true, &writing).expect("import");
            writeln!(out, "done {}", p.new_rows).and_then(|_| out.flush()).expect("stdout");
        }
        other => panic!("unknown task {other}"),
    }
}
