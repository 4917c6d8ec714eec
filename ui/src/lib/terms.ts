// Labels and select options from the vocabulary the core sends (the Rust enums are the one
// place the Vietnamese words are written), so no screen keeps its own copy of them.

import type { Term } from './api/bindings';

/** The Vietnamese label of `value`, or the value itself while the vocabulary is missing. */
export function termLabel(terms: readonly Term[] | null | undefined, value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return terms?.find((t) => t.value === value)?.label ?? value;
}

/** Options for a select, in the core's order, typed as the enum they come from. */
export function termOptions<T extends string>(terms: readonly Term[] | null | undefined): { value: T; label: string }[] {
  return (terms ?? []).map((t) => ({ value: t.value as T, label: t.label }));
}

/** `preferred` when the vocabulary has it, else its first value (a safe default for a select). */
export function termDefault<T extends string>(terms: readonly Term[] | null | undefined, preferred: T): T {
  const list = terms ?? [];
  if (list.length === 0 || list.some((t) => t.value === preferred)) return preferred;
  return list[0].value as T;
}
