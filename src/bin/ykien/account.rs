//! `--as LOGIN` and `ykien account …`: signing in on the command line, and the accounts an
//! administrator manages. Passwords come from the environment (scripts) or a prompt that
//! does not echo; they are never options, which would leave them in the shell's history.

use crate::{print_json, secret};
use clap::Subcommand;
use ykien::{Account, AccountInput, AccountPolicy, Error, Ledger, Result};

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
pub fn sign_in(ledger: &mut Ledger, login: &str) -> Result<()> {
    let password = current_password(&format!("Mật khẩu của {login}: "))?;
    ledger.sign_in(login, &password)?;
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

pub fn run(ledger: &mut Ledger, cmd: AccountCommand, json: bool) -> Result<()> {
    let account = match cmd {
        AccountCommand::List => {
            let accounts = ledger.accounts()?;
            if json {
                print_json(&accounts);
            } else {
                for a in &accounts {
                    println!("{}", line(a));
                }
            }
            return Ok(());
        }
        AccountCommand::Create { staff, login } => {
            let staff_id = ledger.staff_named(&staff)?.id;
            let password = new_password()?;
            ledger.create_account(&AccountInput { staff_id, login, password })?
        }
        AccountCommand::ResetPassword { login } => {
            let id = ledger.account_named(&login)?.id;
            let password = new_password()?;
            ledger.reset_password(&id, &password)?
        }
        AccountCommand::Unlock { login } => {
            let id = ledger.account_named(&login)?.id;
            ledger.unlock_account(&id)?
        }
        AccountCommand::Disable { login } => {
            let id = ledger.account_named(&login)?.id;
            ledger.set_account_disabled(&id, true)?
        }
        AccountCommand::Enable { login } => {
            let id = ledger.account_named(&login)?.id;
            ledger.set_account_disabled(&id, false)?
        }
        AccountCommand::Password => {
            if ledger.signed_in()?.is_none() {
                return Err(Error::validation("as", "Hãy cho biết tài khoản cần đổi mật khẩu: --as TÊN_ĐĂNG_NHẬP."));
            }
            let current = current_password("Mật khẩu đang dùng: ")?;
            let new = new_password()?;
            let me = ledger.change_password(&current, &new)?;
            if json {
                print_json(&me);
            } else {
                println!("Đã đổi mật khẩu của {}.", me.actor());
            }
            return Ok(());
        }
        AccountCommand::Policy { max_failed, lock_minutes, idle_minutes } => {
            let mut p = ledger.account_policy()?;
            if max_failed.is_some() || lock_minutes.is_some() || idle_minutes.is_some() {
                p = ledger.save_account_policy(&AccountPolicy {
                    max_failed_attempts: max_failed.unwrap_or(p.max_failed_attempts),
                    lock_minutes: lock_minutes.unwrap_or(p.lock_minutes),
                    idle_lock_minutes: idle_minutes.unwrap_or(p.idle_lock_minutes),
                })?;
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
        println!("{}", line(&account));
    }
    Ok(())
}

fn line(a: &Account) -> String {
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
