//! The one typeface of every printed page: Liberation Serif 2.1.5, metric-compatible with
//! Times New Roman (the face Decree 30/2020/NĐ-CP documents are set in) and complete for
//! Vietnamese (ơ, ư and U+1EA0–U+1EF9, which the older 1.07 release lacks). The four faces
//! are compiled into the program, so a PC without the font prints the same page; see
//! `fonts/LICENSE` (SIL OFL 1.1).
//!
//! Text is measured here with the fonts' own advance widths; the PDF embeds, per document,
//! only the glyphs that document uses (a subset), under a tagged name as ISO 32000 asks.

use crate::error::{Error, Result};
use printpdf::{FontType, ParsedFont};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

/// A face of Liberation Serif.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Face {
    pub const ALL: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic];

    fn index(self) -> usize {
        self as usize
    }

    /// The PostScript name, as embedded (after the subset tag).
    pub fn postscript_name(self) -> &'static str {
        match self {
            Face::Regular => "LiberationSerif",
            Face::Bold => "LiberationSerif-Bold",
            Face::Italic => "LiberationSerif-Italic",
            Face::BoldItalic => "LiberationSerif-BoldItalic",
        }
    }

    fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => include_bytes!("fonts/LiberationSerif-Regular.ttf"),
            Face::Bold => include_bytes!("fonts/LiberationSerif-Bold.ttf"),
            Face::Italic => include_bytes!("fonts/LiberationSerif-Italic.ttf"),
            Face::BoldItalic => include_bytes!("fonts/LiberationSerif-BoldItalic.ttf"),
        }
    }

    fn data(self) -> &'static FaceData {
        &faces()[self.index()]
    }

    /// Width of `text` set at `size` points, in points. Characters the face lacks count as
    /// the replacement they will be drawn as (see [`Face::printable`]).
    pub fn width(self, text: &str, size: f32) -> f32 {
        let d = self.data();
        let units: u32 = text.chars().map(|c| u32::from(d.advance(c))).sum();
        units as f32 * size / f32::from(d.units_per_em)
    }

    /// Whether the face has a glyph for `c`.
    pub fn has_char(self, c: char) -> bool {
        self.data().glyphs.contains_key(&c)
    }

    /// `c` itself when the face can draw it, else the replacement drawn instead. The PDF/A
    /// rules forbid showing the `.notdef` glyph, and a clerk must see that something was
    /// there, so a missing character becomes a question mark rather than nothing.
    pub fn printable(self, c: char) -> char {
        if self.has_char(c) {
            c
        } else if c.is_whitespace() {
            ' '
        } else {
            REPLACEMENT
        }
    }

    /// Distance from the baseline to the top of capitals with marks, in points: the font's
    /// ascender, which covers the stacked Vietnamese marks (Ấ, Ỗ).
    pub fn ascent(self, size: f32) -> f32 {
        let d = self.data();
        f32::from(d.parsed.font_metrics.ascent) * size / f32::from(d.units_per_em)
    }

    /// Distance below the baseline (positive), in points.
    pub fn descent(self, size: f32) -> f32 {
        let d = self.data();
        -f32::from(d.parsed.font_metrics.descent) * size / f32::from(d.units_per_em)
    }
}

/// Drawn in place of a character that no face has.
pub const REPLACEMENT: char = '?';

struct FaceData {
    /// The whole face as parsed by printpdf: metrics for the PDF font descriptor.
    parsed: ParsedFont,
    /// char → glyph id.
    glyphs: HashMap<char, u16>,
    /// glyph id → advance width in font units.
    advances: Vec<u16>,
    units_per_em: u16,
}

impl FaceData {
    fn advance(&self, c: char) -> u16 {
        let gid = self.glyphs.get(&c).or_else(|| self.glyphs.get(&REPLACEMENT)).copied().unwrap_or(0);
        self.advances.get(usize::from(gid)).copied().unwrap_or(0)
    }
}

fn faces() -> &'static [FaceData; 4] {
    static FACES: OnceLock<[FaceData; 4]> = OnceLock::new();
    FACES.get_or_init(|| Face::ALL.map(load))
}

fn load(face: Face) -> FaceData {
    let mut warnings = Vec::new();
    // The fonts are part of the program: failing to parse them is a build defect, caught by
    // every test that prints.
    let parsed = ParsedFont::from_bytes(face.bytes(), 0, &mut warnings)
        .unwrap_or_else(|| panic!("the bundled font {} does not parse", face.postscript_name()));
    let glyphs: HashMap<char, u16> = parsed
        .codepoint_to_glyph
        .iter()
        .filter_map(|(&cp, &gid)| char::from_u32(cp).map(|c| (c, gid)))
        .collect();
    let count = parsed.glyph_widths.keys().next_back().map_or(0, |&g| usize::from(g) + 1);
    let mut advances = vec![0u16; count];
    for (&gid, &w) in &parsed.glyph_widths {
        advances[usize::from(gid)] = w;
    }
    let units_per_em = parsed.units_per_em;
    FaceData { parsed, glyphs, advances, units_per_em }
}

/// The characters a document draws in each face, collected while drawing, so that only
/// their glyphs are embedded.
#[derive(Debug, Default, Clone)]
pub struct GlyphUse {
    chars: BTreeMap<Face, BTreeSet<char>>,
}

impl GlyphUse {
    pub fn add(&mut self, face: Face, text: &str) {
        self.chars.entry(face).or_default().extend(text.chars());
    }

    pub fn faces(&self) -> impl Iterator<Item = Face> + '_ {
        self.chars.keys().copied()
    }

    /// A font program holding just the glyphs of `face` this document uses, ready for
    /// printpdf: its char → glyph map and widths are those of the subset, and its name
    /// carries the six-letter subset tag.
    pub fn subset(&self, face: Face) -> Result<ParsedFont> {
        let data = face.data();
        let chars = self.chars.get(&face).cloned().unwrap_or_default();
        let mut used: Vec<(char, u16)> =
            chars.iter().filter_map(|&c| data.glyphs.get(&c).map(|&g| (c, g))).collect();
        used.sort_by_key(|&(_, g)| g);
        let gids: Vec<u16> = used.iter().map(|&(_, g)| g).collect();
        let remapper = subsetter::GlyphRemapper::new_from_glyphs_sorted(&gids);
        let program = subsetter::subset(face.bytes(), 0, &remapper)
            .map_err(|e| Error::Pdf(format!("không rút gọn được phông chữ {}: {e}", face.postscript_name())))?;

        let mut codepoint_to_glyph = BTreeMap::new();
        let mut glyph_widths = BTreeMap::new();
        for &(c, old) in &used {
            let new = remapper.get(old).expect("every used glyph was remapped");
            codepoint_to_glyph.insert(c as u32, new);
            glyph_widths.insert(new, data.advances[usize::from(old)]);
        }
        let mut font = data.parsed.clone();
        font.original_bytes = program;
        font.font_index = 0;
        font.font_name = Some(format!("{}+{}", subset_tag(face, &gids), face.postscript_name()));
        font.codepoint_to_glyph = codepoint_to_glyph;
        font.glyph_widths = glyph_widths;
        font.font_type = FontType::TrueType;
        Ok(font)
    }
}

/// Six capital letters naming this subset (ISO 32000-1 §9.6.4). Derived from the glyph set,
/// so the same text always gets the same tag, and different subsets differ.
fn subset_tag(face: Face, gids: &[u16]) -> String {
    // FNV-1a: tiny, stable across Rust versions (std's hasher is not).
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in face.postscript_name().bytes().chain(gids.iter().flat_map(|g| g.to_be_bytes())) {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (0..6)
        .map(|i| {
            let letter = ((h >> (i * 8)) % 26) as u8;
            char::from(b'A' + letter)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vietnamese_letter_is_in_every_face() {
        let letters = "aăâbcdđeêghiklmnoôơpqrstuưvxy\
                       àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";
        for face in Face::ALL {
            for c in letters.chars().chain(letters.to_uppercase().chars()) {
                assert!(face.has_char(c), "{face:?} lacks {c}");
            }
        }
    }

    #[test]
    fn widths_follow_the_font_advances() {
        // Times-compatible metrics: "m" is wider than "i", bold wider than regular.
        assert!(Face::Regular.width("m", 12.0) > Face::Regular.width("i", 12.0));
        assert!(Face::Bold.width("CỘNG HÒA", 12.0) > Face::Regular.width("CỘNG HÒA", 12.0));
        // Linear in size.
        let w12 = Face::Regular.width("Nguyễn Văn An", 12.0);
        let w24 = Face::Regular.width("Nguyễn Văn An", 24.0);
        assert!((w24 - 2.0 * w12).abs() < 0.01);
        // Times New Roman's space is 0.25 em.
        assert!((Face::Regular.width(" ", 10.0) - 2.5).abs() < 0.01);
    }

    #[test]
    fn a_subset_keeps_only_the_used_glyphs_under_a_tagged_name() {
        let mut used = GlyphUse::default();
        used.add(Face::Bold, "Độc lập");
        let font = used.subset(Face::Bold).unwrap();
        assert!(font.original_bytes.len() < Face::Bold.bytes().len() / 10);
        let name = font.font_name.unwrap();
        assert!(name.ends_with("+LiberationSerif-Bold"), "{name}");
        assert_eq!(name.find('+'), Some(6));
        assert!(name[..6].chars().all(|c| c.is_ascii_uppercase()));
        // One glyph per distinct character, .notdef aside, each with its advance.
        assert_eq!(font.codepoint_to_glyph.len(), "Độc lap".chars().count());
        let gid = font.codepoint_to_glyph[&('Đ' as u32)];
        assert!(font.glyph_widths[&gid] > 0);
    }

    #[test]
    fn missing_characters_print_as_a_visible_replacement() {
        assert_eq!(Face::Regular.printable('ệ'), 'ệ');
        assert_eq!(Face::Regular.printable('\u{4E2D}'), REPLACEMENT);
        assert_eq!(Face::Regular.printable('\u{00A0}'), '\u{00A0}');
    }
}
