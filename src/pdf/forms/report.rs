//! A report in the layout of an administrative document (Decree 30/2020/NĐ-CP): the
//! form-control box, the national header with "Số: …/BC-…" and the date, the title, numbered
//! sections of paragraphs, tables and bar charts, then the signatures side by side and
//! "Nơi nhận:". The annual satisfaction report (BM-[HC-TMKH]-BCTM) and the yearly
//! compilation of complaints are drawn by it; what they say is put together in `report`.

use crate::domain::office::OfficeProfile;
use crate::error::Result;
use crate::pdf::blocks::{self, blank_date_line, date_line, FormControl, Signature};
use crate::pdf::chart::BarChart;
use crate::pdf::document::{Document, Metadata};
use crate::pdf::font::Face;
use crate::pdf::page::mm;
use crate::pdf::table::{Column, Table};
use crate::pdf::text::{Align, Style};
use chrono::NaiveDate;

/// One piece of a section, drawn in order.
#[derive(Debug, Clone)]
pub enum Block {
    /// A paragraph of body text; a line break starts a new paragraph.
    Paragraph(String),
    /// A bold sub-heading ("1. Theo loại ý kiến").
    Heading(String),
    /// Column titles with their relative widths and alignment, then the rows.
    Table { columns: Vec<Column>, rows: Vec<Vec<String>> },
    Chart(BarChart),
    /// Dotted lines to write on by hand, when nothing was typed.
    Lines(usize),
}

#[derive(Debug, Clone)]
pub struct Section {
    /// "I. NGUỒN THÔNG TIN VÀ PHƯƠNG PHÁP".
    pub heading: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone)]
pub struct ReportPrint {
    /// The ISO form code printed in the control box, e.g. "BM-[HC-TMKH]-BCTM".
    pub form_code: String,
    /// Số, e.g. "15/BC-SCT"; left to fill in when empty.
    pub number: String,
    /// Dated by hand when `None`.
    pub date: Option<NaiveDate>,
    /// The type of document, printed large: "BÁO CÁO".
    pub kind: String,
    /// What it is about, under the type: "Đánh giá sự thỏa mãn của khách hàng năm 2026".
    pub title: String,
    pub sections: Vec<Section>,
    /// Side by side, left to right (người lập, đại diện lãnh đạo, giám đốc…).
    pub signatures: Vec<Signature>,
    pub recipients: Vec<String>,
}

pub fn report(office: &OfficeProfile, r: &ReportPrint) -> Result<Vec<u8>> {
    let control = (!r.form_code.is_empty()).then(|| FormControl::code(&r.form_code));
    report_controlled(office, r, control.as_ref())
}

/// [`report`] with the report's whole document control (R5.2) in the box at the top right,
/// or no box when `None`.
pub fn report_controlled(office: &OfficeProfile, r: &ReportPrint, control: Option<&FormControl>) -> Result<Vec<u8>> {
    let mut doc = Document::new(Metadata::now(format!("{} {}", r.kind, r.title), &office.name));
    if let Some(control) = control {
        let bottom = blocks::form_control(&mut doc, control, &[]);
        doc.set_y(bottom + 6.0);
    }
    let number = if r.number.is_empty() { "Số:        /BC-".to_owned() } else { format!("Số: {}", r.number) };
    let dated = match r.date {
        Some(d) => date_line(&office.place_name, d),
        None => blank_date_line(&office.place_name),
    };
    blocks::national_header(&mut doc, office, &[number], &[dated]);
    doc.advance(6.0);
    blocks::title(&mut doc, &r.kind, 14.0);
    doc.paragraph(&r.title, &Style::new(Face::Bold, 14.0).with_leading(18.0), Align::Center, 0.0);
    doc.advance(12.0);

    let body = blocks::body();
    let heading = Style::new(Face::Bold, 13.0).with_leading(17.0);
    let sub = Style::new(Face::BoldItalic, 13.0).with_leading(17.0);
    for section in &r.sections {
        // A heading never ends a page alone.
        doc.ensure(heading.leading + body.leading * 3.0);
        doc.paragraph(&blocks::upper(&section.heading), &heading, Align::Left, 0.0);
        doc.advance(4.0);
        for block in &section.blocks {
            match block {
                Block::Paragraph(text) => {
                    for p in text.split('\n').map(str::trim).filter(|p| !p.is_empty()) {
                        doc.paragraph(p, &body, Align::Justify, mm(10.0));
                        doc.advance(3.0);
                    }
                }
                Block::Heading(text) => {
                    doc.ensure(sub.leading + body.leading * 3.0);
                    doc.paragraph(text, &sub, Align::Left, mm(10.0));
                    doc.advance(2.0);
                }
                Block::Table { columns, rows } => {
                    Table::new(columns.clone()).draw(&mut doc, rows);
                    doc.advance(8.0);
                }
                Block::Chart(chart) => {
                    chart.draw(&mut doc);
                    doc.advance(8.0);
                }
                Block::Lines(n) => {
                    doc.dotted_lines(*n, body.leading * 1.4);
                    doc.advance(4.0);
                }
            }
        }
        doc.advance(6.0);
    }
    signatures(&mut doc, &r.signatures);
    if !r.recipients.is_empty() {
        doc.ensure(14.0 + 13.0 * (r.recipients.len() as f32 + 1.0));
        let (x, w) = (doc.left(), doc.width());
        let top = doc.y() + 4.0;
        let bottom = blocks::recipients_at(&mut doc, &r.recipients, x, w * 0.5, top);
        doc.set_y(bottom);
    }
    doc.finish()
}

/// The signers in equal columns across the text width, kept together on one page.
fn signatures(doc: &mut Document, sigs: &[Signature]) {
    if sigs.is_empty() {
        return;
    }
    let (x, w) = (doc.left(), doc.width());
    let column = w / sigs.len() as f32;
    // Titles up to three lines, room to sign, the name.
    doc.ensure(3.0 * 16.0 + mm(28.0) + 20.0);
    let top = doc.y() + 8.0;
    let mut bottom = top;
    for (i, sig) in sigs.iter().enumerate() {
        bottom = bottom.max(blocks::signature_at(doc, sig, x + i as f32 * column, column - 4.0, top));
    }
    doc.set_y(bottom + 8.0);
}
