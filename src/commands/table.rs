//! The commands, one entry each: its name, its flags (`read` or `write`; `open` when it needs
//! no signed-in account; `long` when it reads or rewrites the whole file; `apart` when it runs
//! on a connection of its own, see [`super::Command::apart`]), its request
//! with the argument names the callers send, its result, and the one call into the core.
//! Adding a command is adding an entry here (and a typed function in `ui/src/lib/api`).
//!
//! Not here, because only the app window has them: its start-up screen (`app_info`), the
//! passphrase that opens an encrypted database (`database_unlock`), replacing the open
//! database by a backup (`backup_restore`, which reopens it), and the Cancel button of a long
//! task (`task_cancel`). See `src-tauri/src/commands/mod.rs`.

use super::{Command, Context, Flag};
use crate::domain::survey_round::SurveyLayout;
use crate::domain::survey_scan::{ReviewPage, ScanConfirmInput, ScanFile, ScanInbox, ScanReport};
use crate::report::annual::AnnualTexts;
use crate::report::behind::{FormsBehind, FormsQuery};
use crate::report::figures::FiguresReport;
use crate::report::opinions::Opinion;
use crate::report::period::PeriodQuery;
use crate::report::review::{ArchivedReport, Metric};
use crate::store::audit::ChainReport;
use crate::bundle::consolidate::ConsolidatedFigures;
use crate::store::backup::{BackupFile, BackupSettings};
use crate::store::bundle::{ConsolidationSettings, ImportedBundle, InboxEntry, TrustedOffice};
use crate::store::retention::RecordType;
use crate::*;
use std::path::Path;

/// The outcome of a print written at `path`, shown to the user when the caller can.
fn shown(ctx: &Context, path: &Path) -> PrintOutcome {
    PrintOutcome { path: path.display().to_string(), opened: (ctx.open_file)(path) }
}

commands! {
    // ---- Signing in, the idle lock, accounts ----

    /// Who is signed in, whether the screen is locked, and what the role may do.
    access_state [read, open] AccessStateArgs {} -> AccessState = |l, _, _| l.access_state();
    sign_in [write, open] SignInArgs { login: String, password: String } -> SignedIn = |l, a, _| l.sign_in(&a.login, &a.password);
    sign_out [write, open] SignOutArgs {} -> () = |l, _, _| { l.sign_out(); Ok(()) };
    lock_screen [write, open] LockScreenArgs {} -> () = |l, _, _| { l.lock_screen(); Ok(()) };
    unlock_screen [write] UnlockScreenArgs { password: String } -> SignedIn = |l, a, _| l.unlock_screen(&a.password);
    /// The signed-in user's own new password.
    password_change [write] PasswordChangeArgs { current: String, #[serde(rename = "new")] new_password: String } -> SignedIn
        = |l, a, _| l.change_password(&a.current, &a.new_password);
    accounts_list [read] AccountsListArgs {} -> Vec<Account> = |l, _, _| l.accounts();
    account_create [write] AccountCreateArgs { input: AccountInput } -> Account = |l, a, _| l.create_account(&a.input);
    /// The first administrator of a database without accounts.
    first_admin_create [write, open] FirstAdminCreateArgs { input: FirstAdminInput } -> SignedIn
        = |l, a, _| l.create_first_administrator(&a.input);
    account_reset_password [write] AccountResetPasswordArgs { id: String, password: String } -> Account
        = |l, a, _| l.reset_password(&a.id, &a.password);
    account_unlock [write] AccountUnlockArgs { id: String } -> Account = |l, a, _| l.unlock_account(&a.id);
    account_set_disabled [write] AccountSetDisabledArgs { id: String, disabled: bool } -> Account
        = |l, a, _| l.set_account_disabled(&a.id, a.disabled);
    account_policy_save [write] AccountPolicySaveArgs { policy: AccountPolicy } -> AccountPolicy
        = |l, a, _| l.save_account_policy(&a.policy);

    // ---- The office, its units, staff, settings and holidays ----

    office_get [read] OfficeGetArgs {} -> Option<OfficeProfile> = |l, _, _| l.office();
    office_save [write] OfficeSaveArgs { profile: OfficeProfile } -> OfficeProfile = |l, a, _| l.save_office(&a.profile);
    units_list [read] UnitsListArgs {} -> Vec<Unit> = |l, _, _| l.units();
    unit_save [write] UnitSaveArgs { unit: UnitInput } -> Unit = |l, a, _| l.save_unit(&a.unit);
    unit_delete [write] UnitDeleteArgs { id: String } -> () = |l, a, _| l.delete_unit(&a.id);
    /// Everyone, or those whose name or title matches `query` (accents and case ignored).
    staff_list [read] StaffListArgs { query: Option<String> } -> Vec<Staff> = |l, a, _| l.staff(a.query.as_deref());
    staff_save [write] StaffSaveArgs { staff: StaffInput } -> Staff = |l, a, _| l.save_staff(&a.staff);
    staff_delete [write] StaffDeleteArgs { id: String } -> () = |l, a, _| l.delete_staff(&a.id);
    settings_get [read] SettingsGetArgs {} -> Settings = |l, _, _| l.settings();
    /// The code, issue, issue date and revision of every printed form.
    document_control_get [read] DocumentControlGetArgs {} -> DocumentControl = |l, _, _| l.document_control();
    document_control_save [write] DocumentControlSaveArgs { control: DocumentControl } -> DocumentControl
        = |l, a, _| l.save_document_control(&a.control);
    settings_save [write] SettingsSaveArgs { settings: Settings } -> Settings = |l, a, _| l.save_settings(&a.settings);
    audit_log [read] AuditLogArgs { limit: u32 } -> Vec<AuditEntry> = |l, a, _| l.audit_log(a.limit);
    /// The entries an auditor filters for: by who, which record, which change, which days.
    audit_search [read] AuditSearchArgs { filter: AuditFilter } -> Vec<AuditEntry> = |l, a, _| l.audit_search(&a.filter);
    /// The hash chain verified from its first entry, as `ykien check` does.
    audit_chain [read] AuditChainArgs {} -> ChainReport = |l, _, _| l.audit_chain();
    /// Every closed list with its Vietnamese labels.
    vocabulary [read, open] VocabularyArgs {} -> Vocabulary = |_, _, _| Ok(crate::vocabulary());
    holidays_list [read] HolidaysListArgs {} -> Vec<Holiday> = |l, _, _| l.holidays();
    holiday_add [write] HolidayAddArgs { day: String, name: String } -> () = |l, a, _| l.add_holiday(&a.day, &a.name);
    holiday_remove [write] HolidayRemoveArgs { day: String } -> () = |l, a, _| l.remove_holiday(&a.day);

    // ---- The feedback book and its cases ----

    /// Records one piece of feedback; the case comes back with its receipt number.
    feedback_add [write] FeedbackAddArgs { input: FeedbackInput } -> Case = |l, a, _| l.add_feedback(&a.input);
    /// Corrects a saved entry, with its reason (every field but the receipt number).
    feedback_correct [write] FeedbackCorrectArgs { id: String, correction: CorrectionInput } -> Case
        = |l, a, _| l.correct_feedback(&a.id, &a.correction);
    /// Withdraws an entry made by mistake («nhập nhầm»): kept, marked, counted nowhere.
    feedback_withdraw [write] FeedbackWithdrawArgs { id: String, reason: String } -> Case
        = |l, a, _| l.withdraw_feedback(&a.id, &a.reason);
    feedback_list [read] FeedbackListArgs { filter: FeedbackFilter } -> FeedbackPage = |l, a, _| l.feedback(&a.filter);
    case_counts [read] CaseCountsArgs {} -> CaseCounts = |l, _, _| l.case_counts();
    case_get [read] CaseGetArgs { id: String } -> Case = |l, a, _| l.case(&a.id);
    case_move [write] CaseMoveArgs { id: String, step: MoveInput } -> Case = |l, a, _| l.move_case(&a.id, &a.step);
    case_record_step [write] CaseRecordStepArgs { id: String, step: StepInput } -> Case = |l, a, _| l.record_step(&a.id, &a.step);
    case_set_exception [write] CaseSetExceptionArgs { id: String, exception: ExceptionInput } -> Case
        = |l, a, _| l.set_exception_deadline(&a.id, &a.exception);
    case_confirm [write] CaseConfirmArgs { id: String, staff_id: String } -> Case = |l, a, _| l.confirm(&a.id, &a.staff_id);
    /// A unit head confirms every unconfirmed entry of their unit received in a period.
    case_confirm_batch [write] CaseConfirmBatchArgs { batch: ConfirmBatchInput } -> BatchOutcome = |l, a, _| l.confirm_period(&a.batch);
    /// A formal complaint's acceptance decision (thụ lý or not, with its reason).
    case_accept [write] CaseAcceptArgs { id: String, acceptance: AcceptanceInput } -> Case = |l, a, _| l.decide_acceptance(&a.id, &a.acceptance);
    /// A formal complaint marked complex (45 days to decide), with why.
    case_complex [write] CaseComplexArgs { id: String, complex: ComplexInput } -> Case = |l, a, _| l.mark_complex(&a.id, &a.complex);
    /// The QMR has seen a settlement on the spot: it leaves the QMR's list.
    case_settlement_seen [write] CaseSettlementSeenArgs { id: String } -> Case = |l, a, _| l.mark_settlement_seen(&a.id);
    /// A new draft when `letterId` is null, else rewrites that unsigned draft.
    reply_draft [write] ReplyDraftArgs { case_id: String, letter_id: Option<String>, number: String, body: String } -> Case
        = |l, a, _| l.draft_reply(&a.case_id, a.letter_id.as_deref(), &a.number, &a.body);
    reply_sign [write] ReplySignArgs { letter_id: String, signer_name: String, signer_title: String, on: String } -> Case
        = |l, a, _| l.sign_reply(&a.letter_id, &a.signer_name, &a.signer_title, &a.on);
    /// The reply letters drafted and waiting for leadership's signature.
    letters_to_sign [read] LettersToSignArgs {} -> Vec<LetterToSign> = |l, _, _| l.letters_to_sign();
    /// Signs several drafts at once, by one signer on one day.
    reply_sign_batch [write] ReplySignBatchArgs { batch: SignBatchInput } -> BatchOutcome = |l, a, _| l.sign_replies(&a.batch);
    reply_send [write] ReplySendArgs { letter_id: String, on: String, via: String } -> Case
        = |l, a, _| l.send_reply(&a.letter_id, &a.on, &a.via);
    /// The letter telling the customer the evaluation and the measures taken, drafted from
    /// the case and its linked actions (not stored: the user edits it, then prints it).
    measures_letter_draft [read] MeasuresLetterDraftArgs { receipt_no: String } -> MeasuresLetter
        = |l, a, _| l.measures_letter_draft(&a.receipt_no);
    /// That the measures letter was sent, when and how: in the case's history.
    customer_notice_record [write] CustomerNoticeRecordArgs { notice: CustomerNoticeInput } -> Case
        = |l, a, _| l.record_customer_notice(&a.notice);

    // ---- Corrective actions ----

    actions_list [read] ActionsListArgs {} -> Vec<CorrectiveAction> = |l, _, _| l.actions();
    /// The register: every action with where it stands, filtered by state and unit.
    actions_register [read] ActionsRegisterArgs { filter: ActionFilter } -> Vec<CorrectiveAction> = |l, a, _| l.action_register(&a.filter);
    action_save [write] ActionSaveArgs { action: ActionInput } -> CorrectiveAction = |l, a, _| l.save_action(&a.action);
    action_set_status [write] ActionSetStatusArgs { id: String, status: ActionStatus } -> CorrectiveAction
        = |l, a, _| l.set_action_status(&a.id, a.status);
    action_check [write] ActionCheckArgs { id: String, effective: bool, note: String, on: String } -> CorrectiveAction
        = |l, a, _| l.check_action(&a.id, a.effective, &a.note, &a.on);

    // ---- Printing: the core draws the PDF and writes it ----

    /// Prints into the caller's print folder and shows the file when the caller can.
    print_open [write] PrintOpenArgs { job: PrintJob } -> PrintOutcome = |l, a, c| {
        let path = l.print_to_folder(&a.job, &c.print_dir)?;
        Ok(shown(c, &path))
    };
    /// Draws the document for the print preview and hands it over whole; nothing is written
    /// on the caller's disk.
    print_preview [write] PrintPreviewArgs { job: PrintJob } -> PrintPreview = |l, a, _| Ok(PrintPreview::from(l.print(&a.job)?));
    /// Prints into `path` (the window's save dialog chose it).
    print_save [write] PrintSaveArgs { job: PrintJob, path: String } -> PrintOutcome = |l, a, _| {
        l.print_to_file(&a.job, Path::new(&a.path))?;
        Ok(PrintOutcome { path: a.path, opened: false })
    };

    /// How many days a print stays in the caller's «Bản in» folder (none while the data is
    /// encrypted): the window tidies its folder with it when it starts and when it closes.
    print_keep_days [read, open] PrintKeepDaysArgs {} -> u32 = |l, _, _| l.print_keep_days();

    // ---- Reports ----

    /// The figures of a period against the same period a year before.
    report_figures [read] ReportFiguresArgs { period: PeriodQuery } -> FiguresReport
        = |l, a, _| l.figures_report(&a.period.period()?);
    /// The survey forms behind a number of the period's survey figures.
    survey_forms_behind [read] SurveyFormsBehindArgs { period: PeriodQuery, query: FormsQuery } -> FormsBehind
        = |l, a, _| l.survey_forms_behind(&a.period.period()?, &a.query);
    annual_texts_get [read] AnnualTextsGetArgs { year: i32 } -> AnnualTexts = |l, a, _| l.annual_texts(a.year);
    annual_texts_save [write] AnnualTextsSaveArgs { year: i32, texts: AnnualTexts } -> () = |l, a, _| l.save_annual_texts(a.year, &a.texts);
    /// Sets (or with `null`, removes) the objective of a year on a figure.
    objective_set [write] ObjectiveSetArgs { year: i32, metric: Metric, target: Option<f64> } -> ()
        = |l, a, _| l.set_objective(a.year, a.metric, a.target);
    opinions_list [read] OpinionsListArgs { period: PeriodQuery } -> Vec<Opinion> = |l, a, _| l.opinions(&a.period.period()?);
    /// Puts an opinion in a group; an empty name takes it out.
    opinion_classify [write] OpinionClassifyArgs { response_id: String, code: String, group: String } -> ()
        = |l, a, _| l.classify_opinion(&a.response_id, &a.code, &a.group);
    /// The Word copy of the annual report, written at `path`; answers the path.
    annual_docx_save [read] AnnualDocxSaveArgs { year: i32, path: String } -> String = |l, a, _| {
        crate::documents::write_whole(Path::new(&a.path), &l.annual_report_docx(a.year)?)?;
        Ok(a.path)
    };
    /// The compilation of the year's complaints as a Word file at `path`.
    complaints_docx_save [read] ComplaintsDocxSaveArgs { year: i32, path: String } -> String = |l, a, _| {
        crate::documents::write_whole(Path::new(&a.path), &l.complaints_report_docx(a.year)?)?;
        Ok(a.path)
    };
    /// The figures of the annual report of `year` as an Excel workbook at `path` (the same
    /// figures as its PDF and Word copies); answers the path.
    annual_xlsx_save [read] AnnualXlsxSaveArgs { year: i32, path: String } -> String = |l, a, _| {
        let report = l.annual_report(a.year, &l.annual_texts(a.year)?)?;
        crate::export::figures(Path::new(&a.path), report.figures())?;
        Ok(a.path)
    };
    /// Reports archived when they were printed, newest first.
    archived_reports [read] ArchivedReportsArgs {} -> Vec<ArchivedReport> = |l, _, _| l.archived_reports();
    /// An archived report written back byte for byte at `path`; answers the path.
    archived_report_save [read] ArchivedReportSaveArgs { id: String, path: String } -> String = |l, a, _| {
        crate::documents::write_whole(Path::new(&a.path), &l.archived_report_pdf(&a.id)?)?;
        Ok(a.path)
    };

    // ---- Period bundles between offices ----

    /// The office's bundle key (its fingerprint), made on first need.
    bundle_key [write] BundleKeyArgs {} -> crate::bundle::BundleKey = |l, _, _| l.bundle_key();
    /// The office's bundle of the period `from`..`to` written at `path`, with the records
    /// behind its figures (without personal data) when `withRecords`.
    bundle_export [write] BundleExportArgs { from: String, to: String, with_records: bool, path: String } -> ExportedBundle
        = |l, a, _| l.export_bundle(&a.from, &a.to, a.with_records, Path::new(&a.path));
    bundle_settings_get [read] BundleSettingsGetArgs {} -> ConsolidationSettings = |l, _, _| l.consolidation_settings();
    bundle_settings_save [write] BundleSettingsSaveArgs { settings: ConsolidationSettings } -> ConsolidationSettings
        = |l, a, _| l.save_consolidation_settings(&a.settings);
    /// Registers an office whose bundles are accepted, by its key's fingerprint.
    bundle_trust [write] BundleTrustArgs { name: String, key: String } -> TrustedOffice = |l, a, _| l.trust_office(&a.name, &a.key);
    bundle_offices [read] BundleOfficesArgs {} -> Vec<TrustedOffice> = |l, _, _| l.trusted_offices();
    /// Imports the bundle at `path` (its passphrase when it is sealed).
    bundle_import [write] BundleImportArgs { path: String, passphrase: Option<String> } -> BundleImport = |l, a, _| {
        let bytes = std::fs::read(&a.path)?;
        l.import_bundle(&bytes, a.passphrase.as_deref())
    };
    bundles_list [read] BundlesListArgs {} -> Vec<ImportedBundle> = |l, _, _| l.imported_bundles();
    /// The bundle files read from the inbox folder and what became of each, newest first.
    bundle_inbox [read] BundleInboxArgs {} -> Vec<InboxEntry> = |l, _, _| l.inbox_log();
    /// The figures of `year` of the registered offices (all when `offices` is empty), side by
    /// side and summed.
    report_figures_offices [read] ReportFiguresOfficesArgs { year: i32, offices: Vec<String> } -> ConsolidatedFigures
        = |l, a, _| l.consolidated_figures(a.year, &a.offices);

    /// The records behind a figure (`cases`, `complaints`, `forms`) of an office's year, as
    /// its bundle carried them.
    bundle_records [read] BundleRecordsArgs { office: String, year: i32, figure: String } -> OfficeRecords
        = |l, a, _| l.office_records(&a.office, a.year, &a.figure);

    /// The consolidated annual report of `year` written at `path` (.pdf, .docx or .xlsx);
    /// answers the path.
    consolidated_report_save [write] ConsolidatedReportSaveArgs { year: i32, path: String } -> String = |l, a, _| {
        l.save_consolidated_report(a.year, Path::new(&a.path))?;
        Ok(a.path)
    };

    // ---- Surveys ----

    survey_templates [write] SurveyTemplatesArgs {} -> Vec<TemplateInfo> = |l, _, _| l.survey_templates();
    survey_template_get [read] SurveyTemplateGetArgs { id: String } -> SurveyTemplate = |l, a, _| l.survey_template(&a.id);
    /// Stores an office's template: in place, or as a new version once forms were printed.
    survey_template_save [write] SurveyTemplateSaveArgs { template: SurveyTemplate } -> TemplateInfo
        = |l, a, _| l.save_survey_template(&a.template);
    /// Stores a template from its JSON text.
    survey_template_import [write] SurveyTemplateImportArgs { json: String } -> TemplateInfo
        = |l, a, _| l.import_survey_template(&a.json);
    survey_template_export [write] SurveyTemplateExportArgs { key: String, version: Option<i32> } -> String
        = |l, a, _| l.export_survey_template(&a.key, a.version);
    survey_rounds [read] SurveyRoundsArgs {} -> Vec<SurveyRound> = |l, _, _| l.survey_rounds();
    survey_round_create [write] SurveyRoundCreateArgs { input: RoundInput } -> SurveyRound = |l, a, _| l.create_survey_round(&a.input);
    /// Marks a round with no form printed or entered as typed elsewhere (its forms keep the
    /// office's own numbers), or not.
    survey_round_typed_elsewhere [write] SurveyRoundTypedElsewhereArgs { round_id: String, typed_elsewhere: bool } -> SurveyRound
        = |l, a, _| l.set_survey_round_typed_elsewhere(&a.round_id, a.typed_elsewhere);
    /// Prints `count` more numbered forms of the round into the caller's print folder and
    /// shows them when the caller can.
    survey_print [write] SurveyPrintArgs { round_id: String, count: i32 } -> PrintOutcome = |l, a, c| {
        let before = l.survey_round(&a.round_id)?;
        let bytes = l.print_survey_round(&a.round_id, a.count)?;
        let name = format!("phieu-khao-sat-{}-{:05}-{:05}.pdf", before.code, before.printed + 1, before.printed + a.count);
        let path = crate::documents::save_in_folder(&c.print_dir, &name, &bytes)?;
        Ok(shown(c, &path))
    };
    survey_entry_sheet [read] SurveyEntrySheetArgs { round_id: String } -> EntrySheet = |l, a, _| l.survey_entry_sheet(&a.round_id);
    survey_check_serial [read] SurveyCheckSerialArgs { round_id: String, serial: String } -> SerialCheck
        = |l, a, _| l.check_survey_serial(&a.round_id, &a.serial);
    survey_response_save [write] SurveyResponseSaveArgs { input: ResponseInput } -> SurveyResponse
        = |l, a, _| l.save_survey_response(&a.input);
    /// Withdraws the form entered last in the round; null when there is none.
    survey_response_undo [write] SurveyResponseUndoArgs { round_id: String } -> Option<SurveyResponse>
        = |l, a, _| l.undo_last_survey_response(&a.round_id);
    survey_responses [read] SurveyResponsesArgs { round_id: String } -> Vec<SurveyResponse> = |l, a, _| l.survey_responses(&a.round_id);
    /// The returned forms of a round as a spreadsheet at `out` (.xlsx or .csv), one line per
    /// form, one column per answer code.
    survey_responses_export [read, long, apart] SurveyResponsesExportArgs { round_id: String, out: String } -> ExportReport
        = |l, a, _| l.export_survey_responses(&a.round_id, Path::new(&a.out));
    /// Where the answer boxes and corner marks of the round's printed forms lie; null while
    /// none of its forms has been printed.
    survey_layout [read] SurveyLayoutArgs { round_id: String } -> Option<SurveyLayout> = |l, a, _| l.survey_layout(&a.round_id);
    /// Imports returned forms from a file's name (for its kind) and content: all rows or none.
    survey_import [write] SurveyImportArgs { round_id: String, name: String, bytes: Vec<u8>, dry_run: bool } -> ImportReport
        = |l, a, _| l.import_survey_file(&a.round_id, &a.name, &a.bytes, a.dry_run);

    /// Reads scanned files of returned forms (JPEG, PNG, TIFF, a copier's PDF): every page's
    /// serial, status and answers; with `save`, the forms read without doubt are saved and the
    /// other pages wait in the review queue. A file that is not a scan is named and skipped.
    survey_scan [write, long, apart] SurveyScanArgs { round_id: String, files: Vec<ScanFile>, save: bool } -> ScanReport
        = |l, a, c| {
            let stack: Vec<(String, Vec<u8>)> = a.files.into_iter().map(|f| (f.name, f.bytes)).collect();
            l.scan_survey_stack(&a.round_id, &stack, a.save, &c.progress_of("scan"))
        };
    /// The round's scanned pages waiting for a person, unreadable ones first, then the least
    /// sure.
    survey_scan_review [read] SurveyScanReviewArgs { round_id: String } -> Vec<ReviewPage> = |l, a, _| l.survey_scan_review(&a.round_id);
    /// Saves a form of the review queue as a person confirmed it (entry's checks).
    survey_scan_confirm [write] SurveyScanConfirmArgs { input: ScanConfirmInput } -> SurveyResponse
        = |l, a, _| l.confirm_scanned_form(&a.input);
    /// A scanned page's image as base64 PNG, or the crop of one question's row (`code`).
    survey_scan_image [read] SurveyScanImageArgs { page_id: String, code: Option<String> } -> String
        = |l, a, _| {
            use base64::Engine;
            Ok(base64::engine::general_purpose::STANDARD.encode(l.scan_page_image(&a.page_id, a.code.as_deref())?))
        };
    /// The scan-to-folder inbox: the folder the copier scans into and the round it reads into.
    survey_scan_inbox_get [read] SurveyScanInboxGetArgs {} -> ScanInbox = |l, _, _| l.scan_inbox();
    /// Sets the inbox (a folder on the machine that owns the database; no folder stops it).
    survey_scan_inbox_set [write] SurveyScanInboxSetArgs { inbox: ScanInbox } -> ScanInbox = |l, a, _| l.set_scan_inbox(&a.inbox);

    // ---- Rating kiosks at the desks ----

    kiosks_list [read] KiosksListArgs {} -> Vec<Kiosk> = |l, _, _| l.kiosks();
    /// Registers a kiosk; answers it with the one-time code that pairs its tablet.
    kiosk_add [write] KioskAddArgs { input: KioskInput } -> KioskPairing = |l, a, _| l.add_kiosk(&a.input);
    /// A new pairing code (the tablet replaced): the old tablet's token stops working.
    kiosk_pair [write] KioskPairArgs { id: String } -> KioskPairing = |l, a, _| l.pair_kiosk_again(&a.id);
    kiosk_disable [write] KioskDisableArgs { id: String } -> Kiosk = |l, a, _| l.disable_kiosk(&a.id);
    /// Arms the kiosk for one service, the case's when `caseId` is given.
    kiosk_arm [write] KioskArmArgs { id: String, case_id: Option<String> } -> Kiosk = |l, a, _| l.arm_kiosk(&a.id, a.case_id.as_deref());
    /// The kiosks' ratings of a period by desk and by staff member.
    kiosk_figures [read] KioskFiguresArgs { period: PeriodQuery } -> KioskFigures = |l, a, _| l.kiosk_figures(&a.period.period()?);

    // ---- Records: backups, import of old ledgers, exports, retention ----

    backup_settings_get [read] BackupSettingsGetArgs {} -> BackupSettings = |l, _, _| l.backup_settings();
    backup_settings_save [write] BackupSettingsSaveArgs { settings: BackupSettings } -> BackupSettings
        = |l, a, _| l.save_backup_settings(&a.settings);
    backups_list [read] BackupsListArgs {} -> Vec<BackupFile> = |l, _, _| l.backups();
    /// Where backups go, the newest in each place, and the warning when they are too old.
    backup_state [read] BackupStateArgs {} -> BackupState = |l, _, _| l.backup_state();
    /// A verified backup into the office's backup folder (and its second place).
    backup_now [write, long, apart] BackupNowArgs {} -> BackupFile = |l, _, c| l.backup_now(&c.progress_of("backup"));
    /// The preview of an old ledger; with `commit`, stores all its new lines or none.
    import_ledger [write, long, apart] ImportLedgerArgs { path: String, commit: bool } -> ImportPreview
        = |l, a, c| l.import_ledger(Path::new(&a.path), a.commit, &c.progress_of("import"));
    /// The feedback book (`what`: "ledger") or the cases with their history ("cases") as a
    /// spreadsheet at `out`.
    export_records [read, long, apart] ExportRecordsArgs { what: String, out: String, from: Option<String>, to: Option<String> } -> ExportReport
        = |l, a, c| {
            let (out, p) = (Path::new(&a.out), c.progress_of("export"));
            match a.what.as_str() {
                "cases" => l.export_cases(out, a.from.as_deref(), a.to.as_deref(), &p),
                _ => l.export_ledger(out, a.from.as_deref(), a.to.as_deref(), &p),
            }
        };
    retention_due [read] RetentionDueArgs { on: String } -> RetentionDue = |l, a, _| l.retention_due(&a.on);
    /// Disposes of the records due on `on`, only those of the type `only` when it is given
    /// (else every type), and writes the disposal record (biên bản) at `out`.
    retention_dispose [write, long, apart] RetentionDisposeArgs { on: String, out: String, #[ts(optional)] only: Option<RecordType> } -> DisposalReport
        = |l, a, _| l.dispose_of(&a.on, Path::new(&a.out), a.only);

    // ---- Personal data (Law 91/2025/QH15) ----

    privacy_notice_get [read] PrivacyNoticeGetArgs {} -> String = |l, _, _| l.privacy_notice();
    /// The notice as printed on the forms, the office's name filled in.
    privacy_notice_printed [read] PrivacyNoticePrintedArgs {} -> String = |l, _, _| l.privacy_notice_printed();
    privacy_notice_save [write] PrivacyNoticeSaveArgs { text: String } -> String = |l, a, _| l.save_privacy_notice(&a.text);
    /// A case's contact details; the reading is logged.
    case_contact [write] CaseContactArgs { id: String } -> Contact = |l, a, _| l.case_contact(&a.id);
    person_find [read] PersonFindArgs { query: PersonQuery } -> Vec<PersonMatch> = |l, a, _| l.find_person(&a.query);
    person_export [write] PersonExportArgs { selection: PersonSelection, out: String } -> ExportReport
        = |l, a, _| l.export_person(&a.selection, Path::new(&a.out));
    person_erase [write] PersonEraseArgs { request: ErasureRequest } -> ErasureReport = |l, a, _| l.erase_person(&a.request);

    // ---- Encryption at rest (administrators) ----

    encryption_status [read] EncryptionStatusArgs {} -> EncryptionStatus = |l, _, _| l.encryption_status();
    encryption_on [write, long] EncryptionOnArgs { passphrase: String } -> EncryptionReport = |l, a, _| l.encryption_on(&a.passphrase);
    encryption_change [write, long] EncryptionChangeArgs { current: String, passphrase: String } -> EncryptionReport
        = |l, a, _| l.encryption_change(&a.current, &a.passphrase);
    encryption_off [write, long] EncryptionOffArgs { current: String } -> EncryptionReport = |l, a, _| l.encryption_off(&a.current);
    /// Overwrites and deletes the backups still in plaintext; answers their paths.
    encryption_remove_plain_backups [write] EncryptionRemovePlainBackupsArgs {} -> Vec<String>
        = |l, _, _| l.remove_plaintext_backups();
}
