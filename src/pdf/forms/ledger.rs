//! The office's books, printed blank for hand filling or filled from the records (R1.7):
//! the feedback book BM.QT.SCT.05-01 (seed 004: "SỔ GHI NHẬN Ý KIẾN CỦA KHÁCH HÀNG", the
//! year and five ruled columns), the complaint book of seed 001 and the inspectorate's
//! citizen-reception book (seed 004), each with its own columns. A unit's own book is one of
//! these with the unit named under the title.

use super::common::form_heading;
use crate::domain::feedback::Book;
use crate::domain::office::OfficeProfile;
use crate::error::Result;
use crate::pdf::blocks::{self, short_date, FormControl};
use crate::pdf::document::{Document, Metadata};
use crate::pdf::font::Face;
use crate::pdf::page::mm;
use crate::pdf::table::{Column, Table};
use crate::pdf::text::{Align, Style};
use chrono::{Datelike, NaiveDate};

/// One line of the feedback book as printed. The ledger records convert to this; nothing
/// here knows how they are stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerRow {
    /// Ngày tháng: when the feedback was received.
    pub date: NaiveDate,
    /// Tên khách hàng.
    pub customer: String,
    /// Nội dung ý kiến phản ánh của khách hàng.
    pub content: String,
    /// Người tiếp nhận.
    pub receiver: String,
    /// Xác nhận của trưởng phòng/đơn vị: who confirmed and when, as text.
    pub confirmation: String,
}

impl LedgerRow {
    /// The row in the order of the feedback book's columns.
    pub fn cells(&self) -> Vec<String> {
        vec![short_date(self.date), self.customer.clone(), self.content.clone(), self.receiver.clone(), self.confirmation.clone()]
    }
}

/// A line of the complaint book or of the citizen-reception book as printed, one text per
/// column of [`columns`], in order.
pub type BookLine = Vec<String>;

/// Which book is printed, under which control data, for which unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookPrint {
    pub book: Book,
    pub control: FormControl,
    /// The unit whose own book this is ("Đơn vị: Phòng Quản lý thương mại"); the whole
    /// office's book when `None`.
    pub unit: Option<String>,
}

impl BookPrint {
    /// The feedback book of the whole office under `code` alone.
    pub fn feedback(code: &str) -> BookPrint {
        BookPrint { book: Book::Feedback, control: FormControl::code(code), unit: None }
    }
}

/// The columns of each book, widest for what was said. The feedback book's five are seed
/// 004's; the complaint book follows seed 001 (who, what, how it was settled); the
/// citizen-reception book the inspectorate's usual register (who came, about what, how it
/// was handled, its result).
pub fn columns(book: Book) -> Vec<Column> {
    match book {
        Book::Feedback => vec![
            Column::new("Ngày tháng", 0.15, Align::Center),
            Column::new("Tên khách hàng", 0.19, Align::Left),
            Column::new("Nội dung ý kiến phản ánh của khách hàng", 0.30, Align::Left),
            Column::new("Người tiếp nhận", 0.17, Align::Left),
            Column::new("Xác nhận của trưởng phòng/đơn vị", 0.19, Align::Left),
        ],
        Book::Complaints => vec![
            Column::new("Số, ngày tiếp nhận", 0.16, Align::Center),
            Column::new("Khách hàng", 0.15, Align::Left),
            Column::new("Loại, hình thức", 0.12, Align::Left),
            Column::new("Nội dung khiếu nại, phàn nàn, kháng nghị", 0.25, Align::Left),
            Column::new("Người tiếp nhận", 0.12, Align::Left),
            Column::new("Nội dung, kết quả giải quyết", 0.20, Align::Left),
        ],
        Book::CitizenReception => vec![
            Column::new("Ngày tiếp", 0.12, Align::Center),
            Column::new("Họ và tên công dân, tổ chức", 0.18, Align::Left),
            Column::new("Nội dung vụ việc", 0.27, Align::Left),
            Column::new("Phân loại", 0.13, Align::Left),
            Column::new("Hướng xử lý", 0.15, Align::Left),
            Column::new("Theo dõi kết quả", 0.15, Align::Left),
        ],
    }
}

/// The book's title as printed.
pub fn book_title(book: Book) -> &'static str {
    book.label()
}

/// The heading line under the title, and an optional second line, for the period printed:
/// "NĂM: 2026" for a calendar year; the year and "(Từ ngày … đến ngày …)" for part of one;
/// "TỪ NGÀY … ĐẾN NGÀY …" across years.
pub fn period_heading(from: NaiveDate, to: NaiveDate) -> (String, Option<String>) {
    let whole_year = from.year() == to.year() && from.ordinal() == 1 && to.succ_opt().is_none_or(|d| d.year() != to.year());
    if whole_year {
        (format!("NĂM: {}", from.year()), None)
    } else if from.year() == to.year() {
        (format!("NĂM: {}", from.year()), Some(format!("(Từ ngày {} đến ngày {})", short_date(from), short_date(to))))
    } else {
        (format!("TỪ NGÀY {} ĐẾN NGÀY {}", short_date(from), short_date(to)), None)
    }
}

fn start(office: &OfficeProfile, print: &BookPrint, heading: &str, second: Option<&str>) -> Document {
    let title = book_title(print.book);
    let meta = Metadata::now(format!("{title} ({})", print.control.code), &office.name);
    let mut doc = Document::new(meta);
    form_heading(&mut doc, office, &print.control, &[]);
    // The complaint book's long title keeps to one line where it can.
    let size = if title.chars().count() > 45 { 13.5 } else { 15.0 };
    blocks::title(&mut doc, title, size);
    let year = Style::new(Face::Bold, 13.0).with_leading(17.0);
    if let Some(unit) = &print.unit {
        doc.paragraph(&format!("Đơn vị: {unit}"), &year, Align::Center, 0.0);
    }
    doc.paragraph(heading, &year, Align::Center, 0.0);
    if let Some(line) = second {
        doc.paragraph(line, &Style::new(Face::Italic, 13.0), Align::Center, 0.0);
    }
    doc.advance(8.0);
    doc
}

/// The feedback book blank for hand filling (see [`book_blank`]).
pub fn ledger_blank(office: &OfficeProfile, year: Option<i32>, pages: usize) -> Result<Vec<u8>> {
    book_blank(office, &BookPrint::feedback(&office.ledger_form_code), year, pages)
}

/// The feedback book filled from `rows` (see [`book_filled`]).
pub fn ledger_filled(office: &OfficeProfile, from: NaiveDate, to: NaiveDate, rows: &[LedgerRow]) -> Result<Vec<u8>> {
    let lines: Vec<BookLine> = rows.iter().map(LedgerRow::cells).collect();
    book_filled(office, &BookPrint::feedback(&office.ledger_form_code), from, to, &lines)
}

/// A book blank for hand filling: `pages` ruled pages (at least one), rows tall enough for
/// three handwritten lines. `year` fills "NĂM:", else it is left to write in.
pub fn book_blank(office: &OfficeProfile, print: &BookPrint, year: Option<i32>, pages: usize) -> Result<Vec<u8>> {
    let heading = match year {
        Some(y) => format!("NĂM: {y}"),
        None => "NĂM: ..........".to_owned(),
    };
    let mut doc = start(office, print, &heading, None);
    Table::new(columns(print.book)).draw_blank(&mut doc, mm(17.0), pages.max(1));
    doc.finish()
}

/// A book filled with `lines` (each in the order of [`columns`]) for the period
/// `from`..=`to`, in the order given.
pub fn book_filled(office: &OfficeProfile, print: &BookPrint, from: NaiveDate, to: NaiveDate, lines: &[BookLine]) -> Result<Vec<u8>> {
    let (heading, second) = period_heading(from, to);
    let mut doc = start(office, print, &heading, second.as_deref());
    Table::new(columns(print.book)).draw(&mut doc, lines);
    if lines.is_empty() {
        doc.advance(6.0);
        let none = match print.book {
            Book::Feedback => "Không có ý kiến nào được ghi nhận trong kỳ này.",
            Book::Complaints => "Không có khiếu nại, phàn nàn, kháng nghị nào được ghi trong kỳ này.",
            Book::CitizenReception => "Không có lượt tiếp dân nào được ghi trong kỳ này.",
        };
        doc.paragraph(none, &Style::new(Face::Italic, 13.0), Align::Left, 0.0);
    }
    doc.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_calendar_year_is_printed_as_the_year() {
        assert_eq!(period_heading(d(2026, 1, 1), d(2026, 12, 31)), ("NĂM: 2026".to_owned(), None));
        assert_eq!(period_heading(d(2024, 1, 1), d(2024, 12, 31)).1, None);
    }

    #[test]
    fn part_of_a_year_adds_the_dates() {
        assert_eq!(
            period_heading(d(2026, 1, 1), d(2026, 3, 31)),
            ("NĂM: 2026".to_owned(), Some("(Từ ngày 01/01/2026 đến ngày 31/03/2026)".to_owned()))
        );
        assert_eq!(period_heading(d(2025, 7, 1), d(2026, 6, 30)).0, "TỪ NGÀY 01/07/2025 ĐẾN NGÀY 30/06/2026");
    }
}
