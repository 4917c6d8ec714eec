// Generated from the Rust types by ts-rs (src/bindings.rs). Do not edit by hand:
// run `UPDATE_BINDINGS=1 cargo test bindings` after changing a type.

export type AppInfo = { version: string, db_path: string, 
/**
 * Set when the database could not be opened; the window then shows only this.
 */
open_error: ErrorReport | null, 
/**
 * False until the office setup screen has been completed.
 */
office_configured: boolean, 
/**
 * The office's today (YYYY-MM-DD), for the defaults of date fields.
 */
today: string, 
/**
 * When the database is damaged (or cannot be opened): the newest backup that passes
 * its check, which the window offers to restore.
 */
recovery_backup: BackupFile | null, };

export type CheckReport = { ok: boolean, schema_version: number, problems: Array<string>, 
/**
 * Entries in the audit log.
 */
audit_entries: number, 
/**
 * The hash of the last audit entry (the chain's head).
 */
audit_head: string | null, 
/**
 * The first audit entry that fails the hash chain, when one does.
 */
audit_broken_at: number | null, };

export type ErrorReport = { "kind": "validation", field: string, message: string, } | { "kind": "not_found", entity: string, id: string, message: string, } | { "kind": "conflict", message: string, } | { "kind": "newer_schema", found: number, supported: number, message: string, } | { "kind": "network_drive", path: string, message: string, } | { "kind": "not_a_database", path: string, message: string, } | { "kind": "corrupt", message: string, } | { "kind": "encrypted", path: string, wrong_key: boolean, message: string, } | { "kind": "storage", message: string, } | { "kind": "io", message: string, } | { "kind": "pdf", message: string, } | { "kind": "cancelled", message: string, } | { "kind": "forbidden", message: string, } | { "kind": "sign_in_required", message: string, } | { "kind": "connection", message: string, } | { "kind": "server_identity", message: string, };

export type ServerInfo = { 
/**
 * Always "ykien": a desk refuses an address where something else answers.
 */
product: string, version: string, 
/**
 * The server PC's host name.
 */
host: string, 
/**
 * The office's name from its profile, once set.
 */
office: string | null, 
/**
 * Whether its database has accounts (remote desks are refused until it has).
 */
accounts_exist: boolean, 
/**
 * The pairing code, grouped for reading ([`Fingerprint::display`]).
 */
fingerprint: string, 
/**
 * The QR code of the pairing link ([`pairing_link`]), an SVG picture.
 */
qr_svg: string, port: number, };

export type OfficeProfile = { 
/**
 * Tên cơ quan, e.g. "Sở Công Thương tỉnh Đắk Lắk".
 */
name: string, 
/**
 * Cơ quan chủ quản (the agency above it), printed above the office's name.
 */
parent_agency: string, 
/**
 * Địa danh for the date line: "Đắk Lắk, ngày 05 tháng 01 năm 2026".
 */
place_name: string, address: string, phone: string, email: string, 
/**
 * Mã hiệu of the feedback book form (seed 004: BM.QT.SCT.05-01).
 */
ledger_form_code: string, 
/**
 * Mã hiệu of the survey form (seed 004: BM.QT.SCT.05-02).
 */
survey_form_code: string, };

export type Unit = { 
/**
 * Permanent UUIDv7 id.
 */
id: string, 
/**
 * Tên đơn vị, e.g. "Phòng Quản lý thương mại".
 */
name: string, 
/**
 * Optional short code (ký hiệu), e.g. "QLTM".
 */
code: string, };

export type UnitInput = { id?: string, name: string, code: string, };

export type Role = "reception" | "unit_head" | "quality_officer" | "leadership" | "administrator";

export type Staff = { id: string, 
/**
 * Họ và tên.
 */
full_name: string, 
/**
 * Chức danh, e.g. "Chuyên viên", "Trưởng phòng".
 */
title: string, unit_id: string | null, 
/**
 * The unit's name, joined for display.
 */
unit_name: string | null, role: Role, phone: string, email: string, };

export type StaffInput = { id?: string, full_name: string, title: string, unit_id: string | null, role: Role, phone: string, email: string, };

export type Account = { id: string, staff_id: string, 
/**
 * Tên đăng nhập: lower-case letters without accents, digits, `.`, `-`, `_`.
 */
login: string, full_name: string, role: Role, unit_name: string | null, 
/**
 * The user must choose a new password at the next sign-in.
 */
must_change_password: boolean, disabled: boolean, failed_attempts: number, 
/**
 * Locked after too many wrong passwords until this local time (YYYY-MM-DDTHH:MM:SS).
 */
locked_until: string | null, };

export type AccountInput = { staff_id: string, login: string, 
/**
 * The first password; the user must change it at the first sign-in unless this is the
 * administrator creating their own account.
 */
password: string, };

export type FirstAdminInput = { full_name: string, title: string, login: string, password: string, };

export type AccountPolicy = { 
/**
 * Wrong passwords in a row before the account is locked.
 */
max_failed_attempts: number, 
/**
 * How long a locked account stays locked (minutes).
 */
lock_minutes: number, 
/**
 * The window asks for the password again after this many idle minutes.
 */
idle_lock_minutes: number, };

export type SignedIn = { account_id: string, staff_id: string, login: string, full_name: string, role: Role, role_label: string, unit_id: string | null, unit_name: string | null, must_change_password: boolean, };

export type AccessState = { 
/**
 * False on a database without any account: no sign-in, everything allowed.
 */
accounts_exist: boolean, signed_in: SignedIn | null, 
/**
 * The screen is locked (idle): the password is asked again before anything else.
 */
locked: boolean, policy: AccountPolicy, 
/**
 * Seconds without use before the window locks: the policy's minutes (the app's tests
 * shorten it).
 */
idle_lock_seconds: number, 
/**
 * What the signed-in role may do in general (every action when no account exists);
 * the core still decides each request, with the case's unit and confidentiality.
 */
allowed: Array<Action>, 
/**
 * On a demo database (`ykien demo`): its accounts and their one password, told on the
 * sign-in screen so that anyone trying the app can sign in as each role. Never on an
 * office's own database.
 */
demo: DemoSignIn | null, };

export type DemoSignIn = { password: string, accounts: Array<DemoAccount>, };

export type DemoAccount = { login: string, full_name: string, role_label: string, };

export type Action = "edit_office" | "manage_units" | "manage_staff" | "manage_accounts" | "edit_settings" | "enter_feedback" | "correct_entry" | "front_desk_move" | "specialist_move" | "leadership_direction" | "record_step" | "set_exception_deadline" | "confirm" | "draft_reply" | "sign_reply" | "send_reply" | "handle_confidential" | "edit_corrective_action" | "check_effectiveness" | "edit_survey_templates" | "manage_survey_rounds" | "print_survey_forms" | "enter_survey_responses" | "classify_opinions" | "set_objectives" | "write_annual_report" | "print" | "import_ledger" | "export_records" | "view_audit_log" | "edit_backup_settings" | "change_encryption" | "restore_backup" | "dispose_records" | "view_contact" | "export_personal_data" | "erase_personal_data" | "manage_kiosks" | "arm_kiosk" | "view_kiosk_ratings" | "decide_complaint" | "review_settlement";

export type Settings = { 
/**
 * Days to reply to feedback and complaints, counted from receipt (seed 001: 30 days).
 */
reply_deadline_days: number, 
/**
 * Whether deadlines count working days (true) or calendar days (false).
 */
count_working_days: boolean, 
/**
 * A case is "due soon" this many days before its deadline.
 */
due_soon_days: number, 
/**
 * Formal complaints (Luật Khiếu nại 2011): days to accept (thụ lý) after receipt.
 */
formal_accept_days: number, 
/**
 * Formal complaints: days to decide after acceptance.
 */
formal_decide_days: number, 
/**
 * Formal complaints: days to decide after acceptance, for complex cases.
 */
formal_decide_days_complex: number, 
/**
 * Years the feedback book is kept (seed 004: 3 years).
 */
ledger_retention_years: number, 
/**
 * Years returned survey forms are kept (seed 002: 2 years, seed 004: 3 years).
 */
survey_retention_years: number, 
/**
 * Days a print (it names citizens) stays in the «Bản in» folder after it was made; 0:
 * only until the app next starts or closes. None is kept while the data is encrypted.
 */
print_keep_days: number, 
/**
 * Kinds of feedback that need no answer (praise, a suggestion noted): recorded and closed
 * at entry, so that they never wait in a queue nor show as overdue. None by default: an
 * office that answers every piece of feedback keeps the handling it always had.
 */
closed_at_entry: Array<Kind>, 
/**
 * The unit whose head reviews complaints and appeals about a certification or service
 * result (seed 001, step 2: «Trưởng phòng … xem xét giải quyết»): such a case entered
 * without a unit goes to it. Absent: the clerk chooses the unit.
 */
result_unit_id?: string, 
/**
 * Which answers the survey figures' satisfaction index counts: the paper forms, the
 * ratings tapped at the desks' kiosks, or both together (as before the office chose).
 * The figures, the quarters, the annual report and a period bundle's figures all follow
 * it; each source's own figures are still shown beside the index.
 */
survey_index_source: IndexSource, };

export type IndexSource = "paper" | "kiosk" | "both";

export type ControlledForm = "feedback_book" | "complaint_book" | "citizen_reception_book" | "survey_form" | "feedback_letter" | "reply_letter" | "measures_letter" | "receipt_slip" | "annual_report" | "complaints_report" | "disposal_record";

export type FormControlData = { form: ControlledForm, 
/**
 * Mã hiệu, e.g. "BM.QT.SCT.05-01"; a dotted space on the print while empty.
 */
code: string, 
/**
 * Lần ban hành (1 for the first issue).
 */
issue: number, 
/**
 * Ngày ban hành (YYYY-MM-DD); not printed while unknown.
 */
issued_on: string | null, 
/**
 * Lần sửa đổi (0 until the form is first revised).
 */
revision: number, };

export type DocumentControl = { forms: Array<FormControlData>, };

export type MeasuresLetter = { 
/**
 * The case's receipt number, e.g. "2026/000123".
 */
receipt_no: string, 
/**
 * Số công văn, e.g. "45/TB-SCT"; left to fill in by hand when empty.
 */
number: string, 
/**
 * The letter's date (YYYY-MM-DD); left to date by hand when empty.
 */
date: string | null, 
/**
 * After "Kính gửi:".
 */
addressee: string, 
/**
 * Paragraphs of the body, one a line.
 */
body: string, 
/**
 * "Giám đốc", "Phó Giám đốc" (signs "KT. GIÁM ĐỐC").
 */
signer_title: string, signer_name: string, };

export type CustomerNoticeInput = { 
/**
 * The case's id.
 */
case_id: string, 
/**
 * When it was sent (YYYY-MM-DD or dd/mm/yyyy).
 */
sent_on: string, 
/**
 * How: a letter by post (công văn), e-mail, in person…
 */
channel: Channel, 
/**
 * Anything worth keeping with it (the letter's number, who took it).
 */
note?: string, };

export type AuditEntry = { 
/**
 * Position in the log, 1, 2, 3, … in the order of the changes.
 */
seq: number, 
/**
 * UTC time, RFC 3339.
 */
at: string, 
/**
 * Who made the change.
 */
actor: string, 
/**
 * `create`, `update` or `delete`.
 */
action: string, 
/**
 * Which kind of record: `office`, `unit`, `staff`, `settings`.
 */
entity: string, entity_id: string, 
/**
 * The record before the change, as JSON; absent for `create`.
 */
before: string | null, 
/**
 * The record after the change, as JSON; absent for `delete`.
 */
after: string | null, };

export type AuditFilter = { 
/**
 * Part of the name of who made the change (accents and case as written).
 */
actor?: string, 
/**
 * One kind of record (`feedback`, `staff`, …).
 */
entity?: string, 
/**
 * `create`, `update` or `delete`.
 */
action?: string, 
/**
 * First day, `YYYY-MM-DD`, in the office's local time.
 */
from?: string, 
/**
 * Last day, `YYYY-MM-DD`, included.
 */
to?: string, 
/**
 * At most this many entries, newest first.
 */
limit: number, };

export type Term = { value: string, label: string, };

export type Vocabulary = { channels: Array<Term>, kinds: Array<Term>, subjects: Array<Term>, customer_groups: Array<Term>, books: Array<Term>, statuses: Array<Term>, steps: Array<Term>, letter_statuses: Array<Term>, action_kinds: Array<Term>, action_statuses: Array<Term>, 
/**
 * Where an action stands in the register (open, due soon, overdue, …).
 */
register_states: Array<Term>, 
/**
 * What an action answers besides cases.
 */
source_kinds: Array<Term>, 
/**
 * The acceptance decision on a formal complaint (thụ lý or not).
 */
acceptances: Array<Term>, roles: Array<Term>, 
/**
 * The printed forms under document control (R5.2).
 */
controlled_forms: Array<Term>, };

export type Channel = "hotline" | "chat" | "email" | "official_letter" | "in_person" | "social_media" | "suggestion_box" | "feedback_letter" | "survey";

export type Kind = "praise" | "suggestion" | "reflection" | "request" | "complaint" | "grievance" | "appeal";

export type Subject = "attitude" | "confidentiality" | "service_result" | "processing_time" | "procedure" | "other";

export type CustomerGroup = "unknown" | "long_term" | "referred" | "first_time";

export type Book = "feedback" | "complaints" | "citizen_reception";

export type Status = "received" | "front_desk" | "awaiting_customer" | "specialist" | "solution_feedback" | "leadership" | "closed";

export type StepKind = "attitude_talk" | "investigation" | "reported_to_qmr";

export type FeedbackInput = { 
/**
 * Local date and time received, `YYYY-MM-DDTHH:MM`.
 */
received_at: string, channel: Channel, kind: Kind, subject: Subject, book: Book, 
/**
 * Tên khách hàng: the person who gave the feedback.
 */
customer_name: string, 
/**
 * The organisation they represent, if any.
 */
customer_org: string, customer_address: string, customer_phone: string, customer_email: string, customer_group: CustomerGroup, 
/**
 * Nội dung ý kiến phản ánh của khách hàng.
 */
content: string, 
/**
 * Người tiếp nhận (staff id).
 */
receiver_id: string | null, 
/**
 * The unit responsible for handling it (unit id).
 */
unit_id: string | null, 
/**
 * A written complaint, answered by an official reply letter (R2.3).
 */
written: boolean, 
/**
 * A formal complaint under the Law on Complaints, with its own clock (R2.4).
 */
formal: boolean, 
/**
 * When set, the feedback was settled on the spot (seed 001 step 1): this is what the
 * clerk explained, and the case is closed in the same entry.
 */
settled_on_spot: string | null, };

export type FeedbackRow = { id: string, 
/**
 * 2026/000123
 */
receipt_no: string, received_at: string, customer_name: string, customer_org: string, kind: Kind, subject: Subject, channel: Channel, status: Status, unit_name: string | null, receiver_name: string | null, 
/**
 * The deadline in force: the director's exception when set, else the reply deadline.
 */
due_date: string, closed_at: string | null, content: string, 
/**
 * "Xác nhận của trưởng phòng/đơn vị": who confirmed, when.
 */
confirmed_by_name: string | null, confirmed_at: string | null, 
/**
 * When the entry was withdrawn as made by mistake («nhập nhầm»): it stays in the book,
 * marked, and is counted nowhere. Absent for a live entry.
 */
withdrawn_at?: string, 
/**
 * A formal complaint's Law deadline running now ([`Deadlines::law_due`]); absent otherwise.
 */
law_due?: string, };

export type FeedbackPage = { total: number, rows: Array<FeedbackRow>, };

export type FeedbackFilter = { 
/**
 * Searched in the customer, the content and the receipt number, ignoring accents and case.
 */
search?: string, status?: Status, kind?: Kind, subject?: Subject, book?: Book, unit_id?: string, channel?: Channel, customer_group?: CustomerGroup, 
/**
 * Only complaints (khiếu nại, phàn nàn, kháng nghị), the kinds the procedure handles.
 */
complaints?: boolean, 
/**
 * Received on or after this date (YYYY-MM-DD).
 */
from?: string, 
/**
 * Received on or before this date (YYYY-MM-DD).
 */
to?: string, 
/**
 * Only cases still open after their deadline on this date.
 */
overdue_on?: string, 
/**
 * Only cases received by the end of this date and not closed by then (open on it).
 */
open_on?: string, 
/**
 * Only open cases whose deadline falls within the due-soon window of this date.
 */
due_soon_on?: string, 
/**
 * Only the cases of the signed-in unit head's unit that arrived there (forwarded to it,
 * or given to it by a correction) after this local time, `YYYY-MM-DDTHH:MM`: what a unit
 * head has not seen yet. Use with `unit_id`.
 */
arrived_since?: string, 
/**
 * Only the open cases that wait for this role (the quality officer or leadership).
 */
waits_for?: WaitsFor, limit?: number, offset?: number, 
/**
 * Count the matches only this far (and at least to the end of the page asked): the
 * total is then at most one more than that, and the window says «hơn 1.000». Without
 * it (the command line), the count is exact.
 */
count_limit?: number, };

export type Case = { id: string, receipt_no: string, 
/**
 * 1 when entered, one more at every change to what this record shows. A move or a step
 * sends back the version it was made on; the core refuses it when the case has changed
 * since (another desk moved it), rather than act on a stale view.
 */
version: number, received_at: string, channel: Channel, kind: Kind, subject: Subject, book: Book, customer_name: string, customer_org: string, customer_address: string, customer_phone: string, customer_email: string, 
/**
 * True when the address, telephone and e-mail above are masked (the case as read by
 * [`crate::Ledger::case`]); [`crate::Ledger::case_contact`] shows them, and logs it.
 */
contact_masked: boolean, customer_group: CustomerGroup, content: string, receiver_id: string | null, receiver_name: string | null, unit_id: string | null, unit_name: string | null, written: boolean, formal: boolean, complex: boolean, status: Status, resolution: string, closed_at: string | null, confirmed_by_name: string | null, confirmed_at: string | null, 
/**
 * Withdrawn as made by mistake («nhập nhầm»), when and why; absent for a live entry.
 */
withdrawn_at?: string, withdrawn_reason?: string, deadlines: Deadlines, 
/**
 * Settled on the spot and not yet marked seen by the QMR, to whom it is reported (seed
 * 001, step 1).
 */
settlement_unseen?: boolean, history: Array<CaseEvent>, steps: Array<CaseStep>, letters: Array<ReplyLetter>, actions: Array<CorrectiveAction>, 
/**
 * The moves open now, as buttons.
 */
next_moves: Array<Move>, 
/**
 * What must be done before closing, and whether it is.
 */
requirements: Array<RequirementState>, };

export type Deadlines = { 
/**
 * Reply deadline counted from receipt (YYYY-MM-DD).
 */
reply_due: string, 
/**
 * The director's exception deadline, with its reason.
 */
exception_due: string | null, exception_reason: string | null, exception_by_name: string | null, 
/**
 * The deadline in force.
 */
due: string, 
/**
 * Formal complaints: the deadline to accept (thụ lý), and when it was accepted.
 */
formal_accept_due: string | null, accepted_on: string | null, 
/**
 * Formal complaints: the deadline to decide, once accepted.
 */
formal_decide_due: string | null, 
/**
 * Formal complaints: the acceptance decision (thụ lý or not), its reason, its day, and
 * whether it came after its deadline (recorded all the same, flagged late).
 */
acceptance?: Acceptance, acceptance_reason?: string, acceptance_on?: string, acceptance_late?: boolean, 
/**
 * Why the case was marked complex (vụ việc phức tạp: 45 days to decide).
 */
complex_reason?: string, 
/**
 * Formal complaints: the Law's deadline that runs now (to accept while undecided, to
 * decide once accepted, none once refused or closed), and whether it is past on the day
 * asked. The due-soon and overdue lists read it beside the reply deadline.
 */
law_due?: string, law_overdue?: boolean, 
/**
 * Whether the case was (or is, if open) past its deadline on the day asked.
 */
overdue: boolean, 
/**
 * Days left until the deadline on the day asked (negative when overdue); absent once closed.
 */
days_left: number | null, };

export type CaseEvent = { at: string, actor: string, staff_name: string | null, from_status: Status | null, to_status: Status, channel: Channel | null, note: string, 
/**
 * What the line records when it is not a move: a correction or a withdrawal.
 */
what?: EventWhat, 
/**
 * When the line was entered, when that was later than `at` (work done on paper first).
 */
recorded_at?: string, 
/**
 * The unit the case was forwarded to (or given to by a correction).
 */
unit_name?: string, };

export type CaseStep = { id: string, step: StepKind, on_date: string, staff_name: string | null, note: string, };

export type RequirementState = { requirement: Requirement, label: string, done: boolean, };

export type Requirement = { "kind": "step", "step": StepKind } | { "kind": "corrective_action" } | { "kind": "reply_sent" };

export type Move = { from: Status, to: Status, label: string, 
/**
 * Whether the move must carry a note (a solution, an answer, a reason).
 */
note_required: boolean, };

export type MoveInput = { to: Status, note: string, channel?: Channel, 
/**
 * The staff member who did it, when not the signed-in clerk.
 */
staff_id?: string, 
/**
 * The case's version the move was decided on ([`Case::version`]); refused when the case
 * has changed since. Absent: no check (scripts written before versions keep working).
 */
version?: number, 
/**
 * The specialist unit a move to `specialist` forwards the case to (unit id); absent: the
 * unit the case already has.
 */
unit_id?: string, 
/**
 * When the move happened, `YYYY-MM-DDTHH:MM`, when it is entered later than it was
 * done (on paper): not in the future, not before the case's previous move. Absent: now.
 */
at?: string, };

export type CorrectionInput = { received_at?: string, channel?: Channel, kind?: Kind, subject?: Subject, book?: Book, customer_name?: string, customer_org?: string, customer_address?: string, customer_phone?: string, customer_email?: string, customer_group?: CustomerGroup, content?: string, receiver_id?: string, unit_id?: string, written?: boolean, formal?: boolean, 
/**
 * Why the entry is corrected: kept in the case's history and the audit log.
 */
reason: string, 
/**
 * As [`super::case::MoveInput::version`].
 */
version?: number, };

export type EventWhat = "correction" | "withdrawal" | "notice" | "acceptance" | "complex" | "seen";

export type WaitsFor = "qmr" | "leadership";

export type StepInput = { step: StepKind, 
/**
 * YYYY-MM-DD
 */
on_date: string, staff_id?: string, note: string, 
/**
 * As [`MoveInput::version`]: the step is recorded from the same view of the case.
 */
version?: number, };

export type ExceptionInput = { 
/**
 * YYYY-MM-DD
 */
due: string, reason: string, by?: string, };

export type CaseCounts = { open: number, overdue: number, due_soon: number, };

export type ReplyLetter = { id: string, 
/**
 * Số công văn, e.g. "125/SCT-VP".
 */
number: string, body: string, status: LetterStatus, signer_name: string, signer_title: string, drafted_at: string, signed_on: string | null, sent_on: string | null, sent_via: string | null, };

export type LetterStatus = "draft" | "signed" | "sent";

export type CorrectiveAction = { id: string, kind: ActionKind, 
/**
 * Nguyên nhân.
 */
cause: string, 
/**
 * Biện pháp.
 */
action: string, owner_id: string | null, owner_name: string | null, due_date: string, status: ActionStatus, effectiveness_note: string, effective: boolean | null, checked_on: string | null, 
/**
 * Receipt numbers of the linked cases.
 */
cases: Array<string>, 
/**
 * The unit that carries it out.
 */
unit_id?: string, unit_name?: string, 
/**
 * Its sources besides cases.
 */
sources?: Array<ActionSource>, 
/**
 * Where it stands in the register on the day asked (the register's lists only).
 */
state?: RegisterState, };

export type ActionInput = { id?: string, kind: ActionKind, cause: string, action: string, owner_id: string | null, due_date: string, 
/**
 * Ids of the cases this action answers.
 */
case_ids: Array<string>, 
/**
 * The unit that carries it out.
 */
unit_id?: string, 
/**
 * What it answers besides cases: at least one source, a case or one of these.
 */
sources?: Array<ActionSource>, };

export type ActionKind = "corrective" | "preventive" | "improvement";

export type ActionStatus = "open" | "in_progress" | "done" | "verified";

export type ActionFilter = { state?: RegisterState, unit_id?: string, 
/**
 * Only the actions still to do past their due date on this day (YYYY-MM-DD).
 */
overdue_on?: string, 
/**
 * The day the states are judged on (YYYY-MM-DD); today when absent.
 */
on?: string, };

export type ActionSource = { kind: SourceKind, 
/**
 * Which one: a criterion, a group's name, a year.
 */
reference: string, 
/**
 * How the register shows it; the reference when left empty.
 */
label: string, };

export type SourceKind = "survey_criterion" | "opinion_group" | "annual_proposal";

export type RegisterState = "open" | "due_soon" | "overdue" | "awaiting_check" | "verified";

export type Acceptance = "accepted" | "refused";

export type AcceptanceInput = { decision: Acceptance, 
/**
 * Why: the grounds of the acceptance, or of the refusal (art. 11), printed on the notice.
 */
reason: string, 
/**
 * As [`super::case::MoveInput::version`]: refused when the case has changed since.
 */
version?: number, };

export type ComplexInput = { reason: string, version?: number, };

export type ConfirmBatchInput = { unit_id: string, 
/**
 * YYYY-MM-DD
 */
from: string, 
/**
 * YYYY-MM-DD
 */
to: string, 
/**
 * The unit head confirming: the signed-in staff member.
 */
staff_id: string, };

export type BatchOutcome = { receipt_nos: Array<string>, };

export type LetterToSign = { letter: ReplyLetter, case_id: string, receipt_no: string, customer_name: string, content: string, 
/**
 * The case's deadline in force (YYYY-MM-DD).
 */
due: string, };

export type SignBatchInput = { letter_ids: Array<string>, signer_name: string, signer_title: string, 
/**
 * YYYY-MM-DD
 */
on: string, };

export type Holiday = { 
/**
 * YYYY-MM-DD
 */
day: string, name: string, };

export type BackupSettings = { 
/**
 * The folder the office chose; empty: [`DEFAULT_FOLDER`] beside the database.
 */
folder: string, 
/**
 * How many of the newest backups are kept; older ones are deleted after a new backup.
 */
keep: number, 
/**
 * A second place each backup is also copied to (a USB drive, another disk); empty: none.
 */
second_folder: string, 
/**
 * The window warns when the newest backup is older than this many days.
 */
warn_after_days: number, };

export type BackupFile = { path: string, file_name: string, bytes: number, 
/**
 * When it was made, office local time `YYYY-MM-DDTHH:MM:SS`, read from its name.
 */
made_at: string, };

export type BackupState = { 
/**
 * The folder backups go into (the chosen one, or the default beside the database).
 */
folder: string, 
/**
 * Whether the office chose that folder (otherwise it is the default).
 */
chosen: boolean, 
/**
 * The second place each backup is copied to; empty: none.
 */
second_folder: string, newest: BackupFile | null, newest_second: BackupFile | null, warn_after_days: number, 
/**
 * What the window warns of, in Vietnamese; empty when backups are recent.
 */
warnings: Array<string>, };

export type FileCheck = { ok: boolean, schema_version: number, problems: Array<string>, };

export type RestoreReport = { restored_from: string, 
/**
 * The copy of the database as it was before the restore.
 */
previous_copy: string | null, schema_version: number, };

export type EncryptionStatus = { encrypted: boolean, db_path: string, 
/**
 * Backups and copies that are still plain SQLite (made before encryption was turned
 * on), in the backup folder and beside the database; listed only while encrypted.
 */
plaintext_backups: Array<BackupFile>, };

export type EncryptionReport = { encrypted: boolean, db_path: string, 
/**
 * Copies made before an upgrade (beside the database) that were encrypted too.
 */
encrypted_copies: Array<string>, 
/**
 * Plaintext backups still in the backup folder, to be removed by the administrator.
 */
plaintext_backups: Array<BackupFile>, };

export type ImportPreview = { file_name: string, sheet: string, 
/**
 * `unicode`, `tcvn3` or `vni`: the legacy encoding of the cells converted (the one most
 * of them were in), `unicode` when none was.
 */
encoding: Encoding, encoding_label: string, 
/**
 * Cells converted from the legacy encoding to Unicode.
 */
converted_cells: number, 
/**
 * Which cells were converted, before → after (the first 1000 of them).
 */
conversions: Array<CellConversion>, 
/**
 * How a CSV file's bytes were read; `null` for a workbook.
 */
code_page: CodePage | null, 
/**
 * The code page in Vietnamese; empty for a workbook.
 */
code_page_label: string, 
/**
 * The spreadsheet's row number of the header (1-based).
 */
header_row: number, columns: Array<ImportColumn>, total_rows: number, new_rows: number, duplicate_rows: number, error_rows: number, 
/**
 * Every line with an error, then the first lines of the others, in file order.
 */
rows: Array<ImportRow>, 
/**
 * True once the lines were stored.
 */
committed: boolean, };

export type ImportColumn = { 
/**
 * The column letter as the spreadsheet shows it (A, B, …).
 */
column: string, header: string, field: Field | null, 
/**
 * What the column is read as, in Vietnamese; empty when it is not used.
 */
field_label: string, };

export type ImportRow = { 
/**
 * The spreadsheet's row number (1-based), as the office sees it.
 */
row_no: number, status: RowStatus, 
/**
 * Vietnamese sentences naming the row and the column.
 */
errors: Array<string>, received_at: string, customer_name: string, content: string, receiver: string, kind: Kind, subject: Subject, channel: Channel, 
/**
 * True when a cell of the line was converted from TCVN3 or VNI.
 */
converted: boolean, };

export type RowStatus = "new" | "duplicate" | "error";

export type Field = "number" | "receipt_no" | "received_at" | "time" | "customer" | "organisation" | "address" | "phone" | "email" | "content" | "receiver" | "confirmation" | "kind" | "subject" | "channel" | "unit" | "status" | "result" | "closed_on";

export type Encoding = "unicode" | "tcvn3" | "vni";

export type CellConversion = { 
/**
 * The sheet's name; empty for a CSV file.
 */
sheet: string, 
/**
 * The spreadsheet's row number (1-based).
 */
row: number, 
/**
 * The column letter (A, B, …).
 */
column: string, encoding: Encoding, before: string, after: string, };

export type CodePage = "utf8" | "utf16" | "windows1258" | "windows1252";

export type ExportReport = { path: string, rows: number, bytes: number, };

export type RetentionDue = { on: string, 
/**
 * `ledger`: the feedback book and the case files.
 */
record_type: string, record_label: string, retention_years: number, records: Array<DueRecord>, survey_forms: SurveyFormsDue, };

export type DueRecord = { id: string, receipt_no: string, 
/**
 * YYYY-MM-DD
 */
received_on: string, 
/**
 * YYYY-MM-DD: the day the case was closed, from which the retention period runs.
 */
closed_on: string, 
/**
 * YYYY-MM-DD: the first day it may be disposed of.
 */
due_on: string, kind: Kind, subject: Subject, channel: Channel, unit_name: string | null, };

export type Disposal = { 
/**
 * Empty when no case was due (a disposal of survey forms only).
 */
id: string, on_date: string, record_type: string, retention_years: number, records: Array<DueRecord>, 
/**
 * Audit entries whose before/after were erased with the records.
 */
redacted_audit_entries: number, 
/**
 * Archived reports removed because they printed the personal data of these records
 * (the yearly compilations of complaints that list a disposed complaint).
 */
removed_reports: Array<RemovedReport>, };

export type SurveyFormsDue = { 
/**
 * `survey_forms`.
 */
record_type: string, record_label: string, 
/**
 * The office's setting `survey_retention_years`.
 */
retention_years: number, 
/**
 * Where the period runs from, in words.
 */
counted_from: string, records: Array<DueSurveyForm>, };

export type DueSurveyForm = { id: string, round_id: string, 
/**
 * "2023-01".
 */
round_code: string, round_name: string, 
/**
 * The form's code, e.g. "BM.QT.SCT.05-02".
 */
template_code: string, serial: number, 
/**
 * YYYY-MM-DD: the date written on the form.
 */
filled_on: string, 
/**
 * YYYY-MM-DD: the round's period.
 */
period_from: string, period_to: string, 
/**
 * YYYY-MM-DD: the day the retention period runs from: the end of the round's period,
 * or the form's own date when it is later.
 */
counted_from: string, 
/**
 * YYYY-MM-DD: the first day it may be disposed of.
 */
due_on: string, 
/**
 * Written answers (opinions, the respondent's name or contact) that disposal erases.
 */
texts: number, };

export type SurveyDisposal = { id: string, on_date: string, 
/**
 * `survey_forms`.
 */
record_type: string, retention_years: number, records: Array<DueSurveyForm>, 
/**
 * Written answers erased (on the forms listed and on withdrawn entries).
 */
erased_texts: number, 
/**
 * Entries withdrawn by "undo" whose words were erased with the forms (not records
 * themselves, so not listed).
 */
withdrawn_entries: number, 
/**
 * Audit entries whose before/after were erased with the forms.
 */
redacted_audit_entries: number, };

export type RemovedReport = { id: string, 
/**
 * `complaints`: the yearly compilation of complaints (names, contents, results).
 */
kind: string, period_from: string, period_to: string, 
/**
 * When it was generated, as stored (RFC 3339, UTC).
 */
generated_at: string, 
/**
 * SHA-256 of the archived PDF, hex: the copy removed can be told from any other.
 */
sha256: string, };

export type RecordType = "ledger" | "survey_forms";

export type DisposalReport = { 
/**
 * The feedback book's part (its `records` empty, its `id` empty, when no case was due).
 */
disposal: Disposal, 
/**
 * The returned survey forms' part, when forms were due.
 */
survey_forms: SurveyDisposal | null, path: string, bytes: number, };

export type ChainReport = { entries: number, 
/**
 * The hash of the last entry: written down (or printed on a disposal record), it lets a
 * later check prove that nothing before it was rewritten.
 */
head: string | null, broken: ChainBreak | null, };

export type ChainBreak = { 
/**
 * The entry's number (`seq`); 0 when the log itself is inconsistent before any entry.
 */
seq: number, 
/**
 * A Vietnamese sentence for the administrator.
 */
reason: string, };

export type TaskProgress = { 
/**
 * `import`, `export`, `backup` or `scan`.
 */
task: string, done: number, total: number, };

export type PrintJob = { "form": "receipts", receipt_nos: Array<string>, } | { "form": "reply_letter", letter_id: string, } | { "form": "ledger_period", from: string, to: string, book?: Book, 
/**
 * A unit's own book (unit id).
 */
unit_id?: string, } | { "form": "ledger_blank", pages: number, year: number | null, book?: Book, unit_id?: string, } | { "form": "survey_blank", year: number | null, serial: string | null, } | { "form": "annual_report", year: number, } | { "form": "complaints_report", year: number, } | { "form": "consolidated_report", year: number, } | { "form": "feedback_letter", addressee: string | null, date: string | null, } | { "form": "measures_letter", receipt_no: string, letter?: MeasuresLetter, } | { "form": "acceptance_notice", receipt_no: string, };

export type PrintOutcome = { path: string, opened: boolean, };

export type PrintPreview = { 
/**
 * The name it is saved under.
 */
file_name: string, 
/**
 * The PDF, base64-encoded (JSON carries no bytes).
 */
pdf_base64: string, };

export type Period = { 
/**
 * YYYY-MM-DD.
 */
from: string, to: string, 
/**
 * As a report heads it: "Năm 2026", "Quý II năm 2026", "Tháng 3 năm 2026",
 * "Từ 05/01/2026 đến 20/02/2026".
 */
label: string, };

export type PeriodQuery = { year: number | null, quarter: number | null, month: number | null, from: string | null, to: string | null, };

export type Count = { 
/**
 * The stored name (`complaint`), or a unit's id; empty for "no unit".
 */
key: string, 
/**
 * What a report prints: "Khiếu nại", "Phòng Quản lý thương mại".
 */
label: string, count: number, };

export type Share = { count: number, of: number, percent: number | null, };

export type FeedbackFigures = { total: number, by_kind: Array<Count>, by_subject: Array<Count>, by_channel: Array<Count>, by_customer_group: Array<Count>, 
/**
 * Every unit of the office, then "Chưa giao đơn vị" when some entries have none.
 */
by_unit: Array<Count>, };

export type ComplaintFigures = { 
/**
 * The day open cases are judged on (YYYY-MM-DD): the period's last day, or today
 * while the period runs.
 */
as_of: string, 
/**
 * Received in the period.
 */
received: number, 
/**
 * Of those, closed by the end of the period.
 */
closed: number, 
/**
 * Closed on or before the deadline in force (the director's exception deadline when
 * set), out of those whose outcome is known at the end of the period: the closed ones
 * and those still open past their deadline. Open ones not yet due are not counted.
 */
replied_on_time: Share, 
/**
 * Calendar days from receipt to closing, over the closed ones: the median (the mean of
 * the two middle values when their number is even) and the 90th percentile (nearest
 * rank: the ⌈0.9·n⌉-th smallest).
 */
median_days_to_close: number | null, p90_days_to_close: number | null, 
/**
 * Complaints received up to the end of the period (in it or before) and not closed by
 * its end; of those, past their deadline on its last day.
 */
open_at_end: number, overdue_at_end: number, 
/**
 * Of the closed ones: settled at the front desk (never passed on), passed to a
 * specialist unit (but not to leadership), passed to leadership for direction.
 */
settled_front_desk: Share, escalated_specialist: Share, escalated_leadership: Share, 
/**
 * Formal complaints under the Law on Complaints, beside the reply clock; absent when
 * the period has none.
 */
formal?: FormalFigures, };

export type FormalFigures = { 
/**
 * Formal complaints received in the period.
 */
received: number, 
/**
 * Acceptance decisions recorded within their 10 days, out of those recorded by the
 * period's end and those still undecided past their deadline.
 */
accepted_on_time: Share, 
/**
 * Accepted complaints closed within their deadline to decide (30 days, 45 when complex),
 * out of those closed and those still open past it.
 */
decided_on_time: Share, 
/**
 * Formal complaints open at the period's end whose Law deadline had passed.
 */
overdue_at_end: number, };

export type SlotFigures = { 
/**
 * The answer code, e.g. "cau_1.2".
 */
code: string, 
/**
 * "Câu hỏi 1"; the criterion or option in `label`.
 */
question: string, label: string, 
/**
 * A criterion of a rating grid, counted in the satisfaction index.
 */
rated: boolean, 
/**
 * Each box, in the printed order, with how many ticked it.
 */
levels: Array<Count>, blank: number, spoiled: number, 
/**
 * Satisfied answers out of valid ones; rated criteria only.
 */
index: Share | null, };

export type TemplateFigures = { 
/**
 * "BM.QT.SCT.05-02", its version and title.
 */
code: string, version: number, title: string, forms: number, 
/**
 * How many of the first levels of a rating scale count as satisfied.
 */
satisfied_levels: number, slots: Array<SlotFigures>, 
/**
 * Over every rated criterion of the form.
 */
index: Share, };

export type SourceFigures = { key: string, label: string, forms: number, index: Share, 
/**
 * Whether the figures above (the index, the forms, the templates) count this source, as
 * the office chose (`Settings::survey_index_source`). Absent in a bundle made before
 * the office could choose: both were counted then.
 */
counted: boolean, };

export type SurveyFigures = { 
/**
 * Forms filled in the period (the date written on them).
 */
forms: number, templates: Array<TemplateFigures>, 
/**
 * Over every rated criterion of every form.
 */
index: Share, 
/**
 * The written opinions by the group staff put them in, largest first; the unsorted
 * ones last, under the key "".
 */
opinion_groups: Array<Count>, 
/**
 * The forms and index of each source (paper forms, ratings at the kiosks), when the
 * period has ratings from a kiosk or the office counts one source only; the figures above
 * count those marked `counted` (the office's choice of index source).
 */
by_source?: Array<SourceFigures>, };

export type Figures = { period: Period, feedback: FeedbackFigures, complaints: ComplaintFigures, surveys: SurveyFigures, };

export type Change = { key: string, label: string, 
/**
 * `count`, `percent` (the change is in percentage points) or `days`.
 */
unit: string, current: number | null, previous: number | null, 
/**
 * `current − previous`, rounded to one decimal; absent when either is unknown.
 */
change: number | null, };

export type CriterionShare = { 
/**
 * The form's code ("BM.QT.SCT.05-02").
 */
template: string, 
/**
 * The answer code ("cau_1.2"), the question and the criterion as printed.
 */
code: string, question: string, label: string, share: Share, };

export type Satisfaction = { period: Period, forms: number, index: Share, criteria: Array<CriterionShare>, };

export type QuarterSurveys = { quarter: Satisfaction, year_before: Satisfaction, 
/**
 * The index's change in percentage points, one decimal; absent when either is unknown.
 */
change: number | null, };

export type FiguresReport = { figures: Figures, year_before: Figures, changes: Array<Change>, 
/**
 * Side by side for the book and the complaints; their survey figures are left empty
 * (each quarter's satisfaction is in `quarter_surveys`).
 */
quarters: Array<Figures>, 
/**
 * The objectives of the period's year, judged on the period's figures.
 */
objectives: Array<ObjectiveResult>, 
/**
 * For a whole year, each quarter's satisfaction beside the same quarter a year before
 * (seed 004 §5.3.2); empty for any other period.
 */
quarter_surveys: Array<QuarterSurveys>, };

export type AnswerPick = { "answer": "any" } | { "answer": "level", "level": number } | { "answer": "blank" } | { "answer": "spoiled" };

export type FormsQuery = { 
/**
 * "BM.QT.SCT.05-02" and its version, as in [`super::surveys::TemplateFigures`];
 * absent for the forms of every template.
 */
template_code: string | null, template_version: number | null, 
/**
 * The answer code ("cau_1.2"); absent with [`AnswerPick::Any`].
 */
slot: string | null, pick: AnswerPick, };

export type FormBehind = { response_id: string, round_id: string, 
/**
 * The round's code and name: "KS-2026-Q2", "Khảo sát quý II năm 2026".
 */
round_code: string, round_name: string, serial: number, 
/**
 * The date written on the form (YYYY-MM-DD).
 */
filled_on: string, };

export type FormsBehind = { 
/**
 * The paper forms and the kiosk ratings the number counts.
 */
total: number, 
/**
 * By date on the form, then round and serial; at most [`FORMS_LISTED`].
 */
forms: Array<FormBehind>, 
/**
 * The kiosks' ratings, when the number counts them: by day and kiosk; with `forms`, at
 * most [`FORMS_LISTED`].
 */
ratings: Array<RatingBehind>, };

export type Metric = "replied_on_time" | "settled_front_desk" | "satisfaction_index";

export type Opinion = { response_id: string, code: string, round_code: string, serial: number, filled_on: string, text: string, 
/**
 * The group staff put it in; absent until sorted.
 */
group: string | null, };

export type Objective = { year: number, metric: Metric, 
/**
 * Percent, 0–100.
 */
target: number, };

export type ObjectiveResult = { metric: Metric, label: string, target: number, actual: number | null, met: boolean | null, };

export type ArchivedReport = { id: string, 
/**
 * `annual`, `complaints` or `consolidated` (the consolidated annual report of the offices).
 */
kind: string, period_from: string, period_to: string, author: string, generated_at: string, 
/**
 * SHA-256 of the PDF file, hex.
 */
sha256: string, bytes: number, };

export type AnnualTexts = { 
/**
 * Số, e.g. "15/BC-SCT".
 */
number: string, 
/**
 * The report's date (YYYY-MM-DD); dated by hand when absent.
 */
date: string | null, conclusions: string, proposals: string, 
/**
 * Người lập báo cáo.
 */
prepared_by: string, 
/**
 * Đại diện lãnh đạo (QMR).
 */
qmr: string, 
/**
 * Thủ trưởng: name and title ("Giám đốc").
 */
head_name: string, head_title: string, };

export type Contact = { receipt_no: string, customer_address: string, customer_phone: string, customer_email: string, };

export type PersonQuery = { name: string, phone: string, email: string, };

export type PersonRecordKind = "case" | "survey_form";

export type PersonMatch = { kind: PersonRecordKind, id: string, 
/**
 * "2026/000123" for a case, "2026-01/0007" (round/serial) for a survey form.
 */
reference: string, 
/**
 * YYYY-MM-DD: received, or written on the form.
 */
date: string, 
/**
 * The name as written (for a survey form, the written answer that matched).
 */
name: string, org: string, 
/**
 * Masked.
 */
phone: string, 
/**
 * Masked.
 */
email: string, 
/**
 * "Khiếu nại — Thời gian giải quyết" or the round's name.
 */
description: string, 
/**
 * What matched: "họ tên", "điện thoại", "thư điện tử".
 */
matched_on: Array<string>, 
/**
 * A case still being handled: it cannot be erased before it is closed.
 */
open: boolean, };

export type Kiosk = { id: string, name: string, unit_id: string | null, unit_name: string | null, 
/**
 * The template's key and code.
 */
template_key: string, template_code: string, 
/**
 * A tablet holds its device token.
 */
paired: boolean, paired_at: string | null, 
/**
 * When the tablet last asked whether it is armed (UTC).
 */
last_seen_at: string | null, disabled: boolean, 
/**
 * Ratings received so far.
 */
ratings: number, created_at: string, 
/**
 * The office's day of its last rating (YYYY-MM-DD), if it has one.
 */
last_rated_on: string | null, };

export type KioskInput = { 
/**
 * "Quầy 1".
 */
name: string, unit_id?: string, 
/**
 * The template's key ([`DEFAULT_TEMPLATE`] when absent).
 */
template?: string, };

export type KioskPairing = { kiosk: Kiosk, 
/**
 * "7KQ4-M2XP": typed on the tablet, or carried in the address after `#ma=`.
 */
code: string, 
/**
 * Until when the code may be used (UTC).
 */
valid_until: string, };

export type KioskQuestion = { 
/**
 * The answer code ("cau_1.2"; "danh_gia_chung" for a question of one criterion), as
 * the figures count it.
 */
code: string, 
/**
 * The question, the office's name filled in.
 */
prompt: string, 
/**
 * The criterion ("Thái độ giao tiếp"), empty when the question has one only.
 */
criterion: string, 
/**
 * The levels, best first.
 */
levels: Array<string>, };

export type KioskState = { name: string, 
/**
 * The office's name, shown small on the waiting screen.
 */
office: string, questions: Array<KioskQuestion>, 
/**
 * The arm to rate, while one is shown; null: the waiting screen.
 */
arm_id: string | null, };

export type KioskFigures = { from: string, to: string, 
/**
 * Ratings received in the period, all kiosks.
 */
ratings: number, by_kiosk: Array<RatingCount>, by_staff: Array<RatingCount>, };

export type RatingCount = { key: string, label: string, ratings: number, 
/**
 * Answers on a satisfied level (the first two of three) out of all answers.
 */
satisfied: number, answers: number, percent: number | null, };

export type RatingBehind = { rating_id: string, 
/**
 * The kiosk (the desk) and its unit.
 */
kiosk_name: string, unit_name: string | null, 
/**
 * The kiosk template's code ("KS.TAI-QUAY").
 */
template_code: string, 
/**
 * The office's day it was tapped (YYYY-MM-DD).
 */
rated_on: string, };

export type RatingInput = { 
/**
 * The tablet's id for this tap (a UUID made when the citizen tapped), sent again
 * unchanged until the server has it.
 */
tap_id: string, 
/**
 * The arm the kiosk showed the faces for.
 */
arm_id: string, answers: Array<RatedAnswer>, };

export type RatedAnswer = { code: string, 
/**
 * 1 = the first (best) level.
 */
value: number, };

export type PersonSelection = { case_ids: Array<string>, survey_form_ids: Array<string>, };

export type ErasureRequest = { selection: PersonSelection, 
/**
 * The request's number or reference (số, ký hiệu của đơn yêu cầu).
 */
reference: string, 
/**
 * YYYY-MM-DD or dd/mm/yyyy: the day the request was received.
 */
request_date: string, };

export type ErasureReport = { id: string, reference: string, request_date: string, 
/**
 * Receipt numbers of the cases erased.
 */
cases: Array<string>, 
/**
 * Round/serial of the survey forms erased.
 */
survey_forms: Array<string>, redacted_audit_entries: number, 
/**
 * Archived compilations of complaints removed because they printed the person's data.
 */
removed_reports: number, };

export type SurveyLayout = { pages: number, 
/**
 * Centres of the four corner marks (top-left, top-right, bottom-left, bottom-right),
 * the same on every page.
 */
marks: Array<[number, number]>, mark_size: number, 
/**
 * The QR code's top-left corner and side.
 */
qr: [number, number, number], boxes: Array<AnswerBox>, };

export type AnswerBox = { code: string, value: number, page: number, 
/**
 * Top-left corner and side, in mm.
 */
x: number, y: number, size: number, };

export type BundleKey = { 
/**
 * 64 uppercase hex digits.
 */
fingerprint: string, 
/**
 * The same in groups of four, as read out.
 */
grouped: string, created_at: string, };

export type ExportedBundle = { path: string, from: string, to: string, made_at: string, 
/**
 * The fingerprint of the key that signed it.
 */
fingerprint: string, encrypted: boolean, 
/**
 * The cases and survey forms that came with the figures (0 without records).
 */
cases: number, forms: number, bytes: bigint, };

export type BundleImport = { outcome: string, bundle: ImportedBundle, };

export type ConsolidationSettings = { 
/**
 * «Đơn vị tổng hợp»: registers offices and imports their bundles.
 */
consolidating: boolean, 
/**
 * A folder whose new `.ykb` files are imported by the machine that owns the database
 * (the app while it is open, or `ykien serve`): `bundle::inbox`.
 */
inbox: string | null, };

export type TrustedOffice = { id: string, name: string, 
/**
 * Uppercase hex, 64 digits.
 */
fingerprint: string, trusted_at: string, };

export type ImportedBundle = { id: string, office_id: string, 
/**
 * The office's name as registered here; `sentAs` is the name its own profile gives.
 */
office: string, sent_as: string, from: string, to: string, 
/**
 * When the office made the bundle (UTC): of two bundles of one period, the later wins.
 */
made_at: string, 
/**
 * SHA-256 of the whole file, uppercase hex.
 */
digest: string, schema: bigint, 
/**
 * How many records came with the figures (0 without `--with-records`).
 */
records: number, imported_at: string, };

export type OfficeFigures = { office: TrustedOffice, 
/**
 * The name the office's own profile gives.
 */
sent_as: string, 
/**
 * When the office made the bundle (UTC).
 */
made_at: string, report: FiguresReport, };

export type ConsolidatedFigures = { 
/**
 * YYYY-MM-DD, both included.
 */
from: string, to: string, offices: Array<OfficeFigures>, 
/**
 * The offices' figures summed; absent while none has sent its bundle.
 */
total: FiguresReport | null, 
/**
 * Registered (and asked for) but without a bundle of the period.
 */
missing: Array<TrustedOffice>, };

export type InboxEntry = { id: string, file_name: string, 
/**
 * Where the file is now: in «Đã nhận» or «Không nhận» under the inbox folder.
 */
moved_to: string, read_at: string, 
/**
 * `imported`, `replaced`, `unchanged` or `refused`.
 */
outcome: string, 
/**
 * The office as registered here and the period, when the bundle was accepted.
 */
office: string | null, from: string | null, to: string | null, 
/**
 * Why it was refused, in the words shown to the user.
 */
reason: string | null, };

export type BundleCase = { id: string, 
/**
 * "2026/000123".
 */
receipt_no: string, 
/**
 * YYYY-MM-DD.
 */
received_on: string, kind: string, subject: string, channel: string, book: string, customer_group: string, unit: string | null, status: string, formal: boolean, reply_due: string, exception_due: string | null, closed_on: string | null, };

export type BundleForm = { id: string, 
/**
 * `paper` or `kiosk`.
 */
source: string, 
/**
 * The form's code and its template version.
 */
template: string, version: number, filled_on: string, 
/**
 * (answer code, `chosen`/`blank`/`spoiled`, level chosen or 0).
 */
answers: Array<[string, string, bigint]>, };

export type OfficeRecords = { office: TrustedOffice, from: string, to: string, 
/**
 * `cases` (every case received), `complaints` (the complaints, grievances and appeals
 * received) or `forms` (the survey forms filled and the kiosk ratings given).
 */
figure: string, 
/**
 * Whether the bundle carried its records (`--with-records`); `false`: figures only.
 */
with_records: boolean, 
/**
 * How many records lie behind the figure; the first [`RECORDS_SHOWN`] are listed.
 */
total: number, cases: Array<BundleCase>, forms: Array<BundleForm>, };

export type SurveyTemplate = { 
/**
 * Mã hiệu, e.g. "BM.QT.SCT.05-02".
 */
code: string, 
/**
 * Version of the template, printed as "Lần ban hành". A template that has answers is
 * never edited: a new version is made.
 */
version: number, 
/**
 * Ngày ban hành, when known.
 */
issued_on: string | null, 
/**
 * The form's name, e.g. "Phiếu khảo sát"; printed in capitals.
 */
title: string, 
/**
 * Lines under the title, printed in capitals, e.g. "Sự hài lòng của các tổ chức, cá nhân".
 */
subtitle_lines: Array<string>, 
/**
 * Whether a "NĂM: …" line follows the title.
 */
year_line: boolean, 
/**
 * Paragraphs between the title and the first section.
 */
intro: Array<string>, sections: Array<SurveySection>, 
/**
 * The last line, e.g. "XIN TRÂN TRỌNG CẢM ƠN!".
 */
closing: string, 
/**
 * How many of the first levels of a rating scale count as satisfied in the
 * satisfaction index; by default all but the last on scales of three or fewer levels,
 * the first two on longer ones.
 */
satisfied_levels?: number, };

export type SurveySection = { heading: string | null, items: Array<SurveyItem>, };

export type SurveyItem = { "kind": "note", text: string, } | { "kind": "respondent", id: string, prompt: string, lines: number, } | { "kind": "choice", id: string, label: string | null, prompt: string, options: Array<string>, multiple: boolean, detail: FreeText | null, } | { "kind": "free_text", id: string, label: string | null, prompt: string, lines: number, } | { "kind": "rating_grid", id: string, label: string | null, prompt: string, criteria: Array<string>, scale: Array<string>, other_opinion: boolean, } | { "kind": "yes_no", id: string, label: string | null, prompt: string, yes: string, no: string, follow_up: FollowUp | null, };

export type FreeText = { prompt: string, lines: number, };

export type FollowUp = { 
/**
 * Asked when the answer is yes (true) or no (false).
 */
when_yes: boolean, prompt: string, 
/**
 * Printed "a. …", "b. …" in order.
 */
options: Array<string>, };

export type TemplateInfo = { id: string, 
/**
 * "bm-qt-sct-05-02": the template's name on the command line.
 */
key: string, version: number, code: string, title: string, 
/**
 * One of the templates every office has.
 */
builtin: boolean, 
/**
 * Rounds that use this version.
 */
rounds: number, 
/**
 * Forms entered against it: once there are any (or forms were printed), a change makes
 * a new version.
 */
responses: number, 
/**
 * The newest version of its key.
 */
latest: boolean, };

export type SurveyRound = { id: string, 
/**
 * "2026-01": the year of the period's start and the round's number in that year. Printed
 * on every form and carried by its QR code.
 */
code: string, name: string, period_from: string, period_to: string, template_id: string, template_key: string, template_version: number, template_code: string, 
/**
 * Forms printed so far; their serials are 1..=printed.
 */
printed: number, 
/**
 * The serial range printed, e.g. "00001–00150"; empty before the first printing.
 */
serial_range: string, 
/**
 * Forms entered (keyboard or import), not counting undone ones.
 */
entered: number, 
/**
 * «Phiếu nhập từ nơi khác»: the forms were typed into a spreadsheet before the app was
 * used, numbered by the office ("2026-0001"); they are imported with their numbers as
 * written and the round prints no forms.
 */
typed_elsewhere: boolean, };

export type RoundInput = { name: string, 
/**
 * YYYY-MM-DD or dd/mm/yyyy.
 */
period_from: string, period_to: string, 
/**
 * The template's key ("bm-qt-sct-05-02"); its newest version is used.
 */
template_key: string, };

export type ResponseInput = { round_id: string, 
/**
 * As typed or scanned: "17", "00017", or the QR code's text.
 */
serial: string, 
/**
 * The date written on the form (YYYY-MM-DD or dd/mm/yyyy); the day of entry when empty.
 */
filled_on: string, answers: Array<Answer>, 
/**
 * Keys pressed to enter this form (the entry screen counts them), for the benchmark of
 * entry speed; `null` for imports.
 */
keystrokes?: number, };

export type SurveyResponse = { id: string, round_id: string, serial: number, filled_on: string, 
/**
 * "keyboard", "import" (a file of typed forms), "scan" (read from its scanned pages) or
 * "demo"; see [`source_label`].
 */
source: string, entered_at: string, 
/**
 * Keys pressed to enter it on the entry screen (serial, answers, Enter); `null` for
 * imported forms.
 */
keystrokes: number | null, 
/**
 * The office's own number of a form of a round typed elsewhere ("2026-0001"); absent
 * otherwise.
 */
serial_written?: string, answers: Array<Answer>, };

export type EntrySheet = { round: SurveyRound, template: SurveyTemplate, slots: Array<EntrySlot>, };

export type EntrySlot = { code: string, 
/**
 * The question's label, e.g. "Câu hỏi 1", or its prompt when it has no label.
 */
question: string, 
/**
 * What this slot is on the paper: the criterion, the option, or the question itself.
 */
label: string, 
/**
 * Box labels, answered with the keys 1, 2, 3…; empty for a text slot.
 */
options: Array<string>, 
/**
 * A box answer (a key) is expected; text slots never are.
 */
required: boolean, 
/**
 * Asked only when the slot `code` was answered with box `value`.
 */
when: SlotCondition | null, };

export type SlotCondition = { code: string, value: number, };

export type SerialCheck = { "status": "free", serial: number, } | { "status": "duplicate", serial: number, message: string, } | { "status": "out_of_round", message: string, } | { "status": "invalid", message: string, };

export type Answer = { 
/**
 * The slot code, e.g. "cau_1.2".
 */
code: string, state: AnswerState, 
/**
 * The box number when `state` is `chosen`.
 */
value: number | null, 
/**
 * The words when `state` is `text`.
 */
text: string | null, };

export type AnswerState = "chosen" | "blank" | "spoiled" | "text";

export type ImportReport = { round_id: string, 
/**
 * Data rows read (the header and empty rows not counted).
 */
rows: number, 
/**
 * Forms saved: all rows, or 0 when there is any problem or for a dry run.
 */
imported: number, dry_run: boolean, problems: Array<ImportProblem>, 
/**
 * How a CSV file's bytes were read; `null` for a workbook.
 */
code_page: CodePage | null, 
/**
 * Cells typed in TCVN3 or VNI and converted to Unicode.
 */
converted_cells: number, 
/**
 * Which cells were converted, before → after (the first 1000 of them).
 */
conversions: Array<CellConversion>, };

export type ImportProblem = { row: number, message: string, };

export type PageStatus = "read" | "needs_review" | "unreadable";

export type ReadAnswer = { 
/**
 * The slot code, as in keyboard entry.
 */
code: string, 
/**
 * `chosen`, `blank` or `spoiled`.
 */
state: AnswerState, value: number | null, 
/**
 * How sure the reading is, 0–1.
 */
confidence: number, 
/**
 * A person must confirm it.
 */
review: boolean, };

export type ScannedPage = { 
/**
 * The file's name.
 */
file: string, 
/**
 * The page in the file, from 1.
 */
page: number, 
/**
 * The form's serial, from its QR code; `null` when it could not be read.
 */
serial: number | null, status: PageStatus, answers: Array<ReadAnswer>, };

export type ReviewPage = { id: string, file: string, page: number, serial: number | null, 
/**
 * The page of the form, from its QR code.
 */
form_page: number | null, status: PageStatus, answers: Array<ReadAnswer>, 
/**
 * Why the page waits, in a sentence.
 */
problem: string | null, };

export type ScanReport = { pages: Array<ScannedPage>, 
/**
 * Files skipped whole, each with the reason.
 */
skipped: Array<SkippedFile>, 
/**
 * Forms saved (with `--save`).
 */
saved: number, 
/**
 * Pages left in the review queue (with `--save`).
 */
waiting: number, };

export type SkippedFile = { file: string, message: string, };

export type ScanConfirmInput = { round_id: string, page_ids: Array<string>, serial: string, filled_on: string, answers: Array<Answer>, };

export type ScanFile = { name: string, 
/**
 * The content in base64: a copier's PDF is tens of megabytes, which as a JSON array of
 * numbers would be some 3.5 bytes a byte, parsed number by number.
 */
bytes: string, };

export type ScanInbox = { 
/**
 * The folder; `null` when nothing is watched.
 */
folder: string | null, 
/**
 * The round the files are read into; `null`: the round open today (its period covers
 * today, its forms printed by the app), the one that began last when several are.
 */
round_id: string | null, };

export type AccessStateArgs = Record<symbol, never>;

export type SignInArgs = { login: string, password: string, };

export type SignOutArgs = Record<symbol, never>;

export type LockScreenArgs = Record<symbol, never>;

export type UnlockScreenArgs = { password: string, };

export type PasswordChangeArgs = { current: string, new: string, };

export type AccountsListArgs = Record<symbol, never>;

export type AccountCreateArgs = { input: AccountInput, };

export type FirstAdminCreateArgs = { input: FirstAdminInput, };

export type AccountResetPasswordArgs = { id: string, password: string, };

export type AccountUnlockArgs = { id: string, };

export type AccountSetDisabledArgs = { id: string, disabled: boolean, };

export type AccountPolicySaveArgs = { policy: AccountPolicy, };

export type OfficeGetArgs = Record<symbol, never>;

export type OfficeSaveArgs = { profile: OfficeProfile, };

export type UnitsListArgs = Record<symbol, never>;

export type UnitSaveArgs = { unit: UnitInput, };

export type UnitDeleteArgs = { id: string, };

export type StaffListArgs = { query: string | null, };

export type StaffSaveArgs = { staff: StaffInput, };

export type StaffDeleteArgs = { id: string, };

export type SettingsGetArgs = Record<symbol, never>;

export type DocumentControlGetArgs = Record<symbol, never>;

export type DocumentControlSaveArgs = { control: DocumentControl, };

export type SettingsSaveArgs = { settings: Settings, };

export type AuditLogArgs = { limit: number, };

export type AuditSearchArgs = { filter: AuditFilter, };

export type AuditChainArgs = Record<symbol, never>;

export type VocabularyArgs = Record<symbol, never>;

export type HolidaysListArgs = Record<symbol, never>;

export type HolidayAddArgs = { day: string, name: string, };

export type HolidayRemoveArgs = { day: string, };

export type FeedbackAddArgs = { input: FeedbackInput, };

export type FeedbackCorrectArgs = { id: string, correction: CorrectionInput, };

export type FeedbackWithdrawArgs = { id: string, reason: string, };

export type FeedbackListArgs = { filter: FeedbackFilter, };

export type CaseCountsArgs = Record<symbol, never>;

export type CaseGetArgs = { id: string, };

export type CaseMoveArgs = { id: string, step: MoveInput, };

export type CaseRecordStepArgs = { id: string, step: StepInput, };

export type CaseSetExceptionArgs = { id: string, exception: ExceptionInput, };

export type CaseConfirmArgs = { id: string, staffId: string, };

export type CaseConfirmBatchArgs = { batch: ConfirmBatchInput, };

export type CaseAcceptArgs = { id: string, acceptance: AcceptanceInput, };

export type CaseComplexArgs = { id: string, complex: ComplexInput, };

export type CaseSettlementSeenArgs = { id: string, };

export type ReplyDraftArgs = { caseId: string, letterId: string | null, number: string, body: string, };

export type ReplySignArgs = { letterId: string, signerName: string, signerTitle: string, on: string, };

export type LettersToSignArgs = Record<symbol, never>;

export type ReplySignBatchArgs = { batch: SignBatchInput, };

export type ReplySendArgs = { letterId: string, on: string, via: string, };

export type MeasuresLetterDraftArgs = { receiptNo: string, };

export type CustomerNoticeRecordArgs = { notice: CustomerNoticeInput, };

export type ActionsListArgs = Record<symbol, never>;

export type ActionsRegisterArgs = { filter: ActionFilter, };

export type ActionSaveArgs = { action: ActionInput, };

export type ActionSetStatusArgs = { id: string, status: ActionStatus, };

export type ActionCheckArgs = { id: string, effective: boolean, note: string, on: string, };

export type PrintOpenArgs = { job: PrintJob, };

export type PrintPreviewArgs = { job: PrintJob, };

export type PrintSaveArgs = { job: PrintJob, path: string, };

export type PrintKeepDaysArgs = Record<symbol, never>;

export type ReportFiguresArgs = { period: PeriodQuery, };

export type SurveyFormsBehindArgs = { period: PeriodQuery, query: FormsQuery, };

export type AnnualTextsGetArgs = { year: number, };

export type AnnualTextsSaveArgs = { year: number, texts: AnnualTexts, };

export type ObjectiveSetArgs = { year: number, metric: Metric, target: number | null, };

export type OpinionsListArgs = { period: PeriodQuery, };

export type OpinionClassifyArgs = { responseId: string, code: string, group: string, };

export type AnnualDocxSaveArgs = { year: number, path: string, };

export type ComplaintsDocxSaveArgs = { year: number, path: string, };

export type AnnualXlsxSaveArgs = { year: number, path: string, };

export type ArchivedReportsArgs = Record<symbol, never>;

export type ArchivedReportSaveArgs = { id: string, path: string, };

export type BundleKeyArgs = Record<symbol, never>;

export type BundleExportArgs = { from: string, to: string, withRecords: boolean, path: string, };

export type BundleSettingsGetArgs = Record<symbol, never>;

export type BundleSettingsSaveArgs = { settings: ConsolidationSettings, };

export type BundleTrustArgs = { name: string, key: string, };

export type BundleOfficesArgs = Record<symbol, never>;

export type BundleImportArgs = { path: string, passphrase: string | null, };

export type BundlesListArgs = Record<symbol, never>;

export type BundleInboxArgs = Record<symbol, never>;

export type ReportFiguresOfficesArgs = { year: number, offices: Array<string>, };

export type BundleRecordsArgs = { office: string, year: number, figure: string, };

export type ConsolidatedReportSaveArgs = { year: number, path: string, };

export type SurveyTemplatesArgs = Record<symbol, never>;

export type SurveyTemplateGetArgs = { id: string, };

export type SurveyTemplateSaveArgs = { template: SurveyTemplate, };

export type SurveyTemplateImportArgs = { json: string, };

export type SurveyTemplateExportArgs = { key: string, version: number | null, };

export type SurveyRoundsArgs = Record<symbol, never>;

export type SurveyRoundCreateArgs = { input: RoundInput, };

export type SurveyRoundTypedElsewhereArgs = { roundId: string, typedElsewhere: boolean, };

export type SurveyPrintArgs = { roundId: string, count: number, };

export type SurveyEntrySheetArgs = { roundId: string, };

export type SurveyCheckSerialArgs = { roundId: string, serial: string, };

export type SurveyResponseSaveArgs = { input: ResponseInput, };

export type SurveyResponseUndoArgs = { roundId: string, };

export type SurveyResponsesArgs = { roundId: string, };

export type SurveyResponsesExportArgs = { roundId: string, out: string, };

export type SurveyLayoutArgs = { roundId: string, };

export type SurveyImportArgs = { roundId: string, name: string, bytes: Array<number>, dryRun: boolean, };

export type SurveyScanArgs = { roundId: string, files: Array<ScanFile>, save: boolean, };

export type SurveyScanReviewArgs = { roundId: string, };

export type SurveyScanConfirmArgs = { input: ScanConfirmInput, };

export type SurveyScanImageArgs = { pageId: string, code: string | null, };

export type SurveyScanInboxGetArgs = Record<symbol, never>;

export type SurveyScanInboxSetArgs = { inbox: ScanInbox, };

export type KiosksListArgs = Record<symbol, never>;

export type KioskAddArgs = { input: KioskInput, };

export type KioskPairArgs = { id: string, };

export type KioskDisableArgs = { id: string, };

export type KioskArmArgs = { id: string, caseId: string | null, };

export type KioskFiguresArgs = { period: PeriodQuery, };

export type BackupSettingsGetArgs = Record<symbol, never>;

export type BackupSettingsSaveArgs = { settings: BackupSettings, };

export type BackupsListArgs = Record<symbol, never>;

export type BackupStateArgs = Record<symbol, never>;

export type BackupNowArgs = Record<symbol, never>;

export type ImportLedgerArgs = { path: string, commit: boolean, };

export type ExportRecordsArgs = { what: string, out: string, from: string | null, to: string | null, };

export type RetentionDueArgs = { on: string, };

export type RetentionDisposeArgs = { on: string, out: string, only?: RecordType, };

export type PrivacyNoticeGetArgs = Record<symbol, never>;

export type PrivacyNoticePrintedArgs = Record<symbol, never>;

export type PrivacyNoticeSaveArgs = { text: string, };

export type CaseContactArgs = { id: string, };

export type PersonFindArgs = { query: PersonQuery, };

export type PersonExportArgs = { selection: PersonSelection, out: string, };

export type PersonEraseArgs = { request: ErasureRequest, };

export type EncryptionStatusArgs = Record<symbol, never>;

export type EncryptionOnArgs = { passphrase: string, };

export type EncryptionChangeArgs = { current: string, passphrase: string, };

export type EncryptionOffArgs = { current: string, };

export type EncryptionRemovePlainBackupsArgs = Record<symbol, never>;

export type Commands = {
  access_state: { args: AccessStateArgs; result: AccessState };
  sign_in: { args: SignInArgs; result: SignedIn };
  sign_out: { args: SignOutArgs; result: null };
  lock_screen: { args: LockScreenArgs; result: null };
  unlock_screen: { args: UnlockScreenArgs; result: SignedIn };
  password_change: { args: PasswordChangeArgs; result: SignedIn };
  accounts_list: { args: AccountsListArgs; result: Array<Account> };
  account_create: { args: AccountCreateArgs; result: Account };
  first_admin_create: { args: FirstAdminCreateArgs; result: SignedIn };
  account_reset_password: { args: AccountResetPasswordArgs; result: Account };
  account_unlock: { args: AccountUnlockArgs; result: Account };
  account_set_disabled: { args: AccountSetDisabledArgs; result: Account };
  account_policy_save: { args: AccountPolicySaveArgs; result: AccountPolicy };
  office_get: { args: OfficeGetArgs; result: OfficeProfile | null };
  office_save: { args: OfficeSaveArgs; result: OfficeProfile };
  units_list: { args: UnitsListArgs; result: Array<Unit> };
  unit_save: { args: UnitSaveArgs; result: Unit };
  unit_delete: { args: UnitDeleteArgs; result: null };
  staff_list: { args: StaffListArgs; result: Array<Staff> };
  staff_save: { args: StaffSaveArgs; result: Staff };
  staff_delete: { args: StaffDeleteArgs; result: null };
  settings_get: { args: SettingsGetArgs; result: Settings };
  document_control_get: { args: DocumentControlGetArgs; result: DocumentControl };
  document_control_save: { args: DocumentControlSaveArgs; result: DocumentControl };
  settings_save: { args: SettingsSaveArgs; result: Settings };
  audit_log: { args: AuditLogArgs; result: Array<AuditEntry> };
  audit_search: { args: AuditSearchArgs; result: Array<AuditEntry> };
  audit_chain: { args: AuditChainArgs; result: ChainReport };
  vocabulary: { args: VocabularyArgs; result: Vocabulary };
  holidays_list: { args: HolidaysListArgs; result: Array<Holiday> };
  holiday_add: { args: HolidayAddArgs; result: null };
  holiday_remove: { args: HolidayRemoveArgs; result: null };
  feedback_add: { args: FeedbackAddArgs; result: Case };
  feedback_correct: { args: FeedbackCorrectArgs; result: Case };
  feedback_withdraw: { args: FeedbackWithdrawArgs; result: Case };
  feedback_list: { args: FeedbackListArgs; result: FeedbackPage };
  case_counts: { args: CaseCountsArgs; result: CaseCounts };
  case_get: { args: CaseGetArgs; result: Case };
  case_move: { args: CaseMoveArgs; result: Case };
  case_record_step: { args: CaseRecordStepArgs; result: Case };
  case_set_exception: { args: CaseSetExceptionArgs; result: Case };
  case_confirm: { args: CaseConfirmArgs; result: Case };
  case_confirm_batch: { args: CaseConfirmBatchArgs; result: BatchOutcome };
  case_accept: { args: CaseAcceptArgs; result: Case };
  case_complex: { args: CaseComplexArgs; result: Case };
  case_settlement_seen: { args: CaseSettlementSeenArgs; result: Case };
  reply_draft: { args: ReplyDraftArgs; result: Case };
  reply_sign: { args: ReplySignArgs; result: Case };
  letters_to_sign: { args: LettersToSignArgs; result: Array<LetterToSign> };
  reply_sign_batch: { args: ReplySignBatchArgs; result: BatchOutcome };
  reply_send: { args: ReplySendArgs; result: Case };
  measures_letter_draft: { args: MeasuresLetterDraftArgs; result: MeasuresLetter };
  customer_notice_record: { args: CustomerNoticeRecordArgs; result: Case };
  actions_list: { args: ActionsListArgs; result: Array<CorrectiveAction> };
  actions_register: { args: ActionsRegisterArgs; result: Array<CorrectiveAction> };
  action_save: { args: ActionSaveArgs; result: CorrectiveAction };
  action_set_status: { args: ActionSetStatusArgs; result: CorrectiveAction };
  action_check: { args: ActionCheckArgs; result: CorrectiveAction };
  print_open: { args: PrintOpenArgs; result: PrintOutcome };
  print_preview: { args: PrintPreviewArgs; result: PrintPreview };
  print_save: { args: PrintSaveArgs; result: PrintOutcome };
  print_keep_days: { args: PrintKeepDaysArgs; result: number };
  report_figures: { args: ReportFiguresArgs; result: FiguresReport };
  survey_forms_behind: { args: SurveyFormsBehindArgs; result: FormsBehind };
  annual_texts_get: { args: AnnualTextsGetArgs; result: AnnualTexts };
  annual_texts_save: { args: AnnualTextsSaveArgs; result: null };
  objective_set: { args: ObjectiveSetArgs; result: null };
  opinions_list: { args: OpinionsListArgs; result: Array<Opinion> };
  opinion_classify: { args: OpinionClassifyArgs; result: null };
  annual_docx_save: { args: AnnualDocxSaveArgs; result: string };
  complaints_docx_save: { args: ComplaintsDocxSaveArgs; result: string };
  annual_xlsx_save: { args: AnnualXlsxSaveArgs; result: string };
  archived_reports: { args: ArchivedReportsArgs; result: Array<ArchivedReport> };
  archived_report_save: { args: ArchivedReportSaveArgs; result: string };
  bundle_key: { args: BundleKeyArgs; result: BundleKey };
  bundle_export: { args: BundleExportArgs; result: ExportedBundle };
  bundle_settings_get: { args: BundleSettingsGetArgs; result: ConsolidationSettings };
  bundle_settings_save: { args: BundleSettingsSaveArgs; result: ConsolidationSettings };
  bundle_trust: { args: BundleTrustArgs; result: TrustedOffice };
  bundle_offices: { args: BundleOfficesArgs; result: Array<TrustedOffice> };
  bundle_import: { args: BundleImportArgs; result: BundleImport };
  bundles_list: { args: BundlesListArgs; result: Array<ImportedBundle> };
  bundle_inbox: { args: BundleInboxArgs; result: Array<InboxEntry> };
  report_figures_offices: { args: ReportFiguresOfficesArgs; result: ConsolidatedFigures };
  bundle_records: { args: BundleRecordsArgs; result: OfficeRecords };
  consolidated_report_save: { args: ConsolidatedReportSaveArgs; result: string };
  survey_templates: { args: SurveyTemplatesArgs; result: Array<TemplateInfo> };
  survey_template_get: { args: SurveyTemplateGetArgs; result: SurveyTemplate };
  survey_template_save: { args: SurveyTemplateSaveArgs; result: TemplateInfo };
  survey_template_import: { args: SurveyTemplateImportArgs; result: TemplateInfo };
  survey_template_export: { args: SurveyTemplateExportArgs; result: string };
  survey_rounds: { args: SurveyRoundsArgs; result: Array<SurveyRound> };
  survey_round_create: { args: SurveyRoundCreateArgs; result: SurveyRound };
  survey_round_typed_elsewhere: { args: SurveyRoundTypedElsewhereArgs; result: SurveyRound };
  survey_print: { args: SurveyPrintArgs; result: PrintOutcome };
  survey_entry_sheet: { args: SurveyEntrySheetArgs; result: EntrySheet };
  survey_check_serial: { args: SurveyCheckSerialArgs; result: SerialCheck };
  survey_response_save: { args: SurveyResponseSaveArgs; result: SurveyResponse };
  survey_response_undo: { args: SurveyResponseUndoArgs; result: SurveyResponse | null };
  survey_responses: { args: SurveyResponsesArgs; result: Array<SurveyResponse> };
  survey_responses_export: { args: SurveyResponsesExportArgs; result: ExportReport };
  survey_layout: { args: SurveyLayoutArgs; result: SurveyLayout | null };
  survey_import: { args: SurveyImportArgs; result: ImportReport };
  survey_scan: { args: SurveyScanArgs; result: ScanReport };
  survey_scan_review: { args: SurveyScanReviewArgs; result: Array<ReviewPage> };
  survey_scan_confirm: { args: SurveyScanConfirmArgs; result: SurveyResponse };
  survey_scan_image: { args: SurveyScanImageArgs; result: string };
  survey_scan_inbox_get: { args: SurveyScanInboxGetArgs; result: ScanInbox };
  survey_scan_inbox_set: { args: SurveyScanInboxSetArgs; result: ScanInbox };
  kiosks_list: { args: KiosksListArgs; result: Array<Kiosk> };
  kiosk_add: { args: KioskAddArgs; result: KioskPairing };
  kiosk_pair: { args: KioskPairArgs; result: KioskPairing };
  kiosk_disable: { args: KioskDisableArgs; result: Kiosk };
  kiosk_arm: { args: KioskArmArgs; result: Kiosk };
  kiosk_figures: { args: KioskFiguresArgs; result: KioskFigures };
  backup_settings_get: { args: BackupSettingsGetArgs; result: BackupSettings };
  backup_settings_save: { args: BackupSettingsSaveArgs; result: BackupSettings };
  backups_list: { args: BackupsListArgs; result: Array<BackupFile> };
  backup_state: { args: BackupStateArgs; result: BackupState };
  backup_now: { args: BackupNowArgs; result: BackupFile };
  import_ledger: { args: ImportLedgerArgs; result: ImportPreview };
  export_records: { args: ExportRecordsArgs; result: ExportReport };
  retention_due: { args: RetentionDueArgs; result: RetentionDue };
  retention_dispose: { args: RetentionDisposeArgs; result: DisposalReport };
  privacy_notice_get: { args: PrivacyNoticeGetArgs; result: string };
  privacy_notice_printed: { args: PrivacyNoticePrintedArgs; result: string };
  privacy_notice_save: { args: PrivacyNoticeSaveArgs; result: string };
  case_contact: { args: CaseContactArgs; result: Contact };
  person_find: { args: PersonFindArgs; result: Array<PersonMatch> };
  person_export: { args: PersonExportArgs; result: ExportReport };
  person_erase: { args: PersonEraseArgs; result: ErasureReport };
  encryption_status: { args: EncryptionStatusArgs; result: EncryptionStatus };
  encryption_on: { args: EncryptionOnArgs; result: EncryptionReport };
  encryption_change: { args: EncryptionChangeArgs; result: EncryptionReport };
  encryption_off: { args: EncryptionOffArgs; result: EncryptionReport };
  encryption_remove_plain_backups: { args: EncryptionRemovePlainBackupsArgs; result: Array<string> };
}
