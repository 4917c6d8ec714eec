//! Makes printpdf's output a real PDF/A-2b file, the archival form of ISO 19005-2.
//!
//! printpdf's own PDF/A option labels a file PDF/A but writes no XMP metadata and a CMYK
//! (FOGRA39) output intent, so validators reject it. We leave its conformance unset and add,
//! on its lopdf document: the XMP packet that identifies the file as PDF/A-2b and repeats the
//! document properties, an sRGB output intent (every colour drawn is grey or RGB), a
//! document information dictionary that matches the XMP exactly, the language, and PDF 1.7
//! as the header version (PDF/A-2 is based on ISO 32000-1).

use super::text::normalize;
use crate::error::{Error, Result};
use chrono::{DateTime, FixedOffset, Local};
use lopdf::{dictionary, Dictionary, Object, Stream, StringFormat};

/// The sRGB profile of Debian's icc-profiles-free (zlib licence, see `icc/LICENSE`).
const SRGB_ICC: &[u8] = include_bytes!("icc/sRGB.icc");

/// The program named as creator in every file.
pub const CREATOR_TOOL: &str = "Ý Kiến";

fn producer() -> String {
    format!("Ý Kiến {} (printpdf)", env!("CARGO_PKG_VERSION"))
}

/// What the PDF says about itself (document properties, and the XMP packet of PDF/A).
#[derive(Debug, Clone, PartialEq)]
pub struct Metadata {
    /// The form's or report's name, e.g. "Sổ ghi nhận ý kiến của khách hàng".
    pub title: String,
    /// The office that issues it.
    pub author: String,
    /// Optional one-line description.
    pub subject: String,
    pub created: DateTime<FixedOffset>,
}

impl Metadata {
    /// Created now, in this computer's time zone.
    pub fn now(title: impl Into<String>, author: impl Into<String>) -> Metadata {
        Metadata {
            title: normalize(&title.into()),
            author: normalize(&author.into()),
            subject: String::new(),
            created: Local::now().fixed_offset(),
        }
    }
}

/// Adds what PDF/A-2b requires and serialises the document.
pub fn finish(mut doc: lopdf::Document, meta: &Metadata) -> Result<Vec<u8>> {
    doc.version = "1.7".into();

    let icc = Stream::new(dictionary! { "N" => 3 }, SRGB_ICC.to_vec());
    let icc_id = doc.add_object(icc);
    let intent = dictionary! {
        "Type" => "OutputIntent",
        "S" => "GTS_PDFA1",
        "OutputConditionIdentifier" => Object::string_literal("sRGB IEC61966-2.1"),
        "RegistryName" => Object::string_literal("http://www.color.org"),
        "Info" => Object::string_literal("sRGB IEC61966-2.1"),
        "DestOutputProfile" => icc_id,
    };

    // PDF/A readers must be able to read the metadata without decoding: never compressed.
    let xmp = Stream::new(dictionary! { "Type" => "Metadata", "Subtype" => "XML" }, xmp_packet(meta).into_bytes())
        .with_compression(false);
    let xmp_id = doc.add_object(xmp);

    let catalog = doc.catalog_mut().map_err(pdf_error)?;
    catalog.set("Metadata", xmp_id);
    catalog.set("OutputIntents", vec![Object::Dictionary(intent)]);
    catalog.set("Lang", Object::string_literal("vi-VN"));

    let info_id = doc.add_object(info_dictionary(meta));
    doc.trailer.set("Info", info_id);

    // printpdf's own information dictionary is now unreferenced.
    doc.prune_objects();
    compress_streams(&mut doc)?;
    let mut out = Vec::new();
    doc.save_to(&mut out)?;
    Ok(out)
}

/// Flate-compresses every stream that may be, then makes sure no stream's data ends with a
/// carriage return. lopdf writes "\nendstream" after the data; when the data's last byte is
/// CR, a reader sees CR LF as the end-of-line marker and counts one byte less than /Length,
/// which PDF/A (ISO 19005-2, 6.1.7.1) forbids and the validator reports. The last byte of
/// Flate data is the low byte of the Adler-32 sum of the plain data, so no compression level
/// avoids it: about one stream in 256 would end so. Such a stream is hex-encoded on top
/// (ASCIIHexDecode, allowed in PDF/A), which ends its data with ">".
fn compress_streams(doc: &mut lopdf::Document) -> Result<()> {
    use flate2::{write::ZlibEncoder, Compression};
    use std::io::Write;
    for object in doc.objects.values_mut() {
        let Object::Stream(stream) = object else { continue };
        if stream.allows_compression && stream.dict.get(b"Filter").is_err() {
            let mut encoder = ZlibEncoder::new(Vec::new(), Compression::best());
            encoder.write_all(&stream.content)?;
            let packed = encoder.finish()?;
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(packed);
        }
        if stream.content.last() == Some(&b'\r') {
            let mut filters = vec![Object::Name(b"ASCIIHexDecode".to_vec())];
            match stream.dict.get(b"Filter") {
                Ok(Object::Name(n)) => filters.push(Object::Name(n.clone())),
                Ok(Object::Array(a)) => filters.extend(a.iter().cloned()),
                _ => {}
            }
            let mut hex = Vec::with_capacity(stream.content.len() * 2 + 1);
            for b in &stream.content {
                hex.extend_from_slice(format!("{b:02X}").as_bytes());
            }
            hex.push(b'>');
            stream.dict.set("Filter", filters);
            stream.set_content(hex);
        }
    }
    Ok(())
}

fn pdf_error(e: lopdf::Error) -> Error {
    Error::Pdf(e.to_string())
}

/// A PDF text string: UTF-16BE with its byte order mark, so Vietnamese survives.
fn text_string(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in s.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// The information dictionary: only entries that the XMP packet repeats, with the same values
/// (PDF/A-2 §6.6.3 requires them to be equivalent).
fn info_dictionary(meta: &Metadata) -> Dictionary {
    let date = Object::string_literal(pdf_date(&meta.created));
    let mut info = dictionary! {
        "Title" => text_string(&meta.title),
        "Author" => text_string(&meta.author),
        "Creator" => text_string(CREATOR_TOOL),
        "Producer" => text_string(&producer()),
        "CreationDate" => date.clone(),
        "ModDate" => date,
    };
    if !meta.subject.is_empty() {
        info.set("Subject", text_string(&meta.subject));
    }
    info
}

/// `D:YYYYMMDDHHmmSS+HH'mm'`, the date format of PDF information dictionaries.
pub fn pdf_date(t: &DateTime<FixedOffset>) -> String {
    let offset = t.offset().local_minus_utc();
    let sign = if offset < 0 { '-' } else { '+' };
    let abs = offset.abs();
    format!("D:{}{sign}{:02}'{:02}'", t.format("%Y%m%d%H%M%S"), abs / 3600, abs % 3600 / 60)
}

/// ISO 8601 with the offset, the date format of XMP.
pub fn xmp_date(t: &DateTime<FixedOffset>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// The XMP packet: PDF/A identification plus the document properties.
pub fn xmp_packet(meta: &Metadata) -> String {
    let date = xmp_date(&meta.created);
    let description = if meta.subject.is_empty() {
        String::new()
    } else {
        format!(
            "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:description>\n",
            xml_escape(&meta.subject)
        )
    };
    format!(
        "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
         \x20<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
         \x20 <rdf:Description rdf:about=\"\"\n\
         \x20   xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n\
         \x20   xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n\
         \x20   xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n\
         \x20   xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n\
         \x20  <dc:format>application/pdf</dc:format>\n\
         \x20  <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n\
         \x20  <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>\n\
         {description}\
         \x20  <dc:language><rdf:Bag><rdf:li>vi-VN</rdf:li></rdf:Bag></dc:language>\n\
         \x20  <xmp:CreateDate>{date}</xmp:CreateDate>\n\
         \x20  <xmp:ModifyDate>{date}</xmp:ModifyDate>\n\
         \x20  <xmp:MetadataDate>{date}</xmp:MetadataDate>\n\
         \x20  <xmp:CreatorTool>{tool}</xmp:CreatorTool>\n\
         \x20  <pdf:Producer>{producer}</pdf:Producer>\n\
         \x20  <pdfaid:part>2</pdfaid:part>\n\
         \x20  <pdfaid:conformance>B</pdfaid:conformance>\n\
         \x20 </rdf:Description>\n\
         \x20</rdf:RDF>\n\
         </x:xmpmeta>\n\
         <?xpacket end=\"w\"?>",
        title = xml_escape(&meta.title),
        author = xml_escape(&meta.author),
        tool = xml_escape(CREATOR_TOOL),
        producer = xml_escape(&producer()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn meta() -> Metadata {
        Metadata {
            title: "Sổ ghi nhận ý kiến <của> khách hàng & phiếu".into(),
            author: "Sở Công Thương tỉnh Đắk Lắk".into(),
            subject: String::new(),
            created: FixedOffset::east_opt(7 * 3600).unwrap().with_ymd_and_hms(2026, 1, 5, 9, 30, 0).unwrap(),
        }
    }

    #[test]
    fn dates_match_between_info_and_xmp() {
        let m = meta();
        assert_eq!(pdf_date(&m.created), "D:20260105093000+07'00'");
        assert_eq!(xmp_date(&m.created), "2026-01-05T09:30:00+07:00");
        let west = FixedOffset::west_opt(3 * 3600 + 30 * 60).unwrap().with_ymd_and_hms(2026, 2, 1, 0, 0, 0).unwrap();
        assert_eq!(pdf_date(&west), "D:20260201000000-03'30'");
    }

    #[test]
    fn the_xmp_packet_identifies_pdfa_2b_and_escapes_text() {
        let x = xmp_packet(&meta());
        assert!(x.contains("<pdfaid:part>2</pdfaid:part>"));
        assert!(x.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
        assert!(x.contains("Sổ ghi nhận ý kiến &lt;của&gt; khách hàng &amp; phiếu"));
        assert!(x.contains("<rdf:li>Sở Công Thương tỉnh Đắk Lắk</rdf:li>"));
        assert!(!x.contains("dc:description"));
    }

    #[test]
    fn no_stream_ends_with_a_carriage_return() {
        use flate2::read::ZlibDecoder;
        use std::io::Read;
        // Flate data ends with the low byte of Adler-32's first sum, 1 + Σ bytes: make it CR.
        let mut content = b"BT /F1 12 Tf 1 0 0 1 72 700 Tm <0041> Tj ET ".to_vec();
        let sum = content.iter().map(|&b| u32::from(b)).sum::<u32>() + 1;
        content.push(((u32::from(b'\r') + 256 - sum % 256) % 256) as u8);
        let mut doc = lopdf::Document::with_version("1.7");
        let id = doc.add_object(Stream::new(dictionary! {}, content.clone()));
        let plain = doc.add_object(Stream::new(dictionary! {}, b"stays plain".to_vec()).with_compression(false));
        compress_streams(&mut doc).unwrap();

        let stream = doc.get_object(id).unwrap().as_stream().unwrap();
        assert_eq!(stream.content.last(), Some(&b'>'));
        assert_eq!(stream.dict.get(b"Length").unwrap().as_i64().unwrap(), stream.content.len() as i64);
        let filters: Vec<&[u8]> =
            stream.dict.get(b"Filter").unwrap().as_array().unwrap().iter().map(|f| f.as_name().unwrap()).collect();
        assert_eq!(filters, [b"ASCIIHexDecode".as_slice(), b"FlateDecode".as_slice()]);
        let hex = &stream.content[..stream.content.len() - 1];
        let packed: Vec<u8> =
            hex.chunks(2).map(|p| u8::from_str_radix(std::str::from_utf8(p).unwrap(), 16).unwrap()).collect();
        assert_eq!(packed.last(), Some(&b'\r'), "the test content must be the hard case");
        let mut decoded = Vec::new();
        ZlibDecoder::new(&packed[..]).read_to_end(&mut decoded).unwrap();
        assert_eq!(decoded, content);

        let plain = doc.get_object(plain).unwrap().as_stream().unwrap();
        assert_eq!(plain.content, b"stays plain");
        assert!(plain.dict.get(b"Filter").is_err());
    }

    #[test]
    fn text_strings_are_utf16_with_a_byte_order_mark() {
        match text_string("Ý") {
            Object::String(bytes, _) => assert_eq!(bytes, [0xFE, 0xFF, 0x00, 0xDD]),
            other => panic!("{other:?}"),
        }
    }
}
