//! A long task run at a desk of the office server (`ykien::desk::Remote`), against the real
//! `ykien serve` on loopback: its progress comes back to the desk while it runs, as the core
//! tells it on one PC, and the desk's Cancel (its progress callback answering false) stops it
//! on the server, which then answers the `cancelled` refusal and has stored nothing.

use crate::desk::Server;
use crate::import::big_ledger;
use crate::temp_dir;
use serde_json::{json, Value};
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use ykien::commands::Context;
use ykien::desk::Remote;
use ykien::{ErrorReport, TaskProgress};

/// The demo office with its accounts, in a folder of its own (the server keeps its
/// certificate beside the database), served.
pub(crate) fn serve_demo(dir: &Path) -> Server {
    let db = dir.join("ykien.db");
    ykien::demo::fill_with_accounts(&mut ykien::Ledger::open(&db).unwrap()).unwrap();
    crate::desk::serve(&db)
}

/// A desk of `server` signed in as `login` (a demo account).
pub(crate) fn desk(server: &Server, login: &str) -> Remote {
    let remote = Remote::connect(&server.address, &server.pin).unwrap();
    let args = json!({ "login": login, "password": ykien::demo::DEMO_PASSWORD });
    remote.dispatch("sign_in", args, &Context::new("."), None).unwrap();
    remote
}

fn book_total(remote: &Remote) -> u64 {
    let page = remote.dispatch("feedback_list", json!({ "filter": { "limit": 0 } }), &Context::new("."), None).unwrap();
    page["total"].as_u64().unwrap()
}

/// An old ledger of `rows` lines on the desk's disk.
fn old_ledger(dir: &Path, rows: u32) -> PathBuf {
    let file = dir.join(format!("so-cu-{rows}.xlsx"));
    big_ledger(&file, rows);
    file
}

/// Imports `file` at `remote`, the desk's progress callback being `progress`.
fn import(remote: &Remote, file: &Path, progress: &dyn Fn(&TaskProgress) -> bool) -> Result<Value, ErrorReport> {
    let ctx = Context { print_dir: file.parent().unwrap().to_owned(), open_file: &|_| false, progress };
    remote.dispatch("import_ledger", json!({ "path": file.display().to_string(), "commit": true }), &ctx, None)
}

#[test]
fn a_long_task_at_a_desk_reports_the_servers_progress_while_it_runs() {
    let dir = temp_dir();
    let server = serve_demo(dir.path());
    let qmr = desk(&server, "qmr");
    let before = book_total(&qmr);
    let rows = 5000;
    let file = old_ledger(dir.path(), rows);

    let told = RefCell::new(Vec::<(String, u64, u64)>::new());
    let preview = import(&qmr, &file, &|p| {
        told.borrow_mut().push((p.task.clone(), p.done, p.total));
        true
    })
    .unwrap();

    assert_eq!(preview["committed"], true, "{preview}");
    assert_eq!(book_total(&qmr), before + u64::from(rows), "every line was stored");
    let told = told.into_inner();
    assert!(!told.is_empty(), "the desk was told the import's progress");
    assert!(told.iter().all(|(task, _, total)| task == "import" && *total == u64::from(rows)), "{told:?}");
    assert!(
        told.iter().any(|(_, done, total)| *done > 0 && done < total),
        "a report came while the server was still storing lines: {told:?}"
    );
    assert!(told.windows(2).all(|w| w[0].1 <= w[1].1), "reports in order: {told:?}");
}

#[test]
fn a_long_task_cancelled_at_the_desk_stops_on_the_server_and_stores_nothing() {
    let dir = temp_dir();
    let server = serve_demo(dir.path());
    let qmr = desk(&server, "qmr");
    let before = book_total(&qmr);
    let file = old_ledger(dir.path(), 20_000);

    // The clerk presses Cancel at the first report from inside the import's transaction.
    let asked = RefCell::new(0u32);
    let refused = import(&qmr, &file, &|p| {
        *asked.borrow_mut() += 1;
        !(p.done > 0 && p.done < p.total)
    })
    .unwrap_err();

    let on_one_pc = ErrorReport::from(ykien::Error::Cancelled);
    match (&refused, &on_one_pc) {
        (ErrorReport::Cancelled { message }, ErrorReport::Cancelled { message: same }) => {
            assert_eq!(message, same, "the same refusal as on one PC")
        }
        (other, _) => panic!("the cancelled import answered {other:?}"),
    }
    assert!(*asked.borrow() >= 1);
    assert_eq!(book_total(&qmr), before, "a cancelled import stores no line");

    // The Cancel stopped that task only: the desk's next one runs to its end.
    let small = old_ledger(dir.path(), 600);
    import(&qmr, &small, &|_| true).unwrap();
    assert_eq!(book_total(&qmr), before + 600);
}
