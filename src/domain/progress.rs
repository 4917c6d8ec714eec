//! The progress of a long task (an import, an export, a backup): reported as it runs, and the
//! caller's answer whether to go on. One definition for the core and every caller.

use serde::Serialize;
use ts_rs::TS;

/// Reports `done` of `total`; returning false cancels the task, which then changes nothing.
pub type Progress<'a> = &'a dyn Fn(u64, u64) -> bool;

/// Never cancels: for the command line and tests.
pub fn no_progress(_: u64, _: u64) -> bool {
    true
}

/// A long task's progress, as the app sends it to the window.
#[derive(Debug, Clone, Serialize, TS)]
pub struct TaskProgress {
    /// `import`, `export`, `backup` or `scan`.
    pub task: String,
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
}
