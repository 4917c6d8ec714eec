//! Text at the edge. Everything stored is NFC with tidy whitespace, because Windows input
//! methods (and text pasted from old documents) often deliver decomposed Vietnamese (NFD),
//! which prints garbled and defeats exact comparison. Search uses a *folded key* instead:
//! accents dropped, đ → d, lower case, so "nguyen van an" finds "Nguyễn Văn An".

use crate::error::{Error, Result};
use std::borrow::Cow;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// NFC, control characters removed, runs of whitespace collapsed to one space, trimmed.
/// For one-line fields: names, titles, codes.
pub fn clean_line(input: &str) -> String {
    // Most text (typed in the app, or read from a file saved by Excel) is NFC already: the
    // quick check says so without normalising it again (most of an import's reading time).
    let nfc: Cow<str> = match is_nfc_quick(input.chars()) {
        IsNormalized::Yes => Cow::Borrowed(input),
        _ => Cow::Owned(input.nfc().collect()),
    };
    let mut out = String::with_capacity(nfc.len());
    for word in nfc.split(|c: char| c.is_whitespace() || c.is_control()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// NFC with line breaks kept (CRLF → LF): each line cleaned as by [`clean_line`], runs of
/// blank lines reduced to one, leading and trailing blank lines dropped. For free text.
pub fn clean_text(input: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for raw in input.replace("\r\n", "\n").replace('\r', "\n").split('\n') {
        let line = clean_line(raw);
        if line.is_empty() && lines.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

/// The accent- and case-insensitive search key: NFD, combining marks dropped, đ/Đ → d,
/// lower case, whitespace collapsed. Stored beside every searchable text and applied to
/// every query, so both sides are folded by the same Rust code (SQLite's own `lower()` only
/// knows ASCII).
pub fn fold(input: &str) -> String {
    let mut out = Folded { text: String::with_capacity(input.len()), pending_space: false };
    for c in input.chars() {
        // Each character decomposed on its own: NFD would also put the combining marks of a
        // run in canonical order, but every one of them is dropped here, so the key is the
        // same (tested against NFD on every character).
        if c.is_ascii() {
            out.push(c);
        } else {
            decompose_canonical(c, |d| out.push(d));
        }
    }
    out.text
}

/// A key being folded: what [`fold`] does with each character of the decomposed text.
struct Folded {
    text: String,
    pending_space: bool,
}

impl Folded {
    fn push(&mut self, c: char) {
        if is_combining_mark(c) {
            return;
        }
        if c.is_whitespace() || c.is_control() {
            self.pending_space = !self.text.is_empty();
            return;
        }
        if self.pending_space {
            self.text.push(' ');
            self.pending_space = false;
        }
        match c {
            'đ' | 'Đ' => self.text.push('d'),
            c if c.is_ascii() => self.text.push(c.to_ascii_lowercase()),
            _ => self.text.extend(c.to_lowercase()),
        }
    }
}

/// A cleaned one-line field that must not be empty and has a length limit. `label` is the
/// field's Vietnamese name, used in the message a clerk reads.
pub fn required_line(field: &str, label: &str, input: &str, max_chars: usize) -> Result<String> {
    let value = optional_line(field, label, input, max_chars)?;
    if value.is_empty() {
        return Err(Error::validation(field, format!("{label} không được để trống.")));
    }
    Ok(value)
}

/// A cleaned one-line field that may be empty, with a length limit.
pub fn optional_line(field: &str, label: &str, input: &str, max_chars: usize) -> Result<String> {
    let value = clean_line(input);
    check_length(field, label, &value, max_chars)?;
    Ok(value)
}

fn check_length(field: &str, label: &str, value: &str, max_chars: usize) -> Result<()> {
    let n = value.chars().count();
    if n > max_chars {
        return Err(Error::validation(
            field,
            format!("{label} quá dài: {n} ký tự, tối đa {max_chars} ký tự."),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_line_makes_nfc_and_tidies_whitespace() {
        let nfd = "  Nguye\u{0302}\u{0303}n \t Va\u{0306}n   An \u{0007} ";
        assert_eq!(clean_line(nfd), "Nguyễn Văn An");
        assert!(clean_line(nfd).nfc().eq(clean_line(nfd).chars()));
    }

    #[test]
    fn clean_text_keeps_paragraphs() {
        assert_eq!(clean_text("\r\n a  b \r\n\r\n\r\n c\n\n"), "a b\n\nc");
    }

    #[test]
    fn fold_drops_marks_and_maps_d_bar() {
        assert_eq!(fold("Nguyễn Văn An"), "nguyen van an");
        assert_eq!(fold("ĐỒNG   Nai"), "dong nai");
        assert_eq!(fold("Phòng Tư pháp"), "phong tu phap");
        // NFD and NFC input fold to the same key.
        assert_eq!(fold("Nguye\u{0302}\u{0303}n"), fold("Nguyễn"));
    }

    /// The fold of [`fold`]'s first form: the whole text to NFD, then the same steps.
    fn fold_through_nfd(input: &str) -> String {
        let mut out = Folded { text: String::new(), pending_space: false };
        input.nfd().for_each(|c| out.push(c));
        out.text
    }

    /// Folding each character's own decomposition gives the key that NFD of the whole text
    /// gives: on every character, alone and between letters and after combining marks
    /// given out of canonical order.
    #[test]
    fn folding_character_by_character_equals_folding_the_nfd() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for s in [c.to_string(), format!("a{c}b"), format!("e\u{323}\u{302}{c}\u{301}\u{31b} x"), format!("{c}\u{301}\u{323}")] {
                assert_eq!(fold(&s), fold_through_nfd(&s), "{:?}", s);
            }
        }
    }

    /// The quick check only skips normalising text already in NFC: decomposed text, and text
    /// whose quick check cannot tell, is still normalised.
    #[test]
    fn clean_line_normalises_whatever_is_not_nfc() {
        let samples = ["Nguyễn Văn An", "Nguye\u{0302}\u{0303}n", "\u{1e9b}\u{323}", "a\u{323}\u{302}", "\u{0344}", "\u{0958}", "Ω Å K"];
        for s in samples {
            let slow: String = s.nfc().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(clean_line(s), slow, "{s:?}");
        }
    }

    #[test]
    fn required_line_names_the_field() {
        let err = required_line("name", "Tên cơ quan", "   ", 10).unwrap_err();
        assert!(err.to_string().contains("Tên cơ quan"), "{err}");
        let long = "a".repeat(50_000);
        let err = required_line("name", "Tên cơ quan", &long, 300).unwrap_err();
        assert!(err.to_string().contains("50000 ký tự"), "{err}");
    }
}
