//! `ykien actions …`: the corrective-action register (R2.6; QT-07-HTCL): list the actions
//! with where each stands, add one linked to its sources, move it forward, record its
//! effectiveness check.

use crate::desk::Desk;
use crate::feedback::case_id;
use crate::office::{staff_named, unit_named};
use crate::print_json;
use clap::Subcommand;
use serde_json::json;
use ykien::{ActionFilter, ActionInput, ActionKind, ActionSource, ActionStatus, CorrectiveAction, Error, RegisterState, Result, SourceKind};

#[derive(Subcommand)]
pub enum ActionsCommand {
    /// List the register, overdue first: every action with where it stands today.
    List {
        /// open, due_soon, overdue, awaiting_check or verified.
        #[arg(long)]
        status: Option<String>,
        /// Only the actions of this unit (name or code).
        #[arg(long)]
        unit: Option<String>,
        /// Only the actions still to do past their due date on this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        overdue_on: Option<String>,
    },
    /// Add an action, linked to at least one source: a case, a survey criterion under its
    /// objective, an opinion group, or the annual report's proposals.
    Add {
        /// corrective (the default), preventive or improvement.
        #[arg(long, default_value = "corrective")]
        kind: String,
        /// The cause found (nguyên nhân).
        #[arg(long)]
        cause: String,
        /// What will be done (biện pháp).
        #[arg(long)]
        action: String,
        /// Due date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        due: String,
        /// Who carries it out, by name.
        #[arg(long)]
        owner: Option<String>,
        /// The unit that carries it out, by name or code.
        #[arg(long)]
        unit: Option<String>,
        /// A case it answers, by receipt number (repeat for several).
        #[arg(long = "case", value_name = "RECEIPT")]
        cases: Vec<String>,
        /// A survey criterion under its objective, e.g. "Thái độ giao tiếp (2026)" (repeatable).
        #[arg(long, value_name = "TEXT")]
        criterion: Vec<String>,
        /// An opinion group of the survey forms, by name (repeatable).
        #[arg(long = "opinion-group", value_name = "NAME")]
        opinion_groups: Vec<String>,
        /// The annual report whose proposals it carries out, by year (repeatable).
        #[arg(long = "annual-report", value_name = "YEAR")]
        annual_reports: Vec<String>,
    },
    /// Move an action forward: in_progress or done.
    Status {
        /// The action's id (`actions list`).
        id: String,
        #[arg(long)]
        to: String,
    },
    /// Record the effectiveness check of a done action.
    Check {
        /// The action's id (`actions list`).
        id: String,
        /// Whether it worked: true (verified) or false (back to in progress).
        #[arg(long, action = clap::ArgAction::Set)]
        effective: bool,
        /// What the check found.
        #[arg(long)]
        note: String,
        /// The day of the check (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        on: String,
    },
}

pub fn run(desk: &mut Desk, cmd: ActionsCommand, json: bool) -> Result<()> {
    match cmd {
        ActionsCommand::List { status, unit, overdue_on } => {
            let unit_id = unit.map(|u| unit_named(desk, &u)).transpose()?.map(|u| u.id);
            let filter = ActionFilter { state: status.as_deref().map(RegisterState::parse).transpose()?, unit_id, overdue_on, on: None };
            let rows: Vec<CorrectiveAction> = desk.call_as("actions_register", json!({ "filter": filter }))?;
            if json {
                print_json(&rows);
            } else {
                for a in &rows {
                    let state = a.state.map(RegisterState::label).unwrap_or_default();
                    let unit = a.unit_name.as_deref().map(|u| format!(" · {u}")).unwrap_or_default();
                    println!("{}  hạn {}  {}{unit}  {}  [{}]", a.id, a.due_date, a.kind.label(), a.action, state);
                }
                println!("{} hành động", rows.len());
            }
        }
        ActionsCommand::Add { kind, cause, action, due, owner, unit, cases, criterion, opinion_groups, annual_reports } => {
            let owner_id = owner.map(|o| staff_named(desk, &o)).transpose()?.map(|s| s.id);
            let unit_id = unit.map(|u| unit_named(desk, &u)).transpose()?.map(|u| u.id);
            let case_ids = cases.iter().map(|r| case_id(desk, r)).collect::<Result<Vec<_>>>()?;
            let source = |kind: SourceKind| move |reference: String| ActionSource { kind, reference, label: String::new() };
            let sources: Vec<ActionSource> = criterion
                .into_iter()
                .map(source(SourceKind::SurveyCriterion))
                .chain(opinion_groups.into_iter().map(source(SourceKind::OpinionGroup)))
                .chain(annual_reports.into_iter().map(source(SourceKind::AnnualProposal)))
                .collect();
            let input = ActionInput { id: None, kind: ActionKind::parse(&kind)?, cause, action, owner_id, due_date: due, case_ids, unit_id, sources };
            let saved: CorrectiveAction = desk.call_as("action_save", json!({ "action": input }))?;
            if json {
                print_json(&saved);
            } else {
                println!("{}: {} · hạn {}", saved.id, saved.kind.label(), saved.due_date);
            }
        }
        ActionsCommand::Status { id, to } => {
            let status = ActionStatus::parse(&to)?;
            if !matches!(status, ActionStatus::InProgress | ActionStatus::Done) {
                return Err(Error::validation("to", "Chỉ chuyển sang in_progress hoặc done; hiệu lực được ghi bằng `ykien actions check`."));
            }
            let saved: CorrectiveAction = desk.call_as("action_set_status", json!({ "id": id, "status": status }))?;
            if json {
                print_json(&saved);
            } else {
                println!("{}: {}", saved.id, saved.status.label());
            }
        }
        ActionsCommand::Check { id, effective, note, on } => {
            let saved: CorrectiveAction =
                desk.call_as("action_check", json!({ "id": id, "effective": effective, "note": note, "on": on }))?;
            if json {
                print_json(&saved);
            } else {
                println!("{}: {}", saved.id, saved.status.label());
            }
        }
    }
    Ok(())
}
