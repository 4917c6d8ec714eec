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
