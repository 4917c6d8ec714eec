//! `ykien survey …`: survey templates, rounds, printing the forms of a round, importing
//! returned forms typed in a spreadsheet, and listing what was entered.

use crate::desk::{read, Desk};
use crate::print_json;
use clap::Subcommand;
use serde::Deserialize;
use serde_json::json;
use std::path::PathBuf;
use ykien::domain::survey_round::serial_text;
use ykien::{Answer, Error, Result, RoundInput};

#[derive(Subcommand)]
pub enum SurveyCommand {
    /// List the survey templates and their versions.
    Templates,
    /// Export or import a template as JSON.
    #[command(subcommand)]
    Template(TemplateCommand),
    /// Survey rounds (đợt khảo sát).
    #[command(subcommand)]
    Round(RoundCommand),
    /// List the survey rounds.
    Rounds,
    /// Print the next N numbered forms of a round as one PDF/A file.
    Print {
        /// The round's id or code (e.g. 2026-01).
        #[arg(long)]
        round: String,
        #[arg(long, value_name = "N")]
        count: i32,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Import returned forms typed in a .csv or .xlsx file: all rows or none.
    Import {
        #[arg(long)]
        round: String,
        file: PathBuf,
        /// Check every row and report, save nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// The forms entered in a round, by serial.
    Responses {
        #[arg(long)]
        round: String,
    },
    /// Where the answer boxes and corner marks of the round's printed forms lie (JSON).
    Layout {
        #[arg(long)]
        round: String,
    },
    /// Read returned forms from scanned files (PDF from a copier, JPEG, PNG, TIFF): each
    /// page's serial, status and answers. With --save, the forms read without doubt are saved
    /// and the other pages wait for `ykien survey review`.
    Scan {
        #[arg(long)]
        round: String,
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        #[arg(long)]
        save: bool,
    },
    /// The round's scanned pages waiting for a person («cần xem lại»), the least sure first.
    Review {
        #[arg(long)]
        round: String,
    },
}

#[derive(Subcommand)]
pub enum TemplateCommand {
    /// Write a template as JSON (the newest version unless --version).
    Export {
        /// The template's key, e.g. bm-qt-sct-05-02.
        key: String,
        #[arg(long)]
        version: Option<i32>,
        /// Write to this file instead of the standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Read a template from a JSON file and store it (a new version when the current one has
    /// printed or entered forms).
    Import { file: PathBuf },
}

#[derive(Subcommand)]
pub enum RoundCommand {
    /// Create a round; prints its id.
    Create {
        /// The template's key, e.g. bm-qt-sct-05-02 (its newest version is used).
        #[arg(long)]
        template: String,
        #[arg(long)]
        name: String,
        /// First day of the period (YYYY-MM-DD or dd/mm/yyyy).
        #[arg(long)]
        from: String,
        /// Last day of the period.
        #[arg(long)]
        to: String,
        /// The forms were typed into a spreadsheet elsewhere, before the app was used
        /// («nhập từ nơi khác»): imported with the office's own numbers ("2026-0001"),
        /// unique in the round; the round prints no forms.
        #[arg(long)]
        typed_elsewhere: bool,
    },
    /// Mark a round with no form printed or entered as typed elsewhere (or, with --off, not).
    TypedElsewhere {
        /// The round's id or code (e.g. 2026-01).
        #[arg(long)]
        round: String,
        #[arg(long)]
        off: bool,
    },
}

pub fn run(desk: &mut Desk, cmd: SurveyCommand, json: bool) -> Result<()> {
    match cmd {
        SurveyCommand::Templates => {
            let list = desk.call("survey_templates", json!({}))?;
            if json {
                print_json(&list);
            } else {
                for t in read::<Vec<TemplateView>>("survey_templates", list)? {
                    println!("{:<20} lần {:<3} {:<18} {} ({} đợt, {} phiếu)", t.key, t.version, t.code, t.title, t.rounds, t.responses);
                }
            }
        }
        SurveyCommand::Template(TemplateCommand::Export { key, version, out }) => {
            let text: String = desk.call_as("survey_template_export", json!({ "key": key, "version": version }))?;
            match out {
                Some(path) => {
                    std::fs::write(&path, &text)?;
                    if json {
                        print_json(&crate::Sorted(&json!({ "path": path, "bytes": text.len() })));
                    } else {
                        println!("Đã ghi {}.", path.display());
                    }
                }
                None => println!("{text}"),
            }
        }
        SurveyCommand::Template(TemplateCommand::Import { file }) => {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| Error::validation("file", format!("Không đọc được tệp mẫu phiếu {}: {e}.", file.display())))?;
            let info = desk.call("survey_template_import", json!({ "json": text }))?;
            if json {
                print_json(&info);
            } else {
                let info: TemplateView = read("survey_template_import", info)?;
                println!("Đã lưu mẫu phiếu {} lần {} ({}).", info.key, info.version, info.id);
            }
        }
        SurveyCommand::Round(RoundCommand::Create { template, name, from, to, typed_elsewhere }) => {
            let input = RoundInput { name, period_from: from, period_to: to, template_key: template };
            let mut round = desk.call("survey_round_create", json!({ "input": input }))?;
            if typed_elsewhere {
                round = desk.call("survey_round_typed_elsewhere", json!({ "roundId": round["id"], "typedElsewhere": true }))?;
            }
            if json {
                print_json(&round);
            } else {
                println!("{}", round["id"].as_str().unwrap_or_default());
            }
        }
        SurveyCommand::Round(RoundCommand::TypedElsewhere { round, off }) => {
            let round = desk.call("survey_round_typed_elsewhere", json!({ "roundId": round, "typedElsewhere": !off }))?;
            if json {
                print_json(&round);
            } else {
                let round: RoundView = read("survey_round_typed_elsewhere", round)?;
                if round.typed_elsewhere {
                    println!("Đợt {}: phiếu nhập từ nơi khác, số phiếu giữ như cơ quan đã ghi.", round.code);
                } else {
                    println!("Đợt {}: phiếu do phần mềm in và đánh số.", round.code);
                }
            }
        }
        SurveyCommand::Rounds => {
            let rounds = desk.call("survey_rounds", json!({}))?;
            if json {
                print_json(&rounds);
            } else {
                for r in read::<Vec<RoundView>>("survey_rounds", rounds)? {
                    let printed = if r.typed_elsewhere { "nhập từ nơi khác".to_owned() } else { format!("in {}", r.printed) };
                    println!(
                        "{}  {:<40} {} → {}  {} lần {}  {printed}  đã nhập {}  {}",
                        r.code, r.name, r.period_from, r.period_to, r.template_key, r.template_version, r.entered, r.id
                    );
                }
            }
        }
        SurveyCommand::Print { round, count, out } => {
            let before: RoundView = read("survey_entry_sheet", desk.call("survey_entry_sheet", json!({ "roundId": round }))?["round"].take())?;
            // The forms are printed into a folder of their own, then put where asked.
            let folder = tempfile::tempdir()?;
            let printed = desk.print_into(folder.path(), "survey_print", json!({ "roundId": before.id, "count": count }))?;
            let bytes = std::fs::read(printed["path"].as_str().unwrap_or_default())?;
            crate::write_file(&out, &bytes)?;
            let (first, last) = (before.printed + 1, before.printed + count);
            if json {
                print_json(&crate::Sorted(&json!({ "path": out, "bytes": bytes.len(), "round_id": before.id, "first_serial": first, "last_serial": last })));
            } else {
                println!("Đã ghi {} ({} phiếu, số {}–{}).", out.display(), count, serial_text(first), serial_text(last));
            }
        }
        SurveyCommand::Import { round, file, dry_run } => {
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let bytes = std::fs::read(&file)
                .map_err(|e| Error::validation("file", format!("Không đọc được tệp {}: {e}.", file.display())))?;
            let report = desk.call("survey_import", json!({ "roundId": round, "name": name, "bytes": bytes, "dryRun": dry_run }))?;
            let value = report.clone();
            let report: ImportView = read("survey_import", report)?;
            let failed = !report.problems.is_empty();
            if json {
                print_json(&value);
            } else {
                // UTF-8 goes without saying; another code page is worth a line.
                if let Some(page) = report.code_page.as_deref().filter(|p| *p != "utf8") {
                    println!("Bảng mã của tệp CSV: {}", code_page_label(page));
                }
                for c in &report.conversions {
                    println!("Đã chuyển ô {}{} ({}): «{}» → «{}»", c.column, c.row, c.encoding, c.before, c.after);
                }
                for p in &report.problems {
                    eprintln!("{}", p.message);
                }
                if failed {
                    eprintln!("Không nhập phiếu nào: {} lỗi trong {} dòng.", report.problems.len(), report.rows);
                } else if dry_run {
                    println!("Kiểm tra xong: {} phiếu hợp lệ, chưa nhập (--dry-run).", report.rows);
                } else {
                    println!("Đã nhập {} phiếu.", report.imported);
                }
            }
            if failed {
                // The report (with every row's problem) is already printed; exit 1.
                std::process::exit(1);
            }
        }
        SurveyCommand::Layout { round } => match desk.call("survey_layout", json!({ "roundId": round }))? {
            serde_json::Value::Null => {
                return Err(Error::validation("round", "Đợt khảo sát này chưa in phiếu nào nên chưa có vị trí các ô đánh dấu."));
            }
            layout => print_json(&layout),
        },
        SurveyCommand::Scan { round, files, save } => {
            let mut stack = Vec::new();
            for f in &files {
                let name = f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                let bytes = std::fs::read(f).map_err(|e| Error::validation("files", format!("Không đọc được tệp {}: {e}.", f.display())))?;
                stack.push(ykien::domain::survey_scan::ScanFile { name, bytes });
            }
            let report = desk.call("survey_scan", json!({ "roundId": round, "files": stack, "save": save }))?;
            let value = report.clone();
            let report: ScanView = read("survey_scan", report)?;
            if json {
                print_json(&value);
            } else {
                for p in &report.pages {
                    let serial = p.serial.map_or("?????".to_owned(), serial_text);
                    let status = match p.status.as_str() {
                        "read" => "đã đọc".to_owned(),
                        "needs_review" => format!("cần xem lại ({} câu)", p.answers.iter().filter(|a| a.review).count()),
                        _ => "không đọc được".to_owned(),
                    };
                    println!("{} trang {}: phiếu số {serial}, {status}", p.file, p.page);
                }
                if save {
                    println!("Đã lưu {} phiếu; {} trang chờ xem lại.", report.saved, report.waiting);
                }
            }
            for s in &report.skipped {
                eprintln!("{}", s.message);
            }
            if report.pages.is_empty() && !report.skipped.is_empty() {
                // Nothing was read: every file was skipped (named above).
                std::process::exit(1);
            }
        }
        SurveyCommand::Review { round } => {
            let list = desk.call("survey_scan_review", json!({ "roundId": round }))?;
            if json {
                print_json(&list);
            } else {
                for p in read::<Vec<ReviewView>>("survey_scan_review", list)? {
                    let serial = p.serial.map_or("?????".to_owned(), serial_text);
                    println!("{} trang {}: phiếu số {serial}: {}", p.file, p.page, p.problem.unwrap_or_default());
                }
            }
        }
        SurveyCommand::Responses { round } => {
            let list = desk.call("survey_responses", json!({ "roundId": round }))?;
            if json {
                print_json(&list);
            } else {
                for r in read::<Vec<ResponseView>>("survey_responses", list)? {
                    let answers: Vec<String> = r
                        .answers
                        .iter()
                        .map(|a| match (a.state, a.value, &a.text) {
                            (ykien::AnswerState::Chosen, Some(v), _) => format!("{}={v}", a.code),
                            (ykien::AnswerState::Text, _, Some(t)) => format!("{}=«{t}»", a.code),
                            (s, ..) => format!("{}={}", a.code, s.as_str()),
                        })
                        .collect();
                    let serial = r.serial_written.clone().unwrap_or_else(|| serial_text(r.serial));
                    println!("{serial} {} {}", r.filled_on, answers.join(" "));
                }
            }
        }
    }
    Ok(())
}

/// A survey template, as the text lines show it.
#[derive(Deserialize)]
struct TemplateView {
    id: String,
    key: String,
    version: i32,
    #[serde(default)]
    code: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    rounds: i64,
    #[serde(default)]
    responses: i64,
}

/// A survey round, as the text lines show it.
#[derive(Deserialize)]
struct RoundView {
    id: String,
    code: String,
    name: String,
    period_from: String,
    period_to: String,
    template_key: String,
    template_version: i32,
    printed: i32,
    entered: i64,
    #[serde(default)]
    typed_elsewhere: bool,
}

#[derive(Deserialize)]
struct ResponseView {
    serial: i32,
    #[serde(default)]
    serial_written: Option<String>,
    filled_on: String,
    answers: Vec<Answer>,
}

#[derive(Deserialize)]
struct ImportView {
    rows: u64,
    imported: u64,
    problems: Vec<ProblemView>,
    #[serde(default)]
    code_page: Option<String>,
    #[serde(default)]
    conversions: Vec<ConversionView>,
}

/// A cell converted from TCVN3 or VNI, as the text lines show it.
#[derive(Deserialize)]
pub(crate) struct ConversionView {
    pub row: i64,
    pub column: String,
    pub encoding: String,
    pub before: String,
    pub after: String,
}

/// The code page of a CSV file in Vietnamese, from its JSON name.
pub(crate) fn code_page_label(code: &str) -> &'static str {
    use ykien::import::read::CodePage;
    let page = match code {
        "utf16" => CodePage::Utf16,
        "windows1258" => CodePage::Windows1258,
        "windows1252" => CodePage::Windows1252,
        _ => CodePage::Utf8,
    };
    page.label()
}

#[derive(Deserialize)]
struct ProblemView {
    message: String,
}

#[derive(Deserialize)]
struct ScanView {
    pages: Vec<ScannedView>,
    skipped: Vec<ProblemView>,
    saved: i64,
    waiting: i64,
}

#[derive(Deserialize)]
struct ScannedView {
    file: String,
    page: u32,
    serial: Option<i32>,
    status: String,
    answers: Vec<ReadView>,
}

#[derive(Deserialize)]
struct ReadView {
    review: bool,
}

#[derive(Deserialize)]
struct ReviewView {
    file: String,
    page: u32,
    serial: Option<i32>,
    problem: Option<String>,
}
