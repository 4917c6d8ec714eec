//! Every message a person sees is Vietnamese: the errors of SQLite, the file system, the
//! spreadsheet readers and the JSON parser are driven for real (a damaged file, a missing
//! folder, a broken workbook, malformed arguments) and their messages searched for English.

use crate::temp_dir;
use serde_json::json;
use std::path::Path;
use std::process::Command;
use ykien::commands::{dispatch, Context};
use ykien::{no_progress, Error, ErrorReport, Ledger};

/// Words of the English messages of SQLite, the operating system, calamine, csv and
/// serde_json. Text in «» is the caller's own (a file's name, a value typed) and is skipped.
const ENGLISH: &[&str] = &[
    "the", "is", "not", "no", "such", "file", "directory", "database", "error", "invalid", "missing", "field",
    "expected", "denied", "permission", "found", "locked", "failed", "failure", "unable", "cannot", "could", "unknown",
    "variant", "type", "value", "line", "column", "while", "parsing", "eof", "disk", "full", "read", "write", "only",
    "access", "open", "malformed", "image", "constraint", "unique", "syntax", "trailing", "characters", "os", "zip",
    "archive", "sheet", "cell", "range", "string", "integer", "sequence", "map", "struct", "of", "for", "from", "with",
    "input", "output", "unexpected", "end", "timed", "connection", "refused", "reset", "broken", "pipe", "exists",
    "already", "busy", "interrupted", "other", "operation", "query", "returned", "rows", "statement", "record", "utf",
    "stream", "did", "contain", "length", "entity", "unsupported", "empty", "too", "large", "big", "memory", "page",
    "tree", "btreeinitpage", "returns", "code", "used", "never", "header", "central", "signature", "xml",
];

/// Fails, naming the word, when `text` holds an English word outside «».
fn assert_vietnamese(text: &str) {
    let mut outside = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '«' => depth += 1,
            '»' => depth -= 1,
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    for word in outside.split(|c: char| !c.is_alphanumeric()) {
        let lower = word.to_lowercase();
        assert!(!ENGLISH.contains(&lower.as_str()), "English word «{word}» in a message a person sees: {text}");
    }
    assert!(text.chars().any(|c| "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúý".contains(c)), "{text}");
}

/// What the window and `--json` show for an error.
fn shown(e: Error) -> String {
    ErrorReport::from(e).message().to_owned()
}

#[test]
fn the_detector_finds_english() {
    let caught = std::panic::catch_unwind(|| assert_vietnamese("Lỗi cơ sở dữ liệu: database is locked"));
    assert!(caught.is_err(), "the detector must catch SQLite's own words");
    assert_vietnamese("Không tìm thấy tệp «missing file.xlsx» (mã lỗi hệ thống 2).");
}

#[test]
fn every_sqlite_refusal_and_file_error_is_said_in_vietnamese() {
    // Every primary result code of SQLite (sqlite3.h), with SQLite's English beside it as
    // rusqlite hands it over.
    for code in 1..=28 {
        let failure = rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), Some("disk I/O error".into()));
        assert_vietnamese(&shown(Error::Storage(failure)));
    }
    for e in [
        rusqlite::Error::QueryReturnedNoRows,
        rusqlite::Error::InvalidColumnType(0, "status".into(), rusqlite::types::Type::Null),
        rusqlite::Error::ExecuteReturnedResults,
    ] {
        assert_vietnamese(&shown(Error::Storage(e)));
    }
    use std::io::ErrorKind as K;
    for kind in [
        K::NotFound, K::PermissionDenied, K::AlreadyExists, K::StorageFull, K::ReadOnlyFilesystem, K::InvalidData,
        K::UnexpectedEof, K::ConnectionRefused, K::AddrInUse, K::TimedOut, K::Unsupported, K::Other,
    ] {
        assert_vietnamese(&shown(Error::Io(std::io::Error::from(kind))));
    }
}

#[test]
fn a_damaged_database_file_is_described_in_vietnamese() {
    let dir = temp_dir();
    let db = dir.path().join("so-lieu.db");
    {
        let mut l = Ledger::open(&db).unwrap();
        l.save_office(&ykien::demo::demo_office()).unwrap();
        for i in 0..200 {
            l.save_unit(&ykien::UnitInput { id: None, name: format!("Phòng số {i}"), code: format!("P{i}") }).unwrap();
        }
    }
    // Pages after the first three overwritten, as a failing disk or a half-copied file leaves them.
    let mut bytes = std::fs::read(&db).unwrap();
    assert!(bytes.len() > 4096 * 6, "the file has pages to damage");
    for b in bytes[4096 * 3..].iter_mut().step_by(7) {
        *b = 0xA5;
    }
    std::fs::write(&db, &bytes).unwrap();
    let (opened, _) = ykien::Database::new(&db).open_checked().into_parts();
    let error = opened.err().expect("a damaged file is refused");
    assert_vietnamese(&shown(error));
}

#[test]
fn file_system_and_spreadsheet_errors_are_said_in_vietnamese() {
    let dir = temp_dir();
    let mut l = Ledger::open(dir.path().join("so-lieu.db")).unwrap();
    l.save_office(&ykien::demo::demo_office()).unwrap();

    // A file that is not there, and a folder given as a file.
    let e = l.import_ledger(&dir.path().join("không-có.xlsx"), false, &no_progress).unwrap_err();
    assert_vietnamese(&shown(e));
    let folder = dir.path().join("thư mục.xlsx");
    std::fs::create_dir(&folder).unwrap();
    assert_vietnamese(&shown(l.import_ledger(&folder, false, &no_progress).unwrap_err()));
    // An export into a "folder" that is a file.
    let file = dir.path().join("ghi-chú.txt");
    std::fs::write(&file, "ghi chú").unwrap();
    let e = l.export_ledger(&file.join("sổ.xlsx"), None, None, &no_progress).unwrap_err();
    assert_vietnamese(&shown(e));

    // Workbooks the readers refuse: a zip that is not a workbook, a workbook cut short, a CSV
    // with a quote never closed.
    let broken = dir.path().join("hỏng.xlsx");
    std::fs::write(&broken, "PK\u{3}\u{4} hai trang giấy").unwrap();
    assert_vietnamese(&shown(l.import_ledger(&broken, false, &no_progress).unwrap_err()));
    let whole = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/returned-libreoffice.xlsx")).unwrap();
    let cut = dir.path().join("chép dở.xlsx");
    std::fs::write(&cut, &whole[..whole.len() / 2]).unwrap();
    assert_vietnamese(&shown(l.import_ledger(&cut, false, &no_progress).unwrap_err()));
    let csv = dir.path().join("sổ.csv");
    std::fs::write(&csv, "Ngày tháng tiếp nhận,Tên khách hàng\n01/02/2026,\"Nguyễn Văn An\n02/02/2026,Lê B\n").unwrap();
    if let Err(e) = l.import_ledger(&csv, false, &no_progress) {
        assert_vietnamese(&shown(e));
    }
}

#[test]
fn malformed_arguments_are_said_in_vietnamese_in_the_window_and_at_the_command_line() {
    let dir = temp_dir();
    let db = dir.path().join("so-lieu.db");
    let mut l = Ledger::open(&db).unwrap();
    let ctx = Context::new(dir.path().join("Bản in"));
    for (name, args) in [
        ("audit_log", json!({ "limit": "nhiều" })),
        ("audit_log", json!([1, 2])),
        ("case_get", json!({})),
        ("feedback_list", json!({ "filter": { "status": "mới tinh" } })),
    ] {
        let report = dispatch(&mut l, name, args, &ctx).unwrap_err();
        assert_vietnamese(report.message());
    }
    let e = l.import_survey_template("{\"code\": ").unwrap_err();
    assert_vietnamese(&shown(e));
    drop(l);

    let out = Command::new(env!("CARGO_BIN_EXE_ykien"))
        .arg("--db")
        .arg(&db)
        .args(["call", "audit_log", "--args", "{limit: 3"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_vietnamese(String::from_utf8_lossy(&out.stderr).trim());
}
