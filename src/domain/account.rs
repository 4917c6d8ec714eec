//! Accounts (tài khoản): who signs in, and the office's sign-in rules. An account belongs to
//! one staff member and takes its role and unit from them. Passwords are hashed in
//! `access::password`; nothing here ever holds a hash.

use super::staff::Role;
use super::text::{clean_line, required_line};
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unicode_normalization::UnicodeNormalization;

/// One account as the administrator's list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Account {
    pub id: String,
    pub staff_id: String,
    /// Tên đăng nhập: lower-case letters without accents, digits, `.`, `-`, `_`.
    pub login: String,
    pub full_name: String,
    pub role: Role,
    pub unit_name: Option<String>,
    /// The user must choose a new password at the next sign-in.
    pub must_change_password: bool,
    pub disabled: bool,
    pub failed_attempts: i32,
    /// Locked after too many wrong passwords until this local time (YYYY-MM-DDTHH:MM:SS).
    pub locked_until: Option<String>,
}

/// The signed-in user, as the window's header and the audit log name them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SignedIn {
    pub account_id: String,
    pub staff_id: String,
    pub login: String,
    pub full_name: String,
    pub role: Role,
    pub role_label: String,
    pub unit_id: Option<String>,
    pub unit_name: Option<String>,
    pub must_change_password: bool,
}

impl SignedIn {
    /// How the audit log and case histories name the account: "nguyenvana (Nguyễn Văn A)".
    pub fn actor(&self) -> String {
        actor_name(&self.login, &self.full_name)
    }
}

pub fn actor_name(login: &str, full_name: &str) -> String {
    format!("{login} ({full_name})")
}

/// A new account for an existing staff member, made by an administrator.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AccountInput {
    pub staff_id: String,
    pub login: String,
    /// The first password; the user must change it at the first sign-in unless this is the
    /// administrator creating their own account.
    pub password: String,
}

/// The first administrator, made during office setup (or from Cài đặt on a database that
/// has no account yet): a staff member with the administrator role and their account.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct FirstAdminInput {
    pub full_name: String,
    pub title: String,
    pub login: String,
    pub password: String,
}

/// The office's sign-in rules (stored in the settings table under their own keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AccountPolicy {
    /// Wrong passwords in a row before the account is locked.
    pub max_failed_attempts: u32,
    /// How long a locked account stays locked (minutes).
    pub lock_minutes: u32,
    /// The window asks for the password again after this many idle minutes.
    pub idle_lock_minutes: u32,
}

impl Default for AccountPolicy {
    fn default() -> Self {
        AccountPolicy { max_failed_attempts: 5, lock_minutes: 15, idle_lock_minutes: 10 }
    }
}

impl AccountPolicy {
    pub(crate) const KEYS: [&'static str; 3] = ["account_max_failed_attempts", "account_lock_minutes", "idle_lock_minutes"];

    pub fn validated(&self) -> Result<AccountPolicy> {
        range("max_failed_attempts", "Số lần nhập sai mật khẩu trước khi khoá tài khoản", self.max_failed_attempts, 3, 20)?;
        range("lock_minutes", "Thời gian khoá tài khoản (phút)", self.lock_minutes, 1, 1440)?;
        range("idle_lock_minutes", "Khoá màn hình sau khi không dùng (phút)", self.idle_lock_minutes, 1, 240)?;
        Ok(*self)
    }

    pub(crate) fn to_pairs(self) -> [(&'static str, u32); 3] {
        let [a, b, c] = Self::KEYS;
        [(a, self.max_failed_attempts), (b, self.lock_minutes), (c, self.idle_lock_minutes)]
    }

    pub(crate) fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> AccountPolicy {
        let mut p = AccountPolicy::default();
        for (k, v) in pairs {
            let Ok(n) = v.parse::<u32>() else { continue };
            match k {
                "account_max_failed_attempts" => p.max_failed_attempts = n,
                "account_lock_minutes" => p.lock_minutes = n,
                "idle_lock_minutes" => p.idle_lock_minutes = n,
                _ => {}
            }
        }
        p
    }
}

fn range(field: &str, label: &str, v: u32, min: u32, max: u32) -> Result<()> {
    if v < min || v > max {
        return Err(Error::validation(field, format!("{label} phải từ {min} đến {max}, không phải {v}.")));
    }
    Ok(())
}

/// What the window needs to decide between the sign-in screen, the lock overlay and the
/// main window, and which buttons to offer.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AccessState {
    /// False on a database without any account: no sign-in, everything allowed.
    pub accounts_exist: bool,
    pub signed_in: Option<SignedIn>,
    /// The screen is locked (idle): the password is asked again before anything else.
    pub locked: bool,
    pub policy: AccountPolicy,
    /// Seconds without use before the window locks: the policy's minutes (the app's tests
    /// shorten it).
    pub idle_lock_seconds: u32,
    /// What the signed-in role may do in general (every action when no account exists);
    /// the core still decides each request, with the case's unit and confidentiality.
    pub allowed: Vec<super::permission::Action>,
    /// On a demo database (`ykien demo`): its accounts and their one password, told on the
    /// sign-in screen so that anyone trying the app can sign in as each role. Never on an
    /// office's own database.
    pub demo: Option<DemoSignIn>,
}

/// The demo accounts still usable (not disabled), with the password the README gives them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DemoSignIn {
    pub password: String,
    pub accounts: Vec<DemoAccount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DemoAccount {
    pub login: String,
    pub full_name: String,
    pub role_label: String,
}

/// Shortest and longest password accepted.
pub const PASSWORD_MIN: usize = 8;
const PASSWORD_MAX: usize = 128;

/// A login as stored: trimmed, lower case, ASCII letters, digits, `.`, `-`, `_`, 3–32 long.
pub fn normalize_login(field: &str, login: &str) -> Result<String> {
    let l = clean_line(login).to_lowercase();
    let ok_chars = l.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_'));
    if l.is_empty() {
        return Err(Error::validation(field, "Tên đăng nhập không được để trống."));
    }
    if !ok_chars || !(3..=32).contains(&l.chars().count()) {
        return Err(Error::validation(
            field,
            format!(
                "Tên đăng nhập «{l}» không hợp lệ: chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới, \
                 dài từ 3 đến 32 ký tự (ví dụ «nguyenvana»)."
            ),
        ));
    }
    Ok(l)
}

/// A password as hashed: NFC (an input method may send Vietnamese letters decomposed), kept
/// exactly otherwise. A new password must be 8–128 characters and differ from the login.
pub fn normalize_password(p: &str) -> String {
    p.nfc().collect()
}

pub fn check_new_password(field: &str, password: &str, login: &str) -> Result<String> {
    let p = normalize_password(password);
    let n = p.chars().count();
    if p.trim().is_empty() {
        return Err(Error::validation(field, "Mật khẩu không được để trống."));
    }
    if n < PASSWORD_MIN {
        return Err(Error::validation(field, format!("Mật khẩu phải có ít nhất {PASSWORD_MIN} ký tự (mới có {n}).")));
    }
    if n > PASSWORD_MAX {
        return Err(Error::validation(field, format!("Mật khẩu dài quá {PASSWORD_MAX} ký tự.")));
    }
    if p.trim().to_lowercase() == login {
        return Err(Error::validation(field, "Mật khẩu không được trùng tên đăng nhập."));
    }
    Ok(p)
}

impl FirstAdminInput {
    /// (full name, title, login, password), cleaned and checked.
    pub fn validated(&self) -> Result<(String, String, String, String)> {
        let full_name = required_line("full_name", "Họ và tên", &self.full_name, 100)?;
        let title = clean_line(&self.title);
        let login = normalize_login("login", &self.login)?;
        let password = check_new_password("password", &self.password, &login)?;
        Ok((full_name, title, login, password))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logins_are_lower_case_ascii() {
        assert_eq!(normalize_login("login", "  NguyenVanA ").unwrap(), "nguyenvana");
        assert_eq!(normalize_login("login", "le.thi_ha-2").unwrap(), "le.thi_ha-2");
        let e = normalize_login("login", "nguyễn").unwrap_err().to_string();
        assert!(e.contains("không dấu"), "{e}");
        assert!(normalize_login("login", "ab").is_err());
        assert!(normalize_login("login", "a b c").is_err());
        assert!(normalize_login("login", "").unwrap_err().to_string().contains("để trống"));
    }

    #[test]
    fn new_passwords_are_long_enough_and_not_the_login() {
        assert!(check_new_password("p", "1234567", "an").unwrap_err().to_string().contains("ít nhất 8"));
        assert!(check_new_password("p", "        ", "an").unwrap_err().to_string().contains("để trống"));
        assert!(check_new_password("p", "nguyenvana", "nguyenvana").is_err());
        // Decomposed Vietnamese is stored composed, so either input form signs in.
        let nfd: String = "Mật khẩu dài".nfd().collect();
        assert_eq!(check_new_password("p", &nfd, "an").unwrap(), "Mật khẩu dài");
    }

    #[test]
    fn policy_ranges_and_stored_pairs() {
        let p = AccountPolicy { max_failed_attempts: 7, lock_minutes: 30, idle_lock_minutes: 4 };
        let pairs: Vec<(&str, String)> = p.to_pairs().iter().map(|(k, v)| (*k, v.to_string())).collect();
        assert_eq!(AccountPolicy::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str()))), p);
        assert!(AccountPolicy { max_failed_attempts: 2, ..p }.validated().is_err());
        assert!(AccountPolicy { idle_lock_minutes: 0, ..p }.validated().unwrap_err().to_string().contains("Khoá màn hình"));
        assert_eq!(AccountPolicy::from_pairs([("idle_lock_minutes", "3"), ("reply_deadline_days", "9")]).idle_lock_minutes, 3);
    }
}
