//! An old ledger's lines as the import checked them, ready to store: what the reading of a
//! spreadsheet (`import`) hands to the store (`store::import`), in the domain so that the
//! store depends on no layer above it.

use super::feedback::FeedbackInput;
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RowStatus {
    New,
    Duplicate,
    Error,
}

/// A line ready to store.
#[derive(Debug, Clone)]
pub struct PreparedRow {
    pub row_no: i32,
    pub input: FeedbackInput,
    pub received: NaiveDateTime,
    pub receiver_name: String,
    pub unit_name: String,
    pub confirmation: String,
    pub old_number: String,
    pub result: String,
    pub closed_on: Option<NaiveDate>,
    /// The digest that recognises the line when imported again (from this or another file).
    pub source_hash: String,
    pub status: RowStatus,
    pub errors: Vec<String>,
    pub converted: bool,
}

/// The file a batch of lines comes from, as the import records it.
pub struct ImportBatch<'a> {
    pub file_name: &'a str,
    pub file_hash: &'a str,
    /// `unicode`, `tcvn3` or `vni`.
    pub encoding: &'a str,
    pub sheet: &'a str,
}
