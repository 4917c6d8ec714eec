import { describe, expect, it } from 'vitest';
import { receiptList, sourceLines, sourcesOf } from './register';

describe('the register', () => {
  it('shows every source of an action, cases first', () => {
    const kinds = [{ value: 'annual_proposal', label: 'Đề xuất của báo cáo đánh giá năm' }];
    const lines = sourceLines({ cases: ['2026/000012'], sources: [{ kind: 'annual_proposal', reference: '2025', label: '' }] }, kinds);
    expect(lines).toEqual(['Hồ sơ 2026/000012', 'Đề xuất của báo cáo đánh giá năm: 2025']);
  });

  it('reads the receipt numbers and sources typed in the form', () => {
    expect(receiptList(' 2026/000012, 2026/000013;2026/000012 ')).toEqual(['2026/000012', '2026/000013']);
    expect(sourcesOf('Thái độ giao tiếp', '', ' 2025 ')).toEqual([
      { kind: 'survey_criterion', reference: 'Thái độ giao tiếp', label: '' },
      { kind: 'annual_proposal', reference: '2025', label: '' },
    ]);
    expect(sourcesOf(' ', '', '')).toEqual([]);
  });
});
