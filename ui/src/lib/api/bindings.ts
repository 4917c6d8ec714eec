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

export type ErrorReport = { "kind": "validation", field: string, message: string, } | { "kind": "not_found", entity: string, id: string, message: string, } | { "kind": "conflict", message: string, } | { "kind": "newer_schema", found: number, supported: number, message: string, } | { "kind": "network_drive", path: string, message: string, } | { "kind": "not_a_database", path: string, message: string, } | { "kind": "corrupt", message: string, } | { "kind": "storage", message: string, } | { "kind": "io", message: string, } | { "kind": "pdf", message: string, } | { "kind": "cancelled", message: string, };

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
survey_retention_years: number, };

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

export type Term = { value: string, label: string, };

export type Vocabulary = { channels: Array<Term>, kinds: Array<Term>, subjects: Array<Term>, customer_groups: Array<Term>, books: Array<Term>, statuses: Array<Term>, steps: Array<Term>, letter_statuses: Array<Term>, action_kinds: Array<Term>, action_statuses: Array<Term>, roles: Array<Term>, };

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
confirmed_by_name: string | null, confirmed_at: string | null, };

export type FeedbackPage = { total: number, rows: Array<FeedbackRow>, };

export type FeedbackFilter = { 
/**
 * Searched in the customer, the content and the receipt number, ignoring accents and case.
 */
search?: string, status?: Status, kind?: Kind, subject?: Subject, book?: Book, unit_id?: string, 
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
 * Only open cases whose deadline falls within the due-soon window of this date.
 */
due_soon_on?: string, limit?: number, offset?: number, };

export type Case = { id: string, receipt_no: string, received_at: string, channel: Channel, kind: Kind, subject: Subject, book: Book, customer_name: string, customer_org: string, customer_address: string, customer_phone: string, customer_email: string, customer_group: CustomerGroup, content: string, receiver_id: string | null, receiver_name: string | null, unit_id: string | null, unit_name: string | null, written: boolean, formal: boolean, complex: boolean, status: Status, resolution: string, closed_at: string | null, confirmed_by_name: string | null, confirmed_at: string | null, deadlines: Deadlines, history: Array<CaseEvent>, steps: Array<CaseStep>, letters: Array<ReplyLetter>, actions: Array<CorrectiveAction>, 
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
 * Whether the case was (or is, if open) past its deadline on the day asked.
 */
overdue: boolean, 
/**
 * Days left until the deadline on the day asked (negative when overdue); absent once closed.
 */
days_left: number | null, };

export type CaseEvent = { at: string, actor: string, staff_name: string | null, from_status: Status | null, to_status: Status, channel: Channel | null, note: string, };

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
staff_id?: string, };

export type StepInput = { step: StepKind, 
/**
 * YYYY-MM-DD
 */
on_date: string, staff_id?: string, note: string, };

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
cases: Array<string>, };

export type ActionInput = { id?: string, kind: ActionKind, cause: string, action: string, owner_id: string | null, due_date: string, 
/**
 * Ids of the cases this action answers.
 */
case_ids: Array<string>, };

export type ActionKind = "corrective" | "preventive" | "improvement";

export type ActionStatus = "open" | "in_progress" | "done" | "verified";

export type Holiday = { 
/**
 * YYYY-MM-DD
 */
day: string, name: string, };

export type BackupSettings = { 
/**
 * The folder the office chose (a USB drive, say); empty until chosen.
 */
folder: string, 
/**
 * How many of the newest backups are kept; older ones are deleted after a new backup.
 */
keep: number, };

export type BackupFile = { path: string, file_name: string, bytes: number, 
/**
 * When it was made, office local time `YYYY-MM-DDTHH:MM:SS`, read from its name.
 */
made_at: string, };

export type FileCheck = { ok: boolean, schema_version: number, problems: Array<string>, };

export type RestoreReport = { restored_from: string, 
/**
 * The copy of the database as it was before the restore.
 */
previous_copy: string | null, schema_version: number, };

export type ImportPreview = { file_name: string, sheet: string, 
/**
 * `unicode`, `tcvn3` or `vni`: the encoding the text was found in.
 */
encoding: Encoding, encoding_label: string, 
/**
 * Cells converted from the legacy encoding to Unicode.
 */
converted_cells: number, 
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

export type ExportReport = { path: string, rows: number, bytes: number, };

export type RetentionDue = { on: string, 
/**
 * `ledger`: the feedback book and the case files.
 */
record_type: string, record_label: string, retention_years: number, records: Array<DueRecord>, };

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

export type Disposal = { id: string, on_date: string, record_type: string, retention_years: number, records: Array<DueRecord>, 
/**
 * Audit entries whose before/after were erased with the records.
 */
redacted_audit_entries: number, };

export type DisposalReport = { disposal: Disposal, path: string, bytes: number, };

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
 * `import`, `export` or `backup`.
 */
task: string, done: number, total: number, };

export type PrintJob = { "form": "receipts", receipt_nos: Array<string>, } | { "form": "reply_letter", letter_id: string, } | { "form": "ledger_period", from: string, to: string, } | { "form": "ledger_blank", pages: number, year: number | null, } | { "form": "survey_blank", year: number | null, serial: string | null, } | { "form": "feedback_letter", addressee: string | null, date: string | null, };

export type PrintOutcome = { path: string, opened: boolean, };
