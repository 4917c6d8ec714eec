//! What the screens and the CLI read about cases: list rows, the full case with its history,
//! its deadlines and what is still required before closing.

use super::action::CorrectiveAction;
use super::law::Acceptance;
use super::feedback::{Book, Channel, CustomerGroup, Kind, Subject};
use super::letter::ReplyLetter;
use super::workflow::{Move, Requirement, Status, StepKind};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One line of the book or of a case list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FeedbackRow {
    pub id: String,
    /// 2026/000123
    pub receipt_no: String,
    pub received_at: String,
    pub customer_name: String,
    pub customer_org: String,
    pub kind: Kind,
    pub subject: Subject,
    pub channel: Channel,
    pub status: Status,
    pub unit_name: Option<String>,
    pub receiver_name: Option<String>,
    /// The deadline in force: the director's exception when set, else the reply deadline.
    pub due_date: String,
    pub closed_at: Option<String>,
    pub content: String,
    /// "Xác nhận của trưởng phòng/đơn vị": who confirmed, when.
    pub confirmed_by_name: Option<String>,
    pub confirmed_at: Option<String>,
    /// When the entry was withdrawn as made by mistake («nhập nhầm»): it stays in the book,
    /// marked, and is counted nowhere. Absent for a live entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub withdrawn_at: Option<String>,
    /// A formal complaint's Law deadline running now ([`Deadlines::law_due`]); absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub law_due: Option<String>,
}

/// A page of a list, with the number of all matching rows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct FeedbackPage {
    pub total: i32,
    pub rows: Vec<FeedbackRow>,
}

/// Which cases a list shows. Empty fields do not filter.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct FeedbackFilter {
    /// Searched in the customer, the content and the receipt number, ignoring accents and case.
    #[ts(optional)]
    pub search: Option<String>,
    #[ts(optional)]
    pub status: Option<Status>,
    #[ts(optional)]
    pub kind: Option<Kind>,
    #[ts(optional)]
    pub subject: Option<Subject>,
    #[ts(optional)]
    pub book: Option<Book>,
    #[ts(optional)]
    pub unit_id: Option<String>,
    #[ts(optional)]
    pub channel: Option<Channel>,
    #[ts(optional)]
    pub customer_group: Option<CustomerGroup>,
    /// Only complaints (khiếu nại, phàn nàn, kháng nghị), the kinds the procedure handles.
    #[ts(optional)]
    pub complaints: Option<bool>,
    /// Received on or after this date (YYYY-MM-DD).
    #[ts(optional)]
    pub from: Option<String>,
    /// Received on or before this date (YYYY-MM-DD).
    #[ts(optional)]
    pub to: Option<String>,
    /// Only cases still open after their deadline on this date.
    #[ts(optional)]
    pub overdue_on: Option<String>,
    /// Only cases received by the end of this date and not closed by then (open on it).
    #[ts(optional)]
    pub open_on: Option<String>,
    /// Only open cases whose deadline falls within the due-soon window of this date.
    #[ts(optional)]
    pub due_soon_on: Option<String>,
    /// Only the cases of the signed-in unit head's unit that arrived there (forwarded to it,
    /// or given to it by a correction) after this local time, `YYYY-MM-DDTHH:MM`: what a unit
    /// head has not seen yet. Use with `unit_id`.
    #[ts(optional)]
    pub arrived_since: Option<String>,
    /// Only the open cases that wait for this role (the quality officer or leadership).
    #[ts(optional)]
    pub waits_for: Option<WaitsFor>,
    #[ts(optional)]
    pub limit: Option<u32>,
    #[ts(optional)]
    pub offset: Option<u32>,
    /// Count the matches only this far (and at least to the end of the page asked): the
    /// total is then at most one more than that, and the window says «hơn 1.000». Without
    /// it (the command line), the count is exact.
    #[ts(optional)]
    pub count_limit: Option<u32>,
}

/// Whose decision an open case waits for, as a start page lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WaitsFor {
    /// The quality officer (QMR): complaints about confidentiality, which only the QMR and
    /// leadership handle; complaints and appeals about a certification or service result,
    /// reported to the QMR (seed 001, step 2); and feedback settled on the spot, reported to
    /// the QMR (seed 001, step 1) until the QMR marks it seen.
    Qmr,
    /// Leadership: a direction asked for (bước 8), or a reply letter drafted and not signed.
    Leadership,
}

/// The whole record of one case.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Case {
    pub id: String,
    pub receipt_no: String,
    /// 1 when entered, one more at every change to what this record shows. A move or a step
    /// sends back the version it was made on; the core refuses it when the case has changed
    /// since (another desk moved it), rather than act on a stale view.
    #[ts(type = "number")]
    pub version: i64,
    pub received_at: String,
    pub channel: Channel,
    pub kind: Kind,
    pub subject: Subject,
    pub book: Book,
    pub customer_name: String,
    pub customer_org: String,
    pub customer_address: String,
    pub customer_phone: String,
    pub customer_email: String,
    /// True when the address, telephone and e-mail above are masked (the case as read by
    /// [`crate::Ledger::case`]); [`crate::Ledger::case_contact`] shows them, and logs it.
    pub contact_masked: bool,
    pub customer_group: CustomerGroup,
    pub content: String,
    pub receiver_id: Option<String>,
    pub receiver_name: Option<String>,
    pub unit_id: Option<String>,
    pub unit_name: Option<String>,
    pub written: bool,
    pub formal: bool,
    pub complex: bool,
    pub status: Status,
    pub resolution: String,
    pub closed_at: Option<String>,
    pub confirmed_by_name: Option<String>,
    pub confirmed_at: Option<String>,
    /// Withdrawn as made by mistake («nhập nhầm»), when and why; absent for a live entry.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub withdrawn_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub withdrawn_reason: Option<String>,
    pub deadlines: Deadlines,
    /// Settled on the spot and not yet marked seen by the QMR, to whom it is reported (seed
    /// 001, step 1).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[ts(as = "Option<bool>", optional)]
    pub settlement_unseen: bool,
    pub history: Vec<CaseEvent>,
    pub steps: Vec<CaseStep>,
    pub letters: Vec<ReplyLetter>,
    pub actions: Vec<CorrectiveAction>,
    /// The moves open now, as buttons.
    pub next_moves: Vec<Move>,
    /// What must be done before closing, and whether it is.
    pub requirements: Vec<RequirementState>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Deadlines {
    /// Reply deadline counted from receipt (YYYY-MM-DD).
    pub reply_due: String,
    /// The director's exception deadline, with its reason.
    pub exception_due: Option<String>,
    pub exception_reason: Option<String>,
    pub exception_by_name: Option<String>,
    /// The deadline in force.
    pub due: String,
    /// Formal complaints: the deadline to accept (thụ lý), and when it was accepted.
    pub formal_accept_due: Option<String>,
    pub accepted_on: Option<String>,
    /// Formal complaints: the deadline to decide, once accepted.
    pub formal_decide_due: Option<String>,
    /// Formal complaints: the acceptance decision (thụ lý or not), its reason, its day, and
    /// whether it came after its deadline (recorded all the same, flagged late).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub acceptance: Option<Acceptance>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub acceptance_reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub acceptance_on: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[ts(as = "Option<bool>", optional)]
    pub acceptance_late: bool,
    /// Why the case was marked complex (vụ việc phức tạp: 45 days to decide).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub complex_reason: Option<String>,
    /// Formal complaints: the Law's deadline that runs now (to accept while undecided, to
    /// decide once accepted, none once refused or closed), and whether it is past on the day
    /// asked. The due-soon and overdue lists read it beside the reply deadline.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub law_due: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[ts(as = "Option<bool>", optional)]
    pub law_overdue: bool,
    /// Whether the case was (or is, if open) past its deadline on the day asked.
    pub overdue: bool,
    /// Days left until the deadline on the day asked (negative when overdue); absent once closed.
    pub days_left: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CaseEvent {
    pub at: String,
    pub actor: String,
    pub staff_name: Option<String>,
    pub from_status: Option<Status>,
    pub to_status: Status,
    pub channel: Option<Channel>,
    pub note: String,
    /// What the line records when it is not a move: a correction or a withdrawal.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub what: Option<EventWhat>,
    /// When the line was entered, when that was later than `at` (work done on paper first).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub recorded_at: Option<String>,
    /// The unit the case was forwarded to (or given to by a correction).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub unit_name: Option<String>,
}

/// A line of a case's history that is not a move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EventWhat {
    /// The entry corrected: the note says which fields, before → after, and why.
    Correction,
    /// The entry withdrawn as made by mistake («nhập nhầm»), with why.
    Withdrawal,
    /// The customer told the evaluation and the measures taken (the measures letter sent).
    Notice,
    /// A formal complaint's acceptance decision (thụ lý or not), with its reason.
    Acceptance,
    /// A formal complaint marked complex (vụ việc phức tạp), with why.
    Complex,
    /// A settlement on the spot seen by the QMR, to whom it is reported.
    Seen,
}

impl EventWhat {
    pub fn as_str(self) -> &'static str {
        match self {
            EventWhat::Correction => "correction",
            EventWhat::Withdrawal => "withdrawal",
            EventWhat::Notice => "notice",
            EventWhat::Acceptance => "acceptance",
            EventWhat::Complex => "complex",
            EventWhat::Seen => "seen",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CaseStep {
    pub id: String,
    pub step: StepKind,
    pub on_date: String,
    pub staff_name: Option<String>,
    pub note: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct RequirementState {
    pub requirement: Requirement,
    pub label: String,
    pub done: bool,
}

/// A move along the workflow, as the case screen sends it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct MoveInput {
    pub to: Status,
    #[serde(default)]
    pub note: String,
    #[ts(optional)]
    pub channel: Option<Channel>,
    /// The staff member who did it, when not the signed-in clerk.
    #[ts(optional)]
    pub staff_id: Option<String>,
    /// The case's version the move was decided on ([`Case::version`]); refused when the case
    /// has changed since. Absent: no check (scripts written before versions keep working).
    #[serde(default)]
    #[ts(optional, type = "number")]
    pub version: Option<i64>,
    /// The specialist unit a move to `specialist` forwards the case to (unit id); absent: the
    /// unit the case already has.
    #[serde(default)]
    #[ts(optional)]
    pub unit_id: Option<String>,
    /// When the move happened, `YYYY-MM-DDTHH:MM`, when it is entered later than it was
    /// done (on paper): not in the future, not before the case's previous move. Absent: now.
    #[serde(default)]
    #[ts(optional)]
    pub at: Option<String>,
}

/// One of the mandatory steps of R2.5, as recorded.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct StepInput {
    pub step: StepKind,
    /// YYYY-MM-DD
    pub on_date: String,
    #[ts(optional)]
    pub staff_id: Option<String>,
    pub note: String,
    /// As [`MoveInput::version`]: the step is recorded from the same view of the case.
    #[serde(default)]
    #[ts(optional, type = "number")]
    pub version: Option<i64>,
}

/// The director's exception deadline.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ExceptionInput {
    /// YYYY-MM-DD
    pub due: String,
    pub reason: String,
    #[ts(optional)]
    pub by: Option<String>,
}

/// A unit head's confirmation of every entry of their unit received in a period (R1.4).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ConfirmBatchInput {
    pub unit_id: String,
    /// YYYY-MM-DD
    pub from: String,
    /// YYYY-MM-DD
    pub to: String,
    /// The unit head confirming: the signed-in staff member.
    pub staff_id: String,
}

/// What a batch did: the receipt numbers it changed, in the book's order.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct BatchOutcome {
    pub receipt_nos: Vec<String>,
}

/// Counts shown when the app opens.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CaseCounts {
    pub open: i32,
    pub overdue: i32,
    pub due_soon: i32,
}
