//! `ykien`: the command line over the same core as the app, for administrators, scripts and
//! tests. Its commands, options and `--json` output are a contract: scripts rely on them.
//!
//! Exit codes: 0 success; 1 the command failed (message on stderr, or with `--json` an
//! `{"error": …}` object on stdout); 2 the command line itself was wrong.

mod account;
mod actions;
mod bundle;
mod call;
mod desk;
mod encryption;
mod feedback;
mod kiosk;
mod office;
mod person;
mod print;
mod records;
mod report;
mod secret;
mod serve;
#[cfg(windows)]
mod service;
mod survey;

use clap::{Parser, Subcommand};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;
use ykien::{Database, ErrorReport, Ledger, Result};

#[derive(Parser)]
#[command(name = "ykien", version, about = "Ý Kiến — sổ ghi nhận ý kiến khách hàng, xử lý phản ánh, khảo sát sự hài lòng")]
struct Cli {
    /// The database file. Default: $YKIEN_DB, else the per-user app-data folder.
    #[arg(long, global = true, value_name = "PATH", conflicts_with = "server")]
    db: Option<PathBuf>,
    /// Work as a desk of the office server at this address (https://HOST:PORT) instead of a
    /// database file. Default: $YKIEN_SERVER (unless --db is given).
    #[arg(long, global = true, value_name = "URL")]
    server: Option<String>,
    /// The server's pairing code (the fingerprint `ykien serve --fingerprint` prints); a server
    /// with another certificate is refused. Default: $YKIEN_PIN.
    #[arg(long, global = true, value_name = "CODE")]
    pin: Option<String>,
    /// Print data as JSON.
    #[arg(long, global = true)]
    json: bool,
    /// Sign in as this account (password from $YKIEN_PASSWORD or a prompt). Needed on a
    /// database that has accounts; refused when its role may not do the command.
    #[arg(long = "as", global = true, value_name = "LOGIN")]
    as_user: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create the database (or bring an older one up to date).
    Init,
    /// Check the file's integrity, schema version, audit chain and kept counts; prints `ok`
    /// when healthy.
    Check {
        /// First build the kept counts (the book's per day, the survey answers') again from the
        /// records, when the check finds them different.
        #[arg(long)]
        repair_counts: bool,
    },
    /// Fill a new, empty database with realistic demo data.
    Demo {
        /// Years of data at an office's size instead of the two-year demo: district (one
        /// year: 5,000 cases, 2,000 survey forms), province (ten years: 200,000 and 100,000),
        /// stress (1,000,000 and 500,000). For benchmarks and trying the app at scale.
        #[arg(long, value_parser = ["district", "province", "stress"])]
        scale: Option<String>,
        /// The seed the scaled data is drawn from: the same seed gives the same data.
        #[arg(long, requires = "scale", default_value_t = 1)]
        seed: u64,
    },
    /// Show the office profile; `office set --name …` sets it.
    Office {
        #[command(subcommand)]
        action: Option<office::OfficeCommand>,
    },
    /// List the units (phòng ban); `units add|remove` changes them.
    #[command(visible_alias = "unit")]
    Units {
        #[command(subcommand)]
        action: Option<office::UnitCommand>,
    },
    /// List the staff; `staff add|remove` changes them.
    Staff {
        /// Search name and title, ignoring accents and case.
        #[arg(long)]
        search: Option<String>,
        #[command(subcommand)]
        action: Option<office::StaffCommand>,
    },
    /// Show the settings (deadlines, retention); `settings set KEY VALUE` changes one.
    Settings {
        #[command(subcommand)]
        action: Option<office::SettingsCommand>,
    },
    /// List the holidays that working-day deadlines skip; `holidays add|remove` changes them.
    #[command(visible_alias = "holiday")]
    Holidays {
        #[command(subcommand)]
        action: Option<office::HolidayCommand>,
    },
    /// Run any command of the core's command table with JSON arguments; prints its result
    /// as JSON (docs/cli-office.md).
    Call(call::CallArgs),
    /// The feedback book and the handling of cases.
    #[command(subcommand)]
    Feedback(Box<feedback::FeedbackCommand>),
    /// The corrective-action register: list, add, move forward, check effectiveness.
    #[command(subcommand)]
    Actions(actions::ActionsCommand),
    /// Print a paper form as a PDF/A file.
    Print(print::PrintArgs),
    /// Figures and reports of the management review.
    #[command(subcommand)]
    Report(report::ReportCommand),
    /// Paper surveys: templates, rounds, printing, import of returned forms.
    #[command(subcommand)]
    Survey(Box<survey::SurveyCommand>),
    /// Show the newest entries of the audit log.
    Audit {
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
    /// Import an old ledger from a spreadsheet.
    #[command(subcommand)]
    Import(records::ImportCommand),
    /// Export the ledger or the cases to .xlsx or .csv.
    #[command(subcommand)]
    Export(records::ExportCommand),
    /// Make a verified backup (into DIR, or the office's backup folder: «Sao lưu» beside the database until one is chosen).
    Backup {
        #[arg(long, value_name = "DIR")]
        to: Option<PathBuf>,
    },
    /// Replace the database with a backup, after checking it and copying the current file aside.
    Restore { file: PathBuf },
    /// Retention periods and disposal of records past them.
    #[command(subcommand)]
    Retention(records::RetentionCommand),
    /// Accounts: list, create, reset a password, unlock, disable; one's own password.
    #[command(subcommand)]
    Account(account::AccountCommand),
    /// Encryption of the database file at rest (administrators): on, off, change, status.
    #[command(subcommand)]
    Encryption(encryption::EncryptionCommand),
    /// A person's data (Law 91/2025/QH15): find their records, export them, erase them on request.
    #[command(subcommand)]
    Person(person::PersonCommand),
    /// The office server: serve this database to the office's desks over HTTPS (docs/server.md).
    Serve(serve::ServeArgs),
    /// Rating kiosks at the desks: add, list, pair, disable, arm, figures (docs/kiosk.md).
    #[command(subcommand)]
    Kiosk(kiosk::KioskCommand),
    /// Period bundles between offices: key, export; for a consolidating office: consolidating,
    /// trust, offices, import, list (docs/bundles.md).
    #[command(subcommand)]
    Bundle(bundle::BundleCommand),
    /// The office server as a Windows service: install, uninstall, status (docs/windows.md).
    #[cfg(windows)]
    #[command(subcommand)]
    Service(service::ServiceCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let json = cli.json;
    match run(cli) {
        // `call` prints a refusal itself, as the command's JSON answer.
        Ok(()) if call::failed() => ExitCode::FAILURE,
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if json {
                #[derive(Serialize)]
                struct Failure {
                    error: ErrorReport,
                }
                print_json(&Failure { error: ErrorReport::from(&e) });
            } else {
                eprintln!("Lỗi: {e}");
                if let Some(hint) = encryption::hint(&e) {
                    eprintln!("{hint}");
                }
            }
            ExitCode::FAILURE
        }
    }
}

/// Writes a whole file, creating its folder (never seen half-written).
pub(crate) fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    ykien::documents::write_whole(path, bytes)
}

/// An object the command line puts together itself (`json!`, not a result of the command
/// table) with its keys in alphabetical order: the order its `--json` has always printed
/// in. A result of the table keeps the order of its struct's fields.
pub(crate) use ykien::domain::json::Sorted;

pub(crate) fn print_json<T: Serialize>(value: &T) {
    use std::io::Write;
    let text = serde_json::to_string_pretty(value).expect("serialisable");
    // A script that reads only the start (`| head`) closes the pipe: not an error of ours.
    if let Err(e) = writeln!(std::io::stdout().lock(), "{text}") {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("Lỗi: không ghi được kết quả ra màn hình: {e}");
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    if let Command::Call(a) = &cli.command {
        if a.list {
            return call::list(cli.json);
        }
    }
    #[cfg(windows)]
    if let Command::Service(cmd) = cli.command {
        return service::run(cli.db, cmd, cli.json);
    }
    // An explicit --db means this PC's file, whatever $YKIEN_SERVER says.
    let server = cli.server.clone().or_else(|| if cli.db.is_some() { None } else { env_value("YKIEN_SERVER") });
    if let Some(server) = server {
        return run_at_desk(cli, &server);
    }
    let path = cli.db.clone().unwrap_or_else(ykien::paths::default_db_path);
    if let Command::Restore { file } = &cli.command {
        let key = encryption::key_for(&[&path, file])?;
        let db = Database::new(&path).with_passphrase(key.as_deref());
        return records::restore(&db, file, cli.as_user.as_deref(), cli.json);
    }
    if let Command::Serve(args) = cli.command {
        return serve::run(&path, args, cli.json);
    }
    let key = encryption::key_for(&[&path])?;
    let mut ledger = Database::new(&path).with_passphrase(key.as_deref()).open()?;
    // The actor of a database without accounts: the system, as the issue of accounts has it,
    // with the command line and the operating-system user who ran it, for the auditor. With
    // accounts, the one signed in with --as.
    ledger.set_actor(format!("{} (dòng lệnh, {})", ykien::SYSTEM_ACTOR, whoami()));
    let mut desk = desk::Desk::local(ledger);
    if let Some(login) = &cli.as_user {
        account::sign_in(&mut desk, login)?;
    }
    let json = cli.json;
    match cli.command {
        Command::Init => {
            let version = desk.ledger("init")?.schema_version()?;
            if json {
                print_json(&Sorted(&serde_json::json!({ "path": path, "schema_version": version })));
            } else {
                println!("Đã sẵn sàng: {} (lược đồ số {version})", path.display());
            }
        }
        Command::Check { repair_counts } => {
            if repair_counts {
                desk.ledger("check")?.repair_counts()?;
            }
            let report = desk.ledger("check")?.check()?;
            if json {
                print_json(&report);
            } else if report.ok {
                println!("ok");
            } else {
                for p in &report.problems {
                    eprintln!("{p}");
                }
            }
            if !report.ok {
                return Err(ykien::Error::Corrupt(report.problems.join("; ")));
            }
        }
        Command::Demo { scale: Some(scale), seed } => {
            demo_at_scale(desk.ledger("demo")?, &path, &scale, seed, json)?;
        }
        Command::Demo { scale: None, .. } => {
            let ledger = desk.ledger("demo")?;
            ykien::demo::fill_with_accounts(ledger)?;
            let (units, staff) = (ledger.units()?.len(), ledger.staff(None)?.len());
            let accounts = ykien::demo::DEMO_ACCOUNTS.len();
            if json {
                print_json(&Sorted(&serde_json::json!({ "path": path, "units": units, "staff": staff, "accounts": accounts })));
            } else {
                println!(
                    "Đã tạo dữ liệu mẫu trong {}: {units} đơn vị, {staff} cán bộ, {accounts} tài khoản \
                     (mật khẩu «{}», xem README).",
                    path.display(),
                    ykien::demo::DEMO_PASSWORD
                );
            }
        }
        Command::Encryption(cmd) => encryption::run(desk.ledger("encryption")?, key.as_deref(), cmd, json)?,
        Command::Backup { to: Some(dir) } => records::backup_to(desk.ledger("backup --to")?, &dir, json)?,
        Command::Restore { .. } | Command::Serve(_) => unreachable!("handled before opening"),
        command => at_a_desk(&mut desk, command, json)?,
    }
    Ok(())
}

/// With `--server`: the office server runs the command; this PC only sends it and prints
/// the answer. What works on the database file itself is refused: it is run on the server.
fn run_at_desk(cli: Cli, server: &str) -> Result<()> {
    let on_file = match &cli.command {
        Command::Init => Some("init"),
        Command::Check { .. } => Some("check"),
        Command::Demo { .. } => Some("demo"),
        Command::Restore { .. } => Some("restore"),
        Command::Backup { to: Some(_) } => Some("backup --to"),
        Command::Encryption(_) => Some("encryption"),
        Command::Serve(_) => Some("serve"),
        _ => None,
    };
    if let Some(what) = on_file {
        return Err(desk::on_server_only(what));
    }
    let pin = cli.pin.clone().or_else(|| env_value("YKIEN_PIN")).ok_or_else(|| {
        ykien::Error::validation(
            "pin",
            "Hãy cho biết mã ghép nối của máy chủ: --pin MÃ (hoặc biến môi trường YKIEN_PIN); \
             máy chủ hiển thị mã này khi khởi động và trong «Cài đặt › Máy chủ».",
        )
    })?;
    let pin = ykien::pairing::Fingerprint::parse(&pin)?;
    let remote = ykien::desk::Remote::connect(server, &pin)?;
    let mut desk = desk::Desk::remote(remote);
    if let Some(login) = &cli.as_user {
        account::sign_in(&mut desk, login)?;
    }
    let outcome = match cli.command {
        // The tablets reach the server at the address this desk reaches it.
        Command::Kiosk(cmd) => kiosk::run(&mut desk, cmd, Some(server), cli.json),
        command => at_a_desk(&mut desk, command, cli.json),
    };
    // The session ends with the command, as a signed-in window's ends with sign-out.
    if cli.as_user.is_some() {
        let _ = desk.dispatch("sign_out", serde_json::Value::Null);
    }
    outcome
}

/// The commands that work the same on this PC's file and at a desk of the office server.
fn at_a_desk(desk: &mut desk::Desk, command: Command, json: bool) -> Result<()> {
    match command {
        Command::Office { action } => office::office(desk, action, json)?,
        Command::Units { action } => office::units(desk, action, json)?,
        Command::Staff { search, action } => office::staff(desk, search, action, json)?,
        Command::Settings { action } => office::settings(desk, action, json)?,
        Command::Holidays { action } => office::holidays(desk, action, json)?,
        Command::Call(args) => call::run(desk, args, json)?,
        Command::Feedback(cmd) => feedback::run(desk, *cmd, json)?,
        Command::Actions(cmd) => actions::run(desk, cmd, json)?,
        Command::Print(args) => print::run(desk, args, json)?,
        Command::Report(cmd) => report::run(desk, cmd, json)?,
        Command::Bundle(cmd) => bundle::run(desk, cmd, json)?,
        Command::Survey(cmd) => survey::run(desk, *cmd, json)?,
        Command::Import(cmd) => records::import(desk, cmd, json)?,
        Command::Export(cmd) => records::export(desk, cmd, json)?,
        Command::Backup { to: None } => records::backup(desk, json)?,
        Command::Retention(cmd) => records::retention(desk, cmd, json)?,
        Command::Account(cmd) => account::run(desk, cmd, json)?,
        Command::Person(cmd) => person::run(desk, cmd, json)?,
        Command::Kiosk(cmd) => kiosk::run(desk, cmd, None, json)?,
        Command::Audit { limit } => {
            let entries: Vec<ykien::AuditEntry> = desk.call_as("audit_log", serde_json::json!({ "limit": limit }))?;
            if json {
                print_json(&entries);
            } else {
                for e in entries {
                    println!("{:>6} {} {} {} {} {}", e.seq, e.at, e.actor, e.action, e.entity, e.entity_id);
                }
            }
        }
        Command::Init
        | Command::Check { .. }
        | Command::Demo { .. }
        | Command::Encryption(_)
        | Command::Backup { to: Some(_) }
        | Command::Restore { .. }
        | Command::Serve(_) => unreachable!("run on the database file before"),
        #[cfg(windows)]
        Command::Service(_) => unreachable!("handled before choosing the file or the server"),
    }
    Ok(())
}

/// An environment variable, unless unset or blank.
fn env_value(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn whoami() -> String {
    std::env::var("USERNAME").or_else(|_| std::env::var("USER")).unwrap_or_else(|_| "?".into())
}

/// `demo --scale`: years of data through the core's API, with a progress line on stderr.
fn demo_at_scale(ledger: &mut Ledger, path: &std::path::Path, scale: &str, seed: u64, json: bool) -> Result<()> {
    use ykien::demo::scale::{fill, Scale};
    let scale = Scale::parse(scale).expect("clap checks the scale");
    let start = std::time::Instant::now();
    let progress = |what: &str, done: usize, total: usize| {
        let what = if what == "cases" { "hồ sơ" } else { "phiếu khảo sát" };
        eprint!("\r{what}: {done}/{total}   ");
        if done == total {
            eprintln!();
        }
    };
    let made = fill(ledger, scale, seed, &progress)?;
    let seconds = start.elapsed().as_secs_f64();
    if json {
        print_json(&Sorted(&serde_json::json!({
            "path": path, "scale": scale.as_str(), "seed": seed, "cases": made.cases, "forms": made.forms,
            "first_year": made.first_year, "last_year": made.last_year, "seconds": seconds,
        })));
    } else {
        println!(
            "Đã tạo dữ liệu mẫu quy mô {} trong {}: {} hồ sơ, {} phiếu khảo sát, năm {}–{} (hạt giống {seed}, {seconds:.0} giây).",
            scale.label(), path.display(), made.cases, made.forms, made.first_year, made.last_year
        );
    }
    Ok(())
}
