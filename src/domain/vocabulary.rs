//! Every closed vocabulary with its Vietnamese labels, in one object the UI loads once, so
//! that labels are written in one place (the Rust enums) and never copied into TypeScript.

use super::action::{ActionKind, ActionStatus, RegisterState, SourceKind};
use super::law::Acceptance;
use super::document_control::ControlledForm;
use super::feedback::{Book, Channel, CustomerGroup, Kind, Subject};
use super::letter::LetterStatus;
use super::staff::Role;
use super::workflow::{Status, StepKind};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
pub struct Term {
    pub value: String,
    pub label: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Vocabulary {
    pub channels: Vec<Term>,
    pub kinds: Vec<Term>,
    pub subjects: Vec<Term>,
    pub customer_groups: Vec<Term>,
    pub books: Vec<Term>,
    pub statuses: Vec<Term>,
    pub steps: Vec<Term>,
    pub letter_statuses: Vec<Term>,
    pub action_kinds: Vec<Term>,
    pub action_statuses: Vec<Term>,
    /// Where an action stands in the register (open, due soon, overdue, …).
    pub register_states: Vec<Term>,
    /// What an action answers besides cases.
    pub source_kinds: Vec<Term>,
    /// The acceptance decision on a formal complaint (thụ lý or not).
    pub acceptances: Vec<Term>,
    pub roles: Vec<Term>,
    /// The printed forms under document control (R5.2).
    pub controlled_forms: Vec<Term>,
}

macro_rules! terms {
    ($t:ty) => {
        <$t>::ALL.iter().map(|v| Term { value: v.as_str().to_owned(), label: v.label().to_owned() }).collect()
    };
}

pub fn vocabulary() -> Vocabulary {
    Vocabulary {
        channels: terms!(Channel),
        kinds: terms!(Kind),
        subjects: terms!(Subject),
        customer_groups: terms!(CustomerGroup),
        books: terms!(Book),
        statuses: terms!(Status),
        steps: terms!(StepKind),
        letter_statuses: terms!(LetterStatus),
        action_kinds: terms!(ActionKind),
        action_statuses: terms!(ActionStatus),
        register_states: terms!(RegisterState),
        source_kinds: terms!(SourceKind),
        acceptances: terms!(Acceptance),
        roles: terms!(Role),
        controlled_forms: terms!(ControlledForm),
    }
}
