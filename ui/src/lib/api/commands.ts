// What the transport must know of a command before it sends it, which the generated
// `Commands` type does not say: whether it writes (a write carries a request id, and is
// retried with that same id when the connection is lost, so a retry never makes a second
// case), and which files it reads or writes on the desk's own disk (they travel with the
// request or the answer when the office server runs the command). Both mirror the core's
// command table (src/commands/table.rs, its `write` flags; src/commands/mod.rs,
// `desk_files`); commands.test.ts reads those files and fails when they disagree.

import type { Commands } from './bindings';

/** The commands of the table flagged `write`. */
export const WRITE_COMMANDS: ReadonlySet<keyof Commands> = new Set<keyof Commands>([
  'sign_in',
  'sign_out',
  'lock_screen',
  'unlock_screen',
  'password_change',
  'account_create',
  'first_admin_create',
  'account_reset_password',
  'account_unlock',
  'account_set_disabled',
  'account_policy_save',
  'office_save',
  'unit_save',
  'unit_delete',
  'staff_save',
  'staff_delete',
  'settings_save',
  'document_control_save',
  'holiday_add',
  'holiday_remove',
  'feedback_add',
  'feedback_correct',
  'feedback_withdraw',
  'case_move',
  'case_record_step',
  'case_set_exception',
  'case_confirm',
  'case_confirm_batch',
  'case_accept',
  'case_complex',
  'case_settlement_seen',
  'reply_sign_batch',
  'reply_draft',
  'reply_sign',
  'reply_send',
  'customer_notice_record',
  'action_save',
  'action_set_status',
  'action_check',
  'print_open',
  'print_preview',
  'print_save',
  'annual_texts_save',
  'objective_set',
  'opinion_classify',
  'survey_templates',
  'survey_template_save',
  'survey_template_import',
  'survey_template_export',
  'survey_round_create',
  'survey_round_typed_elsewhere',
  'survey_print',
  'survey_response_save',
  'survey_response_undo',
  'survey_import',
  'survey_scan',
  'survey_scan_confirm',
  'survey_scan_inbox_set',
  'kiosk_add',
  'kiosk_pair',
  'kiosk_disable',
  'kiosk_arm',
  'backup_settings_save',
  'backup_now',
  'import_ledger',
  'retention_dispose',
  'privacy_notice_save',
  'case_contact',
  'person_export',
  'person_erase',
  'encryption_on',
  'encryption_change',
  'encryption_off',
  'encryption_remove_plain_backups',
  'bundle_key',
  'bundle_export',
  'bundle_settings_save',
  'bundle_trust',
  'bundle_import',
  'consolidated_report_save',
]);

/** Whether `command` changes the database (only the core's table has such commands). */
export function writes(command: string): boolean {
  return (WRITE_COMMANDS as ReadonlySet<string>).has(command);
}

/**
 * A file a command reads or writes on the desk's disk: `reads` the argument naming a file
 * the desk sends; `writes` the argument naming where the desk keeps the file the server
 * answers; `print_folder` a print the desk keeps and shows itself.
 */
export type DeskFile = { reads: string } | { writes: string } | 'print_folder';

const DESK_FILES: Readonly<Record<string, readonly DeskFile[]>> = {
  print_open: ['print_folder'],
  survey_print: ['print_folder'],
  print_save: [{ writes: 'path' }],
  annual_docx_save: [{ writes: 'path' }],
  complaints_docx_save: [{ writes: 'path' }],
  annual_xlsx_save: [{ writes: 'path' }],
  archived_report_save: [{ writes: 'path' }],
  export_records: [{ writes: 'out' }],
  survey_responses_export: [{ writes: 'out' }],
  person_export: [{ writes: 'out' }],
  retention_dispose: [{ writes: 'out' }],
  import_ledger: [{ reads: 'path' }],
  bundle_import: [{ reads: 'path' }],
  bundle_export: [{ writes: 'path' }],
  consolidated_report_save: [{ writes: 'path' }],
};

/** The files `command` reads or writes on the desk's disk (none for most). */
export function deskFiles(command: string): readonly DeskFile[] {
  return DESK_FILES[command] ?? [];
}
