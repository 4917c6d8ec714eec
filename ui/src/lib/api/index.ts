// One typed function per command. With accounts.ts, surveys.ts and encryption.ts, the only
// modules the rest of the UI imports to reach the Rust side, so a renamed command or argument
// is fixed in one place; each calls the one transport, `call` (transport.ts).

import { call, on, tell, type DeskChoice, type DeskState } from './transport';
import type {
  AcceptanceInput,
  ActionFilter,
  BatchOutcome,
  ComplexInput,
  ConfirmBatchInput,
  LetterToSign,
  SignBatchInput,
  ActionInput,
  CorrectionInput,
  ActionStatus,
  AnnualTexts,
  ArchivedReport,
  AppInfo,
  AuditEntry,
  AuditFilter,
  BackupFile,
  BackupSettings,
  BackupState,
  ChainReport,
  DisposalReport,
  ExportReport,
  ImportPreview,
  RestoreReport,
  RetentionDue,
  TaskProgress,
  Case,
  CaseCounts,
  Contact,
  ErasureReport,
  ErasureRequest,
  CorrectiveAction,
  CustomerNoticeInput,
  DocumentControl,
  ExceptionInput,
  MeasuresLetter,
  FeedbackFilter,
  FeedbackInput,
  FeedbackPage,
  FiguresReport,
  FormsBehind,
  FormsQuery,
  Holiday,
  Metric,
  MoveInput,
  OfficeProfile,
  Opinion,
  PersonMatch,
  PersonQuery,
  PersonSelection,
  PeriodQuery,
  PrintJob,
  PrintOutcome,
  PrintPreview,
  RecordType,
  Settings,
  Staff,
  StaffInput,
  StepInput,
  Unit,
  UnitInput,
  Vocabulary,
} from './bindings';

export function appInfo(): Promise<AppInfo> {
  return call('app_info');
}

// ---- How this window works: this PC's data, or a desk of the office server ----

export { chooseFolder, chooseOpenFile, chooseSavePath, inBrowser } from './transport';
export type { DeskChoice, DeskMode, DeskState } from './transport';

/** This desk's mode, and the server it works on (with its pairing code) in server mode. */
export function deskGet(): Promise<DeskState> {
  return call('desk_get');
}

/** Switches to this PC's data, or connects to the server whose pairing code is `pin`. */
export function deskSet(choice: DeskChoice): Promise<DeskState> {
  return call('desk_set', choice);
}

/** What the other side says was just written (here or at another desk). */
export type LedgerChange = {
  command: string;
  case: { id: string; receipt_no: string; status: string; unit_id: string | null } | null;
  by: string;
};

/** Calls `f` after every write, this desk's or another's (the book, the queue refresh on it). */
export function onLedgerChanged(f: (change: LedgerChange) => void): Promise<() => void> {
  return on<LedgerChange>('ledger-changed', f);
}

/** Calls `f` when the connection to the office server is lost and when it is back. */
export function onConnection(f: (change: { state: 'lost' | 'restored' }) => void): Promise<() => void> {
  return on('connection', f);
}

export function officeGet(): Promise<OfficeProfile | null> {
  return call('office_get');
}

export function officeSave(profile: OfficeProfile): Promise<OfficeProfile> {
  return call('office_save', { profile });
}

export function unitsList(): Promise<Unit[]> {
  return call('units_list');
}

export function unitSave(unit: UnitInput): Promise<Unit> {
  return call('unit_save', { unit });
}

export function unitDelete(id: string): Promise<null> {
  return call('unit_delete', { id });
}

/** Blank or whitespace-only queries list everyone; the core folds accents itself. */
export function staffList(query?: string | null): Promise<Staff[]> {
  const q = (query ?? '').trim();
  return call('staff_list', { query: q === '' ? null : q });
}

export function staffSave(staff: StaffInput): Promise<Staff> {
  return call('staff_save', { staff });
}

export function staffDelete(id: string): Promise<null> {
  return call('staff_delete', { id });
}

export function settingsGet(): Promise<Settings> {
  return call('settings_get');
}

export function settingsSave(settings: Settings): Promise<Settings> {
  return call('settings_save', { settings });
}

/** The code, issue, issue date and revision of every printed form. */
export function documentControlGet(): Promise<DocumentControl> {
  return call('document_control_get');
}

export function documentControlSave(control: DocumentControl): Promise<DocumentControl> {
  return call('document_control_save', { control });
}

/** Days a print stays in the «Bản in» folder: the setting, or 0 while the data is encrypted. */
export function printKeepDays(): Promise<number> {
  return call('print_keep_days');
}

export function auditLog(limit: number): Promise<AuditEntry[]> {
  return call('audit_log', { limit });
}

/** The entries an auditor filters for, newest first. */
export function auditSearch(filter: AuditFilter): Promise<AuditEntry[]> {
  return call('audit_search', { filter });
}

/** The audit log's hash chain verified from its first entry. */
export function auditChain(): Promise<ChainReport> {
  return call('audit_chain');
}

// ---- Vocabulary: every closed list with its Vietnamese labels, from the Rust enums ----

export function vocabulary(): Promise<Vocabulary> {
  return call('vocabulary');
}

// ---- The feedback book and its cases ----

/** Records one piece of feedback; the case comes back with its receipt number. */
export function feedbackAdd(input: FeedbackInput): Promise<Case> {
  return call('feedback_add', { input });
}

/** Corrects a saved entry with its reason; refused to whoever may not (see the core). */
export function feedbackCorrect(id: string, correction: CorrectionInput): Promise<Case> {
  return call('feedback_correct', { id, correction });
}

/** Withdraws an entry made by mistake («nhập nhầm»): kept, marked, counted nowhere. */
export function feedbackWithdraw(id: string, reason: string): Promise<Case> {
  return call('feedback_withdraw', { id, reason });
}

export function feedbackList(filter: FeedbackFilter): Promise<FeedbackPage> {
  return call('feedback_list', { filter });
}

/** Open, overdue and due-soon cases on the office's today. */
export function caseCounts(): Promise<CaseCounts> {
  return call('case_counts');
}

export function caseGet(id: string): Promise<Case> {
  return call('case_get', { id });
}

/** One move along the procedure; refused with a "conflict" when it is not allowed now. */
export function caseMove(id: string, step: MoveInput): Promise<Case> {
  return call('case_move', { id, step });
}

export function caseRecordStep(id: string, step: StepInput): Promise<Case> {
  return call('case_record_step', { id, step });
}

export function caseSetException(id: string, exception: ExceptionInput): Promise<Case> {
  return call('case_set_exception', { id, exception });
}

/** "Xác nhận của trưởng phòng/đơn vị" by the staff member `staffId`. */
export function caseConfirm(id: string, staffId: string): Promise<Case> {
  return call('case_confirm', { id, staffId });
}

/** A unit head confirms every unconfirmed entry of their unit received in a period (R1.4). */
export function caseConfirmBatch(batch: ConfirmBatchInput): Promise<BatchOutcome> {
  return call('case_confirm_batch', { batch });
}

/** A formal complaint's acceptance decision (thụ lý or not), with its reason. */
export function caseAccept(id: string, acceptance: AcceptanceInput): Promise<Case> {
  return call('case_accept', { id, acceptance });
}

/** A formal complaint marked complex (vụ việc phức tạp: 45 days to decide), with why. */
export function caseComplex(id: string, complex: ComplexInput): Promise<Case> {
  return call('case_complex', { id, complex });
}

/** The QMR has seen a settlement on the spot: it leaves the QMR's list. */
export function caseSettlementSeen(id: string): Promise<Case> {
  return call('case_settlement_seen', { id });
}

// ---- Reply letters (công văn trả lời) ----

/** The drafts waiting for leadership's signature, oldest first. */
export function lettersToSign(): Promise<LetterToSign[]> {
  return call('letters_to_sign');
}

/** Signs several drafts at once, by one signer on one day. */
export function replySignBatch(batch: SignBatchInput): Promise<BatchOutcome> {
  return call('reply_sign_batch', { batch });
}

/** A new draft when `letterId` is null, else rewrites that unsigned draft. */
export function replyDraft(caseId: string, letterId: string | null, number: string, body: string): Promise<Case> {
  return call('reply_draft', { caseId, letterId, number, body });
}

export function replySign(letterId: string, signerName: string, signerTitle: string, on: string): Promise<Case> {
  return call('reply_sign', { letterId, signerName, signerTitle, on });
}

export function replySend(letterId: string, on: string, via: string): Promise<Case> {
  return call('reply_send', { letterId, on, via });
}

/** The letter telling the customer the evaluation and the measures taken, as drafted. */
export function measuresLetterDraft(receiptNo: string): Promise<MeasuresLetter> {
  return call('measures_letter_draft', { receiptNo });
}

/** That the measures letter was sent, when and how; answers the case with it in its history. */
export function customerNoticeRecord(notice: CustomerNoticeInput): Promise<Case> {
  return call('customer_notice_record', { notice });
}

// ---- Corrective actions (QT-07-HTCL) ----

export function actionsList(): Promise<CorrectiveAction[]> {
  return call('actions_list');
}

/** The register: every action with where it stands today, filtered by state and unit. */
export function actionsRegister(filter: ActionFilter): Promise<CorrectiveAction[]> {
  return call('actions_register', { filter });
}

/** Creates or updates an action; `case_ids` replaces the cases it is linked to. */
export function actionSave(action: ActionInput): Promise<CorrectiveAction> {
  return call('action_save', { action });
}

export function actionSetStatus(id: string, status: ActionStatus): Promise<CorrectiveAction> {
  return call('action_set_status', { id, status });
}

export function actionCheck(id: string, effective: boolean, note: string, on: string): Promise<CorrectiveAction> {
  return call('action_check', { id, effective, note, on });
}

// ---- Holidays, which working-day deadlines skip ----

export function holidaysList(): Promise<Holiday[]> {
  return call('holidays_list');
}

export function holidayAdd(day: string, name: string): Promise<null> {
  return call('holiday_add', { day, name });
}

export function holidayRemove(day: string): Promise<null> {
  return call('holiday_remove', { day });
}

// ---- Printing: the core draws the PDF; the app saves it and opens the viewer ----

/** Prints into the office's print folder and opens the system's PDF viewer. */
export function printOpen(job: PrintJob): Promise<PrintOutcome> {
  return call('print_open', { job });
}

/** Draws the document for the print preview: the PDF comes back in the answer, no file is written. */
export function printPreview(job: PrintJob): Promise<PrintPreview> {
  return call('print_preview', { job });
}

/** Prints into `path`, chosen in the native save dialog. */
export function printSave(job: PrintJob, path: string): Promise<PrintOutcome> {
  return call('print_save', { job, path });
}

// ---- Reports ----

/** The figures of a period against the same period a year before (and a year's quarters). */
export function reportFigures(period: PeriodQuery): Promise<FiguresReport> {
  return call('report_figures', { period });
}

/** The survey forms behind a number of the period's survey figures. */
export function surveyFormsBehind(period: PeriodQuery, query: FormsQuery): Promise<FormsBehind> {
  return call('survey_forms_behind', { period, query });
}

/** What staff wrote into the annual report of `year` (empty until saved). */
export function annualTextsGet(year: number): Promise<AnnualTexts> {
  return call('annual_texts_get', { year });
}

export function annualTextsSave(year: number, texts: AnnualTexts): Promise<null> {
  return call('annual_texts_save', { year, texts });
}

/** The Word copy of the annual report, saved at `path`; resolves to the path written. */
export function annualDocxSave(year: number, path: string): Promise<string> {
  return call('annual_docx_save', { year, path });
}

/** Writes the compilation of the year's complaints as a Word file at `path`; answers the path. */
export function complaintsDocxSave(year: number, path: string): Promise<string> {
  return call('complaints_docx_save', { year, path });
}

/** The figures of the annual report as an Excel workbook at `path`; resolves to the path written. */
export function annualXlsxSave(year: number, path: string): Promise<string> {
  return call('annual_xlsx_save', { year, path });
}

/** Reports archived when they were printed, newest first. */
export function archivedReports(): Promise<ArchivedReport[]> {
  return call('archived_reports');
}

/** An archived report written back byte for byte at `path`; resolves to the path written. */
export function archivedReportSave(id: string, path: string): Promise<string> {
  return call('archived_report_save', { id, path });
}

/** The opinions written on survey forms filled in the period, with their groups. */
export function opinionsList(period: PeriodQuery): Promise<Opinion[]> {
  return call('opinions_list', { period });
}

/** Puts an opinion in a group; an empty name takes it out. */
export function opinionClassify(responseId: string, code: string, group: string): Promise<null> {
  return call('opinion_classify', { responseId, code, group });
}

/** Sets the objective of a year (a share in percent), or removes it with `null`. */
export function objectiveSet(year: number, metric: Metric, target: number | null): Promise<null> {
  return call('objective_set', { year, metric, target });
}
export * from './surveys';
// ---- Records: backups, import of old ledgers, exports, retention ----

export function backupSettingsGet(): Promise<BackupSettings> {
  return call('backup_settings_get');
}

export function backupSettingsSave(settings: BackupSettings): Promise<BackupSettings> {
  return call('backup_settings_save', { settings });
}

export function backupsList(): Promise<BackupFile[]> {
  return call('backups_list');
}

/** Where backups go, the newest in each place, and the warnings when they are too old. */
export function backupState(): Promise<BackupState> {
  return call('backup_state');
}

export function backupNow(): Promise<BackupFile> {
  return call('backup_now');
}

/** Replaces the database with the backup at `path` (checked first; the current file is kept). */
export function backupRestore(path: string): Promise<RestoreReport> {
  return call('backup_restore', { path });
}

/** The preview of an old ledger; with `commit`, stores all its new lines or none. */
export function importLedger(path: string, commit: boolean): Promise<ImportPreview> {
  return call('import_ledger', { path, commit });
}

export function exportRecords(
  what: 'ledger' | 'cases',
  out: string,
  from: string | null,
  to: string | null,
): Promise<ExportReport> {
  return call('export_records', { what, out, from, to });
}

export function retentionDue(on: string): Promise<RetentionDue> {
  return call('retention_due', { on });
}

/** Disposes of what is due on `on` (only the records of type `only` when given) and writes
 * the disposal record at `out`. */
export function retentionDispose(on: string, out: string, only?: RecordType): Promise<DisposalReport> {
  return call('retention_dispose', only ? { on, out, only } : { on, out });
}

/** Stops the running import, export or backup; it then changes nothing. */
export function taskCancel(): Promise<null> {
  return call('task_cancel');
}
export * from './accounts';

let firstPaintMarked = false;

/**
 * Says once, when the book's first page is on screen, that the window has painted its first
 * screen. Only the launch benchmark listens (`YKIEN_BENCH_PAINT`, `cargo xtask bench`); two
 * animation frames later the frame holding the page has been painted.
 */
export function markFirstPaint(): void {
  if (firstPaintMarked) return;
  firstPaintMarked = true;
  requestAnimationFrame(() => requestAnimationFrame(() => void tell('first-paint').catch(() => {})));
}

/**
 * Calls `f` when the start-up check, made in the background while the window opens, finds
 * the database file damaged; the app info then says why and names the newest good backup.
 */
export function onDatabaseDamaged(f: () => void): Promise<() => void> {
  return on('database-damaged', () => f());
}

/** Calls `f` with each step of a long task (`import`, `export`, `backup`) while it runs. */
export function onTaskProgress(f: (progress: TaskProgress) => void): Promise<() => void> {
  return on<TaskProgress>('records-progress', f);
}

// ---- Personal data (Law 91/2025/QH15) ----

export function privacyNoticeGet(): Promise<string> {
  return call('privacy_notice_get');
}

/** The notice as printed on the forms, the office's name filled in. */
export function privacyNoticePrinted(): Promise<string> {
  return call('privacy_notice_printed');
}

export function privacyNoticeSave(text: string): Promise<string> {
  return call('privacy_notice_save', { text });
}

/** A case's contact details; the core logs who asked. */
export function caseContact(id: string): Promise<Contact> {
  return call('case_contact', { id });
}

export function personFind(query: PersonQuery): Promise<PersonMatch[]> {
  return call('person_find', { query });
}

export function personExport(selection: PersonSelection, out: string): Promise<ExportReport> {
  return call('person_export', { selection, out });
}

export function personErase(request: ErasureRequest): Promise<ErasureReport> {
  return call('person_erase', { request });
}
export * from './kiosk';
export * from './bundles';
