import { describe, expect, it } from 'vitest';
import { termDefault, termLabel, termOptions } from './terms';

const channels = [
  { value: 'hotline', label: 'Điện thoại, đường dây nóng' },
  { value: 'in_person', label: 'Trực tiếp tại cơ quan' },
];

describe('terms', () => {
  it('finds the label of a value', () => {
    expect(termLabel(channels, 'in_person')).toBe('Trực tiếp tại cơ quan');
  });

  it('shows the value itself when the vocabulary lacks it, and nothing for no value', () => {
    expect(termLabel(channels, 'fax')).toBe('fax');
    expect(termLabel(null, 'hotline')).toBe('hotline');
    expect(termLabel(channels, null)).toBe('');
  });

  it('keeps the core order for select options', () => {
    expect(termOptions(channels).map((o) => o.value)).toEqual(['hotline', 'in_person']);
    expect(termOptions(undefined)).toEqual([]);
  });

  it('defaults to the preferred value only when the vocabulary has it', () => {
    expect(termDefault(channels, 'in_person')).toBe('in_person');
    expect(termDefault(channels, 'survey')).toBe('hotline');
    expect(termDefault([], 'survey')).toBe('survey');
  });
});
