//! The crop of one question's row that the review screen shows beside its words: the row of
//! the scanned page, enlarged by the window, each box outlined in the colour of what the
//! reader took it to be, so that a person sees at a glance which box was read as ticked,
//! which was doubtful, empty, or filled in to cancel a tick. The review screen's legend
//! names the same colours (`ui/src/lib/scan/ReviewForms.svelte`).

use super::grey::Grey;
use super::locate::Mapping;
use super::read::Mark;

/// The outline's colour of each reading (RGB), told apart by people who do not see red and
/// green apart too (the Okabe–Ito palette): ticked bluish green, doubtful orange, empty sky
/// blue, filled reddish purple.
pub fn colour(mark: Mark) -> [u8; 3] {
    match mark {
        Mark::Ticked => [0x00, 0x9E, 0x73],
        Mark::Doubtful => [0xE6, 0x9F, 0x00],
        Mark::Empty => [0x56, 0xB4, 0xE9],
        Mark::Filled => [0xCC, 0x79, 0xA7],
    }
}

/// How far outside the printed outline the coloured one is drawn (mm), so that it frames the
/// box without hiding the printed line or a mark that overshoots it a little.
const OUTSIDE: f32 = 0.7;

/// A box as the crop outlines it: where its printed outline was found (top-left corner and
/// side, in the form's millimetres) and what it was read as.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outlined {
    pub at: (f32, f32),
    pub size: f32,
    pub mark: Mark,
}

/// The rectangle `(x0, y0)`–`(x1, y1)` of the page (pixels, clipped to it) in colour, each box
/// outlined, as PNG.
pub fn outlined_crop(page: &Grey, map: &Mapping, (x0, y0, x1, y1): (usize, usize, usize, usize), boxes: &[Outlined]) -> Vec<u8> {
    let part = page.crop(x0, y0, x1.saturating_sub(x0), y1.saturating_sub(y0));
    let (w, h) = (part.width, part.height);
    let mut rgb: Vec<u8> = part.px.iter().flat_map(|v| [*v, *v, *v]).collect();
    for b in boxes {
        let c = colour(b.mark);
        let (left, top) = (b.at.0 - OUTSIDE, b.at.1 - OUTSIDE);
        let side = b.size + 2.0 * OUTSIDE;
        let corners = [(left, top), (left + side, top), (left + side, top + side), (left, top + side)].map(|(x, y)| {
            let (u, v) = map.map(x, y);
            (u - x0 as f32, v - y0 as f32)
        });
        // A line about a quarter of a millimetre wide, at least two pixels.
        let width = (0.3 * map.scale_at(b.at.0, b.at.1)).max(2.0);
        for i in 0..4 {
            line(&mut rgb, w, h, corners[i], corners[(i + 1) % 4], width, c);
        }
    }
    png_rgb(&rgb, w, h)
}

/// A straight line of `width` pixels from `a` to `b`, drawn as squares along it.
fn line(rgb: &mut [u8], w: usize, h: usize, a: (f32, f32), b: (f32, f32), width: f32, c: [u8; 3]) {
    let steps = ((b.0 - a.0).abs().max((b.1 - a.1).abs()) * 2.0).ceil().max(1.0) as usize;
    let half = width / 2.0;
    for s in 0..=steps {
        let t = s as f32 / steps as f32;
        let (x, y) = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
        let (xa, xb) = ((x - half).round().max(0.0) as usize, ((x + half).round().max(0.0) as usize).min(w));
        let (ya, yb) = ((y - half).round().max(0.0) as usize, ((y + half).round().max(0.0) as usize).min(h));
        for py in ya..yb {
            for px in xa..xb {
                rgb[(py * w + px) * 3..(py * w + px) * 3 + 3].copy_from_slice(&c);
            }
        }
    }
}

fn png_rgb(rgb: &[u8], w: usize, h: usize) -> Vec<u8> {
    use image::ImageEncoder;
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new_with_quality(&mut out, image::codecs::png::CompressionType::Fast, image::codecs::png::FilterType::Adaptive)
        .write_image(rgb, w as u32, h as u32, image::ExtendedColorType::Rgb8)
        .expect("an image in memory always encodes");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 10 pixels a millimetre, the page's corner at the pixels' origin.
    fn ten_a_mm() -> Mapping {
        let mm = [[0.0, 0.0], [100.0, 0.0], [100.0, 50.0], [0.0, 50.0]];
        let px = [[0.0, 0.0], [1000.0, 0.0], [1000.0, 500.0], [0.0, 500.0]];
        Mapping::from_points(&mm, &px).unwrap()
    }

    #[test]
    fn each_box_is_outlined_in_the_colour_of_its_reading_and_the_rest_is_the_page() {
        let mut page = Grey::new(1000, 500, 250);
        // The printed outlines: black squares of 4 mm at x = 10, 20, 30, 40 mm, y = 20 mm.
        for k in 0..4 {
            let x = 100 + 100 * k;
            for t in 0..40 {
                for (px, py) in [(x + t, 200), (x + t, 240), (x, 200 + t), (x + 40, 200 + t)] {
                    page.set(px, py, 0);
                }
            }
        }
        let marks = [Mark::Ticked, Mark::Doubtful, Mark::Empty, Mark::Filled];
        let boxes: Vec<Outlined> = marks.iter().enumerate().map(|(k, m)| Outlined { at: (10.0 + 10.0 * k as f32, 20.0), size: 4.0, mark: *m }).collect();
        // The row from 5 mm to 55 mm across, 15 mm to 30 mm down.
        let png = outlined_crop(&page, &ten_a_mm(), (50, 150, 550, 300), &boxes);
        let img = image::load_from_memory(&png).unwrap();
        assert!(matches!(img, image::DynamicImage::ImageRgb8(_)), "a colour picture");
        let img = img.to_rgb8();
        assert_eq!(img.dimensions(), (500, 150));
        let at = |x_mm: f32, y_mm: f32| img.get_pixel((x_mm * 10.0) as u32 - 50, (y_mm * 10.0) as u32 - 150).0;
        for (k, m) in marks.iter().enumerate() {
            let left = 10.0 + 10.0 * k as f32 - OUTSIDE;
            // The coloured outline's four sides, outside the printed one.
            assert_eq!(at(left, 22.0), colour(*m), "left side of box {k}");
            assert_eq!(at(left + 4.0 + 2.0 * OUTSIDE, 22.0), colour(*m), "right side of box {k}");
            assert_eq!(at(left + 2.0, 20.0 - OUTSIDE), colour(*m), "top of box {k}");
            assert_eq!(at(left + 2.0, 24.0 + OUTSIDE), colour(*m), "bottom of box {k}");
            // The printed outline and the inside are left as scanned, in grey.
            assert_eq!(at(10.0 + 10.0 * k as f32, 22.0), [0, 0, 0], "printed outline of box {k}");
            assert_eq!(at(12.0 + 10.0 * k as f32, 22.0), [250, 250, 250], "inside of box {k}");
        }
        // Four readings, four colours.
        let mut all: Vec<[u8; 3]> = marks.iter().map(|m| colour(*m)).collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), 4);
        assert_eq!(at(7.0, 17.0), [250, 250, 250], "away from the boxes, the page");
    }
}
