//! The thin shell: opens the core's database (or connects to the office server), passes the
//! window's commands to the core's command table (or the server's), and hands the window the
//! embedded UI. No records logic lives here.

mod commands;
mod desk;
mod state;
mod webview2;

use state::AppState;
use tauri::{Emitter, Listener, Manager};

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
        .manage(AppState::start(db_path, desk::config_path()))
        // Every command of the window goes through `call` to the core's command table.
        .invoke_handler(tauri::generate_handler![commands::call])
        .setup(|app| {
            // `cargo xtask bench` measures launch to first paint: the window says when the
            // book's first page is on screen, and the time is printed for it to read.
            if std::env::var_os("YKIEN_BENCH_PAINT").is_some() {
                app.listen_any("first-paint", |_| println!("YKIEN_FIRST_PAINT {}", unix_ms()));
            }
            let handle = app.handle().clone();
            app.state::<AppState>().set_emitter(std::sync::Arc::new(move |event, payload| {
                let _ = handle.emit(event, payload);
            }));
            // The start-up check, the day's first backup and the tidying of the prints run in
            // the background, and so does connecting to the office server on a desk of one:
            // the window opens at once.
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                handle.state::<AppState>().connect_until_answered();
                commands::background::after_open(&handle);
                commands::background::tidy_prints(&handle.state::<AppState>());
            });
            let handle = app.handle().clone();
            std::thread::spawn(move || commands::background::watch_scan_inbox(&handle.state::<AppState>()));
            let handle = app.handle().clone();
            std::thread::spawn(move || commands::background::watch_bundle_inbox(&handle.state::<AppState>()));
            Ok(())
        })
        .build(tauri::generate_context!())
        .expect("the app window could not start")
        .run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                commands::background::tidy_prints(&app.state::<AppState>());
                commands::background::automatic_backup(&app.state::<AppState>(), false);
            }
        });
}

/// Milliseconds since 1970, the clock `cargo xtask bench` reads too.
fn unix_ms() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0)
}
