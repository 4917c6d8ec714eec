//! A day's work on the book, on real files: correcting an entry and withdrawing one made by
//! mistake, forwarding a case to a unit, feedback without a name, kinds recorded and closed at
//! entry, and moves entered after the fact from paper. Refusals change nothing.

use crate::cases::input;
use crate::temp_dir;
use chrono::NaiveDateTime;
use serde_json::Value;
use std::path::Path;
use std::process::Command;
use ykien::report::period::Period;
use ykien::*;

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

const PASSWORD: &str = "mật khẩu riêng 2026";

/// An office with a unit or two, a clerk, a second clerk, a unit head, the QMR and a director,
/// each with an account, on a real file; nobody signed in.
struct Office {
    _dir: tempfile::TempDir,
    l: Ledger,
    mc: String,
    qltm: String,
    clerk: String,
}

fn office(now: &str) -> Office {
    let dir = temp_dir();
    let mut l = Ledger::open(dir.path().join("so.db")).unwrap();
    l.set_clock(Some(at(now)));
    let unit = |l: &mut Ledger, name: &str, code: &str| l.save_unit(&UnitInput { id: None, name: name.into(), code: code.into() }).unwrap().id;
    let mc = unit(&mut l, "Bộ phận Tiếp nhận và Trả kết quả", "MC");
    let qltm = unit(&mut l, "Phòng Quản lý thương mại", "QLTM");
    l.create_first_administrator(&FirstAdminInput {
        full_name: "Phan Văn Quản".into(),
        title: String::new(),
        login: "quantri".into(),
        password: PASSWORD.into(),
    })
    .unwrap();
    let mut clerk = String::new();
    for (name, login, role, unit) in [
        ("Nguyễn Thị Hoa", "tiepnhan", Role::Reception, Some(&mc)),
        ("Lê Văn Bình", "tiepnhan2", Role::Reception, Some(&mc)),
        ("Trịnh Văn Lộc", "truongdonvi", Role::UnitHead, Some(&qltm)),
        ("Đỗ Thị Mai", "qmr", Role::QualityOfficer, None),
        ("Trần Văn Hùng", "lanhdao", Role::Leadership, None),
    ] {
        let staff = l
            .save_staff(&StaffInput {
                id: None,
                full_name: name.into(),
                title: String::new(),
                unit_id: unit.cloned(),
                role,
                phone: String::new(),
                email: String::new(),
            })
            .unwrap();
        if login == "tiepnhan" {
            clerk = staff.id.clone();
        }
        l.create_account(&AccountInput { staff_id: staff.id, login: login.into(), password: "mat khau dau tien".into() }).unwrap();
    }
    for login in ["tiepnhan", "tiepnhan2", "truongdonvi", "qmr", "lanhdao"] {
        l.sign_in(login, "mat khau dau tien").unwrap();
        l.change_password("mat khau dau tien", PASSWORD).unwrap();
    }
    l.sign_out();
    Office { _dir: dir, l, mc, qltm, clerk }
}

impl Office {
    fn as_(&mut self, login: &str) -> &mut Ledger {
        self.l.sign_out();
        self.l.sign_in(login, PASSWORD).unwrap();
        &mut self.l
    }
}

fn fix_name(reason: &str) -> CorrectionInput {
    CorrectionInput { customer_name: Some("Nguyễn Văn Ân".into()), reason: reason.into(), ..CorrectionInput::default() }
}

/// What a refused change must leave as it was: the case as read, its history, the audit log.
fn snapshot(l: &Ledger, id: &str) -> (String, String, usize, u32) {
    let c = l.case(id).unwrap();
    let audit = l.audit_log(u32::MAX).map(|a| a.len() as u32).unwrap_or(0);
    (c.customer_name, c.status.as_str().to_owned(), c.history.len(), audit)
}

#[test]
fn the_clerk_corrects_the_same_day_and_the_qmr_afterwards() {
    let mut o = office("2026-03-02T10:00");
    let qltm = o.qltm.clone();
    let clerk = o.clerk.clone();
    let mut entry = input("2026-03-02T09:30", Kind::Complaint, Subject::ProcessingTime);
    entry.receiver_id = Some(clerk.clone());
    let id = o.as_("tiepnhan").add_feedback(&entry).unwrap().id;

    // The clerk who entered it, the same day, with a reason: history and audit log keep it.
    let c = o.l.correct_feedback(&id, &fix_name("Ghi sai dấu tên khách hàng")).unwrap();
    assert_eq!(c.customer_name, "Nguyễn Văn Ân");
    assert_eq!(c.receipt_no, "2026/000001");
    let line = c.history.last().unwrap();
    assert_eq!(line.what, Some(EventWhat::Correction));
    assert!(line.note.contains("Tên khách hàng: «Nguyễn Văn An» → «Nguyễn Văn Ân»"), "{}", line.note);
    assert!(line.note.contains("Lý do: Ghi sai dấu tên khách hàng"), "{}", line.note);
    assert!(line.actor.starts_with("tiepnhan"), "{}", line.actor);
    o.as_("qmr");
    let audit = o.l.audit_log(1).unwrap();
    let entry_json = serde_json::to_string(&audit[0]).unwrap();
    assert!(entry_json.contains("Nguyễn Văn An") && entry_json.contains("Nguyễn Văn Ân") && entry_json.contains("Ghi sai dấu"), "{entry_json}");
    // A corrected name is found by the search.
    let found = o.l.feedback(&FeedbackFilter { search: Some("van an".into()), ..FeedbackFilter::default() }).unwrap();
    assert_eq!(found.total, 1);

    // Refused: without a reason, without a change, by another clerk, by the clerk the next day.
    let before = snapshot(&o.l, &id);
    let e = o.as_("tiepnhan").correct_feedback(&id, &fix_name("  ")).unwrap_err();
    assert!(matches!(&e, Error::Validation { field, .. } if field == "reason"), "{e:?}");
    let e = o.l.correct_feedback(&id, &fix_name("Lần nữa")).unwrap_err();
    assert!(matches!(&e, Error::Validation { message, .. } if message.contains("Không có thông tin nào thay đổi")), "{e:?}");
    let other = CorrectionInput { customer_org: Some("Công ty An Phú".into()), reason: "Ghi thiếu".into(), ..CorrectionInput::default() };
    let e = o.as_("tiepnhan2").correct_feedback(&id, &other).unwrap_err();
    assert!(matches!(&e, Error::Forbidden(m) if m.contains("không do anh/chị ghi")), "{e:?}");
    let e = o.as_("truongdonvi").withdraw_feedback(&id, "Nhập nhầm").unwrap_err();
    assert!(matches!(&e, Error::Forbidden(_)), "{e:?}");
    o.l.set_clock(Some(at("2026-03-03T08:00")));
    let e = o.as_("tiepnhan").correct_feedback(&id, &other).unwrap_err();
    assert!(matches!(&e, Error::Forbidden(m) if m.contains("trong ngày ghi") && m.contains("QMR")), "{e:?}");
    o.as_("qmr");
    assert_eq!(snapshot(&o.l, &id), before);

    // The QMR afterwards: the kind and the unit too, each before → after.
    let c = o
        .l
        .correct_feedback(
            &id,
            &CorrectionInput {
                kind: Some(Kind::Grievance),
                unit_id: Some(qltm.clone()),
                written: Some(true),
                reason: "Phân loại lại theo nội dung đơn".into(),
                ..CorrectionInput::default()
            },
        )
        .unwrap();
    assert_eq!((c.kind, c.unit_name.as_deref(), c.written), (Kind::Grievance, Some("Phòng Quản lý thương mại"), true));
    let note = &c.history.last().unwrap().note;
    assert!(note.contains("Loại ý kiến: «Khiếu nại» → «Phàn nàn»"), "{note}");
    assert!(note.contains("Đơn vị xử lý: «(không có)» → «Phòng Quản lý thương mại»"), "{note}");
    assert!(c.requirements.iter().any(|r| r.requirement == workflow_reply_sent()), "a written complaint needs its reply letter");
    // The receipt number is not a field of a correction; a received date in another year is refused.
    let e = o
        .l
        .correct_feedback(&id, &CorrectionInput { received_at: Some("2025-12-30T09:00".into()), reason: "Sai ngày".into(), ..CorrectionInput::default() })
        .unwrap_err();
    assert!(matches!(&e, Error::Validation { field, .. } if field == "received_at"), "{e:?}");
}

fn workflow_reply_sent() -> ykien::domain::workflow::Requirement {
    ykien::domain::workflow::Requirement::ReplySent
}

#[test]
fn a_withdrawn_entry_stays_in_the_book_marked_and_counts_nowhere() {
    let mut o = office("2026-04-20T10:00");
    let l = o.as_("tiepnhan");
    let kept = l.add_feedback(&input("2026-03-02T09:30", Kind::Complaint, Subject::ProcessingTime)).unwrap().id;
    let mistaken = l.add_feedback(&input("2026-03-02T09:40", Kind::Complaint, Subject::ProcessingTime)).unwrap().id;
    let period = Period::custom("2026-03-01", "2026-03-31").unwrap();
    let figures_before = l.figures(&period).unwrap();
    let counts_before = l.case_counts().unwrap();
    assert_eq!((figures_before.feedback.total, figures_before.complaints.received), (2, 2));

    let c = l.withdraw_feedback(&mistaken, "Trùng với phiếu 2026/000001").unwrap();
    assert_eq!(c.withdrawn_reason.as_deref(), Some("Trùng với phiếu 2026/000001"));
    assert!(c.withdrawn_at.is_some() && c.next_moves.is_empty());
    assert_eq!(c.history.last().unwrap().what, Some(EventWhat::Withdrawal));

    // Figures before and after differ by exactly that case.
    let after = l.figures(&period).unwrap();
    assert_eq!(after.feedback.total, figures_before.feedback.total - 1);
    assert_eq!(after.complaints.received, figures_before.complaints.received - 1);
    let kind = |f: &ykien::report::figures::Figures| f.feedback.by_kind.iter().find(|c| c.key == "complaint").unwrap().count;
    assert_eq!(kind(&after), kind(&figures_before) - 1);
    let counts = l.case_counts().unwrap();
    assert_eq!((counts.open, counts.overdue), (counts_before.open - 1, counts_before.overdue - 1));
    // In the book, marked; in no queue.
    let book = l.feedback(&FeedbackFilter::default()).unwrap();
    assert_eq!(book.total, 2);
    assert!(book.rows.iter().any(|r| r.id == mistaken && r.withdrawn_at.is_some()));
    assert!(book.rows.iter().any(|r| r.id == kept && r.withdrawn_at.is_none()));
    let queue = l.feedback(&FeedbackFilter { status: Some(Status::Received), ..FeedbackFilter::default() }).unwrap();
    assert_eq!(queue.rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), [kept.as_str()]);
    let overdue = l.feedback(&FeedbackFilter { overdue_on: Some("2026-04-30".into()), ..FeedbackFilter::default() }).unwrap();
    assert_eq!(overdue.total, 1);

    // Refused: a withdrawal twice, a move or a correction of a withdrawn entry.
    let before = snapshot(l, &mistaken);
    let e = l.withdraw_feedback(&mistaken, "Lần nữa").unwrap_err();
    assert!(matches!(&e, Error::Conflict(m) if m.contains("đã được rút khỏi sổ")), "{e:?}");
    let e = l.move_case(&mistaken, &crate::cases::mv_to(Status::FrontDesk)).unwrap_err();
    assert!(matches!(e, Error::Conflict(_)), "{e:?}");
    let e = l.correct_feedback(&mistaken, &fix_name("Sửa")).unwrap_err();
    assert!(matches!(e, Error::Conflict(_)), "{e:?}");
    let e = l.withdraw_feedback(&kept, " ").unwrap_err();
    assert!(matches!(&e, Error::Validation { field, .. } if field == "reason"), "{e:?}");
    assert_eq!(snapshot(l, &mistaken), before);
}

#[test]
fn kinds_that_need_no_answer_close_at_entry_and_a_correction_to_a_complaint_reopens_them() {
    let mut o = office("2026-03-02T10:00");
    let settings = Settings { closed_at_entry: vec![Kind::Suggestion, Kind::Praise], ..Settings::default() };
    let saved = o.as_("qmr").save_settings(&settings).unwrap();
    assert_eq!(saved.closed_at_entry, [Kind::Praise, Kind::Suggestion], "kept in the vocabulary's order");
    assert_eq!(o.l.settings().unwrap().closed_at_entry, [Kind::Praise, Kind::Suggestion]);
    let e = o.l.save_settings(&Settings { closed_at_entry: vec![Kind::Complaint], ..Settings::default() }).unwrap_err();
    assert!(matches!(&e, Error::Validation { field, .. } if field == "closed_at_entry"), "{e:?}");

    let l = o.as_("tiepnhan");
    let praise = l.add_feedback(&input("2026-03-02T09:30", Kind::Praise, Subject::Attitude)).unwrap();
    assert_eq!(praise.status, Status::Closed);
    assert_eq!(praise.closed_at.as_deref(), Some("2026-03-02T09:30"));
    assert!(praise.history.last().unwrap().note.contains("không cần trả lời"));
    let request = l.add_feedback(&input("2026-03-02T09:35", Kind::Request, Subject::Procedure)).unwrap();
    assert_eq!(request.status, Status::Received);
    l.set_clock(Some(at("2026-06-30T10:00")));
    assert_eq!(l.case_counts().unwrap().overdue, 1, "only the request is late");

    // The praise was in fact a complaint: back to handling, the deadline from the receipt date.
    let c = o
        .as_("qmr")
        .correct_feedback(&praise.id, &CorrectionInput { kind: Some(Kind::Complaint), reason: "Thực chất là khiếu nại".into(), ..CorrectionInput::default() })
        .unwrap();
    assert_eq!((c.status, c.closed_at.as_deref()), (Status::Received, None));
    assert_eq!(c.deadlines.reply_due, praise.deadlines.reply_due);
    assert!(c.deadlines.overdue);
    assert!(c.history.last().unwrap().note.contains("mở lại"));
    assert_eq!(o.l.case_counts().unwrap().overdue, 2);
}

#[test]
fn feedback_without_a_name_comes_by_box_letter_or_post_never_in_person() {
    let mut o = office("2026-03-02T10:00");
    let l = o.as_("tiepnhan");
    for channel in [Channel::SuggestionBox, Channel::SocialMedia, Channel::OfficialLetter] {
        let mut f = input("2026-03-02T09:30", Kind::Suggestion, Subject::Other);
        f.channel = channel;
        f.customer_name = "  ".into();
        assert_eq!(l.add_feedback(&f).unwrap().customer_name, "", "{channel:?}");
    }
    for channel in [Channel::InPerson, Channel::Hotline] {
        let mut f = input("2026-03-02T09:30", Kind::Suggestion, Subject::Other);
        f.channel = channel;
        f.customer_name = String::new();
        let e = l.add_feedback(&f).unwrap_err();
        assert!(matches!(&e, Error::Validation { field, message } if field == "customer_name" && message.contains(channel.label())), "{e:?}");
    }
    // A correction to a channel that needs a name needs the name.
    let id = l.feedback(&FeedbackFilter::default()).unwrap().rows[0].id.clone();
    let e = l
        .correct_feedback(&id, &CorrectionInput { channel: Some(Channel::InPerson), reason: "Khách đến trực tiếp".into(), ..CorrectionInput::default() })
        .unwrap_err();
    assert!(matches!(&e, Error::Validation { field, .. } if field == "customer_name"), "{e:?}");
}

#[test]
fn a_case_forwarded_to_a_unit_arrives_there_and_a_late_move_keeps_its_entry_time() {
    let mut o = office("2026-03-10T15:00");
    let mc = o.mc.clone();
    let qltm = o.qltm.clone();
    let l = o.as_("tiepnhan");
    let mut f = input("2026-03-02T09:30", Kind::Complaint, Subject::ProcessingTime);
    f.unit_id = Some(mc.clone());
    let id = l.add_feedback(&f).unwrap().id;
    let before = snapshot(l, &id);

    // Refused: a unit that does not exist, a unit on a move that forwards nowhere, a time in
    // the future, a time before the previous move.
    let forward = |unit: &str, at: Option<&str>| MoveInput {
        to: Status::Specialist,
        note: "Ngoài thẩm quyền, chuyển phòng chuyên môn".into(),
        channel: None,
        staff_id: None,
        version: None,
        unit_id: Some(unit.into()),
        at: at.map(str::to_owned),
    };
    let e = l.move_case(&id, &forward("khong-co-don-vi-nay", None)).unwrap_err();
    assert!(matches!(&e, Error::Validation { field, .. } if field == "unit_id"), "{e:?}");
    let e = l.move_case(&id, &MoveInput { to: Status::FrontDesk, ..forward(&qltm, None) }).unwrap_err();
    assert!(matches!(&e, Error::Validation { field, .. } if field == "unit_id"), "{e:?}");
    let e = l.move_case(&id, &forward(&qltm, Some("2026-03-11 09:00"))).unwrap_err();
    assert!(matches!(&e, Error::Validation { field, .. } if field == "at"), "{e:?}");
    let e = l.move_case(&id, &forward(&qltm, Some("2026-03-01 09:00"))).unwrap_err();
    assert!(matches!(&e, Error::Validation { field, message } if field == "at" && message.contains("09:30 02/03/2026")), "{e:?}");
    assert_eq!(snapshot(l, &id), before);

    // Forwarded on paper on the 4th, entered on the 10th.
    let c = l.move_case(&id, &forward(&qltm, Some("2026-03-04 14:00"))).unwrap();
    assert_eq!((c.status, c.unit_name.as_deref()), (Status::Specialist, Some("Phòng Quản lý thương mại")));
    let line = c.history.last().unwrap();
    assert_eq!((line.at.as_str(), line.recorded_at.as_deref()), ("2026-03-04T14:00", Some("2026-03-10T15:00")));
    assert_eq!(line.unit_name.as_deref(), Some("Phòng Quản lý thương mại"));
    // The next move cannot go before it.
    let answer = MoveInput { to: Status::SolutionFeedback, note: "Đã có giải pháp".into(), ..forward(&qltm, Some("2026-03-03 08:00")) };
    let answer = MoveInput { unit_id: None, ..answer };
    o.as_("truongdonvi");
    let e = o.l.move_case(&id, &answer).unwrap_err();
    assert!(matches!(&e, Error::Validation { field, .. } if field == "at"), "{e:?}");

    // The unit head's notice: arrived at their unit since they last looked, and not before.
    let arrived = |l: &Ledger, unit: &str, since: &str| {
        l.feedback(&FeedbackFilter { unit_id: Some(unit.into()), arrived_since: Some(since.into()), ..FeedbackFilter::default() })
            .unwrap()
            .total
    };
    assert_eq!(arrived(&o.l, &qltm, "2026-03-10T08:00"), 1, "entered at 15:00 on the 10th");
    assert_eq!(arrived(&o.l, &qltm, "2026-03-10T15:00"), 0);
    assert_eq!(arrived(&o.l, &mc, "2026-03-01T00:00"), 0);

    // Changed later, with a reason: the QMR gives it to another unit, which it reaches then.
    o.l.set_clock(Some(at("2026-03-11T09:00")));
    o.as_("qmr")
        .correct_feedback(&id, &CorrectionInput { unit_id: Some(mc.clone()), reason: "Đúng thẩm quyền của bộ phận một cửa".into(), ..CorrectionInput::default() })
        .unwrap();
    assert_eq!(arrived(&o.l, &mc, "2026-03-11T08:00"), 1);
    assert_eq!(arrived(&o.l, &qltm, "2026-03-01T00:00"), 0);
}

#[test]
fn what_waits_for_the_qmr_and_for_leadership() {
    let mut o = office("2026-03-10T15:00");
    let l = o.as_("tiepnhan");
    let confidential = l.add_feedback(&input("2026-03-02T09:30", Kind::Complaint, Subject::Confidentiality)).unwrap().id;
    let plain = l.add_feedback(&input("2026-03-02T09:40", Kind::Complaint, Subject::ProcessingTime)).unwrap().id;
    let waits = |l: &Ledger, w: WaitsFor| -> Vec<String> {
        l.feedback(&FeedbackFilter { waits_for: Some(w), ..FeedbackFilter::default() }).unwrap().rows.into_iter().map(|r| r.id).collect()
    };
    assert_eq!(waits(l, WaitsFor::Qmr), [confidential]);
    assert!(waits(l, WaitsFor::Leadership).is_empty());
    let mut m = crate::cases::mv_to(Status::Specialist);
    m.note = "Chuyển phòng chuyên môn".into();
    l.move_case(&plain, &m).unwrap();
    let l = o.as_("qmr");
    let mut m = crate::cases::mv_to(Status::Leadership);
    m.note = "Xin ý kiến chỉ đạo".into();
    l.move_case(&plain, &m).unwrap();
    assert_eq!(waits(l, WaitsFor::Leadership), [plain]);
}

fn ykien(db: &Path, login: &str, args: &[&str]) -> (bool, Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_ykien"))
        .arg("--db")
        .arg(db)
        .arg("--json")
        .args(["--as", login])
        .env("YKIEN_PASSWORD", ykien::demo::DEMO_PASSWORD)
        .args(args)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    (out.status.success(), serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {text}")))
}

#[test]
fn the_command_line_edits_withdraws_and_forwards_with_the_time_on_paper() {
    let dir = temp_dir();
    let db = dir.path().join("so.db");
    {
        let mut l = Ledger::open(&db).unwrap();
        ykien::demo::fill_with_accounts(&mut l).unwrap();
    }
    // Received yesterday (paper on the desk), entered today: the clerk corrects it today.
    let today = chrono::Local::now().date_naive() - chrono::Days::new(1);
    let received = format!("{today}T07:30");
    let (ok, added) = ykien(
        &db,
        "tiepnhan",
        &["feedback", "add", "--received", &received, "--channel", "in_person", "--kind", "complaint", "--customer", "Trần Thị Bich", "--content", "Chờ lâu"],
    );
    assert!(ok, "{added}");
    let receipt = added["receipt_no"].as_str().unwrap().to_owned();

    // A suggestion-box note needs no name; feedback given in person does.
    let (ok, note) = ykien(&db, "tiepnhan", &["feedback", "add", "--channel", "suggestion_box", "--kind", "suggestion", "--content", "Thêm ghế chờ"]);
    assert!(ok && note["customer_name"] == "", "{note}");
    let (ok, refused) = ykien(&db, "tiepnhan", &["feedback", "add", "--channel", "in_person", "--kind", "suggestion", "--content", "Thêm ghế chờ"]);
    assert!(!ok && refused["error"]["field"] == "customer_name", "{refused}");

    let (ok, edited) = ykien(&db, "tiepnhan", &["feedback", "edit", &receipt, "--customer", "Trần Thị Bích", "--written", "true", "--reason", "Ghi sai dấu"]);
    assert!(ok, "{edited}");
    assert_eq!((edited["customer_name"].as_str(), edited["written"].as_bool()), (Some("Trần Thị Bích"), Some(true)));
    let (ok, refused) = ykien(&db, "tiepnhan", &["feedback", "edit", &receipt, "--unit", "Phòng Không Có", "--reason", "Giao đơn vị"]);
    assert!(!ok);
    assert_eq!(refused["error"]["kind"], "validation", "{refused}");
    assert!(refused["error"]["message"].as_str().unwrap().contains("Phòng Không Có"), "{refused}");

    let (ok, moved) = ykien(&db, "tiepnhan", &["feedback", "move", &receipt, "--to", "specialist", "--unit", "Phòng Quản lý thương mại", "--note", "Ngoài thẩm quyền", "--at", &format!("{today} 07:45")]);
    assert!(ok, "{moved}");
    assert_eq!(moved["unit_name"], "Phòng Quản lý thương mại");
    let last = moved["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["at"].as_str(), Some(format!("{today}T07:45").as_str()), "{last}");
    let (ok, refused) = ykien(&db, "qmr", &["feedback", "move", &receipt, "--to", "solution_feedback", "--note", "Giải pháp", "--at", &format!("{today} 07:40")]);
    assert!(!ok);
    assert_eq!(refused["error"]["field"], "at", "{refused}");

    let (ok, refused) = ykien(&db, "truongdonvi", &["feedback", "withdraw", &receipt, "--reason", "Nhập nhầm"]);
    assert!(!ok);
    assert_eq!(refused["error"]["kind"], "forbidden", "{refused}");
    let (ok, withdrawn) = ykien(&db, "qmr", &["feedback", "withdraw", &receipt, "--reason", "Nhập nhầm"]);
    assert!(ok, "{withdrawn}");
    assert!(withdrawn["withdrawn_at"].is_string(), "{withdrawn}");
    let (ok, again) = ykien(&db, "qmr", &["feedback", "withdraw", &receipt, "--reason", "Nhập nhầm"]);
    assert!(!ok);
    assert_eq!(again["error"]["kind"], "conflict", "{again}");
}
