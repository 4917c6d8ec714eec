//! A4 pages and what is drawn on them, before it becomes PDF.
//!
//! Layout works in points from the page's top-left corner, y growing downwards, the way a
//! page is read; the conversion to PDF's bottom-left origin happens once, in `render`.
//! A page is a plain list of [`Item`]s, so layout code can be tested without a PDF.

use super::font::Face;
use super::text::{normalize, Align, Style};
use unicode_normalization::{is_nfc, UnicodeNormalization};

/// Points per millimetre.
pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// Millimetres to points.
pub fn mm(v: f32) -> f32 {
    v * PT_PER_MM
}

/// A4 portrait, in points.
pub const PAGE_WIDTH: f32 = 210.0 * PT_PER_MM;
pub const PAGE_HEIGHT: f32 = 297.0 * PT_PER_MM;

/// Page margins, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margins {
    pub top: f32,
    pub bottom: f32,
    pub left: f32,
    pub right: f32,
}

impl Margins {
    /// Decree 30/2020/NĐ-CP, Appendix I: top and bottom 20–25 mm, left 30–35 mm, right
    /// 15–20 mm. The smallest allowed values leave the most room for tables.
    pub const DECREE_30: Margins =
        Margins { top: 20.0 * PT_PER_MM, bottom: 20.0 * PT_PER_MM, left: 30.0 * PT_PER_MM, right: 15.0 * PT_PER_MM };

    /// Width of the text area.
    pub fn width(&self) -> f32 {
        PAGE_WIDTH - self.left - self.right
    }

    /// x of the right edge of the text area.
    pub fn right_edge(&self) -> f32 {
        PAGE_WIDTH - self.right
    }

    /// y of the bottom edge of the text area.
    pub fn bottom_edge(&self) -> f32 {
        PAGE_HEIGHT - self.bottom
    }
}

/// How a line is stroked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stroke {
    Solid,
    /// Round dots, for lines to be written on by hand.
    Dotted,
    /// Dashes, for a cut line.
    Dashed,
}

/// One thing drawn on a page. Coordinates in points from the top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// `text` with its baseline's left end at (x, y). Always NFC, on one line.
    Text { x: f32, y: f32, face: Face, size: f32, text: String },
    Line { x1: f32, y1: f32, x2: f32, y2: f32, width: f32, stroke: Stroke },
    /// A rectangle from its top-left corner: outlined when `line_width` is set, filled with
    /// `fill` (grey level, 0 black … 1 white) when set.
    Rect { x: f32, y: f32, w: f32, h: f32, line_width: Option<f32>, fill: Option<f32> },
}

/// Rules of tables, boxes and the header, in points: thin, as on printed forms.
pub const RULE: f32 = 0.6;

/// Everything drawn on one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
}

impl Page {
    /// Draws one line of text with its baseline's left end at (x, y). The text is made NFC
    /// here whatever the caller did, so nothing decomposed reaches the PDF.
    pub fn text(&mut self, x: f32, y: f32, style: &Style, text: &str) {
        let text: String = if is_nfc(text) { text.to_owned() } else { text.nfc().collect() };
        if text.trim().is_empty() {
            return;
        }
        self.items.push(Item::Text { x, y, face: style.face, size: style.size, text });
    }

    /// One line of text placed within [x, x + width] by `align` (Justify behaves as Left;
    /// justified paragraphs are laid out by the flow).
    pub fn text_in(&mut self, x: f32, width: f32, y: f32, style: &Style, align: Align, text: &str) {
        let text = normalize(text);
        let w = style.width(&text);
        let left = match align {
            Align::Left | Align::Justify => x,
            Align::Center => x + (width - w) / 2.0,
            Align::Right => x + width - w,
        };
        self.text(left, y, style, &text);
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32) {
        self.items.push(Item::Line { x1, y1, x2, y2, width, stroke: Stroke::Solid });
    }

    pub fn line_styled(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32, stroke: Stroke) {
        self.items.push(Item::Line { x1, y1, x2, y2, width, stroke });
    }

    /// A dotted line for handwriting, on the baseline `y`.
    pub fn dots(&mut self, x1: f32, x2: f32, y: f32) {
        if x2 - x1 > 4.0 {
            self.line_styled(x1, y, x2, y, 0.9, Stroke::Dotted);
        }
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, line_width: f32) {
        self.items.push(Item::Rect { x, y, w, h, line_width: Some(line_width), fill: None });
    }

    pub fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, grey: f32) {
        self.items.push(Item::Rect { x, y, w, h, line_width: None, fill: Some(grey) });
    }

    /// An empty tick box (□) drawn as a square whose bottom sits on the baseline `y`, sized to
    /// the text `style` beside it. Returns its width.
    pub fn checkbox(&mut self, x: f32, y: f32, style: &Style) -> f32 {
        let side = checkbox_side(style);
        self.rect(x, y - side, side, side, CHECKBOX_LINE);
        side
    }

    /// The text on this page, line by line in drawing order (for tests).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.items.iter().filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }
}

/// The outline of a tick box; the survey layout finds the boxes it drew by it.
pub const CHECKBOX_LINE: f32 = 0.8;

/// Side of a tick box beside text of `style`: a little below the cap height.
pub fn checkbox_side(style: &Style) -> f32 {
    style.size * 0.7
}
