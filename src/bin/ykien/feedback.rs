//! `ykien feedback …`: the feedback book and case handling from the command line.

use crate::print_json;
use clap::{Args, Subcommand};
use ykien::{Book, Channel, CustomerGroup, FeedbackFilter, FeedbackInput, Kind, Ledger, MoveInput, Result, Status, Subject};

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
    },
    /// Show a case with its history and deadlines.
    Show { receipt: String },
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
    #[arg(long)]
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

pub fn run(ledger: &mut Ledger, cmd: FeedbackCommand, json: bool) -> Result<()> {
    match cmd {
        FeedbackCommand::Add(a) => {
            let input = FeedbackInput {
                received_at: a.received.unwrap_or_else(|| ledger.now().format("%Y-%m-%dT%H:%M").to_string()),
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
                receiver_id: a.receiver.map(|r| staff_id(ledger, &r)).transpose()?,
                unit_id: a.unit.map(|u| unit_id(ledger, &u)).transpose()?,
                written: a.written,
                formal: a.formal,
                settled_on_spot: a.settled,
            };
            let case = ledger.add_feedback(&input)?;
            if json {
                print_json(&case);
            } else {
                println!("{}", case.receipt_no);
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
                limit: Some(l.limit),
                offset: Some(l.offset),
            };
            let page = ledger.feedback(&filter)?;
            if json {
                print_json(&page);
            } else {
                for r in &page.rows {
                    println!(
                        "{}  {}  {:<24} {:<12} {:<18} hạn {}",
                        r.receipt_no,
                        r.received_at.replace('T', " "),
                        r.customer_name,
                        r.kind.as_str(),
                        r.status.as_str(),
                        r.due_date
                    );
                }
                println!("{} hồ sơ", page.total);
            }
        }
        FeedbackCommand::Move { receipt, to, note, channel } => {
            let id = ledger.case_id(&receipt)?;
            let m = MoveInput {
                to: Status::parse(&to)?,
                note,
                channel: channel.as_deref().map(Channel::parse).transpose()?,
                staff_id: None,
                version: None,
            };
            let case = ledger.move_case(&id, &m)?;
            if json {
                print_json(&case);
            } else {
                println!("{}: {}", case.receipt_no, case.status.label());
            }
        }
        FeedbackCommand::Show { receipt } => {
            // The output has always carried the contact details: shown, and logged, to
            // whoever may see them (the administrator gets them masked).
            let id = ledger.case_id(&receipt)?;
            let case = if ledger.access_state()?.allowed.contains(&ykien::Action::ViewContact) {
                ledger.case_with_contact(&id)?
            } else {
                ledger.case(&id)?
            };
            if json {
                print_json(&case);
            } else {
                println!("Số phiếu {}  ·  {}", case.receipt_no, case.status.label());
                println!("Tiếp nhận {} qua {}", case.received_at.replace('T', " "), case.channel.label());
                println!("Khách hàng: {} {}", case.customer_name, case.customer_org);
                let contact: Vec<&str> =
                    [&case.customer_address, &case.customer_phone, &case.customer_email].into_iter().filter(|s| !s.is_empty()).map(String::as_str).collect();
                if !contact.is_empty() {
                    println!("Liên hệ: {}{}", contact.join(" · "), if case.contact_masked { " (đã ẩn)" } else { "" });
                }
                println!("{} — {}", case.kind.label(), case.subject.label());
                println!("Nội dung: {}", case.content);
                println!("Hạn giải quyết: {}{}", case.deadlines.due, if case.deadlines.overdue { " (QUÁ HẠN)" } else { "" });
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

fn unit_id(ledger: &Ledger, name: &str) -> Result<String> {
    Ok(ledger.unit_named(name)?.id)
}

fn staff_id(ledger: &Ledger, name: &str) -> Result<String> {
    Ok(ledger.staff_named(name)?.id)
}
