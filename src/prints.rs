//! The «Bản in» folder: where a print is written before the PDF viewer opens it. A print names
//! citizens (receipt slips, letters, pages of the book), so it is kept only as long as it is
//! needed to print: `Settings::print_keep_days` days, and none at all while the data is
//! encrypted (a plain PDF beside an encrypted database would undo the encryption). The app
//! tidies the folder when it starts and when it closes; a disposal or a person's erasure
//! empties it, since any print in it may name the records just removed. Only the PDF files
//! directly in the folder are touched: it is the app's, not the clerk's.

use crate::error::Result;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The folder's name, beside the database (or, at a desk of the office server, beside where
/// the database would be).
pub const FOLDER: &str = "Bản in";

/// Removes the prints in `dir` made more than `keep_days` days before `now` (every print when
/// `keep_days` is 0); answers those removed. A print that cannot be removed now (still open in
/// a viewer, on Windows) is left for the next time.
pub fn tidy(dir: &Path, keep_days: u32, now: SystemTime) -> Result<Vec<PathBuf>> {
    let keep = Duration::from_secs(u64::from(keep_days) * 24 * 60 * 60);
    remove_where(dir, |made| keep_days == 0 || now.duration_since(made).is_ok_and(|age| age > keep))
}

/// Removes every print in `dir`; answers those removed.
pub fn clear(dir: &Path) -> Result<Vec<PathBuf>> {
    remove_where(dir, |_| true)
}

fn remove_where(dir: &Path, due: impl Fn(SystemTime) -> bool) -> Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut removed = Vec::new();
    for entry in entries {
        let entry = entry?;
        let path = entry.path();
        let is_pdf = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
        let Ok(meta) = entry.metadata() else { continue };
        if !is_pdf || !meta.is_file() {
            continue;
        }
        let made = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
        if due(made) && std::fs::remove_file(&path).is_ok() {
            removed.push(path);
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn print(dir: &Path, name: &str, age_days: u64) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, b"%PDF-1.7").unwrap();
        let made = SystemTime::now() - Duration::from_secs(age_days * 24 * 60 * 60 + 60);
        std::fs::File::options().write(true).open(&path).unwrap().set_modified(made).unwrap();
        path
    }

    #[test]
    fn prints_older_than_the_days_kept_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let old = print(dir.path(), "phieu-tiep-nhan-2026-000001.pdf", 8);
        let recent = print(dir.path(), "so-ghi-nhan.pdf", 2);
        let note = dir.path().join("ghi chu.txt");
        std::fs::write(&note, "của cán bộ").unwrap();

        assert_eq!(tidy(dir.path(), 7, SystemTime::now()).unwrap(), std::slice::from_ref(&old));
        assert!(!old.exists() && recent.exists() && note.exists());
        // 0 days: every print goes at the next start or close; other files stay.
        assert_eq!(tidy(dir.path(), 0, SystemTime::now()).unwrap(), std::slice::from_ref(&recent));
        assert!(note.exists());
        assert!(tidy(&dir.path().join("không có"), 7, SystemTime::now()).unwrap().is_empty());
    }

    #[test]
    fn clearing_removes_every_print() {
        let dir = tempfile::tempdir().unwrap();
        let a = print(dir.path(), "a.pdf", 0);
        let b = print(dir.path(), "b.PDF", 30);
        let mut removed = clear(dir.path()).unwrap();
        removed.sort();
        assert_eq!(removed, [a, b]);
    }
}
