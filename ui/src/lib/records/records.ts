// Pure helpers of the records screen: sizes, the lines that sum up an import, backup names
// shown as dates, and the suggested names of exported files.

import type { BackupFile, ImportPreview, ImportRow, TaskProgress } from '../api/bindings';

/** 1536 → "1,5 KB": sizes as a Vietnamese reader writes them (comma decimals). */
export function formatBytes(bytes: number): string {
  const units = ['byte', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 ? String(value) : value.toFixed(value < 10 ? 1 : 0).replace('.', ',');
  return `${shown} ${units[unit]}`;
}

/** "2026-11-22T09:30:15" → "22/11/2026 09:30". */
export function backupTime(b: BackupFile): string {
  const [date, time] = b.made_at.split('T');
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y} ${time.slice(0, 5)}`;
}

/** The one sentence under the preview: what will happen, or what happened. */
export function importSummary(p: ImportPreview): string {
  const parts = [`${p.new_rows} dòng mới`];
  if (p.duplicate_rows > 0) parts.push(`${p.duplicate_rows} dòng đã có (bỏ qua)`);
  if (p.error_rows > 0) parts.push(`${p.error_rows} dòng lỗi`);
  const head = p.committed ? 'Đã nhập' : 'Sẽ nhập';
  return `${head}: ${parts.join(', ')}; tổng ${p.total_rows} dòng.`;
}

/** Whether the import may be committed: something new, and no line with an error. */
export function canCommit(p: ImportPreview): boolean {
  return !p.committed && p.error_rows === 0 && p.new_rows > 0;
}

/** The encoding line of the preview, when the text was converted. */
export function encodingNote(p: ImportPreview): string {
  if (p.encoding === 'unicode' || p.converted_cells === 0) return '';
  return `Văn bản trong tệp được gõ bằng bảng mã ${p.encoding_label}; đã chuyển ${p.converted_cells} ô sang Unicode. Hãy xem lại trước khi nhập.`;
}

export const ROW_STATUS: Record<ImportRow['status'], string> = {
  new: 'Mới',
  duplicate: 'Đã có',
  error: 'Lỗi',
};

/** "Đang nhập… 1.500/4.000 dòng" for the progress line. */
export function progressText(p: TaskProgress | null, task: string): string {
  const verb: Record<string, string> = { import: 'Đang nhập', export: 'Đang xuất', backup: 'Đang sao lưu' };
  const label = verb[task] ?? 'Đang làm';
  if (!p || p.task !== task || p.total <= 1) return `${label}…`;
  const n = (x: number) => x.toLocaleString('vi-VN');
  return `${label}… ${n(p.done)}/${n(p.total)} dòng`;
}

/** 0–100 for a progress bar, or null while the size is unknown. */
export function progressPercent(p: TaskProgress | null): number | null {
  if (!p || p.total <= 1) return null;
  return Math.min(100, Math.round((p.done / p.total) * 100));
}

/** The suggested file name of an export, e.g. "So-ghi-nhan-2026-11-22.xlsx". */
export function exportFileName(what: 'ledger' | 'cases', ext: 'xlsx' | 'csv', today: string): string {
  const base = what === 'ledger' ? 'So-ghi-nhan' : 'Ho-so-xu-ly';
  return `${base}-${today}.${ext}`;
}
