//! The inbox folder of a consolidating office: bundles dropped there (copied from a USB drive,
//! saved from an e-mail, written by a shared folder) are imported as `bundle import` imports
//! them, by the machine that owns the database (the app beside its window, or `ykien serve`).
//!
//! A file is read only once its size and modification time were the same at two looks in a
//! row: a file still being copied is never read half. After it is read it leaves the folder:
//! into «Đã nhận» when it was imported (or was already), into «Không nhận» when it was
//! refused, so that no file is read twice and the office can see what was refused and why
//! (the reasons are kept in the records: `Ledger::inbox_log`). A file that cannot be read
//! yet (locked by the program copying it) stays, and is tried again at the next look.

use std::collections::{HashMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The subfolder the bundles read are moved into.
pub const RECEIVED: &str = "Đã nhận";
/// The subfolder the bundles refused are moved into, their reasons kept in the records.
pub const REFUSED: &str = "Không nhận";
/// How often the folder is looked at: a bundle dropped there is imported within two looks.
pub const EVERY: Duration = Duration::from_secs(3);

/// A file as seen at one look: its size and modification time.
type Seen = (u64, Option<SystemTime>);

/// What one watcher remembers between looks: each file's size and time at the last look, and
/// the files it could not move out of the folder (not read again while they are unchanged).
#[derive(Debug, Default)]
pub struct InboxWatch {
    last: HashMap<PathBuf, Seen>,
    stuck: HashSet<(PathBuf, Seen)>,
}

impl InboxWatch {
    pub fn new() -> InboxWatch {
        InboxWatch::default()
    }

    /// The `.ykb` files directly in `folder` that are ready to read: not empty, and the same
    /// size and time as at the previous look. A folder that does not exist (a USB drive
    /// taken out, a share not mounted) has none.
    pub fn ready(&mut self, folder: &Path) -> io::Result<Vec<PathBuf>> {
        let entries = match std::fs::read_dir(folder) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                self.last.clear();
                return Ok(Vec::new());
            }
            Err(e) => return Err(e),
        };
        let mut now = HashMap::new();
        let mut ready = Vec::new();
        for entry in entries {
            let entry = entry?;
            let path = entry.path();
            let is_bundle = path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("ykb"));
            if !is_bundle || !entry.file_type()?.is_file() {
                continue;
            }
            let meta = entry.metadata()?;
            let seen = (meta.len(), meta.modified().ok());
            if self.stuck.contains(&(path.clone(), seen)) {
                continue;
            }
            if seen.0 > 0 && self.last.get(&path) == Some(&seen) {
                ready.push(path.clone());
            }
            now.insert(path, seen);
        }
        self.last = now;
        self.stuck.retain(|(p, _)| self.last.contains_key(p));
        ready.sort();
        Ok(ready)
    }

    /// Remembers that `file` could not be moved out of the folder: it is not read again until
    /// it changes.
    pub fn stuck(&mut self, file: &Path) {
        if let Some(seen) = self.last.get(file) {
            self.stuck.insert((file.to_path_buf(), *seen));
        }
    }
}

/// Moves `file` into the subfolder `sub` of its folder, under its own name or, when that is
/// taken, the name with « (2)», « (3)»… before the extension. Answers where it went.
pub fn move_into(file: &Path, sub: &str) -> io::Result<PathBuf> {
    let folder = file.parent().ok_or_else(|| io::Error::other("a file of the inbox has a folder"))?.join(sub);
    std::fs::create_dir_all(&folder)?;
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("goi-so-lieu");
    let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("ykb");
    let mut target = folder.join(format!("{stem}.{ext}"));
    let mut n = 2;
    while target.exists() {
        target = folder.join(format!("{stem} ({n}).{ext}"));
        n += 1;
    }
    std::fs::rename(file, &target)?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_ready_only_once_it_did_not_change_between_two_looks() {
        let dir = tempfile::tempdir().unwrap();
        let mut watch = InboxWatch::new();
        let file = dir.path().join("xa-a.ykb");
        std::fs::write(&file, b"YKB part").unwrap();
        std::fs::write(dir.path().join("ghi-chu.txt"), b"not a bundle").unwrap();
        assert!(watch.ready(dir.path()).unwrap().is_empty(), "first seen: it may still be copied");
        std::fs::write(&file, b"YKB part, then the rest").unwrap();
        assert!(watch.ready(dir.path()).unwrap().is_empty(), "it grew since the last look");
        assert_eq!(watch.ready(dir.path()).unwrap(), vec![file.clone()]);
        watch.stuck(&file);
        assert!(watch.ready(dir.path()).unwrap().is_empty(), "not moved out: not read again while unchanged");
        assert!(watch.ready(&dir.path().join("khong-co")).unwrap().is_empty());
    }

    #[test]
    fn a_file_moved_where_its_name_is_taken_gets_a_number() {
        let dir = tempfile::tempdir().unwrap();
        for _ in 0..2 {
            std::fs::write(dir.path().join("a.ykb"), b"x").unwrap();
            move_into(&dir.path().join("a.ykb"), RECEIVED).unwrap();
        }
        assert!(dir.path().join(RECEIVED).join("a.ykb").exists());
        assert!(dir.path().join(RECEIVED).join("a (2).ykb").exists());
        assert!(!dir.path().join("a.ykb").exists());
    }
}
