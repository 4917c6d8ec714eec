//! The reply to a written complaint (công văn trả lời), in the layout of an administrative
//! letter (Decree 30/2020/NĐ-CP, Appendix I, model 1.4): the agency and "Số: …" with the
//! summary line "V/v …" on the left, Quốc hiệu, Tiêu ngữ and the date on the right,
//! "Kính gửi:", the body, then "Nơi nhận:" and the signature side by side.
//!
//! A letter not signed yet prints as a draft (DỰ THẢO) with the date left blank, so a
//! draft taken to the director for signing can never be mistaken for the sent letter.

use crate::domain::office::OfficeProfile;
use crate::error::Result;
use crate::pdf::blocks::{self, blank_date_line, date_line, FormControl, Signature};
use crate::pdf::document::{Document, Metadata};
use crate::pdf::font::Face;
use crate::pdf::page::mm;
use crate::pdf::text::{Align, Style};
use chrono::NaiveDate;

/// A reply letter as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyPrint {
    /// Số công văn, e.g. "125/SCT-VP"; left to fill in by hand when empty.
    pub number: String,
    /// Trích yếu, after "V/v".
    pub summary: String,
    /// Who the letter answers: the customer's name (and organisation).
    pub addressee: String,
    /// Paragraphs of the body.
    pub body: String,
    /// Signing date; `None` prints the blank date line (and marks a draft).
    pub signed_on: Option<NaiveDate>,
    pub signature: Signature,
    /// Nơi nhận.
    pub recipients: Vec<String>,
    /// Not signed yet: printed as a draft.
    pub draft: bool,
    /// The letter's document control (R5.2), in the box at the top right.
    pub control: Option<FormControl>,
}

pub fn reply_letter(office: &OfficeProfile, letter: &ReplyPrint) -> Result<Vec<u8>> {
    let number = if letter.number.is_empty() { "Số:        /".to_owned() } else { format!("Số: {}", letter.number) };
    let title = format!("Công văn trả lời {} — {}", letter.number, letter.addressee);
    let mut doc = Document::new(Metadata::now(title.trim(), &office.name));
    if let Some(control) = &letter.control {
        let bottom = blocks::form_control(&mut doc, control, &[]);
        doc.set_y(bottom + 4.0);
    }

    if letter.draft {
        let mark = Style::new(Face::Bold, 13.0);
        let (x, w) = (doc.left(), doc.width());
        let y = doc.y();
        doc.page().text_in(x, w, y + mark.size, &mark, Align::Right, "DỰ THẢO");
        doc.advance(mark.leading + 4.0);
    }
    let dated = match letter.signed_on {
        Some(d) => date_line(&office.place_name, d),
        None => blank_date_line(&office.place_name),
    };
    blocks::national_header(&mut doc, office, &[number, format!("V/v {}", letter.summary)], &[dated]);

    doc.advance(8.0);
    let body = blocks::body();
    let (x, w) = (doc.left(), doc.width());
    let to = Style::new(Face::Regular, 14.0).with_leading(18.0);
    doc.paragraph_in(x + mm(20.0), w - mm(20.0), &format!("Kính gửi: {}", letter.addressee), &to, Align::Left, 0.0);
    doc.advance(8.0);
    for p in letter.body.split('\n').map(str::trim).filter(|p| !p.is_empty()) {
        doc.paragraph(p, &body, Align::Justify, mm(10.0));
        doc.advance(4.0);
    }
    blocks::closing(&mut doc, &letter.recipients, &letter.signature);
    doc.finish()
}
