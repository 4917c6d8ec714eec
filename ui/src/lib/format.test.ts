import { describe, expect, it } from 'vitest';
import { formatDateTime, parseWholeNumber } from './format';

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
