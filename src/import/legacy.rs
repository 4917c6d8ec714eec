//! Text typed years ago in the legacy Vietnamese encodings — TCVN3 (ABC, the ".VnTime"
//! fonts) and VNI Windows — reaches us as Latin-1 letters ("NguyÔn V¨n An"), because the
//! spreadsheet only knew the font, not the encoding. We detect such text and convert it to
//! Unicode with bamboo-core's tables.
//!
//! The decision is made cell by cell, because offices paste: a Unicode book may hold one
//! name copied from an old TCVN3 letter. A cell is converted only when it does not read as
//! Unicode Vietnamese and reads as TCVN3 or VNI. "Reads as Vietnamese" is judged word by
//! word: every word with a letter beyond ASCII must be one Vietnamese syllable (an initial
//! consonant, a vowel group, a final consonant) with at most one tone mark. Text decoded in
//! the wrong table gives words that are no syllable ("Leâ", "th¸ng"). When a cell reads the
//! same in both legacy tables, the table the file's other cells were found in decides.

use bamboo_core::{decode_charset, Charset};
pub use crate::domain::ledger_import::Encoding;
use unicode_normalization::UnicodeNormalization;

fn charset(enc: Encoding) -> Option<Charset> {
    match enc {
        Encoding::Unicode => None,
        Encoding::Tcvn3 => Some(Charset::Tcvn3),
        Encoding::Vni => Some(Charset::VniWindows),
    }
}

/// Letters of Vietnamese that Latin-1 lacks: text holding one is Unicode already.
fn is_vietnamese_beyond_latin1(c: char) -> bool {
    matches!(c, 'Ă' | 'ă' | 'Đ' | 'đ' | 'Ĩ' | 'ĩ' | 'Ũ' | 'ũ' | 'Ơ' | 'ơ' | 'Ư' | 'ư' | '\u{1EA0}'..='\u{1EF9}')
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

const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// Initial consonants, longest first so that "ngh" is tried before "ng" and "n".
const INITIALS: &[&str] = &[
    "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r",
    "s", "t", "v", "x", "",
];

/// Vowel groups of Vietnamese syllables, without tone marks.
const VOWELS: &[&str] = &[
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa",
    "oă", "oe", "oi", "oo", "ôi", "ơi", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê", "iêu", "yêu", "oai",
    "oao", "oay", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu",
];

const FINALS: &[&str] = &["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// Whether a word (lower case, NFC, tone marks taken off) is one Vietnamese syllable.
fn is_syllable(word: &str) -> bool {
    INITIALS.iter().filter_map(|i| word.strip_prefix(i)).any(|rest| {
        FINALS.iter().filter_map(|f| rest.strip_suffix(f)).any(|vowel| VOWELS.contains(&vowel))
    })
}

/// A word of text with a letter beyond ASCII reads as Vietnamese: one syllable, at most one
/// tone mark, nothing but letters.
fn word_reads(word: &str) -> bool {
    let decomposed: Vec<char> = word.nfd().collect();
    let tones = decomposed.iter().filter(|c| TONES.contains(c)).count();
    if tones > 1 {
        return false;
    }
    let bare: String = decomposed.into_iter().filter(|c| !TONES.contains(c)).collect::<String>().nfc().collect::<String>().to_lowercase();
    bare.chars().all(char::is_alphabetic) && is_syllable(&bare)
}

/// The words of a text with a letter beyond ASCII: split at spaces and punctuation; a word
/// quoted «so» loses its quotes (in TCVN3 "«" is a letter, so only a pair is a quote).
fn non_ascii_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || ('\u{2000}'..='\u{206F}').contains(&c))
        .map(|w| w.strip_prefix('«').and_then(|w| w.strip_suffix('»')).unwrap_or(w))
        .filter(|w| !w.is_ascii())
}

/// How Vietnamese a text reads: each word with a letter beyond ASCII counts one for it when
/// it reads as Vietnamese, two against it otherwise.
pub fn score(text: &str) -> i64 {
    non_ascii_words(text).map(|w| if word_reads(w) { 1 } else { -2 }).sum()
}

/// Every word of the text with a letter beyond ASCII reads as Vietnamese.
pub fn reads_vietnamese(text: &str) -> bool {
    non_ascii_words(text).all(word_reads)
}

/// The text decoded from a legacy table, in NFC.
pub fn decode(text: &str, enc: Encoding) -> String {
    match charset(enc) {
        None => text.nfc().collect(),
        Some(charset) => decode_charset(charset, &to_byte_code_points(text)).nfc().collect(),
    }
}

/// A cell converted to Unicode (NFC), with the table it was read in, when it does not read as
/// Unicode Vietnamese and reads better as TCVN3 or VNI. `prefer` settles a cell that reads
/// equally well in both tables.
pub fn decide(s: &str, prefer: Encoding) -> Option<(Encoding, String)> {
    if !candidate(s) || reads_vietnamese(s) {
        return None;
    }
    let as_is = score(s);
    let mut best: Option<(Encoding, String, i64)> = None;
    let order = if prefer == Encoding::Vni { [Encoding::Vni, Encoding::Tcvn3] } else { [Encoding::Tcvn3, Encoding::Vni] };
    for enc in order {
        let out = decode(s, enc);
        let sc = score(&out);
        if out != s && sc > as_is && sc > 0 && best.as_ref().is_none_or(|b| sc > b.2) {
            best = Some((enc, out, sc));
        }
    }
    best.map(|(enc, out, _)| (enc, out))
}

/// The legacy table most converted cells are in, or Unicode when none is.
pub fn detect<'a>(cells: impl Iterator<Item = &'a str>) -> Encoding {
    let (mut tcvn3, mut vni) = (0, 0);
    for s in cells {
        match decide(s, Encoding::Unicode) {
            Some((Encoding::Tcvn3, _)) => tcvn3 += 1,
            Some((Encoding::Vni, _)) => vni += 1,
            _ => {}
        }
    }
    match (tcvn3, vni) {
        (0, 0) => Encoding::Unicode,
        (t, v) if v > t => Encoding::Vni,
        _ => Encoding::Tcvn3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bamboo_core::encode_charset;

    const TEXT: &str = "nguyễn văn an phản ánh thái độ phục vụ của cán bộ tiếp nhận hồ sơ đất đai";

    fn convert(s: &str, enc: Encoding) -> Option<String> {
        decide(s, enc).map(|(_, t)| t)
    }

    #[test]
    fn tcvn3_and_vni_are_told_apart_and_converted() {
        for (enc, charset) in [(Encoding::Tcvn3, Charset::Tcvn3), (Encoding::Vni, Charset::VniWindows)] {
            let legacy = encode_charset(charset, TEXT).into_owned();
            assert_ne!(legacy, TEXT);
            assert_eq!(detect([legacy.as_str()].into_iter()), enc, "{legacy}");
            assert_eq!(decide(&legacy, Encoding::Unicode), Some((enc, TEXT.to_owned())));
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
        // Unicode with Latin-1 letters only reads as Vietnamese: never converted, whatever
        // the other cells of the file are in.
        for s in ["Ngày tháng", "Tên khách hàng", "Thái độ", "«Ngày» là", "Cà phê Tây Nguyên"] {
            assert_eq!(convert(s, Encoding::Tcvn3), None, "{s}");
            assert_eq!(convert(s, Encoding::Vni), None, "{s}");
        }
    }

    #[test]
    fn vietnamese_syllables() {
        for w in ["nguyễn", "Người", "khuyến", "quyền", "giải", "nghiêng", "Đức", "oải", "tháng"] {
            assert!(word_reads(w), "{w}");
        }
        for w in ["Leâ", "th¸ng", "NguyÔn", "Höõu", "ViÖt", "xãá"] {
            assert!(!word_reads(w), "{w}");
        }
    }

    #[test]
    fn windows_1252_symbols_map_back_to_bytes() {
        assert_eq!(to_byte_code_points("a€b"), "a\u{80}b");
    }
}
