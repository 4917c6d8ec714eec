//! Request ids: nothing doubled. A desk sends an id with every write; the answer is kept, and
//! the same id sent again (a save retried after its answer was lost) gets that answer back
//! without running anything.
//!
//! The answer of an ordinary write is stored in the file in the write's own transaction
//! (`Ledger::batch`, the command's writes nested in it), so a crash can never keep a case
//! without its id or an id without its case. A few commands cannot run inside another
//! transaction, or keep what is not to be stored; their answers are remembered in memory
//! only, for [`MEMORY_KEPT`] (see [`in_file`]).

use crate::commands::{desk_files, Command};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long answers kept in memory are remembered.
pub const MEMORY_KEPT: Duration = Duration::from_secs(30 * 60);

/// The longest request id accepted (a UUID is 36 characters).
pub const MAX_ID_LEN: usize = 100;

/// An answer as sent: HTTP status and JSON body.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub body: Value,
}

/// Whether the answer of `command` is stored in the file with its writes. Not: the session's
/// own commands (their answer holds a session token, and a wrong password's count must stay
/// even when the call fails), the commands on a connection of their own (`apart`) or that
/// rewrite the file (`long`), an erasure (it rebuilds the file with VACUUM, which no
/// transaction may hold), and those that carry files (a print's PDF has no place in the file).
pub fn in_file(command: &Command) -> bool {
    command.writes
        && !command.long
        && !command.apart
        && !matches!(
            command.name,
            "sign_in" | "first_admin_create" | "sign_out" | "lock_screen" | "unlock_screen" | "password_change" | "person_erase"
        )
        && desk_files(command.name).is_empty()
}

/// Answers remembered in memory, by request id.
#[derive(Default)]
pub struct Remembered {
    answers: Mutex<HashMap<String, (Instant, Answer)>>,
}

impl Remembered {
    pub fn get(&self, id: &str) -> Option<Answer> {
        let map = self.answers.lock().unwrap_or_else(|p| p.into_inner());
        map.get(id).filter(|(at, _)| at.elapsed() < MEMORY_KEPT).map(|(_, a)| a.clone())
    }

    pub fn keep(&self, id: &str, answer: &Answer) {
        let mut map = self.answers.lock().unwrap_or_else(|p| p.into_inner());
        map.retain(|_, (at, _)| at.elapsed() < MEMORY_KEPT);
        map.insert(id.to_owned(), (Instant::now(), answer.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::find;

    #[test]
    fn ordinary_writes_keep_their_answer_in_the_file_and_the_others_in_memory() {
        assert!(in_file(find("feedback_add").unwrap()));
        assert!(in_file(find("case_move").unwrap()));
        for memory in ["sign_in", "sign_out", "backup_now", "import_ledger", "print_open", "person_erase", "encryption_on"] {
            assert!(!in_file(find(memory).unwrap()), "{memory}");
        }
        assert!(!in_file(find("feedback_list").unwrap()));
    }

    #[test]
    fn a_remembered_answer_comes_back() {
        let r = Remembered::default();
        assert!(r.get("x").is_none());
        r.keep("x", &Answer { status: 200, body: serde_json::json!({"result": 1}) });
        assert_eq!(r.get("x").unwrap().body["result"], 1);
    }
}
