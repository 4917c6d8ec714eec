import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, daysLeftWords, rowDeadline } from './deadline';

describe('daysLeftWords', () => {
  it('counts down, says today, then counts the days past', () => {
    expect(daysLeftWords(3)).toBe('Còn 3 ngày');
    expect(daysLeftWords(1)).toBe('Còn 1 ngày');
    expect(daysLeftWords(0)).toBe('Hết hạn hôm nay');
    expect(daysLeftWords(-1)).toBe('Quá hạn 1 ngày');
    expect(daysLeftWords(-2)).toBe('Quá hạn 2 ngày');
  });

  it('says nothing when there is no count (a closed case)', () => {
    expect(daysLeftWords(null)).toBe('');
    expect(daysLeftWords(undefined)).toBe('');
  });
});

describe('daysBetween', () => {
  it('counts calendar days across month ends, leap days and the year end', () => {
    expect(daysBetween('2026-03-02', '2026-04-01')).toBe(30);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-04-01', '2026-03-02')).toBe(-30);
  });

  it('ignores a time part and refuses what is not a date', () => {
    expect(daysBetween('2026-03-02T23:59', '2026-03-03')).toBe(1);
    expect(daysBetween('hôm nay', '2026-03-03')).toBeNull();
  });
});

describe('addDays', () => {
  it('adds calendar days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-11-22', 30)).toBe('2026-12-22');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});

describe('rowDeadline', () => {
  const open = { status: 'specialist' as const, due_date: '2026-03-10', closed_at: null };

  it('is overdue the day after the deadline, not on it', () => {
    expect(rowDeadline(open, '2026-03-10', 3)).toEqual({ daysLeft: 0, tone: 'soon', words: 'Hết hạn hôm nay' });
    expect(rowDeadline(open, '2026-03-12', 3)).toEqual({ daysLeft: -2, tone: 'overdue', words: 'Quá hạn 2 ngày' });
  });

  it('warns within the office due-soon window only', () => {
    expect(rowDeadline(open, '2026-03-07', 3).tone).toBe('soon');
    expect(rowDeadline(open, '2026-03-06', 3).tone).toBe('ok');
    expect(rowDeadline(open, '2026-03-06', 3).words).toBe('Còn 4 ngày');
  });

  it('says of a closed case only whether it was late', () => {
    const inTime = { status: 'closed' as const, due_date: '2026-03-10', closed_at: '2026-03-10T16:00' };
    const late = { status: 'closed' as const, due_date: '2026-03-10', closed_at: '2026-03-11T08:00' };
    expect(rowDeadline(inTime, '2026-04-01', 3)).toEqual({ daysLeft: null, tone: 'closed', words: '' });
    expect(rowDeadline(late, '2026-04-01', 3)).toEqual({ daysLeft: null, tone: 'closed', words: 'Giải quyết trễ hạn' });
  });
});
