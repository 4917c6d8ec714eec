//! Where the database lives when nobody says otherwise: the per-user local app-data folder
//! (%LOCALAPPDATA%\YKien on Windows, ~/.local/share/YKien on Linux). Local, not roaming:
//! a roaming profile would copy the file over the network.

use std::path::PathBuf;

/// The environment variable that points the app (and the CLI, without `--db`) at a database.
pub const DB_ENV: &str = "YKIEN_DB";

pub fn default_db_path() -> PathBuf {
    if let Some(p) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    let base = dirs::data_local_dir().unwrap_or_else(|| PathBuf::from("."));
    base.join("YKien").join("ykien.db")
}
