//! Corrective, preventive and improvement actions (R2.6; QT-07-HTCL, QT.SCT.04): cause, action,
//! owner, due date, status and an effectiveness check, linked to the cases behind them.

use super::dates::parse_date;
use super::text::clean_text;
use super::vocab::vocab;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

vocab!(
    ActionKind "action_kind" "Loại hành động" {
        Corrective = "corrective" "Hành động khắc phục",
        Preventive = "preventive" "Hành động phòng ngừa",
        Improvement = "improvement" "Hành động cải tiến",
    }
);

vocab!(
    /// open → in_progress → done → verified (effective). A check that finds the action not
    /// effective sends it back to in_progress.
    ActionStatus "action_status" "Tình trạng" {
        Open = "open" "Mới đề ra",
        InProgress = "in_progress" "Đang thực hiện",
        Done = "done" "Đã thực hiện, chờ đánh giá hiệu lực",
        Verified = "verified" "Đã đánh giá: có hiệu lực",
    }
);

vocab!(
    /// What an action answers besides cases (R2.6: «linked to the complaints or survey
    /// findings that caused them»; seed 003 §5.4: the annual report's proposals).
    SourceKind "source_kind" "Nguồn của hành động" {
        /// A survey criterion whose result is under its quality objective; `reference` names
        /// the criterion (its wording or code) and the year or round.
        SurveyCriterion = "survey_criterion" "Tiêu chí khảo sát dưới mục tiêu",
        /// A group of written opinions on the survey forms; `reference` is the group's name.
        OpinionGroup = "opinion_group" "Nhóm ý kiến khác trên phiếu khảo sát",
        /// The annual satisfaction report's proposals; `reference` is the report's year.
        AnnualProposal = "annual_proposal" "Đề xuất của báo cáo đánh giá năm",
    }
);

/// A source of an action other than a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActionSource {
    pub kind: SourceKind,
    /// Which one: a criterion, a group's name, a year.
    pub reference: String,
    /// How the register shows it; the reference when left empty.
    #[serde(default)]
    pub label: String,
}

vocab!(
    /// Where an action stands in the register on a given day: still to do (on track, due
    /// soon, overdue), done and waiting for its effectiveness check, or checked effective.
    RegisterState "state" "Tình trạng trong sổ theo dõi" {
        Open = "open" "Đang thực hiện, còn hạn",
        DueSoon = "due_soon" "Sắp đến hạn",
        Overdue = "overdue" "Quá hạn",
        AwaitingCheck = "awaiting_check" "Chờ đánh giá hiệu lực",
        Verified = "verified" "Đã đánh giá: có hiệu lực",
    }
);

impl RegisterState {
    /// The state of an action of `status` due on `due` (YYYY-MM-DD), judged on `on`, with the
    /// office's due-soon window of `soon_days`.
    pub fn of(status: ActionStatus, due: &str, on: chrono::NaiveDate, soon_days: u32) -> RegisterState {
        match status {
            ActionStatus::Verified => RegisterState::Verified,
            ActionStatus::Done => RegisterState::AwaitingCheck,
            ActionStatus::Open | ActionStatus::InProgress => {
                let (today, soon) = (on.to_string(), (on + chrono::Days::new(soon_days as u64)).to_string());
                if due < today.as_str() {
                    RegisterState::Overdue
                } else if due <= soon.as_str() {
                    RegisterState::DueSoon
                } else {
                    RegisterState::Open
                }
            }
        }
    }
}

/// Which actions the register shows. Empty fields do not filter.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct ActionFilter {
    #[ts(optional)]
    pub state: Option<RegisterState>,
    #[ts(optional)]
    pub unit_id: Option<String>,
    /// Only the actions still to do past their due date on this day (YYYY-MM-DD).
    #[ts(optional)]
    pub overdue_on: Option<String>,
    /// The day the states are judged on (YYYY-MM-DD); today when absent.
    #[ts(optional)]
    pub on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CorrectiveAction {
    pub id: String,
    pub kind: ActionKind,
    /// Nguyên nhân.
    pub cause: String,
    /// Biện pháp.
    pub action: String,
    pub owner_id: Option<String>,
    pub owner_name: Option<String>,
    pub due_date: String,
    pub status: ActionStatus,
    pub effectiveness_note: String,
    pub effective: Option<bool>,
    pub checked_on: Option<String>,
    /// Receipt numbers of the linked cases.
    pub cases: Vec<String>,
    /// The unit that carries it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub unit_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub unit_name: Option<String>,
    /// Its sources besides cases.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<ActionSource>>", optional)]
    pub sources: Vec<ActionSource>,
    /// Where it stands in the register on the day asked (the register's lists only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub state: Option<RegisterState>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ActionInput {
    #[ts(optional)]
    pub id: Option<String>,
    pub kind: ActionKind,
    pub cause: String,
    pub action: String,
    pub owner_id: Option<String>,
    pub due_date: String,
    /// Ids of the cases this action answers.
    pub case_ids: Vec<String>,
    /// The unit that carries it out.
    #[serde(default)]
    #[ts(optional)]
    pub unit_id: Option<String>,
    /// What it answers besides cases: at least one source, a case or one of these.
    #[serde(default)]
    #[ts(as = "Option<Vec<ActionSource>>", optional)]
    pub sources: Vec<ActionSource>,
}

impl ActionInput {
    pub fn validated(&self) -> Result<ActionInput> {
        let cause = clean_text(&self.cause);
        let action = clean_text(&self.action);
        if cause.is_empty() {
            return Err(Error::validation("cause", "Hãy ghi nguyên nhân."));
        }
        if action.is_empty() {
            return Err(Error::validation("action", "Hãy ghi biện pháp khắc phục."));
        }
        for (field, label, v) in [("cause", "Nguyên nhân", &cause), ("action", "Biện pháp", &action)] {
            let n = v.chars().count();
            if n > 5000 {
                return Err(Error::validation(field, format!("{label} quá dài: {n} ký tự, tối đa 5000 ký tự.")));
            }
        }
        let due = parse_date("due_date", "Hạn hoàn thành", &self.due_date)?;
        let mut sources = Vec::new();
        for src in &self.sources {
            let reference = clean_text(&src.reference);
            if reference.is_empty() {
                return Err(Error::validation("sources", format!("Hãy ghi rõ nguồn «{}» (tiêu chí, nhóm ý kiến hoặc năm báo cáo).", src.kind.label())));
            }
            if src.kind == SourceKind::AnnualProposal && !(reference.len() == 4 && reference.chars().all(|c| c.is_ascii_digit())) {
                return Err(Error::validation("sources", format!("Đề xuất của báo cáo năm: ghi năm của báo cáo (ví dụ 2026), không phải «{reference}».")));
            }
            let label = clean_text(&src.label);
            let label = if label.is_empty() { reference.clone() } else { label };
            if !sources.iter().any(|s: &ActionSource| s.kind == src.kind && s.reference == reference) {
                sources.push(ActionSource { kind: src.kind, reference, label });
            }
        }
        let mut case_ids = self.case_ids.clone();
        case_ids.retain(|c| !c.trim().is_empty());
        if case_ids.is_empty() && sources.is_empty() {
            return Err(Error::validation(
                "sources",
                "Hành động phải gắn với ít nhất một nguồn: một hồ sơ khiếu nại, một tiêu chí khảo sát dưới mục tiêu, \
                 một nhóm ý kiến hoặc đề xuất của báo cáo năm.",
            ));
        }
        Ok(ActionInput {
            id: self.id.clone(),
            kind: self.kind,
            cause,
            action,
            owner_id: self.owner_id.clone().filter(|s| !s.trim().is_empty()),
            due_date: due.to_string(),
            case_ids,
            unit_id: self.unit_id.clone().filter(|s| !s.trim().is_empty()),
            sources,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(case_ids: Vec<String>, sources: Vec<ActionSource>) -> ActionInput {
        ActionInput {
            id: None,
            kind: ActionKind::Improvement,
            cause: "Khách hàng chờ lâu".into(),
            action: "Thêm một quầy vào buổi sáng".into(),
            owner_id: None,
            due_date: "2026-06-30".into(),
            case_ids,
            unit_id: None,
            sources,
        }
    }

    #[test]
    fn an_action_answers_at_least_one_source() {
        let e = input(vec![], vec![]).validated().unwrap_err();
        assert!(matches!(&e, Error::Validation { field, .. } if field == "sources"), "{e:?}");
        assert!(input(vec!["c1".into()], vec![]).validated().is_ok());
        let group = ActionSource { kind: SourceKind::OpinionGroup, reference: " Cơ sở vật chất ".into(), label: String::new() };
        let ok = input(vec![], vec![group.clone(), group]).validated().unwrap();
        assert_eq!(ok.sources, vec![ActionSource { kind: SourceKind::OpinionGroup, reference: "Cơ sở vật chất".into(), label: "Cơ sở vật chất".into() }]);
        let year = |r: &str| ActionSource { kind: SourceKind::AnnualProposal, reference: r.into(), label: String::new() };
        assert!(input(vec![], vec![year("2026")]).validated().is_ok());
        assert!(input(vec![], vec![year("năm nay")]).validated().is_err());
    }

    #[test]
    fn the_register_state_follows_the_status_and_the_due_date() {
        let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let on = day("2026-06-10");
        assert_eq!(RegisterState::of(ActionStatus::Open, "2026-06-09", on, 3), RegisterState::Overdue);
        assert_eq!(RegisterState::of(ActionStatus::InProgress, "2026-06-10", on, 3), RegisterState::DueSoon);
        assert_eq!(RegisterState::of(ActionStatus::Open, "2026-06-13", on, 3), RegisterState::DueSoon);
        assert_eq!(RegisterState::of(ActionStatus::Open, "2026-06-14", on, 3), RegisterState::Open);
        assert_eq!(RegisterState::of(ActionStatus::Done, "2026-01-01", on, 3), RegisterState::AwaitingCheck);
        assert_eq!(RegisterState::of(ActionStatus::Verified, "2026-01-01", on, 3), RegisterState::Verified);
    }
}
