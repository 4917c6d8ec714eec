//! The figures of the management review for the Báo cáo page.

use super::Reply;
use crate::state::AppState;
use tauri::State;
use ykien::report::figures::FiguresReport;
use ykien::report::annual::AnnualTexts;
use ykien::report::behind::{FormsBehind, FormsQuery};
use ykien::report::opinions::Opinion;
use ykien::report::period::PeriodQuery;
use ykien::report::review::{ArchivedReport, Metric};

#[tauri::command]
pub fn report_figures(state: State<AppState>, period: PeriodQuery) -> Reply<FiguresReport> {
    state.with(|l| l.figures_report(&period.period()?))
}

/// The survey forms behind a number of the period's survey figures.
#[tauri::command]
pub fn survey_forms_behind(state: State<AppState>, period: PeriodQuery, query: FormsQuery) -> Reply<FormsBehind> {
    state.with(|l| l.survey_forms_behind(&period.period()?, &query))
}

#[tauri::command]
pub fn annual_texts_get(state: State<AppState>, year: i32) -> Reply<AnnualTexts> {
    state.with(|l| l.annual_texts(year))
}

#[tauri::command]
pub fn annual_texts_save(state: State<AppState>, year: i32, texts: AnnualTexts) -> Reply<()> {
    state.with(|l| l.save_annual_texts(year, &texts))
}

/// Sets (or with `null`, removes) the objective of a year on a figure.
#[tauri::command]
pub fn objective_set(state: State<AppState>, year: i32, metric: Metric, target: Option<f64>) -> Reply<()> {
    state.with(|l| l.set_objective(year, metric, target))
}

#[tauri::command]
pub fn opinions_list(state: State<AppState>, period: PeriodQuery) -> Reply<Vec<Opinion>> {
    state.with(|l| l.opinions(&period.period()?))
}

/// Puts an opinion in a group; an empty name takes it out.
#[tauri::command]
pub fn opinion_classify(state: State<AppState>, response_id: String, code: String, group: String) -> Reply<()> {
    state.with(|l| l.classify_opinion(&response_id, &code, &group))
}

/// The Word copy of the annual report, saved where the user chose in the save dialog.
#[tauri::command]
pub fn annual_docx_save(state: State<AppState>, year: i32, path: std::path::PathBuf) -> Reply<String> {
    state.with(|l| ykien::documents::write_whole(&path, &l.annual_report_docx(year)?))?;
    Ok(path.display().to_string())
}

#[tauri::command]
pub fn archived_reports(state: State<AppState>) -> Reply<Vec<ArchivedReport>> {
    state.with(|l| l.archived_reports())
}

/// An archived report written back byte for byte where the user chose.
#[tauri::command]
pub fn archived_report_save(state: State<AppState>, id: String, path: std::path::PathBuf) -> Reply<String> {
    state.with(|l| ykien::documents::write_whole(&path, &l.archived_report_pdf(&id)?))?;
    Ok(path.display().to_string())
}
