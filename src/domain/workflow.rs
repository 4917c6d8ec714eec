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

use super::feedback::{Kind, Subject};
use super::vocab::vocab;
use crate::error::{Error, Result};
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
            Subject::ServiceResult if kind == Kind::Appeal => {
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
        assert!(requirements(Kind::Complaint, Subject::ServiceResult, false).is_empty());
        assert!(requirements(Kind::Suggestion, Subject::Attitude, true).is_empty());
        let done = Done { steps: vec![StepKind::Investigation], corrective_actions: 0, reply_sent: true };
        assert_eq!(missing(&requirements(Kind::Complaint, Subject::Confidentiality, true), &done), vec![CorrectiveAction]);
    }
}
