//! Accounts on the [`Ledger`]: signing in and out, the idle lock, passwords, the
//! administrator's account management, and the guards every changing method calls first
//! (the rules themselves are in [`crate::access`]).
//!
//! The ledger holds at most one signed-in account (`session`). Its role and unit are read
//! afresh from the database at every guard, so an administrator's change (a new role, a
//! disabled account) applies at once, also to a window that is already signed in.

use crate::access::{decide, password, Action, Actor, CaseScope};
use crate::domain::account::{
    DemoAccount, DemoSignIn,
    actor_name, check_new_password, normalize_login, normalize_password, AccessState, Account, AccountInput, AccountPolicy,
    FirstAdminInput, SignedIn,
};
use crate::domain::feedback::FeedbackInput;
use crate::domain::staff::{Role, StaffInput};
use crate::domain::text::clean_line;
use crate::domain::workflow::Status;
use crate::error::{Error, Result};
use crate::store::{self, account as db};
use super::{Ledger, SYSTEM_ACTOR};
use chrono::NaiveDateTime;

/// Who is signed in on this ledger, and whether the window is locked. Opaque to callers: the
/// office server keeps one per desk and lends it to the one ledger for each of that desk's
/// calls ([`Ledger::resume_session`], [`Ledger::take_session`]); its role is read afresh at
/// every guard, as for the window's own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    account_id: String,
    locked: bool,
}

impl Session {
    /// The session of `account_id`, as a desk's stored session holds it.
    pub fn new(account_id: impl Into<String>, locked: bool) -> Session {
        Session { account_id: account_id.into(), locked }
    }

    pub fn account_id(&self) -> &str {
        &self.account_id
    }

    /// Whether the idle lock is on: nothing can be read or done until the password is given again.
    pub fn locked(&self) -> bool {
        self.locked
    }
}

const LOCAL: &str = "%Y-%m-%dT%H:%M:%S";

fn sign_in_first() -> Error {
    Error::SignInRequired(
        "Dữ liệu này có tài khoản: hãy đăng nhập trước (trên dòng lệnh: thêm --as TÊN_ĐĂNG_NHẬP).".into(),
    )
}

impl Ledger {
    // ---- Guards ----

    /// The signed-in account allowed to work now; `None` on a database without accounts
    /// (everything is then allowed, as the system). Refuses when accounts exist and nobody
    /// is signed in, the screen is locked, the account was disabled, or its password must
    /// be changed first.
    pub(crate) fn session_account(&self) -> Result<Option<SignedIn>> {
        if !db::any(&self.conn)? {
            return Ok(None);
        }
        let Some(session) = &self.session else { return Err(sign_in_first()) };
        if session.locked {
            return Err(Error::SignInRequired("Màn hình đang khoá: hãy nhập lại mật khẩu để làm việc tiếp.".into()));
        }
        let (me, disabled) = match db::signed_in(&self.conn, &session.account_id) {
            Ok(found) => found,
            Err(Error::NotFound { .. }) => return Err(sign_in_first()),
            Err(e) => return Err(e),
        };
        if disabled {
            return Err(Error::SignInRequired(format!(
                "Tài khoản «{}» đã bị vô hiệu hoá; hãy liên hệ cán bộ quản trị hệ thống.",
                me.login
            )));
        }
        if me.must_change_password {
            return Err(Error::SignInRequired("Hãy đổi mật khẩu trước khi làm việc tiếp (trên dòng lệnh: ykien account password --as TÊN_ĐĂNG_NHẬP).".into()));
        }
        Ok(Some(me))
    }

    /// Who the next write is recorded as: the signed-in account, else the ledger's actor.
    pub(crate) fn writer(&self) -> Result<String> {
        Ok(self.at_desk(match self.session_account()? {
            Some(me) => me.actor(),
            None => self.actor.clone(),
        }))
    }

    fn decide_for(&self, action: Action, case: Option<&CaseScope>) -> Result<Option<SignedIn>> {
        let Some(me) = self.session_account()? else { return Ok(None) };
        decide(&Actor { role: me.role, unit_id: me.unit_id.clone() }, action, case).map_err(Error::Forbidden)?;
        Ok(Some(me))
    }

    /// Refuses `action` unless the signed-in role may do it (or the database has no account).
    pub(crate) fn guard(&self, action: Action) -> Result<()> {
        self.decide_for(action, None).map(drop)
    }

    /// Reading citizens' records: anyone signed in (or no account at all).
    pub(crate) fn guard_read(&self) -> Result<()> {
        self.session_account().map(drop)
    }

    /// As [`Ledger::guard`], for an action on one case: its unit and confidentiality count.
    pub(crate) fn guard_case(&self, action: Action, case_id: &str) -> Result<()> {
        let Some(me) = self.session_account()? else { return Ok(()) };
        let scope = db::case_scope(&self.conn, case_id)?;
        decide(&Actor { role: me.role, unit_id: me.unit_id }, action, Some(&scope)).map_err(Error::Forbidden)
    }

    /// A move along the workflow: the specialist unit's answer (from step 6), leadership's
    /// direction (from step 8), or a front-desk step (everything else).
    pub(crate) fn guard_move(&self, case_id: &str) -> Result<()> {
        let from = db::case_status(&self.conn, case_id)?;
        let action = match from.as_deref().map(Status::parse) {
            Some(Ok(Status::Specialist)) => Action::SpecialistMove,
            Some(Ok(Status::Leadership)) => Action::LeadershipDirection,
            _ => Action::FrontDeskMove,
        };
        self.guard_case(action, case_id)
    }

    /// A reply letter's signature or dispatch, judged on its case.
    pub(crate) fn guard_letter(&self, action: Action, letter_id: &str) -> Result<()> {
        let (case_id, _) = store::letter::get(&self.conn, letter_id)?;
        self.guard_case(action, &case_id)
    }

    /// A new entry in the book.
    pub(crate) fn guard_entry(&self, _input: &FeedbackInput) -> Result<()> {
        self.guard(Action::EnterFeedback)
    }

    /// The unit head's confirmation, recorded in the name of whoever is signed in.
    pub(crate) fn guard_confirm(&self, case_id: &str, staff_id: &str) -> Result<()> {
        self.guard_case(Action::Confirm, case_id)?;
        if let Some(me) = self.session_account()? {
            if me.staff_id != staff_id {
                return Err(Error::Forbidden(format!(
                    "Xác nhận được ghi bằng tên người đang đăng nhập ({}); không xác nhận thay người khác.",
                    me.full_name
                )));
            }
        }
        Ok(())
    }

    /// Staff changes: an administrator's, and never one that leaves no administrator able
    /// to sign in (`role` None: the staff member is deleted).
    pub(crate) fn guard_staff(&self, staff_id: Option<&str>, role: Option<Role>) -> Result<()> {
        self.guard(Action::ManageStaff)?;
        let Some(id) = staff_id else { return Ok(()) };
        if role != Some(Role::Administrator) && db::is_admin_account(&self.conn, id)? && db::other_admins(&self.conn, id)? == 0 {
            return Err(Error::Conflict(
                "Đây là tài khoản quản trị hệ thống duy nhất còn dùng được: hãy tạo tài khoản quản trị khác trước \
                 khi đổi vai trò hoặc xoá cán bộ này."
                    .into(),
            ));
        }
        Ok(())
    }

    /// The same check for a [`StaffInput`] about to be saved.
    pub(crate) fn guard_staff_input(&self, s: &StaffInput) -> Result<()> {
        self.guard_staff(s.id.as_deref(), Some(s.role))
    }

    // ---- Signing in ----

    /// What the window shows first: sign-in, the lock, or the main window, and what to offer.
    pub fn access_state(&self) -> Result<AccessState> {
        let accounts_exist = db::any(&self.conn)?;
        let policy = db::policy(&self.conn)?;
        let signed_in = match (&self.session, accounts_exist) {
            (Some(s), true) => match db::signed_in(&self.conn, &s.account_id) {
                Ok((me, false)) => Some(me),
                _ => None,
            },
            _ => None,
        };
        let locked = signed_in.is_some() && self.session.as_ref().is_some_and(|s| s.locked);
        let allowed = match (&signed_in, accounts_exist) {
            (_, false) => Action::ALL.to_vec(),
            (Some(me), true) if !locked && !me.must_change_password => {
                Action::ALL.into_iter().filter(|a| a.roles().contains(&me.role)).collect()
            }
            _ => Vec::new(),
        };
        let demo = self.demo_sign_in(accounts_exist)?;
        Ok(AccessState { accounts_exist, signed_in, locked, idle_lock_seconds: policy.idle_lock_minutes * 60, policy, allowed, demo })
    }

    /// A demo database's accounts that can still sign in, in the order the demo made them.
    fn demo_sign_in(&self, accounts_exist: bool) -> Result<Option<DemoSignIn>> {
        let Some((logins, password)) = accounts_exist.then(|| db::demo(&self.conn)).transpose()?.flatten() else {
            return Ok(None);
        };
        let all = db::list(&self.conn)?;
        let accounts = logins
            .iter()
            .filter_map(|login| all.iter().find(|a| &a.login == login && !a.disabled))
            .map(|a| DemoAccount { login: a.login.clone(), full_name: a.full_name.clone(), role_label: a.role.label().to_owned() })
            .collect();
        Ok(Some(DemoSignIn { password, accounts }))
    }

    /// Marks this database as demo data with its demo accounts (`ykien demo`), so that its
    /// sign-in screen tells them.
    pub(crate) fn mark_demo_accounts(&mut self, logins: &[&str], password: &str) -> Result<()> {
        self.write(|tx| db::mark_demo(tx, logins, password))
    }

    /// The signed-in account, if any (also while the screen is locked).
    pub fn signed_in(&self) -> Result<Option<SignedIn>> {
        Ok(self.access_state()?.signed_in)
    }

    /// Checks the password and signs in. A wrong password counts towards the lock of the
    /// account (recorded in the audit log, without the password); a locked or disabled
    /// account is refused before its password is even checked.
    pub fn sign_in(&mut self, login: &str, password: &str) -> Result<SignedIn> {
        let login = clean_line(login).to_lowercase();
        if login.is_empty() {
            return Err(Error::validation("login", "Hãy nhập tên đăng nhập."));
        }
        let account = db::by_login(&self.conn, &login)?
            .ok_or_else(|| Error::validation("login", format!("Không có tài khoản nào tên «{login}».")))?;
        self.check_password(&account, password)?;
        self.record_sign_in(&account)?;
        self.session = Some(Session { account_id: account.id.clone(), locked: false });
        Ok(db::signed_in(&self.conn, &account.id)?.0)
    }

    /// The password of `account`, or the refusal (counting the failure, locking at the limit).
    fn check_password(&mut self, account: &Account, password: &str) -> Result<()> {
        if account.disabled {
            return Err(Error::Forbidden(format!(
                "Tài khoản «{}» đã bị vô hiệu hoá; hãy liên hệ cán bộ quản trị hệ thống.",
                account.login
            )));
        }
        let now = self.now();
        if let Some(until) = account.locked_until.as_deref().and_then(|u| NaiveDateTime::parse_from_str(u, LOCAL).ok()) {
            if until > now {
                return Err(Error::Forbidden(format!(
                    "Tài khoản «{}» đang tạm khoá vì nhập sai mật khẩu nhiều lần; hãy thử lại sau {} \
                     hoặc nhờ cán bộ quản trị mở khoá.",
                    account.login,
                    until.format("%H:%M ngày %d/%m/%Y")
                )));
            }
        }
        let hash = db::credentials(&self.conn, &account.id)?;
        if password::verify(&normalize_password(password), &hash) {
            return Ok(());
        }
        let policy = db::policy(&self.conn)?;
        let until = now + chrono::Duration::minutes(policy.lock_minutes as i64);
        let system = self.at_desk(SYSTEM_ACTOR.to_owned());
        let locked = store::with_tx(&mut self.conn, &system, |tx| {
            db::record_failure(tx, &account.id, policy.max_failed_attempts, &until.format(LOCAL).to_string())
        })?;
        if locked {
            return Err(Error::Forbidden(format!(
                "Mật khẩu không đúng. Tài khoản «{}» bị tạm khoá đến {} vì đã nhập sai {} lần liền.",
                account.login,
                until.format("%H:%M ngày %d/%m/%Y"),
                policy.max_failed_attempts
            )));
        }
        let left = policy.max_failed_attempts as i64 - (account.failed_attempts as i64 + 1);
        Err(Error::validation(
            "password",
            format!(
                "Mật khẩu không đúng. Còn {left} lần thử trước khi tài khoản bị tạm khoá {} phút.",
                policy.lock_minutes
            ),
        ))
    }

    /// The right password: a sign-in writes nothing (reading stays reading), unless it
    /// clears wrong attempts counted before it.
    fn record_sign_in(&mut self, account: &Account) -> Result<()> {
        if account.failed_attempts == 0 && account.locked_until.is_none() {
            return Ok(());
        }
        let actor = self.at_desk(actor_name(&account.login, &account.full_name));
        store::with_tx(&mut self.conn, &actor, |tx| db::record_sign_in(tx, &account.id))
    }

    pub fn sign_out(&mut self) {
        self.session = None;
    }

    /// The idle lock: the account stays signed in, but nothing can be done or read until
    /// its password is given again.
    pub fn lock_screen(&mut self) {
        if let Some(s) = &mut self.session {
            s.locked = true;
        }
    }

    /// Lifts the idle lock with the signed-in account's password. Wrong passwords count
    /// towards the account's lock; once it locks, the session ends.
    pub fn unlock_screen(&mut self, password: &str) -> Result<SignedIn> {
        let Some(session) = self.session.clone() else { return Err(sign_in_first()) };
        let account = db::get(&self.conn, &session.account_id)?;
        if let Err(e) = self.check_password(&account, password) {
            if matches!(e, Error::Forbidden(_)) {
                self.session = None;
            }
            return Err(e);
        }
        self.record_sign_in(&account)?;
        self.session = Some(Session { locked: false, ..session });
        Ok(db::signed_in(&self.conn, &account.id)?.0)
    }

    /// The signed-in user's own new password (also when it must be changed after a reset).
    pub fn change_password(&mut self, current: &str, new: &str) -> Result<SignedIn> {
        let Some(session) = self.session.clone().filter(|s| !s.locked) else { return Err(sign_in_first()) };
        let account = db::get(&self.conn, &session.account_id)?;
        let new = check_new_password("new_password", new, &account.login)?;
        if let Err(e) = self.check_password(&account, current) {
            return Err(match e {
                Error::Validation { message, .. } => Error::validation("current_password", message),
                Error::Forbidden(m) => {
                    self.session = None;
                    Error::Forbidden(m)
                }
                e => e,
            });
        }
        if normalize_password(current) == new {
            return Err(Error::validation("new_password", "Mật khẩu mới phải khác mật khẩu đang dùng."));
        }
        let hash = password::hash(&new)?;
        let actor = self.at_desk(actor_name(&account.login, &account.full_name));
        store::with_tx(&mut self.conn, &actor, |tx| db::set_password(tx, &account.id, &hash, false, "password_changed"))?;
        Ok(db::signed_in(&self.conn, &account.id)?.0)
    }

    // ---- Account management (administrators) ----

    /// Every account; a lock that has run out is shown as none.
    pub fn accounts(&self) -> Result<Vec<Account>> {
        self.guard(Action::ManageAccounts)?;
        let now = self.now().format(LOCAL).to_string();
        let mut list = db::list(&self.conn)?;
        for a in &mut list {
            a.locked_until = a.locked_until.take().filter(|u| *u > now);
        }
        Ok(list)
    }

    /// The account with this login (for the command line).
    pub fn account_named(&self, login: &str) -> Result<Account> {
        self.guard(Action::ManageAccounts)?;
        let l = clean_line(login).to_lowercase();
        db::by_login(&self.conn, &l)?.ok_or_else(|| Error::validation("login", format!("Không có tài khoản nào tên «{l}».")))
    }

    /// A new account for a staff member, made by an administrator, with a first password
    /// the user must change at the first sign-in. The first account of a database must be
    /// an administrator's (someone has to manage the others); it may be created without
    /// signing in, with the administrator's own password (then sign in with it).
    pub fn create_account(&mut self, input: &AccountInput) -> Result<Account> {
        let first = !db::any(&self.conn)?;
        if !first {
            self.guard(Action::ManageAccounts)?;
        }
        let (staff_id, login, hash) = self.prepare_account(input, first)?;
        let id = self.write(|tx| db::insert(tx, &staff_id, &login, &hash, !first))?;
        db::get(&self.conn, &id)
    }

    /// Several first accounts at once, in one transaction, each keeping the password given
    /// (the demo data's, documented in the README). Only on a database without accounts.
    pub(crate) fn create_first_accounts(&mut self, inputs: &[AccountInput]) -> Result<()> {
        if db::any(&self.conn)? {
            return Err(Error::Conflict("Dữ liệu này đã có tài khoản.".into()));
        }
        let prepared = inputs
            .iter()
            .enumerate()
            .map(|(i, input)| self.prepare_account(input, i == 0))
            .collect::<Result<Vec<_>>>()?;
        self.write(|tx| {
            for (staff_id, login, hash) in &prepared {
                db::insert(tx, staff_id, login, hash, false)?;
            }
            Ok(())
        })
    }

    /// (staff id, login, hash) of a new account, checked; `first` requires an administrator.
    fn prepare_account(&self, input: &AccountInput, first: bool) -> Result<(String, String, String)> {
        let login = normalize_login("login", &input.login)?;
        let password = check_new_password("password", &input.password, &login)?;
        let staff = store::staff::get(&self.conn, &input.staff_id)
            .map_err(|_| Error::validation("staff_id", "Hãy chọn cán bộ có tài khoản này."))?;
        if first && staff.role != Role::Administrator {
            return Err(Error::validation(
                "staff_id",
                format!(
                    "Tài khoản đầu tiên phải là của một cán bộ có vai trò «{}», để có người quản lý các tài khoản khác \
                     ({} có vai trò «{}»).",
                    Role::Administrator.label(),
                    staff.full_name,
                    staff.role.label()
                ),
            ));
        }
        Ok((staff.id, login, password::hash(&password)?))
    }

    /// The first administrator, made in the office setup screen: a staff member with the
    /// administrator role and their account, in one transaction; then signed in.
    pub fn create_first_administrator(&mut self, input: &FirstAdminInput) -> Result<SignedIn> {
        if db::any(&self.conn)? {
            return Err(Error::Conflict(
                "Dữ liệu này đã có tài khoản: tài khoản mới do cán bộ quản trị tạo trong Cài đặt › Tài khoản.".into(),
            ));
        }
        let (full_name, title, login, password) = input.validated()?;
        let staff = StaffInput {
            id: None,
            full_name,
            title,
            unit_id: None,
            role: Role::Administrator,
            phone: String::new(),
            email: String::new(),
        }
        .validated()?;
        let hash = password::hash(&password)?;
        let id = self.write(|tx| {
            let s = store::staff::save(tx, &staff)?;
            // The office's key for its period bundles is made with the office's first account.
            crate::bundle::ensure_key(tx)?;
            db::insert(tx, &s.id, &login, &hash, false)
        })?;
        self.session = Some(Session { account_id: id.clone(), locked: false });
        Ok(db::signed_in(&self.conn, &id)?.0)
    }

    /// An administrator sets a new password (the user forgot theirs): the account is
    /// unlocked and its user must choose their own password at the next sign-in.
    pub fn reset_password(&mut self, account_id: &str, new_password: &str) -> Result<Account> {
        self.guard(Action::ManageAccounts)?;
        let account = db::get(&self.conn, account_id)?;
        let password = check_new_password("password", new_password, &account.login)?;
        let own = self.session.as_ref().is_some_and(|s| s.account_id == account_id);
        let hash = password::hash(&password)?;
        self.write(|tx| db::set_password(tx, account_id, &hash, !own, "password_reset"))?;
        db::get(&self.conn, account_id)
    }

    /// Lifts the lock that wrong passwords put on an account.
    pub fn unlock_account(&mut self, account_id: &str) -> Result<Account> {
        self.guard(Action::ManageAccounts)?;
        db::get(&self.conn, account_id)?;
        self.write(|tx| db::unlock(tx, account_id))?;
        db::get(&self.conn, account_id)
    }

    /// Disables (or enables again) an account; never one's own, nor the last administrator.
    pub fn set_account_disabled(&mut self, account_id: &str, disabled: bool) -> Result<Account> {
        self.guard(Action::ManageAccounts)?;
        let account = db::get(&self.conn, account_id)?;
        if disabled {
            if self.session.as_ref().is_some_and(|s| s.account_id == account_id) {
                return Err(Error::Conflict("Không thể tự vô hiệu hoá tài khoản đang đăng nhập.".into()));
            }
            if account.role == Role::Administrator && db::other_admins(&self.conn, account_id)? == 0 {
                return Err(Error::Conflict("Đây là tài khoản quản trị hệ thống duy nhất còn dùng được; không thể vô hiệu hoá.".into()));
            }
        }
        self.write(|tx| db::set_disabled(tx, account_id, disabled))?;
        db::get(&self.conn, account_id)
    }

    pub fn account_policy(&self) -> Result<AccountPolicy> {
        db::policy(&self.conn)
    }

    pub fn save_account_policy(&mut self, policy: &AccountPolicy) -> Result<AccountPolicy> {
        self.guard(Action::ManageAccounts)?;
        let p = policy.validated()?;
        self.write(|tx| db::save_policy(tx, &p))?;
        Ok(p)
    }
}
