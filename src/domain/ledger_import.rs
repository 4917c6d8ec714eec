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

/// The legacy encoding a cell was typed in, or Unicode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Encoding {
    Unicode,
    Tcvn3,
    Vni,
}

impl Encoding {
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Unicode => "Unicode",
            Encoding::Tcvn3 => "TCVN3 (ABC, phông .VnTime)",
            Encoding::Vni => "VNI Windows (phông VNI-Times)",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Encoding::Unicode => "unicode",
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
        }
    }
}

/// How the bytes of a CSV file were turned into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CodePage {
    Utf8,
    Utf16,
    Windows1258,
    Windows1252,
}

impl CodePage {
    pub fn label(self) -> &'static str {
        match self {
            CodePage::Utf8 => "UTF-8",
            CodePage::Utf16 => "UTF-16 (Unicode)",
            CodePage::Windows1258 => "Windows-1258 (tiếng Việt, Excel trên Windows tiếng Việt)",
            CodePage::Windows1252 => "Windows-1252",
        }
    }
}

/// A cell whose text was typed in a legacy encoding and converted to Unicode, as the import
/// report lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CellConversion {
    /// The sheet's name; empty for a CSV file.
    pub sheet: String,
    /// The spreadsheet's row number (1-based).
    pub row: i32,
    /// The column letter (A, B, …).
    pub column: String,
    pub encoding: Encoding,
    pub before: String,
    pub after: String,
}

/// The most converted cells a report lists (the count covers them all).
pub const CONVERSIONS_LISTED: usize = 1000;
