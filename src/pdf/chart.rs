//! Bar charts drawn as vectors (they print sharp and their labels stay searchable text):
//! one bar per category, its value above it, its label wrapped below.

use super::document::Document;
use super::font::Face;
use super::page::mm;
use super::text::{wrap, Align, Style};

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
}

/// A vertical bar chart across the text area.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    /// Printed above the chart, bold, centred.
    pub title: Option<String>,
    pub bars: Vec<Bar>,
    /// Height of the plotting area (the tallest bar), in points.
    pub height: f32,
    /// Appended to each value label, e.g. "%".
    pub unit: String,
    /// Top of the scale; the largest value when `None`.
    pub max: Option<f64>,
    /// Decimals of the value labels.
    pub decimals: usize,
}

impl BarChart {
    pub fn new(bars: Vec<Bar>) -> BarChart {
        BarChart { title: None, bars, height: mm(50.0), unit: String::new(), max: None, decimals: 0 }
    }

    /// Formats a value as its label: Vietnamese decimal comma, e.g. "87,5%".
    pub fn value_label(&self, value: f64) -> String {
        format!("{:.*}{}", self.decimals, value, self.unit).replace('.', ",")
    }

    /// Heights of the bars in points: proportional to their values on a scale from zero to
    /// `max` (or the largest value); negative values and an all-zero chart draw no bar.
    pub fn bar_heights(&self) -> Vec<f32> {
        let top = self.max.unwrap_or_else(|| self.bars.iter().map(|b| b.value).fold(0.0, f64::max));
        self.bars
            .iter()
            .map(|b| if top > 0.0 { (b.value.clamp(0.0, top) / top) as f32 * self.height } else { 0.0 })
            .collect()
    }

    /// Draws the chart at the cursor, kept whole on one page, and moves below it.
    pub fn draw(&self, doc: &mut Document) {
        let label = Style::new(Face::Regular, 11.0).with_leading(12.5);
        let value = Style::new(Face::Bold, 11.0);
        let title = Style::new(Face::Bold, 12.0).with_leading(15.0);
        let (x0, width) = (doc.left(), doc.width());
        let n = self.bars.len().max(1);
        let slot = width / n as f32;
        let labels: Vec<Vec<String>> = self.bars.iter().map(|b| wrap(&b.label, &label, slot - 4.0)).collect();
        let label_lines = labels.iter().map(Vec::len).max().unwrap_or(0);
        let title_h = if self.title.is_some() { title.leading + 4.0 } else { 0.0 };
        let total = title_h + value.size + 4.0 + self.height + 4.0 + label_lines as f32 * label.leading;
        doc.ensure(total);
        if let Some(t) = &self.title {
            doc.paragraph(t, &title, Align::Center, 0.0);
            doc.advance(4.0);
        }
        let axis = doc.y() + value.size + 4.0 + self.height;
        let heights = self.bar_heights();
        let page = doc.page();
        for (i, (bar, h)) in self.bars.iter().zip(&heights).enumerate() {
            let slot_x = x0 + i as f32 * slot;
            let bar_w = (slot * 0.55).min(mm(25.0));
            let bar_x = slot_x + (slot - bar_w) / 2.0;
            if *h > 0.0 {
                page.fill_rect(bar_x, axis - h, bar_w, *h, 0.55);
            }
            page.text_in(slot_x, slot, axis - h - 3.0, &value, Align::Center, &self.value_label(bar.value));
            let mut baseline = axis + 4.0 + label.size;
            for line in &labels[i] {
                page.text_in(slot_x + 2.0, slot - 4.0, baseline, &label, Align::Center, line);
                baseline += label.leading;
            }
        }
        page.line(x0, axis, x0 + width, axis, 0.8);
        doc.set_y(axis + 4.0 + label_lines as f32 * label.leading + 6.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::document::Metadata;
    use crate::pdf::page::Item;

    fn chart() -> BarChart {
        let bars = [("Tốt", 75.0), ("Đạt yêu cầu", 20.0), ("Chưa đạt yêu cầu", 5.0)]
            .into_iter()
            .map(|(l, v)| Bar { label: l.into(), value: v })
            .collect();
        BarChart { unit: "%".into(), decimals: 1, ..BarChart::new(bars) }
    }

    #[test]
    fn bars_are_proportional_to_values() {
        let c = chart();
        let h = c.bar_heights();
        assert!((h[0] - c.height).abs() < 1e-3);
        assert!((h[1] / h[0] - 20.0 / 75.0).abs() < 1e-4);
        let scaled = BarChart { max: Some(100.0), ..chart() };
        assert!((scaled.bar_heights()[0] - 0.75 * c.height).abs() < 1e-3);
        let empty = BarChart::new(vec![Bar { label: "Không".into(), value: 0.0 }]);
        assert_eq!(empty.bar_heights(), [0.0]);
    }

    #[test]
    fn values_use_the_decimal_comma() {
        assert_eq!(chart().value_label(87.5), "87,5%");
    }

    #[test]
    fn every_bar_has_its_value_and_label_and_a_filled_rectangle() {
        let mut doc = Document::new(Metadata::now("Biểu đồ", "Cơ quan"));
        chart().draw(&mut doc);
        let page = &doc.pages()[0];
        let texts: Vec<&str> = page.texts().collect();
        for t in ["75,0%", "Tốt", "20,0%", "Đạt yêu cầu", "5,0%", "Chưa đạt yêu cầu"] {
            assert!(texts.contains(&t), "{t} missing from {texts:?}");
        }
        let bars = page.items.iter().filter(|i| matches!(i, Item::Rect { fill: Some(_), .. })).count();
        assert_eq!(bars, 3);
    }
}
