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
    let mut inputs = Vec::new();
    for (login, name) in DEMO_ACCOUNTS {
        let staff_id = ledger.staff_named(name)?.id;
        inputs.push(AccountInput { staff_id, login: (*login).into(), password: DEMO_PASSWORD.into() });
    }
    // One write: the demo data is recorded as whoever made it, and its users keep the
    // documented password rather than being asked to change it.
    // Marked first: once the accounts exist, only a signed-in user may write.
    let logins: Vec<&str> = DEMO_ACCOUNTS.iter().map(|(login, _)| *login).collect();
    ledger.mark_demo_accounts(&logins, DEMO_PASSWORD)?;
    ledger.create_first_accounts(&inputs)
}
