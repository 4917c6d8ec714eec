//! Retention and disposal: the records past their period, erased of personal data and free
//! text (in the audit log too) while the counts stay, with the disposal record as PDF/A.

use crate::export::filled_in;
use crate::pdf::Pdf;
use crate::temp_dir;
use chrono::NaiveDate;
use ykien::{FeedbackFilter, Kind};

#[test]
fn disposal_erases_personal_data_keeps_counts_and_prints_its_record() {
    let dir = temp_dir();
    let mut l = filled_in(2022);
    let before = l.feedback(&FeedbackFilter { limit: Some(1000), ..Default::default() }).unwrap();
    assert_eq!(before.total, 4);

    // Closed on 2022-03-02: due from 2025-03-02 with the ledger's 3 years. The open case never is.
    assert!(l.retention_due("2025-03-01").unwrap().records.is_empty());
    let due = l.retention_due("02/03/2025").unwrap();
    assert_eq!(due.retention_years, 3);
    assert_eq!(due.records.len(), 3, "{:?}", due.records);
    assert_eq!(due.records[0].due_on, "2025-03-02");

    let out = dir.path().join("biên bản.pdf");
    l.set_clock(NaiveDate::from_ymd_opt(2025, 3, 2).unwrap().and_hms_opt(9, 0, 0));
    let report = l.dispose("2025-03-02", &out).unwrap();
    assert_eq!(report.disposal.records.len(), 3);
    assert!(report.disposal.redacted_audit_entries >= 3);

    // Counts by kind, status and date are what they were.
    let after = l.feedback(&FeedbackFilter { limit: Some(1000), ..Default::default() }).unwrap();
    assert_eq!(after.total, before.total);
    let key = |p: &ykien::FeedbackPage| p.rows.iter().map(|r| (r.receipt_no.clone(), r.kind, r.status, r.received_at.clone())).collect::<Vec<_>>();
    assert_eq!(key(&after), key(&before));
    // The names and contents are gone, from the cases, the search and the audit log.
    for r in after.rows.iter().filter(|r| r.status == ykien::Status::Closed) {
        assert_eq!((r.customer_name.as_str(), r.content.as_str()), ("", ""));
        let case = l.case(&r.id).unwrap();
        assert!(case.history.iter().all(|e| e.note.is_empty()));
        assert_eq!(case.resolution, "");
    }
    assert_eq!(l.feedback(&FeedbackFilter { search: Some("nguyen van an".into()), ..Default::default() }).unwrap().total, 0);
    let log = serde_json::to_string(&l.audit_log(u32::MAX).unwrap()).unwrap();
    assert!(!log.contains("Nguyễn Văn An") && !log.contains("Trần Thị Bích"), "personal data left in the audit log");
    assert!(log.contains("Phạm Văn Mở"), "the open case keeps its data");
    // The chain still verifies, and the disposal names what it erased.
    let check = l.check().unwrap();
    assert!(check.ok, "{:?}", check.problems);

    let pdf = Pdf::new(&std::fs::read(&out).unwrap());
    pdf.assert_sound();
    let text = pdf.text(None);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in ["BIÊN BẢN", "Tiêu huỷ hồ sơ, tài liệu hết thời hạn lưu trữ", "2022/000001", "2022/000003", "Tổng số: 3 hồ sơ",
                     "NGƯỜI LẬP BIÊN BẢN", "CÁN BỘ CHẤT LƯỢNG", "THỦ TRƯỞNG CƠ QUAN", &check.audit_head.clone().unwrap()[..16]] {
        assert!(flat.contains(expected), "{expected:?} missing from:\n{flat}");
    }
    assert!(!flat.contains("Nguyễn Văn An"), "the record lists no personal data");

    // Nothing is due twice.
    let e = l.dispose("2025-03-02", &dir.path().join("lại.pdf")).unwrap_err();
    assert!(e.to_string().contains("Không có hồ sơ nào"), "{e}");
    assert!(!dir.path().join("lại.pdf").exists());
    let kinds: Vec<Kind> = report.disposal.records.iter().map(|r| r.kind).collect();
    assert_eq!(kinds.len(), 3);
}

#[test]
fn the_command_line_lists_what_is_due_and_disposes() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    {
        let mut l = ykien::Ledger::open(&db).unwrap();
        crate::export::fill_into(&mut l, 2022);
    }
    let ykien = |args: &[&str]| std::process::Command::new(env!("CARGO_BIN_EXE_ykien")).arg("--db").arg(&db).args(args).output().unwrap();
    let due = ykien(&["retention", "due", "--on", "2026-01-01", "--json"]);
    assert!(due.status.success(), "{due:?}");
    let v: serde_json::Value = serde_json::from_slice(&due.stdout).unwrap();
    assert_eq!(v["records"].as_array().unwrap().len(), 3);
    assert_eq!(v["records"][0]["receipt_no"], "2022/000001");
    assert!(v["records"][0].get("customer_name").is_none());
    let out = dir.path().join("bb.pdf");
    let done = ykien(&["retention", "dispose", "--on", "2026-01-01", "--out", out.to_str().unwrap()]);
    assert!(done.status.success(), "{done:?}");
    assert!(out.exists());
    assert!(ykien(&["check"]).status.success());
    let none = ykien(&["retention", "due", "--on", "2026-01-01", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&none.stdout).unwrap();
    assert_eq!(v["records"].as_array().unwrap().len(), 0);
}
