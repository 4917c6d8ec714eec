//! Formal complaints under the Law on Complaints (acceptance decision, complex cases, their
//! deadlines in the lists and counts, the notice), seed 001's routing for results and for
//! settlements on the spot, on real files.

use crate::cases::{input, mv_to};
use crate::pdf::Pdf;
use crate::temp_dir;
use chrono::NaiveDateTime;
use ykien::*;

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

fn ledger_at(now: &str) -> Ledger {
    let mut l = Ledger::open_in_memory().unwrap();
    l.set_clock(Some(at(now)));
    l.save_office(&ykien::demo::demo_office()).unwrap();
    l
}

fn formal_complaint(received: &str) -> FeedbackInput {
    let mut f = input(received, Kind::Complaint, Subject::ProcessingTime);
    f.formal = true;
    f.written = true;
    f.channel = Channel::OfficialLetter;
    f
}

fn accept(decision: Acceptance, reason: &str) -> AcceptanceInput {
    AcceptanceInput { decision, reason: reason.into(), version: None }
}

fn receipts(l: &Ledger, filter: FeedbackFilter) -> Vec<String> {
    l.feedback(&filter).unwrap().rows.into_iter().map(|r| r.receipt_no).collect()
}

fn overdue_on(l: &Ledger, day: &str) -> Vec<String> {
    receipts(l, FeedbackFilter { overdue_on: Some(day.into()), ..FeedbackFilter::default() })
}

fn due_soon_on(l: &Ledger, day: &str) -> Vec<String> {
    receipts(l, FeedbackFilter { due_soon_on: Some(day.into()), ..FeedbackFilter::default() })
}

#[test]
fn an_acceptance_after_its_ten_days_is_recorded_flagged_late_and_complex_gives_forty_five_days() {
    let mut l = ledger_at("2026-03-02T10:00");
    let c = l.add_feedback(&formal_complaint("2026-03-02T09:30")).unwrap();
    // Art. 27: 10 days to accept; the reply clock of seed 001 (30 days) runs beside it.
    assert_eq!(c.deadlines.formal_accept_due.as_deref(), Some("2026-03-12"));
    assert_eq!(c.deadlines.due, "2026-04-01");
    assert_eq!(c.deadlines.law_due.as_deref(), Some("2026-03-12"));

    // The acceptance deadline is in the due-soon and overdue lists and counts, though the
    // reply deadline is weeks away.
    assert_eq!(due_soon_on(&l, "2026-03-10"), vec![c.receipt_no.clone()]);
    assert!(overdue_on(&l, "2026-03-12").is_empty(), "nothing is late on its deadline day");
    assert_eq!(overdue_on(&l, "2026-03-13"), vec![c.receipt_no.clone()]);
    l.set_clock(Some(at("2026-03-13T08:00")));
    let counts = l.case_counts().unwrap();
    assert_eq!((counts.open, counts.overdue, counts.due_soon), (1, 1, 0));
    let shown = l.case(&c.id).unwrap();
    assert!(shown.deadlines.law_overdue && !shown.deadlines.overdue, "{:?}", shown.deadlines);
    // Starting the handling does not stand for the decision: the complainant is still owed it.
    l.move_case(&c.id, &mv_to(Status::FrontDesk)).unwrap();
    assert_eq!(overdue_on(&l, "2026-03-13"), vec![c.receipt_no.clone()]);

    // Recorded on the 16th, after its 10 days: recorded all the same, and flagged late.
    l.set_clock(Some(at("2026-03-16T09:00")));
    let c = l.decide_acceptance(&c.id, &accept(Acceptance::Accepted, " Đơn đủ điều kiện thụ lý theo Điều 27 ")).unwrap();
    let d = &c.deadlines;
    assert_eq!(d.acceptance, Some(Acceptance::Accepted));
    assert!(d.acceptance_late);
    assert_eq!((d.acceptance_on.as_deref(), d.accepted_on.as_deref()), (Some("2026-03-16"), Some("2026-03-16")));
    assert_eq!(d.acceptance_reason.as_deref(), Some("Đơn đủ điều kiện thụ lý theo Điều 27"));
    // Art. 28: 30 days from the acceptance.
    assert_eq!(d.formal_decide_due.as_deref(), Some("2026-04-15"));
    assert_eq!(d.law_due.as_deref(), Some("2026-04-15"));
    let line = c.history.last().unwrap();
    assert_eq!(line.what, Some(EventWhat::Acceptance));
    assert!(line.note.contains("ghi sau thời hạn thụ lý"), "{}", line.note);
    assert!(overdue_on(&l, "2026-03-16").is_empty());
    assert!(l.audit_log(5).unwrap().iter().any(|e| e.entity == "feedback" && e.after.as_deref().is_some_and(|a| a.contains("\"late\":true"))));

    // Decided once: a second decision is refused and changes nothing.
    let before = (l.case(&c.id).unwrap().history.len(), l.audit_log(u32::MAX).unwrap().len());
    let e = l.decide_acceptance(&c.id, &accept(Acceptance::Refused, "Đổi ý")).unwrap_err();
    assert!(matches!(e, Error::Conflict(_)), "{e:?}");
    assert_eq!((l.case(&c.id).unwrap().history.len(), l.audit_log(u32::MAX).unwrap().len()), before);

    // Marked complex, with its reason: 45 days from the acceptance.
    let e = l.mark_complex(&c.id, &ComplexInput { reason: "  ".into(), version: None }).unwrap_err();
    assert!(matches!(&e, Error::Validation { field, .. } if field == "reason"), "{e:?}");
    let c = l.mark_complex(&c.id, &ComplexInput { reason: "Nhiều cơ sở liên quan, cần xác minh thực địa".into(), version: Some(c.version) }).unwrap();
    assert!(c.complex);
    assert_eq!(c.deadlines.complex_reason.as_deref(), Some("Nhiều cơ sở liên quan, cần xác minh thực địa"));
    assert_eq!(c.deadlines.formal_decide_due.as_deref(), Some("2026-04-30"));
    assert_eq!(c.history.last().unwrap().what, Some(EventWhat::Complex));
    assert!(matches!(l.mark_complex(&c.id, &ComplexInput { reason: "Lần nữa".into(), version: None }), Err(Error::Conflict(_))));
    assert_eq!(due_soon_on(&l, "2026-04-28"), vec![c.receipt_no.clone()]);
    // The reply deadline passes first (1 April): overdue on it, whatever the Law's clock.
    assert_eq!(overdue_on(&l, "2026-04-02"), vec![c.receipt_no.clone()]);

    // The notice to the complainant, in the administrative-letter layout.
    let printed = l.print(&PrintJob::AcceptanceNotice { receipt_no: c.receipt_no.clone() }).unwrap();
    assert_eq!(printed.file_name, format!("thong-bao-thu-ly-{}.pdf", c.receipt_no.replace('/', "-")));
    let pdf = Pdf::new(&printed.bytes);
    pdf.assert_sound();
    let text = pdf.text(None);
    crate::pdf::assert_in_order(&text, &["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "thụ lý giải quyết khiếu nại", "Kính gửi", "16/03/2026", "45 ngày", "30/04/2026", "Nơi nhận"]);
}

#[test]
fn a_refusal_ends_the_laws_clock_and_only_formal_complaints_are_decided() {
    let mut l = ledger_at("2026-03-02T10:00");
    let c = l.add_feedback(&formal_complaint("2026-03-02T09:30")).unwrap();
    let e = l.decide_acceptance(&c.id, &accept(Acceptance::Refused, "")).unwrap_err();
    assert!(matches!(&e, Error::Validation { field, .. } if field == "reason"), "{e:?}");
    let c = l.decide_acceptance(&c.id, &accept(Acceptance::Refused, "Khiếu nại đã có quyết định giải quyết lần hai (Điều 11)")).unwrap();
    assert_eq!(c.deadlines.acceptance, Some(Acceptance::Refused));
    assert!(!c.deadlines.acceptance_late);
    assert!(c.deadlines.formal_decide_due.is_none() && c.deadlines.law_due.is_none());
    assert!(overdue_on(&l, "2026-03-20").is_empty());
    // The first move no longer accepts it behind the decision's back.
    let c = l.move_case(&c.id, &mv_to(Status::FrontDesk)).unwrap();
    assert!(c.deadlines.accepted_on.is_none() && c.deadlines.formal_decide_due.is_none());
    assert!(matches!(l.mark_complex(&c.id, &ComplexInput { reason: "Phức tạp".into(), version: None }), Err(Error::Conflict(_))));
    let text = Pdf::new(&l.print(&PrintJob::AcceptanceNotice { receipt_no: c.receipt_no.clone() }).unwrap().bytes).text(None);
    crate::pdf::assert_in_order(&text, &["không thụ lý giải quyết khiếu nại", "Lý do: Khiếu nại đã có quyết định"]);

    // Ordinary feedback has no acceptance decision, and no notice to print.
    let plain = l.add_feedback(&input("2026-03-02T09:40", Kind::Complaint, Subject::ProcessingTime)).unwrap();
    let e = l.decide_acceptance(&plain.id, &accept(Acceptance::Accepted, "Thụ lý")).unwrap_err();
    assert!(matches!(&e, Error::Conflict(m) if m.contains("Luật Khiếu nại")), "{e:?}");
    let formal = l.add_feedback(&formal_complaint("2026-03-02T09:45")).unwrap();
    let e = l.print(&PrintJob::AcceptanceNotice { receipt_no: formal.receipt_no.clone() }).unwrap_err();
    assert!(matches!(&e, Error::Conflict(m) if m.contains("chưa có quyết định thụ lý")), "{e:?}");
}

/// A ledger with accounts: the clerk, a unit head of `unit`, the QMR and a director, each
/// signed in by `as_user`.
pub fn with_accounts(l: &mut Ledger, unit: &str) -> Vec<(&'static str, String)> {
    const FIRST: &str = "mat khau dau tien";
    let staff = |l: &mut Ledger, name: &str, unit: Option<&str>, role: Role| {
        let input = StaffInput { id: None, full_name: name.into(), title: String::new(), unit_id: unit.map(str::to_owned), role, phone: String::new(), email: String::new() };
        l.save_staff(&input).unwrap().id
    };
    let people = vec![
        ("quantri", staff(l, "Phạm Thị Lan", None, Role::Administrator)),
        ("tiepnhan", staff(l, "Nguyễn Thị Thanh Hương", None, Role::Reception)),
        ("truongdonvi", staff(l, "Trịnh Văn Lộc", Some(unit), Role::UnitHead)),
        ("qmr", staff(l, "Cao Thị Diệu Linh", None, Role::QualityOfficer)),
        ("lanhdao", staff(l, "Trần Văn Hùng", None, Role::Leadership)),
    ];
    for (login, staff_id) in &people {
        l.create_account(&AccountInput { staff_id: staff_id.clone(), login: (*login).into(), password: FIRST.into() }).unwrap();
        if *login == "quantri" {
            l.sign_in(login, FIRST).unwrap();
        }
    }
    for (login, _) in &people[1..] {
        l.sign_out();
        l.sign_in(login, FIRST).unwrap();
        l.change_password(FIRST, PASSWORD).unwrap();
    }
    l.sign_out();
    people
}

pub const PASSWORD: &str = "mật khẩu riêng 2026";

pub fn as_user(l: &mut Ledger, login: &str) {
    l.sign_out();
    l.sign_in(login, PASSWORD).unwrap();
}

#[test]
fn a_decision_by_someone_not_allowed_is_refused_and_changes_nothing() {
    let mut l = ledger_at("2026-03-02T10:00");
    let unit = l.save_unit(&UnitInput { id: None, name: "Phòng Quản lý thương mại".into(), code: "QLTM".into() }).unwrap().id;
    with_accounts(&mut l, &unit);
    as_user(&mut l, "tiepnhan");
    let mut f = formal_complaint("2026-03-02T09:30");
    f.unit_id = Some(unit.clone());
    let c = l.add_feedback(&f).unwrap();
    for login in ["tiepnhan", "truongdonvi"] {
        as_user(&mut l, login);
        let before = l.case(&c.id).unwrap();
        let e = l.decide_acceptance(&c.id, &accept(Acceptance::Accepted, "Thụ lý")).unwrap_err();
        assert!(matches!(&e, Error::Forbidden(m) if m.contains("thụ lý")), "{login}: {e:?}");
        let e = l.mark_complex(&c.id, &ComplexInput { reason: "Phức tạp".into(), version: None }).unwrap_err();
        assert!(matches!(e, Error::Forbidden(_)), "{login}: {e:?}");
        let after = l.case(&c.id).unwrap();
        assert_eq!((after.version, after.history.len()), (before.version, before.history.len()), "{login}");
    }
    // The QMR records the decision (of leadership, which may too).
    as_user(&mut l, "qmr");
    let c = l.decide_acceptance(&c.id, &accept(Acceptance::Accepted, "Đủ điều kiện")).unwrap();
    assert_eq!(c.history.last().unwrap().actor, "qmr (Cao Thị Diệu Linh)");
    as_user(&mut l, "lanhdao");
    assert!(l.mark_complex(&c.id, &ComplexInput { reason: "Nhiều bên liên quan".into(), version: None }).unwrap().complex);
}

#[test]
fn a_complaint_about_a_result_takes_the_appeals_route_and_a_settlement_waits_for_the_qmr() {
    let mut l = ledger_at("2026-03-02T10:00");
    let certification = l.save_unit(&UnitInput { id: None, name: "Phòng Chứng nhận sản phẩm".into(), code: "CN".into() }).unwrap().id;
    // The designated unit is an office setting, refused when it names no unit.
    let e = l.save_settings(&Settings { result_unit_id: Some("khong-co".into()), ..Settings::default() }).unwrap_err();
    assert!(matches!(&e, Error::Validation { field, .. } if field == "unit_id"), "{e:?}");
    l.save_settings(&Settings { result_unit_id: Some(certification.clone()), ..Settings::default() }).unwrap();
    with_accounts(&mut l, &certification);
    as_user(&mut l, "tiepnhan");

    // A khiếu nại about a certification result, entered without a unit, goes to the
    // designated unit and must be reported to the QMR with a corrective action, as an appeal.
    let c = l.add_feedback(&input("2026-03-02T09:30", Kind::Complaint, Subject::ServiceResult)).unwrap();
    assert_eq!(c.unit_id.as_deref(), Some(certification.as_str()));
    let required: Vec<domain::workflow::Requirement> = c.requirements.iter().map(|r| r.requirement).collect();
    assert_eq!(required, [domain::workflow::Requirement::Step(StepKind::ReportedToQmr), domain::workflow::Requirement::CorrectiveAction]);
    // A phàn nàn about a result keeps the common route.
    let grievance = l.add_feedback(&input("2026-03-02T09:35", Kind::Grievance, Subject::ServiceResult)).unwrap();
    assert!(grievance.requirements.is_empty() && grievance.unit_id.is_none());

    // Settled on the spot: reported to the QMR, in the QMR's list until marked seen.
    let mut spot = input("2026-03-02T09:40", Kind::Suggestion, Subject::ProcessingTime);
    spot.settled_on_spot = Some("Đã hướng dẫn nộp hồ sơ trực tuyến".into());
    let spot = l.add_feedback(&spot).unwrap();
    assert_eq!(spot.status, Status::Closed);
    assert!(spot.settlement_unseen);
    let qmr_list = |l: &Ledger| receipts(l, FeedbackFilter { waits_for: Some(WaitsFor::Qmr), ..FeedbackFilter::default() });
    let mut expected = vec![spot.receipt_no.clone(), c.receipt_no.clone()];
    assert_eq!(qmr_list(&l), expected);
    let e = l.mark_settlement_seen(&spot.id).unwrap_err();
    assert!(matches!(e, Error::Forbidden(_)), "{e:?}");
    as_user(&mut l, "qmr");
    let seen = l.mark_settlement_seen(&spot.id).unwrap();
    assert!(!seen.settlement_unseen);
    assert_eq!(seen.history.last().unwrap().what, Some(EventWhat::Seen));
    expected.remove(0);
    assert_eq!(qmr_list(&l), expected);
    // Seen once; a case that was not settled on the spot is not one to see.
    assert!(matches!(l.mark_settlement_seen(&spot.id), Err(Error::Conflict(_))));
    assert!(matches!(l.mark_settlement_seen(&c.id), Err(Error::Conflict(_))));
}

#[test]
fn the_command_line_accepts_marks_complex_and_prints_the_notice() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    let ykien = |login: Option<&str>, args: &[&str]| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_ykien"));
        c.arg("--db").arg(&db).env("YKIEN_PASSWORD", ykien::demo::DEMO_PASSWORD);
        if let Some(login) = login {
            c.args(["--as", login]);
        }
        c.args(args).output().unwrap()
    };
    let run = |login: &str, args: &[&str]| {
        let o = ykien(Some(login), args);
        assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    assert!(ykien(None, &["demo"]).status.success());
    let receipt = run("tiepnhan", &[
        "feedback", "add", "--channel", "official_letter", "--kind", "complaint", "--subject", "processing_time", "--customer", "Lê Văn Tám",
        "--content", "Khiếu nại việc giải quyết hồ sơ quá hạn", "--written", "--formal",
    ]);
    let receipt = receipt.trim();
    // The clerk may not decide; the QMR records it.
    let o = ykien(Some("tiepnhan"), &["feedback", "accept", receipt, "--decision", "accepted", "--reason", "Đủ điều kiện thụ lý", "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let e: serde_json::Value = serde_json::from_str(&String::from_utf8_lossy(&o.stdout)).unwrap();
    assert_eq!(e["error"]["kind"], "forbidden");
    let o = ykien(Some("qmr"), &["feedback", "accept", receipt, "--decision", "maybe", "--reason", "x", "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let e: serde_json::Value = serde_json::from_str(&String::from_utf8_lossy(&o.stdout)).unwrap();
    assert_eq!(e["error"]["field"], "decision");
    let case: serde_json::Value =
        serde_json::from_str(&run("qmr", &["feedback", "accept", receipt, "--decision", "accepted", "--reason", "Đủ điều kiện thụ lý", "--json"])).unwrap();
    assert_eq!(case["deadlines"]["acceptance"], "accepted");
    let case: serde_json::Value = serde_json::from_str(&run("qmr", &["feedback", "complex", receipt, "--reason", "Cần xác minh tại cơ sở", "--json"])).unwrap();
    assert_eq!(case["complex"], true);
    assert_eq!(case["deadlines"]["complex_reason"], "Cần xác minh tại cơ sở");
    assert!(case["deadlines"]["formal_decide_due"].is_string(), "{case}");
    let shown = run("qmr", &["feedback", "show", receipt]);
    assert!(shown.contains("(vụ việc phức tạp)"), "{shown}");
    let out = dir.path().join("thong-bao.pdf");
    run("tiepnhan", &["print", "acceptance", receipt, "--out", out.to_str().unwrap()]);
    Pdf::new(&std::fs::read(&out).unwrap()).assert_sound();
}
