//! A scanned page as one channel of grey: 0 is black, 255 white.

/// A page's pixels, row by row.
#[derive(Debug, Clone, PartialEq)]
pub struct Grey {
    pub width: usize,
    pub height: usize,
    pub px: Vec<u8>,
}

impl Grey {
    pub fn new(width: usize, height: usize, fill: u8) -> Grey {
        Grey { width, height, px: vec![fill; width * height] }
    }

    /// Grey from the darkest of red, green and blue: a blue or red ballpoint's stroke is dark
    /// in one channel at least, where an average would make it pale.
    pub fn from_rgb(width: usize, height: usize, rgb: &[u8]) -> Grey {
        let px = rgb.chunks_exact(3).map(|p| p[0].min(p[1]).min(p[2])).collect();
        Grey { width, height, px }
    }

    pub fn get(&self, x: usize, y: usize) -> u8 {
        self.px[y * self.width + x]
    }

    pub fn set(&mut self, x: usize, y: usize, v: u8) {
        let w = self.width;
        self.px[y * w + x] = v;
    }

    /// The grey at a point between pixels (bilinear); white outside the page.
    pub fn sample(&self, x: f32, y: f32) -> f32 {
        if !(x >= 0.0 && y >= 0.0) || x > (self.width - 1) as f32 || y > (self.height - 1) as f32 {
            return 255.0;
        }
        let (x0, y0) = (x.floor() as usize, y.floor() as usize);
        let (x1, y1) = ((x0 + 1).min(self.width - 1), (y0 + 1).min(self.height - 1));
        let (fx, fy) = (x - x0 as f32, y - y0 as f32);
        let top = f32::from(self.get(x0, y0)) * (1.0 - fx) + f32::from(self.get(x1, y0)) * fx;
        let bottom = f32::from(self.get(x0, y1)) * (1.0 - fx) + f32::from(self.get(x1, y1)) * fx;
        top * (1.0 - fy) + bottom * fy
    }

    /// The page turned half a turn.
    pub fn rotated_180(&self) -> Grey {
        let mut px = self.px.clone();
        px.reverse();
        Grey { width: self.width, height: self.height, px }
    }

    /// The page turned a quarter turn clockwise.
    pub fn rotated_90(&self) -> Grey {
        let (w, h) = (self.width, self.height);
        let mut out = Grey::new(h, w, 255);
        for y in 0..h {
            for x in 0..w {
                out.px[x * h + (h - 1 - y)] = self.px[y * w + x];
            }
        }
        out
    }

    /// The grey of blank paper and of ink on this page: the 90th and the 1st percentile.
    pub fn paper_and_ink(&self) -> (f32, f32) {
        let mut hist = [0usize; 256];
        // Every fourth pixel of every fourth row is plenty for a histogram.
        for y in (0..self.height).step_by(4) {
            for x in (0..self.width).step_by(4) {
                hist[self.get(x, y) as usize] += 1;
            }
        }
        let total: usize = hist.iter().sum();
        let at = |share: f32| {
            let goal = (total as f32 * share) as usize;
            let mut seen = 0;
            for (v, n) in hist.iter().enumerate() {
                seen += n;
                if seen > goal {
                    return v as f32;
                }
            }
            255.0
        };
        let (paper, ink) = (at(0.9), at(0.01));
        // A page with hardly any ink still has a sensible contrast to measure against.
        (paper, ink.min(paper - 80.0).max(0.0))
    }

    /// PNG bytes of the page (or of a crop), as kept and shown for review.
    pub fn png(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let encoder = image::codecs::png::PngEncoder::new_with_quality(
            &mut out,
            image::codecs::png::CompressionType::Fast,
            image::codecs::png::FilterType::Adaptive,
        );
        use image::ImageEncoder;
        encoder
            .write_image(&self.px, self.width as u32, self.height as u32, image::ExtendedColorType::L8)
            .expect("a grey image in memory always encodes");
        out
    }

    /// A rectangle of the page (clipped to it).
    pub fn crop(&self, x: usize, y: usize, w: usize, h: usize) -> Grey {
        let (x, y) = (x.min(self.width), y.min(self.height));
        let (w, h) = (w.min(self.width - x), h.min(self.height - y));
        let mut out = Grey::new(w, h, 255);
        for row in 0..h {
            out.px[row * w..(row + 1) * w].copy_from_slice(&self.px[(y + row) * self.width + x..(y + row) * self.width + x + w]);
        }
        out
    }
}

/// One connected part of a grid's set cells: how many, the sums of their columns and rows,
/// and their first and last column and row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Part {
    pub cells: usize,
    pub sum: [f64; 2],
    pub lo: [usize; 2],
    pub hi: [usize; 2],
}

/// Each connected part of the cells `(x, y)` of a `w`×`h` grid for which `set` holds, handed
/// to `each` in the order their first cell comes row by row; cells touching at a corner are
/// connected when `diagonal`. The one flood fill of the reader: a corner mark is a part of a
/// page's dark pixels, and a tick cut into specks is many parts of its box's.
pub fn parts(w: usize, h: usize, diagonal: bool, set: impl Fn(usize, usize) -> bool, mut each: impl FnMut(Part)) {
    const SIDES: [(isize, isize); 4] = [(-1, 0), (1, 0), (0, -1), (0, 1)];
    const AROUND: [(isize, isize); 8] = [(-1, -1), (0, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (0, 1), (1, 1)];
    let steps: &[(isize, isize)] = if diagonal { &AROUND } else { &SIDES };
    let mut seen = vec![false; w * h];
    let mut stack = Vec::new();
    for sy in 0..h {
        for sx in 0..w {
            if seen[sy * w + sx] || !set(sx, sy) {
                continue;
            }
            seen[sy * w + sx] = true;
            stack.push((sx, sy));
            let mut part = Part { cells: 0, sum: [0.0; 2], lo: [sx, sy], hi: [sx, sy] };
            while let Some((x, y)) = stack.pop() {
                part.cells += 1;
                part.sum[0] += x as f64;
                part.sum[1] += y as f64;
                part.lo = [part.lo[0].min(x), part.lo[1].min(y)];
                part.hi = [part.hi[0].max(x), part.hi[1].max(y)];
                for &(dx, dy) in steps {
                    // Off the grid to the left or top wraps past its width or height.
                    let (u, v) = (x.wrapping_add_signed(dx), y.wrapping_add_signed(dy));
                    if u >= w || v >= h {
                        continue;
                    }
                    if !seen[v * w + u] && set(u, v) {
                        seen[v * w + u] = true;
                        stack.push((u, v));
                    }
                }
            }
            each(part);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cells touching at a corner are one part only when diagonals connect; each part comes
    /// with its count, sums and bounds, in the order its first cell comes row by row.
    #[test]
    fn parts_are_found_four_or_eight_connected() {
        // Row by row: a diagonal pair at the top left, a lone cell at the right.
        let set = [(0, 0), (1, 1), (4, 1)];
        let found = |diagonal: bool| {
            let mut out = Vec::new();
            parts(5, 3, diagonal, |x, y| set.contains(&(x, y)), |p| out.push(p));
            out
        };
        let eight = found(true);
        assert_eq!(eight.iter().map(|p| p.cells).collect::<Vec<_>>(), [2, 1]);
        assert_eq!((eight[0].sum, eight[0].lo, eight[0].hi), ([1.0, 1.0], [0, 0], [1, 1]));
        assert_eq!(found(false).iter().map(|p| p.cells).collect::<Vec<_>>(), [1, 1, 1]);
    }
}
