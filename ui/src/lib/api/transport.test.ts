import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { call } = await import('./transport');

beforeEach(() => {
  invoke.mockReset();
});

describe('transport', () => {
  it('sends every command through the shell’s one command with its name and arguments', async () => {
    invoke.mockResolvedValue({ name: 'Sở Công Thương' });
    await expect(call('office_get')).resolves.toEqual({ name: 'Sở Công Thương' });
    await call('case_get', { id: 'c1' });
    await call('app_info');
    expect(invoke.mock.calls).toEqual([
      ['call', { command: 'office_get', args: {} }],
      ['call', { command: 'case_get', args: { id: 'c1' } }],
      ['call', { command: 'app_info', args: {} }],
    ]);
  });

  it('rejects with the core’s error report untouched', async () => {
    const report = { kind: 'not_found', entity: 'lệnh', id: 'x', message: 'Không tìm thấy lệnh có mã x.' };
    invoke.mockRejectedValueOnce(report);
    await expect(call('units_list')).rejects.toBe(report);
  });
});
