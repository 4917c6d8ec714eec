//! Formal complaints under the Law on Complaints (Luật Khiếu nại số 02/2011/QH13): the
//! acceptance decision (thụ lý or not) and complex cases, beside the procedure's own 30-day
//! reply clock (seed 001), which still runs.
//!
//! The numbers are the office's settings ([`super::settings::Settings`]); their defaults are
//! the law's for a first-instance complaint:
//! - art. 27: the competent person accepts (thụ lý) the complaint within 10 days of receiving
//!   it, and tells the complainant; a complaint not accepted is answered in writing with the
//!   reason (the grounds of art. 11). `formal_accept_days` = 10.
//! - art. 28: the complaint is decided within 30 days of its acceptance; a complex case
//!   (vụ việc phức tạp) may take up to 45 days. `formal_decide_days` = 30,
//!   `formal_decide_days_complex` = 45. (Remote areas get 45 and 60; art. 55–56 give the same
//!   10 and 30/45 days for a civil servant's complaint against a disciplinary decision.)
//!
//! A decision recorded after its 10 days is recorded all the same and flagged late: the
//! record must say what happened, and refusing it would hide the delay rather than prevent it.

use super::text::clean_text;
use super::vocab::vocab;
use super::workflow::Status;
use crate::error::{Error, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

vocab!(
    /// The acceptance decision on a formal complaint (Luật Khiếu nại 2011, art. 27).
    Acceptance "decision" "Quyết định thụ lý" {
        Accepted = "accepted" "Thụ lý giải quyết",
        Refused = "refused" "Không thụ lý",
    }
);

/// The acceptance decision as a screen or the command line sends it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AcceptanceInput {
    pub decision: Acceptance,
    /// Why: the grounds of the acceptance, or of the refusal (art. 11), printed on the notice.
    pub reason: String,
    /// As [`super::case::MoveInput::version`]: refused when the case has changed since.
    #[serde(default)]
    #[ts(optional, type = "number")]
    pub version: Option<i64>,
}

/// A case marked complex (vụ việc phức tạp), with why.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ComplexInput {
    pub reason: String,
    #[serde(default)]
    #[ts(optional, type = "number")]
    pub version: Option<i64>,
}

/// What the Law's rules read of a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormalFacts {
    pub formal: bool,
    pub status: Status,
    pub acceptance: Option<Acceptance>,
    pub complex: bool,
    /// The deadline to accept (YYYY-MM-DD), set on every formal complaint.
    pub accept_due: Option<NaiveDate>,
}

const MAX_REASON_CHARS: usize = 2000;

fn reason_of(reason: &str, what: &str) -> Result<String> {
    let reason = clean_text(reason);
    if reason.is_empty() {
        return Err(Error::validation("reason", format!("Hãy ghi lý do {what}.")));
    }
    if reason.chars().count() > MAX_REASON_CHARS {
        return Err(Error::validation("reason", format!("Lý do quá dài: tối đa {MAX_REASON_CHARS} ký tự.")));
    }
    Ok(reason)
}

fn check_formal_open(f: &FormalFacts) -> Result<()> {
    if !f.formal {
        return Err(Error::Conflict(
            "Ý kiến này không được ghi là khiếu nại theo Luật Khiếu nại: không có quyết định thụ lý hay vụ việc phức tạp. \
             Nếu là đơn khiếu nại chính thức, hãy sửa thông tin đã ghi trước."
                .into(),
        ));
    }
    if f.status == Status::Closed {
        return Err(Error::Conflict("Hồ sơ đã đóng: không ghi thêm quyết định được.".into()));
    }
    Ok(())
}

/// The acceptance decision on `today`: only on an open formal complaint, once, with its
/// reason. Returns the reason as stored and whether the decision is late (after the 10 days).
pub fn check_acceptance(f: &FormalFacts, input: &AcceptanceInput, today: NaiveDate) -> Result<(String, bool)> {
    check_formal_open(f)?;
    if let Some(done) = f.acceptance {
        return Err(Error::Conflict(format!("Khiếu nại này đã có quyết định «{}»: không ghi lại được.", done.label())));
    }
    let what = match input.decision {
        Acceptance::Accepted => "thụ lý",
        Acceptance::Refused => "không thụ lý (Điều 11 Luật Khiếu nại)",
    };
    let reason = reason_of(&input.reason, what)?;
    let late = f.accept_due.is_some_and(|due| today > due);
    Ok((reason, late))
}

/// A case marked complex: an open formal complaint not refused, not complex already, with
/// its reason. Returns the reason as stored.
pub fn check_complex(f: &FormalFacts, reason: &str) -> Result<String> {
    check_formal_open(f)?;
    if f.acceptance == Some(Acceptance::Refused) {
        return Err(Error::Conflict("Khiếu nại không được thụ lý: không có thời hạn giải quyết để kéo dài.".into()));
    }
    if f.complex {
        return Err(Error::Conflict("Hồ sơ đã được ghi là vụ việc phức tạp.".into()));
    }
    reason_of(reason, "xác định vụ việc phức tạp")
}

/// Days to decide once accepted (art. 28): the complex number for a complex case.
pub fn decide_days(settings: &super::settings::Settings, complex: bool) -> u32 {
    if complex {
        settings.formal_decide_days_complex
    } else {
        settings.formal_decide_days
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn formal() -> FormalFacts {
        FormalFacts { formal: true, status: Status::Received, acceptance: None, complex: false, accept_due: Some(day("2026-03-12")) }
    }

    fn accept(reason: &str) -> AcceptanceInput {
        AcceptanceInput { decision: Acceptance::Accepted, reason: reason.into(), version: None }
    }

    #[test]
    fn a_decision_after_its_ten_days_is_recorded_and_flagged_late() {
        assert_eq!(check_acceptance(&formal(), &accept(" Đủ điều kiện "), day("2026-03-12")).unwrap(), ("Đủ điều kiện".into(), false));
        assert_eq!(check_acceptance(&formal(), &accept("Đủ điều kiện"), day("2026-03-13")).unwrap(), ("Đủ điều kiện".into(), true));
    }

    #[test]
    fn a_decision_needs_its_reason_a_formal_open_case_and_is_made_once() {
        let e = check_acceptance(&formal(), &accept("  "), day("2026-03-05")).unwrap_err();
        assert!(matches!(&e, Error::Validation { field, .. } if field == "reason"), "{e:?}");
        let e = check_acceptance(&FormalFacts { formal: false, ..formal() }, &accept("x"), day("2026-03-05")).unwrap_err();
        assert!(matches!(&e, Error::Conflict(m) if m.contains("Luật Khiếu nại")), "{e:?}");
        let e = check_acceptance(&FormalFacts { status: Status::Closed, ..formal() }, &accept("x"), day("2026-03-05")).unwrap_err();
        assert!(matches!(e, Error::Conflict(_)), "{e:?}");
        let decided = FormalFacts { acceptance: Some(Acceptance::Refused), ..formal() };
        let e = check_acceptance(&decided, &accept("x"), day("2026-03-05")).unwrap_err();
        assert!(matches!(&e, Error::Conflict(m) if m.contains("Không thụ lý")), "{e:?}");
    }

    #[test]
    fn only_an_accepted_or_undecided_formal_complaint_is_marked_complex_once() {
        assert_eq!(check_complex(&formal(), " Nhiều bên liên quan ").unwrap(), "Nhiều bên liên quan");
        assert!(check_complex(&formal(), "").is_err());
        assert!(check_complex(&FormalFacts { complex: true, ..formal() }, "x").is_err());
        assert!(check_complex(&FormalFacts { acceptance: Some(Acceptance::Refused), ..formal() }, "x").is_err());
        assert!(check_complex(&FormalFacts { formal: false, ..formal() }, "x").is_err());
        let s = super::super::settings::Settings::default();
        assert_eq!((decide_days(&s, false), decide_days(&s, true)), (30, 45));
    }
}
