// The survey commands (templates, rounds, printing, keyboard entry, import), one typed
// function each. Argument names are camelCase, as Tauri 2 expects on the JavaScript side.

import { invoke } from '@tauri-apps/api/core';
import type {
  EntrySheet,
  ImportReport,
  PrintOutcome,
  ResponseInput,
  RoundInput,
  SerialCheck,
  SurveyResponse,
  SurveyRound,
  SurveyTemplate,
  TemplateInfo,
} from './bindings';

export function surveyTemplates(): Promise<TemplateInfo[]> {
  return invoke<TemplateInfo[]>('survey_templates');
}

export function surveyTemplateGet(id: string): Promise<SurveyTemplate> {
  return invoke<SurveyTemplate>('survey_template_get', { id });
}

/** Stores an office's template: in place, or as a new version once forms were printed. */
export function surveyTemplateSave(template: SurveyTemplate): Promise<TemplateInfo> {
  return invoke<TemplateInfo>('survey_template_save', { template });
}

export function surveyTemplateImport(json: string): Promise<TemplateInfo> {
  return invoke<TemplateInfo>('survey_template_import', { json });
}

export function surveyTemplateExport(key: string, version: number | null): Promise<string> {
  return invoke<string>('survey_template_export', { key, version });
}

export function surveyRounds(): Promise<SurveyRound[]> {
  return invoke<SurveyRound[]>('survey_rounds');
}

export function surveyRoundCreate(input: RoundInput): Promise<SurveyRound> {
  return invoke<SurveyRound>('survey_round_create', { input });
}

/** Prints `count` more numbered forms into the print folder and opens them in the viewer. */
export function surveyPrint(roundId: string, count: number): Promise<PrintOutcome> {
  return invoke<PrintOutcome>('survey_print', { roundId, count });
}

export function surveyEntrySheet(roundId: string): Promise<EntrySheet> {
  return invoke<EntrySheet>('survey_entry_sheet', { roundId });
}

export function surveyCheckSerial(roundId: string, serial: string): Promise<SerialCheck> {
  return invoke<SerialCheck>('survey_check_serial', { roundId, serial });
}

export function surveyResponseSave(input: ResponseInput): Promise<SurveyResponse> {
  return invoke<SurveyResponse>('survey_response_save', { input });
}

/** Withdraws the form entered last in the round; null when there is none. */
export function surveyResponseUndo(roundId: string): Promise<SurveyResponse | null> {
  return invoke<SurveyResponse | null>('survey_response_undo', { roundId });
}

export function surveyResponses(roundId: string): Promise<SurveyResponse[]> {
  return invoke<SurveyResponse[]>('survey_responses', { roundId });
}

/** Imports returned forms from a chosen file: all rows or none. */
export function surveyImport(roundId: string, name: string, bytes: number[], dryRun: boolean): Promise<ImportReport> {
  return invoke<ImportReport>('survey_import', { roundId, name, bytes, dryRun });
}
