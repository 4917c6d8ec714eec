//! A blank survey form (phiếu khảo sát) drawn from a [`SurveyTemplate`]: BM.QT.SCT.05-02 of
//! seed 004 by default, or any template an office defines.

use super::common::{form_heading, option, option_rows, option_width};
use crate::domain::office::OfficeProfile;
use crate::domain::survey::{fill, SurveyItem, SurveyTemplate};
use crate::error::Result;
use crate::pdf::blocks::{self, upper, FormControl};
use crate::pdf::document::{Document, Metadata};
use crate::pdf::font::Face;
use crate::pdf::page::{mm, RULE};
use crate::pdf::text::{wrap, Align, Style};

/// What varies between printings of one template.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SurveyPrint {
    /// Fills "NĂM:"; left to write in when `None`.
    pub year: Option<i32>,
    /// Số phiếu, printed under the form-control box (each printed form gets its own once
    /// survey rounds exist).
    pub serial: Option<String>,
}

fn body() -> Style {
    blocks::body()
}

fn question() -> Style {
    Style::new(Face::Bold, 13.0).with_leading(16.25)
}

/// The survey form, ready to hand to a citizen.
pub fn survey_blank(office: &OfficeProfile, template: &SurveyTemplate, print: &SurveyPrint) -> Result<Vec<u8>> {
    let name = office.name.as_str();
    let t = |s: &str| fill(s, name);
    let title = format!("{} ({})", t(&template.title), template.code);
    let mut doc = Document::new(Metadata::now(title, name));

    let control = FormControl { code: template.code.clone(), issue: Some(template.version), issued_on: template.issued_on };
    let below: Vec<String> = print.serial.iter().map(|s| format!("Số phiếu: {s}")).collect();
    form_heading(&mut doc, office, &control, &below);

    blocks::title(&mut doc, &t(&template.title), 15.0);
    let sub = Style::new(Face::Bold, 13.0).with_leading(16.5);
    for line in &template.subtitle_lines {
        doc.paragraph(&upper(&t(line)), &sub, Align::Center, 0.0);
    }
    if template.year_line {
        let year = print.year.map_or("..........".to_owned(), |y| y.to_string());
        doc.paragraph(&format!("NĂM: {year}"), &sub, Align::Center, 0.0);
    }
    doc.advance(8.0);

    for p in &template.intro {
        doc.paragraph(&t(p), &body(), Align::Justify, mm(10.0));
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
            draw_item(&mut doc, item, &t);
        }
    }

    doc.advance(10.0);
    doc.ensure(20.0);
    doc.paragraph(&t(&template.closing), &Style::new(Face::Bold, 13.0), Align::Center, 0.0);
    doc.finish()
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
            let grid_h = criteria.len() as f32 * grid_row_height();
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

/// Criteria down the left, each scale label with its tick box in a cell of its own.
fn rating_grid(doc: &mut Document, criteria: &[String], scale: &[String], t: &dyn Fn(&str) -> String) {
    let style = body();
    let (x0, width) = (doc.left(), doc.width());
    // The criteria take about a third of the width (more for a long criterion); the scale
    // cells share the rest, each at least as wide as its "label □" with air around it.
    let labels: Vec<String> = scale.iter().map(|s| t(s)).collect();
    let natural: Vec<f32> = labels.iter().map(|l| option_width(l, &style) + 16.0).collect();
    let longest = criteria.iter().map(|c| style.width(&t(c)) + 12.0).fold(0.0, f32::max);
    let first = longest.max(width * 0.34).min(width - natural.iter().sum::<f32>()).max(width / 4.0);
    let cells = even_widths(&natural, width - first);
    let row_h = grid_row_height();
    for criterion in criteria {
        doc.ensure(row_h);
        let top = doc.y();
        let baseline = top + (row_h + style.size * 0.7) / 2.0;
        let label = wrap(&t(criterion), &style, first - 8.0).into_iter().next().unwrap_or_default();
        doc.page().text(x0 + 5.0, baseline, &style, &label);
        let mut cx = x0 + first;
        for (label, cell) in labels.iter().zip(&cells) {
            option(doc, cx + (cell - option_width(label, &style)) / 2.0, baseline, label, &style);
            cx += cell;
        }
        let page = doc.page();
        let right = x0 + width;
        page.line(x0, top, right, top, RULE);
        page.line(x0, top + row_h, right, top + row_h, RULE);
        page.line(x0, top, x0, top + row_h, RULE);
        let mut x = x0 + first;
        page.line(x, top, x, top + row_h, RULE);
        for cell in &cells {
            x += cell;
            page.line(x, top, x, top + row_h, RULE);
        }
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
