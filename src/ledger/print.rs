//! Printing on the [`Ledger`]: the one place where stored cases, letters and the office
//! profile become the data of a printed form (see `crate::documents` for the jobs).

use super::Ledger;
use crate::documents::{save_in_folder, write_whole, PrintJob, Printed};
use crate::domain::dates::{parse_date, parse_local_datetime};
use crate::domain::survey::SurveyTemplate;
use crate::domain::text::clean_text;
use crate::pdf::blocks::Signature;
use crate::pdf::forms::{self, FeedbackLetter, LedgerRow, ReceiptSlip, ReplyPrint, SurveyPrint};
use crate::{Book, Case, Error, FeedbackFilter, FeedbackRow, LetterStatus, OfficeProfile, Result};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// Blank pages are printed for a year's book at most; more is surely a typing slip.
const MAX_BLANK_PAGES: u32 = 500;

impl Ledger {
    /// Prints `job` into `dir` under its own file name and returns the path (see
    /// [`crate::documents::save_in_folder`]).
    pub fn print_to_folder(&mut self, job: &PrintJob, dir: &Path) -> Result<PathBuf> {
        let printed = self.print(job)?;
        save_in_folder(dir, &printed.file_name, &printed.bytes)
    }

    /// How many days a print stays in the «Bản in» folder (see [`crate::prints`]): the
    /// setting, or none while the data is encrypted.
    pub fn print_keep_days(&self) -> Result<u32> {
        Ok(if self.is_encrypted() { 0 } else { self.settings()?.print_keep_days })
    }

    /// Removes from `dir` the prints older than [`Ledger::print_keep_days`]; answers how many.
    pub fn tidy_prints(&self, dir: &Path) -> Result<usize> {
        Ok(crate::prints::tidy(dir, self.print_keep_days()?, std::time::SystemTime::now())?.len())
    }

    /// Prints `job` into the file the user chose.
    pub fn print_to_file(&mut self, job: &PrintJob, path: &Path) -> Result<()> {
        let printed = self.print(job)?;
        write_whole(path, &printed.bytes)
    }

    /// Draws the document from the records as they are now. Nothing is written, except
    /// that reports to be signed are archived as printed.
    pub fn print(&mut self, job: &PrintJob) -> Result<Printed> {
        self.guard(crate::Action::Print)?;
        let office = self.office_for_print()?;
        let (file_name, bytes) = match job {
            PrintJob::Receipts { receipt_nos } => {
                let slips = receipt_nos.iter().map(|r| self.receipt_slip(r)).collect::<Result<Vec<_>>>()?;
                let name = match receipt_nos.as_slice() {
                    [one] => format!("phieu-tiep-nhan-{}", one.replace('/', "-")),
                    _ => format!("phieu-tiep-nhan-{}-phieu", receipt_nos.len()),
                };
                (name, forms::receipts_with_notice(&office, &slips, Some(&self.privacy_notice_printed()?))?)
            }
            PrintJob::ReplyLetter { letter_id } => {
                let (case_id, _) = crate::store::letter::get(&self.conn, letter_id)?;
                let case = self.case(&case_id)?;
                let letter = reply_print(&case, letter_id)?;
                let name = format!("cong-van-tra-loi-{}", case.receipt_no.replace('/', "-"));
                (name, forms::reply_letter(&office, &letter)?)
            }
            PrintJob::LedgerPeriod { from, to } => {
                let from = parse_date("from", "Từ ngày", from)?;
                let to = parse_date("to", "Đến ngày", to)?;
                if from > to {
                    return Err(Error::validation("from", "Ngày bắt đầu phải trước hoặc trùng ngày kết thúc."));
                }
                let rows = self.ledger_rows(from, to)?;
                (format!("so-ghi-nhan-{from}-den-{to}"), forms::ledger_filled(&office, from, to, &rows)?)
            }
            PrintJob::LedgerBlank { pages, year } => {
                if !(1..=MAX_BLANK_PAGES).contains(pages) {
                    return Err(Error::validation("pages", format!("Số trang sổ trắng phải từ 1 đến {MAX_BLANK_PAGES}.")));
                }
                ("so-ghi-nhan-trang".into(), forms::ledger_blank(&office, *year, *pages as usize)?)
            }
            PrintJob::SurveyBlank { year, serial } => {
                let print = SurveyPrint { year: *year, serial: serial.clone(), notice: Some(self.privacy_notice_printed()?) };
                ("phieu-khao-sat".into(), forms::survey_blank(&office, &SurveyTemplate::bm_qt_sct_05_02(), &print)?)
            }
            PrintJob::AnnualReport { year } => {
                (format!("bao-cao-thoa-man-khach-hang-{year}"), self.generate_annual_report(*year)?.0)
            }
            PrintJob::ComplaintsReport { year } => {
                (format!("tong-hop-khieu-nai-{year}"), self.generate_complaints_report(*year)?.0)
            }
            PrintJob::FeedbackLetter { addressee, date } => {
                let mut letter = FeedbackLetter { notice: Some(self.privacy_notice_printed()?), ..FeedbackLetter::standard() };
                letter.date = date.as_deref().map(|d| parse_date("date", "Ngày gửi thư", d)).transpose()?;
                if let Some(a) = addressee.as_deref().map(clean_text).filter(|a| !a.is_empty()) {
                    letter.addressee = a;
                }
                ("thu-gop-y".into(), forms::feedback_letter(&office, &letter)?)
            }
        };
        Ok(Printed { file_name: format!("{file_name}.pdf"), bytes })
    }

    /// Forms print the office's name and place: nothing can be printed before setup.
    pub(crate) fn office_for_print(&self) -> Result<OfficeProfile> {
        self.office()?.ok_or_else(|| {
            Error::validation(
                "office",
                "Chưa nhập thông tin cơ quan nên chưa in được biểu mẫu. Hãy hoàn tất phần Thông tin cơ quan \
                 trong Cài đặt trước.",
            )
        })
    }

    fn receipt_slip(&self, receipt_no: &str) -> Result<ReceiptSlip> {
        let case = self.case(&self.case_id(receipt_no.trim())?)?;
        Ok(ReceiptSlip {
            number: case.receipt_no.clone(),
            received_at: parse_local_datetime("received_at", "Thời điểm tiếp nhận", &case.received_at)?,
            customer: customer_line(&case.customer_name, &case.customer_org, ", "),
            summary: case.content.clone(),
            due_date: parse_date("due", "Hạn trả lời", &case.deadlines.due)?,
            receiver: case.receiver_name.clone().unwrap_or_default(),
        })
    }

    /// The book's rows for the period, oldest first: the entries of the feedback book
    /// (BM.QT.SCT.05-01) received from `from` to `to`, as the printed form shows them.
    pub fn ledger_rows(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<LedgerRow>> {
        self.guard_read()?;
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
            let page = self.feedback(&filter)?;
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
}

/// "Nguyễn Văn An" and "Công ty TNHH Minh Phát" joined by `sep`, either alone when the
/// other is empty.
fn customer_line(name: &str, org: &str, sep: &str) -> String {
    match (name.is_empty(), org.is_empty()) {
        (_, true) => name.to_owned(),
        (true, false) => org.to_owned(),
        (false, false) => format!("{name}{sep}{org}"),
    }
}

/// "2026-01-05T09:30" (or a bare date) → the date.
fn date_of(stamp: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(stamp.get(..10)?, "%Y-%m-%d").ok()
}

fn ledger_row(r: &FeedbackRow) -> LedgerRow {
    let confirmation = match (&r.confirmed_by_name, r.confirmed_at.as_deref().and_then(date_of)) {
        (Some(name), Some(on)) => format!("{name}\n{}", on.format("%d/%m/%Y")),
        (Some(name), None) => name.clone(),
        (None, _) => String::new(),
    };
    LedgerRow {
        date: date_of(&r.received_at).unwrap_or(NaiveDate::MIN),
        customer: customer_line(&r.customer_name, &r.customer_org, "\n"),
        content: r.content.clone(),
        receiver: r.receiver_name.clone().unwrap_or_default(),
        confirmation,
    }
}

/// The reply letter of `case` as printed. A deputy signs "KT." for the head (Decree 30):
/// "Phó Giám đốc" signs under "KT. GIÁM ĐỐC".
fn reply_print(case: &Case, letter_id: &str) -> Result<ReplyPrint> {
    let letter = case
        .letters
        .iter()
        .find(|l| l.id == letter_id)
        .ok_or_else(|| Error::NotFound { entity: "công văn trả lời", id: letter_id.to_owned() })?;
    let title = letter.signer_title.trim();
    let authority = title
        .strip_prefix("Phó ")
        .map(|head| vec![format!("KT. {}", crate::pdf::blocks::upper(head))])
        .unwrap_or_default();
    let draft = letter.status == LetterStatus::Draft;
    let signature = Signature {
        authority,
        title: if title.is_empty() { "Thủ trưởng cơ quan".into() } else { title.to_owned() },
        note: None,
        name: (!letter.signer_name.is_empty()).then(|| letter.signer_name.clone()),
    };
    let addressee = customer_line(&case.customer_name, &case.customer_org, " - ");
    let signed_on = letter.signed_on.as_deref().map(|d| parse_date("signed_on", "Ngày ký", d)).transpose()?;
    Ok(ReplyPrint {
        number: letter.number.clone(),
        summary: format!("trả lời ý kiến của khách hàng (số tiếp nhận {})", case.receipt_no),
        addressee: if addressee.is_empty() { "Quý khách hàng".into() } else { addressee },
        body: letter.body.clone(),
        signed_on: if draft { None } else { signed_on },
        signature,
        recipients: vec!["Như trên".into(), "Lưu: VT".into()],
        draft,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_customer_line_joins_only_what_is_known() {
        assert_eq!(customer_line("Nguyễn Văn An", "", ", "), "Nguyễn Văn An");
        assert_eq!(customer_line("", "Công ty Minh Phát", ", "), "Công ty Minh Phát");
        assert_eq!(customer_line("An", "Minh Phát", "\n"), "An\nMinh Phát");
    }
}
