//! Printing on the [`Ledger`]: the one place where stored cases, letters and the office
//! profile become the data of a printed form (see `crate::documents` for the jobs).

use super::Ledger;
use crate::documents::{save_in_folder, write_whole, PrintJob, Printed};
use crate::domain::dates::{parse_date, parse_local_datetime};
use crate::domain::survey::SurveyTemplate;
use crate::domain::text::clean_text;
use crate::domain::document_control::{ControlledForm, DocumentControl};
use crate::domain::letter::MeasuresLetter;
use crate::pdf::blocks::{FormControl, Signature};
use crate::pdf::forms::{self, BookLine, BookPrint, FeedbackLetter, LedgerRow, ReceiptSlip, ReplyPrint, SurveyPrint};
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
        let control = self.document_control_as_printed()?;
        let (file_name, bytes) = match job {
            PrintJob::Receipts { receipt_nos } => {
                let slips = receipt_nos.iter().map(|r| self.receipt_slip(r)).collect::<Result<Vec<_>>>()?;
                let name = match receipt_nos.as_slice() {
                    [one] => format!("phieu-tiep-nhan-{}", one.replace('/', "-")),
                    _ => format!("phieu-tiep-nhan-{}-phieu", receipt_nos.len()),
                };
                let notice = self.privacy_notice_printed()?;
                let slip_control = FormControl::from(&control.of(ControlledForm::ReceiptSlip));
                (name, forms::receipts_controlled(&office, &slips, Some(&notice), Some(&slip_control))?)
            }
            PrintJob::ReplyLetter { letter_id } => {
                let (case_id, _) = crate::store::letter::get(&self.conn, letter_id)?;
                let case = self.case(&case_id)?;
                let mut letter = reply_print(&case, letter_id)?;
                letter.control = Some(FormControl::from(&control.of(ControlledForm::ReplyLetter)));
                let name = format!("cong-van-tra-loi-{}", case.receipt_no.replace('/', "-"));
                (name, forms::reply_letter(&office, &letter)?)
            }
            PrintJob::LedgerPeriod { from, to, book, unit_id } => {
                let from = parse_date("from", "Từ ngày", from)?;
                let to = parse_date("to", "Đến ngày", to)?;
                if from > to {
                    return Err(Error::validation("from", "Ngày bắt đầu phải trước hoặc trùng ngày kết thúc."));
                }
                let book = book.unwrap_or(Book::Feedback);
                let print = self.book_print(&control, book, unit_id.as_deref())?;
                let lines = self.book_lines(book, unit_id.as_deref(), from, to)?;
                (format!("{}-{from}-den-{to}", book_file_stem(book)), forms::book_filled(&office, &print, from, to, &lines)?)
            }
            PrintJob::LedgerBlank { pages, year, book, unit_id } => {
                if !(1..=MAX_BLANK_PAGES).contains(pages) {
                    return Err(Error::validation("pages", format!("Số trang sổ trắng phải từ 1 đến {MAX_BLANK_PAGES}.")));
                }
                let book = book.unwrap_or(Book::Feedback);
                let print = self.book_print(&control, book, unit_id.as_deref())?;
                (format!("{}-trang", book_file_stem(book)), forms::book_blank(&office, &print, *year, *pages as usize)?)
            }
            PrintJob::SurveyBlank { year, serial } => {
                let print = SurveyPrint {
                    year: *year,
                    serial: serial.clone(),
                    notice: Some(self.privacy_notice_printed()?),
                    control: Some(FormControl::from(&control.of(ControlledForm::SurveyForm))),
                };
                ("phieu-khao-sat".into(), forms::survey_blank(&office, &SurveyTemplate::bm_qt_sct_05_02(), &print)?)
            }
            PrintJob::AnnualReport { year } => {
                (format!("bao-cao-thoa-man-khach-hang-{year}"), self.generate_annual_report(*year)?.0)
            }
            PrintJob::ComplaintsReport { year } => {
                (format!("tong-hop-khieu-nai-{year}"), self.generate_complaints_report(*year)?.0)
            }
            PrintJob::ConsolidatedReport { year } => {
                (format!("bao-cao-tong-hop-cac-don-vi-{year}"), self.generate_consolidated_report(*year)?.0)
            }
            PrintJob::FeedbackLetter { addressee, date } => {
                let tgy = control.of(ControlledForm::FeedbackLetter);
                let mut letter = FeedbackLetter {
                    notice: Some(self.privacy_notice_printed()?),
                    form_code: tgy.code.clone(),
                    control: Some(FormControl::from(&tgy)),
                    ..FeedbackLetter::standard()
                };
                letter.date = date.as_deref().map(|d| parse_date("date", "Ngày gửi thư", d)).transpose()?;
                if let Some(a) = addressee.as_deref().map(clean_text).filter(|a| !a.is_empty()) {
                    letter.addressee = a;
                }
                ("thu-gop-y".into(), forms::feedback_letter(&office, &letter)?)
            }
            PrintJob::MeasuresLetter { receipt_no, letter } => {
                let letter = match letter {
                    Some(l) => MeasuresLetter { receipt_no: receipt_no.clone(), ..l.validated()? },
                    None => self.measures_letter_draft(receipt_no)?,
                };
                // Nothing to tell, nothing to print: the same rule as the draft's.
                let case = self.case(&self.case_id(letter.receipt_no.trim())?)?;
                crate::domain::letter::something_to_tell(&case.receipt_no, case.actions.len())?;
                let mut print = measures_print(&letter)?;
                print.control = Some(FormControl::from(&control.of(ControlledForm::MeasuresLetter)));
                (format!("thong-bao-bien-phap-khac-phuc-{}", case.receipt_no.replace('/', "-")), forms::reply_letter(&office, &print)?)
            }
            PrintJob::AcceptanceNotice { receipt_no } => {
                let case = self.case(&self.case_id(receipt_no.trim())?)?;
                let print = acceptance_print(&office.name, &case, &self.settings()?)?;
                (format!("thong-bao-thu-ly-{}", case.receipt_no.replace('/', "-")), forms::reply_letter(&office, &print)?)
            }
        };
        Ok(Printed { file_name: format!("{file_name}.pdf"), bytes })
    }

    /// The document control of every printed form (R5.2): what the office set over the
    /// procedures' defaults. The feedback book's and the survey form's codes are those of the
    /// office profile, where the setup screen asks for them.
    pub fn document_control(&self) -> Result<DocumentControl> {
        self.guard_read()?;
        self.document_control_as_printed()
    }

    /// [`Ledger::document_control`] for a print whose own command was guarded already.
    pub(crate) fn document_control_as_printed(&self) -> Result<DocumentControl> {
        let mut d = DocumentControl::merged(&crate::store::settings::document_control(&self.conn)?);
        if let Some(office) = self.office()? {
            for f in d.forms.iter_mut() {
                match f.form {
                    ControlledForm::FeedbackBook => f.code = office.ledger_form_code.clone(),
                    ControlledForm::SurveyForm => f.code = office.survey_form_code.clone(),
                    _ => {}
                }
            }
        }
        Ok(d)
    }

    /// The control box of `form` as printed.
    pub(crate) fn form_control(&self, form: ControlledForm) -> Result<FormControl> {
        Ok(FormControl::from(&self.document_control_as_printed()?.of(form)))
    }

    /// Saves the forms' document control (administrator or QMR), audited before → after in
    /// one entry; the feedback book's and the survey form's codes go to the office profile,
    /// and a code those two forms must have cannot be emptied.
    pub fn save_document_control(&mut self, control: &DocumentControl) -> Result<DocumentControl> {
        self.guard(crate::Action::EditSettings)?;
        let after = control.validated()?;
        let before = self.document_control()?;
        let office = self.office()?;
        let profile = match office {
            Some(o) => {
                let p = OfficeProfile {
                    ledger_form_code: after.of(ControlledForm::FeedbackBook).code,
                    survey_form_code: after.of(ControlledForm::SurveyForm).code,
                    ..o.clone()
                };
                // The profile's own rules (these two codes are required) hold here too.
                let p = p.validated()?;
                (p != o).then_some(p)
            }
            None => None,
        };
        self.write(|tx| {
            if let Some(p) = &profile {
                crate::store::office::save(tx, p)?;
            }
            crate::store::settings::save_document_control(tx, &before, &after)
        })?;
        self.document_control()
    }

    /// What a book is printed under: its title's form, control data and unit.
    fn book_print(&self, control: &DocumentControl, book: Book, unit_id: Option<&str>) -> Result<BookPrint> {
        let form = match book {
            Book::Feedback => ControlledForm::FeedbackBook,
            Book::Complaints => ControlledForm::ComplaintBook,
            Book::CitizenReception => ControlledForm::CitizenReceptionBook,
        };
        let unit = match unit_id.filter(|u| !u.is_empty()) {
            None => None,
            Some(id) => Some(
                self.units()?
                    .into_iter()
                    .find(|u| u.id == id)
                    .ok_or_else(|| Error::NotFound { entity: "đơn vị", id: id.to_owned() })?
                    .name,
            ),
        };
        Ok(BookPrint { book, control: FormControl::from(&control.of(form)), unit })
    }

    /// The lines of `book` (a unit's own when `unit_id` is given) received from `from` to
    /// `to`, oldest first, in the book's columns ([`forms::columns`]).
    pub fn book_lines(&self, book: Book, unit_id: Option<&str>, from: NaiveDate, to: NaiveDate) -> Result<Vec<BookLine>> {
        let rows = self.book_rows(book, unit_id, from, to)?;
        match book {
            Book::Feedback => Ok(rows.iter().map(|r| ledger_row(r).cells()).collect()),
            // These books print how each case was settled, which only the whole case holds.
            Book::Complaints => rows.iter().map(|r| Ok(complaint_line(r, &self.case(&r.id)?))).collect(),
            Book::CitizenReception => rows.iter().map(|r| Ok(reception_line(r, &self.case(&r.id)?))).collect(),
        }
    }

    /// The feedback book's rows for the period, oldest first: the entries of the feedback
    /// book (BM.QT.SCT.05-01) received from `from` to `to`, as the printed form shows them.
    pub fn ledger_rows(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<LedgerRow>> {
        Ok(self.book_rows(Book::Feedback, None, from, to)?.iter().map(ledger_row).collect())
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

    /// The entries of `book` (of one unit when given) received in the period, oldest first,
    /// as listed on screen with the same filter.
    fn book_rows(&self, book: Book, unit_id: Option<&str>, from: NaiveDate, to: NaiveDate) -> Result<Vec<FeedbackRow>> {
        self.guard_read()?;
        let mut found: Vec<FeedbackRow> = Vec::new();
        loop {
            let filter = FeedbackFilter {
                book: Some(book),
                unit_id: unit_id.filter(|u| !u.is_empty()).map(str::to_owned),
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
        Ok(found)
    }
}

/// The start of a printed book's file name.
fn book_file_stem(book: Book) -> &'static str {
    match book {
        Book::Feedback => "so-ghi-nhan",
        Book::Complaints => "so-khieu-nai",
        Book::CitizenReception => "so-tiep-dan",
    }
}

/// "Đã giải quyết xong ngày 12/01/2026" or "Đang giải quyết, hạn 04/02/2026".
fn settled_line(case: &Case) -> String {
    match case.closed_at.as_deref().and_then(date_of) {
        Some(on) => format!("Đã giải quyết xong ngày {}", on.format("%d/%m/%Y")),
        None => {
            let due = date_of(&case.deadlines.due).map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default();
            format!("{}, hạn {due}", case.status.label())
        }
    }
}

/// A line of the complaint book (seed 001): the receipt, who, what kind and how it came,
/// what was said, who took it, and how it was settled.
fn complaint_line(r: &FeedbackRow, case: &Case) -> BookLine {
    let received = date_of(&r.received_at).map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default();
    let form = if case.written { "Bằng văn bản" } else { "Bằng lời nói" };
    let mut kind = format!("{}\n{form}", r.kind.label());
    if case.formal {
        kind.push_str("\n(theo Luật Khiếu nại)");
    }
    let mut result = Vec::new();
    if !case.resolution.is_empty() {
        result.push(case.resolution.clone());
    }
    for l in case.letters.iter().filter(|l| l.status == LetterStatus::Sent) {
        let on = l.sent_on.as_deref().and_then(date_of).map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default();
        let number = if l.number.is_empty() { String::new() } else { format!(" số {}", l.number) };
        result.push(format!("Công văn trả lời{number} gửi ngày {on}"));
    }
    result.push(settled_line(case));
    vec![
        format!("{}\n{received}", r.receipt_no),
        customer_line(&r.customer_name, &r.customer_org, "\n"),
        kind,
        content_of(r),
        r.receiver_name.clone().unwrap_or_default(),
        result.join("\n"),
    ]
}

/// A line of the citizen-reception book: the day, who came, about what, its kind, where it
/// was sent, and its result.
fn reception_line(r: &FeedbackRow, case: &Case) -> BookLine {
    let received = date_of(&r.received_at).map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default();
    let handling = match &r.unit_name {
        Some(unit) => format!("Chuyển {unit} giải quyết"),
        None => r.status.label().to_owned(),
    };
    let mut result = vec![settled_line(case)];
    if !case.resolution.is_empty() {
        result.push(case.resolution.clone());
    }
    vec![
        received,
        customer_line(&r.customer_name, &r.customer_org, "\n"),
        content_of(r),
        format!("{}\n{}", r.kind.label(), r.subject.label()),
        handling,
        result.join("\n"),
    ]
}

/// "Nguyễn Văn An" and "Công ty TNHH Minh Phát" joined by `sep`, either alone when the
/// other is empty; «Không ghi tên» for feedback recorded without a name (a suggestion box,
/// an unsigned letter).
pub(crate) fn customer_line(name: &str, org: &str, sep: &str) -> String {
    match (name.is_empty(), org.is_empty()) {
        (true, true) => crate::domain::feedback::NO_NAME.to_owned(),
        (_, true) => name.to_owned(),
        (true, false) => org.to_owned(),
        (false, false) => format!("{name}{sep}{org}"),
    }
}

/// What was said, as the book prints it: an entry withdrawn as made by mistake keeps its
/// line, marked, as a paper book keeps a struck-out line.
fn content_of(r: &FeedbackRow) -> String {
    match &r.withdrawn_at {
        Some(_) => format!("[ĐÃ RÚT — NHẬP NHẦM] {}", r.content),
        None => r.content.clone(),
    }
}

/// "2026-01-05T09:30" (or a bare date) → the date.
pub(crate) fn date_of(stamp: &str) -> Option<NaiveDate> {
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
        content: content_of(r),
        receiver: r.receiver_name.clone().unwrap_or_default(),
        confirmation,
    }
}

/// The reply letter of `case` as printed.
fn reply_print(case: &Case, letter_id: &str) -> Result<ReplyPrint> {
    let letter = case
        .letters
        .iter()
        .find(|l| l.id == letter_id)
        .ok_or_else(|| Error::NotFound { entity: "công văn trả lời", id: letter_id.to_owned() })?;
    let draft = letter.status == LetterStatus::Draft;
    let addressee = customer_line(&case.customer_name, &case.customer_org, " - ");
    let signed_on = letter.signed_on.as_deref().map(|d| parse_date("signed_on", "Ngày ký", d)).transpose()?;
    Ok(ReplyPrint {
        number: letter.number.clone(),
        summary: format!("trả lời ý kiến của khách hàng (số tiếp nhận {})", case.receipt_no),
        addressee: if addressee.is_empty() { "Quý khách hàng".into() } else { addressee },
        body: letter.body.clone(),
        signed_on: if draft { None } else { signed_on },
        signature: signature(&letter.signer_title, &letter.signer_name),
        recipients: vec!["Như trên".into(), "Lưu: VT".into()],
        draft,
        control: None,
    })
}

/// The measures letter of `case` as printed, in the same administrative-letter layout as the
/// reply; dated when the letter has a date, else left to date by hand.
fn measures_print(letter: &MeasuresLetter) -> Result<ReplyPrint> {
    let date = letter.date.as_deref().map(|d| parse_date("date", "Ngày thông báo", d)).transpose()?;
    let addressee = letter.addressee.trim();
    Ok(ReplyPrint {
        number: letter.number.clone(),
        summary: "thông báo kết quả đánh giá và biện pháp khắc phục".into(),
        addressee: if addressee.is_empty() { "Quý khách hàng".into() } else { addressee.to_owned() },
        body: letter.body.clone(),
        signed_on: date,
        signature: signature(&letter.signer_title, &letter.signer_name),
        recipients: vec!["Như trên".into(), "Lưu: VT".into()],
        draft: false,
        control: None,
    })
}

/// The notice of the acceptance decision on a formal complaint (Luật Khiếu nại 2011, art.
/// 27: the complainant is told in writing whether the complaint is accepted, and if not, why),
/// in the administrative-letter layout, dated the day of the decision. Refused before the
/// decision is recorded: there is nothing to notify yet.
fn acceptance_print(office: &str, case: &crate::Case, settings: &crate::Settings) -> Result<ReplyPrint> {
    use crate::domain::law::Acceptance;
    let d = &case.deadlines;
    let Some(decision) = d.acceptance else {
        return Err(Error::Conflict(format!(
            "Hồ sơ {} chưa có quyết định thụ lý: hãy ghi quyết định (thụ lý hay không, lý do) trước khi in thông báo.",
            case.receipt_no
        )));
    };
    let day = crate::domain::dates::day;
    let on = d.acceptance_on.as_deref().map(|s| parse_date("acceptance_on", "Ngày quyết định", s)).transpose()?;
    let addressee = customer_line(&case.customer_name, &case.customer_org, " - ");
    let reason = d.acceptance_reason.clone().unwrap_or_default();
    let received = day(&case.received_at);
    let mut body = vec![format!(
        "Ngày {received}, {office} nhận được đơn khiếu nại của {} (số tiếp nhận {}) với nội dung: {}",
        if addressee.is_empty() { "Quý khách hàng".to_owned() } else { addressee.clone() },
        case.receipt_no,
        case.content
    )];
    let summary = match decision {
        Acceptance::Accepted => {
            body.push(format!(
                "Căn cứ Điều 27 Luật Khiếu nại năm 2011, {office} thông báo: khiếu nại đã được thụ lý giải quyết từ ngày {}. {reason}",
                d.acceptance_on.as_deref().map(day).unwrap_or_default()
            ));
            if let Some(due) = &d.formal_decide_due {
                let days = crate::domain::law::decide_days(settings, case.complex);
                let complex = if case.complex { " (vụ việc phức tạp)" } else { "" };
                let how_long = format!("không quá {days} ngày kể từ ngày thụ lý{complex}");
                body.push(format!("Theo Điều 28 Luật Khiếu nại, thời hạn giải quyết {how_long}, tức là đến hết ngày {}.", day(due)));
            }
            "thụ lý giải quyết khiếu nại"
        }
        Acceptance::Refused => {
            body.push(format!("Căn cứ Điều 11 và Điều 27 Luật Khiếu nại năm 2011, {office} thông báo: không thụ lý giải quyết khiếu nại nêu trên."));
            body.push(format!("Lý do: {reason}"));
            "không thụ lý giải quyết khiếu nại"
        }
    };
    body.push(format!("{office} thông báo để {} được biết.", if addressee.is_empty() { "Quý khách hàng" } else { &addressee }));
    Ok(ReplyPrint {
        number: String::new(),
        summary: summary.into(),
        addressee: if addressee.is_empty() { "Quý khách hàng".into() } else { addressee },
        body: body.join("\n"),
        signed_on: on,
        signature: signature("", ""),
        recipients: vec!["Như trên".into(), "Lưu: VT, hồ sơ khiếu nại".into()],
        draft: false,
        control: None,
    })
}

/// The signature block of a letter. A deputy signs "KT." for the head (Decree 30): "Phó
/// Giám đốc" signs under "KT. GIÁM ĐỐC".
fn signature(title: &str, name: &str) -> Signature {
    let title = title.trim();
    let authority = title
        .strip_prefix("Phó ")
        .map(|head| vec![format!("KT. {}", crate::pdf::blocks::upper(head))])
        .unwrap_or_default();
    Signature {
        authority,
        title: if title.is_empty() { "Thủ trưởng cơ quan".into() } else { title.to_owned() },
        note: None,
        name: (!name.trim().is_empty()).then(|| name.trim().to_owned()),
    }
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
