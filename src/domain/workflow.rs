//! The handling of a case as a state machine (R2.1, seed 000 steps 2–8; seed 001). Only the
//! moves listed in [`MOVES`] exist; everything else is refused before anything is stored.
//!
//! ```text
//! received (2) ──► front_desk (3) ──► awaiting_customer (4) ──► closed (5)
//!     │                 │                 ▲          │
//!     │                 ▼                 │          ▼ customer disagrees
//!     └──────────► specialist (6) ──► solution_feedback (7)
//!                       │                 ▲
//!                       ▼                 │
//!                  leadership (8) ────────┘
//! ```
//! The quick path of seed 001 step 1 (settled on the spot) goes from received to closed in
//! the entry itself; it is not a move a case can make later.

use super::feedback::{FeedbackInput, Kind, Subject, MAX_CONTENT_CHARS};
use super::staff::Role;
use super::text::clean_text;
use super::vocab::vocab;
use crate::error::{Error, Result};
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;
use ts_rs::TS;

vocab!(
    /// Where a case stands; the step numbers are those of seed 000.
    Status "status" "Trạng thái" {
        Received = "received" "Đã tiếp nhận (bước 2)",
        FrontDesk = "front_desk" "Đang xử lý tại bộ phận tiếp nhận (bước 3)",
        AwaitingCustomer = "awaiting_customer" "Chờ khách hàng đồng ý (bước 4)",
        Specialist = "specialist" "Phòng chuyên môn xử lý (bước 6)",
        SolutionFeedback = "solution_feedback" "Phản hồi giải pháp bổ sung (bước 7)",
        Leadership = "leadership" "Xin ý kiến chỉ đạo của lãnh đạo (bước 8)",
        Closed = "closed" "Đã đóng, lưu hồ sơ (bước 5)",
    }
);

/// One legal move: its label is the button a clerk presses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct Move {
    pub from: Status,
    pub to: Status,
    pub label: &'static str,
    /// Whether the move must carry a note (a solution, an answer, a reason).
    pub note_required: bool,
}

const fn mv(from: Status, to: Status, label: &'static str, note_required: bool) -> Move {
    Move { from, to, label, note_required }
}

/// Every legal move. Order is the order of the buttons.
pub const MOVES: &[Move] = &[
    mv(Status::Received, Status::FrontDesk, "Xử lý tại bộ phận tiếp nhận", false),
    mv(Status::Received, Status::Specialist, "Chuyển phòng chuyên môn (ngoài thẩm quyền)", true),
    mv(Status::FrontDesk, Status::AwaitingCustomer, "Đã trả lời, chờ khách hàng đồng ý", true),
    mv(Status::FrontDesk, Status::Specialist, "Chuyển phòng chuyên môn (ngoài thẩm quyền)", true),
    mv(Status::AwaitingCustomer, Status::Closed, "Khách hàng đồng ý — đóng hồ sơ", false),
    mv(Status::AwaitingCustomer, Status::Specialist, "Khách hàng không đồng ý — chuyển phòng chuyên môn", true),
    mv(Status::Specialist, Status::SolutionFeedback, "Phòng chuyên môn có giải pháp bổ sung", true),
    mv(Status::Specialist, Status::Leadership, "Không có giải pháp — xin ý kiến chỉ đạo", true),
    mv(Status::Leadership, Status::SolutionFeedback, "Lãnh đạo chỉ đạo giải pháp", true),
    mv(Status::SolutionFeedback, Status::AwaitingCustomer, "Đã phản hồi giải pháp cho khách hàng", false),
];

/// The moves open from `from`.
pub fn moves_from(from: Status) -> Vec<Move> {
    MOVES.iter().copied().filter(|m| m.from == from).collect()
}

/// The move from `from` to `to`, or a Vietnamese refusal naming what is possible instead.
pub fn find_move(from: Status, to: Status) -> Result<Move> {
    if let Some(m) = MOVES.iter().find(|m| m.from == from && m.to == to) {
        return Ok(*m);
    }
    let open: Vec<String> = moves_from(from).iter().map(|m| format!("«{}» ({})", m.to.label(), m.to.as_str())).collect();
    let what = if open.is_empty() {
        "hồ sơ đã đóng, không chuyển tiếp được nữa".to_owned()
    } else {
        format!("từ đây chỉ có thể chuyển sang {}", open.join(", "))
    };
    Err(Error::Conflict(format!(
        "Không thể chuyển hồ sơ từ «{}» sang «{}»: {what}.",
        from.label(),
        to.label()
    )))
}

vocab!(
    /// Steps that some complaints must go through before they can be closed (R2.5).
    StepKind "step" "Bước xử lý" {
        AttitudeTalk = "attitude_talk" "Trao đổi rút kinh nghiệm với cán bộ bị phản ánh",
        Investigation = "investigation" "Điều tra nguyên nhân rò rỉ thông tin",
        ReportedToQmr = "reported_to_qmr" "Trưởng đơn vị xem xét, báo cáo QMR và lãnh đạo",
    }
);

/// What must be done before a case may be closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", content = "step", rename_all = "snake_case")]
pub enum Requirement {
    /// A recorded step of the given kind.
    Step(StepKind),
    /// A corrective action linked to the case (QT-07-HTCL).
    CorrectiveAction,
    /// The reply letter signed and sent (written complaints, R2.3).
    ReplySent,
}

impl Requirement {
    pub fn label(self) -> String {
        match self {
            Requirement::Step(s) => s.label().to_owned(),
            Requirement::CorrectiveAction => "Hành động khắc phục (QT-07-HTCL) gắn với hồ sơ".to_owned(),
            Requirement::ReplySent => "Công văn trả lời đã ký và gửi".to_owned(),
        }
    }
}

/// The kinds handled as complaints (khiếu nại, phàn nàn, kháng nghị): the requirements of
/// closing and the complaint figures concern these only.
pub fn complaint_kinds() -> impl Iterator<Item = Kind> {
    Kind::ALL.iter().copied().filter(|k| k.is_complaint())
}

/// The kinds that, about a certification or service result, take seed 001's route for results
/// (step 2: «khiếu nại, kháng nghị về kết quả chứng nhận»): the designated unit head reviews
/// it and reports to the QMR and leadership, and a corrective action follows (QT-07-HTCL).
/// A grievance (phàn nàn) about a result is not a challenge to it and takes the common route.
pub const RESULT_ROUTE_KINDS: [Kind; 2] = [Kind::Complaint, Kind::Appeal];

/// Whether a case of this kind and subject takes the route for results (see
/// [`RESULT_ROUTE_KINDS`]).
pub fn result_route(kind: Kind, subject: Subject) -> bool {
    subject == Subject::ServiceResult && RESULT_ROUTE_KINDS.contains(&kind)
}

/// The requirements of seed 001 for a case of this kind and subject.
pub fn requirements(kind: Kind, subject: Subject, written: bool) -> Vec<Requirement> {
    let mut r = Vec::new();
    if kind.is_complaint() {
        match subject {
            Subject::Attitude => r.push(Requirement::Step(StepKind::AttitudeTalk)),
            Subject::Confidentiality => {
                r.push(Requirement::Step(StepKind::Investigation));
                r.push(Requirement::CorrectiveAction);
            }
            Subject::ServiceResult if result_route(kind, subject) => {
                r.push(Requirement::Step(StepKind::ReportedToQmr));
                r.push(Requirement::CorrectiveAction);
            }
            _ => {}
        }
        if written {
            r.push(Requirement::ReplySent);
        }
    }
    r
}

/// What is done so far on a case, as far as closing is concerned.
#[derive(Debug, Default, Clone)]
pub struct Done {
    pub steps: Vec<StepKind>,
    pub corrective_actions: usize,
    pub reply_sent: bool,
}

/// The requirements not yet met.
pub fn missing(required: &[Requirement], done: &Done) -> Vec<Requirement> {
    required
        .iter()
        .copied()
        .filter(|r| match r {
            Requirement::Step(s) => !done.steps.contains(s),
            Requirement::CorrectiveAction => done.corrective_actions == 0,
            Requirement::ReplySent => !done.reply_sent,
        })
        .collect()
}

/// How far ahead of the office's clock an entry may be dated: the clerk's watch and the
/// computer's clock are rarely the same minute.
const CLOCK_SLACK_MINUTES: i64 = 5;

/// The rules of a new entry beyond its fields: it is not received in the future (`now` is
/// the office's clock), and it is settled on the spot (seed 001 step 1) only when nothing
/// must be done before its case may be closed.
pub fn check_entry(f: &FeedbackInput, received: NaiveDateTime, now: NaiveDateTime) -> Result<()> {
    if received > now + chrono::Duration::minutes(CLOCK_SLACK_MINUTES) {
        return Err(Error::validation("received_at", "Ngày giờ tiếp nhận ở tương lai: hãy kiểm tra lại."));
    }
    if f.settled_on_spot.is_some() {
        let required = requirements(f.kind, f.subject, f.written);
        if !required.is_empty() {
            let what: Vec<String> = required.iter().map(|r| r.label()).collect();
            return Err(Error::validation(
                "settled_on_spot",
                format!("Ý kiến loại này không thể giải quyết ngay tại chỗ vì còn phải: {}.", what.join("; ")),
            ));
        }
    }
    Ok(())
}

/// What the rules of a move read of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseFacts {
    pub status: Status,
    pub kind: Kind,
    pub subject: Subject,
    pub written: bool,
    pub formal: bool,
    pub complex: bool,
    /// A formal complaint accepted (thụ lý) already, or its acceptance decided (refused too).
    pub accepted: bool,
    /// The case's version ([`super::case::Case::version`]).
    pub version: i64,
}

/// The message of a change made on a stale view of a case.
pub const STALE_CASE: &str = "Hồ sơ vừa được người khác cập nhật, hãy xem lại.";

/// A change decided on the case as it stood at version `shown` goes ahead only if the case is
/// still at that version (`current`, read in the write's transaction, which holds the write
/// lock until it commits: no other desk can change the case between this check and the
/// write). `None`: the caller shows no version and asks for no check.
pub fn check_version(current: i64, shown: Option<i64>) -> Result<()> {
    match shown {
        Some(v) if v != current => Err(Error::Conflict(STALE_CASE.into())),
        _ => Ok(()),
    }
}

/// A move checked against the workflow: legal from where the case stands, with a note where
/// the move needs one. Returns the note as it is stored (cleaned).
pub fn check_move(from: Status, to: Status, note: &str) -> Result<String> {
    let mv = find_move(from, to)?;
    let note = clean_text(note);
    if mv.note_required && note.is_empty() {
        return Err(Error::validation("note", format!("Bước «{}» cần ghi rõ nội dung (giải pháp, ý kiến, lý do).", mv.label)));
    }
    if note.chars().count() > MAX_CONTENT_CHARS {
        return Err(Error::validation("note", "Nội dung ghi chú quá dài."));
    }
    Ok(note)
}

/// When a move entered after the fact (work done on paper) happened: not in the future (the
/// clock's slack allowed), not before the case's previous move (`previous`, its entry for the
/// first move).
pub fn check_move_time(at: NaiveDateTime, previous: Option<NaiveDateTime>, now: NaiveDateTime) -> Result<()> {
    if at > now + chrono::Duration::minutes(CLOCK_SLACK_MINUTES) {
        return Err(Error::validation("at", "Thời điểm thực hiện bước này ở tương lai: hãy kiểm tra lại."));
    }
    if let Some(prev) = previous {
        if at < prev {
            return Err(Error::validation(
                "at",
                format!(
                    "Thời điểm thực hiện ({}) trước bước xử lý liền trước của hồ sơ ({}): các bước phải ghi theo đúng thứ tự đã làm.",
                    at.format("%H:%M %d/%m/%Y"),
                    prev.format("%H:%M %d/%m/%Y")
                ),
            ));
        }
    }
    Ok(())
}

/// Nothing more is done on an entry withdrawn as made by mistake («nhập nhầm»): no move, no
/// correction, no second withdrawal.
pub fn check_not_withdrawn(receipt: &str, withdrawn_at: Option<&str>) -> Result<()> {
    match withdrawn_at {
        None => Ok(()),
        Some(at) => Err(Error::Conflict(format!(
            "Ý kiến số {receipt} đã được rút khỏi sổ (nhập nhầm) lúc {}; không sửa, chuyển hay rút lại được nữa.",
            at.replace('T', " ")
        ))),
    }
}

/// Whether a correction sends a closed case back to handling: feedback closed as needing no
/// answer (praise, a suggestion) that was in fact a complaint is handled as one, its deadline
/// counted from the day it was received, as an auditor expects of any complaint.
pub fn correction_reopens(status: Status, before: Kind, after: Kind) -> bool {
    status == Status::Closed && !before.is_complaint() && after.is_complaint()
}

/// Who may correct or withdraw an entry: the one who made it, on the day they made it (office
/// local dates), and the quality officer at any time. `me` is the signed-in staff member, `role`
/// their role.
pub fn check_corrector(role: Role, me: &str, entered_by: Option<&str>, entered_on: Option<NaiveDate>, today: NaiveDate) -> Result<()> {
    if role == Role::QualityOfficer {
        return Ok(());
    }
    let own = entered_by == Some(me);
    if own && entered_on == Some(today) {
        return Ok(());
    }
    let why = if own {
        "ý kiến này được ghi từ ngày trước, người ghi chỉ sửa được trong ngày ghi"
    } else {
        "ý kiến này không do anh/chị ghi"
    };
    Err(Error::Forbidden(format!(
        "Vai trò «{}» không được sửa hoặc rút ý kiến đã ghi này: {why}. Sau ngày ghi chỉ cán bộ chất lượng (QMR) sửa, \
         kèm lý do: hãy đề nghị QMR.",
        role.label()
    )))
}

/// Closing is refused while a requirement of the case (R2.5) is not met.
pub fn check_closing(case: &CaseFacts, done: &Done) -> Result<()> {
    let missing = missing(&requirements(case.kind, case.subject, case.written), done);
    if missing.is_empty() {
        return Ok(());
    }
    let what: Vec<String> = missing.iter().map(|r| r.label()).collect();
    Err(Error::Conflict(format!("Chưa thể đóng hồ sơ, còn thiếu: {}.", what.join("; "))))
}

/// A mandatory step is recorded on an open case, with what was done. Returns the note as it
/// is stored (cleaned).
pub fn check_step(status: Status, step: StepKind, note: &str) -> Result<String> {
    if status == Status::Closed {
        return Err(Error::Conflict("Hồ sơ đã đóng, không ghi thêm bước xử lý được.".into()));
    }
    let note = clean_text(note);
    if note.is_empty() {
        return Err(Error::validation("note", format!("Hãy ghi nội dung của bước «{}».", step.label())));
    }
    Ok(note)
}

/// The director's exception deadline (seed 001) carries its reason: returned cleaned.
pub fn exception_reason(reason: &str) -> Result<String> {
    let reason = clean_text(reason);
    if reason.is_empty() {
        return Err(Error::validation("reason", "Hãy ghi lý do gia hạn theo ý kiến của Giám đốc."));
    }
    Ok(reason)
}

/// An exception deadline is not before the day the case was received (YYYY-MM-DD).
pub fn check_exception_due(due: NaiveDate, received_day: &str) -> Result<()> {
    if due.to_string().as_str() < received_day {
        return Err(Error::validation("due", "Hạn mới không thể trước ngày tiếp nhận."));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pair_of_states_is_either_a_listed_move_or_refused() {
        let mut legal = 0;
        for &from in Status::ALL {
            for &to in Status::ALL {
                let listed = MOVES.iter().any(|m| m.from == from && m.to == to);
                assert_eq!(find_move(from, to).is_ok(), listed, "{from:?} → {to:?}");
                legal += listed as usize;
            }
        }
        assert_eq!(legal, MOVES.len());
        assert_eq!(legal, 10);
    }

    #[test]
    fn closed_is_final_and_closing_needs_the_customer() {
        assert!(moves_from(Status::Closed).is_empty());
        let into_closed: Vec<Status> = MOVES.iter().filter(|m| m.to == Status::Closed).map(|m| m.from).collect();
        assert_eq!(into_closed, vec![Status::AwaitingCustomer]);
        let e = find_move(Status::Closed, Status::Received).unwrap_err().to_string();
        assert!(e.contains("đã đóng"), "{e}");
        let e = find_move(Status::Received, Status::Closed).unwrap_err().to_string();
        assert!(e.contains("Phòng chuyên môn xử lý"), "{e}");
    }

    #[test]
    fn every_state_but_closed_can_reach_closed() {
        for &s in Status::ALL {
            let mut seen = vec![s];
            let mut frontier = vec![s];
            while let Some(x) = frontier.pop() {
                for m in moves_from(x) {
                    if !seen.contains(&m.to) {
                        seen.push(m.to);
                        frontier.push(m.to);
                    }
                }
            }
            assert!(seen.contains(&Status::Closed), "{s:?} cannot reach closed");
        }
    }

    #[test]
    fn seed_001_requirements() {
        use Requirement::*;
        assert_eq!(requirements(Kind::Complaint, Subject::Attitude, false), vec![Step(StepKind::AttitudeTalk)]);
        assert_eq!(
            requirements(Kind::Grievance, Subject::Confidentiality, true),
            vec![Step(StepKind::Investigation), CorrectiveAction, ReplySent]
        );
        assert_eq!(
            requirements(Kind::Appeal, Subject::ServiceResult, false),
            vec![Step(StepKind::ReportedToQmr), CorrectiveAction]
        );
        // A khiếu nại about a result takes the appeal's route; a phàn nàn about it does not.
        assert_eq!(
            requirements(Kind::Complaint, Subject::ServiceResult, false),
            vec![Step(StepKind::ReportedToQmr), CorrectiveAction]
        );
        assert!(requirements(Kind::Grievance, Subject::ServiceResult, false).is_empty());
        assert!(requirements(Kind::Suggestion, Subject::Attitude, true).is_empty());
        let done = Done { steps: vec![StepKind::Investigation], corrective_actions: 0, reply_sent: true };
        assert_eq!(missing(&requirements(Kind::Complaint, Subject::Confidentiality, true), &done), vec![CorrectiveAction]);
    }

    fn entry(kind: Kind, subject: Subject, settled: bool) -> FeedbackInput {
        use super::super::feedback::{Book, Channel, CustomerGroup};
        FeedbackInput {
            received_at: "2026-03-02T09:30".into(),
            channel: Channel::InPerson,
            kind,
            subject,
            book: Book::Feedback,
            customer_name: "Nguyễn Văn An".into(),
            customer_org: String::new(),
            customer_address: String::new(),
            customer_phone: String::new(),
            customer_email: String::new(),
            customer_group: CustomerGroup::FirstTime,
            content: "Chờ lâu".into(),
            receiver_id: None,
            unit_id: None,
            written: false,
            formal: false,
            settled_on_spot: settled.then(|| "Đã giải thích".into()),
        }
    }

    #[test]
    fn an_entry_is_not_dated_ahead_of_the_clock_beyond_five_minutes() {
        let now = NaiveDateTime::parse_from_str("2026-03-02T09:30", "%Y-%m-%dT%H:%M").unwrap();
        let f = entry(Kind::Suggestion, Subject::Attitude, false);
        assert!(check_entry(&f, now + chrono::Duration::minutes(5), now).is_ok());
        let e = check_entry(&f, now + chrono::Duration::minutes(6), now).unwrap_err();
        assert!(matches!(&e, Error::Validation { field, .. } if field == "received_at"), "{e:?}");
    }

    #[test]
    fn only_a_case_with_nothing_required_is_settled_on_the_spot() {
        let now = NaiveDateTime::parse_from_str("2026-03-02T09:30", "%Y-%m-%dT%H:%M").unwrap();
        assert!(check_entry(&entry(Kind::Complaint, Subject::ProcessingTime, true), now, now).is_ok());
        let e = check_entry(&entry(Kind::Complaint, Subject::ServiceResult, true), now, now).unwrap_err();
        assert!(e.to_string().contains(StepKind::ReportedToQmr.label()), "{e}");
        let e = check_entry(&entry(Kind::Complaint, Subject::Attitude, true), now, now).unwrap_err();
        assert!(e.to_string().contains(StepKind::AttitudeTalk.label()), "{e}");
    }

    #[test]
    fn closing_waits_for_every_requirement() {
        let case = CaseFacts {
            status: Status::AwaitingCustomer,
            kind: Kind::Grievance,
            subject: Subject::Confidentiality,
            written: false,
            formal: false,
            complex: false,
            accepted: false,
            version: 1,
        };
        let e = check_closing(&case, &Done { steps: vec![StepKind::Investigation], ..Done::default() }).unwrap_err();
        assert!(matches!(&e, Error::Conflict(m) if m.contains("Hành động khắc phục")), "{e:?}");
        assert!(check_closing(&case, &Done { steps: vec![StepKind::Investigation], corrective_actions: 1, reply_sent: false }).is_ok());
    }

    #[test]
    fn a_change_made_on_a_stale_view_is_refused() {
        assert!(check_version(3, Some(3)).is_ok());
        assert!(check_version(3, None).is_ok());
        let e = check_version(4, Some(3)).unwrap_err();
        assert!(matches!(&e, Error::Conflict(m) if m == STALE_CASE), "{e:?}");
    }

    #[test]
    fn a_late_move_is_neither_in_the_future_nor_before_the_previous_one() {
        let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap();
        let now = t("2026-03-10T10:00");
        assert!(check_move_time(t("2026-03-05T14:00"), Some(t("2026-03-02T09:30")), now).is_ok());
        let e = check_move_time(t("2026-03-01T14:00"), Some(t("2026-03-02T09:30")), now).unwrap_err();
        assert!(matches!(&e, Error::Validation { field, message } if field == "at" && message.contains("09:30 02/03/2026")), "{e:?}");
        let e = check_move_time(t("2026-03-11T08:00"), Some(t("2026-03-02T09:30")), now).unwrap_err();
        assert!(matches!(&e, Error::Validation { field, .. } if field == "at"), "{e:?}");
    }

    #[test]
    fn the_one_who_entered_corrects_the_same_day_and_the_qmr_afterwards() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let (on, next) = (Some(day("2026-03-02")), day("2026-03-03"));
        let clerk = Role::Reception;
        assert!(check_corrector(clerk, "an", Some("an"), on, day("2026-03-02")).is_ok());
        let e = check_corrector(clerk, "an", Some("an"), on, next).unwrap_err();
        assert!(matches!(&e, Error::Forbidden(m) if m.contains("trong ngày ghi") && m.contains("«Cán bộ tiếp nhận»")), "{e:?}");
        let e = check_corrector(Role::UnitHead, "binh", Some("an"), on, day("2026-03-02")).unwrap_err();
        assert!(matches!(&e, Error::Forbidden(m) if m.contains("không do anh/chị ghi")), "{e:?}");
        assert!(check_corrector(Role::QualityOfficer, "qmr", Some("an"), on, next).is_ok());
        assert!(check_corrector(clerk, "an", None, None, next).is_err());
        assert!(correction_reopens(Status::Closed, Kind::Praise, Kind::Complaint));
        assert!(!correction_reopens(Status::Closed, Kind::Complaint, Kind::Praise));
        assert!(!correction_reopens(Status::FrontDesk, Kind::Praise, Kind::Complaint));
    }

    #[test]
    fn a_move_needs_its_note() {
        let e = check_move(Status::Received, Status::Specialist, "  ").unwrap_err();
        assert!(matches!(&e, Error::Validation { field, .. } if field == "note"), "{e:?}");
        assert_eq!(check_move(Status::Received, Status::FrontDesk, " Đã nhận ").unwrap(), "Đã nhận");
        assert!(check_move(Status::Received, Status::Closed, "x").is_err());
    }

    #[test]
    fn a_step_goes_on_an_open_case_with_its_note() {
        let e = check_step(Status::Closed, StepKind::AttitudeTalk, "Đã trao đổi").unwrap_err();
        assert!(matches!(e, Error::Conflict(_)), "{e:?}");
        let e = check_step(Status::FrontDesk, StepKind::AttitudeTalk, " ").unwrap_err();
        assert!(matches!(&e, Error::Validation { field, .. } if field == "note"), "{e:?}");
        assert_eq!(check_step(Status::FrontDesk, StepKind::AttitudeTalk, " Đã trao đổi ").unwrap(), "Đã trao đổi");
    }

    #[test]
    fn an_exception_deadline_has_a_reason_and_starts_no_earlier_than_the_receipt() {
        assert!(exception_reason("  ").is_err());
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(check_exception_due(day("2026-03-02"), "2026-03-02").is_ok());
        let e = check_exception_due(day("2026-03-01"), "2026-03-02").unwrap_err();
        assert!(matches!(&e, Error::Validation { field, .. } if field == "due"), "{e:?}");
    }
}
