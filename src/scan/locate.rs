//! Finding a printed form on a scanned page: its four corner marks, the projective mapping
//! from the layout's millimetres to the scan's pixels, and the QR code where the mapping
//! predicts it, in either orientation (a page fed upside down reads as well).

use super::grey::{parts, Grey};
use crate::domain::survey_round::{QrPayload, SurveyLayout};

/// A4, the paper every form is printed on (mm).
pub const PAGE: (f32, f32) = (210.0, 297.0);

/// A projective mapping of the plane: millimetres on the form to pixels on the scan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mapping {
    m: [f32; 9],
}

impl Mapping {
    /// The mapping that takes each of four points `from` to its `to`; `None` when three of
    /// them lie on a line.
    pub fn from_points(from: &[[f32; 2]; 4], to: &[[f32; 2]; 4]) -> Option<Mapping> {
        // Eight equations in the eight unknowns h0..h7 (h8 = 1), solved by Gaussian
        // elimination with partial pivoting, in f64 for the millimetre-to-pixel scale.
        let mut a = [[0f64; 9]; 8];
        for i in 0..4 {
            let (x, y) = (f64::from(from[i][0]), f64::from(from[i][1]));
            let (u, v) = (f64::from(to[i][0]), f64::from(to[i][1]));
            a[2 * i] = [x, y, 1.0, 0.0, 0.0, 0.0, -u * x, -u * y, u];
            a[2 * i + 1] = [0.0, 0.0, 0.0, x, y, 1.0, -v * x, -v * y, v];
        }
        for col in 0..8 {
            let pivot = (col..8).max_by(|&p, &q| a[p][col].abs().total_cmp(&a[q][col].abs()))?;
            if a[pivot][col].abs() < 1e-12 {
                return None;
            }
            a.swap(col, pivot);
            let top = a[col];
            for (row, r) in a.iter_mut().enumerate() {
                if row != col {
                    let f = r[col] / top[col];
                    for (x, t) in r[col..].iter_mut().zip(&top[col..]) {
                        *x -= f * t;
                    }
                }
            }
        }
        let mut m = [0f32; 9];
        for (i, (out, row)) in m.iter_mut().zip(&a).enumerate() {
            *out = (row[8] / row[i]) as f32;
        }
        m[8] = 1.0;
        Some(Mapping { m })
    }

    /// Where the point (mm) lies on the scan (px).
    pub fn map(&self, x: f32, y: f32) -> (f32, f32) {
        let m = &self.m;
        let w = m[6] * x + m[7] * y + m[8];
        ((m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w)
    }

    /// Pixels per millimetre near a point, the mean of the two directions.
    pub fn scale_at(&self, x: f32, y: f32) -> f32 {
        let (x0, y0) = self.map(x, y);
        let (x1, y1) = self.map(x + 1.0, y);
        let (x2, y2) = self.map(x, y + 1.0);
        ((x1 - x0).hypot(y1 - y0) + (x2 - x0).hypot(y2 - y0)) / 2.0
    }
}

/// A form found on a page: how to read it and what its QR code says.
#[derive(Debug, Clone)]
pub struct Found {
    pub mapping: Mapping,
    pub qr: Option<QrPayload>,
    /// The page lay upside down on the scanner.
    pub upside_down: bool,
}

/// Why a form was not found on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum NotFound {
    /// Fewer than four corner marks: not one of our forms, or a page cut or folded.
    Marks(usize),
}

/// The four corner marks' centres (px), in the layout's order (top-left, top-right,
/// bottom-left, bottom-right of the scan as it lies): the placements to try, the best first.
/// A copier's turn and shift can put part of a corner mark off the scan. Such a mark is placed
/// from the sides the scan keeps, half a whole mark in from each (`Square::centre`), and the
/// four marks must then still lie as a flat sheet's do (`PARALLELOGRAM`); after them, each cut
/// mark is tried placed from the other three instead (`fourth_mark`), when three are there.
pub fn find_marks(page: &Grey, layout: &SurveyLayout) -> Result<Vec<[[f32; 2]; 4]>, NotFound> {
    let (paper, ink) = page.paper_and_ink();
    let threshold = ((paper + ink) / 2.0) as u8;
    // The scan is taken to be the A4 sheet, give or take the copier's margins and scale.
    let ppm = ((page.width as f32 / PAGE.0) + (page.height as f32 / PAGE.1)) / 2.0;
    let side = layout.mark_size * ppm;
    let mut squares = [None; 4];
    for (i, [mx, my]) in layout.marks.iter().take(4).enumerate() {
        // Search far enough for a sheet turned 3° and shifted by a centimetre.
        let reach = 20.0 * ppm;
        let (cx, cy) = (mx * page.width as f32 / PAGE.0, my * page.height as f32 / PAGE.1);
        let x0 = (cx - reach).max(0.0) as usize;
        let y0 = (cy - reach).max(0.0) as usize;
        let x1 = ((cx + reach) as usize).min(page.width);
        let y1 = ((cy + reach) as usize).min(page.height);
        squares[i] = best_square(page, threshold, (x0, y0, x1, y1), side, (cx, cy));
    }
    // How wide and tall a whole mark lies on this scan (a square turned 3° spans 5 % more than
    // its side, and a copier's threshold thickens or thins it): the mean of the whole marks.
    let wholes: Vec<[f32; 2]> = squares.iter().flatten().filter(|s| !s.is_cut()).map(Square::extent).collect();
    let whole = match wholes.len() {
        0 => [side, side],
        n => [wholes.iter().map(|e| e[0]).sum::<f32>() / n as f32, wholes.iter().map(|e| e[1]).sum::<f32>() / n as f32],
    };
    let found = squares.map(|s| s.map(|s| s.centre(whole)));
    let cut = squares.map(|s| s.is_some_and(|s| s.is_cut()));
    let count = found.iter().flatten().count();
    let mm = || [layout.marks[0], layout.marks[1], layout.marks[2], layout.marks[3]];
    match found {
        [Some(a), Some(b), Some(c), Some(d)] => {
            let mut placements = Vec::new();
            // Marks found whole are taken as they lie, as they always were; a placement that
            // rests on cut ones must lie as a flat sheet's marks do.
            let off = ((a[0] + d[0]) - (b[0] + c[0])).hypot((a[1] + d[1]) - (b[1] + c[1])) / 2.0;
            if !cut.contains(&true) || off <= PARALLELOGRAM * ppm {
                placements.push([a, b, c, d]);
            }
            for i in (0..4).filter(|&i| cut[i]) {
                let mut three = found;
                three[i] = None;
                placements.extend(fourth_mark(&three, &mm()));
            }
            if placements.is_empty() {
                return Err(NotFound::Marks(count - cut.iter().filter(|&&c| c).count()));
            }
            Ok(placements)
        }
        _ if count == 3 && layout.marks.len() >= 4 => fourth_mark(&found, &mm()).map(|p| vec![p]).ok_or(NotFound::Marks(count)),
        _ => Err(NotFound::Marks(count)),
    }
}

/// How far (mm) four corner marks, some of them cut by the scan's edge, may lie from a
/// parallelogram: a scan is flat, and the copier turns, scales and shifts a sheet alike
/// everywhere, so the top-left and bottom-right marks' midpoint is the other two's. A cut
/// mark placed from its sides is some 0.3 mm out at worst (its turn, its blur), which moves
/// a midpoint by half that; a square of the QR code or of dirt taken for it is a centimetre
/// out, and its midpoint half a centimetre.
const PARALLELOGRAM: f32 = 0.75;

/// How far the two sides of three marks found may differ in scale: 1 %, a mark 2–3 mm out
/// of place along a side of 189 or 276 mm. A copier turns and scales a sheet the same both
/// ways; a wrong square must not stretch the mapping by a millimetre at the far boxes.
const SIDES_SCALE: f32 = 0.01;
/// How far from square the corner of three marks found may be (cosine: about 0.6°, a mark
/// 2–3 mm out of place across a side).
const SIDES_SQUARE: f32 = 0.01;

/// The fourth mark of three found (in the layout's order: top-left, top-right, bottom-left,
/// bottom-right), when they lie as the printed marks do: a copier's turn and shift can put a
/// corner of the sheet off the scan, and the fourth mark with it. A scan is flat, so three
/// marks place the form (an affine mapping, the fourth corner completing the parallelogram),
/// but only if they are the form's: the two sides through the corner opposite the missing
/// mark must keep the printed sides' ratio and right angle, and turn the same way, or the
/// page is not taken (`None`). A square found by mistake would have to fall where a mark
/// should be to pass; the QR code is then still to be read where this mapping puts it.
pub fn fourth_mark(found: &[Option<[f32; 2]>; 4], mm: &[[f32; 2]; 4]) -> Option<[[f32; 2]; 4]> {
    let missing = found.iter().position(Option::is_none)?;
    if found.iter().flatten().count() != 3 {
        return None;
    }
    // Top-left and bottom-right are opposite, as are top-right and bottom-left.
    let opposite = 3 - missing;
    let (a, b) = match missing {
        0 | 3 => (1, 2),
        _ => (0, 3),
    };
    let (o, pa, pb) = (found[opposite]?, found[a]?, found[b]?);
    let sub = |p: [f32; 2], q: [f32; 2]| [p[0] - q[0], p[1] - q[1]];
    let (va, vb) = (sub(pa, o), sub(pb, o));
    let (ma, mb) = (sub(mm[a], mm[opposite]), sub(mm[b], mm[opposite]));
    let len = |v: [f32; 2]| v[0].hypot(v[1]);
    let cross = |p: [f32; 2], q: [f32; 2]| p[0] * q[1] - p[1] * q[0];
    if len(ma) == 0.0 || len(mb) == 0.0 || len(va) == 0.0 || len(vb) == 0.0 {
        return None;
    }
    let (sa, sb) = (len(va) / len(ma), len(vb) / len(mb));
    let cos = (va[0] * vb[0] + va[1] * vb[1]) / (len(va) * len(vb));
    let printed_cos = (ma[0] * mb[0] + ma[1] * mb[1]) / (len(ma) * len(mb));
    let same_turn = cross(va, vb).signum() == cross(ma, mb).signum();
    if (sa / sb - 1.0).abs() > SIDES_SCALE || (cos - printed_cos).abs() > SIDES_SQUARE || !same_turn {
        return None;
    }
    let mut out = [o; 4];
    for (i, p) in found.iter().enumerate() {
        out[i] = p.unwrap_or([pa[0] + pb[0] - o[0], pa[1] + pb[1] - o[1]]);
    }
    Some(out)
}

/// Of a mark cut by the scan's edge, the least that must remain across the cut (a share of
/// its side, a millimetre): a thinner sliver is too easily a speck or a shadow.
const LEAST_PART: f32 = 0.2;

/// A solid dark square found near where a corner mark should be (px).
#[derive(Debug, Clone, Copy)]
struct Square {
    /// The mean of its dark pixels.
    centroid: [f32; 2],
    /// Its first and last column (x) and row (y).
    lo: [usize; 2],
    hi: [usize; 2],
    /// Which of the scan's edges cut it: left, top, right, bottom.
    cut: [bool; 4],
}

impl Square {
    fn is_cut(&self) -> bool {
        self.cut.contains(&true)
    }

    /// Its width and height (px).
    fn extent(&self) -> [f32; 2] {
        [(self.hi[0] - self.lo[0] + 1) as f32, (self.hi[1] - self.lo[1] + 1) as f32]
    }

    /// Its centre, given the `whole` width and height of a mark on this scan: the mean of its
    /// pixels along a side the scan keeps whole, and half a mark in from the side it keeps
    /// across a cut (a pixel's centre is its index, so a run's outer edge is half a pixel out).
    fn centre(&self, whole: [f32; 2]) -> [f32; 2] {
        let mut c = self.centroid;
        for axis in 0..2 {
            match (self.cut[axis], self.cut[axis + 2]) {
                (true, false) => c[axis] = self.hi[axis] as f32 + 0.5 - whole[axis] / 2.0,
                (false, true) => c[axis] = self.lo[axis] as f32 - 0.5 + whole[axis] / 2.0,
                _ => {}
            }
        }
        c
    }
}

/// The solid square of about `side` px nearest to `near` in a window of the page, by its
/// dark pixels' connected components; one the scan's edge cuts need only be whole along the
/// edge and [`LEAST_PART`] of a side across it.
fn best_square(page: &Grey, threshold: u8, (x0, y0, x1, y1): (usize, usize, usize, usize), side: f32, near: (f32, f32)) -> Option<Square> {
    let (w, h) = (x1.saturating_sub(x0), y1.saturating_sub(y0));
    if w == 0 || h == 0 {
        return None;
    }
    let mut best: Option<(Square, f32)> = None;
    parts(w, h, false, |x, y| page.get(x0 + x, y0 + y) < threshold, |p| {
        let square = Square {
            centroid: [x0 as f32 + (p.sum[0] / p.cells as f64) as f32, y0 as f32 + (p.sum[1] / p.cells as f64) as f32],
            lo: [x0 + p.lo[0], y0 + p.lo[1]],
            hi: [x0 + p.hi[0], y0 + p.hi[1]],
            cut: [x0 + p.lo[0] == 0, y0 + p.lo[1] == 0, x0 + p.hi[0] + 1 >= page.width, y0 + p.hi[1] + 1 >= page.height],
        };
        let extent = square.extent();
        // A square turned a few degrees has a bounding box up to 10 % wider; blur and a
        // 97–102 % scale move its side by a few pixels.
        let fits = |axis: usize| {
            let share = extent[axis] / side;
            match square.cut[axis] || square.cut[axis + 2] {
                false => (share - 1.0).abs() < 0.35,
                true => (LEAST_PART..1.35).contains(&share),
            }
        };
        let solid = p.cells as f32 / (extent[0] * extent[1]) > 0.75;
        if fits(0) && fits(1) && solid {
            let d = (square.centroid[0] - near.0).hypot(square.centroid[1] - near.1);
            if best.is_none_or(|(_, bd)| d < bd) {
                best = Some((square, d));
            }
        }
    });
    best.map(|(s, _)| s)
}

/// The form on a page: its marks, then the mapping and the QR code tried both ways up.
pub fn locate(page: &Grey, layout: &SurveyLayout) -> Result<Found, NotFound> {
    let placements = find_marks(page, layout)?;
    let mm: [[f32; 2]; 4] = [layout.marks[0], layout.marks[1], layout.marks[2], layout.marks[3]];
    let mut first = None;
    for px in placements {
        for upside_down in [false, true] {
            // Upside down, the form's top-left mark is the one at the scan's bottom right.
            let to = if upside_down { [px[3], px[2], px[1], px[0]] } else { px };
            let Some(mapping) = Mapping::from_points(&mm, &to) else { continue };
            let qr = read_qr(page, &mapping, layout.qr);
            if qr.is_some() {
                return Ok(Found { mapping, qr, upside_down });
            }
            first.get_or_insert(Found { mapping, qr: None, upside_down });
        }
    }
    Ok(first.expect("the upright mapping exists when four marks were found"))
}

/// Pixels a module in the upright copy of the QR code handed to the decoder.
const QR_PX: f32 = 6.0;

/// The QR code read where the mapping puts it: the square (and a quiet zone of four modules,
/// painted white whatever the page has there) resampled upright, then decoded by rqrr's
/// finder; if that fails, the modules are sampled straight from the mapping for each size a
/// form's code can have, and decoded as a grid.
pub fn read_qr(page: &Grey, mapping: &Mapping, [qx, qy, side]: [f32; 3]) -> Option<QrPayload> {
    let (paper, ink) = page.paper_and_ink();
    let mid = (paper + ink) / 2.0;
    // The layout's side holds a whole number of modules; the module is about 0.5–0.75 mm.
    let modules_guess = [29usize, 25, 33, 21, 37];
    let module = modules_guess.iter().map(|&n| side / n as f32).find(|m| *m >= 0.5).unwrap_or(side / 29.0);
    let quiet = 4.0 * module;
    let span = side + 2.0 * quiet;
    let n = (span / module * QR_PX).round() as usize;
    let step = span / n as f32;
    let mut img = Grey::new(n, n, 255);
    for j in 0..n {
        for i in 0..n {
            let (mx, my) = (qx - quiet + (i as f32 + 0.5) * step, qy - quiet + (j as f32 + 0.5) * step);
            let inside = mx >= qx - module * 0.3 && mx <= qx + side + module * 0.3 && my >= qy - module * 0.3 && my <= qy + side + module * 0.3;
            if inside {
                let (x, y) = mapping.map(mx, my);
                img.px[j * n + i] = page.sample(x, y) as u8;
            }
        }
    }
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(n, n, |x, y| img.px[y * n + x]);
    for grid in prepared.detect_grids() {
        if let Some(p) = grid.decode().ok().and_then(|(_, text)| QrPayload::decode(&text)) {
            return Some(p);
        }
    }
    for &count in &[29usize, 25, 33, 21] {
        let m = side / count as f32;
        let grid = rqrr::SimpleGrid::from_func(count, |x, y| {
            let (px, py) = mapping.map(qx + (x as f32 + 0.5) * m, qy + (y as f32 + 0.5) * m);
            page.sample(px, py) < mid
        });
        if let Some(p) = rqrr::Grid::new(grid).decode().ok().and_then(|(_, text)| QrPayload::decode(&text)) {
            return Some(p);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The printed marks' centres (mm), as the form's layout has them.
    const MM: [[f32; 2]; 4] = [[10.5, 10.5], [199.5, 10.5], [10.5, 286.5], [199.5, 286.5]];

    /// Where a copier puts a point (mm) of the sheet: 8 px a millimetre at `scale`, turned by
    /// `deg` about the page's centre, shifted by `shift` mm.
    fn scanned(p: [f32; 2], deg: f32, scale: f32, shift: (f32, f32)) -> [f32; 2] {
        let (sin, cos) = deg.to_radians().sin_cos();
        let (u, v) = ((p[0] - 105.0) * scale, (p[1] - 148.5) * scale);
        [(cos * u - sin * v + 105.0 + shift.0) * 8.0, (sin * u + cos * v + 148.5 + shift.1) * 8.0]
    }

    /// A square the scan's edge cuts is found as cut, and placed half a whole square in from
    /// the side the scan keeps: at its true centre, off the scan if need be. A sliver thinner
    /// than a fifth of its side is not taken.
    #[test]
    fn a_mark_cut_by_the_scans_edge_is_placed_from_the_side_the_scan_keeps() {
        let square = |left: isize| -> Grey {
            let mut g = Grey::new(200, 200, 255);
            for y in 80..120 {
                for x in left..left + 40 {
                    if x >= 0 {
                        g.px[y * 200 + x as usize] = 0;
                    }
                }
            }
            g
        };
        let find = |left: isize| best_square(&square(left), 128, (0, 0, 200, 200), 40.0, (left as f32 + 20.0, 100.0));
        let whole = find(10).expect("a whole square");
        assert!(!whole.is_cut() && whole.extent() == [40.0, 40.0], "{whole:?}");
        let c = whole.centre([40.0, 40.0]);
        assert!((c[0] - 29.5).abs() < 0.01 && (c[1] - 99.5).abs() < 0.01, "{c:?}");
        for (left, kept) in [(-5isize, "seven eighths"), (-30, "a quarter")] {
            let part = find(left).unwrap_or_else(|| panic!("{kept} of a square"));
            assert_eq!(part.cut, [true, false, false, false], "{kept}");
            // Its pixels' mean is off; half a square in from its right side is the centre.
            let truth = left as f32 + 19.5;
            assert!((part.centroid[0] - truth).abs() > 2.0, "{kept}: {part:?}");
            let c = part.centre([40.0, 40.0]);
            assert!((c[0] - truth).abs() < 0.01 && (c[1] - 99.5).abs() < 0.01, "{kept}: {c:?}");
        }
        assert!(find(-34).is_none(), "six pixels of forty: a sliver");
    }

    /// The form's four marks, turned and shifted as a copier does: filled squares of the
    /// layout's side on an A4 scan at 8 px a millimetre.
    fn marks_scanned(deg: f32, shift: (f32, f32)) -> Grey {
        let mut g = Grey::new(1680, 2376, 255);
        let (sin, cos) = deg.to_radians().sin_cos();
        for y in 0..g.height {
            for x in 0..g.width {
                // The sheet's point (mm) under the pixel: the copier's turn and shift undone.
                let (u, v) = (x as f32 / 8.0 - 105.0 - shift.0, y as f32 / 8.0 - 148.5 - shift.1);
                let (mx, my) = (cos * u + sin * v + 105.0, -sin * u + cos * v + 148.5);
                if MM.iter().any(|m| (mx - m[0]).abs() < 2.5 && (my - m[1]).abs() < 2.5) {
                    g.px[y * g.width + x] = 0;
                }
            }
        }
        g
    }

    fn layout() -> SurveyLayout {
        SurveyLayout { pages: 1, marks: MM.to_vec(), mark_size: 5.0, qr: [8.5, 252.0, 21.0], boxes: Vec::new() }
    }

    /// A sheet turned 2.5° and shifted up and right loses the top of its top-left mark and
    /// the right of its top-right one: both are placed within a fifth of a millimetre, and the
    /// form with them. A square that is not a mark, cut by the same edge a centimetre lower,
    /// is not taken for the top-right mark: the four would not lie as a flat sheet's do.
    #[test]
    fn two_marks_cut_by_the_scans_edge_still_place_the_form() {
        let (deg, shift) = (2.5, (4.0, -7.0));
        let truth: Vec<[f32; 2]> = MM.iter().map(|p| scanned(*p, deg, 1.0, shift)).collect();
        let page = marks_scanned(deg, shift);
        let placements = find_marks(&page, &layout()).expect("two whole marks and two cut");
        for i in 0..4 {
            let d = (placements[0][i][0] - truth[i][0]).hypot(placements[0][i][1] - truth[i][1]);
            assert!(d < 1.6, "mark {i} is {d} px off");
        }
        // The real top-right mark wiped, a square cut by the right edge 10 mm below it.
        let mut page = page;
        let [tx, ty] = truth[1];
        for y in 0..page.height {
            for x in 0..page.width {
                let (dx, dy) = (x as f32 - tx, y as f32 - ty);
                if dx.abs() < 30.0 && dy.abs() < 30.0 {
                    page.px[y * page.width + x] = 255;
                }
                if dx.abs() < 20.0 && (dy - 80.0).abs() < 20.0 {
                    page.px[y * page.width + x] = 0;
                }
            }
        }
        for p in find_marks(&page, &layout()).expect("the top-right mark placed from the other three") {
            let d = (p[1][0] - tx).hypot(p[1][1] - ty);
            assert!(d < 8.0, "the top-right mark placed {d} px off");
        }
    }

    /// A corner mark turned and shifted off the scan is completed from the other three; three
    /// squares that do not lie as the printed marks do place nothing.
    #[test]
    fn three_marks_that_lie_as_printed_place_the_fourth() {
        let truth: Vec<[f32; 2]> = MM.iter().map(|p| scanned(*p, 3.0, 0.98, (-4.0, 3.5))).collect();
        for missing in 0..4 {
            let mut found: [Option<[f32; 2]>; 4] = [0, 1, 2, 3].map(|i| Some(truth[i]));
            found[missing] = None;
            let got = fourth_mark(&found, &MM).expect("three marks as printed");
            for i in 0..4 {
                let d = (got[i][0] - truth[i][0]).hypot(got[i][1] - truth[i][1]);
                assert!(d < 0.5, "mark {i} with {missing} missing is {d} px off");
            }
        }
        let three = |f: &dyn Fn(usize, [f32; 2]) -> [f32; 2]| -> [Option<[f32; 2]>; 4] {
            [Some(f(0, truth[0])), Some(f(1, truth[1])), Some(f(2, truth[2])), None]
        };
        // One of the three 4 mm out of place (a square printed elsewhere, a fold): refused.
        assert!(fourth_mark(&three(&|i, p| if i == 1 { [p[0] - 32.0, p[1]] } else { p }), &MM).is_none());
        assert!(fourth_mark(&three(&|i, p| if i == 2 { [p[0] + 32.0, p[1]] } else { p }), &MM).is_none());
        // A mirror image (the sheet seen through from behind): refused.
        assert!(fourth_mark(&three(&|_, p| [2000.0 - p[0], p[1]]), &MM).is_none());
        // Two marks only: nothing to place.
        assert!(fourth_mark(&[Some(truth[0]), None, Some(truth[2]), None], &MM).is_none());
        assert!(fourth_mark(&[0, 1, 2, 3].map(|i| Some(truth[i])), &MM).is_none(), "four found: nothing missing");
    }
}
