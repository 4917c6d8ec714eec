//! The feedback book BM.QT.SCT.05-01 (seed 004): "SỔ GHI NHẬN Ý KIẾN CỦA KHÁCH HÀNG", the
//! year, and a five-column ruled table. Printed blank for hand filling, or filled from rows.

use super::common::form_heading;
use crate::domain::office::OfficeProfile;
use crate::error::Result;
use crate::pdf::blocks::{self, short_date, FormControl};
use crate::pdf::document::{Document, Metadata};
use crate::pdf::font::Face;
use crate::pdf::page::mm;
use crate::pdf::table::{Column, Table};
use crate::pdf::text::{Align, Style};
use chrono::{Datelike, NaiveDate};

/// The book's title, as seed 004 prints it.
const TITLE: &str = "Sổ ghi nhận ý kiến của khách hàng";

/// One line of the book as printed. The ledger records convert to this; nothing here knows
/// how they are stored.
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

/// The five columns of seed 004, widest for the content.
fn table() -> Table {
    Table::new(vec![
        Column::new("Ngày tháng", 0.15, Align::Center),
        Column::new("Tên khách hàng", 0.19, Align::Left),
        Column::new("Nội dung ý kiến phản ánh của khách hàng", 0.30, Align::Left),
        Column::new("Người tiếp nhận", 0.17, Align::Left),
        Column::new("Xác nhận của trưởng phòng/đơn vị", 0.19, Align::Left),
    ])
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

fn start(office: &OfficeProfile, heading: &str, second: Option<&str>) -> Document {
    let meta = Metadata::now(format!("{TITLE} ({})", office.ledger_form_code), &office.name);
    let mut doc = Document::new(meta);
    form_heading(&mut doc, office, &FormControl::code(&office.ledger_form_code), &[]);
    blocks::title(&mut doc, TITLE, 15.0);
    let year = Style::new(Face::Bold, 13.0).with_leading(17.0);
    doc.paragraph(heading, &year, Align::Center, 0.0);
    if let Some(line) = second {
        doc.paragraph(line, &Style::new(Face::Italic, 13.0), Align::Center, 0.0);
    }
    doc.advance(8.0);
    doc
}

/// The book blank for hand filling: `pages` ruled pages (at least one), rows tall enough for
/// three handwritten lines. `year` fills "NĂM:", else it is left to write in.
pub fn ledger_blank(office: &OfficeProfile, year: Option<i32>, pages: usize) -> Result<Vec<u8>> {
    let heading = match year {
        Some(y) => format!("NĂM: {y}"),
        None => "NĂM: ..........".to_owned(),
    };
    let mut doc = start(office, &heading, None);
    table().draw_blank(&mut doc, mm(17.0), pages.max(1));
    doc.finish()
}

/// The book filled from `rows` for the period `from`..=`to`, in the order given.
pub fn ledger_filled(office: &OfficeProfile, from: NaiveDate, to: NaiveDate, rows: &[LedgerRow]) -> Result<Vec<u8>> {
    let (heading, second) = period_heading(from, to);
    let mut doc = start(office, &heading, second.as_deref());
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| vec![short_date(r.date), r.customer.clone(), r.content.clone(), r.receiver.clone(), r.confirmation.clone()])
        .collect();
    table().draw(&mut doc, &cells);
    if rows.is_empty() {
        doc.advance(6.0);
        doc.paragraph("Không có ý kiến nào được ghi nhận trong kỳ này.", &Style::new(Face::Italic, 13.0), Align::Left, 0.0);
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
