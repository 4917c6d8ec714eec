//! The «Bản in» folder (src/prints.rs): a print names citizens, so a person's erasure empties
//! the caller's folder, and while the data is encrypted no print is kept at all.

use crate::cases::input;
use crate::temp_dir;
use serde_json::json;
use ykien::commands::{dispatch, Context};
use ykien::*;

#[test]
fn a_persons_erasure_removes_the_prints_that_may_name_them() {
    let dir = temp_dir();
    let mut l = Ledger::open(dir.path().join("ykien.db")).unwrap();
    l.set_clock(Some(chrono::NaiveDateTime::parse_from_str("2026-03-02T10:00", "%Y-%m-%dT%H:%M").unwrap()));
    l.save_office(&ykien::demo::demo_office()).unwrap();
    let settled = FeedbackInput {
        settled_on_spot: Some("Đã hướng dẫn bổ sung hồ sơ ngay tại chỗ".into()),
        ..input("2026-03-02T09:30", Kind::Reflection, Subject::ProcessingTime)
    };
    let case = l.add_feedback(&settled).unwrap();
    let prints = dir.path().join("Bản in");
    let ctx = Context::new(&prints);
    dispatch(&mut l, "print_open", json!({ "job": { "form": "receipts", "receipt_nos": [case.receipt_no] } }), &ctx).unwrap();
    let mine = prints.join("ghi chú của cán bộ.txt");
    std::fs::write(&mine, "không phải bản in").unwrap();
    assert_eq!(std::fs::read_dir(&prints).unwrap().count(), 2, "the receipt slip was printed");

    let request = json!({ "request": {
        "selection": { "case_ids": [case.id] },
        "reference": "Đơn đề nghị ngày 02/03/2026",
        "request_date": "02/03/2026",
    } });
    dispatch(&mut l, "person_erase", request, &ctx).unwrap();
    let left: Vec<_> = std::fs::read_dir(&prints).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(left, [mine], "every print went with the erased records, nothing else");
}

#[test]
fn no_print_is_kept_while_the_data_is_encrypted() {
    let dir = temp_dir();
    let mut l = Ledger::open(dir.path().join("ykien.db")).unwrap();
    assert_eq!(l.print_keep_days().unwrap(), 7, "a week by default");
    l.save_settings(&Settings { print_keep_days: 2, ..Settings::default() }).unwrap();
    assert_eq!(l.print_keep_days().unwrap(), 2);
    let e = l.save_settings(&Settings { print_keep_days: 91, ..Settings::default() }).unwrap_err();
    assert!(e.to_string().contains("Giữ bản in trong thư mục Bản in (ngày) phải từ 0 đến 90"), "{e}");

    l.encryption_on("mật khẩu dữ liệu của cơ quan").unwrap();
    assert_eq!(l.print_keep_days().unwrap(), 0);
    let prints = dir.path().join("Bản in");
    std::fs::create_dir_all(&prints).unwrap();
    std::fs::write(prints.join("so-ghi-nhan.pdf"), b"%PDF-1.7").unwrap();
    assert_eq!(l.tidy_prints(&prints).unwrap(), 1, "made a moment ago, removed all the same");
}

#[test]
fn at_a_desk_of_the_office_server_an_erasure_empties_the_desks_own_prints() {
    let dir = temp_dir();
    let server = crate::desk_tasks::serve_demo(dir.path());
    let closed = {
        let mut l = Ledger::open(dir.path().join("ykien.db")).unwrap();
        l.sign_in("quantri", ykien::demo::DEMO_PASSWORD).unwrap();
        let filter = FeedbackFilter { status: Some(Status::Closed), ..FeedbackFilter::default() };
        l.feedback(&filter).unwrap().rows.remove(0).id
    };
    let admin = crate::desk_tasks::desk(&server, "quantri");
    let desk_dir = temp_dir();
    let prints = desk_dir.path().join("Bản in");
    std::fs::create_dir_all(&prints).unwrap();
    std::fs::write(prints.join("phieu-tiep-nhan.pdf"), b"%PDF-1.7").unwrap();
    let request = json!({ "request": {
        "selection": { "case_ids": [closed] },
        "reference": "Đơn đề nghị số 7",
        "request_date": "2026-01-05",
    } });
    admin.dispatch("person_erase", request, &Context::new(&prints), None).unwrap();
    assert_eq!(std::fs::read_dir(&prints).unwrap().count(), 0, "the desk's prints went with the records");
}
