// How the Báo cáo page writes numbers: Vietnamese decimal comma, shares with what they are
// out of, changes with their sign and unit. The same conventions as the printed report.

import type { Change, IndexSource, QuarterSurveys, Share, SourceFigures, SurveyFigures } from '../api/bindings';

/** 95.1 → "95,1"; 100 → "100". */
export function decimal(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1).replace('.', ',');
}

/** "95,1%" or "—" when there is nothing to divide. */
export function percentText(s: Share): string {
  return s.percent === null ? '—' : `${decimal(s.percent)}%`;
}

/** "156/164", what a share is out of. */
export function ofText(s: Share): string {
  return `${s.count}/${s.of}`;
}

/** A figure of the comparison table in its unit. */
export function valueText(unit: string, x: number | null): string {
  if (x === null) return '—';
  return unit === 'percent' ? `${decimal(x)}%` : decimal(x);
}

/** "+1,9 điểm %", "−2", or "—". */
export function changeText(c: Change): string {
  if (c.change === null) return '—';
  const sign = c.change > 0 ? '+' : c.change < 0 ? '−' : '';
  const unit = c.unit === 'percent' ? ' điểm %' : '';
  return `${sign}${decimal(Math.abs(c.change))}${unit}`;
}

/** Whether a rise is good news: more feedback is neutral, more overdue cases are not. */
export function tone(c: Change): 'good' | 'bad' | 'neutral' {
  if (c.change === null || c.change === 0) return 'neutral';
  const better: Record<string, number> = {
    replied_on_time: 1,
    settled_front_desk: 1,
    median_days_to_close: -1,
    p90_days_to_close: -1,
    open_at_end: -1,
    overdue_at_end: -1,
  };
  const direction = better[c.key];
  if (!direction) return 'neutral';
  return Math.sign(c.change) === direction ? 'good' : 'bad';
}

/** Width of a bar as a percentage of the largest count (0 when all are 0). */
export function barWidth(count: number, max: number): number {
  return max > 0 ? Math.round((count / max) * 1000) / 10 : 0;
}

/** A change in percentage points: "+1,9 điểm %", "−2 điểm %", or "—". */
export function pointsText(x: number | null): string {
  if (x === null) return '—';
  const sign = x > 0 ? '+' : x < 0 ? '−' : '';
  return `${sign}${decimal(Math.abs(x))} điểm %`;
}

/** One rated criterion across the quarters: its share in each (null when not asked then). */
export interface CriterionRow {
  key: string;
  label: string;
  shares: (Share | null)[];
}

/**
 * The rated criteria met in any quarter, in the order first met, each with its share per
 * quarter. A criterion is one answer code of one template code: the same question of two
 * versions of a form is one row.
 */
export function criterionRows(quarters: QuarterSurveys[]): CriterionRow[] {
  const rows: CriterionRow[] = [];
  quarters.forEach((q, i) => {
    for (const c of q.quarter.criteria) {
      const key = `${c.template}/${c.code}`;
      let row = rows.find((r) => r.key === key);
      if (!row) {
        row = { key, label: c.label, shares: quarters.map(() => null) };
        rows.push(row);
      }
      row.shares[i] = c.share;
    }
  });
  return rows;
}

/** How the report names the sources the office's index counts (Cài đặt › Thông số). */
export const INDEX_SOURCE_LABELS: Record<IndexSource, string> = {
  paper: 'phiếu khảo sát giấy',
  kiosk: 'đánh giá tại quầy (máy đánh giá)',
  both: 'phiếu khảo sát giấy và đánh giá tại quầy (máy đánh giá), tính chung',
};

/** The sources the index counts, read from the sources listed apart (both when none are). */
export function indexSource(s: SurveyFigures): IndexSource {
  const counted = (key: string) => (s.by_source ?? []).some((x) => x.key === key && x.counted);
  if (!s.by_source) return 'both';
  if (counted('paper') && !counted('kiosk')) return 'paper';
  if (counted('kiosk') && !counted('paper')) return 'kiosk';
  return 'both';
}

/**
 * Each source apart, then both together (key `together`, counted when the index counts
 * both), as the printed report lists them; empty when no source is listed apart.
 */
export function sourcesAndTogether(s: SurveyFigures): SourceFigures[] {
  if (!s.by_source) return [];
  const sum = (f: (x: SourceFigures) => number) => s.by_source!.reduce((n, x) => n + f(x), 0);
  const [count, of] = [sum((x) => x.index.count), sum((x) => x.index.of)];
  // One decimal, half away from zero, in integers up to the rounding step as the core rounds.
  const n = count * 1000;
  const percent = of > 0 ? (Math.floor(n / of) + (2 * (n % of) >= of ? 1 : 0)) / 10 : null;
  const together: SourceFigures = {
    key: 'together',
    label: 'Tính chung',
    forms: sum((x) => x.forms),
    index: { count, of, percent },
    counted: indexSource(s) === 'both',
  };
  return [...s.by_source, together];
}
