import { describe, expect, it } from 'vitest';
import type { FeedbackRow, Status } from '../api/bindings';
import type { SignedIn } from '../api/bindings';
import { idsWithCase, mergeQueue, nearestDue, queueFilters, sameView, startPage } from './queue';
import { requirementKey } from './requirement';

const OPEN: Status[] = ['received', 'front_desk', 'awaiting_customer', 'specialist', 'solution_feedback', 'leadership'];

function row(id: string, due_date: string, received_at = '2026-03-01T08:00'): FeedbackRow {
  return {
    id,
    receipt_no: `2026/${id}`,
    received_at,
    customer_name: 'An',
    customer_org: '',
    kind: 'reflection',
    subject: 'other',
    channel: 'in_person',
    status: 'received',
    unit_name: null,
    receiver_name: null,
    due_date,
    closed_at: null,
    content: '',
    confirmed_by_name: null,
    confirmed_at: null,
  };
}

describe('startPage', () => {
  const me = (role: SignedIn['role'], unit_id: string | null = null) => ({ role, unit_id }) as SignedIn;
  it('opens each role on its own work', () => {
    expect(startPage(me('reception', 'mc')).page).toBe('ledger');
    expect(startPage(me('unit_head', 'qltm'))).toEqual({ page: 'cases', view: { kind: 'open' }, unitId: 'qltm' });
    expect(startPage(me('quality_officer')).view).toEqual({ kind: 'waits', who: 'qmr' });
    expect(startPage(me('leadership')).view).toEqual({ kind: 'waits', who: 'leadership' });
    expect(startPage(null).page).toBe('ledger');
  });

  it('keeps a unit head to their unit in every view', () => {
    const filters = queueFilters({ kind: 'overdue' }, OPEN, '2026-03-02', '', 'qltm');
    expect(filters).toEqual([{ limit: 1000, offset: 0, unit_id: 'qltm', overdue_on: '2026-03-02' }]);
    expect(queueFilters({ kind: 'waits', who: 'qmr' }, OPEN, '2026-03-02')).toEqual([{ limit: 1000, offset: 0, waits_for: 'qmr' }]);
    expect(sameView({ kind: 'waits', who: 'qmr' }, { kind: 'waits', who: 'leadership' })).toBe(false);
  });
});

describe('queueFilters', () => {
  it('asks once per open state for all open cases, never for closed ones', () => {
    const filters = queueFilters({ kind: 'open' }, OPEN, '2026-03-02');
    expect(filters.map((f) => f.status)).toEqual(OPEN);
    expect(filters.every((f) => f.limit === 1000 && f.offset === 0)).toBe(true);
  });

  it('asks for overdue and due-soon cases on the office date', () => {
    expect(queueFilters({ kind: 'overdue' }, OPEN, '2026-03-02')).toEqual([{ limit: 1000, offset: 0, overdue_on: '2026-03-02' }]);
    expect(queueFilters({ kind: 'due_soon' }, OPEN, '2026-03-02')).toEqual([
      { limit: 1000, offset: 0, due_soon_on: '2026-03-02' },
    ]);
  });

  it('asks for one state, and carries a search through', () => {
    expect(queueFilters({ kind: 'status', status: 'leadership' }, OPEN, '2026-03-02', ' dong ')).toEqual([
      { limit: 1000, offset: 0, status: 'leadership', search: 'dong' },
    ]);
  });
});

describe('mergeQueue', () => {
  it('lists each case once, nearest deadline first, then the oldest', () => {
    const merged = mergeQueue([
      { total: 2, rows: [row('b', '2026-03-20'), row('a', '2026-03-05')] },
      { total: 2, rows: [row('c', '2026-03-05', '2026-02-01T08:00'), row('a', '2026-03-05')] },
    ]);
    expect(merged.rows.map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(merged.total).toBe(4);
  });

  it('puts a formal complaint by its Law deadline when that comes before the reply', () => {
    const formal = { ...row('f', '2026-04-01'), law_due: '2026-03-12' };
    const merged = mergeQueue([{ total: 2, rows: [row('a', '2026-03-20'), formal] }]);
    expect(merged.rows.map((r) => r.id)).toEqual(['f', 'a']);
    expect(nearestDue({ due_date: '2026-03-20', law_due: '2026-04-30' })).toBe('2026-03-20');
  });
});

describe('sameView', () => {
  it('tells states apart', () => {
    expect(sameView({ kind: 'open' }, { kind: 'open' })).toBe(true);
    expect(sameView({ kind: 'status', status: 'received' }, { kind: 'status', status: 'received' })).toBe(true);
    expect(sameView({ kind: 'status', status: 'received' }, { kind: 'status', status: 'specialist' })).toBe(false);
    expect(sameView({ kind: 'overdue' }, { kind: 'due_soon' })).toBe(false);
  });
});

describe('idsWithCase', () => {
  const ids: Record<string, string> = { '2026/000001': 'c1', '2026/000002': 'c2' };
  const resolve = async (r: string) => ids[r] ?? null;

  it('keeps the cases already linked and adds this one', async () => {
    expect(await idsWithCase({ cases: ['2026/000001', '2026/000002'] }, 'c9', resolve)).toEqual(['c1', 'c2', 'c9']);
    expect(await idsWithCase({ cases: [] }, 'c9', resolve)).toEqual(['c9']);
  });

  it('does not add a case twice', async () => {
    expect(await idsWithCase({ cases: ['2026/000001'] }, 'c1', resolve)).toEqual(['c1']);
  });

  it('refuses rather than silently unlinking a case it cannot find', async () => {
    await expect(idsWithCase({ cases: ['2026/000001', '2026/000077'] }, 'c9', resolve)).rejects.toMatchObject({
      kind: 'conflict',
      message: expect.stringContaining('2026/000077'),
    });
  });
});

describe('requirementKey', () => {
  it('names each requirement for the list and its test hook', () => {
    expect(requirementKey({ kind: 'step', step: 'attitude_talk' })).toBe('step:attitude_talk');
    expect(requirementKey({ kind: 'corrective_action' })).toBe('corrective_action');
    expect(requirementKey({ kind: 'reply_sent' })).toBe('reply_sent');
  });
});
