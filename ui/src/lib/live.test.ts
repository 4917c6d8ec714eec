import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignedIn } from './api/bindings';
import { arrivalNotice, arrivesAtMyUnit, live, SETTLE_MS, touches } from './live.svelte';

const head: SignedIn = {
  account_id: 'a1',
  staff_id: 's1',
  login: 'truongphong',
  full_name: 'Trần Văn Bình',
  role: 'unit_head',
  role_label: 'Trưởng đơn vị',
  unit_id: 'u-kt',
  unit_name: 'Phòng Kỹ thuật',
  must_change_password: false,
};

function moved(status: string, unit: string | null, receipt = '2026/000012') {
  return { command: 'case_move', case: { id: 'c1', receipt_no: receipt, status, unit_id: unit }, by: 'tiepnhan' };
}

beforeEach(() => {
  vi.useFakeTimers();
  live.dismiss();
});

afterEach(() => {
  live.stop();
  vi.useRealTimers();
});

describe('a case arriving at a unit', () => {
  it('is the unit head’s when it waits for their unit’s answer', () => {
    expect(arrivesAtMyUnit(moved('specialist', 'u-kt'), head)).toBe(true);
  });

  it('is not for another unit, another step, another role, or a change without a case', () => {
    expect(arrivesAtMyUnit(moved('specialist', 'u-khac'), head)).toBe(false);
    expect(arrivesAtMyUnit(moved('received', 'u-kt'), head)).toBe(false);
    expect(arrivesAtMyUnit(moved('specialist', 'u-kt'), { ...head, role: 'reception' })).toBe(false);
    expect(arrivesAtMyUnit(moved('specialist', null), { ...head, unit_id: null })).toBe(false);
    expect(arrivesAtMyUnit({ command: 'holiday_add', case: null, by: 'admin' }, head)).toBe(false);
    expect(arrivesAtMyUnit(moved('specialist', 'u-kt'), null)).toBe(false);
  });

  it('is told with its receipt number, once', () => {
    live.changed(moved('specialist', 'u-kt'), head);
    live.changed(moved('specialist', 'u-kt'), head);
    live.changed(moved('specialist', 'u-kt', '2026/000013'), head);
    expect(live.arrivals).toEqual(['2026/000012', '2026/000013']);
    expect(arrivalNotice('2026/000012')).toBe('Có hồ sơ mới chuyển đến đơn vị: 2026/000012');
  });
});

describe('the lists follow the changes', () => {
  it('reload once for a burst of changes, after they settle', () => {
    const before = live.seq;
    for (let i = 0; i < 5; i++) {
      live.changed(moved('received', null), head);
      vi.advanceTimersByTime(SETTLE_MS / 4);
    }
    expect(live.seq).toBe(before);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(live.seq).toBe(before + 1);
  });
});

describe('the case open on screen follows the changes that touch it', () => {
  it('is touched by a change naming it, not by one naming another case', () => {
    live.changed(moved('specialist', 'u-kt'), head);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(touches(live.touched, 'c1')).toBe(true);
    expect(touches(live.touched, 'c2')).toBe(false);
  });

  it('gathers the cases of a burst, and forgets them once told', () => {
    live.changed({ ...moved('received', null), case: { id: 'c2', receipt_no: '2026/000013', status: 'received', unit_id: null } }, head);
    live.changed(moved('received', null), head);
    vi.advanceTimersByTime(SETTLE_MS);
    expect([...(live.touched ?? [])].sort()).toEqual(['c1', 'c2']);
    live.changed(moved('received', null), head);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(touches(live.touched, 'c2')).toBe(false);
  });

  it('may be touched by a change naming no case, or by a connection that came back', () => {
    live.changed({ command: 'holiday_add', case: null, by: 'quantri' }, head);
    live.changed(moved('received', null), head);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(touches(live.touched, 'c9')).toBe(true);
    live.changed(null, head);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(touches(live.touched, 'c9')).toBe(true);
    live.changed(moved('received', null), head);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(touches(live.touched, 'c9')).toBe(false);
  });
});
