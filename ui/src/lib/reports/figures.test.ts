import { describe, expect, it } from 'vitest';
import type { Change } from '../api/bindings';
import { barWidth, changeText, decimal, ofText, percentText, tone, valueText } from './figures';

const change = (key: string, unit: string, c: number | null): Change => ({
  key,
  label: key,
  unit,
  current: null,
  previous: null,
  change: c,
});

describe('report numbers', () => {
  it('use the Vietnamese decimal comma', () => {
    expect(decimal(95.1)).toBe('95,1');
    expect(decimal(100)).toBe('100');
    expect(percentText({ count: 1, of: 8, percent: 12.5 })).toBe('12,5%');
    expect(percentText({ count: 0, of: 0, percent: null })).toBe('—');
    expect(ofText({ count: 156, of: 164, percent: 95.1 })).toBe('156/164');
    expect(valueText('percent', 40)).toBe('40%');
    expect(valueText('days', 6.5)).toBe('6,5');
  });

  it('write changes with their sign and unit', () => {
    expect(changeText(change('replied_on_time', 'percent', 1.9))).toBe('+1,9 điểm %');
    expect(changeText(change('open_at_end', 'count', -2))).toBe('−2');
    expect(changeText(change('open_at_end', 'count', 0))).toBe('0');
    expect(changeText(change('open_at_end', 'count', null))).toBe('—');
  });

  it('say whether a change is good news', () => {
    expect(tone(change('replied_on_time', 'percent', 2))).toBe('good');
    expect(tone(change('overdue_at_end', 'count', 2))).toBe('bad');
    expect(tone(change('feedback_total', 'count', 40))).toBe('neutral');
  });

  it('scale bars to the largest count', () => {
    expect(barWidth(5, 10)).toBe(50);
    expect(barWidth(0, 0)).toBe(0);
  });
});
