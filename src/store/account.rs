//! Accounts and the office's sign-in rules. The password hash is read only by
//! [`credentials`] and written only with a new password; the audit log receives
//! [`AuditView`], which has no hash.

use super::Tx;
use crate::domain::permission::CaseScope;
use crate::domain::account::{Account, AccountPolicy, SignedIn};
use crate::domain::staff::Role;
use crate::error::{Error, Result};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

/// The setting that marks a demo database: its accounts' logins and their one password.
const DEMO_KEY: &str = "demo_accounts";

/// Marks this database as demo data, naming its demo accounts (one transaction with them).
pub fn mark_demo(tx: &Tx, logins: &[&str], password: &str) -> Result<()> {
    let value = serde_json::json!({ "logins": logins, "password": password }).to_string();
    tx.execute(
        "INSERT INTO setting (key, value, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (key) DO UPDATE SET value = ?2, updated_at = ?3",
        params![DEMO_KEY, value, tx.now()],
    )?;
    Ok(())
}

/// (logins, password) of a demo database's accounts; `None` for an office's own database.
pub fn demo(conn: &Connection) -> Result<Option<(Vec<String>, String)>> {
    let value: Option<String> = conn
        .query_row("SELECT value FROM setting WHERE key = ?1", [DEMO_KEY], |r| r.get(0))
        .optional()?;
    Ok(value.and_then(|v| {
        let v: serde_json::Value = serde_json::from_str(&v).ok()?;
        let logins = v["logins"].as_array()?.iter().filter_map(|l| l.as_str().map(str::to_owned)).collect();
        Some((logins, v["password"].as_str()?.to_owned()))
    }))
}

/// Whether the database has any account at all (disabled ones count: once accounts exist,
/// the database never falls back to working without sign-in).
pub fn any(conn: &Connection) -> Result<bool> {
    Ok(conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM account)")?.query_row([], |r| r.get(0))?)
}

const SELECT: &str = "SELECT a.id, a.staff_id, a.login, s.full_name, s.role, u.name, a.must_change_password,
                             a.disabled OR s.deleted_at IS NOT NULL, a.failed_attempts, a.locked_until,
                             s.unit_id
                      FROM account a JOIN staff s ON s.id = a.staff_id LEFT JOIN unit u ON u.id = s.unit_id";

fn from_row(r: &Row) -> rusqlite::Result<Account> {
    let role: String = r.get(4)?;
    Ok(Account {
        id: r.get(0)?,
        staff_id: r.get(1)?,
        login: r.get(2)?,
        full_name: r.get(3)?,
        // The staff table's CHECK constraint admits only known roles.
        role: Role::parse(&role).unwrap_or(Role::Reception),
        unit_name: r.get(5)?,
        must_change_password: r.get(6)?,
        disabled: r.get(7)?,
        failed_attempts: r.get(8)?,
        locked_until: r.get(9)?,
    })
}

pub fn list(conn: &Connection) -> Result<Vec<Account>> {
    let mut st = conn.prepare_cached(&format!("{SELECT} ORDER BY a.login"))?;
    let rows = st.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, id: &str) -> Result<Account> {
    conn.prepare_cached(&format!("{SELECT} WHERE a.id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound { entity: "tài khoản", id: id.to_owned() })
}

pub fn by_login(conn: &Connection, login: &str) -> Result<Option<Account>> {
    Ok(conn.prepare_cached(&format!("{SELECT} WHERE a.login = ?1"))?.query_row([login], from_row).optional()?)
}

/// The stored PHC hash of an account's password.
pub(crate) fn credentials(conn: &Connection, id: &str) -> Result<String> {
    Ok(conn.query_row("SELECT password_hash FROM account WHERE id = ?1", [id], |r| r.get(0))?)
}

/// The signed-in view of an account, read afresh (role and unit come from the staff row).
pub fn signed_in(conn: &Connection, id: &str) -> Result<(SignedIn, bool)> {
    let (a, unit_id): (Account, Option<String>) = conn
        .prepare_cached(&format!("{SELECT} WHERE a.id = ?1"))?
        .query_row([id], |r| Ok((from_row(r)?, r.get(10)?)))
        .optional()?
        .ok_or_else(|| Error::NotFound { entity: "tài khoản", id: id.to_owned() })?;
    let disabled = a.disabled;
    Ok((
        SignedIn {
            account_id: a.id,
            staff_id: a.staff_id,
            login: a.login,
            full_name: a.full_name,
            role: a.role,
            role_label: a.role.label().to_owned(),
            unit_id,
            unit_name: a.unit_name,
            must_change_password: a.must_change_password,
        },
        disabled,
    ))
}

/// What the audit log keeps of an account: never the hash. `event` says what happened
/// (`created`, `password_reset`, `password_changed`, `signed_in` after wrong passwords, `wrong_password`,
/// `locked`, `unlocked`, `disabled`, `enabled`).
#[derive(Debug, Serialize)]
pub struct AuditView<'a> {
    pub event: &'a str,
    pub login: String,
    pub staff_id: String,
    pub must_change_password: bool,
    pub disabled: bool,
    pub failed_attempts: i32,
    pub locked_until: Option<String>,
}

fn view<'a>(conn: &Connection, id: &str, event: &'a str) -> Result<AuditView<'a>> {
    Ok(conn.query_row(
        "SELECT login, staff_id, must_change_password, disabled, failed_attempts, locked_until FROM account WHERE id = ?1",
        [id],
        |r| {
            Ok(AuditView {
                event,
                login: r.get(0)?,
                staff_id: r.get(1)?,
                must_change_password: r.get(2)?,
                disabled: r.get(3)?,
                failed_attempts: r.get(4)?,
                locked_until: r.get(5)?,
            })
        },
    )?)
}

/// Runs `change` on account `id` and logs it as one `update` entry named `event`.
fn update(tx: &Tx, id: &str, event: &str, change: impl FnOnce() -> Result<()>) -> Result<()> {
    let before = view(tx, id, "")?;
    change()?;
    tx.execute("UPDATE account SET updated_at = ?2 WHERE id = ?1", params![id, tx.now()])?;
    let after = view(tx, id, event)?;
    tx.audit("account", id, Some(&before), Some(&after))
}

pub fn insert(tx: &Tx, staff_id: &str, login: &str, hash: &str, must_change: bool) -> Result<String> {
    let staff = super::staff::get(tx, staff_id).map_err(|_| Error::validation("staff_id", "Cán bộ đã chọn không còn trong danh sách."))?;
    if by_login(tx, login)?.is_some() {
        return Err(Error::validation("login", format!("Tên đăng nhập «{login}» đã có người dùng; hãy chọn tên khác.")));
    }
    let has: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM account WHERE staff_id = ?1)", [staff_id], |r| r.get(0))?;
    if has {
        return Err(Error::validation("staff_id", format!("{} đã có tài khoản.", staff.full_name)));
    }
    let id = super::new_id();
    tx.execute(
        "INSERT INTO account (id, staff_id, login, password_hash, must_change_password, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![id, staff_id, login, hash, must_change, tx.now()],
    )?;
    tx.audit::<(), _>("account", &id, None, Some(&view(tx, &id, "created")?))?;
    Ok(id)
}

/// A new password: by the user (`password_changed`) or reset by an administrator
/// (`password_reset`, which also lifts a lock and asks for a change at the next sign-in).
pub fn set_password(tx: &Tx, id: &str, hash: &str, must_change: bool, event: &str) -> Result<()> {
    update(tx, id, event, || {
        tx.execute(
            "UPDATE account SET password_hash = ?2, must_change_password = ?3, failed_attempts = 0, locked_until = NULL
             WHERE id = ?1",
            params![id, hash, must_change],
        )?;
        Ok(())
    })
}

/// A wrong password: counts it, and at the limit locks the account until `lock_until`.
/// Returns whether it is now locked.
pub fn record_failure(tx: &Tx, id: &str, max: u32, lock_until: &str) -> Result<bool> {
    let failed: i64 = tx.query_row("SELECT failed_attempts + 1 FROM account WHERE id = ?1", [id], |r| r.get(0))?;
    let locks = failed >= max as i64;
    update(tx, id, if locks { "locked" } else { "wrong_password" }, || {
        if locks {
            tx.execute("UPDATE account SET failed_attempts = 0, locked_until = ?2 WHERE id = ?1", params![id, lock_until])?;
        } else {
            tx.execute("UPDATE account SET failed_attempts = ?2 WHERE id = ?1", params![id, failed])?;
        }
        Ok(())
    })?;
    Ok(locks)
}

/// The right password after wrong ones: the count starts again.
pub fn record_sign_in(tx: &Tx, id: &str) -> Result<()> {
    update(tx, id, "signed_in", || {
        tx.execute("UPDATE account SET failed_attempts = 0, locked_until = NULL WHERE id = ?1", [id])?;
        Ok(())
    })
}

pub fn unlock(tx: &Tx, id: &str) -> Result<()> {
    update(tx, id, "unlocked", || {
        tx.execute("UPDATE account SET failed_attempts = 0, locked_until = NULL WHERE id = ?1", [id])?;
        Ok(())
    })
}

pub fn set_disabled(tx: &Tx, id: &str, disabled: bool) -> Result<()> {
    update(tx, id, if disabled { "disabled" } else { "enabled" }, || {
        tx.execute("UPDATE account SET disabled = ?2 WHERE id = ?1", params![id, disabled])?;
        Ok(())
    })
}

/// Accounts that can still sign in as administrators, other than `except` (an account id or
/// a staff id): the last one may not be disabled or lose its role.
pub fn other_admins(conn: &Connection, except: &str) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM account a JOIN staff s ON s.id = a.staff_id
         WHERE s.role = 'administrator' AND s.deleted_at IS NULL AND a.disabled = 0
           AND a.id <> ?1 AND a.staff_id <> ?1",
        [except],
        |r| r.get(0),
    )?)
}

/// Whether staff member `staff_id` has an enabled administrator account.
pub fn is_admin_account(conn: &Connection, staff_id: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM account a JOIN staff s ON s.id = a.staff_id
                        WHERE a.staff_id = ?1 AND a.disabled = 0 AND s.role = 'administrator')",
        [staff_id],
        |r| r.get(0),
    )?)
}

pub fn policy(conn: &Connection) -> Result<AccountPolicy> {
    let mut st = conn.prepare_cached("SELECT key, value FROM setting WHERE key IN (?1, ?2, ?3)")?;
    let [a, b, c] = AccountPolicy::KEYS;
    let pairs: Vec<(String, String)> = st.query_map([a, b, c], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    Ok(AccountPolicy::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))))
}

pub fn save_policy(tx: &Tx, p: &AccountPolicy) -> Result<()> {
    let before = policy(tx)?;
    if &before == p {
        return Ok(());
    }
    for (key, value) in p.to_pairs() {
        tx.execute(
            "INSERT INTO setting (key, value, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (key) DO UPDATE SET value = ?2, updated_at = ?3",
            params![key, value.to_string(), tx.now()],
        )?;
    }
    tx.audit("settings", "account_policy", Some(&before), Some(p))
}

/// What the permission rules read about a case.
pub fn case_scope(conn: &Connection, case_id: &str) -> Result<CaseScope> {
    conn.prepare_cached(
        "SELECT f.receipt_year, f.receipt_seq, f.kind IN ('complaint', 'grievance', 'appeal') AND f.subject = 'confidentiality',
                f.unit_id, u.name
         FROM feedback f LEFT JOIN unit u ON u.id = f.unit_id WHERE f.id = ?1 AND f.deleted_at IS NULL",
    )?
    .query_row([case_id], |r| {
        Ok(CaseScope {
            receipt_no: format!("{}/{:06}", r.get::<_, i32>(0)?, r.get::<_, i64>(1)?),
            confidential: r.get(2)?,
            unit_id: r.get(3)?,
            unit_name: r.get(4)?,
        })
    })
    .optional()?
    .ok_or_else(|| Error::NotFound { entity: "hồ sơ", id: case_id.to_owned() })
}

/// The status of a case, for choosing which move permission applies.
pub fn case_status(conn: &Connection, case_id: &str) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT status FROM feedback WHERE id = ?1", [case_id], |r| r.get(0)).optional()?)
}
