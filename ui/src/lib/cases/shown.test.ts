import { describe, expect, it, vi } from 'vitest';
import type { Case, ErrorReport } from '../api/bindings';
import { changeShownCase } from './shown';

const STALE: ErrorReport = { kind: 'conflict', message: 'Hồ sơ vừa được người khác cập nhật, hãy xem lại.' };

// Only what the function reads of a case matters here: its id and version, and the status
// that tells the case shown before from the case as it now stands.
function kase(version: number, status: Case['status']): Case {
  return { id: 'c1', receipt_no: '2026/000012', version, status } as Case;
}

describe('changeShownCase', () => {
  it('sends the version of the case shown, and answers the moved case', async () => {
    const send = vi.fn(async (version: number) => kase(version + 1, 'front_desk'));
    const shown = vi.fn();
    const reload = vi.fn();
    const moved = await changeShownCase(kase(3, 'received'), send, shown, reload);
    expect(send).toHaveBeenCalledWith(3);
    expect(moved.version).toBe(4);
    expect(shown).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
  });

  it('on a stale view, shows the case as it now stands and rejects with the refusal', async () => {
    const now = kase(5, 'specialist');
    const shown = vi.fn();
    const reload = vi.fn(async () => now);
    const refused = changeShownCase(kase(3, 'received'), async () => Promise.reject(STALE), shown, reload);
    // The refusal itself reaches the form, for its alert: the clerk reads why.
    await expect(refused).rejects.toBe(STALE);
    expect(reload).toHaveBeenCalledWith('c1');
    expect(shown).toHaveBeenCalledWith(now);
  });

  it('keeps the refusal when the case cannot be reloaded either', async () => {
    const lost: ErrorReport = { kind: 'connection', message: 'Mất kết nối tới máy chủ' };
    const shown = vi.fn();
    const refused = changeShownCase(kase(3, 'received'), async () => Promise.reject(STALE), shown, async () => Promise.reject(lost));
    await expect(refused).rejects.toBe(STALE);
    expect(shown).not.toHaveBeenCalled();
  });

  it('reloads nothing on other refusals: the case shown is still the case', async () => {
    const invalid: ErrorReport = { kind: 'validation', field: 'note', message: 'Bước này cần ghi rõ nội dung.' };
    const reload = vi.fn();
    const shown = vi.fn();
    await expect(changeShownCase(kase(3, 'received'), async () => Promise.reject(invalid), shown, reload)).rejects.toBe(invalid);
    expect(reload).not.toHaveBeenCalled();
    expect(shown).not.toHaveBeenCalled();
  });
});
