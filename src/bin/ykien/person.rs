//! `ykien person …`: a person's rights over their data (Law 91/2025/QH15): find their
//! records, export everything held about them, erase it at their request.

use crate::desk::{read, Desk};
use crate::print_json;
use clap::{Args, Subcommand};
use serde::Deserialize;
use serde_json::{json, Value};
use std::path::PathBuf;
use ykien::{ErasureReport, ErasureRequest, Error, PersonMatch, PersonQuery, PersonSelection, Result};

#[derive(Subcommand)]
pub enum PersonCommand {
    /// List the cases and survey forms that may be the person's (accents and case ignored;
    /// telephone numbers by their digits). Contact details are masked.
    Find(Query),
    /// Write everything held in the picked records to one .xlsx file (a sheet per kind).
    Export {
        /// Receipt numbers (2026/000123) and survey forms (2026-01/00007) that are the person's.
        #[arg(required = true, value_name = "REF")]
        references: Vec<String>,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Erase the person's data from the picked records at their request (closed cases only).
    Erase {
        #[arg(required = true, value_name = "REF")]
        references: Vec<String>,
        /// The request's number or reference (số, ký hiệu của đơn yêu cầu).
        #[arg(long)]
        request: String,
        /// The day the request was received (YYYY-MM-DD or dd/mm/yyyy).
        #[arg(long, value_name = "DATE")]
        request_date: String,
    },
}

#[derive(Args)]
pub struct Query {
    #[arg(long, default_value = "")]
    name: String,
    #[arg(long, default_value = "")]
    phone: String,
    #[arg(long, default_value = "")]
    email: String,
}

pub fn run(desk: &mut Desk, cmd: PersonCommand, json: bool) -> Result<()> {
    match cmd {
        PersonCommand::Find(q) => {
            let query = PersonQuery { name: q.name, phone: q.phone, email: q.email };
            let found: Vec<PersonMatch> = desk.call_as("person_find", json!({ "query": query }))?;
            if json {
                print_json(&found);
            } else {
                for m in &found {
                    let contact = [m.phone.as_str(), m.email.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(", ");
                    println!(
                        "{:<16} {}  {:<28} {:<20} {}{}  (trùng {})",
                        m.reference,
                        m.date,
                        m.name,
                        contact,
                        m.description,
                        if m.open { "  [đang giải quyết]" } else { "" },
                        m.matched_on.join(", ")
                    );
                }
                println!("{} kết quả", found.len());
            }
        }
        PersonCommand::Export { references, out } => {
            let selection = selection(desk, &references)?;
            let report = desk.call("person_export", json!({ "selection": selection, "out": out }))?;
            if json {
                print_json(&report);
            } else {
                let report: Exported = read("person_export", report)?;
                println!("Đã xuất {} hồ sơ, phiếu vào {} ({} byte).", report.rows, report.path, report.bytes);
            }
        }
        PersonCommand::Erase { references, request, request_date } => {
            let selection = selection(desk, &references)?;
            let request = ErasureRequest { selection, reference: request, request_date };
            let report: ErasureReport = desk.call_as("person_erase", json!({ "request": request }))?;
            if json {
                print_json(&report);
            } else {
                let all: Vec<String> = report.cases.iter().chain(&report.survey_forms).cloned().collect();
                println!("Đã xoá dữ liệu cá nhân theo yêu cầu {} ngày {}: {}.", report.reference, report.request_date, all.join(", "));
            }
        }
    }
    Ok(())
}

/// What an export reports, as a text line shows it.
#[derive(Deserialize)]
pub struct Exported {
    pub rows: u64,
    pub path: String,
    pub bytes: u64,
}

/// The records picked by their references: receipt numbers (2026/000123) and survey forms
/// (2026-01/00007), found through the table's lists.
fn selection(desk: &mut Desk, references: &[String]) -> Result<PersonSelection> {
    let mut sel = PersonSelection::default();
    let mut rounds: Option<Vec<Value>> = None;
    for r in references {
        let r = r.trim();
        if r.parse::<ykien::ReceiptNo>().is_ok() {
            sel.case_ids.push(crate::feedback::case_id(desk, r)?);
            continue;
        }
        let form = r.rsplit_once('/').and_then(|(round, serial)| Some((round.trim(), serial.trim().parse::<i32>().ok()?)));
        let Some((code, serial)) = form else {
            return Err(Error::validation(
                "references",
                format!("«{r}» không phải số phiếu tiếp nhận (ví dụ 2026/000123) hay số phiếu khảo sát (ví dụ 2026-01/00007)."),
            ));
        };
        if rounds.is_none() {
            rounds = Some(desk.call_as("survey_rounds", json!({}))?);
        }
        let not_found = || Error::NotFound { entity: "phiếu khảo sát đã nhập", id: ykien::domain::survey_round::form_reference(code, serial) };
        let round = rounds.iter().flatten().find(|o| o["code"] == code).ok_or_else(not_found)?;
        let responses: Vec<Value> = desk.call_as("survey_responses", json!({ "roundId": round["id"] }))?;
        let form = responses.iter().find(|f| f["serial"] == serial).ok_or_else(not_found)?;
        sel.survey_form_ids.push(form["id"].as_str().unwrap_or_default().to_owned());
    }
    Ok(sel)
}
