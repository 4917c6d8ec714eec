//! A blank survey form (phiếu khảo sát) drawn from a [`SurveyTemplate`]: BM.QT.SCT.05-02 of
//! seed 004 by default, or any template an office defines.

use super::common::{form_heading, option, option_rows, option_width};
use crate::domain::office::OfficeProfile;
use crate::domain::survey::{fill, SurveyItem, SurveyTemplate};
use crate::error::Result;
use crate::pdf::blocks::{self, upper, FormControl};
use crate::pdf::document::{Document, Metadata};
use crate::pdf::font::Face;
use crate::pdf::page::{checkbox_side, mm, Item, Page, CHECKBOX_LINE, PT_PER_MM, RULE};
use crate::domain::survey_round::{printed_serial, AnswerBox, QrPayload, SurveyLayout};
use crate::error::Error;
use qrcode::{types::Color as QrColor, EcLevel, QrCode};
use crate::pdf::text::{wrap, Align, Style};

/// What varies between printings of one template.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SurveyPrint {
    /// Fills "NĂM:"; left to write in when `None`.
    pub year: Option<i32>,
    /// Số phiếu, printed under the form-control box (each printed form gets its own once
    /// survey rounds exist).
    pub serial: Option<String>,
    /// The office's privacy notice, printed small at the foot of the form's last page: the
    /// form may carry the respondent's name and contact.
    pub notice: Option<String>,
    /// The office's document control of the form (R5.2), printed instead of the template's
    /// code and issue.
    pub control: Option<FormControl>,
}

fn body() -> Style {
    blocks::body()
}

fn question() -> Style {
    Style::new(Face::Bold, 13.0).with_leading(16.25)
}

/// The survey form, ready to hand to a citizen.
pub fn survey_blank(office: &OfficeProfile, template: &SurveyTemplate, print: &SurveyPrint) -> Result<Vec<u8>> {
    let mut doc = Document::new(metadata(office, template));
    let below: Vec<String> = print.serial.iter().map(|s| format!("Số phiếu: {s}")).collect();
    let own = own_control(template);
    let corner = Corner { control: print.control.as_ref().unwrap_or(&own), below: &below };
    draw_form(&mut doc, office, template, &corner, &Filling { year: print.year, notice: print.notice.as_deref(), legend: false }, &mut Vec::new());
    doc.finish()
}

fn metadata(office: &OfficeProfile, template: &SurveyTemplate) -> Metadata {
    let title = format!("{} ({})", fill(&template.title, &office.name), template.code);
    Metadata::now(title, office.name.as_str())
}

/// The top right of a form: its control box, and the lines under it (the serial number).
struct Corner<'a> {
    control: &'a FormControl,
    below: &'a [String],
}

/// The template's own code, issue and issue date, printed on the forms of a survey round.
fn own_control(template: &SurveyTemplate) -> FormControl {
    FormControl { code: template.code.clone(), issue: Some(template.version), issued_on: template.issued_on, revision: None }
}

/// What a form says besides its template: the year, the privacy notice, and whether it is
/// read from its scan (then the legend tells how to cancel a tick).
#[derive(Clone, Copy)]
struct Filling<'a> {
    year: Option<i32>,
    notice: Option<&'a str>,
    legend: bool,
}

/// One whole form from the cursor on; the tick boxes drawn are appended to `boxes`.
fn draw_form(
    doc: &mut Document,
    office: &OfficeProfile,
    template: &SurveyTemplate,
    corner: &Corner,
    filling: &Filling,
    boxes: &mut Vec<DrawnBox>,
) {
    let Filling { year, notice, legend } = *filling;
    let name = office.name.as_str();
    let t = |s: &str| fill(s, name);
    form_heading(doc, office, corner.control, corner.below);

    blocks::title(doc, &t(&template.title), 15.0);
    let sub = Style::new(Face::Bold, 13.0).with_leading(16.5);
    for line in &template.subtitle_lines {
        doc.paragraph(&upper(&t(line)), &sub, Align::Center, 0.0);
    }
    if template.year_line {
        let year = year.map_or("..........".to_owned(), |y| y.to_string());
        doc.paragraph(&format!("NĂM: {year}"), &sub, Align::Center, 0.0);
    }
    doc.advance(8.0);

    for p in &template.intro {
        doc.paragraph(&t(p), &body(), Align::Justify, mm(10.0));
        doc.advance(3.0);
    }
    if legend {
        // A form read from its scan: a filled box cancels a tick, as SDAPS's forms say, so the
        // respondent can change their mind without spoiling the answer.
        doc.paragraph(LEGEND, &Style::new(Face::Italic, 12.0), Align::Left, mm(10.0));
        doc.advance(3.0);
    }

    for section in &template.sections {
        if let Some(h) = &section.heading {
            doc.advance(4.0);
            doc.ensure(question().leading * 3.0);
            doc.paragraph(&t(h), &question(), Align::Left, 0.0);
            doc.advance(2.0);
        }
        for item in &section.items {
            let mark = (doc.page_count() - 1, doc.pages().last().map_or(0, |p| p.items.len()));
            draw_item(doc, item, &t);
            let found = checkboxes_since(doc, mark);
            let expected = box_answers(item);
            debug_assert_eq!(found.len(), expected.len(), "every box drawn answers one slot");
            for ((page, x, y, side), (code, value)) in found.into_iter().zip(expected) {
                boxes.push(DrawnBox { page, x, y, side, code, value });
            }
        }
    }

    doc.advance(10.0);
    doc.ensure(20.0);
    doc.paragraph(&t(&template.closing), &Style::new(Face::Bold, 13.0), Align::Center, 0.0);
    if let Some(text) = notice.filter(|n| !n.trim().is_empty()) {
        let bottom = doc.margins().bottom_edge();
        doc.ensure(super::common::notice_height(doc, text) + 6.0);
        super::common::privacy_notice(doc, text, bottom);
    }
}

/// A tick box as drawn: its page in the document, top-left corner and side in points, and
/// the answer it stands for.
#[derive(Debug, Clone, PartialEq)]
struct DrawnBox {
    page: usize,
    x: f32,
    y: f32,
    side: f32,
    code: String,
    value: i32,
}

/// The tick boxes drawn since `mark` (page index, item count on it), in drawing order.
fn checkboxes_since(doc: &Document, mark: (usize, usize)) -> Vec<(usize, f32, f32, f32)> {
    let mut out = Vec::new();
    for (pi, page) in doc.pages().iter().enumerate().skip(mark.0) {
        let from = if pi == mark.0 { mark.1 } else { 0 };
        for item in &page.items[from..] {
            if let Item::Rect { x, y, w, h, line_width: Some(lw), fill: None } = item {
                if (*lw - CHECKBOX_LINE).abs() < 1e-4 && (w - h).abs() < 1e-3 {
                    out.push((pi, *x, *y, *w));
                }
            }
        }
    }
    out
}

/// The answers of an item's boxes in the order they are drawn (see `survey_entry` for codes).
fn box_answers(item: &SurveyItem) -> Vec<(String, i32)> {
    match item {
        SurveyItem::Choice { id, options, multiple: true, .. } => (1..=options.len()).map(|i| (format!("{id}.{i}"), 1)).collect(),
        SurveyItem::Choice { id, options, .. } => (1..=options.len() as i32).map(|i| (id.clone(), i)).collect(),
        SurveyItem::RatingGrid { id, criteria, scale, .. } => {
            let mut v = Vec::new();
            for c in 1..=criteria.len() {
                let code = if criteria.len() == 1 { id.clone() } else { format!("{id}.{c}") };
                v.extend((1..=scale.len() as i32).map(|s| (code.clone(), s)));
            }
            v
        }
        SurveyItem::YesNo { id, follow_up, .. } => {
            let mut v = vec![(id.clone(), 1), (id.clone(), 2)];
            if let Some(f) = follow_up {
                v.extend((1..=f.options.len() as i32).map(|i| (format!("{id}.follow_up"), i)));
            }
            v
        }
        _ => Vec::new(),
    }
}

/// A printing of a survey round: which forms, and what identifies them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundPrint {
    /// "2026-01".
    pub round_code: String,
    pub template_key: String,
    /// Fills "NĂM:".
    pub year: Option<i32>,
    pub first_serial: i32,
    pub count: i32,
    /// As [`SurveyPrint::notice`].
    pub notice: Option<String>,
    /// As [`SurveyPrint::control`]: fixed for the round at its first print.
    pub control: Option<FormControl>,
}

/// Side of a corner alignment mark, and its outer edge's distance from the page's edges (mm):
/// inside what every office printer can print.
const MARK_SIDE: f32 = 5.0;
const MARK_INSET: f32 = 8.0;
/// The QR code: in the left margin near the bottom, clear of the text area (which begins
/// 30 mm from the left edge) and of the bottom-left mark.
/// Its modules are at least [`QR_MODULE`] wide, so that a copier's 150 dpi scan has four pixels
/// a module (a round's code, the serial and the template fit version 3, 29 modules: 21 mm).
const QR_X: f32 = 8.5;
const QR_Y: f32 = 252.0;
const QR_MODULE: f32 = 0.72;

/// How to mark a box of a form read from its scan, printed under the form's introduction.
pub const LEGEND: &str = "Đánh dấu X vào ô được chọn; tô kín ô để hủy đánh dấu.";

/// `count` forms of a round, each starting on a new page, each page with four corner marks
/// and a QR code (round, serial, template version, page) with the serial written under it;
/// the first page of each form shows "Số phiếu" under the form-control box. Returns the PDF
/// and where the answer boxes of one form lie.
pub fn survey_round_forms(office: &OfficeProfile, template: &SurveyTemplate, print: &RoundPrint) -> Result<(Vec<u8>, SurveyLayout)> {
    if print.count < 1 {
        return Err(Error::validation("count", "Số phiếu cần in phải từ 1 trở lên."));
    }
    let mut doc = Document::new(metadata(office, template)).without_page_numbers();
    let mut layout: Option<SurveyLayout> = None;
    for serial in print.first_serial..print.first_serial + print.count {
        if serial != print.first_serial {
            doc.new_page();
        }
        let start = doc.page_count() - 1;
        let below = [format!("Số phiếu: {}", printed_serial(serial)), format!("Đợt khảo sát: {}", print.round_code)];
        let mut boxes = Vec::new();
        let own = own_control(template);
        let filling = Filling { year: print.year, notice: print.notice.as_deref(), legend: true };
        let corner = Corner { control: print.control.as_ref().unwrap_or(&own), below: &below };
        draw_form(&mut doc, office, template, &corner, &filling, &mut boxes);
        let pages = doc.page_count() - start;
        let mut qr_side = 0.0;
        for i in 0..pages {
            let qr = QrPayload {
                round_code: print.round_code.clone(),
                serial,
                template_key: print.template_key.clone(),
                template_version: template.version as i32,
                page: i as u32 + 1,
            };
            let page = doc.page_mut(start + i);
            corner_marks(page);
            qr_side = qr_code(page, &qr.encode())?;
            let caption = Style::new(Face::Regular, 7.0);
            let y = mm(QR_Y + qr_side) + 8.0;
            page.text(mm(QR_X), y, &caption, &format!("Số {}", printed_serial(serial)));
            page.text(mm(QR_X), y + 8.0, &caption, &format!("Trang {}/{pages}", i + 1));
            if i > 0 {
                page_number(&mut doc, start + i, i + 1);
            }
        }
        // Printed on both sides, a form of 3 (5…) pages would start the next one on its back:
        // a blank page keeps every form on sheets of its own.
        if pages > 1 && pages % 2 == 1 && serial + 1 < print.first_serial + print.count {
            doc.new_page();
        }
        if layout.is_none() {
            layout = Some(SurveyLayout {
                pages: pages as u32,
                marks: mark_centres().to_vec(),
                mark_size: MARK_SIDE,
                qr: [QR_X, QR_Y, qr_side],
                boxes: boxes
                    .into_iter()
                    .map(|b| AnswerBox {
                        code: b.code,
                        value: b.value,
                        page: (b.page - start) as u32 + 1,
                        x: round_mm(b.x),
                        y: round_mm(b.y),
                        size: round_mm(b.side),
                    })
                    .collect(),
            });
        }
    }
    let bytes = doc.finish()?;
    Ok((bytes, layout.expect("at least one form was drawn")))
}

fn round_mm(points: f32) -> f32 {
    (points / PT_PER_MM * 100.0).round() / 100.0
}

fn mark_centres() -> [[f32; 2]; 4] {
    let near = MARK_INSET + MARK_SIDE / 2.0;
    let (w, h) = (210.0, 297.0);
    [[near, near], [w - near, near], [near, h - near], [w - near, h - near]]
}

/// Four solid squares at the corners, for aligning a scanned page.
fn corner_marks(page: &mut Page) {
    for [cx, cy] in mark_centres() {
        page.fill_rect(mm(cx - MARK_SIDE / 2.0), mm(cy - MARK_SIDE / 2.0), mm(MARK_SIDE), mm(MARK_SIDE), 0.0);
    }
}

/// The QR code as vector squares (no image, so the page stays sharp and PDF/A simple): each
/// run of dark modules in a row is one filled rectangle, a hair taller than the module so that
/// rows do not show seams when rasterised. Returns the code's side in mm.
fn qr_code(page: &mut Page, text: &str) -> Result<f32> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).map_err(|e| Error::Pdf(format!("mã QR: {e}")))?;
    let n = code.width();
    let module = mm(QR_MODULE);
    let (x0, y0) = (mm(QR_X), mm(QR_Y));
    for row in 0..n {
        let mut col = 0;
        while col < n {
            if code[(col, row)] == QrColor::Dark {
                let start = col;
                while col < n && code[(col, row)] == QrColor::Dark {
                    col += 1;
                }
                let overlap = if row + 1 < n { 0.15 } else { 0.0 };
                page.fill_rect(x0 + start as f32 * module, y0 + row as f32 * module, (col - start) as f32 * module, module + overlap, 0.0);
            } else {
                col += 1;
            }
        }
    }
    Ok((QR_MODULE * n as f32 * 100.0).round() / 100.0)
}

/// Decree 30: the page number centred in the top margin, from a form's second page on.
fn page_number(doc: &mut Document, page: usize, number: usize) {
    let style = Style::new(Face::Regular, 13.0);
    let m = doc.margins();
    let baseline = m.top / 2.0 + style.size / 3.0;
    doc.page_mut(page).text_in(m.left, m.width(), baseline, &style, Align::Center, &number.to_string());
}

fn labelled(label: &Option<String>, prompt: &str) -> String {
    match label {
        Some(l) => format!("{l} {prompt}"),
        None => prompt.to_owned(),
    }
}

/// Draws one template item at the cursor. Shared with the feedback letter, whose questions
/// are survey items too.
pub(super) fn draw_item(doc: &mut Document, item: &SurveyItem, t: &dyn Fn(&str) -> String) {
    let (x, w) = (doc.left(), doc.width());
    match item {
        SurveyItem::Note { text } => {
            doc.advance(4.0);
            doc.paragraph(&t(text), &Style::new(Face::Italic, 13.0).with_leading(16.25), Align::Left, 0.0);
            doc.advance(2.0);
        }
        SurveyItem::Respondent { prompt, lines, .. } => {
            doc.paragraph(&t(prompt), &body(), Align::Justify, mm(10.0));
            doc.dotted_lines(usize::from(*lines), body().leading * 1.3);
        }
        SurveyItem::FreeText { label, prompt, lines, .. } => {
            // The first dotted line continues after the prompt ("Ý kiến khác: ……").
            let text = labelled(label, &t(prompt));
            keep_with_next(doc, &text);
            doc.advance(2.0);
            doc.dotted_field(&text, &body(), usize::from(*lines).saturating_sub(1));
        }
        SurveyItem::Choice { label, prompt, options, detail, .. } => {
            keep_with_next(doc, &labelled(label, &t(prompt)));
            doc.paragraph(&labelled(label, &t(prompt)), &body(), Align::Justify, mm(10.0));
            doc.advance(2.0);
            // Boxes in one column after the longest option, as the seed aligns them.
            let style = body();
            let dashed: Vec<String> = options.iter().map(|o| format!("- {}", t(o))).collect();
            let column = dashed.iter().map(|o| style.width(o)).fold(0.0, f32::max) + mm(8.0);
            for o in &dashed {
                doc.ensure(style.leading);
                let baseline = doc.y() + style.size;
                doc.page().text(x + mm(10.0), baseline, &style, o);
                doc.page().checkbox(x + mm(10.0) + column, baseline, &style);
                doc.advance(style.leading + 2.0);
            }
            if let Some(d) = detail {
                doc.advance(2.0);
                doc.paragraph(&t(&d.prompt), &Style::new(Face::Italic, 13.0), Align::Left, mm(10.0));
                doc.dotted_lines(usize::from(d.lines), body().leading * 1.3);
            }
        }
        SurveyItem::RatingGrid { label, prompt, criteria, scale, other_opinion, .. } => {
            let text = labelled(label, &t(prompt));
            let prompt_h = wrap(&text, &question(), w).len() as f32 * question().leading;
            let labels: Vec<String> = scale.iter().map(|s| t(s)).collect();
            let filled: Vec<String> = criteria.iter().map(|c| t(c)).collect();
            let grid_h = grid_height(w, &filled, &labels);
            doc.advance(4.0);
            doc.ensure(prompt_h + grid_h + 6.0);
            doc.paragraph(&text, &question(), Align::Justify, 0.0);
            doc.advance(4.0);
            rating_grid(doc, criteria, scale, t);
            if *other_opinion {
                doc.advance(4.0);
                doc.dotted_field("Ý kiến khác:", &body(), 0);
            }
            doc.advance(4.0);
        }
        SurveyItem::YesNo { label, prompt, yes, no, follow_up, .. } => {
            let text = labelled(label, &t(prompt));
            doc.advance(4.0);
            keep_with_next(doc, &text);
            doc.paragraph(&text, &question(), Align::Justify, 0.0);
            doc.advance(3.0);
            option_rows(doc, x + mm(10.0), w - mm(10.0), &[t(yes), t(no)], &body(), 4);
            if let Some(f) = follow_up {
                doc.paragraph(&t(&f.prompt), &Style::new(Face::Italic, 13.0), Align::Left, mm(10.0));
                doc.advance(2.0);
                let lettered: Vec<String> =
                    f.options.iter().enumerate().map(|(i, o)| format!("{}. {}", letter(i), t(o))).collect();
                option_rows(doc, x + mm(10.0), w - mm(10.0), &lettered, &body(), 4);
            }
        }
    }
}

/// "a", "b", … for the options of a follow-up question.
fn letter(i: usize) -> char {
    char::from(b'a' + (i % 26) as u8)
}

/// Starts a new page when a question's prompt and the first line after it would not fit,
/// so that a question is never separated from its answers.
fn keep_with_next(doc: &mut Document, prompt: &str) {
    let lines = wrap(prompt, &question(), doc.width()).len() as f32;
    doc.ensure(lines * question().leading + body().leading * 2.0);
}

fn grid_row_height() -> f32 {
    body().size + 12.0
}

/// How a rating grid is laid out in the width of the text area.
enum GridShape {
    /// Each scale label with its tick box in a cell of its own, on every row (seed 004's
    /// three levels).
    Inline { first: f32, cells: Vec<f32> },
    /// The scale labels once, in a header row, and only tick boxes on the rows: for scales
    /// too wide to repeat their labels (five levels and more).
    Header { first: f32, cell: f32, labels: Vec<Vec<String>>, height: f32 },
}

fn header_style() -> Style {
    Style::new(Face::Bold, 11.0).with_leading(13.0)
}

fn grid_shape(width: f32, criteria: &[String], labels: &[String]) -> GridShape {
    let style = body();
    let natural: Vec<f32> = labels.iter().map(|l| option_width(l, &style) + 16.0).collect();
    let longest = criteria.iter().map(|c| style.width(c) + 12.0).fold(0.0, f32::max);
    if natural.iter().sum::<f32>() + width / 4.0 <= width {
        // The criteria take about a third of the width (more for a long criterion); the
        // scale cells share the rest, each at least as wide as its "label □" with air around.
        let first = longest.max(width * 0.34).min(width - natural.iter().sum::<f32>()).max(width / 4.0);
        let cells = even_widths(&natural, width - first);
        return GridShape::Inline { first, cells };
    }
    let first = longest.clamp(width * 0.26, width * 0.4);
    let cell = (width - first) / labels.len().max(1) as f32;
    let hs = header_style();
    let wrapped: Vec<Vec<String>> = labels.iter().map(|l| wrap(l, &hs, cell - 6.0)).collect();
    let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1) as f32;
    GridShape::Header { first, cell, labels: wrapped, height: lines * hs.leading + 8.0 }
}

/// A criterion's lines, wrapped within the first column.
fn criterion_lines(criterion: &str, first: f32) -> Vec<String> {
    wrap(criterion, &body(), first - 10.0)
}

fn row_height(lines: usize) -> f32 {
    grid_row_height().max(lines as f32 * body().leading + 8.0)
}

/// The height the grid will take, to keep it on one page with its question.
fn grid_height(width: f32, criteria: &[String], labels: &[String]) -> f32 {
    let shape = grid_shape(width, criteria, labels);
    let (first, header) = match &shape {
        GridShape::Inline { first, .. } => (*first, 0.0),
        GridShape::Header { first, height, .. } => (*first, *height),
    };
    header + criteria.iter().map(|c| row_height(criterion_lines(c, first).len())).sum::<f32>()
}

/// Criteria down the left and the scale across; a tick box for every criterion and level,
/// drawn row by row, level by level (the survey layout relies on that order).
fn rating_grid(doc: &mut Document, criteria: &[String], scale: &[String], t: &dyn Fn(&str) -> String) {
    let style = body();
    let (x0, width) = (doc.left(), doc.width());
    let labels: Vec<String> = scale.iter().map(|s| t(s)).collect();
    let criteria: Vec<String> = criteria.iter().map(|c| t(c)).collect();
    let shape = grid_shape(width, &criteria, &labels);
    let (first, cells): (f32, Vec<f32>) = match &shape {
        GridShape::Inline { first, cells } => (*first, cells.clone()),
        GridShape::Header { first, cell, .. } => (*first, vec![*cell; labels.len()]),
    };
    let rules = |doc: &mut Document, top: f32, h: f32| {
        let page = doc.page();
        let right = x0 + width;
        page.line(x0, top, right, top, RULE);
        page.line(x0, top + h, right, top + h, RULE);
        page.line(x0, top, x0, top + h, RULE);
        let mut x = x0 + first;
        page.line(x, top, x, top + h, RULE);
        for cell in &cells {
            x += cell;
            page.line(x, top, x, top + h, RULE);
        }
    };
    if let GridShape::Header { labels: wrapped, height, .. } = &shape {
        doc.ensure(*height + row_height(1));
        let top = doc.y();
        let hs = header_style();
        let mut cx = x0 + first;
        for (lines, cell) in wrapped.iter().zip(&cells) {
            let block = lines.len() as f32 * hs.leading;
            let mut baseline = top + (height - block) / 2.0 + hs.size;
            for line in lines {
                doc.page().text_in(cx, *cell, baseline, &hs, Align::Center, line);
                baseline += hs.leading;
            }
            cx += cell;
        }
        rules(doc, top, *height);
        doc.advance(*height);
    }
    for criterion in &criteria {
        let lines = criterion_lines(criterion, first);
        let row_h = row_height(lines.len());
        doc.ensure(row_h);
        let top = doc.y();
        // The options' baseline is centred in the row; the criterion's lines are centred too.
        let baseline = top + (row_h + style.size * 0.7) / 2.0;
        let block = lines.len() as f32 * style.leading;
        let mut line_y = if lines.len() == 1 { baseline } else { top + (row_h - block) / 2.0 + style.size * 0.85 };
        for line in &lines {
            doc.page().text(x0 + 5.0, line_y, &style, line);
            line_y += style.leading;
        }
        let mut cx = x0 + first;
        for (label, cell) in labels.iter().zip(&cells) {
            match shape {
                GridShape::Inline { .. } => {
                    option(doc, cx + (cell - option_width(label, &style)) / 2.0, baseline, label, &style);
                }
                GridShape::Header { .. } => {
                    let side = checkbox_side(&style);
                    doc.page().checkbox(cx + (cell - side) / 2.0, baseline, &style);
                }
            }
            cx += cell;
        }
        rules(doc, top, row_h);
        doc.advance(row_h);
    }
}

/// Widths for cells that need at least `natural` each and share `total`: the narrow ones are
/// raised to a common width first, so the cells look as even as their contents allow.
fn even_widths(natural: &[f32], total: f32) -> Vec<f32> {
    let mut sorted = natural.to_vec();
    sorted.sort_by(f32::total_cmp);
    let n = sorted.len();
    // Keep the k widest at their natural width, raise the others to one level; the first k
    // for which that level covers every raised cell's need is the answer.
    let mut level = 0.0;
    for k in 0..n {
        let kept: f32 = sorted[n - k..].iter().sum();
        let candidate = (total - kept) / (n - k) as f32;
        if candidate >= sorted[n - k - 1] {
            level = candidate;
            break;
        }
    }
    natural.iter().map(|w| w.max(level)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn even_widths_raise_the_narrow_cells_first() {
        assert_eq!(even_widths(&[40.0, 85.0, 118.0], 311.0), [96.5, 96.5, 118.0]);
        assert_eq!(even_widths(&[10.0, 10.0], 100.0), [50.0, 50.0]);
        // Not enough room: every cell keeps what it needs.
        assert_eq!(even_widths(&[60.0, 60.0], 100.0), [60.0, 60.0]);
    }
}
