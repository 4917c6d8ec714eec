//! Ruled tables: bordered cells whose text wraps, the header row repeated at the top of every
//! page, rows kept whole on one page when they fit on one, and a row taller than a page split
//! between lines, never through one.

use super::document::Document;
use super::font::Face;
use super::page::RULE;
use super::text::{wrap, Align, Style};
use std::ops::Range;

/// One column: its heading, its share of the table's width, and how its cells align.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    /// Share of the table width; the shares of all columns are scaled to add up to 1.
    pub share: f32,
    pub align: Align,
}

impl Column {
    pub fn new(title: impl Into<String>, share: f32, align: Align) -> Column {
        Column { title: title.into(), share, align }
    }
}

/// A table's columns and type.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub header: Style,
    pub body: Style,
    /// Space between a cell's border and its text, in points.
    pub padding: f32,
    /// Rows are at least this tall, in points (room for handwriting in a blank form).
    pub min_row_height: f32,
    /// Border width, in points.
    pub rule: f32,
}

/// The size of a row for pagination: its number of text lines (the tallest cell's) and its
/// minimum height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowShape {
    pub lines: usize,
    pub min_height: f32,
}

/// A row, or the lines `lines` of it, placed on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub row: usize,
    pub lines: Range<usize>,
    pub height: f32,
}

/// Row geometry shared by pagination and drawing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Metrics {
    pub leading: f32,
    pub padding: f32,
}

impl Metrics {
    fn height(&self, lines: usize) -> f32 {
        lines as f32 * self.leading + 2.0 * self.padding
    }

    /// Lines that fit in `room` points (at least none).
    fn lines_fitting(&self, room: f32) -> usize {
        ((room - 2.0 * self.padding) / self.leading + 1e-3).floor().max(0.0) as usize
    }
}

/// Puts rows on pages. The first page has `first_room` points left; every further page has
/// `page_room`; each page spends `header` points on the repeated header row. A row goes whole
/// onto the page where it fits, else onto the next page; only a row taller than a whole page
/// is split, between lines. The first page's list is empty when not even the header and one
/// line fit there: the table then starts on a new page.
pub fn paginate(rows: &[RowShape], m: Metrics, header: f32, first_room: f32, page_room: f32) -> Vec<Vec<Piece>> {
    let mut pages: Vec<Vec<Piece>> = vec![Vec::new()];
    let mut room = first_room - header;
    for (row, shape) in rows.iter().enumerate() {
        let full = m.height(shape.lines).max(shape.min_height);
        let whole_fits_a_page = full <= page_room - header + 1e-3;
        if full <= room + 1e-3 {
            pages.last_mut().unwrap().push(Piece { row, lines: 0..shape.lines, height: full });
            room -= full;
            continue;
        }
        if whole_fits_a_page || m.lines_fitting(room) == 0 {
            pages.push(Vec::new());
            room = page_room - header;
            if whole_fits_a_page {
                pages.last_mut().unwrap().push(Piece { row, lines: 0..shape.lines, height: full });
                room -= full;
                continue;
            }
        }
        // Taller than a page: as many lines as fit here, the rest on the following pages.
        let mut start = 0;
        while start < shape.lines {
            let n = m.lines_fitting(room).max(1).min(shape.lines - start);
            let height = m.height(n);
            pages.last_mut().unwrap().push(Piece { row, lines: start..start + n, height });
            room -= height;
            start += n;
            if start < shape.lines {
                pages.push(Vec::new());
                room = page_room - header;
            }
        }
    }
    pages
}

impl Table {
    /// Columns in the type of Vietnamese forms: 12 pt body, bold 12 pt headings.
    pub fn new(columns: Vec<Column>) -> Table {
        Table {
            columns,
            header: Style::new(Face::Bold, 12.0).with_leading(14.0),
            body: Style::new(Face::Regular, 12.0).with_leading(14.0),
            padding: 4.0,
            min_row_height: 0.0,
            rule: RULE,
        }
    }

    /// Column widths in points for a table `width` wide.
    pub fn widths(&self, width: f32) -> Vec<f32> {
        let total: f32 = self.columns.iter().map(|c| c.share).sum();
        self.columns.iter().map(|c| width * c.share / total).collect()
    }

    fn metrics(&self) -> Metrics {
        Metrics { leading: self.body.leading, padding: self.padding }
    }

    fn header_lines(&self, widths: &[f32]) -> Vec<Vec<String>> {
        self.columns.iter().zip(widths).map(|(c, w)| wrap(&c.title, &self.header, w - 2.0 * self.padding)).collect()
    }

    fn header_height(&self, widths: &[f32]) -> f32 {
        let lines = self.header_lines(widths).iter().map(Vec::len).max().unwrap_or(1);
        lines as f32 * self.header.leading + 2.0 * self.padding
    }

    /// Draws the header row at the cursor and moves below it.
    pub fn draw_header(&self, doc: &mut Document) {
        let (x0, width) = (doc.left(), doc.width());
        let widths = self.widths(width);
        let lines = self.header_lines(&widths);
        let height = self.header_height(&widths);
        let top = doc.y();
        let style = self.header;
        let page = doc.page();
        let mut x = x0;
        for (cell, w) in lines.iter().zip(&widths) {
            // Centred both ways, as form headings are.
            let text_h = cell.len() as f32 * style.leading;
            let mut baseline = top + (height - text_h) / 2.0 + style.size * 0.95;
            for line in cell {
                page.text_in(x + self.padding, w - 2.0 * self.padding, baseline, &style, Align::Center, line);
                baseline += style.leading;
            }
            x += w;
        }
        self.rules(doc, top, height, &widths, true);
        doc.advance(height);
    }

    /// Cell borders of a row drawn from `top`, `height` tall.
    fn rules(&self, doc: &mut Document, top: f32, height: f32, widths: &[f32], with_top: bool) {
        let x0 = doc.left();
        let right = x0 + widths.iter().sum::<f32>();
        let rule = self.rule;
        let page = doc.page();
        if with_top {
            page.line(x0, top, right, top, rule);
        }
        page.line(x0, top + height, right, top + height, rule);
        let mut x = x0;
        page.line(x, top, x, top + height, rule);
        for w in widths {
            x += w;
            page.line(x, top, x, top + height, rule);
        }
    }

    /// The table with `rows` of cell texts (one string per column), header first and again
    /// on every new page.
    pub fn draw(&self, doc: &mut Document, rows: &[Vec<String>]) {
        let widths = self.widths(doc.width());
        let cells: Vec<Vec<Vec<String>>> = rows
            .iter()
            .map(|row| {
                widths
                    .iter()
                    .enumerate()
                    .map(|(i, w)| wrap(row.get(i).map_or("", String::as_str), &self.body, w - 2.0 * self.padding))
                    .collect()
            })
            .collect();
        let shapes: Vec<RowShape> = cells
            .iter()
            .map(|c| RowShape { lines: c.iter().map(Vec::len).max().unwrap_or(0), min_height: self.min_row_height })
            .collect();
        let header = self.header_height(&widths);
        let pages = paginate(&shapes, self.metrics(), header, doc.remaining(), doc.full_height());
        if rows.is_empty() {
            doc.ensure(header);
            self.draw_header(doc);
            return;
        }
        for (i, pieces) in pages.iter().enumerate() {
            if i > 0 {
                doc.new_page();
            }
            // Only the first page can be empty: nothing fitted there.
            if pieces.is_empty() {
                continue;
            }
            self.draw_header(doc);
            for piece in pieces {
                self.draw_piece(doc, &cells[piece.row], piece, &widths);
            }
        }
    }

    fn draw_piece(&self, doc: &mut Document, cells: &[Vec<String>], piece: &Piece, widths: &[f32]) {
        let top = doc.y();
        let style = self.body;
        let mut x = doc.left();
        for ((cell, w), column) in cells.iter().zip(widths).zip(&self.columns) {
            let mut baseline = top + self.padding + style.size * 0.95;
            for line in cell.iter().take(piece.lines.end).skip(piece.lines.start) {
                doc.page().text_in(x + self.padding, w - 2.0 * self.padding, baseline, &style, column.align, line);
                baseline += style.leading;
            }
            x += w;
        }
        self.rules(doc, top, piece.height, widths, false);
        doc.advance(piece.height);
    }

    /// Empty ruled rows, `row_height` tall, filling the rest of this page and then `pages - 1`
    /// further pages, each under the header: a book to be filled by hand.
    pub fn draw_blank(&self, doc: &mut Document, row_height: f32, pages: usize) {
        let widths = self.widths(doc.width());
        let header = self.header_height(&widths);
        for p in 0..pages.max(1) {
            if p > 0 || doc.remaining() < header + row_height {
                doc.new_page();
            }
            self.draw_header(doc);
            while doc.remaining() >= row_height - 1e-3 {
                let top = doc.y();
                self.rules(doc, top, row_height, &widths, false);
                doc.advance(row_height);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const M: Metrics = Metrics { leading: 10.0, padding: 2.0 };

    fn rows(lines: &[usize]) -> Vec<RowShape> {
        lines.iter().map(|&lines| RowShape { lines, min_height: 0.0 }).collect()
    }

    fn layout(pages: &[Vec<Piece>]) -> Vec<Vec<(usize, Range<usize>)>> {
        pages.iter().map(|p| p.iter().map(|x| (x.row, x.lines.clone())).collect()).collect()
    }

    #[test]
    fn rows_that_fit_stay_on_the_page() {
        // Header 14, rows 14 tall each: (100 - 14) / 14 = 6 rows.
        let pages = paginate(&rows(&[1; 8]), M, 14.0, 100.0, 100.0);
        assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [6, 2]);
    }

    #[test]
    fn a_row_that_does_not_fit_moves_whole_to_the_next_page() {
        // Row 0 is 44 tall, row 1 is 54: on a first page with 80 - 14 = 66 left, row 1 moves.
        let pages = paginate(&rows(&[4, 5]), M, 14.0, 80.0, 100.0);
        assert_eq!(layout(&pages), [vec![(0, 0..4)], vec![(1, 0..5)]]);
    }

    #[test]
    fn a_row_taller_than_a_page_is_split_between_lines() {
        // A page holds (100 - 14 - 4) / 10 = 8 lines of one row.
        let pages = paginate(&rows(&[1, 20]), M, 14.0, 100.0, 100.0);
        assert_eq!(layout(&pages), [vec![(0, 0..1), (1, 0..6)], vec![(1, 6..14)], vec![(1, 14..20)]]);
        for page in &pages {
            let used: f32 = page.iter().map(|p| p.height).sum::<f32>() + 14.0;
            assert!(used <= 100.0 + 1e-3, "{used}");
        }
    }

    #[test]
    fn no_room_for_a_line_starts_the_table_on_a_new_page() {
        let pages = paginate(&rows(&[2]), M, 14.0, 20.0, 100.0);
        assert_eq!(layout(&pages), [vec![], vec![(0, 0..2)]]);
    }

    #[test]
    fn the_minimum_height_counts() {
        let shapes = vec![RowShape { lines: 0, min_height: 30.0 }; 5];
        let pages = paginate(&shapes, M, 10.0, 100.0, 100.0);
        assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [3, 2]);
    }
}
