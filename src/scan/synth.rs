//! The synthetic stack for testing and measuring the reader: forms printed by the app and
//! rasterised (pdftoppm), filled by a simulated respondent with known answers (ticks, crosses,
//! boxes filled to cancel, light pencil, marks overshooting the box, stray strokes; pen widths
//! and ballpoint greys), damaged as copiers do (a few degrees of rotation, shifts, 97–102 %
//! scale, blur, noise, photocopy grey, JPEG, 1-bit, upside down), and packed as the files a
//! copier writes (JPEG, PNG, multi-page TIFF, PDF of JPEG or Group 4 pages). Seeded: the same
//! seed makes the same stack. Used by the tests and the accuracy benchmark, not by the app.
#![doc(hidden)]

use super::grey::Grey;
use crate::domain::survey_entry::{Answer, AnswerState, EntrySlot};
use crate::domain::survey_round::SurveyLayout;
use std::path::Path;

/// A small seeded generator (SplitMix64): the stack must not change with a crate's version.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f32 {
        (self.next_u64() >> 40) as f32 / (1u64 << 24) as f32
    }
    pub fn range(&mut self, lo: f32, hi: f32) -> f32 {
        lo + (hi - lo) * self.unit()
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, p: f32) -> bool {
        self.unit() < p
    }
    /// About normal, mean 0, deviation 1 (the sum of four uniforms).
    pub fn normal(&mut self) -> f32 {
        ((0..4).map(|_| self.unit()).sum::<f32>() - 2.0) * 1.732
    }
}

/// The forms of a PDF drawn as grey pages at `dpi` (pdftoppm, as a scanner would see them).
pub fn rasterise(pdf: &[u8], dpi: u32, dir: &Path) -> std::io::Result<Vec<Grey>> {
    let input = dir.join("forms.pdf");
    std::fs::write(&input, pdf)?;
    let prefix = dir.join("raster");
    let out = std::process::Command::new("pdftoppm").args(["-r", &dpi.to_string(), "-gray", "-png"]).arg(&input).arg(&prefix).output()?;
    if !out.status.success() {
        return Err(std::io::Error::other(String::from_utf8_lossy(&out.stderr).into_owned()));
    }
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("raster-")))
        .collect();
    files.sort();
    let mut pages = Vec::new();
    for f in files {
        let bytes = std::fs::read(&f)?;
        std::fs::remove_file(&f)?;
        let img = image::load_from_memory(&bytes).map_err(std::io::Error::other)?.to_luma8();
        pages.push(Grey { width: img.width() as usize, height: img.height() as usize, px: img.into_raw() });
    }
    Ok(pages)
}

/// How a mark is made in a box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stroke {
    Tick,
    Cross,
    /// A tick drawn past the box's edge.
    Overshoot,
}

/// Who fills the forms in: which strokes they make and with what.
#[derive(Debug, Clone)]
pub struct Respondent {
    pub strokes: Vec<Stroke>,
    /// Pen widths (mm), drawn from this range.
    pub pen: (f32, f32),
    /// Ink greys (0 black), drawn from this range; light pencil is about 130–170.
    pub ink: (f32, f32),
    /// One pen for the whole form (as people fill a form in), each mark's grey straying from
    /// it by up to `pressure` either way and its width by a tenth; else a pen drawn anew for
    /// every question, a harsher case than people make.
    pub one_pen: bool,
    pub pressure: f32,
    /// Share of questions left blank, changed (a box filled to cancel, another ticked), or
    /// ticked twice.
    pub blank: f32,
    pub cancel: f32,
    pub twice: f32,
    /// Stray strokes on a page (not in a box).
    pub stray: usize,
}

impl Respondent {
    /// Ballpoint ticks and crosses.
    pub fn ballpoint() -> Respondent {
        Respondent { strokes: vec![Stroke::Tick, Stroke::Cross], pen: (0.3, 0.6), ink: (0.0, 60.0), one_pen: true, pressure: 10.0, blank: 0.05, cancel: 0.04, twice: 0.01, stray: 1 }
    }
    /// Light pencil (pressed unevenly), marks past the box, more stray strokes.
    pub fn careless() -> Respondent {
        Respondent { strokes: vec![Stroke::Overshoot, Stroke::Tick, Stroke::Cross], pen: (0.25, 0.7), ink: (0.0, 150.0), one_pen: true, pressure: 25.0, blank: 0.05, cancel: 0.05, twice: 0.02, stray: 3 }
    }
}

/// Draws a round-ended stroke of width `w` px and grey `ink` from `a` to `b` (px).
fn line(page: &mut Grey, a: (f32, f32), b: (f32, f32), w: f32, ink: f32) {
    let r = (w / 2.0).max(0.5);
    let (x0, x1) = (a.0.min(b.0) - r - 1.0, a.0.max(b.0) + r + 1.0);
    let (y0, y1) = (a.1.min(b.1) - r - 1.0, a.1.max(b.1) + r + 1.0);
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = (dx * dx + dy * dy).max(1e-6);
    for y in (y0.max(0.0) as usize)..(y1.min(page.height as f32 - 1.0).max(0.0) as usize) {
        for x in (x0.max(0.0) as usize)..(x1.min(page.width as f32 - 1.0).max(0.0) as usize) {
            let (px, py) = (x as f32 + 0.5, y as f32 + 0.5);
            let t = (((px - a.0) * dx + (py - a.1) * dy) / len2).clamp(0.0, 1.0);
            let d = (px - a.0 - t * dx).hypot(py - a.1 - t * dy);
            // Antialiased edge: half a pixel of ramp.
            let cover = (r + 0.5 - d).clamp(0.0, 1.0);
            if cover > 0.0 {
                let old = f32::from(page.get(x, y));
                let new = old - cover * (old - ink).max(0.0);
                page.set(x, y, new.round() as u8);
            }
        }
    }
}

/// A box's corner and side in px (dpi of a page rasterised from the PDF).
fn box_px(b: &crate::domain::survey_round::AnswerBox, dpi: f32) -> (f32, f32, f32) {
    let k = dpi / 25.4;
    (b.x * k, b.y * k, b.size * k)
}

fn mark(page: &mut Grey, bx: (f32, f32, f32), stroke: Stroke, w: f32, ink: f32, rng: &mut Rng) {
    let (x, y, s) = bx;
    let j = |rng: &mut Rng| rng.range(-0.06, 0.06) * s;
    let p = |u: f32, v: f32, rng: &mut Rng| (x + u * s + j(rng), y + v * s + j(rng));
    match stroke {
        Stroke::Tick => {
            let (a, b, c) = (p(0.2, 0.5, rng), p(0.42, 0.82, rng), p(0.85, 0.15, rng));
            line(page, a, b, w, ink);
            line(page, b, c, w, ink);
        }
        Stroke::Overshoot => {
            let (a, b, c) = (p(0.15, 0.45, rng), p(0.45, 0.85, rng), p(1.35, -0.45, rng));
            line(page, a, b, w, ink);
            line(page, b, c, w, ink);
        }
        Stroke::Cross => {
            line(page, p(0.15, 0.15, rng), p(0.85, 0.85, rng), w, ink);
            line(page, p(0.85, 0.15, rng), p(0.15, 0.85, rng), w, ink);
        }
    }
}

/// Fills a box in (to cancel it): back-and-forth strokes close together over its inside.
fn fill_box(page: &mut Grey, bx: (f32, f32, f32), w: f32, ink: f32) {
    let (x, y, s) = bx;
    let step = (w * 0.6).max(1.0);
    let mut v = y + s * 0.08;
    while v < y + s * 0.92 {
        line(page, (x + s * 0.06, v), (x + s * 0.94, v + step * 0.5), w.max(1.5), ink);
        v += step;
    }
}

/// Fills in one form (its pages, rasterised at `dpi`) as `who` would, and returns the answers
/// a careful clerk would key: the ground truth.
pub fn fill_form(pages: &mut [Grey], dpi: u32, layout: &SurveyLayout, slots: &[EntrySlot], who: &Respondent, rng: &mut Rng) -> Vec<Answer> {
    let dpi = dpi as f32;
    let k = dpi / 25.4;
    let form_pen = (rng.range(who.pen.0, who.pen.1), rng.range(who.ink.0, who.ink.1));
    // A mark's pen width (px) and grey.
    let pen_of = |rng: &mut Rng| -> (f32, f32) {
        if who.one_pen {
            (form_pen.0 * rng.range(0.9, 1.1) * k, (form_pen.1 + rng.range(-who.pressure, who.pressure)).clamp(0.0, 255.0))
        } else {
            (rng.range(who.pen.0, who.pen.1) * k, rng.range(who.ink.0, who.ink.1))
        }
    };
    let mut truth: Vec<Answer> = Vec::new();
    for slot in slots.iter().filter(|s| !s.is_text()) {
        let boxes: Vec<_> = layout.boxes.iter().filter(|b| b.code == slot.code).collect();
        if boxes.is_empty() {
            continue;
        }
        let asked = crate::domain::survey_entry::applies(slot, &truth);
        let (pen, ink) = pen_of(rng);
        let stroke = who.strokes[rng.below(who.strokes.len())];
        let page_of = |b: &crate::domain::survey_round::AnswerBox| (b.page - 1) as usize;
        if !asked {
            // A follow-up not asked stays empty; the clerk keys it blank.
            truth.push(Answer::blank(&slot.code));
            continue;
        }
        // A multiple choice's option has one box: ticked or not.
        if boxes.len() == 1 {
            let b = boxes[0];
            if rng.chance(0.35) {
                mark(&mut pages[page_of(b)], box_px(b, dpi), stroke, pen, ink, rng);
                truth.push(Answer::chosen(&slot.code, 1));
            } else {
                truth.push(Answer::blank(&slot.code));
            }
            continue;
        }
        let roll = rng.unit();
        let pick = boxes[rng.below(boxes.len())];
        if roll < who.blank {
            truth.push(Answer::blank(&slot.code));
        } else if roll < who.blank + who.twice {
            let other = boxes.iter().find(|b| b.value != pick.value).expect("two boxes at least");
            mark(&mut pages[page_of(pick)], box_px(pick, dpi), stroke, pen, ink, rng);
            mark(&mut pages[page_of(other)], box_px(other, dpi), stroke, pen, ink, rng);
            truth.push(Answer::spoiled(&slot.code));
        } else if roll < who.blank + who.twice + who.cancel {
            let first = boxes.iter().find(|b| b.value != pick.value).expect("two boxes at least");
            let bx = box_px(first, dpi);
            mark(&mut pages[page_of(first)], bx, stroke, pen, ink, rng);
            fill_box(&mut pages[page_of(first)], bx, pen, ink.min(60.0));
            mark(&mut pages[page_of(pick)], box_px(pick, dpi), stroke, pen, ink, rng);
            truth.push(Answer::chosen(&slot.code, pick.value));
        } else {
            mark(&mut pages[page_of(pick)], box_px(pick, dpi), stroke, pen, ink, rng);
            truth.push(Answer::chosen(&slot.code, pick.value));
        }
    }
    // Stray strokes: in the left half of the text, clear of the boxes (a word underlined,
    // a note in the margin).
    for (n, page) in pages.iter_mut().enumerate() {
        let boxes: Vec<_> = layout.boxes.iter().filter(|b| b.page as usize == n + 1).collect();
        for _ in 0..who.stray {
            for _try in 0..20 {
                let (x, y, len, rise) = (rng.range(32.0, 90.0), rng.range(60.0, 240.0), rng.range(10.0, 30.0), rng.range(-3.0, 3.0));
                let clear = boxes.iter().all(|b| b.x > x + len + 1.5 || b.x + b.size < x - 1.5 || b.y > y + rise.abs() + 1.5 || b.y + b.size < y - rise.abs() - 1.5);
                if clear {
                    let (pen, ink) = pen_of(rng);
                    line(page, (x * k, y * k), ((x + len) * k, (y + rise) * k), pen, ink);
                    break;
                }
            }
        }
    }
    truth.retain(|a| a.state != AnswerState::Text);
    truth
}

/// What a copier does to a page.
#[derive(Debug, Clone, Default)]
pub struct Damage {
    /// Degrees, either way.
    pub rotate: f32,
    /// Millimetres.
    pub shift: (f32, f32),
    /// 1.0 = 100 %.
    pub scale: f32,
    /// Passes of a 3×3 blur.
    pub blur: u32,
    /// Noise deviation in grey levels.
    pub noise: f32,
    /// Paper greyed and ink lightened, as a photocopy of a photocopy.
    pub photocopy: bool,
    /// Black and white only (a fax or a copier's "text" mode).
    pub bilevel: bool,
    pub upside_down: bool,
}

impl Damage {
    /// A copier's damage drawn at random within the ranges of the benchmark.
    pub fn random(rng: &mut Rng) -> Damage {
        Damage {
            rotate: rng.range(-3.0, 3.0),
            shift: (rng.range(-4.0, 4.0), rng.range(-4.0, 4.0)),
            scale: rng.range(0.97, 1.02),
            blur: rng.below(2) as u32,
            noise: rng.range(0.0, 12.0),
            photocopy: rng.chance(0.2),
            bilevel: false,
            upside_down: rng.chance(0.1),
        }
    }
}

/// The page as the copier gives it back.
pub fn damage(page: &Grey, dpi: u32, d: &Damage, rng: &mut Rng) -> Grey {
    let (w, h) = (page.width, page.height);
    let k = dpi as f32 / 25.4;
    let (cx, cy) = (w as f32 / 2.0, h as f32 / 2.0);
    let (sin, cos) = d.rotate.to_radians().sin_cos();
    let scale = if d.scale > 0.0 { d.scale } else { 1.0 };
    let mut out = Grey::new(w, h, 255);
    for y in 0..h {
        for x in 0..w {
            // Where the output pixel comes from on the paper: undo the shift, the scale and
            // the turn about the page's centre.
            let (u, v) = ((x as f32 - cx - d.shift.0 * k) / scale, (y as f32 - cy - d.shift.1 * k) / scale);
            let (sx, sy) = (cos * u + sin * v + cx, -sin * u + cos * v + cy);
            out.px[y * w + x] = page.sample(sx, sy) as u8;
        }
    }
    for _ in 0..d.blur {
        let src = out.clone();
        for y in 1..h - 1 {
            for x in 1..w - 1 {
                let mut s = 0u32;
                for dy in 0..3 {
                    for dx in 0..3 {
                        s += u32::from(src.get(x + dx - 1, y + dy - 1));
                    }
                }
                out.px[y * w + x] = (s / 9) as u8;
            }
        }
    }
    for v in out.px.iter_mut() {
        let mut f = f32::from(*v);
        if d.photocopy {
            f = 45.0 + f * (190.0 / 255.0);
        }
        if d.noise > 0.0 {
            f += rng.normal() * d.noise;
        }
        *v = f.clamp(0.0, 255.0) as u8;
    }
    if d.bilevel {
        out.px.iter_mut().for_each(|v| *v = if *v < 150 { 0 } else { 255 });
    }
    if d.upside_down {
        out = out.rotated_180();
    }
    out
}

/// A JPEG of the page at `quality` (1–100).
pub fn jpeg(page: &Grey, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
        .encode(&page.px, page.width as u32, page.height as u32, image::ExtendedColorType::L8)
        .expect("a grey image in memory always encodes");
    out
}

/// The page in CCITT Group 4 (black below mid-grey).
pub fn group4(page: &Grey) -> Vec<u8> {
    let mut enc = fax::encoder::Encoder::new(fax::VecWriter::new());
    for row in page.px.chunks_exact(page.width) {
        enc.encode_line(row.iter().map(|v| if *v < 128 { fax::Color::Black } else { fax::Color::White }), page.width as u16)
            .expect("writing to memory does not fail");
    }
    enc.finish().expect("writing to memory does not fail").finish()
}

/// A page's picture in a copier's PDF.
pub enum PdfPage {
    Jpeg(Vec<u8>, usize, usize),
    Group4(Vec<u8>, usize, usize),
}

/// A PDF as a copier makes it: one picture an A4 page.
pub fn pdf(pages: &[PdfPage]) -> Vec<u8> {
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut kids: Vec<Object> = Vec::new();
    for p in pages {
        let (dict, bytes) = match p {
            PdfPage::Jpeg(bytes, w, h) => (
                dictionary! {"Type" => "XObject", "Subtype" => "Image", "Width" => *w as i64, "Height" => *h as i64,
                "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8, "Filter" => "DCTDecode"},
                bytes.clone(),
            ),
            PdfPage::Group4(bytes, w, h) => (
                dictionary! {"Type" => "XObject", "Subtype" => "Image", "Width" => *w as i64, "Height" => *h as i64,
                "ColorSpace" => "DeviceGray", "BitsPerComponent" => 1, "Filter" => "CCITTFaxDecode",
                "DecodeParms" => dictionary! {"K" => -1, "Columns" => *w as i64, "Rows" => *h as i64, "BlackIs1" => false}},
                bytes.clone(),
            ),
        };
        let image = doc.add_object(Stream::new(dict, bytes).with_compression(false));
        let content = doc.add_object(Stream::new(dictionary! {}, b"q 595.28 0 0 841.89 0 0 cm /Scan Do Q".to_vec()));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), Object::Real(595.28), Object::Real(841.89)],
            "Contents" => content,
            "Resources" => dictionary! {"XObject" => dictionary! {"Scan" => image}},
        });
        kids.push(page.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(pages_id, Object::Dictionary(dictionary! {"Type" => "Pages", "Kids" => kids, "Count" => count}));
    let catalog = doc.add_object(dictionary! {"Type" => "Catalog", "Pages" => pages_id});
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("writing to memory does not fail");
    out
}

/// A multi-page grey TIFF (deflate), as a copier's "scan to TIFF" writes.
pub fn tiff(pages: &[Grey]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut enc = tiff::encoder::TiffEncoder::new(&mut out).expect("writing to memory does not fail");
    for p in pages {
        enc.write_image::<tiff::encoder::colortype::Gray8>(p.width as u32, p.height as u32, &p.px).expect("writing to memory does not fail");
    }
    out.into_inner()
}
