//! Realistic demo data for trying the app and for tests: one provincial department, its
//! units and staff, and two years of feedback handled along the procedures. All names are
//! invented. The data is the same on every run for the same "today" (a fixed seed).

mod accounts;
mod cases;
pub mod scale;
mod surveys;

pub use accounts::{DEMO_ACCOUNTS, DEMO_PASSWORD};

use crate::{Error, Ledger, OfficeProfile, Result, Role, StaffInput, UnitInput};

const UNITS: &[(&str, &str)] = &[
    ("Văn phòng Sở", "VP"),
    ("Thanh tra Sở", "TTr"),
    ("Phòng Kế hoạch - Tài chính", "KHTC"),
    ("Phòng Quản lý công nghiệp", "QLCN"),
    ("Phòng Quản lý thương mại", "QLTM"),
    ("Phòng Quản lý năng lượng", "QLNL"),
    ("Phòng Kỹ thuật an toàn - Môi trường", "KTAT"),
    ("Bộ phận Tiếp nhận và Trả kết quả", "MC"),
    ("Ban ISO", "ISO"),
];

/// (full name, title, unit code, role)
const STAFF: &[(&str, &str, &str, Role)] = &[
    ("Trần Văn Hùng", "Giám đốc Sở", "VP", Role::Leadership),
    ("Lê Thị Thu Hà", "Phó Giám đốc Sở", "VP", Role::Leadership),
    ("Nguyễn Văn An", "Chánh Văn phòng", "VP", Role::UnitHead),
    ("Phạm Thị Lan", "Chuyên viên", "VP", Role::Administrator),
    ("Đỗ Trường Giang", "Chánh Thanh tra", "TTr", Role::UnitHead),
    ("Hoàng Thị Mai", "Thanh tra viên", "TTr", Role::Reception),
    ("Vũ Đức Thắng", "Trưởng phòng", "KHTC", Role::UnitHead),
    ("Bùi Thị Ngọc Ánh", "Kế toán viên", "KHTC", Role::Reception),
    ("Đặng Quốc Bảo", "Trưởng phòng", "QLCN", Role::UnitHead),
    ("Ngô Thị Hồng Nhung", "Chuyên viên", "QLCN", Role::Reception),
    ("Y Moan Êban", "Trưởng phòng", "QLTM", Role::UnitHead),
    ("H'Linh Niê", "Chuyên viên", "QLTM", Role::Reception),
    ("Phan Minh Đức", "Trưởng phòng", "QLNL", Role::UnitHead),
    ("Lý Thị Kim Oanh", "Trưởng phòng", "KTAT", Role::UnitHead),
    ("Trịnh Văn Lộc", "Tổ trưởng", "MC", Role::UnitHead),
    ("Nguyễn Thị Thanh Hương", "Chuyên viên một cửa", "MC", Role::Reception),
    ("Lê Hoàng Phúc", "Chuyên viên một cửa", "MC", Role::Reception),
    ("Cao Thị Diệu Linh", "Thư ký ISO (QMR)", "ISO", Role::QualityOfficer),
];

pub fn demo_office() -> OfficeProfile {
    OfficeProfile {
        name: "Sở Công Thương tỉnh Đắk Lắk".into(),
        parent_agency: "Ủy ban nhân dân tỉnh Đắk Lắk".into(),
        place_name: "Đắk Lắk".into(),
        address: "Số 47 Nguyễn Tất Thành, phường Buôn Ma Thuột, tỉnh Đắk Lắk".into(),
        phone: "0262 3852 xxx".into(),
        email: "sct@daklak.gov.vn".into(),
        ..OfficeProfile::blank()
    }
}

/// Fills an empty database with the demo office and two years of cases up to the ledger's
/// today, in one transaction. Refuses a database that already has an office, so demo data
/// can never be mixed into real records.
pub fn fill(ledger: &mut Ledger) -> Result<()> {
    ledger.batch(|l| {
        fill_office(l)?;
        cases::fill(l)?;
        surveys::fill(l)
    })
}

/// As [`fill`], and one account per role (`ykien demo`; the logins are in the README), in
/// the same transaction.
pub fn fill_with_accounts(ledger: &mut Ledger) -> Result<()> {
    ledger.batch(|l| {
        fill_office(l)?;
        cases::fill(l)?;
        surveys::fill(l)?;
        accounts::create(l)
    })
}

fn fill_office(ledger: &mut Ledger) -> Result<()> {
    if ledger.office()?.is_some() {
        return Err(Error::Conflict(
            "Cơ sở dữ liệu này đã có thông tin cơ quan; dữ liệu mẫu chỉ được tạo trong một tệp mới.".into(),
        ));
    }
    ledger.save_office(&demo_office())?;
    let mut unit_ids = std::collections::HashMap::new();
    for (name, code) in UNITS {
        let u = ledger.save_unit(&UnitInput { id: None, name: (*name).into(), code: (*code).into() })?;
        unit_ids.insert(*code, u.id);
    }
    for (i, (name, title, unit, role)) in STAFF.iter().enumerate() {
        ledger.save_staff(&StaffInput {
            id: None,
            full_name: (*name).into(),
            title: (*title).into(),
            unit_id: unit_ids.get(unit).cloned(),
            role: *role,
            phone: format!("0905 {:03} {:03}", 100 + i * 7, 200 + i * 13),
            email: String::new(),
        })?;
    }
    Ok(())
}
