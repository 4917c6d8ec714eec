//! `ykien bundle …`: period bundles between offices (docs/bundles.md). An office shows its
//! key and writes its bundle of a period; a consolidating office («Đơn vị tổng hợp») registers
//! the offices it receives from, imports their bundles and lists them. Their figures side by
//! side: `ykien report figures --year Y --offices all`.

use crate::desk::{read, Desk};
use crate::print_json;
use clap::{Subcommand, ValueEnum};
use serde::Deserialize;
use serde_json::json;
use ykien::bundle::BundleKey;
use ykien::store::bundle::{ConsolidationSettings, ImportedBundle, TrustedOffice};
use ykien::{BundleImport, ErrorReport, ExportedBundle, Result};

#[derive(Subcommand)]
pub enum BundleCommand {
    /// The fingerprint of this office's key, which the consolidating office registers.
    Key,
    /// Write this office's bundle of a period: its figures (and with --with-records the
    /// records behind them, without personal data), signed with its key.
    Export {
        /// First day of the period (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        from: String,
        /// Last day of the period (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        to: String,
        #[arg(long, value_name = "FILE")]
        out: std::path::PathBuf,
        /// Also the cases and survey forms behind the figures, without names, contacts or
        /// free text.
        #[arg(long)]
        with_records: bool,
    },
    /// Set whether this office consolidates the bundles of others («Đơn vị tổng hợp»).
    Consolidating {
        #[arg(value_enum)]
        state: OnOff,
        /// A folder the window watches for new bundles to import.
        #[arg(long, value_name = "DIR")]
        inbox: Option<String>,
    },
    /// Register an office whose bundles this office accepts, by its key's fingerprint
    /// (as `ykien bundle key` shows it there).
    Trust {
        #[arg(long)]
        name: String,
        #[arg(long, value_name = "FINGERPRINT")]
        key: String,
    },
    /// The offices registered here.
    Offices,
    /// Import a bundle; the sending office's passphrase from $YKIEN_BUNDLE_KEY when it is
    /// encrypted (else asked).
    Import {
        file: std::path::PathBuf,
    },
    /// The bundles imported, by period.
    List,
    /// The consolidated annual report of the offices (BM-[HC-TMKH]-BCTM, a table and a
    /// chart per figure across offices) as a PDF/A file.
    Report {
        #[arg(long)]
        year: i32,
        #[arg(long, value_name = "FILE")]
        out: std::path::PathBuf,
        /// Also a Word copy, for editing before signing.
        #[arg(long, value_name = "FILE")]
        docx: Option<std::path::PathBuf>,
        /// Also the offices' total figures as an Excel workbook.
        #[arg(long, value_name = "FILE")]
        xlsx: Option<std::path::PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum OnOff {
    On,
    Off,
}

pub fn run(desk: &mut Desk, cmd: BundleCommand, json: bool) -> Result<()> {
    match cmd {
        BundleCommand::Key => {
            let key: BundleKey = desk.call_as("bundle_key", json!({}))?;
            if json {
                print_json(&key);
            } else {
                println!("Mã khoá gói số liệu của đơn vị: {}", key.grouped);
                println!("(lập lúc {}; đơn vị tổng hợp đăng ký mã này một lần)", key.created_at);
            }
        }
        BundleCommand::Export { from, to, out, with_records } => {
            let args = json!({ "from": from, "to": to, "withRecords": with_records, "path": out });
            let made: ExportedBundle = desk.call_as("bundle_export", args)?;
            if json {
                print_json(&made);
            } else {
                let records = if with_records { format!(", {} hồ sơ và {} phiếu khảo sát", made.cases, made.forms) } else { String::new() };
                let sealed = if made.encrypted { ", đã mã hoá" } else { "" };
                println!("Đã ghi gói số liệu {} – {} vào {} ({} KB{records}{sealed}).", made.from, made.to, made.path, made.bytes.div_ceil(1024));
            }
        }
        BundleCommand::Consolidating { state, inbox } => {
            let mut settings: ConsolidationSettings = desk.call_as("bundle_settings_get", json!({}))?;
            settings.consolidating = matches!(state, OnOff::On);
            if inbox.is_some() {
                settings.inbox = inbox;
            }
            let saved: ConsolidationSettings = desk.call_as("bundle_settings_save", json!({ "settings": settings }))?;
            if json {
                print_json(&saved);
            } else if saved.consolidating {
                println!("Đơn vị này là «Đơn vị tổng hợp»: đăng ký đơn vị gửi (ykien bundle trust) rồi nhập gói số liệu của họ.");
            } else {
                println!("Đơn vị này không còn là «Đơn vị tổng hợp» (các gói đã nhập vẫn được giữ).");
            }
        }
        BundleCommand::Trust { name, key } => {
            let office: TrustedOffice = desk.call_as("bundle_trust", json!({ "name": name, "key": key }))?;
            if json {
                print_json(&office);
            } else {
                println!("Đã đăng ký «{}» (mã khoá {}).", office.name, ykien::bundle::format::grouped(&office.fingerprint));
            }
        }
        BundleCommand::Offices => {
            let offices = desk.call("bundle_offices", json!({}))?;
            if json {
                print_json(&offices);
            } else {
                for o in read::<Vec<TrustedOffice>>("bundle_offices", offices)? {
                    println!("{}  {}  {}", &o.fingerprint[..8], o.name, ykien::bundle::format::grouped(&o.fingerprint));
                }
            }
        }
        BundleCommand::Import { file } => {
            let mut passphrase = crate::secret::env("YKIEN_BUNDLE_KEY");
            let imported = loop {
                match desk.dispatch("bundle_import", json!({ "path": file, "passphrase": passphrase })) {
                    Ok(v) => break read::<BundleImport>("bundle_import", v)?,
                    Err(ErrorReport::Validation { field, message }) if field == "passphrase" && passphrase.is_none() => {
                        eprintln!("{message}");
                        passphrase = Some(crate::secret::prompt("Mật khẩu mã hoá của đơn vị gửi: ", "YKIEN_BUNDLE_KEY")?);
                    }
                    Err(e) => return Err(ykien::Error::Remote(e)),
                }
            };
            if json {
                print_json(&imported);
            } else {
                let b = &imported.bundle;
                let what = match imported.outcome.as_str() {
                    "unchanged" => "Gói này đã được nhập trước đây: không có gì thay đổi",
                    "replaced" => "Đã nhập, thay gói cũ hơn của cùng đơn vị và kỳ",
                    _ => "Đã nhập",
                };
                println!("{what}: «{}», {} – {}, lập lúc {} ({} hồ sơ, phiếu kèm theo).", b.office, b.from, b.to, b.made_at, b.records);
            }
        }
        BundleCommand::Report { year, out, docx, xlsx } => {
            for path in [Some(&out), docx.as_ref(), xlsx.as_ref()].into_iter().flatten() {
                desk.call("consolidated_report_save", json!({ "year": year, "path": path }))?;
            }
            let bytes = std::fs::metadata(&out)?.len();
            if json {
                print_json(&crate::Sorted(&json!({ "path": out, "bytes": bytes })));
            } else {
                println!("Đã ghi báo cáo tổng hợp năm {year} vào {} ({} KB).", out.display(), bytes.div_ceil(1024));
            }
        }
        BundleCommand::List => {
            let list = desk.call("bundles_list", json!({}))?;
            if json {
                print_json(&list);
            } else {
                for b in read::<Vec<ImportedBundle>>("bundles_list", list)? {
                    println!("{} – {}  {:<40} lập {}  nhập {}  {} hồ sơ", b.from, b.to, b.office, b.made_at, b.imported_at, b.records);
                }
            }
        }
    }
    Ok(())
}

/// The offices' figures as the text lines show them.
#[derive(Deserialize)]
pub struct ConsolidatedView {
    from: String,
    to: String,
    offices: Vec<OfficeView>,
    total: Option<ReportView>,
    missing: Vec<TrustedOffice>,
}

#[derive(Deserialize)]
struct OfficeView {
    office: TrustedOffice,
    report: ReportView,
}

#[derive(Deserialize)]
struct ReportView {
    figures: FiguresView,
}

#[derive(Deserialize)]
struct FiguresView {
    feedback: TotalView,
    complaints: ComplaintsView,
    surveys: SurveysView,
}

#[derive(Deserialize)]
struct TotalView {
    total: u64,
}

#[derive(Deserialize)]
struct ComplaintsView {
    received: u64,
    replied_on_time: ShareView,
}

#[derive(Deserialize)]
struct SurveysView {
    forms: u64,
    index: ShareView,
}

#[derive(Deserialize)]
struct ShareView {
    count: u64,
    of: u64,
    percent: Option<f64>,
}

fn share(s: &ShareView) -> String {
    s.percent.map(|p| format!("{p:.1}% ({}/{})", s.count, s.of)).unwrap_or_else(|| "—".into())
}

/// The offices side by side, one line each, then the total and who has not sent.
pub fn print_consolidated(c: &ConsolidatedView) {
    println!("Số liệu các đơn vị từ {} đến {}", c.from, c.to);
    println!("{:<40} {:>8} {:>10} {:>22} {:>8} {:>22}", "Đơn vị", "Ý kiến", "Khiếu nại", "Trả lời đúng hạn", "Phiếu", "Chỉ số hài lòng");
    let line = |name: &str, f: &FiguresView| {
        println!(
            "{name:<40} {:>8} {:>10} {:>22} {:>8} {:>22}",
            f.feedback.total,
            f.complaints.received,
            share(&f.complaints.replied_on_time),
            f.surveys.forms,
            share(&f.surveys.index)
        );
    };
    for o in &c.offices {
        line(&o.office.name, &o.report.figures);
    }
    if let Some(t) = &c.total {
        line("Tổng cộng", &t.figures);
    }
    if !c.missing.is_empty() {
        let names: Vec<&str> = c.missing.iter().map(|o| o.name.as_str()).collect();
        println!("Chưa gửi gói số liệu của kỳ: {}", names.join(", "));
    }
}
