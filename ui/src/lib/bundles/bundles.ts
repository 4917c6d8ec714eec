// What the Gói số liệu page shows of the core's answers: the offices side by side and their
// total as rows of one table, a share as a percentage with its counts, an import's outcome.

import type { BundleImport, ConsolidatedFigures, Figures, Share } from '../api/bindings';
import { formatDate } from '../format';

export interface OfficeRow {
  key: string;
  name: string;
  figures: Figures;
  yearBefore: Figures;
  total: boolean;
}

/** Each office that sent its bundle, then «Tổng cộng» when there is one. */
export function officeRows(c: ConsolidatedFigures): OfficeRow[] {
  const rows: OfficeRow[] = c.offices.map((o) => ({
    key: o.office.id,
    name: o.office.name,
    figures: o.report.figures,
    yearBefore: o.report.year_before,
    total: false,
  }));
  if (c.total) {
    rows.push({ key: 'total', name: 'Tổng cộng', figures: c.total.figures, yearBefore: c.total.year_before, total: true });
  }
  return rows;
}

/** "92,5% (37/40)", or a dash when there is nothing to divide. */
export function shareText(s: Share): string {
  if (s.percent === null) return '—';
  return `${s.percent.toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}% (${s.count}/${s.of})`;
}

/** What importing did, in the office's words. */
export function importNote(r: BundleImport): string {
  const b = r.bundle;
  const what = `gói số liệu của «${b.office}» (${formatDate(b.from)} – ${formatDate(b.to)})`;
  switch (r.outcome) {
    case 'unchanged':
      return `Đã nhập ${what} này trước đây: không có gì thay đổi.`;
    case 'replaced':
      return `Đã nhập ${what}, thay cho gói cũ hơn của cùng kỳ.`;
    default:
      return `Đã nhập ${what}.`;
  }
}
