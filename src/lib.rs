//! Ý Kiến core: the records of an office's ISO 9001 customer-feedback procedures, held in one
//! SQLite file. The app (`src-tauri`), the command line (`src/bin/ykien/main.rs`) and the tests all
//! open it the same way, through [`Ledger`], and do everything through its methods.

pub mod access;
mod accounts;
pub mod bindings;
pub mod commands;
pub mod demo;
pub mod documents;
pub mod domain;
mod encryption;
pub mod error;
pub mod export;
pub mod import;
pub mod paths;
pub mod pdf;
pub mod report;
mod person;
mod records;
pub mod store;
pub mod surveys;

pub use documents::{PrintJob, PrintOutcome, Printed};
pub use access::Action;
pub use domain::account::{AccessState, Account, AccountInput, AccountPolicy, FirstAdminInput, SignedIn};
pub use domain::action::{ActionInput, ActionKind, ActionStatus, CorrectiveAction};
pub use domain::audit::AuditEntry;
pub use domain::case::{Case, CaseCounts, ExceptionInput, FeedbackFilter, FeedbackPage, FeedbackRow, MoveInput, StepInput};
pub use domain::feedback::{Book, Channel, CustomerGroup, FeedbackInput, Kind, ReceiptNo, Subject};
pub use domain::letter::{LetterStatus, ReplyLetter};
pub use domain::vocabulary::{vocabulary, Term, Vocabulary};
pub use domain::workflow::{Status, StepKind};
pub use store::holiday::Holiday;
pub use domain::office::OfficeProfile;
pub use domain::privacy::{Contact, ErasureReport, ErasureRequest, PersonMatch, PersonQuery, PersonRecordKind, PersonSelection};
pub use domain::settings::Settings;
pub use domain::staff::{Role, Staff, StaffInput};
pub use domain::unit::{Unit, UnitInput};
pub use domain::survey::SurveyTemplate;
pub use domain::survey_entry::{Answer, AnswerState, EntrySlot};
pub use domain::survey_import::{ImportProblem, ImportReport};
pub use domain::survey_round::{EntrySheet, ResponseInput, RoundInput, SerialCheck, SurveyResponse, SurveyRound, TemplateInfo};
pub use error::{Error, ErrorReport, Result};
pub use encryption::{EncryptionReport, EncryptionStatus};
pub use records::{no_progress, DisposalReport, ExportReport, Progress, RetentionDue, TaskProgress};
pub use store::backup::{BackupFile, BackupSettings, RestoreReport};
pub use import::ImportPreview;

use chrono::{NaiveDate, NaiveDateTime};
use domain::feedback::parse_date;
use rusqlite::Connection;
use serde::Serialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The actor recorded in the audit log until accounts exist.
pub const SYSTEM_ACTOR: &str = "hệ thống";

/// One open database. Not `Sync`: the app keeps it behind a mutex, one writer at a time.
pub struct Ledger {
    conn: Connection,
    path: Option<PathBuf>,
    actor: String,
    /// A fixed "now" for tests and replays; the office's local clock otherwise.
    clock: Option<NaiveDateTime>,
    /// The signed-in account (see `accounts`); none on a database without accounts.
    session: Option<accounts::Session>,
    /// The passphrase of an encrypted database (src/encryption.rs); `None` when it is plain.
    key: Option<store::cipher::Passphrase>,
}

/// What the app window needs first: which database is open, or why it could not be opened.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub db_path: String,
    /// Set when the database could not be opened; the window then shows only this.
    pub open_error: Option<ErrorReport>,
    /// False until the office setup screen has been completed.
    pub office_configured: bool,
    /// The office's today (YYYY-MM-DD), for the defaults of date fields.
    pub today: String,
    /// When the database is damaged (or cannot be opened): the newest backup that passes
    /// its check, which the window offers to restore.
    pub recovery_backup: Option<BackupFile>,
}

/// What `check` found: healthy when `problems` is empty.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CheckReport {
    pub ok: bool,
    pub schema_version: i32,
    pub problems: Vec<String>,
    /// Entries in the audit log.
    pub audit_entries: i32,
    /// The hash of the last audit entry (the chain's head).
    pub audit_head: Option<String>,
    /// The first audit entry that fails the hash chain, when one does.
    pub audit_broken_at: Option<i32>,
}

impl Ledger {
    /// Opens the database file, creating it and its folder when missing, and migrates it.
    pub fn open(path: impl AsRef<Path>) -> Result<Ledger> {
        Self::open_with_key(path, None)
    }

    /// [`Ledger::open`] with the encryption passphrase, needed when the file is encrypted
    /// (ignored when it is plain). A missing or wrong passphrase is refused with
    /// [`Error::Encrypted`] and the file is left unchanged.
    pub fn open_with_key(path: impl AsRef<Path>, passphrase: Option<&str>) -> Result<Ledger> {
        let path = path.as_ref();
        let key = passphrase.map(store::cipher::Passphrase::new);
        let (conn, encrypted) = store::open_keyed(path, key.as_ref())?;
        let key = if encrypted { key } else { None };
        Ok(Ledger { conn, path: Some(path.to_owned()), actor: SYSTEM_ACTOR.into(), clock: None, session: None, key })
    }

    /// A database in memory, made by the same migrations.
    pub fn open_in_memory() -> Result<Ledger> {
        Ok(Ledger { conn: store::open_in_memory()?, path: None, actor: SYSTEM_ACTOR.into(), clock: None, session: None, key: None })
    }

    /// Who the following changes are recorded as, in the audit log, while the database has
    /// no account; once it has, changes are recorded as the signed-in account.
    pub fn set_actor(&mut self, actor: impl Into<String>) {
        self.actor = actor.into();
    }

    /// Fixes the clock (office local time) used for entries and moves: tests, and replaying
    /// a paper book with its own dates.
    pub fn set_clock(&mut self, now: Option<NaiveDateTime>) {
        self.clock = now;
    }

    /// Office local time now.
    pub fn now(&self) -> NaiveDateTime {
        self.clock.unwrap_or_else(|| chrono::Local::now().naive_local())
    }

    pub fn today(&self) -> NaiveDate {
        self.now().date()
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn schema_version(&self) -> Result<i64> {
        store::migrate::user_version(&self.conn)
    }

    /// Integrity check of the whole file, its schema version, and the audit log's hash chain.
    pub fn check(&self) -> Result<CheckReport> {
        let mut problems = store::integrity_problems(&self.conn)?;
        let chain = store::audit::verify_chain(&self.conn)?;
        if let Some(b) = &chain.broken {
            problems.push(b.reason.clone());
        }
        Ok(CheckReport {
            ok: problems.is_empty(),
            schema_version: self.schema_version()? as i32,
            problems,
            audit_entries: chain.entries,
            audit_head: chain.head,
            audit_broken_at: chain.broken.map(|b| b.seq),
        })
    }

    /// The quick check made at each start of the app: the file's structure (SQLite's
    /// quick_check), without the slower full integrity check and audit chain of [`check`].
    pub fn startup_problems(&self) -> Result<Vec<String>> {
        let mut st = self.conn.prepare("PRAGMA quick_check")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.filter_map(|r| r.ok()).filter(|r| r != "ok").collect())
    }

    /// Runs `f` as one all-or-nothing transaction: the writes it makes through the ledger
    /// are committed together when it succeeds and all rolled back when it fails or panics.
    /// For demo data and imports.
    pub fn batch<T>(&mut self, f: impl FnOnce(&mut Ledger) -> Result<T>) -> Result<T> {
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&mut *self))) {
            Ok(Ok(value)) => {
                self.conn.execute_batch("COMMIT")?;
                Ok(value)
            }
            Ok(Err(e)) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
            Err(panic) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                std::panic::resume_unwind(panic)
            }
        }
    }

    /// Every change goes through here. Besides the permission each method checks first, no
    /// change at all is made on a database with accounts unless someone is signed in.
    fn write<T>(&mut self, f: impl FnOnce(&store::Tx) -> Result<T>) -> Result<T> {
        let actor = self.writer()?;
        store::with_tx(&mut self.conn, &actor, f)
    }

    // ---- Office profile ----

    /// `None` until the office setup has been completed.
    pub fn office(&self) -> Result<Option<OfficeProfile>> {
        store::office::get(&self.conn)
    }

    pub fn save_office(&mut self, profile: &OfficeProfile) -> Result<OfficeProfile> {
        self.guard(Action::EditOffice)?;
        let p = profile.validated()?;
        self.write(|tx| store::office::save(tx, &p))?;
        Ok(p)
    }

    // ---- Units ----

    pub fn units(&self) -> Result<Vec<Unit>> {
        store::unit::list(&self.conn)
    }

    pub fn save_unit(&mut self, unit: &UnitInput) -> Result<Unit> {
        self.guard(Action::ManageUnits)?;
        let u = unit.validated()?;
        self.write(|tx| store::unit::save(tx, &u))
    }

    /// The live unit with this name or code, matched ignoring accents and case (for scripts
    /// and imports that name units in words).
    pub fn unit_named(&self, name: &str) -> Result<Unit> {
        let key = domain::text::fold(name);
        self.units()?
            .into_iter()
            .find(|u| domain::text::fold(&u.name) == key || (!u.code.is_empty() && domain::text::fold(&u.code) == key))
            .ok_or_else(|| Error::validation("unit", format!("Không có đơn vị tên «{name}».")))
    }

    pub fn delete_unit(&mut self, id: &str) -> Result<()> {
        self.guard(Action::ManageUnits)?;
        self.write(|tx| store::unit::delete(tx, id))
    }

    // ---- Staff ----

    /// Live staff; `query` searches name and title ignoring accents and case.
    pub fn staff(&self, query: Option<&str>) -> Result<Vec<Staff>> {
        store::staff::list(&self.conn, query)
    }

    pub fn save_staff(&mut self, staff: &StaffInput) -> Result<Staff> {
        self.guard_staff_input(staff)?;
        let s = staff.validated()?;
        self.write(|tx| store::staff::save(tx, &s))
    }

    /// The one live staff member with this full name, matched ignoring accents and case.
    pub fn staff_named(&self, name: &str) -> Result<Staff> {
        let key = domain::text::fold(name);
        let mut found: Vec<Staff> =
            self.staff(Some(name))?.into_iter().filter(|s| domain::text::fold(&s.full_name) == key).collect();
        match found.len() {
            1 => Ok(found.remove(0)),
            0 => Err(Error::validation("staff", format!("Không có cán bộ tên «{name}»."))),
            n => Err(Error::validation("staff", format!("Có {n} cán bộ cùng tên «{name}»; hãy chọn trong danh sách."))),
        }
    }

    pub fn delete_staff(&mut self, id: &str) -> Result<()> {
        self.guard_staff(Some(id), None)?;
        self.write(|tx| store::staff::delete(tx, id))
    }

    // ---- Settings ----

    pub fn settings(&self) -> Result<Settings> {
        store::settings::get(&self.conn)
    }

    pub fn save_settings(&mut self, settings: &Settings) -> Result<Settings> {
        self.guard(Action::EditSettings)?;
        let s = settings.validated()?;
        self.write(|tx| store::settings::save(tx, &s))?;
        Ok(s)
    }

    // ---- Audit log ----

    pub fn audit_log(&self, limit: u32) -> Result<Vec<AuditEntry>> {
        self.guard(Action::ViewAuditLog)?;
        store::audit::recent(&self.conn, limit)
    }

    // ---- Feedback book and cases ----

    /// Enters feedback in the book and returns the case with its receipt number.
    pub fn add_feedback(&mut self, input: &FeedbackInput) -> Result<Case> {
        self.guard_entry(input)?;
        let (f, received) = input.validated()?;
        let (settings, calendar, now) = (self.settings()?, self.calendar()?, self.now());
        let (id, _) = self.write(|tx| store::feedback::add(tx, &f, received, now, &settings, &calendar))?;
        self.case(&id)
    }

    pub fn feedback(&self, filter: &FeedbackFilter) -> Result<FeedbackPage> {
        self.guard_read()?;
        store::feedback::list(&self.conn, filter, &self.settings()?)
    }

    /// The whole case, its deadlines judged today. The address, telephone and e-mail come
    /// masked (`contact_masked`): [`Ledger::case_contact`] shows them and logs who looked.
    pub fn case(&self, id: &str) -> Result<Case> {
        self.guard_read()?;
        let mut c = store::feedback::case(&self.conn, id, self.today())?;
        c.mask_contact();
        Ok(c)
    }

    /// The id of the case with this receipt number ("2026/000123").
    pub fn case_id(&self, receipt_no: &str) -> Result<String> {
        store::feedback::id_of(&self.conn, &receipt_no.parse::<ReceiptNo>()?)
    }

    /// Moves a case along the workflow; illegal moves are refused and change nothing.
    pub fn move_case(&mut self, id: &str, m: &MoveInput) -> Result<Case> {
        self.guard_move(id)?;
        let (settings, calendar, now) = (self.settings()?, self.calendar()?, self.now());
        let details = store::feedback::MoveDetails { note: m.note.clone(), channel: m.channel, staff_id: m.staff_id.clone() };
        self.write(|tx| store::feedback::move_case(tx, id, m.to, &details, now, &settings, &calendar))?;
        self.case(id)
    }

    pub fn record_step(&mut self, id: &str, s: &StepInput) -> Result<Case> {
        self.guard_case(Action::RecordStep, id)?;
        let on = parse_date("on_date", "Ngày thực hiện", &s.on_date)?;
        self.write(|tx| store::feedback::record_step(tx, id, s.step, on, s.staff_id.clone(), &s.note))?;
        self.case(id)
    }

    pub fn set_exception_deadline(&mut self, id: &str, e: &ExceptionInput) -> Result<Case> {
        self.guard_case(Action::SetExceptionDeadline, id)?;
        let due = parse_date("due", "Hạn giải quyết mới", &e.due)?;
        self.write(|tx| store::feedback::set_exception_deadline(tx, id, due, &e.reason, e.by.clone()))?;
        self.case(id)
    }

    /// The unit head's confirmation of the entry (R1.4).
    pub fn confirm(&mut self, id: &str, staff_id: &str) -> Result<Case> {
        self.guard_confirm(id, staff_id)?;
        let now = self.now();
        self.write(|tx| store::feedback::confirm(tx, id, staff_id, now))?;
        self.case(id)
    }

    /// Open, overdue and due-soon counts today, for the opening screen.
    pub fn case_counts(&self) -> Result<CaseCounts> {
        self.guard_read()?;
        let today = self.today();
        let until = today + chrono::Days::new(self.settings()?.due_soon_days as u64);
        let (open, overdue, due_soon) = store::feedback::open_counts(&self.conn, today, until)?;
        Ok(CaseCounts { open, overdue, due_soon })
    }

    // ---- Reply letters ----

    /// Drafts a reply letter for a written complaint, or rewrites an unsigned draft.
    pub fn draft_reply(&mut self, case_id: &str, letter_id: Option<&str>, number: &str, body: &str) -> Result<Case> {
        self.guard_case(Action::DraftReply, case_id)?;
        let now = store::feedback::fmt_local(self.now());
        self.write(|tx| store::letter::draft(tx, case_id, letter_id, number, body, &now))?;
        self.case(case_id)
    }

    pub fn sign_reply(&mut self, letter_id: &str, signer_name: &str, signer_title: &str, on: &str) -> Result<Case> {
        self.guard_letter(Action::SignReply, letter_id)?;
        let on = parse_date("signed_on", "Ngày ký", on)?;
        let (case_id, _) = store::letter::get(&self.conn, letter_id)?;
        self.write(|tx| store::letter::sign(tx, letter_id, signer_name, signer_title, on))?;
        self.case(&case_id)
    }

    pub fn send_reply(&mut self, letter_id: &str, on: &str, via: &str) -> Result<Case> {
        self.guard_letter(Action::SendReply, letter_id)?;
        let on = parse_date("sent_on", "Ngày gửi", on)?;
        let (case_id, _) = store::letter::get(&self.conn, letter_id)?;
        self.write(|tx| store::letter::send(tx, letter_id, on, via))?;
        self.case(&case_id)
    }

    // ---- Corrective actions ----

    pub fn actions(&self) -> Result<Vec<CorrectiveAction>> {
        store::action::list(&self.conn)
    }

    pub fn save_action(&mut self, a: &ActionInput) -> Result<CorrectiveAction> {
        self.guard(Action::EditCorrectiveAction)?;
        let a = a.validated()?;
        self.write(|tx| store::action::save(tx, &a))
    }

    pub fn set_action_status(&mut self, id: &str, status: ActionStatus) -> Result<CorrectiveAction> {
        self.guard(Action::EditCorrectiveAction)?;
        self.write(|tx| store::action::set_status(tx, id, status))
    }

    pub fn check_action(&mut self, id: &str, effective: bool, note: &str, on: &str) -> Result<CorrectiveAction> {
        self.guard(Action::CheckEffectiveness)?;
        let on = parse_date("checked_on", "Ngày đánh giá", on)?;
        self.write(|tx| store::action::check_effectiveness(tx, id, effective, note, on))
    }

    // ---- Holidays ----

    pub fn holidays(&self) -> Result<Vec<Holiday>> {
        store::holiday::list(&self.conn)
    }

    pub fn add_holiday(&mut self, day: &str, name: &str) -> Result<()> {
        self.guard(Action::EditSettings)?;
        let day = parse_date("day", "Ngày nghỉ", day)?;
        self.write(|tx| store::holiday::add(tx, day, name))
    }

    pub fn remove_holiday(&mut self, day: &str) -> Result<()> {
        self.guard(Action::EditSettings)?;
        let day = parse_date("day", "Ngày nghỉ", day)?;
        self.write(|tx| store::holiday::remove(tx, day))
    }

    fn calendar(&self) -> Result<domain::deadline::Calendar> {
        store::holiday::calendar(&self.conn)
    }
}
