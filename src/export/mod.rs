//! Exports for the office's own use and for auditors: the ledger, and the cases with their
//! history, to .xlsx (rust_xlsxwriter) or CSV (UTF-8 with a BOM, so Excel reads Vietnamese).
//!
//! A cell whose text begins with `=`, `+`, `-`, `@` (or a tab or carriage return) could run
//! as a formula when the file is opened: in .xlsx it is written as a string with Excel's
//! quote prefix; in CSV it gets a leading apostrophe, which Excel shows as text.
//!
//! Files are written to a temporary name beside the target and renamed when complete: a
//! cancelled or failed export leaves no half-written file.

use crate::domain::dates::dmy;
use crate::error::{Error, Result};
use crate::store::export::{HistoryLine, LedgerLine};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use std::path::{Path, PathBuf};

/// The export's file type, from the target's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Xlsx,
    Csv,
}

impl Kind {
    pub fn of(path: &Path) -> Result<Kind> {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("xlsx") => Ok(Kind::Xlsx),
            Some("csv") => Ok(Kind::Csv),
            _ => Err(Error::validation("out", format!("Tệp xuất «{}» phải có đuôi .xlsx hoặc .csv.", path.display()))),
        }
    }
}

/// Whether a spreadsheet would take this text for a formula.
pub fn formula_like(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

pub const LEDGER_HEADERS: [&str; 18] = [
    "STT",
    "Số phiếu",
    "Ngày tháng tiếp nhận",
    "Tên khách hàng",
    "Tổ chức",
    "Địa chỉ",
    "Điện thoại",
    "Thư điện tử",
    "Nội dung ý kiến phản ánh của khách hàng",
    "Loại ý kiến",
    "Nội dung liên quan",
    "Kênh tiếp nhận",
    "Đơn vị xử lý",
    "Người tiếp nhận",
    "Xác nhận của trưởng phòng/đơn vị",
    "Trạng thái",
    "Hạn trả lời",
    "Kết quả xử lý",
];

pub const HISTORY_HEADERS: [&str; 8] =
    ["Số phiếu", "Thời điểm", "Từ bước", "Sang bước", "Kênh", "Cán bộ", "Người ghi", "Ghi chú"];

/// A value of a row: text, or a local date-time `YYYY-MM-DDTHH:MM` / date `YYYY-MM-DD`.
enum Value {
    Text(String),
    When(String),
    Number(f64),
}

fn ledger_values(i: usize, l: &LedgerLine) -> Vec<Value> {
    use Value::*;
    vec![
        Number((i + 1) as f64),
        Text(l.receipt_no.clone()),
        When(l.received_at.clone()),
        Text(l.customer_name.clone()),
        Text(l.customer_org.clone()),
        Text(l.customer_address.clone()),
        Text(l.customer_phone.clone()),
        Text(l.customer_email.clone()),
        Text(l.content.clone()),
        Text(l.kind.label().into()),
        Text(l.subject.label().into()),
        Text(l.channel.label().into()),
        Text(l.unit_name.clone()),
        Text(l.receiver_name.clone()),
        Text(l.confirmation.clone()),
        Text(l.status.label().into()),
        When(l.due_date.clone()),
        Text(if l.closed_at.is_empty() { l.resolution.clone() } else { format!("Đóng ngày {}. {}", dmy(&l.closed_at), l.resolution).trim_end().to_owned() }),
    ]
}

fn history_values(h: &HistoryLine) -> Vec<Value> {
    use Value::*;
    vec![
        Text(h.receipt_no.clone()),
        When(h.at.clone()),
        Text(h.from_status.map(|s| s.label().to_owned()).unwrap_or_default()),
        Text(h.to_status.label().into()),
        Text(h.channel.map(|c| c.label().to_owned()).unwrap_or_default()),
        Text(h.staff_name.clone()),
        Text(h.actor.clone()),
        Text(h.note.clone()),
    ]
}


fn excel_when(s: &str) -> Option<ExcelDateTime> {
    let y: u16 = s.get(0..4)?.parse().ok()?;
    let m: u8 = s.get(5..7)?.parse().ok()?;
    let d: u8 = s.get(8..10)?.parse().ok()?;
    let date = ExcelDateTime::from_ymd(y, m, d).ok()?;
    match (s.get(11..13).and_then(|h| h.parse::<u16>().ok()), s.get(14..16).and_then(|m| m.parse::<u8>().ok())) {
        (Some(h), Some(mi)) => date.and_hms(h, mi, 0).ok(),
        _ => Some(date),
    }
}

pub use crate::domain::progress::Progress;

fn partial_path(out: &Path) -> PathBuf {
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "xuat".into());
    out.with_file_name(format!(".{name}.partial"))
}

fn xlsx_error(e: XlsxError) -> Error {
    Error::Io(std::io::Error::other(e.to_string()))
}

/// A sheet of the export.
struct Sheet<'a> {
    name: &'a str,
    headers: &'a [&'a str],
    widths: &'a [f64],
    rows: Vec<Vec<Value>>,
}

fn write_xlsx(path: &Path, sheets: &[Sheet], progress: Progress) -> Result<()> {
    let total: u64 = sheets.iter().map(|s| s.rows.len() as u64).sum();
    let mut done = 0u64;
    let mut book = Workbook::new();
    let head = Format::new().set_bold().set_text_wrap().set_background_color("#E7EEF7").set_border(rust_xlsxwriter::FormatBorder::Thin);
    let text = Format::new().set_text_wrap().set_align(rust_xlsxwriter::FormatAlign::Top);
    let quoted = text.clone().set_quote_prefix();
    let when = Format::new().set_num_format("dd/mm/yyyy hh:mm").set_align(rust_xlsxwriter::FormatAlign::Top);
    let day = Format::new().set_num_format("dd/mm/yyyy").set_align(rust_xlsxwriter::FormatAlign::Top);
    for s in sheets {
        let ws: &mut Worksheet = book.add_worksheet();
        ws.set_name(s.name).map_err(xlsx_error)?;
        for (c, h) in s.headers.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *h, &head).map_err(xlsx_error)?;
            ws.set_column_width(c as u16, s.widths.get(c).copied().unwrap_or(14.0)).map_err(xlsx_error)?;
        }
        ws.set_freeze_panes(1, 0).map_err(xlsx_error)?;
        for (r, row) in s.rows.iter().enumerate() {
            let r = (r + 1) as u32;
            for (c, v) in row.iter().enumerate() {
                let c = c as u16;
                match v {
                    Value::Number(n) => {
                        ws.write_number(r, c, *n).map_err(xlsx_error)?;
                    }
                    Value::When(w) => match excel_when(w) {
                        Some(dt) => {
                            ws.write_datetime_with_format(r, c, &dt, if w.len() > 10 { &when } else { &day }).map_err(xlsx_error)?;
                        }
                        None if w.is_empty() => {}
                        None => {
                            ws.write_string_with_format(r, c, w, &text).map_err(xlsx_error)?;
                        }
                    },
                    Value::Text(t) if t.is_empty() => {}
                    // write_string never makes a formula; the quote prefix keeps it text when edited.
                    Value::Text(t) => {
                        ws.write_string_with_format(r, c, t, if formula_like(t) { &quoted } else { &text }).map_err(xlsx_error)?;
                    }
                }
            }
            done += 1;
            if done.is_multiple_of(1000) && !progress(done, total) {
                return Err(Error::Cancelled);
            }
        }
        if !s.rows.is_empty() {
            ws.autofilter(0, 0, s.rows.len() as u32, (s.headers.len() - 1) as u16).map_err(xlsx_error)?;
        }
    }
    book.save(path).map_err(xlsx_error)?;
    progress(total, total);
    Ok(())
}

fn write_csv(path: &Path, sheet: &Sheet, progress: Progress) -> Result<()> {
    let total = sheet.rows.len() as u64;
    let file = std::fs::File::create(path)?;
    let mut out = std::io::BufWriter::new(file);
    std::io::Write::write_all(&mut out, b"\xEF\xBB\xBF")?;
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out);
    let csv_err = |e: csv::Error| Error::Io(std::io::Error::other(e.to_string()));
    w.write_record(sheet.headers).map_err(csv_err)?;
    for (i, row) in sheet.rows.iter().enumerate() {
        let cells: Vec<String> = row
            .iter()
            .map(|v| match v {
                Value::Number(n) => format!("{n}"),
                Value::When(s) => dmy(s),
                Value::Text(t) if formula_like(t) => format!("'{t}"),
                Value::Text(t) => t.clone(),
            })
            .collect();
        w.write_record(&cells).map_err(csv_err)?;
        if (i + 1) % 1000 == 0 && !progress(i as u64 + 1, total) {
            return Err(Error::Cancelled);
        }
    }
    let out = w.into_inner().map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
    out.into_inner().map_err(|e| Error::Io(e.into_error()))?.sync_all()?;
    progress(total, total);
    Ok(())
}

/// Writes through a temporary file and renames it when complete.
fn atomically(out: &Path, write: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = partial_path(out);
    let result = write(&tmp).and_then(|_| Ok(std::fs::rename(&tmp, out)?));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

const LEDGER_WIDTHS: [f64; 18] = [6.0, 13.0, 16.0, 24.0, 20.0, 24.0, 14.0, 20.0, 50.0, 14.0, 20.0, 16.0, 20.0, 20.0, 22.0, 18.0, 12.0, 40.0];
const HISTORY_WIDTHS: [f64; 8] = [13.0, 16.0, 22.0, 22.0, 16.0, 20.0, 20.0, 60.0];

/// The ledger to `out` (.xlsx or .csv). Returns the number of lines written.
pub fn ledger(out: &Path, lines: &[LedgerLine], progress: Progress) -> Result<usize> {
    let sheet = Sheet {
        name: "Sổ ghi nhận ý kiến",
        headers: &LEDGER_HEADERS,
        widths: &LEDGER_WIDTHS,
        rows: lines.iter().enumerate().map(|(i, l)| ledger_values(i, l)).collect(),
    };
    match Kind::of(out)? {
        Kind::Xlsx => atomically(out, |p| write_xlsx(p, &[sheet], progress))?,
        Kind::Csv => atomically(out, |p| write_csv(p, &sheet, progress))?,
    }
    Ok(lines.len())
}

/// The cases with their history: in .xlsx, the ledger sheet and a history sheet; in CSV (one
/// table a file), the history, one line per move.
pub fn cases(out: &Path, lines: &[LedgerLine], history: &[HistoryLine], progress: Progress) -> Result<usize> {
    let hist = Sheet {
        name: "Diễn biến xử lý",
        headers: &HISTORY_HEADERS,
        widths: &HISTORY_WIDTHS,
        rows: history.iter().map(history_values).collect(),
    };
    match Kind::of(out)? {
        Kind::Xlsx => {
            let book = Sheet {
                name: "Sổ ghi nhận ý kiến",
                headers: &LEDGER_HEADERS,
                widths: &LEDGER_WIDTHS,
                rows: lines.iter().enumerate().map(|(i, l)| ledger_values(i, l)).collect(),
            };
            atomically(out, |p| write_xlsx(p, &[book, hist], progress))?
        }
        Kind::Csv => atomically(out, |p| write_csv(p, &hist, progress))?,
    }
    Ok(lines.len())
}

/// The returned forms of a survey round, one line per form: its serial, the date written on
/// it, how it was entered, then one column per answer (the answer codes of the template, as
/// in the import layout): the box number, "0" for blank, "x" for two boxes ticked, or the text.
///
/// In .xlsx, a second sheet lists the kiosks' ratings of the round's period (`ratings`), each
/// marked with its source, desk, unit, template and day, then the level of each answer
/// (`rating_codes`, the kiosk templates' answer codes): nothing about the citizen, the staff
/// member or the case. A .csv holds one table: the paper forms only. Answers the lines written.
pub fn survey_responses(
    out: &Path,
    slots: &[crate::domain::survey_entry::EntrySlot],
    forms: &[crate::SurveyResponse],
    ratings: &[crate::domain::kiosk::RatingLine],
    rating_codes: &[String],
    progress: Progress,
) -> Result<usize> {
    use crate::domain::survey_entry::AnswerState;
    use Value::*;
    let mut headers: Vec<String> = vec!["Số phiếu".into(), "Ngày".into(), "Cách nhập".into()];
    headers.extend(slots.iter().map(|s| s.code.clone()));
    let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let widths: Vec<f64> = headers.iter().enumerate().map(|(i, _)| if i < 3 { 12.0 } else { 10.0 }).collect();
    let rows = forms
        .iter()
        .map(|f| {
            let mut row = vec![Number(f64::from(f.serial)), When(f.filled_on.clone()), Text(crate::domain::survey_round::source_label(&f.source).to_owned())];
            row.extend(slots.iter().map(|s| match f.answers.iter().find(|a| a.code == s.code) {
                None => Text(String::new()),
                Some(a) => match a.state {
                    AnswerState::Chosen => Number(f64::from(a.value.unwrap_or(0))),
                    AnswerState::Blank => Text("0".into()),
                    AnswerState::Spoiled => Text("x".into()),
                    AnswerState::Text => Text(a.text.clone().unwrap_or_default()),
                },
            }));
            row
        })
        .collect();
    let sheet = Sheet { name: "Phiếu khảo sát", headers: &header_refs, widths: &widths, rows };
    let mut rating_headers: Vec<&str> = vec!["Nguồn", "Ngày", "Máy đánh giá (quầy)", "Đơn vị", "Mẫu phiếu"];
    rating_headers.extend(rating_codes.iter().map(String::as_str));
    let rating_widths: Vec<f64> = rating_headers.iter().enumerate().map(|(i, _)| [18.0, 12.0, 22.0, 28.0, 16.0].get(i).copied().unwrap_or(12.0)).collect();
    let rating_rows = ratings
        .iter()
        .map(|r| {
            let mut row = vec![
                Text("Đánh giá tại quầy".into()),
                When(r.rated_on.clone()),
                Text(r.kiosk_name.clone()),
                Text(r.unit_name.clone().unwrap_or_default()),
                Text(r.template_code.clone()),
            ];
            row.extend(rating_codes.iter().map(|code| match r.answers.iter().find(|(c, _)| c == code) {
                Some((_, level)) => Number(f64::from(*level)),
                None => Text(String::new()),
            }));
            row
        })
        .collect();
    let at_desks = Sheet { name: "Đánh giá tại quầy", headers: &rating_headers, widths: &rating_widths, rows: rating_rows };
    match Kind::of(out)? {
        Kind::Xlsx => {
            atomically(out, |p| write_xlsx(p, &[sheet, at_desks], progress))?;
            Ok(forms.len() + ratings.len())
        }
        Kind::Csv => {
            atomically(out, |p| write_csv(p, &sheet, progress))?;
            Ok(forms.len())
        }
    }
}

/// A returned survey form as a person's export shows it: where it belongs and how each
/// answer reads on paper.
pub struct PersonForm {
    /// "2026-01/0007".
    pub reference: String,
    pub round_name: String,
    pub form: crate::SurveyResponse,
    pub slots: Vec<crate::domain::survey_entry::EntrySlot>,
}

/// Everything held about one person (trích xuất dữ liệu cá nhân), as handed to them.
pub struct PersonExport<'a> {
    pub office: String,
    /// dd/mm/yyyy hh:mm
    pub exported_at: String,
    pub exported_by: String,
    pub notice: String,
    pub cases: &'a [crate::Case],
    pub forms: &'a [PersonForm],
}

const PERSON_CASE_HEADERS: [&str; 21] = [
    "Số phiếu",
    "Ngày giờ tiếp nhận",
    "Kênh tiếp nhận",
    "Sổ",
    "Loại ý kiến",
    "Nội dung liên quan",
    "Tên khách hàng",
    "Tổ chức",
    "Địa chỉ",
    "Điện thoại",
    "Thư điện tử",
    "Nhóm khách hàng",
    "Nội dung ý kiến",
    "Người tiếp nhận",
    "Đơn vị xử lý",
    "Trạng thái",
    "Hạn giải quyết",
    "Ngày đóng hồ sơ",
    "Kết quả giải quyết",
    "Lý do gia hạn",
    "Xác nhận của trưởng phòng/đơn vị",
];
const PERSON_STEP_HEADERS: [&str; 6] = ["Số phiếu", "Thời điểm", "Việc", "Cán bộ", "Người ghi", "Nội dung"];
const PERSON_LETTER_HEADERS: [&str; 9] =
    ["Số phiếu", "Số công văn", "Tình trạng", "Nội dung", "Người ký", "Chức vụ", "Ngày ký", "Ngày gửi", "Gửi qua"];
const PERSON_FORM_HEADERS: [&str; 6] = ["Phiếu", "Đợt khảo sát", "Ngày ghi trên phiếu", "Câu hỏi", "Mục", "Trả lời"];

/// One workbook a sheet per kind of record: a cover sheet (who holds the data, when it was
/// extracted, the privacy notice), the lines of the book with every field, the handling
/// (moves, mandatory steps, corrective actions), the reply letters and the survey forms,
/// answers in the words printed on the form. Returns the number of records (cases and forms).
pub fn person(out: &Path, p: &PersonExport) -> Result<usize> {
    use crate::domain::survey_entry::AnswerState;
    use Value::*;
    if Kind::of(out)? != Kind::Xlsx {
        return Err(Error::validation("out", "Dữ liệu cá nhân chỉ xuất ra tệp Excel (.xlsx)."));
    }
    let t = |s: &str| Text(s.to_owned());
    let opt = |s: &Option<String>| Text(s.clone().unwrap_or_default());
    let cover = vec![
        vec![t("Cơ quan lưu giữ dữ liệu"), t(&p.office)],
        vec![t("Thời điểm trích xuất"), t(&p.exported_at)],
        vec![t("Người trích xuất"), t(&p.exported_by)],
        vec![t("Số hồ sơ ý kiến"), Number(p.cases.len() as f64)],
        vec![t("Số phiếu khảo sát"), Number(p.forms.len() as f64)],
        vec![t("Thông báo xử lý dữ liệu cá nhân"), t(&p.notice)],
    ];
    let cases = p
        .cases
        .iter()
        .map(|c| {
            vec![
                t(&c.receipt_no),
                When(c.received_at.clone()),
                t(c.channel.label()),
                t(c.book.label()),
                t(c.kind.label()),
                t(c.subject.label()),
                t(&c.customer_name),
                t(&c.customer_org),
                t(&c.customer_address),
                t(&c.customer_phone),
                t(&c.customer_email),
                t(c.customer_group.label()),
                t(&c.content),
                opt(&c.receiver_name),
                opt(&c.unit_name),
                t(c.status.label()),
                When(c.deadlines.due.clone()),
                When(c.closed_at.clone().unwrap_or_default()),
                t(&c.resolution),
                opt(&c.deadlines.exception_reason),
                Text(match (&c.confirmed_by_name, &c.confirmed_at) {
                    (Some(n), Some(at)) => format!("{n}, {}", dmy(at)),
                    (Some(n), None) => n.clone(),
                    _ => String::new(),
                }),
            ]
        })
        .collect();
    let mut steps = Vec::new();
    let mut letters = Vec::new();
    for c in p.cases {
        for e in &c.history {
            steps.push(vec![t(&c.receipt_no), When(e.at.clone()), t(e.to_status.label()), opt(&e.staff_name), t(&e.actor), t(&e.note)]);
        }
        for s in &c.steps {
            steps.push(vec![t(&c.receipt_no), When(s.on_date.clone()), t(s.step.label()), opt(&s.staff_name), Text(String::new()), t(&s.note)]);
        }
        for a in &c.actions {
            steps.push(vec![
                t(&c.receipt_no),
                When(a.due_date.clone()),
                Text(format!("{} (hạn hoàn thành)", a.kind.label())),
                opt(&a.owner_name),
                Text(String::new()),
                Text(format!("Nguyên nhân: {}\nBiện pháp: {}", a.cause, a.action)),
            ]);
        }
        for l in &c.letters {
            letters.push(vec![
                t(&c.receipt_no),
                t(&l.number),
                t(l.status.label()),
                t(&l.body),
                t(&l.signer_name),
                t(&l.signer_title),
                When(l.signed_on.clone().unwrap_or_default()),
                When(l.sent_on.clone().unwrap_or_default()),
                opt(&l.sent_via),
            ]);
        }
    }
    let mut forms = Vec::new();
    for f in p.forms {
        for s in &f.slots {
            let Some(a) = f.form.answers.iter().find(|a| a.code == s.code) else { continue };
            let answer = match a.state {
                AnswerState::Chosen => {
                    let v = a.value.unwrap_or(0);
                    s.options.get((v - 1).max(0) as usize).cloned().unwrap_or_else(|| format!("ô {v}"))
                }
                AnswerState::Blank => "(để trống)".into(),
                AnswerState::Spoiled => "(đánh dấu nhiều ô)".into(),
                AnswerState::Text => a.text.clone().unwrap_or_default(),
            };
            forms.push(vec![t(&f.reference), t(&f.round_name), When(f.form.filled_on.clone()), t(&s.question), t(&s.label), Text(answer)]);
        }
    }
    let sheets = [
        Sheet { name: "Thông tin chung", headers: &["Mục", "Nội dung"], widths: &[30.0, 100.0], rows: cover },
        Sheet { name: "Sổ ghi nhận ý kiến", headers: &PERSON_CASE_HEADERS, widths: &[13.0, 16.0, 16.0, 16.0, 14.0, 20.0, 24.0, 20.0, 24.0, 14.0, 20.0, 16.0, 50.0], rows: cases },
        Sheet { name: "Diễn biến xử lý", headers: &PERSON_STEP_HEADERS, widths: &[13.0, 16.0, 30.0, 20.0, 20.0, 60.0], rows: steps },
        Sheet { name: "Công văn trả lời", headers: &PERSON_LETTER_HEADERS, widths: &[13.0, 14.0, 12.0, 60.0, 20.0, 16.0, 12.0, 12.0, 16.0], rows: letters },
        Sheet { name: "Phiếu khảo sát", headers: &PERSON_FORM_HEADERS, widths: &[14.0, 24.0, 12.0, 30.0, 40.0, 40.0], rows: forms },
    ];
    atomically(out, |path| write_xlsx(path, &sheets, &|_, _| true))?;
    Ok(p.cases.len() + p.forms.len())
}

/// The figures of a report (`report figures`, the annual report) as a workbook: the summary
/// against the year before, every count, the quarters, the survey answers and the objectives,
/// one sheet each, numbers as numbers so that Excel can chart them.
pub fn figures(out: &Path, r: &crate::report::figures::FiguresReport) -> Result<()> {
    use Value::*;
    if Kind::of(out)? != Kind::Xlsx {
        return Err(Error::validation("out", "Số liệu báo cáo chỉ xuất ra tệp Excel (.xlsx)."));
    }
    let num = |x: Option<f64>| x.map(Number).unwrap_or_else(|| Text(String::new()));
    let f = &r.figures;
    let (this, before) = (f.period.label.clone(), r.year_before.period.label.clone());
    let summary_headers = ["Chỉ tiêu", this.as_str(), before.as_str(), "Tăng (+), giảm (−)", "Đơn vị"];
    let summary = Sheet {
        name: "Tổng hợp",
        headers: &summary_headers,
        widths: &[48.0, 16.0, 22.0, 18.0, 16.0],
        rows: r
            .changes
            .iter()
            .map(|c| {
                let unit = match c.unit.as_str() {
                    "percent" => "% (tăng giảm: điểm %)",
                    "days" => "ngày",
                    _ => "số lượng",
                };
                vec![Text(c.label.clone()), num(c.current), num(c.previous), num(c.change), Text(unit.into())]
            })
            .collect(),
    };
    let groups = [
        ("Loại ý kiến", &f.feedback.by_kind),
        ("Nội dung liên quan", &f.feedback.by_subject),
        ("Kênh tiếp nhận", &f.feedback.by_channel),
        ("Nhóm khách hàng", &f.feedback.by_customer_group),
        ("Đơn vị xử lý", &f.feedback.by_unit),
        ("Nhóm ý kiến khác (khảo sát)", &f.surveys.opinion_groups),
    ];
    let counts = Sheet {
        name: "Số ý kiến",
        headers: &["Phân theo", "Giá trị", "Số lượng"],
        widths: &[28.0, 44.0, 12.0],
        rows: groups
            .iter()
            .flat_map(|(by, list)| list.iter().map(move |c| vec![Text((*by).into()), Text(c.label.clone()), Number(f64::from(c.count))]))
            .collect(),
    };
    let quarters = Sheet {
        name: "Theo quý",
        headers: &["Kỳ", "Ý kiến tiếp nhận", "Khiếu nại", "Đã giải quyết", "Trả lời đúng hạn (%)", "Số ngày giải quyết (trung vị)", "Quá hạn cuối kỳ"],
        widths: &[20.0, 16.0, 12.0, 14.0, 18.0, 18.0, 14.0],
        rows: r
            .quarters
            .iter()
            .chain(std::iter::once(f))
            .map(|q| {
                vec![
                    Text(q.period.label.clone()),
                    Number(f64::from(q.feedback.total)),
                    Number(f64::from(q.complaints.received)),
                    Number(f64::from(q.complaints.closed)),
                    num(q.complaints.replied_on_time.percent),
                    num(q.complaints.median_days_to_close),
                    Number(f64::from(q.complaints.overdue_at_end)),
                ]
            })
            .collect(),
    };
    let mut answers = Vec::new();
    for t in &f.surveys.templates {
        for slot in &t.slots {
            let mut push = |what: &str, n: f64| {
                answers.push(vec![Text(format!("{} (lần {})", t.code, t.version)), Text(slot.question.clone()), Text(slot.label.clone()), Text(what.into()), Number(n)])
            };
            for l in &slot.levels {
                push(&l.label, f64::from(l.count));
            }
            push("Bỏ trống", f64::from(slot.blank));
            push("Không hợp lệ (đánh dấu hai ô)", f64::from(slot.spoiled));
            if let Some(p) = slot.index.and_then(|i| i.percent) {
                push("Chỉ số hài lòng (%)", p);
            }
        }
    }
    let surveys = Sheet {
        name: "Khảo sát",
        headers: &["Mẫu phiếu", "Câu hỏi", "Tiêu chí, lựa chọn", "Mức, trường hợp", "Số câu trả lời"],
        widths: &[22.0, 20.0, 44.0, 28.0, 14.0],
        rows: answers,
    };
    // Each quarter's satisfaction beside the same quarter a year before, then each rated
    // criterion's share in both.
    let mut satisfaction = Vec::new();
    for q in &r.quarter_surveys {
        let (now, then) = (&q.quarter, &q.year_before);
        let mut push = |what: String, a: &crate::report::figures::Share, b: Option<&crate::report::figures::Share>, change: Option<f64>| {
            satisfaction.push(vec![
                Text(now.period.label.clone()),
                Text(what),
                Number(f64::from(a.count)),
                Number(f64::from(a.of)),
                num(a.percent),
                b.map(|b| num(b.percent)).unwrap_or_else(|| Text(String::new())),
                num(change),
            ])
        };
        push(format!("Chỉ số hài lòng chung ({} phiếu; cùng kỳ {} phiếu)", now.forms, then.forms), &now.index, Some(&then.index), q.change);
        for c in &now.criteria {
            let before = then.criterion(&c.template, &c.code);
            let change = c.share.percent.zip(before.and_then(|b| b.percent)).map(|(a, b)| crate::report::figures::one_decimal(a - b));
            push(format!("{} — {}", c.template, c.label), &c.share, before, change);
        }
    }
    let quarter_satisfaction = Sheet {
        name: "Hài lòng theo quý",
        headers: &["Quý", "Chỉ số, tiêu chí", "Câu trả lời hài lòng", "Câu trả lời hợp lệ", "Tỷ lệ hài lòng (%)", "Cùng kỳ năm trước (%)", "Tăng (+), giảm (−) (điểm %)"],
        widths: &[20.0, 56.0, 14.0, 14.0, 14.0, 16.0, 16.0],
        rows: satisfaction,
    };
    // Which answers the index counts (the office's choice), then each source apart and both
    // together when the figures list them apart.
    let mut by_source = vec![vec![
        Text(format!("Chỉ số hài lòng tính từ: {}", f.surveys.index_source().label())),
        Number(f64::from(f.surveys.forms)),
        Number(f64::from(f.surveys.index.count)),
        Number(f64::from(f.surveys.index.of)),
        num(f.surveys.index.percent),
        Text("Có".into()),
    ]];
    by_source.extend(f.surveys.sources_and_together().iter().map(|x| {
        vec![
            Text(x.label.clone()),
            Number(f64::from(x.forms)),
            Number(f64::from(x.index.count)),
            Number(f64::from(x.index.of)),
            num(x.index.percent),
            Text(if x.counted { "Có" } else { "Không" }.into()),
        ]
    }));
    let sources = Sheet {
        name: "Theo nguồn",
        headers: &["Nguồn", "Số phiếu, lượt đánh giá", "Câu trả lời hài lòng", "Câu trả lời hợp lệ", "Chỉ số hài lòng (%)", "Tính vào chỉ số"],
        widths: &[64.0, 16.0, 14.0, 14.0, 14.0, 12.0],
        rows: by_source,
    };
    let objectives = Sheet {
        name: "Mục tiêu",
        headers: &["Mục tiêu", "Chỉ tiêu (%)", "Kết quả (%)", "Đánh giá"],
        widths: &[48.0, 14.0, 14.0, 16.0],
        rows: r
            .objectives
            .iter()
            .map(|o| {
                vec![Text(o.label.clone()), Number(o.target), num(o.actual), Text(o.verdict().into())]
            })
            .collect(),
    };
    let none: Progress = &|_, _| true;
    atomically(out, |p| write_xlsx(p, &[summary, counts, quarters, quarter_satisfaction, surveys, sources, objectives], none))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_text_is_recognised() {
        for s in ["=cmd|' /C calc'!A0", "+1", "-2+3", "@SUM(A1)", "\t=1"] {
            assert!(formula_like(s), "{s}");
        }
        for s in ["Nguyễn Văn An", "1=1", "", "a-b"] {
            assert!(!formula_like(s), "{s}");
        }
    }

    #[test]
    fn dates_print_as_offices_write_them() {
        assert_eq!(dmy("2026-03-02T09:30"), "02/03/2026 09:30");
        assert_eq!(dmy("2026-03-02"), "02/03/2026");
    }
}
