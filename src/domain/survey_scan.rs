//! What is read from a scanned survey form: each page's serial and status, each question's
//! answer with how sure the reading is and whether a person must look at it.

use super::survey_entry::AnswerState;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How a scanned page was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PageStatus {
    /// The form found and every answer read without doubt.
    Read,
    /// The form found, but a person must confirm some answers («cần xem lại»).
    NeedsReview,
    /// Its marks or its code could not be found: a person types the serial.
    Unreadable,
}

/// One question's answer as read from the boxes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReadAnswer {
    /// The slot code, as in keyboard entry.
    pub code: String,
    /// `chosen`, `blank` or `spoiled`.
    pub state: AnswerState,
    pub value: Option<i32>,
    /// How sure the reading is, 0–1.
    pub confidence: f32,
    /// A person must confirm it.
    pub review: bool,
}

/// One page of a scanned file, as `ykien survey scan` prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ScannedPage {
    /// The file's name.
    pub file: String,
    /// The page in the file, from 1.
    pub page: u32,
    /// The form's serial, from its QR code; `null` when it could not be read.
    pub serial: Option<i32>,
    pub status: PageStatus,
    pub answers: Vec<ReadAnswer>,
}

/// A scanned page waiting for a person in the review queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReviewPage {
    pub id: String,
    pub file: String,
    pub page: u32,
    pub serial: Option<i32>,
    /// The page of the form, from its QR code.
    pub form_page: Option<u32>,
    pub status: PageStatus,
    pub answers: Vec<ReadAnswer>,
    /// Why the page waits, in a sentence.
    pub problem: Option<String>,
}

/// What `ykien survey scan` did with a stack of files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ScanReport {
    pub pages: Vec<ScannedPage>,
    /// Files skipped whole, each with the reason.
    pub skipped: Vec<SkippedFile>,
    /// Forms saved (with `--save`).
    pub saved: i32,
    /// Pages left in the review queue (with `--save`).
    pub waiting: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SkippedFile {
    pub file: String,
    pub message: String,
}

/// A person's decision on a form from the review queue: its pages, its serial (typed when
/// the code was not read) and every box answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ScanConfirmInput {
    pub round_id: String,
    pub page_ids: Vec<String>,
    pub serial: String,
    #[serde(default)]
    pub filled_on: String,
    pub answers: Vec<super::survey_entry::Answer>,
}

/// A scanned file handed to the reader: its name (for messages) and its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ScanFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The «scan to folder» inbox: the folder the office's copier scans into, and the round its
/// forms are read into. On the machine that owns the database (the app on its own, or
/// `ykien serve`) new files there are read as they arrive and moved out of the folder.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ScanInbox {
    /// The folder; `null` when nothing is watched.
    pub folder: Option<String>,
    /// The round the files are read into; `null`: the round open today (its period covers
    /// today, its forms printed by the app), the one that began last when several are.
    pub round_id: Option<String>,
}

/// One look at the inbox: which files were taken, into which round, and what was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InboxPass {
    pub round_code: String,
    /// The files read (or skipped), by name, each moved out of the folder.
    pub files: Vec<String>,
    pub report: ScanReport,
}
