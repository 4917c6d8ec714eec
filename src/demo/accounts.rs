//! One demo account per role, for trying the app as each of them. The logins and the one
//! password are in the README; they are for demo data only.

use crate::{AccountInput, Ledger, Result};

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "matkhau-demo";

/// (login, staff member) — the administrator first: the first account must be theirs.
pub const DEMO_ACCOUNTS: &[(&str, &str)] = &[
    ("quantri", "Phạm Thị Lan"),
    ("tiepnhan", "Nguyễn Thị Thanh Hương"),
    ("truongdonvi", "Trịnh Văn Lộc"),
    ("qmr", "Cao Thị Diệu Linh"),
    ("lanhdao", "Trần Văn Hùng"),
];

pub(super) fn create(ledger: &mut Ledger) -> Result<()> {
    for (login, name) in DEMO_ACCOUNTS {
        let staff = ledger.staff_named(name)?;
        let input = AccountInput { staff_id: staff.id, login: (*login).into(), password: DEMO_PASSWORD.into() };
        // Demo users keep the documented password rather than being asked to change it.
        ledger.create_account_with(&input, Some(false))?;
    }
    Ok(())
}
