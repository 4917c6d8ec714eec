// The corrective-action register's words: where an action comes from, and the sources a new
// action is given from the register's form.

import type { ActionSource, CorrectiveAction, SourceKind, Term } from '../api/bindings';

/** Each source of an action as one line: its cases by receipt number, then the others. */
export function sourceLines(action: Pick<CorrectiveAction, 'cases' | 'sources'>, kinds: readonly Term[] | undefined): string[] {
  const label = (k: SourceKind) => kinds?.find((t) => t.value === k)?.label ?? k;
  return [
    ...action.cases.map((receipt) => `Hồ sơ ${receipt}`),
    ...(action.sources ?? []).map((s) => `${label(s.kind)}: ${s.label || s.reference}`),
  ];
}

/** The receipt numbers typed in one field, separated by commas, semicolons or spaces. */
export function receiptList(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((r) => r.trim()).filter(Boolean))];
}

/** The sources typed in the form's fields (empty ones left out). */
export function sourcesOf(criterion: string, group: string, year: string): ActionSource[] {
  const one = (kind: SourceKind, reference: string): ActionSource[] =>
    reference.trim() ? [{ kind, reference: reference.trim(), label: '' }] : [];
  return [...one('survey_criterion', criterion), ...one('opinion_group', group), ...one('annual_proposal', year)];
}
