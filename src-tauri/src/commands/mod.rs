//! Commands the UI invokes. Each delegates to the core in a line; errors reach the UI as the
//! core's tagged `ErrorReport`, which the UI turns into a Vietnamese sentence by its kind.

use crate::state::AppState;
use tauri::State;
use ykien::{AuditEntry, ErrorReport, OfficeProfile, Settings, Staff, StaffInput, Unit, UnitInput};

type Reply<T> = Result<T, ErrorReport>;

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
