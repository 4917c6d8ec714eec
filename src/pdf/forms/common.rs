//! Pieces the forms share: the form heading (agency and control box) and rows of tick boxes.

use crate::domain::office::OfficeProfile;
use crate::pdf::blocks::{self, FormControl};
use crate::pdf::document::Document;
use crate::pdf::page::checkbox_side;
use crate::pdf::text::Style;

/// The top of a form: the agency on the left, the form-control box (and `below` lines such as
/// a serial number) on the right. Moves the cursor below both.
pub fn form_heading(doc: &mut Document, office: &OfficeProfile, control: &FormControl, below: &[String]) {
    let top = doc.y();
    let (x, width) = (doc.left(), doc.width());
    let agency_bottom = blocks::agency(doc, office, x, width * 0.5, top);
    let box_bottom = blocks::form_control(doc, control, below);
    doc.set_y(agency_bottom.max(box_bottom) + 10.0);
}

/// Gap between an option's text and its tick box.
const BOX_GAP: f32 = 5.0;

/// Width of "label □".
pub fn option_width(label: &str, style: &Style) -> f32 {
    style.width(label) + BOX_GAP + checkbox_side(style)
}

/// Draws "label □" with the text's baseline at `y`; returns its width.
pub fn option(doc: &mut Document, x: f32, y: f32, label: &str, style: &Style) -> f32 {
    let page = doc.page();
    page.text(x, y, style, label);
    let w = style.width(label);
    page.checkbox(x + w + BOX_GAP, y, style);
    option_width(label, style)
}

/// Options with tick boxes in evenly spaced columns from `x`, as many columns (at most
/// `max_columns`) as fit in `width`, continuing on further lines when needed.
pub fn option_rows(doc: &mut Document, x: f32, width: f32, labels: &[String], style: &Style, max_columns: usize) {
    let widest = labels.iter().map(|l| option_width(l, style)).fold(0.0, f32::max);
    // Columns keep their width whatever the number of options, so that "Có □" and "Không □"
    // sit where the first two of four options would.
    let mut columns = max_columns.max(1);
    while columns > 1 && widest > width / columns as f32 - 6.0 {
        columns -= 1;
    }
    let column_w = width / columns as f32;
    for row in labels.chunks(columns) {
        doc.ensure(style.leading);
        let baseline = doc.y() + style.size;
        for (i, label) in row.iter().enumerate() {
            option(doc, x + i as f32 * column_w, baseline, label, style);
        }
        doc.advance(style.leading + 2.0);
    }
}

/// The privacy notice (thông báo xử lý dữ liệu cá nhân, src/domain/privacy.rs) in small type
/// under a short rule, its last line on `bottom` (the page's bottom margin, or the end of a
/// half-sheet slip), or just below the cursor when the form reaches further down. Returns the
/// notice's height, so that a caller can leave room for it.
pub fn privacy_notice(doc: &mut Document, text: &str, bottom: f32) -> f32 {
    privacy_notice_in(doc, text, bottom, &notice_style())
}

/// [`privacy_notice`] in `style` (the receipt's half-sheet slips use a smaller one).
pub fn privacy_notice_in(doc: &mut Document, text: &str, bottom: f32, style: &Style) -> f32 {
    let (x, width) = (doc.left(), doc.width());
    let lines = crate::pdf::text::wrap(text, style, width);
    let height = lines_height(&lines, style);
    let top = (bottom - height).max(doc.y() + 4.0);
    draw_notice(doc, &lines, style, x, width, top, 0.25);
    doc.set_y(top + height);
    height
}

/// The height [`privacy_notice`] takes, its rule included.
pub fn notice_height(doc: &Document, text: &str) -> f32 {
    let style = notice_style();
    lines_height(&crate::pdf::text::wrap(text, &style, doc.width()), &style)
}

pub fn notice_style() -> Style {
    Style::new(crate::pdf::font::Face::Italic, 7.5).with_leading(9.0)
}

/// The privacy notice in a column from (`x`, `top`), `width` wide: beside a signature, where
/// a one-page form has no room left under it. Returns the bottom of the notice.
pub fn privacy_notice_column(doc: &mut Document, text: &str, x: f32, width: f32, top: f32) -> f32 {
    let style = notice_style();
    let lines = crate::pdf::text::wrap(text, &style, width);
    draw_notice(doc, &lines, &style, x, width, top, 0.4)
}

/// The height of the notice's lines with the rule above them.
fn lines_height(lines: &[String], style: &Style) -> f32 {
    4.0 + lines.len() as f32 * style.leading
}

/// The notice's lines from `top`, under a rule `rule` of the width long. Returns its bottom.
fn draw_notice(doc: &mut Document, lines: &[String], style: &Style, x: f32, width: f32, top: f32, rule: f32) -> f32 {
    doc.page().line(x, top + 2.0, x + width * rule, top + 2.0, 0.4);
    let mut baseline = top + 4.0 + style.size;
    for line in lines {
        doc.page().text(x, baseline, style, line);
        baseline += style.leading;
    }
    top + lines_height(lines, style)
}
