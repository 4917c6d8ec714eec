// The filters above the book list, and the FeedbackFilter they mean. Empty choices are left
// out rather than sent blank, so the core applies no condition for them.

import type { Book, Channel, CustomerGroup, FeedbackFilter, Kind, PrintJob, Status, Subject, Vocabulary } from '../api/bindings';
import { formatDate } from '../format';
import { termLabel } from '../terms';

export const PAGE_SIZE = 100;

/**
 * A search's count stops past this many matches: at a million cases, counting every match of
 * a common word costs more than finding its first page, and «hơn 1.000» says enough. The core
 * counts at least to the end of the page asked, so a later page still knows whether another
 * follows. The command line counts every match.
 */
export const COUNT_LIMIT = 1000;

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
  // Set only from a count of the Báo cáo page, and shown as removable chips above the list.
  channel: Channel | '';
  customer_group: CustomerGroup | '';
  /** Complaints only (khiếu nại, phàn nàn, kháng nghị). */
  complaints: boolean;
  /** Open, or open past the deadline, at the end of this day (YYYY-MM-DD or ''). */
  openOn: string;
  overdueOn: string;
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
    channel: '',
    customer_group: '',
    complaints: false,
    openOn: '',
    overdueOn: '',
    page: 0,
  };
}

/** The command's filter for `f` on the office's `today` (which "Quá hạn" is judged on). */
export function toFeedbackFilter(f: BookFilter, today: string): FeedbackFilter {
  const out: FeedbackFilter = { limit: PAGE_SIZE, offset: Math.max(0, f.page) * PAGE_SIZE };
  const search = f.search.trim();
  if (search) {
    out.search = search;
    out.count_limit = COUNT_LIMIT;
  }
  if (f.book) out.book = f.book;
  if (f.kind) out.kind = f.kind;
  if (f.subject) out.subject = f.subject;
  if (f.status) out.status = f.status;
  if (f.unit_id) out.unit_id = f.unit_id;
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  if (f.overdue) out.overdue_on = today;
  else if (f.overdueOn) out.overdue_on = f.overdueOn;
  if (f.dueSoon) out.due_soon_on = today;
  if (f.channel) out.channel = f.channel;
  if (f.customer_group) out.customer_group = f.customer_group;
  if (f.complaints) out.complaints = true;
  if (f.openOn) out.open_on = f.openOn;
  return out;
}

/** True when any filter narrows the list (the empty-list message differs). */
export function isFiltered(f: BookFilter): boolean {
  const b = blankBookFilter();
  return (Object.keys(b) as (keyof BookFilter)[]).some((k) => k !== 'page' && f[k] !== b[k] && !(k === 'search' && f.search.trim() === ''));
}

/** Thousands with a dot, as Vietnamese writes them: 1.000. */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * What the book says of a page's `total` for `filter`: the number of cases, or «hơn 1.000»
 * when the core stopped counting (more than {@link COUNT_LIMIT}, or than the end of the page
 * asked when it lies further); the pages then known (at least one more than the one shown).
 */
export function shownTotal(total: number, f: BookFilter): { text: string; more: boolean; pages: number } {
  const bound = Math.max(COUNT_LIMIT, (Math.max(0, f.page) + 1) * PAGE_SIZE);
  if (f.search.trim() && total > bound) {
    return { text: `hơn ${formatCount(bound)}`, more: true, pages: Math.max(f.page + 2, pageCount(bound)) };
  }
  // The exact count as the book has always written it (the report page writes it the same).
  return { text: String(total), more: false, pages: pageCount(total) };
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

/** The book printed from the book page: the one the list shows, the feedback book when none is chosen. */
export function printedBook(f: BookFilter): Book {
  return f.book || 'feedback';
}

/** The short name of a book on the print buttons. */
export function bookShortName(book: Book): string {
  switch (book) {
    case 'feedback':
      return 'sổ ghi nhận';
    case 'complaints':
      return 'sổ khiếu nại';
    case 'citizen_reception':
      return 'sổ tiếp dân';
  }
}

/**
 * The book as the page shows it, printed: its own columns, the unit's own book when a unit
 * is chosen, for the period of {@link printPeriod}. The other filters (kind, state, search)
 * narrow the list on screen, not the book, which is printed whole.
 */
export function bookPrintJob(f: BookFilter, today: string): PrintJob {
  const job: PrintJob = { form: 'ledger_period', ...printPeriod(f, today), book: printedBook(f) };
  if (f.unit_id) job.unit_id = f.unit_id;
  return job;
}

/** `pages` blank ruled pages of the same book, for this year. */
export function blankBookJob(f: BookFilter, today: string, pages: number): PrintJob {
  const job: PrintJob = { form: 'ledger_blank', pages, year: Number(today.slice(0, 4)), book: printedBook(f) };
  if (f.unit_id) job.unit_id = f.unit_id;
  return job;
}

/** The filters a count of the Báo cáo page sets that have no control above the list. */
export type ChipKey = 'channel' | 'customer_group' | 'complaints' | 'openOn' | 'overdueOn';

/** Those filters in words, each removable on its own. */
export function reportChips(f: BookFilter, vocab: Vocabulary | null): { key: ChipKey; label: string }[] {
  const chips: { key: ChipKey; label: string }[] = [];
  if (f.complaints) chips.push({ key: 'complaints', label: 'Chỉ khiếu nại, phàn nàn, kháng nghị' });
  if (f.channel) chips.push({ key: 'channel', label: `Kênh tiếp nhận: ${termLabel(vocab?.channels, f.channel)}` });
  if (f.customer_group)
    chips.push({ key: 'customer_group', label: `Nhóm khách hàng: ${termLabel(vocab?.customer_groups, f.customer_group)}` });
  if (f.openOn) chips.push({ key: 'openOn', label: `Còn đang giải quyết cuối ngày ${formatDate(f.openOn)}` });
  if (f.overdueOn && !f.overdue) chips.push({ key: 'overdueOn', label: `Quá hạn cuối ngày ${formatDate(f.overdueOn)}` });
  return chips;
}

/** `f` without the chip `key`. */
export function withoutChip(f: BookFilter, key: ChipKey): BookFilter {
  return { ...f, [key]: blankBookFilter()[key], page: 0 };
}
