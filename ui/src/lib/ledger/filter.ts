// The filters above the book list, and the FeedbackFilter they mean. Empty choices are left
// out rather than sent blank, so the core applies no condition for them.

import type { Book, FeedbackFilter, Kind, Status, Subject } from '../api/bindings';

export const PAGE_SIZE = 100;

export interface BookFilter {
  search: string;
  book: Book | '';
  kind: Kind | '';
  subject: Subject | '';
  status: Status | '';
  unit_id: string;
  /** YYYY-MM-DD or '' */
  from: string;
  to: string;
  overdue: boolean;
  dueSoon: boolean;
  /** 0-based */
  page: number;
}

export function blankBookFilter(): BookFilter {
  return {
    search: '',
    book: '',
    kind: '',
    subject: '',
    status: '',
    unit_id: '',
    from: '',
    to: '',
    overdue: false,
    dueSoon: false,
    page: 0,
  };
}

/** The command's filter for `f` on the office's `today` (which "Quá hạn" is judged on). */
export function toFeedbackFilter(f: BookFilter, today: string): FeedbackFilter {
  const out: FeedbackFilter = { limit: PAGE_SIZE, offset: Math.max(0, f.page) * PAGE_SIZE };
  const search = f.search.trim();
  if (search) out.search = search;
  if (f.book) out.book = f.book;
  if (f.kind) out.kind = f.kind;
  if (f.subject) out.subject = f.subject;
  if (f.status) out.status = f.status;
  if (f.unit_id) out.unit_id = f.unit_id;
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  if (f.overdue) out.overdue_on = today;
  if (f.dueSoon) out.due_soon_on = today;
  return out;
}

/** True when any filter narrows the list (the empty-list message differs). */
export function isFiltered(f: BookFilter): boolean {
  const b = blankBookFilter();
  return (Object.keys(b) as (keyof BookFilter)[]).some((k) => k !== 'page' && f[k] !== b[k] && !(k === 'search' && f.search.trim() === ''));
}

/** Number of pages for `total` rows; at least 1, so "Trang 1/1" shows for an empty list. */
export function pageCount(total: number, size: number = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(Math.max(0, total) / size));
}

/**
 * The period the printed book covers: the dates the filter sets, or else from the first of
 * January of the office's year to today (the book is kept per year, BM.QT.SCT.05-01).
 */
export function printPeriod(f: BookFilter, today: string): { from: string; to: string } {
  const from = f.from || `${today.slice(0, 4)}-01-01`;
  const to = f.to || (f.from && f.from > today ? f.from : today);
  return { from, to };
}
