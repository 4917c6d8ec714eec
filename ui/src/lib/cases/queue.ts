// The work queue of "Xử lý phản ánh": which cases a quick filter means, and how the answers
// are put together. The core filters by one status at a time, so "all open cases" is one
// request per open status, merged here.

import type { CorrectiveAction, ErrorReport, FeedbackFilter, FeedbackPage, FeedbackRow, SignedIn, Status, WaitsFor } from '../api/bindings';

/** The most a queue shows; a real office has far fewer open cases than this. */
export const QUEUE_LIMIT = 1000;

export type QueueView =
  | { kind: 'open' }
  | { kind: 'overdue' }
  | { kind: 'due_soon' }
  | { kind: 'status'; status: Status }
  | { kind: 'waits'; who: WaitsFor };

/**
 * The filters to ask for, one page each, for `view` on the office's `today`; with `unitId`,
 * only that unit's cases (a unit head's «Đơn vị của tôi»).
 */
export function queueFilters(
  view: QueueView,
  openStatuses: readonly Status[],
  today: string,
  search = '',
  unitId: string | null = null,
): FeedbackFilter[] {
  const base: FeedbackFilter = { limit: QUEUE_LIMIT, offset: 0 };
  if (unitId) base.unit_id = unitId;
  const q = search.trim();
  if (q) base.search = q;
  switch (view.kind) {
    case 'open':
      return openStatuses.map((status) => ({ ...base, status }));
    case 'overdue':
      return [{ ...base, overdue_on: today }];
    case 'due_soon':
      return [{ ...base, due_soon_on: today }];
    case 'status':
      return [{ ...base, status: view.status }];
    case 'waits':
      return [{ ...base, waits_for: view.who }];
  }
}

/** Where each role starts: the page, and the view of «Xử lý phản ánh» it opens on. */
export interface StartPage {
  page: 'ledger' | 'cases';
  view: QueueView;
  /** A unit head works on their own unit's cases only. */
  unitId: string | null;
}

/**
 * The clerk opens the app on the entry form; a unit head on «Đơn vị của tôi»; the QMR on what
 * waits for the QMR; a director on what waits for a signature or a direction. Anyone else
 * (the administrator, a database without accounts) on the book, as before.
 */
export function startPage(me: SignedIn | null): StartPage {
  const open: QueueView = { kind: 'open' };
  switch (me?.role) {
    case 'unit_head':
      return { page: 'cases', view: open, unitId: me.unit_id };
    case 'quality_officer':
      return { page: 'cases', view: { kind: 'waits', who: 'qmr' }, unitId: null };
    case 'leadership':
      return { page: 'cases', view: { kind: 'waits', who: 'leadership' }, unitId: null };
    default:
      return { page: 'ledger', view: open, unitId: null };
  }
}

/** What a role's own list is called on its button. */
export const WAITS_LABEL: Record<WaitsFor, string> = {
  qmr: 'Chờ QMR xem xét',
  leadership: 'Chờ lãnh đạo ký, chỉ đạo',
};

/** The key under which a unit head's last look at the arrivals is kept on this computer. */
export function seenKey(login: string): string {
  return `ykien.unit-seen.${login}`;
}

/** Since when arrivals are new: the last look, or (never looked here) every open arrival. */
export const NEVER_SEEN = '2000-01-01T00:00';

export interface QueueResult {
  rows: FeedbackRow[];
  /** How many cases match, which may exceed the rows shown. */
  total: number;
}

/**
 * One list from several pages: each case once, the nearest deadline first (the order a
 * clerk works in), then the oldest received.
 */
export function mergeQueue(pages: readonly FeedbackPage[]): QueueResult {
  const seen = new Map<string, FeedbackRow>();
  let total = 0;
  for (const page of pages) {
    total += page.total;
    for (const row of page.rows) if (!seen.has(row.id)) seen.set(row.id, row);
  }
  const rows = [...seen.values()].sort(
    (a, b) => nearestDue(a).localeCompare(nearestDue(b)) || a.received_at.localeCompare(b.received_at),
  );
  return { rows, total };
}

/** A row's nearest deadline: the reply deadline in force, or a formal complaint's Law deadline
 * (to accept, to decide) when that comes first. */
export function nearestDue(row: Pick<FeedbackRow, 'due_date' | 'law_due'>): string {
  return row.law_due && row.law_due < row.due_date ? row.law_due : row.due_date;
}

export function sameView(a: QueueView, b: QueueView): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'status') return b.kind === 'status' && a.status === b.status;
  if (a.kind === 'waits') return b.kind === 'waits' && a.who === b.who;
  return true;
}

/**
 * The case ids an existing action must carry once linked to `caseId`. Saving an action
 * replaces its links, and the action lists its cases by receipt number, so every receipt is
 * looked up first (`resolve`). A receipt that cannot be found stops the link with a
 * "conflict" report rather than silently unlinking that case.
 */
export async function idsWithCase(
  action: Pick<CorrectiveAction, 'cases'>,
  caseId: string,
  resolve: (receiptNo: string) => Promise<string | null>,
): Promise<string[]> {
  const ids: string[] = [];
  for (const receipt of action.cases) {
    const id = await resolve(receipt);
    if (id === null) {
      const report: ErrorReport = {
        kind: 'conflict',
        message: `Không tìm thấy hồ sơ số ${receipt} đang gắn với hành động này, nên chưa gắn thêm được. Hãy tải lại rồi thử lại.`,
      };
      throw report;
    }
    ids.push(id);
  }
  if (!ids.includes(caseId)) ids.push(caseId);
  return [...new Set(ids)];
}
