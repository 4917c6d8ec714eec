//! A document being laid out: its pages, a cursor that flows text down them and onto new
//! pages, and the step that turns it into PDF/A bytes.

use super::font::{Face, GlyphUse};
use super::page::{Item, Margins, Page, Stroke, PAGE_HEIGHT};
use super::pdfa;
/// Where callers have always found it; defined beside the PDF/A step that writes it out.
pub use super::pdfa::Metadata;
use super::text::{justify, wrap_indented, Align, Style};
use crate::error::{Error, Result};
use printpdf::{
    Color, FontId, Greyscale, Line, LineCapStyle, LineDashPattern, LinePoint, Mm, Op, PaintMode, PdfFont,
    PdfFontHandle, PdfDocument, PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Point, Pt, Rect, TextItem,
    TextMatrix,
};

/// Size of the page number in the top margin (Decree 30: 13–14 pt).
const PAGE_NUMBER_SIZE: f32 = 13.0;

/// A document under construction. The cursor `y` is the top of the next line on the last
/// page; flowing content moves it down and starts a new page when the text area is full.
#[derive(Debug, Clone)]
pub struct Document {
    pages: Vec<Page>,
    margins: Margins,
    y: f32,
    meta: Metadata,
    page_numbers: bool,
}

impl Document {
    /// One empty A4 page with the margins of Decree 30, page numbers from page 2 on.
    pub fn new(meta: Metadata) -> Document {
        let margins = Margins::DECREE_30;
        Document { pages: vec![Page::default()], margins, y: margins.top, meta, page_numbers: true }
    }

    /// Leaves out the page numbers (sheets that are cut apart, such as receipt slips).
    pub fn without_page_numbers(mut self) -> Document {
        self.page_numbers = false;
        self
    }

    pub fn margins(&self) -> Margins {
        self.margins
    }

    /// Left edge and width of the text area.
    pub fn left(&self) -> f32 {
        self.margins.left
    }

    pub fn width(&self) -> f32 {
        self.margins.width()
    }

    /// The page being filled.
    pub fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a document always has a page")
    }

    pub fn pages(&self) -> &[Page] {
        &self.pages
    }

    /// Any page, to draw on it after the flow has moved on (marks and codes on every page).
    pub fn page_mut(&mut self, index: usize) -> &mut Page {
        &mut self.pages[index]
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    pub fn y(&self) -> f32 {
        self.y
    }

    pub fn set_y(&mut self, y: f32) {
        self.y = y;
    }

    /// Moves the cursor down by `dy` points.
    pub fn advance(&mut self, dy: f32) {
        self.y += dy;
    }

    /// Room left above the bottom margin, in points.
    pub fn remaining(&self) -> f32 {
        self.margins.bottom_edge() - self.y
    }

    /// Height of the text area of a fresh page.
    pub fn full_height(&self) -> f32 {
        self.margins.bottom_edge() - self.margins.top
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.margins.top;
    }

    /// Starts a new page unless `height` points still fit; true when it did.
    pub fn ensure(&mut self, height: f32) -> bool {
        if height > self.remaining() + 0.01 && self.y > self.margins.top + 0.01 {
            self.new_page();
            true
        } else {
            false
        }
    }

    /// A paragraph across the text area, flowing onto new pages line by line.
    pub fn paragraph(&mut self, text: &str, style: &Style, align: Align, first_indent: f32) {
        let (x, w) = (self.left(), self.width());
        self.paragraph_in(x, w, text, style, align, first_indent);
    }

    /// A paragraph within [x, x + width], flowing onto new pages line by line.
    pub fn paragraph_in(&mut self, x: f32, width: f32, text: &str, style: &Style, align: Align, first_indent: f32) {
        let lines = wrap_indented(text, style, width - first_indent, width);
        let count = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            self.ensure(style.leading);
            let indent = if i == 0 { first_indent } else { 0.0 };
            let baseline = self.y + style.size;
            let last = i + 1 == count;
            if align == Align::Justify && !last {
                for (dx, word) in justify(&line, style, width - indent) {
                    self.page().text(x + indent + dx, baseline, style, &word);
                }
            } else {
                self.page().text_in(x + indent, width - indent, baseline, style, align, &line);
            }
            self.y += style.leading;
        }
    }

    /// A label followed by a dotted line to the right edge, then `extra_lines` dotted lines
    /// of the full width: a field to fill in by hand.
    pub fn dotted_field(&mut self, label: &str, style: &Style, extra_lines: usize) {
        let (x, w) = (self.left(), self.width());
        let lines = wrap_indented(label, style, w, w);
        let count = lines.len();
        for (i, line) in lines.iter().enumerate() {
            self.ensure(style.leading);
            let baseline = self.y + style.size;
            self.page().text(x, baseline, style, line);
            if i + 1 == count {
                let end = x + style.width(line) + 3.0;
                self.page().dots(end, x + w, baseline);
            }
            self.y += style.leading;
        }
        if lines.is_empty() {
            self.dotted_lines(1, style.leading * 1.25);
        }
        self.dotted_lines(extra_lines, style.leading * 1.25);
    }

    /// `count` dotted lines across the text area, `spacing` apart.
    pub fn dotted_lines(&mut self, count: usize, spacing: f32) {
        let (x, w) = (self.left(), self.width());
        for _ in 0..count {
            self.ensure(spacing);
            let baseline = self.y + spacing * 0.8;
            self.page().dots(x, x + w, baseline);
            self.y += spacing;
        }
    }

    /// Lays out the page numbers and writes the PDF/A-2b file.
    pub fn finish(mut self) -> Result<Vec<u8>> {
        if self.page_numbers {
            self.number_pages();
        }
        render(&self.pages, &self.meta)
    }

    /// Decree 30: the page number in Arabic numerals, centred in the top margin, from the
    /// second page on.
    fn number_pages(&mut self) {
        let style = Style::new(Face::Regular, PAGE_NUMBER_SIZE);
        let baseline = self.margins.top / 2.0 + style.size / 3.0;
        let (x, w) = (self.margins.left, self.margins.width());
        for (i, page) in self.pages.iter_mut().enumerate().skip(1) {
            page.text_in(x, w, baseline, &style, Align::Center, &(i + 1).to_string());
        }
    }
}

fn font_id(face: Face) -> FontId {
    FontId(format!("F{}", face as usize + 1))
}

/// The pages as printpdf operations, fonts subset to what they use, then made PDF/A.
fn render(pages: &[Page], meta: &Metadata) -> Result<Vec<u8>> {
    let mut used = GlyphUse::default();
    let printable: Vec<Vec<Item>> = pages
        .iter()
        .map(|p| {
            p.items
                .iter()
                .map(|item| match item {
                    Item::Text { x, y, face, size, text } => {
                        let text: String = text.chars().map(|c| face.printable(c)).collect();
                        used.add(*face, &text);
                        Item::Text { x: *x, y: *y, face: *face, size: *size, text }
                    }
                    other => other.clone(),
                })
                .collect()
        })
        .collect();

    let mut doc = PdfDocument::new(&meta.title);
    for face in used.faces().collect::<Vec<_>>() {
        let font = used.subset(face)?;
        doc.resources.fonts.map.insert(font_id(face), PdfFont::new(font));
    }
    let pdf_pages = printable.iter().map(|items| PdfPage::new(Mm(210.0), Mm(297.0), ops(items))).collect();
    doc.with_pages(pdf_pages);

    let mut warnings = Vec::new();
    let opts = PdfSaveOptions { optimize: true, subset_fonts: false, secure: true, image_optimization: None };
    let lopdf_doc = doc.to_lopdf_document(&opts, &mut warnings);
    if let Some(w) = warnings.iter().find(|w| w.severity == PdfParseErrorSeverity::Error) {
        return Err(Error::Pdf(w.msg.clone()));
    }
    pdfa::finish(lopdf_doc, meta)
}

fn pt_point(x: f32, y: f32) -> LinePoint {
    LinePoint { p: Point { x: Pt(x), y: Pt(PAGE_HEIGHT - y) }, bezier: false }
}

fn grey(level: f32) -> Color {
    Color::Greyscale(Greyscale { percent: level, icc_profile: None })
}

/// One page's items as printpdf operations. Text runs share one text object while they
/// follow each other, and the font is set only when it changes.
fn ops(items: &[Item]) -> Vec<Op> {
    let mut ops = Vec::with_capacity(items.len() * 3);
    let mut in_text = false;
    let mut font: Option<(Face, f32)> = None;
    let mut stroke = Stroke::Solid;
    let mut line_width = -1.0;
    for item in items {
        if !matches!(item, Item::Text { .. }) && in_text {
            ops.push(Op::EndTextSection);
            in_text = false;
            font = None;
        }
        match item {
            Item::Text { x, y, face, size, text } => {
                if !in_text {
                    ops.push(Op::StartTextSection);
                    in_text = true;
                }
                if font != Some((*face, *size)) {
                    ops.push(Op::SetFont { font: PdfFontHandle::External(font_id(*face)), size: Pt(*size) });
                    font = Some((*face, *size));
                }
                ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(*x), Pt(PAGE_HEIGHT - y)) });
                ops.push(Op::ShowText { items: vec![TextItem::Text(text.clone())] });
            }
            Item::Line { x1, y1, x2, y2, width, stroke: s } => {
                if *width != line_width {
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                    line_width = *width;
                }
                if *s != stroke {
                    let (dash, cap) = match s {
                        Stroke::Solid => (LineDashPattern::solid(), LineCapStyle::Butt),
                        // A zero-length dash with round caps is a dot.
                        Stroke::Dotted => (LineDashPattern::new(0.0, &[0.0, 2.8]), LineCapStyle::Round),
                        Stroke::Dashed => (LineDashPattern::new(0.0, &[4.0, 3.0]), LineCapStyle::Butt),
                    };
                    ops.push(Op::SetLineDashPattern { dash });
                    ops.push(Op::SetLineCapStyle { cap });
                    stroke = *s;
                }
                ops.push(Op::DrawLine {
                    line: Line { points: vec![pt_point(*x1, *y1), pt_point(*x2, *y2)], is_closed: false },
                });
            }
            Item::Rect { x, y, w, h, line_width: lw, fill } => {
                let rect = |mode| Rect {
                    x: Pt(*x),
                    y: Pt(PAGE_HEIGHT - y - h),
                    width: Pt(*w),
                    height: Pt(*h),
                    mode: Some(mode),
                    winding_order: None,
                };
                if let Some(level) = fill {
                    ops.push(Op::SetFillColor { col: grey(*level) });
                    ops.push(Op::DrawRectangle { rectangle: rect(PaintMode::Fill) });
                    ops.push(Op::SetFillColor { col: grey(0.0) });
                }
                if let Some(lw) = lw {
                    if stroke != Stroke::Solid {
                        ops.push(Op::SetLineDashPattern { dash: LineDashPattern::solid() });
                        ops.push(Op::SetLineCapStyle { cap: LineCapStyle::Butt });
                        stroke = Stroke::Solid;
                    }
                    if *lw != line_width {
                        ops.push(Op::SetOutlineThickness { pt: Pt(*lw) });
                        line_width = *lw;
                    }
                    ops.push(Op::DrawRectangle { rectangle: rect(PaintMode::Stroke) });
                }
            }
        }
    }
    if in_text {
        ops.push(Op::EndTextSection);
    }
    ops
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::page::mm;

    fn doc() -> Document {
        Document::new(Metadata::now("Thử", "Cơ quan"))
    }

    #[test]
    fn a_long_paragraph_flows_onto_new_pages_within_the_margins() {
        let mut d = doc();
        let style = Style::new(Face::Regular, 13.0);
        let text = "Nội dung ý kiến phản ánh của khách hàng. ".repeat(400);
        d.paragraph(&text, &style, Align::Justify, mm(10.0));
        assert!(d.page_count() >= 3, "{}", d.page_count());
        let m = d.margins();
        for page in d.pages() {
            for item in &page.items {
                if let Item::Text { x, y, face, size, text } = item {
                    assert!(*y - size <= m.bottom_edge() && *y - size >= m.top - 0.01, "{y}");
                    assert!(*x >= m.left - 0.01);
                    assert!(x + face.width(text, *size) <= m.right_edge() + 0.01, "{text}");
                }
            }
        }
    }

    #[test]
    fn page_numbers_start_on_the_second_page() {
        let mut d = doc();
        d.new_page();
        d.new_page();
        d.number_pages();
        let numbers: Vec<Vec<&str>> = d.pages().iter().map(|p| p.texts().collect()).collect();
        assert_eq!(numbers, [vec![], vec!["2"], vec!["3"]]);
        // Centred in the top margin.
        if let Item::Text { x, y, face, size, text } = &d.pages()[1].items[0] {
            let centre = x + face.width(text, *size) / 2.0;
            assert!((centre - (d.margins().left + d.width() / 2.0)).abs() < 0.01);
            assert!(*y < d.margins().top);
        } else {
            panic!("no page number");
        }
    }

    #[test]
    fn ensure_breaks_only_when_the_block_does_not_fit() {
        let mut d = doc();
        assert!(!d.ensure(100.0));
        d.advance(d.remaining() - 50.0);
        assert!(!d.ensure(50.0));
        assert!(d.ensure(51.0));
        assert_eq!(d.page_count(), 2);
        assert_eq!(d.y(), d.margins().top);
    }
}
