import { describe, expect, it } from 'vitest';
import { blankOffice, placeError } from './forms';

describe('blankOffice', () => {
  it('starts with the ISO form codes and empty text fields', () => {
    const p = blankOffice();
    expect(p.ledger_form_code).toBe('BM.QT.SCT.05-01');
    expect(p.survey_form_code).toBe('BM.QT.SCT.05-02');
    expect(p.name).toBe('');
    expect(p.place_name).toBe('');
  });
});

describe('placeError', () => {
  const fields = ['full_name', 'title', 'unit_id'];

  it('puts a validation error under a field the form has', () => {
    const err = { kind: 'validation', field: 'unit_id', message: 'Đơn vị đã chọn không còn tồn tại.' };
    expect(placeError(err, fields)).toEqual({ field: 'unit_id', message: 'Đơn vị đã chọn không còn tồn tại.' });
  });

  it('sends a validation error about a field the form lacks to the alert', () => {
    const err = { kind: 'validation', field: 'role', message: 'Vai trò không hợp lệ: «x».' };
    expect(placeError(err, fields)).toEqual({ field: null, message: 'Vai trò không hợp lệ: «x».' });
  });

  it('sends other errors to the alert with a sentence', () => {
    const placed = placeError({ kind: 'storage', message: 'database is locked' }, fields);
    expect(placed.field).toBeNull();
    expect(placed.message).toContain('database is locked');
  });
});
