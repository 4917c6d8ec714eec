import { describe, expect, it } from 'vitest';
import type { BackupFile, BackupState, DisposalReport, DueSurveyForm, ImportPreview, RetentionDue } from '../api/bindings';
import {
  anythingDue,
  backupPlace,
  backupTime,
  canCommit,
  cellName,
  codePageNote,
  disposalNote,
  disposalQuestion,
  dueWords,
  roundsDue,
  encodingNote,
  exportFileName,
  formatBytes,
  importSummary,
  newestBackup,
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
    conversions: [],
    code_page: null,
    code_page_label: '',
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

  it('names a cell and a CSV code page other than UTF-8', () => {
    const c = { sheet: 'Sổ 2024', row: 5, column: 'B', encoding: 'tcvn3' as const, before: 'TrÇn', after: 'Trần' };
    expect(cellName(c)).toBe('Sổ 2024!B5');
    expect(cellName({ ...c, sheet: '' })).toBe('B5');
    expect(codePageNote('utf8')).toBe('');
    expect(codePageNote(null)).toBe('');
    expect(codePageNote('windows1258')).toBe(
      'Tệp CSV được lưu bằng bảng mã Windows-1258 (tiếng Việt, Excel trên Windows tiếng Việt); đã đọc và chuyển sang Unicode.',
    );
  });

  it('reports progress in lines', () => {
    expect(progressText(null, 'import')).toBe('Đang nhập…');
    expect(progressText({ task: 'import', done: 1500, total: 4000 }, 'import')).toBe('Đang nhập… 1.500/4.000 dòng');
    expect(progressText({ task: 'scan', done: 12, total: 40 }, 'scan')).toBe('Đang đọc phiếu quét… 12/40 trang');
    expect(progressPercent({ task: 'export', done: 1, total: 4 })).toBe(25);
    expect(progressPercent({ task: 'backup', done: 0, total: 1 })).toBeNull();
  });

  it('suggests export names', () => {
    expect(exportFileName('ledger', 'xlsx', '2026-11-22')).toBe('So-ghi-nhan-2026-11-22.xlsx');
    expect(exportFileName('cases', 'csv', '2026-11-22')).toBe('Ho-so-xu-ly-2026-11-22.csv');
  });
});

function form(serial: number, over: Partial<DueSurveyForm> = {}): DueSurveyForm {
  return {
    id: `f${serial}`,
    round_id: 'r1',
    round_code: '2025-01',
    round_name: 'Khảo sát năm 2025',
    template_code: 'BM.QT.SCT.05-02',
    serial,
    filled_on: '2025-05-06',
    period_from: '2025-01-01',
    period_to: '2025-12-31',
    counted_from: '2025-12-31',
    due_on: '2027-12-31',
    texts: 1,
    ...over,
  };
}

function due(ledger: number, forms: DueSurveyForm[]): RetentionDue {
  return {
    on: '2028-01-02',
    record_type: 'ledger',
    record_label: 'Sổ ghi nhận ý kiến của khách hàng',
    retention_years: 3,
    records: Array.from({ length: ledger }, (_, i) => ({
      id: `c${i}`,
      receipt_no: `2024/00000${i + 1}`,
      received_on: '2024-01-02',
      closed_on: '2024-01-08',
      due_on: '2027-01-08',
      kind: 'complaint',
      subject: 'procedure',
      channel: 'in_person',
      unit_name: null,
    })),
    survey_forms: {
      record_type: 'survey_forms',
      record_label: 'Phiếu khảo sát sự hài lòng của khách hàng đã thu về',
      retention_years: 2,
      counted_from: 'ngày kết thúc đợt khảo sát',
      records: forms,
    },
  };
}

describe('where backups go', () => {
  const state = (over: Partial<BackupState> = {}): BackupState => ({
    folder: 'C:\\YKien\\Sao lưu',
    chosen: false,
    second_folder: '',
    newest: null,
    newest_second: null,
    warn_after_days: 7,
    warnings: [],
    ...over,
  });

  it('says when the folder is the default one beside the database', () => {
    expect(backupPlace(state())).toBe('C:\\YKien\\Sao lưu (thư mục mặc định, cạnh tệp dữ liệu)');
    expect(backupPlace(state({ chosen: true, folder: 'E:\\SaoLuu' }))).toBe('E:\\SaoLuu');
  });

  it('gives the newest backup as a date, or says there is none', () => {
    const b: BackupFile = { path: 'x', file_name: 'ykien-20261122-093015.db', bytes: 1, made_at: '2026-11-22T09:30:15' };
    expect(newestBackup(b)).toBe('bản gần nhất 22/11/2026 09:30');
    expect(newestBackup(null)).toBe('chưa có bản nào');
  });
});

describe('retention helpers', () => {
  it('lists the survey forms due one line a round', () => {
    const forms = [
      form(2),
      form(120, { texts: 0, filled_on: '2026-01-10', due_on: '2028-01-10' }),
      form(7),
      form(1, { round_id: 'r2', round_code: '2025-02', round_name: 'Đợt bổ sung', texts: 2 }),
    ];
    expect(roundsDue(forms)).toEqual([
      {
        round_id: 'r1',
        round_code: '2025-01',
        round_name: 'Khảo sát năm 2025',
        period: '01/01/2025 – 31/12/2025',
        forms: 3,
        serials: '00002 – 00120',
        due: '31/12/2027 – 10/01/2028',
        texts: 2,
      },
      {
        round_id: 'r2',
        round_code: '2025-02',
        round_name: 'Đợt bổ sung',
        period: '01/01/2025 – 31/12/2025',
        forms: 1,
        serials: '00001',
        due: '31/12/2027',
        texts: 2,
      },
    ]);
  });

  it('says what is due and asks before disposing of it', () => {
    expect(dueWords(due(3, [form(1), form(2)]))).toBe('3 hồ sơ sổ ghi nhận và 2 phiếu khảo sát');
    expect(dueWords(due(0, [form(1)]))).toBe('1 phiếu khảo sát');
    expect(anythingDue(due(0, []))).toBe(false);
    expect(anythingDue(due(0, [form(1)]))).toBe(true);
    expect(disposalQuestion(due(0, [form(1)]))).toBe(
      'Xoá vĩnh viễn nội dung viết tay (ý kiến, tên người trả lời) của 1 phiếu khảo sát; chỉ giữ số liệu thống kê để báo cáo đã lập không đổi. Không thể hoàn tác.',
    );
    expect(disposalQuestion(due(2, [form(1)]))).toContain('thông tin cá nhân và nội dung của 2 hồ sơ sổ ghi nhận và nội dung viết tay');
  });

  it('reports a disposal of both types', () => {
    const d = due(2, [form(1)]);
    const r: DisposalReport = {
      disposal: {
        id: 'd1',
        on_date: d.on,
        record_type: 'ledger',
        retention_years: 3,
        records: d.records,
        redacted_audit_entries: 4,
        removed_reports: [
          { id: 'a', kind: 'complaints', period_from: '2024-01-01', period_to: '2024-12-31', generated_at: 'x', sha256: 'ab' },
        ],
      },
      survey_forms: {
        id: 'd2',
        on_date: d.on,
        record_type: 'survey_forms',
        retention_years: 2,
        records: d.survey_forms.records,
        erased_texts: 1,
        withdrawn_entries: 0,
        redacted_audit_entries: 1,
      },
      path: '/tmp/bb.pdf',
      bytes: 100,
    };
    expect(disposalNote(r)).toBe(
      'Đã tiêu huỷ 2 hồ sơ sổ ghi nhận và 1 phiếu khảo sát. Biên bản: /tmp/bb.pdf. Đã xoá 1 bản lưu báo cáo tổng hợp khiếu nại có ghi tên khách hàng của các hồ sơ này.',
    );
    expect(disposalNote({ ...r, survey_forms: null, disposal: { ...r.disposal, removed_reports: [] } })).toBe(
      'Đã tiêu huỷ 2 hồ sơ sổ ghi nhận. Biên bản: /tmp/bb.pdf.',
    );
  });
});
