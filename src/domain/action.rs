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
        Ok(ActionInput {
            id: self.id.clone(),
            kind: self.kind,
            cause,
            action,
            owner_id: self.owner_id.clone().filter(|s| !s.trim().is_empty()),
            due_date: due.to_string(),
            case_ids: self.case_ids.clone(),
        })
    }
}
