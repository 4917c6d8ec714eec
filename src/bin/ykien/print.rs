//! `ykien print …`: the office's paper forms as PDF/A files, the same files the app prints.

use chrono::NaiveDate;
use clap::{ArgGroup, Args, Subcommand};
use std::path::PathBuf;
use crate::desk::Desk;
use ykien::{Book, Error, PrintJob, Result};

#[derive(Args)]
pub struct PrintArgs {
    #[command(subcommand)]
    form: Form,
}

#[derive(Subcommand)]
enum Form {
    /// The blank survey form (phiếu khảo sát, BM.QT.SCT.05-02).
    SurveyBlank {
        /// Fills "NĂM:" (left to write in by default).
        #[arg(long)]
        year: Option<i32>,
        /// Số phiếu printed at the top right.
        #[arg(long)]
        serial: Option<String>,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// A book: the feedback book (sổ ghi nhận ý kiến, BM.QT.SCT.05-01) by default, the
    /// complaint book or the citizen-reception book; a unit's own with --unit; blank pages,
    /// or filled for a period.
    #[command(group(ArgGroup::new("mode").required(true).args(["blank_pages", "from"])))]
    Ledger {
        /// feedback (default), complaints or citizen_reception.
        #[arg(long, default_value = "feedback")]
        book: String,
        /// A unit's own book: the unit, by name (accents and case ignored).
        #[arg(long)]
        unit: Option<String>,
        /// Number of blank ruled pages to print for hand filling.
        #[arg(long, value_name = "N", conflicts_with_all = ["from", "to"])]
        blank_pages: Option<usize>,
        /// Fills "NĂM:" of the blank book.
        #[arg(long, requires = "blank_pages")]
        year: Option<i32>,
        /// First day of the period (YYYY-MM-DD).
        #[arg(long, requires = "to", value_name = "DATE")]
        from: Option<NaiveDate>,
        /// Last day of the period (YYYY-MM-DD).
        #[arg(long, requires = "from", value_name = "DATE")]
        to: Option<NaiveDate>,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Receipt slips (phiếu tiếp nhận) for citizens, two to a sheet.
    Receipt {
        /// Receipt numbers, e.g. 2026/000123.
        #[arg(required = true, value_name = "RECEIPT_NO")]
        receipt_nos: Vec<String>,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// The reply letter (công văn trả lời) of a written complaint: its latest letter.
    Reply {
        /// The case's receipt number, e.g. 2026/000123.
        #[arg(value_name = "RECEIPT_NO")]
        receipt_no: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// The letter telling a customer the evaluation and the corrective measures taken
    /// (thông báo biện pháp khắc phục), as drafted from the case and its linked actions.
    Measures {
        /// The case's receipt number, e.g. 2026/000123.
        #[arg(value_name = "RECEIPT_NO")]
        receipt_no: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// The notice of a formal complaint's acceptance decision (thông báo thụ lý, or không
    /// thụ lý with its reason) to the complainant, as recorded with `feedback accept`.
    Acceptance {
        /// The case's receipt number, e.g. 2026/000123.
        #[arg(value_name = "RECEIPT_NO")]
        receipt_no: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// The feedback letter (thư góp ý, BM-[HC-TMKH]-TGY) sent after a service.
    Letter {
        /// After "Kính gửi:" (default: "Quý khách hàng").
        #[arg(long)]
        addressee: Option<String>,
        /// The letter's date (YYYY-MM-DD); left blank to date by hand by default.
        #[arg(long, value_name = "DATE")]
        date: Option<NaiveDate>,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

/// The book named on the command line, and the unit's id when a unit is named.
fn book_and_unit(desk: &mut Desk, book: &str, unit: Option<&str>) -> Result<(Book, Option<String>)> {
    let book = Book::parse(book)?;
    let unit_id = unit.map(|u| crate::office::unit_named(desk, u).map(|u| u.id)).transpose()?;
    Ok((book, unit_id))
}

pub fn run(desk: &mut Desk, args: PrintArgs, json: bool) -> Result<()> {
    let (job, out) = match args.form {
        Form::SurveyBlank { year, serial, out } => (PrintJob::SurveyBlank { year, serial }, out),
        Form::Ledger { blank_pages: Some(pages), year, out, book, unit, .. } => {
            let pages = u32::try_from(pages).unwrap_or(u32::MAX);
            let (book, unit_id) = book_and_unit(desk, &book, unit.as_deref())?;
            (PrintJob::LedgerBlank { pages, year, book: Some(book), unit_id }, out)
        }
        Form::Ledger { from: Some(from), to: Some(to), out, book, unit, .. } => {
            if from > to {
                return Err(Error::validation("from", "Ngày bắt đầu (--from) phải trước hoặc trùng ngày kết thúc (--to)."));
            }
            let (book, unit_id) = book_and_unit(desk, &book, unit.as_deref())?;
            (PrintJob::LedgerPeriod { from: from.to_string(), to: to.to_string(), book: Some(book), unit_id }, out)
        }
        Form::Measures { receipt_no, out } => (PrintJob::MeasuresLetter { receipt_no, letter: None }, out),
        Form::Acceptance { receipt_no, out } => (PrintJob::AcceptanceNotice { receipt_no }, out),
        Form::Ledger { .. } => unreachable!("clap requires --blank-pages or --from/--to"),
        Form::Letter { addressee, date, out } => {
            (PrintJob::FeedbackLetter { addressee, date: date.map(|d| d.to_string()) }, out)
        }
        Form::Receipt { receipt_nos, out } => (PrintJob::Receipts { receipt_nos }, out),
        Form::Reply { receipt_no, out } => {
            let id = crate::feedback::case_id(desk, &receipt_no)?;
            let case = desk.call("case_get", serde_json::json!({ "id": id }))?;
            let letter_id = crate::feedback::last_letter(&case).ok_or_else(|| {
                Error::Conflict(format!("Hồ sơ {} chưa có công văn trả lời nào để in.", case["receipt_no"].as_str().unwrap_or_default()))
            })?;
            (PrintJob::ReplyLetter { letter_id }, out)
        }
    };
    desk.call("print_save", serde_json::json!({ "job": job, "path": out }))?;
    let bytes = std::fs::metadata(&out)?.len();
    if json {
        println!("{}", serde_json::to_string(&crate::Sorted(&serde_json::json!({ "path": out, "bytes": bytes }))).expect("a JSON value serialises"));
    } else {
        println!("Đã ghi {} ({} KB).", out.display(), bytes.div_ceil(1024));
    }
    Ok(())
}
