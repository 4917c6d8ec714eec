//! The feedback book and the workflow of seeds 000 and 001, on real files.

use crate::temp_dir;
use chrono::NaiveDateTime;
use ykien::*;

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

pub fn input(received: &str, kind: Kind, subject: Subject) -> FeedbackInput {
    FeedbackInput {
        received_at: received.into(),
        channel: Channel::InPerson,
        kind,
        subject,
        book: Book::Feedback,
        customer_name: "Nguyễn Văn An".into(),
        customer_org: String::new(),
        customer_address: "Thôn 3, xã Ea Tu".into(),
        customer_phone: "0905 123 456".into(),
        customer_email: String::new(),
        customer_group: CustomerGroup::FirstTime,
        content: "Hồ sơ cấp giấy chứng nhận đủ điều kiện kinh doanh bị trả lại hai lần".into(),
        receiver_id: None,
        unit_id: None,
        written: false,
        formal: false,
        settled_on_spot: None,
    }
}

fn ledger_at(now: &str) -> Ledger {
    let mut l = Ledger::open_in_memory().unwrap();
    l.set_clock(Some(at(now)));
    l
}

/// A move to `to` with no note, as a form sends it.
pub fn mv_to(to: Status) -> MoveInput {
    mv(to, "")
}

fn mv(to: Status, note: &str) -> MoveInput {
    MoveInput { to, note: note.into(), channel: None, staff_id: None, version: None, unit_id: None, at: None }
}

/// Everything that a refused operation must leave as it was.
fn snapshot(l: &Ledger, id: &str) -> (String, usize, usize) {
    let c = l.case(id).unwrap();
    (c.status.as_str().to_owned(), c.history.len(), l.audit_log(u32::MAX).unwrap().len())
}

#[test]
fn receipt_numbers_run_per_year_without_gaps() {
    let mut l = ledger_at("2027-01-05T10:00");
    let a = l.add_feedback(&input("2026-12-31T16:00", Kind::Praise, Subject::Other)).unwrap();
    let b = l.add_feedback(&input("2026-12-31T16:30", Kind::Suggestion, Subject::Procedure)).unwrap();
    let c = l.add_feedback(&input("2027-01-02T08:00", Kind::Request, Subject::Other)).unwrap();
    assert_eq!([a.receipt_no, b.receipt_no, c.receipt_no], ["2026/000001", "2026/000002", "2027/000001"]);
    // A refused entry does not use up a number.
    let mut bad = input("2027-01-03T08:00", Kind::Request, Subject::Other);
    bad.customer_name = " ".into();
    assert!(l.add_feedback(&bad).is_err());
    let d = l.add_feedback(&input("2027-01-03T08:00", Kind::Request, Subject::Other)).unwrap();
    assert_eq!(d.receipt_no, "2027/000002");
}

#[test]
fn concurrent_saves_never_share_a_receipt_number() {
    let dir = temp_dir();
    let path = dir.path().join("ykien.db");
    Ledger::open(&path).unwrap();
    let workers: Vec<_> = (0..4)
        .map(|w| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut l = Ledger::open(&path).unwrap();
                (0..50)
                    .map(|i| {
                        let mut f = input("2026-05-04T09:00", Kind::Reflection, Subject::Other);
                        f.customer_name = format!("Khách {w}-{i}");
                        l.add_feedback(&f).unwrap().receipt_no
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut all: Vec<String> = workers.into_iter().flat_map(|w| w.join().unwrap()).collect();
    all.sort();
    let expected: Vec<String> = (1..=200).map(|n| format!("2026/{n:06}")).collect();
    assert_eq!(all, expected);
}

#[test]
fn the_main_path_of_seed_000_with_its_history() {
    let mut l = ledger_at("2026-03-02T10:00");
    let c = l.add_feedback(&input("2026-03-02T09:30", Kind::Reflection, Subject::ProcessingTime)).unwrap();
    assert_eq!(c.status, Status::Received);
    assert_eq!(c.deadlines.reply_due, "2026-04-01");
    let steps = [
        (Status::FrontDesk, ""),
        (Status::Specialist, "Ngoài thẩm quyền của bộ phận một cửa"),
        (Status::SolutionFeedback, "Phòng QLTM hướng dẫn bổ sung bản sao hợp đồng"),
        (Status::AwaitingCustomer, ""),
        (Status::Closed, "Khách hàng đồng ý qua điện thoại"),
    ];
    let mut c = c;
    for (to, note) in steps {
        c = l.move_case(&c.id, &mv(to, note)).unwrap();
        assert_eq!(c.status, to);
    }
    assert_eq!(c.history.len(), 6);
    assert_eq!(c.history[2].from_status, Some(Status::FrontDesk));
    assert_eq!(c.resolution, "Khách hàng đồng ý qua điện thoại");
    assert_eq!(c.closed_at.as_deref(), Some("2026-03-02T10:00"));
    assert!(c.next_moves.is_empty());
    assert!(!c.deadlines.overdue);
}

#[test]
fn every_illegal_move_is_refused_and_changes_nothing() {
    // Reach each state, then try every target that is not a legal move from it.
    let paths: &[&[Status]] = &[
        &[],
        &[Status::FrontDesk],
        &[Status::FrontDesk, Status::AwaitingCustomer],
        &[Status::Specialist],
        &[Status::Specialist, Status::SolutionFeedback],
        &[Status::Specialist, Status::Leadership],
        &[Status::FrontDesk, Status::AwaitingCustomer, Status::Closed],
    ];
    for path in paths {
        let mut l = ledger_at("2026-03-02T10:00");
        let c = l.add_feedback(&input("2026-03-02T09:30", Kind::Request, Subject::Other)).unwrap();
        for &to in *path {
            l.move_case(&c.id, &mv(to, "ghi chú")).unwrap();
        }
        let here = l.case(&c.id).unwrap().status;
        let legal: Vec<Status> = l.case(&c.id).unwrap().next_moves.iter().map(|m| m.to).collect();
        for &to in Status::ALL {
            if legal.contains(&to) {
                continue;
            }
            let before = snapshot(&l, &c.id);
            let err = l.move_case(&c.id, &mv(to, "thử")).unwrap_err();
            assert!(matches!(err, Error::Conflict(_)), "{here:?} → {to:?}: {err:?}");
            assert_eq!(snapshot(&l, &c.id), before, "{here:?} → {to:?} changed something");
        }
        // And every legal move is accepted (on a fresh copy of the path each time).
        for to in legal {
            let mut l2 = ledger_at("2026-03-02T10:00");
            let c2 = l2.add_feedback(&input("2026-03-02T09:30", Kind::Request, Subject::Other)).unwrap();
            for &step in *path {
                l2.move_case(&c2.id, &mv(step, "ghi chú")).unwrap();
            }
            assert_eq!(l2.move_case(&c2.id, &mv(to, "ghi chú")).unwrap().status, to);
        }
    }
}

#[test]
fn moves_that_carry_a_solution_need_a_note() {
    let mut l = ledger_at("2026-03-02T10:00");
    let c = l.add_feedback(&input("2026-03-02T09:30", Kind::Request, Subject::Other)).unwrap();
    let before = snapshot(&l, &c.id);
    let err = l.move_case(&c.id, &mv(Status::Specialist, "  ")).unwrap_err();
    assert!(matches!(&err, Error::Validation { field, .. } if field == "note"), "{err:?}");
    assert_eq!(snapshot(&l, &c.id), before);
}

#[test]
fn settled_on_the_spot_is_one_entry() {
    let mut l = ledger_at("2026-03-02T10:00");
    let mut f = input("2026-03-02T09:30", Kind::Grievance, Subject::ProcessingTime);
    f.settled_on_spot = Some("Giải thích thời hạn 15 ngày làm việc theo quy định; khách hàng đồng ý".into());
    let c = l.add_feedback(&f).unwrap();
    assert_eq!(c.status, Status::Closed);
    assert_eq!(c.history.len(), 2);
    assert!(c.history[1].note.starts_with("Giải quyết ngay tại chỗ"));
    assert_eq!(c.resolution, f.settled_on_spot.unwrap());

    // A confidentiality complaint has mandatory steps: it cannot be settled on the spot.
    let mut f = input("2026-03-02T09:40", Kind::Complaint, Subject::Confidentiality);
    f.settled_on_spot = Some("Đã giải thích".into());
    let err = l.add_feedback(&f).unwrap_err();
    assert!(matches!(&err, Error::Validation { field, .. } if field == "settled_on_spot"), "{err:?}");
    assert_eq!(l.feedback(&FeedbackFilter::default()).unwrap().total, 1);
}

fn to_awaiting(l: &mut Ledger, id: &str) {
    l.move_case(id, &mv(Status::FrontDesk, "")).unwrap();
    l.move_case(id, &mv(Status::AwaitingCustomer, "Đã trả lời khách hàng")).unwrap();
}

#[test]
fn attitude_complaints_need_the_talk_before_closing() {
    let mut l = ledger_at("2026-03-02T10:00");
    let c = l.add_feedback(&input("2026-03-02T09:30", Kind::Complaint, Subject::Attitude)).unwrap();
    to_awaiting(&mut l, &c.id);
    let before = snapshot(&l, &c.id);
    let err = l.move_case(&c.id, &mv(Status::Closed, "")).unwrap_err();
    assert!(err.to_string().contains("rút kinh nghiệm"), "{err}");
    assert_eq!(snapshot(&l, &c.id), before);
    let c = l
        .record_step(&c.id, &StepInput { step: StepKind::AttitudeTalk, on_date: "2026-03-03".into(), staff_id: None, note: "QMR trao đổi với cán bộ Lê Hoàng Phúc; cán bộ nhận khuyết điểm".into(), version: None })
        .unwrap();
    assert!(c.requirements.iter().all(|r| r.done));
    assert_eq!(l.move_case(&c.id, &mv(Status::Closed, "")).unwrap().status, Status::Closed);
}

#[test]
fn confidentiality_needs_investigation_and_a_corrective_action_and_written_needs_a_sent_reply() {
    let mut l = ledger_at("2026-03-02T10:00");
    let mut f = input("2026-03-02T09:30", Kind::Complaint, Subject::Confidentiality);
    f.written = true;
    f.channel = Channel::OfficialLetter;
    let c = l.add_feedback(&f).unwrap();
    assert_eq!(c.requirements.len(), 3);
    to_awaiting(&mut l, &c.id);
    l.record_step(&c.id, &StepInput { step: StepKind::Investigation, on_date: "2026-03-05".into(), staff_id: None, note: "Rò rỉ do gửi nhầm thư điện tử".into(), version: None }).unwrap();
    let action = l
        .save_action(&ActionInput {
            id: None,
            kind: ActionKind::Corrective,
            cause: "Gửi nhầm địa chỉ thư điện tử".into(),
            action: "Kiểm tra địa chỉ người nhận hai lần; tập huấn bảo mật".into(),
            owner_id: None,
            due_date: "2026-03-31".into(),
            case_ids: vec![c.id.clone()],
            unit_id: None,
            sources: vec![],
        })
        .unwrap();
    assert_eq!(action.cases, vec![c.receipt_no.clone()]);
    let err = l.move_case(&c.id, &mv(Status::Closed, "")).unwrap_err();
    assert!(err.to_string().contains("Công văn trả lời"), "{err}");

    let c = l.draft_reply(&c.id, None, "", "Kính gửi ông Nguyễn Văn An, …").unwrap();
    let letter = c.letters[0].id.clone();
    // Sending before signing is refused.
    assert!(l.send_reply(&letter, "2026-03-20", "Bưu điện").is_err());
    l.sign_reply(&letter, "Trần Văn Hùng", "Giám đốc", "2026-03-19").unwrap();
    let c = l.send_reply(&letter, "2026-03-20", "Bưu điện").unwrap();
    assert_eq!(c.letters[0].status, LetterStatus::Sent);
    assert!(c.requirements.iter().all(|r| r.done), "{:?}", c.requirements);
    assert_eq!(l.move_case(&c.id, &mv(Status::Closed, "")).unwrap().status, Status::Closed);

    // The action's effectiveness check: done first, then verified.
    assert!(l.check_action(&action.id, true, "Không tái diễn", "2026-06-30").is_err());
    l.set_action_status(&action.id, ActionStatus::Done).unwrap();
    let a = l.check_action(&action.id, true, "Không tái diễn sau 3 tháng", "2026-06-30").unwrap();
    assert_eq!(a.status, ActionStatus::Verified);
}

/// R2.5 and seed 001 bước 2: an appeal against a certification result goes to the head of
/// the unit that issued the result, who reviews it and reports to the QMR and leadership, and
/// a corrective action follows (QT-07-HTCL). The route, as the core holds it: the report is
/// recorded by the head of the case's unit and by nobody below (the clerk, another unit's
/// head are refused and nothing changes), the audit log names who recorded it, and the
/// case cannot close until both the report and a corrective action are there.
#[test]
fn an_appeal_on_a_result_is_reported_to_the_qmr_by_its_units_head_before_it_closes() {
    use domain::workflow::Requirement;
    const FIRST: &str = "mat khau dau tien";
    const PASSWORD: &str = "mật khẩu riêng 2026";
    let mut l = ledger_at("2026-03-02T10:00");
    let unit = |l: &mut Ledger, name: &str, code: &str| l.save_unit(&UnitInput { id: None, name: name.into(), code: code.into() }).unwrap().id;
    let certification = unit(&mut l, "Phòng Chứng nhận sản phẩm", "CN");
    let trade = unit(&mut l, "Phòng Quản lý thương mại", "QLTM");
    let staff = |l: &mut Ledger, name: &str, unit: Option<&str>, role: Role| {
        let input = StaffInput { id: None, full_name: name.into(), title: String::new(), unit_id: unit.map(str::to_owned), role, phone: String::new(), email: String::new() };
        l.save_staff(&input).unwrap().id
    };
    let people = [
        ("quantri", staff(&mut l, "Phạm Thị Lan", None, Role::Administrator)),
        ("tiepnhan", staff(&mut l, "Nguyễn Thị Thanh Hương", None, Role::Reception)),
        ("truongcn", staff(&mut l, "Trịnh Văn Lộc", Some(&certification), Role::UnitHead)),
        ("truongtm", staff(&mut l, "Y Moan Êban", Some(&trade), Role::UnitHead)),
        ("qmr", staff(&mut l, "Cao Thị Diệu Linh", None, Role::QualityOfficer)),
    ];
    let head = people[2].1.clone();
    // The administrator's account first, then the others, each user choosing a password.
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
    let as_user = |l: &mut Ledger, login: &str| {
        l.sign_out();
        l.sign_in(login, PASSWORD).unwrap();
    };

    // The clerk enters the appeal for the unit that issued the result and passes it on.
    as_user(&mut l, "tiepnhan");
    let mut appeal = input("2026-03-02T09:30", Kind::Appeal, Subject::ServiceResult);
    appeal.unit_id = Some(certification.clone());
    appeal.content = "Kháng nghị kết quả chứng nhận hợp quy sản phẩm số 12/2026: mẫu thử lấy sai lô".into();
    let c = l.add_feedback(&appeal).unwrap();
    let required: Vec<(Requirement, bool)> = c.requirements.iter().map(|r| (r.requirement, r.done)).collect();
    assert_eq!(required, [(Requirement::Step(StepKind::ReportedToQmr), false), (Requirement::CorrectiveAction, false)]);
    let c = l.move_case(&c.id, &mv(Status::Specialist, "Chuyển Phòng Chứng nhận sản phẩm xem xét lại kết quả")).unwrap();
    assert_eq!((c.status, c.unit_name.as_deref()), (Status::Specialist, Some("Phòng Chứng nhận sản phẩm")));

    // The report to the QMR is the unit head's: the clerk and another unit's head are refused.
    let report = StepInput {
        step: StepKind::ReportedToQmr,
        on_date: "2026-03-04".into(),
        staff_id: Some(head.clone()),
        note: "Đã xem xét lại hồ sơ thử nghiệm; báo cáo QMR và Giám đốc: lấy lại mẫu đúng lô".into(),
        version: None,
    };
    // What a refusal must leave as it was, as a clerk may read it (the audit log is the QMR's).
    let seen = |l: &Ledger| {
        let c = l.case(&c.id).unwrap();
        (c.status, c.history.len(), c.steps.len(), c.requirements.iter().filter(|r| r.done).count())
    };
    for login in ["tiepnhan", "truongtm"] {
        as_user(&mut l, login);
        let before = seen(&l);
        let err = l.record_step(&c.id, &report).unwrap_err();
        assert!(matches!(err, Error::Forbidden(_)), "{login}: {err:?}");
        assert_eq!(seen(&l), before, "{login}: a refused report changed the case");
    }
    as_user(&mut l, "qmr");
    assert!(!l.audit_log(u32::MAX).unwrap().iter().any(|e| e.entity == "case_step"), "a refused report reached the audit log");
    as_user(&mut l, "truongcn");
    let c = l.record_step(&c.id, &report).unwrap();
    assert_eq!(c.steps.len(), 1);
    assert_eq!((c.steps[0].step, c.steps[0].staff_name.as_deref()), (StepKind::ReportedToQmr, Some("Trịnh Văn Lộc")));
    let required: Vec<(Requirement, bool)> = c.requirements.iter().map(|r| (r.requirement, r.done)).collect();
    assert_eq!(required, [(Requirement::Step(StepKind::ReportedToQmr), true), (Requirement::CorrectiveAction, false)]);
    let c = l.move_case(&c.id, &mv(Status::SolutionFeedback, "Lấy lại mẫu đúng lô, thử nghiệm lại trong 10 ngày")).unwrap();

    // The QMR reads in the audit log who reported.
    as_user(&mut l, "qmr");
    let log = l.audit_log(50).unwrap();
    let entry = log.iter().find(|e| e.entity == "case_step").expect("the report is in the audit log");
    assert!(entry.actor.contains("truongcn") && entry.actor.contains("Trịnh Văn Lộc"), "{}", entry.actor);

    // Back at the front desk, the case cannot close without the corrective action.
    as_user(&mut l, "tiepnhan");
    l.move_case(&c.id, &mv(Status::AwaitingCustomer, "")).unwrap();
    let before = seen(&l);
    let err = l.move_case(&c.id, &mv(Status::Closed, "")).unwrap_err();
    assert!(err.to_string().contains("Hành động khắc phục"), "{err}");
    assert_eq!(seen(&l), before);

    as_user(&mut l, "qmr");
    l.save_action(&ActionInput {
        id: None,
        kind: ActionKind::Corrective,
        cause: "Lấy mẫu thử không đúng lô hàng đăng ký".into(),
        action: "Bổ sung bước đối chiếu số lô khi lấy mẫu".into(),
        owner_id: Some(head.clone()),
        due_date: "2026-04-30".into(),
        case_ids: vec![c.id.clone()],
        unit_id: None,
        sources: vec![],
    })
    .unwrap();
    as_user(&mut l, "tiepnhan");
    assert_eq!(l.move_case(&c.id, &mv(Status::Closed, "")).unwrap().status, Status::Closed);
}

#[test]
fn deadlines_follow_the_settings_and_the_holidays() {
    let mut l = ledger_at("2026-12-01T10:00");
    l.save_settings(&Settings { count_working_days: true, reply_deadline_days: 10, ..Settings::default() }).unwrap();
    l.add_holiday("2026-09-02", "Quốc khánh").unwrap();
    l.add_holiday("2026-09-01", "Nghỉ Quốc khánh").unwrap();
    // Received Friday 2026-08-28: Mon 31 Aug is day 1; 1–2 September are skipped; Thu 3,
    // Fri 4, Mon 7 … Fri 11 are days 2–8; Mon 14 and Tue 15 are days 9 and 10.
    let c = l.add_feedback(&input("2026-08-28T15:00", Kind::Request, Subject::Other)).unwrap();
    assert_eq!(c.deadlines.reply_due, "2026-09-15");
    // Changing the settings later does not move a deadline already given to a citizen.
    l.save_settings(&Settings::default()).unwrap();
    assert_eq!(l.case(&c.id).unwrap().deadlines.reply_due, "2026-09-15");
}

#[test]
fn overdue_and_due_soon_lists() {
    let mut l = ledger_at("2026-04-10T08:00");
    let late = l.add_feedback(&input("2026-03-02T09:30", Kind::Reflection, Subject::Other)).unwrap(); // due 2026-04-01
    let on_time = l.add_feedback(&input("2026-03-02T09:40", Kind::Reflection, Subject::Other)).unwrap();
    let fresh = l.add_feedback(&input("2026-03-12T09:00", Kind::Reflection, Subject::Other)).unwrap(); // due 2026-04-13 (11th is Sat)
    assert_eq!(fresh.deadlines.reply_due, "2026-04-13");

    // Closed on the deadline day itself: on time.
    l.set_clock(Some(at("2026-04-01T16:59")));
    to_awaiting(&mut l, &on_time.id);
    let closed = l.move_case(&on_time.id, &mv(Status::Closed, "")).unwrap();
    assert!(!closed.deadlines.overdue);

    let overdue = |l: &Ledger, d: &str| -> Vec<String> {
        l.feedback(&FeedbackFilter { overdue_on: Some(d.into()), ..Default::default() }).unwrap().rows.into_iter().map(|r| r.receipt_no).collect()
    };
    assert!(overdue(&l, "2026-04-01").is_empty(), "nothing is overdue on its deadline day");
    assert_eq!(overdue(&l, "2026-04-02"), vec![late.receipt_no.clone()]);
    assert_eq!(overdue(&l, "2026-04-14"), vec![fresh.receipt_no.clone(), late.receipt_no.clone()]);

    l.set_clock(Some(at("2026-04-10T08:00")));
    let counts = l.case_counts().unwrap();
    assert_eq!((counts.open, counts.overdue, counts.due_soon), (2, 1, 1));
    assert_counts_open_the_book(&l);
    let c = l.case(&late.id).unwrap();
    assert!(c.deadlines.overdue);
    assert_eq!(c.deadlines.days_left, Some(-9));

    // The director's exception deadline replaces the reply deadline, with its reason.
    let c = l.set_exception_deadline(&late.id, &ExceptionInput { due: "2026-04-30".into(), reason: "Cần xác minh tại cơ sở".into(), by: None }).unwrap();
    assert_eq!(c.deadlines.due, "2026-04-30");
    assert!(!c.deadlines.overdue);
    assert!(overdue(&l, "2026-04-14").len() == 1);
}

#[test]
fn formal_complaints_have_their_own_clock() {
    let mut l = ledger_at("2026-03-02T10:00");
    let mut f = input("2026-03-02T09:30", Kind::Complaint, Subject::ServiceResult);
    f.formal = true;
    let c = l.add_feedback(&f).unwrap();
    assert_eq!(c.deadlines.formal_accept_due.as_deref(), Some("2026-03-12"));
    assert!(c.deadlines.formal_decide_due.is_none());
    l.set_clock(Some(at("2026-03-05T08:00")));
    let c = l.move_case(&c.id, &mv(Status::FrontDesk, "")).unwrap();
    assert_eq!(c.deadlines.accepted_on.as_deref(), Some("2026-03-05"));
    // 30 days from Thursday 2026-03-05 is Saturday 2026-04-04: moved to Monday.
    assert_eq!(c.deadlines.formal_decide_due.as_deref(), Some("2026-04-06"));
}

#[test]
fn bad_entries_name_the_field_and_store_nothing() {
    let mut l = ledger_at("2026-03-02T10:00");
    let cases: Vec<(FeedbackInput, &str)> = vec![
        (FeedbackInput { received_at: "2026-02-30T09:00".into(), ..input("", Kind::Request, Subject::Other) }, "received_at"),
        (FeedbackInput { received_at: "2026-03-09T09:00".into(), ..input("", Kind::Request, Subject::Other) }, "received_at"),
        (FeedbackInput { content: "x".repeat(50_000), ..input("2026-03-02T09:00", Kind::Request, Subject::Other) }, "content"),
        (FeedbackInput { content: "\n  \n".into(), ..input("2026-03-02T09:00", Kind::Request, Subject::Other) }, "content"),
        (FeedbackInput { unit_id: Some("không-có".into()), ..input("2026-03-02T09:00", Kind::Request, Subject::Other) }, "unit_id"),
    ];
    for (f, field) in cases {
        match l.add_feedback(&f) {
            Err(Error::Validation { field: got, message }) => {
                assert_eq!(got, field, "{message}");
                assert!(!message.is_empty());
            }
            other => panic!("{field}: expected a validation error, got {other:?}"),
        }
    }
    assert_eq!(l.feedback(&FeedbackFilter::default()).unwrap().total, 0);
    assert!(l.audit_log(10).unwrap().is_empty());

    // Formula-like text is kept as text.
    let c = l.add_feedback(&FeedbackInput { content: "=cmd|' /C calc'!A0".into(), ..input("2026-03-02T09:00", Kind::Request, Subject::Other) }).unwrap();
    assert_eq!(c.content, "=cmd|' /C calc'!A0");
}

#[test]
fn search_ignores_accents_and_finds_receipt_numbers() {
    use unicode_normalization::UnicodeNormalization;
    let mut l = ledger_at("2026-03-02T10:00");
    let mut f = input("2026-03-02T09:30", Kind::Complaint, Subject::ProcessingTime);
    f.customer_name = "Trần Thị Đồng".nfd().collect();
    f.content = "Chậm trả kết quả đăng ký nhãn hiệu".nfd().collect();
    let c = l.add_feedback(&f).unwrap();
    assert_eq!(c.customer_name, "Trần Thị Đồng");
    l.add_feedback(&input("2026-03-02T09:40", Kind::Praise, Subject::Attitude)).unwrap();
    let find = |q: &str| l.feedback(&FeedbackFilter { search: Some(q.into()), ..Default::default() }).unwrap().rows;
    for q in ["tran thi dong", "DONG", "nhan hieu", "chậm trả", "2026/000001", "000001"] {
        let rows = find(q);
        assert_eq!(rows.len(), 1, "{q}");
        assert_eq!(rows[0].receipt_no, "2026/000001");
    }
    assert_eq!(find("nguyen van an").len(), 1);
    assert!(find("lê").is_empty());
}

#[test]
fn the_unit_head_confirms_entries() {
    let mut l = ledger_at("2026-03-02T10:00");
    let u = l.save_unit(&UnitInput { id: None, name: "Phòng Quản lý thương mại".into(), code: "QLTM".into() }).unwrap();
    let head = l
        .save_staff(&StaffInput { id: None, full_name: "Y Moan Êban".into(), title: "Trưởng phòng".into(), unit_id: Some(u.id.clone()), role: Role::UnitHead, phone: String::new(), email: String::new() })
        .unwrap();
    let c = l.add_feedback(&FeedbackInput { unit_id: Some(u.id), ..input("2026-03-02T09:30", Kind::Suggestion, Subject::Procedure) }).unwrap();
    let c = l.confirm(&c.id, &head.id).unwrap();
    assert_eq!(c.confirmed_by_name.as_deref(), Some("Y Moan Êban"));
    assert_eq!(c.confirmed_at.as_deref(), Some("2026-03-02T10:00"));
}

/// The opening screen's counts are the totals of the book's lists they open, today.
fn assert_counts_open_the_book(l: &Ledger) {
    let today = l.today().to_string();
    let total = |f: FeedbackFilter| l.feedback(&FeedbackFilter { limit: Some(0), ..f }).unwrap().total;
    let counts = l.case_counts().unwrap();
    assert_eq!(counts.overdue, total(FeedbackFilter { overdue_on: Some(today.clone()), ..Default::default() }));
    assert_eq!(counts.due_soon, total(FeedbackFilter { due_soon_on: Some(today), ..Default::default() }));
    let open = l.feedback(&FeedbackFilter { limit: Some(1000), ..Default::default() }).unwrap().rows;
    assert_eq!(counts.open as usize, open.iter().filter(|r| r.status != Status::Closed).count());
}

#[test]
fn the_opening_counts_equal_the_lists_they_open_on_the_demo_data() {
    let mut l = Ledger::open_in_memory().unwrap();
    ykien::demo::fill(&mut l).unwrap();
    let counts = l.case_counts().unwrap();
    assert!(counts.open > 0 && counts.overdue > 0 && counts.due_soon > 0, "{counts:?}");
    assert_counts_open_the_book(&l);
}

/// Searching reads a page either by walking the book and testing each case's key (a common
/// word) or through the trigram index (a rare one), whichever reads fewer rows; small and
/// large pages, first and later, take both ways. Every page must be the cases whose
/// accent-free key holds the query, in the book's order, as SQLite's own `instr` finds them.
#[test]
fn search_pages_are_the_same_cases_whichever_way_they_are_read() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    let mut l = Ledger::open(&db).unwrap();
    ykien::demo::fill(&mut l).unwrap();
    let raw = rusqlite::Connection::open(&db).unwrap();
    let expected = |q: &str| -> Vec<String> {
        let mut st = raw
            .prepare(
                "SELECT printf('%d/%06d', receipt_year, receipt_seq) FROM feedback WHERE instr(search_key, ?1) > 0
                 ORDER BY received_at DESC, receipt_year DESC, receipt_seq DESC",
            )
            .unwrap();
        st.query_map([q], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect()
    };
    let mut common_seen = false;
    for query in ["thủ tục", "Hồ sơ", "cán bộ", "Nguyễn", "giấy phép", "xã "] {
        let folded = ykien::domain::text::fold(query);
        let all = expected(&folded);
        assert!(!all.is_empty(), "{query}");
        common_seen |= all.len() * 5 > l.feedback(&FeedbackFilter::default()).unwrap().total as usize;
        for limit in [5u32, 37, 100, 1000] {
            let mut offset = 0u32;
            let mut got = Vec::new();
            while (offset as usize) < all.len() {
                let filter = FeedbackFilter { search: Some(query.into()), limit: Some(limit), offset: Some(offset), ..Default::default() };
                let page = l.feedback(&filter).unwrap();
                assert_eq!(page.total as usize, all.len(), "{query}: total");
                got.extend(page.rows.into_iter().map(|r| r.receipt_no));
                offset += limit;
            }
            assert_eq!(got, all, "{query}, pages of {limit}");
        }
        // With another filter, the count joins the index to the book.
        let complaints = FeedbackFilter { search: Some(query.into()), complaints: Some(true), limit: Some(1000), ..Default::default() };
        let page = l.feedback(&complaints).unwrap();
        assert_eq!(page.total as usize, page.rows.len());
        assert!(page.rows.iter().all(|r| all.contains(&r.receipt_no)));
    }
    assert!(common_seen, "one query must be common enough to be read by walking the book");
}
