// The review of scanned forms that the reader could not settle alone, as pure functions so it
// can be tested without a window. The queue's pages are grouped into forms by their serial
// (an unreadable page stands alone until a person types its serial); on each form the person
// is taken only to the questions the reader doubted (or could not read), least sure first as
// the core orders them. Keys: 1–9 the box, 0 blank, x spoiled, Enter confirms and goes on
// (the last Enter saves the form), Backspace goes back, Space takes the rest as read.

import type { Answer, EntrySlot, ReadAnswer, ReviewPage } from '../api/bindings';
import { asked, BLANK_KEYS, markFor, SPOILED_KEYS, type Mark } from '../surveys/entry';

/**
 * The colours the core outlines each box of a question's crop in, by what the box was read
 * as (src/scan/crop.rs, `colour`; review.test.ts checks they agree), with the legend's words.
 */
export const OUTLINES: { mark: 'ticked' | 'doubtful' | 'empty' | 'filled'; colour: string; label: string }[] = [
  { mark: 'ticked', colour: '#009E73', label: 'Đọc là có đánh dấu' },
  { mark: 'doubtful', colour: '#E69F00', label: 'Chưa chắc, cần xem lại' },
  { mark: 'empty', colour: '#56B4E9', label: 'Đọc là để trống' },
  { mark: 'filled', colour: '#CC79A7', label: 'Tô kín (hủy đánh dấu)' },
];

/** One form of the review queue: its pages, and its serial once known. */
export interface QueueForm {
  /** From the QR code, or typed by the person for an unreadable page; null until then. */
  serial: number | null;
  pages: ReviewPage[];
}

/** A page's place in its form; an unreadable page (page unknown) last. */
const order = (p: ReviewPage) => p.form_page ?? 99;

/** The queue's pages as forms, in the queue's order (unreadable first, then least sure). */
export function formsOf(pages: ReviewPage[]): QueueForm[] {
  const out: QueueForm[] = [];
  for (const p of pages) {
    const same = p.serial === null ? undefined : out.find((f) => f.serial === p.serial);
    if (same) same.pages.push(p);
    else out.push({ serial: p.serial, pages: [p] });
  }
  for (const f of out) f.pages.sort((a, b) => order(a) - order(b));
  return out;
}

/** "00017-5" or "17" → 17; null when no number leads it. */
export function serialNumber(text: string): number | null {
  const m = /^\s*0*(\d+)/.exec(text.replace(/^.*\/(\d+)\/[^/]*\/\d+\/\d+$/, '$1'));
  return m ? Number(m[1]) : null;
}

/** An unreadable page joined to the other waiting pages of the serial the person typed. */
export function withSerial(forms: QueueForm[], form: QueueForm, serial: number): QueueForm {
  const others = forms.filter((f) => f !== form && f.serial === serial).flatMap((f) => f.pages);
  const pages = [...form.pages, ...others].sort((a, b) => order(a) - order(b));
  return { serial, pages };
}

/** What the reader read on the form's pages, by slot code. */
export function readOf(form: QueueForm): Record<string, ReadAnswer> {
  const out: Record<string, ReadAnswer> = {};
  for (const p of form.pages) for (const a of p.answers) out[a.code] = a;
  return out;
}

/** The page a question was read on (for its crop); an unreadable page for a question not read. */
export function pageOf(form: QueueForm, code: string): { page: ReviewPage; crop: boolean } {
  const read = form.pages.find((p) => p.answers.some((a) => a.code === code));
  if (read) return { page: read, crop: true };
  return { page: form.pages.find((p) => p.status === 'unreadable') ?? form.pages[0], crop: false };
}

function markOf(a: ReadAnswer): Mark | null {
  if (a.state === 'chosen' && a.value !== null) return { state: 'chosen', value: a.value };
  if (a.state === 'blank') return { state: 'blank' };
  if (a.state === 'spoiled') return { state: 'spoiled' };
  return null;
}

export interface ReviewState {
  /** The answers as they stand: what was read, changed by the person's keys. */
  marks: Record<string, Mark>;
  /** Index into `stops(...)`; its length once every doubtful question is confirmed. */
  cursor: number;
}

/** The start of a form's review: every answer as read, the cursor on the first doubt. */
export function startReview(form: QueueForm): ReviewState {
  const marks: Record<string, Mark> = {};
  for (const a of Object.values(readOf(form))) {
    const m = markOf(a);
    if (m) marks[a.code] = m;
  }
  return { marks, cursor: 0 };
}

/** The questions a person must look at: asked, and doubted or not read (a follow-up too when
 *  the question that asks it is one of them). */
export function stops(slots: EntrySlot[], form: QueueForm, marks: Record<string, Mark>): EntrySlot[] {
  const read = readOf(form);
  const doubt = (s: EntrySlot) => !read[s.code] || read[s.code].review;
  return asked(slots, marks).filter((s) => doubt(s) || (s.when !== null && read[s.when.code] !== undefined && doubt(slots.find((p) => p.code === s.when!.code)!)));
}

export type ReviewKey =
  | { kind: 'moved'; state: ReviewState }
  /** Every asked question has an answer and the last doubt is confirmed: save the form. */
  | { kind: 'save' }
  /** Enter or Space with a question still without an answer: the cursor is put on it. */
  | { kind: 'missing'; state: ReviewState; slot: EntrySlot }
  /** The whole page shown or hidden. */
  | { kind: 'page' }
  | { kind: 'ignored' };

export const PAGE_KEYS = ['t', 'T'];
export const ALL_READ_KEYS = [' '];

function firstMissing(slots: EntrySlot[], form: QueueForm, state: ReviewState): ReviewKey | null {
  const list = stops(slots, form, state.marks);
  const missing = list.findIndex((s) => !state.marks[s.code]);
  if (missing < 0) return null;
  return { kind: 'missing', state: { ...state, cursor: missing }, slot: list[missing] };
}

export function reviewKey(slots: EntrySlot[], form: QueueForm, state: ReviewState, key: string): ReviewKey {
  const list = stops(slots, form, state.marks);
  if (PAGE_KEYS.includes(key)) return { kind: 'page' };
  if (ALL_READ_KEYS.includes(key)) return firstMissing(slots, form, state) ?? { kind: 'save' };
  if (key === 'Backspace' || key === 'ArrowUp') {
    return state.cursor > 0 ? { kind: 'moved', state: { ...state, cursor: Math.min(state.cursor, list.length) - 1 } } : { kind: 'ignored' };
  }
  if (key === 'Enter' || key === 'ArrowDown') {
    const slot = list[state.cursor];
    if (slot && !state.marks[slot.code]) return { kind: 'missing', state, slot };
    if (state.cursor + 1 < list.length) return { kind: 'moved', state: { ...state, cursor: state.cursor + 1 } };
    if (key === 'ArrowDown') return { kind: 'ignored' };
    return firstMissing(slots, form, state) ?? { kind: 'save' };
  }
  const slot = list[state.cursor];
  if (!slot) return { kind: 'ignored' };
  const mark = BLANK_KEYS.includes(key) || SPOILED_KEYS.includes(key) || /^[1-9]$/.test(key) ? markFor(slot, key) : null;
  if (!mark) return { kind: 'ignored' };
  const marks = { ...state.marks, [slot.code]: mark };
  // A follow-up no longer asked loses its answer, as in keyboard entry.
  const still = new Set(asked(slots, marks).map((s) => s.code));
  for (const code of Object.keys(marks)) if (!still.has(code)) delete marks[code];
  const next = stops(slots, form, marks);
  return { kind: 'moved', state: { marks, cursor: Math.max(0, next.findIndex((s) => s.code === slot.code)) } };
}

/** The answers to save: one per asked question. */
export function reviewAnswers(slots: EntrySlot[], marks: Record<string, Mark>): Answer[] {
  return asked(slots, marks)
    .filter((s) => marks[s.code])
    .map((s) => {
      const m = marks[s.code];
      return { code: s.code, state: m.state, value: m.state === 'chosen' ? m.value : null, text: null };
    });
}

/** "Đã đọc", "Cần xem lại", "Không đọc được". */
export const PAGE_STATUS: Record<ReviewPage['status'], string> = {
  read: 'Đã đọc',
  needs_review: 'Cần xem lại',
  unreadable: 'Không đọc được',
};

/** How the reader read one answer, in words: "Tốt", "Bỏ trống", "Không hợp lệ (nhiều ô)". */
export function readLabel(slot: EntrySlot, a: ReadAnswer | undefined): string {
  if (!a) return 'Không đọc được';
  if (a.state === 'blank') return 'Bỏ trống';
  if (a.state === 'spoiled') return 'Không hợp lệ (nhiều ô)';
  return slot.options[(a.value ?? 0) - 1] ?? '';
}

/** "72%" of a confidence between 0 and 1. */
export function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}
