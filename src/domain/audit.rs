//! The audit trail (nhật ký thay đổi): one append-only entry for every change, with who,
//! when, what, and the record before and after as JSON. Auditors read it; nothing edits it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditEntry {
    /// Position in the log, 1, 2, 3, … in the order of the changes.
    pub seq: i32,
    /// UTC time, RFC 3339.
    pub at: String,
    /// Who made the change.
    pub actor: String,
    /// `create`, `update` or `delete`.
    pub action: String,
    /// Which kind of record: `office`, `unit`, `staff`, `settings`.
    pub entity: String,
    pub entity_id: String,
    /// The record before the change, as JSON; absent for `create`.
    pub before: Option<String>,
    /// The record after the change, as JSON; absent for `delete`.
    pub after: Option<String>,
}
