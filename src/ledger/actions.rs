//! The corrective-action register (R2.6; QT-07-HTCL, QT.SCT.04) and the batches of daily
//! work: a unit head confirming a period's entries at once (R1.4), a director signing the
//! reply letters waiting for a signature from one list (R2.3).

use super::Ledger;
use crate::domain::action::{ActionFilter, CorrectiveAction, RegisterState};
use crate::domain::case::{BatchOutcome, ConfirmBatchInput};
use crate::domain::dates::parse_date;
use crate::domain::letter::{LetterToSign, SignBatchInput};
use crate::error::{Error, Result};
use crate::{store, Action};

impl Ledger {
    /// Every corrective, preventive and improvement action with where it stands on the day
    /// asked (today by default): still to do (on track, due soon, overdue), waiting for its
    /// effectiveness check, or checked effective; filtered by state and unit, overdue ones
    /// on a given day. Overdue first, then by due date.
    pub fn action_register(&self, filter: &ActionFilter) -> Result<Vec<CorrectiveAction>> {
        self.guard_read()?;
        let on = match filter.on.as_deref().filter(|d| !d.is_empty()) {
            Some(d) => parse_date("on", "Ngày xét", d)?,
            None => self.today(),
        };
        let overdue_on = filter.overdue_on.as_deref().filter(|d| !d.is_empty()).map(|d| parse_date("overdue_on", "Ngày xét quá hạn", d)).transpose()?;
        let soon = self.settings()?.due_soon_days;
        let unit = filter.unit_id.as_deref().filter(|u| !u.is_empty());
        let mut rows: Vec<CorrectiveAction> = store::action::list(&self.conn)?
            .into_iter()
            .filter(|a| unit.is_none() || a.unit_id.as_deref() == unit)
            .filter(|a| overdue_on.is_none_or(|d| RegisterState::of(a.status, &a.due_date, d, soon) == RegisterState::Overdue))
            .map(|mut a| {
                a.state = Some(RegisterState::of(a.status, &a.due_date, on, soon));
                a
            })
            .filter(|a| filter.state.is_none() || a.state == filter.state)
            .collect();
        let order = |s: Option<RegisterState>| match s {
            Some(RegisterState::Overdue) => 0,
            Some(RegisterState::DueSoon) => 1,
            Some(RegisterState::Open) => 2,
            Some(RegisterState::AwaitingCheck) => 3,
            _ => 4,
        };
        rows.sort_by(|a, b| order(a.state).cmp(&order(b.state)).then_with(|| a.due_date.cmp(&b.due_date)));
        Ok(rows)
    }

    /// One action of the register, as it stands today.
    pub fn action(&self, id: &str) -> Result<CorrectiveAction> {
        self.guard_read()?;
        let mut a = store::action::get(&self.conn, id)?;
        a.state = Some(RegisterState::of(a.status, &a.due_date, self.today(), self.settings()?.due_soon_days));
        Ok(a)
    }

    /// A unit head confirms at once every entry of their unit received in the period and
    /// not confirmed yet (R1.4), in one transaction: each as [`Ledger::confirm`] would, or
    /// none when one is refused.
    pub fn confirm_period(&mut self, input: &ConfirmBatchInput) -> Result<BatchOutcome> {
        self.guard(Action::Confirm)?;
        let from = parse_date("from", "Từ ngày", &input.from)?;
        let to = parse_date("to", "Đến ngày", &input.to)?;
        if to < from {
            return Err(Error::validation("to", "Ngày cuối của kỳ không thể trước ngày đầu."));
        }
        store::unit::get(&self.conn, &input.unit_id).map_err(|_| Error::validation("unit_id", "Đơn vị đã chọn không có trong danh sách đơn vị."))?;
        let entries = store::feedback::unconfirmed(&self.conn, &input.unit_id, from, to)?;
        // The same guard as one confirmation: a unit head, on their own unit, in their own name.
        for (id, _) in &entries {
            self.guard_confirm(id, &input.staff_id)?;
        }
        let now = self.now();
        self.write(|tx| entries.iter().try_for_each(|(id, _)| store::feedback::confirm(tx, id, &input.staff_id, now)))?;
        Ok(BatchOutcome { receipt_nos: entries.into_iter().map(|(_, r)| r).collect() })
    }

    /// The reply letters drafted and waiting for leadership's signature, oldest first.
    pub fn letters_to_sign(&self) -> Result<Vec<LetterToSign>> {
        self.guard_read()?;
        store::letter::waiting_signature(&self.conn)
    }

    /// Signs several drafts at once, by one signer on one day, in one transaction: each as
    /// [`Ledger::sign_reply`] would, or none when one is refused.
    pub fn sign_replies(&mut self, input: &SignBatchInput) -> Result<BatchOutcome> {
        if input.letter_ids.is_empty() {
            return Err(Error::validation("letter_ids", "Hãy chọn ít nhất một công văn để ký."));
        }
        for id in &input.letter_ids {
            self.guard_letter(Action::SignReply, id)?;
        }
        let on = parse_date("signed_on", "Ngày ký", &input.on)?;
        let receipts = self.write(|tx| {
            let mut receipts = Vec::new();
            for id in &input.letter_ids {
                store::letter::sign(tx, id, &input.signer_name, &input.signer_title, on)?;
                let (case_id, _) = store::letter::get(tx, id)?;
                receipts.push(store::feedback::entry(tx, &case_id)?.1.receipt.to_string());
            }
            Ok(receipts)
        })?;
        Ok(BatchOutcome { receipt_nos: receipts })
    }
}
