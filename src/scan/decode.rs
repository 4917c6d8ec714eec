//! A scanned file's pages as grey: JPEG, PNG, TIFF (every page, Group 4 included) and the PDFs
//! copiers make, which hold one image a page (JPEG, CCITT fax or deflated pixels): that image
//! is decoded at its own resolution. A PDF page drawn with vectors or text (not a scan), a
//! JPEG 2000 or JBIG2 image, and PNG predictors in a PDF are not read: such a page is named
//! as unreadable, with the reason.

use super::grey::Grey;
use crate::error::{Error, Result};
use std::io::{Cursor, Read};

/// One page of a file, or why it could not be had.
pub type DecodedPage = std::result::Result<Grey, String>;

/// The pages of a file, decoded one at a time as they are asked for: a copier's PDF of
/// hundreds of pages at 300 dpi is gigabytes of grey, so a page is decoded only when the
/// reader comes to it and is dropped by the reader before the next is decoded. Only the
/// file's own bytes (compressed) and its structure are held meanwhile.
pub struct Pages<'a> {
    count: usize,
    next: usize,
    source: Source<'a>,
}

/// A TIFF decoder over the file's bytes in memory.
type TiffDecoder<'a> = tiff::decoder::Decoder<Cursor<&'a [u8]>>;

enum Source<'a> {
    Picture(&'a [u8]),
    Tiff(TiffDecoder<'a>),
    Pdf(lopdf::Document, Vec<lopdf::ObjectId>),
}

impl Iterator for Pages<'_> {
    type Item = DecodedPage;

    fn next(&mut self) -> Option<DecodedPage> {
        if self.next >= self.count {
            return None;
        }
        let n = self.next;
        self.next += 1;
        Some(match &mut self.source {
            Source::Picture(bytes) => picture(bytes),
            Source::Tiff(dec) => {
                // The chain of pages was walked whole when the file was opened, so a step
                // failing here is this page's fault, not the file's.
                if n > 0 {
                    if let Err(e) = dec.next_image() {
                        return Some(Err(format!("trang hỏng ({e})")));
                    }
                }
                tiff_page(dec)
            }
            Source::Pdf(doc, ids) => pdf_page(doc, ids[n]),
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.count - self.next;
        (left, Some(left))
    }
}

/// `len()`: the pages not yet decoded; before the first, how many the file holds.
impl ExactSizeIterator for Pages<'_> {}

/// The pages of a file, to be decoded one by one. An error when the file as a whole cannot be
/// read (not an image, a PDF with a password, a damaged file): the caller names the file and
/// skips it. Its structure is checked here, before any page is decoded, so that a file the
/// reader starts on is not found bad half way through.
pub fn pages<'a>(name: &str, bytes: &'a [u8]) -> Result<Pages<'a>> {
    let bad = |why: &str| Error::validation("files", format!("Tệp «{name}» {why}; tệp này được bỏ qua."));
    let (count, source) = if bytes.starts_with(b"%PDF") {
        let (doc, ids) = open_pdf(bytes).map_err(|why| bad(&why))?;
        (ids.len(), Source::Pdf(doc, ids))
    } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        let (count, dec) = open_tiff(bytes).map_err(|why| bad(&why))?;
        (count, Source::Tiff(dec))
    } else if bytes.starts_with(&[0xFF, 0xD8]) || bytes.starts_with(b"\x89PNG") {
        (1, Source::Picture(bytes))
    } else {
        return Err(bad("không phải ảnh quét (JPEG, PNG, TIFF) hay tệp PDF"));
    };
    Ok(Pages { count, next: 0, source })
}

/// A JPEG or PNG picture.
fn picture(bytes: &[u8]) -> std::result::Result<Grey, String> {
    let img = image::load_from_memory(bytes).map_err(|_| "là ảnh hỏng hoặc không đọc được".to_owned())?;
    Ok(match img {
        image::DynamicImage::ImageLuma8(g) => Grey { width: g.width() as usize, height: g.height() as usize, px: g.into_raw() },
        other => {
            let rgb = other.to_rgb8();
            Grey::from_rgb(rgb.width() as usize, rgb.height() as usize, rgb.as_raw())
        }
    })
}

/// A TIFF's decoder at its first page, and how many pages its chain of directories holds
/// (walked through a decoder of its own: only the directories are read, not the pictures).
fn open_tiff(bytes: &[u8]) -> std::result::Result<(usize, TiffDecoder<'_>), String> {
    use tiff::decoder::Decoder;
    let damaged = |_| "là tệp TIFF hỏng hoặc không đọc được".to_owned();
    let mut walk = Decoder::new(Cursor::new(bytes)).map_err(damaged)?;
    let mut count = 1;
    while walk.more_images() {
        walk.next_image().map_err(damaged)?;
        count += 1;
    }
    Ok((count, Decoder::new(Cursor::new(bytes)).map_err(damaged)?))
}

/// The page the TIFF decoder stands at.
fn tiff_page(dec: &mut TiffDecoder<'_>) -> DecodedPage {
    use tiff::decoder::DecodingResult;
    use tiff::tags::Tag;
    use tiff::ColorType;
    let (w, h) = dec.dimensions().map_err(|e| e.to_string())?;
    let (w, h) = (w as usize, h as usize);
    let colour = dec.colortype().map_err(|e| e.to_string())?;
    let white_is_zero = dec.get_tag_u32(Tag::PhotometricInterpretation).map(|p| p == 0).unwrap_or(false);
    let DecodingResult::U8(buf) = dec.read_image().map_err(|e| e.to_string())? else {
        return Err("ảnh 16 bit trở lên".into());
    };
    let mut g = match colour {
        ColorType::Gray(1) => {
            let row = w.div_ceil(8);
            let mut g = Grey::new(w, h, 255);
            for y in 0..h {
                for x in 0..w {
                    let bit = buf.get(y * row + x / 8).is_some_and(|b| b & (0x80 >> (x % 8)) != 0);
                    g.px[y * w + x] = if bit { 255 } else { 0 };
                }
            }
            g
        }
        ColorType::Gray(8) => Grey { width: w, height: h, px: buf },
        ColorType::RGB(8) => Grey::from_rgb(w, h, &buf),
        ColorType::RGBA(8) => {
            let rgb: Vec<u8> = buf.chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect();
            Grey::from_rgb(w, h, &rgb)
        }
        other => return Err(format!("kiểu màu {other:?} chưa đọc được")),
    };
    if white_is_zero {
        g.px.iter_mut().for_each(|v| *v = 255 - *v);
    }
    Ok(g)
}

/// A PDF's objects (its pictures still compressed) and its pages in order.
fn open_pdf(bytes: &[u8]) -> std::result::Result<(lopdf::Document, Vec<lopdf::ObjectId>), String> {
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| match e {
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => "là tệp PDF có mật khẩu".to_owned(),
        _ => "là tệp PDF hỏng hoặc không đọc được".to_owned(),
    })?;
    if doc.is_encrypted() {
        return Err("là tệp PDF có mật khẩu".into());
    }
    let ids: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    if ids.is_empty() {
        return Err("không có trang nào".into());
    }
    Ok((doc, ids))
}

/// One page of a PDF: its scan, turned as the page says.
fn pdf_page(doc: &lopdf::Document, id: lopdf::ObjectId) -> DecodedPage {
    #[cfg(test)]
    tests::DECODED.with(|n| n.set(n.get() + 1));
    let images = doc.get_page_images(id).map_err(|_| "trang hỏng".to_owned())?;
    // A copier's page is one picture; a page with a logo stamped on it holds the scan as its
    // largest picture.
    let img = images.iter().max_by_key(|i| i.width * i.height).ok_or("trang không có ảnh quét (trang vẽ chữ, không phải bản quét)")?;
    let mut g = pdf_image(doc, img)?;
    let rotate = doc.get_dictionary(id).ok().and_then(|d| d.get(b"Rotate").ok()).and_then(|r| r.as_i64().ok()).unwrap_or(0);
    for _ in 0..(rotate.rem_euclid(360) / 90) {
        g = g.rotated_90();
    }
    Ok(g)
}

fn pdf_image(doc: &lopdf::Document, img: &lopdf::xobject::PdfImage) -> std::result::Result<Grey, String> {
    let filters = img.filters.clone().unwrap_or_default();
    let (w, h) = (img.width as usize, img.height as usize);
    let parms = img.origin_dict.get(b"DecodeParms").ok().and_then(|p| match p {
        lopdf::Object::Dictionary(d) => Some(d.clone()),
        lopdf::Object::Array(a) => a.last().and_then(|o| o.as_dict().ok()).cloned(),
        lopdf::Object::Reference(r) => doc.get_dictionary(*r).ok().cloned(),
        _ => None,
    });
    let parm = |key: &[u8]| parms.as_ref().and_then(|d| d.get(key).ok()).and_then(|o| o.as_i64().ok());
    let inverted = img
        .origin_dict
        .get(b"Decode")
        .ok()
        .and_then(|d| d.as_array().ok())
        .and_then(|a| a.first())
        .and_then(|v| v.as_float().ok().or_else(|| v.as_i64().ok().map(|i| i as f32)))
        .is_some_and(|first| first > 0.5);
    let mut data = img.content.to_vec();
    for (i, f) in filters.iter().enumerate() {
        let last = i + 1 == filters.len();
        match f.as_str() {
            "FlateDecode" => {
                if parm(b"Predictor").unwrap_or(1) > 1 {
                    return Err("ảnh nén có bộ dự đoán (predictor) chưa đọc được".into());
                }
                let mut out = Vec::new();
                flate2::read::ZlibDecoder::new(&data[..]).read_to_end(&mut out).map_err(|_| "ảnh hỏng".to_owned())?;
                data = out;
            }
            "DCTDecode" if last => {
                let mut g = picture(&data)?;
                if inverted {
                    g.px.iter_mut().for_each(|v| *v = 255 - *v);
                }
                return Ok(g);
            }
            "CCITTFaxDecode" if last => {
                if parm(b"K").unwrap_or(0) >= 0 {
                    return Err("ảnh fax nhóm 3 chưa đọc được (chỉ đọc nhóm 4)".into());
                }
                let columns = parm(b"Columns").unwrap_or(1728) as usize;
                let black_is_1 = parms.as_ref().and_then(|d| d.get(b"BlackIs1").ok()).and_then(|o| o.as_bool().ok()).unwrap_or(false);
                let mut g = Grey::new(columns, h, 255);
                let mut row = 0;
                fax::decoder::decode_g4(data.iter().copied(), columns as u16, Some(h as u16), |transitions| {
                    if row < h {
                        for (x, c) in fax::decoder::pels(transitions, columns as u16).enumerate() {
                            if c == fax::Color::Black {
                                g.px[row * columns + x] = 0;
                            }
                        }
                    }
                    row += 1;
                })
                .ok_or("ảnh fax hỏng")?;
                // The runs' colours are the paper's unless the PDF turns the bits and not
                // the decoding back (BlackIs1 without a /Decode [1 0], or the reverse).
                if black_is_1 != inverted {
                    g.px.iter_mut().for_each(|v| *v = 255 - *v);
                }
                return Ok(g);
            }
            other => return Err(format!("ảnh nén kiểu {other} chưa đọc được")),
        }
    }
    // Raw pixels.
    let bpc = img.bits_per_component.unwrap_or(8);
    let space = img.color_space.clone().unwrap_or_default();
    let mut g = match (bpc, space.as_str()) {
        (8, "DeviceGray") | (8, "CalGray") if data.len() >= w * h => Grey { width: w, height: h, px: data[..w * h].to_vec() },
        (8, "DeviceRGB") | (8, "CalRGB") if data.len() >= w * h * 3 => Grey::from_rgb(w, h, &data[..w * h * 3]),
        (1, _) => {
            let row = w.div_ceil(8);
            if data.len() < row * h {
                return Err("ảnh hỏng".into());
            }
            let mut g = Grey::new(w, h, 255);
            for y in 0..h {
                for x in 0..w {
                    if data[y * row + x / 8] & (0x80 >> (x % 8)) == 0 {
                        g.px[y * w + x] = 0;
                    }
                }
            }
            g
        }
        _ => return Err(format!("ảnh {bpc} bit, hệ màu {space} chưa đọc được")),
    };
    if inverted {
        g.px.iter_mut().for_each(|v| *v = 255 - *v);
    }
    Ok(g)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::synth;

    thread_local! {
        /// PDF pages decoded so far on this thread: the proof that pages wait to be asked for.
        pub(super) static DECODED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    /// A small grey page whose width tells which it is.
    fn page(width: usize) -> Grey {
        let mut g = Grey::new(width, 20, 255);
        g.set(1, 1, 0);
        g
    }

    fn jpeg(width: usize) -> synth::PdfPage {
        synth::PdfPage::Jpeg(synth::jpeg(&page(width), 90), width, 20)
    }

    #[test]
    fn a_pdf_s_pages_come_in_order_one_at_a_time_and_a_bad_page_does_not_stop_the_next() {
        let bad = synth::PdfPage::Jpeg(b"\xFF\xD8 not a picture".to_vec(), 40, 20);
        let pdf = synth::pdf(&[jpeg(30), bad, jpeg(50), jpeg(60)]);
        DECODED.with(|n| n.set(0));
        let mut pages = pages("chong.pdf", &pdf).unwrap();
        assert_eq!(pages.len(), 4);
        assert_eq!(DECODED.with(|n| n.get()), 0, "opening the file decodes no page");
        assert_eq!(pages.next().unwrap().unwrap().width, 30);
        assert_eq!(DECODED.with(|n| n.get()), 1, "only the page asked for is decoded");
        let second = pages.next().unwrap();
        assert!(second.as_ref().is_err_and(|why| why.contains("ảnh hỏng")), "{second:?}");
        let rest: Vec<usize> = pages.map(|p| p.unwrap().width).collect();
        assert_eq!(rest, [50, 60]);
        assert_eq!(DECODED.with(|n| n.get()), 4);
    }

    #[test]
    fn a_tiff_s_pages_come_in_order() {
        let tiff = synth::tiff(&[page(30), page(40), page(50)]);
        let pages = pages("chong.tif", &tiff).unwrap();
        assert_eq!(pages.len(), 3);
        let widths: Vec<usize> = pages.map(|p| p.unwrap().width).collect();
        assert_eq!(widths, [30, 40, 50]);
    }

    #[test]
    fn a_bad_file_is_refused_before_any_page_is_read() {
        let mut tiff = synth::tiff(&[page(30), page(40)]);
        // The second page's directory pointed past the end of the file.
        let at = u32::from_le_bytes(tiff[4..8].try_into().unwrap()) as usize;
        let entries = u16::from_le_bytes(tiff[at..at + 2].try_into().unwrap()) as usize;
        let next = at + 2 + entries * 12;
        tiff[next..next + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        let e = pages("hong.tif", &tiff).err().expect("a broken chain of pages is refused");
        assert!(e.to_string().contains("«hong.tif»"), "{e}");
        assert!(pages("ghi-chu.txt", b"hello").is_err());
        let png = page(30).png();
        let mut one = pages("mot.png", &png).unwrap();
        assert_eq!(one.len(), 1);
        assert_eq!(one.next().unwrap().unwrap().width, 30);
        assert!(one.next().is_none());
    }
}
