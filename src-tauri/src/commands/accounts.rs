//! Signing in, the idle lock, one's own password, and the administrator's accounts. The core
//! decides everything; these delegate.

use super::Reply;
use crate::state::AppState;
use tauri::State;
use ykien::{AccessState, Account, AccountInput, AccountPolicy, FirstAdminInput, SignedIn};

/// For the end-to-end tests of the idle lock: a shorter idle time than any setting allows.
const IDLE_OVERRIDE: &str = "YKIEN_IDLE_LOCK_SECONDS";

#[tauri::command]
pub fn access_state(state: State<AppState>) -> Reply<AccessState> {
    let mut access = state.with(|l| l.access_state())?;
    if let Some(s) = std::env::var(IDLE_OVERRIDE).ok().and_then(|v| v.parse::<u32>().ok()).filter(|s| *s > 0) {
        access.idle_lock_seconds = access.idle_lock_seconds.min(s);
    }
    Ok(access)
}

#[tauri::command]
pub fn sign_in(state: State<AppState>, login: String, password: String) -> Reply<SignedIn> {
    state.with(|l| l.sign_in(&login, &password))
}

#[tauri::command]
pub fn sign_out(state: State<AppState>) -> Reply<()> {
    state.with(|l| {
        l.sign_out();
        Ok(())
    })
}

#[tauri::command]
pub fn lock_screen(state: State<AppState>) -> Reply<()> {
    state.with(|l| {
        l.lock_screen();
        Ok(())
    })
}

#[tauri::command]
pub fn unlock_screen(state: State<AppState>, password: String) -> Reply<SignedIn> {
    state.with(|l| l.unlock_screen(&password))
}

#[tauri::command]
pub fn password_change(state: State<AppState>, current: String, new: String) -> Reply<SignedIn> {
    state.with(|l| l.change_password(&current, &new))
}

#[tauri::command]
pub fn accounts_list(state: State<AppState>) -> Reply<Vec<Account>> {
    state.with(|l| l.accounts())
}

#[tauri::command]
pub fn account_create(state: State<AppState>, input: AccountInput) -> Reply<Account> {
    state.with(|l| l.create_account(&input))
}

#[tauri::command]
pub fn first_admin_create(state: State<AppState>, input: FirstAdminInput) -> Reply<SignedIn> {
    state.with(|l| l.create_first_administrator(&input))
}

#[tauri::command]
pub fn account_reset_password(state: State<AppState>, id: String, password: String) -> Reply<Account> {
    state.with(|l| l.reset_password(&id, &password))
}

#[tauri::command]
pub fn account_unlock(state: State<AppState>, id: String) -> Reply<Account> {
    state.with(|l| l.unlock_account(&id))
}

#[tauri::command]
pub fn account_set_disabled(state: State<AppState>, id: String, disabled: bool) -> Reply<Account> {
    state.with(|l| l.set_account_disabled(&id, disabled))
}

#[tauri::command]
pub fn account_policy_save(state: State<AppState>, policy: AccountPolicy) -> Reply<AccountPolicy> {
    state.with(|l| l.save_account_policy(&policy))
}
