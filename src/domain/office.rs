//! The office profile (thông tin cơ quan): what every printed form and report puts in its
//! header block, and the form codes of the office's ISO documents.

use super::text::{optional_line, required_line};
use crate::error::Result;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The one office this database belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OfficeProfile {
    /// Tên cơ quan, e.g. "Sở Công Thương tỉnh Đắk Lắk".
    pub name: String,
    /// Cơ quan chủ quản (the agency above it), printed above the office's name.
    pub parent_agency: String,
    /// Địa danh for the date line: "Đắk Lắk, ngày 05 tháng 01 năm 2026".
    pub place_name: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    /// Mã hiệu of the feedback book form (seed 004: BM.QT.SCT.05-01).
    pub ledger_form_code: String,
    /// Mã hiệu of the survey form (seed 004: BM.QT.SCT.05-02).
    pub survey_form_code: String,
}

impl OfficeProfile {
    /// Defaults for the setup screen: the form codes of seed 004's procedure.
    pub fn blank() -> Self {
        OfficeProfile {
            name: String::new(),
            parent_agency: String::new(),
            place_name: String::new(),
            address: String::new(),
            phone: String::new(),
            email: String::new(),
            ledger_form_code: "BM.QT.SCT.05-01".into(),
            survey_form_code: "BM.QT.SCT.05-02".into(),
        }
    }

    /// Cleans every field (NFC, whitespace) and checks the rules; the result is what is stored.
    pub fn validated(&self) -> Result<Self> {
        Ok(OfficeProfile {
            name: required_line("name", "Tên cơ quan", &self.name, 200)?,
            parent_agency: optional_line("parent_agency", "Cơ quan chủ quản", &self.parent_agency, 200)?,
            place_name: required_line("place_name", "Địa danh", &self.place_name, 100)?,
            address: optional_line("address", "Địa chỉ", &self.address, 300)?,
            phone: optional_line("phone", "Điện thoại", &self.phone, 50)?,
            email: optional_line("email", "Thư điện tử", &self.email, 200)?,
            ledger_form_code: required_line("ledger_form_code", "Mã hiệu sổ ghi nhận", &self.ledger_form_code, 50)?,
            survey_form_code: required_line("survey_form_code", "Mã hiệu phiếu khảo sát", &self.survey_form_code, 50)?,
        })
    }
}
