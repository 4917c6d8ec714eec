//! Exports read back by readers that are not ours: openpyxl (PyPI) for .xlsx, Python's csv
//! module for CSV. Formula-like text stays text.

use crate::import::ledger;
use crate::temp_dir;
use std::path::Path;
use std::process::Command;
use ykien::{no_progress, Book, Channel, CustomerGroup, FeedbackInput, Kind, Ledger, Subject};

fn input(received: &str, name: &str, content: &str) -> FeedbackInput {
    FeedbackInput {
        received_at: received.into(),
        channel: Channel::InPerson,
        kind: Kind::Suggestion,
        subject: Subject::Procedure,
        book: Book::Feedback,
        customer_name: name.into(),
        customer_org: String::new(),
        customer_address: String::new(),
        customer_phone: "+84 905 123 456".into(),
        customer_email: String::new(),
        customer_group: CustomerGroup::Unknown,
        content: content.into(),
        receiver_id: None,
        unit_id: None,
        written: false,
        formal: false,
        settled_on_spot: None,
    }
}

const DANGER: &str = "=cmd|' /C calc'!A0";

/// Four cases received in `year`: three settled on the spot (closed on 2 March), one open.
pub fn fill_into(l: &mut Ledger, year: i32) {
    l.save_office(&ykien::demo::demo_office()).unwrap();
    l.set_clock(chrono::NaiveDate::from_ymd_opt(year, 3, 2).unwrap().and_hms_opt(17, 0, 0));
    for (name, content) in [("Nguyễn Văn An", "Khen ngợi"), ("Trần Thị Bích", "Góp ý về chỗ ngồi"), ("Lê Hữu Đức", "Hỏi thủ tục")] {
        let mut i = input(&format!("{year}-03-02T09:30"), name, content);
        i.settled_on_spot = Some("Đã giải thích".into());
        l.add_feedback(&i).unwrap();
    }
    l.add_feedback(&input(&format!("{year}-03-02T10:00"), "Phạm Văn Mở", "Chưa xong")).unwrap();
    l.set_clock(None);
}

pub fn filled_in(year: i32) -> Ledger {
    let mut l = Ledger::open_in_memory().unwrap();
    fill_into(&mut l, year);
    l
}

fn filled() -> Ledger {
    let mut l = ledger();
    l.add_feedback(&input("2026-03-02T09:30", "Nguyễn Văn An", "Thái độ phục vụ chưa tốt")).unwrap();
    l.add_feedback(&input("2026-03-03T10:00", "@Trần Thị Bích", DANGER)).unwrap();
    l.add_feedback(&input("2026-04-01T08:00", "-Lê Hữu Đức", "+1 ý kiến")).unwrap();
    l
}

fn python(script: &str, arg: &Path) -> serde_json::Value {
    let out = Command::new("python3").args(["-c", script, arg.to_str().unwrap()]).output().unwrap();
    assert!(
        out.status.success(),
        "python failed ({}): `cargo xtask test` installs openpyxl",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

const READ_XLSX: &str = r#"
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows():
        rows.append([[c.data_type, c.value if not hasattr(c.value, 'isoformat') else c.value.isoformat()] for c in row])
    out[ws.title] = rows
print(json.dumps(out, ensure_ascii=False))
"#;

const READ_CSV: &str = r#"
import sys, json, csv
raw = open(sys.argv[1], 'rb').read()
text = raw.decode('utf-8-sig')
print(json.dumps({"bom": raw.startswith(b'\xef\xbb\xbf'), "rows": list(csv.reader(text.splitlines()))}, ensure_ascii=False))
"#;

#[test]
fn the_ledger_in_xlsx_reads_back_in_openpyxl_with_formula_like_cells_as_text() {
    let dir = temp_dir();
    let l = filled();
    let out = dir.path().join("Sổ ghi nhận.xlsx");
    let report = l.export_ledger(&out, None, None, &no_progress).unwrap();
    assert_eq!(report.rows, 3);
    let v = python(READ_XLSX, &out);
    let rows = v["Sổ ghi nhận ý kiến"].as_array().unwrap();
    assert_eq!(rows.len(), 4);
    let header: Vec<&str> = rows[0].as_array().unwrap().iter().map(|c| c[1].as_str().unwrap()).collect();
    assert_eq!(header, ykien::export::LEDGER_HEADERS);
    let row = |i: usize, c: usize| rows[i][c].clone();
    assert_eq!(row(1, 2), serde_json::json!(["d", "2026-03-02T09:30:00"]), "a real date");
    assert_eq!(row(1, 3), serde_json::json!(["s", "Nguyễn Văn An"]));
    // Text cells, never formulas ("f"), whatever they start with.
    assert_eq!(row(2, 8), serde_json::json!(["s", DANGER]));
    assert_eq!(row(2, 3), serde_json::json!(["s", "@Trần Thị Bích"]));
    assert_eq!(row(3, 3), serde_json::json!(["s", "-Lê Hữu Đức"]));
    assert_eq!(row(3, 8), serde_json::json!(["s", "+1 ý kiến"]));
    assert_eq!(row(3, 6), serde_json::json!(["s", "+84 905 123 456"]));
    assert_eq!(row(1, 9), serde_json::json!(["s", "Góp ý, kiến nghị"]));
}

#[test]
fn the_ledger_in_csv_has_a_bom_and_formula_like_cells_quoted() {
    let dir = temp_dir();
    let l = filled();
    let out = dir.path().join("so.csv");
    l.export_ledger(&out, Some("2026-03-01"), Some("2026-03-31"), &no_progress).unwrap();
    let v = python(READ_CSV, &out);
    assert_eq!(v["bom"], true);
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 3, "April is outside the period");
    assert_eq!(rows[1][2], "02/03/2026 09:30");
    assert_eq!(rows[2][8], format!("'{DANGER}"));
    assert_eq!(rows[2][3], "'@Trần Thị Bích");
}

#[test]
fn cases_with_history_have_two_sheets_and_an_export_imports_back() {
    let dir = temp_dir();
    let l = filled();
    let out = dir.path().join("ho-so.xlsx");
    l.export_cases(&out, None, None, &no_progress).unwrap();
    let v = python(READ_XLSX, &out);
    let history = v["Diễn biến xử lý"].as_array().unwrap();
    assert_eq!(history.len(), 4, "one move each, after the header");
    assert_eq!(history[1][3][1], "Đã tiếp nhận (bước 2)");

    // What we export, we can import into another office's database: nothing lost.
    let ledger_file = dir.path().join("so.xlsx");
    l.export_ledger(&ledger_file, None, None, &no_progress).unwrap();
    let mut other = ledger();
    let p = other.import_ledger(&ledger_file, true, &no_progress).unwrap();
    assert_eq!(p.new_rows, 3, "{:?}", p.rows);
    // Into the same database it adds nothing: the cases are already there.
    let mut same = filled();
    let p = same.import_ledger(&ledger_file, false, &no_progress).unwrap();
    assert_eq!((p.new_rows, p.duplicate_rows), (0, 3));
    // Nor when the book holds more cases in the file's days than the file has lines (each
    // line's minute is then looked up, not read once into a set), and a line of a minute
    // that holds another customer's case is new.
    for (i, at) in ["2026-03-02T09:30", "2026-03-10T14:00", "2026-03-20T15:00"].iter().enumerate() {
        same.add_feedback(&input(at, &format!("Phạm Văn Khách {i}"), "Xin hướng dẫn thủ tục")).unwrap();
    }
    let p = same.import_ledger(&ledger_file, false, &no_progress).unwrap();
    assert_eq!((p.new_rows, p.duplicate_rows), (0, 3));
    let p = other.import_ledger(&ledger_file, false, &no_progress).unwrap();
    assert_eq!((p.new_rows, p.duplicate_rows), (0, 3), "imported before into the other office's book");
    let mut fresh = ledger();
    fresh.add_feedback(&input("2026-03-02T09:30", "Phạm Văn Khách", "Xin hướng dẫn thủ tục")).unwrap();
    let p = fresh.import_ledger(&ledger_file, false, &no_progress).unwrap();
    assert_eq!((p.new_rows, p.duplicate_rows), (3, 0), "the same minute, another customer: {:?}", p.rows);
}

#[test]
fn a_cancelled_or_refused_export_leaves_no_file() {
    let dir = temp_dir();
    let mut l = ledger();
    for i in 0..1500 {
        l.add_feedback(&input("2026-03-02T09:30", &format!("Khách {i}"), "Nội dung")).unwrap();
    }
    let out = dir.path().join("so.xlsx");
    let e = l.export_ledger(&out, None, None, &|_, _| false).unwrap_err();
    assert!(matches!(e, ykien::Error::Cancelled));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    let e = l.export_ledger(&dir.path().join("so.pdf"), None, None, &no_progress).unwrap_err();
    assert!(e.to_string().contains(".xlsx hoặc .csv"), "{e}");
    let e = l.export_ledger(&out, Some("2026-03-31"), Some("2026-03-01"), &no_progress).unwrap_err();
    assert!(e.to_string().contains("Đến ngày"), "{e}");
}

#[test]
fn the_command_line_exports() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    let out = dir.path().join("so.csv");
    let run = Command::new(env!("CARGO_BIN_EXE_ykien"))
        .arg("--db")
        .arg(&db)
        .args(["export", "ledger", "--out", out.to_str().unwrap(), "--from", "01/01/2026", "--to", "2026-12-31", "--json"])
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");
    let v: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(v["rows"], 0);
    assert!(out.exists());
}

/// Every sheet of an .xlsx as openpyxl reads it: sheet name → rows of [type, value] cells.
pub fn read_xlsx(path: &Path) -> serde_json::Value {
    python(READ_XLSX, path)
}
