// Pure helpers of the records screen: sizes, the lines that sum up an import, backup names
// shown as dates, the suggested names of exported files, and what is due for disposal.

import type {
  BackupFile,
  BackupState,
  CellConversion,
  CodePage,
  DisposalReport,
  Encoding,
  DueSurveyForm,
  ImportPreview,
  ImportRow,
  RetentionDue,
  TaskProgress,
} from '../api/bindings';

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

/** The title of the dialog that picks the second place for backups. */
export const SECOND_PLACE_TITLE = 'Chọn nơi sao lưu thứ hai (ổ USB hoặc ổ đĩa khác)';

/** Where backups go, as the window says it: the folder, and whether it is the default one. */
export function backupPlace(state: BackupState): string {
  return state.chosen ? state.folder : `${state.folder} (thư mục mặc định, cạnh tệp dữ liệu)`;
}

/** The newest backup of a place, or that it has none. */
export function newestBackup(b: BackupFile | null): string {
  return b ? `bản gần nhất ${backupTime(b)}` : 'chưa có bản nào';
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

/** A cell as the spreadsheet names it, with its sheet when it has one: "B5", "Sổ 2024!B5". */
export function cellName(c: CellConversion): string {
  return `${c.sheet ? `${c.sheet}!` : ''}${c.column}${c.row}`;
}

export const ENCODING_SHORT: Record<Encoding, string> = { unicode: 'Unicode', tcvn3: 'TCVN3', vni: 'VNI' };

const CODE_PAGE: Record<CodePage, string> = {
  utf8: 'UTF-8',
  utf16: 'UTF-16 (Unicode)',
  windows1258: 'Windows-1258 (tiếng Việt, Excel trên Windows tiếng Việt)',
  windows1252: 'Windows-1252',
};

/** The line saying a CSV file was read in a code page other than UTF-8. */
export function codePageNote(page: CodePage | null | undefined): string {
  if (!page || page === 'utf8') return '';
  return `Tệp CSV được lưu bằng bảng mã ${CODE_PAGE[page]}; đã đọc và chuyển sang Unicode.`;
}

/** The encoding line of the preview, when the text was converted. */
export function encodingNote(p: ImportPreview): string {
  if (p.encoding === 'unicode' || p.converted_cells === 0) return '';
  // The encoding is decided cell by cell: the other cells were Unicode already.
  return `Các ô gõ bằng bảng mã ${p.encoding_label}; đã chuyển ${p.converted_cells} ô sang Unicode, các ô khác giữ nguyên. Hãy xem lại trước khi nhập.`;
}

export const ROW_STATUS: Record<ImportRow['status'], string> = {
  new: 'Mới',
  duplicate: 'Đã có',
  error: 'Lỗi',
};

/** "Đang nhập… 1.500/4.000 dòng" (or "… trang" of a scanned stack) for the progress line. */
export function progressText(p: TaskProgress | null, task: string): string {
  const verb: Record<string, string> = { import: 'Đang nhập', export: 'Đang xuất', backup: 'Đang sao lưu', scan: 'Đang đọc phiếu quét' };
  const label = verb[task] ?? 'Đang làm';
  if (!p || p.task !== task || p.total <= 1) return `${label}…`;
  const n = (x: number) => x.toLocaleString('vi-VN');
  return `${label}… ${n(p.done)}/${n(p.total)} ${task === 'scan' ? 'trang' : 'dòng'}`;
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

/** "2026-03-02" → "02/03/2026". */
export function dayText(iso: string): string {
  return iso.split('-').reverse().join('/');
}

/** The survey forms due of one round, as one line of the list. */
export interface RoundDue {
  round_id: string;
  round_code: string;
  round_name: string;
  /** "01/01/2025 – 31/12/2025" */
  period: string;
  forms: number;
  /** "00002 – 00120": the lowest and the highest serial due. */
  serials: string;
  /** The first day a form of the round may be disposed of ("31/12/2027"), and the last when later. */
  due: string;
  /** Written answers (opinions, the respondent's name) the disposal erases. */
  texts: number;
}

/** The forms due, one line a round, in the order the core lists them (by round). */
export function roundsDue(forms: DueSurveyForm[]): RoundDue[] {
  const out: RoundDue[] = [];
  const serial = (n: number) => String(n).padStart(5, '0');
  for (const f of forms) {
    let r = out.find((x) => x.round_id === f.round_id);
    if (!r) {
      r = {
        round_id: f.round_id,
        round_code: f.round_code,
        round_name: f.round_name,
        period: `${dayText(f.period_from)} – ${dayText(f.period_to)}`,
        forms: 0,
        serials: '',
        due: '',
        texts: 0,
      };
      out.push(r);
    }
    r.forms += 1;
    r.texts += f.texts;
  }
  for (const r of out) {
    const mine = forms.filter((f) => f.round_id === r.round_id);
    const serials = mine.map((f) => f.serial);
    const [lo, hi] = [Math.min(...serials), Math.max(...serials)];
    r.serials = lo === hi ? serial(lo) : `${serial(lo)} – ${serial(hi)}`;
    const days = mine.map((f) => f.due_on).sort();
    const [first, last] = [days[0], days[days.length - 1]];
    r.due = first === last ? dayText(first) : `${dayText(first)} – ${dayText(last)}`;
  }
  return out;
}

/** How many records of each type are due, in words ("3 hồ sơ sổ ghi nhận và 104 phiếu khảo sát"). */
export function dueWords(due: RetentionDue): string {
  const parts: string[] = [];
  if (due.records.length > 0) parts.push(`${due.records.length} hồ sơ sổ ghi nhận`);
  if (due.survey_forms.records.length > 0) parts.push(`${due.survey_forms.records.length} phiếu khảo sát`);
  return parts.join(' và ');
}

/** Whether anything is due at all. */
export function anythingDue(due: RetentionDue): boolean {
  return due.records.length > 0 || due.survey_forms.records.length > 0;
}

/** The question asked before a disposal. */
export function disposalQuestion(due: RetentionDue): string {
  const what: string[] = [];
  if (due.records.length > 0) {
    what.push(`thông tin cá nhân và nội dung của ${due.records.length} hồ sơ sổ ghi nhận`);
  }
  if (due.survey_forms.records.length > 0) {
    what.push(`nội dung viết tay (ý kiến, tên người trả lời) của ${due.survey_forms.records.length} phiếu khảo sát`);
  }
  return `Xoá vĩnh viễn ${what.join(' và ')}; chỉ giữ số liệu thống kê để báo cáo đã lập không đổi. Không thể hoàn tác.`;
}

/** The line shown after a disposal. */
export function disposalNote(r: DisposalReport): string {
  const what: string[] = [];
  if (r.disposal.records.length > 0) what.push(`${r.disposal.records.length} hồ sơ sổ ghi nhận`);
  if (r.survey_forms && r.survey_forms.records.length > 0) what.push(`${r.survey_forms.records.length} phiếu khảo sát`);
  let note = `Đã tiêu huỷ ${what.join(' và ')}. Biên bản: ${r.path}.`;
  const removed = r.disposal.removed_reports.length;
  if (removed > 0) note += ` Đã xoá ${removed} bản lưu báo cáo tổng hợp khiếu nại có ghi tên khách hàng của các hồ sơ này.`;
  return note;
}
