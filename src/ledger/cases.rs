//! The office and its cases on the [`Ledger`]: the office profile, units, staff, settings,
//! holidays, the audit log, the feedback book and each case's handling (moves, steps,
//! deadlines, confirmation, reply letters), and corrective actions.

use super::Ledger;
use crate::domain::dates::parse_date;
use crate::domain::{self, audit::AuditEntry};
use crate::error::{Error, Result};
use crate::store::{self, holiday::Holiday};
use chrono::Datelike;
use crate::domain::feedback::CorrectionInput;
use crate::domain::law::{AcceptanceInput, ComplexInput};
use crate::{
    Action, ActionInput, ActionStatus, Case, CaseCounts, CorrectiveAction, ExceptionInput, FeedbackFilter, FeedbackInput,
    FeedbackPage, MoveInput, OfficeProfile, ReceiptNo, Settings, Staff, StaffInput, Status, StepInput, Unit, UnitInput,
};

impl Ledger {
    // ---- Office profile ----

    /// `None` until the office setup has been completed.
    pub fn office(&self) -> Result<Option<OfficeProfile>> {
        store::office::get(&self.conn)
    }

    pub fn save_office(&mut self, profile: &OfficeProfile) -> Result<OfficeProfile> {
        self.guard(Action::EditOffice)?;
        let p = profile.validated()?;
        self.write(|tx| store::office::save(tx, &p))?;
        Ok(p)
    }

    // ---- Units ----

    pub fn units(&self) -> Result<Vec<Unit>> {
        store::unit::list(&self.conn)
    }

    pub fn save_unit(&mut self, unit: &UnitInput) -> Result<Unit> {
        self.guard(Action::ManageUnits)?;
        let u = unit.validated()?;
        self.write(|tx| store::unit::save(tx, &u))
    }

    /// The live unit with this name or code, matched ignoring accents and case (for scripts
    /// and imports that name units in words).
    pub fn unit_named(&self, name: &str) -> Result<Unit> {
        let key = domain::text::fold(name);
        self.units()?
            .into_iter()
            .find(|u| domain::text::fold(&u.name) == key || (!u.code.is_empty() && domain::text::fold(&u.code) == key))
            .ok_or_else(|| Error::validation("unit", format!("Không có đơn vị tên «{name}».")))
    }

    pub fn delete_unit(&mut self, id: &str) -> Result<()> {
        self.guard(Action::ManageUnits)?;
        self.write(|tx| store::unit::delete(tx, id))
    }

    // ---- Staff ----

    /// Live staff; `query` searches name and title ignoring accents and case.
    pub fn staff(&self, query: Option<&str>) -> Result<Vec<Staff>> {
        store::staff::list(&self.conn, query)
    }

    pub fn save_staff(&mut self, staff: &StaffInput) -> Result<Staff> {
        self.guard_staff_input(staff)?;
        let s = staff.validated()?;
        self.write(|tx| store::staff::save(tx, &s))
    }

    /// The one live staff member with this full name, matched ignoring accents and case.
    pub fn staff_named(&self, name: &str) -> Result<Staff> {
        let key = domain::text::fold(name);
        let mut found: Vec<Staff> =
            self.staff(Some(name))?.into_iter().filter(|s| domain::text::fold(&s.full_name) == key).collect();
        match found.len() {
            1 => Ok(found.remove(0)),
            0 => Err(Error::validation("staff", format!("Không có cán bộ tên «{name}»."))),
            n => Err(Error::validation("staff", format!("Có {n} cán bộ cùng tên «{name}»; hãy chọn trong danh sách."))),
        }
    }

    pub fn delete_staff(&mut self, id: &str) -> Result<()> {
        self.guard_staff(Some(id), None)?;
        self.write(|tx| store::staff::delete(tx, id))
    }

    // ---- Settings ----

    pub fn settings(&self) -> Result<Settings> {
        store::settings::get(&self.conn)
    }

    pub fn save_settings(&mut self, settings: &Settings) -> Result<Settings> {
        self.guard(Action::EditSettings)?;
        let s = settings.validated()?;
        self.write(|tx| {
            if let Some(unit) = &s.result_unit_id {
                store::feedback::check_unit(tx, unit)?;
            }
            store::settings::save(tx, &s)
        })?;
        Ok(s)
    }

    // ---- Audit log ----

    pub fn audit_log(&self, limit: u32) -> Result<Vec<AuditEntry>> {
        self.guard(Action::ViewAuditLog)?;
        store::audit::recent(&self.conn, limit)
    }

    // ---- Feedback book and cases ----

    /// Enters feedback in the book and returns the case with its receipt number.
    pub fn add_feedback(&mut self, input: &FeedbackInput) -> Result<Case> {
        self.guard_entry(input)?;
        let (mut f, received) = input.validated()?;
        let (settings, calendar, now) = (self.settings()?, self.calendar()?, self.now());
        // A complaint or appeal about a result goes to the designated unit (seed 001, step 2)
        // when the clerk names none.
        if f.unit_id.is_none() && domain::workflow::result_route(f.kind, f.subject) {
            f.unit_id = settings.result_unit_id.clone();
        }
        let entered = store::feedback::Entered { by: self.session_account()?.map(|me| me.staff_id), at: now };
        let (id, _) = self.write(|tx| {
            store::feedback::check_links(tx, &f)?;
            domain::workflow::check_entry(&f, received, now)?;
            store::feedback::add(tx, &f, received, &settings, &calendar, &entered)
        })?;
        self.case(&id)
    }

    /// Corrects a saved entry (every field but its receipt number), with a reason: by the one
    /// who entered it on the same day, by the quality officer afterwards. The case's history
    /// and the audit log keep each field before → after. The deadlines follow the corrected
    /// receipt date and kind; a closed praise corrected to a complaint goes back to handling.
    pub fn correct_feedback(&mut self, id: &str, c: &CorrectionInput) -> Result<Case> {
        self.guard_correction(id)?;
        let (settings, calendar, now) = (self.settings()?, self.calendar()?, self.now());
        self.write(|tx| {
            let (before, facts) = store::feedback::entry(tx, id)?;
            domain::workflow::check_not_withdrawn(&facts.receipt.to_string(), facts.withdrawn_at.as_deref())?;
            domain::workflow::check_version(facts.version, c.version)?;
            let (after, received, changes, reason) = c.apply(&before)?;
            if received.year() != facts.receipt.year {
                return Err(Error::validation(
                    "received_at",
                    format!("Số phiếu {} thuộc năm {}: ngày tiếp nhận phải trong năm đó.", facts.receipt, facts.receipt.year),
                ));
            }
            domain::workflow::check_entry(&after, received, now)?;
            store::feedback::check_links(tx, &after)?;
            let reopen = domain::workflow::correction_reopens(facts.status, before.kind, after.kind);
            let correction = store::feedback::Correction { before: &before, after: &after, received, changes: &changes, reason: &reason, reopen };
            store::feedback::correct(tx, id, &facts, &correction, now, &settings, &calendar)
        })?;
        self.case(id)
    }

    /// Withdraws an entry made by mistake («nhập nhầm») with its reason: it stays in the book,
    /// marked, and is counted nowhere. Who may: as for a correction. Refused the second time.
    pub fn withdraw_feedback(&mut self, id: &str, reason: &str) -> Result<Case> {
        self.guard_correction(id)?;
        let reason = domain::feedback::withdrawal_reason(reason)?;
        let now = self.now();
        self.write(|tx| {
            let (_, facts) = store::feedback::entry(tx, id)?;
            domain::workflow::check_not_withdrawn(&facts.receipt.to_string(), facts.withdrawn_at.as_deref())?;
            store::feedback::withdraw(tx, id, facts.status, &reason, now)
        })?;
        self.case(id)
    }

    /// A correction or a withdrawal: a role that may enter feedback, on what its staff member
    /// entered that day; the quality officer on any entry (`workflow::check_corrector`).
    fn guard_correction(&self, id: &str) -> Result<()> {
        self.guard_case(Action::CorrectEntry, id)?;
        let Some(me) = self.session_account()? else { return Ok(()) };
        let (_, facts) = store::feedback::entry(&self.conn, id)?;
        let entered_on = facts.entered_at.as_deref().and_then(|t| parse_date("entered_at", "Ngày ghi", &t[..10.min(t.len())]).ok());
        domain::workflow::check_corrector(
            me.role,
            &me.staff_id,
            facts.entered_by.as_deref(),
            entered_on,
            self.today(),
        )
    }

    pub fn feedback(&self, filter: &FeedbackFilter) -> Result<FeedbackPage> {
        self.guard_read()?;
        store::feedback::list(&self.conn, filter, &self.settings()?)
    }

    /// The whole case, its deadlines judged today. The address, telephone and e-mail come
    /// masked (`contact_masked`): [`Ledger::case_contact`] shows them and logs who looked.
    pub fn case(&self, id: &str) -> Result<Case> {
        self.guard_read()?;
        let mut c = store::feedback::case(&self.conn, id, self.today())?;
        c.mask_contact();
        Ok(c)
    }

    /// The id of the case with this receipt number ("2026/000123").
    pub fn case_id(&self, receipt_no: &str) -> Result<String> {
        store::feedback::id_of(&self.conn, &receipt_no.parse::<ReceiptNo>()?)
    }

    /// Moves a case along the workflow; illegal moves are refused and change nothing, and so
    /// is a move made on a stale view of the case (`m.version` no longer the case's).
    pub fn move_case(&mut self, id: &str, m: &MoveInput) -> Result<Case> {
        self.guard_move(id)?;
        let (settings, calendar, now) = (self.settings()?, self.calendar()?, self.now());
        let at = m
            .at
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .map(|t| domain::dates::parse_local_datetime("at", "Thời điểm thực hiện", t))
            .transpose()?;
        let unit_id = m.unit_id.clone().filter(|u| !u.trim().is_empty());
        if unit_id.is_some() && m.to != Status::Specialist {
            return Err(Error::validation("unit_id", "Chỉ chọn đơn vị khi chuyển hồ sơ sang phòng chuyên môn (bước 6)."));
        }
        self.write(|tx| {
            let case = store::feedback::move_facts(tx, id)?;
            let (_, facts) = store::feedback::entry(tx, id)?;
            domain::workflow::check_not_withdrawn(&facts.receipt.to_string(), facts.withdrawn_at.as_deref())?;
            domain::workflow::check_version(case.version, m.version)?;
            let note = domain::workflow::check_move(case.status, m.to, &m.note)?;
            store::feedback::check_staff(tx, "staff_id", &m.staff_id)?;
            if let Some(unit) = &unit_id {
                store::feedback::check_unit(tx, unit)?;
            }
            if let Some(at) = at {
                let previous = store::feedback::last_move_at(tx, id)?
                    .and_then(|p| domain::dates::parse_local_datetime("at", "Bước trước", &p).ok());
                domain::workflow::check_move_time(at, previous, now)?;
            }
            if m.to == Status::Closed {
                domain::workflow::check_closing(&case, &store::feedback::done(tx, id)?)?;
            }
            let details = store::feedback::MoveDetails {
                to: m.to,
                note,
                channel: m.channel,
                staff_id: m.staff_id.clone(),
                unit_id: unit_id.clone(),
                at,
            };
            store::feedback::move_case(tx, id, &case, &details, now, &settings, &calendar)
        })?;
        self.case(id)
    }

    /// Records a mandatory step; refused, as a move is, when made on a stale view of the case.
    pub fn record_step(&mut self, id: &str, s: &StepInput) -> Result<Case> {
        self.guard_case(Action::RecordStep, id)?;
        let on = parse_date("on_date", "Ngày thực hiện", &s.on_date)?;
        self.write(|tx| {
            if s.version.is_some() {
                domain::workflow::check_version(store::case_version::of(tx, id)?, s.version)?;
            }
            let note = domain::workflow::check_step(store::feedback::status_of(tx, id)?, s.step, &s.note)?;
            store::feedback::check_staff(tx, "staff_id", &s.staff_id)?;
            store::feedback::record_step(tx, id, s.step, on, s.staff_id.clone(), &note)
        })?;
        self.case(id)
    }

    pub fn set_exception_deadline(&mut self, id: &str, e: &ExceptionInput) -> Result<Case> {
        self.guard_case(Action::SetExceptionDeadline, id)?;
        let due = parse_date("due", "Hạn giải quyết mới", &e.due)?;
        self.write(|tx| {
            let reason = domain::workflow::exception_reason(&e.reason)?;
            store::feedback::check_staff(tx, "by", &e.by)?;
            domain::workflow::check_exception_due(due, &store::feedback::received_day(tx, id)?)?;
            store::feedback::set_exception_deadline(tx, id, due, &reason, e.by.clone())
        })?;
        self.case(id)
    }

    /// The acceptance decision on a formal complaint (thụ lý or not, with its reason; Luật
    /// Khiếu nại 2011, art. 27), recorded today: after its 10 days it is recorded all the same
    /// and flagged late. Accepted, the deadline to decide runs from today.
    pub fn decide_acceptance(&mut self, id: &str, input: &AcceptanceInput) -> Result<Case> {
        self.guard_case(Action::DecideComplaint, id)?;
        let (settings, calendar, now) = (self.settings()?, self.calendar()?, self.now());
        self.write(|tx| {
            let (_, facts) = store::feedback::entry(tx, id)?;
            domain::workflow::check_not_withdrawn(&facts.receipt.to_string(), facts.withdrawn_at.as_deref())?;
            domain::workflow::check_version(facts.version, input.version)?;
            let formal = store::feedback::formal_facts(tx, id)?;
            let (reason, late) = domain::law::check_acceptance(&formal, input, now.date())?;
            store::feedback::record_acceptance(tx, id, input.decision, &reason, late, now, &settings, &calendar)
        })?;
        self.case(id)
    }

    /// Marks a formal complaint complex (vụ việc phức tạp, art. 28) with why: 45 days to
    /// decide from its acceptance instead of 30.
    pub fn mark_complex(&mut self, id: &str, input: &ComplexInput) -> Result<Case> {
        self.guard_case(Action::DecideComplaint, id)?;
        let (settings, calendar, now) = (self.settings()?, self.calendar()?, self.now());
        self.write(|tx| {
            let (_, facts) = store::feedback::entry(tx, id)?;
            domain::workflow::check_not_withdrawn(&facts.receipt.to_string(), facts.withdrawn_at.as_deref())?;
            domain::workflow::check_version(facts.version, input.version)?;
            let reason = domain::law::check_complex(&store::feedback::formal_facts(tx, id)?, &input.reason)?;
            store::feedback::mark_complex(tx, id, &reason, now, &settings, &calendar)
        })?;
        self.case(id)
    }

    /// The QMR marks a settlement on the spot seen (seed 001, step 1: «phải báo lại cho
    /// QMR»): it leaves the QMR's list of things to look at.
    pub fn mark_settlement_seen(&mut self, id: &str) -> Result<Case> {
        self.guard(Action::ReviewSettlement)?;
        let me = self.session_account()?.map(|a| a.staff_id);
        let now = self.now();
        self.write(|tx| {
            if !store::feedback::settlement_unseen(tx, id)? {
                return Err(Error::Conflict("Hồ sơ này không phải việc giải quyết ngay tại chỗ đang chờ QMR xem.".into()));
            }
            store::feedback::mark_settlement_seen(tx, id, me.as_deref(), now)
        })?;
        self.case(id)
    }

    /// The unit head's confirmation of the entry (R1.4).
    pub fn confirm(&mut self, id: &str, staff_id: &str) -> Result<Case> {
        self.guard_confirm(id, staff_id)?;
        let now = self.now();
        self.write(|tx| store::feedback::confirm(tx, id, staff_id, now))?;
        self.case(id)
    }

    /// Open, overdue and due-soon counts today, for the opening screen.
    pub fn case_counts(&self) -> Result<CaseCounts> {
        self.guard_read()?;
        let today = self.today();
        let until = today + chrono::Days::new(self.settings()?.due_soon_days as u64);
        let (open, overdue, due_soon) = store::feedback::open_counts(&self.conn, today, until)?;
        Ok(CaseCounts { open, overdue, due_soon })
    }

    // ---- Reply letters ----

    /// Drafts a reply letter for a written complaint, or rewrites an unsigned draft.
    pub fn draft_reply(&mut self, case_id: &str, letter_id: Option<&str>, number: &str, body: &str) -> Result<Case> {
        self.guard_case(Action::DraftReply, case_id)?;
        let now = store::feedback::fmt_local(self.now());
        self.write(|tx| store::letter::draft(tx, case_id, letter_id, number, body, &now))?;
        self.case(case_id)
    }

    pub fn sign_reply(&mut self, letter_id: &str, signer_name: &str, signer_title: &str, on: &str) -> Result<Case> {
        self.guard_letter(Action::SignReply, letter_id)?;
        let on = parse_date("signed_on", "Ngày ký", on)?;
        let (case_id, _) = store::letter::get(&self.conn, letter_id)?;
        self.write(|tx| store::letter::sign(tx, letter_id, signer_name, signer_title, on))?;
        self.case(&case_id)
    }

    pub fn send_reply(&mut self, letter_id: &str, on: &str, via: &str) -> Result<Case> {
        self.guard_letter(Action::SendReply, letter_id)?;
        let on = parse_date("sent_on", "Ngày gửi", on)?;
        let (case_id, _) = store::letter::get(&self.conn, letter_id)?;
        self.write(|tx| store::letter::send(tx, letter_id, on, via))?;
        self.case(&case_id)
    }

    // ---- Corrective actions ----

    pub fn actions(&self) -> Result<Vec<CorrectiveAction>> {
        store::action::list(&self.conn)
    }

    pub fn save_action(&mut self, a: &ActionInput) -> Result<CorrectiveAction> {
        self.guard(Action::EditCorrectiveAction)?;
        let a = a.validated()?;
        self.write(|tx| store::action::save(tx, &a))
    }

    pub fn set_action_status(&mut self, id: &str, status: ActionStatus) -> Result<CorrectiveAction> {
        self.guard(Action::EditCorrectiveAction)?;
        self.write(|tx| store::action::set_status(tx, id, status))
    }

    pub fn check_action(&mut self, id: &str, effective: bool, note: &str, on: &str) -> Result<CorrectiveAction> {
        self.guard(Action::CheckEffectiveness)?;
        let on = parse_date("checked_on", "Ngày đánh giá", on)?;
        self.write(|tx| store::action::check_effectiveness(tx, id, effective, note, on))
    }

    // ---- Holidays ----

    pub fn holidays(&self) -> Result<Vec<Holiday>> {
        store::holiday::list(&self.conn)
    }

    pub fn add_holiday(&mut self, day: &str, name: &str) -> Result<()> {
        self.guard(Action::EditSettings)?;
        let day = parse_date("day", "Ngày nghỉ", day)?;
        self.write(|tx| store::holiday::add(tx, day, name))
    }

    pub fn remove_holiday(&mut self, day: &str) -> Result<()> {
        self.guard(Action::EditSettings)?;
        let day = parse_date("day", "Ngày nghỉ", day)?;
        self.write(|tx| store::holiday::remove(tx, day))
    }

    pub(crate) fn calendar(&self) -> Result<domain::deadline::Calendar> {
        store::holiday::calendar(&self.conn)
    }
}
