// The survey commands (templates, rounds, printing, keyboard entry, import), one typed
// function each. Each calls the one transport, `call`.

import { call } from './transport';
import type {
  EntrySheet,
  ExportReport,
  ImportReport,
  PrintOutcome,
  ReviewPage,
  ScanConfirmInput,
  ScanFile,
  ScanInbox,
  ScanReport,
  ResponseInput,
  RoundInput,
  SerialCheck,
  SurveyLayout,
  SurveyResponse,
  SurveyRound,
  SurveyTemplate,
  TemplateInfo,
} from './bindings';

export function surveyTemplates(): Promise<TemplateInfo[]> {
  return call('survey_templates');
}

export function surveyTemplateGet(id: string): Promise<SurveyTemplate> {
  return call('survey_template_get', { id });
}

/** Stores an office's template: in place, or as a new version once forms were printed. */
export function surveyTemplateSave(template: SurveyTemplate): Promise<TemplateInfo> {
  return call('survey_template_save', { template });
}

export function surveyTemplateImport(json: string): Promise<TemplateInfo> {
  return call('survey_template_import', { json });
}

export function surveyTemplateExport(key: string, version: number | null): Promise<string> {
  return call('survey_template_export', { key, version });
}

export function surveyRounds(): Promise<SurveyRound[]> {
  return call('survey_rounds');
}

export function surveyRoundCreate(input: RoundInput): Promise<SurveyRound> {
  return call('survey_round_create', { input });
}

/** Marks a round with no form printed or entered as typed elsewhere: its forms keep the
 *  office's own numbers ("2026-0001") and are imported from a spreadsheet. */
export function surveyRoundTypedElsewhere(roundId: string, typedElsewhere: boolean): Promise<SurveyRound> {
  return call('survey_round_typed_elsewhere', { roundId, typedElsewhere });
}

/** Prints `count` more numbered forms into the print folder and opens them in the viewer. */
export function surveyPrint(roundId: string, count: number): Promise<PrintOutcome> {
  return call('survey_print', { roundId, count });
}

export function surveyEntrySheet(roundId: string): Promise<EntrySheet> {
  return call('survey_entry_sheet', { roundId });
}

export function surveyCheckSerial(roundId: string, serial: string): Promise<SerialCheck> {
  return call('survey_check_serial', { roundId, serial });
}

export function surveyResponseSave(input: ResponseInput): Promise<SurveyResponse> {
  return call('survey_response_save', { input });
}

/** Withdraws the form entered last in the round; null when there is none. */
export function surveyResponseUndo(roundId: string): Promise<SurveyResponse | null> {
  return call('survey_response_undo', { roundId });
}

export function surveyResponses(roundId: string): Promise<SurveyResponse[]> {
  return call('survey_responses', { roundId });
}

/** The round's returned forms as a spreadsheet at `out` (.xlsx or .csv), one line per form. */
export function surveyResponsesExport(roundId: string, out: string): Promise<ExportReport> {
  return call('survey_responses_export', { roundId, out });
}

/** Where the boxes and corner marks of the round's printed forms lie; null before any is printed. */
export function surveyLayout(roundId: string): Promise<SurveyLayout | null> {
  return call('survey_layout', { roundId });
}

/** Imports returned forms from a chosen file: all rows or none. */
export function surveyImport(roundId: string, name: string, bytes: number[], dryRun: boolean): Promise<ImportReport> {
  return call('survey_import', { roundId, name, bytes, dryRun });
}

/** Reads scanned files of returned forms; with `save`, saves the forms read without doubt and
 *  leaves the other pages in the review queue. */
export function surveyScan(roundId: string, files: ScanFile[], save: boolean): Promise<ScanReport> {
  return call('survey_scan', { roundId, files, save });
}

/** The round's scanned pages waiting for a person, the least sure first. */
export function surveyScanReview(roundId: string): Promise<ReviewPage[]> {
  return call('survey_scan_review', { roundId });
}

/** Saves a form of the review queue as the person confirmed it. */
export function surveyScanConfirm(input: ScanConfirmInput): Promise<SurveyResponse> {
  return call('survey_scan_confirm', { input });
}

/** A scanned page (base64 PNG), or the crop of one question's row when `code` is given. */
export function surveyScanImage(pageId: string, code: string | null): Promise<string> {
  return call('survey_scan_image', { pageId, code });
}

/** The scan-to-folder inbox: the folder the copier scans into, and the round it reads into. */
export function surveyScanInboxGet(): Promise<ScanInbox> {
  return call('survey_scan_inbox_get');
}

/** Sets the inbox (a folder on the machine that owns the database); no folder stops it. */
export function surveyScanInboxSet(inbox: ScanInbox): Promise<ScanInbox> {
  return call('survey_scan_inbox_set', { inbox });
}
