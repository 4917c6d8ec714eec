//! Files on disk beside the database: what every step that renames one into place needs.

use std::path::Path;

/// Makes the rename durable (a directory entry is flushed with its directory on Unix;
/// Windows has no directory handle to flush and commits renames itself).
pub fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
