//! `ykien report …`: the figures of the management review (R4).

use crate::desk::{read, Desk};
use clap::{ArgGroup, Args, Subcommand};
use serde::Deserialize;
use serde_json::json;
use ykien::report::period::PeriodQuery;
use ykien::report::review::Metric;
use ykien::{PrintJob, Result};

#[derive(Subcommand)]
pub enum ReportCommand {
    /// The figures of a year, a quarter, a month or any period, against the same period a
    /// year before (and, for a year, its four quarters).
    /// With --offices (a consolidating office), the year's figures of the offices whose
    /// bundles it imported, side by side, with their total and the offices not yet heard from.
    #[command(group(ArgGroup::new("part").args(["quarter", "month", "from"])))]
    Figures {
        #[command(flatten)]
        period: FiguresArgs,
        /// `all`, or the offices by id, fingerprint (its first 8 digits suffice) or name as
        /// registered (see: ykien bundle offices).
        #[arg(long, num_args = 1.., value_name = "ID", requires = "year", conflicts_with_all = ["quarter", "month", "from"])]
        offices: Vec<String>,
    },
    /// The reports archived when they were printed, newest first; with --id and --out, one
    /// of them written back byte for byte.
    Archive {
        #[arg(long, requires = "out")]
        id: Option<String>,
        #[arg(long, value_name = "FILE", requires = "id")]
        out: Option<std::path::PathBuf>,
    },
    /// The yearly compilation of complaints, their results and actions (seed 001) as a PDF/A file.
    Complaints {
        #[arg(long)]
        year: i32,
        #[arg(long, value_name = "FILE")]
        out: std::path::PathBuf,
    },
    /// Sets the objective of a year on a figure (a share in percent to reach), or removes it;
    /// prints the year's objectives judged on its figures.
    Objective {
        #[arg(long)]
        year: i32,
        /// replied_on_time, settled_front_desk or satisfaction_index.
        #[arg(long)]
        metric: String,
        /// The target in percent, e.g. 95.
        #[arg(long, required_unless_present = "remove")]
        target: Option<f64>,
        #[arg(long, conflicts_with = "target")]
        remove: bool,
    },
    /// The annual customer-satisfaction report (BM-[HC-TMKH]-BCTM) as a PDF/A file.
    Annual {
        #[arg(long)]
        year: i32,
        #[arg(long, value_name = "FILE")]
        out: std::path::PathBuf,
        /// Also a Word copy, for editing before signing.
        #[arg(long, value_name = "FILE")]
        docx: Option<std::path::PathBuf>,
        /// Also the report's figures as an Excel workbook.
        #[arg(long, value_name = "FILE")]
        xlsx: Option<std::path::PathBuf>,
    },
}

/// A period of the figures: a year, a quarter or month of it, or two days. Shared by every
/// command that counts over a period (`report figures`, `kiosk figures`).
#[derive(Args)]
pub struct FiguresArgs {
    /// The year (with --quarter or --month, the year they belong to).
    #[arg(long, required_unless_present = "from")]
    year: Option<i32>,
    /// A quarter of the year, 1 to 4.
    #[arg(long, requires = "year")]
    quarter: Option<u32>,
    /// A month of the year, 1 to 12.
    #[arg(long, requires = "year")]
    month: Option<u32>,
    /// First day of a custom period (YYYY-MM-DD).
    #[arg(long, requires = "to", conflicts_with = "year", value_name = "DATE")]
    from: Option<String>,
    /// Last day of a custom period (YYYY-MM-DD).
    #[arg(long, requires = "from", value_name = "DATE")]
    to: Option<String>,
}

impl FiguresArgs {
    pub fn query(self) -> PeriodQuery {
        PeriodQuery { year: self.year, quarter: self.quarter, month: self.month, from: self.from, to: self.to }
    }
}

pub fn run(desk: &mut Desk, cmd: ReportCommand, json: bool) -> Result<()> {
    match cmd {
        ReportCommand::Annual { year, out, docx, xlsx } => {
            if let Some(path) = docx {
                desk.call("annual_docx_save", json!({ "year": year, "path": path }))?;
            }
            if let Some(path) = xlsx {
                desk.call("annual_xlsx_save", json!({ "year": year, "path": path }))?;
            }
            print_archived(desk, &PrintJob::AnnualReport { year }, &out, json)?
        }
        ReportCommand::Complaints { year, out } => print_archived(desk, &PrintJob::ComplaintsReport { year }, &out, json)?,
        ReportCommand::Archive { id: Some(id), out: Some(out) } => {
            desk.call("archived_report_save", json!({ "id": id, "path": out }))?;
            let pdf = std::fs::read(&out)?;
            let sha256 = ykien::report::review::sha256_hex(&pdf);
            if json {
                crate::print_json(&crate::Sorted(&json!({ "path": out, "bytes": pdf.len(), "sha256": sha256 })));
            } else {
                println!("Đã ghi {} ({} KB), SHA-256 {sha256}.", out.display(), pdf.len().div_ceil(1024));
            }
        }
        ReportCommand::Archive { .. } => {
            let list = desk.call("archived_reports", json!({}))?;
            if json {
                crate::print_json(&list);
            } else {
                for a in read::<Vec<ArchivedView>>("archived_reports", list)? {
                    println!("{}  {:<10} {} – {}  {}  {}  {}", a.generated_at, a.kind, a.period_from, a.period_to, a.author, a.sha256, a.id);
                }
            }
        }
        ReportCommand::Objective { year, metric, target, remove } => {
            let metric = Metric::parse(&metric)?;
            desk.call("objective_set", json!({ "year": year, "metric": metric, "target": if remove { None } else { target } }))?;
            let period = PeriodQuery { year: Some(year), ..PeriodQuery::default() };
            let judged = desk.call("report_figures", json!({ "period": period }))?["objectives"].take();
            if json {
                crate::print_json(&judged);
            } else {
                for o in read::<Vec<ObjectiveView>>("report_figures", judged)? {
                    let actual = o.actual.map(|a| format!("{a:.1}%")).unwrap_or_else(|| "—".into());
                    let verdict = match o.met { Some(true) => "đạt", Some(false) => "không đạt", None => "chưa có số liệu" };
                    println!("{:<48} ≥ {:>5.1}%  {:>7}  {verdict}", o.label, o.target, actual);
                }
            }
        }
        ReportCommand::Figures { period, offices } if !offices.is_empty() => {
            let year = period.query().year.unwrap_or_default();
            let all = offices.iter().any(|o| o == "all");
            let offices: Vec<String> = if all { Vec::new() } else { offices };
            let figures = desk.call("report_figures_offices", json!({ "year": year, "offices": offices }))?;
            if json {
                crate::print_json(&figures);
            } else {
                crate::bundle::print_consolidated(&read("report_figures_offices", figures)?);
            }
        }
        ReportCommand::Figures { period: a, .. } => {
            let query = a.query();
            // Refused here as before, with the same words, before asking anyone.
            query.period()?;
            let report = desk.call("report_figures", json!({ "period": query }))?;
            if json {
                crate::print_json(&report);
            } else {
                print_text(&read("report_figures", report)?);
            }
        }
    }
    Ok(())
}

/// Prints a report to be signed (archived as printed) and says where, with its archive entry.
fn print_archived(desk: &mut Desk, job: &PrintJob, out: &std::path::Path, json: bool) -> Result<()> {
    desk.call("print_save", json!({ "job": job, "path": out }))?;
    let bytes = std::fs::metadata(out)?.len();
    // The archive lists the newest first: the copy just printed.
    let archived: Vec<ArchivedView> = desk.call_as("archived_reports", json!({}))?;
    let archived = archived.into_iter().next().ok_or_else(|| ykien::Error::Conflict("Bản báo cáo vừa in chưa được lưu trữ.".into()))?;
    if json {
        crate::print_json(&crate::Sorted(&json!({ "path": out, "bytes": bytes, "archive_id": archived.id, "sha256": archived.sha256 })));
    } else {
        println!("Đã ghi {} ({} KB), đã lưu trữ bản này (SHA-256 {}).", out.display(), bytes.div_ceil(1024), archived.sha256);
    }
    Ok(())
}

/// An archived report, as the text lines show it.
#[derive(Deserialize)]
struct ArchivedView {
    id: String,
    kind: String,
    period_from: String,
    period_to: String,
    generated_at: String,
    author: String,
    sha256: String,
}

#[derive(Deserialize)]
struct ObjectiveView {
    label: String,
    target: f64,
    actual: Option<f64>,
    met: Option<bool>,
}

/// The figures of a period, as the text lines show them.
#[derive(Deserialize)]
struct FiguresReport {
    figures: Figures,
    year_before: PeriodOnly,
    changes: Vec<Change>,
    quarters: Vec<QuarterView>,
    /// Absent from an office server of an older version.
    #[serde(default)]
    quarter_surveys: Vec<QuarterSurveysView>,
}

#[derive(Deserialize)]
struct QuarterSurveysView {
    quarter: SatisfactionView,
    year_before: SatisfactionView,
    change: Option<f64>,
}

#[derive(Deserialize)]
struct SatisfactionView {
    period: PeriodView,
    forms: u64,
    index: Share,
}

#[derive(Deserialize)]
struct Figures {
    period: PeriodView,
    feedback: FeedbackFigures,
    complaints: ComplaintFigures,
}

#[derive(Deserialize)]
struct PeriodView {
    label: String,
    from: String,
    to: String,
}

#[derive(Deserialize)]
struct PeriodOnly {
    period: PeriodView,
}

#[derive(Deserialize)]
struct FeedbackFigures {
    total: u64,
    by_kind: Vec<Count>,
    by_unit: Vec<Count>,
}

#[derive(Deserialize)]
struct Count {
    label: String,
    count: u64,
}

#[derive(Deserialize)]
struct ComplaintFigures {
    received: u64,
    closed: u64,
    replied_on_time: Share,
    settled_front_desk: Share,
    escalated_specialist: Share,
    escalated_leadership: Share,
    open_at_end: u64,
    overdue_at_end: u64,
    #[serde(default)]
    formal: Option<FormalFigures>,
}

/// The Law on Complaints' deadlines over the period.
#[derive(Deserialize)]
struct FormalFigures {
    received: u64,
    accepted_on_time: Share,
    decided_on_time: Share,
    overdue_at_end: u64,
}

#[derive(Deserialize)]
struct Share {
    count: u64,
    of: u64,
    percent: Option<f64>,
}

#[derive(Deserialize)]
struct Change {
    label: String,
    unit: String,
    current: Option<f64>,
    previous: Option<f64>,
    change: Option<f64>,
}

#[derive(Deserialize)]
struct QuarterView {
    period: PeriodView,
    feedback: QuarterFeedback,
    complaints: QuarterComplaints,
}

#[derive(Deserialize)]
struct QuarterFeedback {
    total: u64,
}

#[derive(Deserialize)]
struct QuarterComplaints {
    received: u64,
    replied_on_time: Share,
}

fn share(s: &Share) -> String {
    match s.percent {
        Some(p) => format!("{p:.1}% ({}/{})", s.count, s.of),
        None => "—".into(),
    }
}

fn number(x: Option<f64>, unit: &str) -> String {
    match (x, unit) {
        (None, _) => "—".into(),
        (Some(v), "percent") => format!("{v:.1}%"),
        (Some(v), _) if v.fract() == 0.0 => format!("{v:.0}"),
        (Some(v), _) => format!("{v:.1}"),
    }
}

fn change(c: &Change) -> String {
    match c.change {
        None => "—".into(),
        Some(v) if c.unit == "percent" => format!("{v:+.1} điểm %"),
        Some(v) if v.fract() == 0.0 => format!("{v:+.0}"),
        Some(v) => format!("{v:+.1}"),
    }
}

fn print_text(r: &FiguresReport) {
    let f = &r.figures;
    println!("{} ({} – {})", f.period.label, f.period.from, f.period.to);
    println!("Tổng số ý kiến: {}", f.feedback.total);
    for (title, list) in [("Theo loại ý kiến", &f.feedback.by_kind), ("Theo đơn vị xử lý", &f.feedback.by_unit)] {
        println!("{title}:");
        for c in list.iter().filter(|c| c.count > 0) {
            println!("  {:<48} {:>6}", c.label, c.count);
        }
    }
    let c = &f.complaints;
    println!("Khiếu nại, phàn nàn, kháng nghị: {} tiếp nhận, {} đã đóng", c.received, c.closed);
    println!("  Trả lời đúng hạn:                {}", share(&c.replied_on_time));
    println!("  Giải quyết tại bộ phận tiếp nhận: {}", share(&c.settled_front_desk));
    println!("  Chuyển phòng chuyên môn:          {}", share(&c.escalated_specialist));
    println!("  Xin ý kiến lãnh đạo:              {}", share(&c.escalated_leadership));
    println!("  Còn đang giải quyết cuối kỳ: {} (quá hạn {})", c.open_at_end, c.overdue_at_end);
    if let Some(law) = &c.formal {
        println!("Khiếu nại theo Luật Khiếu nại: {} tiếp nhận", law.received);
        println!("  Thụ lý đúng hạn (10 ngày):       {}", share(&law.accepted_on_time));
        println!("  Giải quyết đúng hạn (30/45 ngày): {}", share(&law.decided_on_time));
        println!("  Quá hạn theo Luật cuối kỳ:       {}", law.overdue_at_end);
    }
    println!("So với {}:", r.year_before.period.label);
    for ch in &r.changes {
        println!(
            "  {:<44} {:>10} {:>10} {:>12}",
            ch.label,
            number(ch.current, &ch.unit),
            number(ch.previous, &ch.unit),
            change(ch)
        );
    }
    if !r.quarters.is_empty() {
        println!("Theo quý (ý kiến / khiếu nại / đúng hạn):");
        for q in &r.quarters {
            println!("  {:<20} {:>6} {:>6} {:>16}", q.period.label, q.feedback.total, q.complaints.received, share(&q.complaints.replied_on_time));
        }
    }
    if !r.quarter_surveys.is_empty() {
        println!("Chỉ số hài lòng theo quý (phiếu / chỉ số / cùng kỳ năm trước / tăng, giảm):");
        for q in &r.quarter_surveys {
            let (now, then) = (&q.quarter, &q.year_before);
            let points = q.change.map(|v| format!("{v:+.1} điểm %")).unwrap_or_else(|| "—".into());
            println!("  {:<20} {:>6} {:>18} {:>18} {:>14}", now.period.label, now.forms, share(&now.index), share(&then.index), points);
        }
    }
}
