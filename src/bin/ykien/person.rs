//! `ykien person …`: a person's rights over their data (Law 91/2025/QH15): find their
//! records, export everything held about them, erase it at their request.

use crate::print_json;
use clap::{Args, Subcommand};
use std::path::PathBuf;
use ykien::{ErasureRequest, Ledger, PersonQuery, Result};

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

pub fn run(ledger: &mut Ledger, cmd: PersonCommand, json: bool) -> Result<()> {
    match cmd {
        PersonCommand::Find(q) => {
            let found = ledger.find_person(&PersonQuery { name: q.name, phone: q.phone, email: q.email })?;
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
            let selection = ledger.person_selection(&references)?;
            let report = ledger.export_person(&selection, &out)?;
            if json {
                print_json(&report);
            } else {
                println!("Đã xuất {} hồ sơ, phiếu vào {} ({} byte).", report.rows, report.path, report.bytes);
            }
        }
        PersonCommand::Erase { references, request, request_date } => {
            let selection = ledger.person_selection(&references)?;
            let report = ledger.erase_person(&ErasureRequest { selection, reference: request, request_date })?;
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
