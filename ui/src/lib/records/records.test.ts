import { describe, expect, it } from 'vitest';
import type { BackupFile, ImportPreview } from '../api/bindings';
import {
  backupTime,
  canCommit,
  encodingNote,
  exportFileName,
  formatBytes,
  importSummary,
  progressPercent,
  progressText,
} from './records';

function preview(over: Partial<ImportPreview> = {}): ImportPreview {
  return {
    file_name: 'so.xlsx',
    sheet: 'Sổ 2023',
    encoding: 'unicode',
    encoding_label: 'Unicode',
    converted_cells: 0,
    header_row: 6,
    columns: [],
    total_rows: 5,
    new_rows: 5,
    duplicate_rows: 0,
    error_rows: 0,
    rows: [],
    committed: false,
    ...over,
  };
}

describe('records helpers', () => {
  it('writes sizes with comma decimals', () => {
    expect(formatBytes(512)).toBe('512 byte');
    expect(formatBytes(1536)).toBe('1,5 KB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
  });

  it('shows a backup by its date', () => {
    const b: BackupFile = { path: '/x', file_name: 'ykien-20261122-093015.db', bytes: 1, made_at: '2026-11-22T09:30:15' };
    expect(backupTime(b)).toBe('22/11/2026 09:30');
  });

  it('sums up an import and refuses to commit with errors', () => {
    expect(importSummary(preview())).toBe('Sẽ nhập: 5 dòng mới; tổng 5 dòng.');
    const broken = preview({ new_rows: 3, error_rows: 2 });
    expect(importSummary(broken)).toBe('Sẽ nhập: 3 dòng mới, 2 dòng lỗi; tổng 5 dòng.');
    expect(canCommit(broken)).toBe(false);
    expect(canCommit(preview())).toBe(true);
    expect(canCommit(preview({ new_rows: 0, duplicate_rows: 5 }))).toBe(false);
    expect(importSummary(preview({ committed: true, new_rows: 0, duplicate_rows: 5 }))).toBe(
      'Đã nhập: 0 dòng mới, 5 dòng đã có (bỏ qua); tổng 5 dòng.',
    );
  });

  it('names the legacy encoding only when text was converted', () => {
    expect(encodingNote(preview())).toBe('');
    const tcvn3 = preview({ encoding: 'tcvn3', encoding_label: 'TCVN3 (ABC, phông .VnTime)', converted_cells: 11 });
    expect(encodingNote(tcvn3)).toContain('TCVN3 (ABC, phông .VnTime); đã chuyển 11 ô sang Unicode');
  });

  it('reports progress in lines', () => {
    expect(progressText(null, 'import')).toBe('Đang nhập…');
    expect(progressText({ task: 'import', done: 1500, total: 4000 }, 'import')).toBe('Đang nhập… 1.500/4.000 dòng');
    expect(progressPercent({ task: 'export', done: 1, total: 4 })).toBe(25);
    expect(progressPercent({ task: 'backup', done: 0, total: 1 })).toBeNull();
  });

  it('suggests export names', () => {
    expect(exportFileName('ledger', 'xlsx', '2026-11-22')).toBe('So-ghi-nhan-2026-11-22.xlsx');
    expect(exportFileName('cases', 'csv', '2026-11-22')).toBe('Ho-so-xu-ly-2026-11-22.csv');
  });
});
