import { beforeEach, describe, expect, it, vi } from 'vitest';

// The argument names must match the Rust commands exactly (camelCase on this side), or Tauri
// rejects the call at run time; nothing else would catch a typo before the app starts.
const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const api = await import('./index');

beforeEach(() => {
  invoke.mockReset();
  invoke.mockResolvedValue(null);
});

describe('api', () => {
  it('calls each command by its Rust name with its argument names', async () => {
    const office = (await import('../forms')).blankOffice();
    const settings = { reply_deadline_days: 30, ledger_retention_years: 3, survey_retention_years: 3 };
    const staff = { full_name: 'A', title: '', unit_id: null, role: 'reception' as const, phone: '', email: '' };

    await api.appInfo();
    await api.officeGet();
    await api.officeSave(office);
    await api.unitsList();
    await api.unitSave({ name: 'Ban ISO', code: 'ISO' });
    await api.unitDelete('u1');
    await api.staffSave(staff);
    await api.staffDelete('s1');
    await api.settingsGet();
    await api.settingsSave(settings);
    await api.auditLog(200);

    expect(invoke.mock.calls).toEqual([
      ['app_info'],
      ['office_get'],
      ['office_save', { profile: office }],
      ['units_list'],
      ['unit_save', { unit: { name: 'Ban ISO', code: 'ISO' } }],
      ['unit_delete', { id: 'u1' }],
      ['staff_save', { staff }],
      ['staff_delete', { id: 's1' }],
      ['settings_get'],
      ['settings_save', { settings }],
      ['audit_log', { limit: 200 }],
    ]);
  });

  it('sends a blank staff query as null and trims the rest', async () => {
    await api.staffList('   ');
    await api.staffList(null);
    await api.staffList(' nguyen van ');
    expect(invoke.mock.calls).toEqual([
      ['staff_list', { query: null }],
      ['staff_list', { query: null }],
      ['staff_list', { query: 'nguyen van' }],
    ]);
  });

  it('passes the core error through untouched', async () => {
    const report = { kind: 'conflict', message: 'còn cán bộ' };
    invoke.mockRejectedValueOnce(report);
    await expect(api.unitDelete('u1')).rejects.toBe(report);
  });
});
