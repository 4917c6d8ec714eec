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
