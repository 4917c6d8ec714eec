// What the Gói số liệu page shows of the core's answers: the offices side by side and their
// total as rows of one table, a share as a percentage with its counts, an import's outcome,
// what became of a file of the inbox folder, the records behind an office's figure.

import type { BundleImport, ConsolidatedFigures, Figures, InboxEntry, OfficeRecords, Share } from '../api/bindings';
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

/** The figures of an office whose records a click opens. */
export type BehindFigure = 'cases' | 'complaints' | 'forms';

/** How many records lie behind a figure, and how many are listed. */
export function recordsCount(r: OfficeRecords): string {
  const what = r.figure === 'forms' ? 'phiếu khảo sát, đánh giá tại quầy' : r.figure === 'complaints' ? 'khiếu nại, phàn nàn, kháng nghị' : 'ý kiến';
  const shown = r.figure === 'forms' ? r.forms.length : r.cases.length;
  return `${r.total} ${what}${r.total > shown ? `; hiện ${shown} đầu tiên` : ''}.`;
}

/** Where a survey answer came from: a paper form or a rating kiosk. */
export function sourceLabel(source: string): string {
  return source === 'kiosk' ? 'Đánh giá tại quầy' : 'Phiếu giấy';
}

/** What became of a file of the inbox folder, in the office's words. */
export function inboxLine(e: InboxEntry): string {
  const period = e.from && e.to ? ` (${formatDate(e.from)} – ${formatDate(e.to)})` : '';
  switch (e.outcome) {
    case 'imported':
      return `Đã nhập gói số liệu của «${e.office}»${period}.`;
    case 'replaced':
      return `Đã nhập gói số liệu của «${e.office}»${period}, thay cho gói cũ hơn của cùng kỳ.`;
    case 'unchanged':
      return `Gói số liệu của «${e.office}»${period} đã nhập trước đây: không có gì thay đổi.`;
    default:
      return `Không nhận: ${e.reason ?? ''}`;
  }
}
