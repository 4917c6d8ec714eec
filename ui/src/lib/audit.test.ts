import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './api/bindings';
import { auditSummary } from './audit';

function entry(entity: string, action: string, before: object | null, after: object | null): AuditEntry {
  return {
    seq: 1,
    at: '2026-01-05T03:04:05Z',
    actor: 'hệ thống',
    action,
    entity,
    entity_id: 'x',
    before: before && JSON.stringify(before),
    after: after && JSON.stringify(after),
  };
}

const unit = { id: 'u1', name: 'Phòng Quản lý thương mại', code: 'QLTM' };
const staff = {
  id: 's1',
  full_name: 'Nguyễn Văn An',
  title: 'Chuyên viên',
  unit_id: 'u1',
  unit_name: 'Văn phòng Sở',
  role: 'reception',
  phone: '',
  email: '',
};

describe('auditSummary', () => {
  it('names a created unit with its code', () => {
    expect(auditSummary(entry('unit', 'create', null, unit))).toBe('«Phòng Quản lý thương mại» (QLTM)');
  });

  it('names a deleted staff member from the record before', () => {
    expect(auditSummary(entry('staff', 'delete', staff, null))).toBe('«Nguyễn Văn An», Chuyên viên, Văn phòng Sở');
  });

  it('lists what an update changed, with role labels and unit names', () => {
    const after = { ...staff, title: 'Trưởng phòng', role: 'unit_head', unit_id: 'u2', unit_name: 'Ban ISO' };
    expect(auditSummary(entry('staff', 'update', staff, after))).toBe(
      '«Nguyễn Văn An» — Chức danh: «Chuyên viên» → «Trưởng phòng»; Đơn vị: «Văn phòng Sở» → «Ban ISO»; ' +
        'Vai trò: Cán bộ tiếp nhận → Trưởng đơn vị',
    );
  });

  it('says when a value was blank', () => {
    const after = { ...unit, code: '' };
    expect(auditSummary(entry('unit', 'update', unit, after))).toBe(
      '«Phòng Quản lý thương mại» — Ký hiệu: «QLTM» → (trống)',
    );
  });

  it('gives settings changes with their units and no record name', () => {
    const before = { reply_deadline_days: 30, ledger_retention_years: 3, survey_retention_years: 3 };
    const after = { ...before, reply_deadline_days: 15 };
    expect(auditSummary(entry('settings', 'update', before, after))).toBe('Thời hạn trả lời: 30 ngày → 15 ngày');
  });

  it('words the backup settings and the days prints are kept', () => {
    const before = { folder: '', second_folder: '', keep: 30, warn_after_days: 7 };
    const after = { ...before, second_folder: 'E:\\Sao lưu', warn_after_days: 3 };
    expect(auditSummary(entry('backup_settings', 'update', before, after))).toBe(
      'Nơi sao lưu thứ hai: (trống) → «E:\\Sao lưu»; Cảnh báo khi bản gần nhất cũ hơn: 7 ngày → 3 ngày',
    );
    const prints = entry('settings', 'update', { print_keep_days: 7 }, { print_keep_days: 0 });
    expect(auditSummary(prints)).toBe('Giữ bản in: 7 ngày → 0 ngày');
  });

  it('words the deadline settings, the day count included', () => {
    const before = { reply_deadline_days: 30, count_working_days: false, due_soon_days: 3, formal_accept_days: 10 };
    const after = { ...before, count_working_days: true, due_soon_days: 5 };
    expect(auditSummary(entry('settings', 'update', before, after))).toBe(
      'Cách tính hạn: ngày lịch → ngày làm việc; Báo sắp đến hạn trước: 3 ngày → 5 ngày',
    );
  });

  it('gives a move of a case with the state labels it is given', () => {
    const e = entry('feedback', 'update', { status: 'received' }, { status: 'specialist', note: 'Ngoài thẩm quyền' });
    const labels = { status: (v: string) => ({ received: 'Đã tiếp nhận', specialist: 'Phòng chuyên môn xử lý' })[v] ?? v };
    expect(auditSummary(e, labels)).toBe('Trạng thái: Đã tiếp nhận → Phòng chuyên môn xử lý');
    expect(auditSummary(e)).toBe('Trạng thái: received → specialist');
  });

  it('names a new book entry by its receipt number and customer', () => {
    const after = { receipt_no: '2026/000123', input: { customer_name: 'Lê Thị Thu Trang', content: 'x' } };
    expect(auditSummary(entry('feedback', 'create', null, after))).toBe('Số phiếu 2026/000123, «Lê Thị Thu Trang»');
  });

  it('quotes what a corrective action or a recorded step says', () => {
    expect(auditSummary(entry('corrective_action', 'create', null, { action: 'Cấp tài khoản riêng', cause: 'x' }))).toBe(
      '«Cấp tài khoản riêng»',
    );
    expect(auditSummary(entry('case_step', 'create', null, { step: 'attitude_talk', note: 'Đã trao đổi' }))).toBe(
      '«Đã trao đổi»',
    );
  });

  it('names a holiday with its date', () => {
    expect(auditSummary(entry('holiday', 'create', null, { day: '2026-09-02', name: 'Quốc khánh' }))).toBe(
      '«Quốc khánh» (02/09/2026)',
    );
  });

  it('caps a long list of changes', () => {
    const before = {
      name: 'A',
      parent_agency: 'B',
      place_name: 'C',
      address: 'D',
      phone: '1',
      email: 'e',
      ledger_form_code: 'X',
      survey_form_code: 'Y',
    };
    const after = { ...before, name: 'A2', parent_agency: 'B2', place_name: 'C2', address: 'D2', phone: '2' };
    const text = auditSummary(entry('office', 'update', before, after));
    expect(text).toBe(
      'Tên cơ quan: «A» → «A2»; Cơ quan chủ quản: «B» → «B2»; Địa danh: «C» → «C2» và 2 thay đổi khác',
    );
  });

  it('names the office when it is first set up', () => {
    expect(auditSummary(entry('office', 'create', null, { name: 'Sở Công Thương tỉnh Đắk Lắk' }))).toBe(
      '«Sở Công Thương tỉnh Đắk Lắk»',
    );
  });

  it('survives broken JSON', () => {
    const e = { ...entry('unit', 'update', null, null), before: '{oops', after: 'not json' };
    expect(auditSummary(e)).toBe('—');
  });
});

describe('personal data entries', () => {
  const entry = (entity: string, after: object): AuditEntry => ({
    seq: 1,
    at: '2026-03-02T09:30:00.000Z',
    actor: 'tiepnhan (Nguyễn Thị Thanh Hương)',
    action: 'create',
    entity,
    entity_id: 'x',
    before: null,
    after: JSON.stringify(after),
  });

  it('names the records, not the data', () => {
    expect(auditSummary(entry('contact_view', { receipt_no: '2026/000123', fields: ['điện thoại'] }))).toBe(
      'Xem thông tin liên hệ của hồ sơ 2026/000123',
    );
    expect(auditSummary(entry('personal_data_export', { records: ['2026/000123'], survey_forms: ['2026-01/00007'] }))).toBe(
      'Trích xuất dữ liệu cá nhân: 2026/000123, 2026-01/00007',
    );
    expect(
      auditSummary(entry('personal_data_erasure', { request_reference: 'Đơn số 12', request_date: '2026-05-04', records: ['2026/000123'], survey_forms: [] })),
    ).toBe('Xoá dữ liệu cá nhân theo yêu cầu «Đơn số 12» ngày 04/05/2026: 2026/000123');
  });
});
