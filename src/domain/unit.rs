//! Units (phòng ban, đơn vị): where feedback is routed and whose head confirms entries.

use super::text::{optional_line, required_line};
use crate::error::Result;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Unit {
    /// Permanent UUIDv7 id.
    pub id: String,
    /// Tên đơn vị, e.g. "Phòng Quản lý thương mại".
    pub name: String,
    /// Optional short code (ký hiệu), e.g. "QLTM".
    pub code: String,
}

/// A unit as typed on the screen: `id` is absent for a new unit.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct UnitInput {
    #[ts(optional)]
    pub id: Option<String>,
    pub name: String,
    pub code: String,
}

impl UnitInput {
    pub fn validated(&self) -> Result<UnitInput> {
        Ok(UnitInput {
            id: self.id.clone(),
            name: required_line("name", "Tên đơn vị", &self.name, 200)?,
            code: optional_line("code", "Ký hiệu", &self.code, 30)?,
        })
    }
}
