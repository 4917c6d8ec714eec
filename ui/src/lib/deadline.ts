// How a deadline reads for a clerk: "Còn 3 ngày", "Hết hạn hôm nay", "Quá hạn 2 ngày".
// Counted in calendar days between the office's today and the deadline, as the core counts
// `days_left`; the deadline itself (working days, holidays) is always the core's.

import type { FeedbackRow } from './api/bindings';

const YMD = /^(\d{4})-(\d{2})-(\d{2})/;

function dayNumber(ymd: string): number | null {
  const m = YMD.exec(ymd.trim());
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(t) ? null : Math.round(t / 86_400_000);
}

/** Days from `from` to `to` (both YYYY-MM-DD, a time part is ignored); null if unreadable. */
export function daysBetween(from: string, to: string): number | null {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === null || b === null ? null : b - a;
}

/** The words for the days left until a deadline (negative: past it). */
export function daysLeftWords(daysLeft: number | null | undefined): string {
  if (daysLeft === null || daysLeft === undefined) return '';
  if (daysLeft > 0) return `Còn ${daysLeft} ngày`;
  if (daysLeft === 0) return 'Hết hạn hôm nay';
  return `Quá hạn ${-daysLeft} ngày`;
}

export type DeadlineTone = 'overdue' | 'soon' | 'ok' | 'closed';

export interface RowDeadline {
  /** Days left on `today`; null once the case is closed. */
  daysLeft: number | null;
  tone: DeadlineTone;
  words: string;
}

/**
 * A book row's deadline on `today`. Open cases count down; a closed case says whether it
 * was answered in time. `dueSoonDays` is the office's warning window.
 */
export function rowDeadline(
  row: Pick<FeedbackRow, 'status' | 'due_date' | 'closed_at'>,
  today: string,
  dueSoonDays: number,
): RowDeadline {
  if (row.status === 'closed') {
    const late = row.closed_at ? (daysBetween(row.due_date, row.closed_at) ?? 0) > 0 : false;
    return { daysLeft: null, tone: 'closed', words: late ? 'Giải quyết trễ hạn' : '' };
  }
  const daysLeft = daysBetween(today, row.due_date);
  if (daysLeft === null) return { daysLeft: null, tone: 'ok', words: '' };
  const tone: DeadlineTone = daysLeft < 0 ? 'overdue' : daysLeft <= dueSoonDays ? 'soon' : 'ok';
  return { daysLeft, tone, words: daysLeftWords(daysLeft) };
}

/** `ymd` plus `days` calendar days, YYYY-MM-DD (a default due date, never a legal deadline). */
export function addDays(ymd: string, days: number): string {
  const n = dayNumber(ymd);
  if (n === null) return ymd;
  const d = new Date((n + days) * 86_400_000);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
}
