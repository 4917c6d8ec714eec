//! The office's paper forms, each drawn from data: the office profile, a survey template,
//! rows of the ledger, receipts. Nothing office-specific is written into the drawing code.
//! Each function returns the bytes of a PDF/A-2b file.

mod common;
mod disposal;
mod ledger;
mod letter;
mod receipt;
mod reply;
mod report;
mod survey;

pub use disposal::{disposal_record, DisposalPrint, DisposalSection, DisposedRow};
pub use ledger::{book_blank, book_filled, book_title, columns, ledger_blank, ledger_filled, period_heading, BookLine, BookPrint, LedgerRow};
pub use letter::{feedback_letter, FeedbackLetter, DEFAULT_LETTER_FORM_CODE};
pub use receipt::{receipts, receipts_controlled, receipts_with_notice, ReceiptSlip};
pub use reply::{reply_letter, ReplyPrint};
pub use report::{report, report_controlled, Block, ReportPrint, Section};
pub use survey::{survey_blank, survey_round_forms, RoundPrint, SurveyPrint};
