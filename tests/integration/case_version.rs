//! A case's version: two desks on one ledger (two connections to one file) each read a case;
//! the second to move it, on what is by then a stale view, is refused and changes nothing.
//! The version rises by one at every kind of change to what the case shows, and never on a
//! read or a refusal.

use crate::cases::input;
use crate::temp_dir;
use chrono::NaiveDateTime;
use serde_json::{json, Value};
use std::cell::Cell;
use std::path::Path;
use std::sync::{Arc, Barrier};
use ykien::commands::{dispatch, Context};
use ykien::*;

const STALE: &str = "Hồ sơ vừa được người khác cập nhật, hãy xem lại.";

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

/// A desk: its own connection to the shared file, its clock on the day of the tests.
fn desk(db: &Path) -> Ledger {
    let mut l = Ledger::open(db).unwrap();
    l.set_clock(Some(at("2026-03-02T10:00")));
    l
}

fn mv(to: Status, note: &str, version: Option<i64>) -> MoveInput {
    MoveInput { to, note: note.into(), channel: None, staff_id: None, version, unit_id: None, at: None }
}

fn step(kind: StepKind, note: &str, version: Option<i64>) -> StepInput {
    StepInput { step: kind, on_date: "2026-03-02".into(), staff_id: None, note: note.into(), version }
}

/// Everything a refusal must leave as it was: the whole case as read, and the audit log.
fn seen(l: &Ledger, id: &str) -> (Value, usize) {
    (serde_json::to_value(l.case(id).unwrap()).unwrap(), l.audit_log(u32::MAX).unwrap().len())
}

fn is_stale(e: &Error) -> bool {
    matches!(e, Error::Conflict(m) if m == STALE)
}

#[test]
fn a_move_made_on_a_stale_view_is_refused_and_changes_nothing() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    let (mut reception, mut unit) = (desk(&db), desk(&db));
    let entered = reception.add_feedback(&input("2026-03-02T09:30", Kind::Reflection, Subject::ProcessingTime)).unwrap();
    assert_eq!(entered.version, 1);

    // Both desks show the case at version 1.
    let shown_at_unit = unit.case(&entered.id).unwrap();
    assert_eq!(shown_at_unit.version, 1);

    // The reception desk moves it first, from what it shows.
    let moved = reception.move_case(&entered.id, &mv(Status::FrontDesk, "", Some(entered.version))).unwrap();
    assert_eq!((moved.status, moved.version), (Status::FrontDesk, 2));

    // The unit's desk still shows «received» and sends a move legal from there: refused.
    let before = seen(&unit, &entered.id);
    let e = unit
        .move_case(&entered.id, &mv(Status::Specialist, "Chuyển Phòng Quản lý thương mại", Some(shown_at_unit.version)))
        .unwrap_err();
    assert!(is_stale(&e), "{e:?}");
    assert_eq!(seen(&unit, &entered.id), before, "a refused move changes nothing");
    assert_eq!(seen(&reception, &entered.id), before, "as the other desk reads it too");

    // Even a move that would be legal from where the case now stands is refused on the
    // stale version: the desk must look at the case again first.
    let e = unit.move_case(&entered.id, &mv(Status::Specialist, "Ngoài thẩm quyền", Some(1))).unwrap_err();
    assert!(is_stale(&e), "{e:?}");
    assert_eq!(seen(&unit, &entered.id), before);

    // Reloaded, the unit's desk moves it from what it now shows.
    let reloaded = unit.case(&entered.id).unwrap();
    assert_eq!((reloaded.status, reloaded.version), (Status::FrontDesk, 2));
    let c = unit.move_case(&entered.id, &mv(Status::Specialist, "Ngoài thẩm quyền", Some(reloaded.version))).unwrap();
    assert_eq!((c.status, c.version), (Status::Specialist, 3));
    assert_eq!(c.history.len(), 3);
}

#[test]
fn a_step_recorded_on_a_stale_view_is_refused_and_changes_nothing() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    let (mut qmr, mut reception) = (desk(&db), desk(&db));
    let c = reception.add_feedback(&input("2026-03-02T09:30", Kind::Complaint, Subject::Attitude)).unwrap();
    let shown = qmr.case(&c.id).unwrap();
    reception.move_case(&c.id, &mv(Status::FrontDesk, "", Some(c.version))).unwrap();

    let before = seen(&qmr, &c.id);
    let e = qmr.record_step(&c.id, &step(StepKind::AttitudeTalk, "Đã trao đổi với cán bộ", Some(shown.version))).unwrap_err();
    assert!(is_stale(&e), "{e:?}");
    assert_eq!(seen(&qmr, &c.id), before);

    let now = qmr.case(&c.id).unwrap();
    let c = qmr.record_step(&c.id, &step(StepKind::AttitudeTalk, "Đã trao đổi với cán bộ", Some(now.version))).unwrap();
    assert_eq!((c.steps.len(), c.version), (1, now.version + 1));
}

#[test]
fn a_move_or_a_step_without_a_version_is_not_checked() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    let (mut a, mut b) = (desk(&db), desk(&db));
    let c = a.add_feedback(&input("2026-03-02T09:30", Kind::Complaint, Subject::Attitude)).unwrap();
    a.move_case(&c.id, &mv(Status::FrontDesk, "", None)).unwrap();
    // The other desk never read the case: without a version, nothing to compare.
    let c = b.record_step(&c.id, &step(StepKind::AttitudeTalk, "Đã trao đổi", None)).unwrap();
    assert_eq!(c.version, 3);

    // A script's JSON written before versions existed runs as it did, through the table.
    let ctx = Context::new(dir.path());
    let moved = dispatch(&mut b, "case_move", json!({ "id": c.id, "step": { "to": "awaiting_customer", "note": "Đã trả lời" } }), &ctx).unwrap();
    assert_eq!((moved["status"].as_str(), moved["version"].as_i64()), (Some("awaiting_customer"), Some(4)));
    // With a stale one, the table answers the conflict as the desk shows it.
    let e = dispatch(&mut a, "case_move", json!({ "id": c.id, "step": { "to": "closed", "version": 3 } }), &ctx).unwrap_err();
    assert_eq!(serde_json::to_value(&e).unwrap(), json!({ "kind": "conflict", "message": STALE }));
    let closed = dispatch(&mut a, "case_move", json!({ "id": c.id, "step": { "to": "closed", "version": 4 } }), &ctx).unwrap();
    assert_eq!((closed["status"].as_str(), closed["version"].as_i64()), (Some("closed"), Some(5)));
}

#[test]
fn two_desks_moving_a_case_at_the_same_moment_one_goes_through() {
    // The version is checked in the write's own transaction: of two desks sending the same
    // move on the same view at once, one goes through and the other is refused as stale
    // (not as an illegal move from where the first left the case).
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    let c = desk(&db).add_feedback(&input("2026-03-02T09:30", Kind::Reflection, Subject::Other)).unwrap();
    for round in 0..10 {
        let shown = desk(&db).case(&c.id).unwrap();
        // Round the loop of seed 000: the unit's answer, the customer, back to the unit.
        let to = match shown.status {
            Status::Received => Status::FrontDesk,
            Status::FrontDesk | Status::AwaitingCustomer => Status::Specialist,
            Status::Specialist => Status::SolutionFeedback,
            Status::SolutionFeedback => Status::AwaitingCustomer,
            other => panic!("not on the loop: {other:?}"),
        };
        let start = Arc::new(Barrier::new(2));
        let desks: Vec<_> = (0..2)
            .map(|d| {
                let (db, start, id) = (db.clone(), start.clone(), c.id.clone());
                std::thread::spawn(move || {
                    let mut l = desk(&db);
                    start.wait();
                    l.move_case(&id, &mv(to, &format!("Lượt {round}, bàn {d}"), Some(shown.version)))
                })
            })
            .collect();
        let answers: Vec<_> = desks.into_iter().map(|t| t.join().unwrap()).collect();
        assert_eq!(answers.iter().filter(|a| a.is_ok()).count(), 1, "round {round}: {answers:?}");
        assert!(answers.iter().filter_map(|a| a.as_ref().err()).all(is_stale), "{answers:?}");
        let now = desk(&db).case(&c.id).unwrap();
        assert_eq!((now.status, now.version, now.history.len()), (to, shown.version + 1, shown.history.len() + 1));
    }
}

#[test]
fn the_version_rises_by_one_with_each_kind_of_change_and_never_on_a_read() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    let mut l = desk(&db);
    let version = |l: &Ledger, id: &str| l.case(id).unwrap().version;

    // Entered at 1, settled on the spot too (entered and closed in one write).
    let mut spot = input("2026-03-02T09:00", Kind::Suggestion, Subject::Procedure);
    spot.settled_on_spot = Some("Đã hướng dẫn tại quầy".into());
    let spot = l.add_feedback(&spot).unwrap();
    assert_eq!((spot.status, spot.version), (Status::Closed, 1));

    let mut written = input("2026-03-02T09:30", Kind::Complaint, Subject::Attitude);
    (written.written, written.formal) = (true, true);
    let id = l.add_feedback(&written).unwrap().id;
    let other = l.add_feedback(&input("2026-03-02T09:40", Kind::Reflection, Subject::Other)).unwrap().id;
    assert_eq!(version(&l, &id), 1);
    let head = l
        .save_staff(&StaffInput {
            id: None,
            full_name: "Lê Thị Mai".into(),
            title: "Trưởng phòng".into(),
            unit_id: None,
            role: Role::UnitHead,
            phone: String::new(),
            email: String::new(),
        })
        .unwrap()
        .id;

    let expected = Cell::new(1);
    let changed = |l: &Ledger, what: &str| {
        expected.set(expected.get() + 1);
        assert_eq!(version(l, &id), expected.get(), "after {what}");
    };

    // A move that accepts a formal complaint writes the case twice and adds a line to its
    // history: one change, one step.
    let c = l.move_case(&id, &mv(Status::FrontDesk, "", None)).unwrap();
    assert!(c.deadlines.accepted_on.is_some());
    changed(&l, "a move");
    l.record_step(&id, &step(StepKind::AttitudeTalk, "Đã trao đổi với cán bộ", None)).unwrap();
    changed(&l, "a mandatory step");
    l.set_exception_deadline(&id, &ExceptionInput { due: "2026-04-30".into(), reason: "Cần xác minh thêm".into(), by: None }).unwrap();
    changed(&l, "the exception deadline");
    l.confirm(&id, &head).unwrap();
    changed(&l, "the unit head's confirmation");
    let letter = l.draft_reply(&id, None, "15/SCT-VP", "Kính gửi ông Nguyễn Văn An").unwrap().letters[0].id.clone();
    changed(&l, "a reply letter drafted");
    l.draft_reply(&id, Some(&letter), "15/SCT-VP", "Kính gửi ông Nguyễn Văn An, Sở đã xem xét").unwrap();
    changed(&l, "the draft rewritten");
    l.sign_reply(&letter, "Trần Văn Hùng", "Giám đốc", "2026-03-02").unwrap();
    changed(&l, "the letter signed");
    l.send_reply(&letter, "2026-03-02", "Bưu điện").unwrap();
    changed(&l, "the letter sent");

    // A corrective action is shown on each case it answers.
    let action = ActionInput {
        id: None,
        kind: ActionKind::Corrective,
        cause: "Cán bộ chưa nắm quy trình".into(),
        action: "Tập huấn lại quy trình tiếp nhận".into(),
        owner_id: None,
        due_date: "2026-03-31".into(),
        case_ids: vec![id.clone()],
        unit_id: None,
        sources: vec![],
    };
    let a = l.save_action(&action).unwrap().id;
    changed(&l, "a corrective action linked");
    l.set_action_status(&a, ActionStatus::Done).unwrap();
    changed(&l, "the action done");
    l.check_action(&a, true, "Không còn phản ánh tương tự", "2026-03-02").unwrap();
    changed(&l, "the action's effectiveness checked");
    let notice = CustomerNoticeInput { case_id: id.clone(), sent_on: "2026-03-02".into(), channel: Channel::OfficialLetter, note: None };
    l.record_customer_notice(&notice).unwrap();
    changed(&l, "the measures letter sent to the customer");
    // Linked to another case instead: both cases change, once each.
    l.save_action(&ActionInput { id: Some(a.clone()), case_ids: vec![other.clone()], ..action.clone() }).unwrap();
    changed(&l, "the action unlinked");
    assert_eq!(version(&l, &other), 2, "the newly linked case");

    // Reads, a shown contact and refusals change nothing.
    l.case_contact(&id).unwrap();
    l.feedback(&FeedbackFilter::default()).unwrap();
    assert!(l.move_case(&id, &mv(Status::Closed, "", None)).is_err(), "not a move from front_desk");
    assert!(l.record_step(&id, &step(StepKind::Investigation, " ", None)).is_err(), "a step without its note");
    assert_eq!(version(&l, &id), expected.get(), "after reads and refusals");

    l.move_case(&id, &mv(Status::AwaitingCustomer, "Đã trả lời khách hàng", None)).unwrap();
    changed(&l, "a move");
    l.move_case(&id, &mv(Status::Closed, "", None)).unwrap();
    changed(&l, "the move that closes it");

    // Erased at the person's request (the case closed): the record shows the erasure.
    let selection = PersonSelection { case_ids: vec![id.clone()], survey_form_ids: Vec::new() };
    l.erase_person(&ErasureRequest { selection, reference: "Đơn số 12/2026".into(), request_date: "2026-03-02".into() }).unwrap();
    changed(&l, "the erasure of the person's data");

    // Another desk reads the same versions from the file.
    assert_eq!(version(&desk(&db), &id), expected.get());
}
