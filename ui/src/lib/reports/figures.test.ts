import { describe, expect, it } from 'vitest';
import type { Change, CriterionShare, QuarterSurveys, Share, SourceFigures, SurveyFigures } from '../api/bindings';
import {
  barWidth,
  changeText,
  criterionRows,
  decimal,
  indexSource,
  ofText,
  percentText,
  pointsText,
  sourcesAndTogether,
  tone,
  valueText,
} from './figures';

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

  it('write a change of the index in percentage points', () => {
    expect(pointsText(23.7)).toBe('+23,7 điểm %');
    expect(pointsText(-2)).toBe('−2 điểm %');
    expect(pointsText(null)).toBe('—');
  });

  it('line up each criterion across the quarters, blank where it was not asked', () => {
    const share = (count: number, of: number): Share => ({ count, of, percent: of ? Math.round((1000 * count) / of) / 10 : null });
    const c = (template: string, code: string, label: string, s: Share): CriterionShare => ({ template, code, question: 'Câu hỏi 1', label, share: s });
    const period = (label: string) => ({ from: label, to: label, label });
    const q = (label: string, criteria: CriterionShare[]): QuarterSurveys => ({
      quarter: { period: period(label), forms: 1, index: share(1, 1), criteria },
      year_before: { period: period(label), forms: 0, index: share(0, 0), criteria: [] },
      change: null,
    });
    const rows = criterionRows([
      q('Quý I năm 2026', [c('BM.QT.SCT.05-02', 'cau_1.1', 'Thái độ giao tiếp', share(2, 2)), c('BM.QT.SCT.05-02', 'cau_1.2', 'Lắng nghe ý kiến', share(2, 3))]),
      q('Quý II năm 2026', []),
      q('Quý III năm 2026', [c('BM.QT.SCT.05-02', 'cau_1.2', 'Lắng nghe ý kiến', share(1, 1)), c('KHAC', 'cau_1.1', 'Thái độ', share(0, 1))]),
    ]);
    expect(rows.map((r) => r.label)).toEqual(['Thái độ giao tiếp', 'Lắng nghe ý kiến', 'Thái độ']);
    expect(rows[1].shares.map((s) => (s ? percentText(s) : null))).toEqual(['66,7%', null, '100%']);
    expect(rows[2].shares[0]).toBeNull();
  });
});

describe('survey figures by source', () => {
  const source = (key: string, forms: number, count: number, of: number, counted: boolean): SourceFigures => ({
    key,
    label: key,
    forms,
    index: { count, of, percent: null },
    counted,
  });
  const surveys = (by_source?: SourceFigures[]): SurveyFigures => ({
    forms: 0,
    templates: [],
    index: { count: 0, of: 0, percent: null },
    opinion_groups: [],
    ...(by_source ? { by_source } : {}),
  });

  it('name the source the index counts, both when none is listed apart', () => {
    expect(indexSource(surveys())).toBe('both');
    expect(indexSource(surveys([source('paper', 40, 30, 40, true), source('kiosk', 7, 5, 7, false)]))).toBe('paper');
    expect(indexSource(surveys([source('paper', 40, 30, 40, false), source('kiosk', 7, 5, 7, true)]))).toBe('kiosk');
    expect(indexSource(surveys([source('paper', 40, 30, 40, true), source('kiosk', 7, 5, 7, true)]))).toBe('both');
  });

  it('add both together from the summed answers, rounded as the core rounds', () => {
    expect(sourcesAndTogether(surveys())).toEqual([]);
    // 1 of 16 is 6.25: half away from zero, 6.3.
    const rows = sourcesAndTogether(surveys([source('paper', 10, 1, 10, true), source('kiosk', 3, 0, 6, false)]));
    expect(rows.map((r) => r.key)).toEqual(['paper', 'kiosk', 'together']);
    expect(rows[2]).toMatchObject({ forms: 13, index: { count: 1, of: 16, percent: 6.3 }, counted: false });
    const both = sourcesAndTogether(surveys([source('paper', 2, 2, 3, true), source('kiosk', 0, 0, 0, true)]));
    expect(both[2]).toMatchObject({ index: { count: 2, of: 3, percent: 66.7 }, counted: true });
  });
});
