// The keyboard entry of one returned form, as pure functions so it can be tested without a
// window: one key per answer (1–9 the box, 0 left blank, "." or x two boxes ticked), the
// cursor moving on by itself, Backspace stepping back, Enter saving when nothing required is
// missing. A follow-up question (Q2's frequency) is visited only after the answer that asks it.

import type { Answer, EntrySlot } from '../api/bindings';

export type Mark = { state: 'chosen'; value: number } | { state: 'blank' } | { state: 'spoiled' };

export interface EntryState {
  /** Box answers keyed so far, by slot code. */
  marks: Record<string, Mark>;
  /** Index into `asked(...)`; equal to its length when every answer is keyed. */
  cursor: number;
}

export const BLANK_KEYS = ['0'];
export const SPOILED_KEYS = ['.', 'x', 'X', ','];

export function emptyEntry(): EntryState {
  return { marks: {}, cursor: 0 };
}

/** The slots answered with a key, in the order of the paper. */
export function keyed(slots: EntrySlot[]): EntrySlot[] {
  return slots.filter((s) => s.options.length > 0);
}

function applies(slot: EntrySlot, marks: Record<string, Mark>): boolean {
  if (!slot.when) return true;
  const m = marks[slot.when.code];
  return m?.state === 'chosen' && m.value === slot.when.value;
}

/** The keyed slots asked, given the answers so far. */
export function asked(slots: EntrySlot[], marks: Record<string, Mark>): EntrySlot[] {
  return keyed(slots).filter((s) => applies(s, marks));
}

/** What a key means for a slot, or null when the key is not an answer to it. */
export function markFor(slot: EntrySlot, key: string): Mark | null {
  if (BLANK_KEYS.includes(key)) return { state: 'blank' };
  if (SPOILED_KEYS.includes(key)) return { state: 'spoiled' };
  if (/^[1-9]$/.test(key)) {
    const v = Number(key);
    return v <= slot.options.length ? { state: 'chosen', value: v } : null;
  }
  return null;
}

/** Drops the answers of follow-ups that are no longer asked. */
function prune(slots: EntrySlot[], marks: Record<string, Mark>): Record<string, Mark> {
  const out: Record<string, Mark> = {};
  for (const s of keyed(slots)) {
    if (marks[s.code] && applies(s, marks)) out[s.code] = marks[s.code];
  }
  return out;
}

export type KeyResult =
  | { kind: 'answered'; state: EntryState }
  | { kind: 'back'; state: EntryState }
  /** Enter with every asked answer keyed. */
  | { kind: 'save' }
  /** Enter with answers missing: the cursor is put on the first one. */
  | { kind: 'missing'; state: EntryState; slot: EntrySlot }
  /** A key that means nothing here (a 4 on a 3-level row): nothing changes. */
  | { kind: 'ignored' }
  /** Backspace on the first answer: back to the serial. */
  | { kind: 'to_serial' };

export function pressKey(slots: EntrySlot[], state: EntryState, key: string): KeyResult {
  const list = asked(slots, state.marks);
  if (key === 'Enter') {
    const missing = list.findIndex((s) => !state.marks[s.code]);
    if (missing < 0) return { kind: 'save' };
    return { kind: 'missing', state: { ...state, cursor: missing }, slot: list[missing] };
  }
  if (key === 'Backspace') {
    if (state.cursor <= 0) return { kind: 'to_serial' };
    const cursor = Math.min(state.cursor, list.length) - 1;
    const marks = { ...state.marks };
    delete marks[list[cursor].code];
    return { kind: 'back', state: { marks: prune(slots, marks), cursor } };
  }
  if (key === 'ArrowUp') {
    return state.cursor > 0 ? { kind: 'back', state: { ...state, cursor: state.cursor - 1 } } : { kind: 'ignored' };
  }
  if (key === 'ArrowDown') {
    return state.cursor < list.length ? { kind: 'answered', state: { ...state, cursor: state.cursor + 1 } } : { kind: 'ignored' };
  }
  const slot = list[state.cursor];
  if (!slot) return { kind: 'ignored' };
  const mark = markFor(slot, key);
  if (!mark) return { kind: 'ignored' };
  const marks = prune(slots, { ...state.marks, [slot.code]: mark });
  // The list may have grown (a "Có" asks the follow-up) or shrunk: move to the next slot
  // after this one that is not answered yet, or past the end.
  const next = asked(slots, marks);
  const here = next.findIndex((s) => s.code === slot.code);
  let cursor = here + 1;
  while (cursor < next.length && marks[next[cursor].code]) cursor += 1;
  return { kind: 'answered', state: { marks, cursor } };
}

/** The answers to send: every keyed mark plus the non-empty free texts. */
export function answersOf(marks: Record<string, Mark>, texts: Record<string, string>): Answer[] {
  const out: Answer[] = [];
  for (const [code, m] of Object.entries(marks)) {
    out.push({ code, state: m.state, value: m.state === 'chosen' ? m.value : null, text: null });
  }
  for (const [code, t] of Object.entries(texts)) {
    if (t.trim() !== '') out.push({ code, state: 'text', value: null, text: t });
  }
  return out;
}

/** How a mark shows in the row: the box's label, "Bỏ trống" or "Không hợp lệ". */
export function markLabel(slot: EntrySlot, m: Mark | undefined): string {
  if (!m) return '';
  if (m.state === 'blank') return 'Bỏ trống';
  if (m.state === 'spoiled') return 'Không hợp lệ (nhiều ô)';
  return slot.options[m.value - 1] ?? '';
}

/** The short code of one stored form's box answers, for the list: "1 1 2 1 · 2 · 1 1 1". */
export function answerDigits(slots: EntrySlot[], answers: Answer[]): string {
  return keyed(slots)
    .map((s) => answers.find((a) => a.code === s.code))
    .filter((a): a is Answer => !!a)
    .map((a) => (a.state === 'chosen' ? String(a.value) : a.state === 'blank' ? '0' : '×'))
    .join(' ');
}
