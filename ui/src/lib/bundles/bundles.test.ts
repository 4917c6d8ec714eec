import { describe, expect, it } from 'vitest';
import type { BundleImport, Share } from '../api/bindings';
import { importNote, shareText } from './bundles';

describe('the bundles page', () => {
  it('shows a share with its counts, and a dash when there is nothing to divide', () => {
    const share = (count: number, of: number, percent: number | null): Share => ({ count, of, percent });
    expect(shareText(share(37, 40, 92.5))).toBe('92,5% (37/40)');
    expect(shareText(share(0, 0, null))).toBe('—');
  });

  it('tells an import that changed nothing from one that replaced an older bundle', () => {
    const bundle = { office: 'UBND xã Hoà Phú', from: '2026-01-01', to: '2026-12-31' } as BundleImport['bundle'];
    expect(importNote({ outcome: 'unchanged', bundle })).toContain('không có gì thay đổi');
    expect(importNote({ outcome: 'replaced', bundle })).toContain('thay cho gói cũ hơn');
    expect(importNote({ outcome: 'imported', bundle })).toBe('Đã nhập gói số liệu của «UBND xã Hoà Phú» (01/01/2026 – 31/12/2026).');
  });
});
