//! `ykien feedback …`: the feedback book and case handling from the command line.

use crate::desk::{read, Desk};
use crate::print_json;
use clap::{Args, Subcommand};
use serde::Deserialize;
use serde_json::{json, Value};
use ykien::{
    Acceptance, AcceptanceInput, ComplexInput, Book, Channel, Contact, CorrectionInput, CustomerGroup, CustomerNoticeInput, Error, FeedbackFilter, FeedbackInput, FeedbackRow, Kind, MoveInput, ReceiptNo, Result,
    Status, Subject,
};

#[derive(Subcommand)]
pub enum FeedbackCommand {
    /// Enter feedback in the book; prints its receipt number.
    Add(AddArgs),
    /// List cases, newest first.
    List(ListArgs),
    /// Move a case along the workflow; an illegal move fails and changes nothing.
    Move {
        /// Receipt number, e.g. 2026/000123.
        receipt: String,
        /// The state to move to (listed in docs/cli.md).
        #[arg(long)]
        to: String,
        #[arg(long, default_value = "")]
        note: String,
        /// Channel through which the step was done (e.g. hotline, in_person).
        #[arg(long)]
        channel: Option<String>,
        /// The specialist unit a move to `specialist` forwards the case to, by name or code.
        #[arg(long)]
        unit: Option<String>,
        /// When the step was done, when entered later from paper: "YYYY-MM-DD HH:MM" (not in
        /// the future, not before the case's previous move).
        #[arg(long)]
        at: Option<String>,
    },
    /// Correct a saved entry (every field but its receipt number), with the reason.
    Edit(EditArgs),
    /// Withdraw an entry made by mistake («nhập nhầm»): kept and marked, counted nowhere.
    Withdraw {
        /// Receipt number, e.g. 2026/000123.
        receipt: String,
        #[arg(long)]
        reason: String,
    },
    /// Record a formal complaint's acceptance decision (thụ lý or not) with its reason
    /// (Luật Khiếu nại 2011, art. 27); after its 10 days it is recorded and flagged late.
    Accept {
        /// Receipt number, e.g. 2026/000123.
        receipt: String,
        /// accepted or refused.
        #[arg(long)]
        decision: String,
        /// Why (printed on the notice to the complainant).
        #[arg(long)]
        reason: String,
    },
    /// Mark a formal complaint complex (vụ việc phức tạp): 45 days to decide from its
    /// acceptance instead of 30 (art. 28).
    Complex {
        /// Receipt number, e.g. 2026/000123.
        receipt: String,
        #[arg(long)]
        reason: String,
    },
    /// The QMR marks feedback settled on the spot as seen: it leaves the QMR's list.
    Seen {
        /// Receipt number, e.g. 2026/000123.
        receipt: String,
    },
    /// Show a case with its history and deadlines.
    Show { receipt: String },
    /// Record that the customer was sent the letter telling the evaluation and the
    /// corrective measures taken (`ykien print measures`), when and how.
    Notify {
        /// Receipt number, e.g. 2026/000123.
        receipt: String,
        /// The day it was sent (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        sent_on: String,
        /// How it was sent: official_letter, email, in_person, hotline…
        #[arg(long)]
        channel: String,
        /// Anything to keep with it (the letter's number, who took it).
        #[arg(long)]
        note: Option<String>,
    },
}

#[derive(Args)]
pub struct AddArgs {
    /// Local date and time received: 2026-03-02T09:30 (default: now).
    #[arg(long)]
    received: Option<String>,
    #[arg(long)]
    channel: String,
    #[arg(long)]
    kind: String,
    #[arg(long, default_value = "other")]
    subject: String,
    /// feedback (default), complaints or citizen_reception.
    #[arg(long, default_value = "feedback")]
    book: String,
    /// Who gave it; may be left out for feedback without a name (a suggestion-box note, an
    /// unsigned letter, a post), never in person or by telephone (the core refuses it there).
    #[arg(long, default_value = "")]
    customer: String,
    #[arg(long, default_value = "")]
    org: String,
    #[arg(long, default_value = "")]
    phone: String,
    #[arg(long, default_value = "")]
    address: String,
    #[arg(long, default_value = "")]
    email: String,
    /// long_term, referred, first_time (default: unknown).
    #[arg(long, default_value = "unknown")]
    group: String,
    #[arg(long)]
    content: String,
    /// The responsible unit, by name (accents and case ignored).
    #[arg(long)]
    unit: Option<String>,
    /// The receiving staff member, by name.
    #[arg(long)]
    receiver: Option<String>,
    /// A written complaint, to be answered by a reply letter.
    #[arg(long)]
    written: bool,
    /// A formal complaint under the Law on Complaints.
    #[arg(long)]
    formal: bool,
    /// Settled on the spot: what was explained; the case is closed at once.
    #[arg(long)]
    settled: Option<String>,
}

#[derive(Args)]
pub struct EditArgs {
    /// Receipt number, e.g. 2026/000123.
    receipt: String,
    #[arg(long)]
    customer: Option<String>,
    #[arg(long)]
    org: Option<String>,
    #[arg(long)]
    kind: Option<String>,
    #[arg(long)]
    subject: Option<String>,
    #[arg(long)]
    channel: Option<String>,
    /// The responsible unit, by name or code; "" takes the unit away.
    #[arg(long)]
    unit: Option<String>,
    #[arg(long)]
    content: Option<String>,
    #[arg(long)]
    written: Option<bool>,
    #[arg(long)]
    formal: Option<bool>,
    /// Why the entry is corrected (kept in the case's history and the audit log).
    #[arg(long)]
    reason: String,
}

#[derive(Args)]
pub struct ListArgs {
    #[arg(long)]
    search: Option<String>,
    #[arg(long)]
    status: Option<String>,
    #[arg(long)]
    kind: Option<String>,
    #[arg(long)]
    subject: Option<String>,
    #[arg(long)]
    book: Option<String>,
    #[arg(long)]
    from: Option<String>,
    #[arg(long)]
    to: Option<String>,
    /// Only cases still open past their deadline on this date.
    #[arg(long)]
    overdue_on: Option<String>,
    /// Only cases received by this date and not closed by its end.
    #[arg(long)]
    open_on: Option<String>,
    #[arg(long)]
    channel: Option<String>,
    #[arg(long)]
    customer_group: Option<String>,
    /// Only complaints (khiếu nại, phàn nàn, kháng nghị).
    #[arg(long)]
    complaints: bool,
    #[arg(long, default_value_t = 100)]
    limit: u32,
    #[arg(long, default_value_t = 0)]
    offset: u32,
}

pub fn run(desk: &mut Desk, cmd: FeedbackCommand, json: bool) -> Result<()> {
    match cmd {
        FeedbackCommand::Add(a) => {
            let input = FeedbackInput {
                received_at: a.received.unwrap_or_else(|| chrono::Local::now().format("%Y-%m-%dT%H:%M").to_string()),
                channel: Channel::parse(&a.channel)?,
                kind: Kind::parse(&a.kind)?,
                subject: Subject::parse(&a.subject)?,
                book: Book::parse(&a.book)?,
                customer_name: a.customer,
                customer_org: a.org,
                customer_address: a.address,
                customer_phone: a.phone,
                customer_email: a.email,
                customer_group: CustomerGroup::parse(&a.group)?,
                content: a.content,
                receiver_id: a.receiver.map(|r| crate::office::staff_named(desk, &r).map(|s| s.id)).transpose()?,
                unit_id: a.unit.map(|u| crate::office::unit_named(desk, &u).map(|u| u.id)).transpose()?,
                written: a.written,
                formal: a.formal,
                settled_on_spot: a.settled,
            };
            let case = desk.call("feedback_add", json!({ "input": input }))?;
            if json {
                print_json(&case);
            } else {
                println!("{}", case["receipt_no"].as_str().unwrap_or_default());
            }
        }
        FeedbackCommand::List(l) => {
            let filter = FeedbackFilter {
                search: l.search,
                status: l.status.as_deref().map(Status::parse).transpose()?,
                kind: l.kind.as_deref().map(Kind::parse).transpose()?,
                subject: l.subject.as_deref().map(Subject::parse).transpose()?,
                book: l.book.as_deref().map(Book::parse).transpose()?,
                unit_id: None,
                channel: l.channel.as_deref().map(Channel::parse).transpose()?,
                customer_group: l.customer_group.as_deref().map(CustomerGroup::parse).transpose()?,
                complaints: l.complaints.then_some(true),
                from: l.from,
                to: l.to,
                overdue_on: l.overdue_on,
                open_on: l.open_on,
                due_soon_on: None,
                arrived_since: None,
                waits_for: None,
                limit: Some(l.limit),
                offset: Some(l.offset),
                // The command line counts every match (docs/cli.md); only the window stops.
                count_limit: None,
            };
            let page = desk.call("feedback_list", json!({ "filter": filter }))?;
            if json {
                print_json(&page);
            } else {
                let page: Page = read("feedback_list", page)?;
                for r in &page.rows {
                    println!(
                        "{}  {}  {:<24} {:<12} {:<18} hạn {}{}",
                        r.receipt_no,
                        r.received_at.replace('T', " "),
                        if r.customer_name.is_empty() { ykien::NO_NAME } else { &r.customer_name },
                        r.kind.as_str(),
                        r.status.as_str(),
                        r.due_date,
                        if r.withdrawn_at.is_some() { "  [đã rút — nhập nhầm]" } else { "" }
                    );
                }
                println!("{} hồ sơ", page.total);
            }
        }
        FeedbackCommand::Notify { receipt, sent_on, channel, note } => {
            let id = case_id(desk, &receipt)?;
            let notice = CustomerNoticeInput { case_id: id, sent_on, channel: Channel::parse(&channel)?, note };
            let case = desk.call("customer_notice_record", json!({ "notice": notice }))?;
            if json {
                print_json(&case);
            } else {
                let case: CaseView = read("customer_notice_record", case)?;
                println!("{}: đã ghi thông báo gửi khách hàng ({}).", case.receipt_no, notice_channel_label(&channel));
            }
        }
        FeedbackCommand::Move { receipt, to, note, channel, unit, at } => {
            let id = case_id(desk, &receipt)?;
            let m = MoveInput {
                to: Status::parse(&to)?,
                note,
                channel: channel.as_deref().map(Channel::parse).transpose()?,
                staff_id: None,
                version: None,
                unit_id: unit.map(|u| crate::office::unit_named(desk, &u).map(|u| u.id)).transpose()?,
                at,
            };
            let case = desk.call("case_move", json!({ "id": id, "step": m }))?;
            if json {
                print_json(&case);
            } else {
                let case: CaseView = read("case_move", case)?;
                println!("{}: {}", case.receipt_no, case.status.label());
            }
        }
        FeedbackCommand::Edit(e) => {
            let id = case_id(desk, &e.receipt)?;
            let unit_id = match e.unit {
                None => None,
                Some(u) if u.trim().is_empty() => Some(String::new()),
                Some(u) => Some(crate::office::unit_named(desk, &u)?.id),
            };
            let correction = CorrectionInput {
                customer_name: e.customer,
                customer_org: e.org,
                kind: e.kind.as_deref().map(Kind::parse).transpose()?,
                subject: e.subject.as_deref().map(Subject::parse).transpose()?,
                channel: e.channel.as_deref().map(Channel::parse).transpose()?,
                unit_id,
                content: e.content,
                written: e.written,
                formal: e.formal,
                reason: e.reason,
                ..CorrectionInput::default()
            };
            let case = desk.call("feedback_correct", json!({ "id": id, "correction": correction }))?;
            if json {
                print_json(&case);
            } else {
                let case: CaseView = read("feedback_correct", case)?;
                println!("{}: đã sửa · {}", case.receipt_no, case.status.label());
            }
        }
        FeedbackCommand::Withdraw { receipt, reason } => {
            let id = case_id(desk, &receipt)?;
            let case = desk.call("feedback_withdraw", json!({ "id": id, "reason": reason }))?;
            if json {
                print_json(&case);
            } else {
                let case: CaseView = read("feedback_withdraw", case)?;
                println!("{}: đã rút khỏi sổ (nhập nhầm)", case.receipt_no);
            }
        }
        FeedbackCommand::Accept { receipt, decision, reason } => {
            let id = case_id(desk, &receipt)?;
            let acceptance = AcceptanceInput { decision: Acceptance::parse(&decision)?, reason, version: None };
            let case = desk.call("case_accept", json!({ "id": id, "acceptance": acceptance }))?;
            if json {
                print_json(&case);
            } else {
                let case: CaseView = read("case_accept", case)?;
                let d = &case.deadlines;
                let late = if d.acceptance_late { " (ghi sau thời hạn thụ lý)" } else { "" };
                let decided = d.acceptance.map(Acceptance::label).unwrap_or_default();
                match &d.formal_decide_due {
                    Some(due) => println!("{}: {decided}{late} · hạn giải quyết {due}", case.receipt_no),
                    None => println!("{}: {decided}{late}", case.receipt_no),
                }
            }
        }
        FeedbackCommand::Complex { receipt, reason } => {
            let id = case_id(desk, &receipt)?;
            let case = desk.call("case_complex", json!({ "id": id, "complex": ComplexInput { reason, version: None } }))?;
            if json {
                print_json(&case);
            } else {
                let case: CaseView = read("case_complex", case)?;
                let due = case.deadlines.formal_decide_due.as_deref().map(|d| format!(" · hạn giải quyết {d}")).unwrap_or_default();
                println!("{}: vụ việc phức tạp{due}", case.receipt_no);
            }
        }
        FeedbackCommand::Seen { receipt } => {
            let id = case_id(desk, &receipt)?;
            let case = desk.call("case_settlement_seen", json!({ "id": id }))?;
            if json {
                print_json(&case);
            } else {
                let case: CaseView = read("case_settlement_seen", case)?;
                println!("{}: QMR đã xem", case.receipt_no);
            }
        }
        FeedbackCommand::Show { receipt } => {
            // The output has always carried the contact details: shown, and logged, to
            // whoever may see them (the administrator gets them masked).
            let id = case_id(desk, &receipt)?;
            let state = desk.call("access_state", json!({}))?;
            let allowed: Vec<ykien::Action> = read("access_state", state["allowed"].clone())?;
            let contact: Option<Contact> = if allowed.contains(&ykien::Action::ViewContact) {
                Some(desk.call_as("case_contact", json!({ "id": id }))?)
            } else {
                None
            };
            let mut case = desk.call("case_get", json!({ "id": id }))?;
            if let Some(c) = contact {
                case["customer_address"] = c.customer_address.into();
                case["customer_phone"] = c.customer_phone.into();
                case["customer_email"] = c.customer_email.into();
                case["contact_masked"] = false.into();
            }
            if json {
                print_json(&case);
            } else {
                let case: CaseView = read("case_get", case)?;
                println!("Số phiếu {}  ·  {}", case.receipt_no, case.status.label());
                if let Some(at) = &case.withdrawn_at {
                    println!("ĐÃ RÚT KHỎI SỔ (nhập nhầm) lúc {}: {}", at.replace('T', " "), case.withdrawn_reason.clone().unwrap_or_default());
                }
                println!("Tiếp nhận {} qua {}", case.received_at.replace('T', " "), case.channel.label());
                let name = if case.customer_name.is_empty() { ykien::NO_NAME } else { &case.customer_name };
                println!("Khách hàng: {} {}", name, case.customer_org);
                let contact: Vec<&str> =
                    [&case.customer_address, &case.customer_phone, &case.customer_email].into_iter().filter(|s| !s.is_empty()).map(String::as_str).collect();
                if !contact.is_empty() {
                    println!("Liên hệ: {}{}", contact.join(" · "), if case.contact_masked { " (đã ẩn)" } else { "" });
                }
                println!("{} — {}", case.kind.label(), case.subject.label());
                println!("Nội dung: {}", case.content);
                println!("Hạn giải quyết: {}{}", case.deadlines.due, if case.deadlines.overdue { " (QUÁ HẠN)" } else { "" });
                let d = &case.deadlines;
                if let Some(due) = &d.formal_accept_due {
                    let decided = match (d.acceptance, &d.acceptance_on) {
                        (Some(a), Some(on)) => format!(" · {} ngày {on}{}", a.label(), if d.acceptance_late { " (muộn)" } else { "" }),
                        _ => " · chưa có quyết định thụ lý".to_owned(),
                    };
                    println!("Luật Khiếu nại: hạn thụ lý {due}{decided}");
                }
                if let Some(due) = &d.formal_decide_due {
                    let complex = if case.complex { " (vụ việc phức tạp)" } else { "" };
                    println!("Luật Khiếu nại: hạn giải quyết {due}{complex}{}", if d.law_overdue { " (QUÁ HẠN)" } else { "" });
                }
                for e in &case.history {
                    println!("  {}  {}  {}  {}", e.at.replace('T', " "), e.to_status.label(), e.actor, e.note);
                }
                for r in &case.requirements {
                    println!("  [{}] {}", if r.done { "x" } else { " " }, r.label);
                }
            }
        }
    }
    Ok(())
}

/// The id of the case with this receipt number ("2026/000123"), found in the book.
pub fn case_id(desk: &mut Desk, receipt: &str) -> Result<String> {
    let receipt: ReceiptNo = receipt.parse()?;
    let number = receipt.to_string();
    let filter = FeedbackFilter { search: Some(number.clone()), limit: Some(1000), ..FeedbackFilter::default() };
    let page: Page = desk.call_as("feedback_list", json!({ "filter": filter }))?;
    page.rows
        .into_iter()
        .find(|r| r.receipt_no == number)
        .map(|r| r.id)
        .ok_or(Error::NotFound { entity: "hồ sơ có số phiếu", id: number })
}

/// A page of the book, as the text lines show it.
#[derive(Deserialize)]
struct Page {
    rows: Vec<FeedbackRow>,
    total: u64,
}

/// A case, as the text lines show it.
#[derive(Deserialize)]
struct CaseView {
    receipt_no: String,
    status: Status,
    received_at: String,
    channel: Channel,
    customer_name: String,
    customer_org: String,
    customer_address: String,
    customer_phone: String,
    customer_email: String,
    contact_masked: bool,
    #[serde(default)]
    withdrawn_at: Option<String>,
    #[serde(default)]
    withdrawn_reason: Option<String>,
    kind: Kind,
    subject: Subject,
    content: String,
    #[serde(default)]
    complex: bool,
    deadlines: DeadlinesView,
    history: Vec<HistoryView>,
    requirements: Vec<RequirementView>,
}

#[derive(Deserialize)]
struct DeadlinesView {
    due: String,
    overdue: bool,
    #[serde(default)]
    formal_accept_due: Option<String>,
    #[serde(default)]
    formal_decide_due: Option<String>,
    #[serde(default)]
    acceptance: Option<Acceptance>,
    #[serde(default)]
    acceptance_on: Option<String>,
    #[serde(default)]
    acceptance_late: bool,
    #[serde(default)]
    law_overdue: bool,
}

#[derive(Deserialize)]
struct HistoryView {
    at: String,
    to_status: Status,
    actor: String,
    note: String,
}

#[derive(Deserialize)]
struct RequirementView {
    done: bool,
    label: String,
}

/// The newest reply letter's id of a case (for printing it).
pub fn last_letter(case: &Value) -> Option<String> {
    case["letters"].as_array()?.last()?["id"].as_str().map(str::to_owned)
}

/// The channel's label for the confirmation line ("Công văn").
fn notice_channel_label(channel: &str) -> &'static str {
    Channel::parse(channel).map(Channel::label).unwrap_or("")
}
