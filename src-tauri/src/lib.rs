//! The thin shell: opens the core's database, exposes commands that delegate to it, and hands
//! the window the embedded UI. No records logic lives here.

mod commands;
mod state;
mod webview2;

use state::AppState;
use tauri::{Listener, Manager};

pub fn run() {
    // Before anything opens a window: with no WebView2 runtime, say what to install and stop.
    #[cfg(windows)]
    if !webview2::check_runtime() {
        return;
    }
    let db_path = ykien::paths::default_db_path();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(AppState::open(db_path))
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::accounts::access_state,
            commands::accounts::sign_in,
            commands::accounts::sign_out,
            commands::accounts::lock_screen,
            commands::accounts::unlock_screen,
            commands::accounts::password_change,
            commands::accounts::accounts_list,
            commands::accounts::account_create,
            commands::accounts::first_admin_create,
            commands::accounts::account_reset_password,
            commands::accounts::account_unlock,
            commands::accounts::account_set_disabled,
            commands::accounts::account_policy_save,
            commands::office_get,
            commands::office_save,
            commands::units_list,
            commands::unit_save,
            commands::unit_delete,
            commands::staff_list,
            commands::staff_save,
            commands::staff_delete,
            commands::settings_get,
            commands::settings_save,
            commands::audit_log,
            commands::vocabulary,
            commands::feedback_add,
            commands::feedback_list,
            commands::case_counts,
            commands::case_get,
            commands::case_move,
            commands::case_record_step,
            commands::case_set_exception,
            commands::case_confirm,
            commands::reply_draft,
            commands::reply_sign,
            commands::reply_send,
            commands::actions_list,
            commands::action_save,
            commands::action_set_status,
            commands::action_check,
            commands::holidays_list,
            commands::holiday_add,
            commands::holiday_remove,
            commands::print::print_open,
            commands::print::print_save,
            commands::report::report_figures,
            commands::report::survey_forms_behind,
            commands::report::annual_texts_get,
            commands::report::annual_texts_save,
            commands::report::objective_set,
            commands::report::opinions_list,
            commands::report::opinion_classify,
            commands::report::annual_docx_save,
            commands::report::archived_reports,
            commands::report::archived_report_save,
            commands::surveys::survey_templates,
            commands::surveys::survey_template_get,
            commands::surveys::survey_template_save,
            commands::surveys::survey_template_import,
            commands::surveys::survey_template_export,
            commands::surveys::survey_rounds,
            commands::surveys::survey_round_create,
            commands::surveys::survey_print,
            commands::surveys::survey_entry_sheet,
            commands::surveys::survey_check_serial,
            commands::surveys::survey_response_save,
            commands::surveys::survey_response_undo,
            commands::surveys::survey_responses,
            commands::surveys::survey_import,
            commands::records::task_cancel,
            commands::records::backup_settings_get,
            commands::records::backup_settings_save,
            commands::records::backups_list,
            commands::records::backup_now,
            commands::records::backup_restore,
            commands::records::import_ledger,
            commands::records::export_records,
            commands::records::retention_due,
            commands::records::retention_dispose,
            commands::person::privacy_notice_get,
            commands::person::privacy_notice_printed,
            commands::person::privacy_notice_save,
            commands::person::case_contact,
            commands::person::person_find,
            commands::person::person_export,
            commands::person::person_erase,
            commands::encryption::database_unlock,
            commands::encryption::encryption_status,
            commands::encryption::encryption_on,
            commands::encryption::encryption_change,
            commands::encryption::encryption_off,
            commands::encryption::encryption_remove_plain_backups,
        ])
        .setup(|app| {
            // `cargo xtask bench` measures launch to first paint: the window says when the
            // book's first page is on screen, and the time is printed for it to read.
            if std::env::var_os("YKIEN_BENCH_PAINT").is_some() {
                app.listen_any("first-paint", |_| println!("YKIEN_FIRST_PAINT {}", unix_ms()));
            }
            // The start-up check and the day's first backup run in the background: the
            // window opens at once.
            let handle = app.handle().clone();
            std::thread::spawn(move || commands::records::after_open(&handle));
            Ok(())
        })
        .build(tauri::generate_context!())
        .expect("the app window could not start")
        .run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                commands::records::automatic_backup(&app.state::<AppState>(), false);
            }
        });
}

/// Milliseconds since 1970, the clock `cargo xtask bench` reads too.
fn unix_ms() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0)
}
