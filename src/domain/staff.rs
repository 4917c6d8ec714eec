//! Staff (cán bộ, công chức): who receives feedback, who confirms, who handles.

use super::text::{optional_line, required_line};
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The roles of R6.3. Stored by their snake_case names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Cán bộ tiếp nhận (reception staff).
    Reception,
    /// Trưởng đơn vị (unit head): confirms the unit's ledger entries.
    UnitHead,
    /// Cán bộ chất lượng / QMR / Ban ISO.
    QualityOfficer,
    /// Lãnh đạo (leadership).
    Leadership,
    /// Quản trị hệ thống.
    Administrator,
}

impl Role {
    pub const ALL: [Role; 5] =
        [Role::Reception, Role::UnitHead, Role::QualityOfficer, Role::Leadership, Role::Administrator];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Reception => "reception",
            Role::UnitHead => "unit_head",
            Role::QualityOfficer => "quality_officer",
            Role::Leadership => "leadership",
            Role::Administrator => "administrator",
        }
    }

    pub fn parse(s: &str) -> Result<Role> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| Error::validation("role", format!("Vai trò không hợp lệ: «{s}».")))
    }

    /// The Vietnamese name shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Role::Reception => "Cán bộ tiếp nhận",
            Role::UnitHead => "Trưởng đơn vị",
            Role::QualityOfficer => "Cán bộ chất lượng (QMR/Ban ISO)",
            Role::Leadership => "Lãnh đạo",
            Role::Administrator => "Quản trị hệ thống",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Staff {
    pub id: String,
    /// Họ và tên.
    pub full_name: String,
    /// Chức danh, e.g. "Chuyên viên", "Trưởng phòng".
    pub title: String,
    pub unit_id: Option<String>,
    /// The unit's name, joined for display.
    pub unit_name: Option<String>,
    pub role: Role,
    pub phone: String,
    pub email: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct StaffInput {
    #[ts(optional)]
    pub id: Option<String>,
    pub full_name: String,
    pub title: String,
    pub unit_id: Option<String>,
    pub role: Role,
    pub phone: String,
    pub email: String,
}

impl StaffInput {
    pub fn validated(&self) -> Result<StaffInput> {
        Ok(StaffInput {
            id: self.id.clone(),
            full_name: required_line("full_name", "Họ và tên", &self.full_name, 100)?,
            title: optional_line("title", "Chức danh", &self.title, 100)?,
            unit_id: self.unit_id.clone().filter(|u| !u.trim().is_empty()),
            role: self.role,
            phone: optional_line("phone", "Điện thoại", &self.phone, 50)?,
            email: optional_line("email", "Thư điện tử", &self.email, 200)?,
        })
    }
}
