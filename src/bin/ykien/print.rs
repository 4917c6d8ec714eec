//! `ykien print …`: the office's paper forms as PDF/A files, the same files the app prints.

use chrono::NaiveDate;
use clap::{ArgGroup, Args, Subcommand};
use std::path::{Path, PathBuf};
use ykien::domain::survey::SurveyTemplate;
use ykien::pdf::forms::{self, FeedbackLetter, LedgerRow, SurveyPrint};
use ykien::{Book, Error, FeedbackFilter, FeedbackRow, Ledger, OfficeProfile, Result};

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
    /// The feedback book (sổ ghi nhận ý kiến, BM.QT.SCT.05-01): blank pages, or filled for a period.
    #[command(group(ArgGroup::new("mode").required(true).args(["blank_pages", "from"])))]
    Ledger {
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

pub fn run(ledger: &Ledger, args: PrintArgs, json: bool) -> Result<()> {
    let office = office(ledger)?;
    let (bytes, out) = match args.form {
        Form::SurveyBlank { year, serial, out } => {
            let print = SurveyPrint { year, serial };
            (forms::survey_blank(&office, &SurveyTemplate::bm_qt_sct_05_02(), &print)?, out)
        }
        Form::Ledger { blank_pages: Some(pages), year, out, .. } => (forms::ledger_blank(&office, year, pages)?, out),
        Form::Ledger { from: Some(from), to: Some(to), out, .. } => {
            if from > to {
                return Err(Error::validation("from", "Ngày bắt đầu (--from) phải trước hoặc trùng ngày kết thúc (--to)."));
            }
            (forms::ledger_filled(&office, from, to, &ledger_rows(ledger, from, to)?)?, out)
        }
        Form::Ledger { .. } => unreachable!("clap requires --blank-pages or --from/--to"),
        Form::Letter { addressee, date, out } => {
            let mut letter = FeedbackLetter::standard();
            if let Some(a) = addressee {
                letter.addressee = a;
            }
            letter.date = date;
            (forms::feedback_letter(&office, &letter)?, out)
        }
    };
    write(&out, &bytes)?;
    if json {
        println!("{}", serde_json::json!({ "path": out, "bytes": bytes.len() }));
    } else {
        println!("Đã ghi {} ({} KB).", out.display(), bytes.len().div_ceil(1024));
    }
    Ok(())
}

/// Forms print the office's name and place: nothing can be printed before setup.
fn office(ledger: &Ledger) -> Result<OfficeProfile> {
    ledger.office()?.ok_or_else(|| {
        Error::validation(
            "office",
            "Chưa nhập thông tin cơ quan nên chưa in được biểu mẫu. Hãy mở Ý Kiến và hoàn tất phần \
             Thông tin cơ quan trước.",
        )
    })
}

/// The book's rows for the period, oldest first: the records of the feedback book
/// (BM.QT.SCT.05-01) received from `from` to `to`, as the printed form shows them. This is the
/// one place where stored records become printed rows; the app's print command uses the same
/// conversion.
pub fn ledger_rows(ledger: &Ledger, from: NaiveDate, to: NaiveDate) -> Result<Vec<LedgerRow>> {
    let mut found: Vec<FeedbackRow> = Vec::new();
    loop {
        let filter = FeedbackFilter {
            book: Some(Book::Feedback),
            from: Some(from.to_string()),
            to: Some(to.to_string()),
            limit: Some(1000),
            offset: Some(found.len() as u32),
            ..FeedbackFilter::default()
        };
        let page = ledger.feedback(&filter)?;
        let got = page.rows.len();
        found.extend(page.rows);
        if got == 0 || found.len() >= page.total.max(0) as usize {
            break;
        }
    }
    // Listed newest first; the book reads in the order things happened.
    found.reverse();
    Ok(found.iter().map(ledger_row).collect())
}

/// "2026-01-05T09:30" (or a bare date) → the date.
fn date_of(stamp: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(stamp.get(..10)?, "%Y-%m-%d").ok()
}

fn ledger_row(r: &FeedbackRow) -> LedgerRow {
    let customer = if r.customer_org.is_empty() {
        r.customer_name.clone()
    } else if r.customer_name.is_empty() {
        r.customer_org.clone()
    } else {
        format!("{}\n{}", r.customer_name, r.customer_org)
    };
    let confirmation = match (&r.confirmed_by_name, r.confirmed_at.as_deref().and_then(date_of)) {
        (Some(name), Some(on)) => format!("{name}\n{}", on.format("%d/%m/%Y")),
        (Some(name), None) => name.clone(),
        (None, _) => String::new(),
    };
    LedgerRow {
        date: date_of(&r.received_at).unwrap_or(NaiveDate::MIN),
        customer,
        content: r.content.clone(),
        receiver: r.receiver_name.clone().unwrap_or_default(),
        confirmation,
    }
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, bytes)?;
    Ok(())
}
