//! Text typed years ago in the legacy Vietnamese encodings — TCVN3 (ABC, the ".VnTime"
//! fonts) and VNI Windows — reaches us as Latin-1 letters ("NguyÔn V¨n An"), because the
//! spreadsheet only knew the font, not the encoding. We detect such text and convert it to
//! Unicode with bamboo-core's tables.
//!
//! Detection is made once per file over the cells that hold no letter beyond Latin-1 (a
//! cell with "ư" or "ạ" is already Unicode), by trying each legacy encoding and keeping the
//! one whose result has the most Vietnamese letters and the fewest stray Latin-1 symbols.

use bamboo_core::{decode_charset, Charset};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Encoding {
    Unicode,
    Tcvn3,
    Vni,
}

impl Encoding {
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Unicode => "Unicode",
            Encoding::Tcvn3 => "TCVN3 (ABC, phông .VnTime)",
            Encoding::Vni => "VNI Windows (phông VNI-Times)",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Encoding::Unicode => "unicode",
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
        }
    }

    fn charset(self) -> Option<Charset> {
        match self {
            Encoding::Unicode => None,
            Encoding::Tcvn3 => Some(Charset::Tcvn3),
            Encoding::Vni => Some(Charset::VniWindows),
        }
    }
}

/// Letters of Vietnamese that Latin-1 lacks: text holding one is Unicode already.
fn is_vietnamese_beyond_latin1(c: char) -> bool {
    matches!(c, 'Ă' | 'ă' | 'Đ' | 'đ' | 'Ĩ' | 'ĩ' | 'Ũ' | 'ũ' | 'Ơ' | 'ơ' | 'Ư' | 'ư' | '\u{1EA0}'..='\u{1EF9}')
}

const LATIN1_VIETNAMESE: &str = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ";

/// A Latin-1 symbol or letter that Vietnamese text does not use: the mark of legacy text.
fn is_stray(c: char) -> bool {
    ('\u{A0}'..='\u{FF}').contains(&c) && !LATIN1_VIETNAMESE.contains(c) || ('\u{80}'..='\u{9F}').contains(&c)
}

/// Spreadsheets and CSV files decoded as Windows-1252 turn bytes 0x80–0x9F into symbols
/// like "€" or "ƒ"; the legacy tables are written in code points U+0080–U+00FF.
fn to_byte_code_points(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().all(|c| (c as u32) < 0x100) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) >= 0x100 {
            let mut buf = [0u8; 4];
            let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buf));
            if !unmappable && bytes.len() == 1 {
                out.push(char::from(bytes[0]));
                continue;
            }
        }
        out.push(c);
    }
    std::borrow::Cow::Owned(out)
}

/// Whether a cell may be legacy text: it has letters or symbols of Latin-1 and no letter
/// beyond it.
fn candidate(s: &str) -> bool {
    !s.chars().any(is_vietnamese_beyond_latin1) && to_byte_code_points(s).chars().any(|c| ('\u{80}'..='\u{FF}').contains(&c))
}

/// How Vietnamese a text reads, word by word: a word with a letter beyond ASCII counts for
/// it when it has at most one tone mark and no stray symbol; against it otherwise. Decoding
/// text in the wrong legacy table gives words with two tones or leftover symbols.
fn score(text: &str) -> i64 {
    use unicode_normalization::UnicodeNormalization;
    let mut total = 0;
    for word in text.split(|c: char| c.is_whitespace() || c.is_ascii_punctuation()) {
        if word.is_ascii() {
            continue;
        }
        let tones = word.nfd().filter(|c| matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}')).count();
        if tones > 1 || word.chars().any(is_stray) {
            total -= 2;
        } else {
            total += 1;
        }
    }
    total
}

/// The legacy encoding the cells were typed in, or Unicode.
pub fn detect<'a>(cells: impl Iterator<Item = &'a str>) -> Encoding {
    let sample: Vec<String> = cells.filter(|s| candidate(s) && to_byte_code_points(s).chars().any(is_stray)).take(2000).map(|s| to_byte_code_points(s).into_owned()).collect();
    if sample.is_empty() {
        return Encoding::Unicode;
    }
    let joined = sample.join("\n");
    let base = score(&joined);
    let mut best = (Encoding::Unicode, base);
    for enc in [Encoding::Tcvn3, Encoding::Vni] {
        let s = score(&decode_charset(enc.charset().unwrap(), &joined));
        if s > best.1 {
            best = (enc, s);
        }
    }
    best.0
}

/// The cell converted to Unicode (NFC), when it is legacy text in `enc`.
pub fn convert(s: &str, enc: Encoding) -> Option<String> {
    let charset = enc.charset()?;
    if !candidate(s) {
        return None;
    }
    let bytes = to_byte_code_points(s);
    let out = decode_charset(charset, &bytes);
    use unicode_normalization::UnicodeNormalization;
    let out: String = out.nfc().collect();
    // The file was found to be in `enc`; a cell is converted unless that reads worse (a cell
    // typed in Unicode later, with Latin-1 letters only, stays as typed).
    (out != s && score(&out) >= score(&bytes)).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bamboo_core::encode_charset;

    const TEXT: &str = "nguyễn văn an phản ánh thái độ phục vụ của cán bộ tiếp nhận hồ sơ đất đai";

    #[test]
    fn tcvn3_and_vni_are_told_apart_and_converted() {
        for (enc, charset) in [(Encoding::Tcvn3, Charset::Tcvn3), (Encoding::Vni, Charset::VniWindows)] {
            let legacy = encode_charset(charset, TEXT).into_owned();
            assert_ne!(legacy, TEXT);
            assert_eq!(detect([legacy.as_str()].into_iter()), enc, "{legacy}");
            assert_eq!(convert(&legacy, enc).as_deref(), Some(TEXT));
        }
    }

    #[test]
    fn capitals_and_the_letters_each_table_reuses_are_told_apart() {
        let vni = ["Ngaøy thaùng", "Teân khaùch haøng", "Leâ Höõu Ñöùc", "Khen ngôïi caùn boä höôùng daãn taän tình"];
        assert_eq!(detect(vni.into_iter()), Encoding::Vni);
        assert_eq!(convert("Leâ Höõu Ñöùc", Encoding::Vni).as_deref(), Some("Lê Hữu Đức"));
        let tcvn3 = ["Ngµy th¸ng", "NguyÔn V¨n An", "Céng hoµ x· héi chñ nghÜa ViÖt Nam"];
        assert_eq!(detect(tcvn3.into_iter()), Encoding::Tcvn3);
        assert_eq!(convert("Céng hoµ x· héi chñ nghÜa ViÖt Nam", Encoding::Tcvn3).as_deref(), Some("Cộng hoà xã hội chủ nghĩa Việt Nam"));
    }

    #[test]
    fn unicode_and_plain_ascii_stay_as_they_are() {
        assert_eq!(detect([TEXT, "Phòng Tư pháp", "abc 123"].into_iter()), Encoding::Unicode);
        assert_eq!(convert(TEXT, Encoding::Tcvn3), None);
        assert_eq!(convert("abc", Encoding::Tcvn3), None);
    }

    #[test]
    fn windows_1252_symbols_map_back_to_bytes() {
        assert_eq!(to_byte_code_points("a€b"), "a\u{80}b");
    }
}
