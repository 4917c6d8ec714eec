//! Benchmark of records: importing an old ledger of 100,000 lines from .xlsx (generated here
//! with rust_xlsxwriter), and a verified backup of a database of about 1 GB.
//!
//! `cargo bench --bench records` (YKIEN_BENCH_IMPORT_ROWS=N and YKIEN_BENCH_BACKUP_MB=M for
//! other sizes). Prints the figures; those of record are in BENCHMARKS.md.

mod common;

use std::path::Path;
use std::time::Instant;
use ykien::{no_progress, Ledger};

fn env(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|s| s.parse().ok()).unwrap_or(default)
}

fn import(dir: &Path) {
    let rows = env("YKIEN_BENCH_IMPORT_ROWS", 100_000) as u32;
    let file = dir.join("so-cu.xlsx");
    let t = Instant::now();
    common::write_old_ledger(&file, rows, |i| {
        let content = format!("Phản ánh số {i}: hồ sơ cấp giấy phép kinh doanh bị trả lại, đề nghị hướng dẫn rõ thành phần hồ sơ");
        (format!("Nguyễn Văn Khách {i}"), content)
    });
    let size = std::fs::metadata(&file).unwrap().len();
    println!("ledger of {rows} lines written ({:.1} MB) in {:.1} s", size as f64 / 1e6, t.elapsed().as_secs_f64());

    let mut l = Ledger::open(dir.join("import.db")).unwrap();
    l.save_office(&ykien::demo::demo_office()).unwrap();
    let t = Instant::now();
    let preview = l.import_ledger(&file, false, &no_progress).unwrap();
    let preview_s = t.elapsed().as_secs_f64();
    assert_eq!(preview.new_rows as u32, rows);
    let t = Instant::now();
    let done = l.import_ledger(&file, true, &no_progress).unwrap();
    let commit_s = t.elapsed().as_secs_f64();
    assert!(done.committed);
    println!("preview (read, convert, check, look for duplicates): {preview_s:.1} s");
    println!("import (the same, then store every line in one transaction): {commit_s:.1} s = {:.0} lines/s", rows as f64 / commit_s);
    let t = Instant::now();
    let again = l.import_ledger(&file, true, &no_progress).unwrap();
    assert_eq!(again.new_rows, 0);
    println!("importing the same file again (all duplicates): {:.1} s", t.elapsed().as_secs_f64());
}

/// A database of about `mb` megabytes: the ledger's table filled in bulk by SQL (the speed
/// of a backup depends on the bytes, not on how they were written). Kept between runs.
fn big_database(path: &Path, mb: usize) {
    if path.exists() {
        return;
    }
    let t = Instant::now();
    let l = Ledger::open(path).unwrap();
    drop(l);
    let conn = rusqlite::Connection::open(path).unwrap();
    ykien::store::words::register(&conn).unwrap();
    // About 1.75 KB a row, of which 1.6 KB of content.
    let rows = mb * 1024 * 1024 / 1750;
    conn.execute_batch(&format!(
        "BEGIN;
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows})
         INSERT INTO feedback (id, receipt_year, receipt_seq, received_at, channel, kind, subject, book,
             customer_name, customer_group, content, status, reply_due, search_key, created_at, updated_at)
         SELECT printf('bench-%d', i), 2015 + i % 10, i, printf('%04d-%02d-%02dT09:00', 2015 + i % 10, 1 + i % 12, 1 + i % 28),
             'in_person', 'complaint', 'other', 'feedback', 'Khách hàng ' || i, 'unknown',
             'Nội dung ' || hex(randomblob(790)), 'closed', '2026-01-01', 'k' || i,
             '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
         FROM n;
         COMMIT;"
    ))
    .unwrap();
    drop(conn);
    println!("database of {rows} cases made in {:.0} s", t.elapsed().as_secs_f64());
}

fn backup(target: &Path) {
    let mb = env("YKIEN_BENCH_BACKUP_MB", 1024);
    let db = target.join(format!("big-{mb}.db"));
    big_database(&db, mb);
    let size = std::fs::metadata(&db).unwrap().len();
    let l = Ledger::open(&db).unwrap();
    let dir = tempfile::tempdir_in(target).unwrap();
    for run in 1..=2 {
        let t = Instant::now();
        let b = l.backup_to(dir.path(), &no_progress).unwrap();
        let total = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let check = ykien::store::backup::check_file(Path::new(&b.path), None).unwrap();
        let check_s = t.elapsed().as_secs_f64();
        assert!(check.ok);
        println!(
            "backup {run} of {:.2} GB: {total:.1} s in all (copy, check, flush, rename), of which the check about {check_s:.1} s",
            size as f64 / 1e9
        );
        std::fs::remove_file(&b.path).unwrap();
    }
}

fn main() {
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-records");
    std::fs::create_dir_all(&target).unwrap();
    let dir = tempfile::tempdir_in(&target).unwrap();
    import(dir.path());
    backup(&target);
}
