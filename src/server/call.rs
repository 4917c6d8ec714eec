//! One call of a desk, from the command's name to its answer: who is calling (the session,
//! the desk), whether the command may run for them, its files, its request id, the command
//! itself on the one ledger, and what it did to the session. Blocking: runs on tokio's
//! blocking threads; writes one at a time on the one writer, reads beside it on the readers
//! (`readers`), commands marked `apart` on a connection of their own.

use super::files::{InTransit, Incoming};
use super::requests::{self, Answer};
use super::sessions::{DeskSession, IDLE_OVERRIDE};
use super::Shared;
use crate::commands::{self, Command, Context};
use crate::{ErrorReport, Ledger};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::net::IpAddr;

/// Who is calling: what the desk sent besides the command.
pub struct Caller {
    pub token: Option<String>,
    pub address: IpAddr,
    pub desk_name: Option<String>,
    pub request_id: Option<String>,
}

/// What the server answers a call.
pub struct Reply {
    pub answer: Answer,
    /// The same id had been answered before: this is that answer, nothing was run.
    pub replayed: bool,
    /// The call ended the session (sign-out, or too many wrong passwords): the cookie goes.
    pub session_ended: bool,
}

impl Caller {
    fn loopback(&self) -> bool {
        self.address.is_loopback() || matches!(self.address, IpAddr::V6(a) if a.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback()))
    }

    /// The desk as the audit log names it, after the actor: `PC-01 (192.168.1.5)`.
    fn desk(&self) -> String {
        let address = match self.address {
            IpAddr::V6(a) => a.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(self.address),
            a => a,
        };
        match &self.desk_name {
            Some(name) => format!("{name} ({address})"),
            None => address.to_string(),
        }
    }
}

/// The HTTP status of a refusal.
pub fn status_of(e: &ErrorReport) -> u16 {
    match e {
        ErrorReport::Validation { .. } => 400,
        ErrorReport::SignInRequired { .. } => 401,
        ErrorReport::Forbidden { .. } => 403,
        ErrorReport::NotFound { .. } => 404,
        ErrorReport::Conflict { .. } => 409,
        _ => 500,
    }
}

pub fn refusal(e: ErrorReport) -> Answer {
    Answer { status: status_of(&e), body: json!({ "error": e }) }
}

fn reply(answer: Answer) -> Reply {
    Reply { answer, replayed: false, session_ended: false }
}

const NO_ACCOUNT: &str = "Máy chủ chưa có tài khoản nào: hãy tạo tài khoản quản trị trên chính máy chủ (mở Ý Kiến trên máy \
                          chủ, hoặc `ykien account create …`) rồi đăng nhập lại.";

/// What a database without accounts still answers a desk on another PC.
const OPEN_WITHOUT_ACCOUNTS: &[&str] = &["access_state", "vocabulary"];

/// The commands whose wrong password counts against the desk's address.
const PASSWORD_COMMANDS: &[&str] = &["sign_in", "unlock_screen", "password_change"];

fn sign_in_required(message: &str) -> Answer {
    refusal(ErrorReport::SignInRequired { message: message.to_owned() })
}

/// How often a long task's progress is told to its desk.
const PROGRESS_EVERY: std::time::Duration = std::time::Duration::from_millis(200);

/// `task_cancel`: the Cancel button of the desk's long task (not a command of the table: on
/// one PC the window's shell has it). Needs the desk's session; answers `null`.
pub fn cancel(shared: &Shared, caller: &Caller) -> Reply {
    let found = {
        let ledger = shared.reader();
        caller.token.as_deref().map(|t| shared.sessions.resolve(&ledger, t)).transpose()
    };
    match found {
        Ok(Some(Some(session))) => {
            shared.cancelled(&session.token_hash, true);
            reply(Answer { status: 200, body: json!({ "result": null }) })
        }
        Ok(_) => reply(sign_in_required("Hãy đăng nhập trước khi làm việc với máy chủ.")),
        Err(e) => reply(refusal(e.into())),
    }
}

/// Runs the command `name` for `caller`.
pub fn run(shared: &Shared, name: &str, mut args: Value, files: &HashMap<String, Incoming>, caller: &Caller) -> Reply {
    let Some(command) = commands::find(name) else {
        return reply(refusal(ErrorReport::NotFound { entity: "lệnh".into(), id: name.into(), message: format!("Máy chủ không có lệnh «{name}».") }));
    };
    if PASSWORD_COMMANDS.contains(&name) {
        if let Err(e) = shared.attempts.check(caller.address) {
            return reply(refusal(e));
        }
    }
    // A read needs no turn on the writer: everything below, session included, runs on a
    // reader. (A session's "last seen" is written at most once a minute, from either.)
    let reads = !command.writes && !command.apart;
    let mut ledger = if reads { shared.reader() } else { shared.writer() };
    if let Err(answer) = admitted(&ledger, command, caller) {
        return reply(answer);
    }
    let desk_session = match caller.token.as_deref().map(|t| shared.sessions.resolve(&ledger, t)).transpose() {
        Ok(found) => found.flatten(),
        Err(e) => return reply(refusal(e.into())),
    };
    if let Err(answer) = may_work(&mut ledger, command, caller, desk_session.as_ref()) {
        return reply(answer);
    }
    // Looked up once the caller is known to be signed in: an answer is given back only to
    // whoever may ask for it again.
    let request_id = caller.request_id.as_deref().filter(|_| command.writes);
    if let Some(id) = request_id {
        if let Some(answer) = shared.remembered.get(id) {
            return Reply { answer, replayed: true, session_ended: false };
        }
        match ledger.desk_answer(id) {
            Ok(Some((_, status, body))) => {
                let body = serde_json::from_str(&body).unwrap_or(Value::Null);
                return Reply { answer: Answer { status, body }, replayed: true, session_ended: false };
            }
            Ok(None) => {}
            Err(e) => return reply(refusal(e.into())),
        }
    }
    let transit = match InTransit::receive(name, &mut args, files) {
        Ok(t) => t,
        Err(e) => return reply(refusal(e)),
    };
    let token_hash = desk_session.as_ref().map(|d| d.token_hash.clone());
    if let (true, Some(hash)) = (command.long, &token_hash) {
        shared.cancelled(hash, false);
    }
    let last_told = std::cell::Cell::new(None::<std::time::Instant>);
    // A long task's progress goes to its desk a few times a second (not at every row), and
    // its desk's Cancel (`task_cancel`) stops it, as the window's does on one PC.
    let progress = |p: &crate::TaskProgress| {
        let Some(hash) = &token_hash else { return true };
        let due = last_told.get().is_none_or(|t| t.elapsed() >= PROGRESS_EVERY) || p.done >= p.total;
        if due {
            last_told.set(Some(std::time::Instant::now()));
            shared.events.progress(hash, p);
        }
        !shared.is_cancelled(hash)
    };
    let ctx = Context { print_dir: transit.print_dir(), open_file: &|_| false, progress: &progress };

    ledger.resume_session(desk_session.as_ref().map(|d| d.session.clone()));
    ledger.set_desk(Some(caller.desk()));
    let (outcome, by, token, ended) = if command.apart {
        // A long task on a connection of its own, acting as this desk, so that the other
        // desks' calls go on meanwhile.
        let other = ledger.open_another();
        ledger.take_session();
        ledger.set_desk(None);
        drop(ledger);
        match other {
            Ok(mut other) => {
                let by = other.writer().unwrap_or_default();
                (commands::dispatch(&mut other, name, args, &ctx), by, None, false)
            }
            Err(e) => (Err(e.into()), String::new(), None, false),
        }
    } else {
        let outcome = match request_id.filter(|_| requests::in_file(command)) {
            Some(id) => in_one_transaction(&mut ledger, command, id, args, &ctx),
            None if reads => ledger.reading(|l| commands::dispatch(l, name, args, &ctx)).unwrap_or_else(|e| Err(e.into())),
            None => commands::dispatch(&mut ledger, name, args, &ctx),
        };
        let by = ledger.writer().unwrap_or_default();
        let after = ledger.take_session();
        ledger.set_desk(None);
        let token = settle_session(shared, &ledger, command, caller, desk_session.as_ref(), after.as_ref(), &outcome);
        drop(ledger);
        match token {
            Ok(token) => (outcome, by, token, desk_session.is_some() && after.is_none()),
            Err(e) => return reply(refusal(e.into())),
        }
    };
    finish(shared, command, caller, request_id, outcome, &transit, by, token, ended)
}

/// Refuses what the caller may not ask whoever they are: anything but the sign-in screen's
/// questions on a server without accounts (from another PC), and the first administrator
/// from another PC than the server.
fn admitted(ledger: &Ledger, command: &Command, caller: &Caller) -> Result<(), Answer> {
    if command.name == "first_admin_create" && !caller.loopback() {
        return Err(refusal(ErrorReport::Forbidden {
            message: "Tài khoản quản trị đầu tiên chỉ tạo được trên chính máy chủ (mở Ý Kiến trên máy chủ, hoặc \
                      `ykien account create …`)."
                .into(),
        }));
    }
    let accounts = ledger.accounts_exist().map_err(|e| refusal(e.into()))?;
    // The server's own PC works on a database without accounts as the app does on one PC:
    // that is where the office is set up and its first administrator made.
    if !accounts && !caller.loopback() && !OPEN_WITHOUT_ACCOUNTS.contains(&command.name) {
        return Err(sign_in_required(NO_ACCOUNT));
    }
    Ok(())
}

/// Refuses a command that needs a session when the caller has none, or when theirs may not
/// work now: locked (only unlocking is left), its account disabled, or its password to be
/// changed first (only the change is left). The core checks the same at each of its guards;
/// checked here too, the few commands that guard nothing of their own are covered as well.
fn may_work(ledger: &mut Ledger, command: &Command, caller: &Caller, session: Option<&DeskSession>) -> Result<(), Answer> {
    if !command.signed_in || !ledger.accounts_exist().map_err(|e| refusal(e.into()))? {
        return Ok(());
    }
    let Some(session) = session else {
        return Err(sign_in_required(if caller.token.is_some() {
            "Phiên làm việc đã kết thúc (đã đăng xuất, hoặc máy chủ không còn giữ phiên này): hãy đăng nhập lại."
        } else {
            "Hãy đăng nhập trước khi làm việc với máy chủ."
        }));
    };
    if matches!(command.name, "unlock_screen" | "password_change") {
        return Ok(());
    }
    ledger.resume_session(Some(session.session.clone()));
    let state = ledger.session_account().map(drop);
    ledger.take_session();
    state.map_err(|e| refusal(e.into()))
}

/// A write with a request id: the command and the keeping of its answer in one transaction.
fn in_one_transaction(ledger: &mut Ledger, command: &Command, id: &str, args: Value, ctx: &Context) -> Result<Value, ErrorReport> {
    let outcome = ledger.batch(|l| {
        let outcome = commands::dispatch(l, command.name, args, ctx);
        if let Ok(result) = &outcome {
            let body = json!({ "result": result }).to_string();
            l.remember_desk_answer(id, command.name, 200, &body)?;
        }
        // A refusal is answered as such; whatever the core recorded with it (nothing, as a
        // rule) stays recorded, as on one PC.
        Ok(outcome)
    });
    outcome.unwrap_or_else(|e| Err(e.into()))
}

/// Records what the call did to the desk's session; answers the token of a session it began.
fn settle_session(
    shared: &Shared,
    ledger: &Ledger,
    command: &Command,
    caller: &Caller,
    before: Option<&DeskSession>,
    after: Option<&crate::ledger::Session>,
    outcome: &Result<Value, ErrorReport>,
) -> crate::Result<Option<String>> {
    let begins = matches!(command.name, "sign_in" | "first_admin_create") && outcome.is_ok();
    if let Some(after) = after.filter(|_| begins) {
        if let Some(old) = before {
            shared.sessions.end(ledger, &old.token_hash)?;
        }
        let address = caller.desk();
        let name = caller.desk_name.clone().unwrap_or_default();
        return shared.sessions.begin(ledger, after, &name, &address).map(Some);
    }
    if let Some(before) = before {
        shared.sessions.after_call(ledger, before, after)?;
    }
    Ok(None)
}

/// The answer: the result and its files, or the refusal; counted, kept and told as it should be.
#[allow(clippy::too_many_arguments)]
fn finish(
    shared: &Shared,
    command: &Command,
    caller: &Caller,
    request_id: Option<&str>,
    outcome: Result<Value, ErrorReport>,
    transit: &InTransit,
    by: String,
    session: Option<String>,
    session_ended: bool,
) -> Reply {
    let answer = match outcome {
        Ok(mut result) => {
            if command.name == "access_state" {
                cap_idle_seconds(&mut result);
            }
            let files = if commands::desk_files(command.name).is_empty() {
                Ok(None)
            } else {
                transit.answer(&mut result).map(Some)
            };
            match files {
                Ok(files) => {
                    if command.writes {
                        shared.events.publish(command.name, &result, &by);
                    }
                    let mut body = json!({ "result": result });
                    if let Some(files) = files {
                        body["files"] = json!(files);
                    }
                    if let Some(token) = &session {
                        body["session"] = json!(token);
                    }
                    Answer { status: 200, body }
                }
                Err(e) => refusal(e),
            }
        }
        Err(e) => {
            if PASSWORD_COMMANDS.contains(&command.name) && matches!(e, ErrorReport::Validation { .. } | ErrorReport::Forbidden { .. }) {
                shared.attempts.failed(caller.address);
            }
            refusal(e)
        }
    };
    if let Some(id) = request_id.filter(|_| !requests::in_file(command)) {
        shared.remembered.keep(id, &answer);
    }
    Reply { answer, replayed: false, session_ended }
}

/// The shorter idle lock of the end-to-end tests, told to the desk as the window's shell does.
fn cap_idle_seconds(state: &mut Value) {
    let cap = std::env::var(IDLE_OVERRIDE).ok().and_then(|v| v.parse::<u64>().ok()).filter(|s| *s > 0);
    if let (Some(cap), Some(idle)) = (cap, state.get_mut("idle_lock_seconds")) {
        *idle = Value::from(idle.as_u64().unwrap_or(cap).min(cap));
    }
}
