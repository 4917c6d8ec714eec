// The work queue of "Xử lý phản ánh": which cases a quick filter means, and how the answers
// are put together. The core filters by one status at a time, so "all open cases" is one
// request per open status, merged here.

import type { CorrectiveAction, ErrorReport, FeedbackFilter, FeedbackPage, FeedbackRow, Status } from '../api/bindings';

/** The most a queue shows; a real office has far fewer open cases than this. */
export const QUEUE_LIMIT = 1000;

export type QueueView =
  | { kind: 'open' }
  | { kind: 'overdue' }
  | { kind: 'due_soon' }
  | { kind: 'status'; status: Status };

/** The filters to ask for, one page each, for `view` on the office's `today`. */
export function queueFilters(view: QueueView, openStatuses: readonly Status[], today: string, search = ''): FeedbackFilter[] {
  const base: FeedbackFilter = { limit: QUEUE_LIMIT, offset: 0 };
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
  }
}

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
    (a, b) => a.due_date.localeCompare(b.due_date) || a.received_at.localeCompare(b.received_at),
  );
  return { rows, total };
}

export function sameView(a: QueueView, b: QueueView): boolean {
  return a.kind === b.kind && (a.kind !== 'status' || (b.kind === 'status' && a.status === b.status));
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
