//! Commands the UI invokes. Each delegates to the core in a line; errors reach the UI as the
//! core's tagged `ErrorReport`, which the UI turns into a Vietnamese sentence by its kind.

pub mod accounts;
pub mod encryption;
pub mod person;
pub mod records;
pub mod print;
pub mod report;
pub mod surveys;

use crate::state::AppState;
use tauri::State;
use ykien::{
    ActionInput, ActionStatus, AuditEntry, Case, CaseCounts, CorrectiveAction, ErrorReport, ExceptionInput, FeedbackFilter,
    FeedbackInput, FeedbackPage, Holiday, MoveInput, OfficeProfile, Settings, Staff, StaffInput, StepInput, Unit, UnitInput,
};

pub(crate) type Reply<T> = Result<T, ErrorReport>;

#[tauri::command]
pub fn app_info(state: State<AppState>) -> ykien::AppInfo {
    state.info()
}

#[tauri::command]
pub fn office_get(state: State<AppState>) -> Reply<Option<OfficeProfile>> {
    state.with(|l| l.office())
}

#[tauri::command]
pub fn office_save(state: State<AppState>, profile: OfficeProfile) -> Reply<OfficeProfile> {
    state.with(|l| l.save_office(&profile))
}

#[tauri::command]
pub fn units_list(state: State<AppState>) -> Reply<Vec<Unit>> {
    state.with(|l| l.units())
}

#[tauri::command]
pub fn unit_save(state: State<AppState>, unit: UnitInput) -> Reply<Unit> {
    state.with(|l| l.save_unit(&unit))
}

#[tauri::command]
pub fn unit_delete(state: State<AppState>, id: String) -> Reply<()> {
    state.with(|l| l.delete_unit(&id))
}

#[tauri::command]
pub fn staff_list(state: State<AppState>, query: Option<String>) -> Reply<Vec<Staff>> {
    state.with(|l| l.staff(query.as_deref()))
}

#[tauri::command]
pub fn staff_save(state: State<AppState>, staff: StaffInput) -> Reply<Staff> {
    state.with(|l| l.save_staff(&staff))
}

#[tauri::command]
pub fn staff_delete(state: State<AppState>, id: String) -> Reply<()> {
    state.with(|l| l.delete_staff(&id))
}

#[tauri::command]
pub fn settings_get(state: State<AppState>) -> Reply<Settings> {
    state.with(|l| l.settings())
}

#[tauri::command]
pub fn settings_save(state: State<AppState>, settings: Settings) -> Reply<Settings> {
    state.with(|l| l.save_settings(&settings))
}

#[tauri::command]
pub fn audit_log(state: State<AppState>, limit: u32) -> Reply<Vec<AuditEntry>> {
    state.with(|l| l.audit_log(limit))
}

// ---- Vocabulary ----

#[tauri::command]
pub fn vocabulary() -> ykien::Vocabulary {
    ykien::vocabulary()
}

// ---- Feedback book and cases ----

#[tauri::command]
pub fn feedback_add(state: State<AppState>, input: FeedbackInput) -> Reply<Case> {
    state.with(|l| l.add_feedback(&input))
}

#[tauri::command]
pub fn feedback_list(state: State<AppState>, filter: FeedbackFilter) -> Reply<FeedbackPage> {
    state.with(|l| l.feedback(&filter))
}

#[tauri::command]
pub fn case_counts(state: State<AppState>) -> Reply<CaseCounts> {
    state.with(|l| l.case_counts())
}

#[tauri::command]
pub fn case_get(state: State<AppState>, id: String) -> Reply<Case> {
    state.with(|l| l.case(&id))
}

#[tauri::command]
pub fn case_move(state: State<AppState>, id: String, step: MoveInput) -> Reply<Case> {
    state.with(|l| l.move_case(&id, &step))
}

#[tauri::command]
pub fn case_record_step(state: State<AppState>, id: String, step: StepInput) -> Reply<Case> {
    state.with(|l| l.record_step(&id, &step))
}

#[tauri::command]
pub fn case_set_exception(state: State<AppState>, id: String, exception: ExceptionInput) -> Reply<Case> {
    state.with(|l| l.set_exception_deadline(&id, &exception))
}

#[tauri::command]
pub fn case_confirm(state: State<AppState>, id: String, staff_id: String) -> Reply<Case> {
    state.with(|l| l.confirm(&id, &staff_id))
}

#[tauri::command]
pub fn reply_draft(state: State<AppState>, case_id: String, letter_id: Option<String>, number: String, body: String) -> Reply<Case> {
    state.with(|l| l.draft_reply(&case_id, letter_id.as_deref(), &number, &body))
}

#[tauri::command]
pub fn reply_sign(state: State<AppState>, letter_id: String, signer_name: String, signer_title: String, on: String) -> Reply<Case> {
    state.with(|l| l.sign_reply(&letter_id, &signer_name, &signer_title, &on))
}

#[tauri::command]
pub fn reply_send(state: State<AppState>, letter_id: String, on: String, via: String) -> Reply<Case> {
    state.with(|l| l.send_reply(&letter_id, &on, &via))
}

// ---- Corrective actions ----

#[tauri::command]
pub fn actions_list(state: State<AppState>) -> Reply<Vec<CorrectiveAction>> {
    state.with(|l| l.actions())
}

#[tauri::command]
pub fn action_save(state: State<AppState>, action: ActionInput) -> Reply<CorrectiveAction> {
    state.with(|l| l.save_action(&action))
}

#[tauri::command]
pub fn action_set_status(state: State<AppState>, id: String, status: ActionStatus) -> Reply<CorrectiveAction> {
    state.with(|l| l.set_action_status(&id, status))
}

#[tauri::command]
pub fn action_check(state: State<AppState>, id: String, effective: bool, note: String, on: String) -> Reply<CorrectiveAction> {
    state.with(|l| l.check_action(&id, effective, &note, &on))
}

// ---- Holidays ----

#[tauri::command]
pub fn holidays_list(state: State<AppState>) -> Reply<Vec<Holiday>> {
    state.with(|l| l.holidays())
}

#[tauri::command]
pub fn holiday_add(state: State<AppState>, day: String, name: String) -> Reply<()> {
    state.with(|l| l.add_holiday(&day, &name))
}

#[tauri::command]
pub fn holiday_remove(state: State<AppState>, day: String) -> Reply<()> {
    state.with(|l| l.remove_holiday(&day))
}
