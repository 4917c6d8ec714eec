//! Importing old ledgers from files written by other programs (tests/fixtures/records, made
//! by LibreOffice with make_fixtures.py): the header found under a title block, dates as
//! dates, text and serial numbers, legacy encodings converted, all-or-nothing, and nothing
//! imported twice.

use crate::temp_dir;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use ykien::import::RowStatus;
use ykien::{no_progress, Book, FeedbackFilter, Ledger, Status};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/records").join(name)
}

fn cases(l: &Ledger) -> Vec<ykien::FeedbackRow> {
    let mut rows = l.feedback(&FeedbackFilter { limit: Some(1000), ..Default::default() }).unwrap().rows;
    rows.reverse();
    rows
}

/// An office with the staff member the old books name as receiver.
pub fn ledger() -> Ledger {
    let mut l = Ledger::open_in_memory().unwrap();
    set_up_office(&mut l);
    l
}

/// The office and the receiver the old books name, in `l`.
pub fn set_up_office(l: &mut Ledger) {
    l.save_office(&ykien::demo::demo_office()).unwrap();
    l.save_staff(&ykien::StaffInput {
        id: None,
        full_name: "Hoàng Thị Mai".into(),
        title: "Chuyên viên".into(),
        unit_id: None,
        role: ykien::Role::Reception,
        phone: String::new(),
        email: String::new(),
    })
    .unwrap();
}

#[test]
fn the_ledger_of_2023_reads_the_same_from_xlsx_ods_and_xls() {
    for name in ["so-ghi-nhan-2023.xlsx", "so-ghi-nhan-2023.ods", "so-ghi-nhan-2023.xls"] {
        let mut l = ledger();
        let preview = l.import_ledger(&fixture(name), false, &no_progress).unwrap();
        assert_eq!(preview.header_row, 6, "{name}: the header sits under the title block");
        assert_eq!((preview.new_rows, preview.error_rows, preview.duplicate_rows), (5, 0, 0), "{name}: {:?}", preview.rows);
        assert!(cases(&l).is_empty(), "{name}: a preview stores nothing");

        let done = l.import_ledger(&fixture(name), true, &no_progress).unwrap();
        assert!(done.committed);
        let rows = cases(&l);
        let got: Vec<(&str, &str)> = rows.iter().map(|r| (&r.received_at[..10], r.customer_name.as_str())).collect();
        assert_eq!(
            got,
            [
                ("2023-01-05", "Nguyễn Văn An"),
                ("2023-01-12", "Trần Thị Bích Ngọc"),
                ("2023-02-14", "Công ty TNHH Minh Phát"),
                ("2023-03-20", "Lê Hữu Đức"),
                ("2023-04-05", "Phạm Thị Hương"),
            ],
            "{name}"
        );
        assert!(rows.iter().all(|r| r.status == Status::Closed), "{name}: old lines are closed cases");
        assert_eq!(rows[2].content, "- Hồ sơ bị trả lại hai lần\n- Không được hướng dẫn rõ", "{name}");
        assert_eq!(rows[4].content, "=Phản ánh thời gian chờ lâu", "{name}: formula-like text stays text");
        // The receiver named in the book is matched to the staff list of the office.
        assert_eq!(rows[0].receiver_name.as_deref(), Some("Hoàng Thị Mai"), "{name}");
        let case = l.case(&rows[0].id).unwrap();
        assert!(case.history[0].note.contains(&format!("tệp «{name}», dòng 8")), "{name}: {:?}", case.history[0].note);
        assert!(case.history[0].note.contains("Đã xác nhận"), "{name}");
        assert!(l.check().unwrap().ok);
    }
}

#[test]
fn imported_lines_are_found_by_accent_free_search_and_the_index_checks_out() {
    let dir = temp_dir();
    let mut l = Ledger::open(dir.path().join("ykien.db")).unwrap();
    l.save_office(&ykien::demo::demo_office()).unwrap();
    l.import_ledger(&fixture("so-ghi-nhan-2023.xlsx"), true, &no_progress).unwrap();
    let find = |q: &str| -> Vec<String> {
        let page = l.feedback(&FeedbackFilter { search: Some(q.into()), ..Default::default() }).unwrap();
        page.rows.into_iter().map(|r| r.customer_name).collect()
    };
    assert_eq!(find("bich ngoc"), ["Trần Thị Bích Ngọc"]);
    assert_eq!(find("MINH PHÁT"), ["Công ty TNHH Minh Phát"]);
    assert_eq!(find("2023/000004"), ["Lê Hữu Đức"], "the receipt number is in the key");
    // The search index agrees with the book, row for row (FTS5's own check).
    let conn = rusqlite::Connection::open(dir.path().join("ykien.db")).unwrap();
    conn.execute("INSERT INTO feedback_search (feedback_search) VALUES ('integrity-check')", []).unwrap();
    let keys: i64 = conn.query_row("SELECT count(*) FROM feedback WHERE search_key = ''", [], |r| r.get(0)).unwrap();
    assert_eq!(keys, 0, "every line has its search key");
}

/// The import sets the search index's insert trigger aside while it stores its lines; after
/// it, whether it went through or was cancelled, the trigger is back as the migration made
/// it, and a case entered by hand is found again.
#[test]
fn after_an_import_or_its_cancellation_new_cases_are_indexed_as_before() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    let mut l = Ledger::open(&db).unwrap();
    l.save_office(&ykien::demo::demo_office()).unwrap();
    let trigger = || -> String {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.query_row("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'feedback_search_insert'", [], |r| r.get(0))
            .unwrap()
    };
    let made = trigger();
    let big = dir.path().join("so-lon.xlsx");
    big_ledger(&big, 1200);
    let e = l.import_ledger(&big, true, &|done, _| done < 500).unwrap_err();
    assert!(matches!(e, ykien::Error::Cancelled), "{e:?}");
    assert_eq!(l.feedback(&FeedbackFilter::default()).unwrap().total, 0, "a cancelled import stores nothing");
    assert_eq!(trigger(), made);
    l.import_ledger(&fixture("so-ghi-nhan-2023.xlsx"), true, &no_progress).unwrap();
    assert_eq!(trigger(), made);
    let staff = l.staff(None).unwrap();
    let mut input = crate::cases::input("2026-03-02T09:30", ykien::Kind::Suggestion, ykien::Subject::Procedure);
    input.customer_name = "Đặng Thị Quỳnh Như".into();
    input.receiver_id = staff.first().map(|s| s.id.clone());
    l.add_feedback(&input).unwrap();
    let found = l.feedback(&FeedbackFilter { search: Some("quynh nhu".into()), ..Default::default() }).unwrap();
    assert_eq!(found.rows.iter().map(|r| r.customer_name.as_str()).collect::<Vec<_>>(), ["Đặng Thị Quỳnh Như"]);
}

#[test]
fn importing_again_adds_nothing_twice_even_from_another_format() {
    let mut l = ledger();
    l.import_ledger(&fixture("so-ghi-nhan-2023.xlsx"), true, &no_progress).unwrap();
    let audit = l.audit_log(u32::MAX).unwrap().len();
    for name in ["so-ghi-nhan-2023.xlsx", "so-ghi-nhan-2023.ods"] {
        let again = l.import_ledger(&fixture(name), true, &no_progress).unwrap();
        assert_eq!((again.new_rows, again.duplicate_rows), (0, 5), "{name}");
    }
    assert_eq!(cases(&l).len(), 5);
    // Only the (empty) batches were recorded.
    assert_eq!(l.audit_log(u32::MAX).unwrap().len(), audit + 2);
}

#[test]
fn a_broken_row_imports_nothing_and_the_preview_names_row_and_column() {
    let mut l = ledger();
    let audit = l.audit_log(u32::MAX).unwrap().len();
    let preview = l.import_ledger(&fixture("so-co-dong-loi.ods"), false, &no_progress).unwrap();
    assert_eq!((preview.new_rows, preview.error_rows), (2, 2));
    let errors: Vec<&String> = preview.rows.iter().flat_map(|r| &r.errors).collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].starts_with("Dòng 8, cột «Ngày tháng tiếp nhận»") && errors[0].contains("31/02/2024"), "{}", errors[0]);
    assert!(errors[1].starts_with("Dòng 9, cột «Nội dung ý kiến»"), "{}", errors[1]);
    // The variant headers were understood: STT, Họ và tên, Nội dung, Loại ý kiến, Cán bộ tiếp nhận.
    let kinds: Vec<_> = preview.rows.iter().filter(|r| r.status == RowStatus::New).map(|r| r.kind).collect();
    assert_eq!(kinds, [ykien::Kind::Suggestion, ykien::Kind::Request]);

    let e = l.import_ledger(&fixture("so-co-dong-loi.ods"), true, &no_progress).unwrap_err();
    assert!(e.to_string().contains("2 dòng lỗi nên chưa nhập dòng nào"), "{e}");
    assert!(cases(&l).is_empty());
    assert_eq!(l.audit_log(u32::MAX).unwrap().len(), audit);
}

#[test]
fn tcvn3_and_vni_text_is_converted_and_shown_before_it_is_stored() {
    for (name, encoding, names) in [
        ("so-tcvn3.xls", "tcvn3", ["Nguyễn Văn An", "Trần Thị Bích Ngọc"]),
        ("so-vni.xlsx", "vni", ["Nguyễn Văn An", "Lê Hữu Đức"]),
    ] {
        let mut l = ledger();
        let preview = l.import_ledger(&fixture(name), false, &no_progress).unwrap();
        let json = serde_json::to_value(&preview).unwrap();
        assert_eq!(json["encoding"], encoding, "{name}");
        assert!(preview.converted_cells >= 8, "{name}: {}", preview.converted_cells);
        assert_eq!(preview.columns[2].header, "Nội dung ý kiến phản ánh của khách hàng", "{name}: headers converted too");
        let shown: Vec<&str> = preview.rows.iter().map(|r| r.customer_name.as_str()).collect();
        assert_eq!(shown, names, "{name}");
        assert!(preview.rows.iter().all(|r| r.converted));
        assert_eq!(preview.rows[0].content, "Thái độ phục vụ của cán bộ một cửa chưa niềm nở", "{name}");
        l.import_ledger(&fixture(name), true, &no_progress).unwrap();
        let stored: Vec<String> = cases(&l).into_iter().map(|r| r.customer_name).collect();
        assert_eq!(stored, names, "{name}");
    }
}

#[test]
fn a_csv_with_a_bom_and_semicolons() {
    let mut l = ledger();
    let p = l.import_ledger(&fixture("so-ghi-nhan-bom.csv"), true, &no_progress).unwrap();
    assert_eq!(p.new_rows, 2);
    let rows = cases(&l);
    assert_eq!(rows[0].customer_name, "Đặng Văn Tùng");
    assert_eq!(rows[0].content, "Phản ánh \"chậm trả kết quả\"; đề nghị nhắn tin khi có kết quả");
    assert_eq!(rows[1].receiver_name, None);
}

#[test]
fn files_that_are_not_ledgers_are_refused_in_vietnamese() {
    let dir = temp_dir();
    let mut l = ledger();
    let fake = dir.path().join("sổ.xlsx");
    std::fs::write(&fake, b"PK\x03\x04 not really a zip").unwrap();
    let e = l.import_ledger(&fake, false, &no_progress).unwrap_err();
    assert!(e.to_string().contains("Không đọc được bảng tính «sổ.xlsx»"), "{e}");
    let other = dir.path().join("ghi chú.docx");
    std::fs::write(&other, b"x").unwrap();
    assert!(l.import_ledger(&other, false, &no_progress).unwrap_err().to_string().contains(".xlsx, .xls, .ods hoặc .csv"));
    let no_header = dir.path().join("lạ.csv");
    std::fs::write(&no_header, "a,b,c\n1,2,3\n").unwrap();
    assert!(l.import_ledger(&no_header, false, &no_progress).unwrap_err().to_string().contains("Không tìm thấy dòng tiêu đề"));
}

#[test]
fn long_pastes_nfd_text_and_future_dates_are_row_errors() {
    let dir = temp_dir();
    let mut l = ledger();
    let path = dir.path().join("sổ.csv");
    let long = "a".repeat(50_000);
    let nfd = "Nguye\u{0302}\u{0303}n Va\u{0306}n An";
    std::fs::write(&path, format!("Ngày tháng,Tên khách hàng,Nội dung\n02/03/2023,{nfd},Góp ý\n03/03/2023,Bình,{long}\n01/01/2999,An,Nội dung\n")).unwrap();
    let p = l.import_ledger(&path, false, &no_progress).unwrap();
    assert_eq!(p.rows[0].customer_name, "Nguyễn Văn An");
    assert!(p.rows[1].errors[0].contains("Dòng 3, cột «Nội dung ý kiến»") && p.rows[1].errors[0].contains("50000 ký tự"), "{:?}", p.rows[1].errors);
    assert!(p.rows[2].errors[0].contains("ở tương lai"), "{:?}", p.rows[2].errors);
}

#[test]
fn the_command_line_previews_and_imports_with_json() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    let ykien = |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_ykien")).arg("--db").arg(&db).args(args).output().unwrap();
    let file = fixture("so-ghi-nhan-2023.xlsx");
    let dry = ykien(&["import", "ledger", file.to_str().unwrap(), "--dry-run", "--json"]);
    assert!(dry.status.success(), "{dry:?}");
    let v: serde_json::Value = serde_json::from_slice(&dry.stdout).unwrap();
    assert_eq!((v["new_rows"].as_i64(), v["committed"].as_bool()), (Some(5), Some(false)));
    let done = ykien(&["import", "ledger", file.to_str().unwrap(), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&done.stdout).unwrap();
    assert_eq!(v["committed"], true);
    let broken = ykien(&["import", "ledger", fixture("so-co-dong-loi.ods").to_str().unwrap()]);
    assert_eq!(broken.status.code(), Some(1));
    let err = String::from_utf8_lossy(&broken.stderr);
    assert!(err.contains("Dòng 8, cột «Ngày tháng tiếp nhận»"), "{err}");
    let list = ykien(&["feedback", "list", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(v["total"], 5);
}

/// A ledger of `rows` lines written with rust_xlsxwriter, as a big old book.
pub fn big_ledger(path: &Path, rows: u32) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, "SỔ GHI NHẬN Ý KIẾN CỦA KHÁCH HÀNG").unwrap();
    for (c, h) in ["Ngày tháng", "Tên khách hàng", "Nội dung ý kiến phản ánh của khách hàng", "Người tiếp nhận"].iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    for i in 0..rows {
        let r = i + 3;
        let day = 43831 + (i % 1800); // from 01/01/2020
        ws.write_number(r, 0, day as f64).unwrap();
        ws.write_string(r, 1, format!("Khách hàng số {i}")).unwrap();
        ws.write_string(r, 2, format!("Phản ánh số {i} về thời gian giải quyết hồ sơ đất đai tại bộ phận một cửa")).unwrap();
        ws.write_string(r, 3, "Hoàng Thị Mai").unwrap();
    }
    book.save(path).unwrap();
}

#[test]
fn sigkill_during_an_import_leaves_the_database_as_it_was() {
    const ROUNDS: usize = 8;
    // Kills that must land inside the import's transaction (after it reported lines written,
    // before the commit) for the test to prove anything.
    const MIN_INSIDE: usize = 4;
    const LINES: i32 = 4000;
    let dir = temp_dir();
    let file = dir.path().join("sổ lớn.xlsx");
    big_ledger(&file, LINES as u32);
    let fresh_db = |n: usize| {
        let db = dir.path().join(format!("ykien-{n}.db"));
        Ledger::open(&db).unwrap();
        db
    };
    let mut db = fresh_db(0);
    let deps = std::env::current_exe().unwrap().parent().unwrap().to_owned();
    let worker = deps.parent().unwrap().join("examples").join(format!("records_worker{}", std::env::consts::EXE_SUFFIX));
    let (seed, mut rng) = crate::crash::seeded("IMPORT_CRASH_SEED", "import crash test");
    let (mut inside, mut committed) = (0, 0);
    for round in 0..ROUNDS {
        let mut child = Command::new(&worker).arg("import").arg(&db).arg(&file).stdout(Stdio::piped()).spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in std::io::BufRead::lines(std::io::BufReader::new(stdout)).map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let wait = std::time::Duration::from_secs(60);
        assert_eq!(rx.recv_timeout(wait).as_deref(), Ok("started"), "round {round}");
        // The first progress report comes from inside the transaction, 500 lines in: from
        // there a kill lands inside the write unless the rest of it is quicker than the pause.
        let first = rx.recv_timeout(wait).unwrap_or_default();
        assert!(first.starts_with("writing "), "round {round}: {first}");
        std::thread::sleep(std::time::Duration::from_millis(rng.next() % 150));
        child.kill().unwrap(); // SIGKILL on Unix: no destructor, no rollback, no checkpoint.
        child.wait().unwrap();
        reader.join().unwrap();
        let done = rx.try_iter().any(|l| l.starts_with("done"));
        let l = Ledger::open(&db).unwrap();
        let report = l.check().unwrap();
        assert!(report.ok, "round {round} (seed {seed}): {:?}", report.problems);
        let total = l.feedback(&FeedbackFilter { book: Some(Book::Feedback), limit: Some(0), ..Default::default() }).unwrap().total;
        // All or nothing: the whole book, or none of it.
        assert!(total == 0 || total == LINES, "round {round} (seed {seed}): {total} lines stored");
        if total == 0 {
            assert!(!done, "round {round} (seed {seed}): reported done but nothing stored");
            inside += 1;
        } else {
            // Committed before the kill: the next round imports into a new database, where
            // the lines are not duplicates.
            committed += 1;
            db = fresh_db(round + 1);
        }
    }
    println!("{inside} of {ROUNDS} kills landed inside the import's transaction; {committed} imports committed first");
    assert!(
        inside >= MIN_INSIDE,
        "only {inside} of {ROUNDS} kills landed inside the import's transaction, too few to prove anything (replay with IMPORT_CRASH_SEED={seed})"
    );
}
