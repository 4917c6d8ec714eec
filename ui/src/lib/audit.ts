// One short line saying what an audit entry changed, built from its before/after JSON.
// Auditors want "what changed" at a glance; the full records stay in the database.

import type { AuditEntry } from './api/bindings';
import { formatDate } from './format';
import { OFFICE_LABELS, roleLabel } from './labels';

type Rec = Record<string, unknown>;

interface FieldSpec {
  key: string;
  label: string;
  /** Unit word after a number, e.g. "ngày". */
  suffix?: string;
  show?: (v: unknown, labels: AuditLabels) => string;
}

/** Words for the core's machine names that only the loaded vocabulary knows. */
export interface AuditLabels {
  status: (value: string) => string;
}

const RAW: AuditLabels = { status: (v) => v };

const FIELDS: Record<string, FieldSpec[]> = {
  office: Object.entries(OFFICE_LABELS).map(([key, label]) => ({ key, label })),
  unit: [
    { key: 'name', label: 'Tên đơn vị' },
    { key: 'code', label: 'Ký hiệu' },
  ],
  staff: [
    { key: 'full_name', label: 'Họ và tên' },
    { key: 'title', label: 'Chức danh' },
    // unit_name rather than unit_id: the id means nothing to a reader.
    { key: 'unit_name', label: 'Đơn vị' },
    { key: 'role', label: 'Vai trò', show: (v) => roleLabel(String(v)) },
    { key: 'phone', label: 'Điện thoại' },
    { key: 'email', label: 'Thư điện tử' },
  ],
  settings: [
    { key: 'reply_deadline_days', label: 'Thời hạn trả lời', suffix: 'ngày' },
    {
      key: 'count_working_days',
      label: 'Cách tính hạn',
      show: (v) => (v ? 'ngày làm việc' : 'ngày lịch'),
    },
    { key: 'due_soon_days', label: 'Báo sắp đến hạn trước', suffix: 'ngày' },
    { key: 'formal_accept_days', label: 'Thời hạn thụ lý khiếu nại', suffix: 'ngày' },
    { key: 'formal_decide_days', label: 'Thời hạn giải quyết khiếu nại', suffix: 'ngày' },
    { key: 'formal_decide_days_complex', label: 'Thời hạn giải quyết khiếu nại phức tạp', suffix: 'ngày' },
    { key: 'ledger_retention_years', label: 'Lưu sổ ghi nhận', suffix: 'năm' },
    { key: 'survey_retention_years', label: 'Lưu phiếu khảo sát', suffix: 'năm' },
    { key: 'print_keep_days', label: 'Giữ bản in', suffix: 'ngày' },
  ],
  backup_settings: [
    // Empty shows as the house's «(trống)»: the default folder, or no second place.
    { key: 'folder', label: 'Thư mục sao lưu' },
    { key: 'second_folder', label: 'Nơi sao lưu thứ hai' },
    { key: 'keep', label: 'Số bản giữ lại', suffix: 'bản' },
    { key: 'warn_after_days', label: 'Cảnh báo khi bản gần nhất cũ hơn', suffix: 'ngày' },
  ],
  // A case: its moves, the director's exception deadline and the unit head's confirmation.
  feedback: [
    { key: 'status', label: 'Trạng thái', show: (v, l) => l.status(String(v)) },
    { key: 'exception_due', label: 'Hạn giải quyết', show: (v) => formatDate(String(v)) },
    { key: 'confirmed_by', label: 'Xác nhận' },
  ],
  kiosk: [
    { key: 'paired', label: 'Đã ghép với máy tính bảng', show: (v) => (v ? 'có' : 'chưa') },
    { key: 'disabled', label: 'Ngừng dùng', show: (v) => (v ? 'có' : 'không') },
  ],
  holiday: [
    { key: 'day', label: 'Ngày', show: (v) => formatDate(String(v)) },
    { key: 'name', label: 'Tên ngày nghỉ' },
  ],
};

/** Changes listed before "và N thay đổi khác". */
const MAX_CHANGES = 3;

function parse(json: string | null): Rec | null {
  if (!json) return null;
  try {
    const v: unknown = JSON.parse(json);
    return typeof v === 'object' && v !== null ? (v as Rec) : null;
  } catch {
    return null;
  }
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function showValue(spec: FieldSpec, v: unknown, labels: AuditLabels): string {
  if (isBlank(v)) return '(trống)';
  if (spec.show) return spec.show(v, labels);
  if (typeof v === 'number') return spec.suffix ? `${v} ${spec.suffix}` : String(v);
  return `«${String(v)}»`;
}

function text(r: Rec, key: string): string {
  const v = r[key];
  return typeof v === 'string' ? v.trim() : '';
}

/** The record's own name, quoted; empty for the settings, which have none. */
function nameOf(entity: string, r: Rec): string {
  const name = text(r, entity === 'staff' ? 'full_name' : 'name');
  return entity === 'settings' || !name ? '' : `«${name}»`;
}

/** The name with what tells two records apart: a unit's code, a person's title and unit. */
function describeRecord(entity: string, r: Rec): string {
  const name = nameOf(entity, r);
  if (entity === 'unit') {
    const code = text(r, 'code');
    return code ? `${name} (${code})` : name;
  }
  if (entity === 'staff') {
    const extra = [text(r, 'title'), text(r, 'unit_name')].filter(Boolean).join(', ');
    return extra ? `${name}, ${extra}` : name;
  }
  if (entity === 'holiday') {
    const day = text(r, 'day');
    return day ? `${name} (${formatDate(day)})` : name;
  }
  if (entity === 'corrective_action' || entity === 'case_step') {
    // What was done, in the clerk's own words.
    const what = text(r, entity === 'case_step' ? 'note' : 'action');
    return what ? `«${what}»` : '';
  }
  // Personal data: which records, never the data itself (the core logs none).
  const list = (key: string) => (Array.isArray(r[key]) ? (r[key] as unknown[]).map(String) : []);
  const records = () => [...list('records'), ...list('survey_forms')].join(', ');
  if (entity === 'contact_view') {
    return `Xem thông tin liên hệ của hồ sơ ${text(r, 'receipt_no')}`;
  }
  if (entity === 'personal_data_export') {
    return `Trích xuất dữ liệu cá nhân: ${records()}`;
  }
  if (entity === 'personal_data_erasure') {
    const date = text(r, 'request_date');
    return `Xoá dữ liệu cá nhân theo yêu cầu «${text(r, 'request_reference')}»${date ? ` ngày ${formatDate(date)}` : ''}: ${records()}`;
  }
  if (entity === 'customer_notice') {
    const on = text(r, 'sent_on');
    return on ? `Gửi cho khách hàng ngày ${formatDate(on)}` : '';
  }
  if (entity === 'feedback') {
    // A new entry: its receipt number and who gave it.
    const input = (typeof r.input === 'object' && r.input !== null ? r.input : {}) as Rec;
    const who = text(input, 'customer_name');
    const receipt = text(r, 'receipt_no');
    return [receipt ? `Số phiếu ${receipt}` : '', who ? `«${who}»` : ''].filter(Boolean).join(', ');
  }
  return name;
}

function changes(entity: string, before: Rec, after: Rec, labels: AuditLabels): string[] {
  const specs = FIELDS[entity] ?? [];
  const out: string[] = [];
  for (const spec of specs) {
    const a = before[spec.key];
    const b = after[spec.key];
    if (isBlank(a) && isBlank(b)) continue;
    if (a === b) continue;
    out.push(`${spec.label}: ${showValue(spec, a, labels)} → ${showValue(spec, b, labels)}`);
  }
  return out;
}

export function auditSummary(entry: AuditEntry, labels: AuditLabels = RAW): string {
  const before = parse(entry.before);
  const after = parse(entry.after);

  if (before && after) {
    const list = changes(entry.entity, before, after, labels);
    const shown = list.slice(0, MAX_CHANGES).join('; ');
    const more = list.length > MAX_CHANGES ? ` và ${list.length - MAX_CHANGES} thay đổi khác` : '';
    // Units and staff are many, so say which one; there is only one office and one settings.
    const who = entry.entity === 'unit' || entry.entity === 'staff' ? nameOf(entry.entity, after) : '';
    if (!shown) return who || '—';
    return who ? `${who} — ${shown}${more}` : `${shown}${more}`;
  }

  const record = after ?? before;
  return (record && describeRecord(entry.entity, record)) || '—';
}
