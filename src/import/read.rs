//! Reading a spreadsheet into a grid of cells: .xlsx, .xlsm, .xls and .ods through calamine,
//! .csv through the csv crate (UTF-8 with or without a BOM, else Windows-1252 as old Excel
//! wrote it; comma, semicolon or tab, whichever the first lines use).

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
        return Ok(Grid { sheet, rows });
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
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    };
    let head: String = text.lines().take(10).collect::<Vec<_>>().join("\n");
    let delimiter = [b',', b';', b'\t'].into_iter().max_by_key(|d| head.bytes().filter(|b| b == d).count()).unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| Error::validation("file", format!("Tệp CSV hỏng ở dòng {}: {e}.", i + 1)))?;
        rows.push(record.iter().map(|s| if s.is_empty() { Cell::Empty } else { Cell::Text(s.to_owned()) }).collect());
    }
    Ok(Grid { sheet: String::new(), rows })
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
    }
}
