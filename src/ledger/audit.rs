//! The audit log as an auditor reads it from the window: searched by who, what and when,
//! and its hash chain verified as `ykien check` verifies it.

use super::Ledger;
use crate::domain::audit::{AuditEntry, AuditFilter};
use crate::domain::dates::parse_date;
use crate::domain::permission::Action;
use crate::error::{Error, Result};
use crate::store::{self, audit::ChainReport};
use chrono::{Local, NaiveDate, TimeZone};

impl Ledger {
    /// The newest entries matching `filter`, newest first.
    pub fn audit_search(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
        self.guard(Action::ViewAuditLog)?;
        let day = |field: &str, label: &str, v: &Option<String>| -> Result<Option<NaiveDate>> {
            v.as_deref().filter(|s| !s.trim().is_empty()).map(|s| parse_date(field, label, s.trim())).transpose()
        };
        let from = day("from", "Từ ngày", &filter.from)?;
        let to = day("to", "Đến ngày", &filter.to)?;
        if let (Some(from), Some(to)) = (from, to) {
            if to < from {
                return Err(Error::validation("to", "«Đến ngày» phải sau hoặc bằng «Từ ngày»."));
            }
        }
        let text = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(crate::domain::text::clean_line);
        store::audit::search(
            &self.conn,
            text(&filter.actor).as_deref(),
            text(&filter.entity).as_deref(),
            text(&filter.action).as_deref(),
            from.map(start_utc).as_deref(),
            to.and_then(|d| d.succ_opt()).map(start_utc).as_deref(),
            filter.limit,
        )
    }

    /// The whole chain walked from its first entry: how many entries, the head's hash, and
    /// the first entry that does not verify.
    pub fn audit_chain(&self) -> Result<ChainReport> {
        self.guard(Action::ViewAuditLog)?;
        store::audit::verify_chain(&self.conn)
    }
}

/// The first instant of a local day, as the log's UTC RFC 3339 times are written.
fn start_utc(day: NaiveDate) -> String {
    let midnight = day.and_hms_opt(0, 0, 0).expect("midnight exists");
    let local = Local.from_local_datetime(&midnight).earliest().unwrap_or_else(|| Local.from_utc_datetime(&midnight));
    local.with_timezone(&chrono::Utc).to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
