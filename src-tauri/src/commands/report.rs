//! The figures of the management review for the Báo cáo page.

use super::Reply;
use crate::state::AppState;
use tauri::State;
use ykien::report::figures::FiguresReport;
use ykien::report::period::PeriodQuery;

#[tauri::command]
pub fn report_figures(state: State<AppState>, period: PeriodQuery) -> Reply<FiguresReport> {
    state.with(|l| l.figures_report(&period.period()?))
}
