//! `ykien import …`, `export …`, `backup`, `restore`, `retention …`: the office's records.

use crate::desk::{read, Desk};
use crate::print_json;
use clap::{Args, Subcommand};
use serde::Deserialize;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use ykien::store::retention::RecordType;
use ykien::{no_progress, Database, Kind, Ledger, Opened, Result};

#[derive(Subcommand)]
pub enum ImportCommand {
    /// An old ledger kept in a spreadsheet (.xlsx, .xls, .ods, .csv): previewed, then stored
    /// all at once, or not at all when a line has an error.
    Ledger {
        file: PathBuf,
        /// Only show what would be imported; store nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Args)]
pub struct Period {
    /// Only what was received on or after this day (YYYY-MM-DD or dd/mm/yyyy).
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Only what was received on or before this day.
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// The file to write: .xlsx or .csv (UTF-8 with BOM).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

#[derive(Subcommand)]
pub enum ExportCommand {
    /// The feedback book, one line per case.
    Ledger(Period),
    /// The cases with their history (.xlsx: two sheets; .csv: the history).
    Cases(Period),
    /// The returned forms of a survey round, one line per form, one column per answer code.
    Surveys {
        /// The round's id or code (e.g. 2026-01).
        #[arg(long)]
        round: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum RetentionCommand {
    /// The records whose retention period has run out on DATE: closed cases of the feedback
    /// book, and returned survey forms.
    Due {
        #[arg(long, value_name = "DATE")]
        on: String,
    },
    /// Disposes of them: erases personal data and free text, keeps the anonymous counts, and
    /// writes one disposal record (biên bản) as PDF, one part per type of record.
    Dispose {
        #[arg(long, value_name = "DATE")]
        on: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Only this type of record (both by default).
        #[arg(long = "type", value_enum, value_name = "TYPE")]
        only: Option<DisposeType>,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum DisposeType {
    /// The feedback book: closed cases.
    Ledger,
    /// Returned survey forms.
    #[value(alias = "survey_forms")]
    Surveys,
}

pub fn import(desk: &mut Desk, cmd: ImportCommand, json: bool) -> Result<()> {
    let ImportCommand::Ledger { file, dry_run } = cmd;
    let preview = match desk.call("import_ledger", json!({ "path": file, "commit": !dry_run })) {
        Ok(p) => p,
        Err(e) => {
            // A refused commit still shows where the errors are.
            if !dry_run && !json {
                if let Ok(p) = desk.call_as::<PreviewView>("import_ledger", json!({ "path": file, "commit": false })) {
                    for r in p.rows.iter().filter(|r| !r.errors.is_empty()) {
                        for err in &r.errors {
                            eprintln!("{err}");
                        }
                    }
                }
            }
            return Err(e);
        }
    };
    if json {
        print_json(&preview);
        return Ok(());
    }
    let preview: PreviewView = read("import_ledger", preview)?;
    println!("Tệp: {} {}", preview.file_name, if preview.sheet.is_empty() { String::new() } else { format!("(trang «{}»)", preview.sheet) });
    // UTF-8 goes without saying; another code page is worth a line.
    if !preview.code_page_label.is_empty() && preview.code_page_label != "UTF-8" {
        println!("Bảng mã của tệp CSV: {}", preview.code_page_label);
    }
    println!("Bảng mã: {}{}", preview.encoding_label, if preview.converted_cells > 0 { format!(", đã chuyển {} ô sang Unicode", preview.converted_cells) } else { String::new() });
    for c in &preview.conversions {
        println!("  ô {}{} ({}): «{}» → «{}»", c.column, c.row, c.encoding, c.before, c.after);
    }
    println!("Dòng tiêu đề: {}", preview.header_row);
    for c in &preview.columns {
        println!("  cột {} «{}» → {}", c.column, c.header, if c.field_label.is_empty() { "(không dùng)" } else { &c.field_label });
    }
    for r in preview.rows.iter().filter(|r| !r.errors.is_empty()) {
        for e in &r.errors {
            println!("{e}");
        }
    }
    let verb = if preview.committed { "Đã nhập" } else { "Sẽ nhập" };
    println!(
        "{verb} {} dòng mới; {} dòng đã có (bỏ qua); {} dòng lỗi; tổng {} dòng.",
        preview.new_rows, preview.duplicate_rows, preview.error_rows, preview.total_rows
    );
    Ok(())
}

pub fn export(desk: &mut Desk, cmd: ExportCommand, json: bool) -> Result<()> {
    let records = |what: &str, p: Period| json!({ "what": what, "out": p.out, "from": p.from, "to": p.to });
    let (command, args) = match cmd {
        ExportCommand::Ledger(p) => ("export_records", records("ledger", p)),
        ExportCommand::Cases(p) => ("export_records", records("cases", p)),
        ExportCommand::Surveys { round, out } => ("survey_responses_export", json!({ "roundId": round, "out": out })),
    };
    let report = desk.call(command, args)?;
    if json {
        print_json(&report);
    } else {
        let report: crate::person::Exported = read(command, report)?;
        println!("Đã xuất {} dòng vào {} ({} byte).", report.rows, report.path, report.bytes);
    }
    Ok(())
}

/// A backup into the office's backup folder (on the server, for a desk).
pub fn backup(desk: &mut Desk, json: bool) -> Result<()> {
    let file = desk.call("backup_now", json!({}))?;
    if json {
        print_json(&file);
    } else {
        let file: BackupView = read("backup_now", file)?;
        println!("Đã sao lưu và kiểm tra: {} ({} byte).", file.path, file.bytes);
    }
    Ok(())
}

/// A backup into `dir`, on this PC's own file.
pub fn backup_to(ledger: &Ledger, dir: &Path, json: bool) -> Result<()> {
    let file = ledger.backup_to(dir, &no_progress)?;
    if json {
        print_json(&file);
    } else {
        println!("Đã sao lưu và kiểm tra: {} ({} byte).", file.path, file.bytes);
    }
    Ok(())
}

#[derive(Deserialize)]
struct BackupView {
    path: String,
    bytes: u64,
}

/// An old ledger's preview, as the text lines show it.
#[derive(Deserialize)]
struct PreviewView {
    file_name: String,
    sheet: String,
    encoding_label: String,
    converted_cells: i64,
    #[serde(default)]
    conversions: Vec<crate::survey::ConversionView>,
    #[serde(default)]
    code_page_label: String,
    header_row: i64,
    columns: Vec<ColumnView>,
    total_rows: i64,
    new_rows: i64,
    duplicate_rows: i64,
    error_rows: i64,
    rows: Vec<RowView>,
    committed: bool,
}

#[derive(Deserialize)]
struct ColumnView {
    column: String,
    header: String,
    field_label: String,
}

#[derive(Deserialize)]
struct RowView {
    errors: Vec<String>,
}

/// Runs before the database is opened: a damaged database must still be restorable. One
/// that opens and passes its check is restored through the ledger, by an administrator
/// signed in with --as when it has accounts.
pub fn restore(db: &Database, from: &Path, as_user: Option<&str>, json: bool) -> Result<()> {
    let healthy = match db.path().exists().then(|| db.open_checked()) {
        Some(Opened::Ready(ledger)) => Some(ledger),
        _ => None,
    };
    let report = match healthy {
        Some(ledger) => {
            let mut desk = Desk::local(ledger);
            if let Some(login) = as_user {
                crate::account::sign_in(&mut desk, login)?;
            }
            desk.ledger("restore")?.restore_backup(from, None)?
        }
        None => db.restore(from, None)?,
    };
    if json {
        print_json(&report);
    } else {
        println!("Đã phục hồi {} từ {}.", db.path().display(), report.restored_from);
        if let Some(copy) = &report.previous_copy {
            println!("Bản dữ liệu trước khi phục hồi được giữ tại {copy}.");
        }
    }
    Ok(())
}

pub fn retention(desk: &mut Desk, cmd: RetentionCommand, json: bool) -> Result<()> {
    match cmd {
        RetentionCommand::Due { on } => {
            let due = desk.call("retention_due", json!({ "on": on }))?;
            if json {
                print_json(&due);
            } else {
                let due: DueView = read("retention_due", due)?;
                println!("{} (lưu {} năm): {} hồ sơ hết thời hạn vào ngày {}.", due.record_label, due.retention_years, due.records.len(), due.on);
                for r in &due.records {
                    println!("  {}  nhận {}  đóng {}  hết hạn {}  {}", r.receipt_no, r.received_on, r.closed_on, r.due_on, r.kind.label());
                }
                let s = &due.survey_forms;
                println!(
                    "{} (lưu {} năm, tính từ {}): {} phiếu hết thời hạn vào ngày {}.",
                    s.record_label,
                    s.retention_years,
                    s.counted_from,
                    s.records.len(),
                    due.on
                );
                for f in &s.records {
                    println!("  đợt {}  phiếu {:05}  ghi ngày {}  hết hạn {}  {} mục viết tay", f.round_code, f.serial, f.filled_on, f.due_on, f.texts);
                }
            }
        }
        RetentionCommand::Dispose { on, out, only } => {
            let only = only.map(|t| match t {
                DisposeType::Ledger => RecordType::Ledger,
                DisposeType::Surveys => RecordType::SurveyForms,
            });
            let report = desk.call("retention_dispose", json!({ "on": on, "out": out, "only": only }))?;
            if json {
                print_json(&report);
            } else {
                let report: DisposalView = read("retention_dispose", report)?;
                let forms = report.survey_forms.as_ref();
                let redacted = report.disposal.redacted_audit_entries + forms.map_or(0, |s| s.redacted_audit_entries);
                let mut what = Vec::new();
                if !report.disposal.records.is_empty() {
                    what.push(format!("{} hồ sơ sổ ghi nhận", report.disposal.records.len()));
                }
                if let Some(s) = forms {
                    what.push(format!("{} phiếu khảo sát", s.records.len()));
                }
                println!(
                    "Đã tiêu huỷ {} (xoá nội dung của {redacted} mục nhật ký); biên bản: {}.",
                    what.join(" và "),
                    report.path
                );
                for r in &report.disposal.removed_reports {
                    println!("Đã xoá bản lưu của báo cáo tổng hợp khiếu nại {} – {} (SHA-256 {}).", r.period_from, r.period_to, r.sha256);
                }
            }
        }
    }
    Ok(())
}

/// What is due for disposal, as the text lines show it.
#[derive(Deserialize)]
struct DueView {
    on: String,
    record_label: String,
    retention_years: i64,
    records: Vec<DueRecord>,
    survey_forms: DueForms,
}

#[derive(Deserialize)]
struct DueRecord {
    receipt_no: String,
    received_on: String,
    closed_on: String,
    due_on: String,
    kind: Kind,
}

#[derive(Deserialize)]
struct DueForms {
    record_label: String,
    retention_years: i64,
    counted_from: String,
    records: Vec<DueForm>,
}

#[derive(Deserialize)]
struct DueForm {
    round_code: String,
    serial: i32,
    filled_on: String,
    due_on: String,
    texts: i64,
}

/// A disposal, as the text lines show it.
#[derive(Deserialize)]
struct DisposalView {
    path: String,
    disposal: DisposedView,
    survey_forms: Option<DisposedView>,
}

#[derive(Deserialize)]
struct DisposedView {
    records: Vec<Value>,
    redacted_audit_entries: i64,
    #[serde(default)]
    removed_reports: Vec<RemovedReport>,
}

#[derive(Deserialize)]
struct RemovedReport {
    period_from: String,
    period_to: String,
    sha256: String,
}
