//! `--as LOGIN` and `ykien account …`: signing in on the command line, and the accounts an
//! administrator manages. Passwords come from the environment (scripts) or a prompt that
//! does not echo; they are never options, which would leave them in the shell's history.

use crate::desk::{read, Desk};
use crate::{print_json, secret};
use clap::Subcommand;
use serde::Deserialize;
use serde_json::json;
use ykien::{AccountInput, AccountPolicy, Error, Result, Role};

/// The password of `--as`, for scripts.
const PASSWORD_VAR: &str = "YKIEN_PASSWORD";
/// A new password (account create, reset-password, password), for scripts.
const NEW_PASSWORD_VAR: &str = "YKIEN_NEW_PASSWORD";

#[derive(Subcommand)]
pub enum AccountCommand {
    /// List the accounts (administrator).
    List,
    /// Create an account for a staff member; the password is asked (or $YKIEN_NEW_PASSWORD).
    Create {
        /// The staff member's full name (accents and case ignored).
        #[arg(long)]
        staff: String,
        #[arg(long)]
        login: String,
    },
    /// Set a temporary password, to be changed at the next sign-in (administrator).
    ResetPassword { login: String },
    /// Lift the lock that wrong passwords put on an account (administrator).
    Unlock { login: String },
    /// Disable an account (someone who left); it can no longer sign in (administrator).
    Disable { login: String },
    /// Enable a disabled account again (administrator).
    Enable { login: String },
    /// Change the password of the account signed in with --as.
    Password,
    /// Show, or with options change, the sign-in rules (administrator to change).
    Policy {
        /// Wrong passwords in a row before the account is locked.
        #[arg(long)]
        max_failed: Option<u32>,
        /// Minutes a locked account stays locked.
        #[arg(long)]
        lock_minutes: Option<u32>,
        /// Minutes without use before the window asks for the password again.
        #[arg(long)]
        idle_minutes: Option<u32>,
    },
}

/// Signs in as `login` with the password of $YKIEN_PASSWORD or typed at a prompt.
pub fn sign_in(desk: &mut Desk, login: &str) -> Result<()> {
    let password = current_password(&format!("Mật khẩu của {login}: "))?;
    desk.call("sign_in", json!({ "login": login, "password": password }))?;
    Ok(())
}

fn current_password(prompt: &str) -> Result<String> {
    secret::env(PASSWORD_VAR).map_or_else(|| secret::prompt(prompt, PASSWORD_VAR), Ok)
}

/// A new password: $YKIEN_NEW_PASSWORD, or typed twice.
fn new_password() -> Result<String> {
    secret::new_twice(
        NEW_PASSWORD_VAR,
        "Mật khẩu mới: ",
        "Nhập lại mật khẩu mới: ",
        "password",
        "Hai lần nhập mật khẩu mới không giống nhau; chưa đổi gì.",
    )
}

pub fn run(desk: &mut Desk, cmd: AccountCommand, json: bool) -> Result<()> {
    let account = match cmd {
        AccountCommand::List => {
            let accounts = desk.call("accounts_list", json!({}))?;
            if json {
                print_json(&accounts);
            } else {
                for a in read::<Vec<AccountView>>("accounts_list", accounts)? {
                    println!("{}", line(&a));
                }
            }
            return Ok(());
        }
        AccountCommand::Create { staff, login } => {
            let staff_id = crate::office::staff_named(desk, &staff)?.id;
            let password = new_password()?;
            desk.call("account_create", json!({ "input": AccountInput { staff_id, login, password } }))?
        }
        AccountCommand::ResetPassword { login } => {
            let id = account_id(desk, &login)?;
            let password = new_password()?;
            desk.call("account_reset_password", json!({ "id": id, "password": password }))?
        }
        AccountCommand::Unlock { login } => {
            let id = account_id(desk, &login)?;
            desk.call("account_unlock", json!({ "id": id }))?
        }
        AccountCommand::Disable { login } => {
            let id = account_id(desk, &login)?;
            desk.call("account_set_disabled", json!({ "id": id, "disabled": true }))?
        }
        AccountCommand::Enable { login } => {
            let id = account_id(desk, &login)?;
            desk.call("account_set_disabled", json!({ "id": id, "disabled": false }))?
        }
        AccountCommand::Password => {
            if desk.call("access_state", json!({}))?["signed_in"].is_null() {
                return Err(Error::validation("as", "Hãy cho biết tài khoản cần đổi mật khẩu: --as TÊN_ĐĂNG_NHẬP."));
            }
            let current = current_password("Mật khẩu đang dùng: ")?;
            let new = new_password()?;
            let me = desk.call("password_change", json!({ "current": current, "new": new }))?;
            if json {
                print_json(&me);
            } else {
                let me: SignedInView = read("password_change", me)?;
                println!("Đã đổi mật khẩu của {}.", ykien::domain::account::actor_name(&me.login, &me.full_name));
            }
            return Ok(());
        }
        AccountCommand::Policy { max_failed, lock_minutes, idle_minutes } => {
            let mut p: AccountPolicy = read("access_state", desk.call("access_state", json!({}))?["policy"].take())?;
            if max_failed.is_some() || lock_minutes.is_some() || idle_minutes.is_some() {
                let policy = AccountPolicy {
                    max_failed_attempts: max_failed.unwrap_or(p.max_failed_attempts),
                    lock_minutes: lock_minutes.unwrap_or(p.lock_minutes),
                    idle_lock_minutes: idle_minutes.unwrap_or(p.idle_lock_minutes),
                };
                p = desk.call_as("account_policy_save", json!({ "policy": policy }))?;
            }
            if json {
                print_json(&p);
            } else {
                println!(
                    "Nhập sai mật khẩu {} lần liền thì tạm khoá tài khoản {} phút; khoá màn hình sau {} phút không dùng.",
                    p.max_failed_attempts, p.lock_minutes, p.idle_lock_minutes
                );
            }
            return Ok(());
        }
    };
    if json {
        print_json(&account);
    } else {
        println!("{}", line(&read("account", account)?));
    }
    Ok(())
}

/// The id of the account with this login (administrator).
fn account_id(desk: &mut Desk, login: &str) -> Result<String> {
    let l = ykien::domain::text::clean_line(login).to_lowercase();
    let accounts: Vec<AccountView> = desk.call_as("accounts_list", json!({}))?;
    accounts
        .into_iter()
        .find(|a| a.login == l)
        .map(|a| a.id)
        .ok_or_else(|| Error::validation("login", format!("Không có tài khoản nào tên «{l}».")))
}

/// An account, as the text lines show it.
#[derive(Deserialize)]
struct AccountView {
    id: String,
    login: String,
    full_name: String,
    role: Role,
    disabled: bool,
    locked_until: Option<String>,
    must_change_password: bool,
}

/// Who is signed in, as the text line names them.
#[derive(Deserialize)]
struct SignedInView {
    login: String,
    full_name: String,
}

fn line(a: &AccountView) -> String {
    let mut notes = Vec::new();
    if a.disabled {
        notes.push("đã vô hiệu hoá".to_owned());
    }
    if let Some(until) = &a.locked_until {
        notes.push(format!("tạm khoá đến {}", until.replace('T', " ")));
    }
    if a.must_change_password {
        notes.push("phải đổi mật khẩu".to_owned());
    }
    format!(
        "{:<16} {:<28} {:<32} {}",
        a.login,
        a.full_name,
        a.role.label(),
        notes.join(", ")
    )
}
