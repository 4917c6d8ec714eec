//! Importing old ledgers kept in spreadsheets (R5): read the file, convert legacy-encoded
//! text, find the header row, turn each line into a piece of feedback with its errors in
//! Vietnamese, for a preview; then commit all lines in one transaction, or none.
//!
//! Nothing here touches the database: `store::import` marks duplicates and commits.

pub mod header;
pub mod legacy;
pub mod read;

use crate::domain::feedback::{Book, Channel, CustomerGroup, FeedbackInput, Kind, Subject};
use crate::domain::text::{clean_line, clean_text, fold};
use crate::error::{Error, Result};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use header::Field;
use legacy::Encoding;
use read::CodePage;
use read::Cell;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use ts_rs::TS;

/// What the preview shows, and the CLI prints with `--json`.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportPreview {
    pub file_name: String,
    pub sheet: String,
    /// `unicode`, `tcvn3` or `vni`: the legacy encoding of the cells converted (the one most
    /// of them were in), `unicode` when none was.
    pub encoding: Encoding,
    pub encoding_label: String,
    /// Cells converted from the legacy encoding to Unicode.
    pub converted_cells: i32,
    /// Which cells were converted, before → after (the first 1000 of them).
    pub conversions: Vec<CellConversion>,
    /// How a CSV file's bytes were read; `null` for a workbook.
    pub code_page: Option<CodePage>,
    /// The code page in Vietnamese; empty for a workbook.
    pub code_page_label: String,
    /// The spreadsheet's row number of the header (1-based).
    pub header_row: i32,
    pub columns: Vec<ImportColumn>,
    pub total_rows: i32,
    pub new_rows: i32,
    pub duplicate_rows: i32,
    pub error_rows: i32,
    /// Every line with an error, then the first lines of the others, in file order.
    pub rows: Vec<ImportRow>,
    /// True once the lines were stored.
    pub committed: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportColumn {
    /// The column letter as the spreadsheet shows it (A, B, …).
    pub column: String,
    pub header: String,
    pub field: Option<Field>,
    /// What the column is read as, in Vietnamese; empty when it is not used.
    pub field_label: String,
}


/// One line of the file as it will be stored.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportRow {
    /// The spreadsheet's row number (1-based), as the office sees it.
    pub row_no: i32,
    pub status: RowStatus,
    /// Vietnamese sentences naming the row and the column.
    pub errors: Vec<String>,
    pub received_at: String,
    pub customer_name: String,
    pub content: String,
    pub receiver: String,
    pub kind: Kind,
    pub subject: Subject,
    pub channel: Channel,
    /// True when a cell of the line was converted from TCVN3 or VNI.
    pub converted: bool,
}

/// Rows shown in the preview besides the ones with errors.
pub const PREVIEW_ROWS: usize = 200;


pub use crate::domain::ledger_import::{CellConversion, ImportBatch, PreparedRow, RowStatus, CONVERSIONS_LISTED};

/// The file read and checked, before the database is asked about duplicates.
pub struct Prepared {
    pub file_name: String,
    pub file_hash: String,
    pub sheet: String,
    pub code_page: Option<CodePage>,
    pub encoding: Encoding,
    pub converted_cells: usize,
    pub conversions: Vec<CellConversion>,
    pub header_row: usize,
    pub columns: Vec<ImportColumn>,
    pub rows: Vec<PreparedRow>,
}

/// The cells of a grid typed in a legacy encoding, converted in place.
pub struct LegacyCells {
    /// The legacy table most converted cells were in; Unicode when none was converted.
    pub encoding: Encoding,
    pub count: usize,
    /// The first [`CONVERSIONS_LISTED`] conversions, in sheet order.
    pub cells: Vec<CellConversion>,
    /// Grid rows (0-based) with a converted cell.
    pub rows: HashSet<usize>,
}

/// Converts, cell by cell, the text typed in TCVN3 or VNI (`legacy::decide`); a cell that
/// reads equally well in both is read in the table of the file's other converted cells.
pub fn convert_legacy(grid: &mut read::Grid) -> LegacyCells {
    let rows = grid.rows.iter_mut().map(|row| row.iter_mut().map(|c| if let Cell::Text(s) = c { Some(s) } else { None }).collect()).collect();
    convert_cells(rows, &grid.sheet)
}

/// The same over a table of text cells (returned survey forms).
pub fn convert_legacy_text(rows: &mut [Vec<String>], sheet: &str) -> LegacyCells {
    convert_cells(rows.iter_mut().map(|row| row.iter_mut().map(Some).collect()).collect(), sheet)
}

fn convert_cells(mut rows: Vec<Vec<Option<&mut String>>>, sheet: &str) -> LegacyCells {
    let prefer = legacy::detect(rows.iter().flatten().flatten().map(|s| s.as_str()));
    let mut out = LegacyCells { encoding: prefer, count: 0, cells: Vec::new(), rows: HashSet::new() };
    if prefer == Encoding::Unicode {
        return out;
    }
    for (r, row) in rows.iter_mut().enumerate() {
        for (c, cell) in row.iter_mut().enumerate() {
            let Some(s) = cell else { continue };
            let Some((encoding, after)) = legacy::decide(s, prefer) else { continue };
            out.count += 1;
            out.rows.insert(r);
            if out.cells.len() < CONVERSIONS_LISTED {
                let before = std::mem::replace(&mut **s, after.clone());
                out.cells.push(CellConversion { sheet: sheet.to_owned(), row: r as i32 + 1, column: column_letter(c), encoding, before, after });
            } else {
                **s = after;
            }
        }
    }
    out
}

pub fn column_letter(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap()
}

/// Reads and checks a ledger file. `today` refuses dates in the future.
pub fn prepare(path: &Path, bytes: &[u8], today: NaiveDate) -> Result<Prepared> {
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut grid = read::read(path, bytes)?;
    let converted = convert_legacy(&mut grid);
    let converted_rows = &converted.rows;
    let Some((header_row, fields)) = header::find_header(&grid.rows) else {
        return Err(Error::validation(
            "file",
            format!(
                "Không tìm thấy dòng tiêu đề cột trong «{file_name}»: cần ít nhất cột «Tên khách hàng» hoặc «Nội dung ý kiến» \
                 và một cột khác (ví dụ «Ngày tháng»), như sổ BM.QT.SCT.05-01."
            ),
        ));
    };
    let header_cells = grid.rows[header_row].clone();
    let columns: Vec<ImportColumn> = header_cells
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.is_empty())
        .map(|(i, c)| ImportColumn {
            column: column_letter(i),
            header: clean_line(&c.text()),
            field: fields.get(i).copied().flatten(),
            field_label: fields.get(i).copied().flatten().map(|f| f.label().to_owned()).unwrap_or_default(),
        })
        .collect();
    for needed in [Field::ReceivedAt, Field::Customer, Field::Content] {
        if !fields.contains(&Some(needed)) {
            return Err(Error::validation(
                "file",
                format!("Tệp «{file_name}» thiếu cột «{}» (dòng tiêu đề là dòng {}).", needed.label(), header_row + 1),
            ));
        }
    }
    let col_of: HashMap<Field, usize> = fields.iter().enumerate().filter_map(|(i, f)| f.map(|f| (f, i))).collect();
    let header_words: Vec<String> = header_cells.iter().map(|c| header::words(&c.text())).collect();

    let mut rows = Vec::new();
    let mut seen: HashMap<String, i32> = HashMap::new();
    for (r, row) in grid.rows.iter().enumerate().skip(header_row + 1) {
        if row.iter().all(Cell::is_empty) || header::is_numbering_row(row) {
            continue;
        }
        // A header repeated on each printed page of the old book.
        let words: Vec<String> = row.iter().map(|c| header::words(&c.text())).collect();
        if words.iter().zip(&header_words).filter(|(a, b)| !a.is_empty() && a == b).count() >= 2 {
            continue;
        }
        let get = |f: Field| -> Cell { col_of.get(&f).and_then(|&i| row.get(i)).cloned().unwrap_or(Cell::Empty) };
        let text = |f: Field| clean_text(&get(f).text());
        let mut prepared = parse_row(r + 1, &get, &text, today);
        prepared.converted = converted_rows.contains(&r);
        if prepared.errors.is_empty() {
            if let Some(first) = seen.get(&prepared.source_hash) {
                prepared.status = RowStatus::Duplicate;
                prepared.errors.clear();
                let _ = first;
            } else {
                seen.insert(prepared.source_hash.clone(), prepared.row_no);
            }
        }
        rows.push(prepared);
    }
    let file_hash = crate::domain::digest::sha256_hex(bytes);
    Ok(Prepared {
        file_name,
        file_hash,
        sheet: grid.sheet,
        code_page: grid.code_page,
        encoding: converted.encoding,
        converted_cells: converted.count,
        conversions: converted.cells,
        header_row,
        columns,
        rows,
    })
}

/// The digest of what a line says: the day and minute received, the customer and the content,
/// folded, so that the same line typed again with other accents or spacing is recognised.
pub fn source_hash(received: NaiveDateTime, customer: &str, content: &str) -> String {
    crate::domain::digest::sha256_json_hex(&(received.format("%Y-%m-%dT%H:%M").to_string(), fold(customer), fold(content)))
}

fn parse_row(row_no: usize, get: &dyn Fn(Field) -> Cell, text: &dyn Fn(Field) -> String, today: NaiveDate) -> PreparedRow {
    let mut errors = Vec::new();
    let at = |f: Field| format!("Dòng {row_no}, cột «{}»", f.label());
    let received = match parse_day(&get(Field::ReceivedAt)) {
        Ok(Some(d)) => {
            let time = match get(Field::Time) {
                Cell::Empty => None,
                c => parse_time(&c),
            };
            let t = time.map(|t| d.date().and_time(t)).unwrap_or(d);
            if t.date() > today {
                errors.push(format!("{}: ngày {} ở tương lai.", at(Field::ReceivedAt), t.format("%d/%m/%Y")));
            }
            Some(t)
        }
        Ok(None) => {
            errors.push(format!("{}: thiếu ngày tiếp nhận.", at(Field::ReceivedAt)));
            None
        }
        Err(shown) => {
            errors.push(format!("{}: «{shown}» không phải ngày có thật (dạng 02/03/2023).", at(Field::ReceivedAt)));
            None
        }
    };
    let mut vocab_field = |f: Field, labels: &[(&'static str, &'static str)], default: usize| -> usize {
        let raw = text(f);
        if raw.is_empty() {
            return default;
        }
        match match_label(&raw, labels) {
            Some(i) => i,
            None => {
                let names: Vec<&str> = labels.iter().map(|l| l.1).collect();
                errors.push(format!("{}: không rõ «{raw}»; dùng một trong: {}.", at(f), names.join("; ")));
                default
            }
        }
    };
    let kinds: Vec<(&str, &str)> = Kind::ALL.iter().map(|k| (k.as_str(), k.label())).collect();
    let subjects: Vec<(&str, &str)> = Subject::ALL.iter().map(|k| (k.as_str(), k.label())).collect();
    let channels: Vec<(&str, &str)> = Channel::ALL.iter().map(|k| (k.as_str(), k.label())).collect();
    // A book that never recorded these: the feedback of a paper ledger, taken at the counter.
    let kind = Kind::ALL[vocab_field(Field::Kind, &kinds, Kind::ALL.iter().position(|k| *k == Kind::Reflection).unwrap())];
    let subject = Subject::ALL[vocab_field(Field::Subject, &subjects, Subject::ALL.iter().position(|k| *k == Subject::Other).unwrap())];
    let channel = Channel::ALL[vocab_field(Field::Channel, &channels, Channel::ALL.iter().position(|k| *k == Channel::InPerson).unwrap())];
    let closed_on = match get(Field::ClosedOn) {
        Cell::Empty => None,
        c => match parse_day(&c) {
            Ok(d) => d.map(|d| d.date()),
            Err(shown) => {
                errors.push(format!("{}: «{shown}» không phải ngày có thật (dạng 02/03/2023).", at(Field::ClosedOn)));
                None
            }
        },
    };
    let input = FeedbackInput {
        received_at: received.map(|t| t.format("%Y-%m-%dT%H:%M").to_string()).unwrap_or_default(),
        channel,
        kind,
        subject,
        book: Book::Feedback,
        customer_name: text(Field::Customer),
        customer_org: text(Field::Organisation),
        customer_address: text(Field::Address),
        customer_phone: text(Field::Phone),
        customer_email: text(Field::Email),
        customer_group: CustomerGroup::Unknown,
        content: text(Field::Content),
        receiver_id: None,
        unit_id: None,
        written: false,
        formal: false,
        settled_on_spot: None,
    };
    // The rules of the entry form (required fields, lengths) apply to old lines too.
    let input = match received.map(|_| input.validated()) {
        Some(Ok((valid, _))) => valid,
        Some(Err(Error::Validation { field, message })) => {
            let label = match field.as_str() {
                "customer_name" => Field::Customer,
                "content" => Field::Content,
                "customer_org" => Field::Organisation,
                "customer_address" => Field::Address,
                "customer_phone" => Field::Phone,
                "customer_email" => Field::Email,
                _ => Field::ReceivedAt,
            };
            errors.push(format!("{}: {message}", at(label)));
            input
        }
        Some(Err(e)) => {
            errors.push(format!("Dòng {row_no}: {e}"));
            input
        }
        None => {
            for (f, v) in [(Field::Customer, &input.customer_name), (Field::Content, &input.content)] {
                if v.is_empty() {
                    errors.push(format!("{}: không được để trống.", at(f)));
                }
            }
            input
        }
    };
    let received = received.unwrap_or_default();
    let source_hash = source_hash(received, &input.customer_name, &input.content);
    PreparedRow {
        row_no: row_no as i32,
        received,
        receiver_name: clean_line(&text(Field::Receiver)),
        unit_name: clean_line(&text(Field::Unit)),
        confirmation: clean_line(&text(Field::Confirmation)),
        old_number: clean_line(&text(Field::Number).to_string()),
        result: text(Field::Result),
        closed_on,
        source_hash,
        status: if errors.is_empty() { RowStatus::New } else { RowStatus::Error },
        errors,
        converted: false,
        input,
    }
}

/// The index of the vocabulary word a cell names: by its code, its label, or the first words
/// of its label ("Góp ý" for "Góp ý, kiến nghị"), ignoring accents and case.
fn match_label(raw: &str, labels: &[(&str, &str)]) -> Option<usize> {
    let w = header::words(raw);
    labels.iter().position(|(code, _)| *code == raw.trim()).or_else(|| {
        labels.iter().position(|(_, label)| {
            let l = header::words(label);
            l == w || l.starts_with(&format!("{w} "))
        })
    })
}

/// A date cell: a real date, an Excel serial number, or text as dd/mm/yyyy (also with `-` or
/// `.`, two-digit years, a time after it) or yyyy-mm-dd. `Err` carries the text shown.
fn parse_day(c: &Cell) -> std::result::Result<Option<NaiveDateTime>, String> {
    match c {
        Cell::Empty => Ok(None),
        Cell::Date(d) => Ok(Some(*d)),
        Cell::Number(n) => read::excel_serial(*n).map(Some).ok_or_else(|| c.text()),
        Cell::Text(s) => {
            let s = s.trim();
            if s.is_empty() {
                return Ok(None);
            }
            if let Ok(n) = s.parse::<f64>() {
                return read::excel_serial(n).map(Some).ok_or_else(|| s.to_owned());
            }
            let unified: String = s.chars().map(|ch| if ch == '-' || ch == '.' { '/' } else { ch }).collect();
            let unified = unified.replace('h', ":");
            for fmt in ["%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%dT%H:%M", "%Y/%m/%dT%H:%M:%S"] {
                if let Ok(t) = NaiveDateTime::parse_from_str(&unified, fmt) {
                    return Ok(Some(t));
                }
            }
            for fmt in ["%d/%m/%Y", "%Y/%m/%d"] {
                if let Ok(d) = NaiveDate::parse_from_str(&unified, fmt) {
                    // Two-digit years mean this century ("02/03/23"); others before 1900 are typos.
                    let d = if d.year() < 100 { d.with_year(d.year() + 2000).unwrap_or(d) } else { d };
                    if d.year() < 1900 {
                        return Err(s.to_owned());
                    }
                    return Ok(Some(d.and_time(NaiveTime::MIN)));
                }
            }
            Err(s.to_owned())
        }
    }
}

use chrono::Datelike;

fn parse_time(c: &Cell) -> Option<NaiveTime> {
    match c {
        Cell::Date(d) => Some(d.time()),
        Cell::Number(n) if (0.0..1.0).contains(n) => NaiveTime::from_num_seconds_from_midnight_opt((n * 86_400.0).round() as u32 % 86_400, 0),
        _ => {
            let t = c.text().trim().replace('h', ":");
            ["%H:%M", "%H:%M:%S"].iter().find_map(|f| NaiveTime::parse_from_str(&t, f).ok())
        }
    }
}

impl Prepared {
    /// What the store records of the file the lines come from.
    pub fn batch(&self) -> ImportBatch<'_> {
        ImportBatch { file_name: &self.file_name, file_hash: &self.file_hash, encoding: self.encoding.code(), sheet: &self.sheet }
    }

    /// The preview of these lines: every error line, then the first [`PREVIEW_ROWS`] others.
    pub fn preview(&self, committed: bool) -> ImportPreview {
        let count = |s: RowStatus| self.rows.iter().filter(|r| r.status == s).count() as i32;
        let mut shown: Vec<&PreparedRow> = self.rows.iter().filter(|r| r.status == RowStatus::Error).collect();
        shown.extend(self.rows.iter().filter(|r| r.status != RowStatus::Error).take(PREVIEW_ROWS));
        shown.sort_by_key(|r| r.row_no);
        ImportPreview {
            file_name: self.file_name.clone(),
            sheet: self.sheet.clone(),
            encoding: self.encoding,
            encoding_label: self.encoding.label().to_owned(),
            converted_cells: self.converted_cells as i32,
            conversions: self.conversions.clone(),
            code_page: self.code_page,
            code_page_label: self.code_page.map(|p| p.label().to_owned()).unwrap_or_default(),
            header_row: self.header_row as i32 + 1,
            columns: self.columns.clone(),
            total_rows: self.rows.len() as i32,
            new_rows: count(RowStatus::New),
            duplicate_rows: count(RowStatus::Duplicate),
            error_rows: count(RowStatus::Error),
            rows: shown
                .into_iter()
                .map(|r| ImportRow {
                    row_no: r.row_no,
                    status: r.status,
                    errors: r.errors.clone(),
                    received_at: match r.received.time() {
                        _ if r.input.received_at.is_empty() => String::new(),
                        // A book that kept dates only: no made-up time.
                        t if t == NaiveTime::MIN => r.received.format("%d/%m/%Y").to_string(),
                        _ => r.received.format("%d/%m/%Y %H:%M").to_string(),
                    },
                    customer_name: r.input.customer_name.clone(),
                    content: r.input.content.clone(),
                    receiver: r.receiver_name.clone(),
                    kind: r.input.kind,
                    subject: r.input.subject,
                    channel: r.input.channel,
                    converted: r.converted,
                })
                .collect(),
            committed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_offices_type() {
        let d = |s: &str| parse_day(&Cell::Text(s.into())).unwrap().unwrap().format("%Y-%m-%d %H:%M").to_string();
        assert_eq!(d("02/03/2023"), "2023-03-02 00:00");
        assert_eq!(d("2/3/2023"), "2023-03-02 00:00");
        assert_eq!(d("02-03-2023"), "2023-03-02 00:00");
        assert_eq!(d("02.03.23"), "2023-03-02 00:00");
        assert_eq!(d("2023-03-02"), "2023-03-02 00:00");
        assert_eq!(d("02/03/2023 9h30"), "2023-03-02 09:30");
        assert_eq!(d("44987"), "2023-03-02 00:00");
        assert!(parse_day(&Cell::Text("31/02/2023".into())).is_err());
        assert!(parse_day(&Cell::Text("hôm qua".into())).is_err());
    }

    #[test]
    fn vocabulary_cells_match_by_label_or_its_first_words() {
        let kinds: Vec<(&str, &str)> = Kind::ALL.iter().map(|k| (k.as_str(), k.label())).collect();
        assert_eq!(Kind::ALL[match_label("khiếu nại", &kinds).unwrap()], Kind::Complaint);
        assert_eq!(Kind::ALL[match_label("Góp ý", &kinds).unwrap()], Kind::Suggestion);
        assert_eq!(Kind::ALL[match_label("praise", &kinds).unwrap()], Kind::Praise);
        assert!(match_label("linh tinh", &kinds).is_none());
    }

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
    }
}
