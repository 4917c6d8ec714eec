//! Helper process for the crash test (tests/integration/crash.rs): writes units to the
//! database given as the first argument as fast as it can, printing the number of each one
//! after its transaction has committed, until it is killed.

use std::io::Write;
use ykien::{Ledger, UnitInput};

fn main() {
    let path = std::env::args().nth(1).expect("usage: crash_writer DB");
    let mut ledger = Ledger::open(&path).expect("open");
    let mut next = ledger.units().expect("units").len();
    let mut out = std::io::stdout().lock();
    loop {
        let unit = UnitInput { id: None, name: format!("Đơn vị thử số {next}"), code: format!("T{next}") };
        ledger.save_unit(&unit).expect("save");
        writeln!(out, "{next}").and_then(|_| out.flush()).expect("stdout");
        next += 1;
    }
}
