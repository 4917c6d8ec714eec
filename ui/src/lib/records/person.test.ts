import { describe, expect, it } from 'vitest';
import type { PersonMatch } from '../api/bindings';
import { erasureNote, erasureQuestion, openPicked, pickedWords, selectionOf } from './person';

function match(id: string, kind: PersonMatch['kind'], open = false): PersonMatch {
  return {
    kind,
    id,
    reference: id,
    date: '2026-03-02',
    name: 'Nguyễn Văn An',
    org: '',
    phone: '•••••••222',
    email: '',
    description: '',
    matched_on: ['họ tên'],
    open,
  };
}

describe('personal data picks', () => {
  const all = [match('c1', 'case'), match('c2', 'case', true), match('s1', 'survey_form')];

  it('splits the picks by kind and leaves out what was not picked', () => {
    expect(selectionOf(all, new Set(['c1', 's1']))).toEqual({ case_ids: ['c1'], survey_form_ids: ['s1'] });
    expect(selectionOf(all, new Set())).toEqual({ case_ids: [], survey_form_ids: [] });
  });

  it('counts the picks in words', () => {
    expect(pickedWords({ case_ids: ['a', 'b'], survey_form_ids: ['c'] })).toBe('2 hồ sơ và 1 phiếu khảo sát');
    expect(pickedWords({ case_ids: [], survey_form_ids: ['c'] })).toBe('1 phiếu khảo sát');
  });

  it('finds the open cases among the picks', () => {
    expect(openPicked(all, new Set(['c1', 'c2'])).map((m) => m.id)).toEqual(['c2']);
  });

  it('asks before erasing and reports without the erased data', () => {
    expect(erasureQuestion({ case_ids: ['a'], survey_form_ids: [] })).toContain('của 1 hồ sơ đã chọn');
    expect(
      erasureNote({
        id: 'x',
        reference: 'Đơn số 12',
        request_date: '2026-05-04',
        cases: ['2026/000001'],
        survey_forms: ['2026-01/00007'],
        redacted_audit_entries: 3,
        removed_reports: 0,
      }),
    ).toBe(
      'Đã xoá dữ liệu cá nhân theo yêu cầu Đơn số 12 (ngày 04/05/2026): 2026/000001, 2026-01/00007. ' +
        'Các dòng trong sổ ghi «[đã xoá theo yêu cầu]»; việc xoá đã được ghi vào nhật ký thay đổi.',
    );
  });
});
