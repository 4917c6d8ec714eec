// Helpers shared by the forms: blank records and where a failed save's message goes.

import { tick } from 'svelte';
import { describe, fieldOf } from './api/errors';
import type { OfficeProfile, StaffInput, UnitInput } from './api/bindings';

/** The setup screen's starting point: the form codes of the office's ISO procedure. */
export function blankOffice(): OfficeProfile {
  return {
    name: '',
    parent_agency: '',
    place_name: '',
    address: '',
    phone: '',
    email: '',
    ledger_form_code: 'BM.QT.SCT.05-01',
    survey_form_code: 'BM.QT.SCT.05-02',
  };
}

export function blankUnit(): UnitInput {
  return { name: '', code: '' };
}

export function blankStaff(): StaffInput {
  return { full_name: '', title: '', unit_id: null, role: 'reception', phone: '', email: '' };
}

export interface PlacedError {
  /** The field to mark, when the error is about one this form shows; else null. */
  field: string | null;
  message: string;
}

/**
 * Decides where a failed save's message is shown: under the field it names when the form
 * has that field, otherwise in the form's alert (a validation error about a field the form
 * does not show would otherwise be invisible).
 */
export function placeError(err: unknown, fields: readonly string[]): PlacedError {
  const field = fieldOf(err);
  return { field: field !== null && fields.includes(field) ? field : null, message: describe(err) };
}

/** What a form shows after a failed save: a message under one field, or one in its alert. */
export interface FormMessages {
  errors: Record<string, string>;
  alert: string;
}

/**
 * A failed save, placed as {@link placeError} decides, with the cursor put in the field it
 * names so the clerk can correct it at once. `inputId` maps the core's field name to the id
 * of the form's input. The focus waits for the next render: a field may only show (or move)
 * once its message is on screen.
 */
export function showError(
  err: unknown,
  fields: readonly string[],
  inputId: (field: string) => string,
): FormMessages {
  const placed = placeError(err, fields);
  if (!placed.field) return { errors: {}, alert: placed.message };
  const id = inputId(placed.field);
  void tick().then(() => {
    if (typeof document !== 'undefined') document.getElementById(id)?.focus();
  });
  return { errors: { [placed.field]: placed.message }, alert: '' };
}

/** The input ids of a form whose inputs are named `prefix-field`, with its exceptions. */
export function inputIds(prefix: string, except: Record<string, string> = {}): (field: string) => string {
  return (field) => except[field] ?? `${prefix}-${field}`;
}

/** A check only the form can make (e.g. nothing chosen yet): the field and its message. */
export type FormCheck = () => { field: string; message: string } | null;

/**
 * A form's save: first the form's own `check` (its message under its field, the cursor put
 * there at once), then `run`, with `setBusy` on for its duration; a refusal is placed by
 * {@link showError}. Resolves to the messages to show (`refused` when the core refused the
 * save, not the form's check), or `null` when it was saved.
 */
export async function submitForm(
  check: FormCheck | undefined,
  run: () => Promise<unknown>,
  fields: readonly string[],
  inputId: (field: string) => string,
  setBusy: (busy: boolean) => void,
): Promise<(FormMessages & { refused: boolean }) | null> {
  const problem = check?.();
  if (problem) {
    if (typeof document !== 'undefined') document.getElementById(inputId(problem.field))?.focus();
    return { errors: { [problem.field]: problem.message }, alert: '', refused: false };
  }
  setBusy(true);
  try {
    await run();
    return null;
  } catch (err) {
    return { ...showError(err, fields, inputId), refused: true };
  } finally {
    setBusy(false);
  }
}
