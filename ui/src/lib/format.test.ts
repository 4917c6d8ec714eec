import { describe, expect, it } from 'vitest';
import {
  describeLocalDateTime,
  formatDate,
  formatDateTime,
  formatLocalDateTime,
  localYmd,
  parseDateInput,
  parseDateTimeInput,
  parseWholeNumber,
} from './format';

describe('formatDateTime', () => {
  it('shows an RFC 3339 UTC instant in the given zone as dd/mm/yyyy HH:mm', () => {
    // Vietnam is UTC+7 all year.
    expect(formatDateTime('2026-01-05T03:04:05Z', 'Asia/Ho_Chi_Minh')).toBe('05/01/2026 10:04');
    expect(formatDateTime('2026-01-05T03:04:05.123+00:00', 'Asia/Ho_Chi_Minh')).toBe('05/01/2026 10:04');
  });

  it('crosses midnight and the year end correctly', () => {
    expect(formatDateTime('2025-12-31T17:30:00Z', 'Asia/Ho_Chi_Minh')).toBe('01/01/2026 00:30');
    expect(formatDateTime('2025-12-31T17:30:00Z', 'UTC')).toBe('31/12/2025 17:30');
  });

  it('uses 24-hour time with leading zeros', () => {
    expect(formatDateTime('2026-03-09T14:07:00Z', 'UTC')).toBe('09/03/2026 14:07');
    expect(formatDateTime('2026-03-09T00:00:00Z', 'UTC')).toBe('09/03/2026 00:00');
  });

  it('uses the local zone when none is given', () => {
    const d = new Date(2026, 6, 4, 8, 9); // local time
    expect(formatDateTime(d.toISOString())).toBe('04/07/2026 08:09');
  });

  it('returns unreadable input unchanged', () => {
    expect(formatDateTime('hôm qua')).toBe('hôm qua');
    expect(formatDateTime('')).toBe('');
  });
});

describe('parseWholeNumber', () => {
  it('reads whole numbers', () => {
    expect(parseWholeNumber('30')).toBe(30);
    expect(parseWholeNumber(' 7 ')).toBe(7);
    expect(parseWholeNumber(15)).toBe(15);
    expect(parseWholeNumber('0')).toBe(0);
  });

  it('refuses what is not a whole number', () => {
    for (const bad of ['', '  ', '2.5', '2,5', '-3', '1e3', 'ba mươi', '12345678901', null, undefined, 2.5, -1, NaN]) {
      expect(parseWholeNumber(bad as string | number | null | undefined)).toBeNull();
    }
  });
});

describe('formatDate and formatLocalDateTime', () => {
  it('show the core dates as dd/mm/yyyy without any time zone shift', () => {
    expect(formatDate('2026-03-02')).toBe('02/03/2026');
    expect(formatDate('2026-12-31')).toBe('31/12/2026');
    expect(formatLocalDateTime('2026-03-02T09:30')).toBe('02/03/2026 09:30');
    expect(formatLocalDateTime('2026-03-02 00:05')).toBe('02/03/2026 00:05');
  });

  it('return what they cannot read unchanged, and empty for nothing', () => {
    expect(formatDate('02/03/2026')).toBe('02/03/2026');
    expect(formatDate(null)).toBe('');
    expect(formatLocalDateTime('sáng nay')).toBe('sáng nay');
    expect(formatLocalDateTime(undefined)).toBe('');
  });
});

describe('localYmd', () => {
  it('gives the local calendar date', () => {
    expect(localYmd(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localYmd(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
  });
});

describe('parseDateInput', () => {
  it('reads dates typed day first, as in Vietnam', () => {
    expect(parseDateInput('02/03/2026')).toBe('2026-03-02');
    expect(parseDateInput('2/3/2026')).toBe('2026-03-02');
    expect(parseDateInput(' 2-3-2026 ')).toBe('2026-03-02');
    expect(parseDateInput('02.03.2026')).toBe('2026-03-02');
    expect(parseDateInput('2026-03-02')).toBe('2026-03-02');
  });

  it('refuses dates that do not exist and text that is not a date', () => {
    for (const bad of ['30/02/2026', '29/02/2027', '32/01/2026', '01/13/2026', '3/2026', 'mai', '', '2026-3-32']) {
      expect(parseDateInput(bad)).toBeNull();
    }
    expect(parseDateInput('29/02/2028')).toBe('2028-02-29');
  });
});

describe('parseDateTimeInput', () => {
  it('reads a date and time typed day first, and the ISO form', () => {
    expect(parseDateTimeInput('06/12/2026 08:30')).toBe('2026-12-06T08:30');
    expect(parseDateTimeInput('6/12/2026 8:30')).toBe('2026-12-06T08:30');
    expect(parseDateTimeInput('06/12/2026, 14h05')).toBe('2026-12-06T14:05');
    expect(parseDateTimeInput('06/12/2026 lúc 14:05')).toBe('2026-12-06T14:05');
    expect(parseDateTimeInput('2026-12-06T08:30')).toBe('2026-12-06T08:30');
  });

  it('refuses a day or an hour that does not exist, and a date without its time', () => {
    for (const bad of ['31/11/2026 08:30', '06/12/2026 24:00', '06/12/2026 08:60', '06/12/2026', '08:30', 'sáng nay', '']) {
      expect(parseDateTimeInput(bad), bad).toBeNull();
    }
  });
});

describe('describeLocalDateTime', () => {
  it('spells out the weekday so the day and month cannot be swapped', () => {
    expect(describeLocalDateTime('2026-03-02T09:30')).toBe('Thứ Hai, 02/03/2026 lúc 09:30');
    expect(describeLocalDateTime('2026-11-22T15:05')).toBe('Chủ nhật, 22/11/2026 lúc 15:05');
    expect(describeLocalDateTime('')).toBe('');
  });
});
