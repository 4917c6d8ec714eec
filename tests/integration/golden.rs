//! The command line's `--json` output is a contract that administrators' scripts rely on: a
//! fixed script of commands runs on a fixed database, and what each prints must equal the
//! recorded output in `tests/fixtures/golden/cli.json`, field for field.
//!
//! The database is the demo office made through the core with its clock fixed, so its cases,
//! receipt numbers and figures are the same on every run. What changes from run to run on
//! its own is folded before comparing, and only that: ids (UUIDv7), SHA-256 fingerprints, the
//! test's temporary folder, and times of "now" (the command line writes with the real clock),
//! as well as the sizes of files whose bytes carry the time they were made.
//!
//! A deliberate change of the contract is recorded with `YKIEN_BLESS_GOLDEN=1 cargo test -p
//! ykien --test integration golden::`, and the diff of the fixture is reviewed like code.

use crate::temp_dir;
use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/golden/cli.json");

/// (sign in as, arguments): every command with `--json`. The writes come after the reads
/// they would change, and each write names its dates, so nothing depends on the day the
/// test runs.
pub(crate) const SCRIPT: &[(Option<&str>, &[&str])] = &[
    (None, &["check"]),
    (None, &["office"]),
    (None, &["units"]),
    (None, &["staff"]),
    (None, &["staff", "--search", "nguyen van an"]),
    (Some("tiepnhan"), &["feedback", "list", "--limit", "3"]),
    (Some("tiepnhan"), &["feedback", "list", "--from", "2026-01-01", "--to", "2026-03-31", "--kind", "complaint", "--limit", "3"]),
    (Some("tiepnhan"), &["feedback", "list", "--search", "nguyen", "--limit", "2", "--offset", "1"]),
    (Some("tiepnhan"), &["feedback", "list", "--complaints", "--open-on", "2026-06-01", "--limit", "2"]),
    (Some("tiepnhan"), &["feedback", "show", "2026/000001"]),
    (Some("tiepnhan"), &["feedback", "show", "2099/000001"]),
    (Some("qmr"), &["report", "figures", "--year", "2025"]),
    (Some("qmr"), &["report", "figures", "--year", "2026", "--quarter", "1"]),
    (Some("qmr"), &["report", "figures", "--from", "2026-02-01", "--to", "2026-02-28"]),
    (Some("qmr"), &["report", "archive"]),
    (None, &["survey", "templates"]),
    (None, &["survey", "rounds"]),
    (Some("qmr"), &["person", "find", "--name", "nguyen van"]),
    (Some("quantri"), &["account", "list"]),
    (Some("quantri"), &["account", "policy"]),
    (Some("tiepnhan"), &["account", "list"]),
    (Some("quantri"), &["encryption", "status"]),
    (Some("quantri"), &["retention", "due", "--on", "2027-09-01"]),
    (
        Some("tiepnhan"),
        &[
            "feedback", "add", "--received", "2026-06-15T09:30", "--channel", "in_person", "--kind", "complaint",
            "--subject", "attitude", "--customer", "Trần Thị Bích", "--content", "Cán bộ hướng dẫn chưa rõ ràng",
            "--phone", "0905 111 222", "--unit", "Bộ phận Tiếp nhận và Trả kết quả",
        ],
    ),
    (Some("tiepnhan"), &["feedback", "move", "LAST", "--to", "closed"]),
    (Some("tiepnhan"), &["feedback", "move", "LAST", "--to", "front_desk"]),
    (Some("qmr"), &["report", "objective", "--year", "2026", "--metric", "replied_on_time", "--target", "90"]),
    (Some("quantri"), &["audit", "--limit", "3"]),
    (Some("qmr"), &["export", "ledger", "--out", "DIR/so.csv", "--from", "2026-01-01", "--to", "2026-03-31"]),
    (Some("tiepnhan"), &["print", "survey-blank", "--out", "DIR/phieu.pdf", "--year", "2026"]),
    (Some("tiepnhan"), &["print", "receipt", "2026/000001", "--out", "DIR/bien-nhan.pdf"]),
];

#[test]
fn the_json_of_a_fixed_script_is_what_it_was() {
    let dir = temp_dir();
    let db = dir.path().join("golden.db");
    {
        let mut ledger = ykien::Ledger::open(&db).unwrap();
        let noon = chrono::NaiveDate::from_ymd_opt(2026, 6, 15).unwrap().and_hms_opt(10, 0, 0).unwrap();
        ledger.set_clock(Some(noon));
        ykien::demo::fill_with_accounts(&mut ledger).unwrap();
    }

    let mut runs = Vec::new();
    let mut last_receipt = String::new();
    for (login, args) in SCRIPT {
        let args: Vec<String> = args
            .iter()
            .map(|a| match *a {
                "LAST" => last_receipt.clone(),
                a => a.replace("DIR", &dir.path().to_string_lossy()),
            })
            .collect();
        let (code, out) = run(&db, *login, &args);
        if let Some(receipt) = out.get("receipt_no").and_then(Value::as_str) {
            last_receipt = receipt.to_owned();
        }
        runs.push(json!({ "as": login, "args": args, "exit": code, "json": out }));
    }
    let actual = normalise(Value::Array(runs), dir.path());

    if std::env::var_os("YKIEN_BLESS_GOLDEN").is_some() {
        std::fs::create_dir_all(Path::new(FIXTURE).parent().unwrap()).unwrap();
        std::fs::write(FIXTURE, serde_json::to_string_pretty(&actual).unwrap() + "\n").unwrap();
        return;
    }
    let expected: Value = serde_json::from_str(&std::fs::read_to_string(FIXTURE).expect("the golden fixture")).unwrap();
    let (expected, actual) = (expected.as_array().unwrap(), actual.as_array().unwrap());
    assert_eq!(expected.len(), actual.len(), "the script and the fixture list different commands");
    for (e, a) in expected.iter().zip(actual) {
        assert_eq!(e["args"], a["args"], "the script and the fixture disagree on a command");
        if e != a {
            panic!(
                "`ykien {}` prints another JSON than before:\nexpected: {}\nactual:   {}",
                a["args"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect::<Vec<_>>().join(" "),
                serde_json::to_string_pretty(e).unwrap(),
                serde_json::to_string_pretty(a).unwrap()
            );
        }
    }
}

fn run(db: &Path, login: Option<&str>, args: &[String]) -> (i32, Value) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ykien"));
    cmd.arg("--db").arg(db).arg("--json").args(args);
    if let Some(login) = login {
        cmd.args(["--as", login]).env("YKIEN_PASSWORD", ykien::demo::DEMO_PASSWORD);
    }
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let json = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("`ykien {}` printed no JSON ({e}): {stdout:?}", args.join(" ")));
    (out.status.code().unwrap_or(-1), json)
}

/// Folds what differs from run to run on its own (see the module comment).
fn normalise(v: Value, dir: &Path) -> Value {
    let today = chrono::Local::now().date_naive().format("%Y-%m-%d").to_string();
    fold(v, None, &dir.to_string_lossy(), &today)
}

fn fold(v: Value, key: Option<&str>, dir: &str, today: &str) -> Value {
    match v {
        Value::Array(items) => Value::Array(items.into_iter().map(|i| fold(i, key, dir, today)).collect()),
        Value::Object(map) => {
            let is_file = map.get("path").and_then(Value::as_str).is_some_and(|p| p.ends_with(".pdf") || p.ends_with(".xlsx"));
            Value::Object(
                map.into_iter()
                    .map(|(k, v)| {
                        let v = match (k.as_str(), &v) {
                            ("bytes", _) if is_file => json!("<bytes>"),
                            // Days to a deadline, counted from the real today.
                            ("days_left", Value::Number(_)) => json!("<days>"),
                            _ => fold(v, Some(&k), dir, today),
                        };
                        (k, v)
                    })
                    .collect(),
            )
        }
        Value::String(s) => Value::String(fold_text(&s, key, dir, today)),
        other => other,
    }
}

fn fold_text(s: &str, key: Option<&str>, dir: &str, today: &str) -> String {
    let s = fold_ids(&s.replace(dir, "<dir>"));
    if s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return "<sha256>".into();
    }
    // A time the command line stamped with the real clock; the fixture's own dates are in 2026.
    if s.starts_with(today) && key != Some("received_at") {
        return "<now>".into();
    }
    // The login of whoever runs the tests, in «hệ thống (dòng lệnh, USER)».
    if let Some(i) = s.find("(dòng lệnh, ") {
        return format!("{}(dòng lệnh, <user>)", &s[..i]);
    }
    s
}

/// Every UUID in the text (ids also appear inside the audit log's JSON) as `<id>`.
fn fold_ids(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        if rest.len() >= 36 && rest.is_char_boundary(36) && is_uuid(&rest[..36]) {
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

fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| if [8, 13, 18, 23].contains(&i) { *c == b'-' } else { c.is_ascii_hexdigit() })
}
