import { afterEach, describe, expect, it, vi } from 'vitest';
import { blankOffice, inputIds, placeError, showError, submitForm } from './forms';

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

describe('showError', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** A page whose inputs record being focused. */
  function page() {
    const focused: string[] = [];
    vi.stubGlobal('document', { getElementById: (id: string) => ({ focus: () => focused.push(id) }) });
    return focused;
  }

  it('puts the message under the field and the cursor in its input', async () => {
    const focused = page();
    const err = { kind: 'validation', field: 'unit_id', message: 'Đơn vị đã chọn không còn tồn tại.' };
    const shown = showError(err, ['full_name', 'unit_id'], inputIds('staff', { unit_id: 'staff-unit' }));
    expect(shown).toEqual({ errors: { unit_id: 'Đơn vị đã chọn không còn tồn tại.' }, alert: '' });
    await Promise.resolve();
    await Promise.resolve();
    expect(focused).toEqual(['staff-unit']);
  });

  it('sends an error about no field of the form to the alert and moves no cursor', async () => {
    const focused = page();
    const shown = showError({ kind: 'validation', field: 'role', message: 'Vai trò không hợp lệ.' }, ['name'], inputIds('unit'));
    expect(shown).toEqual({ errors: {}, alert: 'Vai trò không hợp lệ.' });
    await Promise.resolve();
    await Promise.resolve();
    expect(focused).toEqual([]);
  });
});

describe('inputIds', () => {
  it('names inputs prefix-field unless told otherwise', () => {
    const id = inputIds('move', { staff_id: 'move-staff' });
    expect(id('note')).toBe('move-note');
    expect(id('staff_id')).toBe('move-staff');
  });
});

describe('submitForm', () => {
  const ids = inputIds('f');
  const refusal = { kind: 'validation', field: 'name', message: 'Tên không được để trống.' };

  it("stops at the form's own check: nothing runs, the message is on its field, the core did not refuse", async () => {
    const run = vi.fn(async () => {});
    const busy: boolean[] = [];
    const r = await submitForm(() => ({ field: 'day', message: 'Chưa chọn ngày.' }), run, ['day'], ids, (b) => busy.push(b));
    expect(run).not.toHaveBeenCalled();
    expect(busy).toEqual([]);
    expect(r).toEqual({ errors: { day: 'Chưa chọn ngày.' }, alert: '', refused: false });
  });

  it("places the core's refusal and is busy only while it runs", async () => {
    const busy: boolean[] = [];
    const r = await submitForm(undefined, async () => Promise.reject(refusal), ['name'], ids, (b) => busy.push(b));
    expect(busy).toEqual([true, false]);
    expect(r).toEqual({ errors: { name: 'Tên không được để trống.' }, alert: '', refused: true });
  });

  it('answers null when saved', async () => {
    expect(await submitForm(() => null, async () => 1, [], ids, () => {})).toBeNull();
  });
});
