//! Pure types and rules of the office's records. No SQL here: `store` persists these.

pub mod account;
pub mod action;
pub mod audit;
pub mod case;
pub mod dates;
pub mod deadline;
pub mod feedback;
pub mod json;
pub mod ledger_import;
pub mod letter;
pub mod office;
pub mod permission;
pub mod privacy;
pub mod progress;
pub mod report;
pub mod settings;
pub mod staff;
pub mod survey;
pub mod survey_entry;
pub mod survey_import;
pub mod survey_round;
pub mod text;
pub mod unit;
pub mod vocabulary;
pub(crate) mod vocab;
pub mod workflow;
