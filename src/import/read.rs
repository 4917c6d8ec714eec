//! Reading a spreadsheet into a grid of cells: .xlsx, .xlsm, .xls and .ods through calamine,
//! .csv through the csv crate (comma, semicolon or tab, whichever the first lines use).
//!
//! A CSV file carries no word of its encoding. UTF-8 (with or without a BOM) and UTF-16 with
//! a BOM say so themselves; anything else is one byte a character, in the code page of the
//! Windows that saved it: Windows-1258 where the language for non-Unicode programs is
//! Vietnamese (Excel writes the tone marks as combining characters after the letter), else
//! Windows-1252, in which text typed in the TCVN3 or VNI fonts arrives as Latin-1 letters
//! that `legacy` converts cell by cell. The code page is the one whose text reads as
//! Vietnamese (`legacy::score`), and the text is normalised to NFC.

use super::legacy::{self, Encoding};
pub use crate::domain::ledger_import::CodePage;
use crate::error::{Error, Result};
use calamine::{open_workbook_auto_from_rs, Data, Reader};
use chrono::{NaiveDate, NaiveDateTime};
use std::path::Path;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A cell the spreadsheet itself stores as a date (an Excel serial with a date format,
    /// or an ODS date).
    Date(NaiveDateTime),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text, as a person reads it.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) if d.time() == chrono::NaiveTime::MIN => d.format("%d/%m/%Y").to_string(),
            Cell::Date(d) => d.format("%d/%m/%Y %H:%M").to_string(),
        }
    }
}

/// The first sheet of a workbook, as rows of cells (row 0 is the spreadsheet's row 1).
pub struct Grid {
    pub sheet: String,
    pub rows: Vec<Vec<Cell>>,
    /// How a CSV file's bytes were read; `None` for a workbook (its text is Unicode).
    pub code_page: Option<CodePage>,
}

/// A CSV file's bytes as text, in NFC, and the code page they were read in.
pub fn decode_text(bytes: &[u8]) -> (String, CodePage) {
    use unicode_normalization::UnicodeNormalization;
    let (text, page) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (String::from_utf8_lossy(rest).into_owned(), CodePage::Utf8)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (encoding_rs::UTF_16LE.decode_without_bom_handling(rest).0.into_owned(), CodePage::Utf16)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (encoding_rs::UTF_16BE.decode_without_bom_handling(rest).0.into_owned(), CodePage::Utf16)
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        (s.to_owned(), CodePage::Utf8)
    } else {
        let vietnamese: String = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes).0.nfc().collect();
        let western = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned();
        // Western text may be TCVN3 or VNI typed in an old font: it competes at its best.
        let western_score = [Encoding::Unicode, Encoding::Tcvn3, Encoding::Vni]
            .into_iter()
            .map(|e| legacy::score(&legacy::decode(&western, e)))
            .max()
            .unwrap_or(0);
        if legacy::score(&vietnamese) > western_score {
            (vietnamese, CodePage::Windows1258)
        } else {
            (western, CodePage::Windows1252)
        }
    };
    (text.nfc().collect(), page)
}

/// Excel's day 0 is 1899-12-30 for every serial past February 1900 (the 1900 leap-year bug).
pub fn excel_serial(n: f64) -> Option<NaiveDateTime> {
    if !(61.0..=2_958_465.0).contains(&n) {
        return None;
    }
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?.and_hms_opt(0, 0, 0)?;
    let secs = (n * 86_400.0).round() as i64;
    base.checked_add_signed(chrono::Duration::seconds(secs))
}

pub fn read(path: &Path, bytes: &[u8]) -> Result<Grid> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    match ext.as_str() {
        "csv" | "txt" => read_csv(bytes),
        "xlsx" | "xlsm" | "xls" | "ods" | "xlsb" => read_workbook(&name, bytes),
        _ => Err(Error::validation(
            "file",
            format!("Tệp «{name}» không phải bảng tính đọc được: hãy chọn tệp .xlsx, .xls, .ods hoặc .csv."),
        )),
    }
}

fn read_workbook(name: &str, bytes: &[u8]) -> Result<Grid> {
    // The reader's own words (English, about zip entries and XML) help nobody in an office:
    // what helps is how to get a file that reads.
    let unreadable = || {
        Error::validation(
            "file",
            format!(
                "Không đọc được bảng tính «{name}»: tệp hỏng, chép chưa xong, có đặt mật khẩu, hoặc không đúng định dạng. \
                 Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi chọn lại."
            ),
        )
    };
    let mut book = open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|_| unreadable())?;
    let sheets = book.sheet_names();
    // The first sheet that has anything in it: old files often keep an empty "Sheet1".
    for sheet in sheets {
        let range = book.worksheet_range(&sheet).map_err(|_| unreadable())?;
        if range.is_empty() {
            continue;
        }
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); top as usize];
        for row in range.rows() {
            let mut cells = vec![Cell::Empty; left as usize];
            cells.extend(row.iter().map(cell));
            rows.push(cells);
        }
        return Ok(Grid { sheet, rows, code_page: None });
    }
    Err(Error::validation("file", format!("Bảng tính «{name}» không có trang nào có dữ liệu.")))
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(if *b { "Có" } else { "Không" }.into()),
        Data::DateTime(dt) => excel_serial(dt.as_f64()).map(Cell::Date).unwrap_or(Cell::Number(dt.as_f64())),
        Data::DateTimeIso(s) => {
            let parsed = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
                .ok()
                .or_else(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().and_then(|d| d.and_hms_opt(0, 0, 0)));
            parsed.map(Cell::Date).unwrap_or_else(|| Cell::Text(s.clone()))
        }
        Data::DurationIso(s) => Cell::Text(s.clone()),
    }
}

fn read_csv(bytes: &[u8]) -> Result<Grid> {
    let (text, code_page) = decode_text(bytes);
    let head: String = text.lines().take(10).collect::<Vec<_>>().join("\n");
    let delimiter = [b',', b';', b'\t'].into_iter().max_by_key(|d| head.bytes().filter(|b| b == d).count()).unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| Error::validation("file", format!("Tệp CSV hỏng ở dòng {}: {e}.", i + 1)))?;
        rows.push(record.iter().map(|s| if s.is_empty() { Cell::Empty } else { Cell::Text(s.to_owned()) }).collect());
    }
    Ok(Grid { sheet: String::new(), rows, code_page: Some(code_page) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serials_are_dates() {
        assert_eq!(excel_serial(45000.0).unwrap().date(), NaiveDate::from_ymd_opt(2023, 3, 15).unwrap());
        assert_eq!(excel_serial(45000.5).unwrap().format("%H:%M").to_string(), "12:00");
        assert!(excel_serial(3.0).is_none());
    }

    #[test]
    fn csv_with_bom_and_semicolons() {
        let g = read_csv("\u{FEFF}Ngày tháng;Tên khách hàng\n02/03/2023;Nguyễn Văn An\n".as_bytes()).unwrap();
        assert_eq!(g.rows[0][0], Cell::Text("Ngày tháng".into()));
        assert_eq!(g.rows[1][1], Cell::Text("Nguyễn Văn An".into()));
        assert_eq!(g.code_page, Some(CodePage::Utf8));
    }

    #[test]
    fn single_byte_csv_is_read_in_the_code_page_that_reads_as_vietnamese() {
        // "Người tiếp nhận;Nguyễn Văn An" as Excel saves it in code page 1258: the letter, then
        // the tone mark as a combining character (ư = 0xFD, ơ = 0xF5, grave = 0xCC, acute
        // = 0xEC, tilde = 0xDE, dot below = 0xF2).
        let cp1258 = b"Ng\xFD\xF5\xCCi ti\xEA\xECp nh\xE2\xF2n;Nguy\xEA\xDEn V\xE3n An\n";
        let (text, page) = decode_text(cp1258);
        assert_eq!((text.as_str(), page), ("Người tiếp nhận;Nguyễn Văn An\n", CodePage::Windows1258));
        // TCVN3 bytes stay Latin-1 letters here; the cells are converted one by one later.
        let tcvn3 = b"Ng\xB5y th\xB8ng;Nguy\xD4n V\xA8n An\n";
        let (text, page) = decode_text(tcvn3);
        assert_eq!((text.as_str(), page), ("Ngµy th¸ng;NguyÔn V¨n An\n", CodePage::Windows1252));
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("Tên;Đức".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode_text(&utf16), ("Tên;Đức".to_owned(), CodePage::Utf16));
    }
}
