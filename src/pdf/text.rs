//! Text before it is drawn: normalised to NFC, measured, and broken into lines.
//!
//! printpdf maps one character to one glyph with no shaping, so a decomposed "ễ" (e + two
//! combining marks, as some Windows input methods send) would print as a letter followed by
//! floating marks. Everything drawn therefore goes through [`normalize`] first; the low-level
//! drawing call normalises again, so no path can put NFD on paper.

use super::font::Face;
use crate::domain::text::clean_text;

/// A face at a size, with the distance between baselines.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub face: Face,
    /// Points.
    pub size: f32,
    /// Baseline-to-baseline distance, in points.
    pub leading: f32,
}

impl Style {
    /// Single line spacing as word processors set Times New Roman (1.15 em).
    pub fn new(face: Face, size: f32) -> Style {
        Style { face, size, leading: size * 1.15 }
    }

    pub fn with_leading(self, leading: f32) -> Style {
        Style { leading, ..self }
    }

    pub fn width(&self, text: &str) -> f32 {
        self.face.width(text, self.size)
    }
}

/// Horizontal placement of a line within its box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
    /// Both edges flush (căn đều hai lề), the last line of a paragraph left-aligned.
    Justify,
}

/// NFC, control characters dropped, whitespace tidied, line breaks kept (as stored text is).
pub fn normalize(text: &str) -> String {
    clean_text(text)
}

/// Breaks `text` into lines no wider than `max_width` points. Line breaks in the text are
/// kept; words are never split unless a single word is wider than the whole line, which is
/// then broken between characters (a long e-mail address in a narrow cell). An empty text
/// gives no lines.
pub fn wrap(text: &str, style: &Style, max_width: f32) -> Vec<String> {
    wrap_indented(text, style, max_width, max_width)
}

/// As [`wrap`], with the first line of each paragraph `first_width` wide (a first-line
/// indent makes it narrower).
pub fn wrap_indented(text: &str, style: &Style, first_width: f32, max_width: f32) -> Vec<String> {
    let text = normalize(text);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        wrap_paragraph(paragraph, style, first_width, max_width, &mut lines);
    }
    if lines.len() == 1 && lines[0].is_empty() {
        lines.clear();
    }
    lines
}

fn wrap_paragraph(paragraph: &str, style: &Style, first_width: f32, rest_width: f32, out: &mut Vec<String>) {
    let space = style.width(" ");
    let mut line = String::new();
    let mut line_width = 0.0;
    let start = out.len();
    for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
        let max_width = if out.len() == start { first_width } else { rest_width };
        let w = style.width(word);
        if !line.is_empty() && line_width + space + w <= max_width {
            line.push(' ');
            line.push_str(word);
            line_width += space + w;
            continue;
        }
        if !line.is_empty() {
            out.push(std::mem::take(&mut line));
        }
        if w <= max_width {
            line.push_str(word);
            line_width = w;
        } else {
            // Too long for any line: break between characters, keeping the rest open.
            let mut piece = String::new();
            let mut piece_width = 0.0;
            for c in word.chars() {
                let cw = style.face.width(c.encode_utf8(&mut [0; 4]), style.size);
                if !piece.is_empty() && piece_width + cw > max_width {
                    out.push(std::mem::take(&mut piece));
                    piece_width = 0.0;
                }
                piece.push(c);
                piece_width += cw;
            }
            line = piece;
            line_width = piece_width;
        }
    }
    if !line.is_empty() || out.len() == start {
        out.push(line);
    }
}

/// As [`wrap`], but with the lines as even as possible: the same number of lines as greedy
/// wrapping gives, at the narrowest width that keeps that number. Centred headings then break
/// as "ỦY BAN NHÂN DÂN / TỈNH ĐẮK LẮK" rather than leaving one word alone on a line.
pub fn wrap_balanced(text: &str, style: &Style, max_width: f32) -> Vec<String> {
    let greedy = wrap(text, style, max_width);
    if greedy.len() < 2 {
        return greedy;
    }
    let (mut lo, mut hi) = (0.0_f32, max_width);
    for _ in 0..20 {
        let mid = (lo + hi) / 2.0;
        if wrap(text, style, mid).len() == greedy.len() {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    wrap(text, style, hi)
}

/// Gaps between words that make `line` exactly `width` wide: the x offset of each word from
/// the line's start. Used for justified lines.
pub fn justify(line: &str, style: &Style, width: f32) -> Vec<(f32, String)> {
    let words: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
    let natural: f32 = words.iter().map(|w| style.width(w)).sum();
    let gaps = words.len().saturating_sub(1);
    let gap = if gaps == 0 { 0.0 } else { ((width - natural) / gaps as f32).max(style.width(" ")) };
    let mut x = 0.0;
    words
        .into_iter()
        .map(|w| {
            let at = x;
            x += style.width(w) + gap;
            (at, w.to_owned())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn body() -> Style {
        Style::new(Face::Regular, 12.0)
    }

    #[test]
    fn wrapping_keeps_every_line_within_the_width_and_every_word() {
        let text = "Để nâng cao hơn nữa chất lượng phục vụ, sự hài lòng của các tổ chức, cá nhân \
                    trong thời gian tới, cơ quan tiến hành khảo sát sự hài lòng.";
        let lines = wrap(text, &body(), 150.0);
        assert!(lines.len() >= 3, "{lines:?}");
        for l in &lines {
            assert!(body().width(l) <= 150.0, "{l:?} is {} pt", body().width(l));
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn wrapping_fills_lines_greedily() {
        let style = body();
        let lines = wrap("aa bb cc dd", &style, style.width("aa bb c"));
        assert_eq!(lines, ["aa bb", "cc dd"]);
    }

    #[test]
    fn the_first_line_can_be_indented() {
        let style = body();
        let w = style.width("aa bb cc");
        assert_eq!(wrap_indented("aa bb cc dd ee", &style, style.width("aa bb"), w), ["aa bb", "cc dd ee"]);
    }

    #[test]
    fn line_breaks_are_kept_and_empty_text_has_no_lines() {
        assert_eq!(wrap("Dòng một\nDòng hai", &body(), 500.0), ["Dòng một", "Dòng hai"]);
        assert!(wrap("", &body(), 500.0).is_empty());
        assert!(wrap("  \n ", &body(), 500.0).is_empty());
    }

    #[test]
    fn balanced_wrapping_evens_out_the_lines() {
        let style = Style::new(Face::Regular, 12.0);
        let text = "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK";
        let width = style.width("ỦY BAN NHÂN DÂN TỈNH ĐẮK");
        assert_eq!(wrap(text, &style, width), ["ỦY BAN NHÂN DÂN TỈNH ĐẮK", "LẮK"]);
        assert_eq!(wrap_balanced(text, &style, width), ["ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK"]);
        assert_eq!(wrap_balanced("NGẮN", &style, width), ["NGẮN"]);
    }

    #[test]
    fn a_word_longer_than_the_line_is_broken_between_characters() {
        let style = body();
        let word = "phongquanlythuongmai@congthuong.daklak.gov.vn";
        let lines = wrap(word, &style, 60.0);
        assert!(lines.len() > 2);
        assert_eq!(lines.concat(), word);
        assert!(lines.iter().all(|l| style.width(l) <= 60.0));
    }

    #[test]
    fn decomposed_input_comes_out_composed() {
        let nfd: String = "Nguyễn Thị Ánh Tuyết".nfd().collect();
        assert_ne!(nfd, "Nguyễn Thị Ánh Tuyết");
        assert_eq!(wrap(&nfd, &body(), 500.0), ["Nguyễn Thị Ánh Tuyết"]);
    }

    #[test]
    fn justified_words_span_the_width() {
        let style = body();
        let placed = justify("một hai ba", &style, 200.0);
        assert_eq!(placed.len(), 3);
        assert_eq!(placed[0].0, 0.0);
        let (x, last) = placed.last().unwrap();
        assert!((x + style.width(last) - 200.0).abs() < 0.01);
    }
}
