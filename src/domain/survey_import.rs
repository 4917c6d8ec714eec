//! Returned surveys already typed into a spreadsheet or a CSV file: one row per form, a
//! header row naming the columns ("Số phiếu", "Ngày", then question codes, the form's own
//! labels, or a part of a question's words that only one question holds). The file is read whole, every row checked, and every problem reported with its
//! row number; the store then saves all rows or none.

use super::survey::{SurveyItem, SurveyTemplate};
use super::survey_entry::{answer_from_cell, check_answers, header_names, plain, Answer, EntrySlot};
use super::ledger_import::{CellConversion, CodePage};
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
    /// How a CSV file's bytes were read; `null` for a workbook.
    pub code_page: Option<CodePage>,
    /// Cells typed in TCVN3 or VNI and converted to Unicode.
    pub converted_cells: i32,
    /// Which cells were converted, before → after (the first 1000 of them).
    pub conversions: Vec<CellConversion>,
}

/// A form read from one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedForm {
    pub row: i32,
    /// The printed serial; 0 for a form numbered as written ([`Serials::AsWritten`]), whose
    /// stored number is given when it is saved.
    pub serial: i32,
    /// The office's own numbering ("2026-0001"), for [`Serials::AsWritten`].
    pub serial_written: Option<String>,
    pub filled_on: NaiveDate,
    pub answers: Vec<Answer>,
}

/// How the «Số phiếu» column is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Serials {
    /// Serials of forms printed by the app (00017).
    Printed,
    /// The round's forms were typed elsewhere before the app was used: each serial is kept as
    /// written ("2026-0001"), unique in the round.
    AsWritten,
}

/// The longest serial kept as written.
pub const WRITTEN_SERIAL_MAX: usize = 40;

/// Whether a file's name is that of a CSV file (its text is decoded by the caller, which
/// knows the code pages), else of a spreadsheet; anything else is refused.
pub fn is_csv(name: &str) -> Result<bool> {
    let ext = Path::new(name).extension().and_then(|e| e.to_str()).map(str::to_lowercase).unwrap_or_default();
    match ext.as_str() {
        "csv" | "txt" => Ok(true),
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => Ok(false),
        _ => Err(Error::validation("file", format!("Chỉ nhập được tệp .csv hoặc .xlsx (tệp đã chọn: {name})."))),
    }
}

/// Reads a CSV file's text (comma, semicolon or tab separated) into cells.
pub fn read_csv(text: &str) -> Result<Table> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
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

/// Reads a spreadsheet (`.xlsx`, `.xls`, `.ods`; the first sheet) into text cells.
pub fn read_sheet(name: &str, bytes: &[u8]) -> Result<Table> {
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

/// Why a header names no column.
enum Unmatched {
    /// No question's words hold it.
    None,
    /// The words of several questions hold it: their titles.
    Several(Vec<String>),
}

/// The words of each slot as the paper prints them: its question, its label and the
/// question's whole prompt, plain.
fn slot_words(template: &SurveyTemplate, slots: &[EntrySlot]) -> Vec<String> {
    slots
        .iter()
        .map(|s| {
            let item = s.code.split('.').next().unwrap_or_default();
            let prompt = template.items().find(|i| i.id() == Some(item)).map(prompt_of).unwrap_or_default();
            format!(" {} ", plain(&format!("{} {} {prompt}", s.question, s.label)))
        })
        .collect()
}

fn prompt_of(item: &SurveyItem) -> &str {
    match item {
        SurveyItem::Note { text } => text,
        SurveyItem::Respondent { prompt, .. }
        | SurveyItem::FreeText { prompt, .. }
        | SurveyItem::Choice { prompt, .. }
        | SurveyItem::RatingGrid { prompt, .. }
        | SurveyItem::YesNo { prompt, .. } => prompt,
    }
}

fn column_of(header: &str, names: &[(String, usize)], slots: &[EntrySlot], words: &[String]) -> std::result::Result<Column, Unmatched> {
    let h = plain(header);
    match h.as_str() {
        "" | "stt" | "tt" | "so thu tu" | "ghi chu" => return Ok(Column::Ignored),
        "so phieu" | "so" | "serial" | "phieu so" => return Ok(Column::Serial),
        "ngay" | "ngay dien phieu" | "ngay tra loi" | "ngay khao sat" | "date" | "filled on" => return Ok(Column::Date),
        _ => {}
    }
    if let Some((_, i)) = names.iter().find(|(n, _)| *n == h) {
        return Ok(Column::Slot(*i));
    }
    // A spreadsheet typed before the app was used heads a column with a part of the
    // question as printed («Có gây phiền hà, sách nhiễu»): it names the one question whose
    // words hold it, whole words in order. A question's follow-up and its «Ý kiến khác»
    // share its words; the question's own answer is meant.
    let needle = format!(" {h} ");
    let holders: Vec<usize> = (0..slots.len()).filter(|&i| words[i].contains(&needle)).collect();
    let own: Vec<usize> = holders.iter().copied().filter(|&i| !slots[i].code.contains('.')).collect();
    match (holders.as_slice(), own.as_slice()) {
        ([], _) => Err(Unmatched::None),
        ([one], _) => Ok(Column::Slot(*one)),
        (_, [one]) if holders.iter().all(|&i| slots[i].code.split('.').next() == Some(slots[*one].code.as_str())) => Ok(Column::Slot(*one)),
        (many, _) => {
            let mut titles: Vec<String> = many.iter().map(|&i| slots[i].title()).collect();
            titles.dedup();
            Err(Unmatched::Several(titles))
        }
    }
}

/// Every row read as a form, or every problem found (rows with problems are left out of the
/// forms; the caller saves nothing when there is any problem).
pub fn forms_from_table(table: &Table, template: &SurveyTemplate, slots: &[EntrySlot], serials: Serials) -> (Vec<ImportedForm>, Vec<ImportProblem>) {
    let mut problems = Vec::new();
    let mut forms = Vec::new();
    let Some(header_at) = table.rows.iter().position(|r| r.iter().any(|c| !c.trim().is_empty())) else {
        problems.push(ImportProblem { row: 0, message: "Tệp không có dữ liệu.".into() });
        return (forms, problems);
    };
    let names = header_names(slots);
    let words = slot_words(template, slots);
    let mut columns = Vec::new();
    for (i, h) in table.rows[header_at].iter().enumerate() {
        match column_of(h, &names, slots, &words) {
            Ok(c) => {
                if c != Column::Ignored && columns.contains(&c) {
                    problems.push(ImportProblem { row: header_at as i32 + 1, message: format!("Cột «{}» trùng với một cột trước đó.", clean_line(h)) });
                }
                columns.push(c);
            }
            Err(miss) => {
                let shown = clean_line(h).chars().take(80).collect::<String>();
                let message = match miss {
                    Unmatched::None => format!(
                        "Cột {} «{shown}» không khớp câu hỏi nào của mẫu phiếu; dùng mã câu hỏi (ví dụ cau_1.1), tên tiêu chí in trên phiếu hoặc một đoạn lời câu hỏi.",
                        i + 1
                    ),
                    Unmatched::Several(titles) => format!(
                        "Cột {} «{shown}» khớp với nhiều câu hỏi của mẫu phiếu ({}); hãy ghi thêm lời câu hỏi cho rõ hoặc dùng mã câu hỏi.",
                        i + 1,
                        titles.iter().map(|t| format!("«{t}»")).collect::<Vec<_>>().join("; ")
                    ),
                };
                problems.push(ImportProblem { row: header_at as i32 + 1, message });
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
        let mut serial_written = None;
        let mut date = None;
        let mut answers: Vec<Answer> = Vec::new();
        let mut errs: Vec<String> = Vec::new();
        for (ci, col) in columns.iter().enumerate() {
            let cell = row.get(ci).map(String::as_str).unwrap_or("");
            match col {
                Column::Ignored => {}
                Column::Serial if serials == Serials::AsWritten => {
                    let written = clean_line(cell);
                    if written.is_empty() {
                        errs.push("thiếu Số phiếu".into());
                    } else if written.chars().count() > WRITTEN_SERIAL_MAX {
                        errs.push(format!("Số phiếu «{}…» dài quá {WRITTEN_SERIAL_MAX} ký tự", written.chars().take(20).collect::<String>()));
                    } else {
                        serial = Some(0);
                        serial_written = Some(written);
                    }
                }
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
                        forms.push(ImportedForm { row: n, serial, serial_written, filled_on, answers: clean });
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
    use crate::domain::survey_entry::slots;

    fn bm() -> SurveyTemplate {
        SurveyTemplate::bm_qt_sct_05_02()
    }

    fn table(csv: &str) -> Table {
        read_csv(csv).unwrap()
    }

    const HEADER: &str = "Số phiếu;Ngày;Thái độ giao tiếp;Lắng nghe ý kiến;Tận tình, chu đáo;Tuân thủ đúng quy trình;Câu hỏi 2;cau_2.follow_up;Câu hỏi 3;Câu hỏi 4;Câu hỏi 5;cau_1.other";

    #[test]
    fn a_semicolon_file_with_labels_reads_every_form() {
        let s = slots(&SurveyTemplate::bm_qt_sct_05_02());
        let t = table(&format!("\u{feff}{HEADER}\n1;05/03/2026;Tốt;1;2;Đạt yêu cầu;Không;;1;1;1;\n2;2026-03-06;hỏng;;3;3;Có;b;2;2;2;Cần thêm chỗ ngồi\n"));
        let (forms, problems) = forms_from_table(&t, &bm(), &s, Serials::Printed);
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
        let (forms, problems) = forms_from_table(&t, &bm(), &s, Serials::Printed);
        assert_eq!(forms.len(), 1);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].row, 2);
        assert!(problems[0].message.starts_with("Dòng 2: Ngày «31/02/2026» không phải ngày có thật"), "{}", problems[0].message);
        assert!(problems[1].message.contains("Số phiếu «x»") && problems[1].message.contains("không có mức 9"), "{}", problems[1].message);
    }

    #[test]
    fn an_unknown_column_or_a_missing_question_stops_at_the_header() {
        let s = slots(&SurveyTemplate::bm_qt_sct_05_02());
        let (_, p) = forms_from_table(&table("Số phiếu,Ngày,Màu sắc\n1,01/03/2026,đỏ\n"), &bm(), &s, Serials::Printed);
        assert!(p.iter().any(|p| p.message.contains("«Màu sắc» không khớp")), "{p:?}");
        assert!(p.iter().any(|p| p.message.contains("Thiếu cột cho «Câu hỏi 1: Thái độ giao tiếp»")), "{p:?}");
    }

    #[test]
    fn a_part_of_a_question_names_the_one_question_that_holds_it() {
        let s = slots(&SurveyTemplate::bm_qt_sct_05_02());
        let head = "Số phiếu;Ngày;Thái độ giao tiếp;Lắng nghe ý kiến;Tận tình, chu đáo;Tuân thủ đúng quy trình;Có gây phiền hà, sách nhiễu;Câu hỏi 3;Câu hỏi 4;Câu hỏi 5";
        let (forms, problems) = forms_from_table(&table(&format!("{head}\n2026-0001;05/03/2026;1;1;1;1;Không;1;1;1\n")), &bm(), &s, Serials::AsWritten);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(forms[0].serial_written.as_deref(), Some("2026-0001"));
        assert!(forms[0].answers.contains(&Answer::chosen("cau_2", 2)));
        // Words two questions hold are refused, naming the column and the questions.
        let (_, p) = forms_from_table(&table(&format!("{}\n", head.replace("Có gây phiền hà, sách nhiễu", "cơ quan, tổ chức của Ông/Bà"))), &bm(), &s, Serials::AsWritten);
        assert!(p.iter().any(|p| p.message.starts_with("Cột 7 «cơ quan, tổ chức của Ông/Bà» khớp với nhiều câu hỏi") && p.message.contains("«Câu hỏi 3")), "{p:?}");
        // A printed round still wants numbers.
        let (_, p) = forms_from_table(&table(&format!("{head}\n2026-0001;05/03/2026;1;1;1;1;Không;1;1;1\n")), &bm(), &s, Serials::Printed);
        assert!(p[0].message.contains("Số phiếu «2026-0001» không phải số"), "{p:?}");
    }
}
