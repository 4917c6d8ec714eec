//! Survey commands: templates, rounds, printing, keyboard entry and import. Each delegates to
//! the core in a line or two.

use super::Reply;
use crate::state::AppState;
use tauri::{AppHandle, State};
use ykien::{EntrySheet, ImportReport, PrintOutcome, ResponseInput, RoundInput, SerialCheck, SurveyResponse, SurveyRound, SurveyTemplate, TemplateInfo};

#[tauri::command]
pub fn survey_templates(state: State<AppState>) -> Reply<Vec<TemplateInfo>> {
    state.with(|l| l.survey_templates())
}

#[tauri::command]
pub fn survey_template_get(state: State<AppState>, id: String) -> Reply<SurveyTemplate> {
    state.with(|l| l.survey_template(&id))
}

#[tauri::command]
pub fn survey_template_save(state: State<AppState>, template: SurveyTemplate) -> Reply<TemplateInfo> {
    state.with(|l| l.save_survey_template(&template))
}

/// Reads a template's JSON text (the UI reads the chosen file) and stores it.
#[tauri::command]
pub fn survey_template_import(state: State<AppState>, json: String) -> Reply<TemplateInfo> {
    state.with(|l| l.import_survey_template(&json))
}

#[tauri::command]
pub fn survey_template_export(state: State<AppState>, key: String, version: Option<i32>) -> Reply<String> {
    state.with(|l| l.export_survey_template(&key, version))
}

#[tauri::command]
pub fn survey_rounds(state: State<AppState>) -> Reply<Vec<SurveyRound>> {
    state.with(|l| l.survey_rounds())
}

#[tauri::command]
pub fn survey_round_create(state: State<AppState>, input: RoundInput) -> Reply<SurveyRound> {
    state.with(|l| l.create_survey_round(&input))
}

/// Prints `count` more forms of the round into the print folder beside the database and
/// opens them in the PDF viewer, as every other print does.
#[tauri::command]
pub fn survey_print(app: AppHandle, state: State<AppState>, round_id: String, count: i32) -> Reply<PrintOutcome> {
    let dir = state.print_dir();
    let path = state.with(|l| {
        let before = l.survey_round(&round_id)?;
        let bytes = l.print_survey_round(&round_id, count)?;
        let name = format!("phieu-khao-sat-{}-{:05}-{:05}.pdf", before.code, before.printed + 1, before.printed + count);
        ykien::documents::save_in_folder(&dir, &name, &bytes)
    })?;
    Ok(super::print::open_in_viewer(&app, &path))
}

#[tauri::command]
pub fn survey_entry_sheet(state: State<AppState>, round_id: String) -> Reply<EntrySheet> {
    state.with(|l| l.survey_entry_sheet(&round_id))
}

#[tauri::command]
pub fn survey_check_serial(state: State<AppState>, round_id: String, serial: String) -> Reply<SerialCheck> {
    state.with(|l| l.check_survey_serial(&round_id, &serial))
}

#[tauri::command]
pub fn survey_response_save(state: State<AppState>, input: ResponseInput) -> Reply<SurveyResponse> {
    state.with(|l| l.save_survey_response(&input))
}

#[tauri::command]
pub fn survey_response_undo(state: State<AppState>, round_id: String) -> Reply<Option<SurveyResponse>> {
    state.with(|l| l.undo_last_survey_response(&round_id))
}

#[tauri::command]
pub fn survey_responses(state: State<AppState>, round_id: String) -> Reply<Vec<SurveyResponse>> {
    state.with(|l| l.survey_responses(&round_id))
}

/// Imports returned forms from a file the user chose: its name (for its kind) and content.
#[tauri::command]
pub fn survey_import(state: State<AppState>, round_id: String, name: String, bytes: Vec<u8>, dry_run: bool) -> Reply<ImportReport> {
    state.with(|l| l.import_survey_file(&round_id, &name, &bytes, dry_run))
}
