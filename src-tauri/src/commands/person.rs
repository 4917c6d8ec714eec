//! Commands of personal data (Law 91/2025/QH15): the privacy notice, a case's contact
//! details shown on request, and a person's records found, exported and erased.

use super::Reply;
use crate::state::AppState;
use std::path::PathBuf;
use tauri::State;
use ykien::{Contact, ErasureReport, ErasureRequest, ExportReport, PersonMatch, PersonQuery, PersonSelection};

#[tauri::command]
pub fn privacy_notice_get(state: State<AppState>) -> Reply<String> {
    state.with(|l| l.privacy_notice())
}

/// The notice as printed on the forms (the office's name filled in).
#[tauri::command]
pub fn privacy_notice_printed(state: State<AppState>) -> Reply<String> {
    state.with(|l| l.privacy_notice_printed())
}

#[tauri::command]
pub fn privacy_notice_save(state: State<AppState>, text: String) -> Reply<String> {
    state.with(|l| l.save_privacy_notice(&text))
}

#[tauri::command]
pub fn case_contact(state: State<AppState>, id: String) -> Reply<Contact> {
    state.with(|l| l.case_contact(&id))
}

#[tauri::command]
pub fn person_find(state: State<AppState>, query: PersonQuery) -> Reply<Vec<PersonMatch>> {
    state.with(|l| l.find_person(&query))
}

#[tauri::command(async)]
pub fn person_export(state: State<AppState>, selection: PersonSelection, out: String) -> Reply<ExportReport> {
    state.with(|l| l.export_person(&selection, &PathBuf::from(out)))
}

#[tauri::command(async)]
pub fn person_erase(state: State<AppState>, request: ErasureRequest) -> Reply<ErasureReport> {
    state.with(|l| l.erase_person(&request))
}
