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
