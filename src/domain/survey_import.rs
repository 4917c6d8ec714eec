//! Returned surveys already typed into a spreadsheet or a CSV file: one row per form, a
//! header row naming the columns ("Số phiếu", "Ngày", then question codes or the form's own
//! labels). The file is read whole, every row checked, and every problem reported with its
//! row number; the store then saves all rows or none.

use super::survey_entry::{answer_from_cell, check_answers, header_names, plain, Answer, EntrySlot};
use super::text::clean_line;
use crate::domain::dates::parse_date;
use crate::error::{Error, Result};
use chrono::NaiveDate;
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

/// A table of text cells; `rows[0]` is the header. Row numbers in messages count from 1 at
/// the header, as a spreadsheet shows them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub rows: Vec<Vec<String>>,
}

/// One problem found, with the row it is on (0 for the header or the file itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportProblem {
    pub row: i32,
    pub message: String,
}

/// The outcome of an import: nothing is saved unless `problems` is empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportReport {
    pub round_id: String,
    /// Data rows read (the header and empty rows not counted).
    pub rows: i32,
    /// Forms saved: all rows, or 0 when there is any problem or for a dry run.
    pub imported: i32,
    pub dry_run: bool,
    pub problems: Vec<ImportProblem>,
}

/// A form read from one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedForm {
    pub row: i32,
    pub serial: i32,
    pub filled_on: NaiveDate,
    pub answers: Vec<Answer>,
}

/// Reads a `.csv` (UTF-8, comma, semicolon or tab separated) or a spreadsheet (`.xlsx`,
/// `.xls`, `.ods`; the first sheet) into text cells. `name` is the file's name (its extension
/// says which), `bytes` its content.
pub fn read_table(name: &str, bytes: &[u8]) -> Result<Table> {
    let ext = Path::new(name).extension().and_then(|e| e.to_str()).map(str::to_lowercase).unwrap_or_default();
    match ext.as_str() {
        "csv" | "txt" => read_csv(bytes),
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => read_sheet(name, bytes),
        _ => Err(Error::validation("file", format!("Chỉ nhập được tệp .csv hoặc .xlsx (tệp đã chọn: {name})."))),
    }
}

pub fn read_csv(bytes: &[u8]) -> Result<Table> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| {
        Error::validation("file", "Tệp CSV không ở dạng UTF-8. Trong Excel hãy lưu bằng «CSV UTF-8 (Comma delimited)».")
    })?;
    // Excel with Vietnamese regional settings separates with ';' (the comma is the decimal mark).
    let first = text.lines().next().unwrap_or("");
    let delimiter = [b';', b'\t', b','].into_iter().max_by_key(|d| first.matches(char::from(*d)).count()).unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| Error::validation("file", format!("Dòng {}: tệp CSV hỏng ({e}).", i + 1)))?;
        rows.push(record.iter().map(str::to_owned).collect());
    }
    Ok(Table { rows })
}

fn read_sheet(name: &str, bytes: &[u8]) -> Result<Table> {
    use calamine::{open_workbook_auto_from_rs, Data, Reader};
    let unreadable = |e: &dyn std::fmt::Display| Error::validation("file", format!("Không đọc được bảng tính {name}: {e}."));
    let mut book = open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec())).map_err(|e| unreadable(&e))?;
    let range = match book.worksheet_range_at(0) {
        Some(r) => r.map_err(|e| unreadable(&e))?,
        None => return Err(Error::validation("file", "Bảng tính không có trang nào.")),
    };
    let cell = |d: &Data| -> String {
        match d {
            Data::Empty => String::new(),
            Data::String(s) => s.clone(),
            Data::Int(i) => i.to_string(),
            Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
            Data::Float(f) => f.to_string(),
            Data::Bool(b) => if *b { "1" } else { "0" }.to_owned(),
            // A date cell becomes dd/mm/yyyy, as a clerk would have typed it.
            Data::DateTime(dt) => {
                let (y, m, d, ..) = dt.to_ymd_hms_milli();
                format!("{d:02}/{m:02}/{y}")
            }
            Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_owned(),
            Data::DurationIso(s) => s.clone(),
            Data::Error(e) => format!("#{e:?}"),
        }
    };
    // A sheet's range starts at its first used cell; pad so that row numbers match the sheet.
    let (top, left) = range.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
    let mut rows: Vec<Vec<String>> = vec![Vec::new(); top];
    for r in range.rows() {
        let mut row = vec![String::new(); left];
        row.extend(r.iter().map(cell));
        rows.push(row);
    }
    Ok(Table { rows })
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Serial,
    Date,
    Slot(usize),
    Ignored,
}

fn column_of(header: &str, names: &[(String, usize)]) -> Option<Column> {
    let h = plain(header);
    match h.as_str() {
        "" | "stt" | "tt" | "so thu tu" | "ghi chu" => Some(Column::Ignored),
        "so phieu" | "so" | "serial" | "phieu so" => Some(Column::Serial),
        "ngay" | "ngay dien phieu" | "ngay tra loi" | "ngay khao sat" | "date" | "filled on" => Some(Column::Date),
        _ => names.iter().find(|(n, _)| *n == h).map(|(_, i)| Column::Slot(*i)),
    }
}

/// Every row read as a form, or every problem found (rows with problems are left out of the
/// forms; the caller saves nothing when there is any problem).
pub fn forms_from_table(table: &Table, slots: &[EntrySlot]) -> (Vec<ImportedForm>, Vec<ImportProblem>) {
    let mut problems = Vec::new();
    let mut forms = Vec::new();
    let Some(header_at) = table.rows.iter().position(|r| r.iter().any(|c| !c.trim().is_empty())) else {
        problems.push(ImportProblem { row: 0, message: "Tệp không có dữ liệu.".into() });
        return (forms, problems);
    };
    let names = header_names(slots);
    let mut columns = Vec::new();
    for (i, h) in table.rows[header_at].iter().enumerate() {
        match column_of(h, &names) {
            Some(c) => {
                if c != Column::Ignored && columns.contains(&c) {
                    problems.push(ImportProblem { row: header_at as i32 + 1, message: format!("Cột «{}» trùng với một cột trước đó.", clean_line(h)) });
                }
                columns.push(c);
            }
            None => {
                problems.push(ImportProblem {
                    row: header_at as i32 + 1,
                    message: format!(
                        "Cột {} «{}» không khớp câu hỏi nào của mẫu phiếu; dùng mã câu hỏi (ví dụ cau_1.1) hoặc tên tiêu chí in trên phiếu.",
                        i + 1,
                        clean_line(h).chars().take(80).collect::<String>()
                    ),
                });
                columns.push(Column::Ignored);
            }
        }
    }
    for (what, c) in [("Số phiếu", Column::Serial), ("Ngày", Column::Date)] {
        if !columns.contains(&c) {
            problems.push(ImportProblem { row: header_at as i32 + 1, message: format!("Thiếu cột «{what}».") });
        }
    }
    // Rating rows, yes/no and single choices need their column; an option of a multiple
    // choice may be left out (not ticked).
    for (i, s) in slots.iter().enumerate() {
        if s.required && s.when.is_none() && s.options.len() > 1 && !columns.contains(&Column::Slot(i)) {
            problems.push(ImportProblem { row: header_at as i32 + 1, message: format!("Thiếu cột cho «{}» (mã {}).", s.title(), s.code) });
        }
    }
    if !problems.is_empty() {
        return (forms, problems);
    }
    for (ri, row) in table.rows.iter().enumerate().skip(header_at + 1) {
        let n = ri as i32 + 1;
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut serial = None;
        let mut date = None;
        let mut answers: Vec<Answer> = Vec::new();
        let mut errs: Vec<String> = Vec::new();
        for (ci, col) in columns.iter().enumerate() {
            let cell = row.get(ci).map(String::as_str).unwrap_or("");
            match col {
                Column::Ignored => {}
                Column::Serial => match clean_line(cell).trim_start_matches('0').parse::<i32>() {
                    Ok(s) if s >= 1 => serial = Some(s),
                    _ => errs.push(format!("Số phiếu «{}» không phải số", clean_line(cell))),
                },
                Column::Date => match parse_date("filled_on", "Ngày", &clean_line(cell)) {
                    Ok(d) => date = Some(d),
                    Err(_) if cell.trim().is_empty() => errs.push("thiếu Ngày điền phiếu".into()),
                    Err(_) => errs.push(format!("Ngày «{}» không phải ngày có thật (dạng dd/mm/yyyy)", clean_line(cell))),
                },
                Column::Slot(i) => match answer_from_cell(&slots[*i], cell) {
                    Ok(Some(a)) => answers.push(a),
                    Ok(None) => {}
                    Err(e) => errs.push(e),
                },
            }
        }
        // A question with no column at all (an optional one) counts as left blank.
        for s in slots.iter().filter(|s| !s.is_text() && s.when.is_none()) {
            if !answers.iter().any(|a| a.code == s.code) {
                answers.push(Answer::blank(&s.code));
            }
        }
        // A follow-up whose condition is not met is not asked: an empty cell is dropped.
        let asked: Vec<Answer> = answers
            .iter()
            .filter(|a| {
                let slot = slots.iter().find(|s| s.code == a.code).expect("answers come from slots");
                !(slot.when.is_some() && a.state == super::survey_entry::AnswerState::Blank && !super::survey_entry::applies(slot, &answers))
            })
            .cloned()
            .collect();
        if errs.is_empty() {
            match check_answers(slots, &asked) {
                Ok(clean) => {
                    if let (Some(serial), Some(filled_on)) = (serial, date) {
                        forms.push(ImportedForm { row: n, serial, filled_on, answers: clean });
                    }
                }
                Err(e) => errs.push(e.to_string().trim_end_matches('.').to_owned()),
            }
        }
        if !errs.is_empty() {
            problems.push(ImportProblem { row: n, message: format!("Dòng {n}: {}.", errs.join("; ")) });
        }
    }
    if forms.is_empty() && problems.is_empty() {
        problems.push(ImportProblem { row: 0, message: "Tệp chỉ có dòng tiêu đề, không có phiếu nào.".into() });
    }
    (forms, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::survey::SurveyTemplate;
    use crate::domain::survey_entry::slots;

    fn table(csv: &str) -> Table {
        read_csv(csv.as_bytes()).unwrap()
    }

    const HEADER: &str = "Số phiếu;Ngày;Thái độ giao tiếp;Lắng nghe ý kiến;Tận tình, chu đáo;Tuân thủ đúng quy trình;Câu hỏi 2;cau_2.follow_up;Câu hỏi 3;Câu hỏi 4;Câu hỏi 5;cau_1.other";

    #[test]
    fn a_semicolon_file_with_labels_reads_every_form() {
        let s = slots(&SurveyTemplate::bm_qt_sct_05_02());
        let t = table(&format!("\u{feff}{HEADER}\n1;05/03/2026;Tốt;1;2;Đạt yêu cầu;Không;;1;1;1;\n2;2026-03-06;hỏng;;3;3;Có;b;2;2;2;Cần thêm chỗ ngồi\n"));
        let (forms, problems) = forms_from_table(&t, &s);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(forms.len(), 2);
        let f = &forms[1];
        assert_eq!((f.serial, f.filled_on.to_string().as_str()), (2, "2026-03-06"));
        assert!(f.answers.contains(&Answer::spoiled("cau_1.1")));
        assert!(f.answers.contains(&Answer::blank("cau_1.2")));
        assert!(f.answers.contains(&Answer::chosen("cau_2", 1)));
        assert!(f.answers.contains(&Answer::text("cau_1.other", "Cần thêm chỗ ngồi")));
        // The follow-up's options are printed "a.", "b."…: letters are read too.
        assert!(f.answers.contains(&Answer::chosen("cau_2.follow_up", 2)));
    }

    #[test]
    fn every_bad_row_is_reported_with_its_number() {
        let s = slots(&SurveyTemplate::bm_qt_sct_05_02());
        let t = table(&format!("{HEADER}\n1;31/02/2026;1;1;1;1;2;;1;1;1;\nx;01/03/2026;1;1;1;1;2;;1;1;9;\n3;01/03/2026;1;1;1;1;2;;1;1;1;\n"));
        let (forms, problems) = forms_from_table(&t, &s);
        assert_eq!(forms.len(), 1);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].row, 2);
        assert!(problems[0].message.starts_with("Dòng 2: Ngày «31/02/2026» không phải ngày có thật"), "{}", problems[0].message);
        assert!(problems[1].message.contains("Số phiếu «x»") && problems[1].message.contains("không có mức 9"), "{}", problems[1].message);
    }

    #[test]
    fn an_unknown_column_or_a_missing_question_stops_at_the_header() {
        let s = slots(&SurveyTemplate::bm_qt_sct_05_02());
        let (_, p) = forms_from_table(&table("Số phiếu,Ngày,Màu sắc\n1,01/03/2026,đỏ\n"), &s);
        assert!(p.iter().any(|p| p.message.contains("«Màu sắc» không khớp")), "{p:?}");
        assert!(p.iter().any(|p| p.message.contains("Thiếu cột cho «Câu hỏi 1: Thái độ giao tiếp»")), "{p:?}");
    }

    #[test]
    fn a_file_that_is_not_utf8_is_refused_with_advice() {
        let err = read_csv(b"S\xf4 phi\xeau\n").unwrap_err();
        assert!(err.to_string().contains("CSV UTF-8"));
    }
}
