//! Printed documents: what may be printed ([`PrintJob`]), what printing gives
//! ([`Printed`], [`PrintOutcome`]), and how a printed file is saved. The records become a
//! printed form in `ledger/print.rs` ([`crate::Ledger::print`]), the one place the app and
//! the command line both print through, so a slip printed from either is the same file.

use crate::domain::feedback::Book;
use crate::domain::letter::MeasuresLetter;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// A document to print. Dates are `YYYY-MM-DD` (or `dd/mm/yyyy`), as the UI sends them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "form", rename_all = "snake_case")]
pub enum PrintJob {
    /// Phiếu tiếp nhận, two to a sheet, for the cases with these receipt numbers.
    Receipts { receipt_nos: Vec<String> },
    /// The reply letter of a written complaint, as drafted, signed or sent.
    ReplyLetter { letter_id: String },
    /// A book filled with its entries received in the period: the feedback book
    /// (BM.QT.SCT.05-01) unless `book` names another, the whole office's or one unit's.
    LedgerPeriod {
        from: String,
        to: String,
        #[serde(default)]
        #[ts(optional)]
        book: Option<Book>,
        /// A unit's own book (unit id).
        #[serde(default)]
        #[ts(optional)]
        unit_id: Option<String>,
    },
    /// Blank ruled pages of a book (the feedback book unless `book` names another), for
    /// hand filling.
    LedgerBlank {
        pages: u32,
        year: Option<i32>,
        #[serde(default)]
        #[ts(optional)]
        book: Option<Book>,
        #[serde(default)]
        #[ts(optional)]
        unit_id: Option<String>,
    },
    /// The blank survey form (BM.QT.SCT.05-02), with "Số phiếu" printed when given.
    SurveyBlank { year: Option<i32>, serial: Option<String> },
    /// The annual customer-satisfaction report (BM-[HC-TMKH]-BCTM) of a year, with the
    /// texts saved for it; archived as printed.
    AnnualReport { year: i32 },
    /// The yearly compilation of complaints and their actions; archived as printed.
    ComplaintsReport { year: i32 },
    /// The consolidated annual report of the offices whose bundles this consolidating office
    /// imported, of a year; archived as printed.
    ConsolidatedReport { year: i32 },
    /// The feedback letter (BM-[HC-TMKH]-TGY) sent with a service's result.
    FeedbackLetter { addressee: Option<String>, date: Option<String> },
    /// The letter telling the customer of a case the office's evaluation and the
    /// corrective measures taken (seed 003 §5.5): as edited when `letter` is given, else as
    /// drafted from the case and its actions.
    MeasuresLetter {
        receipt_no: String,
        #[serde(default)]
        #[ts(optional)]
        letter: Option<MeasuresLetter>,
    },
    /// The notice telling a formal complainant the acceptance decision (thụ lý giải quyết
    /// khiếu nại, or not, with the reason; Luật Khiếu nại 2011, art. 27), as recorded.
    AcceptanceNotice { receipt_no: String },
}

/// A printed document: its bytes and the file name it is offered under.
#[derive(Debug, Clone)]
pub struct Printed {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// Where a printed document went: the file, and whether the PDF viewer opened it (to print
/// from). A file that could not be shown is still saved, and its path said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PrintOutcome {
    pub path: String,
    pub opened: bool,
}

/// A printed document handed to the caller to show before printing (the print preview): no
/// file is written for it, so no copy naming anyone lingers on the disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PrintPreview {
    /// The name it is saved under.
    pub file_name: String,
    /// The PDF, base64-encoded (JSON carries no bytes).
    pub pdf_base64: String,
}

impl From<Printed> for PrintPreview {
    fn from(p: Printed) -> PrintPreview {
        use base64::Engine;
        PrintPreview { file_name: p.file_name, pdf_base64: base64::engine::general_purpose::STANDARD.encode(&p.bytes) }
    }
}

/// Saves a printed file in `dir` under `file_name`, written whole then renamed; when the
/// name is taken by a file another program holds open (a viewer on Windows), the next free
/// name "… (2).pdf" is used. Returns the path written.
pub fn save_in_folder(dir: &Path, file_name: &str, bytes: &[u8]) -> Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let stem = file_name.trim_end_matches(".pdf");
    let mut last_err = None;
    for n in 1..=50 {
        let name = if n == 1 { file_name.to_owned() } else { format!("{stem} ({n}).pdf") };
        match write_whole(&dir.join(&name), bytes) {
            Ok(()) => return Ok(dir.join(name)),
            Err(e) => last_err = Some(e),
        }
    }
    Err(last_err.expect("tried at least once"))
}

/// Writes a temporary file beside `path` (creating its folder), flushes it, then renames it
/// over `path`: a file the user chose is never seen half-written.
pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => {
            std::fs::create_dir_all(d)?;
            d
        }
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| Error::from(e.error))?;
    Ok(())
}
